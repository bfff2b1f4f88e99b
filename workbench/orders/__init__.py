"""Orders as the agent sees them: status, items, the remark memo and the flag.

Remarks follow the team's rules (DOMAIN.md): every entry reads 内容—客服名—时间，entries
are appended, nobody edits a colleague's entry, and an agent may correct only their own
latest entry for a few minutes. Flags follow the team's flag policy (``policy``).
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench import timefmt
from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.orders import policy as flag_policy
from workbench.orders.codes import (  # noqa: F401 - part of this package's interface
    CHIP_COLOURS,
    FLAG_COLOURS,
    FLAG_NAMES,
    NEVER_PAID,
    STATUS_CHIPS,
    STATUS_NAMES,
    UNPAID,
    parse_flag,
    parse_status,
)
from workbench.store import Store, events
from workbench.store import orders as order_rows

MEMO_LIMIT_BYTES = 1000
REMARK_SEPARATOR = "—"
# An agent may correct their own latest entry for this long after writing it.
REMARK_EDIT_WINDOW_S = 5 * 60
# A flag whose colour needs a remark accepts one the same agent wrote this recently.
FLAG_REMARK_RECENT_S = 5 * 60
HOUR = 3600.0


class RemarkRefused(Refused):
    """A remark or flag change the team's rules do not allow."""


@dataclass(frozen=True)
class Order:
    id: str
    buyer_id: int
    buyer_nick: str
    status: str
    total: float | None
    paid: float | None
    postage: float | None
    refund: float | None
    created_at: float | None
    paid_at: float | None
    shipped_at: float | None
    finished_at: float | None
    receiver_name: str | None
    phone: str | None
    address: str | None
    courier: str | None
    tracking_no: str | None
    buyer_message: str | None
    source_remark: str | None
    flag: int
    reminder_count: int = 0

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, self.status)

    @property
    def status_chip(self) -> str:
        return STATUS_CHIPS.get(self.status, self.status)

    @property
    def unpaid(self) -> bool:
        return self.status == UNPAID


@dataclass(frozen=True)
class Remark:
    id: int
    order_id: str
    agent_id: int
    agent_name: str
    content: str
    created_at: float
    edited_at: float | None

    def formatted(self) -> str:
        """The team format 内容—客服名—时间."""
        return entry_text(self.content, self.agent_name, self.created_at)


@dataclass(frozen=True)
class Item:
    id: int
    order_id: str
    title: str
    spec: str | None
    price: float | None
    quantity: int | None
    seller_code: str | None


@dataclass(frozen=True)
class OrderFilter:
    """What the order list window and `workbench orders list` filter by."""

    status: str | None = None          # platform code
    flag: int | None = None
    buyer: str = ""                    # part of the buyer's nick
    nick: str | None = None            # the buyer's whole nick
    since: float | None = None         # created at or after
    until: float | None = None         # created before
    unpaid_hours: float | None = None  # unpaid for more than N hours and never reminded

    def query(self, now: float) -> dict:
        unpaid_before = now - self.unpaid_hours * HOUR if self.unpaid_hours is not None else None
        return {"status": self.status, "flag": self.flag, "buyer": self.buyer.strip(),
                "nick": self.nick, "since": self.since, "until": self.until,
                "unpaid_before": unpaid_before}


def entry_text(content: str, agent_name: str, at: float) -> str:
    return REMARK_SEPARATOR.join((content, agent_name, timefmt.minute(at)))


def for_buyer(store: Store, buyer_id: int) -> list[Order]:
    """The buyer's orders, newest first."""
    return [Order(**row) for row in order_rows.orders_for_buyer(store, buyer_id)]


def get(store: Store, order_id: str) -> Order | None:
    row = order_rows.order(store, order_id)
    return Order(**row) if row else None


