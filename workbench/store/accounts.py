"""Sign-in attempts, as the audit log (``events``) keeps them: the throttle counts recent
failures from it, and the supervisor's account window lists them."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # schema.py imports the migration below, and db.py imports schema.py
    from workbench.store.db import Store

FAILED = "account.login_failed"        # a password was checked and did not match
BLOCKED = "account.login_blocked"      # refused unchecked: the account was locked
LOCKED = "account.locked"              # this failure started (or lengthened) a lock
DISABLED = "account.login_disabled"    # a disabled account tried to sign in
SUCCEEDED = "account.login"
PASSWORD_SET = "account.passwd"
# What ends a run of failures: signing in, or a new password.
FRESH_START = (SUCCEEDED, PASSWORD_SET)
PROBLEMS = (FAILED, BLOCKED, LOCKED, DISABLED)


def _v6_sign_in_audit(conn: sqlite3.Connection) -> None:
    """Each sign-in reads the account's recent attempts from the audit log."""
    conn.execute("CREATE INDEX idx_events_subject ON events (subject, kind, id)")


def failure_times(store: Store, subject: str, since: float) -> list[float]:
    """When ``subject``'s password failed after ``since`` and after its last sign-in or
    new password, oldest first."""
    placeholders = ", ".join("?" for _ in FRESH_START)
    return [row[0] for row in store.conn.execute(
        f"SELECT at FROM events WHERE subject = ? AND kind = ? AND at > ? AND id > "
        f"coalesce((SELECT max(id) FROM events WHERE subject = ? AND kind IN "
        f"({placeholders})), 0) ORDER BY id",
        (subject, FAILED, since, subject, *FRESH_START))]


def sign_in_problems(store: Store, since: float, limit: int) -> list[sqlite3.Row]:
    """Failed, blocked and disabled sign-ins and locks after ``since``, newest first."""
    placeholders = ", ".join("?" for _ in PROBLEMS)
    return store.conn.execute(
        f"SELECT id, at, kind, subject, detail FROM events WHERE kind IN ({placeholders}) "
        f"AND at > ? ORDER BY id DESC LIMIT ?", (*PROBLEMS, since, limit)).fetchall()
