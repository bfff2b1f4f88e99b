"""Customer care (客户关怀) along an order's life, the course's seven stages plus 回购.

Each stage falls due from the order's status and one of its times (the unpaid reminder
from the 催付 time table), is switched on or off for the shop, and has a team template
with variables. The 关怀 list holds what is due on a day and not yet done; an agent sends
an item through the chat when the buyer has a conversation, or exports it to a call/SMS
list (XLSX) when not. Nothing is sent without the agent's action. What was done — sent
(its message's delivery says whether it failed), skipped, exported — is recorded, one
record per item, and a buyer who asked not to be contacted is never listed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from workbench import conversations, quickphrases, timefmt
from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.customers import require, shown_phone
from workbench.orders import reminders
from workbench.orders.policy import dispatch_time
from workbench.store import Store, events, settings
from workbench.store import customers as rows

CARE_KEY = "customers.care"
HOUR = 3600.0
TEMPLATE_LIMIT = 300
MAX_DELAY_HOURS = 24 * 60
VARIABLES = ("买家", "客服", "店铺", "订单号", "宝贝", "快递", "物流单号", "收货人", "会员等级")
TITLES_SHOWN = 30
SENT, SKIPPED, EXPORTED = "sent", "skipped", "exported"
OUTCOME_NAMES = {SENT: "已发送", SKIPPED: "已跳过", EXPORTED: "已导出"}
CHAT = "旺旺"
CALL = "电话/短信"


@dataclass(frozen=True)
class Stage:
    code: str
    name: str
    anchor: str | None          # the order's time it counts from; None: the last purchase
    statuses: tuple[str, ...]   # the order must still be in one of these
    delay_hours: float          # default wait after the anchor
    expiry_hours: float         # after this long past due it is no longer worth sending
    template: str               # our default wording
    when: str                   # when it falls due, in words


# Our templates (the course lists the stages; the words are ours).
STAGES = (
    Stage("unpaid", "未付款提醒", "created_at", ("WAIT_BUYER_PAY",), 0, 24,
          "{买家}您好，您在{店铺}拍下的{宝贝}还没有付款哦（订单号 {订单号}）。宝贝已经为您留好，"
          "付款时遇到任何问题都可以随时找我~",
          "按催付时间表：下单时间决定最早的提醒时间"),
    Stage("paid", "付款关怀", "paid_at", ("WAIT_SELLER_SEND_GOODS",), 0, 48,
          "{买家}您好，订单 {订单号} 已经付款成功，谢谢您的信任！我们会尽快为您打包发货，"
          "有什么需要随时告诉我~",
          "付款后，发货前"),
    Stage("shipped", "发货提醒", "shipped_at",
          ("SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS"), 0, 48,
          "{买家}您好，您买的{宝贝}已经发出啦：{快递} {物流单号}，请留意查收~",
          "发货后"),
    Stage("arrived", "到达提醒", "shipped_at",
          ("SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS"), 48, 48,
          "{买家}您好，您的包裹（{快递} {物流单号}）快到您那里了，请保持电话畅通，"
          "方便快递员联系您~",
          "发货后约两天，包裹快到时"),
    Stage("signed", "签收提醒", "shipped_at",
          ("WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED"), 96, 72,
          "{买家}您好，包裹应该已经送到了。签收时请当面检查外包装，宝贝有任何问题请先联系我，"
          "我们一定帮您处理好~",
          "发货后约四天，买家签收时"),
    Stage("reviewed", "评价感谢", "finished_at", ("TRADE_FINISHED",), 0, 72,
          "{买家}您好，谢谢您确认收货和评价！您的支持是我们最大的动力，{店铺}期待您再次光临~",
          "交易成功后"),
    Stage("visit", "客户回访", "finished_at", ("TRADE_FINISHED",), 7 * 24, 7 * 24,
          "{买家}您好，{宝贝}用了一段时间了，感觉怎么样？有什么意见或建议都欢迎告诉我们~",
          "交易成功一周后"),
    Stage("repurchase", "回购提醒", None, (), 0, 14 * 24,
          "{买家}您好，距离您上次买{宝贝}有一段时间了，店里最近上了新款，作为{会员等级}会员"
          "可以享受会员权益，欢迎回来看看~",
          "上次购买后，过了买家平常的回购间隔"),
)
STAGE_BY_CODE = {stage.code: stage for stage in STAGES}
# The 催付 table waits at most this long after the order before the reminder is due.
UNPAID_LONGEST_WAIT_H = 48


@dataclass(frozen=True)
class StageSetting:
    enabled: bool
    template: str
    delay_hours: float


DEFAULT_SETTINGS = {stage.code: StageSetting(True, stage.template, stage.delay_hours)
                    for stage in STAGES}


def load_settings(store: Store) -> dict[str, StageSetting]:
    """Each stage's switch, template and delay for this shop (defaults where unset)."""
    text = settings.get(store, CARE_KEY)
    try:
        saved = json.loads(text) if text else {}
    except ValueError:
        saved = {}
    found = dict(DEFAULT_SETTINGS)
    for code, entry in saved.items() if isinstance(saved, dict) else ():
        if code in found and isinstance(entry, dict):
            default = found[code]
            found[code] = StageSetting(bool(entry.get("enabled", default.enabled)),
                                       str(entry.get("template", default.template)),
                                       float(entry.get("delay_hours", default.delay_hours)))
    return found


