"""The shop's own text (a buyer's nick, a message, a todo's title, a remark) in a tooltip.

Qt shows a tooltip that looks like markup as rich text: a buyer named ``<b>x</b>`` would
be bold, ``<img>`` would load, and a message of 100 000 characters would fill the screen.
``tip`` escapes the text (it shows as written, line breaks kept) and bounds its length.
Our own fixed texts need none of this."""

from __future__ import annotations

from PySide6.QtGui import Qt

TIP_CHARS = 1000


def tip(text: str | None) -> str:
    if not text:
        return ""  # an empty paragraph would still show an empty tooltip box
    if len(text) > TIP_CHARS:
        text = text[:TIP_CHARS] + "…"
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
