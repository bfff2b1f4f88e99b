"""Run slow work in Qt's thread pool and hand the result back on the GUI thread.

The work function must not touch widgets or the GUI's store connection: open its own
``Store`` if it reads. Writes stay on the GUI thread (one writer), so a worker returns
what to write and the ``on_done`` callback writes it.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the GUI thread. Its signals are emitted by the worker and, connected to its
    own methods, queue the callbacks onto the GUI thread (a plain function as a slot would
    run in the emitting worker thread)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, on_done, on_failed):
        super().__init__()
        self._on_done = on_done
        self._on_failed = on_failed
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_done(self, value) -> None:
        _pending.discard(self)
        self._on_done(value)

    @Slot(str)
    def _deliver_failure(self, details: str) -> None:
        _pending.discard(self)
        if self._on_failed is not None:
            self._on_failed(details)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay):
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception:  # reported on the GUI thread, never lost in the pool
            self.relay.failed.emit(traceback.format_exc(limit=3))
            return
        self.relay.done.emit(result)


_pending: set[_Relay] = set()


def run_in_background(work: Callable[[], object], on_done: Callable[[object], None],
                      on_failed: Callable[[str], None] | None = None) -> None:
    relay = _Relay(on_done, on_failed)
    _pending.add(relay)  # kept alive until its result is delivered
    QThreadPool.globalInstance().start(_Task(work, relay))


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """Let pooled work finish (tests, shutdown)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
