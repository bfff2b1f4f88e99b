"""The router's own SQLite file: conversations, their agents, seen message ids, deliveries.

The router is a separate process with a separate file (not a workbench store), so it has its
own numbered migrations, tracked by ``PRAGMA user_version`` as in schema.py. Everything the
router must remember across a restart is here: which agent serves which buyer, the queue,
every message id it has handled (so a resend is dropped) and which relays an agent has not
yet confirmed (so they are sent again).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from workbench.store.db import Store


def _v1_router(conn: sqlite3.Connection) -> None:
    _run_script(conn, """
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            buyer TEXT NOT NULL,
            agent TEXT,
            state TEXT NOT NULL CHECK (state IN ('queued', 'active', 'ended')),
            created_at REAL NOT NULL,
            queued_at REAL,
            last_at REAL NOT NULL,
            ended_at REAL
        );
        -- One live conversation per buyer: that is what keeps a buyer with one agent.
        CREATE UNIQUE INDEX conversations_live_buyer ON conversations (buyer)
            WHERE state != 'ended';
        CREATE INDEX conversations_agent ON conversations (agent, state);
        CREATE INDEX conversations_queue ON conversations (state, queued_at);
        -- Every message the router handled, both ways; the uid is the duplicate check.
        CREATE TABLE messages (
            uid TEXT PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations (id),
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'auto')),
            agent TEXT,
            kind TEXT NOT NULL DEFAULT 'text',
            text TEXT NOT NULL,
            at REAL NOT NULL,
            -- For messages to the buyer: when the server took it (a resend before that
            -- relays it again, with the same id).
            relayed_at REAL
        );
        CREATE INDEX messages_conversation ON messages (conversation_id, at);
        -- A buyer's message handed to an agent, until the agent's workbench confirms it.
        CREATE TABLE deliveries (
            uid TEXT NOT NULL REFERENCES messages (uid),
            agent TEXT NOT NULL,
            sent_at REAL,
            confirmed_at REAL,
            PRIMARY KEY (uid, agent)
        );
        CREATE INDEX deliveries_pending ON deliveries (agent, confirmed_at);
        CREATE TABLE transfers (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations (id),
            from_agent TEXT NOT NULL,
            to_agent TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            at REAL NOT NULL
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Statement by statement: executescript would commit the migration's transaction."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    for statement in "\n".join(lines).split(";"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1_router]


class RouterStore(Store):
    """The router's open file: a store with the router's own migrations."""

    @classmethod
    def open(cls, path: Path | str) -> RouterStore:
        # FULL: a message the router confirmed must survive a power cut, not only a kill.
        return super().open(path, migrations=MIGRATIONS, synchronous="FULL")


# --- conversations -------------------------------------------------------------------------

def live_conversation(store: RouterStore, buyer: str) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT * FROM conversations WHERE buyer = ? AND state != 'ended'", (buyer,)
    ).fetchone()


def conversation(store: RouterStore, conversation_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT * FROM conversations WHERE id = ?", (conversation_id,)).fetchone()


def insert_conversation(store: RouterStore, buyer: str, now: float) -> int:
    return store.conn.execute(
        "INSERT INTO conversations (buyer, state, created_at, queued_at, last_at) "
        "VALUES (?, 'queued', ?, ?, ?)", (buyer, now, now, now)).lastrowid


def assign(store: RouterStore, conversation_id: int, agent: str) -> None:
    store.conn.execute(
        "UPDATE conversations SET agent = ?, state = 'active', queued_at = NULL WHERE id = ?",
        (agent, conversation_id))


def touch(store: RouterStore, conversation_id: int, now: float) -> None:
    store.conn.execute(
        "UPDATE conversations SET last_at = max(last_at, ?) WHERE id = ?",
        (now, conversation_id))


def end(store: RouterStore, conversation_id: int, now: float) -> None:
    store.conn.execute(
        "UPDATE conversations SET state = 'ended', ended_at = ? WHERE id = ?",
        (now, conversation_id))


def loads(store: RouterStore) -> dict[str, int]:
    """Live conversations per agent."""
    return dict(store.conn.execute(
        "SELECT agent, count(*) FROM conversations WHERE state = 'active' GROUP BY agent"
    ).fetchall())


def queued(store: RouterStore) -> list[sqlite3.Row]:
    """Buyers waiting for an agent, longest waiting first."""
    return store.conn.execute(
        "SELECT * FROM conversations WHERE state = 'queued' ORDER BY queued_at, id").fetchall()


def idle_conversations(store: RouterStore, before: float) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT * FROM conversations WHERE state = 'active' AND last_at < ?", (before,)
    ).fetchall()


