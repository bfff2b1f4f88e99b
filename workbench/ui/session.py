"""The GUI side of one signed-in agent: runs domain operations and broadcasts what changed.

Panels never talk to each other: they call :meth:`Session.run` and listen to ``changed``.

The machine may say no (another program holds the store, the disk is full, the store is
damaged): the session reports it as ``trouble`` (the window's message bar) and goes on.
A buyer's message it could not store waits in memory, is tried again every few seconds,
and is not confirmed to the channel until it is stored, so nothing confirmed is lost.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from workbench import accounts, conversations, faults, quickphrases
from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.channels.base import Channel, Outgoing
from workbench.conversations import cards, reception
from workbench.store import Store, StoreError
from workbench.store.db import read_only_error
from workbench.ui import language

RETRY_MS = 3000          # how often work the store refused is tried again
RETRY_WAIT_MS = 100      # how long a retry waits for another program's lock


class Session(QObject):
    changed = Signal(object)          # Changes
    conversation_selected = Signal(object)  # Conversation | None
    refused = Signal(str)             # a domain rule said no; the text says why
    trouble = Signal(object)          # a StoreError; None once the waiting work got through

    def __init__(self, store: Store, channel: Channel, agent: Agent,
                 clock: Callable[[], float] = time.time):
        super().__init__()
        self.store = store
        self.channel = channel
        self.agent = agent
        self.clock = clock
        self.current: conversations.Conversation | None = None
        self._incoming: deque[conversations.Incoming] = deque()  # not stored yet
        self._statuses: dict[str, str] = {}                       # uid -> status not stored
        self._failing = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._store_waiting)
        channel.received.connect(self._on_received)
        channel.delivered.connect(lambda uid: self._set_status(uid, "sent"))
        channel.failed.connect(lambda uid, _reason: self._set_status(uid, "failed"))
        channel.presence.connect(self._on_presence)

    # --- the machine's troubles ------------------------------------------------------------

    def report(self, error: BaseException, waiting: int = 0) -> bool:
        """Tell the agent about an error of the store or the file system (True); False
        when ``error`` is a bug, which the caller raises on. ``waiting``: buyer messages
        kept in memory meanwhile, which the line then mentions."""
        known = faults.as_store_error(self.store.translate(error), self.store.path)
        if known is None:
            return False
        if known.kind == "damaged":
            if not self.store.damage:
                self.store.mark_damaged(known.en)
            known = read_only_error(self.store.path)
        if waiting:
            known = StoreError(
                known.zh + f"买家的 {waiting} 条新消息先留在工作台里，数据文件可以写入后自动保存。",
                known.en + f" {waiting} new buyer message(s) wait in the workbench and are "
                "saved as soon as the store can be written.", known.kind)
        self.trouble.emit(known)
        return True

    def attempt(self, action: Callable, *args, **kwargs) -> bool:
        """Call ``action``; True if it got through, False if the machine said no (said in
        the bar). Bugs are raised."""
        try:
            action(*args, **kwargs)
        except Exception as error:
            if not self.report(error):
                raise
            return False
        return True

    @property
    def waiting(self) -> int:
        """Buyer messages received but not stored yet."""
        return len(self._incoming)

    def publish(self, changes: Changes) -> None:
        if changes:
            if self.current and self.current.id in changes.conversations:
                self.current = conversations.get(self.store, self.current.id)
            self.changed.emit(changes)

    def run(self, operation: Callable[..., Changes], *args, **kwargs) -> bool:
        """Run a domain operation; a refusal is reported to the agent, not raised. An
        account disabled since it signed in may do nothing more."""
        if not self.may_act():
            return False
        try:
            changes = operation(*args, **kwargs)
        except Refused as refusal:
            self.refused.emit(language.text(refusal))
            return False
        except Exception as error:
            if not self.report(error):
                raise
            return False
        self.publish(changes)
        return True

    def may_act(self) -> bool:
        """Re-read the account from the store (so every permission check sees it as it is
        now); False, and the reason said, once it has been disabled."""
        try:
            self.agent = accounts.require_active(self.store, self.agent)
        except Refused as refusal:
            self.agent = accounts.by_id(self.store, self.agent.id) or self.agent
            self.refused.emit(language.text(refusal))
            return False
        return True

    def select(self, conversation_id: int | None) -> None:
        self.current = (conversations.get(self.store, conversation_id)
                        if conversation_id is not None else None)
        if self.current and self.current.unread:
            self.run(conversations.mark_read, self.store, self.current.id)
        self.conversation_selected.emit(self.current)

    def send_text(self, text: str, kind: str = "text") -> bool:
        """Store the agent's reply, then hand it to the channel."""
        if self.current is None or not text.strip() or not self.may_act():
            return False
        if len(text) > self.channel.max_length:
            self.refused.emit(self.tr("消息过长：{0} 字，通道上限 {1} 字。请分成几条发送。")
                              .format(len(text), self.channel.max_length))
            return False
        return self._send(functools.partial(conversations.send, kind=kind), text)

    def send_card(self, card: cards.Card) -> bool:
        """A product card: shown as a card here, title, price and link where only text goes."""
        return self.send_text(cards.text(card), kind=cards.KIND)

    def send_image(self, path: Path) -> bool:
        if self.current is None or not self.may_act():
            return False
        return self._send(conversations.send_image, path)

    def _send(self, store_message: Callable, content) -> bool:
        """Store the agent's message, then hand it over; if the store says no, nothing is
        sent and the caller keeps the text."""
        conversation = self.current
        try:
            message, changes = store_message(self.store, conversation.id, self.agent.id,
                                             content, self.clock())
        except Refused as refusal:
            self.refused.emit(language.text(refusal))
            return False
        except Exception as error:
            if not self.report(error):
                raise
            return False
        self.publish(changes)
        self._hand_to_channel(message, conversation.buyer_nick)
        return True

    def retry(self, message: conversations.Message) -> None:
        """Send a failed message again, under the same uid so it can never arrive twice."""
        conversation = conversations.get(self.store, message.conversation_id)
        if conversation is None or message.status != "failed" or not self.may_act():
            return
        if self.run(conversations.set_status, self.store, message.uid, "sending"):
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

    # --- what the channel brings -----------------------------------------------------------

    def _on_received(self, incoming: conversations.Incoming) -> None:
        self._incoming.append(incoming)
        if len(self._incoming) == 1:
            self._store_waiting()
        else:
            self.channel.unstored(incoming.uid)   # queued behind one the store refused

    def _set_status(self, uid: str, status: str) -> None:
        self._statuses[uid] = status
        if len(self._statuses) == 1 and not self._incoming:
            self._store_waiting()

    def _store_waiting(self) -> None:
        """Store what came in, oldest first. When the store says no, the rest waits for
        the next try; a retry waits only briefly for a lock, so the window never freezes."""
        wait = (self.store.waiting_at_most(RETRY_WAIT_MS) if self._failing
                else contextlib.nullcontext())
        with wait:
            while self._incoming or self._statuses:
                try:
                    changes, received = self._store_next()
                except Exception as error:
                    if not self.report(error, waiting=len(self._incoming)):
                        self._drop_head()   # a bug: do not let it block everything after
                        raise
                    self._hold()
                    return
                if received:
                    changes |= self._after_received(changes)
                self.publish(changes)
        if self._failing:
            self._failing = False
            self.trouble.emit(None)

    def _store_next(self) -> tuple[Changes, bool]:
        """Store the oldest thing waiting (a buyer's message first); it leaves the queue
        only once stored. True when it was a buyer's message."""
        if self._incoming:
            changes = conversations.receive(self.store, self._incoming[0], agent_id=self.agent.id)
            self.channel.stored(self._incoming.popleft().uid)
            return changes, True
        uid, status = next(iter(self._statuses.items()))
        changes = conversations.set_status(self.store, uid, status)
        del self._statuses[uid]
        return changes, False

    def _hold(self) -> None:
        self._failing = True
        for incoming in self._incoming:
            self.channel.unstored(incoming.uid)
        if not self.store.damage:   # a damaged store stays read-only until restored
            self._retry.start()

    def _drop_head(self) -> None:
        if self._incoming:
            self._incoming.popleft()
        elif self._statuses:
            del self._statuses[next(iter(self._statuses))]

    def _after_received(self, received: Changes) -> Changes:
        """Auto-replies, and the message read if the agent is looking at it. The message
        itself is stored already: trouble here is said, not held against it."""
        try:
            return self._answer(received)
        except Exception as error:
            if not self.report(error):
                raise
            return Changes()

    def _answer(self, received: Changes) -> Changes:
        changes = Changes()
        for conversation_id in () if self.channel.routes_buyers else received.conversations:
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
        if self.current and self.current.id in received.conversations:
            # The agent is looking at it: the message is read as it arrives.
            changes |= conversations.mark_read(self.store, self.current.id)
        return changes

