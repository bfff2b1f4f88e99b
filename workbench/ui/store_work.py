"""Work on a worker thread's own store connection, with every ending turned into words.

A SQLite connection is never shared between threads, so the work gets a connection of
its own. Shared by the areas' job runners so each says the same things the same way.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from workbench.changes import Refused
from workbench.store import Store, StoreError


@dataclass(frozen=True)
class Outcome:
    """How the work ended: ``done`` with a result, ``cancelled``, or ``failed`` with a
    message for the agent."""

    state: str
    result: object = None
    message: str = ""


def run_on_own_store(db_path: Path, work: Callable, progress: Callable,
                     cancelled: Callable[[], bool],
                     cancel_types: tuple[type[BaseException], ...]) -> Outcome:
    """Call ``work(store, progress, cancelled)``. Work that ran to its end is done, even
    if a cancel came too late to stop it."""
    try:
        store = Store.open(db_path)
    except StoreError as error:
        return Outcome("failed", message=error.zh)
    try:
        return Outcome("done", work(store, progress, cancelled))
    except cancel_types:
        return Outcome("cancelled")
    except Refused as refusal:
        return Outcome("failed", message=str(refusal))
    except StoreError as error:
        return Outcome("failed", message=error.zh)
    except Exception as error:  # a bug: say so rather than fail silently in a thread
        traceback.print_exc()
        return Outcome("failed", message=QCoreApplication.translate(
            "StoreWork", "出错了(程序问题,请告诉开发者):{0}").format(repr(error)))
    finally:
        store.close()
