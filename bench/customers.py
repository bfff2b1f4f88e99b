"""Customers: a shop of 200 000 buyers and 1 000 000 orders.

``filter_p99_ms``: the 客户 window (real widgets, offscreen) changing one filter — tier,
class, tag, last purchase, spend, sort, a search text — timed from the change until the
list is repainted; p99 over every change. The count under the list is worked out just
after the paint (``count_p99_ms``, timed apart).
``card_p99_ms``: the buyer card of the chat header shown for a buyer (file, last order,
open 待办) and repainted; p99 over many buyers.
``recompute_s``: tiers and classes recomputed for the buyers of a 30 000-order import
(known and new buyers alike), as the import does after writing its orders.
``full_recompute_s``: every buyer recomputed (after rule changes; not on any daily path).
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from workbench import accounts, demo
from workbench.customers.recompute import recompute, refresh_for_orders
from workbench.store import Store, people
from workbench.store import customers as rows

FULL = {"buyers": 200_000, "orders": 1_000_000, "import": 30_000, "chatting": 20_000,
        "rounds": 12, "cards": 500}
SMOKE = {"buyers": 2_000, "orders": 10_000, "import": 300, "chatting": 200, "rounds": 1,
         "cards": 20}
DAY = 86400.0
STATUSES = (("TRADE_FINISHED", 70), ("WAIT_BUYER_CONFIRM_GOODS", 8),
            ("WAIT_SELLER_SEND_GOODS", 5), ("TRADE_BUYER_SIGNED", 2), ("WAIT_BUYER_PAY", 5),
            ("TRADE_CLOSED", 5), ("TRADE_CLOSED_BY_TAOBAO", 5))
TAGS = ("爱砍价", "老客", "送礼", "学生党", "偏爱浅色", "尺码偏大")
TITLES = ("纯棉连帽卫衣", "莫代尔家居服套装", "珊瑚绒睡袍", "法兰绒睡衣", "针织开衫")
# Nicks are two of these and a number, as shop buyers' nicks mix words and digits.
NICK_PARTS = ("晴天", "小鹿", "木子", "猫咪", "阿宝", "北方", "狼", "橙子", "妈妈", "Coco",
              "花儿", "等风", "快乐", "小米", "大熊", "糖糖", "月亮", "星星", "阿飞", "不飞",
              "精打", "细算", "海边", "山里", "团子", "豆豆", "可乐", "柠檬", "西瓜", "樱桃")
# What an agent types: two characters (the nick's start), a piece of a nick, digits.
SEARCHES = ("小鹿", "晴天小", "猫咪糖", "1234", "阿宝", "Coco", "月亮星星12", "等风")


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _orders(rng: random.Random, first: int, count: int, buyers: int, before: int,
            start: float, span: float) -> tuple[list[tuple], list[tuple]]:
    """Orders of the bulk buyers 1..``buyers`` (ids after the ``before`` buyers already
    in the store), created in [start, start + span]."""
    statuses = [code for code, weight in STATUSES for _ in range(weight)]
    orders, items = [], []
    for number in range(first, first + count):
        # A tenth of the buyers are regulars with some 20 orders; most buy now and then.
        regular = rng.random() < 0.3
        buyer = before + 1 + rng.randrange(buyers // 10 if regular else buyers)
        status = rng.choice(statuses)
        created = start + rng.uniform(0, span)
        paid = status not in ("WAIT_BUYER_PAY", "TRADE_CLOSED_BY_TAOBAO")
        shipped = status in ("WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED", "TRADE_FINISHED")
        total = rng.choice((59.0, 89.0, 129.0, 258.0))
        order_id = f"{10**15 + number}"
        orders.append((order_id, buyer, status, total, total if paid else 0.0,
                       total if status == "TRADE_CLOSED" else 0.0, created,
                       created + 300 if paid else None, created + DAY if shipped else None,
                       created + 8 * DAY if status == "TRADE_FINISHED" else None,
                       f"138{rng.randrange(10**8):08d}", "收件人"))
        items.append((order_id, rng.choice(TITLES), total, 1))
    return orders, items


def build(path: Path, size: dict, now: float, rng: random.Random) -> float:
    """The shop: buyers, orders with items, chats; returns the full recompute's seconds."""
    store = Store.open(path)
    try:
        demo.seed_if_empty(store, now)
        before = people.count_buyers(store)
        buyers = [(f"{rng.choice(NICK_PARTS)}{rng.choice(NICK_PARTS)}{n}",
                   json.dumps([rng.choice(TAGS)], ensure_ascii=False)
                   if rng.random() < 0.03 else "[]", now - 800 * DAY)
                  for n in range(size["buyers"])]
        orders, items = _orders(rng, 0, size["orders"], size["buyers"], before,
                                now - 730 * DAY, 730 * DAY)
        chatting = rng.sample(range(1, size["buyers"] + 1), size["chatting"])
        conversations = [(before + buyer, now - rng.uniform(0, 300) * DAY)
                         for buyer in chatting]
        messages = [(number, "在吗", at + hop * DAY)
                    for number, (_, at) in enumerate(conversations) for hop in range(3)]
        rows.bulk_load(store, buyers, orders, items, conversations, messages)
        started = time.perf_counter()
        recompute(store, now)
        return time.perf_counter() - started
    finally:
        store.close()


