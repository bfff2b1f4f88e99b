"""`workbench bench`: run scenarios headless and print their figures.

A scenario is a module in this package with ``run(smoke: bool = False) -> dict[str,
float]``; its figures are named as the issues ask. ``smoke`` runs it at a tiny size in
seconds: ``workbench bench --smoke`` runs every scenario that way and fails when one does
not print its figures, and ``make test`` runs it, so no scenario rots unseen. Benchmarks
measure; tests check behaviour.
"""

from __future__ import annotations

import importlib
import json
import math
import pkgutil
import sys
from pathlib import Path

NOT_SCENARIOS = {"runner", "fixtures"}


def scenario_names() -> list[str]:
    folder = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(folder)])
                  if m.name not in NOT_SCENARIOS and not m.name.startswith("_"))


def main(names: list[str], as_json: bool = False, smoke: bool = False,
         lang: str = "zh") -> int:
    known = scenario_names()
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"unknown scenario(s): {', '.join(unknown)}; known: {', '.join(known)}"
              if lang == "en" else
              f"没有这个基准测试场景：{'、'.join(unknown)}。可选：{'、'.join(known)}",
              file=sys.stderr)
        return 2
    results = {}
    broken = []
    for name in names or known:
        module = importlib.import_module(f"bench.{name}")
        results[name] = module.run(smoke=True) if smoke else module.run()
        if not as_json:
            print(name)
            for figure, value in results[name].items():
                print(f"  {figure}: {value}")
        if not _figures(results[name]):
            broken.append(name)
    if as_json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    if broken:
        print(f"no figures from: {', '.join(broken)}", file=sys.stderr)
        return 1
    return 0


def _figures(result) -> bool:
    """A scenario's result is figures: a non-empty dict of finite numbers."""
    return isinstance(result, dict) and bool(result) and all(
        isinstance(v, int | float) and math.isfinite(v) for v in result.values())
