"""What is done to a case: open it, take a step, revise it, attach the buyer's pictures.

Each operation writes one transaction and returns the ``Changes``. The case's todo (its
line on the 待办 panel and on the handover sheet) is opened, moved and closed by the
same operations, in the same transaction: see docs/aftersale.md, "The case on 待办".
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from workbench import handover, orders, timefmt
from workbench.accounts import Agent, permissions
from workbench.aftersale import (
    APPROVAL_ASKED,
    APPROVAL_GRANTED,
    APPROVAL_REFUSED,
    COMPENSATION,
    COMPENSATIONS,
    EXCHANGE,
    KINDS,
    PAYING_KINDS,
    PENDING,
    RETURN_REFUND,
    SETTLED,
    VISIT_OUTCOMES,
    VISITED,
    Case,
    case_no,
    machine,
    policy,
    postage_payer,
    require,
)
from workbench.aftersale.wording import refusal_reason
from workbench.changes import Changes, Refused
from workbench.orders import NEVER_PAID
from workbench.paths import images_dir
from workbench.store import Store, chat
from workbench.store import aftersale as case_rows
from workbench.textnorm import match_key

NOT_SHIPPED = "WAIT_SELLER_SEND_GOODS"
NEEDS_GOODS_SENT = (RETURN_REFUND, EXCHANGE, "补发")
_UNSET = object()


@dataclass(frozen=True)
class ConditionCheck:
    """The 退换货条件 the course names: within the days allowed (七天无理由 counts from
    signing), tags intact, unused."""

    within_days: bool = True
    tags_intact: bool = True
    unused: bool = True

    @property
    def ok(self) -> bool:
        return self.within_days and self.tags_intact and self.unused

    def _named(self) -> tuple[tuple[str, bool], ...]:
        return tuple(zip(CONDITIONS, (self.within_days, self.tags_intact, self.unused),
                         strict=True))

    def failed(self) -> tuple[str, ...]:
        """The conditions not met, by name (CONDITIONS)."""
        return tuple(name for name, met in self._named() if not met)

    def describe(self) -> str:
        return "；".join(f"{name}：{'是' if met else '否'}" for name, met in self._named())

    @classmethod
    def unmet(cls, names: list[str]) -> ConditionCheck:
        """The check with ``names`` (CONDITIONS, in Chinese or English) not met."""
        keys = {match_key(name): field for field, words in _CONDITION_WORDS.items()
                for name in words}
        failed = set()
        for name in names:
            field = keys.get(match_key(name))
            if field is None:
                raise Refused(f"看不懂退换货条件“{name}”；可用：{'、'.join(CONDITIONS)}。",
                              f"Unknown return condition {name!r}; use within-days, tags "
                              "or unused.")
            failed.add(field)
        return cls(**{field: field not in failed for field in _CONDITION_WORDS})


# The 退换货条件 by name, and the words the command line takes for them.
CONDITIONS = ("七天内", "吊牌完好", "未使用")
_CONDITION_WORDS = {
    "within_days": (CONDITIONS[0], "七天", "7天内", "within-days", "days", "7-day"),
    "tags_intact": (CONDITIONS[1], "吊牌", "tags", "tags-intact"),
    "unused": (CONDITIONS[2], "unused"),
}


# --- amounts ---------------------------------------------------------------------------

def refundable(store: Store, order_id: str, except_case: int | None = None
               ) -> tuple[float, float]:
    """(what the buyer paid, what may still be refunded) on an order.

    Already refunded is the larger of the back office's 退款金额 and what our cases have
    refunded (the report may well hold the same refunds)."""
    order = orders.get(store, order_id)
    if order is None:
        return 0.0, 0.0
    paid = order.paid if order.paid is not None else (order.total or 0.0)
    already = max(order.refund or 0.0, case_rows.refunded_on_order(store, order_id,
                                                                    except_case))
    return paid, round(max(paid - already, 0.0), 2)


def _check_amount(store: Store, order_id: str, amount: float | None,
                  except_case: int | None) -> None:
    if amount is None:
        return
    if not amount > 0:
        raise Refused("金额必须大于 0。", "The amount must be above 0.")
    paid, left = refundable(store, order_id, except_case)
    if round(amount, 2) > left:
        raise Refused(
            f"金额 ¥{amount:.2f} 超过这笔订单还能退的 ¥{left:.2f}（买家实付 ¥{paid:.2f}）。",
            f"The amount ¥{amount:.2f} is above what the order can still refund "
            f"(¥{left:.2f} of ¥{paid:.2f} paid).")


# --- opening ---------------------------------------------------------------------------

def open_case(store: Store, order_id: str, kind: str, agent: Agent, now: float, *,
              cause: str | None = None, compensation: str | None = None,
              amount: float | None = None, note: str = "",
              conversation_id: int | None = None, message_id: int | None = None) -> Changes:
    """Open a case on an order; its id is the one in ``Changes.aftersale``.

    Refused: an unknown order, an order the buyer never paid, goods to send back or
    again on an order not yet shipped, an amount above what was paid. Opened from a
    buyer's picture, the picture is attached at once."""
    if kind not in KINDS:
        raise Refused(f"未知的售后类型：{kind}", f"Unknown after-sale kind: {kind}")
    if compensation is not None and (kind != COMPENSATION or compensation not in COMPENSATIONS):
        raise Refused("只有退差价/补偿才分运费、价保、折扣。",
                      "Only a compensation case has postage, price or discount.")
    with store.transaction():
        order = orders.get(store, order_id)
        if order is None:
            raise Refused(f"找不到订单 {order_id}。", f"No order {order_id}.")
        if order.status in NEVER_PAID:
            raise Refused(f"订单 {order_id} 买家没有付款（{order.status_name}），"
                          "没有可退的钱，不能建售后单。",
                          f"The buyer never paid order {order_id} ({order.status}): "
                          "there is nothing to refund, so no after-sale case.")
        if order.status == NOT_SHIPPED and kind in NEEDS_GOODS_SENT:
            raise Refused(f"订单 {order_id} 还没有发货，不能{kind}：请改用仅退款，"
                          "或备注修改规格。",
                          f"Order {order_id} has not shipped: no {kind} yet; use a "
                          "refund only, or remark a change of spec.")
        _check_amount(store, order_id, amount, None)
        conversation_id = _conversation(store, order, conversation_id, message_id)
        rules = policy.load(store)
        due = rules.due(PENDING, None, cause, now)
        case_id = case_rows.insert_case(store, {
            "order_id": order_id, "buyer_id": order.buyer_id,
            "conversation_id": conversation_id, "message_id": message_id, "kind": kind,
            "compensation": compensation, "cause": cause, "state": PENDING, "amount": amount,
            "postage_payer": postage_payer(cause, kind),
            "note": " ".join(note.split()), "opened_by": agent.id, "opened_at": now,
            "updated_at": now, "due_at": due, "holder_id": agent.id})
        record_step(store, case_id, agent, now, machine.OPENED, (PENDING, None), due,
                    note=" ".join(note.split()), amount=amount)
        changes = sync_todo(store, require(store, case_id), agent, now)
        if message_id is not None and _is_buyer_image(store, message_id):
            changes |= attach_images(store, case_id, agent, now, message_ids=[message_id])
    return changes | Changes(aftersale=frozenset({case_id}))