def unknown_variables(text: str) -> list[str]:
    return [name for name in quickphrases.VARIABLE.findall(text) if name not in VARIABLES]


def save_settings(store: Store, agent, values: dict[str, StageSetting], now: float) -> Changes:
    """Switch stages on or off, change their templates and delays (supervisors only)."""
    require(agent, permissions.EDIT_CARE, "客户关怀的模板和开关只能由主管修改。",
            "Only a supervisor changes the care templates and switches.")
    cleaned = {}
    for code, value in values.items():
        stage = STAGE_BY_CODE[code]
        template = value.template.strip()
        if value.enabled and not template:
            raise Refused(f"“{stage.name}”开着，请写好模板。",
                          f"{stage.code} is switched on: write its template.")
        if len(template) > TEMPLATE_LIMIT:
            raise Refused(f"“{stage.name}”的模板最多 {TEMPLATE_LIMIT} 个字。",
                          f"A template takes at most {TEMPLATE_LIMIT} characters.")
        unknown = unknown_variables(template)
        if unknown:
            raise Refused(f"“{stage.name}”的模板里有不认识的变量："
                          + "、".join("{" + n + "}" for n in unknown) + "。可用："
                          + "、".join("{" + n + "}" for n in VARIABLES),
                          f"Unknown variables in the {stage.code} template: "
                          + ", ".join(unknown))
        if not 0 <= value.delay_hours <= MAX_DELAY_HOURS:
            raise Refused(f"“{stage.name}”的延后时间应在 0 到 {MAX_DELAY_HOURS} 小时之间。",
                          f"A delay is 0 to {MAX_DELAY_HOURS} hours.")
        cleaned[code] = {"enabled": value.enabled, "template": template,
                         "delay_hours": value.delay_hours}
    with store.transaction():
        old = settings.get(store, CARE_KEY)
        merged = (json.loads(old) if old else {}) | cleaned
        settings.put(store, CARE_KEY, json.dumps(merged, ensure_ascii=False))
        events.record(store, now, agent.id, "care.settings", "settings:" + CARE_KEY,
                      {"stages": sorted(cleaned)})
    return Changes(settings=frozenset({CARE_KEY}))


# --- what is due ------------------------------------------------------------------------

