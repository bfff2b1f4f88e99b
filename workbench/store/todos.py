"""待办 items: rows, filters, overdue marking and reminders."""

from __future__ import annotations

import heapq
import itertools
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


def _sort_key(row: sqlite3.Row) -> tuple:
    return (row["due_at"] is None, row["due_at"] or 0.0, -row["priority"], row["id"])


def filtered(store: Store, states: tuple[str, ...], agent_ids: list[int] | None,
             shift: str | None, include_team: bool, limit: int = -1,
             offset: int = 0) -> list[sqlite3.Row]:
    """Soonest due first (no due time last), then the more urgent, then the older.

    One query per state and per due/no-due part, each read in the order of the
    (state, due_at) index and cut at ``offset + limit``, merged here: a filter change on
    10 000 items then never sorts thousands of rows.
    """
    clause, params = _scope(agent_ids, shift, include_team)
    wanted = -1 if limit < 0 else offset + limit
    parts = []
    for state in states:
        for due_part, order in (("t.due_at IS NOT NULL", "t.due_at, t.priority DESC, t.id"),
                                ("t.due_at IS NULL", "t.priority DESC, t.id")):
            parts.append(store.conn.execute(
                f"SELECT {TODO_COLUMNS} {TODO_FROM} WHERE t.state = ? AND {due_part}{clause} "
                f"ORDER BY {order} LIMIT ?", (state, *params, wanted)).fetchall())
    merged = heapq.merge(*parts, key=_sort_key)
    end = None if limit < 0 else offset + limit
    return list(itertools.islice(merged, offset, end))


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
