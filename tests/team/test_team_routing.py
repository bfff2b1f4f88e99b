"""Routing through a real Prosody: least loaded, suspended agents, queue, transfer, impostors."""

import logging

from workbench import conversations

WAIT = 10_000


def agent_of(team, buyer_name):
    """Which seat has the buyer's conversation."""
    jid = team.jid(buyer_name)
    owners = [name for name, seat in team.seats.items()
              if any(m["nick"] == jid for m in seat.messages())]
    return owners[0] if len(owners) == 1 else owners


def test_new_buyers_go_to_the_least_loaded_online_agent(make_team, qtbot):
    team = make_team(agents=["a1", "a2"], buyers=["b1", "b2", "b3", "b4"])
    team.start_router()
    team.seat("a1")
    team.seat("a2")
    buyers = [team.buyer(name) for name in ("b1", "b2", "b3")]
    for number, buyer in enumerate(buyers, start=1):
        buyer.say(team.service, f"你好，我是第{number}位")
        qtbot.waitUntil(lambda n=number: sum(len(s.buyer_texts()) for s in team.seats.values())
                        == n, timeout=WAIT)
    # Equal loads go by config order; then whoever has fewer.
    assert [agent_of(team, n) for n in ("b1", "b2", "b3")] == ["a1", "a2", "a1"]

    # a1 has two, a2 one: the next buyer goes to a2, and b1 stays with a1 (sticky).
    team.buyer("b4").say(team.service, "在吗")
    buyers[0].say(team.service, "还是我，第1位")
    qtbot.waitUntil(lambda: len(team.seats["a2"].buyer_texts()) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: len(team.seats["a1"].buyer_texts()) == 3, timeout=WAIT)
    assert agent_of(team, "b4") == "a2"
    assert "还是我，第1位" in team.seats["a1"].buyer_texts()


def test_a_suspended_agent_gets_no_new_buyers_but_keeps_its_own(make_team, qtbot):
    team = make_team(agents=["a1", "a2"], buyers=["b1", "b2", "b3"])
    router = team.start_router()
    a1 = team.seat("a1")
    a2 = team.seat("a2")
    b1 = team.buyer("b1")
    b1.say(team.service, "第一句")
    qtbot.waitUntil(lambda: a1.buyer_texts() == ["第一句"], timeout=WAIT)

    a1.channel.set_status("suspended")
    qtbot.waitUntil(lambda: router.router.status[a1.jid] == "suspended", timeout=WAIT)
    team.buyer("b2").say(team.service, "我是b2")
    team.buyer("b3").say(team.service, "我是b3")
    b1.say(team.service, "第二句")
    qtbot.waitUntil(lambda: len(a2.buyer_texts()) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: a1.buyer_texts() == ["第一句", "第二句"], timeout=WAIT)
    assert sorted(a2.buyer_texts()) == ["我是b2", "我是b3"]


def test_no_agent_online_auto_reply_and_queue_then_first_free_agent(make_team, qtbot):
    team = make_team(agents=["a1"], buyers=["b1", "b2"])
    team.start_router()
    b1 = team.buyer("b1")
    b1.say(team.service, "有人吗")
    b1.say(team.service, "想问下尺码")
    qtbot.waitUntil(lambda: len(b1.received) == 1, timeout=WAIT)
    assert b1.received[0]["body"] == team.auto_reply and b1.received[0]["auto"]
    assert b1.received[0]["from"].split("/")[0] == team.service

    seat = team.seat("a1")
    qtbot.waitUntil(lambda: seat.buyer_texts() == ["有人吗", "想问下尺码"], timeout=WAIT)
    # One auto-reply per wait, not one per message.
    assert len(b1.received) == 1


