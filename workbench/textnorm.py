"""The one normalisation for *matching* what outside files write: never for storing it.

The back office, Qianniu and people typing write the same name in several ways:
full-width or ASCII punctuation (the back office's ``买家已付款，等待卖家发货`` has a
full-width comma, a hand-edited file often an ASCII one), full-width letters and digits,
ideographic spaces, trailing spaces in headers, the lenticular brackets some exports use.
Every reader of outside files (order reports and item files, phrase packs, logs,
scenarios, handover files, refund reports, product files) compares headers, statuses,
flags, codes and group names through :func:`match_key`, and keeps the text it stores
exactly as written.
"""

from __future__ import annotations

import re
import unicodedata

# What NFKC leaves apart but the trade writes interchangeably.
_TRADE_EQUIVALENTS = str.maketrans({
    "【": "[", "】": "]", "〔": "(", "〕": ")", "［": "[", "］": "]",
    "「": '"', "」": '"', "『": '"', "』": '"', "“": '"', "”": '"', "‘": "'", "’": "'",
    "、": ",", "﹐": ",", "﹑": ",", "～": "~", "—": "-", "–": "-", "－": "-",
})
_LIST_SEPARATORS = re.compile(r"[,，、;；]")
_SPACES = dict.fromkeys(map(ord, " \t\r\n\u3000\u00a0\ufeff\u200b"), None)


def match_key(text: object) -> str:
    """``text`` as compared: NFKC, the trade's equivalents, no spaces, lower case."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).translate(_TRADE_EQUIVALENTS)
    return folded.translate(_SPACES).lower()


def split_list(text: str) -> list[str]:
    """A list typed in one field, its items separated by commas (full-width or ASCII),
    semicolons or 、."""
    return [part.strip() for part in _LIST_SEPARATORS.split(text) if part.strip()]


def lookup(names: dict[str, str]) -> dict[str, str]:
    """A table keyed by :func:`match_key`, for reading a value by any of its spellings."""
    return {match_key(name): value for name, value in names.items()}
