"""Phrase packs, groups and phrases."""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store

PHRASE_COLUMNS = (
    "p.id, p.pack_id, k.name AS pack_name, k.scope, p.group_id, g.name AS group_name, p.code, "
    "p.text, p.image, p.keywords, p.position, p.use_count, p.last_used_at"
)
PHRASE_FROM = (
    "FROM phrases p JOIN phrase_packs k ON k.id = p.pack_id "
    "LEFT JOIN phrase_groups g ON g.id = p.group_id"
)


def pack_by_name(store: Store, name: str) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT id, name, version, author, scope, agent_id FROM phrase_packs WHERE name = ?",
        (name,),
    ).fetchone()


def insert_pack(store: Store, name: str, version: int, author: str, scope: str,
                agent_id: int | None, at: float) -> int:
    return store.conn.execute(
        "INSERT INTO phrase_packs (name, version, author, scope, agent_id, imported_at) "
        "VALUES (?, ?, ?, ?, ?, ?)", (name, version, author, scope, agent_id, at)
    ).lastrowid


def update_pack(store: Store, pack_id: int, version: int, author: str, at: float) -> None:
    store.conn.execute(
        "UPDATE phrase_packs SET version = ?, author = ?, imported_at = ? WHERE id = ?",
        (version, author, at, pack_id),
    )


def clear_pack(store: Store, pack_id: int) -> None:
    store.conn.execute("DELETE FROM phrases WHERE pack_id = ?", (pack_id,))
    store.conn.execute("DELETE FROM phrase_groups WHERE pack_id = ?", (pack_id,))


def insert_group(store: Store, pack_id: int, name: str, parent_id: int | None,
                 position: int) -> int:
    return store.conn.execute(
        "INSERT INTO phrase_groups (pack_id, parent_id, name, position) VALUES (?, ?, ?, ?)",
        (pack_id, parent_id, name, position),
    ).lastrowid


def insert_phrase(store: Store, pack_id: int, group_id: int | None, code: str, text: str,
                  keywords: str, image: str | None, position: int) -> int:
    return store.conn.execute(
        "INSERT INTO phrases (pack_id, group_id, code, text, keywords, image, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", (pack_id, group_id, code, text, keywords, image, position)
    ).lastrowid


def all_phrases(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {PHRASE_COLUMNS} {PHRASE_FROM} "
        "ORDER BY k.scope DESC, g.position, p.position, p.id"
    ).fetchall()


def note_use(store: Store, phrase_id: int, at: float) -> None:
    store.conn.execute(
        "UPDATE phrases SET use_count = use_count + 1, last_used_at = ? WHERE id = ?",
        (at, phrase_id),
    )