def _conversation(store: Store, order: orders.Order, conversation_id: int | None,
                  message_id: int | None) -> int | None:
    """The conversation a case came from; it must be the order's buyer's."""
    if message_id is not None:
        row = case_rows.message(store, message_id)
        if row is None:
            raise Refused(f"找不到消息 {message_id}。", f"No message {message_id}.")
        conversation_id = row["conversation_id"]
    if conversation_id is None:
        return None
    conversation = chat.conversation(store, conversation_id)
    if conversation is None or conversation["buyer_id"] != order.buyer_id:
        raise Refused(f"订单 {order.id} 不是这位买家的。",
                      f"Order {order.id} is not this buyer's.")
    return conversation_id


def _is_buyer_image(store: Store, message_id: int) -> bool:
    row = case_rows.message(store, message_id)
    return row is not None and row["sender"] == "buyer" and row["kind"] == "image"


# --- steps -----------------------------------------------------------------------------

def take_step(store: Store, case_id: int, step: str, agent: Agent, now: float, *,
              note: str = "", tracking: str = "", amount: float | None = None,
              courier: str = "", rating: int | None = None,
              check: ConditionCheck | None = None, outcome: str | None = None,
              called_at: float | None = None) -> Changes:
    """Take one step of the state machine (:mod:`workbench.aftersale.machine`), with who
    and when; refused with one clear line when the case does not allow it.

    ``check`` goes with the step 核对条件 and nothing else. ``outcome`` (VISIT_OUTCOMES)
    and ``called_at`` (the time of the call, default ``now``) go with the step 回访 and
    nothing else; its ``note`` holds the call's notes."""
    rule = machine.rule(step)
    note, tracking, courier = " ".join(note.split()), tracking.strip(), courier.strip()
    with store.transaction():
        case = require(store, case_id)
        refusal = machine.refusal(rule, case)
        if refusal is not None:
            raise refusal
        if check is not None and rule.name != "核对条件":
            raise Refused("退换货条件只在“核对条件”这一步记录。",
                          "Return conditions are recorded only with the step check.")
        if (outcome is not None or called_at is not None) and rule.name != "回访":
            raise Refused("回访的结果和时间只在“回访”这一步记录。",
                          "A call's outcome and time are recorded only with the step visit.")
        if rule.name == "拒绝" and not note:
            note = refusal_reason(case)  # the failed 退换货条件, worded for the buyer
        _check_needs(rule, agent, note, tracking, amount, outcome)
        rules = policy.load(store)
        values = _step_values(store, rule, case, agent, rules, note=note, tracking=tracking,
                              amount=amount, courier=courier, rating=rating, check=check,
                              outcome=outcome, called_at=called_at, now=now)
        if rule.name == "核对条件":
            note = values["check_note"]  # the history shows what the check found
        elif rule.name == "回访":
            note = visit_line(outcome, values["visited_at"], note)
        owes_refund = case.kind in PAYING_KINDS and not case.refunded
        position = machine.target(rule, case, owes_refund)
        if position[0] in SETTLED:
            _check_four_points(store, rule, case)
        if position != case.position:
            due = rules.due(position[0], position[1], case.cause, now)
            values |= {"state": position[0], "waiting": position[1], "due_at": due}
            if case.due_at is not None and now > case.due_at:
                values["late_steps"] = case.late_steps + 1
            if position[0] in SETTLED:
                values["settled_at"] = now
            if position[0] == VISITED:
                values.setdefault("visited_at", now)
        else:
            due = case.due_at
        case_rows.update_case(store, case_id, values | {"updated_at": now})
        record_step(store, case_id, agent, now, rule.name, position, due, note=note,
                    tracking=tracking, amount=amount)
        changes = sync_todo(store, require(store, case_id), agent, now)
    return changes | Changes(aftersale=frozenset({case_id}))


