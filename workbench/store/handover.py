"""Handover sheets (交接单) and the queries that gather what a shift leaves open."""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store

# An order in one of these states needs nothing more from the agent.
FINAL_STATUSES = ("TRADE_FINISHED", "TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO")

SHEET_COLUMNS = (
    "s.id, s.uid, s.shift, s.from_agent_id, f.display_name AS from_agent_name, "
    "s.to_agent_id, t.display_name AS to_agent_name, s.notes, s.created_at, "
    "s.acknowledged_at, s.origin, "
    "(SELECT count(*) FROM handover_items i WHERE i.sheet_id = s.id) AS items_total, "
    "(SELECT count(*) FROM handover_items i WHERE i.sheet_id = s.id "
    "AND i.acknowledged_at IS NOT NULL) AS items_acknowledged"
)
SHEET_FROM = ("FROM handover_sheets s JOIN agents f ON f.id = s.from_agent_id "
              "LEFT JOIN agents t ON t.id = s.to_agent_id")
ITEM_COLUMNS = (
    "i.id, i.sheet_id, i.kind, i.ref, i.title, i.detail, i.buyer_nick, i.order_id, i.due_at, "
    "i.acknowledged_at, i.acknowledged_by, a.display_name AS acknowledged_by_name"
)


def unfinished_conversations(store: Store, agent_id: int) -> list[sqlite3.Row]:
    """Conversations the agent serves that are not ended, and buyers nobody has answered."""
    return store.conn.execute(
        "SELECT c.id, c.buyer_id, b.nick AS buyer_nick, c.state, c.waiting_since, "
        "c.last_message_at, c.last_preview, c.unread FROM conversations c "
        "JOIN buyers b ON b.id = c.buyer_id WHERE c.state != 'ended' AND "
        "(c.agent_id = ? OR (c.agent_id IS NULL AND c.waiting_since IS NOT NULL)) "
        "ORDER BY c.waiting_since IS NULL, c.waiting_since, c.last_message_at", (agent_id,)
    ).fetchall()


def flagged_orders(store: Store, agent_id: int) -> list[sqlite3.Row]:
    """Orders still under way that carry a flag the agent set last (their follow-ups)."""
    marks = ", ".join("?" for _ in FINAL_STATUSES)
    return store.conn.execute(
        "SELECT o.id, o.buyer_id, b.nick AS buyer_nick, o.status, o.flag, o.total, "
        "(SELECT r.content FROM remarks r WHERE r.order_id = o.id ORDER BY r.id DESC LIMIT 1) "
        "AS last_remark FROM orders o JOIN buyers b ON b.id = o.buyer_id "
        f"WHERE o.flag != 0 AND o.status NOT IN ({marks}) AND "
        "(SELECT f.agent_id FROM flag_changes f WHERE f.order_id = o.id "
        " ORDER BY f.id DESC LIMIT 1) = ? ORDER BY o.created_at", (*FINAL_STATUSES, agent_id)
    ).fetchall()


def reminded_unpaid_orders(store: Store, agent_id: int) -> list[sqlite3.Row]:
    """Unpaid orders the agent has reminded (催付), with the latest reminder."""
    return store.conn.execute(
        "SELECT o.id, o.buyer_id, b.nick AS buyer_nick, o.total, o.created_at, "
        "count(r.id) AS times, max(r.at) AS last_at, "
        "(SELECT r2.channel FROM reminders r2 WHERE r2.order_id = o.id ORDER BY r2.at DESC, "
        " r2.id DESC LIMIT 1) AS channel, "
        "(SELECT r2.reason FROM reminders r2 WHERE r2.order_id = o.id ORDER BY r2.at DESC, "
        " r2.id DESC LIMIT 1) AS reason, "
        "(SELECT r2.outcome FROM reminders r2 WHERE r2.order_id = o.id ORDER BY r2.at DESC, "
        " r2.id DESC LIMIT 1) AS outcome "
        "FROM orders o JOIN buyers b ON b.id = o.buyer_id JOIN reminders r ON r.order_id = o.id "
        "WHERE o.status = 'WAIT_BUYER_PAY' AND r.agent_id = ? "
        "GROUP BY o.id ORDER BY o.created_at", (agent_id,)
    ).fetchall()


def insert_sheet(store: Store, values: dict) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return store.conn.execute(
        f"INSERT INTO handover_sheets ({columns}) VALUES ({marks})", tuple(values.values())
    ).lastrowid


def insert_item(store: Store, values: dict) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return store.conn.execute(
        f"INSERT INTO handover_items ({columns}) VALUES ({marks})", tuple(values.values())
    ).lastrowid


def sheet(store: Store, sheet_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {SHEET_COLUMNS} {SHEET_FROM} WHERE s.id = ?", (sheet_id,)
    ).fetchone()


def sheet_by_uid(store: Store, uid: str) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {SHEET_COLUMNS} {SHEET_FROM} WHERE s.uid = ?", (uid,)
    ).fetchone()


def sheets(store: Store, agent_id: int | None, pending_only: bool,
           limit: int) -> list[sqlite3.Row]:
    """Sheets an agent may see (``None``: a supervisor, every sheet), newest first.

    An agent sees what they handed over, what was handed to them, and every sheet still
    open to whoever comes next.
    """
    clauses, params = [], []
    if agent_id is not None:
        clauses.append("(s.from_agent_id = ? OR s.to_agent_id = ? OR "
                       "(s.to_agent_id IS NULL AND s.acknowledged_at IS NULL))")
        params += [agent_id, agent_id]
    if pending_only:
        clauses.append("s.acknowledged_at IS NULL")
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return store.conn.execute(
        f"SELECT {SHEET_COLUMNS} {SHEET_FROM} {where} ORDER BY s.created_at DESC, s.id DESC "
        "LIMIT ?", (*params, limit)
    ).fetchall()


def items(store: Store, sheet_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {ITEM_COLUMNS} FROM handover_items i "
        "LEFT JOIN agents a ON a.id = i.acknowledged_by WHERE i.sheet_id = ? ORDER BY i.id",
        (sheet_id,)
    ).fetchall()


def acknowledge_item(store: Store, item_id: int, agent_id: int, at: float) -> None:
    store.conn.execute(
        "UPDATE handover_items SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?",
        (at, agent_id, item_id),
    )


def set_ref(store: Store, item_id: int, ref: str | None) -> None:
    store.conn.execute("UPDATE handover_items SET ref = ? WHERE id = ?", (ref, item_id))


def set_receiver(store: Store, sheet_id: int, agent_id: int) -> None:
    store.conn.execute(
        "UPDATE handover_sheets SET to_agent_id = ? WHERE id = ?", (agent_id, sheet_id)
    )


def close_sheet(store: Store, sheet_id: int, at: float) -> None:
    store.conn.execute(
        "UPDATE handover_sheets SET acknowledged_at = ? WHERE id = ?", (at, sheet_id)
    )




def latest_conversation(store: Store, buyer_id: int) -> int | None:
    """The buyer's conversation to show: an open one first, else the latest."""
    row = store.conn.execute(
        "SELECT id FROM conversations WHERE buyer_id = ? "
        "ORDER BY state = 'ended', last_message_at DESC, id DESC LIMIT 1", (buyer_id,)
    ).fetchone()
    return row["id"] if row else None