def import_recompute(path: Path, size: dict, now: float, rng: random.Random) -> float:
    """A 30 000-order import (for known buyers and 5 000 new ones) written, then timed:
    the recompute the import does for the buyers it touched."""
    store = Store.open(path)
    try:
        before = people.count_buyers(store) - size["buyers"]
        new_buyers = [(f"新买家{n:06d}", "[]", now) for n in range(size["import"] // 6)]
        orders, items = _orders(rng, size["orders"], size["import"],
                                size["buyers"] + len(new_buyers), before, now - 30 * DAY,
                                30 * DAY)
        rows.bulk_load(store, new_buyers, orders, items, [], [])
        started = time.perf_counter()
        result = refresh_for_orders(store, [o[0] for o in orders], now)
        elapsed = time.perf_counter() - started
        assert result.buyers > 0
        return elapsed
    finally:
        store.close()


def window_times(path: Path, size: dict, now: float,
                 rng: random.Random) -> tuple[list[float], list[float], list[float]]:
    """(filter changes, counts after them, cards) in milliseconds."""
    from PySide6.QtWidgets import QApplication

    from workbench.channels.simulator import Simulator
    from workbench.ui.customers.card import BuyerCard
    from workbench.ui.customers.list_window import CustomersWindow
    from workbench.ui.session import Session

    app = QApplication.instance() or QApplication([])
    store = Store.open(path)
    try:
        session = Session(store, Simulator([], speed=0, clock=lambda: now),
                          accounts.by_name(store, "xiaoman"), lambda: now)
        ui = SimpleNamespace(session=session, recompute_all=lambda: None,
                             open_file=lambda buyer_id: None)
        window = CustomersWindow(ui)
        window.resize(1100, 640)
        window.show()
        app.processEvents()
        window._counter.stop()
        boxes = (window.tier, window.mark, window.tag, window.bought, window.spend,
                 window.sort)
        filters, counts = [], []
        for _ in range(size["rounds"]):
            for box in boxes:
                for index in [*range(1, box.count()), 0]:
                    started = time.perf_counter()
                    box.setCurrentIndex(index)
                    window.table.viewport().repaint()
                    filters.append((time.perf_counter() - started) * 1000)
                    counts.append(_count_time(app))
            for text in (*SEARCHES, ""):
                started = time.perf_counter()
                window.search.setText(text)
                window.table.viewport().repaint()
                filters.append((time.perf_counter() - started) * 1000)
                counts.append(_count_time(app))
        window.close()

        card = BuyerCard(session)
        card.resize(560, 80)
        card.show()
        app.processEvents()
        cards = []
        for _ in range(size["cards"]):
            buyer_id = rng.randrange(1, size["buyers"])
            started = time.perf_counter()
            card.show_buyer(buyer_id)
            card.repaint()
            cards.append((time.perf_counter() - started) * 1000)
        card.close()
        app.processEvents()
    finally:
        store.close()
    return filters, counts, cards


def _count_time(app) -> float:
    """The count that follows a filter change, once the list is painted."""
    started = time.perf_counter()
    app.processEvents()
    return (time.perf_counter() - started) * 1000


def run(smoke: bool = False) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    size = SMOKE if smoke else FULL
    rng = random.Random(16)
    now = time.time()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "customers.sqlite3"
        full_s = build(path, size, now, rng)
        filters, counts, cards = window_times(path, size, now, rng)
        recompute_s = import_recompute(path, size, now, rng)
    return {
        "filter_p99_ms": round(_percentile(filters, 0.99), 2),
        "filter_p50_ms": round(_percentile(filters, 0.5), 2),
        "count_p99_ms": round(_percentile(counts, 0.99), 2),
        "card_p99_ms": round(_percentile(cards, 0.99), 2),
        "recompute_s": round(recompute_s, 2),
        "full_recompute_s": round(full_s, 2),
    }
