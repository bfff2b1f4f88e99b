"""Customers (客户关系管理): every buyer's file, the course's four classes, the risk mark.

The file (客户档案) is built from what the store knows — orders, their items, the buyer's
messages — and kept current as orders import and chats arrive (``recompute``). Agents edit
its own fields (name, gender, phone, source, do-not-contact, tags, notes) in one place,
each change kept in the buyer's history; a supervisor sets or lifts the risk mark. Member
tiers follow the shop's rules (``tiers``); care along an order's life is ``care``.

Phones are shown whole to supervisors and masked to everyone else, in the window and on
the command line alike (``shown_phone``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from workbench import textnorm
from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.customers import tiers as tier_rules
from workbench.store import Store, events, settings
from workbench.store import customers as rows

# Orders that count as purchases: paid and not refunded away (TRADE_CLOSED is closed
# after a refund; TRADE_CLOSED_BY_TAOBAO never paid).
PURCHASE_STATUSES = ("WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART",
                     "WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED", "TRADE_FINISHED")
OPEN_TODO_STATES = ("未执行", "执行中", "超时")

# The course's four classes (客户分类) and two marks, as bits of ``customers.marks``.
ENQUIRER, REPEAT, TAGGED, FREQUENT, RISK, NO_CONTACT = 1, 2, 4, 8, 16, 32
CLASSES = (("enquirer", ENQUIRER, "询单未购"), ("repeat", REPEAT, "高复购老客"),
           ("tagged", TAGGED, "打标客户"), ("frequent", FREQUENT, "高频咨询"))
MARKS = (*CLASSES, ("risk", RISK, "风险买家"), ("no_contact", NO_CONTACT, "勿扰"))
# A repeat buyer has bought at least this often; a frequent one wrote on this many days.
REPEAT_PURCHASES = 3
FREQUENT_CHAT_DAYS = 5

GENDERS = ("", "女", "男")
FIELD_NAMES = {"name": "姓名", "gender": "性别", "phone": "电话", "source": "来源",
               "do_not_contact": "勿扰"}
FIELD_LIMIT = 30
NOTE_LIMIT = 500
TAG_LIMIT = 12
RISK_REASON_LIMIT = 100
COUNT_CAP = 10_000
DAY = 86400.0
# What the 客户 window's "last purchase" filter offers: code -> (days, bought within?).
BOUGHT_WINDOWS = {"7d": (7, True), "30d": (30, True), "90d": (90, True), "365d": (365, True),
                  "lapsed90": (90, False), "lapsed365": (365, False)}


def marks_of(orders: int, chats: int, tags: list[str], risk: bool, no_contact: bool) -> int:
    """The classes and marks of a buyer with these figures."""
    marks = 0
    if chats >= 1 and orders == 0:
        marks |= ENQUIRER
    if orders >= REPEAT_PURCHASES:
        marks |= REPEAT
    if tags:
        marks |= TAGGED
    if chats >= FREQUENT_CHAT_DAYS:
        marks |= FREQUENT
    if risk:
        marks |= RISK
    if no_contact:
        marks |= NO_CONTACT
    return marks


def class_names(marks: int) -> list[str]:
    return [name for _, bit, name in CLASSES if marks & bit]


def parse_class(text: str) -> int | None:
    """A class or mark by code (repeat) or name (高复购老客)."""
    key = textnorm.match_key(text)
    return next((bit for code, bit, name in MARKS
                 if key in (textnorm.match_key(code), textnorm.match_key(name))), None)


def policy(store: Store) -> tier_rules.TierPolicy:
    return tier_rules.parse(settings.get(store, tier_rules.TIERS_KEY))


def shown_phone(viewer, phone: str | None) -> str:
    """Whole for who may see it (supervisors), masked (138****1111) for everyone else."""
    from workbench.orders import masked_phone

    if not phone:
        return ""
    if viewer is not None and permissions.allowed(viewer.role, permissions.SEE_WHOLE_PHONES):
        return phone
    return masked_phone(phone) if len(phone) >= 7 else "*" * len(phone)


def require(agent, action: str, zh: str, en: str) -> None:
    if agent is None or not agent.active or not permissions.allowed(agent.role, action):
        raise Refused(zh, en)


# --- the file ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Customer:
    """A buyer as the list and the card show them (one row of the file)."""

    buyer_id: int
    nick: str
    tier: str
    tags_json: str
    buyer_since: float | None
    name: str | None
    gender: str | None
    phone: str | None          # as edited in the file; orders' phones come from ``contact``
    source: str | None
    do_not_contact: int
    risk_reason: str | None
    risk_by: int | None
    risk_by_name: str | None
    risk_at: float | None
    tier_rank: int
    tier_since: float | None
    marks: int
    orders: int
    paid_total: float
    items: int
    first_order_at: float | None
    last_order_at: float | None
    repurchase_days: float | None
    chats: int
    last_chat_at: float | None

    @classmethod
    def from_row(cls, row) -> Customer:
        values = dict(row)
        values["tags_json"] = values.pop("tags")
        return cls(**values)

    @property
    def tags(self) -> list[str]:
        return json.loads(self.tags_json or "[]")

    @property
    def classes(self) -> list[str]:
        return class_names(self.marks)

    @property
    def average_order(self) -> float | None:
        return round(self.paid_total / self.orders, 2) if self.orders else None

    @property
    def risky(self) -> bool:
        return bool(self.risk_reason)


@dataclass(frozen=True)
class Address:
    address: str
    receiver_name: str | None
    phone: str | None
    last_used: float
    used: int


@dataclass(frozen=True)
class Note:
    id: int
    text: str
    at: float
    agent_id: int | None
    agent_name: str | None


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: float
    kind: str
    old: str | None
    new: str | None
    reason: str
    agent_name: str | None

    def describe(self) -> str:
        """One line such as 会员等级：普通 → 高级（导入订单后重算）"""
        label = HISTORY_KINDS.get(self.kind, self.kind)
        change = f"{self.old or '（空）'} → {self.new or '（空）'}"
        reason = f"（{self.reason}）" if self.reason else ""
        return f"{label}：{change}{reason}"


HISTORY_KINDS = {"tier": "会员等级", "risk": "风险标记", "tags": "标签",
                 **{f"field:{k}": v for k, v in FIELD_NAMES.items()}}


@dataclass(frozen=True)
class CustomerFile:
    """Everything the file window shows about one buyer."""

    customer: Customer
    name: str                  # as edited, else the latest order's receiver
    phone: str                 # whole; show it through ``shown_phone``
    addresses: list[Address]
    notes: list[Note]
    history: list[HistoryEntry]
    latest_order: dict | None
    open_todos: int
    tier: tier_rules.Tier


def get(store: Store, buyer_id: int) -> Customer | None:
    row = rows.file_row(store, buyer_id)
    return Customer.from_row(row) if row else None


def by_nick(store: Store, nick: str) -> Customer | None:
    buyer_id = rows.buyer_id_by_nick(store, nick.strip())
    return get(store, buyer_id) if buyer_id is not None else None


def open_file(store: Store, buyer_id: int) -> CustomerFile | None:
    customer = get(store, buyer_id)
    if customer is None:
        return None
    addresses = [Address(**row) for row in rows.addresses(store, buyer_id)]
    latest = rows.latest_order(store, buyer_id)
    name = customer.name or (addresses[0].receiver_name if addresses else "") or ""
    phone = customer.phone or next((a.phone for a in addresses if a.phone), "") or ""
    shop_tiers = policy(store).tiers
    return CustomerFile(
        customer, name, phone, addresses,
        [Note(**row) for row in rows.notes(store, buyer_id)],
        [HistoryEntry(**row) for row in rows.history(store, buyer_id)],
        dict(latest) if latest else None,
        rows.open_todos(store, buyer_id, OPEN_TODO_STATES),
        shop_tiers[min(customer.tier_rank, len(shop_tiers) - 1)])


# --- the card in the chat header ----------------------------------------------------------

@dataclass(frozen=True)
class Badge:
    """An item another area adds to the buyer card (an open after-sale case and the like);
    ``kind`` names it for the card's colours."""

    text: str
    kind: str = "info"
    tip: str = ""


