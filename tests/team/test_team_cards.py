"""A product card through the real XMPP channel: the buyer's plain client gets its text and
link; the agent's store and the router keep it as a card."""

from workbench import conversations
from workbench.conversations import cards

CARD = cards.Card("纯棉连帽卫衣 宽松款", 129.0, "https://shop.example.com/item/WY-2301")


def test_a_card_reaches_a_text_only_buyer_as_title_price_and_link(make_team, qtbot):
    team = make_team(agents=["a1"], buyers=["b1"])
    router = team.start_router()
    seat = team.seat("a1")
    buyer = team.buyer("b1")

    buyer.say(team.service, "这件卫衣还有吗")
    qtbot.waitUntil(lambda: seat.buyer_texts() == ["这件卫衣还有吗"], timeout=10_000)
    conversation = conversations.all_conversations(seat.store)[0]
    seat.session.select(conversation.id)
    assert seat.session.send_card(CARD)

    qtbot.waitUntil(lambda: buyer.bodies() == [cards.text(CARD)], timeout=10_000)
    assert buyer.bodies()[0].splitlines() == [
        "【商品】纯棉连帽卫衣 宽松款", "价格：¥129.00", "https://shop.example.com/item/WY-2301"]
    assert team.jid("a1") not in buyer.received[0]["xml"]
    sent = conversations.history(seat.store, conversation.id)[-1]
    assert sent.kind == "card"
    qtbot.waitUntil(lambda: conversations.message_by_uid(seat.store, sent.uid).status
                    == "sent", timeout=10_000)
    assert router.store.conn.execute("SELECT kind FROM messages WHERE uid = ?",
                                     (sent.uid,)).fetchone()[0] == "card"
