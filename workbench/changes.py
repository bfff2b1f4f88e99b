"""What a domain operation changed, so each panel refreshes only that; and refusals."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Changes:
    """Each field names what changed of one kind. An area adds a field; ``|`` and
    ``bool`` cover every field, so nothing else changes."""

    conversations: frozenset[int] = field(default_factory=frozenset)
    messages: frozenset[int] = field(default_factory=frozenset)
    orders: frozenset[str] = field(default_factory=frozenset)
    todos: frozenset[int] = field(default_factory=frozenset)
    phrases: bool = False
    settings: frozenset[str] = field(default_factory=frozenset)  # team settings' keys
    accounts: frozenset[int] = field(default_factory=frozenset)  # agents' ids
    aftersale: frozenset[int] = field(default_factory=frozenset)  # after-sale case ids
    inspections: frozenset[int] = field(default_factory=frozenset)  # 质检 inspections
    problem_sheets: frozenset[int] = field(default_factory=frozenset)  # 问题单反馈表
    scenarios: frozenset[str] = field(default_factory=frozenset)  # training scenarios' keys
    training_results: frozenset[int] = field(default_factory=frozenset)  # trainees' ids
    buyers: frozenset[int] = field(default_factory=frozenset)  # customer files (tier, tags…)
    products: bool = False  # products, size charts, couriers, promotions or size templates

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) | getattr(other, f.name)
                          for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


class Refused(ValueError):
    """The team's rules, the roles or the input do not allow this operation; the message
    says why, in words the agent can act on. Nothing was changed.

    ``str()`` is the Chinese text; :meth:`message` picks the language (English falls back
    to the Chinese text where a refusal has none yet)."""

    def __init__(self, zh: str, en: str | None = None):
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh
