"""After-sale cases (售后单): the cases, their steps (the history) and their evidence."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # schema.py imports this module's migration before db.py is loaded
    from workbench.store.db import Store


def migrate_aftersale(conn: sqlite3.Connection) -> None:
    """售后单 — a case on an order, its steps (who, when, what) and the images kept for a
    dispute. A case's todo (``todo_id``) is what puts it on the 待办 panel and the
    handover sheet; the message and conversation it came from carry no foreign key, so a
    pruned chat never takes a case with it."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    db["aftersale_cases"].create(
        {"id": int, "order_id": str, "buyer_id": int, "conversation_id": int,
         "message_id": int, "kind": str, "compensation": str, "cause": str, "state": str,
         "waiting": str, "amount": float, "refunded": float, "refunded_at": float,
         "postage_payer": str, "return_courier": str, "return_tracking": str,
         "received_at": float, "received_note": str, "reship_courier": str,
         "reship_tracking": str, "check_ok": int, "check_note": str, "review_text": str,
         "review_rating": int, "review_changed_at": float, "approval_state": str,
         "approval_amount": float, "refund_no": str, "platform_state": str, "note": str,
         "opened_by": int, "opened_at": float, "updated_at": float, "due_at": float,
         "settled_at": float, "visited_at": float, "late_steps": int, "todo_id": int,
         "holder_id": int},
        pk="id", not_null={"order_id", "buyer_id", "kind", "state", "opened_at"},
        defaults={"late_steps": 0, "note": ""},
        foreign_keys=[("order_id", "orders", "id"), ("buyer_id", "buyers", "id"),
                      ("opened_by", "agents", "id"), ("todo_id", "todos", "id")],
    )
    # The lists' one order: cases owing something by due time, then the settled ones
    # newest first. Computed by SQLite, so no operation can forget it.
    conn.execute(f"ALTER TABLE aftersale_cases ADD COLUMN list_key REAL GENERATED ALWAYS AS "
                 f"(coalesce(due_at, {SETTLED_KEY} - coalesce(settled_at, opened_at))) VIRTUAL")
    cases = db["aftersale_cases"]
    for columns in (["order_id"], ["buyer_id"], ["todo_id"], ["opened_at"], ["settled_at"],
                    ["list_key"], ["holder_id", "list_key"],
                    # "mine" with several filters, counted from the index alone
                    ["holder_id", "state", "waiting", "kind", "cause", "approval_state",
                     "list_key"]):
        cases.create_index(columns)
    # A filter's cases in list order; the holder rides along for "mine" with that filter.
    for column in ("state", "waiting", "kind", "cause", "approval_state"):
        cases.create_index([column, "list_key", "holder_id"])
    cases.create_index(["refund_no"], unique=True)
    # Who holds a case is its todo's assignee (a handover or the 待办 dialog may change it);
    # the case keeps a copy, ``holder_id``, so "my cases" is one index away.
    conn.execute(
        "CREATE TRIGGER aftersale_case_holder AFTER UPDATE OF assignee_kind, assignee_id "
        "ON todos BEGIN UPDATE aftersale_cases SET holder_id = CASE WHEN "
        "NEW.assignee_kind = 'agent' THEN NEW.assignee_id END WHERE todo_id = NEW.id; END")
    db["aftersale_steps"].create(
        {"id": int, "case_id": int, "at": float, "agent_id": int, "step": str, "state": str,
         "waiting": str, "note": str, "tracking": str, "amount": float, "due_at": float},
        pk="id", not_null={"case_id", "at", "step", "state"}, defaults={"note": ""},
        foreign_keys=[("case_id", "aftersale_cases", "id"), ("agent_id", "agents", "id")],
    )
    db["aftersale_steps"].create_index(["case_id", "id"])
    db["aftersale_steps"].create_index(["step", "at"])
    db["aftersale_evidence"].create(
        {"id": int, "case_id": int, "file": str, "source": str, "sent_at": float,
         "added_by": int, "added_at": float},
        pk="id", not_null={"case_id", "file", "added_at"},
        foreign_keys=[("case_id", "aftersale_cases", "id"), ("added_by", "agents", "id")],
    )
    db["aftersale_evidence"].create_index(["case_id", "source"], unique=True)


def migrate_aftersale_follow_up(conn: sqlite3.Connection) -> None:
    """What a refusal and a 回访 tell: the 退换货条件 a check found unmet (the reason the
    buyer is told is worded from them), and the 回访's outcome and notes (its time is
    ``visited_at``)."""
    for column in ("check_failed", "visit_outcome", "visit_note"):
        conn.execute(f"ALTER TABLE aftersale_cases ADD COLUMN {column} TEXT")


