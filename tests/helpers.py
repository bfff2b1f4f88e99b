"""Shared by the tests: a clock to move by hand, and typing and clicking as a person does."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

START = 1_764_000_000.0  # a fixed moment, so times in tests are reproducible


class FakeClock:
    """An injectable clock: tests move time forward instead of sleeping."""

    def __init__(self, now: float = START):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def type_text(widget, text: str) -> None:
    """Type as an input method does; QTest's key clicks only know Latin-1."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click_row(qtbot, view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def row_where(view, role, predicate) -> int:
    model = view.model()
    return next(r for r in range(model.rowCount()) if predicate(model.index(r, 0).data(role)))


def _compensate_pyside_612_refcounts() -> None:
    """PySide6 6.12.0 on Python < 3.12 drops a reference to None (and True/False) on many
    calls: every void method, some overrides. A long test run then aborts at exit with
    "none_dealloc" / "bool_dealloc" although every test passed. Give those singletons
    references that are never returned, so the run ends cleanly. PySide6 6.11.3 does not
    have the bug; drop this once the pinned PySide6 is fixed."""
    import ctypes
    import sys

    import PySide6

    if sys.version_info >= (3, 12) or PySide6.__version__ != "6.12.0":
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_compensate_pyside_612_refcounts()
