"""Orders, their items, remark entries, flag history and the 催付 register."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from workbench.store.db import Store

ORDER_COLUMNS = (
    "o.id, o.buyer_id, b.nick AS buyer_nick, o.status, o.total, o.paid, o.postage, o.refund, "
    "o.created_at, o.paid_at, o.shipped_at, o.finished_at, o.receiver_name, o.phone, o.address, "
    "o.courier, o.tracking_no, o.buyer_message, o.source_remark, o.flag, "
    "(SELECT count(*) FROM reminders r WHERE r.order_id = o.id) AS reminder_count"
)
ORDER_FROM = "FROM orders o JOIN buyers b ON b.id = o.buyer_id"
# Columns an import may write (everything but the local flag).
IMPORTED_COLUMNS = (
    "buyer_id", "status", "total", "paid", "postage", "refund", "created_at", "paid_at",
    "shipped_at", "finished_at", "receiver_name", "phone", "address", "courier", "tracking_no",
    "buyer_message", "source_remark",
)
# SQLite's default limit on bound parameters is 999 in older builds.
CHUNK = 500


def _chunks(values: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def orders_for_buyer(store: Store, buyer_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {ORDER_COLUMNS} {ORDER_FROM} WHERE o.buyer_id = ? "
        "ORDER BY o.created_at DESC, o.id DESC", (buyer_id,)
    ).fetchall()


def order(store: Store, order_id: str) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {ORDER_COLUMNS} {ORDER_FROM} WHERE o.id = ?", (order_id,)
    ).fetchone()


def _where(status: str | None, flag: int | None, buyer: str, nick: str | None,
           since: float | None, until: float | None,
           unpaid_before: float | None) -> tuple[str, list]:
    clauses, params = [], []
    if nick is not None:
        clauses.append("b.nick = ?")
        params.append(nick)
    if status:
        clauses.append("o.status = ?")
        params.append(status)
    if flag is not None:
        clauses.append("o.flag = ?")
        params.append(flag)
    if buyer:
        clauses.append("b.nick LIKE ? ESCAPE '\\'")
        escaped = buyer.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    if since is not None:
        clauses.append("o.created_at >= ?")
        params.append(since)
    if until is not None:
        clauses.append("o.created_at < ?")
        params.append(until)
    if unpaid_before is not None:
        clauses.append("o.status = 'WAIT_BUYER_PAY' AND o.created_at <= ? AND NOT EXISTS "
                       "(SELECT 1 FROM reminders r WHERE r.order_id = o.id)")
        params.append(unpaid_before)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def find_orders(store: Store, *, status: str | None = None, flag: int | None = None,
                buyer: str = "", nick: str | None = None, since: float | None = None,
                until: float | None = None, unpaid_before: float | None = None,
                limit: int | None = None, offset: int = 0) -> sqlite3.Cursor:
    """Orders matching every given condition, newest first (a cursor: callers may stream).

    ``buyer`` is part of a nick, ``nick`` a whole one."""
    where, params = _where(status, flag, buyer, nick, since, until, unpaid_before)
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return store.conn.execute(
        f"SELECT {ORDER_COLUMNS} {ORDER_FROM}{where} "
        f"ORDER BY o.created_at DESC, o.id DESC{page}", params)


def count_orders(store: Store, *, status: str | None = None, flag: int | None = None,
                 buyer: str = "", nick: str | None = None, since: float | None = None,
                 until: float | None = None, unpaid_before: float | None = None) -> int:
    where, params = _where(status, flag, buyer, nick, since, until, unpaid_before)
    return store.conn.execute(f"SELECT count(*) {ORDER_FROM}{where}", params).fetchone()[0]


def insert_order(store: Store, values: dict) -> None:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    store.conn.execute(f"INSERT INTO orders ({columns}) VALUES ({marks})", tuple(values.values()))


def insert_orders(store: Store, columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    store.conn.executemany(f"INSERT INTO orders ({names}) VALUES ({marks})", rows)


def update_orders(store: Store, columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
    """Set ``columns`` of many orders; each row holds the values, then the order id."""
    assignments = ", ".join(f"{column} = ?" for column in columns)
    store.conn.executemany(f"UPDATE orders SET {assignments} WHERE id = ?", rows)


def raw_orders(store: Store, order_ids: list[str]) -> dict[str, sqlite3.Row]:
    """The stored rows of these orders (table columns only), by id."""
    found = {}
    for chunk in _chunks(order_ids):
        marks = ", ".join("?" for _ in chunk)
        for row in store.conn.execute(f"SELECT * FROM orders WHERE id IN ({marks})", chunk):
            found[row["id"]] = row
    return found


def buyer_ids(store: Store, nicks: list[str]) -> dict[str, int]:
    """Known buyers among ``nicks``, nick to id."""
    found = {}
    for chunk in _chunks(nicks):
        marks = ", ".join("?" for _ in chunk)
        for row in store.conn.execute(
                f"SELECT id, nick FROM buyers WHERE nick IN ({marks})", chunk):
            found[row["nick"]] = row["id"]
    return found


def insert_item(store: Store, order_id: str, title: str, spec: str, price: float,
                quantity: int, seller_code: str) -> None:
    store.conn.execute(
        "INSERT INTO order_items (order_id, title, spec, price, quantity, seller_code) "
        "VALUES (?, ?, ?, ?, ?, ?)", (order_id, title, spec, price, quantity, seller_code)
    )


def replace_items(store: Store, order_ids: list[str], rows: Iterable[tuple]) -> None:
    """Drop the items of ``order_ids`` and insert ``rows`` (order_id, title, spec, price,
    quantity, seller_code)."""
    for chunk in _chunks(order_ids):
        marks = ", ".join("?" for _ in chunk)
        store.conn.execute(f"DELETE FROM order_items WHERE order_id IN ({marks})", chunk)
    store.conn.executemany(
        "INSERT INTO order_items (order_id, title, spec, price, quantity, seller_code) "
        "VALUES (?, ?, ?, ?, ?, ?)", rows)


def orders_with_items(store: Store, order_ids: list[str]) -> set[str]:
    found = set()
    for chunk in _chunks(order_ids):
        marks = ", ".join("?" for _ in chunk)
        found.update(row[0] for row in store.conn.execute(
            f"SELECT DISTINCT order_id FROM order_items WHERE order_id IN ({marks})", chunk))
    return found


def items(store: Store, order_id: str) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT id, order_id, title, spec, price, quantity, seller_code FROM order_items "
        "WHERE order_id = ? ORDER BY id", (order_id,)
    ).fetchall()


def items_for_orders(store: Store, order_ids: list[str]) -> list[sqlite3.Row]:
    rows = []
    for chunk in _chunks(order_ids):
        marks = ", ".join("?" for _ in chunk)
        rows += store.conn.execute(
            "SELECT id, order_id, title, spec, price, quantity, seller_code FROM order_items "
            f"WHERE order_id IN ({marks}) ORDER BY order_id, id", chunk).fetchall()
    return rows


REMARK_COLUMNS = ("r.id, r.order_id, r.agent_id, a.display_name AS agent_name, r.content, "
                  "r.created_at, r.edited_at")


def remarks(store: Store, order_id: str) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {REMARK_COLUMNS} FROM remarks r JOIN agents a ON a.id = r.agent_id "
        "WHERE r.order_id = ? ORDER BY r.id", (order_id,)
    ).fetchall()


def remarks_for_orders(store: Store, order_ids: list[str]) -> list[sqlite3.Row]:
    rows = []
    for chunk in _chunks(order_ids):
        marks = ", ".join("?" for _ in chunk)
        rows += store.conn.execute(
            f"SELECT {REMARK_COLUMNS} FROM remarks r JOIN agents a ON a.id = r.agent_id "
            f"WHERE r.order_id IN ({marks}) ORDER BY r.order_id, r.id", chunk).fetchall()
    return rows


def remark(store: Store, remark_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {REMARK_COLUMNS} FROM remarks r JOIN agents a ON a.id = r.agent_id "
        "WHERE r.id = ?", (remark_id,)
    ).fetchone()


def insert_remark(store: Store, order_id: str, agent_id: int, content: str, at: float) -> int:
    return store.conn.execute(
        "INSERT INTO remarks (order_id, agent_id, content, created_at) VALUES (?, ?, ?, ?)",
        (order_id, agent_id, content, at),
    ).lastrowid


def update_remark(store: Store, remark_id: int, content: str, at: float) -> None:
    store.conn.execute("UPDATE remarks SET content = ?, edited_at = ? WHERE id = ?",
                       (content, at, remark_id))


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


def latest_conversation(store: Store, buyer_id: int) -> int | None:
    row = store.conn.execute(
        "SELECT id FROM conversations WHERE buyer_id = ? ORDER BY id DESC LIMIT 1", (buyer_id,)
    ).fetchone()
    return row[0] if row else None


def paid_orders_of_buyer(store: Store, buyer_id: int, except_order: str) -> int:
    """How many other orders of this buyer were paid (purchases, for the 催付 table)."""
    return store.conn.execute(
        "SELECT count(*) FROM orders WHERE buyer_id = ? AND id != ? AND (paid_at IS NOT NULL "
        "OR status NOT IN ('WAIT_BUYER_PAY', 'TRADE_CLOSED_BY_TAOBAO'))",
        (buyer_id, except_order)).fetchone()[0]


REMINDER_COLUMNS = (
    "r.id, r.order_id, b.nick AS buyer_nick, r.agent_id, a.display_name AS agent_name, r.at, "
    "r.channel, r.reason, r.outcome, o.status AS order_status"
)
REMINDER_FROM = ("FROM reminders r JOIN orders o ON o.id = r.order_id "
                 "JOIN buyers b ON b.id = o.buyer_id LEFT JOIN agents a ON a.id = r.agent_id")


def insert_reminder(store: Store, order_id: str, agent_id: int | None, at: float,
                    channel: str, reason: str, outcome: str) -> int:
    return store.conn.execute(
        "INSERT INTO reminders (order_id, agent_id, at, channel, reason, outcome) "
        "VALUES (?, ?, ?, ?, ?, ?)", (order_id, agent_id, at, channel, reason, outcome)
    ).lastrowid


def update_reminder(store: Store, reminder_id: int, reason: str, outcome: str) -> None:
    store.conn.execute("UPDATE reminders SET reason = ?, outcome = ? WHERE id = ?",
                       (reason, outcome, reminder_id))


def reminder(store: Store, reminder_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {REMINDER_COLUMNS} {REMINDER_FROM} WHERE r.id = ?", (reminder_id,)
    ).fetchone()


def reminders_for_order(store: Store, order_id: str) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {REMINDER_COLUMNS} {REMINDER_FROM} WHERE r.order_id = ? ORDER BY r.id",
        (order_id,)).fetchall()


def reminder_register(store: Store, since: float | None = None) -> list[sqlite3.Row]:
    where, params = ("WHERE r.at >= ?", [since]) if since is not None else ("", [])
    return store.conn.execute(
        f"SELECT {REMINDER_COLUMNS} {REMINDER_FROM} {where} ORDER BY r.at DESC, r.id DESC",
        params).fetchall()


def reminder_outcomes(store: Store, since: float | None, until: float | None
                      ) -> list[sqlite3.Row]:
    """Each reminder of [since, until) with its order's times and state (总结优化表)."""
    where, params = [], []
    for clause, value in (("r.at >= ?", since), ("r.at < ?", until)):
        if value is not None:
            where.append(clause)
            params.append(value)
    return store.conn.execute(
        "SELECT r.at, r.channel, r.reason, r.outcome, r.order_id, o.buyer_id, o.created_at, "
        "o.paid_at, o.status FROM reminders r JOIN orders o ON o.id = r.order_id"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY r.id", params
    ).fetchall()