# A settled case's list_key: above every due time, the newer the smaller.
SETTLED_KEY = 1e11
OWING_BELOW = 1e10  # every due time (until the year 2286) is below this

CASE_COLUMNS = (
    "c.id, c.order_id, c.buyer_id, b.nick AS buyer_nick, c.conversation_id, c.message_id, "
    "c.kind, c.compensation, c.cause, c.state, c.waiting, c.amount, c.refunded, "
    "c.refunded_at, c.postage_payer, c.return_courier, c.return_tracking, c.received_at, "
    "c.received_note, c.reship_courier, c.reship_tracking, c.check_ok, c.check_note, "
    "c.check_failed, c.review_text, c.review_rating, c.review_changed_at, c.approval_state, "
    "c.approval_amount, c.refund_no, c.platform_state, c.note, c.opened_by, "
    "o.display_name AS opened_by_name, c.opened_at, c.updated_at, c.due_at, c.settled_at, "
    "c.visited_at, c.visit_outcome, c.visit_note, c.late_steps, c.todo_id, t.assignee_kind, "
    "t.assignee_id, a.display_name AS assignee_name, t.assignee_shift"
)
# Every join is LEFT (a case always has its buyer), so the case table leads and the lists
# can walk its indexes in their order.
CASE_FROM = (
    "FROM aftersale_cases c LEFT JOIN buyers b ON b.id = c.buyer_id "
    "LEFT JOIN agents o ON o.id = c.opened_by LEFT JOIN todos t ON t.id = c.todo_id "
    "LEFT JOIN agents a ON a.id = t.assignee_id"
)
STEP_COLUMNS = ("s.id, s.case_id, s.at, s.agent_id, a.display_name AS agent_name, s.step, "
                "s.state, s.waiting, s.note, s.tracking, s.amount, s.due_at")
EVIDENCE_COLUMNS = ("e.id, e.case_id, e.file, e.source, e.sent_at, e.added_by, "
                    "a.display_name AS added_by_name, e.added_at")
UPDATABLE = frozenset({
    "kind", "compensation", "cause", "state", "waiting", "amount", "refunded", "refunded_at",
    "postage_payer", "return_courier", "return_tracking", "received_at", "received_note",
    "reship_courier", "reship_tracking", "check_ok", "check_note", "check_failed",
    "review_text", "review_rating", "review_changed_at", "approval_state", "approval_amount",
    "refund_no", "platform_state", "note", "updated_at", "due_at", "settled_at", "visited_at",
    "visit_outcome", "visit_note", "late_steps", "todo_id", "holder_id", "conversation_id"})
CHUNK = 500


def _marks(values: Iterable) -> str:
    return ", ".join("?" for _ in values)


# --- cases ---------------------------------------------------------------------------

def insert_case(store: Store, values: dict) -> int:
    return store.conn.execute(
        f"INSERT INTO aftersale_cases ({', '.join(values)}) VALUES ({_marks(values)})",
        tuple(values.values())).lastrowid


def update_case(store: Store, case_id: int, values: dict) -> None:
    unknown = set(values) - UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    assignments = ", ".join(f"{column} = ?" for column in values)
    store.conn.execute(f"UPDATE aftersale_cases SET {assignments} WHERE id = ?",
                       (*values.values(), case_id))


def case(store: Store, case_id: int) -> sqlite3.Row | None:
    return store.conn.execute(f"SELECT {CASE_COLUMNS} {CASE_FROM} WHERE c.id = ?",
                              (case_id,)).fetchone()


def cases_of_order(store: Store, order_id: str) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {CASE_COLUMNS} {CASE_FROM} WHERE c.order_id = ? ORDER BY c.id DESC",
        (order_id,)).fetchall()


def latest_open_case_of_buyer(store: Store, buyer_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        f"SELECT {CASE_COLUMNS} {CASE_FROM} WHERE c.buyer_id = ? AND c.due_at IS NOT NULL "
        "ORDER BY c.id DESC LIMIT 1", (buyer_id,)).fetchone()


def conversations_of_cases_opened(store: Store, since: float, until: float) -> set[int]:
    """The conversations of the buyers who had a case opened in [since, until)."""
    return {row[0] for row in store.conn.execute(
        "SELECT c.id FROM conversations c WHERE c.buyer_id IN (SELECT buyer_id FROM "
        "aftersale_cases WHERE opened_at >= ? AND opened_at < ?)", (since, until))}


def refunded_on_order(store: Store, order_id: str, except_case: int | None) -> float:
    """What the cases of an order (but ``except_case``) have refunded."""
    return store.conn.execute(
        "SELECT coalesce(sum(refunded), 0) FROM aftersale_cases WHERE order_id = ? "
        "AND id IS NOT ?", (order_id, except_case)).fetchone()[0]


