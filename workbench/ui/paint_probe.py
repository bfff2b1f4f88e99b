"""Notices a window's first paint; used by the startup benchmark for our window and a bare one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaintProbe(QObject):
    def __init__(self, window: QObject, on_painted: Callable[[], None]):
        super().__init__(window)
        self._on_painted = on_painted
        self._fired = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._fired:
            self._fired = True
            # Report after this paint pass has finished, children included.
            QTimer.singleShot(0, self._on_painted)
        return False
