"""Order status codes and flag colours, and reading them from what people and files write."""

from __future__ import annotations

from workbench import textnorm
from workbench.textnorm import match_key

# Taobao Open Platform status codes and the names the seller back office shows.
STATUS_NAMES = {
    "WAIT_BUYER_PAY": "等待买家付款",
    "WAIT_SELLER_SEND_GOODS": "买家已付款，等待卖家发货",
    "SELLER_CONSIGNED_PART": "卖家部分发货",
    "WAIT_BUYER_CONFIRM_GOODS": "卖家已发货，等待买家确认",
    "TRADE_BUYER_SIGNED": "买家已签收（货到付款）",
    "TRADE_FINISHED": "交易成功",
    "TRADE_CLOSED": "交易关闭（付款后退款成功）",
    "TRADE_CLOSED_BY_TAOBAO": "交易关闭（付款前关闭）",
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
CHIP_COLOURS = {"待付款": "#ef6c00", "已付款": "#1565c0", "已发货": "#00838f",
                "已签收": "#2e7d32", "交易成功": "#2e7d32", "交易关闭": "#757575"}
UNPAID = "WAIT_BUYER_PAY"
# Statuses in which the buyer has not paid (so the order is no purchase yet).
NEVER_PAID = frozenset({"WAIT_BUYER_PAY", "TRADE_CLOSED_BY_TAOBAO"})
# Shipped and not yet finished: the parcel is on its way or signed for (货到付款).
IN_TRANSIT = frozenset({"SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED"})
FINISHED = "TRADE_FINISHED"
# The platform confirms receipt by itself this many days after an express parcel was
# shipped (自动确认收货), so a trade is finished at the latest this long after shipping.
AUTO_CONFIRM_DAYS = 10

# Short names agents and older exports use for the same states. 交易关闭 is ambiguous: it
# is read as closed after payment when the order was paid, before payment otherwise.
_SHORT_STATUS_NAMES = {
    "等待买家付款": "WAIT_BUYER_PAY",
    "待付款": "WAIT_BUYER_PAY",
    "买家已付款": "WAIT_SELLER_SEND_GOODS",
    "已付款": "WAIT_SELLER_SEND_GOODS",
    "等待卖家发货": "WAIT_SELLER_SEND_GOODS",
    "待发货": "WAIT_SELLER_SEND_GOODS",
    "部分发货": "SELLER_CONSIGNED_PART",
    "卖家已发货": "WAIT_BUYER_CONFIRM_GOODS",
    "已发货": "WAIT_BUYER_CONFIRM_GOODS",
    "等待买家确认收货": "WAIT_BUYER_CONFIRM_GOODS",
    "买家已签收": "TRADE_BUYER_SIGNED",
    "已签收": "TRADE_BUYER_SIGNED",
    "交易成功": "TRADE_FINISHED",
    "交易完成": "TRADE_FINISHED",
}
_CLOSED = "交易关闭"

FLAG_NAMES = {0: "灰", 1: "红", 2: "黄", 3: "绿", 4: "蓝", 5: "紫"}
FLAG_COLOURS = {0: "#9e9e9e", 1: "#e53935", 2: "#fdd835", 3: "#43a047", 4: "#1e88e5",
                5: "#8e24aa"}
# Other words for the colours: the old API calls 5 粉红; the CLI accepts English too.
_FLAG_WORDS = {
    "无": 0, "无旗": 0, "灰": 0, "灰旗": 0, "none": 0, "grey": 0, "gray": 0,
    "红": 1, "红旗": 1, "red": 1,
    "黄": 2, "黄旗": 2, "yellow": 2,
    "绿": 3, "绿旗": 3, "green": 3,
    "蓝": 4, "蓝旗": 4, "blue": 4,
    "紫": 5, "紫旗": 5, "粉红": 5, "粉": 5, "purple": 5, "pink": 5,
}


_STATUS_BY_NAME = {match_key(name): code for code, name in STATUS_NAMES.items()}
_SHORT_STATUS_BY_NAME = textnorm.lookup(_SHORT_STATUS_NAMES)
_FLAG_BY_WORD = textnorm.lookup(_FLAG_WORDS)


def parse_status(text: str, paid: bool = False) -> str | None:
    """The platform code for a status written as a code or in Chinese; None if unknown.

    ``paid`` settles the short name 交易关闭（closed after or before payment）.
    """
    key = match_key(text)
    if key.upper() in STATUS_NAMES:
        return key.upper()
    if key in _STATUS_BY_NAME:
        return _STATUS_BY_NAME[key]
    if key == match_key(_CLOSED):
        return "TRADE_CLOSED" if paid else "TRADE_CLOSED_BY_TAOBAO"
    return _SHORT_STATUS_BY_NAME.get(key)


def parse_flag(text: str) -> int | None:
    """A flag written as its number (0–5) or its colour; None if unknown."""
    word = match_key(text)
    if word.isdigit():
        number = int(word)
        return number if number in FLAG_NAMES else None
    return _FLAG_BY_WORD.get(word)
