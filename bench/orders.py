"""Orders: the sidebar's load for one buyer in a store of 100 000 orders for 20 000 buyers,
and the import of a 30 000-row back office order report (GBK CSV with its quirks)."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from workbench import accounts, conversations, demo, timefmt
from workbench.orders.importer import import_report
from workbench.store import Store

ORDERS = 100_000
BUYERS = 20_000
IMPORT_ROWS = 30_000
SIDEBAR_SAMPLES = 500
SMOKE = {"orders": 2_000, "buyers": 500, "import_rows": 500, "samples": 40}
HEADER = ",".join((
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "总金额",
    "买家实际支付金额", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ",
    "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类", "物流单号 ", "物流公司",
    "订单备注", "宝贝总数量", "店铺名称", "订单关闭原因", "退款金额"))
STATUSES = ("交易成功", "卖家已发货，等待买家确认", "买家已付款，等待卖家发货", "等待买家付款",
            "交易关闭")
TITLES = ("纯棉连帽卫衣 宽松款", "莫代尔家居服套装", "珊瑚绒睡袍", "法兰绒睡衣", "针织开衫")
CITIES = ("上海市徐汇区漕溪北路", "广东省深圳市南山区科技园南路", "浙江省杭州市西湖区文三路",
          "北京市朝阳区望京街", "四川省成都市武侯区天府大道")


def _report(path: Path, first_id: int, rows: int, buyers: int, rng: random.Random,
            start: float) -> Path:
    """A report as the back office writes it: GBK, ="…" ids, ' phones, trailing spaces."""
    lines = [HEADER]
    for number in range(rows):
        status = rng.choice(STATUSES)
        created = start + rng.uniform(0, 60 * 86400)
        paid = status != "等待买家付款" and not (status == "交易关闭" and rng.random() < 0.5)
        total = rng.choice((59.0, 89.0, 129.0, 258.0))
        paid_at = timefmt.second(created + 300) if paid else ""
        remark = "9.2珠 中通 礼物" if rng.random() < 0.1 else ""
        lines.append(",".join((
            f'="{first_id + number}"', f"买家{rng.randrange(buyers):05d}", "a***@163.com",
            f"{total:.2f}", "0.00", f"{total:.2f}", f"{total if paid else 0:.2f}",
            f'"{status}"', "", "收件人", f"{rng.choice(CITIES)} {rng.randrange(1, 300)} 号", "快递",
            "", f"'138{rng.randrange(10**8):08d}", timefmt.second(created), paid_at,
            rng.choice(TITLES), "1", '="78312345678901"', "中通快递", remark, "1", "小满家居服",
            "", "0.00")))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path



def _sidebar_times(db: Path, nicks: list[str], extend=None) -> list[float]:
    """Milliseconds from asking the sidebar for a buyer to its painted state.

    ``extend(sidebar, session)`` adds another area's part of the sidebar first."""
    from PySide6.QtWidgets import QApplication

    from workbench.channels.simulator import Simulator
    from workbench.ui.orders.sidebar import OrderSidebar
    from workbench.ui.session import Session

    app = QApplication.instance() or QApplication([])
    store = Store.open(db)
    try:
        agent = accounts.current(store)
        session = Session(store, Simulator([], speed=0), agent)
        sidebar = OrderSidebar(session)
        if extend is not None:
            extend(sidebar, session)
        sidebar.resize(330, 560)
        sidebar.show()
        app.processEvents()
        buyer_ids = [conversations.ensure_buyer(store, nick, "普通", time.time())
                     for nick in nicks]
        times = []
        for buyer_id, nick in zip(buyer_ids, nicks, strict=True):
            started = time.perf_counter()
            sidebar.show_buyer(buyer_id, nick)
            sidebar.repaint()
            times.append((time.perf_counter() - started) * 1000)
        sidebar.close()
        return times
    finally:
        store.close()


def run(smoke: bool = False) -> dict[str, float]:
    size = SMOKE if smoke else {"orders": ORDERS, "buyers": BUYERS, "import_rows": IMPORT_ROWS,
                                "samples": SIDEBAR_SAMPLES}
    rng = random.Random(5)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        db = folder / "orders.sqlite3"
        start = time.time() - 90 * 86400
        base = _report(folder / "base.csv", 10**16, size["orders"], size["buyers"], rng, start)
        store = Store.open(db)
        try:
            demo.seed_if_empty(store, start)
            started = time.perf_counter()
            import_report(store, base, now=time.time())
            build_s = time.perf_counter() - started
        finally:
            store.close()

        nicks = [f"买家{rng.randrange(size['buyers']):05d}" for _ in range(size["samples"])]
        _sidebar_times(db, nicks[:20])  # warm caches and Qt's first paint
        times = sorted(_sidebar_times(db, nicks))

        # A newer report: 30 000 new orders, for known and new buyers alike.
        batch = _report(folder / "ExportOrderList.csv", 2 * 10**16, size["import_rows"],
                        size["buyers"] + 5_000, rng, start + 30 * 86400)
        store = Store.open(db)
        try:
            started = time.perf_counter()
            result = import_report(store, batch, now=time.time())
            import_s = time.perf_counter() - started
            assert result.added == size["import_rows"], result.summary()
        finally:
            store.close()
    return {
        "sidebar_p99_ms": round(times[int(len(times) * 0.99) - 1], 2),
        "sidebar_median_ms": round(statistics.median(times), 2),
        "import_30k_s": round(import_s, 2),
        "import_100k_s": round(build_s, 2),
        "orders": size["orders"],
        "buyers": size["buyers"],
    }
