"""待办 items: rows, filters, overdue marking and reminders."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from workbench.store.db import Store

TODO_COLUMNS = (
    "t.id, t.title, t.detail, t.priority, t.buyer_id, b.nick AS buyer_nick, t.conversation_id, "
    "t.order_id, t.creator_id, c.display_name AS creator_name, t.assignee_kind, t.assignee_id, "
    "a.display_name AS assignee_name, t.assignee_shift, t.due_at, t.remind_at, t.reminded_at, "
    "t.state, t.created_at, t.updated_at"
)
TODO_FROM = (
    "FROM todos t LEFT JOIN buyers b ON b.id = t.buyer_id "
    "LEFT JOIN agents c ON c.id = t.creator_id LEFT JOIN agents a ON a.id = t.assignee_id"
)
# Soonest due first, items without a due time last; the more urgent first on a tie.
TODO_ORDER = "ORDER BY t.due_at IS NULL, t.due_at, t.priority DESC, t.id"
EDITABLE = frozenset({"title", "detail", "priority", "buyer_id", "conversation_id", "order_id",
                      "assignee_kind", "assignee_id", "assignee_shift", "due_at", "remind_at",
                      "reminded_at", "state"})


def _marks(values: Iterable) -> str:
    return ", ".join("?" for _ in values)


def insert(store: Store, values: dict) -> int:
    columns = ", ".join(values)
    return store.conn.execute(
        f"INSERT INTO todos ({columns}) VALUES ({_marks(values)})", tuple(values.values())
    ).lastrowid


def get(store: Store, todo_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {TODO_COLUMNS} {TODO_FROM} WHERE t.id = ?", (todo_id,)
    ).fetchone()


def listing(store: Store, states: tuple[str, ...]) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {TODO_COLUMNS} {TODO_FROM} WHERE t.state IN ({_marks(states)}) {TODO_ORDER}",
        states,
    ).fetchall()


def _scope(agent_ids: list[int] | None, shift: str | None,
           include_team: bool) -> tuple[str, list]:
    """The assignee clause: None agent_ids means every item whoever holds it."""
    if agent_ids is None:
        return "", []
    parts = [f"(t.assignee_kind = 'agent' AND t.assignee_id IN ({_marks(agent_ids)}))"]
    params: list = list(agent_ids)
    if shift:
        parts.append("(t.assignee_kind = 'shift' AND t.assignee_shift = ?)")
        params.append(shift)
    if include_team:
        parts.append("t.assignee_kind = 'team'")
    return " AND (" + " OR ".join(parts) + ")", params


def filtered(store: Store, states: tuple[str, ...], agent_ids: list[int] | None,
             shift: str | None, include_team: bool, limit: int = -1,
             offset: int = 0) -> list[sqlite3.Row]:
    clause, params = _scope(agent_ids, shift, include_team)
    return store.conn.execute(
        f"SELECT {TODO_COLUMNS} {TODO_FROM} WHERE t.state IN ({_marks(states)}){clause} "
        f"{TODO_ORDER} LIMIT ? OFFSET ?", (*states, *params, limit, offset)
    ).fetchall()


def count(store: Store, states: tuple[str, ...], agent_ids: list[int] | None,
          shift: str | None, include_team: bool) -> int:
    clause, params = _scope(agent_ids, shift, include_team)
    return store.conn.execute(
        f"SELECT count(*) FROM todos t WHERE t.state IN ({_marks(states)}){clause}",
        (*states, *params),
    ).fetchone()[0]


def set_state(store: Store, todo_id: int, state: str, at: float) -> None:
    store.conn.execute(
        "UPDATE todos SET state = ?, updated_at = ? WHERE id = ?", (state, at, todo_id)
    )


def update(store: Store, todo_id: int, values: dict, at: float) -> None:
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    assignments = ", ".join(f"{column} = ?" for column in values)
    store.conn.execute(
        f"UPDATE todos SET {assignments}, updated_at = ? WHERE id = ?",
        (*values.values(), at, todo_id),
    )


def overdue_candidates(store: Store, states: tuple[str, ...], now: float) -> list[sqlite3.Row]:
    """Items in ``states`` whose due time has passed (uses the (state, due_at) index)."""
    return store.conn.execute(
        f"SELECT id, state FROM todos WHERE state IN ({_marks(states)}) "
        "AND due_at IS NOT NULL AND due_at < ?", (*states, now)
    ).fetchall()


def pending_reminders(store: Store, states: tuple[str, ...], now: float) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {TODO_COLUMNS} {TODO_FROM} WHERE t.remind_at IS NOT NULL "
        f"AND t.reminded_at IS NULL AND t.remind_at <= ? AND t.state IN ({_marks(states)}) "
        "ORDER BY t.remind_at, t.id", (now, *states)
    ).fetchall()
