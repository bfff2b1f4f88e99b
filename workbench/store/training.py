"""Training's tables and queries (实训): the team's scenarios as trainers saved them, the
scores of practice sessions, typing tests and each agent's probation start.

Practice conversations themselves never come here: they live in the practice store (a
file of their own, see workbench/training/practice.py). Only the results do.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # schema.py imports this module while db.py is still loading
    from workbench.store.db import Store


def migrate_training(conn: sqlite3.Connection) -> None:
    """Scenarios saved by trainers, practice session scores, typing tests, probation."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    db["training_scenarios"].create(
        {"key": str, "data": str, "archived": int, "updated_at": float, "updated_by": int},
        pk="key", not_null={"data", "updated_at"}, defaults={"archived": 0},
        foreign_keys=[("updated_by", "agents", "id")],
    )
    db["training_sessions"].create(
        {"id": int, "trainee_id": int, "scenario_key": str, "scenario_title": str,
         "started_at": float, "ended_at": float, "score": float, "checklist_score": float,
         "points_hit": int, "points_total": int, "within_time": int, "source": str,
         "card": str},
        pk="id", not_null={"trainee_id", "scenario_key", "started_at", "ended_at", "score",
                           "points_hit", "points_total", "within_time", "source", "card"},
        foreign_keys=[("trainee_id", "agents", "id")],
    )
    db["training_sessions"].create_index(["trainee_id", "started_at"])
    db["training_sessions"].create_index(["started_at"])
    db["typing_tests"].create(
        {"id": int, "agent_id": int, "passage_key": str, "started_at": float,
         "seconds": float, "typed": int, "correct": int, "accuracy": float, "speed": float},
        pk="id", not_null={"agent_id", "passage_key", "started_at", "seconds", "typed",
                           "correct", "accuracy", "speed"},
        foreign_keys=[("agent_id", "agents", "id")],
    )
    db["typing_tests"].create_index(["agent_id", "started_at"])
    db["probation_starts"].create(
        {"agent_id": int, "start_day": str, "set_by": int, "set_at": float},
        pk="agent_id", not_null={"start_day", "set_at"},
        foreign_keys=[("agent_id", "agents", "id"), ("set_by", "agents", "id")],
    )


# --- scenarios ------------------------------------------------------------------------------

def scenarios(store: Store) -> list[sqlite3.Row]:
    """Every saved scenario (archived ones too: they hide a shipped one of that key)."""
    return store.conn.execute(
        "SELECT key, data, archived, updated_at, updated_by FROM training_scenarios "
        "ORDER BY key").fetchall()


def scenario(store: Store, key: str) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT key, data, archived, updated_at, updated_by FROM training_scenarios "
        "WHERE key = ?", (key,)).fetchone()


def put_scenario(store: Store, key: str, data: str, archived: bool, at: float,
                 by: int) -> None:
    store.conn.execute(
        "INSERT INTO training_scenarios (key, data, archived, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data, "
        "archived = excluded.archived, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by", (key, data, int(archived), at, by))


# --- practice sessions ----------------------------------------------------------------------

SESSION_COLUMNS = ("trainee_id", "scenario_key", "scenario_title", "started_at", "ended_at",
                   "score", "checklist_score", "points_hit", "points_total", "within_time",
                   "source", "card")
_SESSION_SELECT = (
    "SELECT s.id, s.trainee_id, a.name AS trainee_name, a.display_name AS trainee_display, "
    "s.scenario_key, s.scenario_title, s.started_at, s.ended_at, s.score, s.checklist_score, "
    "s.points_hit, s.points_total, s.within_time, s.source, s.card "
    "FROM training_sessions s JOIN agents a ON a.id = s.trainee_id")


def insert_session(store: Store, values: dict) -> int:
    names = ", ".join(SESSION_COLUMNS)
    marks = ", ".join("?" for _ in SESSION_COLUMNS)
    cursor = store.conn.execute(f"INSERT INTO training_sessions ({names}) VALUES ({marks})",
                                tuple(values[column] for column in SESSION_COLUMNS))
    return cursor.lastrowid


def sessions(store: Store, trainee_id: int | None = None, since: float | None = None,
             until: float | None = None) -> list[sqlite3.Row]:
    """Sessions oldest first; of one trainee, of a period, or all."""
    clause, params = _where("s", "trainee_id", trainee_id, since, until)
    return store.conn.execute(f"{_SESSION_SELECT}{clause} ORDER BY s.started_at, s.id",
                              params).fetchall()


def _where(table: str, owner: str, owner_id: int | None, since: float | None,
           until: float | None) -> tuple[str, list]:
    """The WHERE clause for rows of one person (``owner`` column) started in a period."""
    where, params = [], []
    for condition, value in ((f"{table}.{owner} = ?", owner_id),
                             (f"{table}.started_at >= ?", since),
                             (f"{table}.started_at < ?", until)):
        if value is not None:
            where.append(condition)
            params.append(value)
    return (" WHERE " + " AND ".join(where)) if where else "", params


# --- typing tests -----------------------------------------------------------------------------

TYPING_COLUMNS = ("agent_id", "passage_key", "started_at", "seconds", "typed", "correct",
                  "accuracy", "speed")


def insert_typing_test(store: Store, values: dict) -> int:
    names = ", ".join(TYPING_COLUMNS)
    marks = ", ".join("?" for _ in TYPING_COLUMNS)
    cursor = store.conn.execute(f"INSERT INTO typing_tests ({names}) VALUES ({marks})",
                                tuple(values[column] for column in TYPING_COLUMNS))
    return cursor.lastrowid


def typing_tests(store: Store, agent_id: int | None = None, since: float | None = None,
                 until: float | None = None) -> list[sqlite3.Row]:
    """Typing tests oldest first, with the agent's names."""
    clause, params = _where("t", "agent_id", agent_id, since, until)
    return store.conn.execute(
        "SELECT t.id, t.agent_id, a.name AS agent_name, a.display_name AS agent_display, "
        "t.passage_key, t.started_at, t.seconds, t.typed, t.correct, t.accuracy, t.speed "
        f"FROM typing_tests t JOIN agents a ON a.id = t.agent_id{clause} "
        "ORDER BY t.started_at, t.id", params).fetchall()


# --- probation ------------------------------------------------------------------------------

def agent_created_at(store: Store, agent_id: int) -> float | None:
    row = store.conn.execute("SELECT created_at FROM agents WHERE id = ?",
                             (agent_id,)).fetchone()
    return row[0] if row else None


def probation_start(store: Store, agent_id: int) -> str | None:
    row = store.conn.execute("SELECT start_day FROM probation_starts WHERE agent_id = ?",
                             (agent_id,)).fetchone()
    return row[0] if row else None


def put_probation_start(store: Store, agent_id: int, day: str, by: int, at: float) -> None:
    store.conn.execute(
        "INSERT INTO probation_starts (agent_id, start_day, set_by, set_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (agent_id) DO UPDATE SET start_day = excluded.start_day, "
        "set_by = excluded.set_by, set_at = excluded.set_at", (agent_id, day, by, at))