def _where(*, agent_id: int | None, states: tuple[str, ...], waiting: str | None,
           open_only: bool, kind: str | None, cause: str | None, overdue_at: float | None,
           approval: str | None, order_id: str | None, buyer: str,
           for_count: bool = False) -> tuple[list[str], list]:
    """Conditions on the case row alone (the buyer through a subquery), so a list walks
    an index in ``list_key`` order and stops at its page."""
    clauses, params = [], []
    if agent_id is not None:
        # With another filter, a list walks that filter's index (in list order) and checks
        # the holder on the way: the unary + keeps SQLite from walking all of an agent's
        # cases instead. A count may use the holder's covering index, unless it searches.
        search = bool(buyer) or order_id is not None
        other = bool(states) or any(v is not None for v in (waiting, kind, cause, approval))
        plus = search or (other and not for_count)
        clauses.append("+c.holder_id = ?" if plus else "c.holder_id = ?")
        params.append(agent_id)
    if states:
        clauses.append(f"c.state IN ({_marks(states)})")
        params += states
    for column, value in (("waiting", waiting), ("kind", kind), ("cause", cause),
                          ("approval_state", approval), ("order_id", order_id)):
        if value is not None:
            clauses.append(f"c.{column} = ?")
            params.append(value)
    # Owing cases are those whose key is a due time; overdue ones, a due time passed.
    if overdue_at is not None:
        clauses.append("c.list_key < ?")
        params.append(overdue_at)
    elif open_only:
        clauses.append(f"c.list_key < {OWING_BELOW}")
    if buyer:
        # A nick anywhere in its text; an order id from its beginning (GLOB uses the index).
        escaped = buyer.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        prefix = "".join(f"[{ch}]" if ch in "*?[" else ch for ch in buyer)
        clauses.append("(c.buyer_id IN (SELECT id FROM buyers WHERE nick LIKE ? ESCAPE '\\') "
                       "OR c.order_id GLOB ?)")
        params += [f"%{escaped}%", f"{prefix}*"]
    return clauses, params


