"""The channel interface every way of reaching buyers implements."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Outgoing:
    """An agent's message, already stored; ``uid`` makes a resend harmless."""

    uid: str
    buyer: str
    conversation_id: int
    kind: str
    text: str
    auto: bool = False  # an automatic reply, not the agent's own words


class Channel(QObject):
    """Sends agents' messages and reports what comes back, always on the GUI thread.

    Signals: ``received(Incoming)`` a buyer's message; ``delivered(uid)`` the channel
    accepted one of ours; ``failed(uid, reason)`` it could not; ``presence(buyer, status)``
    a buyer came online or left ("online", "offline"), or is no longer this workstation's
    to serve ("released": transferred away, or ended upstream).
    """

    received = Signal(object)
    delivered = Signal(str)
    failed = Signal(str, str)
    presence = Signal(str, str)

    #: The longest text the channel carries in one message.
    max_length = 2000
    #: True where something upstream (team mode's router) greets, queues and assigns
    #: buyers; then the workstation sends no auto-replies of its own.
    routes_buyers = False

    def start(self) -> None:
        """Begin delivering incoming traffic."""

    def stop(self) -> None:
        """Stop all traffic; pending timers are dropped."""

    def send(self, message: Outgoing) -> str:
        """Hand a message to the channel; returns its uid. Results arrive as signals."""
        raise NotImplementedError

    def unstored(self, uid: str) -> None:
        """The workstation could not store this incoming message yet (its store is busy,
        full or damaged) and keeps it to try again: a channel that confirms receipt to
        the sender must not confirm it now."""

    def stored(self, uid: str) -> None:
        """An incoming message is in the store (called for every one, held back or not)."""
