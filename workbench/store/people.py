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
