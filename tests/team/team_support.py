"""Helpers of the team-mode tests: buyers as independent slixmpp clients, agents' seats,
a shop's accounts and its router. The fixtures that use them are in conftest.py."""

from __future__ import annotations

import asyncio
import itertools
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from workbench import accounts
from workbench.channels.xmpp import XmppChannel, XmppSettings, unsent_outgoing
from workbench.channels.xmpp_client import configure_tls, release
from workbench.router.config import RouterConfig
from workbench.router.prosody import ProsodyServer
from workbench.router.routing import AgentConfig
from workbench.router.service import RouterService
from workbench.store import Store
from workbench.ui.session import Session

PASSWORD = "test-password-not-real"
TIMEOUT_MS = 10_000
team_numbers = itertools.count(1)


def run(qtbot, coroutine, timeout_ms: int = TIMEOUT_MS):
    """Await ``coroutine`` on the qasync loop while Qt keeps processing events."""
    task = asyncio.ensure_future(coroutine)
    qtbot.waitUntil(task.done, timeout=timeout_ms)
    return task.result()


def create_accounts(server: ProsodyServer, users: list[str]) -> None:
    """prosodyctl, several at once: each call is a short process of its own."""
    processes = [subprocess.Popen(
        ["prosodyctl", "--config", str(server.config_path), "register", user, server.domain,
         PASSWORD], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for user in users]
    for process in processes:
        _, error = process.communicate(timeout=30)
        assert process.returncode == 0, error


class Buyer:
    """A buyer's own XMPP client: writes to the service address, keeps what comes back."""

    def __init__(self, jid: str, server: ProsodyServer):
        import slixmpp

        self.jid = jid
        self.client = slixmpp.ClientXMPP(f"{jid}/phone", PASSWORD)
        configure_tls(self.client, True, server.ca_file)
        self.client.add_event_handler("session_start", lambda _e: self.client.send_presence())
        self.client.add_event_handler("message", self._on_message)
        self.received: list[dict] = []
        self._server = server

    def _on_message(self, msg) -> None:
        if msg["type"] in ("chat", "normal") and msg["body"]:
            auto = msg.xml.find("{urn:workbench:team:1}auto") is not None
            self.received.append({"from": str(msg["from"]), "id": msg["id"],
                                  "body": msg["body"], "auto": auto, "xml": str(msg)})

    async def connect(self) -> None:
        self.client.connect("127.0.0.1", self._server.port)
        await self.client.wait_until("session_start", 10)

    def say(self, service: str, text: str) -> str:
        message = self.client.make_message(service, mbody=text, mtype="chat")
        message.send()
        return message["id"]

    def bodies(self) -> list[str]:
        return [m["body"] for m in self.received]


@dataclass
class Seat:
    """One agent's workbench without a window: store, channel and session."""

    jid: str
    store: Store
    channel: XmppChannel
    session: Session

    def buyer_texts(self) -> list[str]:
        return [row[0] for row in self.store.conn.execute(
            "SELECT text FROM messages WHERE sender = 'buyer' ORDER BY id")]

    def messages(self) -> list:
        return self.store.conn.execute(
            "SELECT m.*, b.nick FROM messages m JOIN conversations c ON c.id = m.conversation_id"
            " JOIN buyers b ON b.id = c.buyer_id ORDER BY m.id").fetchall()


@dataclass
class Team:
    """A shop for one test: its service account, agents, buyers and router."""

    qtbot: object
    server: ProsodyServer
    folder: Path
    prefix: str
    agent_names: list[str]
    buyer_names: list[str]
    extra: list[str]
    seats: dict[str, Seat] = field(default_factory=dict)
    buyers: dict[str, Buyer] = field(default_factory=dict)
    router: RouterService | None = None
    auto_reply: str = "亲，客服都在忙，已为您排队~"

    def jid(self, name: str) -> str:
        return f"{self.prefix}{name}@{self.server.domain}"

    @property
    def service(self) -> str:
        return self.jid("service")

    def router_config(self, capacity: dict[str, int] | None = None,
                      weights: dict[str, float] | None = None) -> RouterConfig:
        capacity, weights = capacity or {}, weights or {}
        return RouterConfig(
            jid=self.service, password=PASSWORD, database=self.folder / "router.sqlite3",
            agents=[AgentConfig(self.jid(n), capacity.get(n, 20), weights.get(n, 1.0))
                    for n in self.agent_names],
            server="127.0.0.1", port=self.server.port, tls=True, ca_file=self.server.ca_file,
            auto_reply=self.auto_reply)

    def start_router(self, **kwargs) -> RouterService:
        self.router = RouterService(self.router_config(**kwargs))
        run(self.qtbot, self.router.start())
        return self.router

    def stop_router(self) -> None:
        if self.router is not None:
            sender = self.router.xmpp._run_out_filters
            run(self.qtbot, self.router.stop())
            self.qtbot.waitUntil(sender.done, timeout=TIMEOUT_MS)
            self.router = None

    def settings(self, name: str) -> XmppSettings:
        return XmppSettings(jid=self.jid(name), service=self.service, server="127.0.0.1",
                            port=self.server.port, tls=True, ca_file=str(self.server.ca_file))

    def seat(self, name: str, status: str = "online", wait_router: bool = True) -> Seat:
        store = Store.open(self.folder / f"{name}.sqlite3")
        agent = accounts.by_name(store, name) or accounts.add(store, name, "agent", 0.0)
        channel = XmppChannel(self.settings(name), PASSWORD)
        channel.status = status
        channel.set_outbox(lambda: unsent_outgoing(store, agent.id))
        session = Session(store, channel, agent)
        channel.start()
        seat = Seat(self.jid(name), store, channel, session)
        self.seats[name] = seat
        self.qtbot.waitUntil(lambda: channel.state == "online", timeout=TIMEOUT_MS)
        if wait_router and self.router is not None:
            self.qtbot.waitUntil(lambda: self.router.router.status.get(seat.jid) == status,
                                 timeout=TIMEOUT_MS)
        return seat

    def close_seat(self, name: str) -> None:
        seat = self.seats.pop(name)
        client = seat.channel._xmpp
        sender = client._run_out_filters if client is not None else None
        seat.channel.stop()
        if sender is not None:
            self.qtbot.waitUntil(sender.done, timeout=TIMEOUT_MS)
        seat.store.close()

    def buyer(self, name: str) -> Buyer:
        buyer = Buyer(self.jid(name), self.server)
        run(self.qtbot, buyer.connect())
        self.buyers[name] = buyer
        return buyer

    def close(self) -> None:
        for name in list(self.seats):
            self.close_seat(name)
        self.stop_router()
        for buyer in self.buyers.values():
            sender = buyer.client._run_out_filters
            run(self.qtbot, buyer.client.disconnect(wait=1.0))
            release(buyer.client)
            # Let the cancelled send loop finish so nothing is left for the collector.
            self.qtbot.waitUntil(sender.done, timeout=TIMEOUT_MS)


def write_router_config(team: Team, capacity: int = 20) -> Path:
    """The TOML file `workbench router --config` reads, with the password in its own file."""
    (team.folder / "service.password").write_text(PASSWORD)
    agents = "\n".join(f'[[agents]]\njid = "{team.jid(n)}"\ncapacity = {capacity}\n'
                       for n in team.agent_names)
    path = team.folder / "router.toml"
    path.write_text(
        f'[service]\njid = "{team.service}"\npassword_file = "service.password"\n'
        f'server = "127.0.0.1"\nport = {team.server.port}\nca_file = "{team.server.ca_file}"\n'
        f'database = "router.sqlite3"\n\n[routing]\nauto_reply = "{team.auto_reply}"\n\n'
        f'{agents}', encoding="utf-8")
    return path
