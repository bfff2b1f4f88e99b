"""Buyers, conversations and messages: what happens when a buyer writes or an agent answers."""

from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from workbench.changes import Changes, Refused
from workbench.paths import images_dir
from workbench.store import Store, chat, people

PREVIEW_CHARS = 60
# 'note' is an internal note: agents see it, the buyer never does; logs and figures skip it.
SENDERS = ("buyer", "agent", "auto", "system", "note")
STATES = ("waiting", "queued", "in_service", "ended")


@dataclass(frozen=True)
class Conversation:
    id: int
    buyer_id: int
    buyer_nick: str
    buyer_tier: str
    buyer_tags: str
    agent_id: int | None
    state: str
    unread: int
    waiting_since: float | None
    last_message_at: float | None
    last_preview: str
    draft: str
    ended_at: float | None
    replied: int  # the agent has answered at least once (first response given)

    @property
    def tags(self) -> list[str]:
        return json.loads(self.buyer_tags or "[]")


@dataclass(frozen=True)
class Message:
    id: int
    uid: str
    conversation_id: int
    sender: str
    agent_id: int | None
    kind: str
    text: str
    status: str
    created_at: float


@dataclass(frozen=True)
class Incoming:
    """A buyer's message as a channel delivers it."""

    uid: str
    buyer: str
    text: str
    at: float
    kind: str = "text"
    buyer_tier: str = "普通"


def new_uid() -> str:
    return uuid.uuid4().hex


def preview(kind: str, text: str) -> str:
    if kind == "image":
        return "[图片]"
    if kind == "card":
        from workbench.conversations import cards

        return cards.preview(text)[:PREVIEW_CHARS]
    flat = " ".join(text.split())
    return flat[:PREVIEW_CHARS]


def ensure_buyer(store: Store, nick: str, tier: str, now: float) -> int:
    """The buyer's id, creating the buyer on first sight."""
    with store.transaction():
        buyer = people.buyer_by_nick(store, nick)
        return buyer["id"] if buyer else people.insert_buyer(store, nick, tier, now)


def image_path(store: Store, message: Message) -> Path:
    """Where an image message's file lives (its text is the file name)."""
    return images_dir(store.path) / message.text


def _keep_image(store: Store, incoming: Incoming) -> str:
    """Copy a received image into the data dir; the message keeps only its file name."""
    return _copy_image(store, Path(incoming.text), incoming.uid)


def _copy_image(store: Store, source: Path, uid: str) -> str:
    name = f"{uid}{source.suffix.lower() or '.png'}"
    target = images_dir(store.path) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        try:
            shutil.copyfile(source, target)
        except OSError as error:
            raise Refused(f"无法保存图片 {source.name}：{error.strerror}",
                          f"Cannot keep the image {source.name}: {error.strerror}") from error
    return name


def receive(store: Store, incoming: Incoming, agent_id: int | None = None) -> Changes:
    """Store a buyer's message (once, however often it is delivered).

    The buyer's latest conversation takes it, reopened if it had ended; a buyer seen for
    the first time gets a new conversation, assigned to ``agent_id``.
    """
    with store.transaction():
        buyer_id = ensure_buyer(store, incoming.buyer, incoming.buyer_tier, incoming.at)
        latest = chat.latest_conversation_for_buyer(store, buyer_id)
        if latest is None:
            conversation_id = chat.insert_conversation(store, buyer_id, incoming.at)
            chat.set_agent(store, conversation_id, agent_id)
        else:
            conversation_id = latest["id"]
        text = _keep_image(store, incoming) if incoming.kind == "image" else incoming.text
        message_id = chat.insert_message(
            store, incoming.uid, conversation_id, "buyer", None, incoming.kind, text,
            "received", incoming.at)
        if message_id is None:
            return Changes()
        from workbench.customers.recompute import note_buyer_message  # off the start-up path

        note_buyer_message(store, buyer_id, incoming.at)
        if latest is not None and latest["state"] == "ended":
            chat.set_state(store, conversation_id, "waiting", incoming.at)
        chat.note_buyer_message(store, conversation_id, preview(incoming.kind, incoming.text),
                                incoming.at)
    return Changes(conversations=frozenset({conversation_id}),
                   messages=frozenset({message_id}), buyers=frozenset({buyer_id}))


