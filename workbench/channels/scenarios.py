"""Scenario files: scripted buyers for the simulator and for role-play practice.

Qt-free, so scenario logic is tested without a window. See docs/formats.md. Files are
read through :mod:`workbench.filereader` (UTF-8 or GBK; a damaged file or a missing field
refused in one line, naming the file); a rule's words match the agent's text as people
type them (full-width or ASCII, any case, through :func:`workbench.textnorm.match_key`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.conversations.cards import Card
from workbench.filereader import FileRefused, read_json
from workbench.paths import RESOURCES
from workbench.textnorm import match_key

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
        said = match_key(agent_text)
        for index, rule in enumerate(self.scenario.rules):
            if index not in self.used_rules and any(match_key(w) in said for w in rule.when):
                self.used_rules.add(index)
                return rule.reply
        if self.fallbacks_used < len(self.scenario.fallback):
            self.fallbacks_used += 1
            return self.scenario.fallback[self.fallbacks_used - 1]
        return None  # the buyer has said all they had to say


def load(path: Path) -> Scenario:
    """A scenario file, checked: FileRefused names the file and what is wrong."""
    path = Path(path)
    data = read_json(path)

    def fail(zh: str, en: str) -> FileRefused:
        return FileRefused(path, zh, en)

    def text(value, name: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise fail(f"字段 {name} 应是非空文字", f"the field {name} should be text")
        return value

    def texts(value, name: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise fail(f"字段 {name} 应是文字的列表", f"the field {name} should be a list of texts")
        return tuple(text(item, name) for item in value)

    def step(raw) -> Step:
        if isinstance(raw, dict) and isinstance(raw.get("card"), dict):
            card = raw["card"]
            return Step(card=Card(text(card.get("title"), "card.title"), card.get("price"),
                                  card.get("link", "")))
        if isinstance(raw, dict) and isinstance(raw.get("image"), str):
            image = path.parent / raw["image"]
            if not image.is_file():
                raise fail(f"找不到图片文件 {raw['image']}",
                           f"the picture {raw['image']} is missing")
            return Step(image=image)
        return Step(text=text(raw, "opening"))

    if not isinstance(data, dict):
        raise fail("场景文件应是一个 JSON 对象 {…}", "a scenario file should be a JSON object {…}")
    opening = data.get("opening")
    if not isinstance(opening, list) or not opening:
        raise fail("字段 opening 应是买家开场的话的列表", "the field opening should list what the "
                   "buyer says first")
    rules = data.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(rule, dict) for rule in rules):
        raise fail("字段 rules 应是规则对象的列表", "the field rules should be a list of objects")
    start = data.get("start_after_s", 0)
    if not isinstance(start, int | float) or isinstance(start, bool) or start < 0:
        raise fail(f"字段 start_after_s 应是不小于 0 的秒数，而不是“{start}”",
                   f"the field start_after_s should be seconds, not {start!r}")
    return Scenario(
        id=text(data.get("id"), "id"), title=text(data.get("title"), "title"),
        buyer=text(data.get("buyer"), "buyer"), tier=text(data.get("tier", "普通"), "tier"),
        start_after_s=float(start),
        opening=tuple(step(raw) for raw in opening),
        rules=tuple(Rule(texts(rule.get("when"), "when"), text(rule.get("reply"), "reply"))
                    for rule in rules),
        fallback=texts(data.get("fallback", []), "fallback"),
    )


def load_all(folder: Path = SCENARIO_DIR) -> list[Scenario]:
    return sorted((load(p) for p in folder.glob("*.json")), key=lambda s: s.start_after_s)
