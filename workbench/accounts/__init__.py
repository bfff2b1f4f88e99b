"""Agents, their roles, and who is signed in at this workstation."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.store import Store, people, settings

ROLES = ("agent", "supervisor", "trainer")
CURRENT_AGENT_KEY = "current_agent"


@dataclass(frozen=True)
class Agent:
    id: int
    name: str
    display_name: str
    role: str
    active: int

    @property
    def signature(self) -> str:
        """The name that signs remarks and messages."""
        return self.display_name or self.name


def add(store: Store, name: str, role: str, now: float, display_name: str = "") -> Agent:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    with store.transaction():
        agent_id = people.insert_agent(store, name, display_name or name, role, now)
    agent = by_id(store, agent_id)
    assert agent is not None
    return agent


def by_name(store: Store, name: str) -> Agent | None:
    row = people.agent_by_name(store, name)
    return Agent(**row) if row else None


def by_id(store: Store, agent_id: int) -> Agent | None:
    row = people.agent_by_id(store, agent_id)
    return Agent(**row) if row else None


def all_agents(store: Store) -> list[Agent]:
    return [Agent(**row) for row in people.all_agents(store)]


def sign_in(store: Store, agent: Agent) -> None:
    settings.put(store, CURRENT_AGENT_KEY, agent.name)


def current(store: Store) -> Agent | None:
    name = settings.get(store, CURRENT_AGENT_KEY)
    return by_name(store, name) if name else None
