"""Customer files, member tiers' results, notes, history, tags and the care log.

The ``customers`` table holds one row per buyer: what the agents wrote in the file (name,
gender, phone, source, do-not-contact, the risk mark) beside what the store computes from
orders and chats (figures, tier, classes). ``marks`` is a bit set of the classes and marks
so that one covering index answers the 客户 window's filters over hundreds of thousands of
buyers; nicks are found through a trigram index.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # schema.py imports the migration below, and db.py imports schema.py
    from workbench.store.db import Store

CHUNK = 500
# Figures the recompute writes; the file's edited fields are never touched by it.
FIGURE_COLUMNS = (
    "tier_rank", "tier_since", "marks", "orders", "paid_total", "items", "first_order_at",
    "last_order_at", "window_orders", "window_paid", "repurchase_days", "repurchase_due_at",
    "chats", "last_chat_at",
)
EDITABLE_COLUMNS = frozenset({"name", "gender", "phone", "source", "do_not_contact"})
SORT_COLUMNS = {"last_order": "c.last_order_at", "paid": "c.paid_total",
                "last_chat": "c.last_chat_at"}
ANCHOR_COLUMNS = frozenset({"created_at", "paid_at", "shipped_at", "finished_at"})
MARK_BITS = (1, 2, 4, 8, 16, 32)   # customers.CLASSES and MARKS


def migrate_customers(conn: sqlite3.Connection) -> None:
    """Customer files, their tags, notes and history, the care log, and the indexes that
    find a buyer's open 待办 and the orders whose care falls due."""
    conn.execute(
        "CREATE TABLE customers ("
        " buyer_id INTEGER PRIMARY KEY REFERENCES buyers(id),"
        " name TEXT, gender TEXT, phone TEXT, source TEXT,"
        " do_not_contact INTEGER NOT NULL DEFAULT 0,"
        " risk_reason TEXT, risk_by INTEGER REFERENCES agents(id), risk_at REAL,"
        " tier_rank INTEGER NOT NULL DEFAULT 0, tier_since REAL,"
        " marks INTEGER NOT NULL DEFAULT 0,"
        " orders INTEGER NOT NULL DEFAULT 0, paid_total REAL NOT NULL DEFAULT 0,"
        " items INTEGER NOT NULL DEFAULT 0, first_order_at REAL, last_order_at REAL,"
        " window_orders INTEGER NOT NULL DEFAULT 0, window_paid REAL NOT NULL DEFAULT 0,"
        " repurchase_days REAL, repurchase_due_at REAL,"
        " chats INTEGER NOT NULL DEFAULT 0, last_chat_at REAL)")
    # Covering indexes: the list pages in its order and filters inside the index.
    conn.execute("CREATE INDEX customers_by_last_order ON customers "
                 "(last_order_at, buyer_id, tier_rank, marks, paid_total)")
    conn.execute("CREATE INDEX customers_by_tier ON customers "
                 "(tier_rank, last_order_at, buyer_id, marks, paid_total)")
    conn.execute("CREATE INDEX customers_by_paid ON customers "
                 "(paid_total, buyer_id, tier_rank, marks, last_order_at)")
    conn.execute("CREATE INDEX customers_by_last_chat ON customers (last_chat_at, buyer_id)")
    # A class or mark holds few buyers: each has a small index of its own, in list order.
    for bit in MARK_BITS:
        conn.execute(f"CREATE INDEX customers_mark_{bit} ON customers "
                     f"(last_order_at, buyer_id, tier_rank, paid_total) WHERE marks & {bit}")
    conn.execute("CREATE INDEX customers_repurchase_due ON customers (repurchase_due_at) "
                 "WHERE repurchase_due_at IS NOT NULL")
    conn.execute("CREATE VIRTUAL TABLE customer_nicks USING fts5("
                 "nick, content='buyers', content_rowid='id', tokenize='trigram')")
    conn.execute("CREATE TABLE customer_tags (tag TEXT NOT NULL, buyer_id INTEGER NOT NULL "
                 "REFERENCES buyers(id), PRIMARY KEY (tag, buyer_id)) WITHOUT ROWID")
    conn.execute("CREATE INDEX customer_tags_buyer ON customer_tags (buyer_id)")
    conn.execute(
        "CREATE TABLE customer_notes (id INTEGER PRIMARY KEY, buyer_id INTEGER NOT NULL "
        "REFERENCES buyers(id), agent_id INTEGER REFERENCES agents(id), text TEXT NOT NULL, "
        "at REAL NOT NULL)")
    conn.execute("CREATE INDEX customer_notes_buyer ON customer_notes (buyer_id, id)")
    conn.execute(
        "CREATE TABLE customer_history (id INTEGER PRIMARY KEY, buyer_id INTEGER NOT NULL "
        "REFERENCES buyers(id), at REAL NOT NULL, agent_id INTEGER REFERENCES agents(id), "
        "kind TEXT NOT NULL, old TEXT, new TEXT, reason TEXT NOT NULL DEFAULT '')")
    conn.execute("CREATE INDEX customer_history_buyer ON customer_history (buyer_id, id)")
    conn.execute(
        "CREATE TABLE care_log (id INTEGER PRIMARY KEY, subject TEXT NOT NULL UNIQUE, "
        "stage TEXT NOT NULL, buyer_id INTEGER NOT NULL REFERENCES buyers(id), "
        "order_id TEXT REFERENCES orders(id), due_at REAL, outcome TEXT NOT NULL, "
        "agent_id INTEGER REFERENCES agents(id), at REAL NOT NULL, message_uid TEXT, "
        "note TEXT NOT NULL DEFAULT '')")
    conn.execute("CREATE INDEX care_log_at ON care_log (at)")
    conn.execute("CREATE INDEX todos_buyer ON todos (buyer_id, state)")
    conn.execute("CREATE INDEX orders_status_created ON orders (status, created_at)")
    conn.execute("CREATE INDEX orders_paid_at ON orders (paid_at) WHERE paid_at IS NOT NULL")
    conn.execute("CREATE INDEX orders_shipped_at ON orders (shipped_at) "
                 "WHERE shipped_at IS NOT NULL")
    conn.execute("CREATE INDEX orders_finished_at ON orders (finished_at) "
                 "WHERE finished_at IS NOT NULL")


