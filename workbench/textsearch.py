"""Chinese full-text search: jieba words indexed by SQLite FTS5.

Text is segmented into words joined by spaces (FTS5's unicode61 tokenizer then sees each
word as one token); queries are segmented by the same function, so both sides agree.
jieba takes most of a second to load, so it loads lazily, once, and never on the start-up
path: call :func:`load` from a worker thread before the first search.
"""

from __future__ import annotations

import logging
import re
import threading
import warnings
from pathlib import Path

import platformdirs

_lock = threading.Lock()
_tokenizer = None
# Bump when segmentation changes in a way that needs the stored indexes rebuilt.
_RULES_VERSION = 1
QUOTED = re.compile(r'"([^"]*)"')


def load():
    """The jieba tokenizer, loaded on first use (thread-safe); its cache stays out of the code."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            jieba = _import_jieba()
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            cache = Path(platformdirs.user_cache_dir("workbench", appauthor=False))
            cache.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(cache)
            tokenizer.initialize()
            _tokenizer = tokenizer
    return _tokenizer


def _import_jieba():
    # jieba 0.42 imports the deprecated pkg_resources, which warns; the warning is jieba's.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    return jieba


def is_loaded() -> bool:
    return _tokenizer is not None


def segmenter_version() -> str:
    """Stored beside an index; a different value means the index must be rebuilt."""
    return f"jieba-{_import_jieba().__version__}-rules{_RULES_VERSION}"


def _keep(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def index_words(text: str) -> list[str]:
    """Words to index: jieba's search mode, which adds the short words inside long ones."""
    return [w.lower() for w in load().cut_for_search(text) if _keep(w)]


def query_words(text: str) -> list[str]:
    """Words of a query: jieba's precise mode."""
    return [w.lower() for w in load().cut(text) if _keep(w)]


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def match_expression(query: str, prefix_last: bool = False) -> str | None:
    """An FTS5 MATCH expression: all words must occur; a "quoted part" must be adjacent.

    Every word is quoted, so FTS syntax typed by a user (``OR``, ``NEAR(``, ``*``) is
    searched as text. With ``prefix_last`` the last word also matches longer words (for
    search as you type). None when the query holds no searchable word.
    """
    parts: list[str] = []
    for phrase in QUOTED.findall(query):
        words = query_words(phrase)
        if words:
            parts.append(_quote(" ".join(words)))
    loose = query_words(QUOTED.sub(" ", query))
    parts.extend(_quote(word) for word in loose)
    if not parts:
        return None
    if prefix_last and loose:
        parts[-1] += "*"
    return " AND ".join(parts)


# --- finding what is there: the character index of the logs ------------------------------
#
# jieba's words miss what a buyer types inside a word or outside any word: one character
# (货 inside 退货运费), an emoji, a model name (iPhone13, XL码). The logs are therefore
# indexed by their characters and pairs of adjacent characters, each as one FTS5 token
# (its code points in hexadecimal, so punctuation and emoji are tokens too). A query of
# one or two characters is then one exact token; a longer one is the tokens of its pairs
# (a superset), checked against the message text. Letters compare without case (ASCII,
# as SQLite's lower() does), everything else exactly as written.

GRAMS_VERSION = "grams-1"   # bump when grams() changes: the index is then rebuilt
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """Text as the log search compares it: ASCII letters in lower case, nothing else."""
    return text.translate(_ASCII_LOWER)


def _token(chars: str) -> str:
    return "".join(f"x{ord(ch):x}" for ch in chars)


def grams(text: str) -> str:
    """The index terms of a message: each character and each pair of adjacent characters
    (outside white space), once each."""
    seen: set[str] = set()
    for piece in fold(text).split():
        seen.update(piece)
        seen.update(piece[i:i + 2] for i in range(len(piece) - 1))
    return " ".join(_token(gram) for gram in seen)


def _gram_tokens(text: str) -> list[str]:
    tokens = []
    for piece in text.split():
        pairs = [piece] if len(piece) == 1 else [piece[i:i + 2] for i in range(len(piece) - 1)]
        tokens.extend(_token(pair) for pair in pairs)
    return list(dict.fromkeys(tokens))


def is_exact(text: str) -> bool:
    """Whether the index alone answers "contains ``text``" (one or two characters)."""
    return len(text) <= 2 and not any(ch.isspace() for ch in text)


class TextQuery:
    """What a log search asks for. Every part must match; a part matches a message that
    contains it as typed, or contains each of its words (jieba's precise mode), so
    ``XL码`` finds "XL码" and also "码数选XL". A "quoted part" must occur as typed.

    ``parts`` holds, per part, its alternatives, each the folded strings that must all
    occur; ``expression`` is the FTS5 query over the character index that finds every
    message that might match, exactly when ``exact``.
    """

    def __init__(self, parts: list[tuple[tuple[str, ...], ...]]):
        self.parts = tuple(parts)
        self.expression = " AND ".join(
            "(" + " OR ".join("(" + " AND ".join(t for s in strings for t in _gram_tokens(s))
                              + ")" for strings in part) + ")" for part in self.parts)
        self.exact = all(is_exact(s) for part in self.parts for strings in part
                         for s in strings)

    def strings(self) -> list[str]:
        """Everything the query looks for, longest first (to mark hits)."""
        found = {s for part in self.parts for strings in part for s in strings}
        return sorted(found, key=len, reverse=True)


def text_query(query: str) -> TextQuery | None:
    """The query as the log search reads it; None when it looks for nothing."""
    parts: list[tuple[tuple[str, ...], ...]] = []
    for phrase in QUOTED.findall(query):
        if phrase.strip():
            parts.append(((fold(phrase.strip()),),))
    for piece in QUOTED.sub(" ", query).split():
        piece = fold(piece)
        alternatives = [(piece,)]
        if any(ch.isalnum() for ch in piece) and not is_exact(piece):
            words = tuple(dict.fromkeys(fold(w) for w in load().cut(piece) if _keep(w)))
            if words and words != (piece,):
                alternatives.append(words)
        parts.append(tuple(alternatives))
    return TextQuery(parts) if parts else None
