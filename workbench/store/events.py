"""The audit log: who changed what, when. Written inside the caller's transaction."""

from __future__ import annotations

import json
import sqlite3

from workbench.store.db import Store


def record(store: Store, at: float, agent_id: int | None, kind: str, subject: str,
           detail: dict) -> None:
    store.conn.execute(
        "INSERT INTO events (at, agent_id, kind, subject, detail) VALUES (?, ?, ?, ?, ?)",
        (at, agent_id, kind, subject, json.dumps(detail, ensure_ascii=False)),
    )


def for_subject(store: Store, subject: str) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT id, at, agent_id, kind, subject, detail FROM events WHERE subject = ? "
        "ORDER BY id", (subject,)
    ).fetchall()
