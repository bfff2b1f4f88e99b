"""Dialogue rounds: a buyer's run of messages and the agent reply that ends it.

Shared by the service figures and the log search's "slow reply" filter, so both read a
round the same way (see docs/metrics.md):

* only human messages count: ``buyer`` and ``agent``; auto-replies, system lines and
  internal notes are left out before rounds are formed;
* a round starts at a buyer message whose previous human message in the conversation is
  not the buyer's (or that opens the conversation), and is answered by the first agent
  message after it; the wait is the time between the two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SLOW_REPLY_S = 180.0


@dataclass(frozen=True)
class Round:
    conversation_id: int
    asked_at: float                # the round's first buyer message
    answered_at: float | None      # the first agent message after it; None: unanswered
    answered_by: int | None        # the agent who answered

    @property
    def wait(self) -> float | None:
        return None if self.answered_at is None else self.answered_at - self.asked_at


def rounds_of(messages: Iterable[tuple]) -> list[Round]:
    """Rounds in ``messages``: (conversation id, sender, agent id, at) tuples, grouped by
    conversation and in time order within each. Only buyer and agent messages may be
    given; anything else must be filtered out before."""
    found: list[Round] = []
    conversation = None
    asked_at: float | None = None     # the open round's first buyer message
    for current, sender, agent_id, at in messages:
        if current != conversation:
            if asked_at is not None:
                found.append(Round(conversation, asked_at, None, None))
            conversation, asked_at = current, None
        if sender == "buyer":
            if asked_at is None:
                asked_at = at
        elif asked_at is not None:
            found.append(Round(conversation, asked_at, at, agent_id))
            asked_at = None
    if asked_at is not None:
        found.append(Round(conversation, asked_at, None, None))
    return found


def slow_conversations(messages: Iterable[tuple], limit: float = SLOW_REPLY_S) -> set[int]:
    """Conversations with at least one round answered later than ``limit`` seconds."""
    return {r.conversation_id for r in rounds_of(messages)
            if r.wait is not None and r.wait > limit}
