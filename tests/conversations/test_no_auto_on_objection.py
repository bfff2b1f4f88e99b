"""No automatic reply (greeting, queue, busy, away) answers an objecting buyer: the course
says no auto-reply during an objection, and the checklist's ``no_auto_on_objection`` must
never fail an agent for what the workbench sent by itself. The buyer still waits."""

from dataclasses import replace

from workbench import accounts, conversations, standards
from workbench.conversations import Incoming, reception
from workbench.standards import FAIL, PASS, transcripts

SHOP = {"店铺": "小满家居服旗舰店"}


def writes(store, agent, buyer, text, at):
    """The path the window's session takes: store the message, then reception decides."""
    changes = conversations.receive(store, Incoming(uid=f"{buyer}-{at}", buyer=buyer, text=text,
                                                    at=at), agent_id=agent.id)
    (conversation_id,) = changes.conversations
    uids, _ = reception.after_buyer_message(store, conversation_id, agent, at, SHOP)
    return conversation_id, [conversations.message_by_uid(store, uid).text for uid in uids]


def no_auto_on_objection(store, conversation_id, since, until):
    (transcript,) = transcripts.period(store, since, until, conversation_id=conversation_id)
    verdict = standards.check(transcript, standards.load_standard(store))
    return verdict.results["no_auto_on_objection"].result


def test_a_buyer_whose_first_message_objects_gets_no_greeting(demo_store, agent, clock):
    conversation_id, replies = writes(demo_store, agent, "阿宝", "这件太贵了，能便宜点吗",
                                      clock())
    assert replies == []
    conversation = conversations.get(demo_store, conversation_id)
    assert conversation.state == "waiting" and conversation.waiting_since == clock()
    # The agent answers; the checklist finds the objection and no auto-reply to it.
    conversations.send(demo_store, conversation_id, agent.id, "亲，这是活动价哦", clock() + 10)
    assert no_auto_on_objection(demo_store, conversation_id, clock() - 1, clock() + 60) == PASS
    # A buyer who does not object is greeted as before.
    assert writes(demo_store, agent, "阿福", "在吗", clock() + 20)[1] == [
        "您好，欢迎光临小满家居服旗舰店！客服马上为您服务，请稍候~"]


def test_beyond_capacity_an_objecting_buyer_queues_without_the_queue_reply(demo_store, agent,
                                                                           clock):
    reception.set_status(demo_store, agent, "online", clock(), capacity=1)
    writes(demo_store, agent, "甲", "在吗", clock())
    queued, replies = writes(demo_store, agent, "乙", "我再考虑一下，别家更便宜", clock() + 1)
    assert replies == []
    assert conversations.get(demo_store, queued).state == "queued"
    team = reception.load_settings(demo_store)
    other, replies = writes(demo_store, agent, "丙", "在吗", clock() + 2)
    assert replies[-1] == team.queue_reply
    assert no_auto_on_objection(demo_store, queued, clock() - 1, clock() + 60) == PASS


def test_suspended_busy_and_away_hold_back_while_the_buyer_objects(demo_store, agent, clock):
    team = reception.load_settings(demo_store)
    reception.set_status(demo_store, agent, "suspended", clock())
    suspended, replies = writes(demo_store, agent, "甲", "太贵了", clock())
    assert replies == [] and conversations.get(demo_store, suspended).state == "queued"
    reception.set_status(demo_store, agent, "away", clock() + 1)
    talking, replies = writes(demo_store, agent, "乙", "在吗", clock() + 2)
    assert replies[-1] == team.away_reply
    conversations.send(demo_store, talking, agent.id, "在的，您说", clock() + 3)
    assert writes(demo_store, agent, "乙", "能便宜点吗", clock() + 4)[1] == []
    # Still objecting: the run since the agent's reply holds an objection.
    reception.set_status(demo_store, agent, "busy", clock() + 5)
    assert writes(demo_store, agent, "乙", "在吗", clock() + 6)[1] == []
    # The agent answers the objection; the buyer's next plain question is any other.
    conversations.send(demo_store, talking, agent.id, "亲，已经是最低价了", clock() + 7)
    assert writes(demo_store, agent, "乙", "那什么时候发货", clock() + 8)[1] == [team.busy_reply]
    assert no_auto_on_objection(demo_store, talking, clock() - 1, clock() + 60) == PASS


def test_the_teams_own_objection_words_count(demo_store, agent, clock):
    boss = accounts.by_name(demo_store, "wang")
    standard = standards.load_standard(demo_store)
    standards.save_standard(demo_store, boss, replace(
        standard, objection_words=(*standard.objection_words, "能少吗")), clock())
    assert writes(demo_store, agent, "阿宝", "这个能少吗", clock())[1] == []
    # And a word taken off the list no longer holds the greeting back.
    standards.save_standard(demo_store, boss, replace(standard, objection_words=("差评",)),
                            clock())
    assert writes(demo_store, agent, "阿福", "太贵了", clock() + 1)[1] != []


def test_the_detector_is_the_checklists(demo_store, agent, clock):
    """An auto-reply the workbench did send is one the checklist fails: both sides read
    objections the same way (an image never objects, a text does)."""
    standard = standards.load_standard(demo_store)
    assert standard.is_objection("太贵了") and not standard.is_objection("太贵了", "image")
    assert not standard.is_objection("在吗")
    conversation_id, _ = writes(demo_store, agent, "阿宝", "太贵了", clock())
    conversations.add_line(demo_store, conversation_id, "auto", "欢迎光临", clock() + 1)
    assert no_auto_on_objection(demo_store, conversation_id, clock() - 1, clock() + 60) == FAIL