def _check_needs(rule: machine.Rule, agent: Agent, note: str, tracking: str,
                 amount: float | None, outcome: str | None) -> None:
    if rule.supervisor and not permissions.allowed(agent.role,
                                                   permissions.APPROVE_COMPENSATION):
        raise Refused(f"“{rule.name}”只能由主管操作。",
                      f"Only a supervisor may {rule.english} an approval.")
    if "note" in rule.needs and not note:
        raise Refused(f"“{rule.name}”需要写说明。", f"The step {rule.english} needs a note.")
    if "tracking" in rule.needs and not tracking:
        raise Refused(f"“{rule.name}”需要快递单号。",
                      f"The step {rule.english} needs a tracking number.")
    if "amount" in rule.needs and amount is None:
        raise Refused(f"“{rule.name}”需要金额。", f"The step {rule.english} needs an amount.")
    if "outcome" in rule.needs and outcome not in VISIT_OUTCOMES:
        raise Refused(f"“{rule.name}”需要结果：{'、'.join(VISIT_OUTCOMES)}。",
                      f"The step {rule.english} needs an outcome: satisfied, neutral or "
                      "unsatisfied.")


def _check_condition(rule: machine.Rule, case: Case) -> None:
    """A failed 退换货条件 check lets the goods come back only after a new check."""
    takes_goods_back = (rule.name == "发送退货地址"
                        or (rule.name == "退款" and case.kind == RETURN_REFUND)
                        or (rule.name == "安排发出" and case.kind == EXCHANGE))
    if takes_goods_back and case.check_ok == 0:
        raise Refused(f"退换货条件核对未通过（{case.check_note}）：只能拒绝，或重新核对。",
                      f"The return conditions were not met ({case.check_note}): refuse "
                      "the case, or check again.")


