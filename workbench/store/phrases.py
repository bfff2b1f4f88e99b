"""Phrase packs, groups, phrases and their search index."""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store
from workbench.textnorm import match_key

PHRASE_COLUMNS = (
    "p.id, p.pack_id, k.name AS pack_name, k.scope, k.agent_id AS owner_id, p.group_id, "
    "g.name AS group_name, pg.name AS parent_group_name, p.code, p.text, p.image, p.keywords, "
    "p.position, p.use_count, p.last_used_at"
)
PHRASE_FROM = (
    "FROM phrases p JOIN phrase_packs k ON k.id = p.pack_id "
    "LEFT JOIN phrase_groups g ON g.id = p.group_id "
    "LEFT JOIN phrase_groups pg ON pg.id = g.parent_id"
)
# Team phrases, and the personal phrases of one agent (:agent); others' stay private.
VISIBLE = "(k.scope = 'team' OR k.agent_id = :agent)"
PANEL_ORDER = ("k.scope DESC, k.id, coalesce(pg.position, g.position), "
               "coalesce(pg.id, g.id), g.position, p.position, p.id")
MOST_USED_ORDER = "p.use_count DESC, coalesce(p.last_used_at, 0) DESC, " + PANEL_ORDER
PACK_COLUMNS = "id, name, version, author, scope, agent_id"


def pack_by_name(store: Store, name: str) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {PACK_COLUMNS} FROM phrase_packs WHERE name = ?", (name,)
    ).fetchone()


def pack_by_id(store: Store, pack_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {PACK_COLUMNS} FROM phrase_packs WHERE id = ?", (pack_id,)
    ).fetchone()


