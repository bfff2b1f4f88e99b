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

from workbench.store import integrity

SQLITE_HEADER = integrity.SQLITE_HEADER
BUSY_TIMEOUT_MS = 5000
BUSY_TIMEOUT_ENV = "WORKBENCH_BUSY_TIMEOUT_MS"


class StoreError(Exception):
    """A problem of the user's environment (locked, damaged, disk full), not a bug.

    Carries a Chinese message for the window and an English one for the CLI; ``kind``
    says which trouble it is (see :func:`translate_error`), "damaged" turning the
    session read-only.
    """

    def __init__(self, zh: str, en: str, kind: str = "other"):
        super().__init__(en)
        self.zh = zh
        self.en = en
        self.kind = kind

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


def busy_timeout_ms() -> int:
    """How long a write waits for another program's lock; WORKBENCH_BUSY_TIMEOUT_MS
    shortens it (the fault tests) or lengthens it (a slow network disk)."""
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _check_readable(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite gets a chance to touch it."""
    if not path.exists():
        return
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(
            f"无法读取数据文件 {path}：{error.strerror}",
            f"Cannot read the store {path}: {error.strerror}", "unreadable",
        ) from error
    if not header:
        raise StoreError(
            f"数据文件 {path} 是空的（0 字节），可能被截断了。工作台不会重新初始化它：请从备份恢复"
            "（workbench store restore），或删除这个文件后重新开始。",
            f"The store {path} is empty (0 bytes) and may have been cut off. It is not "
            "initialised again: restore a backup (workbench store restore), or delete the "
            "file to start afresh.", "damaged")
    if header != SQLITE_HEADER:
        raise corrupt_error(path)


def corrupt_error(path: Path, reason: str = "") -> StoreError:
    reason = " ".join(reason.split())[:120]  # SQLite's own words, kept to one line
    detail_zh = f"（{integrity.describe(reason)}）" if reason else ""
    detail_en = f" ({reason})" if reason else ""
    return StoreError(
        f"数据文件 {path} 已损坏或不是工作台的数据文件{detail_zh}。文件保持原样，不会再写入；"
        "请从备份恢复（workbench store restore），或用 --db 指定另一个文件。",
        f"The store {path} is damaged or not a workbench store{detail_en}. It is left "
        "untouched and will not be written; restore a backup (workbench store restore) or "
        "choose another file with --db.", "damaged",
    )


def read_only_error(path: Path) -> StoreError:
    """What the window says, and every write refuses with, once the store was found
    damaged."""
    return StoreError(
        f"数据文件 {path} 已损坏，工作台已转为只读：可以查看，但不会再写入它，"
        "刚才和之后的改动都不会保存。请从备份恢复（帮助 → 数据与备份）。",
        f"The store {path} is damaged, so the workbench is read-only now: you can look, but "
        "nothing more is written to it, and the last change was not saved. Restore a backup "
        "(Help → Data and backups).", "damaged",
    )


# Primary SQLite result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 10, 13, 14


def _trouble(error: sqlite3.Error) -> str | None:
    """Which environment trouble a SQLite error is, by its result code (its text where
    Python gives none); None means a bug (bad SQL, a broken constraint)."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if integrity.is_damage(error):
        return "damaged"
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return "locked"
    if primary == SQLITE_FULL or "disk is full" in text:
        return "full"
    if primary in (SQLITE_READONLY, SQLITE_PERM) or "readonly" in text:
        return "readonly"
    if primary == SQLITE_CANTOPEN or "unable to open" in text:
        return "cantopen"
    if primary == SQLITE_IOERR or "disk i/o" in text:
        return "ioerror"
    return None


def translate_error(error: sqlite3.Error, path: Path) -> StoreError | None:
    """Map SQLite errors caused by the environment to a StoreError; None means a bug."""
    kind = _trouble(error)
    if kind is None:
        return None
    if kind == "cantopen" and _read_only_folder(path):
        kind = "readonly"   # SQLite could not make the files it keeps beside the store
    if kind == "damaged":
        return corrupt_error(path, str(error))
    seconds = f"{busy_timeout_ms() / 1000:g}"
    zh, en = {
        "locked": (f"另一个程序正占用数据文件 {path}，等了 {seconds} 秒仍未释放；"
                   "刚才的操作没有保存。请关闭那个程序或等它完成后再试。",
                   f"Another program holds the store {path} (still busy after {seconds} s); "
                   "nothing was saved. Close that program or let it finish, then try again."),
        "full": (f"磁盘已满，无法写入数据文件 {path}；刚才的操作已整个撤销，其余数据完好。"
                 "请腾出磁盘空间后再试。",
                 f"The disk is full: the store {path} could not be written. The last change "
                 "was undone as a whole; everything else is intact. Free some space and try "
                 "again."),
        "readonly": (f"数据文件 {path} 只能读不能写（只读的文件、文件夹或磁盘）；"
                     "刚才的操作没有保存。",
                     f"The store {path} is read-only (a read-only file, folder or disk); "
                     "nothing was saved."),
        "cantopen": (f"无法打开数据文件 {path}：所在文件夹不存在或没有权限。",
                     f"Cannot open the store {path}: its folder is missing or not "
                     "accessible."),
        "ioerror": (f"读写数据文件 {path} 时磁盘出错；刚才的操作没有保存。请检查磁盘。",
                    f"A disk error occurred on the store {path}; nothing was saved. Check "
                    "the disk."),
    }[kind]
    return StoreError(zh, en, kind)


def _read_only_folder(path: Path) -> bool:
    try:
        read_only_disk = bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):   # no statvfs on Windows
        read_only_disk = False
    return read_only_disk or not os.access(path.parent, os.W_OK)


