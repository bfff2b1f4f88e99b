"""A router that trusts no client: hostile slixmpp clients (a buyer's, an agent's) through
the real Prosody try to backdate, to leak another buyer's message and to answer a buyer
that is not theirs. Each is corrected or refused, nothing reaches another buyer, and the
router's log says so."""

import logging
import xml.etree.ElementTree as ET

from helpers import FakeClock
from team.team_support import TIMEOUT_MS, Buyer, run
from workbench.channels import xmpp_protocol as proto
from workbench.channels.xmpp_client import on_every_message
from workbench.router.service import RouterService

DELAY = "{urn:xmpp:delay}delay"


class Hostile(Buyer):
    """Any account's own client, free to send whatever it likes; it keeps every stanza."""

    def __init__(self, jid, server):
        super().__init__(jid, server)
        self.stanzas: list[ET.Element] = []
        on_every_message(self.client, lambda msg: self.stanzas.append(msg.xml))

    def send(self, to: str, body: str | None = None, *payloads: ET.Element) -> None:
        message = self.client.make_message(to, mbody=body, mtype="chat")
        for payload in payloads:
            message.append(payload)
        message.send()

    def payloads(self, tag: str) -> list[ET.Element]:
        return [child for stanza in self.stanzas for child in stanza
                if child.tag == proto.q(tag)]

    def reply(self, service: str, uid: str, buyer: str, text: str) -> None:
        self.send(service, text, proto.reply_element(proto.Reply(uid, buyer, None, text)))


def hostile(team, name: str) -> Hostile:
    client = Hostile(team.jid(name), team.server)
    run(team.qtbot, client.connect())
    team.buyers[name] = client  # closed with the team
    return client


def start_router(team, clock) -> RouterService:
    team.router = RouterService(team.router_config(), clock=clock)
    run(team.qtbot, team.router.start())
    return team.router


def router_rows(router, sql: str, *params) -> list[tuple]:
    return [tuple(row) for row in router.store.conn.execute(sql, params)]


def test_a_backdated_buyer_message_takes_the_routers_receipt_time(make_team, qtbot, caplog):
    team = make_team(agents=["a1"], buyers=["b1"])
    clock = FakeClock()
    router = start_router(team, clock)
    seat = team.seat("a1")
    buyer = hostile(team, "b1")
    caplog.set_level(logging.INFO, logger="workbench.router")

    buyer.send(team.service, "我上周就问过了，怎么还没人回",
               ET.Element(DELAY, {"stamp": "2001-01-01T00:00:00Z"}))
    qtbot.waitUntil(lambda: seat.buyer_texts() == ["我上周就问过了，怎么还没人回"],
                    timeout=TIMEOUT_MS)
    (message,) = [m for m in seat.messages() if m["sender"] == "buyer"]
    assert message["created_at"] == clock()
    assert router_rows(router, "SELECT at FROM messages WHERE direction = 'in'") == [(clock(),)]
    assert "ignored the delay stamp 2001-01-01T00:00:00+00:00" in caplog.text


