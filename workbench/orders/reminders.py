"""Payment reminders (催付): when to remind, what to say, and the register (催付登记表).

The timing follows the seeds' table (DOMAIN.md), by the local time the order was placed:

==========================  ==============================================
order placed                remind
==========================  ==============================================
06:00–11:00                 by 15:00 the same day
11:00–15:00                 before the day's dispatch (a team setting, 16:00)
15:00–22:00                 by 12:00 the next day (before the afternoon shift)
22:00–06:00 (the night)     after 12:00 following the night (the 00:00 row)
buyer with 2+ purchases     48 hours after ordering
==========================  ==============================================

The table's "after 00:00" row is read as the night: an order placed after 22:00 or in the
small hours is not chased before the next noon. Outside the window the agent is warned,
not stopped; a second reminder of the same order is warned about too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench import orders, timefmt
from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.orders import policy
from workbench.store import Store, events
from workbench.store import orders as order_rows

HOUR = 3600.0
NIGHT_ENDS_HOUR = 6
REPEAT_BUYER_PURCHASES = 2
REPEAT_BUYER_WAIT_H = 48
PHRASE_CODE = "cf"
FALLBACK_TEXT = ("{买家}您好，您在本店拍下的宝贝（订单号 {订单号}）还没有付款哦。"
                 "宝贝已为您预留，付款后会尽快安排发货，付款时遇到问题可以随时找我~")
CHANNELS = ("旺旺", "短信", "电话")
CHAT_CHANNEL = "旺旺"
# Why buyers had not paid: the seeds' list, for the register.
REASONS = ("不熟悉付款操作", "忘记支付密码", "余额不足", "议价未成功", "有顾虑", "货比三家",
           "忘记付款", "拍错了", "需要改价")
SENT = "已提醒，等待付款"
OUTCOMES = (SENT, "已付款", "答应稍后付款", "未回复", "不要了")


@dataclass(frozen=True)
class Window:
    """When the table says to remind: not before ``earliest``, not after ``latest``."""

    earliest: float
    latest: float | None
    rule: str

    def describe(self) -> str:
        if self.latest is None:
            return f"{self.rule}：{timefmt.minute(self.earliest)} 以后"
        return f"{self.rule}：{timefmt.minute(self.latest)} 前"


@dataclass(frozen=True)
class Reminder:
    id: int
    order_id: str
    buyer_nick: str
    agent_id: int | None
    agent_name: str | None
    at: float
    channel: str | None
    reason: str | None
    outcome: str | None
    order_status: str

    @property
    def order_status_name(self) -> str:
        return orders.STATUS_NAMES.get(self.order_status, self.order_status)


@dataclass(frozen=True)
class Check:
    """What the agent should know before reminding: the window and any warnings."""

    order: orders.Order
    window: Window | None
    previous: list[Reminder]
    warnings: list[str]


def _at(day: dt.date, hour: int, minute: int = 0) -> float:
    return dt.datetime.combine(day, dt.time(hour, minute)).timestamp()


def window_for(created_at: float, repeat_buyer: bool,
               dispatch: tuple[int, int] = (16, 0)) -> Window:
    """The reminder window of an order placed at ``created_at``."""
    if repeat_buyer:
        return Window(created_at + REPEAT_BUYER_WAIT_H * HOUR, None,
                      f"买过两次以上的买家，下单 {REPEAT_BUYER_WAIT_H} 小时后再催付")
    placed = timefmt.local(created_at)
    day = placed.date()
    hour = placed.hour
    if NIGHT_ENDS_HOUR <= hour < 11:
        return Window(created_at, _at(day, 15), "11 点前下单，当天 15 点前催付")
    if 11 <= hour < 15:
        latest = max(_at(day, *dispatch), created_at)
        return Window(created_at, latest,
                      f"15 点前下单，当天发货（{dispatch[0]:02d}:{dispatch[1]:02d}）前催付")
    if 15 <= hour < 22:
        return Window(created_at, _at(day + dt.timedelta(days=1), 12),
                      "22 点前下单，次日中午 12 点前催付")
    noon_day = day + dt.timedelta(days=1) if hour >= 22 else day
    return Window(_at(noon_day, 12), None, "夜间下单，次日 12 点以后再催付")


def previous(store: Store, order_id: str) -> list[Reminder]:
    return [Reminder(**row) for row in order_rows.reminders_for_order(store, order_id)]


def check(store: Store, order_id: str, now: float) -> Check:
    """The window and the warnings for reminding this order now; refused if it is paid."""
    order = orders.get(store, order_id)
    if order is None:
        raise Refused(f"找不到订单 {order_id}。", f"No order {order_id}.")
    if not order.unpaid:
        raise Refused(f"订单 {order_id} 的状态是“{order.status_name}”，"
                      "只有等待买家付款的订单才需要催付。",
                      f"Order {order_id} is {order.status}: only orders waiting for payment "
                      "need a payment reminder.")
    before = previous(store, order_id)
    warnings = []
    for reminder in before:
        outcome = f"，结果：{reminder.outcome}" if reminder.outcome else ""
        warnings.append(
            f"这笔订单已于 {timefmt.minute(reminder.at)} 由{reminder.agent_name or '同事'}"
            f"通过{reminder.channel or '旺旺'}催付过{outcome}。团队规定不要反复催付同一订单。")
    window = None
    if order.created_at is not None:
        purchases = order_rows.paid_orders_of_buyer(store, order.buyer_id, order.id)
        window = window_for(order.created_at, purchases >= REPEAT_BUYER_PURCHASES,
                            policy.dispatch_time(store))
        placed = timefmt.minute(order.created_at)
        if now < window.earliest:
            warnings.append(f"还没到催付时间：{placed} 下单，按催付时间表（{window.rule}）"
                            f"应在 {timefmt.minute(window.earliest)} 以后再催付。")
        elif window.latest is not None and now > window.latest:
            warnings.append(f"已过催付时间：{placed} 下单，按催付时间表（{window.rule}）"
                            f"应在 {timefmt.minute(window.latest)} 前催付。")
    return Check(order, window, before, warnings)


def text(store: Store, order: orders.Order, agent: Agent, now: float) -> str:
    """The team's reminder phrase (code cf) filled in for this order, or our own wording."""
    # quickphrases imports this package, so it is imported here, when a reminder is made.
    from workbench import quickphrases

    team = [p for p in quickphrases.all_phrases(store) if p.code == PHRASE_CODE]
    team.sort(key=lambda p: getattr(p, "scope", "team") != "team")
    template = team[0].text if team else FALLBACK_TEXT
    values = quickphrases.context_values(store, order.buyer_id, order.buyer_nick,
                                         agent.signature, now)
    # The phrase is about this order, not the buyer's latest one.
    values |= {"订单号": order.id}
    if order.address:
        values["收货地址"] = order.address
    return quickphrases.fill(template, values)


