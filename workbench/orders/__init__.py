"""Orders as the agent sees them: status, items, the remark memo and the flag."""

from __future__ import annotations

from dataclasses import dataclass

from workbench import timefmt
from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.store import Store, events
from workbench.store import orders as order_rows

# Taobao Open Platform status codes and the names the seller back office shows.
STATUS_NAMES = {
    "WAIT_BUYER_PAY": "等待买家付款",
    "WAIT_SELLER_SEND_GOODS": "买家已付款,等待卖家发货",
    "SELLER_CONSIGNED_PART": "卖家部分发货",
    "WAIT_BUYER_CONFIRM_GOODS": "卖家已发货,等待买家确认",
    "TRADE_BUYER_SIGNED": "买家已签收(货到付款)",
    "TRADE_FINISHED": "交易成功",
    "TRADE_CLOSED": "交易关闭(付款后退款成功)",
    "TRADE_CLOSED_BY_TAOBAO": "交易关闭(付款前关闭)",
}
# The five states the course teaches, as short chips for the sidebar.
STATUS_CHIPS = {
    "WAIT_BUYER_PAY": "待付款",
    "WAIT_SELLER_SEND_GOODS": "已付款",
    "SELLER_CONSIGNED_PART": "已发货",
    "WAIT_BUYER_CONFIRM_GOODS": "已发货",
    "TRADE_BUYER_SIGNED": "已签收",
    "TRADE_FINISHED": "交易成功",
    "TRADE_CLOSED": "交易关闭",
    "TRADE_CLOSED_BY_TAOBAO": "交易关闭",
}
FLAG_NAMES = {0: "灰", 1: "红", 2: "黄", 3: "绿", 4: "蓝", 5: "紫"}
FLAG_COLOURS = {0: "#9e9e9e", 1: "#e53935", 2: "#fdd835", 3: "#43a047", 4: "#1e88e5",
                5: "#8e24aa"}
MEMO_LIMIT_BYTES = 1000
REMARK_SEPARATOR = "—"


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

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, self.status)

    @property
    def status_chip(self) -> str:
        return STATUS_CHIPS.get(self.status, self.status)


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
        return REMARK_SEPARATOR.join(
            (self.content, self.agent_name, timefmt.minute(self.created_at)))


@dataclass(frozen=True)
class Item:
    id: int
    order_id: str
    title: str
    spec: str | None
    price: float | None
    quantity: int | None
    seller_code: str | None


def for_buyer(store: Store, buyer_id: int) -> list[Order]:
    return [Order(**row) for row in order_rows.orders_for_buyer(store, buyer_id)]


def get(store: Store, order_id: str) -> Order | None:
    row = order_rows.order(store, order_id)
    return Order(**row) if row else None


def items(store: Store, order_id: str) -> list[Item]:
    return [Item(**row) for row in order_rows.items(store, order_id)]


def remarks(store: Store, order_id: str) -> list[Remark]:
    return [Remark(**row) for row in order_rows.remarks(store, order_id)]


def memo(entries: list[str]) -> str:
    """The memo as the platform stores it: one entry a line."""
    return "\n".join(entries)


def memo_bytes(entries: list[str]) -> int:
    return len(memo(entries).encode("utf-8"))


def add_remark(store: Store, order_id: str, agent: Agent, content: str, now: float) -> Changes:
    """Append an entry after the existing ones; nobody rewrites a colleague's entry."""
    content = " ".join(content.split())
    if not content:
        raise RemarkRefused("备注内容不能为空。")
    if REMARK_SEPARATOR in content:
        raise RemarkRefused(f"备注内容里不能含有分隔符“{REMARK_SEPARATOR}”。")
    with store.transaction():
        if get(store, order_id) is None:
            raise RemarkRefused(f"找不到订单 {order_id}。")
        entries = [r.formatted() for r in remarks(store, order_id)]
        new_entry = REMARK_SEPARATOR.join((content, agent.signature, timefmt.minute(now)))
        size = memo_bytes([*entries, new_entry])
        if size > MEMO_LIMIT_BYTES:
            raise RemarkRefused(
                f"备注超出平台上限:加上这条共 {size} 字节,上限 {MEMO_LIMIT_BYTES} 字节。"
            )
        remark_id = order_rows.insert_remark(store, order_id, agent.id, content, now)
        events.record(store, now, agent.id, "remark.add", f"order:{order_id}",
                      {"remark": remark_id, "content": content})
    return Changes(orders=frozenset({order_id}))


def set_flag(store: Store, order_id: str, agent: Agent, flag: int, now: float) -> Changes:
    if flag not in FLAG_NAMES:
        raise RemarkRefused(f"没有编号为 {flag} 的旗帜。")
    with store.transaction():
        order = get(store, order_id)
        if order is None:
            raise RemarkRefused(f"找不到订单 {order_id}。")
        if order.flag == flag:
            return Changes()
        order_rows.set_flag(store, order_id, flag)
        order_rows.insert_flag_change(store, order_id, agent.id, order.flag, flag, now)
        events.record(store, now, agent.id, "flag.set", f"order:{order_id}",
                      {"old": order.flag, "new": flag})
    return Changes(orders=frozenset({order_id}))


def flag_history(store: Store, order_id: str) -> list[dict]:
    return [dict(row) for row in order_rows.flag_changes(store, order_id)]


def record(store: Store, buyer_id: int, fields: dict, order_items: list[dict]) -> Changes:
    """Add an order with its items (the demo shop and, later, the report import)."""
    with store.transaction():
        order_rows.insert_order(store, {**fields, "buyer_id": buyer_id})
        for item in order_items:
            order_rows.insert_item(store, fields["id"], item["title"], item.get("spec", ""),
                                   item.get("price"), item.get("quantity", 1),
                                   item.get("seller_code", ""))
    return Changes(orders=frozenset({fields["id"]}))
