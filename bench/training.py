"""Training: scoring scripted practice sessions, and opening the practice window.

``scored_sessions_per_s``: ``workbench training play``'s work without the file and the
store: a scripted session of each shipped scenario (every key point covered, then a
goodbye) replayed on the simulated clock and scored against the checklist and the key
points; sessions ÷ seconds, wall clock (CPU time beside it, the machine being shared).
``practice_open_ms``: from the 开始练习 button to a standing practice window, on the demo
shop: a fresh practice store made and migrated, the team's phrases copied in, the buyer
and the order placed, the main window built in 练习模式 and shown (timed until the events
it caused are processed); the median over the runs.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from workbench import standards
from workbench.training import play, scenarios

SESSIONS = 20_000
SMOKE_SESSIONS = 90
OPEN_RUNS = 7
START = 1_764_000_000.0


def script_for(scenario: scenarios.Scenario) -> list[play.ScriptLine]:
    """A good agent: greets, says each key point's first word, says goodbye."""
    lines = ["+8 您好，在的，很高兴为您服务"]
    lines += [f"+20 好的，{point.words[0]}" for point in scenario.key_points]
    lines.append("+15 谢谢您的支持，今天发货，有问题随时联系")
    return play.parse_script("\n".join(lines))


def _score(count: int) -> dict[str, float]:
    shipped = scenarios.shipped()
    scripts = [(scenario, script_for(scenario)) for scenario in shipped]
    standard = standards.DEFAULT_STANDARD
    wall, cpu = time.perf_counter(), time.process_time()
    for number in range(count):
        scenario, script = scripts[number % len(scripts)]
        played = play.replay(scenario, script, START + number * 600, "bench")
        card = play.scorecard(scenario, played, standard)
        assert card.points_hit == len(card.points)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"scored_sessions_per_s": round(count / wall, 1),
            "scored_sessions_cpu_per_s": round(count / cpu, 1) if cpu else float(count)}


def _open_times(folder: Path, runs: int) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from workbench.app import open_workbench

    app = QApplication.instance() or QApplication([])
    workbench = open_workbench(folder / "shop.sqlite3", speed=0, start_channel=False,
                               agent_name="xiaoman")
    times = []
    try:
        area = workbench.window.training
        scenario = scenarios.get(workbench.store, "unpaid_reminder")
        for _ in range(runs):
            started = time.perf_counter()
            run = area.start_practice(scenario)
            app.processEvents()
            times.append((time.perf_counter() - started) * 1000)
            run.window.close()
            while area.practice_run is not None:
                app.processEvents()
    finally:
        workbench.close()
    return times


def run(smoke: bool = False) -> dict[str, float]:
    figures = _score(SMOKE_SESSIONS if smoke else SESSIONS)
    with tempfile.TemporaryDirectory() as scratch:
        times = _open_times(Path(scratch), 1 if smoke else OPEN_RUNS)
    figures["practice_open_ms"] = round(statistics.median(times), 1)
    return figures
