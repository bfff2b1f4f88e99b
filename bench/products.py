"""Products: a 20 000-product catalog with size charts imported from GBK CSV files, the 商品
tab's search per keystroke over it, and reading a buyer's message to propose a size."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from workbench import accounts, demo, products
from workbench.products import importer, sizes
from workbench.store import Store

PRODUCTS = 20_000
SMOKE_PRODUCTS = 300
SIZE_SAMPLES = 2_000
WORDS = ("纯棉", "连帽", "卫衣", "宽松", "加绒", "加厚", "莫代尔", "家居服", "套装", "珊瑚绒",
         "睡袍", "法兰绒", "睡衣", "儿童", "冰丝", "短袖", "真丝", "阔腿裤", "羊毛", "袜子",
         "拖鞋", "棉麻", "衬衫", "男女", "同款", "秋冬", "夏季", "新款", "长袖", "开衫", "情侣")
MATERIALS = ("纯棉100%", "莫代尔95% 氨纶5%", "珊瑚绒（聚酯纤维100%）", "桑蚕丝93% 氨纶7%",
             "棉55% 麻45%")
POINTS = ("柔软亲肤", "不起球", "加厚保暖", "冬季可穿", "凉感透气", "夏天不粘身", "宽松版型",
          "男女同款", "弹力腰头", "舒适不勒", "可机洗", "不掉色")
COLOURS = ("黑", "白", "灰", "米白", "燕麦色", "雾霾蓝", "豆沙粉", "藏青", "酒红", "卡其")
# Typed a character at a time, as an agent types into the 商品 tab.
TYPED = ("卫衣", "连帽卫衣", "纯棉 宽松", "睡衣套装", "冰丝短袖", "wy", "p01234", "lmwy", "shy",
         "jjf")
MESSAGES = ("这件我身高162，体重52公斤，穿哪个码？", "162cm 104斤", "1米62 52kg", "一米六二",
            "身高体重170/120", "我一米七五，七十公斤", "订单号3515313147329357901什么时候发",
            "这件129元能便宜吗", "身高158体重九十八斤", "1.68m 60kg")
SIZE_HEADER = "商品编码,尺码,身高下限,身高上限,体重下限,体重上限"  # ascii: csv
PRODUCT_HEADER = "商品编码,商品名称,价格,链接,类目,规格,材质,卖点,关联商品,库存,热销"  # ascii: csv


def _files(folder: Path, count: int, rng: random.Random) -> tuple[Path, Path]:
    """The products file and the size-chart file, GBK CSV as a back office saves them."""
    products_lines, size_lines = [PRODUCT_HEADER], [SIZE_HEADER]
    for number in range(count):
        code = f"P{number:05d}"
        title = "".join(rng.sample(WORDS, 4)) + f" {number % 97}号"
        # A third of the products name an earlier one that goes with them.
        related = f"P{rng.randrange(number):05d}" if number % 3 == 0 and number else ""
        products_lines.append(",".join((
            code, title, f"{rng.choice((59, 89, 129, 199, 259))}.00",
            f"https://shop.example.com/item/{code}", rng.choice(("卫衣", "睡衣", "家居服")),
            "颜色：" + "/".join(rng.sample(COLOURS, 3)) + "；尺码：S/M/L/XL",
            rng.choice(MATERIALS), "；".join(rng.sample(POINTS, 3)),
            related, rng.choice(("有货", "有货", "预售7天", "缺货")), rng.choice(("是", "否")))))
        low = rng.choice((148, 150, 152))
        for step, size in enumerate(("S", "M", "L", "XL")):
            height = low + 8 * step
            weight = 38 + 8 * step
            size_lines.append(f"{code},{size},{height},{height + 8},{weight},{weight + 9}")
    products_file, sizes_file = folder / "商品.csv", folder / "尺码表.csv"
    products_file.write_bytes(("\r\n".join(products_lines) + "\r\n").encode("gbk"))
    sizes_file.write_bytes(("\r\n".join(size_lines) + "\r\n").encode("gbk"))
    return products_file, sizes_file


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _search_times(store: Store, rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds per keystroke in the real 商品 tab: the search and the list model's
    update (what a keystroke costs the tab's code), then Qt's repaint of the list."""
    from PySide6.QtWidgets import QApplication

    from workbench.channels.simulator import Simulator
    from workbench.ui.products.tab import ProductTab
    from workbench.ui.session import Session

    app = QApplication.instance() or QApplication([])
    session = Session(store, Simulator([], speed=0), accounts.current(store))
    tab = ProductTab(session)
    tab.resize(330, 900)
    tab.show()
    app.processEvents()
    searched, painted = [], []
    for _ in range(rounds):
        for word in TYPED:
            for end in range(1, len(word) + 1):
                started = time.perf_counter()
                tab.search.setText(word[:end])
                searched.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                tab.view.repaint()
                painted.append((time.perf_counter() - started) * 1000)
            tab.search.clear()
    tab.stop()
    tab.close()
    return searched, painted


def _size_times(store: Store, count: int, samples: int, rng: random.Random) -> list[float]:
    """Milliseconds to read a buyer's message and propose the size of a product."""
    chosen = products.by_ids(store, [rng.randrange(1, count + 1) for _ in range(samples)])
    times = []
    for product in chosen:
        message = rng.choice(MESSAGES)
        started = time.perf_counter()
        sizes.advice_for(store, product, message)
        times.append((time.perf_counter() - started) * 1000)
    return times


def run(smoke: bool = False) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    count = SMOKE_PRODUCTS if smoke else PRODUCTS
    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        products_file, sizes_file = _files(folder, count, rng)
        store = Store.open(folder / "products.sqlite3")
        try:
            demo.seed_if_empty(store, time.time())
            trainer = accounts.by_name(store, "lin")
            started = time.perf_counter()
            result = importer.import_files(store, products_file, sizes_file, now=time.time(),
                                           agent=trainer)
            import_s = time.perf_counter() - started
            assert result.added == count, result.summary()
            search, paint = _search_times(store, 1 if smoke else 5)
            size = _size_times(store, count, 100 if smoke else SIZE_SAMPLES, rng)
        finally:
            store.close()
    return {
        "search_p99_ms": round(_percentile(search, 0.99), 2),
        "search_p50_ms": round(statistics.median(search), 2),
        "search_paint_p99_ms": round(_percentile(paint, 0.99), 2),
        "size_p99_ms": round(_percentile(size, 0.99), 3),
        "size_p50_ms": round(statistics.median(size), 3),
        "import_20k_s" if not smoke else "import_smoke_s": round(import_s, 2),
        "products": count,
    }
