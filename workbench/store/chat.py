"""Conversations and messages."""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store

CONVERSATION_COLUMNS = (
    "c.id, c.buyer_id, b.nick AS buyer_nick, b.tier AS buyer_tier, b.tags AS buyer_tags, "
    "c.agent_id, c.state, c.unread, c.waiting_since, c.last_message_at, c.last_preview, "
    "c.draft, c.ended_at, EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id "
    "AND m.sender = 'agent') AS replied"
)
MESSAGE_COLUMNS = "id, uid, conversation_id, sender, agent_id, kind, text, status, created_at"


def conversations(store: Store, ended_since: float = 0.0) -> list[sqlite3.Row]:
    """Open conversations, and ended ones that ended after ``ended_since``."""
    return store.conn.execute(
        f"SELECT {CONVERSATION_COLUMNS} FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
        "WHERE c.state != 'ended' OR c.ended_at > ? ORDER BY c.last_message_at DESC",
        (ended_since,)
    ).fetchall()


def conversation(store: Store, conversation_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {CONVERSATION_COLUMNS} FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
        "WHERE c.id = ?", (conversation_id,)
    ).fetchone()


def latest_conversation_for_buyer(store: Store, buyer_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT id, state FROM conversations WHERE buyer_id = ? ORDER BY id DESC LIMIT 1",
        (buyer_id,)
    ).fetchone()


def set_state(store: Store, conversation_id: int, state: str, at: float) -> None:
    """Move a conversation to waiting, queued, in_service or ended."""
    store.conn.execute(
        "UPDATE conversations SET state = ?, ended_at = CASE WHEN ? = 'ended' THEN ? END "
        "WHERE id = ?", (state, state, at, conversation_id))


def set_agent(store: Store, conversation_id: int, agent_id: int | None) -> None:
    store.conn.execute("UPDATE conversations SET agent_id = ? WHERE id = ?",
                       (agent_id, conversation_id))


def count_in_hand(store: Store, agent_id: int, excluding: int) -> int:
    """Conversations an agent is serving (waiting for them or in service)."""
    return store.conn.execute(
        "SELECT count(*) FROM conversations WHERE agent_id = ? AND id != ? "
        "AND state IN ('waiting', 'in_service')", (agent_id, excluding)).fetchone()[0]


def count_waiting_unanswered(store: Store, agent_id: int) -> int:
    """The agent's buyers waiting for an answer (the queue is not theirs yet)."""
    return store.conn.execute(
        "SELECT count(*) FROM conversations WHERE agent_id = ? AND waiting_since IS NOT NULL "
        "AND state IN ('waiting', 'in_service')", (agent_id,)).fetchone()[0]


def oldest_queued(store: Store) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT id FROM conversations WHERE state = 'queued' ORDER BY waiting_since, id LIMIT 1"
    ).fetchone()


def idle_in_service(store: Store, before: float) -> list[int]:
    return [row[0] for row in store.conn.execute(
        "SELECT id FROM conversations WHERE state = 'in_service' AND last_message_at < ?",
        (before,))]


def insert_transfer(store: Store, conversation_id: int, from_agent_id: int | None,
                    to_agent_id: int | None, to_group: str | None, reason: str,
                    at: float) -> None:
    store.conn.execute(
        "INSERT INTO transfers (conversation_id, from_agent_id, to_agent_id, to_group, reason, "
        "at) VALUES (?, ?, ?, ?, ?, ?)",
        (conversation_id, from_agent_id, to_agent_id, to_group, reason, at))


def transfers(store: Store, conversation_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT t.id, t.conversation_id, fa.display_name AS from_agent, "
        "ta.display_name AS to_agent, t.to_group, t.reason, t.at FROM transfers t "
        "LEFT JOIN agents fa ON fa.id = t.from_agent_id "
        "LEFT JOIN agents ta ON ta.id = t.to_agent_id "
        "WHERE t.conversation_id = ? ORDER BY t.id", (conversation_id,)).fetchall()


def agent_reception(store: Store, agent_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT status, capacity, team_group FROM agents WHERE id = ?", (agent_id,)).fetchone()


def set_agent_reception(store: Store, agent_id: int, status: str, capacity: int) -> None:
    store.conn.execute("UPDATE agents SET status = ?, capacity = ? WHERE id = ?",
                       (status, capacity, agent_id))


def last_message(store: Store, conversation_id: int, senders: tuple[str, ...]
                 ) -> sqlite3.Row | None:
    marks = ", ".join("?" for _ in senders)
    return store.conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? "
        f"AND sender IN ({marks}) ORDER BY id DESC LIMIT 1", (conversation_id, *senders)
    ).fetchone()


def unanswered_buyer_messages(store: Store, conversation_id: int) -> list[sqlite3.Row]:
    """(kind, text) of the buyer's messages since the last human agent message, oldest
    first: the run the buyer waits to have answered."""
    return store.conn.execute(
        "SELECT kind, text FROM messages WHERE conversation_id = ? AND sender = 'buyer' "
        "AND id > coalesce((SELECT max(id) FROM messages WHERE conversation_id = ? "
        "AND sender = 'agent'), 0) ORDER BY id", (conversation_id, conversation_id)).fetchall()


def count_buyer_messages(store: Store, conversation_id: int) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM messages WHERE conversation_id = ? AND sender = 'buyer'",
        (conversation_id,)).fetchone()[0]


def find_in_conversation(store: Store, conversation_id: int, text: str) -> list[int]:
    """Ids of the conversation's messages containing ``text``, oldest first."""
    literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [row[0] for row in store.conn.execute(
        "SELECT id FROM messages WHERE conversation_id = ? AND kind IN ('text', 'card') "
        "AND text LIKE ? ESCAPE '\\' ORDER BY id", (conversation_id, f"%{literal}%"))]


def messages_from(store: Store, conversation_id: int, first_id: int) -> list[sqlite3.Row]:
    """Every message from ``first_id`` on, oldest first (to show a found message)."""
    return store.conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND id >= ? "
        "ORDER BY id", (conversation_id, first_id)).fetchall()


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
        "waiting_since = coalesce(waiting_since, ?) WHERE id = ?",
        (preview, at, at, conversation_id),
    )


def note_other_message(store: Store, conversation_id: int, preview: str, at: float) -> None:
    """An auto-reply, note or system line: shown as the latest, but nobody answered."""
    store.conn.execute(
        "UPDATE conversations SET last_preview = ?, last_message_at = ? WHERE id = ?",
        (preview, at, conversation_id))


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
