"""Slow order work (imports, exports) on a thread of its own, with progress and cancel.

The worker opens its own connection to the store file: a SQLite connection is never
shared between threads. Results come back as signals, handled on the GUI thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from workbench.changes import Refused
from workbench.store import Store, StoreError


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
        try:
            store = Store.open(self.db_path)
        except StoreError as error:
            self.failed.emit(error.zh)
            return
        try:
            result = self.work(store, self.progressed.emit, self._cancel.is_set)
        except self.cancel_types:
            self.stopped.emit()
        except Refused as refusal:
            self.failed.emit(str(refusal))
        except StoreError as error:
            self.failed.emit(error.zh)
        except Exception as error:  # a bug: say so rather than dying silently in a thread
            traceback.print_exc()
            self.failed.emit(f"出错了(程序问题,请告诉开发者):{error!r}")
        else:
            self.succeeded.emit(result)
        finally:
            store.close()
