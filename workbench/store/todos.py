"""待办 items."""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store

TODO_COLUMNS = (
    "t.id, t.title, t.detail, t.priority, t.buyer_id, b.nick AS buyer_nick, t.conversation_id, "
    "t.order_id, t.creator_id, t.assignee_id, t.due_at, t.remind_at, t.state, t.created_at, "
    "t.updated_at"
)


def insert(store: Store, values: dict) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return store.conn.execute(
        f"INSERT INTO todos ({columns}) VALUES ({marks})", tuple(values.values())
    ).lastrowid


def get(store: Store, todo_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {TODO_COLUMNS} FROM todos t LEFT JOIN buyers b ON b.id = t.buyer_id "
        "WHERE t.id = ?", (todo_id,)
    ).fetchone()


def listing(store: Store, states: tuple[str, ...]) -> list[sqlite3.Row]:
    marks = ", ".join("?" for _ in states)
    return store.conn.execute(
        f"SELECT {TODO_COLUMNS} FROM todos t LEFT JOIN buyers b ON b.id = t.buyer_id "
        f"WHERE t.state IN ({marks}) ORDER BY t.due_at IS NULL, t.due_at, t.id", states
    ).fetchall()


def set_state(store: Store, todo_id: int, state: str, at: float) -> None:
    store.conn.execute(
        "UPDATE todos SET state = ?, updated_at = ? WHERE id = ?", (state, at, todo_id)
    )
