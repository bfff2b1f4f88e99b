"""Conversation logs: the message search index, filtered searches, transcripts, imports,
exports, and the bulk loader the benchmarks use.

The search index (``message_grams``) holds each message's runs of one to three
characters (``textsearch.grams``), so a search finds every message that contains what
was typed. Searches follow Signal Desktop: the FTS5 hits go into a temporary table first
and are joined and sorted by time from there, instead of ordering the FTS join itself.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from workbench.store.db import Store
from workbench.textsearch import TextQuery


def migrate_to_character_index(conn: sqlite3.Connection) -> None:
    """The character index replaces the jieba word index of messages (which missed single
    characters, emoji and model names); the background indexer fills it."""
    conn.execute("CREATE VIRTUAL TABLE message_grams USING fts5(grams, content='', "
                 "detail=none, tokenize='ascii')")
    conn.execute("DROP TABLE message_index")
    conn.execute("DELETE FROM settings WHERE key LIKE 'search.message_index.%'")

# Internal notes (if a store has them) are never part of the logs.
NOT_LOGGED = ("note",)
HIT_COLUMNS = (
    "m.id, m.uid, m.conversation_id, c.external_id, b.nick AS buyer, m.sender, m.kind, m.text, "
    "m.created_at, coalesce(ma.name, ca.name) AS agent"
)
HIT_JOINS = (
    "JOIN conversations c ON c.id = m.conversation_id JOIN buyers b ON b.id = c.buyer_id "
    "LEFT JOIN agents ma ON ma.id = m.agent_id LEFT JOIN agents ca ON ca.id = c.agent_id"
)


# --- the search index ----------------------------------------------------------------

def messages_after(store: Store, last_id: int, limit: int) -> list[sqlite3.Row]:
    """The next messages to index, oldest id first."""
    return store.conn.execute(
        "SELECT id, sender, kind, text FROM messages WHERE id > ? ORDER BY id LIMIT ?",
        (last_id, limit),
    ).fetchall()


def count_messages_after(store: Store, last_id: int) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM messages WHERE id > ?", (last_id,)
    ).fetchone()[0]


def index_grams(store: Store, rows: Iterable[tuple[int, str]]) -> None:
    store.conn.executemany("INSERT INTO message_grams (rowid, grams) VALUES (?, ?)", rows)


def clear_index(store: Store) -> None:
    store.conn.execute("INSERT INTO message_grams (message_grams) VALUES ('delete-all')")


# --- searching -----------------------------------------------------------------------

@dataclass(frozen=True)
class Conditions:
    """What a search asks for, in store terms (ids, epoch seconds)."""

    match: TextQuery | None = None    # what the text must contain (textsearch.text_query)
    agent_id: int | None = None       # conversations this agent took part in
    viewer_id: int | None = None      # the same restriction, for an agent's own view
    buyer: str | None = None          # part of the buyer's nick
    since: float | None = None
    until: float | None = None
    sender: str | None = None
    has_order: bool = False
    conversation_ids: bool = False    # restrict to temp.log_conversations (slow replies)


def _where(cond: Conditions) -> tuple[list[str], list, list[str], list]:
    """Conditions on the message alone, then those that need its conversation or buyer."""
    own = [f"m.sender NOT IN ({', '.join('?' for _ in NOT_LOGGED)})"]
    own_params: list = list(NOT_LOGGED)
    if cond.since is not None:
        own.append("m.created_at >= ?")
        own_params.append(cond.since)
    if cond.until is not None:
        own.append("m.created_at < ?")
        own_params.append(cond.until)
    if cond.sender:
        own.append("m.sender = ?")
        own_params.append(cond.sender)
    if cond.conversation_ids:
        own.append("m.conversation_id IN (SELECT id FROM temp.log_conversations)")
    other: list[str] = []
    other_params: list = []
    took_part = ("(c.agent_id = ? OR EXISTS (SELECT 1 FROM messages x WHERE x.agent_id = ? "
                 "AND x.conversation_id = m.conversation_id))")
    for agent_id in (cond.agent_id, cond.viewer_id):
        if agent_id is not None:
            other.append(took_part)
            other_params += [agent_id, agent_id]
    if cond.buyer:
        other.append("instr(b.nick, ?) > 0")
        other_params.append(cond.buyer)
    if cond.has_order:
        other.append("EXISTS (SELECT 1 FROM orders o WHERE o.buyer_id = c.buyer_id)")
    return own, own_params, other, other_params


def _prepare_hits(store: Store, query: TextQuery) -> int:
    """Fill temp.log_hits with the ids of matching messages; returns how many.

    The character index answers strings of up to three characters exactly; longer ones
    are looked for in the text of the index's candidates only."""
    conn = store.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS log_hits (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.log_hits")
    if not query.checks:
        return conn.execute("INSERT INTO temp.log_hits (id) SELECT rowid FROM message_grams "
                            "WHERE message_grams MATCH ?", (query.expression,)).rowcount
    # lower() copies the text: only for strings with ASCII letters in them.
    checks = " AND ".join("instr(lower(m.text), ?) > 0" if re.search("[a-z]", check)
                          else "instr(m.text, ?) > 0" for check in query.checks)
    return conn.execute(
        "INSERT INTO temp.log_hits (id) SELECT m.id FROM message_grams CROSS JOIN messages m "
        f"ON m.id = message_grams.rowid WHERE message_grams MATCH ? AND {checks}",
        (query.expression, *query.checks)).rowcount


def set_conversation_filter(store: Store, ids: Iterable[int]) -> None:
    conn = store.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS log_conversations (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.log_conversations")
    conn.executemany("INSERT INTO temp.log_conversations (id) VALUES (?)", ((i,) for i in ids))


def _matching(cond: Conditions, walk_by_time: bool = False) -> tuple[str, list]:
    """SELECT m.id ... of the matching messages (no order), and its parameters.

    Hits are read from temp.log_hits. ``walk_by_time`` instead walks messages newest
    first along the time index and keeps those in the hit list: far quicker when hits are
    many and only the first page is wanted."""
    own, params, other, other_params = _where(cond)
    joins = ""
    if other:
        joins = " JOIN conversations c ON c.id = m.conversation_id"
        if cond.buyer:
            joins += " JOIN buyers b ON b.id = c.buyer_id"
    if cond.match is None:
        source = "messages m"
    elif walk_by_time:
        source = "messages m INDEXED BY messages_created_at"
        own = [*own, "m.id IN (SELECT id FROM temp.log_hits)"]
    else:
        # CROSS JOIN keeps SQLite from walking all messages and probing the hit list.
        source = "temp.log_hits h CROSS JOIN messages m ON m.id = h.id"
    return (f"SELECT m.id FROM {source}{joins} WHERE {' AND '.join(own + other)}",
            params + other_params)


def search(store: Store, cond: Conditions, limit: int, offset: int
           ) -> tuple[int, list[sqlite3.Row]]:
    """(number of all matching messages, one page of them newest first).

    Following Signal Desktop, the FTS hits land in a temporary table and are sorted by
    time from there, never by ordering the FTS join. When hits are plentiful (more than
    the square root of page end × messages) the time index is walked instead."""
    conn = store.conn
    total = None
    if cond.match is not None:
        found = _prepare_hits(store, cond.match)
        if found == 0:
            return 0, []
        own, _, other, _ = _where(cond)
        if len(own) == 1 and not other:
            total = found  # notes are never indexed: every hit counts
    sql, params = _matching(cond)
    if total is None:
        total = conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    walk = False
    if cond.match is not None and not _where(cond)[2]:
        newest = conn.execute("SELECT max(id) FROM messages").fetchone()[0] or 0
        walk = total * total > (limit + offset) * newest
    page_sql, page_params = _matching(cond, walk)
    rows = conn.execute(
        f"WITH page(id) AS ({page_sql} ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?) "
        f"SELECT {HIT_COLUMNS} FROM page CROSS JOIN messages m ON m.id = page.id {HIT_JOINS} "
        "ORDER BY m.created_at DESC, m.id DESC", [*page_params, limit, offset]
    ).fetchall()
    return total, rows


def matching_conversations(store: Store, cond: Conditions) -> list[int]:
    """Ids of the conversations holding at least one matching message."""
    if cond.match is not None and _prepare_hits(store, cond.match) == 0:
        return []
    sql, params = _matching(cond)
    return [row[0] for row in store.conn.execute(
        f"SELECT DISTINCT conversation_id FROM messages WHERE id IN ({sql})", params)]


def iter_matches(store: Store, cond: Conditions, batch: int = 2000) -> Iterator[sqlite3.Row]:
    """Every matching message, newest first (for exports)."""
    if cond.match is not None and _prepare_hits(store, cond.match) == 0:
        return
    sql, params = _matching(cond)
    cursor = store.conn.execute(
        f"SELECT {HIT_COLUMNS} FROM messages m {HIT_JOINS} WHERE m.id IN ({sql}) "
        "ORDER BY m.created_at DESC, m.id DESC", params)
    while rows := cursor.fetchmany(batch):
        yield from rows


def human_messages(store: Store, conversation_ids: list[int]) -> list[tuple]:
    """(conversation id, sender, agent id, at) of the buyer and agent messages of these
    conversations, grouped by conversation and in time order (for reply rounds)."""
    conn = store.conn
    rows: list[tuple] = []
    for start in range(0, len(conversation_ids), 500):
        chunk = conversation_ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows += conn.execute(
            "SELECT conversation_id, sender, agent_id, created_at FROM messages "
            f"WHERE conversation_id IN ({marks}) AND sender IN ('buyer', 'agent') "
            "ORDER BY conversation_id, created_at, id", chunk).fetchall()
    return rows


# --- transcripts and conversations -----------------------------------------------------

def conversation_header(store: Store, conversation_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT c.id, c.external_id, b.nick AS buyer, a.name AS agent, c.agent_id "
        "FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
        "LEFT JOIN agents a ON a.id = c.agent_id WHERE c.id = ?", (conversation_id,)
    ).fetchone()


def transcript(store: Store, conversation_id: int) -> list[sqlite3.Row]:
    marks = ", ".join("?" for _ in NOT_LOGGED)
    return store.conn.execute(
        f"SELECT {HIT_COLUMNS} FROM messages m {HIT_JOINS} WHERE m.conversation_id = ? "
        f"AND m.sender NOT IN ({marks}) ORDER BY m.created_at, m.id",
        (conversation_id, *NOT_LOGGED),
    ).fetchall()


def took_part(store: Store, agent_id: int, conversation_id: int) -> bool:
    return store.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM conversations WHERE id = ? AND agent_id = ?) "
        "OR EXISTS (SELECT 1 FROM messages WHERE agent_id = ? AND conversation_id = ?)",
        (conversation_id, agent_id, agent_id, conversation_id),
    ).fetchone()[0] == 1


