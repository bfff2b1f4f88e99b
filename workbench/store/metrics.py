"""Reads for the service figures: human messages of a period, orders, names."""

from __future__ import annotations

from workbench.store.db import Store


def human_messages(store: Store, start: float, end: float) -> list[tuple]:
    """(message id, conversation id, buyer id, conversation's agent id, sender, agent id,
    at, text) of every buyer and agent message in [start, end), in time order.
    Auto-replies, system lines and notes never leave the store for the figures."""
    return store.conn.execute(
        "SELECT m.id, m.conversation_id, c.buyer_id, c.agent_id, m.sender, m.agent_id, "
        "m.created_at, m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "WHERE m.created_at >= ? AND m.created_at < ? AND m.sender IN ('buyer', 'agent') "
        "ORDER BY m.created_at, m.id", (start, end)
    ).fetchall()


def orders_created(store: Store, start: float, end: float) -> list[tuple]:
    """(buyer id, created at, paid at) of orders created in [start, end)."""
    return store.conn.execute(
        "SELECT buyer_id, created_at, paid_at FROM orders "
        "WHERE created_at >= ? AND created_at < ?", (start, end)
    ).fetchall()


def agent_names(store: Store) -> dict[int, str]:
    return dict(store.conn.execute("SELECT id, name FROM agents").fetchall())


def buyer_nicks(store: Store, buyer_ids: set[int]) -> dict[int, str]:
    ids = sorted(buyer_ids)
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(store.conn.execute(
            f"SELECT id, nick FROM buyers WHERE id IN ({marks})", chunk).fetchall())
    return found

