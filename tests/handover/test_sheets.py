import pytest

from workbench import accounts, conversations, handover, orders
from workbench.changes import Refused
from workbench.handover import Assignee, sheets
from workbench.orders import reminders
from workbench.store import events

FLAGGED = "3515313147329357902"   # 木子李家的猫, paid, waiting for dispatch
UNPAID = "3515313147329357906"    # 阿飞不飞, waiting for payment


@pytest.fixture
def team(demo_store):
    return {name: accounts.by_name(demo_store, name) for name in ("xiaoman", "ajie", "wang")}


def busy_shift(store, agent, clock):
    """A shift's worth of open work for ``agent``: a served conversation, a waiting buyer,
    a flagged order, a reminded unpaid order (and the demo shop's two todos)."""
    now = clock()
    served = conversations.receive(store, conversations.Incoming("m1", "晴天小鹿", "在吗", now))
    (served_id,) = served.conversations
    conversations.send(store, served_id, agent.id, "在的亲", now + 5)
    waiting = conversations.receive(store, conversations.Incoming(
        "m2", "Coco在路上", "我的快递到哪了", now + 10))
    orders.add_remark(store, FLAGGED, agent, "改地址：深圳南山区科技园北区 5 号", now)
    orders.set_flag(store, FLAGGED, agent, 1, now)
    reminders.remind(store, UNPAID, agent, now, reason="忘记支付密码")
    clock.advance(60)
    return served_id, next(iter(waiting.conversations))


def kinds(items):
    return [item.kind for item in items]


def test_a_sheet_holds_todos_conversations_flagged_and_reminded_orders_and_notes(
        demo_store, team, clock):
    served_id, waiting_id = busy_shift(demo_store, team["xiaoman"], clock)
    sheet_id, _ = sheets.build(demo_store, team["xiaoman"], clock(),
                               notes="仓库 17 点后不发顺丰\n\n新品明早上架")
    items = sheets.items(demo_store, sheet_id)
    assert kinds(items) == ["todo", "todo", "conversation", "conversation", "order", "reminder",
                            "note", "note"]
    by_kind = {item.kind: item for item in items}
    assert {int(i.ref) for i in items if i.kind == "conversation"} == {served_id, waiting_id}
    assert by_kind["order"].ref == FLAGGED and "红旗" in by_kind["order"].title
    assert "改地址" in by_kind["order"].detail
    assert by_kind["reminder"].order_id == UNPAID and "忘记支付密码" in by_kind["reminder"].detail
    assert [i.title for i in items if i.kind == "note"] == ["仓库 17 点后不发顺丰", "新品明早上架"]
    sheet = sheets.get(demo_store, sheet_id)
    assert (sheet.from_agent_name, sheet.to_agent_name, sheet.state_name) == \
        ("小满", None, "待接收")
    assert sheet.items_total == 8 and sheet.shift in ("白班", "晚班", None)


def test_nothing_to_hand_over_is_refused(demo_store, team, clock):
    with pytest.raises(Refused, match="没有需要交接"):
        sheets.build(demo_store, team["wang"], clock())


def test_a_sheet_cannot_go_to_its_own_author(demo_store, team, clock):
    with pytest.raises(Refused, match="自己"):
        sheets.build(demo_store, team["xiaoman"], clock(), to_agent_id=team["xiaoman"].id)


