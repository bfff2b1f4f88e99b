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


def terms(text: str) -> str:
    """The indexed form of ``text``: its words separated by spaces."""
    return " ".join(index_words(text))


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
