"""Conversations and messages."""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store

CONVERSATION_COLUMNS = (
    "c.id, c.buyer_id, b.nick AS buyer_nick, b.tier AS buyer_tier, c.agent_id, c.state, "
    "c.unread, c.waiting_since, c.last_message_at, c.last_preview, c.draft"
)
MESSAGE_COLUMNS = "id, uid, conversation_id, sender, agent_id, kind, text, status, created_at"


def conversations(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {CONVERSATION_COLUMNS} FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
        "ORDER BY c.last_message_at DESC"
    ).fetchall()


def conversation(store: Store, conversation_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {CONVERSATION_COLUMNS} FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
        "WHERE c.id = ?", (conversation_id,)
    ).fetchone()


def open_conversation_for_buyer(store: Store, buyer_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT id FROM conversations WHERE buyer_id = ? AND state != 'ended' "
        "ORDER BY id DESC LIMIT 1", (buyer_id,)
    ).fetchone()


def insert_conversation(store: Store, buyer_id: int, now: float) -> int:
    return store.conn.execute(
        "INSERT INTO conversations (buyer_id, state, created_at, last_message_at) "
        "VALUES (?, 'waiting', ?, ?)", (buyer_id, now, now)
    ).lastrowid


def insert_message(store: Store, uid: str, conversation_id: int, sender: str,
                   agent_id: int | None, kind: str, text: str, status: str,
                   at: float) -> int | None:
    """Insert unless a message with this uid exists (a resend); returns the new id or None."""
    cursor = store.conn.execute(
        "INSERT INTO messages (uid, conversation_id, sender, agent_id, kind, text, status, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
        (uid, conversation_id, sender, agent_id, kind, text, status, at),
    )
    return cursor.lastrowid if cursor.rowcount else None


def note_buyer_message(store: Store, conversation_id: int, preview: str, at: float) -> None:
    """A buyer wrote: one more unread, the clock starts if it was not running."""
    store.conn.execute(
        "UPDATE conversations SET unread = unread + 1, last_preview = ?, last_message_at = ?, "
        "waiting_since = coalesce(waiting_since, ?), "
        "state = CASE WHEN state = 'in_service' THEN state ELSE 'waiting' END WHERE id = ?",
        (preview, at, at, conversation_id),
    )


def note_agent_reply(store: Store, conversation_id: int, agent_id: int, preview: str,
                     at: float) -> None:
    """The agent answered: the waiting clock stops and the draft is spent."""
    store.conn.execute(
        "UPDATE conversations SET last_preview = ?, last_message_at = ?, waiting_since = NULL, "
        "state = 'in_service', agent_id = ?, draft = '', unread = 0 WHERE id = ?",
        (preview, at, agent_id, conversation_id),
    )


def set_unread(store: Store, conversation_id: int, unread: int) -> None:
    store.conn.execute(
        "UPDATE conversations SET unread = ? WHERE id = ?", (unread, conversation_id)
    )


def set_draft(store: Store, conversation_id: int, draft: str) -> None:
    store.conn.execute(
        "UPDATE conversations SET draft = ? WHERE id = ?", (draft, conversation_id)
    )


def messages(store: Store, conversation_id: int, before_id: int | None = None,
             limit: int = 200) -> list[sqlite3.Row]:
    """The newest ``limit`` messages older than ``before_id``, oldest first."""
    rows = store.conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND id < ? "
        "ORDER BY id DESC LIMIT ?",
        (conversation_id, before_id if before_id is not None else 2**62, limit),
    ).fetchall()
    rows.reverse()
    return rows


def message_by_uid(store: Store, uid: str) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE uid = ?", (uid,)
    ).fetchone()


def set_message_status(store: Store, uid: str, status: str) -> sqlite3.Row | None:
    store.conn.execute("UPDATE messages SET status = ? WHERE uid = ?", (status, uid))
    return message_by_uid(store, uid)


def count_messages(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM messages").fetchone()[0]
