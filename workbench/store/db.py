"""The one SQLite connection: opening, locking, transactions and error translation.

Every SQL statement of the project lives in this package. Domain packages call the
query functions of the sibling modules; nothing else touches a cursor.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from workbench.store import schema

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """A problem of the user's environment (locked, corrupt, disk full), not a bug.

    Carries a Chinese message for the window and an English one for the CLI.
    """

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh = zh
        self.en = en

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class InstanceLock:
    """An exclusive lock file beside the store so a second workbench is refused."""

    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self._file = None

    def acquire(self) -> None:
        self._file = open(self.path, "a+")  # noqa: SIM115 - held until release()
        try:
            _lock_file(self._file)
        except OSError:
            self._file.close()
            self._file = None
            raise StoreError(
                f"这个数据文件已被另一个工作台打开：{self.path.with_suffix('')}\n"
                "请先关闭另一个窗口，再打开本工作台。",
                f"The store {self.path.with_suffix('')} is already open in another workbench. "
                "Close that one first.",
            ) from None

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _lock_file(handle) -> None:
    if os.name == "nt":
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _check_readable(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite gets a chance to touch it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(
            f"无法读取数据文件 {path}：{error.strerror}",
            f"Cannot read the store {path}: {error.strerror}",
        ) from error
    if header != SQLITE_HEADER:
        raise corrupt_error(path)


def corrupt_error(path: Path) -> StoreError:
    return StoreError(
        f"数据文件 {path} 已损坏或不是工作台的数据文件。文件保持原样未被改动；"
        "请从备份恢复，或用 --db 指定另一个文件。",
        f"The store {path} is damaged or not a workbench store. It was left untouched; "
        "restore it from a backup or choose another file with --db.",
    )


def translate_error(error: sqlite3.Error, path: Path) -> StoreError | None:
    """Map SQLite errors caused by the environment to a StoreError; None means a bug."""
    text = str(error).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return corrupt_error(path)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"数据文件 {path} 正被其他程序占用，请稍后再试。",
            f"The store {path} is busy in another program; try again shortly.",
        )
    if any(word in text for word in ("disk is full", "disk i/o", "readonly", "unable to open")):
        return StoreError(
            f"无法写入数据文件 {path}（磁盘已满或无写入权限）。刚才的操作没有保存，其余数据完好。",
            f"Cannot write the store {path} (disk full or no permission). "
            "The last change was not saved; everything else is intact.",
        )
    return None


class Store:
    """An open workbench store. Use :meth:`open`; close it with :meth:`close`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: InstanceLock | None):
        self.path = path
        self.conn = conn
        self._lock = lock
        self._depth = 0

    @classmethod
    def open(cls, path: Path | str, *, exclusive: bool = False,
             migrations: list | None = None, synchronous: str = "NORMAL") -> Store:
        """Open (creating if absent) and migrate the store at ``path``.

        ``exclusive`` takes the single-instance lock: the window does, CLI commands don't.
        Another kind of file (the router's) passes its own ``migrations``.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_readable(path)
        lock = InstanceLock(path) if exclusive else None
        if lock:
            lock.acquire()
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            try:
                conn.row_factory = sqlite3.Row
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute(f"PRAGMA synchronous = {synchronous}")
                schema.migrate(conn, migrations=migrations or schema.MIGRATIONS)
            except sqlite3.Error as error:
                conn.close()
                raise translate_error(error, path) or error from error
        except BaseException:
            if lock:
                lock.release()
            raise
        return cls(path, conn, lock)

    def close(self) -> None:
        self.conn.close()
        if self._lock:
            self._lock.release()

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: the outermost block commits, any exception rolls back.

        Nested blocks join the outer transaction, so domain operations compose.
        """
        outer = self._depth == 0
        if outer:
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            self._depth -= 1
            if outer:
                self.conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if outer:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                self.conn.execute("ROLLBACK")
                raise translate_error(error, self.path) or error from error
