"""The busy auto-reply goes out once the number of buyers waiting unanswered reaches the
team's setting (the course: 3–5, default 4), apart from the capacity queue; never to a
buyer who objects."""

from dataclasses import replace

import pytest

from workbench import accounts, conversations
from workbench.changes import Refused
from workbench.conversations import Incoming, reception

SHOP = {"店铺": "小满家居服旗舰店"}


def writes(store, agent, buyer, text, at):
    changes = conversations.receive(store, Incoming(uid=f"{buyer}-{at}", buyer=buyer, text=text,
                                                    at=at), agent_id=agent.id)
    (conversation_id,) = changes.conversations
    uids, _ = reception.after_buyer_message(store, conversation_id, agent, at, SHOP)
    return conversation_id, [conversations.message_by_uid(store, uid).text for uid in uids]


def test_the_fourth_waiting_buyer_gets_the_busy_reply(demo_store, agent, clock):
    team = reception.load_settings(demo_store)
    assert team.busy_reply_waiting == 4
    for number, buyer in enumerate("甲乙丙"):
        _, replies = writes(demo_store, agent, buyer, "在吗", clock() + number)
        assert team.busy_reply not in replies
    fourth, replies = writes(demo_store, agent, "丁", "在吗", clock() + 3)
    assert replies[-1] == team.busy_reply
    assert conversations.get(demo_store, fourth).state == "waiting"    # not queued
    # Answering one brings the count below the setting again.
    first = conversations.latest_for_buyer(demo_store, "甲")
    conversations.send(demo_store, first.id, agent.id, "在的", clock() + 10)
    _, replies = writes(demo_store, agent, "戊", "在吗", clock() + 11)
    assert replies[-1] == team.busy_reply                              # 乙 丙 丁 戊 wait
    conversations.send(demo_store, fourth, agent.id, "在的", clock() + 12)
    second = conversations.latest_for_buyer(demo_store, "乙")
    conversations.send(demo_store, second.id, agent.id, "在的", clock() + 12)
    _, replies = writes(demo_store, agent, "甲", "还有个问题", clock() + 13)
    assert team.busy_reply not in replies                              # 丙 戊 甲: three
    assert writes(demo_store, agent, "己", "在吗", clock() + 14)[1][-1] == team.busy_reply


def test_the_setting_moves_the_threshold_and_zero_switches_it_off(demo_store, agent, clock):
    boss = accounts.by_name(demo_store, "wang")
    team = reception.load_settings(demo_store)
    reception.save_settings(demo_store, boss, replace(team, busy_reply_waiting=2), clock())
    assert writes(demo_store, agent, "甲", "在吗", clock())[1][-1] != team.busy_reply
    assert writes(demo_store, agent, "乙", "在吗", clock() + 1)[1][-1] == team.busy_reply
    reception.save_settings(demo_store, boss, replace(team, busy_reply_waiting=0), clock())
    assert team.busy_reply not in writes(demo_store, agent, "丙", "在吗", clock() + 2)[1]
    with pytest.raises(Refused):
        reception.save_settings(demo_store, boss, replace(team, busy_reply_waiting=-1), clock())


def test_the_capacity_queue_is_separate(demo_store, agent, clock):
    reception.set_status(demo_store, agent, "online", clock(), capacity=10)
    for number, buyer in enumerate("甲乙丙丁"):
        conversation_id, _ = writes(demo_store, agent, buyer, "在吗", clock() + number)
        assert conversations.get(demo_store, conversation_id).state == "waiting"


def test_an_objecting_buyer_gets_no_automatic_reply(demo_store, agent, clock):
    team = reception.load_settings(demo_store)
    for number, buyer in enumerate("甲乙丙"):
        writes(demo_store, agent, buyer, "在吗", clock() + number)
    _, replies = writes(demo_store, agent, "丁", "太贵了，便宜点", clock() + 3)
    assert team.busy_reply not in replies
    reception.set_status(demo_store, agent, "busy", clock() + 4)
    _, replies = writes(demo_store, agent, "戊", "我再考虑一下", clock() + 5)
    assert team.busy_reply not in replies


def test_a_buyer_the_agent_is_talking_with_gets_no_busy_reply(demo_store, agent, clock):
    team = reception.load_settings(demo_store)
    talking, _ = writes(demo_store, agent, "甲", "在吗", clock())
    conversations.send(demo_store, talking, agent.id, "在的，您说", clock() + 5)
    for number, buyer in enumerate("乙丙丁戊"):
        writes(demo_store, agent, buyer, "在吗", clock() + 10 + number)
    # Four others wait unanswered, but 甲 was answered a minute ago: they are talking.
    assert team.busy_reply not in writes(demo_store, agent, "甲", "那选哪个码", clock() + 65)[1]
    # Past the three-minute standard without an answer, 甲 waits like the others.
    late = clock() + 5 + team.reply_alert_s + 1
    assert writes(demo_store, agent, "甲", "还在吗", late)[1][-1] == team.busy_reply
