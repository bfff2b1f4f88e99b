"""The GUI side of one signed-in agent: runs domain operations and broadcasts what changed.

Panels never talk to each other: they call :meth:`Session.run` and listen to ``changed``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from workbench import conversations, quickphrases
from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.channels.base import Channel, Outgoing
from workbench.conversations import cards, reception
from workbench.store import Store


class Session(QObject):
    changed = Signal(object)          # Changes
    conversation_selected = Signal(object)  # Conversation | None
    refused = Signal(str)             # a domain rule said no; the text says why

    def __init__(self, store: Store, channel: Channel, agent: Agent,
                 clock: Callable[[], float] = time.time):
        super().__init__()
        self.store = store
        self.channel = channel
        self.agent = agent
        self.clock = clock
        self.current: conversations.Conversation | None = None
        channel.received.connect(self._on_received)
        channel.delivered.connect(lambda uid: self.publish(
            conversations.set_status(store, uid, "sent")))
        channel.failed.connect(lambda uid, _reason: self.publish(
            conversations.set_status(store, uid, "failed")))
        channel.presence.connect(self._on_presence)

    def publish(self, changes: Changes) -> None:
        if changes:
            if self.current and self.current.id in changes.conversations:
                self.current = conversations.get(self.store, self.current.id)
            self.changed.emit(changes)

    def run(self, operation: Callable[..., Changes], *args, **kwargs) -> bool:
        """Run a domain operation; a refusal is reported to the agent, not raised."""
        try:
            changes = operation(*args, **kwargs)
        except Refused as refusal:
            self.refused.emit(str(refusal))
            return False
        self.publish(changes)
        return True

    def select(self, conversation_id: int | None) -> None:
        self.current = (conversations.get(self.store, conversation_id)
                        if conversation_id is not None else None)
        if self.current and self.current.unread:
            self.publish(conversations.mark_read(self.store, self.current.id))
        self.conversation_selected.emit(self.current)

    def send_text(self, text: str, kind: str = "text") -> bool:
        """Store the agent's reply, then hand it to the channel."""
        if self.current is None or not text.strip():
            return False
        if len(text) > self.channel.max_length:
            self.refused.emit(self.tr("消息过长：{0} 字，通道上限 {1} 字。请分成几条发送。")
                              .format(len(text), self.channel.max_length))
            return False
        message, changes = conversations.send(self.store, self.current.id, self.agent.id, text,
                                              self.clock(), kind=kind)
        self.publish(changes)
        self._hand_to_channel(message, self.current.buyer_nick)
        return True

    def send_card(self, card: cards.Card) -> bool:
        """A product card: shown as a card here, title, price and link where only text goes."""
        return self.send_text(cards.text(card), kind=cards.KIND)

    def send_image(self, path: Path) -> bool:
        if self.current is None:
            return False
        try:
            message, changes = conversations.send_image(self.store, self.current.id,
                                                        self.agent.id, path, self.clock())
        except Refused as refusal:
            self.refused.emit(str(refusal))
            return False
        self.publish(changes)
        self._hand_to_channel(message, self.current.buyer_nick)
        return True

    def retry(self, message: conversations.Message) -> None:
        """Send a failed message again, under the same uid so it can never arrive twice."""
        conversation = conversations.get(self.store, message.conversation_id)
        if conversation is None or message.status != "failed":
            return
        self.publish(conversations.set_status(self.store, message.uid, "sending"))
        self._hand_to_channel(message, conversation.buyer_nick)

    def _hand_to_channel(self, message: conversations.Message, buyer: str) -> None:
        self.channel.send(Outgoing(message.uid, buyer, message.conversation_id, message.kind,
                                   message.text, auto=message.sender == "auto"))

    def _on_presence(self, buyer: str, status: str) -> None:
        """A buyer released upstream (transferred away, ended by the router) ends here too."""
        if status != "released":
            return
        conversation = conversations.latest_for_buyer(self.store, buyer)
        if conversation is not None and conversation.state != "ended":
            self.run(reception.end_conversation, self.store, conversation.id, self.agent,
                     self.clock())

    def _on_received(self, incoming: conversations.Incoming) -> None:
        changes = conversations.receive(self.store, incoming, agent_id=self.agent.id)
        for conversation_id in () if self.channel.routes_buyers else changes.conversations:
            conversation = conversations.get(self.store, conversation_id)
            values = quickphrases.context_values(self.store, conversation.buyer_id,
                                                 conversation.buyer_nick,
                                                 self.agent.signature, self.clock())
            uids, replied = reception.after_buyer_message(self.store, conversation_id,
                                                          self.agent, self.clock(), values)
            changes |= replied
            for uid in uids:
                message = conversations.message_by_uid(self.store, uid)
                self._hand_to_channel(message, conversation.buyer_nick)
        if self.current and self.current.id in changes.conversations:
            # The agent is looking at it: the message is read as it arrives.
            changes |= conversations.mark_read(self.store, self.current.id)
        self.publish(changes)