def find(store: Store, where: OrderFilter, now: float, limit: int | None = None,
         offset: int = 0) -> list[Order]:
    """Orders matching ``where``, newest first."""
    cursor = order_rows.find_orders(store, **where.query(now), limit=limit, offset=offset)
    return [Order(**row) for row in cursor]


def count(store: Store, where: OrderFilter, now: float) -> int:
    return order_rows.count_orders(store, **where.query(now))


def items(store: Store, order_id: str) -> list[Item]:
    return [Item(**row) for row in order_rows.items(store, order_id)]


def items_of(store: Store, order_ids: list[str]) -> dict[str, list[Item]]:
    found: dict[str, list[Item]] = {order_id: [] for order_id in order_ids}
    for row in order_rows.items_for_orders(store, order_ids):
        found[row["order_id"]].append(Item(**row))
    return found


def remarks(store: Store, order_id: str) -> list[Remark]:
    return [Remark(**row) for row in order_rows.remarks(store, order_id)]


def remarks_of(store: Store, order_ids: list[str]) -> dict[str, list[Remark]]:
    found: dict[str, list[Remark]] = {order_id: [] for order_id in order_ids}
    for row in order_rows.remarks_for_orders(store, order_ids):
        found[row["order_id"]].append(Remark(**row))
    return found


def memo(entries: list[str]) -> str:
    """The memo as the platform stores it: one entry a line."""
    return "\n".join(entries)


def memo_bytes(entries: list[str]) -> int:
    return len(memo(entries).encode("utf-8"))


def memo_entries(source_remark: str | None, entries: list[Remark]) -> list[str]:
    """The whole memo: the back office's remark (lines not already ours), then our entries.

    The back office remark is what the order carried before; our entries are appended
    after it, so both count towards the platform's limit.
    """
    ours = [r.formatted() for r in entries]
    theirs = [line for line in (source_remark or "").splitlines()
              if line.strip() and line.strip() not in ours]
    return [*theirs, *ours]


def memo_size_with(store: Store, order_id: str, agent: Agent, content: str, now: float,
                   replacing: int | None = None) -> int:
    """Bytes the memo would take with ``content`` appended (or replacing entry ``replacing``);
    for the live counter under the remark box."""
    order = get(store, order_id)
    if order is None:
        return 0
    entries = [r for r in remarks(store, order_id) if r.id != replacing]
    lines = memo_entries(order.source_remark, entries)
    content = _clean(content)
    if content:
        lines.append(entry_text(content, agent.signature, now))
    return memo_bytes(lines)


def _clean(content: str) -> str:
    return " ".join(content.split())


def _check_content(content: str) -> str:
    content = _clean(content)
    if not content:
        raise RemarkRefused("备注内容不能为空。", "A remark cannot be empty.")
    if REMARK_SEPARATOR in content:
        raise RemarkRefused(f"备注内容里不能含有分隔符“{REMARK_SEPARATOR}”。",
                            f"A remark cannot contain the separator {REMARK_SEPARATOR!r}.")
    return content


def _check_size(lines: list[str]) -> None:
    size = memo_bytes(lines)
    if size > MEMO_LIMIT_BYTES:
        raise RemarkRefused(
            f"备注超出平台上限：加上这条共 {size} 字节，上限 {MEMO_LIMIT_BYTES} 字节"
            f"（多了 {size - MEMO_LIMIT_BYTES} 字节）。请写得简短些。",
            f"The remarks exceed the platform's limit: {size} bytes with this one, at most "
            f"{MEMO_LIMIT_BYTES} ({size - MEMO_LIMIT_BYTES} too many). Please write less."
        )


