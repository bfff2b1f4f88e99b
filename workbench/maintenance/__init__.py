"""Keeping the shop's one file safe: its check, backups (by hand and every day), restoring.

Who may do what: anyone may check the store (it reads no one's data and changes
nothing) and the window makes the daily backup into the store's own ``backups/`` folder
for whoever is signed in; copying the store elsewhere (``store backup --out``) and
restoring a backup are a supervisor's (``permissions.MANAGE_STORE``).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.filereader import file_problem
from workbench.store import Store, StoreError, integrity
from workbench.store import backup as copies
from workbench.store.db import InstanceLock

BACKUP_FOLDER = "backups"
KEEP = 7
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Backup:
    path: Path
    at: float       # when it was taken
    size: int


@dataclass(frozen=True)
class Health:
    path: Path
    sound: bool
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def record(self) -> dict:
        return {"path": str(self.path), "sound": self.sound, "problems": self.problems,
                "seconds": round(self.seconds, 3)}


@dataclass(frozen=True)
class Restored:
    backup: Path
    kept: Path | None   # the store as it was, beside the restored one (None: there was none)


def _require_supervisor(agent) -> None:
    try:
        permissions.require(agent, permissions.MANAGE_STORE)
    except Refused as refusal:
        raise Refused(refusal.zh, "Only a supervisor may back up or restore the store."
                      ) from None


# --- the check ---------------------------------------------------------------------------

# A check's problems that say there is no store file at the path, rather than a damaged one.
NO_STORE = ("no such file", "is a folder")


def check(db_path: Path) -> Health:
    """Read the whole file (``PRAGMA integrity_check``) without writing to it. Damage
    found here also makes the next open check in full, and refuse."""
    started = time.perf_counter()
    if not db_path.exists():
        return Health(db_path, False, ["no such file"])
    if db_path.is_dir():
        return Health(db_path, False, ["is a folder"])
    problems = integrity.check_file(db_path, thorough=True)
    if problems:
        integrity.forget_clean_close(db_path)
    return Health(db_path, not problems, problems, time.perf_counter() - started)


# --- backups -------------------------------------------------------------------------------

def backup_folder(db_path: Path) -> Path:
    """``backups/`` beside the store: in the data dir for the usual store."""
    return db_path.parent / BACKUP_FOLDER


def _pattern(db_path: Path) -> str:
    return f"{db_path.stem}-*.sqlite3"


def _taken_at(path: Path, db_path: Path) -> float:
    stamp = path.stem[len(db_path.stem) + 1:]
    try:
        return dt.datetime.strptime(stamp, STAMP).timestamp()
    except ValueError:
        return path.stat().st_mtime


def backups(db_path: Path) -> list[Backup]:
    """The store's backups in its ``backups/`` folder, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(_pattern(db_path)):
        try:
            found.append(Backup(path, _taken_at(path, db_path), path.stat().st_size))
        except OSError:
            continue   # deleted meanwhile
    return sorted(found, key=lambda b: b.at, reverse=True)


def backup(store: Store, agent, out: Path) -> Backup:
    """A supervisor's copy of the whole store to ``out``, safe while the window runs."""
    _require_supervisor(agent)
    out = Path(out)
    if out.is_dir():
        raise Refused(f"{out} 是一个文件夹，请给出备份文件的名字。",
                      f"{out} is a folder; name the backup file.")
    if not out.parent.is_dir():
        raise Refused(f"文件夹 {out.parent} 不存在。", f"The folder {out.parent} does not exist.")
    if out.resolve() == store.path.resolve():
        raise Refused("备份不能写在数据文件本身上。", "A backup cannot overwrite the store itself.")
    started = time.time()
    size = copies.copy_store(store, out)
    return Backup(out, started, size)


def backup_now(store: Store, now: float) -> Backup:
    """A backup into the store's ``backups/`` folder, keeping the newest seven."""
    folder = backup_folder(store.path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.fromtimestamp(now).strftime(STAMP)
    out = folder / f"{store.path.stem}-{stamp}.sqlite3"
    size = copies.copy_store(store, out)
    copies.prune(folder, _pattern(store.path), KEEP)
    return Backup(out, now, size)


def daily_backup(store: Store, now: float) -> Backup | None:
    """The first start of each day backs the store up; later starts that day do not."""
    today = dt.datetime.fromtimestamp(now).date()
    newest = next(iter(backups(store.path)), None)
    if newest is not None and dt.datetime.fromtimestamp(newest.at).date() == today:
        return None
    return backup_now(store, now)


# --- restoring -------------------------------------------------------------------------------

def restore(db_path: Path, backup_file: Path, prove: Callable[[Store], object]) -> Restored:
    """Put ``backup_file`` in the place of the store at ``db_path``.

    Refused while a window holds the store (its lock file). The backup is checked and
    copied beside the store before anything moves; the store as it was is kept beside it
    (``.before-restore``). ``prove(store)`` names the supervisor acting: proven against
    the current store, or against the backup when the current one is damaged or missing.
    """
    backup_file = Path(backup_file)
    problem = file_problem(backup_file)
    if problem is not None:
        raise Refused(f"备份文件 {backup_file}：{problem[0]}。",
                      f"The backup file {backup_file}: {problem[1]}.")
    if db_path.exists() and backup_file.resolve() == Path(db_path).resolve():
        raise Refused("这就是正在使用的数据文件，不是备份：请给出备份文件。",
                      "That is the store itself, not a backup: name a backup file.")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
    except StoreError:
        raise Refused("工作台窗口正在使用这个数据文件：请先关闭窗口，再恢复备份。",
                      "A workbench window has this store open: close it first, then "
                      "restore.") from None
    try:
        staged = copies.stage(backup_file, db_path)
        try:
            _require_supervisor(_prove(db_path, staged, prove))
            kept = copies.swap_in(db_path, staged)
        except BaseException:
            copies.discard(staged)
            raise
    finally:
        lock.release()
    return Restored(backup_file, kept)


def _prove(db_path: Path, staged: Path, prove: Callable[[Store], object]):
    if db_path.exists():
        try:
            current = Store.open(db_path)
        except StoreError as trouble:
            if trouble.kind != "damaged":
                raise
        else:
            try:
                return prove(current)
            finally:
                current.close()
    restored = Store.open(staged)
    try:
        return prove(restored)
    finally:
        restored.close()