@dataclass(frozen=True)
class CareItem:
    subject: str                 # stage:order, or repurchase:buyer:order
    stage: str
    buyer_id: int
    nick: str
    tier: str
    order_id: str | None
    due_at: float
    expires_at: float
    text: str
    phone: str | None            # whole; show it through ``shown_phone``
    receiver_name: str | None
    conversation_id: int | None
    assignee_id: int | None
    assignee_name: str | None
    failed: bool = False         # sent before, and the channel reported a failure

    @property
    def stage_name(self) -> str:
        return STAGE_BY_CODE[self.stage].name

    @property
    def reachable(self) -> bool:
        """The buyer has a conversation here, so the chat can carry it."""
        return self.conversation_id is not None

    @property
    def channel(self) -> str:
        return CHAT if self.reachable else CALL


def day_bounds(day: dt.date) -> tuple[float, float]:
    start = dt.datetime.combine(day, dt.time())
    return start.timestamp(), (start + dt.timedelta(days=1)).timestamp()


def _values(store: Store, row, agent_name: str) -> dict[str, str]:
    titles = row["titles"] or ""
    values = {"买家": row["nick"], "客服": agent_name,
              "店铺": settings.get(store, quickphrases.SHOP_NAME_KEY, "") or "",
              "订单号": row["order_id"] or "",
              "宝贝": titles if len(titles) <= TITLES_SHOWN else titles[:TITLES_SHOWN] + "…",
              "快递": row["courier"] or "", "物流单号": row["tracking_no"] or "",
              "收货人": row["receiver_name"] or "", "会员等级": row["tier"] or ""}
    return {name: value for name, value in values.items() if value}


def _due_time(stage: Stage, setting: StageSetting, row, dispatch) -> float | None:
    """When this order's care of ``stage`` falls due, or None if it does not apply."""
    if stage.anchor is None:
        return row["repurchase_due_at"]
    if stage.code == "unpaid":
        if row["reminded"]:
            return None     # already chased through the 催付 register
        window = reminders.window_for(row["created_at"], row["purchases"]
                                      >= reminders.REPEAT_BUYER_PURCHASES, dispatch)
        return window.earliest + setting.delay_hours * HOUR
    anchor = row[stage.anchor]
    return anchor + setting.delay_hours * HOUR if anchor is not None else None


def _subject(stage: Stage, row) -> str:
    if stage.anchor is None:
        return f"{stage.code}:{row['buyer_id']}:{row['order_id']}"
    return f"{stage.code}:{row['order_id']}"


def _candidates(store: Store, stage: Stage, setting: StageSetting, start: float,
                end: float) -> list:
    delay = setting.delay_hours * HOUR
    expiry = stage.expiry_hours * HOUR
    if stage.anchor is None:
        return rows.repurchase_due(store, start - expiry, end)
    earliest = start - expiry - delay
    if stage.code == "unpaid":
        earliest -= UNPAID_LONGEST_WAIT_H * HOUR + 24 * HOUR
    return rows.care_orders(store, stage.anchor, earliest, end - delay, stage.statuses)


def due(store: Store, viewer, day: dt.date, now: float, mine: bool = False,
        include_done: bool = False) -> list[CareItem]:
    """Care due on ``day`` and not yet done, soonest first: what falls due that day or
    earlier and has not expired (for today: not expired by ``now``). ``mine``: only
    buyers whose latest conversation is ``viewer``'s."""
    start, end = day_bounds(day)
    cutoff = max(start, now) if start <= now < end else start
    shop = load_settings(store)
    dispatch = dispatch_time(store)
    found: list[tuple[Stage, object, float]] = []
    for stage in STAGES:
        setting = shop[stage.code]
        if not setting.enabled:
            continue
        for row in _candidates(store, stage, setting, start, end):
            due_at = _due_time(stage, setting, row, dispatch)
            if due_at is None or row["do_not_contact"]:
                continue
            if due_at < end and due_at + stage.expiry_hours * HOUR > cutoff:
                found.append((stage, row, due_at))
    records = rows.care_records(store, [_subject(stage, row) for stage, row, _ in found])
    talks = rows.latest_conversations(store, sorted({row["buyer_id"] for _, row, _ in found}))
    agent_name = viewer.signature if viewer is not None else ""
    items = []
    for stage, row, due_at in found:
        subject = _subject(stage, row)
        record = records.get(subject)
        failed = record is not None and record["outcome"] == SENT \
            and record["message_status"] == "failed"
        if record is not None and not failed and not include_done:
            continue
        talk = talks.get(row["buyer_id"])
        if mine and (talk is None or talk["agent_id"] != viewer.id):
            continue
        items.append(_item(store, stage, shop[stage.code].template, row, due_at, talk,
                           agent_name, failed))
    items.sort(key=lambda item: (item.due_at, STAGES.index(STAGE_BY_CODE[item.stage]),
                                 item.subject))
    return items


