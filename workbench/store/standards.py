"""The service standard's tables and queries: transcripts read in bulk for the checklist,
质检 inspections (overrides, manual items, comments, acknowledgements) and the daily
问题单反馈表.

Transcripts of a month are hundreds of thousands of conversations, so those reads return
plain tuples, grouped by conversation, and leave joins to dictionaries in Python.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # schema.py imports this module while db.py is still loading
    from workbench.store.db import Store

CHUNK = 500


def migrate_standards(conn: sqlite3.Connection) -> None:
    """质检 inspections with their overrides and manual items; problem sheets."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    db["inspections"].create(
        {"id": int, "conversation_id": int, "day": str, "agent_id": int, "inspector_id": int,
         "reason": str, "state": str, "comment": str, "score": float, "results": str,
         "created_at": float, "inspected_at": float, "acknowledged_at": float},
        pk="id", not_null={"conversation_id", "day", "reason", "state", "created_at"},
        defaults={"state": "sampled", "comment": ""},
        foreign_keys=[("conversation_id", "conversations", "id"), ("agent_id", "agents", "id"),
                      ("inspector_id", "agents", "id")],
    )
    db["inspections"].create_index(["conversation_id", "day"], unique=True)
    db["inspections"].create_index(["agent_id", "state"])
    db["inspections"].create_index(["day"])
    db["inspection_overrides"].create(
        {"inspection_id": int, "rule": str, "result": str},
        pk=("inspection_id", "rule"), not_null={"result"},
        foreign_keys=[("inspection_id", "inspections", "id")],
    )
    db["inspection_items"].create(
        {"id": int, "inspection_id": int, "label": str, "score": float, "weight": int},
        pk="id", not_null={"inspection_id", "label", "score", "weight"},
        foreign_keys=[("inspection_id", "inspections", "id")],
    )
    db["inspection_items"].create_index(["inspection_id"])
    db["problem_sheets"].create(
        {"id": int, "agent_id": int, "day": str, "submitted_at": float, "collected_at": float,
         "collected_by": int},
        pk="id", not_null={"agent_id", "day"},
        foreign_keys=[("agent_id", "agents", "id"), ("collected_by", "agents", "id")],
    )
    db["problem_sheets"].create_index(["agent_id", "day"], unique=True)
    db["problem_sheets"].create_index(["day"])
    db["problem_entries"].create(
        {"id": int, "sheet_id": int, "kind": str, "text": str, "answer": str,
         "created_at": float},
        pk="id", not_null={"sheet_id", "kind", "text", "created_at"}, defaults={"answer": ""},
        foreign_keys=[("sheet_id", "problem_sheets", "id")],
    )
    db["problem_entries"].create_index(["sheet_id"])


def _tuples(store: Store, sql: str, params: Iterable = ()) -> list[tuple]:
    cursor = store.conn.cursor()
    cursor.row_factory = None
    try:
        return cursor.execute(sql, tuple(params)).fetchall()
    finally:
        cursor.close()


# --- transcripts ---------------------------------------------------------------------------

def period_messages(store: Store, start: float, end: float,
                    conversation_id: int | None = None) -> list[tuple]:
    """(conversation id, sender, agent id, kind, text, at) of every message but notes in
    [start, end), in time order (read along the time index: no sort of a month's rows)."""
    where, params = "", [start, end]
    if conversation_id is not None:
        where, params = " AND conversation_id = ?", [*params, conversation_id]
    return _tuples(
        store, "SELECT conversation_id, sender, agent_id, kind, text, created_at FROM messages "
        f"WHERE created_at >= ? AND created_at < ? AND sender != 'note'{where} "
        "ORDER BY created_at, id", params)


def conversation_facts(store: Store, ids: set[int]) -> dict[int, tuple]:
    """conversation id -> (buyer id, assigned agent id, external id, buyer nick)."""
    ordered = sorted(ids)
    found: dict[int, tuple] = {}
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start:start + CHUNK]
        marks = ", ".join("?" for _ in chunk)
        found.update((row[0], row[1:]) for row in _tuples(
            store, "SELECT c.id, c.buyer_id, c.agent_id, c.external_id, b.nick "
            f"FROM conversations c JOIN buyers b ON b.id = c.buyer_id WHERE c.id IN ({marks})",
            chunk))
    return found


def conversations_active(store: Store, since: float) -> dict[int, tuple]:
    """The same facts for every conversation with a message since ``since`` (one read by
    the last-message index instead of many lookups)."""
    return {row[0]: row[1:] for row in _tuples(
        store, "SELECT c.id, c.buyer_id, c.agent_id, c.external_id, b.nick "
        "FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
        "WHERE c.last_message_at >= ?", (since,))}