def add_remark(store: Store, order_id: str, agent: Agent, content: str, now: float) -> Changes:
    """Append an entry after the existing ones; nobody rewrites a colleague's entry."""
    content = _check_content(content)
    with store.transaction():
        order = get(store, order_id)
        if order is None:
            raise RemarkRefused(f"找不到订单 {order_id}。", f"No order {order_id}.")
        lines = memo_entries(order.source_remark, remarks(store, order_id))
        _check_size([*lines, entry_text(content, agent.signature, now)])
        remark_id = order_rows.insert_remark(store, order_id, agent.id, content, now)
        events.record(store, now, agent.id, "remark.add", f"order:{order_id}",
                      {"remark": remark_id, "content": content})
    return Changes(orders=frozenset({order_id}))


def editable_remark(store: Store, order_id: str, agent: Agent, now: float) -> Remark | None:
    """The entry this agent may still correct: their own latest, if young enough."""
    own = [r for r in remarks(store, order_id) if r.agent_id == agent.id]
    if own and now - own[-1].created_at <= REMARK_EDIT_WINDOW_S:
        return own[-1]
    return None


def edit_refusal(store: Store, remark_id: int, agent: Agent,
                 now: float) -> RemarkRefused | None:
    """Why this agent may not correct this entry now, or None if they may."""
    row = order_rows.remark(store, remark_id)
    if row is None:
        return RemarkRefused("这条备注已不存在。", "This remark no longer exists.")
    target = Remark(**row)
    if target.agent_id != agent.id:
        return RemarkRefused(
            f"这条备注是{target.agent_name}写的，只能由本人修改。需要补充请追加一条新备注。",
            f"{target.agent_name} wrote this remark; only they may change it. Add a new "
            "remark to say more.")
    own = [r for r in remarks(store, target.order_id) if r.agent_id == agent.id]
    if own[-1].id != target.id:
        return RemarkRefused("只能修改自己最新的一条备注；更早的备注请追加新备注来更正。",
                             "Only your latest remark can be changed; correct older ones "
                             "with a new remark.")
    if now - target.created_at > REMARK_EDIT_WINDOW_S:
        minutes = REMARK_EDIT_WINDOW_S // 60
        return RemarkRefused(f"备注写下已超过 {minutes} 分钟，不能再修改。"
                             "如需更正，请追加一条新备注。",
                             f"The remark is more than {minutes} minutes old and can no "
                             "longer be changed; add a new remark to correct it.")
    return None


def edit_remark(store: Store, remark_id: int, agent: Agent, content: str,
                now: float) -> Changes:
    """Correct the agent's own latest entry within the edit window; the time stays the
    time it was written, and the audit log keeps both texts."""
    content = _check_content(content)
    with store.transaction():
        refusal = edit_refusal(store, remark_id, agent, now)
        if refusal:
            raise refusal
        row = order_rows.remark(store, remark_id)
        assert row is not None
        target = Remark(**row)
        if content == target.content:
            return Changes()
        order = get(store, target.order_id)
        assert order is not None
        others = [r for r in remarks(store, target.order_id) if r.id != target.id]
        lines = memo_entries(order.source_remark, others)
        _check_size([*lines, entry_text(content, target.agent_name, target.created_at)])
        order_rows.update_remark(store, target.id, content, now)
        events.record(store, now, agent.id, "remark.edit", f"order:{target.order_id}",
                      {"remark": target.id, "old": target.content, "new": content})
    return Changes(orders=frozenset({target.order_id}))


def flag_rule(store: Store, flag: int) -> flag_policy.FlagRule:
    """What the team's policy says about this colour."""
    if flag not in FLAG_NAMES:
        raise RemarkRefused(f"没有编号为 {flag} 的旗帜。", f"There is no flag number {flag}.")
    return flag_policy.load(store).rule(flag)


def needs_remark(store: Store, order_id: str, agent: Agent, flag: int, now: float) -> bool:
    """Whether setting ``flag`` now still needs a remark from this agent."""
    rule = flag_rule(store, flag)
    return rule.remark_required and not _has_recent_remark(store, order_id, agent, now)