def _marks(values: Sequence) -> str:
    return ", ".join("?" for _ in values)


def _chunks(values: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


# --- rows and the scope of a recompute ------------------------------------------------

def create_missing(store: Store, buyer_ids: list[int] | None = None) -> list[int]:
    """Files for buyers that have none yet (all buyers, or those of ``buyer_ids``); their
    nicks join the search index. Returns the new files' buyer ids."""
    if buyer_ids is None:
        missing = buyers_without_files(store)
    else:
        # Driven by the ids (CROSS JOIN keeps that order): a lookup each, never a scan.
        missing = [row[0] for row in store.conn.execute(
            "SELECT b.id FROM json_each(?) AS j CROSS JOIN buyers b ON b.id = j.value "
            "WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.buyer_id = b.id)",
            (json.dumps(buyer_ids),))]
    if missing:
        store.conn.executemany("INSERT INTO customers (buyer_id) VALUES (?)",
                               ((i,) for i in missing))
        for chunk in _chunks(missing):
            store.conn.execute(
                f"INSERT INTO customer_nicks (rowid, nick) SELECT id, nick FROM buyers "
                f"WHERE id IN ({_marks(chunk)})", chunk)
    return missing


def buyers_without_files(store: Store) -> list[int]:
    return [row[0] for row in store.conn.execute(
        "SELECT id FROM buyers WHERE id NOT IN (SELECT buyer_id FROM customers)")]


def set_scope(store: Store, buyer_ids: Iterable[int]) -> None:
    """The buyers the following ``scoped`` queries look at (a temporary table)."""
    store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS customer_scope "
                       "(buyer_id INTEGER PRIMARY KEY)")
    store.conn.execute("DELETE FROM temp.customer_scope")
    store.conn.executemany("INSERT OR IGNORE INTO temp.customer_scope (buyer_id) VALUES (?)",
                           ((i,) for i in buyer_ids))


