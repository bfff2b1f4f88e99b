"""Is the store's file sound? The full check, and the cheap test that spares it.

``PRAGMA quick_check`` reads every page: about half a second for a million messages,
too slow for every start and every command. So each clean close of a file known sound
records the file's identity and size and change times beside it (``<store>.checked``);
an open that finds the file exactly so trusts it without reading it. Anything else (a
crash, a copy, another program's writes, damage on the disk) changes those times and
brings back the full check. Within one process, a file another open store already
checked is trusted too (the window's workers).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from pathlib import Path

RECORD_SUFFIX = ".checked"
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26   # primary result codes of a damaged file
SQLITE_HEADER = b"SQLite format 3\x00"

_lock = threading.Lock()
_open_sound: dict[str, int] = {}   # resolved path -> stores of this process holding it checked
_damaged: set[str] = set()


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def record_path(path: Path) -> Path:
    return path.with_name(path.name + RECORD_SUFFIX)


def _identity(path: Path) -> dict[str, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return {"inode": stat.st_ino, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
            "ctime_ns": stat.st_ctime_ns}


def note_open(path: Path, opening: bool) -> None:
    """A store of this process starts (or stops) holding ``path`` checked."""
    key = _key(path)
    with _lock:
        count = _open_sound.get(key, 0) + (1 if opening else -1)
        if count > 0:
            _open_sound[key] = count
            if opening:
                _damaged.discard(key)
        else:
            _open_sound.pop(key, None)


def note_damaged(path: Path) -> None:
    with _lock:
        _damaged.add(_key(path))


def trusted(path: Path) -> str | None:
    """How ``path`` may be trusted without reading it: "process" (checked by an open store
    of this process), "record" (as the last clean close left it), or None."""
    key = _key(path)
    with _lock:
        if key in _damaged:
            return None
        if _open_sound.get(key, 0) > 0:
            return "process"
    try:
        recorded = json.loads(record_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return "record" if recorded == _identity(path) else None


def record_clean_close(path: Path) -> None:
    """Note the state of a sound file just closed; a folder we cannot write keeps none."""
    identity = _identity(path)
    if identity is None:
        return
    record = record_path(path)
    scratch = record.with_name(record.name + f".{os.getpid()}.tmp")
    try:
        scratch.write_text(json.dumps(identity), encoding="utf-8")
        os.replace(scratch, record)
    except OSError:
        with contextlib.suppress(OSError):
            scratch.unlink()


def forget_clean_close(path: Path) -> None:
    note_damaged(path)
    with contextlib.suppress(OSError):
        record_path(path).unlink()


def is_damage(error: sqlite3.Error) -> bool:
    """SQLite says the file is damaged or not a database (not: busy, unreadable, full)."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    text = str(error).lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt"))


def quick_check(conn: sqlite3.Connection, thorough: bool = False) -> list[str]:
    """The problems SQLite finds in the file (empty: sound). ``thorough`` also checks that
    every index agrees with its table (``integrity_check``, about five times slower).
    An error that is not damage (the file cannot be opened, is locked) is raised."""
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        return [str(error)]
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def check_file(path: Path, thorough: bool = False) -> list[str]:
    """Check a file without writing to it (a store, a backup); empty when sound. Errors
    of the machine (unreadable, locked) are raised as sqlite3 errors."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as error:
        return [error.strerror or str(error)]
    if not header:
        return ["empty file (0 bytes)"]
    if header != SQLITE_HEADER:
        return ["not an SQLite file"]
    conn = read_only(path)
    try:
        return quick_check(conn, thorough)
    finally:
        conn.close()


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to ``path``. Without a write-ahead log beside it
    the file is read as immutable, which leaves no ``-wal``/``-shm`` files behind."""
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)


# The reasons check_file and the backups give, in Chinese; SQLite's own wording of other
# damage is quoted as its report.
_PROBLEMS_ZH = {
    "empty file (0 bytes)": "空文件（0 字节）",
    "not an SQLite file": "不是 SQLite 数据文件",
    "not a workbench store": "不是工作台的数据文件",
    "no such file": "文件不存在",
    "is a folder": "这是一个文件夹，不是数据文件",
    "database disk image is malformed": "数据文件结构已损坏",
    "file is not a database": "不是数据库文件",
}


def describe(problem: str, lang: str = "zh") -> str:
    """A problem found by a check, on one line in ``lang`` (zh or en)."""
    problem = " ".join(problem.split())
    if lang == "en":
        return problem
    zh = _PROBLEMS_ZH.get(problem)
    return zh if zh is not None else f"SQLite 报告：{problem}"
