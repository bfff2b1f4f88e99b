"""Scenario files: scripted buyers for the simulator and for role-play practice.

Qt-free, so scenario logic is tested without a window. See docs/formats.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from workbench.conversations.cards import Card
from workbench.paths import RESOURCES

SCENARIO_DIR = RESOURCES / "scenarios"


@dataclass(frozen=True)
class Step:
    """One thing a buyer sends: text, an image file from the scenario folder, or a
    product card."""

    text: str = ""
    image: Path | None = None
    card: Card | None = None


@dataclass(frozen=True)
class Rule:
    when: tuple[str, ...]
    reply: str


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    buyer: str
    tier: str
    start_after_s: float
    opening: tuple[Step, ...]
    rules: tuple[Rule, ...]
    fallback: tuple[str, ...]


@dataclass
class BuyerScript:
    """A buyer playing one scenario: answers each agent message at most once per rule."""

    scenario: Scenario
    used_rules: set[int] = field(default_factory=set)
    fallbacks_used: int = 0

    def respond(self, agent_text: str) -> str | None:
        lowered = agent_text.lower()
        for index, rule in enumerate(self.scenario.rules):
            if index not in self.used_rules and any(w.lower() in lowered for w in rule.when):
                self.used_rules.add(index)
                return rule.reply
        if self.fallbacks_used < len(self.scenario.fallback):
            self.fallbacks_used += 1
            return self.scenario.fallback[self.fallbacks_used - 1]
        return None  # the buyer has said all they had to say


def _step(raw: str | dict, folder: Path) -> Step:
    if isinstance(raw, str):
        return Step(text=raw)
    if "card" in raw:
        card = raw["card"]
        return Step(card=Card(card["title"], card.get("price"), card.get("link", "")))
    return Step(image=folder / raw["image"])


def load(path: Path) -> Scenario:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Scenario(
        id=data["id"], title=data["title"], buyer=data["buyer"], tier=data.get("tier", "普通"),
        start_after_s=float(data.get("start_after_s", 0)),
        opening=tuple(_step(step, path.parent) for step in data["opening"]),
        rules=tuple(Rule(tuple(r["when"]), r["reply"]) for r in data.get("rules", [])),
        fallback=tuple(data.get("fallback", [])),
    )


def load_all(folder: Path = SCENARIO_DIR) -> list[Scenario]:
    return sorted((load(p) for p in folder.glob("*.json")), key=lambda s: s.start_after_s)
