"""Every benchmark scenario still runs: `workbench bench --smoke` at tiny sizes, in a
process of its own, prints the figures of each (a scenario that stops working, or
returns none, fails here rather than rotting unseen)."""

import json
import math
import os
import subprocess
import sys

from bench import runner


def test_every_scenario_runs_at_a_tiny_size_and_prints_its_figures(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "bench", "--smoke", "--json"],
        capture_output=True, text=True, timeout=300,
        env=dict(os.environ, WORKBENCH_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout)
    assert sorted(figures) == runner.scenario_names()
    for name, values in figures.items():
        assert values, f"{name} printed no figures"
        assert all(isinstance(v, int | float) and math.isfinite(v) for v in values.values()), \
            (name, values)
