"""Agents and buyers."""

from __future__ import annotations

import sqlite3

from workbench.store.db import Store

AGENT_COLUMNS = "id, name, display_name, role, active"


def agent_by_name(store: Store, name: str) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {AGENT_COLUMNS} FROM agents WHERE name = ?", (name,)
    ).fetchone()


def agent_by_id(store: Store, agent_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {AGENT_COLUMNS} FROM agents WHERE id = ?", (agent_id,)
    ).fetchone()


def all_agents(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(f"SELECT {AGENT_COLUMNS} FROM agents ORDER BY id").fetchall()


def insert_agent(store: Store, name: str, display_name: str, role: str, now: float) -> int:
    cursor = store.conn.execute(
        "INSERT INTO agents (name, display_name, role, created_at) VALUES (?, ?, ?, ?)",
        (name, display_name, role, now),
    )
    return cursor.lastrowid


def buyer_by_nick(store: Store, nick: str) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT id, nick, tier, tags FROM buyers WHERE nick = ?", (nick,)
    ).fetchone()


def buyer_by_id(store: Store, buyer_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT id, nick, tier, tags FROM buyers WHERE id = ?", (buyer_id,)
    ).fetchone()


def insert_buyer(store: Store, nick: str, tier: str, now: float) -> int:
    cursor = store.conn.execute(
        "INSERT INTO buyers (nick, tier, created_at) VALUES (?, ?, ?)", (nick, tier, now)
    )
    return cursor.lastrowid


def count_buyers(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM buyers").fetchone()[0]


def agent_password_hash(store: Store, agent_id: int) -> str | None:
    row = store.conn.execute(
        "SELECT password_hash FROM agents WHERE id = ?", (agent_id,)
    ).fetchone()
    return row[0] if row else None


def agents_without_password(store: Store) -> set[int]:
    """Ids of demo accounts: those with no password hash at all."""
    return {row[0] for row in store.conn.execute(
        "SELECT id FROM agents WHERE password_hash IS NULL")}


def insert_agent_account(store: Store, name: str, display_name: str, role: str,
                         password_hash: str | None, now: float) -> int:
    cursor = store.conn.execute(
        "INSERT INTO agents (name, display_name, role, password_hash, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (name, display_name, role, password_hash, now),
    )
    return cursor.lastrowid


def set_agent_password_hash(store: Store, agent_id: int, password_hash: str | None) -> None:
    store.conn.execute(
        "UPDATE agents SET password_hash = ? WHERE id = ?", (password_hash, agent_id)
    )


def set_agent_active(store: Store, agent_id: int, active: bool) -> None:
    store.conn.execute("UPDATE agents SET active = ? WHERE id = ?", (int(active), agent_id))


def count_agents(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM agents").fetchone()[0]


def count_active_supervisors(store: Store) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM agents WHERE role = 'supervisor' AND active = 1"
    ).fetchone()[0]
