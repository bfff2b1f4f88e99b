"""Training scenarios (实训情景): a buyer to practise on, written by trainers.

A scenario holds the buyer's persona and tier, the opening lines, what the buyer says next
depending on what the agent wrote (branches keyed by words, tried in order, each used
once, then the default replies in turn), the product and the order in context, the key
points the agent must cover and a time limit (docs/training.md).

The team's scenarios are the shipped ones (``resources/training/scenarios/*.json``) with
the trainers' edits laid over them: a scenario saved in the store replaces the shipped one
of the same key, an archived one hides it. Listing never writes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.filereader import read_text
from workbench.orders.codes import STATUS_NAMES
from workbench.paths import RESOURCES
from workbench.store import Store, events
from workbench.store import training as rows
from workbench.textnorm import match_key

SHIPPED_DIR = RESOURCES / "training" / "scenarios"
SITUATIONS = ("售前", "售中", "售后")
TIERS = ("普通", "高级", "VIP", "至尊VIP")
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
TITLE_CHARS = 30
TEXT_CHARS = 300
PERSONA_CHARS = 300
MIN_TIME_LIMIT_S = 60
MAX_TIME_LIMIT_S = 3600
DEFAULT_TIME_LIMIT_S = 300
SHIPPED, TEAM = "shipped", "team"


@dataclass(frozen=True)
class Branch:
    """What the buyer answers when the agent's message holds one of ``when``."""

    when: tuple[str, ...]
    reply: str
    pays: bool = False     # the buyer pays the order in context with this reply
    ends: bool = False     # the buyer has nothing more to say after this reply

    def matches(self, key: str) -> bool:
        """``key`` is the agent's text through :func:`match_key`."""
        return any(match_key(word) in key for word in self.when if word.strip())


@dataclass(frozen=True)
class KeyPoint:
    """Something the agent must say; covered when a reply holds one of ``words``."""

    label: str
    words: tuple[str, ...]
    tip: str = ""          # what to do instead, shown when the point was missed

    def covered_by(self, key: str) -> bool:
        return any(match_key(word) in key for word in self.words if word.strip())


@dataclass(frozen=True)
class Product:
    title: str
    spec: str = ""
    price: float | None = None


