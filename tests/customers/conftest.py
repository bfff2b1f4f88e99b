"""A small shop for the customer tests: three buyers with hand-counted orders and chats."""

from __future__ import annotations

import pytest
from orders.order_files import CLASSIC_HEADER, ITEM_HEADER, classic_row, write_gbk

from workbench import accounts, conversations, timefmt
from workbench.conversations import Incoming
from workbench.orders.importer import import_report

NOW = "2025-11-24 13:00"


def item_row(order_id: str, title: str, price: str, quantity: str) -> list[str]:
    return [order_id, title, price, quantity, "", "", "", "", "", ""]


def say(store, buyer: str, text: str, at: str, uid: str | None = None):
    return conversations.receive(store, Incoming(uid=uid or f"{buyer}{at}", buyer=buyer,
                                                 text=text, at=timefmt.parse(at)))


@pytest.fixture
def shop(store, clock, tmp_path):
    """Buyer 甲 bought three times (one partly refunded) and left one unpaid and one
    refunded order. Buyer 乙 bought once and wrote on three days. Buyer 丙 only asked."""
    clock.now = timefmt.parse(NOW)
    accounts.add(store, "wang", "supervisor", clock(), "王主管")
    accounts.add(store, "xiaoman", "agent", clock(), "小满")
    rows = [
        classic_row("A1", "甲", total="100.00", paid="100.00", created="2025-06-01 10:00:00",
                    paid_at="2025-06-01 10:05:00", phone="13800001111"),
        classic_row("A2", "甲", total="200.00", paid="200.00", refund="50.00",
                    created="2025-08-01 10:00:00", paid_at="2025-08-01 10:05:00",
                    address="上海市徐汇区漕溪北路 9 号", phone="13800001111"),
        classic_row("A3", "甲", total="120.00", paid="120.00", created="2025-11-01 10:00:00",
                    paid_at="2025-11-01 10:05:00", phone="13800001111"),
        classic_row("A4", "甲", status="WAIT_BUYER_PAY", total="99.00", paid="0.00",
                    created="2025-11-23 20:00:00", paid_at=""),
        classic_row("A5", "甲", status="TRADE_CLOSED", total="59.00", paid="59.00",
                    refund="59.00", created="2025-10-01 10:00:00"),
        classic_row("B1", "乙", status="WAIT_SELLER_SEND_GOODS", total="89.00", paid="89.00",
                    created="2025-11-20 09:00:00", paid_at="2025-11-20 09:01:00",
                    phone="13900002222"),
    ]
    items = [item_row("A1", "卫衣", "30.00", "1"), item_row("A1", "袜子", "35.00", "2"),
             item_row("A2", "睡衣", "200.00", "1"), item_row("A3", "睡袍", "120.00", "1"),
             item_row("A4", "拖鞋", "19.80", "5"), item_row("A5", "围巾", "59.00", "1"),
             item_row("B1", "睡衣", "89.00", "1")]
    report = write_gbk(tmp_path / "orders.csv", CLASSIC_HEADER, rows)
    item_file = write_gbk(tmp_path / "items.csv", ITEM_HEADER, items)
    import_report(store, report, item_file, now=clock())
    for at in ("2025-11-18 10:00", "2025-11-18 11:00", "2025-11-19 09:00", "2025-11-22 21:00"):
        say(store, "乙", "在吗", at)
    say(store, "丙", "有 M 码吗", "2025-11-24 09:00")
    return store


def agent(store, name: str) -> accounts.Agent:
    found = accounts.by_name(store, name)
    assert found is not None
    return found
