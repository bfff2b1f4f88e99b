"""What the areas' ``install`` functions share on the main window: a menu action, their
windows brought to the front, their work stopped when the main window closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def menu_action(parent: QObject, text: str, slot: Callable[[], object], name: str,
                key: str | None = None) -> QAction:
    """An action named ``name`` (tests trigger it by name) that calls ``slot()``; ``key``
    is its shortcut."""
    action = QAction(text, parent)
    action.setObjectName(name)
    if key:
        action.setShortcut(QKeySequence(key))
    action.triggered.connect(lambda *_: slot())   # not the "checked" flag as an argument
    return action


def bring_to_front(widget: W) -> W:
    widget.show()
    # The offscreen platform (tests, screenshots) cannot raise a window and warns if asked.
    if QGuiApplication.platformName() != "offscreen":
        widget.raise_()
    widget.activateWindow()
    return widget


class _CloseWatcher(QObject):
    def __init__(self, window: QWidget, closing: Callable[[], object]):
        super().__init__(window)
        self.closing = closing

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Close:
            self.closing()
        return False


def on_close(window: QWidget, closing: Callable[[], object]) -> None:
    """Call ``closing()`` when ``window`` is asked to close, before it handles the close
    itself: an area's threads must stop before the window and its store go."""
    window.installEventFilter(_CloseWatcher(window, closing))