def remind(store: Store, order_id: str, agent: Agent, now: float, channel: str = CHAT_CHANNEL,
           reason: str = "", outcome: str = SENT) -> Changes:
    """Record a reminder in the register (the chat message itself is sent by the caller)."""
    if channel not in CHANNELS:
        raise Refused(f"催付方式只能是 {'、'.join(CHANNELS)}。",
                      f"A payment reminder goes by {', '.join(CHANNELS)} only.")
    with store.transaction():
        check(store, order_id, now)  # refuses orders that need no reminder
        reason, outcome = " ".join(reason.split()), " ".join(outcome.split())
        reminder_id = order_rows.insert_reminder(store, order_id, agent.id, now, channel,
                                                 reason, outcome)
        events.record(store, now, agent.id, "reminder.add", f"order:{order_id}",
                      {"reminder": reminder_id, "channel": channel, "reason": reason,
                       "outcome": outcome})
    return Changes(orders=frozenset({order_id}))


def update(store: Store, reminder_id: int, agent: Agent, reason: str, outcome: str,
           now: float) -> Changes:
    """Write down why the buyer had not paid and how it ended, once that is known."""
    with store.transaction():
        row = order_rows.reminder(store, reminder_id)
        if row is None:
            raise Refused("这条催付记录已不存在。", "This payment reminder no longer exists.")
        reason, outcome = " ".join(reason.split()), " ".join(outcome.split())
        if (row["reason"] or "", row["outcome"] or "") == (reason, outcome):
            return Changes()
        order_rows.update_reminder(store, reminder_id, reason, outcome)
        events.record(store, now, agent.id, "reminder.update", f"order:{row['order_id']}",
                      {"reminder": reminder_id, "old": [row["reason"], row["outcome"]],
                       "new": [reason, outcome]})
    return Changes(orders=frozenset({row["order_id"]}))


def register(store: Store, since: float | None = None) -> list[Reminder]:
    """The 催付 register, newest first."""
    return [Reminder(**row) for row in order_rows.reminder_register(store, since)]


def green_flag(store: Store) -> int | None:
    """The colour the team's policy assigns to a remark after a reminder (by default 绿),
    found by its meaning so a supervisor may move it; None if no usable colour says 催付."""
    for rule in policy.load(store).rules:
        if rule.flag and not rule.forbidden and "催付" in rule.meaning:
            return rule.flag
    return None