def conversations_of(store: RouterStore, agent: str) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT * FROM conversations WHERE state = 'active' AND agent = ?", (agent,)).fetchall()


def insert_transfer(store: RouterStore, conversation_id: int, from_agent: str, to_agent: str,
                    reason: str, now: float) -> None:
    store.conn.execute(
        "INSERT INTO transfers (conversation_id, from_agent, to_agent, reason, at) "
        "VALUES (?, ?, ?, ?, ?)", (conversation_id, from_agent, to_agent, reason, now))


# --- messages and deliveries ---------------------------------------------------------------

def insert_message(store: RouterStore, uid: str, conversation_id: int, direction: str,
                   agent: str | None, kind: str, text: str, at: float) -> bool:
    """Record a message once; False when its uid was seen before (a resend)."""
    cursor = store.conn.execute(
        "INSERT INTO messages (uid, conversation_id, direction, agent, kind, text, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
        (uid, conversation_id, direction, agent, kind, text, at))
    return cursor.rowcount == 1


def message(store: RouterStore, uid: str) -> sqlite3.Row | None:
    return store.conn.execute("SELECT * FROM messages WHERE uid = ?", (uid,)).fetchone()


def mark_relayed(store: RouterStore, uid: str, now: float) -> None:
    store.conn.execute(
        "UPDATE messages SET relayed_at = coalesce(relayed_at, ?) WHERE uid = ?", (now, uid))


def buyer_messages(store: RouterStore, conversation_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT * FROM messages WHERE conversation_id = ? AND direction = 'in' "
        "ORDER BY at, rowid", (conversation_id,)).fetchall()


def add_delivery(store: RouterStore, uid: str, agent: str) -> None:
    store.conn.execute(
        "INSERT INTO deliveries (uid, agent) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (uid, agent))


def mark_delivery_sent(store: RouterStore, uid: str, agent: str, now: float) -> None:
    store.conn.execute(
        "UPDATE deliveries SET sent_at = ? WHERE uid = ? AND agent = ?", (now, uid, agent))


def confirm_delivery(store: RouterStore, uid: str, agent: str, now: float) -> None:
    store.conn.execute(
        "UPDATE deliveries SET confirmed_at = coalesce(confirmed_at, ?) "
        "WHERE uid = ? AND agent = ?", (now, uid, agent))


def pending_deliveries(store: RouterStore, agent: str) -> list[sqlite3.Row]:
    """Relays to ``agent`` not confirmed yet, with the message and its conversation."""
    return store.conn.execute(
        "SELECT m.*, c.buyer FROM deliveries d JOIN messages m ON m.uid = d.uid "
        "JOIN conversations c ON c.id = m.conversation_id "
        "WHERE d.agent = ? AND d.confirmed_at IS NULL ORDER BY m.at, m.rowid", (agent,)
    ).fetchall()


def count_pending(store: RouterStore) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM deliveries WHERE confirmed_at IS NULL").fetchone()[0]


# --- meta ----------------------------------------------------------------------------------

def get_meta(store: RouterStore, key: str) -> str | None:
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def put_meta(store: RouterStore, key: str, value: str) -> None:
    store.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
