"""待办 items: follow-ups promised to buyers, and what one shift hands to the next.

A todo is assigned to an agent, a shift (by name) or the whole team. Every change is
recorded in the events table under the subject ``todo:ID``, which is the item's history.
Shifts live in :mod:`workbench.handover.shifts`, handover sheets in
:mod:`workbench.handover.sheets`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from workbench import orders, timefmt
from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.store import Store, chat, events, people
from workbench.store import todos as todo_rows

STATES = ("未执行", "执行中", "完成", "超时", "取消", "忽略")
ACTIVE_STATES = ("未执行", "执行中")          # can still turn 超时
OPEN_STATES = ("未执行", "执行中", "超时")     # someone still has to act
DONE_STATES = ("完成", "取消", "忽略")
PROMISE_HOURS = 24  # a promised lookup is answered within a day
TITLE_LIMIT = 200
PRIORITY_NAMES = {0: "低", 1: "普通", 2: "紧急"}
ASSIGNEE_KINDS = ("agent", "shift", "team")
TEAM_WORDS = ("team", "全组", "全体", "团队")

# The panel's filters: whose items, and which states.
SCOPES = {"mine": "我的", "shift": "本班次", "team": "全组"}
VIEWS = {"open": OPEN_STATES, "overdue": ("超时",), "done": DONE_STATES}
VIEW_NAMES = {"open": "未完成", "overdue": "已超时", "done": "已结束"}


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
    creator_name: str | None
    assignee_kind: str
    assignee_id: int | None
    assignee_name: str | None
    assignee_shift: str | None
    due_at: float | None
    remind_at: float | None
    reminded_at: float | None
    state: str
    created_at: float
    updated_at: float | None

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def assignee(self) -> Assignee:
        return Assignee(self.assignee_kind, self.assignee_id, self.assignee_shift)

    @property
    def assignee_label(self) -> str:
        if self.assignee_kind == "shift":
            return f"{self.assignee_shift}（班次）"
        if self.assignee_kind == "team":
            return "全组"
        return self.assignee_name or "—"


@dataclass(frozen=True)
class Assignee:
    """Who holds an item: an agent (``agent_id``), a shift (``shift``) or the whole team."""

    kind: str = "agent"
    agent_id: int | None = None
    shift: str | None = None

    @classmethod
    def agent(cls, agent_id: int) -> Assignee:
        return cls("agent", agent_id, None)

    @classmethod
    def of_shift(cls, name: str) -> Assignee:
        return cls("shift", None, name)

    @classmethod
    def team(cls) -> Assignee:
        return cls("team", None, None)


@dataclass(frozen=True)
class TodoChange:
    """One line of an item's history."""

    at: float
    agent_name: str | None
    kind: str
    text: str


# ----------------------------------------------------------------------------- checks

def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise Refused("待办标题不能为空。", "A todo needs a title.")
    if len(title) > TITLE_LIMIT:
        raise Refused(f"待办标题最长 {TITLE_LIMIT} 字，现在 {len(title)} 字；"
                      "详细内容请写在说明里。",
                      f"A todo title has at most {TITLE_LIMIT} characters, this one {len(title)}; "
                      "put the details in the description.")
    return title


def _check_priority(priority: int) -> None:
    if priority not in PRIORITY_NAMES:
        raise Refused("优先级只能是 0、1 或 2。", "The priority is 0, 1 or 2.")


def _check_assignee(store: Store, assignee: Assignee) -> Assignee:
    if assignee.kind not in ASSIGNEE_KINDS:
        raise Refused(f"未知的指派对象类型：{assignee.kind}",
                      f"Unknown kind of assignee: {assignee.kind}")
    if assignee.kind == "agent":
        if assignee.agent_id is None or people.agent_by_id(store, assignee.agent_id) is None:
            raise Refused(f"找不到客服 {assignee.agent_id}。", f"No agent {assignee.agent_id}.")
        return Assignee.agent(assignee.agent_id)
    if assignee.kind == "shift":
        from workbench.handover import shifts

        if not assignee.shift or shifts.find(store, assignee.shift) is None:
            raise Refused(f"没有名为“{assignee.shift}”的班次。",
                          f"No shift called {assignee.shift!r}.")
        return Assignee.of_shift(assignee.shift)
    return Assignee.team()