def _scoped(column: str, scoped: bool) -> str:
    return f" AND {column} IN (SELECT buyer_id FROM temp.customer_scope)" if scoped else ""


def buyers_of_orders(store: Store, order_ids: list[str]) -> set[int]:
    return {row[0] for row in store.conn.execute(
        "SELECT DISTINCT o.buyer_id FROM json_each(?) AS j CROSS JOIN orders o "
        "ON o.id = j.value", (json.dumps(order_ids),))}


def purchase_figures(store: Store, purchase_statuses: Sequence[str], window_start: float,
                     scoped: bool) -> sqlite3.Cursor:
    """Per buyer: purchases, paid total (refunds taken off), items, first and last
    purchase, and purchases and paid total from ``window_start`` on. One pass over the
    orders: an import's recompute reads each of its buyers' orders once."""
    return store.conn.execute(
        "SELECT buyer_id, count(*) AS orders, "
        "sum(coalesce(paid, total, 0) - coalesce(refund, 0)) AS paid_total, "
        "sum((SELECT sum(coalesce(quantity, 1)) FROM order_items "
        "     WHERE order_id = orders.id)) AS items, "
        "min(created_at) AS first_order_at, max(created_at) AS last_order_at, "
        "sum(coalesce(created_at >= ?, 0)) AS window_orders, "
        "sum(CASE WHEN created_at >= ? THEN coalesce(paid, total, 0) - coalesce(refund, 0) "
        "ELSE 0 END) AS window_paid "
        f"FROM orders WHERE status IN ({_marks(purchase_statuses)})"
        f"{_scoped('buyer_id', scoped)} GROUP BY buyer_id",
        (window_start, window_start, *purchase_statuses))


