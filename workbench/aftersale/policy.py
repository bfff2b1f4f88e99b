"""The team's after-sale policy (售后规则): how long each step may wait, the agent's limit
for compensation, the return address and what the buyer must do when sending goods back.

Stored as JSON in the settings table so the whole team shares it; only a supervisor edits
it. The defaults are ours (a sensible start for a clothing shop), not the platform's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from workbench.accounts import permissions
from workbench.aftersale import (
    BAD_REVIEW,
    CAUSES,
    COMPLAINT,
    PENDING,
    SETTLED,
    WAIT_APPROVAL,
    WAIT_BUYER,
    WAIT_RETURN,
    WAIT_SHIPMENT,
    WAIT_WAREHOUSE,
    WAITING,
    WORKING,
)
from workbench.changes import Changes, Refused
from workbench.store import Store, events, settings

POLICY_KEY = "aftersale.policy"
POLICY_VERSION = 1
HOUR = 3600.0
VISIT = "回访"
# Hours each position may last before the case is overdue (ours, editable).
DEFAULT_HOURS = {
    PENDING: 12.0,
    WORKING: 24.0,
    WAIT_RETURN: 72.0,
    WAIT_WAREHOUSE: 120.0,
    WAIT_SHIPMENT: 48.0,
    WAIT_BUYER: 72.0,
    WAIT_APPROVAL: 4.0,
    VISIT: 72.0,
}
HOUR_KEYS = (PENDING, WORKING, *WAITING, VISIT)
DEFAULT_LIMIT = 20.0
DEFAULT_REQUIREMENTS = ("请保持吊牌完好、商品未经穿着或洗涤，连同原包装一起寄回，"
                        "并在包裹里放一张写有订单号和售后单号的纸条。")


@dataclass(frozen=True)
class Policy:
    hours: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_HOURS))
    agent_limit: float = DEFAULT_LIMIT     # compensation an agent may give without approval
    return_address: str = ""
    return_requirements: str = DEFAULT_REQUIREMENTS
    visit_causes: tuple[str, ...] = (BAD_REVIEW, COMPLAINT)  # settled cases owing a 回访

    def due(self, state: str, waiting: str | None, cause: str | None,
            now: float) -> float | None:
        """When a case that has just reached (state, waiting) is overdue; None when it
        owes nothing more."""
        if state in SETTLED:
            return now + self.hours[VISIT] * HOUR if cause in self.visit_causes else None
        if state in (PENDING, WORKING):
            return now + self.hours[waiting or state] * HOUR
        return None

    def as_json(self) -> dict:
        return {"version": POLICY_VERSION, "hours": self.hours,
                "agent_limit": self.agent_limit, "return_address": self.return_address,
                "return_requirements": self.return_requirements,
                "visit_causes": list(self.visit_causes)}


def from_json(data: dict) -> Policy:
    default = Policy()
    hours = dict(DEFAULT_HOURS)
    for key, value in (data.get("hours") or {}).items():
        if key in hours:
            hours[key] = float(value)
    return Policy(hours, float(data.get("agent_limit", default.agent_limit)),
                  str(data.get("return_address", "")),
                  str(data.get("return_requirements", default.return_requirements)),
                  tuple(c for c in data.get("visit_causes", default.visit_causes)
                        if c in CAUSES))


def load(store: Store) -> Policy:
    """The team's policy; the defaults when none was saved (or it is unreadable)."""
    text = settings.get(store, POLICY_KEY)
    if not text:
        return Policy()
    try:
        return from_json(json.loads(text))
    except (ValueError, TypeError, AttributeError):
        return Policy()


def save(store: Store, agent, policy: Policy, now: float) -> Changes:
    """Replace the team's policy (supervisors only)."""
    if agent is None or not agent.active or not permissions.allowed(
            agent.role, permissions.EDIT_TEAM_SETTINGS):
        raise Refused("售后规则只能由主管修改。", "Only a supervisor may change the "
                      "after-sale policy.")
    for key in HOUR_KEYS:
        hours = policy.hours.get(key)
        if hours is None or not 0 < hours <= 24 * 60:
            raise Refused(f"“{key}”的时限应在 0 到 1440 小时之间。",
                          f"The time limit of {key} must be between 0 and 1440 hours.")
    if policy.agent_limit < 0:
        raise Refused("客服可自主补偿的金额不能为负数。",
                      "The agent's compensation limit cannot be negative.")
    policy = replace(policy, return_address=" ".join(policy.return_address.split()),
                     return_requirements=policy.return_requirements.strip())
    with store.transaction():
        old = settings.get(store, POLICY_KEY)
        settings.put(store, POLICY_KEY, json.dumps(policy.as_json(), ensure_ascii=False))
        events.record(store, now, agent.id, "aftersale_policy.set", "settings:" + POLICY_KEY,
                      {"old": json.loads(old) if old else None, "new": policy.as_json()})
    return Changes(settings=frozenset({POLICY_KEY}))
