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
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

import platformdirs

_lock = threading.Lock()
_tokenizer = None
# Bump when segmentation changes in a way that needs the stored indexes rebuilt.
_RULES_VERSION = 1
# A phrase in quotes, ASCII or the full-width ones a Chinese input method types.
QUOTED = re.compile(r'["“”]([^"“”]*)["“”]')


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
# indexed by every run of one, two and three adjacent characters, each as one FTS5
# token (its code points in hexadecimal, so punctuation and emoji are tokens too), with
# no positions: about 40 MB for a million messages. A string of up to three characters
# is then one exact token; a longer one is the tokens of its runs of three (a superset),
# checked against the message text. Letters compare without case (ASCII, as SQLite's
# lower() does), everything else exactly as written.

GRAMS_VERSION = "grams-1"   # bump when grams() changes: the index is then rebuilt
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """Text as the log search compares it: ASCII letters in lower case, nothing else."""
    return text.translate(_ASCII_LOWER)


def _token(chars: str) -> str:
    return "".join(f"x{ord(ch):x}" for ch in chars)


def grams(text: str) -> str:
    """The index terms of a message: each run of one, two and three adjacent characters
    (outside white space), once each."""
    seen: set[str] = set()
    for piece in fold(text).split():
        for size in (1, 2, 3):
            seen.update(piece[i:i + size] for i in range(len(piece) - size + 1))
    return " ".join(_token(gram) for gram in seen)


def _gram_tokens(text: str) -> list[str]:
    tokens = []
    for piece in text.split():
        size = min(len(piece), 3)
        tokens.extend(_token(piece[i:i + size]) for i in range(len(piece) - size + 1))
    return list(dict.fromkeys(tokens))


def is_exact(text: str) -> bool:
    """Whether the index alone answers "contains ``text``" (up to three characters)."""
    return len(text) <= 3 and not any(ch.isspace() for ch in text)


@dataclass(frozen=True)
class TextQuery:
    """What a log search asks for: ``strings`` that must all occur in a message.

    ``expression`` (over the character index) finds every message that may hold them,
    and exactly those unless ``checks`` names strings to look for in the text itself
    (those longer than three characters)."""

    strings: tuple[str, ...]

    @property
    def expression(self) -> str:
        return " AND ".join(dict.fromkeys(t for s in self.strings for t in _gram_tokens(s)))

    @property
    def checks(self) -> tuple[str, ...]:
        return tuple(s for s in self.strings if not is_exact(s))


def _symbol_runs(text: str) -> list[str]:
    """Runs of characters that are neither letters, digits, spaces nor punctuation: emoji
    as typed, with their skin tones and variation selectors (👍🏻, ❤️)."""
    runs, current = [], ""
    for ch in text:
        if ch.isalnum() or ch.isspace() or unicodedata.category(ch).startswith("P"):
            if current:
                runs.append(current)
            current = ""
        else:
            current += ch
    return [*runs, current] if current else runs


def text_query(query: str) -> TextQuery | None:
    """The query as the log search reads it; None when it looks for nothing.

    A message matches when it holds every word of the query: jieba's words of each
    space-separated piece and its emoji as typed (the query 地址修改 finds the message
    修改一下地址); a piece of one or two characters, or one jieba keeps whole
    (iPhone13), is looked for as typed; so is a "quoted part"."""
    strings: list[str] = []
    for phrase in QUOTED.findall(query):
        if phrase.strip():
            strings.append(fold(phrase.strip()))
    for piece in QUOTED.sub(" ", query).split():
        piece = fold(piece)
        words = []
        if len(piece) > 2:
            words = [fold(w) for w in load().cut(piece) if _keep(w)] + _symbol_runs(piece)
        strings.extend(words or [piece])
    return TextQuery(tuple(dict.fromkeys(strings))) if strings else None