def _clause(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def find_cases(store: Store, limit: int = -1, offset: int = 0, **where) -> list[sqlite3.Row]:
    """Cases owing something, soonest due first; then the settled ones, newest first.

    Equal keys (a report imports many cases at one moment) come in the order of the index
    the filter walks: the same every time, so pages follow on; no tie-breaker, which
    would sort whole runs of equal keys."""
    clauses, params = _where(**where)
    return store.conn.execute(
        f"SELECT {CASE_COLUMNS} {CASE_FROM}{_clause(clauses)} ORDER BY c.list_key "
        "LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()


def count_cases(store: Store, **where) -> int:
    clauses, params = _where(**where, for_count=True)
    return store.conn.execute(f"SELECT count(*) FROM aftersale_cases c{_clause(clauses)}",
                              params).fetchone()[0]


def _sync_rows(store: Store, key: str, values: list[str], condition: str = ""
               ) -> dict[str, sqlite3.Row]:
    """What a refund report needs of the cases whose ``key`` is among ``values``, by key
    (the latest case when several share one)."""
    found = {}
    for start in range(0, len(values), CHUNK):
        chunk = values[start:start + CHUNK]
        for row in store.conn.execute(
                "SELECT id, order_id, state, waiting, platform_state, refunded, due_at, "
                f"todo_id, refund_no FROM aftersale_cases WHERE {key} IN ({_marks(chunk)})"
                f"{condition} ORDER BY id", chunk):
            found[row[key]] = row
    return found


def cases_by_refund_no(store: Store, refund_nos: list[str]) -> dict[str, sqlite3.Row]:
    return _sync_rows(store, "refund_no", refund_nos)


def unlinked_open_cases(store: Store, order_ids: list[str]) -> dict[str, sqlite3.Row]:
    """Per order, its latest open case not yet linked to a platform refund."""
    return _sync_rows(store, "order_id", order_ids,
                      " AND refund_no IS NULL AND due_at IS NOT NULL")


# --- steps ---------------------------------------------------------------------------

def insert_step(store: Store, values: dict) -> int:
    return store.conn.execute(
        f"INSERT INTO aftersale_steps ({', '.join(values)}) VALUES ({_marks(values)})",
        tuple(values.values())).lastrowid


def steps(store: Store, case_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {STEP_COLUMNS} FROM aftersale_steps s LEFT JOIN agents a ON a.id = s.agent_id "
        "WHERE s.case_id = ? ORDER BY s.id", (case_id,)).fetchall()


def steps_of_cases(store: Store, case_ids: list[int]) -> list[sqlite3.Row]:
    rows = []
    for start in range(0, len(case_ids), CHUNK):
        chunk = case_ids[start:start + CHUNK]
        rows += store.conn.execute(
            f"SELECT {STEP_COLUMNS} FROM aftersale_steps s "
            f"LEFT JOIN agents a ON a.id = s.agent_id WHERE s.case_id IN ({_marks(chunk)}) "
            "ORDER BY s.case_id, s.id", chunk).fetchall()
    return rows


def step_names_of_case(store: Store, case_id: int) -> set[str]:
    return {row[0] for row in store.conn.execute(
        "SELECT DISTINCT step FROM aftersale_steps WHERE case_id = ?", (case_id,))}


# --- evidence ------------------------------------------------------------------------

def insert_evidence(store: Store, values: dict) -> int | None:
    cursor = store.conn.execute(
        f"INSERT INTO aftersale_evidence ({', '.join(values)}) VALUES ({_marks(values)}) "
        "ON CONFLICT (case_id, source) DO NOTHING", tuple(values.values()))
    return cursor.lastrowid if cursor.rowcount else None


def evidence(store: Store, case_id: int) -> list[sqlite3.Row]:
    return store.conn.execute(
        f"SELECT {EVIDENCE_COLUMNS} FROM aftersale_evidence e "
        "LEFT JOIN agents a ON a.id = e.added_by WHERE e.case_id = ? ORDER BY e.id",
        (case_id,)).fetchall()


def buyer_images(store: Store, buyer_id: int) -> list[sqlite3.Row]:
    """Every picture the buyer sent in any of their conversations, oldest first."""
    return store.conn.execute(
        "SELECT m.id, m.uid, m.text, m.created_at FROM messages m "
        "JOIN conversations c ON c.id = m.conversation_id WHERE c.buyer_id = ? "
        "AND m.sender = 'buyer' AND m.kind = 'image' ORDER BY m.id", (buyer_id,)).fetchall()


def message(store: Store, message_id: int) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT m.id, m.uid, m.conversation_id, m.sender, m.kind, m.text, m.created_at, "
        "c.buyer_id FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "WHERE m.id = ?", (message_id,)).fetchone()


def chat_excerpt(store: Store, buyer_id: int, since: float, limit: int) -> list[sqlite3.Row]:
    """The buyer's messages with the shop from ``since``, oldest first (notes left out)."""
    return store.conn.execute(
        "SELECT m.created_at, m.sender, a.display_name AS agent_name, m.kind, m.text "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "LEFT JOIN agents a ON a.id = m.agent_id WHERE c.buyer_id = ? AND m.created_at >= ? "
        "AND m.sender != 'note' ORDER BY m.created_at, m.id LIMIT ?",
        (buyer_id, since, limit)).fetchall()


# --- figures -------------------------------------------------------------------------

def opened_between(store: Store, since: float, until: float) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT id, kind, cause, opened_by, opened_at, settled_at, due_at, late_steps, "
        "visited_at, review_changed_at FROM aftersale_cases "
        "WHERE opened_at >= ? AND opened_at < ?", (since, until)).fetchall()


def settled_between(store: Store, since: float, until: float) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT id, opened_by, opened_at, settled_at FROM aftersale_cases "
        "WHERE settled_at >= ? AND settled_at < ?", (since, until)).fetchall()


def refunds_between(store: Store, since: float, until: float) -> list[sqlite3.Row]:
    """Refunds made in the period: the order and who made it (the refund step's agent,
    else the case's opener)."""
    return store.conn.execute(
        "SELECT c.order_id, coalesce((SELECT s.agent_id FROM aftersale_steps s "
        "WHERE s.case_id = c.id AND s.amount IS NOT NULL AND s.step IN ('退款', '平台同步') "
        "ORDER BY s.id DESC LIMIT 1), c.opened_by) AS agent_id FROM aftersale_cases c "
        "WHERE c.refunded > 0 AND c.refunded_at >= ? AND c.refunded_at < ?",
        (since, until)).fetchall()


def paid_orders_between(store: Store, since: float, until: float) -> int:
    return store.conn.execute(
        "SELECT count(*) FROM orders WHERE paid_at >= ? AND paid_at < ?",
        (since, until)).fetchone()[0]


def approval_steps_between(store: Store, since: float, until: float) -> list[sqlite3.Row]:
    """Asked and granted approvals of the period, with the agent who asked."""
    return store.conn.execute(
        "SELECT s.step, s.case_id, (SELECT r.agent_id FROM aftersale_steps r "
        "WHERE r.case_id = s.case_id AND r.step = '申请审批' AND r.id <= s.id "
        "ORDER BY r.id DESC LIMIT 1) AS asked_by FROM aftersale_steps s "
        "WHERE s.step IN ('申请审批', '批准') AND s.at >= ? AND s.at < ?",
        (since, until)).fetchall()
