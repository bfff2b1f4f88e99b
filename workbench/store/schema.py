"""Numbered migrations, tracked by ``PRAGMA user_version``.

A migration is appended, never edited once released: a store at version N is brought
to the latest by running migrations N+1.. in order, each in its own transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from workbench.store import logs
from workbench.store.accounts import _v6_sign_in_audit
from workbench.store.aftersale import migrate_aftersale, migrate_aftersale_follow_up
from workbench.store.customers import migrate_customers
from workbench.store.phrases import migrate_code_keys
from workbench.store.products import migrate_products
from workbench.store.standards import migrate_standards
from workbench.store.training import migrate_training


def _v1_core(conn: sqlite3.Connection) -> None:
    import sqlite_utils  # only needed when a store is created or migrated

    db = sqlite_utils.Database(conn)
    db["agents"].create(
        {"id": int, "name": str, "display_name": str, "role": str, "password_hash": str,
         "active": int, "created_at": float},
        pk="id", not_null={"name", "role"}, defaults={"role": "agent", "active": 1},
    )
    db["agents"].create_index(["name"], unique=True)
    db["buyers"].create(
        {"id": int, "nick": str, "tier": str, "tags": str, "created_at": float},
        pk="id", not_null={"nick"}, defaults={"tier": "普通", "tags": "[]"},
    )
    db["buyers"].create_index(["nick"], unique=True)
    db["conversations"].create(
        {"id": int, "buyer_id": int, "agent_id": int, "state": str, "unread": int,
         "waiting_since": float, "last_message_at": float, "last_preview": str,
         "draft": str, "created_at": float},
        pk="id", not_null={"buyer_id", "state"},
        defaults={"state": "waiting", "unread": 0, "last_preview": "", "draft": ""},
        foreign_keys=[("buyer_id", "buyers", "id"), ("agent_id", "agents", "id")],
    )
    db["conversations"].create_index(["buyer_id"])
    db["conversations"].create_index(["last_message_at"])
    db["messages"].create(
        {"id": int, "uid": str, "conversation_id": int, "sender": str, "agent_id": int,
         "kind": str, "text": str, "status": str, "created_at": float},
        pk="id", not_null={"uid", "conversation_id", "sender", "kind", "text", "status"},
        defaults={"kind": "text", "status": "received"},
        foreign_keys=[("conversation_id", "conversations", "id"), ("agent_id", "agents", "id")],
    )
    db["messages"].create_index(["uid"], unique=True)
    db["messages"].create_index(["conversation_id", "id"])

    db["phrase_packs"].create(
        {"id": int, "name": str, "version": int, "author": str, "scope": str,
         "agent_id": int, "imported_at": float},
        pk="id", not_null={"name", "scope"}, defaults={"version": 1, "scope": "team"},
        foreign_keys=[("agent_id", "agents", "id")],
    )
    db["phrase_groups"].create(
        {"id": int, "pack_id": int, "parent_id": int, "name": str, "position": int},
        pk="id", not_null={"pack_id", "name"}, defaults={"position": 0},
        foreign_keys=[("pack_id", "phrase_packs", "id"), ("parent_id", "phrase_groups", "id")],
    )
    db["phrases"].create(
        {"id": int, "pack_id": int, "group_id": int, "code": str, "text": str, "image": str,
         "keywords": str, "position": int, "use_count": int, "last_used_at": float},
        pk="id", not_null={"pack_id", "code", "text"},
        defaults={"position": 0, "use_count": 0, "keywords": ""},
        foreign_keys=[("pack_id", "phrase_packs", "id"), ("group_id", "phrase_groups", "id")],
    )
    db["phrases"].create_index(["pack_id", "code"], unique=True)

    db["orders"].create(
        {"id": str, "buyer_id": int, "status": str, "total": float, "paid": float,
         "postage": float, "refund": float, "created_at": float, "paid_at": float,
         "shipped_at": float, "finished_at": float, "receiver_name": str, "phone": str,
         "address": str, "courier": str, "tracking_no": str, "buyer_message": str,
         "source_remark": str, "flag": int},
        pk="id", not_null={"buyer_id", "status"}, defaults={"flag": 0},
        foreign_keys=[("buyer_id", "buyers", "id")],
    )
    db["orders"].create_index(["buyer_id", "created_at"])
    db["order_items"].create(
        {"id": int, "order_id": str, "title": str, "spec": str, "price": float,
         "quantity": int, "seller_code": str},
        pk="id", not_null={"order_id", "title"},
        foreign_keys=[("order_id", "orders", "id")],
    )
    db["order_items"].create_index(["order_id"])
    db["remarks"].create(
        {"id": int, "order_id": str, "agent_id": int, "content": str, "created_at": float,
         "edited_at": float},
        pk="id", not_null={"order_id", "agent_id", "content", "created_at"},
        foreign_keys=[("order_id", "orders", "id"), ("agent_id", "agents", "id")],
    )
    db["remarks"].create_index(["order_id", "id"])
    db["flag_changes"].create(
        {"id": int, "order_id": str, "agent_id": int, "old_flag": int, "new_flag": int,
         "changed_at": float},
        pk="id", not_null={"order_id", "new_flag", "changed_at"},
        foreign_keys=[("order_id", "orders", "id"), ("agent_id", "agents", "id")],
    )
    db["flag_changes"].create_index(["order_id"])

    db["todos"].create(
        {"id": int, "title": str, "detail": str, "priority": int, "buyer_id": int,
         "conversation_id": int, "order_id": str, "creator_id": int, "assignee_id": int,
         "due_at": float, "remind_at": float, "state": str, "created_at": float,
         "updated_at": float},
        pk="id", not_null={"title", "state", "created_at"},
        defaults={"priority": 1, "state": "未执行", "detail": ""},
        foreign_keys=[("buyer_id", "buyers", "id"), ("conversation_id", "conversations", "id"),
                      ("order_id", "orders", "id"), ("creator_id", "agents", "id"),
                      ("assignee_id", "agents", "id")],
    )
    db["todos"].create_index(["state", "due_at"])

    db["events"].create(
        {"id": int, "at": float, "agent_id": int, "kind": str, "subject": str, "detail": str},
        pk="id", not_null={"at", "kind"},
        foreign_keys=[("agent_id", "agents", "id")],
    )
    db["settings"].create({"key": str, "value": str}, pk="key")


def _v2_reception_search_handover(conn: sqlite3.Connection) -> None:
    """Agent status and capacity, transfers，催付 register, handover sheets, search indexes."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    db["agents"].add_column("status", str, not_null_default="online")
    db["agents"].add_column("capacity", int, not_null_default=20)
    db["agents"].add_column("team_group", str, not_null_default="")
    db["conversations"].add_column("ended_at", float)
    # The id a conversation had where it came from (an imported log, a network channel).
    db["conversations"].add_column("external_id", str)
    db["conversations"].create_index(["external_id"], unique=True)
    db["transfers"].create(
        {"id": int, "conversation_id": int, "from_agent_id": int, "to_agent_id": int,
         "to_group": str, "reason": str, "at": float},
        pk="id", not_null={"conversation_id", "at"},
        foreign_keys=[("conversation_id", "conversations", "id"),
                      ("from_agent_id", "agents", "id"), ("to_agent_id", "agents", "id")],
    )
    db["transfers"].create_index(["conversation_id"])
    db["reminders"].create(
        {"id": int, "order_id": str, "agent_id": int, "at": float, "channel": str,
         "reason": str, "outcome": str},
        pk="id", not_null={"order_id", "at"},
        foreign_keys=[("order_id", "orders", "id"), ("agent_id", "agents", "id")],
    )
    db["reminders"].create_index(["order_id"])
    # A todo is assigned to an agent, a shift (by name) or the whole team.
    db["todos"].add_column("assignee_kind", str, not_null_default="agent")
    db["todos"].add_column("assignee_shift", str)
    db["handover_sheets"].create(
        {"id": int, "shift": str, "from_agent_id": int, "to_agent_id": int, "notes": str,
         "created_at": float, "acknowledged_at": float},
        pk="id", not_null={"from_agent_id", "created_at"}, defaults={"notes": ""},
        foreign_keys=[("from_agent_id", "agents", "id"), ("to_agent_id", "agents", "id")],
    )
    db["handover_items"].create(
        {"id": int, "sheet_id": int, "kind": str, "ref": str, "title": str, "detail": str,
         "acknowledged_at": float, "acknowledged_by": int},
        pk="id", not_null={"sheet_id", "kind", "title"},
        foreign_keys=[("sheet_id", "handover_sheets", "id"),
                      ("acknowledged_by", "agents", "id")],
    )
    db["handover_items"].create_index(["sheet_id"])
    # Chinese full-text search: jieba-segmented words, space-separated, in FTS5 tables whose
    # rowid is the phrase or message id. Messages are indexed without a stored copy.
    conn.execute("CREATE VIRTUAL TABLE phrase_index USING fts5(terms, initials)")
    conn.execute("CREATE VIRTUAL TABLE message_index USING fts5(terms, content='')")


