"""Quick phrases: search per keystroke over 10 000 phrases, a 10 000-row import, and how
well suggestions pick the right phrase on the labelled evaluation set."""

from __future__ import annotations

import csv
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from workbench import demo, textsearch
from workbench.quickphrases import packs, preload, search
from workbench.store import Store
from workbench.ui.quickphrases.panel import LIST_LIMIT

PHRASES = 10_000
SMOKE_PHRASES = 300
EVALUATION = Path(__file__).with_name("phrase_eval.json")
TYPED = ["退货", "顺丰", "尺码偏大", "物流没更新", "sf", "kd", "hy", "质量问题", "包邮吗", "cf"]
TOPICS = ["尺码", "颜色", "快递", "发货", "退货", "换货", "优惠", "赠品", "质量", "面料", "物流",
          "地址", "付款", "花呗", "包邮", "顺丰", "中通", "库存", "预售", "尺寸"]
PARTS = ["亲，", "您好，", "这款", "我们", "已经为您", "麻烦您", "请放心，", "今天", "明天", "马上"]
ENDINGS = ["哦~", "呢。", "的。", "哈！", "。"]


def _write_csv(path: Path, rows: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(packs.HEADER)
        for number in range(rows):
            topic = rng.choice(TOPICS)
            text = (rng.choice(PARTS) + topic + rng.choice(["的问题", "这边", "方面", ""]) +
                    rng.choice(PARTS) + rng.choice(TOPICS) + rng.choice(ENDINGS))
            writer.writerow([f"g{number}", text, f"{topic}/第{number % 7}组", topic])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _accuracy(store: Store) -> tuple[float, float]:
    items = json.loads(EVALUATION.read_text(encoding="utf-8"))["items"]
    top1 = top3 = 0
    for item in items:
        codes = [p.code for p in search.suggest(store, None, [item["message"]])]
        top1 += bool(codes) and codes[0] in item["expected"]
        top3 += any(code in item["expected"] for code in codes[:3])
    return top1 / len(items), top3 / len(items)


def run(smoke: bool = False) -> dict[str, float]:
    textsearch.load()  # the one-time load happens in a worker in the window; not measured
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = folder / "phrases_10k.csv"
        _write_csv(source, SMOKE_PHRASES if smoke else PHRASES)
        store = Store.open(folder / "phrases.sqlite3")
        try:
            started = time.perf_counter()
            packs.import_file(store, source, now=time.time())
            import_s = time.perf_counter() - started
            started = time.perf_counter()
            search.index_pending(store)
            index_s = time.perf_counter() - started
            timings = []
            for _ in range(1 if smoke else 5):
                for word in TYPED:
                    for end in range(1, len(word) + 1):
                        started = time.perf_counter()
                        search.search(store, None, word[:end], indexed=True, limit=LIST_LIMIT)
                        timings.append((time.perf_counter() - started) * 1000)
        finally:
            store.close()
        shop = Store.open(folder / "shop.sqlite3")
        try:
            demo.seed_if_empty(shop, time.time())
            preload.preload(shop, time.time())
            search.index_pending(shop)
            top1, top3 = _accuracy(shop)
        finally:
            shop.close()
    return {
        "search_p50_ms": round(statistics.median(timings), 2),
        "search_p99_ms": round(_percentile(timings, 0.99), 2),
        "import_10k_s": round(import_s, 3),
        "index_10k_s": round(index_s, 3),
        "suggest_top1": round(top1, 3),
        "suggest_top3": round(top3, 3),
    }
