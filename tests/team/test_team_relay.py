"""A buyer writes to the service address, an agent answers, the buyer sees only the shop."""

from workbench import conversations
from workbench.channels.xmpp import XmppChannel


def test_buyer_message_reaches_agent_and_answer_comes_from_service_address(make_team, qtbot):
    team = make_team(agents=["a1"], buyers=["b1"])
    team.start_router()
    seat = team.seat("a1")
    buyer = team.buyer("b1")

    buyer.say(team.service, "在吗？这件有M码吗")
    qtbot.waitUntil(lambda: seat.buyer_texts() == ["在吗？这件有M码吗"], timeout=10_000)
    conversation = conversations.all_conversations(seat.store)[0]
    assert conversation.buyer_nick == buyer.jid

    seat.session.select(conversation.id)
    assert seat.session.send_text("有的亲，M码有货")
    qtbot.waitUntil(lambda: buyer.bodies() == ["有的亲，M码有货"], timeout=10_000)
    answer = buyer.received[0]
    assert answer["from"].split("/")[0] == team.service
    assert team.jid("a1") not in answer["xml"]
    qtbot.waitUntil(lambda: conversations.history(seat.store, conversation.id)[-1].status
                    == "sent", timeout=10_000)



def test_a_wrong_password_is_reported_and_not_retried(make_team, qtbot):
    team = make_team(agents=["a1"])
    channel = XmppChannel(team.settings("a1"), "not-the-password")
    states = []
    channel.state_changed.connect(states.append)
    channel.start()
    qtbot.waitUntil(lambda: channel.state == "error", timeout=10_000)
    assert channel.error == "账号或密码错误。"
    sender = channel._xmpp._run_out_filters
    channel.stop()
    qtbot.waitUntil(sender.done, timeout=10_000)
    assert "online" not in states
