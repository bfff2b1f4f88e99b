"""Start-up: process start to the first painted main window, against a bare PySide6 window."""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.fixtures import chat_store
from workbench import paths

MESSAGES = 100_000
RUNS = 11  # the machine is shared: medians of eleven starts keep the figures steady
SMOKE_MESSAGES = 1_000
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from workbench.ui.paint_probe import FirstPaintProbe
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1600, 1000)
def painted():
    print("painted", flush=True)
    app.quit()
probe = FirstPaintProbe(window, painted)
window.show()
app.exec()
"""


def _time_to_paint(command: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=env, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=60)
    if line.strip() != "painted":
        raise RuntimeError(f"{command} did not paint (exit {process.returncode})")
    return elapsed


def run(smoke: bool = False) -> dict[str, float]:
    # A second start finds its modules compiled, as Python caches them. Compile them here
    # too, so the figure holds where the cache is off (PYTHONDONTWRITEBYTECODE) or stale.
    compileall.compile_dir(Path(paths.__file__).parent, quiet=1)
    messages = SMOKE_MESSAGES if smoke else MESSAGES
    with tempfile.TemporaryDirectory() as scratch:
        db = chat_store(Path(scratch) / "startup.sqlite3", messages)
        app = [sys.executable, "-m", "workbench.cli", "--db", str(db), "run",
               "--exit-after-first-paint"]
        bare = [sys.executable, "-c", BARE_WINDOW]
        if not smoke:
            _time_to_paint(app)  # warm the OS file cache once, as a second start would be
        app_times, bare_times = [], []
        for _ in range(1 if smoke else RUNS):
            app_times.append(_time_to_paint(app))
            bare_times.append(_time_to_paint(bare))
    # Each start of the workbench is paired with the bare start right after it, so the
    # ratio of a pair shares the machine's load of that moment; the median pair is reported.
    ratios = [app / bare for app, bare in zip(app_times, bare_times, strict=True)]
    return {
        "first_paint_s": round(statistics.median(app_times), 3),
        "bare_qt_first_paint_s": round(statistics.median(bare_times), 3),
        "ratio": round(statistics.median(ratios), 2),
        "messages": messages,
    }
