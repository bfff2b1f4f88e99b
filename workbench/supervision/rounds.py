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


def rounds_of(messages: Iterable) -> list[Round]:
    """Rounds of messages (each with conversation_id, sender, agent_id, created_at), given
    grouped by conversation and in time order within each."""
    found: list[Round] = []
    open_round: tuple[int, float] | None = None   # (conversation, asked at)
    previous: tuple[int, str] | None = None       # (conversation, sender) of the last one
    for message in messages:
        conversation, sender = message["conversation_id"], message["sender"]
        if previous is not None and previous[0] != conversation and open_round is not None:
            found.append(Round(open_round[0], open_round[1], None, None))
            open_round = None
        if sender == "buyer":
            if open_round is None:
                open_round = (conversation, message["created_at"])
        elif sender == "agent" and open_round is not None:
            found.append(Round(conversation, open_round[1], message["created_at"],
                               message["agent_id"]))
            open_round = None
        previous = (conversation, sender)
    if open_round is not None:
        found.append(Round(open_round[0], open_round[1], None, None))
    return found


def slow_conversations(messages: Iterable, limit: float = SLOW_REPLY_S) -> set[int]:
    """Conversations with at least one round answered later than ``limit`` seconds."""
    return {r.conversation_id for r in rounds_of(messages)
            if r.wait is not None and r.wait > limit}
