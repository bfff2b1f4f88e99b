"""Small key/value settings (window layout, current agent, preferences)."""

from __future__ import annotations

from workbench.store.db import Store


def get(store: Store, key: str, default: str | None = None) -> str | None:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def put(store: Store, key: str, value: str) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
