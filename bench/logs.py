"""Log search, service figures and log import on a store of 1 000 000 messages.

The store (100 000 conversations of 10 messages over 90 days, 8 agents, 60 000 buyers,
orders for about a third of the conversations) is generated with bulk inserts and its
search index built once, then cached under bench/.cache/ keyed by FIXTURE_VERSION (bump
it when the generator changes). The first run takes a few minutes; later runs reuse it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from workbench import accounts
from workbench.store import Store, integrity, logs
from workbench.supervision import logfiles, metrics, search
from workbench.supervision.search import LogFilter

FIXTURE_VERSION = 2   # 2: the character index
CACHE = Path(__file__).parent / ".cache"
CONVERSATIONS = 100_000
SMOKE_CONVERSATIONS = 200
PER_CONVERSATION = 10
BUYERS = 60_000
AGENTS = [(f"kf{n:02d}", f"客服{n:02d}") for n in range(1, 9)]
DAYS = 90
END = dt.datetime(2025, 11, 1).timestamp()  # fixed, so every build is the same store
SEARCHES_PER_QUERY = 10
IMPORT_MESSAGES = 100_000
QUERIES = ["退货", "发货", "顺丰", "色差", "优惠券", "发票", "羽绒服", "尺码 偏大", '"七天无理由"',
           "地址 修改", "质量问题", "赠品", "保温杯", "退款 到账", "运费险", "包邮", "催一下",
           "藏青色 XL", "京东", "怎么还没到"]

PRODUCTS = ["连衣裙", "卫衣", "牛仔裤", "羽绒服", "T恤", "衬衫", "运动鞋", "手机壳", "保温杯",
            "双肩包", "毛衣", "风衣", "帆布鞋", "围巾", "睡衣", "短裤", "棉服", "马丁靴", "半身裙",
            "针织衫"]
COLOURS = ["黑色", "白色", "藏青色", "卡其色", "酒红色", "燕麦色", "雾霾蓝", "奶白色"]
SIZES = ["S", "M", "L", "XL", "XXL", "均码"]
COURIERS = ["顺丰", "中通", "圆通", "韵达", "申通", "邮政", "京东", "极兔"]
BUYER_LINES = [
    "在吗？{p}还有货吗", "这款{p}有{c}的吗", "我平时穿{s}，这件{p}选哪个码", "尺码偏大还是偏小",
    "{p}会不会起球", "什么时候发货", "今天能发货吗", "发{k}可以吗", "能便宜点吗", "有优惠券吗",
    "包邮吗", "可以开发票吗", "收到的{p}有色差", "我想退货", "退货运费谁出", "能换个{s}码吗",
    "地址写错了，帮我修改一下", "快递怎么还没到", "物流好几天没更新了", "帮我催一下快递",
    "质量问题可以退吗", "{p}开线了", "洗了一次就掉色", "有赠品吗", "买两件能打折吗",
    "{c}和{c}哪个好看", "退款什么时候到账", "我已经拍了，麻烦核对一下地址", "好的谢谢",
    "有运费险吗", "七天无理由可以退吗", "{p}是什么面料", "孕妇能穿吗", "身高{n}体重{n}斤穿什么码",
    "我要{n}件，可以便宜吗", "今天下单明天能到吗", "发{k}要加钱吗", "收到了，挺满意的",
    "衣服有味道", "拍错颜色了，想换{c}",
]
AGENT_LINES = [
    "亲，在的，有什么可以帮您", "{p}有货的哦，{c}和{c}都有", "亲平时穿{s}的话建议拿{s}",
    "这款尺码偏大，建议拍小一码", "下午四点前付款当天发货哦", "默认发{k}，需要指定的话备注一下",
    "已经是活动价啦，领券下单更划算", "店铺首页可以领优惠券哦", "全国包邮（偏远地区除外）",
    "可以开发票的，下单后留言抬头和税号", "实物拍摄，不同屏幕可能有点色差",
    "支持七天无理由退换，退货运费有运费险", "亲，换码的话我们先发新的给您", "地址已经帮您修改好了",
    "我帮您查一下物流", "已经帮您催促快递了，请耐心等待", "质量问题我们承担来回运费",
    "给您补发一件，实在抱歉", "赠品会随包裹一起寄出", "退款一般1到3个工作日到账",
    "收到货有任何问题随时联系我们", "感谢您的支持，祝您生活愉快", "好的亲，稍等我核对一下地址",
    "{p}是纯棉面料，不起球", "亲，这个我们没办法改价哦", "欢迎下次光临", "亲，在的，请讲",
    "可以的，备注{k}就行", "已为您登记，会尽快处理", "亲，{s}码还有少量库存",
]


def _fill(rng: random.Random, template: str) -> str:
    pieces = {"p": PRODUCTS, "c": COLOURS, "s": SIZES, "k": COURIERS}
    out = []
    for part in template.split("{"):
        if "}" in part:
            key, rest = part.split("}", 1)
            out.append(str(rng.randint(150, 180)) if key == "n" else rng.choice(pieces[key]))
            out.append(rest)
        else:
            out.append(part)
    return "".join(out)


def _history(seed: int = 7, conversations: int = CONVERSATIONS):
    """(buyers, conversations, messages, orders) for logs.bulk_load, deterministic."""
    rng = random.Random(seed)
    start = END - DAYS * 86400
    buyers = [f"买家{n:05d}" for n in range(BUYERS)]
    chats, messages, orders = [], [], []
    for number in range(conversations):
        buyer, agent = rng.randrange(BUYERS), rng.randrange(len(AGENTS))
        at = start + number * (DAYS * 86400 / conversations) + rng.uniform(0, 600)
        first = at
        for turn in range(PER_CONVERSATION // 2):
            messages.append((number, "buyer", None, _fill(rng, rng.choice(BUYER_LINES)), at))
            at += rng.choice((3, 8, 15, 25, 40, 70, 120, 200, 400))
            auto = turn == 0 and rng.random() < 0.1
            messages.append((number, "auto" if auto else "agent", None if auto else agent,
                             "您好，欢迎光临，客服马上就来" if auto
                             else _fill(rng, rng.choice(AGENT_LINES)), at))
            at += rng.uniform(20, 300)
        chats.append((buyer, agent, first, at))
        if rng.random() < 0.33:
            created = first + rng.uniform(60, 3 * 3600)
            paid = created + 120 if rng.random() < 0.8 else None
            orders.append((f"B{number:08d}", buyer, "WAIT_SELLER_SEND_GOODS" if paid
                           else "WAIT_BUYER_PAY", 99.0, 99.0 if paid else 0.0, created, paid))
    return buyers, chats, messages, orders


def build(path: Path, conversations: int = CONVERSATIONS, rewrite=None) -> Path:
    """A store holding ``conversations`` generated conversations, indexed; ``rewrite``
    may change the generated messages first."""
    store = Store.open(path)
    try:
        now = END
        boss = accounts.create(store, "boss", "supervisor", "bench-password", now)
        accounts.sign_in(store, boss)
        buyers, chats, messages, orders = _history(conversations=conversations)
        if rewrite is not None:
            messages = rewrite(messages)
        logs.bulk_load(store, AGENTS, buyers, chats, messages, orders, now)
        search.catch_up(store, batch=5000)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return path


def fixture(name: str = f"logs-v{FIXTURE_VERSION}", rewrite=None) -> Path:
    """The cached 1M-message store ``name``, built if missing."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{name}.sqlite3"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".building")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    build(partial, rewrite=rewrite).rename(path)
    integrity.record_path(partial).unlink(missing_ok=True)   # the open checks it once
    return path


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _measure_search(store: Store, boss, rounds: int = SEARCHES_PER_QUERY
                    ) -> dict[str, float]:
    for query in QUERIES:  # warm: jieba, page cache
        search.search(store, boss, LogFilter(query=query))
    times, totals = [], []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            result = search.search(store, boss, LogFilter(query=query), limit=50)
            times.append((time.perf_counter() - started) * 1000)
            totals.append(result.total)
    return {"search_p50_ms": round(statistics.median(times), 1),
            "search_p99_ms": round(_percentile(times, 0.99), 1),
            "search_max_hits": max(totals), "searches": len(times)}