# --- imports -------------------------------------------------------------------------

def conversation_by_external_id(store: Store, external_id: str) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT c.id, c.buyer_id, b.nick AS buyer FROM conversations c "
        "JOIN buyers b ON b.id = c.buyer_id WHERE c.external_id = ?", (external_id,)
    ).fetchone()


def conversation_buyer(store: Store, conversation_id: int) -> str | None:
    row = store.conn.execute(
        "SELECT b.nick FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
        "WHERE c.id = ?", (conversation_id,)
    ).fetchone()
    return row[0] if row else None


def insert_imported_conversation(store: Store, external_id: str, buyer_id: int,
                                 agent_id: int | None, first_at: float, last_at: float,
                                 preview: str) -> int:
    """An imported conversation is history: it arrives ended, read, with no draft."""
    return store.conn.execute(
        "INSERT INTO conversations (buyer_id, agent_id, state, unread, last_message_at, "
        "last_preview, created_at, ended_at, external_id) "
        "VALUES (?, ?, 'ended', 0, ?, ?, ?, ?, ?)",
        (buyer_id, agent_id, last_at, preview, first_at, last_at, external_id),
    ).lastrowid


def extend_conversation(store: Store, conversation_id: int, last_at: float,
                        preview: str) -> None:
    """Imported messages later than a conversation's last one move its last message on."""
    store.conn.execute(
        "UPDATE conversations SET last_message_at = ?, last_preview = ? "
        "WHERE id = ? AND (last_message_at IS NULL OR last_message_at < ?)",
        (last_at, preview, conversation_id, last_at),
    )