def test_item_by_item_acknowledgement_reassigns_each_item_and_keeps_the_record(
        demo_store, team, clock):
    xiaoman, ajie = team["xiaoman"], team["ajie"]
    served_id, _ = busy_shift(demo_store, xiaoman, clock)
    sheet_id, _ = sheets.build(demo_store, xiaoman, clock(), notes="注意顺丰停发")
    items = sheets.items(demo_store, sheet_id)
    todo_item = items[0]
    conversation_item = next(i for i in items
                             if i.kind == "conversation" and i.ref == str(served_id))
    order_item = next(i for i in items if i.kind == "order")

    clock.advance(600)
    changes = sheets.acknowledge(demo_store, sheet_id, [todo_item.id, conversation_item.id],
                                 ajie, clock())
    todo = handover.get(demo_store, int(todo_item.ref))
    assert todo.assignee == Assignee.agent(ajie.id)
    assert handover.history(demo_store, todo.id)[-1].text == \
        f"改由 阿杰 负责，原为 小满（交接单 #{sheet_id}）"
    assert conversations.get(demo_store, served_id).agent_id == ajie.id
    assert changes.todos == {todo.id} and changes.conversations == {served_id}
    sheet = sheets.get(demo_store, sheet_id)
    assert (sheet.state_name, sheet.to_agent_name, sheet.items_acknowledged) == \
        ("部分接收", "阿杰", 2)
    with pytest.raises(Refused, match="已由 阿杰 接收"):
        sheets.acknowledge(demo_store, sheet_id, [todo_item.id], ajie, clock())

    clock.advance(60)
    changes = sheets.acknowledge(demo_store, sheet_id, None, ajie, clock())
    follow_up = [handover.get(demo_store, t) for t in changes.todos]
    order_todo = next(t for t in follow_up if t.order_id == FLAGGED)
    assert order_todo.assignee_name == "阿杰" and order_todo.title == f"跟进订单 {FLAGGED}"
    assert f"交接单 #{sheet_id}" in order_todo.detail
    assert any(t.title == f"继续催付 {UNPAID}" for t in follow_up)
    sheet = sheets.get(demo_store, sheet_id)
    assert sheet.state_name == "已接收" and sheet.acknowledged_at == clock()
    record = sheets.items(demo_store, sheet_id)
    assert all(i.acknowledged_by_name == "阿杰" for i in record)
    assert record[0].acknowledged_at == clock() - 60 and record[-1].acknowledged_at == clock()
    assert order_item.id in {i.id for i in record}
    logged = [row["kind"] for row in events.for_subject(demo_store, f"handover:{sheet_id}")]
    assert logged[0] == "handover.sheet" and logged[-1] == "handover.closed"
    assert logged.count("handover.ack") == len(record)


def test_only_the_named_receiver_may_acknowledge(demo_store, team, clock):
    sheet_id, _ = sheets.build(demo_store, team["xiaoman"], clock(), to_agent_id=team["ajie"].id)
    with pytest.raises(Refused, match="交给 阿杰"):
        sheets.acknowledge(demo_store, sheet_id, None, team["wang"], clock())
    with pytest.raises(Refused, match="自己"):
        sheets.acknowledge(demo_store, sheet_id, None, team["xiaoman"], clock())
    sheets.acknowledge(demo_store, sheet_id, None, team["ajie"], clock())


def test_an_unacknowledged_sheet_is_visible_to_both_and_to_supervisors(demo_store, team,
                                                                       clock):
    lin = accounts.by_name(demo_store, "lin")
    sheet_id, _ = sheets.build(demo_store, team["xiaoman"], clock(), to_agent_id=team["ajie"].id)
    for name in ("xiaoman", "ajie", "wang"):
        assert [s.id for s in sheets.pending(demo_store, team[name])] == [sheet_id]
    assert sheets.pending(demo_store, lin) == []
    sheets.acknowledge(demo_store, sheet_id, None, team["ajie"], clock())
    assert sheets.pending(demo_store, team["ajie"]) == []
    assert [s.id for s in sheets.visible(demo_store, team["ajie"])] == [sheet_id]


def test_a_sheet_for_the_next_shift_is_visible_to_anyone_until_taken(demo_store, team, clock):
    lin = accounts.by_name(demo_store, "lin")
    sheet_id, _ = sheets.build(demo_store, team["xiaoman"], clock())
    assert [s.id for s in sheets.pending(demo_store, lin)] == [sheet_id]
    item = sheets.items(demo_store, sheet_id)[0]
    sheets.acknowledge(demo_store, sheet_id, [item.id], team["ajie"], clock())
    assert sheets.get(demo_store, sheet_id).to_agent_name == "阿杰"
    assert sheets.pending(demo_store, lin) == []
    with pytest.raises(Refused, match="交给 阿杰"):
        sheets.acknowledge(demo_store, sheet_id, None, lin, clock())
