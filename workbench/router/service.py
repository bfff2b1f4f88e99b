"""`workbench router`: the headless process logged in as the shop's service account.

It turns XMPP traffic into calls on :class:`~workbench.router.routing.Router` and the
actions it returns into stanzas. Buyers only ever talk to the service address; agents'
workbenches talk to it with the team payloads of ``workbench.channels.xmpp_protocol``.

Nothing lost: buyers' messages that arrive while the router is down wait on the server
(offline storage) and in the service account's archive (XEP-0313); on start the router
reads the archive from its last checkpoint, so a message in flight when it was killed is
found again. Nothing doubled: every message has a stable uid and the router's file keeps
every uid it handled.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from workbench.channels import xmpp_protocol as proto
from workbench.channels.xmpp_client import configure_tls, on_every_message, release
from workbench.router import config as router_config
from workbench.router.config import RouterConfig
from workbench.router.routing import Action, Confirm, Notice, Refuse, Router, ToAgent, ToBuyer
from workbench.store import router as db
from workbench.store.router import RouterStore

log = logging.getLogger("workbench.router")

CLIENT = "jabber:client"
CHECKPOINT_KEY = "archive_last_id"
CHECKPOINT_AT_KEY = "archive_last_at"
MAM_PAGE = 200
MAX_BACKOFF_S = 30.0


def bare(jid: str | None) -> str:
    return (jid or "").split("/", 1)[0].lower()


def _stamp(xml: ET.Element) -> float | None:
    delay = xml.find("{urn:xmpp:delay}delay")
    if delay is None or not delay.get("stamp"):
        return None
    try:
        return datetime.fromisoformat(delay.get("stamp").replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


class RouterService:
    """One router: its file, its rules and its XMPP connection."""

    def __init__(self, config: RouterConfig, clock=time.time):
        import slixmpp

        self.config = config
        self.clock = clock
        self.store = RouterStore.open(config.database)
        self.router = Router(self.store, config.agents, config.auto_reply,
                             idle_s=config.idle_minutes * 60)
        self.jid = config.jid
        self.xmpp = slixmpp.ClientXMPP(f"{config.jid}/router", config.password)
        configure_tls(self.xmpp, config.tls, config.ca_file)
        self.xmpp.register_plugin("xep_0030")
        self.xmpp.register_plugin("xep_0059")
        self.xmpp.register_plugin("xep_0313")
        self.xmpp.register_plugin("xep_0198", {"window": 1})
        self.xmpp.add_event_handler("session_start", self._on_session_start)
        on_every_message(self.xmpp, self._on_message)
        self.xmpp.add_event_handler("presence", self._on_presence)
        self.xmpp.add_event_handler("disconnected", self._on_disconnected)
        self.xmpp.add_event_handler("stanza_acked", self._on_acked)
        self.xmpp.add_event_handler("sm_enabled", lambda _e: self._set_sm(True))
        self.xmpp.add_event_handler("sm_disabled", lambda _e: self._set_sm(False))
        self._sm = False
        self._catching_up = True
        self._held: list = []
        self._stopping = False
        self._backoff = 1.0
        self._ready = asyncio.Event()
        self._tasks: set[asyncio.Task] = set()
        self._idle_task: asyncio.Task | None = None
        self._awaiting_ack: dict[str, str] = {}   # stanza id -> uid of a reply to a buyer

    # --- life cycle -----------------------------------------------------------------------

    async def start(self, timeout: float = 30.0) -> None:
        """Connect, announce ourselves, catch up from the archive; returns when ready."""
        self._connect()
        await asyncio.wait_for(self._ready.wait(), timeout)
        self._idle_task = asyncio.ensure_future(self._expire_idle_forever())

    async def stop(self) -> None:
        self._stopping = True
        if self._idle_task:
            self._idle_task.cancel()
        for task in list(self._tasks):
            task.cancel()
        await self.xmpp.disconnect(wait=2.0)
        release(self.xmpp)
        self.store.close()

    def _connect(self) -> None:
        if self.config.server:
            self.xmpp.connect(self.config.server, self.config.port)
        else:
            self.xmpp.connect()

    def _on_disconnected(self, _event) -> None:
        self._ready.clear()
        self._catching_up = True
        self._set_sm(False)
        for agent in self.router.agents:
            self.router.status[agent] = "offline"
        if self._stopping:
            return
        delay, self._backoff = self._backoff, min(self._backoff * 2, MAX_BACKOFF_S)
        log.warning("disconnected from the server; reconnecting in %.0f s", delay)
        asyncio.get_running_loop().call_later(delay, self._connect)

    def _set_sm(self, enabled: bool) -> None:
        self._sm = enabled
        if not enabled:
            self._awaiting_ack.clear()

    async def _on_session_start(self, _event) -> None:
        self._backoff = 1.0
        self._catching_up = True
        self._held = []
        # Available to the server: messages to the service address reach us, and offline
        # ones are delivered. Directed presence tells every agent's workbench we are back,
        # which makes it announce its status and resend what it has not got confirmed.
        self.xmpp.send_presence()
        for agent in self.router.agents:
            self.xmpp.send_presence(pto=agent)
        try:
            await self._catch_up()
        except Exception:  # an archive problem must not stop the routing
            log.exception("could not read the archive; continuing with live traffic")
        self._catching_up = False
        held, self._held = self._held, []
        for stanza in held:
            self._handle(stanza, live=True)
        log.info("router ready as %s with %d agents", self.jid, len(self.router.agents))
        self._ready.set()

    async def _catch_up(self) -> None:
        """Read what reached the archive after the last message we handled."""
        last = db.get_meta(self.store, CHECKPOINT_KEY)
        if last is None:
            return  # a first start: offline storage holds what came before
        from slixmpp.exceptions import IqError

        after: str | None = last
        start = None
        while True:
            rsm = {"max": MAM_PAGE}
            if after:
                rsm["after"] = after
            try:
                result = await self.xmpp.plugin["xep_0313"].retrieve(start=start, rsm=rsm,
                                                                     timeout=30)
            except IqError:
                if start is not None or after is None:
                    raise
                # The checkpoint left the archive (expired): read by time instead.
                at = float(db.get_meta(self.store, CHECKPOINT_AT_KEY) or self.clock())
                start, after = datetime.fromtimestamp(at - 300, UTC), None
                continue
            results = result["mam"]["results"]
            for item in results:
                forwarded = item["mam_result"]["forwarded"]
                # When the server archived it for us, that is when the buyer wrote: the
                # archive's own stamp, never one the sender put inside the message.
                archived_at = _stamp(forwarded.xml)
                self._handle_xml(forwarded["stanza"].xml, archive_id=item["mam_result"]["id"],
                                 archived_at=archived_at)
            last_id = result["mam_fin"]["rsm"]["last"]
            if not results or result["mam_fin"]["complete"] in (True, "true") or not last_id:
                return
            after, start = last_id, None

    async def _expire_idle_forever(self) -> None:
        while True:
            await asyncio.sleep(min(60.0, max(self.router.idle_s / 10, 1.0)))
            self._send(self.router.expire_idle(self.clock()))

    # --- incoming -------------------------------------------------------------------------

    def _on_message(self, msg) -> None:
        if self._catching_up:
            self._held.append(msg)
            return
        self._handle(msg, live=True)

    def _handle(self, msg, live: bool) -> None:
        archive_id = None
        for sid in msg.xml.findall(f"{{{proto.SID}}}stanza-id"):
            if bare(sid.get("by")) == self.jid:
                archive_id = sid.get("id")
        self._handle_xml(msg.xml, archive_id)

    def _handle_xml(self, xml: ET.Element, archive_id: str | None,
                    archived_at: float | None = None) -> None:
        now = self.clock()
        sender = bare(xml.get("from"))
        if sender == self.jid or xml.get("type") in ("error", "groupchat", "headline"):
            return
        try:
            self._dispatch(xml, sender, now, archived_at)
        except Exception:
            log.exception("could not handle a message from %s", sender)
            return
        if archive_id:
            with self.store.transaction():
                db.put_meta(self.store, CHECKPOINT_KEY, archive_id)
                db.put_meta(self.store, CHECKPOINT_AT_KEY, repr(now))

    def _dispatch(self, xml: ET.Element, sender: str, now: float,
                  archived_at: float | None = None) -> None:
        body = xml.findtext(f"{{{CLIENT}}}body")
        team = [child for child in xml if child.tag.startswith(f"{{{proto.NS}}}")]
        receipt = xml.find(proto.q("received", proto.RECEIPTS))
        if not self.router.is_agent(sender):
            if team or receipt is not None:
                log.warning("ignored team traffic from %s, which is not an agent account",
                            sender)
                return
            if body is None:
                return
            message_id = _origin_id(xml) or xml.get("id") or ""
            if not message_id:
                message_id = next((s.get("id") for s in xml.findall(
                    f"{{{proto.SID}}}stanza-id") if bare(s.get("by")) == self.jid), "")
            if not message_id:
                message_id = proto.buyer_message_uid(body, repr(now))
            uid = proto.buyer_message_uid(sender, message_id)
            claimed = _stamp(xml)
            if claimed is not None and archived_at is None:
                log.info("ignored the delay stamp %s on %s's message: its time is when the "
                         "router received it", datetime.fromtimestamp(claimed, UTC).isoformat(),
                         sender)
            # The router's receipt time (for a replay, the archive's), never the client's.
            at = min(archived_at, now) if archived_at is not None else now
            self._send(self.router.buyer_message(sender, uid, body, at, now))
            return
        if receipt is not None and receipt.get("id"):
            self.router.agent_confirmed(sender, receipt.get("id"), now)
        for payload in team:
            tag = payload.tag.split("}", 1)[1]
            if tag == "reply" and body is not None:
                reply = proto.parse_reply(payload, body)
                if reply:
                    self._send(self.router.agent_reply(sender, reply.uid, reply.buyer,
                                                       reply.text, now, reply.kind))
            elif tag == "transfer" and payload.get("buyer") and payload.get("to"):
                self._send(self.router.transfer(sender, payload.get("buyer").lower(),
                                                payload.get("to").lower(),
                                                payload.get("reason", ""), now))
            elif tag == "end" and payload.get("buyer"):
                self._send(self.router.end(sender, payload.get("buyer").lower(), now))

    def _on_presence(self, presence) -> None:
        sender = bare(str(presence["from"]))
        if sender == self.jid:
            return
        kind = presence["type"]
        payload = presence.xml.find(proto.q("agent"))
        if not self.router.is_agent(sender):
            if payload is not None:
                log.warning("ignored agent status from %s, which is not an agent account",
                            sender)
            return
        if kind in ("error", "subscribe", "subscribed", "unsubscribe", "unsubscribed",
                    "probe"):
            return
        status = "offline" if kind == "unavailable" else proto.status_of_presence(
            presence["show"], payload)
        if self.router.status.get(sender) == "offline" and status != "offline":
            # Tell the workbench we are here: it then resends what we have not confirmed.
            self.xmpp.send_presence(pto=sender)
        self._send(self.router.agent_status(sender, status, self.clock()))

    def _on_acked(self, stanza) -> None:
        uid = self._awaiting_ack.pop(stanza["id"], None) if stanza.name == "message" else None
        if uid:
            self._send(self.router.relayed(uid, self.clock()))

    # --- outgoing -------------------------------------------------------------------------

    def _send(self, actions: list[Action]) -> None:
        for action in actions:
            if isinstance(action, ToAgent):
                self._to_agent(action)
            elif isinstance(action, ToBuyer):
                self._to_buyer(action)
            elif isinstance(action, Confirm):
                self._message(action.agent, payloads=[proto.receipt_element(action.uid),
                                                      proto.no_store_element()])
            elif isinstance(action, Refuse):
                self._message(action.agent, payloads=[
                    proto.element("refused", uid=action.uid, reason=action.reason),
                    proto.no_store_element()])
            elif isinstance(action, Notice):
                self._message(action.agent, payloads=[
                    proto.element(action.kind, buyer=action.buyer,
                                  conversation=str(action.conversation), other=action.other,
                                  reason=action.reason),
                    proto.no_store_element()])

    def _message(self, to: str, body: str | None = None, mid: str | None = None,
                 payloads=()):
        message = self.xmpp.make_message(to, mbody=body, mtype="chat")
        if mid:
            message["id"] = mid
        for payload in payloads:
            message.append(payload)
        message.send()
        return message

    def _to_agent(self, action: ToAgent) -> None:
        self._message(action.agent, action.relay.text, action.relay.uid,
                      [proto.relay_element(action.relay)])

    def _to_buyer(self, action: ToBuyer) -> None:
        payloads = [proto.origin_id_element(action.uid)]
        if action.auto:
            payloads.append(proto.element("auto", conversation=str(action.conversation)))
        message = self._message(action.buyer, action.text, action.uid, payloads)
        if action.auto:
            self.router.relayed(action.uid, self.clock())
        elif self._sm:
            # Confirmed to the agent only once the server acknowledges taking it.
            self._awaiting_ack[message["id"]] = action.uid
        else:
            self._send(self.router.relayed(action.uid, self.clock()))


def _origin_id(xml: ET.Element) -> str | None:
    origin = xml.find(f"{{{proto.SID}}}origin-id")
    return origin.get("id") if origin is not None else None


def run(config_path, verbose: bool = False) -> int:
    """The `workbench router` command: run until SIGTERM/SIGINT."""
    # A bad config is a ConfigError (a Refused): the command line prints it in one line.
    config = router_config.load(config_path)
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if config.log_file:
        handlers.append(logging.FileHandler(config.log_file, encoding="utf-8"))
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, handlers=handlers,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    # slixmpp at debug level would print raw stanzas, the login included: keep it quiet.
    logging.getLogger("slixmpp").setLevel(logging.WARNING)

    async def main() -> None:
        service = RouterService(config)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await service.start(timeout=timedelta(days=365).total_seconds())
        print("router ready", flush=True)
        await stop.wait()
        await service.stop()

    asyncio.run(main())
    return 0
