"""What a domain operation changed, so each panel refreshes only that."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    conversations: frozenset[int] = field(default_factory=frozenset)
    messages: frozenset[int] = field(default_factory=frozenset)
    orders: frozenset[str] = field(default_factory=frozenset)
    todos: frozenset[int] = field(default_factory=frozenset)
    phrases: bool = False
    settings: frozenset[str] = field(default_factory=frozenset)  # team settings' keys

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.conversations | other.conversations,
            self.messages | other.messages,
            self.orders | other.orders,
            self.todos | other.todos,
            self.phrases or other.phrases,
            self.settings | other.settings,
        )

    def __bool__(self) -> bool:
        return bool(self.conversations or self.messages or self.orders or self.todos
                    or self.phrases or self.settings)


class Refused(ValueError):
    """The team's rules or the input do not allow this operation; the message says why,
    in words the agent can act on. Nothing was changed."""
