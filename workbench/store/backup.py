"""Copies of the store: SQLite's online backup, restoring one in place, the daily folder.

A backup is taken through SQLite's backup API from an open connection, so it is a
consistent snapshot even while the window writes (the write-ahead log lets both go on).
The copy is written beside its target under a temporary name, checked, switched to a
self-contained single file (no write-ahead log) and only then renamed into place: a
failed backup leaves nothing behind and never a half file under the target's name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from workbench.store import integrity
from workbench.store.db import Store, StoreError, translate_error

RESTORE_SUFFIX = ".before-restore"
SIDE_FILES = ("-wal", "-shm")


def _scratch(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.partial")


def _remove(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(OSError):
            leftover.unlink()


def copy_store(store: Store, out: Path) -> int:
    """Write a checked copy of ``store`` to ``out`` (replacing it); returns its size.

    One step of the backup API: a snapshot read in one go, which a writer in another
    connection neither blocks nor restarts. Raises StoreError when the copy cannot be
    written (folder, disk) or is not sound.
    """
    out = Path(out)
    scratch = _scratch(out)
    try:
        target = sqlite3.connect(scratch, isolation_level=None)
    except sqlite3.Error as error:
        raise translate_error(error, out) or error from error
    try:
        try:
            store.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")   # one self-contained file
            problems = integrity.quick_check(target)
        finally:
            target.close()
        if problems:
            raise StoreError(f"备份出的副本检查未通过（{integrity.describe(problems[0])}），"
                             "没有保存。",
                             f"The copy did not pass its check ({problems[0]}); not kept.",
                             "damaged")
        os.replace(scratch, out)
    except sqlite3.Error as error:
        _remove(scratch)
        raise translate_error(error, out) or error from error
    except BaseException:
        _remove(scratch)
        raise
    return out.stat().st_size


def prune(folder: Path, pattern: str, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest files matching ``pattern`` (names sort by
    time); returns the deleted ones."""
    files = sorted(folder.glob(pattern), key=lambda p: p.name, reverse=True)
    deleted = []
    for old in files[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
            deleted.append(old)
    return deleted


# --- restoring -------------------------------------------------------------------------------

def stage(backup_file: Path, db_path: Path) -> Path:
    """A checked copy of ``backup_file`` beside ``db_path``, ready to take its place.

    Refused (StoreError) when the backup cannot be read, is damaged, or is not a
    workbench store; the caller deletes the staged file if it does not use it.
    """
    backup_file = Path(backup_file)
    problems = integrity.check_file(backup_file, thorough=True)
    if not problems:
        conn = integrity.read_only(backup_file)
        try:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
        if not {"agents", "conversations", "messages"} <= tables:
            problems = ["not a workbench store"]
    if problems:
        raise StoreError(
            f"备份文件 {backup_file} 不能用来恢复（{integrity.describe(problems[0])}）；"
            "什么都没有改动。",
            f"The backup {backup_file} cannot be restored ({problems[0]}); nothing was "
            "changed.", "damaged")
    staged = _scratch(db_path)
    source = integrity.read_only(backup_file)
    try:
        target = sqlite3.connect(staged, isolation_level=None)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    except sqlite3.Error as error:
        _remove(staged)
        raise translate_error(error, db_path) or error from error
    finally:
        source.close()
    return staged


def swap_in(db_path: Path, staged: Path) -> Path | None:
    """Put ``staged`` in the place of the store at ``db_path``. The current file (with its
    write-ahead log, so it stays whole) is kept beside it as ``.before-restore`` (then
    ``.before-restore-2`` and so on); returns that name, or None when there was none."""
    kept = None
    if db_path.exists():
        kept = db_path.with_name(db_path.name + RESTORE_SUFFIX)
        number = 1
        while any(kept.with_name(kept.name + s).exists() for s in ("", *SIDE_FILES)):
            number += 1
            kept = db_path.with_name(f"{db_path.name}{RESTORE_SUFFIX}-{number}")
        os.replace(db_path, kept)
        for suffix in SIDE_FILES:
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + suffix))
    os.replace(staged, db_path)
    with contextlib.suppress(OSError):
        integrity.record_path(staged).unlink()
    integrity.record_clean_close(db_path)   # checked in stage(): the next open trusts it
    return kept


def discard(staged: Path) -> None:
    _remove(staged)
    with contextlib.suppress(OSError):
        integrity.record_path(staged).unlink()