def _item(store: Store, stage: Stage, template: str, row, due_at: float, talk,
          agent_name: str, failed: bool) -> CareItem:
    return CareItem(
        _subject(stage, row), stage.code, row["buyer_id"], row["nick"], row["tier"],
        row["order_id"], due_at, due_at + stage.expiry_hours * HOUR,
        quickphrases.fill(template, _values(store, row, agent_name)), row["phone"],
        row["receiver_name"], talk["id"] if talk else None, talk["agent_id"] if talk else None,
        talk["agent_name"] if talk else None, failed)


def current(store: Store, subject: str, viewer, now: float) -> CareItem:
    """The item ``subject`` as it stands now, or Refused saying why it is not to be sent."""
    code, _, rest = subject.partition(":")
    stage = STAGE_BY_CODE.get(code)
    if stage is None or not rest:
        raise Refused(f"没有这条关怀：{subject}。", f"No such care item: {subject}.")
    setting = load_settings(store)[code]
    if not setting.enabled:
        raise Refused(f"“{stage.name}”已被主管关闭。", f"The {code} stage is switched off.")
    if stage.anchor is None:
        buyer_id, _, _ = rest.partition(":")
        row = rows.repurchase_of(store, int(buyer_id)) if buyer_id.isdigit() else None
    else:
        row = rows.care_order(store, rest)
        if row is not None and row["status"] not in stage.statuses:
            raise Refused(f"订单 {rest} 的状态已经变了，这条{stage.name}不用再发。",
                          f"Order {rest} has moved on; this care is no longer due.")
    due_at = _due_time(stage, setting, row, dispatch_time(store)) if row is not None else None
    if row is None or due_at is None or _subject(stage, row) != subject:
        raise Refused("这条关怀已经不再需要了。", "This care item is no longer due.")
    if row["do_not_contact"]:
        raise Refused(f"{row['nick']}要求不要主动联系，不发关怀。",
                      f"{row['nick']} asked not to be contacted.")
    if now >= due_at + stage.expiry_hours * HOUR:
        raise Refused(f"这条{stage.name}已经过了时效（应在 {timefmt.minute(due_at)} 前后发）。",
                      "This care item has expired.")
    _, end = day_bounds(timefmt.local(now).date())
    if due_at >= end:
        raise Refused(f"这条{stage.name}要到 {timefmt.minute(due_at)} 才到时间。",
                      f"This care item is due only at {timefmt.minute(due_at)}.")
    record = rows.care_records(store, [subject]).get(subject)
    failed = record is not None and record["outcome"] == SENT \
        and record["message_status"] == "failed"
    if record is not None and not failed:
        raise Refused(f"这条关怀已由{record['agent_name'] or '同事'}"
                      f"{OUTCOME_NAMES.get(record['outcome'], record['outcome'])}。",
                      "This care item was already done.")
    talk = rows.latest_conversations(store, [row["buyer_id"]]).get(row["buyer_id"])
    return _item(store, stage, setting.template, row, due_at, talk,
                 viewer.signature if viewer is not None else "", failed)


# --- doing it -------------------------------------------------------------------------

