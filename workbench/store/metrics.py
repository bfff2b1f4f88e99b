"""Reads for the service figures: human messages of a period, orders, names.

A month holds hundreds of thousands of messages, so these queries return plain tuples
(no sqlite3.Row) and leave joins to a dictionary lookup in Python.
"""

from __future__ import annotations

from workbench.store.db import Store


def _tuples(store: Store, sql: str, params: tuple = ()) -> list[tuple]:
    cursor = store.conn.cursor()
    cursor.row_factory = None
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()


def human_messages(store: Store, start: float, end: float) -> list[tuple]:
    """(conversation id, sender, agent id, at, message id, text of agent messages or None)
    of every buyer and agent message in [start, end), in time order. Auto-replies, system
    lines and notes never leave the store for the figures."""
    return _tuples(
        store,
        "SELECT conversation_id, sender, agent_id, created_at, id, "
        "CASE WHEN sender = 'agent' THEN text END FROM messages "
        "WHERE created_at >= ? AND created_at < ? AND sender IN ('buyer', 'agent') "
        "ORDER BY created_at, id", (start, end))


def conversation_people(store: Store, since: float, ids: set[int]) -> dict[int, tuple]:
    """conversation id -> (buyer id, assigned agent id) for ``ids``: read by the
    last-message index for conversations active since ``since``, the rest one by one."""
    found = {row[0]: row[1:] for row in _tuples(
        store, "SELECT id, buyer_id, agent_id FROM conversations WHERE last_message_at >= ?",
        (since,))}
    for missing in ids - found.keys():
        rows = _tuples(store, "SELECT id, buyer_id, agent_id FROM conversations WHERE id = ?",
                       (missing,))
        if rows:
            found[missing] = rows[0][1:]
    return found


# An order counts as a purchase once paid (as the 催付 table's "two purchases" counts).
PURCHASE = ("(paid_at IS NOT NULL OR status NOT IN ('WAIT_BUYER_PAY', "
            "'TRADE_CLOSED_BY_TAOBAO'))")


def orders_created(store: Store, start: float, end: float) -> list[tuple]:
    """(buyer id, created at, paid at, amount paid, is a purchase 0/1) of orders created in
    [start, end)."""
    return _tuples(
        store, f"SELECT buyer_id, created_at, paid_at, paid, {PURCHASE} FROM orders "
        "WHERE created_at >= ? AND created_at < ?", (start, end))


def purchases(store: Store, buyer_ids: set[int]) -> dict[int, int]:
    """buyer id -> how many of their orders are purchases."""
    ids = sorted(buyer_ids)
    found: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(_tuples(store, f"SELECT buyer_id, count(*) FROM orders WHERE buyer_id IN "
                                    f"({marks}) AND {PURCHASE} GROUP BY buyer_id", tuple(chunk)))
    return found


def agent_names(store: Store) -> dict[int, str]:
    return dict(_tuples(store, "SELECT id, name FROM agents"))


def buyer_nicks(store: Store, buyer_ids: set[int]) -> dict[int, str]:
    ids = sorted(buyer_ids)
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(_tuples(store, f"SELECT id, nick FROM buyers WHERE id IN ({marks})",
                             tuple(chunk)))
    return found