def chat_figures(store: Store, scoped: bool) -> sqlite3.Cursor:
    """Per buyer: the local days on which they wrote, and their latest message."""
    return store.conn.execute(
        "SELECT c.buyer_id, count(DISTINCT date(m.created_at, 'unixepoch', 'localtime')), "
        "max(m.created_at) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        f"WHERE m.sender = 'buyer'{_scoped('c.buyer_id', scoped)} GROUP BY c.buyer_id")


def file_states(store: Store, scoped: bool) -> sqlite3.Cursor:
    """What a recompute starts from: the stored figures (in FIGURE_COLUMNS' order after the
    buyer id), what agents set, the buyer's tags and shown tier."""
    figures = ", ".join(f"c.{column}" for column in FIGURE_COLUMNS)
    return store.conn.execute(
        f"SELECT c.buyer_id, {figures}, c.risk_reason, c.do_not_contact, b.tags, b.tier "
        "FROM customers c JOIN buyers b ON b.id = c.buyer_id"
        f"{' WHERE 1' + _scoped('c.buyer_id', scoped) if scoped else ''}")


def update_figures(store: Store, rows: Iterable[tuple]) -> None:
    """Each row: the FIGURE_COLUMNS' values, then the buyer id."""
    assignments = ", ".join(f"{column} = ?" for column in FIGURE_COLUMNS)
    store.conn.executemany(f"UPDATE customers SET {assignments} WHERE buyer_id = ?", rows)


def set_buyer_tiers(store: Store, rows: Iterable[tuple[str, int]]) -> None:
    """(tier name, buyer id): the name every badge shows."""
    store.conn.executemany("UPDATE buyers SET tier = ? WHERE id = ?", rows)


def replace_tags(store: Store, rows: Iterable[tuple[str, int]], scoped: bool) -> None:
    """The tag index of the scope (or of everyone) from (tag, buyer id) rows."""
    store.conn.execute("DELETE FROM customer_tags WHERE 1" + _scoped("buyer_id", scoped))
    store.conn.executemany("INSERT OR IGNORE INTO customer_tags (tag, buyer_id) VALUES (?, ?)",
                           rows)


def analyse(store: Store) -> None:
    """Refresh the planner's statistics after a large recompute."""
    store.conn.execute("PRAGMA optimize")


# --- one buyer's file -----------------------------------------------------------------

FILE_COLUMNS = (
    "b.id AS buyer_id, b.nick, b.tier, b.tags, b.created_at AS buyer_since, c.name, "
    "c.gender, c.phone, c.source, coalesce(c.do_not_contact, 0) AS do_not_contact, "
    "c.risk_reason, c.risk_by, r.display_name AS risk_by_name, c.risk_at, "
    "coalesce(c.tier_rank, 0) AS tier_rank, c.tier_since, coalesce(c.marks, 0) AS marks, "
    "coalesce(c.orders, 0) AS orders, coalesce(c.paid_total, 0) AS paid_total, "
    "coalesce(c.items, 0) AS items, c.first_order_at, c.last_order_at, c.repurchase_days, "
    "coalesce(c.chats, 0) AS chats, c.last_chat_at"
)
FILE_FROM = ("FROM buyers b LEFT JOIN customers c ON c.buyer_id = b.id "
             "LEFT JOIN agents r ON r.id = c.risk_by")


def file_row(store: Store, buyer_id: int) -> sqlite3.Row | None:
    return store.conn.execute(f"SELECT {FILE_COLUMNS} {FILE_FROM} WHERE b.id = ?",
                              (buyer_id,)).fetchone()


def file_rows(store: Store, buyer_ids: list[int]) -> list[sqlite3.Row]:
    rows = []
    for chunk in _chunks(buyer_ids):
        rows += store.conn.execute(
            f"SELECT {FILE_COLUMNS} {FILE_FROM} WHERE b.id IN ({_marks(chunk)})",
            chunk).fetchall()
    return rows


def buyer_id_by_nick(store: Store, nick: str) -> int | None:
    row = store.conn.execute("SELECT id FROM buyers WHERE nick = ?", (nick,)).fetchone()
    return row[0] if row else None


def addresses(store: Store, buyer_id: int) -> list[sqlite3.Row]:
    """The addresses the buyer's orders went to, the latest first, with who received."""
    return store.conn.execute(
        "SELECT address, receiver_name, phone, max(created_at) AS last_used, count(*) AS used "
        "FROM orders WHERE buyer_id = ? AND coalesce(address, '') != '' "
        "GROUP BY address ORDER BY last_used DESC", (buyer_id,)).fetchall()


def latest_order(store: Store, buyer_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT id, status, total, paid, created_at, receiver_name, phone FROM orders "
        "WHERE buyer_id = ? ORDER BY created_at DESC, id DESC LIMIT 1", (buyer_id,)).fetchone()


def open_todos(store: Store, buyer_id: int, states: Sequence[str]) -> int:
    return store.conn.execute(
        f"SELECT count(*) FROM todos WHERE buyer_id = ? AND state IN ({_marks(states)})",
        (buyer_id, *states)).fetchone()[0]


def conversation_ids(store: Store, buyer_id: int) -> list[int]:
    return [row[0] for row in store.conn.execute(
        "SELECT id FROM conversations WHERE buyer_id = ? ORDER BY id", (buyer_id,))]


def set_field(store: Store, buyer_id: int, column: str, value) -> None:
    if column not in EDITABLE_COLUMNS:
        raise ValueError(column)
    store.conn.execute(f"UPDATE customers SET {column} = ? WHERE buyer_id = ?",
                       (value, buyer_id))


def set_marks(store: Store, buyer_id: int, marks: int) -> None:
    store.conn.execute("UPDATE customers SET marks = ? WHERE buyer_id = ?", (marks, buyer_id))


def set_risk(store: Store, buyer_id: int, reason: str | None, by: int | None,
             at: float | None) -> None:
    store.conn.execute(
        "UPDATE customers SET risk_reason = ?, risk_by = ?, risk_at = ? WHERE buyer_id = ?",
        (reason, by, at, buyer_id))


def set_tags(store: Store, buyer_id: int, tags_json: str, tags: list[str]) -> None:
    store.conn.execute("UPDATE buyers SET tags = ? WHERE id = ?", (tags_json, buyer_id))
    store.conn.execute("DELETE FROM customer_tags WHERE buyer_id = ?", (buyer_id,))
    store.conn.executemany("INSERT OR IGNORE INTO customer_tags (tag, buyer_id) VALUES (?, ?)",
                           ((tag, buyer_id) for tag in tags))


def chat_state(store: Store, buyer_id: int) -> sqlite3.Row | None:
    """What a buyer's new message changes in their file, or None if they have none."""
    return store.conn.execute(
        "SELECT c.chats, c.last_chat_at, c.orders, c.risk_reason, c.do_not_contact, b.tags "
        "FROM customers c JOIN buyers b ON b.id = c.buyer_id WHERE c.buyer_id = ?",
        (buyer_id,)).fetchone()


def note_chat(store: Store, buyer_id: int, last_chat_at: float) -> None:
    store.conn.execute("UPDATE customers SET last_chat_at = ? WHERE buyer_id = ?",
                       (last_chat_at, buyer_id))


def note_chat_day(store: Store, buyer_id: int, chats: int, last_chat_at: float,
                  marks: int) -> None:
    """A new chat day: the count, the last chat and the classes that follow from them."""
    store.conn.execute(
        "UPDATE customers SET chats = ?, last_chat_at = ?, marks = ? WHERE buyer_id = ?",
        (chats, last_chat_at, marks, buyer_id))


def insert_note(store: Store, buyer_id: int, agent_id: int, text: str, at: float) -> int:
    return store.conn.execute(
        "INSERT INTO customer_notes (buyer_id, agent_id, text, at) VALUES (?, ?, ?, ?)",
        (buyer_id, agent_id, text, at)).lastrowid


def notes(store: Store, buyer_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT n.id, n.text, n.at, n.agent_id, a.display_name AS agent_name "
        "FROM customer_notes n LEFT JOIN agents a ON a.id = n.agent_id "
        "WHERE n.buyer_id = ? ORDER BY n.id DESC", (buyer_id,)).fetchall()


def insert_history(store: Store, rows: Iterable[tuple]) -> None:
    """Rows of (buyer id, at, agent id, kind, old, new, reason)."""
    store.conn.executemany(
        "INSERT INTO customer_history (buyer_id, at, agent_id, kind, old, new, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def history(store: Store, buyer_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT h.id, h.at, h.kind, h.old, h.new, h.reason, a.display_name AS agent_name "
        "FROM customer_history h LEFT JOIN agents a ON a.id = h.agent_id "
        "WHERE h.buyer_id = ? ORDER BY h.id DESC", (buyer_id,)).fetchall()


# --- the list -------------------------------------------------------------------------

def _where(*, tier: int | None, mark: int | None, tag: str | None, nick_match: str | None,
           nick_prefix: str | None, bought_since: float | None, bought_before: float | None,
           never_bought: bool, min_paid: float | None) -> tuple[str, list]:
    clauses, params = [], []
    if tier is not None:
        clauses.append("c.tier_rank = ?")
        params.append(tier)
    if mark:
        # Written out, not bound: the planner then uses the mark's own partial index.
        clauses.append(f"c.marks & {MARK_BITS[MARK_BITS.index(mark)]}")
    if tag:
        clauses.append("c.buyer_id IN (SELECT buyer_id FROM customer_tags WHERE tag = ?)")
        params.append(tag)
    if nick_match:
        clauses.append("c.buyer_id IN (SELECT rowid FROM customer_nicks "
                       "WHERE customer_nicks MATCH ?)")
        params.append('"' + nick_match.replace('"', '""') + '"')
    if nick_prefix:
        clauses.append("c.buyer_id IN (SELECT id FROM buyers WHERE nick >= ? AND nick < ?)")
        params += [nick_prefix, nick_prefix + "\U0010ffff"]
    if bought_since is not None:
        clauses.append("c.last_order_at >= ?")
        params.append(bought_since)
    if bought_before is not None:
        clauses.append("c.last_order_at < ?")
        params.append(bought_before)
    if never_bought:
        clauses.append("c.last_order_at IS NULL")
    if min_paid is not None:
        clauses.append("c.paid_total >= ?")
        params.append(min_paid)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def find_ids(store: Store, *, sort: str = "last_order", limit: int = 100, offset: int = 0,
             **where) -> list[int]:
    """Buyer ids matching every condition, in the list's order (latest first)."""
    clause, params = _where(**where)
    column = SORT_COLUMNS[sort]
    return [row[0] for row in store.conn.execute(
        f"SELECT c.buyer_id FROM customers c{clause} "
        f"ORDER BY {column} DESC, c.buyer_id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset))]


def count(store: Store, cap: int, **where) -> int:
    """How many buyers match, counting no further than ``cap``."""
    clause, params = _where(**where)
    return store.conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM customers c{clause} LIMIT ?)",
        (*params, cap)).fetchone()[0]


def known_tags(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT tag, count(*) AS buyers FROM customer_tags GROUP BY tag "
        "ORDER BY buyers DESC, tag").fetchall()


def tier_counts(store: Store) -> dict[int, int]:
    return dict(store.conn.execute(
        "SELECT tier_rank, count(*) FROM customers GROUP BY tier_rank").fetchall())


# --- care -----------------------------------------------------------------------------

CARE_ORDER_COLUMNS = (
    "o.id AS order_id, o.buyer_id, b.nick, b.tier, o.status, o.created_at, o.paid_at, "
    "o.shipped_at, o.finished_at, o.courier, o.tracking_no, o.receiver_name, "
    "coalesce(c.phone, o.phone) AS phone, coalesce(c.do_not_contact, 0) AS do_not_contact, "
    "coalesce(c.orders, 0) AS purchases, "
    "(SELECT count(*) FROM reminders r WHERE r.order_id = o.id) AS reminded, "
    "(SELECT group_concat(i.title, '、') FROM order_items i WHERE i.order_id = o.id) AS titles"
)
CARE_ORDER_FROM = ("FROM orders o JOIN buyers b ON b.id = o.buyer_id "
                   "LEFT JOIN customers c ON c.buyer_id = o.buyer_id")


def care_orders(store: Store, anchor: str, start: float, end: float,
                statuses: Sequence[str]) -> list[sqlite3.Row]:
    """Orders in ``statuses`` whose ``anchor`` time falls in [start, end)."""
    if anchor not in ANCHOR_COLUMNS:
        raise ValueError(anchor)
    return store.conn.execute(
        f"SELECT {CARE_ORDER_COLUMNS} {CARE_ORDER_FROM} "
        f"WHERE o.{anchor} >= ? AND o.{anchor} < ? AND o.status IN ({_marks(statuses)})",
        (start, end, *statuses)).fetchall()


def care_order(store: Store, order_id: str) -> sqlite3.Row | None:
    return store.conn.execute(f"SELECT {CARE_ORDER_COLUMNS} {CARE_ORDER_FROM} WHERE o.id = ?",
                              (order_id,)).fetchone()


REPURCHASE_COLUMNS = (
    "c.buyer_id, b.nick, b.tier, c.repurchase_due_at, c.do_not_contact, o.id AS order_id, "
    "o.courier, o.tracking_no, o.receiver_name, coalesce(c.phone, o.phone) AS phone, "
    "(SELECT group_concat(i.title, '、') FROM order_items i WHERE i.order_id = o.id) AS titles"
)
# The purchase the interval counts from: the buyer's latest order at their last purchase time.
REPURCHASE_FROM = (
    "FROM customers c JOIN buyers b ON b.id = c.buyer_id "
    "LEFT JOIN orders o ON o.id = (SELECT id FROM orders WHERE buyer_id = c.buyer_id "
    "AND created_at = c.last_order_at ORDER BY id DESC LIMIT 1)"
)


def repurchase_due(store: Store, start: float, end: float) -> list[sqlite3.Row]:
    """Buyers whose usual repurchase interval since their last purchase ends in
    [start, end), with that last purchase."""
    return store.conn.execute(
        f"SELECT {REPURCHASE_COLUMNS} {REPURCHASE_FROM} "
        "WHERE c.repurchase_due_at >= ? AND c.repurchase_due_at < ?", (start, end)).fetchall()


def repurchase_of(store: Store, buyer_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {REPURCHASE_COLUMNS} {REPURCHASE_FROM} WHERE c.buyer_id = ? "
        "AND c.repurchase_due_at IS NOT NULL", (buyer_id,)).fetchone()


def latest_conversations(store: Store, buyer_ids: list[int]) -> dict[int, sqlite3.Row]:
    """Each buyer's latest conversation and who it is assigned to."""
    found = {}
    for chunk in _chunks(buyer_ids):
        for row in store.conn.execute(
                "SELECT c.buyer_id, c.id, c.agent_id, a.display_name AS agent_name "
                "FROM conversations c LEFT JOIN agents a ON a.id = c.agent_id "
                f"WHERE c.id IN (SELECT max(id) FROM conversations WHERE buyer_id IN "
                f"({_marks(chunk)}) GROUP BY buyer_id)", chunk):
            found[row["buyer_id"]] = row
    return found


def care_records(store: Store, subjects: list[str]) -> dict[str, sqlite3.Row]:
    """What was done with these care items: outcome, when, by whom, the message's state."""
    found = {}
    for chunk in _chunks(subjects):
        for row in store.conn.execute(
                "SELECT l.subject, l.outcome, l.at, l.message_uid, l.note, "
                "a.display_name AS agent_name, m.status AS message_status "
                "FROM care_log l LEFT JOIN agents a ON a.id = l.agent_id "
                "LEFT JOIN messages m ON m.uid = l.message_uid "
                f"WHERE l.subject IN ({_marks(chunk)})", chunk):
            found[row["subject"]] = row
    return found


def record_care(store: Store, subject: str, stage: str, buyer_id: int, order_id: str | None,
                due_at: float | None, outcome: str, agent_id: int, at: float,
                message_uid: str | None, note: str) -> None:
    """One row per care item; sending again after a failure replaces the record."""
    store.conn.execute(
        "INSERT INTO care_log (subject, stage, buyer_id, order_id, due_at, outcome, agent_id, "
        "at, message_uid, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (subject) DO UPDATE SET outcome = excluded.outcome, "
        "agent_id = excluded.agent_id, at = excluded.at, message_uid = excluded.message_uid, "
        "note = excluded.note",
        (subject, stage, buyer_id, order_id, due_at, outcome, agent_id, at, message_uid, note))


# --- member figures -------------------------------------------------------------------

def first_purchases(store: Store, purchase_statuses: Sequence[str],
                    before: float) -> dict[int, float]:
    """Each buyer's first purchase before ``before``: when they became a member."""
    return dict(store.conn.execute(
        f"SELECT buyer_id, min(created_at) FROM orders WHERE status IN "
        f"({_marks(purchase_statuses)}) AND created_at < ? GROUP BY buyer_id",
        (*purchase_statuses, before)).fetchall())


def purchases_between(store: Store, purchase_statuses: Sequence[str], since: float,
                      until: float) -> sqlite3.Cursor:
    """(buyer id, created at, amount) of every purchase in [since, until)."""
    return store.conn.execute(
        "SELECT buyer_id, created_at, coalesce(paid, total, 0) - coalesce(refund, 0) "
        f"FROM orders WHERE status IN ({_marks(purchase_statuses)}) "
        "AND created_at >= ? AND created_at < ?", (*purchase_statuses, since, until))


def purchasers_between(store: Store, purchase_statuses: Sequence[str], since: float,
                       until: float) -> int:
    """How many buyers made a purchase in [since, until)."""
    return store.conn.execute(
        f"SELECT count(DISTINCT buyer_id) FROM orders WHERE status IN "
        f"({_marks(purchase_statuses)}) AND created_at >= ? AND created_at < ?",
        (*purchase_statuses, since, until)).fetchone()[0]


def care_sent_between(store: Store, since: float, until: float) -> list[sqlite3.Row]:
    """Care sent in [since, until) whose message did not fail: buyer and time."""
    return store.conn.execute(
        "SELECT l.buyer_id, l.at FROM care_log l LEFT JOIN messages m ON m.uid = l.message_uid "
        "WHERE l.outcome = 'sent' AND l.at >= ? AND l.at < ? "
        "AND coalesce(m.status, '') != 'failed'", (since, until)).fetchall()


def bought_within(store: Store, purchase_statuses: Sequence[str], buyer_id: int,
                  after: float, until: float) -> bool:
    return store.conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM orders WHERE buyer_id = ? AND status IN "
        f"({_marks(purchase_statuses)}) AND created_at > ? AND created_at <= ?)",
        (buyer_id, *purchase_statuses, after, until)).fetchone()[0] == 1