def _v3_todo_reminders_handover_exchange(conn: sqlite3.Connection) -> None:
    """待办 reminders fire once; filters by assignee stay fast; handover sheets carry the
    uid of their exchange file (a second import is refused) and items keep a snapshot of
    the buyer, order and due time they were handed over with."""
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    db["todos"].add_column("reminded_at", float)
    db["todos"].create_index(["assignee_id", "state", "due_at"])
    db["todos"].create_index(["assignee_shift", "state", "due_at"])
    conn.execute("CREATE INDEX todos_pending_reminder ON todos (remind_at) "
                 "WHERE remind_at IS NOT NULL AND reminded_at IS NULL")
    db["handover_sheets"].add_column("uid", str)
    db["handover_sheets"].add_column("origin", str)
    db["handover_sheets"].create_index(["uid"], unique=True)
    db["handover_items"].add_column("buyer_nick", str)
    db["handover_items"].add_column("order_id", str)
    db["handover_items"].add_column("due_at", float)


def _v4_log_search_and_figures(conn: sqlite3.Connection) -> None:
    """Supervision reads messages by time (figures of a period, filtered log searches
    newest first) and by agent (an agent sees only the conversations they took part in)."""
    conn.execute("CREATE INDEX messages_created_at ON messages (created_at)")
    conn.execute("CREATE INDEX messages_agent ON messages (agent_id, conversation_id) "
                 "WHERE agent_id IS NOT NULL")
    conn.execute("CREATE INDEX conversations_agent ON conversations (agent_id)")


