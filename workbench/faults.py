"""One error path: what the machine did wrong, said in one line, in Chinese and English.

The store, the file system and outside files fail in ways that are not bugs: another
program holds the store, the disk is full, a folder is missing or read-only, a file is
in an unknown encoding, the reader of our output went away (``| head``), a number is out
of range. :func:`as_store_error` turns each of these into a
:class:`workbench.store.StoreError`, which the CLI prints as one line and the window
shows in its message bar. Anything else is a bug: :func:`report_bug` writes the
traceback to the crash log and returns the one line to show instead.
"""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
import traceback
from pathlib import Path

from workbench import paths
from workbench.store.db import StoreError, translate_error

CRASH_LOG = "crash.log"


def os_error(error: OSError, path: Path | str | None = None) -> StoreError:
    """A file-system error as one line; ``path`` is what we were reading or writing."""
    where = str(path or error.filename or "")
    number = error.errno
    if number == errno.ENOENT:
        zh, en = f"找不到 {where}（文件或文件夹不存在）", f"{where} does not exist"
    elif number in (errno.EACCES, errno.EPERM):
        zh, en = f"没有权限读写 {where}", f"permission denied: {where}"
    elif number == errno.ENOSPC:
        zh, en = (f"磁盘已满，无法写入 {where}；什么都没有写入", f"the disk is full, "
                  f"cannot write {where}; nothing was written")
    elif number == errno.EROFS:
        zh, en = f"{where} 在只读的磁盘上，无法写入", f"{where} is on a read-only disk"
    elif number == errno.EISDIR:
        zh, en = f"{where} 是一个文件夹，不是文件", f"{where} is a folder, not a file"
    elif number == errno.ENOTDIR:
        zh, en = f"{where} 的上级不是文件夹", f"a parent of {where} is not a folder"
    elif number == errno.EPIPE:
        zh, en = "输出被提前关闭", "the output was closed early"
    else:
        reason = error.strerror or str(error)
        zh, en = f"无法读写 {where}：{reason}", f"cannot read or write {where}: {reason}"
    return StoreError(zh + "。", en + ".")


def as_store_error(error: BaseException, store_path: Path | None = None) -> StoreError | None:
    """The one-line form of an environment error; None when ``error`` is a bug."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, sqlite3.Error):
        return translate_error(error, store_path or Path("?"))
    if isinstance(error, OSError):
        return os_error(error)
    if isinstance(error, UnicodeError):
        return StoreError("文件的编码无法识别，请存为 UTF-8 或 GBK。",
                          "The file's text encoding is unknown; save it as UTF-8 or GBK.")
    if isinstance(error, OverflowError):
        return StoreError("数字超出范围。", "A number is out of range.")
    return None


def report_bug(error: BaseException, lang: str = "zh") -> str:
    """Log a bug's traceback; the one line, in ``lang``, that tells the user where it went."""
    log = paths.data_dir() / CRASH_LOG
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(error)))
        where = str(log)
    except OSError:
        where = None
    name = type(error).__name__
    if lang == "en":
        return (f"Internal error ({name}), logged to {where}; please send that file to the "
                "developers." if where else f"Internal error ({name}); the log could not be "
                "written.")
    return (f"内部错误（{name}），已记录到 {where}。请把这个文件发给开发者。" if where
            else f"内部错误（{name}），日志无法写入。")
