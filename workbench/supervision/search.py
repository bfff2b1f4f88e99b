"""Conversation log search: the character index of messages, searches and transcripts.

A search finds every message that holds what was typed (one character, an emoji, a
model name like iPhone13, every word of a longer query); see ``textsearch.text_query``.

Who may read what (checked here, whatever the window shows): a supervisor reads every
conversation; anybody else only the conversations they took part in (they were its agent
or sent a message in it).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from workbench import accounts, textsearch
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.store import Store, logs, settings
from workbench.supervision import rounds

INDEX_LAST_KEY = "search.message_grams.last_id"
INDEX_VERSION_KEY = "search.message_grams.version"
STORE_UID_KEY = "store.uid"
PAGE_SIZE = 50
SNIPPET_CHARS = 60
INDEXED_SENDERS = ("buyer", "agent", "auto", "system")
SENDER_NAMES = {"buyer": "买家", "agent": "客服", "auto": "自动回复", "system": "系统"}


@dataclass(frozen=True)
class LogFilter:
    query: str = ""
    agent: str | None = None        # conversations this agent (by account name) took part in
    buyer: str | None = None        # part of the buyer's nick
    since: float | None = None      # epoch seconds, inclusive
    until: float | None = None      # epoch seconds, exclusive
    sender: str | None = None       # buyer, agent, auto or system
    has_order: bool = False         # the buyer has at least one order
    slow_reply: bool = False        # the conversation has a round answered after 3 minutes


@dataclass(frozen=True)
class LogMessage:
    id: int
    uid: str
    conversation_id: int
    conversation: str               # the id written to log files (see conversation_key)
    buyer: str
    agent: str | None
    sender: str
    kind: str
    text: str
    at: float

    def record(self) -> dict:
        """The message as one line of a log file (docs/formats-logs.md)."""
        from workbench.supervision.logfiles import format_time

        return {"conversation": self.conversation, "buyer": self.buyer, "agent": self.agent,
                "sender": self.sender, "text": self.text, "time": format_time(self.at)}


@dataclass(frozen=True)
class Hit:
    message: LogMessage
    snippet: str                    # plain text around the first hit
    marks: tuple[tuple[int, int], ...] = ()  # [start, end) of each hit within snippet


@dataclass(frozen=True)
class SearchResult:
    total: int
    hits: list[Hit]
    offset: int = 0
    not_indexed: int = 0            # newer messages the index has not reached yet


@dataclass(frozen=True)
class Transcript:
    conversation_id: int
    conversation: str
    buyer: str
    agent: str | None
    messages: list[LogMessage] = field(default_factory=list)


# --- who may read what ---------------------------------------------------------------

def can_read_all(viewer) -> bool:
    return viewer is not None and bool(viewer.active) and \
        permissions.allowed(viewer.role, permissions.READ_ALL_LOGS)


def _scope(store: Store, viewer, flt: LogFilter) -> tuple[int | None, int | None]:
    """(agent id to filter by, viewer id to restrict to)."""
    if viewer is None or not viewer.active:
        raise Refused("请先登录。", "Sign in first.")
    agent_id = None
    if flt.agent:
        agent = accounts.by_name(store, flt.agent)
        if agent is None:
            raise Refused(f"没有客服账号 {flt.agent}。", f"No agent account {flt.agent}.")
        if agent.id != viewer.id:
            permissions.require(viewer, permissions.READ_ALL_LOGS)
        agent_id = agent.id
    return agent_id, None if can_read_all(viewer) else viewer.id


def check_can_read(store: Store, viewer, conversation_id: int) -> None:
    if viewer is None or not viewer.active:
        raise Refused("请先登录。", "Sign in first.")
    if can_read_all(viewer) or logs.took_part(store, viewer.id, conversation_id):
        return
    raise Refused("只能查看自己接待过的会话；查看其他客服的聊天记录需要主管权限。",
                  "You can read only conversations you took part in; other agents' "
                  "conversations need a supervisor.")


# --- the index -----------------------------------------------------------------------

def index_version() -> str:
    return textsearch.GRAMS_VERSION


def index_state(store: Store) -> tuple[int, str | None]:
    last = int(settings.get(store, INDEX_LAST_KEY, "0") or 0)
    return last, settings.get(store, INDEX_VERSION_KEY)


def not_indexed(store: Store) -> int:
    last, version = index_state(store)
    if version is not None and version != index_version():
        last = 0
    return logs.count_messages_after(store, last)


def index_batch(store: Store, limit: int = 500) -> int:
    """Index the next ``limit`` messages; returns how many were looked at (0: caught up).

    Terms are computed before the write transaction, so the store is locked only for the
    insert; if another connection indexed the same messages meanwhile, this batch is
    dropped. A changed way of indexing empties the index and starts again from the first
    message.
    """
    version = index_version()
    last, stored_version = index_state(store)
    if stored_version != version:
        with store.transaction():
            logs.clear_index(store)
            settings.put(store, INDEX_LAST_KEY, "0")
            settings.put(store, INDEX_VERSION_KEY, version)
        last = 0
    rows = logs.messages_after(store, last, limit)
    if not rows:
        return 0
    terms = [(row["id"], textsearch.grams(row["text"])) for row in rows
             if row["sender"] in INDEXED_SENDERS and row["kind"] == "text"]
    with store.transaction():
        if index_state(store) != (last, version):
            return len(rows)
        logs.index_grams(store, (pair for pair in terms if pair[1]))
        settings.put(store, INDEX_LAST_KEY, str(rows[-1]["id"]))
    return len(rows)


def catch_up(store: Store, progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None, batch: int = 500) -> int:
    """Index every message not indexed yet; returns how many were looked at."""
    total = not_indexed(store)
    done = 0
    while not (cancelled and cancelled()):
        count = index_batch(store, batch)
        if count == 0:
            break
        done += count
        if progress:
            progress(done, max(total, done))
    return done


# --- searching -----------------------------------------------------------------------

def store_uid(store: Store) -> str:
    """This store's own id, which prefixes its conversations in exported logs."""
    uid = settings.get(store, STORE_UID_KEY)
    if not uid:
        uid = uuid.uuid4().hex[:12]
        settings.put(store, STORE_UID_KEY, uid)
    return uid


