"""The team's flag policy: what each colour means, which may not be used, which need a remark.

Stored as JSON in the settings table so the whole team shares it; only a supervisor edits it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.orders.codes import FLAG_NAMES
from workbench.store import Store, events, settings

POLICY_KEY = "orders.flag_policy"
POLICY_VERSION = 1
DISPATCH_KEY = "orders.dispatch_time"
DEFAULT_DISPATCH = "16:00"
NO_FLAG = 0


@dataclass(frozen=True)
class FlagRule:
    flag: int
    meaning: str
    forbidden: bool = False
    reason: str = ""            # why the colour may not be used
    remark_required: bool = False

    @property
    def name(self) -> str:
        return FLAG_NAMES[self.flag]

    def describe(self) -> str:
        """One line for the agent：红旗：改地址、加赠品等常规备注（需同时写备注）."""
        if self.flag == NO_FLAG:
            return f"{self.name}:{self.meaning}"
        text = f"{self.name}旗：{self.meaning}"
        if self.forbidden:
            return f"{text}（禁用：{self.reason or '团队规定不使用'}）"
        if self.remark_required:
            return f"{text}（需同时写备注）"
        return text


@dataclass(frozen=True)
class FlagPolicy:
    rules: tuple[FlagRule, ...]

    def rule(self, flag: int) -> FlagRule:
        return next(r for r in self.rules if r.flag == flag)

    def with_rule(self, rule: FlagRule) -> FlagPolicy:
        return FlagPolicy(tuple(rule if r.flag == rule.flag else r for r in self.rules))


# The seeds' team policy (DOMAIN.md): red for address/gift/common remarks, blue for the
# courier, purple for a style/size/colour change, yellow unused, green after a 催付.
# Every colour in use goes with a remark that says what exactly is to be done.
DEFAULT_POLICY = FlagPolicy((
    FlagRule(0, "无旗帜（清除旗帜）"),
    FlagRule(1, "改地址、加赠品等常规备注", remark_required=True),
    FlagRule(2, "不使用", forbidden=True, reason="团队规定黄旗不可使用"),
    FlagRule(3, "催付后的备注", remark_required=True),
    FlagRule(4, "快递相关", remark_required=True),
    FlagRule(5, "更换款式、尺码或颜色", remark_required=True),
))


def load(store: Store) -> FlagPolicy:
    """The team's policy; the default when none was saved (or the saved one is unreadable)."""
    text = settings.get(store, POLICY_KEY)
    if not text:
        return DEFAULT_POLICY
    try:
        return from_json(json.loads(text))
    except (ValueError, KeyError, TypeError):
        return DEFAULT_POLICY


def to_json(policy: FlagPolicy) -> dict:
    return {"version": POLICY_VERSION, "flags": {
        str(r.flag): {"meaning": r.meaning, "forbidden": r.forbidden, "reason": r.reason,
                      "remark_required": r.remark_required} for r in policy.rules}}


def from_json(data: dict) -> FlagPolicy:
    flags = data["flags"]
    rules = []
    for flag in FLAG_NAMES:
        default = DEFAULT_POLICY.rule(flag)
        entry = flags.get(str(flag))
        if entry is None:
            rules.append(default)
            continue
        rules.append(FlagRule(flag, str(entry.get("meaning", default.meaning)),
                              bool(entry.get("forbidden", False)), str(entry.get("reason", "")),
                              bool(entry.get("remark_required", False))))
    return FlagPolicy(tuple(rules))


def save(store: Store, agent, policy: FlagPolicy, now: float,
         dispatch: str | None = None) -> Changes:
    """Replace the team's policy (supervisors only), and the dispatch time if given."""
    permissions.require(agent, permissions.EDIT_FLAG_POLICY)
    policy = FlagPolicy(tuple(replace(r, meaning=" ".join(r.meaning.split()),
                                      reason=" ".join(r.reason.split()))
                              for r in policy.rules))
    if sorted(r.flag for r in policy.rules) != sorted(FLAG_NAMES):
        raise Refused("旗帜规则必须为每种颜色各写一条。",
                      "The flag rules need one entry per colour.")
    if policy.rule(NO_FLAG).forbidden:
        raise Refused("不能禁用“无旗帜”：清除旗帜必须总是可以的。",
                      "'No flag' cannot be forbidden: clearing a flag must always be possible.")
    for rule in policy.rules:
        if not rule.meaning:
            raise Refused(f"请写明{rule.name}旗的含义。", f"Say what the {rule.name} flag means.")
    changes = Changes(settings=frozenset({POLICY_KEY}))
    with store.transaction():
        old = settings.get(store, POLICY_KEY)
        settings.put(store, POLICY_KEY, json.dumps(to_json(policy), ensure_ascii=False))
        events.record(store, now, agent.id, "flag_policy.set", "settings:" + POLICY_KEY,
                      {"old": json.loads(old) if old else None, "new": to_json(policy)})
        if dispatch is not None:
            changes |= set_dispatch_time(store, agent, dispatch, now)
    return changes


_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def dispatch_time(store: Store) -> tuple[int, int]:
    """The day's dispatch time (hour, minute): the 催付 table's 'before the dispatch'."""
    text = settings.get(store, DISPATCH_KEY) or DEFAULT_DISPATCH
    match = _CLOCK.match(text) or _CLOCK.match(DEFAULT_DISPATCH)
    assert match is not None
    return int(match[1]), int(match[2])


def set_dispatch_time(store: Store, agent, text: str, now: float) -> Changes:
    """Change the dispatch time, HH:MM (supervisors only; it is a team setting)."""
    permissions.require(agent, permissions.EDIT_TEAM_SETTINGS)
    match = _CLOCK.match(text.strip())
    if not match:
        raise Refused(f"发货时间“{text}”看不懂，请写成 16:00 这样的时：分。",
                      f"Cannot read the shipping time {text!r}: write it as HH:MM, e.g. 16:00.")
    value = f"{int(match[1]):02d}:{match[2]}"
    with store.transaction():
        old = settings.get(store, DISPATCH_KEY) or DEFAULT_DISPATCH
        if old == value:
            return Changes()
        settings.put(store, DISPATCH_KEY, value)
        events.record(store, now, agent.id, "dispatch_time.set", "settings:" + DISPATCH_KEY,
                      {"old": old, "new": value})
    return Changes(settings=frozenset({DISPATCH_KEY}))
