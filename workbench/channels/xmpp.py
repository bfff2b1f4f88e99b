"""Team mode: the agent's workbench talks to the shop's router over XMPP (slixmpp).

slixmpp runs on asyncio, and asyncio runs inside Qt's own event loop through qasync, so
every callback here is on the GUI thread and may emit signals that touch widgets. No
second thread is involved.

Buyers' messages arrive as relays from the router (``received``); each is confirmed with a
receipt once the session has stored it. The agent's replies go to the router, which
confirms them (``delivered``) once the buyer's server has them or refuses them (``failed``).
Until confirmed a reply stays 'sending' in the store and is sent again, with the same uid,
after every reconnect and whenever the router comes back.
"""

from __future__ import annotations

import asyncio
import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal

from workbench.channels import xmpp_protocol as proto
from workbench.channels.base import Channel, Outgoing
from workbench.channels.xmpp_client import configure_tls, on_every_message, release
from workbench.conversations import Incoming
from workbench.store import Store, outbox

log = logging.getLogger(__name__)

CLIENT = "jabber:client"
MAX_BACKOFF_S = 30.0
STATE_LABELS = {"offline": "未连接", "connecting": "正在连接…", "online": "已连接",
                "error": "连接失败"}


@dataclass(frozen=True)
class XmppSettings:
    """Where and as whom to log in. The password is never part of it (nor of any log)."""

    jid: str
    service: str
    server: str = ""
    port: int = 5222
    tls: bool = True
    ca_file: str = ""

    @property
    def resource(self) -> str:
        return "workbench"


def unsent_outgoing(store: Store, agent_id: int) -> list[Outgoing]:
    """The agent's replies still waiting for the router's confirmation."""
    return [Outgoing(row["uid"], row["buyer"], row["conversation_id"], row["kind"], row["text"])
            for row in outbox.unsent(store, agent_id)]


def bare(jid) -> str:
    return str(jid or "").split("/", 1)[0].lower()


