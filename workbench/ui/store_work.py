"""Slow work off the GUI thread, on the worker's own store connection: the one way the
window runs imports, exports, searches, figures, indexing and archive pulls.

A SQLite connection is never shared between threads, so each task opens its own. The work
is ``work(store, progress, cancelled)``: ``progress(*figures)`` reports along the way in
whatever figures the work counts, ``cancelled()`` says whether someone asked it to stop.
Its ending comes back as signals, delivered on the GUI thread, each in words an agent can
act on.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from workbench import faults
from workbench.changes import Refused
from workbench.store import Store, StoreError
from workbench.ui import language


@dataclass(frozen=True)
class Outcome:
    """How the work ended: ``done`` with a result, ``cancelled``, or ``failed`` with a
    message for the agent (and, when the store said no, its StoreError as ``result``)."""

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
    except (StoreError, OSError) as error:
        known = faults.as_store_error(error, db_path)
        return Outcome("failed", known, message=language.text(known))
    try:
        return Outcome("done", work(store, progress, cancelled))
    except cancel_types:
        return Outcome("cancelled")
    except Refused as refusal:
        return Outcome("failed", message=language.text(refusal))
    except Exception as error:
        known = faults.as_store_error(store.translate(error), db_path)
        if known is not None:   # the machine said no (disk full, a missing folder…)
            return Outcome("failed", known, message=language.text(known))
        traceback.print_exc()   # a bug: say so rather than fail silently in a thread
        return Outcome("failed", message=QCoreApplication.translate(
            "StoreWork", "出错了（程序问题，请告诉开发者）：{0}").format(repr(error)))
    finally:
        store.close()


class StoreTask(QObject):
    """One piece of work. Exactly one of ``succeeded(result)``, ``failed(message)`` or
    ``cancelled()`` follows its start, then ``ended()``."""

    progress = Signal(object)   # the figures the work reported, as a tuple
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, db_path: Path, work: Callable,
                 cancel_types: tuple[type[BaseException], ...] = ()):
        super().__init__()
        self.db_path = Path(db_path)
        self.work = work
        self.cancel_types = cancel_types
        self._stop = threading.Event()
        self._over = threading.Event()
        self.error: StoreError | None = None   # set before ``failed`` when the store said no

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the work is over (closing, tests); its signals still queue."""
        return self._over.wait(timeout_ms / 1000)

    def _run(self) -> None:  # on the worker thread
        try:
            outcome = run_on_own_store(self.db_path, self.work,
                                       lambda *figures: self.progress.emit(figures),
                                       self._stop.is_set, self.cancel_types)
            if outcome.state == "done":
                self.succeeded.emit(outcome.result)
            elif outcome.state == "cancelled":
                self.cancelled.emit()
            else:
                self.error = outcome.result
                self.failed.emit(outcome.message)
        finally:
            self._over.set()
            self.ended.emit()


class _Runner(QRunnable):
    def __init__(self, task: StoreTask):
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task._run()


_running: set[StoreTask] = set()  # kept alive until their ending is delivered


def start_task(db_path: Path, work: Callable, *, succeeded: Callable | None = None,
               failed: Callable[[str], None] | None = None,
               progress: Callable | None = None, cancelled: Callable | None = None,
               ended: Callable | None = None,
               cancel_types: tuple[type[BaseException], ...] = (),
               pool: QThreadPool | None = None) -> StoreTask:
    """Run ``work`` in ``pool`` (Qt's global pool by default). The handlers are connected
    before it starts: a quick task may report before a caller could connect to it."""
    task = StoreTask(db_path, work, cancel_types)
    for signal, handler in ((task.succeeded, succeeded), (task.failed, failed),
                            (task.cancelled, cancelled), (task.ended, ended)):
        if handler is not None:
            signal.connect(handler)
    if progress is not None:
        task.progress.connect(lambda figures: progress(*figures))
    _running.add(task)
    task.ended.connect(lambda: _running.discard(task))
    (pool or QThreadPool.globalInstance()).start(_Runner(task))
    return task


def stop_and_wait(task: StoreTask | None) -> None:
    """Cancel ``task`` (if any) and wait for its thread: work must not outlive the window
    that started it."""
    if task is not None:
        task.cancel()
        task.wait()


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    """Let the work in Qt's global pool finish (closing the store, tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