# --- bulk history for benchmarks ------------------------------------------------------

def bulk_load(store: Store, buyers: Iterable[tuple[str, str, float]],
              orders: Iterable[tuple], items: Iterable[tuple],
              conversations: Iterable[tuple[int, float]],
              messages: Iterable[tuple[int, str, float]]) -> None:
    """Load a large shop in one go, bypassing the domain (the benchmark's data).

    ``buyers`` (nick, tags JSON, since); ``orders`` (id, buyer id, status, total, paid,
    refund, created, paid, shipped, finished, phone, receiver); ``items`` (order id, title,
    price, quantity); ``conversations`` (buyer id, first at), numbered from the next free
    id in order; ``messages`` (conversation number, text, at) from the buyer."""
    conn = store.conn
    with store.transaction():
        conn.executemany("INSERT INTO buyers (nick, tags, created_at) VALUES (?, ?, ?)", buyers)
        conn.executemany(
            "INSERT INTO orders (id, buyer_id, status, total, paid, refund, created_at, paid_at,"
            " shipped_at, finished_at, phone, receiver_name, flag) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", orders)
        conn.executemany("INSERT INTO order_items (order_id, title, price, quantity) "
                         "VALUES (?, ?, ?, ?)", items)
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM conversations").fetchone()[0]
        conn.executemany(
            "INSERT INTO conversations (id, buyer_id, state, unread, last_message_at, "
            "last_preview, created_at) VALUES (?, ?, 'ended', 0, ?, '', ?)",
            ((first + n, buyer_id, at, at) for n, (buyer_id, at) in enumerate(conversations)))
        conn.executemany(
            "INSERT INTO messages (uid, conversation_id, sender, kind, text, status, created_at)"
            " VALUES ('bulk-' || ?, ?, 'buyer', 'text', ?, 'received', ?)",
            ((n, first + number, text, at) for n, (number, text, at) in enumerate(messages)))