def send(store: Store, subject: str, agent, now: float,
         text: str | None = None) -> tuple[conversations.Message, Changes]:
    """Send the care through the buyer's conversation (the agent's key press); the caller
    hands the message to the channel. An unpaid reminder goes into the 催付 register too."""
    with store.transaction():
        item = current(store, subject, agent, now)
        if not item.reachable:
            raise Refused(f"{item.nick}在这里没有旺旺会话，请导出电话/短信名单联系。",
                          f"{item.nick} has no conversation here; export the call list.")
        text = (item.text if text is None else text).strip()
        left = [name for name in quickphrases.VARIABLE.findall(text) if name in VARIABLES]
        if left:
            raise Refused("还有没填的变量：" + "、".join("{" + n + "}" for n in left)
                          + "。请先改好再发送。",
                          "Fill in the variables first: " + ", ".join(left))
        message, changes = conversations.send(store, item.conversation_id, agent.id, text, now)
        rows.record_care(store, subject, item.stage, item.buyer_id, item.order_id,
                         item.due_at, SENT, agent.id, now, message.uid, "")
        if item.stage == "unpaid":
            changes |= reminders.remind(store, item.order_id, agent, now)
        events.record(store, now, agent.id, "care.send", f"buyer:{item.buyer_id}",
                      {"subject": subject, "message": message.uid})
    return message, changes | Changes(buyers=frozenset({item.buyer_id}))


def skip(store: Store, subject: str, agent, now: float, note: str = "") -> Changes:
    """Decide not to send this care; it leaves the list and the reason is kept."""
    with store.transaction():
        item = current(store, subject, agent, now)
        rows.record_care(store, subject, item.stage, item.buyer_id, item.order_id,
                         item.due_at, SKIPPED, agent.id, now, None, " ".join(note.split()))
        events.record(store, now, agent.id, "care.skip", f"buyer:{item.buyer_id}",
                      {"subject": subject, "note": note})
    return Changes(buyers=frozenset({item.buyer_id}))


EXPORT_HEADER = ("应发时间", "关怀阶段", "买家", "收货人", "手机", "订单号", "会员等级",
                 "建议话术", "负责客服")


def export(store: Store, viewer, path: Path, day: dt.date, now: float, mine: bool = False,
           subjects: list[str] | None = None) -> tuple[int, int]:
    """Write the call/SMS list (XLSX) of the day's care the chat cannot carry (or of
    ``subjects``), and record those items as exported. Phones as ``viewer`` may see them.

    An item whose text still holds a variable the order cannot fill (a shipped order with
    no tracking number yet) is held back: the list goes to buyers as it is. Returns (items
    exported, items held back); held-back items stay on the day's list."""
    from workbench.filewriter import XlsxBook, check_target

    check_target(path, ".xlsx")
    items = due(store, viewer, day, now, mine)
    if subjects is None:
        items = [item for item in items if not item.reachable]
    else:
        wanted = set(subjects)
        items = [item for item in items if item.subject in wanted]
    held_back = [item for item in items if quickphrases.unfilled(item.text)]
    items = [item for item in items if not quickphrases.unfilled(item.text)]
    if not items:
        if held_back:
            missing = "、".join(sorted({name for item in held_back
                                       for name in quickphrases.unfilled(item.text)}))
            raise Refused(f"{len(held_back)} 条关怀缺少{missing}，无法导出；补齐订单信息后再导出，"
                          "或在工作台里改好内容后发送。",
                          f"{len(held_back)} care items lack {missing}; nothing exported.")
        raise Refused("没有需要电话或短信联系的关怀。", "No care to export.")
    book = XlsxBook()
    book.sheet("关怀名单", EXPORT_HEADER, (18, 10, 18, 10, 14, 22, 10, 60, 10))
    for item in items:
        book.append((timefmt.minute(item.due_at), item.stage_name, item.nick,
                     item.receiver_name or "", shown_phone(viewer, item.phone),
                     item.order_id or "", item.tier, item.text, item.assignee_name or ""))
    with store.transaction():
        for item in items:
            rows.record_care(store, item.subject, item.stage, item.buyer_id, item.order_id,
                             item.due_at, EXPORTED, viewer.id, now, None, path.name)
        events.record(store, now, viewer.id, "care.export", f"file:{path.name}",
                      {"items": len(items)})
        book.save(path)
    return len(items), len(held_back)

