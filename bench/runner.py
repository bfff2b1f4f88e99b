"""`workbench bench`: run scenarios headless and print their figures.

Each scenario module has ``run() -> dict[str, float]``; figures are named as the issues
ask. Benchmarks measure; tests check behaviour.
"""

from __future__ import annotations

import importlib
import json
import sys

SCENARIOS = ("startup",)


def main(names: list[str], as_json: bool = False) -> int:
    unknown = [name for name in names if name not in SCENARIOS]
    if unknown:
        print(f"unknown scenario(s): {', '.join(unknown)}; known: {', '.join(SCENARIOS)}",
              file=sys.stderr)
        return 2
    results = {}
    for name in names or SCENARIOS:
        module = importlib.import_module(f"bench.{name}")
        results[name] = module.run()
        if not as_json:
            print(name)
            for figure, value in results[name].items():
                print(f"  {figure}: {value}")
    if as_json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0
