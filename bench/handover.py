"""待办 and handover: a panel filter change over 10 000 items; a sheet of 500 open items.

``filter_p99_ms``: the 待办 panel (real widgets, offscreen) switching its scope and state
filters, each change timed from the combo box until the events it caused are processed
(query, model reset, layout and paint); p99 over every change.
``sheet_500_s``: building the handover sheet of an agent holding 500 open items (among
the 10 000), the slowest of several builds.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from workbench import accounts, demo, handover
from workbench.handover import Assignee, shifts
from workbench.store import Store

TODOS = 10_000
SHEET_ITEMS = 500
ROUNDS = 30
SHEET_RUNS = 5
SMOKE_TODOS, SMOKE_SHEET_ITEMS = 300, 50
HOUR = 3600.0


def fill(store: Store, now: float, seed: int = 6, todos: int = TODOS,
         sheet_items: int = SHEET_ITEMS) -> accounts.Agent:
    """``todos`` items across the team (10 000); the trainer 林老师 holds exactly
    ``sheet_items`` open ones (500)."""
    rng = random.Random(seed)
    team = {a.name: a for a in accounts.all_agents(store)}
    holder = team["lin"]
    # 林老师 works a shift of her own, so her sheet holds exactly her 500 open items.
    shifts.set_schedule(store, [*shifts.DEFAULT_SCHEDULE, shifts.Shift("中班", "12:00", "21:00",
                                                                      ("lin",))],
                        team["wang"], now)
    existing = len(handover.open_items(store))
    with store.transaction():
        for number in range(todos - existing):
            if number < sheet_items:
                assignee, state = Assignee.agent(holder.id), rng.choice(handover.OPEN_STATES)
            else:
                pick = rng.random()
                if pick < 0.45:
                    assignee = Assignee.agent(team["xiaoman"].id)
                elif pick < 0.75:
                    assignee = Assignee.agent(team["ajie"].id)
                elif pick < 0.9:
                    assignee = Assignee.of_shift(rng.choice(("白班", "晚班")))
                else:
                    assignee = Assignee.team()
                state = rng.choices(handover.STATES, weights=(40, 10, 30, 10, 5, 5))[0]
            changes = handover.add(
                store, f"跟进第 {number} 位买家的问题", team["xiaoman"], now,
                priority=rng.choice((0, 1, 1, 2)), assignee=assignee,
                due_at=now + rng.uniform(-7, 7) * 86400)
            if state != "未执行":
                handover.set_state(store, next(iter(changes.todos)), state, team["xiaoman"], now)
        # As a running window would have done already.
        handover.mark_overdue(store, now)
    return holder


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]



def _filter_times(path: Path, now: float, rounds: int = ROUNDS
                  ) -> tuple[list[float], list[float]]:
    from PySide6.QtWidgets import QApplication

    from workbench.channels.simulator import Simulator
    from workbench.ui.handover.todo_panel import TodoPanel
    from workbench.ui.session import Session

    app = QApplication.instance() or QApplication([])
    store = Store.open(path)
    try:
        session = Session(store, Simulator([], speed=0, clock=lambda: now),
                          accounts.by_name(store, "xiaoman"), lambda: now)
        panel = TodoPanel(session)
        panel.resize(420, 600)
        panel.show()
        app.processEvents()
        # The panel's once-a-second clock is not part of a filter change: it is timed
        # apart (tick_max_ms) and kept out of the filter figures.
        panel._timer.stop()
        ticks = []
        for _ in range(20):
            started = time.perf_counter()
            panel.tick()
            app.processEvents()
            ticks.append((time.perf_counter() - started) * 1000)
        # Every step changes one filter, as a click does: all scope × view pairs in turn.
        steps = []
        for scope in range(panel.scope_box.count()):
            steps.append((panel.scope_box, scope))
            for view in (1, 2, 0):
                steps.append((panel.view_box, view))
        times = []
        for _ in range(rounds):
            for box, number in steps:
                started = time.perf_counter()
                box.setCurrentIndex(number)
                app.processEvents()
                times.append((time.perf_counter() - started) * 1000)
        panel.close()
        panel.deleteLater()
        app.processEvents()
    finally:
        store.close()
    return times, ticks


def run(smoke: bool = False) -> dict[str, float]:
    from workbench.handover import sheets, xlsx

    now = time.time()
    todos = SMOKE_TODOS if smoke else TODOS
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "handover.sqlite3"
        store = Store.open(path)
        try:
            demo.seed_if_empty(store, now)
            holder = fill(store, now, todos=todos,
                          sheet_items=SMOKE_SHEET_ITEMS if smoke else SHEET_ITEMS)
        finally:
            store.close()
        times, ticks = _filter_times(path, now, rounds=1 if smoke else ROUNDS)

        store = Store.open(path)
        try:
            builds = []
            for _ in range(1 if smoke else SHEET_RUNS):
                started = time.perf_counter()
                sheet_id, _ = sheets.build(store, holder, now)
                builds.append(time.perf_counter() - started)
            items = len(sheets.items(store, sheet_id))
            started = time.perf_counter()
            xlsx.export(store, sheet_id, Path(scratch) / "sheet.xlsx")
            export_s = time.perf_counter() - started
        finally:
            store.close()
    return {
        "filter_p99_ms": round(_percentile(times, 0.99), 2),
        "filter_p50_ms": round(statistics.median(times), 2),
        "filter_changes": len(times),
        "tick_max_ms": round(max(ticks), 2),
        "sheet_500_s": round(max(builds), 3),
        "sheet_items": items,
        "sheet_500_xlsx_s": round(export_s, 3),
        "todos": todos,
    }
