"""Payment reminders (催付): when to remind, what to say, the register (催付登记表) and its
summary (总结优化表).

The timing follows the course's table 4.1 row by row, by the local time the order was
placed, with no boundary of our own:

==============================  ==============================================
order placed                    remind
==============================  ==============================================
before 11:00                    by 15:00 the same day
before 15:00                    before the day's dispatch (a team setting, 16:00)
before 22:00                    by 12:00 the next day (before the afternoon shift)
after 00:00                     after 12:00 the next day
buyer with 2+ purchases         48 hours after ordering
==============================  ==============================================

Two places are ambiguous and the shop chooses in its 催付 policy (:class:`ReminderPolicy`):
orders placed 00:00–11:00 fit both the 11:00 row and the 00:00 row, and orders placed
22:00–24:00 fit no row. By default the rows are read in order, the first that fits
winning (00:00–11:00: by 15:00 the same day), and 22:00–24:00 takes the 00:00 row (after
12:00 the next day). docs/metrics.md writes the readings out. Outside the window the agent
is warned, not stopped; a second reminder of the same order is warned about too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from workbench import orders, timefmt
from workbench.accounts import Agent, permissions
from workbench.changes import Changes, Refused
from workbench.orders import policy
from workbench.orders.codes import NEVER_PAID
from workbench.store import Store, events, settings
from workbench.store import orders as order_rows

HOUR = 3600.0
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
PAID_OUTCOME = "已付款"
OUTCOMES = (SENT, PAID_OUTCOME, "答应稍后付款", "未回复", "不要了")


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


POLICY_KEY = "orders.reminder_policy"
# Orders placed 00:00–11:00: the 11:00 row, or the 00:00 row read two ways.
SMALL_HOURS = {
    "by_15": "按“11 点前下单”：当天 15 点前催付",
    "after_noon": "按“0 点以后下单”：当天 12 点以后再催付（“次日”指下单前那个晚上的次日）",
    "after_next_noon": "按“0 点以后下单”：下单次日 12 点以后再催付",
}
# Orders placed 22:00–24:00, which the table does not cover.
LATE_EVENING = {
    "after_next_noon": "按“0 点以后下单”：次日 12 点以后再催付",
    "by_next_noon": "按“22 点前下单”：次日中午 12 点前催付",
}


@dataclass(frozen=True)
class ReminderPolicy:
    """The shop's reading of the table where it is ambiguous (a team setting)."""

    small_hours: str = "by_15"
    late_evening: str = "after_next_noon"


def load_policy(store: Store) -> ReminderPolicy:
    """The shop's 催付 policy; the default reading until a supervisor chooses."""
    try:
        values = json.loads(settings.get(store, POLICY_KEY) or "{}")
        chosen = ReminderPolicy(**{f.name: values[f.name] for f in fields(ReminderPolicy)
                                   if f.name in values})
    except (ValueError, TypeError):
        return ReminderPolicy()
    if chosen.small_hours not in SMALL_HOURS or chosen.late_evening not in LATE_EVENING:
        return ReminderPolicy()
    return chosen


def save_policy(store: Store, agent, chosen: ReminderPolicy, now: float) -> Changes:
    """Choose the readings of the table's ambiguous rows (supervisors only)."""
    permissions.require(agent, permissions.EDIT_TEAM_SETTINGS)
    if chosen.small_hours not in SMALL_HOURS or chosen.late_evening not in LATE_EVENING:
        raise Refused("未知的催付时间选项。", "Unknown choice of reminder timing.")
    with store.transaction():
        old = load_policy(store)
        if old == chosen:
            return Changes()
        settings.put(store, POLICY_KEY, json.dumps(asdict(chosen)))
        events.record(store, now, agent.id, "reminder_policy.set", "settings:" + POLICY_KEY,
                      {"old": asdict(old), "new": asdict(chosen)})
    return Changes(settings=frozenset({POLICY_KEY}))


_BEFORE_11_RULE = "11 点前下单，当天 15 点前催付"
_BEFORE_15_RULE = "15 点前下单，当天发货（{0}）前催付"
_BEFORE_22_RULE = "22 点前下单，次日中午 12 点前催付"
_AFTER_MIDNIGHT_RULES = {"after_noon": "0 点以后下单，当天 12 点以后再催付",
                         "after_next_noon": "0 点以后下单，次日 12 点以后再催付"}
_LATE_EVENING_RULES = {
    "after_next_noon": "22 点以后下单（按 0 点以后的规则），次日 12 点以后再催付",
    "by_next_noon": "22 点以后下单（按 22 点前的规则），次日中午 12 点前催付",
}
_REPEAT_RULE = f"买过两次以上的买家，下单 {REPEAT_BUYER_WAIT_H} 小时后再催付"
RULE_LINES = (_BEFORE_11_RULE, _BEFORE_15_RULE, _BEFORE_22_RULE,
              *_AFTER_MIDNIGHT_RULES.values(), *_LATE_EVENING_RULES.values(), _REPEAT_RULE)