def _measure_metrics(store: Store, boss, runs_wanted: int = 3) -> dict[str, float]:
    since = END - 30 * 86400
    runs, cpu = [], []
    for _ in range(runs_wanted):
        started, started_cpu = time.perf_counter(), time.process_time()
        report = metrics.report(store, boss, since, END, END)
        runs.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    assert report.team.messages_sent > 0
    # CPU time beside wall time: on the shared 2-core machine other work inflates the
    # wall clock, and the CPU time says what an idle machine would take.
    return {"metrics_month_s": round(statistics.median(runs), 2),
            "metrics_month_cpu_s": round(statistics.median(cpu), 2),
            "metrics_month_messages": sum(report.buyer_messages_by_hour)
            + sum(report.agent_messages_by_hour)}


def _measure_import(scratch: Path, messages: int = IMPORT_MESSAGES) -> dict[str, float]:
    rng = random.Random(11)
    path = scratch / "import.jsonl"
    start = END - 86400
    with open(path, "w", encoding="utf-8") as out:
        for number in range(messages // PER_CONVERSATION):
            at = start + number * 8
            for turn in range(PER_CONVERSATION):
                sender = "buyer" if turn % 2 == 0 else "agent"
                lines = BUYER_LINES if sender == "buyer" else AGENT_LINES
                out.write(json.dumps({
                    "conversation": f"ext-{number}", "buyer": f"外来买家{number % 3000}",
                    "agent": AGENTS[number % len(AGENTS)][0] if sender == "agent" else None,
                    "sender": sender, "text": _fill(rng, rng.choice(lines)),
                    "time": dt.datetime.fromtimestamp(at + turn * 30).isoformat(sep=" ")},
                    ensure_ascii=False) + "\n")
    store = Store.open(scratch / "import.sqlite3")
    try:
        boss = accounts.create(store, "boss", "supervisor", "bench-password", END)
        started = time.perf_counter()
        result = logfiles.import_jsonl(store, path, boss, END)
        imported = time.perf_counter() - started
        started = time.perf_counter()
        indexed = search.catch_up(store, batch=2000)
        indexing = time.perf_counter() - started
    finally:
        store.close()
    assert result.messages_added == messages == indexed
    return {"import_msgs_per_s": round(messages / imported),
            "index_msgs_per_s": round(indexed / indexing)}


def run(smoke: bool = False) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        path = build(Path(scratch) / "smoke.sqlite3", SMOKE_CONVERSATIONS) if smoke \
            else fixture()
        store = Store.open(path)
        try:
            boss = accounts.by_name(store, "boss")
            search.catch_up(store, batch=5000)  # a no-op unless indexing changed
            figures = {"messages": logs.count_messages_after(store, 0)}
            figures |= _measure_search(store, boss, rounds=1 if smoke else SEARCHES_PER_QUERY)
            figures |= _measure_metrics(store, boss, runs_wanted=1 if smoke else 3)
        finally:
            store.close()
        figures |= _measure_import(Path(scratch), 2_000 if smoke else IMPORT_MESSAGES)
    figures["cpu_count"] = os.cpu_count() or 0
    return figures