def _v5_reply_lookup(conn: sqlite3.Connection) -> None:
    """Whether the agent has answered a conversation is asked for every listed
    conversation at start-up; this index answers it without reading the messages."""
    conn.execute("CREATE INDEX idx_messages_conversation_sender "
                 "ON messages (conversation_id, sender)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_core,
    _v2_reception_search_handover,
    _v3_todo_reminders_handover_exchange,
    _v4_log_search_and_figures,
    _v5_reply_lookup,
    logs.migrate_to_character_index,
    _v6_sign_in_audit,
    migrate_aftersale,
    migrate_standards,
    migrate_training,
    migrate_customers,
    migrate_products,
    migrate_aftersale_follow_up,
    migrate_code_keys,
]
LATEST = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, target: int | None = None,
            migrations: list[Callable[[sqlite3.Connection], None]] = MIGRATIONS) -> None:
    """Bring a file to ``target`` (default: the latest of ``migrations``); a file newer than
    this program is refused."""
    latest = len(migrations)
    target = latest if target is None else target
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > latest:
        from workbench.store.db import StoreError

        raise StoreError(
            f"数据文件的版本（{version}）比本程序（{latest}）新，请先升级工作台。",
            f"The store is version {version}, newer than this program ({latest}); "
            "upgrade the workbench first.",
        )
    for number in range(version + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            migrations[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