def send(store: Store, conversation_id: int, agent_id: int, text: str, now: float,
         kind: str = "text", uid: str | None = None) -> tuple[Message, Changes]:
    """Record the agent's reply as 'sending' before any channel sees it."""
    if not text.strip():
        raise Refused("不能发送空消息。", "An empty message cannot be sent.")
    uid = uid or new_uid()
    with store.transaction():
        message_id = chat.insert_message(store, uid, conversation_id, "agent", agent_id, kind,
                                         text, "sending", now)
        chat.note_agent_reply(store, conversation_id, agent_id, preview(kind, text), now)
    message = message_by_uid(store, uid)
    assert message is not None and message_id is not None
    return message, Changes(conversations=frozenset({conversation_id}),
                            messages=frozenset({message_id}))


def send_image(store: Store, conversation_id: int, agent_id: int, source: Path,
               now: float) -> tuple[Message, Changes]:
    """The agent sends a picture: kept in the data dir like a buyer's, then sent."""
    uid = new_uid()
    name = _copy_image(store, source, uid)
    return send(store, conversation_id, agent_id, name, now, kind="image", uid=uid)


def add_line(store: Store, conversation_id: int, sender: str, text: str, now: float,
             agent_id: int | None = None) -> tuple[Message, Changes]:
    """An auto-reply ('auto', to be sent), a system line or an internal note ('note').

    None of them is a human reply: the waiting clock keeps running.
    """
    if sender not in ("auto", "system", "note"):
        raise ValueError(sender)
    if not text.strip():
        raise Refused("内容不能为空。", "The text cannot be empty.")
    uid = new_uid()
    status = "sending" if sender == "auto" else "sent"
    with store.transaction():
        message_id = chat.insert_message(store, uid, conversation_id, sender, agent_id, "text",
                                         text, status, now)
        if sender != "note":
            chat.note_other_message(store, conversation_id, preview("text", text), now)
    message = message_by_uid(store, uid)
    assert message is not None and message_id is not None
    return message, Changes(conversations=frozenset({conversation_id}),
                            messages=frozenset({message_id}))


def add_note(store: Store, conversation_id: int, agent_id: int, text: str,
             now: float) -> Changes:
    """An internal note on the conversation, for colleagues; never sent to the buyer."""
    return add_line(store, conversation_id, "note", text, now, agent_id)[1]


def set_status(store: Store, uid: str, status: str) -> Changes:
    """A channel reported 'sent' or 'failed' for one of our messages."""
    with store.transaction():
        row = chat.set_message_status(store, uid, status)
    if row is None:
        return Changes()
    return Changes(conversations=frozenset({row["conversation_id"]}),
                   messages=frozenset({row["id"]}))


def mark_read(store: Store, conversation_id: int) -> Changes:
    with store.transaction():
        chat.set_unread(store, conversation_id, 0)
    return Changes(conversations=frozenset({conversation_id}))


def save_draft(store: Store, conversation_id: int, draft: str) -> Changes:
    with store.transaction():
        chat.set_draft(store, conversation_id, draft)
    return Changes(conversations=frozenset({conversation_id}))


def all_conversations(store: Store, ended_since: float = 0.0) -> list[Conversation]:
    """Open conversations, and those that ended after ``ended_since``."""
    # Positional: three times faster than by name, and the list is loaded before the first
    # paint. The store's columns come in the order of Conversation's fields (a test checks).
    return [Conversation(*row) for row in chat.conversations(store, ended_since)]


def get(store: Store, conversation_id: int) -> Conversation | None:
    row = chat.conversation(store, conversation_id)
    return Conversation(**row) if row else None


def history(store: Store, conversation_id: int, before_id: int | None = None,
            limit: int = 200) -> list[Message]:
    return [Message(**row) for row in chat.messages(store, conversation_id, before_id, limit)]


def message_by_uid(store: Store, uid: str) -> Message | None:
    row = chat.message_by_uid(store, uid)
    return Message(**row) if row else None


def latest_for_buyer(store: Store, nick: str) -> Conversation | None:
    buyer = people.buyer_by_nick(store, nick)
    latest = chat.latest_conversation_for_buyer(store, buyer["id"]) if buyer else None
    return get(store, latest["id"]) if latest else None


def find(store: Store, conversation_id: int, text: str) -> list[int]:
    """Ids of the messages in a conversation that contain ``text``."""
    return chat.find_in_conversation(store, conversation_id, text) if text else []


def history_from(store: Store, conversation_id: int, first_id: int) -> list[Message]:
    return [Message(**row) for row in chat.messages_from(store, conversation_id, first_id)]
