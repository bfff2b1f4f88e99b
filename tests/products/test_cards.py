"""A product card as a message kind: sent and received through the simulator, carried by
the team protocol and the router as its text."""

import json

from workbench import conversations, products
from workbench.channels import scenarios
from workbench.channels import xmpp_protocol as proto
from workbench.channels.simulator import Simulator
from workbench.conversations import cards
from workbench.router.routing import AgentConfig, Router, ToBuyer
from workbench.store.router import RouterStore
from workbench.ui.session import Session


def scenario(tmp_path, opening, rules=()):
    path = tmp_path / "card.json"
    path.write_text(json.dumps({
        "id": "card", "title": "发来商品", "buyer": "晴天小鹿", "opening": opening,
        "rules": list(rules), "fallback": ["那这件有什么颜色？"]}, ensure_ascii=False),
        encoding="utf-8")
    return scenarios.load(path)


def buyer_messages(store) -> list:
    return [m for c in conversations.all_conversations(store)
            for m in conversations.history(store, c.id) if m.sender == "buyer"]


def test_an_agents_card_goes_through_the_simulator_and_the_buyer_reads_its_title(
        qtbot, demo_store, agent, clock, tmp_path):
    # The rule would answer an "s" anywhere in the text, "https" included: the buyer reacts
    # to what the card says, not to its link.
    played = scenario(tmp_path, ["你好"], [{"when": ["s"], "reply": "S码有货吗"}])
    channel = Simulator([played], speed=0, clock=clock)
    session = Session(demo_store, channel, agent, clock)
    channel.start()
    qtbot.waitUntil(lambda: conversations.all_conversations(demo_store) != [])
    conversation = conversations.latest_for_buyer(demo_store, "晴天小鹿")
    session.select(conversation.id)
    hoodie = products.by_code(demo_store, "WY-2301")
    assert session.send_card(hoodie.card())
    sent = conversations.history(demo_store, conversation.id)[-1]
    assert (sent.sender, sent.kind, sent.text) == ("agent", "card", cards.text(hoodie.card()))
    qtbot.waitUntil(lambda: conversations.message_by_uid(demo_store, sent.uid).status == "sent")
    qtbot.waitUntil(lambda: conversations.history(demo_store, conversation.id)[-1].sender
                    == "buyer")
    assert conversations.history(demo_store, conversation.id)[-1].text == "那这件有什么颜色？"
    assert conversations.get(demo_store, conversation.id).last_preview == \
        "那这件有什么颜色？"
    channel.stop()


def test_a_buyers_card_arrives_as_a_card_and_becomes_the_product_in_context(
        qtbot, demo_store, agent, clock, tmp_path):
    card = {"title": "珊瑚绒睡袍", "price": 89.0, "link": "https://shop.example.com/item/SP-77"}
    channel = Simulator([scenario(tmp_path, [{"card": card}, "这件有XL吗"])], speed=0,
                        clock=clock)
    Session(demo_store, channel, agent, clock)
    channel.start()
    qtbot.waitUntil(lambda: len(buyer_messages(demo_store)) == 2)
    conversation = conversations.all_conversations(demo_store)[0]
    received = buyer_messages(demo_store)
    assert (received[0].kind, cards.parse(received[0].text)) == (
        "card", cards.Card("珊瑚绒睡袍", 89.0, "https://shop.example.com/item/SP-77"))
    assert products.in_context(demo_store, conversation.id).code == "SP-77"
    channel.stop()


def test_the_team_protocol_carries_the_kind_of_a_reply():
    reply = proto.Reply("u1", "b@shop", 7, cards.text(cards.Card("卫衣", 1.0)), "card")
    element = proto.reply_element(reply)
    assert element.get("kind") == "card"
    assert proto.parse_reply(element, reply.text) == reply
    element.set("kind", "video")   # a kind the buyer's side cannot show travels as text
    assert proto.parse_reply(element, "x").kind == "text"
    plain = proto.reply_element(proto.Reply("u2", "b@shop", None, "好的"))
    assert "kind" not in plain.attrib


def test_the_router_keeps_the_cards_kind_and_sends_the_buyer_its_text(tmp_path):
    store = RouterStore.open(tmp_path / "router.sqlite3")
    try:
        router = Router(store, [AgentConfig("a@shop")], "排队中")
        router.agent_status("a@shop", "online", 1.0)
        router.buyer_message("b@shop", "m1", "在吗", 1.0, 1.0)
        text = cards.text(cards.Card("纯棉连帽卫衣", 129.0, "https://shop.example.com/item/1"))
        actions = router.agent_reply("a@shop", "r1", "b@shop", text, 2.0, "card")
        assert actions == [ToBuyer("b@shop", "r1", text, 1)]
        assert store.conn.execute("SELECT kind FROM messages WHERE uid = 'r1'").fetchone()[0] \
            == "card"
    finally:
        store.close()
