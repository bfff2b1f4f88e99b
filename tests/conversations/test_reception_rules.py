import pytest

from workbench import accounts, conversations, customers
from workbench.changes import Refused
from workbench.conversations import Incoming, reception

SHOP = {"店铺": "小满家居服旗舰店"}


def buyer_writes(store, agent, buyer, text, at, uid=None):
    changes = conversations.receive(store, Incoming(uid=uid or f"{buyer}-{at}", buyer=buyer,
                                                    text=text, at=at), agent_id=agent.id)
    (conversation_id,) = changes.conversations
    uids, _ = reception.after_buyer_message(store, conversation_id, agent, at, SHOP)
    return conversation_id, [conversations.message_by_uid(store, uid).text for uid in uids]


def test_greeting_goes_out_once_and_is_not_a_human_reply(demo_store, agent, clock):
    conversation_id, replies = buyer_writes(demo_store, agent, "阿宝", "在吗", clock())
    assert replies == ["您好，欢迎光临小满家居服旗舰店！客服马上为您服务，请稍候~"]
    conversation = conversations.get(demo_store, conversation_id)
    assert conversation.waiting_since == clock() and not conversation.replied
    assert buyer_writes(demo_store, agent, "阿宝", "有人吗", clock() + 5)[1] == []


def test_busy_reply_is_sent_once_per_wait(demo_store, agent, clock):
    reception.set_status(demo_store, agent, "busy", clock())
    busy = reception.load_settings(demo_store).busy_reply
    conversation_id, replies = buyer_writes(demo_store, agent, "阿宝", "在吗", clock())
    assert replies[-1] == busy
    assert buyer_writes(demo_store, agent, "阿宝", "快点", clock() + 10)[1] == []
    conversations.send(demo_store, conversation_id, agent.id, "来了", clock() + 20)
    assert buyer_writes(demo_store, agent, "阿宝", "再问一个", clock() + 30)[1] == [busy]


def test_beyond_capacity_new_buyers_queue_and_are_admitted_when_one_ends(demo_store, agent,
                                                                          clock):
    reception.set_status(demo_store, agent, "online", clock(), capacity=2)
    first, _ = buyer_writes(demo_store, agent, "甲", "在吗", clock())
    buyer_writes(demo_store, agent, "乙", "在吗", clock() + 1)
    third, replies = buyer_writes(demo_store, agent, "丙", "在吗", clock() + 2)
    assert conversations.get(demo_store, third).state == "queued"
    assert replies[-1] == reception.load_settings(demo_store).queue_reply
    changes = reception.end_conversation(demo_store, first, agent, clock() + 60)
    assert third in changes.conversations
    assert conversations.get(demo_store, third).state == "waiting"
    assert conversations.get(demo_store, first).state == "ended"


def test_a_suspended_agent_receives_no_new_buyers(demo_store, agent, clock):
    reception.set_status(demo_store, agent, "suspended", clock())
    conversation_id, _ = buyer_writes(demo_store, agent, "甲", "在吗", clock())
    assert conversations.get(demo_store, conversation_id).state == "queued"
    reception.set_status(demo_store, agent, "online", clock() + 5)
    assert conversations.get(demo_store, conversation_id).state == "waiting"


def test_idle_conversations_end_and_a_new_message_reopens_them(demo_store, agent, clock):
    conversation_id, _ = buyer_writes(demo_store, agent, "甲", "在吗", clock())
    conversations.send(demo_store, conversation_id, agent.id, "在的", clock() + 5)
    idle = reception.load_settings(demo_store).idle_end_minutes * 60
    assert not reception.end_idle(demo_store, agent, clock() + idle - 10)
    reception.end_idle(demo_store, agent, clock() + idle + 10)
    assert conversations.get(demo_store, conversation_id).state == "ended"
    again, _ = buyer_writes(demo_store, agent, "甲", "我又来了", clock() + idle + 100)
    assert again == conversation_id
    assert conversations.get(demo_store, conversation_id).state == "waiting"


def test_waiting_level_follows_first_reply_and_later_reply_standards(demo_store, agent, clock):
    team = reception.load_settings(demo_store)
    conversation_id, _ = buyer_writes(demo_store, agent, "甲", "在吗", clock())
    first = conversations.get(demo_store, conversation_id)
    assert reception.waiting_level(first, clock() + 10, team) == reception.NORMAL
    assert reception.waiting_level(first, clock() + 25, team) == reception.WARNING
    assert reception.waiting_level(first, clock() + 31, team) == reception.ALERT
    conversations.send(demo_store, conversation_id, agent.id, "在的", clock() + 40)
    buyer_writes(demo_store, agent, "甲", "还有个问题", clock() + 100)
    later = conversations.get(demo_store, conversation_id)
    assert reception.waiting_level(later, clock() + 100 + 60, team) == reception.NORMAL
    assert reception.waiting_level(later, clock() + 100 + 150, team) == reception.WARNING
    assert reception.waiting_level(later, clock() + 100 + 181, team) == reception.ALERT


def test_transfer_moves_the_conversation_and_leaves_the_reason_in_its_history(demo_store,
                                                                              agent, clock):
    conversation_id, _ = buyer_writes(demo_store, agent, "甲", "我要退货", clock())
    colleague = accounts.by_name(demo_store, "ajie")
    with pytest.raises(Refused, match="原因"):
        reception.transfer(demo_store, conversation_id, agent, clock(), " ",
                           to_agent=colleague)
    reception.transfer(demo_store, conversation_id, agent, clock(), "退货请售后跟进",
                       to_agent=colleague)
    assert conversations.get(demo_store, conversation_id).agent_id == colleague.id
    last = conversations.history(demo_store, conversation_id)[-1]
    assert last.sender == "system" and "阿杰" in last.text and "退货请售后跟进" in last.text
    (record,) = reception.transfers(demo_store, conversation_id)
    assert (record["from_agent"], record["to_agent"]) == ("小满", "阿杰")


def test_notes_stay_inside_and_tags_are_cleaned(demo_store, agent, clock):
    conversation_id, _ = buyer_writes(demo_store, agent, "甲", "在吗", clock())
    conversations.add_note(demo_store, conversation_id, agent.id, "这位买家上次要过赠品",
                           clock())
    note = conversations.history(demo_store, conversation_id)[-1]
    assert note.sender == "note" and note.status == "sent"
    conversation = conversations.get(demo_store, conversation_id)
    assert conversation.last_preview != "这位买家上次要过赠品"
    customers.set_tags(demo_store, conversation.buyer_id, agent,
                       [" 爱砍价 ", "爱砍价", "", "老客"], clock())
    assert conversations.get(demo_store, conversation_id).tags == ["爱砍价", "老客"]


def test_only_a_supervisor_changes_the_team_reception_settings(demo_store, agent, clock):
    settings = reception.load_settings(demo_store)
    with pytest.raises(Refused):
        reception.save_settings(demo_store, agent, settings, clock())
    supervisor = accounts.by_name(demo_store, "wang")
    from dataclasses import replace

    reception.save_settings(demo_store, supervisor, replace(settings, greeting="欢迎！"),
                            clock())
    assert reception.load_settings(demo_store).greeting == "欢迎！"