def _links(store: Store, buyer_id: int | None, conversation_id: int | None,
           order_id: str | None) -> int | None:
    """Check the linked buyer, conversation and order; the buyer follows from the others."""
    if order_id is not None:
        order = orders.get(store, order_id)
        if order is None:
            raise Refused(f"找不到订单 {order_id}。", f"No order {order_id}.")
        if buyer_id is not None and buyer_id != order.buyer_id:
            raise Refused(f"订单 {order_id} 不属于这位买家。",
                          f"Order {order_id} is not this buyer's.")
        buyer_id = order.buyer_id
    if conversation_id is not None:
        conversation = chat.conversation(store, conversation_id)
        if conversation is None:
            raise Refused(f"找不到会话 {conversation_id}。", f"No conversation {conversation_id}.")
        if buyer_id is not None and buyer_id != conversation["buyer_id"]:
            raise Refused("会话和订单不属于同一位买家。",
                          "The conversation and the order belong to different buyers.")
        buyer_id = conversation["buyer_id"]
    if buyer_id is not None and people.buyer_by_id(store, buyer_id) is None:
        raise Refused(f"找不到买家 {buyer_id}。", f"No buyer {buyer_id}.")
    return buyer_id


def _describe_assignee(store: Store, assignee: Assignee) -> str:
    if assignee.kind == "shift":
        return f"{assignee.shift}（班次）"
    if assignee.kind == "team":
        return "全组"
    row = people.agent_by_id(store, assignee.agent_id) if assignee.agent_id else None
    return (row["display_name"] or row["name"]) if row else "—"


# ----------------------------------------------------------------------------- changes

def add(store: Store, title: str, creator: Agent, now: float, *, detail: str = "",
        priority: int = 1, buyer_id: int | None = None, conversation_id: int | None = None,
        order_id: str | None = None, assignee_id: int | None = None,
        due_at: float | None = None, remind_at: float | None = None,
        assignee: Assignee | None = None) -> Changes:
    """Create an open item; the new id is the one in ``Changes.todos``.

    Without ``assignee`` (or ``assignee_id``) the item is the creator's own.
    """
    title = _clean_title(title)
    _check_priority(priority)
    _check_time(due_at, now, "到期时间", "due time")
    _check_time(remind_at, now, "提醒时间", "reminder time")
    if assignee is None:
        assignee = Assignee.agent(assignee_id or creator.id)
    with store.transaction():
        assignee = _check_assignee(store, assignee)
        buyer_id = _links(store, buyer_id, conversation_id, order_id)
        todo_id = todo_rows.insert(store, {
            "title": title, "detail": detail.strip(), "priority": priority,
            "buyer_id": buyer_id, "conversation_id": conversation_id, "order_id": order_id,
            "creator_id": creator.id, "assignee_kind": assignee.kind,
            "assignee_id": assignee.agent_id, "assignee_shift": assignee.shift,
            "due_at": due_at, "remind_at": remind_at, "state": "未执行",
            "created_at": now, "updated_at": now,
        })
        events.record(store, now, creator.id, "todo.add", f"todo:{todo_id}", {
            "title": title, "assignee": _describe_assignee(store, assignee),
            "due_at": due_at, "priority": priority})
    return Changes(todos=frozenset({todo_id}))


def _check_time(at: float | None, now: float, zh_name: str, en_name: str) -> None:
    """A due or reminder time must be one a person could mean (see timefmt.SANE_YEARS)."""
    if at is not None and not timefmt.in_sane_range(at, now):
        raise Refused(f"{zh_name}超出范围：只能设在 2000 年到今后 {timefmt.SANE_YEARS} 年之间。",
                      f"The {en_name} is out of range: it must lie between 2000 and "
                      f"{timefmt.SANE_YEARS} years from now.")


