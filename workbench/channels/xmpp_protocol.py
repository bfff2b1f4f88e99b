"""The team protocol between the router and the agents' workbenches, on top of XMPP.

Qt-free and slixmpp-free: plain ElementTree payloads that ride inside ordinary ``<message>``
and ``<presence>`` stanzas, so the router, the workbench and the archive import share one
definition. docs/team-mode.md describes it for people.

Buyers never see any of this: they talk to the service address with plain chat messages.
"""

from __future__ import annotations

import hashlib
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

NS = "urn:workbench:team:1"
RECEIPTS = "urn:xmpp:receipts"      # XEP-0184 delivery receipts
SID = "urn:xmpp:sid:0"              # XEP-0359 stanza and origin ids
HINTS = "urn:xmpp:hints"            # XEP-0334: keep receipts and notices out of archives

#: Agent statuses, how each travels as XMPP ``<show>``, and what the window calls it.
STATUSES = ("online", "busy", "away", "suspended")
SHOW_OF_STATUS = {"online": "", "busy": "dnd", "away": "away", "suspended": "xa"}
STATUS_OF_SHOW = {"": "online", "chat": "online", "dnd": "busy", "away": "away",
                  "xa": "suspended"}
STATUS_LABELS = {"online": "在线", "busy": "忙碌", "away": "离开", "suspended": "挂起",
                 "offline": "离线"}


def q(tag: str, ns: str = NS) -> str:
    return f"{{{ns}}}{tag}"


def new_resource() -> str:
    return uuid.uuid4().hex[:8]


def buyer_message_uid(buyer: str, message_id: str) -> str:
    """The stable uid of a buyer's message: the same on every delivery, live or archived."""
    return hashlib.sha1(f"{buyer}\n{message_id}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Relay:
    """A buyer's message as the router hands it to an agent."""

    uid: str
    buyer: str
    conversation: int
    text: str
    at: float
    kind: str = "text"
    tier: str = "普通"


#: Message kinds that travel as their text: a product card is its title, price and link.
TEXT_KINDS = ("text", "card")


@dataclass(frozen=True)
class Reply:
    """An agent's answer to a buyer, sent to the router."""

    uid: str
    buyer: str
    conversation: int | None
    text: str
    kind: str = "text"


def relay_element(relay: Relay) -> ET.Element:
    return ET.Element(q("relay"), {
        "uid": relay.uid, "buyer": relay.buyer, "conversation": str(relay.conversation),
        "at": repr(relay.at), "kind": relay.kind, "tier": relay.tier})


def parse_relay(payload: ET.Element, body: str) -> Relay | None:
    try:
        return Relay(uid=payload.attrib["uid"], buyer=payload.attrib["buyer"],
                     conversation=int(payload.attrib["conversation"]), text=body,
                     at=float(payload.attrib["at"]), kind=payload.get("kind", "text"),
                     tier=payload.get("tier", "普通"))
    except (KeyError, ValueError):
        return None


def reply_element(reply: Reply) -> ET.Element:
    attrs = {"uid": reply.uid, "buyer": reply.buyer}
    if reply.conversation is not None:
        attrs["conversation"] = str(reply.conversation)
    if reply.kind != "text":
        attrs["kind"] = reply.kind
    return ET.Element(q("reply"), attrs)


def parse_reply(payload: ET.Element, body: str) -> Reply | None:
    uid, buyer = payload.get("uid"), payload.get("buyer")
    if not uid or not buyer:
        return None
    conversation = payload.get("conversation")
    kind = payload.get("kind", "text")
    return Reply(uid=uid, buyer=buyer, text=body,
                 conversation=int(conversation) if conversation and conversation.isdigit()
                 else None, kind=kind if kind in TEXT_KINDS else "text")


def receipt_element(uid: str) -> ET.Element:
    return ET.Element(q("received", RECEIPTS), {"id": uid})


def no_store_element() -> ET.Element:
    return ET.Element(q("no-store", HINTS))


def origin_id_element(uid: str) -> ET.Element:
    return ET.Element(q("origin-id", SID), {"id": uid})


def element(tag: str, **attrs: str) -> ET.Element:
    """A team payload such as ``<transfer>``, ``<end>``, ``<refused>``, ``<agent>``."""
    return ET.Element(q(tag), {key: value for key, value in attrs.items() if value is not None})


def status_of_presence(show: str, payload: ET.Element | None) -> str:
    """An agent's status: the team payload says it exactly; plain clients map by ``<show>``."""
    if payload is not None and payload.get("status") in STATUSES:
        return payload.get("status")
    return STATUS_OF_SHOW.get(show or "", "away")
