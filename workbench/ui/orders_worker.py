"""Slow order work (imports, exports) on a thread of its own, with progress and cancel.

The worker opens its own connection to the store file: a SQLite connection is never
shared between threads. Results come back as signals, handled on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from workbench.ui.store_work import run_on_own_store


class StoreJob(QThread):
    """Runs ``work(store, progress, cancelled)`` on its own connection to ``db_path``.

    ``progress(phase, done, total)`` may be called from the work; ``cancelled()`` says
    whether the agent asked to stop. Exactly one of ``succeeded(result)``,
    ``failed(message)`` or ``stopped()`` is emitted at the end.
    """

    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    stopped = Signal()

    def __init__(self, db_path: Path, work: Callable, cancel_types: tuple[type, ...] = ()):
        super().__init__()
        self.db_path = Path(db_path)
        self.work = work
        self.cancel_types = cancel_types
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        outcome = run_on_own_store(self.db_path, self.work, self.progressed.emit,
                                   self._cancel.is_set, self.cancel_types)
        if outcome.state == "done":
            self.succeeded.emit(outcome.result)
        elif outcome.state == "cancelled":
            self.stopped.emit()
        else:
            self.failed.emit(outcome.message)
