"""The store's own figures on 1 000 000 messages: what the open's check costs, how long a
backup takes, and whether log search finds every message that holds the query.

The store is bench/logs.py's generated history (100 000 conversations of 10 messages)
with buyers' emoji and model names (such as iPhone13 and Type-C) mixed into about one
message in six, cached under bench/.cache/ keyed by FIXTURE_VERSION. Recall is counted
against Python's own substring test on every message, per kind of query.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from bench import logs as history
from workbench import accounts, maintenance, textsearch
from workbench.store import Store, integrity
from workbench.store import backup as copies
from workbench.supervision import search
from workbench.supervision.search import LogFilter

FIXTURE_VERSION = 1
SMOKE_CONVERSATIONS = 300
EMOJI = ["😀", "👍", "👍🏻", "🙏", "😭", "❤️", "🌹", "😂"]
MODELS = ["iPhone13", "iphone13 pro", "XL码", "xl码", "2XL", "Type-C接口", "300ml", "AirPods"]
QUERIES = {
    "one_char": ["货", "码", "退", "色", "亲", "单", "运", "谢", "吗", "羽"],
    "two_char": ["发货", "退货", "色差", "包邮", "尺码", "快递", "优惠", "地址", "运费", "质量"],
    "emoji": ["😀", "👍", "👍🏻", "🙏", "❤️", "🌹"],
    "latin": ["iPhone13", "XL码", "2XL", "Type-C", "300ml", "AirPods", "pro"],
}


def _with_extras(messages: list[tuple], seed: int = 13) -> list[tuple]:
    """Buyers write emoji and model names: add them to some of the generated lines."""
    rng = random.Random(seed)
    out = []
    for conversation, sender, agent, text, at in messages:
        pick = rng.random()
        if pick < 0.08:
            text += rng.choice(EMOJI)
        elif pick < 0.16:
            text = f"{rng.choice(MODELS)} {text}" if sender == "buyer" else text
        out.append((conversation, sender, agent, text, at))
    return out


def _median_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _measure_open(path: Path) -> dict[str, float]:
    """Opening as the window does, trusting the last clean close's record, and with the
    full check (no record: after a crash or a copy)."""
    Store.open(path).close()   # warm the file cache, and leave the record
    trusted = _median_of(5, lambda: Store.open(path).close())
    record_test = _median_of(5, lambda: integrity.trusted(path))

    def full_open() -> None:
        integrity.record_path(path).unlink(missing_ok=True)
        Store.open(path).close()
    full = _median_of(3, full_open)
    return {"open_trusted_s": round(trusted, 3),
            "open_check_record_ms": round(record_test * 1000, 3),
            "open_full_check_s": round(full, 3)}


def _measure_backup(path: Path, scratch: Path) -> dict[str, float]:
    store = Store.open(path)
    try:
        started = time.perf_counter()
        made = maintenance.backup_now(store, time.time())
        seconds = time.perf_counter() - started
    finally:
        store.close()
    copy = scratch / "restored.sqlite3"
    started = time.perf_counter()
    staged = copies.stage(made.path, copy)
    copies.swap_in(copy, staged)
    restore = time.perf_counter() - started
    made.path.unlink()
    made.path.parent.rmdir()   # the fixture's backups/ folder, empty again
    return {"backup_s": round(seconds, 2), "backup_mb": round(made.size / 1e6, 1),
            "restore_s": round(restore, 2)}


def _measure_search(path: Path) -> dict[str, float]:
    store = Store.open(path)
    try:
        boss = accounts.by_name(store, "boss")
        search.catch_up(store, batch=5000)   # a no-op unless indexing changed
        texts = [(row[0], textsearch.fold(row[1])) for row in store.conn.execute(
            "SELECT id, text FROM messages WHERE kind = 'text' AND sender != 'note'")]
        figures: dict[str, float] = {"messages": len(texts)}
        times = []
        for kind, queries in QUERIES.items():
            recalls = []
            for query in queries:
                folded = textsearch.fold(query)
                holding = {number for number, text in texts if folded in text}
                found = {m.id for m in search.iter_messages(store, boss, LogFilter(query))}
                recalls.append(len(holding & found) / len(holding) if holding else 1.0)
                search.search(store, boss, LogFilter(query=query))   # warm
                started = time.perf_counter()
                search.search(store, boss, LogFilter(query=query), limit=50)
                times.append((time.perf_counter() - started) * 1000)
            figures[f"recall_{kind}"] = round(min(recalls), 4)
        ordered = sorted(times)
        figures["search_p50_ms"] = round(statistics.median(times), 1)
        figures["search_max_ms"] = round(ordered[-1], 1)
    finally:
        store.close()
    return figures


def run(smoke: bool = False) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = (history.build(folder / "smoke.sqlite3", SMOKE_CONVERSATIONS, _with_extras)
                if smoke else history.fixture(f"store-v{FIXTURE_VERSION}", _with_extras))
        figures = _measure_open(path)
        figures |= _measure_backup(path, folder)
        figures |= _measure_search(path)
    return figures
