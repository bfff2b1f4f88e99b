"""Tab moves between controls, everywhere: the one place that says so.

Qt's defaults trap the Tab key: a table moves from cell to cell, a multi-line text box
types a tab character, so the buttons after them cannot be reached from the keyboard.
Rather than remembering it in every window and dialog, a widget is set right as focus
first enters it (``QApplication.focusChanged``, which costs nothing between focus moves).
A text box that needs the tab character sets the property ``keepsTab``."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QTextEdit, QWidget

INSTALLED = "workbenchTabMovesFocus"


def tab_moves_focus(widget: QWidget | None) -> None:
    if isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)  # arrow keys still move within it
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.property("keepsTab"):
        widget.setTabChangesFocus(True)


def install(app: QApplication) -> None:
    """Once per application (tests open many windows in one)."""
    if not app.property(INSTALLED):
        app.setProperty(INSTALLED, True)
        app.focusChanged.connect(lambda _old, new: tab_moves_focus(new))
