"""The window's language, for texts that do not pass through Qt's translation: refusals
and store errors carry both languages and the window shows the one it speaks.

The language is read from the installed translation itself (the English file translates
the marker below to "en"), so it always matches the window's other texts.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

MARKER = QT_TRANSLATE_NOOP("Language", "zh")


def current() -> str:
    """"en" when the English translation is installed, else "zh"."""
    return "en" if QCoreApplication.translate("Language", MARKER) == "en" else "zh"


def text(failure) -> str:
    """A Refused, StoreError or CommandFailed in the window's language."""
    return failure.message(current())