def _has_recent_remark(store: Store, order_id: str, agent: Agent, now: float) -> bool:
    return any(r.agent_id == agent.id and now - r.created_at <= FLAG_REMARK_RECENT_S
               for r in remarks(store, order_id))


def set_flag(store: Store, order_id: str, agent: Agent, flag: int, now: float,
             remark: str = "") -> Changes:
    """Set the order's flag as the team's policy allows.

    A forbidden colour is refused with the policy's reason. A colour that needs a remark
    takes ``remark`` (appended in the same transaction) or one the agent wrote in the last
    few minutes; otherwise it is refused, saying what the colour means.
    """
    rule = flag_rule(store, flag)
    if rule.forbidden:
        raise RemarkRefused(f"不能插{rule.name}旗：{rule.reason or '团队规定不使用这种颜色'}。",
                            f"The {rule.name} flag cannot be used: "
                            f"{rule.reason or 'the team does not use this colour'}.")
    changes = Changes()
    with store.transaction():
        order = get(store, order_id)
        if order is None:
            raise RemarkRefused(f"找不到订单 {order_id}。", f"No order {order_id}.")
        if _clean(remark):
            changes |= add_remark(store, order_id, agent, remark, now)
        elif rule.remark_required and not _has_recent_remark(store, order_id, agent, now):
            raise RemarkRefused(
                f"按团队旗帜规则，{rule.name}旗表示“{rule.meaning}”，插旗时需同时写一条备注"
                "说明具体内容。",
                f"Under the team's flag rules the {rule.name} flag means {rule.meaning!r}: "
                "set it together with a remark saying what exactly.")
        if order.flag == flag:
            return changes
        order_rows.set_flag(store, order_id, flag)
        order_rows.insert_flag_change(store, order_id, agent.id, order.flag, flag, now)
        events.record(store, now, agent.id, "flag.set", f"order:{order_id}",
                      {"old": order.flag, "new": flag})
    return changes | Changes(orders=frozenset({order_id}))


def flag_history(store: Store, order_id: str) -> list[dict]:
    """Who changed the flag, from what to what, when (oldest first)."""
    return [dict(row) for row in order_rows.flag_changes(store, order_id)]


def record(store: Store, buyer_id: int, fields: dict, order_items: list[dict]) -> Changes:
    """Add an order with its items (the demo shop and tests)."""
    with store.transaction():
        order_rows.insert_order(store, {**fields, "buyer_id": buyer_id})
        for item in order_items:
            order_rows.insert_item(store, fields["id"], item["title"], item.get("spec", ""),
                                   item.get("price"), item.get("quantity", 1),
                                   item.get("seller_code", ""))
    return Changes(orders=frozenset({fields["id"]}))


def conversation_of_buyer(store: Store, buyer_id: int) -> int | None:
    """The buyer's latest conversation, where a message about their order goes."""
    return order_rows.latest_conversation(store, buyer_id)


def masked_phone(phone: str | None) -> str:
    """A phone number as it may be written in a chat: 138****1111."""
    digits = (phone or "").strip()
    if len(digits) >= 11:
        return digits[:3] + "****" + digits[-4:]
    return digits


def summary(store: Store, order: Order) -> str:
    """The message that asks the buyer to confirm items and address (核对地址)."""
    lines = [f"亲，跟您核对一下订单信息（订单号 {order.id}）："]
    for item in items(store, order.id):
        spec = f"（{item.spec}）" if item.spec else ""
        lines.append(f"· {item.title}{spec} ×{item.quantity or 1}")
    if order.total is not None:
        lines.append(f"合计 ¥{order.total:.2f}")
    receiver = " ".join(part for part in (order.receiver_name or "",
                                          masked_phone(order.phone)) if part)
    lines.append(f"收货人：{receiver or '（未填写）'}")
    lines.append(f"收货地址：{order.address or '（未填写）'}")
    lines.append("请确认宝贝和地址是否正确，有需要修改的地方请告诉我哦~")
    return "\n".join(lines)