def packs(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(f"SELECT {PACK_COLUMNS} FROM phrase_packs ORDER BY id").fetchall()


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
    store.conn.execute(
        "DELETE FROM phrase_index WHERE rowid IN (SELECT id FROM phrases WHERE pack_id = ?)",
        (pack_id,))
    store.conn.execute("DELETE FROM phrases WHERE pack_id = ?", (pack_id,))
    store.conn.execute("DELETE FROM phrase_groups WHERE parent_id IS NOT NULL AND pack_id = ?",
                       (pack_id,))
    store.conn.execute("DELETE FROM phrase_groups WHERE pack_id = ?", (pack_id,))


def groups(store: Store, pack_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT id, pack_id, parent_id, name, position FROM phrase_groups WHERE pack_id = ? "
        "ORDER BY parent_id IS NOT NULL, position, id", (pack_id,)
    ).fetchall()


def visible_groups(store: Store, agent_id: int | None) -> list[sqlite3.Row]:
    """Groups holding phrases the agent sees, as (name, parent name) in panel order."""
    return store.conn.execute(
        "SELECT DISTINCT g.name AS group_name, pg.name AS parent_group_name " + PHRASE_FROM +
        f" WHERE {VISIBLE} AND g.id IS NOT NULL ORDER BY {PANEL_ORDER}", {"agent": agent_id}
    ).fetchall()


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


def update_phrase(store: Store, phrase_id: int, group_id: int | None, code: str, text: str,
                  keywords: str, image: str | None) -> None:
    store.conn.execute(
        "UPDATE phrases SET group_id = ?, code = ?, text = ?, keywords = ?, image = ? "
        "WHERE id = ?", (group_id, code, text, keywords, image, phrase_id))
    store.conn.execute("DELETE FROM phrase_index WHERE rowid = ?", (phrase_id,))


def delete_phrase(store: Store, phrase_id: int) -> None:
    store.conn.execute("DELETE FROM phrase_index WHERE rowid = ?", (phrase_id,))
    store.conn.execute("DELETE FROM phrases WHERE id = ?", (phrase_id,))


def phrase(store: Store, phrase_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {PHRASE_COLUMNS} {PHRASE_FROM} WHERE p.id = ?", (phrase_id,)
    ).fetchone()


def pack_phrases(store: Store, pack_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {PHRASE_COLUMNS} {PHRASE_FROM} WHERE p.pack_id = ? ORDER BY {PANEL_ORDER}",
        (pack_id,)
    ).fetchall()


GROUP_PATH = "CASE WHEN pg.name IS NULL THEN g.name ELSE pg.name || '/' || g.name END"
IN_GROUP = f"(:group = '' OR {GROUP_PATH} = :group OR pg.name = :group)"


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def visible_phrases(store: Store, agent_id: int | None, most_used: bool = False,
                    limit: int = -1, group: str = "") -> list[sqlite3.Row]:
    order = MOST_USED_ORDER if most_used else PANEL_ORDER
    return store.conn.execute(
        f"SELECT {PHRASE_COLUMNS} {PHRASE_FROM} WHERE {VISIBLE} AND {IN_GROUP} "
        f"ORDER BY {order} LIMIT :limit",
        {"agent": agent_id, "limit": limit, "group": group},
    ).fetchall()


def code_prefix_ids(store: Store, prefix: str, limit: int) -> list[int]:
    return [row[0] for row in store.conn.execute(
        "SELECT id FROM phrases WHERE code LIKE ? ESCAPE '\\' ORDER BY code LIMIT ?",
        (_like(prefix) + "%", limit))]


def word_hit_ids(store: Store, match: str, limit: int, ranked: bool = True) -> list[int]:
    """Ids whose indexed words match, best BM25 rank first unless ``ranked`` is False
    (a one-letter prefix matches thousands; ranking them all costs more than it tells)."""
    order = "ORDER BY rank " if ranked else ""
    return [row[0] for row in store.conn.execute(
        f"SELECT rowid FROM phrase_index WHERE phrase_index MATCH ? {order}LIMIT ?",
        (match, limit))]


def visible_by_ids(store: Store, agent_id: int | None, ids: list[int],
                   group: str = "") -> list[sqlite3.Row]:
    """The phrases among ``ids`` this agent sees, in no particular order."""
    if not ids:
        return []
    params = {f"id{number}": phrase_id for number, phrase_id in enumerate(ids)}
    marks = ", ".join(f":{name}" for name in params)
    return store.conn.execute(
        f"SELECT {PHRASE_COLUMNS} {PHRASE_FROM} WHERE p.id IN ({marks}) AND {VISIBLE} AND "
        f"{IN_GROUP}", params | {"agent": agent_id, "group": group},
    ).fetchall()


def substring_phrases(store: Store, agent_id: int | None, text: str, code: str,
                      most_used: bool, limit: int, group: str = "") -> list[sqlite3.Row]:
    """Code prefix (``code`` as match_key writes it) or plain substring of ``text``: the
    search while the word index is not ready."""
    order = MOST_USED_ORDER if most_used else PANEL_ORDER
    return store.conn.execute(
        f"SELECT {PHRASE_COLUMNS} {PHRASE_FROM} WHERE {VISIBLE} AND {IN_GROUP} AND "
        "(p.code LIKE :code ESCAPE '\\' OR p.text LIKE :text ESCAPE '\\' OR "
        " g.name LIKE :text ESCAPE '\\') "
        f"ORDER BY p.code LIKE :code ESCAPE '\\' DESC, {order} LIMIT :limit",
        {"agent": agent_id, "code": _like(code or text) + "%", "text": f"%{_like(text)}%",
         "limit": limit, "group": group},
    ).fetchall()


def ranked_matches(store: Store, agent_id: int | None, match: str,
                   limit: int) -> list[sqlite3.Row]:
    """Best BM25 matches first (for suggestions)."""
    return store.conn.execute(
        f"SELECT {PHRASE_COLUMNS} {PHRASE_FROM} JOIN "
        "(SELECT rowid AS id, bm25(phrase_index) AS rank FROM phrase_index "
        " WHERE phrase_index MATCH :match) w ON w.id = p.id "
        f"WHERE {VISIBLE} ORDER BY w.rank, p.use_count DESC LIMIT :limit",
        {"agent": agent_id, "match": match, "limit": limit},
    ).fetchall()


def unindexed(store: Store, limit: int = 500) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {PHRASE_COLUMNS} {PHRASE_FROM} "
        "WHERE p.id NOT IN (SELECT rowid FROM phrase_index) ORDER BY p.id LIMIT ?", (limit,)
    ).fetchall()


def index_phrase(store: Store, phrase_id: int, terms: str, initials: str) -> None:
    store.conn.execute("DELETE FROM phrase_index WHERE rowid = ?", (phrase_id,))
    store.conn.execute(
        "INSERT INTO phrase_index (rowid, terms, initials) SELECT id, ?, ? FROM phrases "
        "WHERE id = ?", (terms, initials, phrase_id))


def clear_index(store: Store) -> None:
    store.conn.execute("DELETE FROM phrase_index")


def note_use(store: Store, phrase_id: int, at: float) -> None:
    store.conn.execute(
        "UPDATE phrases SET use_count = use_count + 1, last_used_at = ? WHERE id = ?",
        (at, phrase_id),
    )


def count(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM phrases").fetchone()[0]


def migrate_code_keys(conn: sqlite3.Connection) -> None:
    """Codes are keys, stored as :func:`match_key` writes them (half-width, lower case):
    an import that once kept ``ＨＹ`` as written made it unfindable by ``hy`` or ``ＨＹ``."""
    for phrase_id, code in conn.execute("SELECT id, code FROM phrases").fetchall():
        if match_key(code) != code:
            conn.execute("UPDATE phrases SET code = ? WHERE id = ?", (match_key(code), phrase_id))