def conversation_key(own_uid: str, conversation_id: int, external_id: str | None) -> str:
    """Imported conversations keep the id they came with; ours are ``<store uid>:<id>``."""
    return external_id if external_id else f"{own_uid}:{conversation_id}"


def _message(row, own_uid: str) -> LogMessage:
    return LogMessage(row["id"], row["uid"], row["conversation_id"],
                      conversation_key(own_uid, row["conversation_id"], row["external_id"]),
                      row["buyer"], row["agent"], row["sender"], row["kind"], row["text"],
                      row["created_at"])


def conditions(store: Store, viewer, flt: LogFilter) -> logs.Conditions | None:
    """The store conditions for ``flt`` as ``viewer`` may see it; None: nothing can match."""
    agent_id, viewer_id = _scope(store, viewer, flt)
    if flt.sender and flt.sender not in INDEXED_SENDERS:
        raise Refused(f"未知的发送方 {flt.sender}。", f"Unknown sender {flt.sender}.")
    match = None
    if flt.query.strip():
        match = textsearch.text_query(flt.query)
        if match is None:
            return None
    cond = logs.Conditions(match=match, agent_id=agent_id, viewer_id=viewer_id,
                           buyer=flt.buyer or None, since=flt.since, until=flt.until,
                           sender=flt.sender, has_order=flt.has_order)
    if flt.slow_reply:
        candidates = logs.matching_conversations(store, cond)
        slow = rounds.slow_conversations(logs.human_messages(store, candidates))
        logs.set_conversation_filter(store, slow)
        cond = dataclasses.replace(cond, conversation_ids=True)
    return cond