@dataclass(frozen=True)
class Card:
    customer: Customer
    last_order: dict | None
    open_todos: int
    badges: list[Badge]          # what other areas add


def _aftersale_badges(store: Store, buyer_id: int) -> list[Badge]:
    """The buyer's open 售后 case, if any (one indexed look-up: the card is shown for
    every conversation)."""
    from workbench import aftersale

    case = aftersale.open_case_of_buyer(store, buyer_id)
    if case is None:
        return []
    return [Badge(f"售后 {aftersale.case_no(case.id)}：{case.step_name}", "aftersale",
                  f"{case.kind_name} · {case.order_id}")]


def card(store: Store, buyer_id: int) -> Card | None:
    customer = get(store, buyer_id)
    if customer is None:
        return None
    latest = rows.latest_order(store, buyer_id)
    badges = _aftersale_badges(store, buyer_id)
    return Card(customer, dict(latest) if latest else None,
                rows.open_todos(store, buyer_id, OPEN_TODO_STATES), badges)


# --- the list -------------------------------------------------------------------------

@dataclass(frozen=True)
class CustomerFilter:
    """What the 客户 window and `workbench customers list` filter by."""

    text: str = ""                # part of the nick (1–2 characters: the nick's start)
    tier: int | None = None       # rank
    mark: int | None = None       # a class or mark bit
    tag: str | None = None
    bought: str | None = None     # a BOUGHT_WINDOWS code, or "never"
    min_paid: float | None = None
    sort: str = "last_order"

    def query(self, now: float) -> dict:
        text = " ".join(self.text.split())
        since = before = None
        if self.bought in BOUGHT_WINDOWS:
            days, within = BOUGHT_WINDOWS[self.bought]
            if within:
                since = now - days * DAY
            else:
                before = now - days * DAY
        return {"tier": self.tier, "mark": self.mark, "tag": self.tag or None,
                "nick_match": text if len(text) >= 3 else None,
                "nick_prefix": text if 0 < len(text) < 3 else None,
                "bought_since": since, "bought_before": before,
                "never_bought": self.bought == "never", "min_paid": self.min_paid}


