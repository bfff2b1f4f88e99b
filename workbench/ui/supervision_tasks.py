"""Slow supervision work off the GUI thread: searches, indexing, imports, exports, figures.

A :class:`Task` runs ``work(store, progress, cancelled)`` in a thread pool on its OWN store
connection and reports back with signals, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from workbench.ui.store_work import run_on_own_store


class Task(QObject):
    progress = Signal(int, int)      # done, total (0: unknown)
    finished = Signal(object)        # the work's result
    failed = Signal(str)             # a refusal, a store problem or a bug, in words
    cancelled = Signal()

    def __init__(self, db_path: Path, work: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.work = work
        self._stop = threading.Event()
        self.running = False

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def start(self, pool: QThreadPool) -> None:
        self.running = True
        self.finished.connect(self._done)
        self.failed.connect(self._done)
        self.cancelled.connect(self._done)
        pool.start(_Runner(self))

    def _done(self, *_args) -> None:
        self.running = False

    def _run(self) -> None:
        from workbench.supervision.logfiles import Cancelled

        outcome = run_on_own_store(self.db_path, self.work, self._report, self.is_cancelled,
                                   (Cancelled,))
        if outcome.state == "done":
            self.finished.emit(outcome.result)
        elif outcome.state == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(outcome.message)

    def _report(self, done: int, total: int = 0) -> None:
        self.progress.emit(done, total)


class _Runner(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task._run()


class Tasks(QObject):
    """The supervision area's own pool, so closing the window waits only for our work."""

    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._live: set[Task] = set()

    def run(self, work: Callable, finished: Callable | None = None,
            failed: Callable | None = None, progress: Callable | None = None,
            cancelled: Callable | None = None) -> Task:
        """Start ``work``; the handlers are connected BEFORE it starts, since a quick
        task may report before the caller could connect to a returned one."""
        task = Task(self.db_path, work, self)
        self._live.add(task)
        for signal, handler in ((task.finished, finished), (task.failed, failed),
                                (task.progress, progress), (task.cancelled, cancelled)):
            if handler is not None:
                signal.connect(handler)
        for signal in (task.finished, task.failed, task.cancelled):
            signal.connect(lambda *_args, task=task: self._live.discard(task))
        task.start(self.pool)
        return task

    def stop_all(self, wait_ms: int = 10000) -> None:
        for task in list(self._live):
            task.cancel()
        self.pool.waitForDone(wait_ms)


class IndexKeeper(QObject):
    """Keeps the message search index caught up, in the background, a batch at a time.

    Started when the log search first needs it (or by the app shortly after start-up);
    from then on new messages are indexed a moment after they arrive."""

    progress = Signal(int, int)
    caught_up = Signal()
    DELAY_MS = 1500

    def __init__(self, tasks: Tasks, parent: QObject | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.started = False
        self._task: Task | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.start)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        self.started = True
        if self._task is not None:
            self._again = True
            return
        from workbench.supervision import search

        self._task = self.tasks.run(
            lambda store, progress, cancelled: search.catch_up(store, progress, cancelled),
            finished=self._finished, failed=self._finished, progress=self.progress.emit,
            cancelled=self._stopped)

    def messages_arrived(self) -> None:
        """New messages were stored: index them soon (only once indexing is in use)."""
        if self.started and not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._again = False
        if self._task is not None:
            self._task.cancel()

    def _finished(self, *_args) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.start()
        else:
            self.caught_up.emit()

    def _stopped(self) -> None:
        self._task = None
