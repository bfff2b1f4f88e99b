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

from collections.abc import Iterable, Iterator
from typing import NamedTuple

SLOW_REPLY_S = 180.0


class Round(NamedTuple):
    """A NamedTuple rather than a dataclass: a month of figures makes hundreds of
    thousands of them."""

    conversation_id: int
    asked_at: float                # the round's first buyer message
    answered_at: float | None      # the first agent message after it; None: unanswered
    answered_by: int | None        # the agent who answered

    @property
    def wait(self) -> float | None:
        return None if self.answered_at is None else self.answered_at - self.asked_at


def rounds_of(messages: Iterable[tuple]) -> Iterator[Round]:
    """Rounds in ``messages``: tuples starting (conversation id, sender, agent id, at), in
    time order within each conversation (grouped or interleaved, either works). Only buyer
    and agent messages may be given; anything else must be filtered out before.

    Answered rounds come as their answer arrives, unanswered ones at the end; within one
    conversation that is always the order the rounds started in."""
    open_rounds: dict[int, float] = {}   # conversation -> its open round's first question
    for message in messages:
        conversation = message[0]
        if message[1] == "buyer":
            if conversation not in open_rounds:
                open_rounds[conversation] = message[3]
        else:
            asked_at = open_rounds.pop(conversation, None)
            if asked_at is not None:
                yield Round(conversation, asked_at, message[3], message[2])
    for conversation, asked_at in open_rounds.items():
        yield Round(conversation, asked_at, None, None)


def slow_conversations(messages: Iterable[tuple], limit: float = SLOW_REPLY_S) -> set[int]:
    """Conversations with at least one round answered later than ``limit`` seconds."""
    return {r.conversation_id for r in rounds_of(messages)
            if r.wait is not None and r.wait > limit}