def find(store: Store, where: CustomerFilter, now: float, limit: int = 100,
         offset: int = 0) -> list[Customer]:
    """Buyers matching ``where``, in its order (latest purchase first by default)."""
    ids = rows.find_ids(store, sort=where.sort, limit=limit, offset=offset, **where.query(now))
    found = {row["buyer_id"]: Customer.from_row(row) for row in rows.file_rows(store, ids)}
    return [found[i] for i in ids if i in found]


def count(store: Store, where: CustomerFilter, now: float, cap: int = COUNT_CAP) -> int:
    return rows.count(store, cap, **where.query(now))


def known_tags(store: Store) -> list[tuple[str, int]]:
    return [(row["tag"], row["buyers"]) for row in rows.known_tags(store)]


def tier_counts(store: Store) -> dict[int, int]:
    return rows.tier_counts(store)


def buyers_without_files(store: Store) -> list[int]:
    """Buyers known only by name so far (an older store just migrated, a log import): their
    files are computed when the 客户 window opens."""
    return rows.buyers_without_files(store)


# --- edits ----------------------------------------------------------------------------

def _changes(store: Store, buyer_id: int) -> Changes:
    return Changes(buyers=frozenset({buyer_id}),
                   conversations=frozenset(rows.conversation_ids(store, buyer_id)))


def _existing(store: Store, buyer_id: int) -> Customer:
    rows.create_missing(store, [buyer_id])
    customer = get(store, buyer_id)
    if customer is None:
        raise Refused("找不到这位买家。", "No such buyer.")
    return customer


def _marks_with(customer: Customer, **overrides) -> int:
    values = {"orders": customer.orders, "chats": customer.chats, "tags": customer.tags,
              "risk": customer.risky, "no_contact": bool(customer.do_not_contact)} | overrides
    return marks_of(**values)