def _step_values(store: Store, rule: machine.Rule, case: Case, agent: Agent,
                 rules: policy.Policy, *, note: str, tracking: str, amount: float | None,
                 courier: str, rating: int | None, check: ConditionCheck | None,
                 outcome: str | None, called_at: float | None, now: float) -> dict:
    """The case's fields this step sets, after the checks particular to it."""
    _check_condition(rule, case)
    name = rule.name
    if name == "核对条件":
        check = check or ConditionCheck()
        return {"check_ok": int(check.ok),
                "check_note": check.describe() + (f"；{note}" if note else ""),
                "check_failed": "、".join(check.failed()) or None}
    if name == "发送退货地址" and not rules.return_address:
        raise Refused("还没有退货地址：请主管先在“售后规则”里填写。",
                      "No return address yet: a supervisor sets it in the after-sale policy.")
    if name == "买家已寄回":
        return {"return_tracking": tracking, "return_courier": courier or None}
    if name == "仓库收货":
        values = {"received_at": now, "received_note": note}
        if tracking:
            values["return_tracking"] = tracking
        if courier:
            values["return_courier"] = courier
        return values
    if name == "已发出":
        return {"reship_tracking": tracking, "reship_courier": courier or None}
    if name == "申请审批":
        _check_amount(store, case.order_id, amount, case.id)
        return {"approval_state": APPROVAL_ASKED, "approval_amount": amount}
    if name == "批准":
        return {"approval_state": APPROVAL_GRANTED}
    if name == "驳回":
        return {"approval_state": APPROVAL_REFUSED}
    if name == "退款":
        return _refund_values(store, case, agent, rules, amount, now)
    if name == "记录评价":
        if rating is not None and not 1 <= rating <= 5:
            raise Refused("评价星级应为 1 到 5。", "A rating is 1 to 5 stars.")
        return {"review_text": note, "review_rating": rating}
    if name == "评价已修改":
        return {"review_changed_at": now}
    if name == "回访":
        return _visit_values(case, outcome, called_at, note, now)
    return {}


def _visit_values(case: Case, outcome: str | None, called_at: float | None, note: str,
                  now: float) -> dict:
    """The call: when (not before the case was opened, not in the future), how the buyer
    took it, what was said."""
    called_at = now if called_at is None else called_at
    if called_at > now:
        raise Refused("回访时间不能晚于现在。", "The call cannot be later than now.")
    if called_at < case.opened_at:
        raise Refused(f"回访时间不能早于开单时间 {timefmt.minute(case.opened_at)}。",
                      f"The call cannot be before the case was opened "
                      f"({timefmt.minute(case.opened_at)}).")
    return {"visited_at": called_at, "visit_outcome": outcome, "visit_note": note or None}


def visit_line(outcome: str | None, called_at: float, note: str) -> str:
    """The 回访 as its history line says it: outcome, time of the call, notes."""
    return " · ".join(filter(None, (outcome, f"通话 {timefmt.minute(called_at)}", note)))


