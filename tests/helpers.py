"""Shared by the tests: a clock to move by hand, and typing and clicking as a person does."""

import random
import re

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



def damage_middle(path, size: int = 65536, seed: int = 1) -> None:
    """Overwrite ``size`` bytes in the middle of a file with noise, as a failing disk
    or a stray program might."""
    length = path.stat().st_size
    middle = length // 2
    with open(path, "r+b") as handle:
        handle.seek(middle)
        handle.write(random.Random(seed).randbytes(min(size, length - middle)))


def menu_title(action) -> str:
    """A menu bar title without its Alt+letter mark: the Chinese title's bracketed letter at
    the end, the English title's ampersand."""
    return re.sub(r"（&[A-Z]）$", "", action.text()).replace("&", "")