def _history(store: Store, buyer_id: int, now: float, agent_id: int | None, kind: str,
             old, new, reason: str = "") -> None:
    rows.insert_history(store, [(buyer_id, now, agent_id, kind, old, new, reason)])


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _check_field(field: str, value: str) -> str:
    if field == "gender":
        if value not in GENDERS:
            raise Refused("性别只能是女、男或不填。", "Gender is empty or one of 女 男.")
    elif field == "phone":
        if "*" in value:
            raise Refused("请填写完整的号码：打了星号的号码是遮住的。",
                          "Write the whole number; a number with stars is masked.")
        if value and not (7 <= len(value) <= 20 and all(ch.isdigit() or ch in "+- "
                                                         for ch in value)):
            raise Refused(f"电话“{value}”看起来不像电话号码。",
                          f"{value!r} does not look like a phone number.")
    elif len(value) > FIELD_LIMIT:
        raise Refused(f"{FIELD_NAMES[field]}最多 {FIELD_LIMIT} 个字。",
                      f"At most {FIELD_LIMIT} characters.")
    return value


def edit(store: Store, buyer_id: int, agent, now: float, **fields: str) -> Changes:
    """Change the file's own fields (name, gender, phone, source); each change is kept in
    the buyer's history with who made it. An empty value clears the field."""
    unknown = set(fields) - {"name", "gender", "phone", "source"}
    if unknown:
        raise ValueError(unknown)
    cleaned = {field: _check_field(field, _clean(value)) for field, value in fields.items()}
    with store.transaction():
        customer = _existing(store, buyer_id)
        changed = False
        for field, value in cleaned.items():
            old = getattr(customer, field) or ""
            if old == value:
                continue
            rows.set_field(store, buyer_id, field, value or None)
            _history(store, buyer_id, now, agent.id, f"field:{field}", old, value)
            changed = True
        if not changed:
            return Changes()
        events.record(store, now, agent.id, "customer.edit", f"buyer:{buyer_id}",
                      {"fields": sorted(cleaned)})
    return _changes(store, buyer_id)


def set_do_not_contact(store: Store, buyer_id: int, agent, on: bool, now: float,
                       reason: str = "") -> Changes:
    """The buyer asked not to be contacted (or allows it again): care never lists them."""
    with store.transaction():
        customer = _existing(store, buyer_id)
        if bool(customer.do_not_contact) == on:
            return Changes()
        rows.set_field(store, buyer_id, "do_not_contact", int(on))
        rows.set_marks(store, buyer_id, _marks_with(customer, no_contact=on))
        _history(store, buyer_id, now, agent.id, "field:do_not_contact",
                 "是" if customer.do_not_contact else "否", "是" if on else "否", _clean(reason))
        events.record(store, now, agent.id, "customer.do_not_contact", f"buyer:{buyer_id}",
                      {"on": on})
    return _changes(store, buyer_id)


def _risk_reason(agent, reason: str, zh: str, en: str) -> str:
    """The reason for setting or lifting the risk mark, from a supervisor; Refused with
    ``zh``/``en`` when there is none."""
    require(agent, permissions.MARK_RISK_BUYERS, "风险买家标记只能由主管设置或解除。",
            "Only a supervisor sets or lifts the risk mark.")
    reason = _clean(reason)
    if not reason:
        raise Refused(zh, en)
    if len(reason) > RISK_REASON_LIMIT:
        raise Refused(f"原因最多 {RISK_REASON_LIMIT} 个字。",
                      f"The reason takes at most {RISK_REASON_LIMIT} characters.")
    return reason