@dataclass(frozen=True)
class OrderContext:
    """The buyer's order as the practice store holds it when the session starts."""

    status: str = "WAIT_BUYER_PAY"
    quantity: int = 1
    placed_minutes_ago: float = 30.0
    receiver: str = ""
    phone: str = ""
    address: str = ""
    courier: str = ""
    tracking_no: str = ""


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    situation: str = "售前"
    persona: str = ""
    buyer: str = "练习买家"
    tier: str = "普通"
    opening: tuple[str, ...] = ()
    branches: tuple[Branch, ...] = ()
    default: tuple[str, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    time_limit_s: int = DEFAULT_TIME_LIMIT_S
    product: Product | None = None
    order: OrderContext | None = None
    source: str = field(default=TEAM, compare=False)   # shipped | team

    @property
    def source_name(self) -> str:
        return "内置" if self.source == SHIPPED else "团队"

    def as_json(self) -> dict:
        data: dict = {
            "key": self.key, "title": self.title, "situation": self.situation,
            "persona": self.persona, "buyer": self.buyer, "tier": self.tier,
            "time_limit_s": self.time_limit_s, "opening": list(self.opening),
            "branches": [{"when": list(b.when), "reply": b.reply,
                          **({"pays": True} if b.pays else {}),
                          **({"ends": True} if b.ends else {})} for b in self.branches],
            "default": list(self.default),
            "key_points": [{"label": p.label, "words": list(p.words), "tip": p.tip}
                           for p in self.key_points],
        }
        if self.product is not None:
            data["product"] = {"title": self.product.title, "spec": self.product.spec,
                               "price": self.product.price}
        if self.order is not None:
            data["order"] = {name: getattr(self.order, name)
                             for name in OrderContext.__dataclass_fields__}
        return data


def from_json(data: Mapping, source: str = TEAM) -> Scenario:
    """A scenario from its JSON form (a shipped file, a stored row); ValueError,
    KeyError or TypeError when it is not one."""
    product = data.get("product")
    order = data.get("order")
    return Scenario(
        key=str(data["key"]), title=str(data["title"]),
        situation=str(data.get("situation", "售前")), persona=str(data.get("persona", "")),
        buyer=str(data.get("buyer", "练习买家")), tier=str(data.get("tier", "普通")),
        opening=tuple(str(line) for line in data.get("opening", ())),
        branches=tuple(Branch(tuple(str(w) for w in b["when"]), str(b["reply"]),
                              bool(b.get("pays", False)), bool(b.get("ends", False)))
                       for b in data.get("branches", ())),
        default=tuple(str(line) for line in data.get("default", ())),
        key_points=tuple(KeyPoint(str(p["label"]), tuple(str(w) for w in p["words"]),
                                  str(p.get("tip", ""))) for p in data.get("key_points", ())),
        time_limit_s=int(data.get("time_limit_s", DEFAULT_TIME_LIMIT_S)),
        product=Product(str(product["title"]), str(product.get("spec", "")),
                        None if product.get("price") is None else float(product["price"]))
        if product else None,
        order=OrderContext(**{name: type(getattr(OrderContext(), name))(value)
                              for name, value in order.items()
                              if name in OrderContext.__dataclass_fields__})
        if order else None,
        source=source,
    )


# --- reading ----------------------------------------------------------------------------------

def shipped(folder: Path = SHIPPED_DIR) -> list[Scenario]:
    """The scenarios shipped with the program, by key."""
    return sorted((from_json(json.loads(read_text(path)), SHIPPED)
                   for path in folder.glob("*.json")), key=lambda s: s.key)


def all_scenarios(store: Store, folder: Path = SHIPPED_DIR) -> list[Scenario]:
    """The team's scenarios: the shipped ones with the trainers' saved ones laid over them
    (archived ones left out), pre-sale first, then in-sale, after-sale, then by title."""
    found = {scenario.key: scenario for scenario in shipped(folder)}
    for row in rows.scenarios(store):
        if row["archived"]:
            found.pop(row["key"], None)
            continue
        try:
            found[row["key"]] = from_json(json.loads(row["data"]))
        except (ValueError, KeyError, TypeError):
            continue  # written by a newer program, perhaps: not ours to show
    order = {name: n for n, name in enumerate(SITUATIONS)}
    return sorted(found.values(), key=lambda s: (order.get(s.situation, 9), s.title, s.key))


def get(store: Store, key: str, folder: Path = SHIPPED_DIR) -> Scenario:
    """The scenario of ``key`` (its title works too); Refused when there is none."""
    scenarios = all_scenarios(store, folder)
    found = next((s for s in scenarios if s.key == key), None) or next(
        (s for s in scenarios if match_key(s.title) == match_key(key)), None)
    if found is None:
        raise Refused(f"没有情景 {key}：可用 workbench training scenarios 查看全部。",
                      f"There is no scenario {key}; `workbench training scenarios` lists them.")
    return found


# --- checking and saving ------------------------------------------------------------------------

def _lines(values) -> tuple[str, ...]:
    return tuple(v.strip() for v in values if v and v.strip())


def cleaned(scenario: Scenario) -> Scenario:
    """Blank lines and words dropped, text trimmed: what is saved."""
    return replace(
        scenario, key=scenario.key.strip(), title=scenario.title.strip(),
        persona=scenario.persona.strip(), buyer=scenario.buyer.strip(),
        tier=scenario.tier.strip(), opening=_lines(scenario.opening),
        default=_lines(scenario.default),
        branches=tuple(replace(b, when=_lines(b.when), reply=b.reply.strip())
                       for b in scenario.branches if _lines(b.when) or b.reply.strip()),
        key_points=tuple(replace(p, label=p.label.strip(), words=_lines(p.words),
                                 tip=p.tip.strip())
                         for p in scenario.key_points if p.label.strip() or _lines(p.words)))


def check(scenario: Scenario) -> None:
    """Refused, saying what to fix, unless the scenario can be played and scored."""
    if not KEY_PATTERN.match(scenario.key):
        raise Refused("编号只能用小写字母、数字、下划线和连字符（最多 40 个），例如 size_advice。",
                      "The key is lower-case letters, digits, _ and - (at most 40), "
                      "e.g. size_advice.")
    if not scenario.title or len(scenario.title) > TITLE_CHARS:
        raise Refused(f"请填写标题（最多 {TITLE_CHARS} 个字）。",
                      f"Give a title of at most {TITLE_CHARS} characters.")
    if scenario.situation not in SITUATIONS:
        raise Refused(f"场景只能是 {'、'.join(SITUATIONS)}。",
                      "The situation is pre-sale, in-sale or after-sale.")
    if not scenario.buyer or not scenario.tier:
        raise Refused("请填写买家昵称和会员等级。", "Give the buyer's nick and tier.")
    if len(scenario.persona) > PERSONA_CHARS:
        raise Refused(f"买家画像最多 {PERSONA_CHARS} 个字。",
                      f"The persona is at most {PERSONA_CHARS} characters.")
    if not scenario.opening:
        raise Refused("买家至少要有一句开场白。", "The buyer needs at least one opening line.")
    texts = [*scenario.opening, *scenario.default, *(b.reply for b in scenario.branches)]
    if any(len(text) > TEXT_CHARS for text in texts):
        raise Refused(f"买家的每句话最多 {TEXT_CHARS} 个字。",
                      f"Each buyer line is at most {TEXT_CHARS} characters.")
    for number, branch in enumerate(scenario.branches, start=1):
        if not branch.when or not branch.reply:
            raise Refused(f"第 {number} 个分支要有关键词和买家的回答。",
                          f"Branch {number} needs words and the buyer's reply.")
    if sum(b.pays for b in scenario.branches) and scenario.order is None:
        raise Refused("有分支让买家付款，但情景里没有订单。",
                      "A branch makes the buyer pay, but the scenario has no order.")
    if not scenario.key_points:
        raise Refused("至少要有一个考核要点。", "Give at least one key point.")
    for number, point in enumerate(scenario.key_points, start=1):
        if not point.label or not point.words:
            raise Refused(f"第 {number} 个要点要有名称和至少一个关键词。",
                          f"Key point {number} needs a label and at least one word.")
    if not MIN_TIME_LIMIT_S <= scenario.time_limit_s <= MAX_TIME_LIMIT_S:
        raise Refused(f"时限应在 {MIN_TIME_LIMIT_S // 60} 到 {MAX_TIME_LIMIT_S // 60} 分钟之间。",
                      f"The time limit is between {MIN_TIME_LIMIT_S // 60} and "
                      f"{MAX_TIME_LIMIT_S // 60} minutes.")
    if scenario.order is not None:
        if scenario.product is None:
            raise Refused("有订单的情景要先填写商品。", "A scenario with an order needs a product.")
        if scenario.order.status not in STATUS_NAMES:
            raise Refused(f"未知的订单状态 {scenario.order.status}。",
                          f"Unknown order status {scenario.order.status}.")
        if scenario.order.quantity < 1:
            raise Refused("订单数量至少为 1。", "The order's quantity is at least 1.")
    if scenario.product is not None:
        if not scenario.product.title.strip():
            raise Refused("请填写商品名称。", "Give the product's title.")
        if scenario.product.price is not None and scenario.product.price < 0:
            raise Refused("商品价格不能为负数。", "The price cannot be negative.")


def save(store: Store, by, scenario: Scenario, now: float) -> Changes:
    """Save a scenario (new, or replacing the one of its key): trainers and supervisors."""
    permissions.require(by, permissions.EDIT_SCENARIOS)
    scenario = cleaned(scenario)
    check(scenario)
    data = json.dumps(scenario.as_json(), ensure_ascii=False)
    with store.transaction():
        old = rows.scenario(store, scenario.key)
        rows.put_scenario(store, scenario.key, data, False, now, by.id)
        events.record(store, now, by.id, "scenario.save", f"scenario:{scenario.key}",
                      {"old": json.loads(old["data"]) if old else None,
                       "new": scenario.as_json()})
    return Changes(scenarios=frozenset({scenario.key}))


def archive(store: Store, by, key: str, now: float) -> Changes:
    """Take a scenario off the list (a shipped one too); its past scores stay."""
    permissions.require(by, permissions.EDIT_SCENARIOS)
    current = get(store, key)
    with store.transaction():
        rows.put_scenario(store, current.key, json.dumps(current.as_json(), ensure_ascii=False),
                          True, now, by.id)
        events.record(store, now, by.id, "scenario.archive", f"scenario:{current.key}", {})
    return Changes(scenarios=frozenset({current.key}))


def from_question(question, key: str) -> Scenario:
    """A draft scenario from a 问题单 question nobody could answer: the buyer asks it, the
    supervisor's answer becomes the tip. The trainer adds the key point's words (which
    words show the answer was given) before saving."""
    answer = question.answer.strip()
    return Scenario(
        key=key, title=question.text.strip()[:TITLE_CHARS], situation="售前",
        persona=f"问题单里的买家（{question.agent} {question.day} 记下的问题）",
        buyer="问题单买家", opening=(question.text.strip(),),
        default=("嗯，还有别的要注意的吗？", "好的，知道了"),
        key_points=(KeyPoint("给出团队的标准答复", (), answer or "先向主管确认标准答复"),),
    )


def new_key(store: Store, stem: str = "scenario") -> str:
    """A key no scenario has yet: ``stem``, else ``stem_2``, ``stem_3`` and so on."""
    taken = {s.key for s in all_scenarios(store)} | {row["key"] for row in rows.scenarios(store)}
    if stem not in taken:
        return stem
    number = 2
    while f"{stem}_{number}" in taken:
        number += 1
    return f"{stem}_{number}"