def buyer_orders(store: Store, start: float, end: float,
                 buyer_id: int | None = None) -> list[tuple]:
    """(buyer id, order id, created at, paid at, address, paid amount) of the orders
    placed or paid in [start, end)."""
    where, params = "", [start, end, start, end]
    if buyer_id is not None:
        where, params = " AND buyer_id = ?", [*params, buyer_id]
    return _tuples(
        store, "SELECT buyer_id, id, created_at, paid_at, coalesce(address, ''), paid "
        "FROM orders WHERE ((created_at >= ? AND created_at < ?) "
        f"OR (paid_at >= ? AND paid_at < ?)){where}", params)


def agent_names(store: Store) -> dict[int, str]:
    return dict(_tuples(store, "SELECT id, name FROM agents"))


def _days_and_agent(alias: str, first_day: str | None, last_day: str | None,
                    agent_id: int | None) -> tuple[list[str], list]:
    """Conditions on a table's ``day`` (inclusive) and ``agent_id``, those given."""
    where, params = [], []
    for clause, value in ((f"{alias}.day >= ?", first_day), (f"{alias}.day <= ?", last_day),
                          (f"{alias}.agent_id = ?", agent_id)):
        if value is not None:
            where.append(clause)
            params.append(value)
    return where, params


# --- inspections ---------------------------------------------------------------------------

INSPECTION_COLUMNS = (
    "i.id, i.conversation_id, i.day, i.agent_id, a.name AS agent_name, b.nick AS buyer, "
    "i.inspector_id, s.name AS inspector_name, i.reason, i.state, i.comment, i.score, "
    "i.created_at, i.inspected_at, i.acknowledged_at"
)
INSPECTION_FROM = (
    "FROM inspections i JOIN conversations c ON c.id = i.conversation_id "
    "JOIN buyers b ON b.id = c.buyer_id LEFT JOIN agents a ON a.id = i.agent_id "
    "LEFT JOIN agents s ON s.id = i.inspector_id"
)


def inspected_keys(store: Store, first_day: str, last_day: str) -> set[tuple[int, str]]:
    """(conversation id, day) already sampled between two days (inclusive)."""
    return set(_tuples(store, "SELECT conversation_id, day FROM inspections "
                              "WHERE day >= ? AND day <= ?", (first_day, last_day)))


def insert_inspection(store: Store, conversation_id: int, day: str, agent_id: int | None,
                      inspector_id: int, reason: str, now: float) -> int:
    return store.conn.execute(
        "INSERT INTO inspections (conversation_id, day, agent_id, inspector_id, reason, "
        "state, created_at) VALUES (?, ?, ?, ?, ?, 'sampled', ?)",
        (conversation_id, day, agent_id, inspector_id, reason, now)).lastrowid


def inspection(store: Store, inspection_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {INSPECTION_COLUMNS} {INSPECTION_FROM} WHERE i.id = ?", (inspection_id,)
    ).fetchone()


def inspections(store: Store, first_day: str | None, last_day: str | None,
                agent_id: int | None, states: tuple[str, ...]) -> list[sqlite3.Row]:
    """Newest day first, then by agent and conversation."""
    where, params = _days_and_agent("i", first_day, last_day, agent_id)
    where.append(f"i.state IN ({', '.join('?' for _ in states)})")
    params += states
    return store.conn.execute(
        f"SELECT {INSPECTION_COLUMNS} {INSPECTION_FROM} WHERE {' AND '.join(where)} "
        "ORDER BY i.day DESC, a.name, i.id", params).fetchall()


def set_inspection_comment(store: Store, inspection_id: int, comment: str) -> None:
    store.conn.execute("UPDATE inspections SET comment = ? WHERE id = ?", (comment, inspection_id))


def complete_inspection(store: Store, inspection_id: int, inspector_id: int, score: float | None,
                        results: str, now: float) -> None:
    store.conn.execute(
        "UPDATE inspections SET state = 'done', inspector_id = ?, score = ?, results = ?, "
        "inspected_at = ? WHERE id = ?", (inspector_id, score, results, now, inspection_id))


def reopen_inspection(store: Store, inspection_id: int) -> None:
    store.conn.execute(
        "UPDATE inspections SET state = 'sampled', score = NULL, results = NULL, "
        "inspected_at = NULL, acknowledged_at = NULL WHERE id = ?", (inspection_id,))


def acknowledge_inspection(store: Store, inspection_id: int, now: float) -> None:
    store.conn.execute("UPDATE inspections SET state = 'acknowledged', acknowledged_at = ? "
                       "WHERE id = ?", (now, inspection_id))


def inspection_results(store: Store, inspection_id: int) -> str | None:
    row = store.conn.execute("SELECT results FROM inspections WHERE id = ?",
                             (inspection_id,)).fetchone()
    return row[0] if row else None


def overrides(store: Store, inspection_id: int) -> dict[str, str]:
    return dict(_tuples(store, "SELECT rule, result FROM inspection_overrides "
                               "WHERE inspection_id = ?", (inspection_id,)))


