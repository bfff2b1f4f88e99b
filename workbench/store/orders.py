"""Orders, their items, remark entries and flag history."""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store

ORDER_COLUMNS = (
    "o.id, o.buyer_id, b.nick AS buyer_nick, o.status, o.total, o.paid, o.postage, o.refund, "
    "o.created_at, o.paid_at, o.shipped_at, o.finished_at, o.receiver_name, o.phone, o.address, "
    "o.courier, o.tracking_no, o.buyer_message, o.source_remark, o.flag"
)


def orders_for_buyer(store: Store, buyer_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {ORDER_COLUMNS} FROM orders o JOIN buyers b ON b.id = o.buyer_id "
        "WHERE o.buyer_id = ? ORDER BY o.created_at DESC", (buyer_id,)
    ).fetchall()


def order(store: Store, order_id: str) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {ORDER_COLUMNS} FROM orders o JOIN buyers b ON b.id = o.buyer_id "
        "WHERE o.id = ?", (order_id,)
    ).fetchone()


def insert_order(store: Store, values: dict) -> None:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    store.conn.execute(f"INSERT INTO orders ({columns}) VALUES ({marks})", tuple(values.values()))


def insert_item(store: Store, order_id: str, title: str, spec: str, price: float,
                quantity: int, seller_code: str) -> None:
    store.conn.execute(
        "INSERT INTO order_items (order_id, title, spec, price, quantity, seller_code) "
        "VALUES (?, ?, ?, ?, ?, ?)", (order_id, title, spec, price, quantity, seller_code)
    )


def items(store: Store, order_id: str) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT id, order_id, title, spec, price, quantity, seller_code FROM order_items "
        "WHERE order_id = ? ORDER BY id", (order_id,)
    ).fetchall()


def remarks(store: Store, order_id: str) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT r.id, r.order_id, r.agent_id, a.display_name AS agent_name, r.content, "
        "r.created_at, r.edited_at FROM remarks r JOIN agents a ON a.id = r.agent_id "
        "WHERE r.order_id = ? ORDER BY r.id", (order_id,)
    ).fetchall()


def insert_remark(store: Store, order_id: str, agent_id: int, content: str, at: float) -> int:
    return store.conn.execute(
        "INSERT INTO remarks (order_id, agent_id, content, created_at) VALUES (?, ?, ?, ?)",
        (order_id, agent_id, content, at),
    ).lastrowid


def set_flag(store: Store, order_id: str, flag: int) -> None:
    store.conn.execute("UPDATE orders SET flag = ? WHERE id = ?", (flag, order_id))


def insert_flag_change(store: Store, order_id: str, agent_id: int, old: int, new: int,
                       at: float) -> None:
    store.conn.execute(
        "INSERT INTO flag_changes (order_id, agent_id, old_flag, new_flag, changed_at) "
        "VALUES (?, ?, ?, ?, ?)", (order_id, agent_id, old, new, at)
    )


def flag_changes(store: Store, order_id: str) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT f.id, f.order_id, a.display_name AS agent_name, f.old_flag, f.new_flag, "
        "f.changed_at FROM flag_changes f LEFT JOIN agents a ON a.id = f.agent_id "
        "WHERE f.order_id = ? ORDER BY f.id", (order_id,)
    ).fetchall()