class XmppChannel(Channel):
    """The channel of an agent in team mode. ``configure`` then ``start``."""

    routes_buyers = True  # the router greets, queues and assigns buyers

    state_changed = Signal(str)      # 'offline' | 'connecting' | 'online' | 'error'
    router_changed = Signal(bool)    # the router (service address) is reachable or not
    notice = Signal(str)             # a team event for the status bar, in Chinese

    def __init__(self, settings: XmppSettings | None = None, password: str | None = None):
        super().__init__()
        self.settings = settings
        self._password = password
        self._outbox: Callable[[], list[Outgoing]] = list
        self._xmpp = None
        self._started = False
        self._stopping = False
        self._backoff = 1.0
        self._retry: asyncio.TimerHandle | None = None
        self.state = "offline"
        self.error = ""
        self.router_online = False
        self.status = "online"
        self._conversations: dict[str, int] = {}   # buyer -> the router's conversation id
        self._unstored: set[str] = set()   # relayed, not in the store yet: not confirmed

    # --- set-up ---------------------------------------------------------------------------

    @property
    def has_credentials(self) -> bool:
        return self.settings is not None and bool(self._password)

    def set_outbox(self, unsent: Callable[[], list[Outgoing]]) -> None:
        """Where to find the replies to send again after a reconnect."""
        self._outbox = unsent

    def configure(self, settings: XmppSettings, password: str) -> None:
        """New login details; reconnects if the channel was started."""
        self.settings, self._password = settings, password
        if self._started:
            self._drop_client()
            self._connect()

    def start(self) -> None:
        self._started, self._stopping = True, False
        if self.has_credentials and self._xmpp is None:
            self._connect()

    def stop(self) -> None:
        self._started, self._stopping = False, True
        self._drop_client()

    def _drop_client(self) -> None:
        if self._retry:
            self._retry.cancel()
            self._retry = None
        client, self._xmpp = self._xmpp, None
        if client is not None:
            client.del_event_handler("disconnected", self._on_disconnected)
            if client.transport:
                client.disconnect(wait=1.0).add_done_callback(lambda _f: release(client))
            else:
                client.cancel_connection_attempt()
                release(client)
        self._set_state("offline")
        self._set_router(False)

    def _connect(self) -> None:
        import slixmpp

        settings = self.settings
        assert settings is not None and self._password
        client = slixmpp.ClientXMPP(f"{settings.jid}/{settings.resource}", self._password)
        configure_tls(client, settings.tls, settings.ca_file or None)
        client.add_event_handler("session_start", self._on_session_start)
        on_every_message(client, self._on_message)
        client.add_event_handler("presence", self._on_presence)
        client.add_event_handler("disconnected", self._on_disconnected)
        client.add_event_handler("failed_auth", self._on_failed_auth)
        self._xmpp = client
        self._set_state("connecting")
        if settings.server:
            client.connect(settings.server, settings.port)
        else:
            client.connect()

    # --- connection events ----------------------------------------------------------------

    def _set_state(self, state: str, error: str = "") -> None:
        self.error = error
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _set_router(self, online: bool) -> None:
        if online != self.router_online:
            self.router_online = online
            self.router_changed.emit(online)

    def _on_session_start(self, _event) -> None:
        client = self._xmpp
        if client is None:
            return
        if self.settings.tls and "starttls" not in client.features:
            self._set_state("error", "服务器没有提供加密连接（TLS），已断开。")
            self._stopping = True
            client.abort()
            return
        self._backoff = 1.0
        self._set_state("online")
        # Broadcast presence makes the server hand over what waited offline; the directed
        # one tells the router this agent is here and how available. The router answers
        # with its own presence, and then the unconfirmed replies go again (_on_presence).
        client.send_presence()
        self._announce()

    def _on_failed_auth(self, _event) -> None:
        self._stopping = True   # a wrong password does not get better by retrying
        self._set_state("error", "账号或密码错误。")

    def _on_disconnected(self, _event) -> None:
        self._set_router(False)
        if self._stopping or not self._started:
            if self.state != "error":
                self._set_state("offline")
            return
        self._set_state("connecting")
        delay, self._backoff = self._backoff, min(self._backoff * 2, MAX_BACKOFF_S)
        client = self._xmpp
        self._retry = asyncio.get_event_loop().call_later(delay, self._reconnect, client)

    def _reconnect(self, client) -> None:
        self._retry = None
        if client is self._xmpp and client is not None and not self._stopping:
            if self.settings.server:
                client.connect(self.settings.server, self.settings.port)
            else:
                client.connect()

    def _announce(self) -> None:
        client = self._xmpp
        if client is None or self.state != "online":
            return
        presence = client.make_presence(pto=self.settings.service,
                                        pshow=proto.SHOW_OF_STATUS[self.status] or None)
        presence.append(proto.element("agent", status=self.status))
        presence.send()

    def _resend(self) -> None:
        for message in self._outbox():
            self._send_now(message)

    # --- traffic --------------------------------------------------------------------------

    def send(self, message: Outgoing) -> str:
        if message.kind not in proto.TEXT_KINDS:
            reason = "团队模式只能发送文字消息和商品卡片。"
            QTimer.singleShot(0, lambda: self.failed.emit(message.uid, reason))
            return message.uid
        if self.state == "online":
            self._send_now(message)
        # Otherwise it waits in the store as 'sending' and goes out after the reconnect.
        return message.uid

    def _send_now(self, message: Outgoing) -> None:
        client = self._xmpp
        stanza = client.make_message(self.settings.service, mbody=message.text, mtype="chat")
        stanza["id"] = message.uid
        stanza.append(proto.reply_element(proto.Reply(
            message.uid, message.buyer, self._conversations.get(message.buyer), message.text,
            message.kind)))
        stanza.send()

    def set_status(self, status: str) -> None:
        """online / busy / away / suspended: only online agents get new buyers."""
        if status not in proto.STATUSES:
            raise ValueError(status)
        self.status = status
        self._announce()

    def transfer(self, buyer: str, to: str, reason: str = "") -> bool:
        return self._team_message(proto.element("transfer", buyer=buyer, to=to.strip().lower(),
                                                reason=reason))

    def end_conversation(self, buyer: str) -> bool:
        return self._team_message(proto.element("end", buyer=buyer))

    def _team_message(self, payload: ET.Element) -> bool:
        client = self._xmpp
        if client is None or self.state != "online":
            return False
        stanza = client.make_message(self.settings.service, mtype="chat")
        stanza.append(payload)
        stanza.send()
        return True

    def _on_message(self, msg) -> None:
        if bare(msg["from"]) != bare(self.settings.service) or msg["type"] == "error":
            return  # only the router speaks for the shop; anything else is not ours
        xml = msg.xml
        body = xml.findtext(f"{{{CLIENT}}}body")
        receipt = xml.find(proto.q("received", proto.RECEIPTS))
        if receipt is not None and receipt.get("id"):
            self.delivered.emit(receipt.get("id"))
        for payload in xml:
            if not payload.tag.startswith(f"{{{proto.NS}}}"):
                continue
            tag = payload.tag.split("}", 1)[1]
            if tag == "relay" and body is not None:
                self._on_relay(proto.parse_relay(payload, body))
            elif tag == "refused" and payload.get("uid"):
                self.failed.emit(payload.get("uid"), payload.get("reason", ""))
            elif tag == "assigned":
                self.notice.emit(f"{payload.get('other')} 把买家 {payload.get('buyer')} "
                                 f"转接给了你。{payload.get('reason', '')}")
            elif tag == "released":
                self.presence.emit(payload.get("buyer", ""), "released")
                reason = payload.get("reason", "")
                if reason == "idle":
                    self.notice.emit(f"买家 {payload.get('buyer')} 的会话因长时间无消息已结束。")
                else:
                    self.notice.emit(f"买家 {payload.get('buyer')} 已转接给 "
                                     f"{payload.get('other')}。")
            elif tag == "transfer-refused":
                self.notice.emit(f"转接买家 {payload.get('buyer')} 未成功："
                                 f"{payload.get('reason', '')}")

    def _on_relay(self, relay: proto.Relay | None) -> None:
        if relay is None:
            return
        self._conversations[relay.buyer] = relay.conversation
        # The session stores it inside this emit (same thread, direct connection), so the
        # receipt below means 'safely in the agent's store'. One the store refused (busy,
        # full) is confirmed once stored; until then the router keeps it to send again.
        self.received.emit(Incoming(uid=relay.uid, buyer=relay.buyer, text=relay.text,
                                    at=relay.at, kind="text", buyer_tier=relay.tier))
        if relay.uid not in self._unstored:
            self._confirm(relay.uid)

    def unstored(self, uid: str) -> None:
        self._unstored.add(uid)

    def stored(self, uid: str) -> None:
        if uid in self._unstored:
            self._unstored.discard(uid)
            self._confirm(uid)

    def _confirm(self, uid: str) -> None:
        client = self._xmpp
        if client is not None:
            stanza = client.make_message(self.settings.service, mtype="chat")
            stanza.append(proto.receipt_element(uid))
            stanza.append(proto.no_store_element())
            stanza.send()

    def _on_presence(self, presence) -> None:
        if bare(presence["from"]) != bare(self.settings.service):
            return
        online = presence["type"] not in ("unavailable", "error")
        came_back = online and not self.router_online
        self._set_router(online)
        if came_back:
            # The router (re)started: tell it we are here and send what it has not confirmed.
            self._announce()
            self._resend()