def search(store: Store, viewer, flt: LogFilter, limit: int = PAGE_SIZE,
           offset: int = 0) -> SearchResult:
    """Matching messages newest first, with snippets; ``total`` counts all of them."""
    cond = conditions(store, viewer, flt)
    pending = not_indexed(store) if flt.query.strip() else 0
    if cond is None:
        return SearchResult(0, [], offset, pending)
    total, rows = logs.search(store, cond, limit, offset)
    own_uid = store_uid(store)
    words = highlight_words(flt.query)
    hits = []
    for row in rows:
        message = _message(row, own_uid)
        text = "[图片]" if message.kind == "image" else message.text
        snippet, marks = make_snippet(text, words)
        hits.append(Hit(message, snippet, marks))
    return SearchResult(total, hits, offset, pending)


def iter_messages(store: Store, viewer, flt: LogFilter):
    """Every message matching ``flt`` that ``viewer`` may read, newest first."""
    cond = conditions(store, viewer, flt)
    if cond is None:
        return
    own_uid = store_uid(store)
    for row in logs.iter_matches(store, cond):
        yield _message(row, own_uid)


def matching_conversations(store: Store, viewer, flt: LogFilter) -> list[int]:
    cond = conditions(store, viewer, flt)
    return [] if cond is None else logs.matching_conversations(store, cond)


def transcript(store: Store, viewer, conversation_id: int) -> Transcript:
    """A whole conversation, oldest message first; refused if ``viewer`` may not read it."""
    check_can_read(store, viewer, conversation_id)
    header = logs.conversation_header(store, conversation_id)
    if header is None:
        raise Refused("没有这个会话。", "No such conversation.")
    own_uid = store_uid(store)
    return Transcript(conversation_id,
                      conversation_key(own_uid, conversation_id, header["external_id"]),
                      header["buyer"], header["agent"],
                      [_message(row, own_uid) for row in logs.transcript(store, conversation_id)])


# --- snippets ------------------------------------------------------------------------

def highlight_words(query: str) -> list[str]:
    """What a query looks for, to mark in results: its pieces as typed and their words,
    longest first (so they win overlaps)."""
    parsed = textsearch.text_query(query) if query.strip() else None
    if parsed is None:
        return []
    typed = [p.strip() for p in textsearch.QUOTED.findall(query)]
    typed += textsearch.QUOTED.sub(" ", query).split()
    words = {textsearch.fold(p) for p in typed if p} | set(parsed.strings)
    return sorted(words, key=len, reverse=True)


def find_marks(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping [start, end) spans of ``words`` in ``text`` (ASCII case ignored)."""
    lowered = textsearch.fold(text)
    taken = [False] * len(text)
    spans = []
    for word in words:
        start = lowered.find(word)
        while start != -1 and word:
            end = start + len(word)
            if not any(taken[start:end]):
                spans.append((start, end))
                for position in range(start, end):
                    taken[position] = True
            start = lowered.find(word, end)
    return sorted(spans)


def make_snippet(text: str, words: list[str], width: int = SNIPPET_CHARS
                 ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Up to ``width`` characters around the first hit, on one line, with hit spans."""
    flat = " ".join(text.split())
    spans = find_marks(flat, words)
    start = 0
    if spans and len(flat) > width:
        start = max(0, min(spans[0][0] - width // 4, len(flat) - width))
    piece = flat[start:start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(flat) else ""
    shift = len(prefix) - start
    marks = tuple((a + shift, min(b, start + width) + shift) for a, b in spans
                  if a >= start and a < start + width)
    return prefix + piece + suffix, marks


def highlight_html(text: str, marks, tag: str = "b") -> str:
    """Rich text for a plain ``text``: every piece escaped first, then hits wrapped in
    ``tag``. Nothing from the text itself can become markup."""
    from html import escape

    parts, position = [], 0
    for start, end in marks:
        parts.append(escape(text[position:start]))
        parts.append(f"<{tag}>{escape(text[start:end])}</{tag}>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)