def save_team_rules(store: Store, agent, flags: policy.FlagPolicy, dispatch: str,
                    chosen: ReminderPolicy, now: float) -> Changes:
    """The flag policy, the dispatch time and the 催付 policy, saved together."""
    with store.transaction():
        changes = policy.save(store, agent, flags, now, dispatch=dispatch)
        return changes | save_policy(store, agent, chosen, now)


def _clock(hour_minute: tuple[int, int]) -> str:
    return f"{hour_minute[0]:02d}:{hour_minute[1]:02d}"


def rule_lines(dispatch: tuple[int, int] = (16, 0),
                chosen: ReminderPolicy = ReminderPolicy()) -> list[tuple[str, tuple[str, ...]]]:
    """The table as this code applies it, one (line, its {0} values) per row: the window
    translates the line (one of RULE_LINES) before filling it in."""
    return [
        (_small_hours_rule(chosen), ()), (_BEFORE_15_RULE, (_clock(dispatch),)),
        (_BEFORE_22_RULE, ()), (_LATE_EVENING_RULES[chosen.late_evening], ()),
        (_REPEAT_RULE, ()),
    ]


def rule_texts(dispatch: tuple[int, int] = (16, 0),
               chosen: ReminderPolicy = ReminderPolicy()) -> list[str]:
    """The table as this code applies it, one line per row, in Chinese."""
    return [line.format(*values) for line, values in rule_lines(dispatch, chosen)]


def _small_hours_rule(chosen: ReminderPolicy) -> str:
    return _BEFORE_11_RULE if chosen.small_hours == "by_15" \
        else _AFTER_MIDNIGHT_RULES[chosen.small_hours]


def window_for(created_at: float, repeat_buyer: bool,
               dispatch: tuple[int, int] = (16, 0),
               chosen: ReminderPolicy = ReminderPolicy()) -> Window:
    """The reminder window of an order placed at ``created_at``."""
    if repeat_buyer:
        return Window(created_at + REPEAT_BUYER_WAIT_H * HOUR, None, _REPEAT_RULE)
    placed = timefmt.local(created_at)
    day = placed.date()
    hour = placed.hour
    next_day = day + dt.timedelta(days=1)
    if hour < 11:
        rule = _small_hours_rule(chosen)
        if chosen.small_hours == "by_15":
            return Window(created_at, _at(day, 15), rule)
        noon_day = day if chosen.small_hours == "after_noon" else next_day
        return Window(_at(noon_day, 12), None, rule)
    if hour < 15:
        latest = max(_at(day, *dispatch), created_at)
        return Window(created_at, latest, _BEFORE_15_RULE.format(_clock(dispatch)))
    if hour < 22:
        return Window(created_at, _at(next_day, 12), _BEFORE_22_RULE)
    rule = _LATE_EVENING_RULES[chosen.late_evening]
    if chosen.late_evening == "by_next_noon":
        return Window(created_at, _at(next_day, 12), rule)
    return Window(_at(next_day, 12), None, rule)


def payment_deadline(created_at: float, window: Window) -> float:
    """Until when a payment still counts as converted (付款转化): the end of the reminder
    window, never before the end of the day the order was placed; a window that only says
    when reminding may start ends with the day it starts on."""
    end_of_order_day = _at(timefmt.local(created_at).date() + dt.timedelta(days=1), 0)
    if window.latest is not None:
        return max(window.latest, end_of_order_day)
    start_day = timefmt.local(window.earliest).date()
    return max(_at(start_day + dt.timedelta(days=1), 0), end_of_order_day)


def previous(store: Store, order_id: str) -> list[Reminder]:
    return [Reminder(**row) for row in order_rows.reminders_for_order(store, order_id)]


def check(store: Store, order_id: str, now: float) -> Check:
    """The window and the warnings for reminding this order now; refused if it is paid."""
    order = orders.get(store, order_id)
    if order is None:
        raise Refused(f"找不到订单 {order_id}。", f"There is no order {order_id}.")
    if not order.unpaid:
        raise Refused(f"订单 {order_id} 的状态是“{order.status_name}”，"
                      "只有等待买家付款的订单才需要催付。",
                      f"Order {order_id} is {order.status}: only orders waiting for payment "
                      "are reminded.")
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
                            policy.dispatch_time(store), load_policy(store))
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
                      f"A reminder goes by {', '.join(CHANNELS)} only.")
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
            raise Refused("这条催付记录已不存在。", "This reminder no longer exists.")
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


REGISTER_HEADERS = ("催付时间", "订单编号", "买家会员名", "客服", "催付方式", "未付款原因", "结果",
                    "订单现状")
REGISTER_WIDTHS = (17, 20, 14, 8, 8, 16, 16, 22)


