"""Sign-in against a large audit log: every sign-in reads the account's recent failures
from ``events``, so it must stay quick however long the shop has been running.

Figures: the median time of a successful sign-in (mostly the scrypt hash, by design),
of refusing a locked account (no hash at all), and of the throttle's own look-up, with
``events`` rows of other kinds and other accounts around.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from workbench import accounts
from workbench.accounts import signins
from workbench.changes import Refused
from workbench.store import Store, events

EVENTS = 200_000
ACCOUNTS = 50
RUNS = 21
HISTORY_S = 30 * 86400


def _median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 3)


def _refused(action) -> None:
    try:
        action()
    except Refused:
        return
    raise AssertionError("expected a refusal")


def run(smoke: bool = False) -> dict[str, float]:
    # Each account costs a password hash (~0.1 s): a smoke run keeps a few.
    count, runs, agents = (500, 3, 3) if smoke else (EVENTS, RUNS, ACCOUNTS)
    now = time.time()
    with tempfile.TemporaryDirectory() as scratch:
        store = Store.open(Path(scratch) / "accounts.sqlite3")
        try:
            boss = accounts.create(store, "boss", "supervisor", "boss-pass", now)
            names = [f"agent{n}" for n in range(agents)]
            for name in names:
                accounts.create(store, name, "agent", "agent-pass", now, by=boss)
            # A month of history: remarks and the like, and now and then a mistyped
            # password of each account.
            with store.transaction():
                for number in range(count):
                    name = names[number % agents]
                    at = now - HISTORY_S + number * HISTORY_S / count
                    if number % 10:
                        events.record(store, at, None, "remark.add", f"order:{number}", {})
                    else:
                        events.record(store, at, None, "account.login_failed",
                                      f"agent:{accounts.by_name(store, name).id}",
                                      {"name": name})
            locked_subject = signins.subject(accounts.by_name(store, "agent1").id, "agent1")
            for _ in range(signins.FAILURES_BEFORE_LOCK):
                _refused(lambda: accounts.authenticate(store, "agent1", "wrong", now))
            figures = {
                "sign_in_ms": _median_ms(
                    lambda: accounts.authenticate(store, "agent0", "agent-pass", now), runs),
                "locked_refusal_ms": _median_ms(lambda: _refused(
                    lambda: accounts.authenticate(store, "agent1", "agent-pass", now)), runs),
                "throttle_lookup_ms": _median_ms(
                    lambda: signins.locked_until(store, locked_subject, now), runs),
                "accounts": agents + 1,
                "events": count,
            }
        finally:
            store.close()
    return figures