def set_override(store: Store, inspection_id: int, rule: str, result: str | None) -> None:
    if result is None:
        store.conn.execute("DELETE FROM inspection_overrides WHERE inspection_id = ? AND rule = ?",
                           (inspection_id, rule))
    else:
        store.conn.execute(
            "INSERT INTO inspection_overrides (inspection_id, rule, result) VALUES (?, ?, ?) "
            "ON CONFLICT (inspection_id, rule) DO UPDATE SET result = excluded.result",
            (inspection_id, rule, result))


def manual_items(store: Store, inspection_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT id, label, score, weight FROM inspection_items WHERE inspection_id = ? "
        "ORDER BY id", (inspection_id,)).fetchall()


def insert_manual_item(store: Store, inspection_id: int, label: str, score: float,
                       weight: int) -> int:
    return store.conn.execute(
        "INSERT INTO inspection_items (inspection_id, label, score, weight) VALUES (?, ?, ?, ?)",
        (inspection_id, label, score, weight)).lastrowid


def manual_item_owner(store: Store, item_id: int) -> int | None:
    row = store.conn.execute("SELECT inspection_id FROM inspection_items WHERE id = ?",
                             (item_id,)).fetchone()
    return row[0] if row else None


def delete_manual_item(store: Store, item_id: int) -> None:
    store.conn.execute("DELETE FROM inspection_items WHERE id = ?", (item_id,))


# --- problem sheets (问题单反馈表) -----------------------------------------------------------

SHEET_COLUMNS = ("p.id, p.agent_id, a.name AS agent_name, p.day, p.submitted_at, "
                 "p.collected_at, p.collected_by")


def problem_sheet(store: Store, agent_id: int, day: str) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {SHEET_COLUMNS} FROM problem_sheets p JOIN agents a ON a.id = p.agent_id "
        "WHERE p.agent_id = ? AND p.day = ?", (agent_id, day)).fetchone()


def problem_sheet_by_id(store: Store, sheet_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {SHEET_COLUMNS} FROM problem_sheets p JOIN agents a ON a.id = p.agent_id "
        "WHERE p.id = ?", (sheet_id,)).fetchone()


def insert_problem_sheet(store: Store, agent_id: int, day: str) -> int:
    return store.conn.execute("INSERT INTO problem_sheets (agent_id, day) VALUES (?, ?)",
                              (agent_id, day)).lastrowid


def problem_sheets(store: Store, first_day: str | None, last_day: str | None,
                   agent_id: int | None) -> list[sqlite3.Row]:
    where, params = _days_and_agent("p", first_day, last_day, agent_id)
    return store.conn.execute(
        f"SELECT {SHEET_COLUMNS} FROM problem_sheets p JOIN agents a ON a.id = p.agent_id "
        f"WHERE {' AND '.join(['1', *where])} ORDER BY p.day DESC, a.name", params).fetchall()


def problem_entries(store: Store, sheet_ids: list[int]) -> list[sqlite3.Row]:
    rows: list[sqlite3.Row] = []
    for start in range(0, len(sheet_ids), CHUNK):
        chunk = sheet_ids[start:start + CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows += store.conn.execute(
            "SELECT id, sheet_id, kind, text, answer, created_at FROM problem_entries "
            f"WHERE sheet_id IN ({marks}) ORDER BY id", chunk).fetchall()
    return rows


def problem_entry(store: Store, entry_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT id, sheet_id, kind, text, answer, created_at FROM problem_entries WHERE id = ?",
        (entry_id,)).fetchone()


def insert_problem_entry(store: Store, sheet_id: int, kind: str, text: str, now: float) -> int:
    return store.conn.execute(
        "INSERT INTO problem_entries (sheet_id, kind, text, created_at) VALUES (?, ?, ?, ?)",
        (sheet_id, kind, text, now)).lastrowid


def delete_problem_entry(store: Store, entry_id: int) -> None:
    store.conn.execute("DELETE FROM problem_entries WHERE id = ?", (entry_id,))


def set_problem_answer(store: Store, entry_id: int, answer: str) -> None:
    store.conn.execute("UPDATE problem_entries SET answer = ? WHERE id = ?", (answer, entry_id))


def submit_problem_sheet(store: Store, sheet_id: int, now: float) -> None:
    store.conn.execute("UPDATE problem_sheets SET submitted_at = ? WHERE id = ?",
                       (now, sheet_id))


def collect_problem_sheets(store: Store, day: str, by: int, now: float) -> list[int]:
    """Mark the day's submitted, uncollected sheets collected; their ids."""
    ids = [row[0] for row in store.conn.execute(
        "SELECT id FROM problem_sheets WHERE day = ? AND submitted_at IS NOT NULL "
        "AND collected_at IS NULL", (day,))]
    store.conn.executemany("UPDATE problem_sheets SET collected_at = ?, collected_by = ? "
                           "WHERE id = ?", ((now, by, sheet_id) for sheet_id in ids))
    return ids
