"""Training (实训): scenarios to practise on, practice kept apart from real work, the
scorecard (the service standard's checklist plus the scenario's key points), the
trainer's class view, the typing test and the new agent's probation month.

Modules: ``scenarios`` (the scenarios and their editing), ``play`` (the simulated buyer,
scripted replays, the scorecard), ``practice`` (the practice store), ``results`` (scores
in the real store, the class view), ``typing_speed``, ``probation``, ``commands`` (CLI).
Qt-free; docs/training.md says what each does.
"""

from __future__ import annotations

from workbench.store import Store, settings

# Set in every practice store (workbench/training/practice.py). Read at the window's start,
# so it lives here, away from the heavier modules.
PRACTICE_KEY = "training.practice"


def is_practice(store: Store) -> bool:
    """The store is a practice store: a window on it is in 练习模式."""
    return settings.get(store, PRACTICE_KEY) == "1"