def get(store: Store, todo_id: int) -> Todo | None:
    row = todo_rows.get(store, todo_id)
    return Todo(**row) if row else None


def _require(store: Store, todo_id: int) -> Todo:
    todo = get(store, todo_id)
    if todo is None:
        raise Refused(f"找不到待办 {todo_id}。", f"No todo {todo_id}.")
    return todo


def set_state(store: Store, todo_id: int, state: str, agent: Agent, now: float) -> Changes:
    if state not in STATES:
        raise Refused(f"未知的待办状态：{state}", f"Unknown todo state: {state}")
    with store.transaction():
        todo = _require(store, todo_id)
        if todo.state == state:
            return Changes()
        todo_rows.set_state(store, todo_id, state, now)
        events.record(store, now, agent.id, "todo.state", f"todo:{todo_id}",
                      {"old": todo.state, "new": state})
    return Changes(todos=frozenset({todo_id}))


_UNSET = object()


def update(store: Store, todo_id: int, agent: Agent, now: float, *, title=_UNSET,
           detail=_UNSET, priority=_UNSET, due_at=_UNSET, remind_at=_UNSET,
           assignee: Assignee | None = None, buyer_id=_UNSET, conversation_id=_UNSET,
           order_id=_UNSET) -> Changes:
    """Change some fields of an item; each changed field goes into its history.

    Moving the due time of an overdue item into the future opens it again; a new
    reminder time fires again.
    """
    with store.transaction():
        todo = _require(store, todo_id)
        values: dict = {}
        if title is not _UNSET:
            values["title"] = _clean_title(title)
        if detail is not _UNSET:
            values["detail"] = (detail or "").strip()
        if priority is not _UNSET:
            _check_priority(priority)
            values["priority"] = priority
        if due_at is not _UNSET:
            _check_time(due_at, now, "到期时间", "due time")
            values["due_at"] = due_at
        if remind_at is not _UNSET:
            _check_time(remind_at, now, "提醒时间", "reminder time")
            values["remind_at"] = remind_at
            if remind_at != todo.remind_at:
                values["reminded_at"] = None
        if assignee is not None:
            assignee = _check_assignee(store, assignee)
            values.update(assignee_kind=assignee.kind, assignee_id=assignee.agent_id,
                          assignee_shift=assignee.shift)
        if {buyer_id, conversation_id, order_id} != {_UNSET}:
            new_buyer = todo.buyer_id if buyer_id is _UNSET else buyer_id
            new_conversation = (todo.conversation_id if conversation_id is _UNSET
                                else conversation_id)
            new_order = todo.order_id if order_id is _UNSET else order_id
            values.update(buyer_id=_links(store, new_buyer, new_conversation, new_order),
                          conversation_id=new_conversation, order_id=new_order)
        if (todo.state == "超时" and values.get("due_at") is not None
                and values["due_at"] > now):
            values["state"] = "未执行"
        changed = {key: [getattr(todo, key), value] for key, value in values.items()
                   if getattr(todo, key) != value and key != "reminded_at"}
        if not changed:
            return Changes()
        if assignee is not None and assignee != todo.assignee:
            changed["assignee"] = [_describe_assignee(store, todo.assignee),
                                   _describe_assignee(store, assignee)]
        todo_rows.update(store, todo_id, values, now)
        events.record(store, now, agent.id, "todo.edit", f"todo:{todo_id}", changed)
    return Changes(todos=frozenset({todo_id}))


def reassign(store: Store, todo_id: int, assignee: Assignee, agent: Agent, now: float,
             sheet_id: int | None = None) -> Changes:
    """Hand an item to someone else; a handover records which sheet it came by."""
    with store.transaction():
        todo = _require(store, todo_id)
        assignee = _check_assignee(store, assignee)
        if todo.assignee == assignee:
            return Changes()
        todo_rows.update(store, todo_id, {
            "assignee_kind": assignee.kind, "assignee_id": assignee.agent_id,
            "assignee_shift": assignee.shift}, now)
        events.record(store, now, agent.id, "todo.handover" if sheet_id else "todo.assign",
                      f"todo:{todo_id}", {
                          "old": _describe_assignee(store, todo.assignee),
                          "new": _describe_assignee(store, assignee), "sheet": sheet_id})
    return Changes(todos=frozenset({todo_id}))