def _remove_unborn(path: Path) -> None:
    """A store that failed to come into being (a full disk at its first write) leaves no
    empty file behind, which the next open would take for a store cut off."""
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)


class Store:
    """An open workbench store. Use :meth:`open`; close it with :meth:`close`.

    Damage is found before anything is written: opening checks the file (cheaply when
    the last clean close recorded it, see :mod:`workbench.store.integrity`), and a store
    that meets a "malformed" error later refuses every write from then on (``damage``
    says why).
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: InstanceLock | None):
        self.path = path
        self.conn = conn
        self._lock = lock
        self._depth = 0
        # How the file was found sound: "new", "process" (another open store of this
        # process checked it), "record" (as its last clean close left it) or "full".
        self.checked_by: str | None = None
        self.damage: str | None = None
        self._closed = False

    @classmethod
    def open(cls, path: Path | str, *, exclusive: bool = False,
             migrations: list | None = None, synchronous: str = "NORMAL") -> Store:
        """Open (creating if absent), check and migrate the store at ``path``.

        ``exclusive`` takes the single-instance lock: the window does, CLI commands don't.
        Another kind of file (the router's) passes its own ``migrations``. A damaged file
        is refused (StoreError) before anything is written to it.
        """
        # Here, not at the top: an area's store module defines its migration and imports
        # this module, and schema.py imports the area's module.
        from workbench.store import schema

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_readable(path)
        is_new = not path.exists()
        lock = InstanceLock(path) if exclusive else None
        if lock:
            lock.acquire()
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            store = cls(path, conn, lock)
            try:
                conn.row_factory = sqlite3.Row
                conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
                if is_new:
                    store.checked_by = "new"
                    integrity.note_open(path, True)
                else:
                    store.ensure_sound()
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute(f"PRAGMA synchronous = {synchronous}")
                schema.migrate(conn, migrations=migrations or schema.MIGRATIONS)
            except BaseException as error:
                store._forget()
                conn.close()
                if is_new:
                    _remove_unborn(path)
                if isinstance(error, sqlite3.Error):
                    raise translate_error(error, path) or error from error
                raise
        except BaseException:
            if lock:
                lock.release()
            raise
        return store

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.damage:
            self._close_without_checkpoint()
        else:
            self.conn.close()
        if self._lock:
            self._lock.release()
        if self.checked_by and not self.damage:
            # A clean close of a file known sound: the next open may trust it as it is.
            integrity.record_clean_close(self.path)
        self._forget()

    def _close_without_checkpoint(self) -> None:
        """Close a damaged store leaving its main file exactly as it is.

        SQLite's last connection to close checkpoints the WAL into the main file, which
        would write into the damaged file. It checkpoints only when it gets the file's
        exclusive lock, and a read-only connection never checkpoints: so a read-only
        connection holds a read lock while this one closes, then closes itself. The WAL
        (the writes made before the damage was found) stays beside the file for whoever
        repairs or restores it.
        """
        holder = None
        with contextlib.suppress(sqlite3.Error):
            holder = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                     isolation_level=None)
            holder.execute("PRAGMA user_version").fetchone()   # takes the read lock
        try:
            self.conn.close()
        finally:
            if holder is not None:
                holder.close()

    def _forget(self) -> None:
        if self.checked_by and not self.damage:
            integrity.note_open(self.path, False)

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # --- damage ----------------------------------------------------------------------------

    def ensure_sound(self) -> None:
        """Check the file unless this open already did: trusted when another store of
        this process holds it checked, or when it is exactly as the last clean close left
        it; else ``PRAGMA quick_check``. Raises the damage as a StoreError."""
        if self.damage:
            raise read_only_error(self.path)
        if self.checked_by:
            return
        how = integrity.trusted(self.path)
        if how is None:
            try:
                problems = integrity.quick_check(self.conn)
            except sqlite3.Error as error:
                raise self.translate(error) from error
            if problems:
                self.mark_damaged(problems[0])
                raise corrupt_error(self.path, problems[0])
            how = "full"
        self.checked_by = how
        integrity.note_open(self.path, True)

    def mark_damaged(self, reason: str) -> None:
        """From now on this store refuses every write, and the next open checks in full."""
        self._forget()
        self.damage = reason or "malformed"
        integrity.forget_clean_close(self.path)
        with contextlib.suppress(sqlite3.Error):
            # Nothing may checkpoint into the damaged file (see close()).
            self.conn.execute("PRAGMA wal_autocheckpoint = 0")

    def translate(self, error: BaseException) -> BaseException:
        """``error`` as the StoreError the user sees (noting damage); bugs unchanged."""
        if not isinstance(error, sqlite3.Error):
            return error
        known = translate_error(error, self.path)
        if known is None:
            return error
        if known.kind == "damaged":
            self.mark_damaged(str(error))
        return known

    # --- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def waiting_at_most(self, ms: int) -> Iterator[None]:
        """Writes inside give up on another program's lock after ``ms``: the window's
        retries must not freeze it for the whole busy timeout."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: the outermost block commits, any exception rolls back.

        Nested blocks join the outer transaction, so domain operations compose. SQLite
        errors of the environment leave as StoreError; a failed COMMIT (disk full) is
        rolled back only if SQLite has not already done so.
        """
        outer = self._depth == 0
        if outer:
            self.ensure_sound()
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise self.translate(error) from error
        self._depth += 1
        try:
            yield self.conn
        except BaseException as error:
            self._depth -= 1
            if not outer:
                raise
            self._roll_back()
            translated = self.translate(error)
            if translated is error:
                raise
            raise translated from error
        self._depth -= 1
        if outer:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                self._roll_back()
                raise self.translate(error) from error

    def _roll_back(self) -> None:
        """Undo the open transaction, if SQLite has not undone it already (a full disk
        does); a failure to roll back leaves nothing written either."""
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