def _refund_values(store: Store, case: Case, agent: Agent, rules: policy.Policy,
                   amount: float | None, now: float) -> dict:
    assert amount is not None
    if case.kind == RETURN_REFUND and case.received_at is None:
        raise Refused("退货还没有入库，不能退款：仓库收货后再退。",
                      "The returned goods have not arrived: refund after the warehouse "
                      "receives them.")
    _check_amount(store, case.order_id, amount, case.id)
    supervisor = permissions.allowed(agent.role, permissions.APPROVE_COMPENSATION)
    if case.kind == COMPENSATION and amount > rules.agent_limit and not supervisor:
        approved = (case.approval_state == APPROVAL_GRANTED
                    and amount <= (case.approval_amount or 0))
        if not approved:
            raise Refused(f"补偿 ¥{amount:.2f} 超过客服可自主决定的 ¥{rules.agent_limit:.2f}，"
                          "请先申请主管审批。",
                          f"A compensation of ¥{amount:.2f} is above the agent's limit of "
                          f"¥{rules.agent_limit:.2f}: ask a supervisor's approval first.")
    return {"refunded": round((case.refunded or 0) + amount, 2), "refunded_at": now,
            "amount": case.amount if case.amount is not None else amount}


def _check_four_points(store: Store, rule: machine.Rule, case: Case) -> None:
    """A bad review or complaint is settled only after the course's four points; a
    refusal ends it too (the buyer is told why)."""
    if case.cause not in machine.REVIEW_CAUSES or rule.name == "拒绝":
        return
    done = case_rows.step_names_of_case(store, case.id)
    missing = [point for point in machine.FOUR_POINTS if point not in done]
    if missing:
        raise Refused(f"{case.cause}的处理要先做完四个要点：还差{'、'.join(missing)}。",
                      f"A {case.cause} case is settled after the four points; still "
                      f"missing: {', '.join(missing)}.")


def record_step(store: Store, case_id: int, agent: Agent | None, now: float, step: str,
                position: tuple[str, str | None], due: float | None, *, note: str = "",
                tracking: str = "", amount: float | None = None) -> None:
    case_rows.insert_step(store, {
        "case_id": case_id, "at": now, "agent_id": agent.id if agent else None,
        "step": step, "state": position[0], "waiting": position[1], "note": note,
        "tracking": tracking or None, "amount": amount, "due_at": due})


# --- revising --------------------------------------------------------------------------

def revise(store: Store, case_id: int, agent: Agent, now: float, *, kind=_UNSET,
           compensation=_UNSET, cause=_UNSET, amount=_UNSET, payer=_UNSET) -> Changes:
    """Change the remedy (kind), cause, amount or who pays the postage while the agent
    is handling the case; the change goes into the history."""
    with store.transaction():
        case = require(store, case_id)
        if case.position not in machine.FREE:
            raise Refused(f"售后单 {case.number} 现在是“{case.step_name}”，"
                          "只能在待处理或处理中修改。",
                          f"Case {case.number} is at {case.step_name}: it can be revised "
                          "only while pending or being handled.")
        values: dict = {}
        if kind is not _UNSET:
            if kind not in KINDS:
                raise Refused(f"未知的售后类型：{kind}", f"Unknown after-sale kind: {kind}")
            values["kind"] = kind
        if compensation is not _UNSET:
            values["compensation"] = compensation
        if cause is not _UNSET:
            values["cause"] = cause
        if amount is not _UNSET:
            _check_amount(store, case.order_id, amount, case.id)
            values["amount"] = amount
        new_kind = values.get("kind", case.kind)
        if new_kind != COMPENSATION:
            values["compensation"] = None
        if payer is not _UNSET:
            values["postage_payer"] = payer
        elif "kind" in values or "cause" in values:
            values["postage_payer"] = postage_payer(values.get("cause", case.cause), new_kind)
        changed = {key: (getattr(case, key), value) for key, value in values.items()
                   if getattr(case, key) != value}
        if not changed:
            return Changes()
        case_rows.update_case(store, case_id, {key: new for key, (_, new) in changed.items()}
                              | {"updated_at": now})
        record_step(store, case_id, agent, now, machine.REVISED, case.position, case.due_at,
                    note=_describe_changes(changed))
        changes = sync_todo(store, require(store, case_id), agent, now)
    return changes | Changes(aftersale=frozenset({case_id}))


FIELD_NAMES = {"kind": "类型", "compensation": "补偿", "cause": "原因", "amount": "金额",
               "postage_payer": "运费承担"}