def export_register(store: Store, path: Path | str, since: float | None = None) -> int:
    """Write the register (newest first) and its summary table over the same reminders to
    ``path``; returns how many entries. XLSX: two sheets, the register and the summary.
    CSV: the register, an empty row, a row holding the summary's title, then the summary
    with its own header (docs/formats-orders.md). Through :mod:`workbench.filewriter`:
    atomic, and a reason or outcome typed as ``=…`` stays text."""
    from workbench.filewriter import XlsxBook, long_number, write_csv

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise Refused(f"只能导出为 .csv 或 .xlsx 文件，而不是“{path.name}”。",
                      f"The register is exported to .csv or .xlsx files, not {path.name!r}.")
    entries = register(store, since)
    rows = [[timefmt.second(e.at), e.order_id, e.buyer_nick, e.agent_name or "",
             e.channel or "", e.reason or "", e.outcome or "", e.order_status_name]
            for e in entries]
    totals = [summary_cells(row) for row in summary(store, since)]
    if suffix == ".csv":
        write_csv(path, REGISTER_HEADERS, [
            *([row[0], long_number(row[1]), *row[2:]] for row in rows),
            [], [SUMMARY_TITLE], list(SUMMARY_HEADERS), *totals])
    else:
        with XlsxBook() as book:
            book.sheet("催付登记表", REGISTER_HEADERS, REGISTER_WIDTHS)
            for row in rows:
                book.append(row)
            book.sheet(SUMMARY_TITLE, SUMMARY_HEADERS, SUMMARY_WIDTHS)
            for row in totals:
                book.append(row)
            book.save(path)
    return len(entries)


def green_flag(store: Store) -> int | None:
    """The colour the team's policy assigns to a remark after a reminder (by default 绿),
    found by its meaning so a supervisor may move it; None if no usable colour says 催付."""
    for rule in policy.load(store).rules:
        if rule.flag and not rule.forbidden and "催付" in rule.meaning:
            return rule.flag
    return None


# --- 总结优化表: what worked ---------------------------------------------------------------

SUMMARY_TITLE = "总结优化表"
SUMMARY_DIMENSIONS = ("催付时机", "催付方式", "未付原因")
SUMMARY_HEADERS = ("维度", "项目", "催付次数", "已付款", "成功率（%）")
SUMMARY_WIDTHS = (10, 18, 10, 10, 12)
ON_TIME, TOO_EARLY, TOO_LATE, UNKNOWN_TIME = "按时间表", "早于时间表", "晚于时间表", "下单时间不详"
NO_REASON = "（未填写）"


@dataclass(frozen=True)
class SummaryRow:
    """One line of the summary table (总结优化表) with the reminders of one timing,
    channel or reason, and how many of their orders were paid."""

    dimension: str
    value: str
    reminded: int
    paid: int

    @property
    def rate(self) -> float | None:
        return round(self.paid / self.reminded, 4) if self.reminded else None


def summary_cells(row: SummaryRow) -> list:
    """A summary line as the exported files hold it: the rate in per cent, one decimal
    (empty when nothing was reminded)."""
    rate = None if row.rate is None else round(row.rate * 100, 1)
    return [row.dimension, row.value, row.reminded, row.paid, rate]


def timing(at: float, window: Window | None) -> str:
    """Whether a reminder sent at ``at`` kept to the table."""
    if window is None:
        return UNKNOWN_TIME
    if at < window.earliest:
        return TOO_EARLY
    if window.latest is not None and at > window.latest:
        return TOO_LATE
    return ON_TIME


def summary(store: Store, since: float | None = None, until: float | None = None
            ) -> list[SummaryRow]:
    """Success rate of the reminders sent in [since, until) by timing (kept to the table
    or not), channel and reason. A reminder succeeded when its order has been paid (the
    payment is recorded, or the register's outcome says 已付款)."""
    dispatch, chosen = policy.dispatch_time(store), load_policy(store)
    counts: dict[tuple[str, str], list[int]] = {}
    for row in order_rows.reminder_outcomes(store, since, until):
        window = None
        if row["created_at"] is not None:
            purchases = order_rows.paid_orders_of_buyer(store, row["buyer_id"], row["order_id"])
            window = window_for(row["created_at"], purchases >= REPEAT_BUYER_PURCHASES,
                                dispatch, chosen)
        paid = row["paid_at"] is not None or row["status"] not in NEVER_PAID \
            or (row["outcome"] or "") == PAID_OUTCOME
        for key in (("催付时机", timing(row["at"], window)),
                    ("催付方式", row["channel"] or CHAT_CHANNEL),
                    ("未付原因", row["reason"] or NO_REASON)):
            tally = counts.setdefault(key, [0, 0])
            tally[0] += 1
            tally[1] += paid
    order_of = {name: n for n, name in enumerate(SUMMARY_DIMENSIONS)}
    return sorted((SummaryRow(dimension, value, reminded, paid)
                   for (dimension, value), (reminded, paid) in counts.items()),
                  key=lambda r: (order_of[r.dimension], -r.reminded, r.value))