def mark_overdue(store: Store, now: float) -> Changes:
    """Turn every item whose due time has passed into 超时；the UI calls this on a timer."""
    # Read first: most ticks find nothing, and then no write transaction is taken.
    if not todo_rows.overdue_candidates(store, ACTIVE_STATES, now):
        return Changes()
    with store.transaction():
        late = todo_rows.overdue_candidates(store, ACTIVE_STATES, now)
        for row in late:
            todo_rows.set_state(store, row["id"], "超时", now)
            events.record(store, now, None, "todo.overdue", f"todo:{row['id']}",
                          {"old": row["state"], "new": "超时"})
    return Changes(todos=frozenset(row["id"] for row in late))


def take_reminders(store: Store, agent: Agent, now: float) -> tuple[list[Todo], Changes]:
    """The open items of ``agent`` (theirs, their shift's, the team's) whose reminder time
    has come and that have not reminded yet; they are marked as reminded."""
    from workbench.handover import shifts

    shift = shifts.shift_of(store, agent, now)
    due = [Todo(**row) for row in todo_rows.pending_reminders(store, OPEN_STATES, now)]
    mine = [t for t in due if (t.assignee_kind == "agent" and t.assignee_id == agent.id)
            or t.assignee_kind == "team"
            or (t.assignee_kind == "shift" and shift is not None
                and t.assignee_shift == shift.name)]
    if not mine:
        return [], Changes()
    with store.transaction():
        for todo in mine:
            todo_rows.update(store, todo.id, {"reminded_at": now}, now)
            events.record(store, now, agent.id, "todo.remind", f"todo:{todo.id}",
                          {"remind_at": todo.remind_at})
    return mine, Changes(todos=frozenset(t.id for t in mine))


# ----------------------------------------------------------------------------- queries

def open_items(store: Store) -> list[Todo]:
    return [Todo(**row) for row in todo_rows.listing(store, OPEN_STATES)]


def items_in(store: Store, states: tuple[str, ...]) -> list[Todo]:
    return [Todo(**row) for row in todo_rows.listing(store, states)]


def listing(store: Store, states: tuple[str, ...],
            assignee: Assignee | None = None) -> list[Todo]:
    """Items in ``states`` held by exactly ``assignee`` (None: by anyone), soonest due first."""
    if assignee is None:
        rows = todo_rows.filtered(store, states, None, None, True)
    elif assignee.kind == "agent":
        rows = todo_rows.filtered(store, states, [assignee.agent_id], None, False)
    else:
        rows = todo_rows.filtered(store, states, [], assignee.shift, assignee.kind == "team")
    return [Todo(**row) for row in rows]


def _scope(store: Store, agent: Agent, scope: str,
           now: float) -> tuple[list[int] | None, str | None, bool]:
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    if scope == "team":
        return None, None, True
    if scope == "mine":
        return [agent.id], None, False
    from workbench.handover import shifts

    shift = shifts.shift_of(store, agent, now)
    ids = [agent.id]
    if shift is not None:
        for name in shift.agents:
            row = people.agent_by_name(store, name)
            if row is not None and row["id"] not in ids:
                ids.append(row["id"])
    return ids, shift.name if shift else None, True


def filtered(store: Store, agent: Agent, scope: str, view: str, now: float, *,
             limit: int = -1, offset: int = 0) -> list[Todo]:
    """The panel's list: ``scope`` in SCOPES (mine / my shift / team), ``view`` in VIEWS
    (open / overdue / done), soonest due first.

    "My shift" holds my items, those of the shift I am on and of its agents, and the
    team's; "team" holds every item.
    """
    agent_ids, shift, team = _scope(store, agent, scope, now)
    return [Todo(**row) for row in todo_rows.filtered(store, VIEWS[view], agent_ids, shift,
                                                      team, limit, offset)]


