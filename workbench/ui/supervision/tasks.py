"""The supervision area's slow work (searches, indexing, imports, exports, figures) in a
pool of its own, so closing the window waits only for this area's work; each task is a
:class:`~workbench.ui.store_work.StoreTask`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from workbench.ui.store_work import StoreTask, start_task


class Tasks(QObject):
    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._live: set[StoreTask] = set()

    def run(self, work: Callable, **handlers) -> StoreTask:
        """Start ``work`` with the handlers :func:`start_task` takes."""
        from workbench.supervision.logfiles import Cancelled

        task = start_task(self.db_path, work, cancel_types=(Cancelled,), pool=self.pool,
                          **handlers)
        self._live.add(task)
        task.ended.connect(lambda: self._live.discard(task))
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
        self._task: StoreTask | None = None
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
            succeeded=self._finished, failed=self._finished, progress=self.progress.emit,
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