def insert_messages(store: Store, rows: Iterable[tuple]) -> int:
    """(uid, conversation_id, sender, agent_id, text, created_at) rows; a uid already
    stored is skipped. Returns how many were added."""
    before = store.conn.total_changes
    store.conn.executemany(
        "INSERT INTO messages (uid, conversation_id, sender, agent_id, kind, text, status, "
        "created_at) VALUES (?, ?, ?, ?, 'text', ?, 'received', ?) ON CONFLICT (uid) DO NOTHING",
        rows,
    )
    return store.conn.total_changes - before


def messages_by_uid(store: Store, uids: list[str]) -> dict[str, sqlite3.Row]:
    """The stored messages among ``uids`` (sender, text, created_at), by uid."""
    found: dict[str, sqlite3.Row] = {}
    for start in range(0, len(uids), 500):
        chunk = uids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update((row["uid"], row) for row in store.conn.execute(
            f"SELECT uid, sender, text, created_at FROM messages WHERE uid IN ({marks})",
            chunk))
    return found


def buyer_ids(store: Store, nicks: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(nicks), 500):
        chunk = nicks[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update((row[1], row[0]) for row in store.conn.execute(
            f"SELECT id, nick FROM buyers WHERE nick IN ({marks})", chunk))
    return found


def insert_buyers(store: Store, nicks: Iterable[str], now: float) -> None:
    store.conn.executemany("INSERT INTO buyers (nick, created_at) VALUES (?, ?)",
                           ((nick, now) for nick in nicks))


# --- bulk history for benchmarks -------------------------------------------------------

def bulk_load(store: Store, agents: list[tuple[str, str]], buyers: list[str],
              conversations: list[tuple[int, int, float, float]],
              messages: Iterable[tuple[int, str, int | None, str, float]],
              orders: Iterable[tuple[str, int, str, float, float, float, float | None]],
              now: float) -> None:
    """Load a large history in one go, bypassing the per-message domain path.

    ``agents`` (name, display name); ``buyers`` nicks; ``conversations`` (buyer index,
    agent index, first at, last at); ``messages`` (conversation index, sender, agent index
    or None, text, at); ``orders`` (id, buyer index, status, total, paid, created at,
    paid at). Indexes are list positions; rows get ids 1.. in order, so the store must
    hold no buyers, conversations or messages yet.
    """
    conn = store.conn
    with store.transaction():
        agent_ids = []
        for name, display in agents:
            row = conn.execute("SELECT id FROM agents WHERE name = ?", (name,)).fetchone()
            agent_ids.append(row[0] if row else conn.execute(
                "INSERT INTO agents (name, display_name, role, created_at) "
                "VALUES (?, ?, 'agent', ?)", (name, display, now)).lastrowid)
        conn.executemany("INSERT INTO buyers (id, nick, created_at) VALUES (?, ?, ?)",
                         ((n + 1, nick, now) for n, nick in enumerate(buyers)))
        conn.executemany(
            "INSERT INTO conversations (id, buyer_id, agent_id, state, unread, last_message_at,"
            " last_preview, created_at, ended_at) VALUES (?, ?, ?, 'ended', 0, ?, '', ?, ?)",
            ((n + 1, buyer + 1, agent_ids[agent], last, first, last)
             for n, (buyer, agent, first, last) in enumerate(conversations)))
        conn.executemany(
            "INSERT INTO messages (uid, conversation_id, sender, agent_id, kind, text, status,"
            " created_at) VALUES ('bulk-' || ?, ?, ?, ?, 'text', ?, 'sent', ?)",
            ((n, conversation + 1, sender, agent_ids[agent] if agent is not None else None,
              text, at)
             for n, (conversation, sender, agent, text, at) in enumerate(messages)))
        conn.executemany(
            "INSERT INTO orders (id, buyer_id, status, total, paid, created_at, paid_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((oid, buyer + 1, status, total, paid, created, paid_at)
             for oid, buyer, status, total, paid, created, paid_at in orders))
