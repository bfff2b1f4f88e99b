"""Product knowledge: products, matching pairs, size charts, couriers, promotions, and the
product search index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # schema.py imports the migration below while db.py is still loading
    from workbench.store.db import Store

# The fields of a product as stored, in the order of workbench.products.Product.
PRODUCT_FIELDS = ("code", "title", "price", "link", "image", "category", "specs", "material",
                  "functions", "style", "selling_points", "stock", "hot")
PRODUCT_COLUMNS = "id, " + ", ".join(PRODUCT_FIELDS) + ", updated_at"
JOINED_PRODUCT_COLUMNS = ", ".join(f"p.{name}" for name in PRODUCT_COLUMNS.split(", "))
CHART_COLUMNS = "size, height_min, height_max, weight_min, weight_max"
COURIER_COLUMNS = "id, name, tracking_url, contact, is_default, note"
RATE_COLUMNS = "courier_id, region, fee, days_min, days_max"
PROMOTION_COLUMNS = ("id, name, starts_at, ends_at, rules, coupons, gifts, codes, "
                     "auto_replies")


def migrate_products(conn: sqlite3.Connection) -> None:
    """Products (with the key their code is matched by), the pairs that go together, size
    charts, couriers and their rates by region, promotions, and the search index: the
    title and the other texts as overlapping two-character tokens, so any part of a word
    is found, and the pinyin initials of the title the same way."""
    text = "TEXT NOT NULL DEFAULT ''"
    conn.execute(
        "CREATE TABLE products (id INTEGER PRIMARY KEY, code TEXT NOT NULL, "
        f"code_key TEXT NOT NULL, title TEXT NOT NULL, price REAL, link {text}, "
        f"image {text}, category {text}, specs {text}, material {text}, functions {text}, "
        f"style {text}, selling_points {text}, stock {text}, "
        "hot INTEGER NOT NULL DEFAULT 0, updated_at REAL)")
    conn.execute("CREATE UNIQUE INDEX products_code_key ON products (code_key)")
    conn.execute("CREATE INDEX products_link ON products (link) WHERE link != ''")
    conn.execute(
        "CREATE TABLE product_matches (product_id INTEGER NOT NULL REFERENCES products (id) "
        "ON DELETE CASCADE, related_id INTEGER NOT NULL REFERENCES products (id) "
        "ON DELETE CASCADE, position INTEGER NOT NULL, PRIMARY KEY (product_id, related_id))")
    conn.execute("CREATE INDEX product_matches_related ON product_matches (related_id)")
    conn.execute(
        "CREATE TABLE size_charts (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL "
        "REFERENCES products (id) ON DELETE CASCADE, size TEXT NOT NULL, height_min REAL, "
        "height_max REAL, weight_min REAL, weight_max REAL, position INTEGER NOT NULL)")
    conn.execute("CREATE INDEX size_charts_product ON size_charts (product_id, position)")
    conn.execute(
        "CREATE TABLE couriers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
        f"tracking_url {text}, contact {text}, is_default INTEGER NOT NULL DEFAULT 0, "
        f"note {text}, position INTEGER NOT NULL DEFAULT 0)")
    conn.execute(
        "CREATE TABLE courier_rates (id INTEGER PRIMARY KEY, courier_id INTEGER NOT NULL "
        "REFERENCES couriers (id) ON DELETE CASCADE, region TEXT NOT NULL, fee REAL, "
        "days_min INTEGER, days_max INTEGER, position INTEGER NOT NULL)")
    conn.execute("CREATE INDEX courier_rates_courier ON courier_rates (courier_id, position)")
    conn.execute(
        "CREATE TABLE promotions (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        f"starts_at REAL NOT NULL, ends_at REAL NOT NULL, rules {text}, coupons {text}, "
        f"gifts {text}, codes {text}, auto_replies TEXT NOT NULL DEFAULT '{{}}', "
        "updated_at REAL)")
    conn.execute("CREATE INDEX promotions_ends_at ON promotions (ends_at)")
    # prefix='1': a one-character query (the first keystroke) reads one prefix list
    # instead of merging the lists of every token that starts with it.
    conn.execute("CREATE VIRTUAL TABLE product_index USING fts5(title, body, initials, "
                 "prefix='1')")


# --- products ------------------------------------------------------------------------------

def product(store: Store, product_id: int) -> sqlite3.Row | None:
    return store.conn.execute(f"SELECT {PRODUCT_COLUMNS} FROM products WHERE id = ?",
                              (product_id,)).fetchone()


def product_by_key(store: Store, code_key: str) -> sqlite3.Row | None:
    return store.conn.execute(f"SELECT {PRODUCT_COLUMNS} FROM products WHERE code_key = ?",
                              (code_key,)).fetchone()


def product_by_link(store: Store, link: str) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {PRODUCT_COLUMNS} FROM products WHERE link = ? AND link != '' "
        "ORDER BY id LIMIT 1", (link,)).fetchone()


def product_by_title(store: Store, title: str) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {PRODUCT_COLUMNS} FROM products WHERE title = ? ORDER BY id LIMIT 1",
        (title,)).fetchone()


def products_by_keys(store: Store, keys: list[str]) -> dict[str, sqlite3.Row]:
    """code_key -> the stored row, for the keys that exist (an import's lookups)."""
    if len(keys) > 2000:   # a big import: one pass over the table beats many IN lists
        wanted = set(keys)
        return {row["code_key"]: row for row in store.conn.execute(
            f"SELECT code_key, {PRODUCT_COLUMNS} FROM products") if row["code_key"] in wanted}
    found: dict[str, sqlite3.Row] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in store.conn.execute(
                f"SELECT code_key, {PRODUCT_COLUMNS} FROM products WHERE code_key IN ({marks})",
                chunk):
            found[row["code_key"]] = row
    return found


def products_by_ids(store: Store, ids: list[int]) -> list[sqlite3.Row]:
    """The products among ``ids``, in no particular order."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return store.conn.execute(f"SELECT {PRODUCT_COLUMNS} FROM products WHERE id IN ({marks})",
                              ids).fetchall()


def first_products(store: Store, limit: int) -> list[sqlite3.Row]:
    """What the search list shows before anything is typed: hot items first."""
    return store.conn.execute(
        f"SELECT {PRODUCT_COLUMNS} FROM products ORDER BY hot DESC, code_key LIMIT ?",
        (limit,)).fetchall()


def products_page(store: Store, limit: int, offset: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {PRODUCT_COLUMNS} FROM products ORDER BY code_key LIMIT ? OFFSET ?",
        (limit, offset)).fetchall()


def count_products(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM products").fetchone()[0]


def insert_products(store: Store, rows: Iterable[tuple]) -> None:
    """Rows of (code_key, *PRODUCT_FIELDS, updated_at)."""
    names = ("code_key", *PRODUCT_FIELDS, "updated_at")
    store.conn.executemany(
        f"INSERT INTO products ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        rows)


def update_products(store: Store, rows: Iterable[tuple]) -> None:
    """Rows of (code_key, *PRODUCT_FIELDS, updated_at, id)."""
    names = ("code_key", *PRODUCT_FIELDS, "updated_at")
    store.conn.executemany(
        f"UPDATE products SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?", rows)


def insert_product(store: Store, code_key: str, values: tuple, at: float) -> int:
    names = ("code_key", *PRODUCT_FIELDS, "updated_at")
    return store.conn.execute(
        f"INSERT INTO products ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
        (code_key, *values, at)).lastrowid


def delete_product(store: Store, product_id: int) -> None:
    store.conn.execute("DELETE FROM product_index WHERE rowid = ?", (product_id,))
    store.conn.execute("DELETE FROM products WHERE id = ?", (product_id,))


def ids_by_keys(store: Store, keys: list[str]) -> dict[str, int]:
    """code_key -> id, for the keys that exist."""
    if len(keys) > 2000:
        wanted = set(keys)
        return {key: product_id for key, product_id in store.conn.execute(
            "SELECT code_key, id FROM products") if key in wanted}
    found: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(store.conn.execute(
            f"SELECT code_key, id FROM products WHERE code_key IN ({marks})", chunk))
    return found


# --- matching products (配套 / 关联推荐) ---------------------------------------------------

def set_matches(store: Store, product_id: int, related_ids: list[int]) -> None:
    store.conn.execute("DELETE FROM product_matches WHERE product_id = ?", (product_id,))
    store.conn.executemany(
        "INSERT INTO product_matches (product_id, related_id, position) VALUES (?, ?, ?)",
        [(product_id, related, n) for n, related in enumerate(related_ids)])


def listed_matches(store: Store, product_id: int) -> list[int]:
    """The products this one names, in its order."""
    return [row[0] for row in store.conn.execute(
        "SELECT related_id FROM product_matches WHERE product_id = ? ORDER BY position",
        (product_id,))]


def related(store: Store, product_id: int, limit: int) -> list[sqlite3.Row]:
    """The products this one names, then those that name it: a pair goes both ways."""
    return store.conn.execute(
        f"SELECT {JOINED_PRODUCT_COLUMNS} FROM products p JOIN ("
        " SELECT related_id AS id, 0 AS side, position FROM product_matches "
        " WHERE product_id = :p UNION "
        " SELECT product_id AS id, 1 AS side, position FROM product_matches "
        " WHERE related_id = :p) m ON m.id = p.id WHERE p.id != :p "
        "GROUP BY p.id ORDER BY min(m.side * 100000 + m.position) LIMIT :limit",
        {"p": product_id, "limit": limit}).fetchall()


# --- size charts -----------------------------------------------------------------------------

def chart(store: Store, product_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {CHART_COLUMNS} FROM size_charts WHERE product_id = ? ORDER BY position",
        (product_id,)).fetchall()


def replace_charts(store: Store, product_ids: list[int], rows: Iterable[tuple]) -> None:
    """Rows of (product_id, size, height_min, height_max, weight_min, weight_max, position)
    replace the charts of ``product_ids``."""
    store.conn.executemany("DELETE FROM size_charts WHERE product_id = ?",
                           [(product_id,) for product_id in product_ids])
    store.conn.executemany(
        "INSERT INTO size_charts (product_id, size, height_min, height_max, weight_min, "
        "weight_max, position) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def charts_of(store: Store, ids: list[int]) -> dict[int, list[tuple]]:
    """product id -> its chart rows as tuples (an import compares them)."""
    found: dict[int, list[tuple]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in store.conn.execute(
                f"SELECT product_id, {CHART_COLUMNS} FROM size_charts "
                f"WHERE product_id IN ({marks}) ORDER BY product_id, position", chunk):
            found.setdefault(row[0], []).append(tuple(row)[1:])
    return found


# --- the search index ------------------------------------------------------------------------

def index_products(store: Store, rows: Iterable[tuple[int, str, str, str]],
                   fresh: bool = False) -> None:
    """Rows of (product id, title tokens, body tokens, initials tokens), replacing any
    (``fresh``: the products are new, there is nothing to replace)."""
    rows = list(rows)
    if not fresh:
        store.conn.executemany("DELETE FROM product_index WHERE rowid = ?",
                               [(row[0],) for row in rows])
    store.conn.executemany(
        "INSERT INTO product_index (rowid, title, body, initials) VALUES (?, ?, ?, ?)", rows)


def code_prefix_ids(store: Store, prefix_key: str, limit: int) -> list[int]:
    return [row[0] for row in store.conn.execute(
        "SELECT id FROM products WHERE code_key >= ? AND code_key < ? ORDER BY code_key "
        "LIMIT ?", (prefix_key, prefix_key + "\U0010ffff", limit))]


def index_hit_ids(store: Store, match: str, limit: int) -> list[int]:
    return [row[0] for row in store.conn.execute(
        "SELECT rowid FROM product_index WHERE product_index MATCH ? LIMIT ?",
        (match, limit))]


# --- couriers --------------------------------------------------------------------------------

def couriers(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {COURIER_COLUMNS} FROM couriers ORDER BY position, id").fetchall()


def rates(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {RATE_COLUMNS} FROM courier_rates ORDER BY courier_id, position").fetchall()


def insert_courier(store: Store, name: str, tracking_url: str, contact: str, is_default: int,
                   note: str) -> int:
    position = store.conn.execute("SELECT coalesce(max(position), 0) + 1 FROM couriers"
                                  ).fetchone()[0]
    return store.conn.execute(
        "INSERT INTO couriers (name, tracking_url, contact, is_default, note, position) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (name, tracking_url, contact, is_default, note, position)).lastrowid


def update_courier(store: Store, courier_id: int, name: str, tracking_url: str, contact: str,
                   is_default: int, note: str) -> None:
    store.conn.execute(
        "UPDATE couriers SET name = ?, tracking_url = ?, contact = ?, is_default = ?, "
        "note = ? WHERE id = ?", (name, tracking_url, contact, is_default, note, courier_id))


def clear_default_courier(store: Store) -> None:
    store.conn.execute("UPDATE couriers SET is_default = 0 WHERE is_default != 0")


def replace_rates(store: Store, courier_id: int, rows: list[tuple]) -> None:
    """Rows of (region, fee, days_min, days_max)."""
    store.conn.execute("DELETE FROM courier_rates WHERE courier_id = ?", (courier_id,))
    store.conn.executemany(
        "INSERT INTO courier_rates (courier_id, region, fee, days_min, days_max, position) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(courier_id, *row, n) for n, row in enumerate(rows)])


def delete_courier(store: Store, courier_id: int) -> None:
    store.conn.execute("DELETE FROM couriers WHERE id = ?", (courier_id,))


# --- promotions ------------------------------------------------------------------------------

def promotions(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {PROMOTION_COLUMNS} FROM promotions ORDER BY starts_at DESC, id DESC"
    ).fetchall()


def running_promotions(store: Store, now: float) -> list[sqlite3.Row]:
    """Running at ``now``: started, not yet ended; the latest started first."""
    return store.conn.execute(
        f"SELECT {PROMOTION_COLUMNS} FROM promotions WHERE ends_at > ? AND starts_at <= ? "
        "ORDER BY starts_at DESC, id DESC", (now, now)).fetchall()


def insert_promotion(store: Store, values: tuple, at: float) -> int:
    """``values``: (name, starts_at, ends_at, rules, coupons, gifts, codes, auto_replies)."""
    return store.conn.execute(
        "INSERT INTO promotions (name, starts_at, ends_at, rules, coupons, gifts, codes, "
        "auto_replies, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (*values, at)).lastrowid


def update_promotion(store: Store, promotion_id: int, values: tuple, at: float) -> None:
    store.conn.execute(
        "UPDATE promotions SET name = ?, starts_at = ?, ends_at = ?, rules = ?, coupons = ?, "
        "gifts = ?, codes = ?, auto_replies = ?, updated_at = ? WHERE id = ?",
        (*values, at, promotion_id))


def delete_promotion(store: Store, promotion_id: int) -> None:
    store.conn.execute("DELETE FROM promotions WHERE id = ?", (promotion_id,))
