"""Conversations pulled from the team's server archive into a supervisor's store.

An imported conversation is keyed by ``conversations.external_id`` (``service#number``, the
router's conversation number) and its messages by their uid, so pulling the same archive
page twice changes nothing.
"""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store


def conversation_by_external_id(store: Store, external_id: str) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT id, buyer_id, agent_id FROM conversations WHERE external_id = ?",
        (external_id,)).fetchone()


def latest_imported_conversation(store: Store, buyer_id: int, prefix: str) -> sqlite3.Row | None:
    """The buyer's newest conversation imported from this service (an agent's reply may not
    name its conversation)."""
    return store.conn.execute(
        "SELECT id, buyer_id, agent_id, external_id FROM conversations "
        "WHERE buyer_id = ? AND external_id LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT 1",
        (buyer_id, _like_prefix(prefix))).fetchone()


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def insert_conversation(store: Store, buyer_id: int, external_id: str, at: float) -> int:
    """An imported conversation is a record, not work: it is stored as ended."""
    return store.conn.execute(
        "INSERT INTO conversations (buyer_id, state, created_at, last_message_at, ended_at, "
        "external_id) VALUES (?, 'ended', ?, ?, ?, ?)",
        (buyer_id, at, at, at, external_id)).lastrowid


def insert_message(store: Store, uid: str, conversation_id: int, sender: str,
                   agent_id: int | None, text: str, at: float) -> int | None:
    """Once per uid; returns the new id or None when it was imported before."""
    cursor = store.conn.execute(
        "INSERT INTO messages (uid, conversation_id, sender, agent_id, kind, text, status, "
        "created_at) VALUES (?, ?, ?, ?, 'text', ?, ?, ?) ON CONFLICT (uid) DO NOTHING",
        (uid, conversation_id, sender, agent_id, text,
         "received" if sender == "buyer" else "sent", at))
    return cursor.lastrowid if cursor.rowcount else None


def note_message(store: Store, conversation_id: int, agent_id: int | None, preview: str,
                 at: float) -> None:
    store.conn.execute(
        "UPDATE conversations SET agent_id = coalesce(?, agent_id), "
        "last_preview = CASE WHEN ? >= coalesce(last_message_at, 0) THEN ? ELSE last_preview "
        "END, last_message_at = max(coalesce(last_message_at, 0), ?), "
        "ended_at = max(coalesce(ended_at, 0), ?) WHERE id = ?",
        (agent_id, at, preview, at, at, conversation_id))


def count_imported(store: Store, prefix: str) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "WHERE c.external_id LIKE ? ESCAPE '\\'", (_like_prefix(prefix),)).fetchone()[0]