def count(store: Store, agent: Agent, scope: str, view: str, now: float) -> int:
    agent_ids, shift, team = _scope(store, agent, scope, now)
    return todo_rows.count(store, VIEWS[view], agent_ids, shift, team)


def conversation_for_buyer(store: Store, buyer_id: int) -> int | None:
    """Where to jump for a buyer: their open conversation, else their latest one."""
    from workbench.store import handover as sheet_rows

    return sheet_rows.latest_conversation(store, buyer_id)


def resolve_assignee(store: Store, text: str) -> Assignee:
    """An agent (login or display name), a shift name (``shift:NAME`` also works) or the
    whole team (``team`` / ``全组``)."""
    from workbench.handover import shifts

    text = text.strip()
    if text.lower() in TEAM_WORDS:
        return Assignee.team()
    prefix, colon, rest = text.replace("：", ":").partition(":")
    if colon and prefix.strip().lower() in ("shift", "班次"):
        name = rest.strip()
        if shifts.find(store, name) is None:
            raise Refused(f"没有名为“{name}”的班次。", f"No shift called {name!r}.")
        return Assignee.of_shift(name)
    row = people.agent_by_name(store, text)
    if row is None:
        row = next((r for r in people.all_agents(store) if r["display_name"] == text), None)
    if row is not None:
        return Assignee.agent(row["id"])
    if shifts.find(store, text) is not None:
        return Assignee.of_shift(text)
    raise Refused(f"没有叫“{text}”的客服或班次（全组请写 team）。",
                  f"No agent or shift called {text!r} (write team for everyone).")


def history(store: Store, todo_id: int) -> list[TodoChange]:
    """Every recorded change of the item, oldest first, in words."""
    names: dict[int, str] = {}
    result = []
    for row in events.for_subject(store, f"todo:{todo_id}"):
        agent_id = row["agent_id"]
        if agent_id is not None and agent_id not in names:
            agent = people.agent_by_id(store, agent_id)
            names[agent_id] = (agent["display_name"] or agent["name"]) if agent else "?"
        detail = json.loads(row["detail"] or "{}")
        result.append(TodoChange(row["at"], names.get(agent_id) if agent_id else None,
                                 row["kind"], _describe_event(row["kind"], detail)))
    return result


FIELD_NAMES = {"title": "标题", "detail": "说明", "priority": "优先级", "due_at": "到期时间",
               "remind_at": "提醒时间", "assignee": "指派给", "buyer_id": "买家",
               "conversation_id": "会话", "order_id": "订单", "state": "状态"}


def _value(key: str, value) -> str:
    if value is None or value == "":
        return "无"
    if key in ("due_at", "remind_at"):
        return timefmt.minute(value)
    if key == "priority":
        return PRIORITY_NAMES.get(value, str(value))
    return str(value)


def _describe_event(kind: str, detail: dict) -> str:
    if kind == "todo.add":
        due = detail.get("due_at")
        return (f"创建，指派给 {detail.get('assignee', '—')}"
                + (f"，{timefmt.minute(due)} 到期" if due else ""))
    if kind == "todo.state":
        return f"状态 {detail.get('old')} → {detail.get('new')}"
    if kind == "todo.overdue":
        return f"已过到期时间，自动由 {detail.get('old')} 转为 超时"
    if kind == "todo.remind":
        return "提醒已发出"
    if kind in ("todo.assign", "todo.handover"):
        via = f"（交接单 #{detail['sheet']}）" if detail.get("sheet") else ""
        return f"改由 {detail.get('new')} 负责，原为 {detail.get('old')}{via}"
    if kind == "todo.import":
        return f"从交接文件导入（来自 {detail.get('from', '?')}）"
    if kind == "todo.edit":
        parts = []
        for key, (old, new) in detail.items():
            if key in ("assignee_kind", "assignee_id", "assignee_shift"):
                continue
            parts.append(f"{FIELD_NAMES.get(key, key)}：{_value(key, old)} → {_value(key, new)}")
        return "；".join(parts) or "修改"
    return kind
