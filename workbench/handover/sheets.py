"""Handover sheets (交接单): what an outgoing agent leaves to the next shift.

A sheet lists the agent's open todos, the conversations still waiting or unfinished, the
orders they flagged for follow-up, the unpaid orders they are reminding (催付), and free
notes, one item per line. The incoming agent acknowledges items one by one or the whole
sheet; each acknowledged item becomes theirs:

- a todo is reassigned to them;
- a conversation is taken over by them (recorded as a transfer);
- a flagged order or a reminded unpaid order becomes a follow-up todo of theirs;
- a note is simply acknowledged.

The sheet and its items keep who handed what to whom and when.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from workbench import handover, orders, timefmt
from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.conversations import reception
from workbench.handover import Assignee, shifts
from workbench.store import Store, events, people
from workbench.store import handover as sheet_rows
from workbench.store import todos as todo_rows

KIND_NAMES = {"todo": "待办", "conversation": "会话", "order": "订单跟进",
              "reminder": "催付", "note": "备注"}
KIND_ORDER = tuple(KIND_NAMES)
ALL_SHEETS_ROLE = "supervisor"


@dataclass(frozen=True)
class ItemDraft:
    """An item before it is on a sheet (what the sheet would hold)."""

    kind: str
    ref: str | None
    title: str
    detail: str = ""
    buyer_nick: str | None = None
    order_id: str | None = None
    due_at: float | None = None

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)


@dataclass(frozen=True)
class SheetItem:
    id: int
    sheet_id: int
    kind: str
    ref: str | None
    title: str
    detail: str | None
    buyer_nick: str | None
    order_id: str | None
    due_at: float | None
    acknowledged_at: float | None
    acknowledged_by: int | None
    acknowledged_by_name: str | None

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


@dataclass(frozen=True)
class Sheet:
    id: int
    uid: str | None
    shift: str | None
    from_agent_id: int
    from_agent_name: str
    to_agent_id: int | None
    to_agent_name: str | None
    notes: str
    created_at: float
    acknowledged_at: float | None
    origin: str | None
    items_total: int
    items_acknowledged: int

    @property
    def state_name(self) -> str:
        if self.acknowledged_at is not None:
            return "已接收"
        return "部分接收" if self.items_acknowledged else "待接收"

    @property
    def title(self) -> str:
        receiver = self.to_agent_name or "下一班"
        return (f"{timefmt.minute(self.created_at)} {self.shift or ''} "
                f"{self.from_agent_name} → {receiver}").replace("  ", " ")


# ----------------------------------------------------------------------------- gathering

def _todo_draft(todo: handover.Todo) -> ItemDraft:
    parts = [todo.state, f"优先级 {handover.PRIORITY_NAMES.get(todo.priority, todo.priority)}"]
    if todo.detail:
        parts.append(todo.detail)
    return ItemDraft("todo", str(todo.id), todo.title, ";".join(parts), todo.buyer_nick,
                     todo.order_id, todo.due_at)


def gather(store: Store, agent: Agent, now: float, shift: str | None = None,
           notes: str = "") -> list[ItemDraft]:
    """What a sheet of ``agent`` would hold now: open todos (theirs and their shift's),
    unfinished conversations, flagged orders, reminded unpaid orders, then the notes."""
    drafts: list[ItemDraft] = []
    agent_ids = [agent.id]
    for row in todo_rows.filtered(store, handover.OPEN_STATES, agent_ids, shift,
                                           False):
        drafts.append(_todo_draft(handover.Todo(**row)))
    for row in sheet_rows.unfinished_conversations(store, agent.id):
        if row["waiting_since"] is not None:
            state = f"买家等待回复（自 {timefmt.minute(row['waiting_since'])}）"
        else:
            state = "接待中，尚未结束"
        drafts.append(ItemDraft("conversation", str(row["id"]),
                                f"会话：{row['buyer_nick']} — {state}",
                                f"最后一条：{row['last_preview'] or '—'}", row["buyer_nick"]))
    for row in sheet_rows.flagged_orders(store, agent.id):
        flag = orders.FLAG_NAMES.get(row["flag"], str(row["flag"]))
        detail = orders.STATUS_NAMES.get(row["status"], row["status"])
        if row["last_remark"]:
            detail += f"；最新备注：{row['last_remark']}"
        drafts.append(ItemDraft("order", row["id"], f"订单跟进：{row['id']}（{flag}旗）",
                                detail, row["buyer_nick"], row["id"]))
    for row in sheet_rows.reminded_unpaid_orders(store, agent.id):
        detail = f"已催付 {row['times']} 次，最近 {timefmt.minute(row['last_at'])}"
        if row["channel"]:
            detail += f"({row['channel']})"
        for key, word in (("reason", "未付原因"), ("outcome", "结果")):
            if row[key]:
                detail += f"；{word}：{row[key]}"
        drafts.append(ItemDraft("reminder", row["id"],
                                f"催付：{row['id']} ¥{row['total'] or 0:.2f}",
                                detail, row["buyer_nick"], row["id"]))
    for line in notes.splitlines():
        if line.strip():
            drafts.append(ItemDraft("note", None, line.strip()))
    return drafts


def build(store: Store, agent: Agent, now: float, *, shift: str | None = None,
          to_agent_id: int | None = None, notes: str = "") -> tuple[int, Changes]:
    """Record a sheet of what ``agent`` leaves open; returns its id.

    ``shift`` defaults to the agent's shift; ``to_agent_id`` None leaves it to whoever
    comes next.
    """
    if shift is None:
        current = shifts.shift_of(store, agent, now)
        shift = current.name if current else None
    elif shifts.find(store, shift) is None:
        raise Refused(f"没有名为“{shift}”的班次。", f"No shift called {shift!r}.")
    if to_agent_id == agent.id:
        raise Refused("交接单不能交给自己。", "A handover sheet cannot go to yourself.")
    with store.transaction():
        if to_agent_id is not None and people.agent_by_id(store, to_agent_id) is None:
            raise Refused(f"找不到接班客服 {to_agent_id}。", f"No incoming agent {to_agent_id}.")
        drafts = gather(store, agent, now, shift, notes)
        if not drafts:
            raise Refused("没有需要交接的事项；可以在备注里写下本班的重要信息。",
                          "Nothing to hand over; the notes can carry the shift's news.")
        sheet_id = sheet_rows.insert_sheet(store, {
            "uid": uuid.uuid4().hex, "shift": shift, "from_agent_id": agent.id,
            "to_agent_id": to_agent_id, "notes": notes.strip(), "created_at": now,
            "origin": "local"})
        _insert_items(store, sheet_id, drafts)
        events.record(store, now, agent.id, "handover.sheet", f"handover:{sheet_id}",
                      {"items": len(drafts), "to": to_agent_id, "shift": shift})
    return sheet_id, Changes()


def _insert_items(store: Store, sheet_id: int, drafts: list[ItemDraft]) -> None:
    for draft in drafts:
        sheet_rows.insert_item(store, {
            "sheet_id": sheet_id, "kind": draft.kind, "ref": draft.ref, "title": draft.title,
            "detail": draft.detail, "buyer_nick": draft.buyer_nick,
            "order_id": draft.order_id, "due_at": draft.due_at})


# ----------------------------------------------------------------------------- reading

def get(store: Store, sheet_id: int) -> Sheet | None:
    row = sheet_rows.sheet(store, sheet_id)
    return Sheet(**row) if row else None


def items(store: Store, sheet_id: int) -> list[SheetItem]:
    return [SheetItem(**row) for row in sheet_rows.items(store, sheet_id)]


def visible(store: Store, agent: Agent, *, pending_only: bool = False,
            limit: int = 200) -> list[Sheet]:
    """Sheets ``agent`` may see, newest first: supervisors see all; an agent sees what
    they handed over, what was handed to them, and sheets open to anyone."""
    agent_id = None if agent.role == ALL_SHEETS_ROLE else agent.id
    return [Sheet(**row) for row in sheet_rows.sheets(store, agent_id, pending_only, limit)]


def pending(store: Store, agent: Agent) -> list[Sheet]:
    return visible(store, agent, pending_only=True)


# ----------------------------------------------------------------------------- receiving

def _may_receive(sheet: Sheet, agent: Agent) -> None:
    if sheet.from_agent_id == agent.id:
        raise Refused("不能接收自己交出的交接单。", "You cannot receive your own handover sheet.")
    if sheet.to_agent_id is not None and sheet.to_agent_id != agent.id:
        raise Refused(f"这份交接单是交给 {sheet.to_agent_name} 的，只能由 TA 接收。",
                      f"This sheet is for {sheet.to_agent_name}; only they can receive it.")


def acknowledge(store: Store, sheet_id: int, item_ids: list[int] | None, agent: Agent,
                now: float) -> Changes:
    """``agent`` receives the listed items (None: every item not yet received). Each item
    becomes theirs; the sheet is closed once every item is received."""
    changes = Changes()
    with store.transaction():
        sheet = get(store, sheet_id)
        if sheet is None:
            raise Refused(f"找不到交接单 {sheet_id}。", f"No handover sheet {sheet_id}.")
        _may_receive(sheet, agent)
        by_id = {item.id: item for item in items(store, sheet_id)}
        if item_ids is None:
            chosen = [item for item in by_id.values() if not item.acknowledged]
        else:
            unknown = [item_id for item_id in item_ids if item_id not in by_id]
            if unknown:
                raise Refused(f"交接单 {sheet_id} 里没有第 {unknown[0]} 项。",
                              f"Handover sheet {sheet_id} has no item {unknown[0]}.")
            chosen = [by_id[item_id] for item_id in item_ids]
            taken = next((item for item in chosen if item.acknowledged), None)
            if taken is not None:
                raise Refused(f"“{taken.title}”已由 {taken.acknowledged_by_name} 接收。",
                              f"{taken.title!r} was already received by "
                              f"{taken.acknowledged_by_name}.")
        if sheet.to_agent_id is None:
            sheet_rows.set_receiver(store, sheet_id, agent.id)
        for item in chosen:
            changes |= _take_over(store, sheet, item, agent, now)
            sheet_rows.acknowledge_item(store, item.id, agent.id, now)
            events.record(store, now, agent.id, "handover.ack", f"handover:{sheet_id}",
                          {"item": item.id, "kind": item.kind, "ref": item.ref,
                           "from": sheet.from_agent_name})
        chosen_ids = {item.id for item in chosen}
        if all(item.acknowledged or item.id in chosen_ids for item in by_id.values()):
            sheet_rows.close_sheet(store, sheet_id, now)
            events.record(store, now, agent.id, "handover.closed", f"handover:{sheet_id}",
                          {"from": sheet.from_agent_name})
    return changes


def _take_over(store: Store, sheet: Sheet, item: SheetItem, agent: Agent,
               now: float) -> Changes:
    if item.kind == "todo" and item.ref:
        todo = handover.get(store, int(item.ref))
        if todo is not None and todo.is_open:
            return handover.reassign(store, todo.id, Assignee.agent(agent.id), agent, now,
                                     sheet_id=sheet.id)
        return Changes()
    if item.kind == "conversation" and item.ref:
        return reception.take_over(store, int(item.ref), agent, now, f"交接单 #{sheet.id}")
    if item.kind in ("order", "reminder"):
        order = orders.get(store, item.order_id) if item.order_id else None
        verb = "继续催付" if item.kind == "reminder" else "跟进订单"
        detail = f"{item.detail or ''}\n（交接单 #{sheet.id}，{sheet.from_agent_name} 交接）"
        return handover.add(
            store, f"{verb} {item.order_id or ''}".strip(), agent, now,
            detail=detail.strip(), order_id=order.id if order else None,
            buyer_id=_buyer_id(store, item.buyer_nick) if order is None else None,
            due_at=now + handover.PROMISE_HOURS * 3600)
    return Changes()


def _buyer_id(store: Store, nick: str | None) -> int | None:
    if not nick:
        return None
    row = people.buyer_by_nick(store, nick)
    return row["id"] if row else None
