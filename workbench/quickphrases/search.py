"""Finding phrases: by code prefix, by jieba words, by pinyin initials (hy finds 欢迎).

The word index needs jieba, which loads in a worker after start-up. Until a phrase is
indexed, search still finds it by code and by plain substring, so nothing is ever missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench import textsearch
from workbench.accounts import Agent
from workbench.quickphrases import Phrase, from_rows
from workbench.store import Store, settings
from workbench.store import phrases as phrase_rows

INDEX_VERSION_KEY = "phrase_index.segmenter"
LATIN = re.compile(r"^[a-z0-9]+$")
SUGGESTION_COUNT = 3


def initials(words: list[str]) -> str:
    """Pinyin initials of each word: 欢迎 光临 → 'hy gl'."""
    from pypinyin import Style, lazy_pinyin

    result = []
    for word in words:
        letters = "".join(p[0] for p in lazy_pinyin(word, style=Style.FIRST_LETTER) if p)
        if letters and letters.isascii():
            result.append(letters.lower())
    return " ".join(result)


def _document(phrase: Phrase) -> str:
    return " ".join((phrase.text, phrase.keywords, phrase.group_path.replace("/", " ")))


@dataclass(frozen=True)
class IndexBatch:
    """Index rows computed off the GUI thread, written on it (one writer)."""

    segmenter: str
    rows: list[tuple[int, str, str]]  # phrase id, words, pinyin initials
    complete: bool  # no more phrases were waiting when this batch was computed


def compute_pending(store: Store, batch: int = 2000) -> IndexBatch:
    """Segment phrases missing from the index. Loads jieba: run it in a worker, on a
    connection of its own; it only reads."""
    pending = from_rows(phrase_rows.unindexed(store, batch))
    rows = []
    for phrase in pending:
        words = textsearch.index_words(_document(phrase))
        rows.append((phrase.id, " ".join(words), initials(words)))
    return IndexBatch(textsearch.segmenter_version(), rows, len(pending) < batch)


def write_batch(store: Store, batch: IndexBatch) -> bool:
    """Store computed rows; True when more work remains (another batch, or a rebuild
    because the segmenter changed)."""
    with store.transaction():
        if settings.get(store, INDEX_VERSION_KEY) != batch.segmenter:
            phrase_rows.clear_index(store)
            settings.put(store, INDEX_VERSION_KEY, batch.segmenter)
            rebuilt = True
        else:
            rebuilt = False
        for phrase_id, words, letters in batch.rows:
            phrase_rows.index_phrase(store, phrase_id, words, letters)
    return rebuilt or not batch.complete


def index_pending(store: Store) -> None:
    """Bring the index up to date in this thread (the CLI and benchmarks)."""
    while write_batch(store, compute_pending(store)):
        pass


def search(store: Store, agent: Agent | None, query: str, most_used: bool = False,
           limit: int = 200) -> list[Phrase]:
    """Phrases for the panel's search box; an empty query lists them all."""
    query = query.strip().lower().lstrip("/")
    agent_id = agent.id if agent else None
    if not query:
        return from_rows(phrase_rows.visible_phrases(store, agent_id, most_used, limit))
    return from_rows(phrase_rows.search_phrases(
        store, agent_id, query, query, _match(query), most_used, limit))


def _match(query: str) -> str | None:
    if not textsearch.is_loaded():
        return None  # code and substring matching only, until jieba is ready
    if LATIN.match(query):
        return f'initials : "{query}"*'
    expression = textsearch.match_expression(query, prefix_last=True)
    return f"terms : ({expression})" if expression else None


def suggest(store: Store, agent: Agent | None, buyer_texts: list[str],
            count: int = SUGGESTION_COUNT) -> list[Phrase]:
    """The phrases that best answer the buyer's latest messages (BM25 over words)."""
    if not textsearch.is_loaded():
        return []
    words = sorted({w for text in buyer_texts for w in textsearch.index_words(text)})
    if not words:
        return []
    expression = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
    return from_rows(phrase_rows.ranked_matches(store, agent.id if agent else None,
                                               f"terms : ({expression})", count))