def set_risk(store: Store, buyer_id: int, agent, reason: str, now: float) -> Changes:
    """Mark the buyer as a risk (恶意买家/职业差评 suspicion): supervisors only, with why."""
    reason = _risk_reason(agent, reason, "请写明标记为风险买家的原因。",
                          "Say why the buyer is marked as a risk.")
    with store.transaction():
        customer = _existing(store, buyer_id)
        if customer.risk_reason == reason:
            return Changes()
        rows.set_risk(store, buyer_id, reason, agent.id, now)
        rows.set_marks(store, buyer_id, _marks_with(customer, risk=True))
        _history(store, buyer_id, now, agent.id, "risk", customer.risk_reason, reason)
        events.record(store, now, agent.id, "customer.risk", f"buyer:{buyer_id}",
                      {"reason": reason})
    return _changes(store, buyer_id)


def lift_risk(store: Store, buyer_id: int, agent, reason: str, now: float) -> Changes:
    """Lift the risk mark (supervisors only); why it is lifted stays in the history."""
    reason = _risk_reason(agent, reason, "请写明解除风险标记的原因。",
                          "Say why the risk mark is lifted.")
    with store.transaction():
        customer = _existing(store, buyer_id)
        if not customer.risky:
            return Changes()
        rows.set_risk(store, buyer_id, None, None, None)
        rows.set_marks(store, buyer_id, _marks_with(customer, risk=False))
        _history(store, buyer_id, now, agent.id, "risk", customer.risk_reason, None, reason)
        events.record(store, now, agent.id, "customer.risk_lifted", f"buyer:{buyer_id}",
                      {"reason": reason})
    return _changes(store, buyer_id)


def set_tags(store: Store, buyer_id: int, agent, tags: list[str], now: float) -> Changes:
    """The buyer's tags (打标): trimmed, unique, in the order given."""
    cleaned = list(dict.fromkeys(_clean(t) for t in tags if _clean(t)))
    if any(len(tag) > TAG_LIMIT for tag in cleaned):
        raise Refused(f"每个标签最多 {TAG_LIMIT} 个字。",
                      f"A tag takes at most {TAG_LIMIT} characters.")
    with store.transaction():
        customer = _existing(store, buyer_id)
        if customer.tags == cleaned:
            return Changes()
        rows.set_tags(store, buyer_id, json.dumps(cleaned, ensure_ascii=False), cleaned)
        rows.set_marks(store, buyer_id, _marks_with(customer, tags=cleaned))
        _history(store, buyer_id, now, agent.id, "tags", "，".join(customer.tags),
                 "，".join(cleaned))
        events.record(store, now, agent.id, "buyer.tags", f"buyer:{buyer_id}",
                      {"tags": cleaned})
    return _changes(store, buyer_id)


def add_tag(store: Store, buyer_id: int, agent, tag: str, now: float) -> Changes:
    if not _clean(tag):
        raise Refused("标签不能为空。", "A tag cannot be empty.")
    customer = get(store, buyer_id)
    if customer is None:
        raise Refused("找不到这位买家。", "No such buyer.")
    return set_tags(store, buyer_id, agent, [*customer.tags, tag], now)


def add_note(store: Store, buyer_id: int, agent, text: str, now: float) -> Changes:
    """A note in the file, signed and dated (notes are added, never rewritten)."""
    text = text.strip()
    if not text:
        raise Refused("备注不能为空。", "A note cannot be empty.")
    if len(text) > NOTE_LIMIT:
        raise Refused(f"一条备注最多 {NOTE_LIMIT} 个字。",
                      f"A note takes at most {NOTE_LIMIT} characters.")
    with store.transaction():
        _existing(store, buyer_id)
        note_id = rows.insert_note(store, buyer_id, agent.id, text, now)
        events.record(store, now, agent.id, "customer.note", f"buyer:{buyer_id}",
                      {"note": note_id})
    return _changes(store, buyer_id)


def save_file(store: Store, buyer_id: int, agent, now: float, fields: dict[str, str],
              tags: list[str], do_not_contact: bool) -> Changes:
    """The file window's save: its fields, tags and do-not-contact, all or nothing."""
    with store.transaction():
        return (edit(store, buyer_id, agent, now, **fields)
                | set_tags(store, buyer_id, agent, tags, now)
                | set_do_not_contact(store, buyer_id, agent, do_not_contact, now))
