"""The course's service standard (接待规范) in code: the checklist, the team's settings of it,
quality inspection (质检) and the daily problem sheet (问题单反馈表).

The checklist itself (``checklist``) is pure: build a :class:`Transcript` and call
:func:`check`. This module adds the team's :class:`Standard` as a supervisor saved it.
"""

from __future__ import annotations

import json

from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.standards.checklist import (
    DEFAULT_STANDARD,
    FAIL,
    MAX_WEIGHT,
    NA,
    PASS,
    RESULT_NAMES,
    RESULTS,
    RULE_IDS,
    RULES,
    RULES_BY_ID,
    WORD_LISTS,
    Line,
    ManualItem,
    Order,
    Rule,
    RuleResult,
    Standard,
    Transcript,
    Verdict,
    check,
    check_many,
    score,
    with_overrides,
)
from workbench.store import Store, events, settings

__all__ = [
    "DEFAULT_STANDARD", "FAIL", "MAX_WEIGHT", "NA", "PASS", "RESULTS", "RESULT_NAMES", "RULES",
    "RULES_BY_ID", "RULE_IDS", "WORD_LISTS", "Line", "ManualItem", "Order", "Rule",
    "RuleResult", "Standard", "Transcript", "Verdict", "check", "check_many", "load_standard",
    "save_standard", "score", "with_overrides",
]

STANDARD_KEY = "standards.checklist"
# The banned list is the team's one list, shared with the service figures' quality list.
BANNED_WORDS_KEY = "metrics.banned_words"


def load_standard(store: Store) -> Standard:
    """The team's checklist: the default until a supervisor saves one (an unreadable
    stored one also falls back to the default)."""
    data: dict = {}
    stored = settings.get(store, STANDARD_KEY)
    if stored:
        try:
            data = dict(json.loads(stored))
        except (ValueError, TypeError):
            data = {}
    banned = settings.get(store, BANNED_WORDS_KEY)
    if banned:
        try:
            data["banned_words"] = list(json.loads(banned))
        except (ValueError, TypeError):
            pass
    try:
        return Standard.from_json(data)
    except (ValueError, TypeError, AttributeError):
        return DEFAULT_STANDARD


def clean_words(words) -> tuple[str, ...]:
    """Trimmed, without blanks and repeats, in the order given."""
    return tuple(dict.fromkeys(w.strip() for w in words if w and w.strip()))


def save_standard(store: Store, by, standard: Standard, now: float) -> Changes:
    """Replace the team's checklist (weights, switches, word lists): supervisors only."""
    permissions.require(by, permissions.EDIT_TEAM_SETTINGS)
    for rule in RULE_IDS:
        weight = standard.weight(rule)
        if not 0 <= weight <= MAX_WEIGHT:
            raise Refused(f"“{RULES_BY_ID[rule].name}”的权重应在 0 到 {MAX_WEIGHT} 之间。",
                          f"The weight of {rule} must be between 0 and {MAX_WEIGHT}.")
    if not standard.enabled:
        raise Refused("至少要启用一条规则。", "At least one rule must stay switched on.")
    if not any(standard.weight(rule) for rule in standard.enabled):
        # Every score would be Σ 0 ÷ Σ 0: no conversation could be scored.
        raise Refused("启用的规则中至少要有一条权重大于 0，否则所有会话都没有得分。",
                      "At least one rule switched on must weigh more than 0, or no "
                      "conversation gets a score.")
    data = standard.as_json()
    for name in WORD_LISTS:
        data[name] = list(clean_words(data[name]))
    banned = data.pop("banned_words")
    with store.transaction():
        old = settings.get(store, STANDARD_KEY)
        settings.put(store, STANDARD_KEY, json.dumps(data, ensure_ascii=False))
        settings.put(store, BANNED_WORDS_KEY, json.dumps(banned, ensure_ascii=False))
        events.record(store, now, by.id, "standard.set", "settings:" + STANDARD_KEY,
                      {"old": json.loads(old) if old else None,
                       "new": {**data, "banned_words": banned}})
    return Changes(settings=frozenset({STANDARD_KEY, BANNED_WORDS_KEY}))
