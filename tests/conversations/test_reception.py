from workbench import conversations
from workbench.channels import scenarios
from workbench.conversations import Incoming


def incoming(uid="m1", buyer="晴天小鹿", text="在吗？", at=100.0, **extra):
    return Incoming(uid=uid, buyer=buyer, text=text, at=at, **extra)


def test_first_message_creates_buyer_and_waiting_conversation(store):
    changes = conversations.receive(store, incoming())
    (conversation_id,) = changes.conversations
    conversation = conversations.get(store, conversation_id)
    assert conversation.buyer_nick == "晴天小鹿"
    assert conversation.state == "waiting"
    assert conversation.unread == 1
    assert conversation.waiting_since == 100.0


def test_a_message_delivered_twice_is_stored_once(store):
    conversations.receive(store, incoming())
    again = conversations.receive(store, incoming())
    assert not again
    (conversation,) = conversations.all_conversations(store)
    assert conversation.unread == 1
    assert len(conversations.history(store, conversation.id)) == 1


def test_waiting_clock_runs_from_the_oldest_unanswered_message(store, agent):
    conversations.receive(store, incoming("a", at=100.0))
    conversations.receive(store, incoming("b", at=130.0))
    (conversation,) = conversations.all_conversations(store)
    assert conversation.waiting_since == 100.0
    conversations.send(store, conversation.id, agent.id, "您好", 140.0)
    assert conversations.get(store, conversation.id).waiting_since is None
    conversations.receive(store, incoming("c", at=200.0))
    assert conversations.get(store, conversation.id).waiting_since == 200.0


def test_agent_message_is_stored_as_sending_until_the_channel_confirms(store, agent):
    conversations.receive(store, incoming())
    (conversation,) = conversations.all_conversations(store)
    message, _ = conversations.send(store, conversation.id, agent.id, "您好", 105.0)
    assert message.status == "sending"
    conversations.set_status(store, message.uid, "sent")
    assert conversations.message_by_uid(store, message.uid).status == "sent"


def test_image_message_is_copied_into_the_data_dir(store):
    photo = scenarios.SCENARIO_DIR / "flaw.png"
    conversations.receive(store, incoming(kind="image", text=str(photo)))
    (conversation,) = conversations.all_conversations(store)
    (message,) = conversations.history(store, conversation.id)
    kept = conversations.image_path(store, message)
    assert kept.parent == store.path.parent / "images"
    assert kept.read_bytes() == photo.read_bytes()
    assert conversation.last_preview == "[图片]"


def test_history_pages_back_from_the_newest(store):
    for number in range(5):
        conversations.receive(store, incoming(f"m{number}", text=str(number), at=number))
    (conversation,) = conversations.all_conversations(store)
    newest = conversations.history(store, conversation.id, limit=2)
    assert [m.text for m in newest] == ["3", "4"]
    older = conversations.history(store, conversation.id, before_id=newest[0].id, limit=2)
    assert [m.text for m in older] == ["1", "2"]


def test_the_conversation_list_reads_each_field_from_its_own_column(store, agent):
    conversations.receive(store, incoming("a", text="这件有 XL 吗", at=100.0))
    (conversation,) = conversations.all_conversations(store)
    conversations.send(store, conversation.id, agent.id, "有的", 110.0)
    (listed,) = conversations.all_conversations(store)
    assert listed == conversations.get(store, conversation.id)
    assert (listed.buyer_nick, listed.state, listed.unread) == ("晴天小鹿", "in_service", 0)
    assert (listed.last_message_at, listed.replied, listed.ended_at) == (110.0, 1, None)
