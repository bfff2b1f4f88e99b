"""待办 items: follow-ups promised to buyers, and what one shift hands to the next."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.store import Store, events
from workbench.store import todos as todo_rows

STATES = ("未执行", "执行中", "完成", "超时", "取消", "忽略")
OPEN_STATES = ("未执行", "执行中", "超时")
PROMISE_HOURS = 24  # a promised lookup is answered within a day


@dataclass(frozen=True)
class Todo:
    id: int
    title: str
    detail: str
    priority: int
    buyer_id: int | None
    buyer_nick: str | None
    conversation_id: int | None
    order_id: str | None
    creator_id: int | None
    assignee_id: int | None
    due_at: float | None
    remind_at: float | None
    state: str
    created_at: float
    updated_at: float | None


def add(store: Store, title: str, creator: Agent, now: float, *, detail: str = "",
        priority: int = 1, buyer_id: int | None = None, conversation_id: int | None = None,
        order_id: str | None = None, assignee_id: int | None = None,
        due_at: float | None = None) -> Changes:
    """Create an open item; the new id is the one in ``Changes.todos``."""
    title = title.strip()
    if not title:
        raise Refused("待办标题不能为空。")
    if priority not in (0, 1, 2):
        raise Refused("优先级只能是 0、1 或 2。")
    with store.transaction():
        todo_id = todo_rows.insert(store, {
            "title": title, "detail": detail, "priority": priority, "buyer_id": buyer_id,
            "conversation_id": conversation_id, "order_id": order_id,
            "creator_id": creator.id, "assignee_id": assignee_id or creator.id,
            "due_at": due_at, "state": "未执行", "created_at": now, "updated_at": now,
        })
        events.record(store, now, creator.id, "todo.add", f"todo:{todo_id}", {"title": title})
    return Changes(todos=frozenset({todo_id}))


def get(store: Store, todo_id: int) -> Todo | None:
    row = todo_rows.get(store, todo_id)
    return Todo(**row) if row else None


def set_state(store: Store, todo_id: int, state: str, agent: Agent, now: float) -> Changes:
    if state not in STATES:
        raise Refused(f"未知的待办状态:{state}")
    with store.transaction():
        todo = get(store, todo_id)
        if todo is None:
            raise Refused(f"找不到待办 {todo_id}。")
        todo_rows.set_state(store, todo_id, state, now)
        events.record(store, now, agent.id, "todo.state", f"todo:{todo_id}",
                      {"old": todo.state, "new": state})
    return Changes(todos=frozenset({todo_id}))


def open_items(store: Store) -> list[Todo]:
    return [Todo(**row) for row in todo_rows.listing(store, OPEN_STATES)]


def items_in(store: Store, states: tuple[str, ...]) -> list[Todo]:
    return [Todo(**row) for row in todo_rows.listing(store, states)]
