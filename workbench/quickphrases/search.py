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
from workbench.textnorm import match_key

INDEX_VERSION_KEY = "phrase_index.segmenter"
LATIN = re.compile(r"^[a-z0-9]+$")
SUGGESTION_COUNT = 3


def initials(words: list[str]) -> str:
    """Pinyin initials of each word：欢迎 光临 → 'hy gl'."""
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


def search(store: Store, agent: Agent | None, query: str, *, indexed: bool,
           most_used: bool = False, group: str = "", limit: int = 200) -> list[Phrase]:
    """Phrases for the panel's search box; an empty query lists them all.

    ``indexed`` says the word index covers every phrase and jieba is loaded; until then
    the search matches codes and plain substrings, so nothing is ever missing.
    """
    query = query.strip().lower().lstrip("/／")
    # Codes are stored as match_key writes them: ＨＹ, Hy and hy are one code.
    code = match_key(query).lstrip("/")
    if LATIN.match(code):
        query = code
    agent_id = agent.id if agent else None
    if not query:
        rows = phrase_rows.visible_phrases(store, agent_id, most_used, limit, group)
    elif indexed and textsearch.is_loaded():
        return _ranked_search(store, agent_id, query, code, most_used, limit, group)
    else:
        rows = phrase_rows.substring_phrases(store, agent_id, query, code, most_used, limit,
                                             group)
    return from_rows(rows)


def _ranked_search(store: Store, agent_id: int | None, query: str, code: str,
                   most_used: bool, limit: int, group: str) -> list[Phrase]:
    """Code hits first, then word hits by BM25; the few candidates are fetched by id, so a
    keystroke never joins the whole phrase table."""
    # With a group chosen, more candidates are needed to fill the list from that group.
    wanted = limit * 10 if group else limit
    code_ids = phrase_rows.code_prefix_ids(store, code, wanted) if code else []
    match = _match(query)
    word_ids = phrase_rows.word_hit_ids(store, match, wanted, ranked=len(query) > 1) \
        if match else []
    order = {phrase_id: n for n, phrase_id in enumerate(dict.fromkeys(code_ids + word_ids))}
    found = from_rows(phrase_rows.visible_by_ids(store, agent_id, list(order), group))
    if most_used:
        found.sort(key=lambda p: (p.id not in code_ids, -p.use_count, order[p.id]))
    else:
        found.sort(key=lambda p: order[p.id])
    return found[:limit]


def _match(query: str) -> str | None:
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