def test_a_reply_carrying_another_buyers_uid_is_refused(make_team, qtbot, caplog):
    team = make_team(agents=["a1"], buyers=["b1", "b2"])
    router = team.start_router()
    agent = hostile(team, "a1")
    agent.client.send_presence(pto=team.service)
    qtbot.waitUntil(lambda: router.router.status[agent.jid] == "online", timeout=TIMEOUT_MS)
    b1, b2 = team.buyer("b1"), team.buyer("b2")
    b1.say(team.service, "我家地址是幸福路 8 号 302，电话 13800001111")
    qtbot.waitUntil(lambda: len(agent.payloads("relay")) == 1, timeout=TIMEOUT_MS)
    b2.say(team.service, "你好")
    qtbot.waitUntil(lambda: len(agent.payloads("relay")) == 2, timeout=TIMEOUT_MS)
    b1_uid = agent.payloads("relay")[0].get("uid")
    caplog.set_level(logging.WARNING, logger="workbench.router")

    # Buyer 1's own message, "resent" to buyer 2.
    agent.reply(team.service, b1_uid, b2.jid, "随便写点")
    qtbot.waitUntil(lambda: len(agent.payloads("refused")) == 1, timeout=TIMEOUT_MS)
    # The agent's own reply to buyer 1, "resent" to buyer 2.
    agent.reply(team.service, "reply-to-b1", b1.jid, "好的，已记下")
    qtbot.waitUntil(lambda: b1.bodies() == ["好的，已记下"], timeout=TIMEOUT_MS)
    agent.reply(team.service, "reply-to-b1", b2.jid, "好的，已记下")
    qtbot.waitUntil(lambda: len(agent.payloads("refused")) == 2, timeout=TIMEOUT_MS)
    assert [r.get("uid") for r in agent.payloads("refused")] == [b1_uid, "reply-to-b1"]

    # A real answer to buyer 2 arrives after whatever the refused ones would have sent.
    agent.reply(team.service, "reply-to-b2", b2.jid, "您好，在的")
    qtbot.waitUntil(lambda: b2.bodies() == ["您好，在的"], timeout=TIMEOUT_MS)
    assert b1.bodies() == ["好的，已记下"]
    assert not any("幸福路" in m["xml"] for m in b2.received)
    assert router_rows(router, "SELECT uid, agent FROM messages WHERE direction = 'out' "
                               "ORDER BY at") == [("reply-to-b1", agent.jid),
                                                  ("reply-to-b2", agent.jid)]
    refusals = [r for r in caplog.records if "its uid" in r.getMessage()]
    assert len(refusals) == 2 and all(r.levelno == logging.WARNING for r in refusals)


def test_an_agent_cannot_address_a_buyer_assigned_to_someone_else(make_team, qtbot, caplog):
    team = make_team(agents=["a1", "a2"], buyers=["b1"])
    router = team.start_router()
    seat = team.seat("a1")
    b1 = team.buyer("b1")
    b1.say(team.service, "这件能退吗")
    qtbot.waitUntil(lambda: seat.buyer_texts() == ["这件能退吗"], timeout=TIMEOUT_MS)
    intruder = hostile(team, "a2")
    intruder.client.send_presence(pto=team.service)
    qtbot.waitUntil(lambda: router.router.status[intruder.jid] == "online", timeout=TIMEOUT_MS)
    caplog.set_level(logging.WARNING, logger="workbench.router")

    intruder.reply(team.service, "fake-promise", b1.jid, "我是主管，同意全额退款")
    qtbot.waitUntil(lambda: len(intruder.payloads("refused")) == 1, timeout=TIMEOUT_MS)
    intruder.send(team.service, None, proto.element("transfer", buyer=b1.jid, to=intruder.jid))
    qtbot.waitUntil(lambda: len(intruder.payloads("transfer-refused")) == 1,
                    timeout=TIMEOUT_MS)
    intruder.send(team.service, None, proto.element("end", buyer=b1.jid))

    # The buyer's own agent answers; the buyer hears only that, and still has that agent.
    conversation = seat.session.store.conn.execute(
        "SELECT id FROM conversations").fetchone()[0]
    seat.session.select(conversation)
    seat.session.send_text("可以的，七天无理由")
    qtbot.waitUntil(lambda: b1.bodies() == ["可以的，七天无理由"], timeout=TIMEOUT_MS)
    b1.say(team.service, "好的谢谢")
    qtbot.waitUntil(lambda: seat.buyer_texts()[-1:] == ["好的谢谢"], timeout=TIMEOUT_MS)
    assert router_rows(router, "SELECT agent, state FROM conversations") == [
        (seat.jid, "active")]
    assert router_rows(router, "SELECT uid FROM messages WHERE uid = 'fake-promise'") == []
    warned = "\n".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    for what in ("reply to", "transfer of", "end of"):
        assert f"refused {intruder.jid}'s {what} {b1.jid}, a buyer assigned to {seat.jid}" \
            in warned