def _describe_changes(changed: dict) -> str:
    def shown(value) -> str:
        if value is None or value == "":
            return "无"
        return f"¥{value:.2f}" if isinstance(value, float) else str(value)

    return "；".join(f"{FIELD_NAMES.get(key, key)}：{shown(old)} → {shown(new)}"
                    for key, (old, new) in changed.items())


# --- evidence --------------------------------------------------------------------------

def case_folder(store: Store, case_id: int) -> Path:
    """Where a case's pictures are kept: beside the store, one folder a case, so they
    stay when the chat's own pictures are cleaned up."""
    return store.path.parent / "aftersale" / case_no(case_id)


def evidence_path(store: Store, case_id: int, file: str) -> Path:
    return case_folder(store, case_id) / file


def attach_images(store: Store, case_id: int, agent: Agent, now: float,
                  message_ids: list[int] | None = None) -> Changes:
    """Attach the pictures the buyer sent in chat (every one not yet attached, or those
    of ``message_ids``): each is copied into the case's folder."""
    with store.transaction():
        case = require(store, case_id)
        images = case_rows.buyer_images(store, case.buyer_id)
        if message_ids is not None:
            images = [row for row in images if row["id"] in message_ids]
        kept = {e["source"] for e in case_rows.evidence(store, case_id)}
        added = 0
        for row in images:
            if row["uid"] in kept:
                continue
            source = images_dir(store.path) / row["text"]
            target = case_folder(store, case_id) / Path(row["text"]).name
            if not source.is_file() and not target.is_file():
                continue  # the chat's copy is gone and we never kept it
            _copy(source, target)
            if case_rows.insert_evidence(store, {
                    "case_id": case_id, "file": target.name, "source": row["uid"],
                    "sent_at": row["created_at"], "added_by": agent.id,
                    "added_at": now}) is not None:
                added += 1
        if not added:
            raise Refused("没有新的买家图片可以附加：买家在聊天里发的图片都已附加，或还没有发过。",
                          "No new pictures to attach: every picture the buyer sent is "
                          "attached already, or they sent none.")
        record_step(store, case_id, agent, now, machine.EVIDENCE, case.position, case.due_at,
                    note=f"{added} 张")
        case_rows.update_case(store, case_id, {"updated_at": now})
    return Changes(aftersale=frozenset({case_id}))


def _copy(source: Path, target: Path) -> None:
    if target.is_file():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(source, target)
    except OSError as error:
        raise Refused(f"无法保存图片 {source.name}：{error.strerror}",
                      f"Cannot keep the picture {source.name}: {error.strerror}") from error


# --- the case's todo -------------------------------------------------------------------

def todo_title(case: Case) -> str:
    if case.state in SETTLED:
        return f"回访 售后 {case.number}（{case.state}）"
    return f"售后 {case.number} {case.kind_name}：{case.step_name}"


def sync_todo(store: Store, case: Case, agent: Agent, now: float) -> Changes:
    """The case's todo follows the case: open with the case's due time (and a reminder
    then) while something is owed, done once nothing is."""
    todo = handover.get(store, case.todo_id) if case.todo_id is not None else None
    if todo is None:
        if case.due_at is None:
            return Changes()
        detail = f"{case.buyer_nick} · 订单 {case.order_id}" + (
            f" · {case.cause}" if case.cause else "")
        changes = handover.add(store, todo_title(case), agent, now, detail=detail,
                               buyer_id=case.buyer_id, order_id=case.order_id,
                               conversation_id=case.conversation_id, due_at=case.due_at,
                               remind_at=case.due_at)
        todo_id = next(iter(changes.todos))
        case_rows.update_case(store, case.id, {"todo_id": todo_id, "holder_id": agent.id})
        return changes
    if case.due_at is None:
        if todo.is_open:
            return handover.set_state(store, todo.id, "完成", agent, now)
        return Changes()
    changes = handover.update(store, todo.id, agent, now, title=todo_title(case),
                              due_at=case.due_at, remind_at=case.due_at)
    if not todo.is_open:
        changes |= handover.set_state(store, todo.id, "未执行", agent, now)
    return changes
