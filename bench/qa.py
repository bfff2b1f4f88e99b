"""The service standard's checklist over 100 000 stored conversations, and the 质检 window
opening a sampled conversation with its marks.

``check_conversations_per_s``: ``workbench qa check``'s work over the whole store:
every conversation read from the store as its transcript (with the buyer's orders) and
checked against the team's standard; conversations ÷ seconds, wall clock (CPU time beside
it, the machine being shared).
``open_inspection_ms``: the 质检 window (real widgets, offscreen) opening one sampled
conversation: the transcript read, checked with the supervisor's overrides, its marks
and results shown, laid out and painted (timed from the click until the events it caused
are processed); the median over the sampled conversations (p90 beside).

The store (100 000 conversations of 6–12 messages over 30 days, 8 agents, 60 000 buyers,
orders for a third of them) is generated once with bulk inserts and cached under
bench/.cache/ keyed by FIXTURE_VERSION; ``smoke`` builds 300 conversations in a temporary
folder instead.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from workbench import accounts, standards
from workbench.standards import inspection, transcripts
from workbench.store import Store, logs

FIXTURE_VERSION = 1
CACHE = Path(__file__).parent / ".cache"
CONVERSATIONS = 100_000
SMOKE_CONVERSATIONS = 300
DAYS = 30
END = dt.datetime(2025, 11, 1).timestamp()  # fixed, so every build is the same store
AGENTS = [(f"kf{n:02d}", f"客服{n:02d}") for n in range(1, 9)]
OPENINGS = 40

BUYER_LINES = ("在吗？这款还有M码吗", "什么时候发货", "太贵了，能便宜点吗", "我再考虑一下",
               "别家比你们便宜", "包邮吗", "有赠品吗", "已经拍了", "付款了，麻烦核对一下地址",
               "收到的衣服开线了，要退货", "好的谢谢", "尺码偏大还是偏小", "再不发货我就投诉了")
AGENT_LINES = ("亲，在的，有什么可以帮您", "有货的哦，这款可以搭配同系列的裤子一起买",
               "下午四点前付款当天发货哦", "已经是活动价啦！", "你自己看详情页",
               "不是说了吗，包邮的",
               "感谢您的支持，今天发货，有问题随时联系", "收到满意的话记得给个五星好评哦",
               "好的亲，跟您核对一下收货地址", "抱歉亲，给您换一件，售后随时找我", "好的", "稍等")
AUTO_LINE = "您好，欢迎光临，客服马上就来"


def history(conversations: int, seed: int = 15):
    """(buyers, conversations, messages, orders) for logs.bulk_load, deterministic."""
    rng = random.Random(seed)
    start = END - DAYS * 86400
    buyers = [f"买家{n:05d}" for n in range(max(conversations * 6 // 10, 1))]
    rows, messages, orders = [], [], []
    for number in range(conversations):
        buyer, agent = rng.randrange(len(buyers)), rng.randrange(len(AGENTS))
        at = start + number * (DAYS * 86400 / conversations) + rng.uniform(0, 600)
        first = at
        for turn in range(rng.randint(3, 6)):
            messages.append((number, "buyer", None, rng.choice(BUYER_LINES), at))
            if turn == 0 and rng.random() < 0.3:
                messages.append((number, "auto", None, AUTO_LINE, at + 1))
            at += rng.choice((5, 12, 20, 28, 45, 90, 150, 240))
            messages.append((number, "agent", agent, rng.choice(AGENT_LINES), at))
            at += rng.uniform(20, 300)
        rows.append((buyer, agent, first, at))
        if rng.random() < 0.33:
            created = first + rng.uniform(30, 600)
            paid = created + 60 if rng.random() < 0.8 else None
            orders.append((f"Q{number:08d}", buyer, "WAIT_SELLER_SEND_GOODS" if paid
                           else "WAIT_BUYER_PAY", 99.0, 99.0 if paid else 0.0, created, paid))
    return buyers, rows, messages, orders


def build(path: Path, conversations: int) -> Path:
    store = Store.open(path)
    try:
        boss = accounts.create(store, "boss", "supervisor", "bench-password", END)
        accounts.sign_in(store, boss)
        buyers, rows, messages, orders = history(conversations)
        logs.bulk_load(store, AGENTS, buyers, rows, messages, orders, END)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return path


def fixture() -> Path:
    """The cached store of 100 000 conversations, built if missing."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"qa-v{FIXTURE_VERSION}.sqlite3"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".building")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    build(partial, CONVERSATIONS)
    partial.rename(path)
    return path


def _measure_check(path: Path) -> dict[str, float]:
    store = Store.open(path)
    try:
        boss = accounts.by_name(store, "boss")
        standard = standards.load_standard(store)
        started, started_cpu = time.perf_counter(), time.process_time()
        found = transcripts.stored(store, boss, 0.0, END + 86400)
        verdicts = standards.check_many(found, standard, END)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - started_cpu
    finally:
        store.close()
    scored = [v.score for v in verdicts if v.score is not None]
    return {"conversations": len(verdicts),
            "check_conversations_per_s": round(len(verdicts) / elapsed),
            "check_cpu_s": round(cpu, 2),
            "average_score": round(statistics.fmean(scored), 1) if scored else 0.0}


def _measure_opening(path: Path) -> dict[str, float]:
    """Sample a day, then open each sampled conversation in the real window."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from workbench.channels.simulator import Simulator
    from workbench.ui.session import Session
    from workbench.ui.standards.inspection import InspectionWindow

    app = QApplication.instance() or QApplication([])
    day = END - 86400
    store = Store.open(path)
    try:
        boss = accounts.by_name(store, "boss")
        if not inspection.listing(store, boss, transcripts.day_of(day), transcripts.day_of(day)):
            inspection.sample(store, boss, day, END, END, per_agent=OPENINGS // len(AGENTS),
                              seed=3)
        session = Session(store, Simulator([], speed=0, clock=lambda: END), boss, lambda: END)
        window = InspectionWindow(session)
        window.since.setDate(QDate.fromString(transcripts.day_of(day), "yyyy-MM-dd"))
        window.until.setDate(window.since.date())
        window.resize(1280, 820)
        window.show()
        app.processEvents()
        ids = [found.id for found in window.model.rows]
        times = []
        for inspection_id in ids:
            started = time.perf_counter()
            window.select(inspection_id)
            app.processEvents()    # the model resets, layout and the repaint they asked for
            times.append((time.perf_counter() - started) * 1000)
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        store.close()
    ordered = sorted(times)
    return {"open_inspection_ms": round(statistics.median(times), 1),
            "open_inspection_p90_ms": round(ordered[int(0.9 * (len(ordered) - 1))], 1),
            "inspections_opened": len(times)}


def run(smoke: bool = False) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        path = build(Path(scratch) / "qa.sqlite3", SMOKE_CONVERSATIONS) if smoke else fixture()
        figures = _measure_check(path)
        figures |= _measure_opening(path)
    figures["cpu_count"] = os.cpu_count() or 0
    return figures