def test_a_full_agent_queues_the_next_buyer_until_a_conversation_ends(make_team, qtbot):
    team = make_team(agents=["a1"], buyers=["b1", "b2"])
    router = team.start_router(capacity={"a1": 1})
    seat = team.seat("a1")
    team.buyer("b1").say(team.service, "b1来了")
    qtbot.waitUntil(lambda: seat.buyer_texts() == ["b1来了"], timeout=WAIT)
    b2 = team.buyer("b2")
    b2.say(team.service, "b2来了")
    qtbot.waitUntil(lambda: len(b2.received) == 1, timeout=WAIT)
    assert b2.received[0]["auto"]

    # Ending b1's conversation frees a1: b2 is handed over at once.
    assert seat.channel.end_conversation(team.jid("b1"))
    qtbot.waitUntil(lambda: seat.buyer_texts() == ["b1来了", "b2来了"], timeout=WAIT)
    assert router.router.status[seat.jid] == "online"


def test_transfer_moves_the_buyer_and_the_history_to_another_agent(make_team, qtbot):
    team = make_team(agents=["a1", "a2"], buyers=["b1"])
    team.start_router()
    a1 = team.seat("a1")
    a2 = team.seat("a2", status="busy")
    b1 = team.buyer("b1")
    b1.say(team.service, "我要退货")
    qtbot.waitUntil(lambda: a1.buyer_texts() == ["我要退货"], timeout=WAIT)
    notices = []
    a1.channel.notice.connect(notices.append)
    a2.channel.notice.connect(notices.append)

    assert a1.channel.transfer(b1.jid, a2.jid, "售后问题")
    qtbot.waitUntil(lambda: a2.buyer_texts() == ["我要退货"], timeout=WAIT)
    qtbot.waitUntil(lambda: len(notices) == 2, timeout=WAIT)
    assert any("转接给了你" in n and "售后问题" in n for n in notices)
    # The buyer is no longer a1's: a1's own copy of the conversation has ended.
    assert conversations.all_conversations(a1.store)[0].state == "ended"

    b1.say(team.service, "怎么寄回？")
    qtbot.waitUntil(lambda: a2.buyer_texts() == ["我要退货", "怎么寄回？"], timeout=WAIT)
    assert a1.buyer_texts() == ["我要退货"]

    # a1 can no longer answer this buyer: the router refuses and nothing reaches the buyer.
    conversation = conversations.all_conversations(a1.store)[0]
    a1.session.select(conversation.id)
    a1.session.send_text("我来回答")
    qtbot.waitUntil(lambda: conversations.history(a1.store, conversation.id)[-1].status
                    == "failed", timeout=WAIT)
    a2.session.select(conversations.all_conversations(a2.store)[0].id)
    a2.session.send_text("亲，退货地址发您")
    qtbot.waitUntil(lambda: b1.bodies() == ["亲，退货地址发您"], timeout=WAIT)


def test_an_account_imitating_an_agent_is_ignored_and_logged(make_team, qtbot, caplog):
    team = make_team(agents=["a1"], buyers=["b1"], extra=["imp"])
    router = team.start_router()
    victim = team.buyer("b1")
    impostor = team.buyer("imp")
    presence = impostor.client.make_presence(pto=team.service)
    from workbench.channels import xmpp_protocol as proto
    presence.append(proto.element("agent", status="online"))
    with caplog.at_level(logging.WARNING, logger="workbench.router"):
        presence.send()
        fake = impostor.client.make_message(team.service, mbody="假冒的回复", mtype="chat")
        fake.append(proto.reply_element(proto.Reply("fake-1", victim.jid, None, "假冒的回复")))
        fake.send()
        qtbot.waitUntil(lambda: len(caplog.records) >= 2, timeout=WAIT)
    assert all("not an agent" in r.getMessage() for r in caplog.records)
    assert impostor.jid not in router.router.status

    # The buyer is queued (no agent), gets only the auto-reply, never the fake text; the
    # impostor is never handed the buyer.
    victim.say(team.service, "在吗")
    qtbot.waitUntil(lambda: len(victim.received) == 1, timeout=WAIT)
    seat = team.seat("a1")
    qtbot.waitUntil(lambda: seat.buyer_texts() == ["在吗"], timeout=WAIT)
    assert victim.bodies() == [team.auto_reply]
    assert impostor.received == []
