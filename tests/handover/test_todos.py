import pytest

from workbench import accounts, conversations, handover
from workbench.changes import Refused
from workbench.handover import Assignee, shifts

HOUR = 3600
ORDER = "3515313147329357906"  # 阿飞不飞, unpaid


@pytest.fixture
def ajie(demo_store):
    return accounts.by_name(demo_store, "ajie")


def titles(todos):
    return [t.title for t in todos]


def test_todo_is_added_open_and_completed(demo_store, agent, clock):
    changes = handover.add(demo_store, "回复顺丰差价", agent, clock(), due_at=clock() + 60)
    (todo_id,) = changes.todos
    assert handover.get(demo_store, todo_id).state == "未执行"
    handover.set_state(demo_store, todo_id, "完成", agent, clock())
    assert todo_id not in {t.id for t in handover.open_items(demo_store)}


def test_open_items_are_sorted_by_due_time(demo_store, agent, clock):
    handover.add(demo_store, "晚", agent, clock(), due_at=clock() + 10 * 86400)
    handover.add(demo_store, "早", agent, clock(), due_at=clock() - 1)
    titles = [t.title for t in handover.open_items(demo_store)]
    assert titles[0] == "早" and titles[-1] == "晚"


def test_todo_without_title_is_refused(demo_store, agent, clock):
    with pytest.raises(Refused):
        handover.add(demo_store, "  ", agent, clock())


def test_an_item_keeps_every_field_and_takes_its_buyer_from_the_order(demo_store, agent, ajie,
                                                                       clock):
    (todo_id,) = handover.add(
        demo_store, "缺货，推荐浅蓝色", agent, clock(), detail="买家要浅粉 M", priority=2,
        order_id=ORDER, assignee=Assignee.agent(ajie.id), due_at=clock() + 2 * HOUR,
        remind_at=clock() + HOUR).todos
    todo = handover.get(demo_store, todo_id)
    assert (todo.title, todo.detail, todo.priority) == ("缺货，推荐浅蓝色", "买家要浅粉 M", 2)
    assert (todo.buyer_nick, todo.order_id) == ("阿飞不飞", ORDER)
    assert (todo.creator_name, todo.assignee_name, todo.assignee_label) == ("小满", "阿杰", "阿杰")
    assert (todo.due_at, todo.remind_at) == (clock() + 2 * HOUR, clock() + HOUR)


@pytest.mark.parametrize(("kwargs", "reason"), [
    ({"order_id": "nope"}, "找不到订单"),
    ({"priority": 5}, "优先级"),
    ({"assignee": Assignee.of_shift("夜猫班")}, "班次"),
    ({"assignee": Assignee.agent(999)}, "客服"),
])
def test_bad_links_and_values_are_refused_with_the_reason(demo_store, agent, clock, kwargs,
                                                          reason):
    with pytest.raises(Refused, match=reason):
        handover.add(demo_store, "x", agent, clock(), **kwargs)


def test_a_title_over_the_limit_is_refused(demo_store, agent, clock):
    with pytest.raises(Refused, match="最长"):
        handover.add(demo_store, "长" * (handover.TITLE_LIMIT + 1), agent, clock())


def test_a_shift_or_the_team_can_hold_an_item(demo_store, agent, clock):
    (night,) = handover.add(demo_store, "夜里核对库存", agent, clock(),
                            assignee=Assignee.of_shift("晚班")).todos
    (team,) = handover.add(demo_store, "周报", agent, clock(), assignee=Assignee.team()).todos
    assert handover.get(demo_store, night).assignee_label == "晚班（班次）"
    assert handover.get(demo_store, team).assignee_label == "全组"


def test_history_records_every_change_in_words(demo_store, agent, ajie, clock):
    (todo_id,) = handover.add(demo_store, "回电话", agent, clock(), due_at=clock() + HOUR).todos
    clock.advance(60)
    handover.update(demo_store, todo_id, agent, clock(), title="回电话给阿飞", priority=2)
    handover.set_state(demo_store, todo_id, "执行中", agent, clock())
    handover.reassign(demo_store, todo_id, Assignee.agent(ajie.id), agent, clock())
    clock.advance(2 * HOUR)
    handover.mark_overdue(demo_store, clock())
    lines = [(c.agent_name, c.text) for c in handover.history(demo_store, todo_id)]
    assert lines[0][0] == "小满" and lines[0][1].startswith("创建，指派给 小满")
    assert lines[1] == ("小满", "标题：回电话 → 回电话给阿飞；优先级：普通 → 紧急")
    assert lines[2] == ("小满", "状态 未执行 → 执行中")
    assert lines[3] == ("小满", "改由 阿杰 负责，原为 小满")
    assert lines[4] == (None, "已过到期时间，自动由 执行中 转为 超时")
    assert len(lines) == 5


def test_overdue_items_turn_超时_at_the_injected_clock_and_not_before(demo_store, agent,
                                                                       clock):
    (soon,) = handover.add(demo_store, "一小时内", agent, clock(), due_at=clock() + HOUR).todos
    (done,) = handover.add(demo_store, "已完成的", agent, clock(), due_at=clock() + 60).todos
    (free,) = handover.add(demo_store, "不限时", agent, clock()).todos
    handover.set_state(demo_store, done, "完成", agent, clock())
    assert not handover.mark_overdue(demo_store, clock() + HOUR - 1)
    clock.advance(HOUR + 1)
    changes = handover.mark_overdue(demo_store, clock())
    assert soon in changes.todos and done not in changes.todos and free not in changes.todos
    assert handover.get(demo_store, soon).state == "超时"
    assert handover.get(demo_store, done).state == "完成"
    assert handover.get(demo_store, free).state == "未执行"
    assert not handover.mark_overdue(demo_store, clock())


def test_moving_the_due_time_of_an_overdue_item_opens_it_again(demo_store, agent, clock):
    (todo_id,) = handover.add(demo_store, "x", agent, clock(), due_at=clock() + 60).todos
    clock.advance(120)
    handover.mark_overdue(demo_store, clock())
    handover.update(demo_store, todo_id, agent, clock(), due_at=clock() + HOUR)
    assert handover.get(demo_store, todo_id).state == "未执行"


def test_a_reminder_fires_once_at_its_time_for_its_holder(demo_store, agent, ajie, clock):
    (mine,) = handover.add(demo_store, "我的提醒", agent, clock(), remind_at=clock() + 600).todos
    handover.add(demo_store, "阿杰的提醒", agent, clock(), remind_at=clock() + 600,
                 assignee=Assignee.agent(ajie.id))
    (team,) = handover.add(demo_store, "全组的提醒", agent, clock(), remind_at=clock() + 900,
                           assignee=Assignee.team()).todos
    assert handover.take_reminders(demo_store, agent, clock() + 599)[0] == []
    clock.advance(1000)
    reminded, changes = handover.take_reminders(demo_store, agent, clock())
    assert [t.id for t in reminded] == [mine, team]
    assert changes.todos == {mine, team}
    assert handover.take_reminders(demo_store, agent, clock())[0] == []
    assert [t.title for t in handover.take_reminders(demo_store, ajie, clock())[0]] == \
        ["阿杰的提醒"]
    # A new reminder time fires again.
    handover.update(demo_store, mine, agent, clock(), remind_at=clock() + 60)
    clock.advance(61)
    assert [t.id for t in handover.take_reminders(demo_store, agent, clock())[0]] == [mine]


def test_filters_mine_my_shift_team_and_open_overdue_done(demo_store, agent, ajie, clock):
    store, now = demo_store, clock()
    schedule = [shifts.Shift("白班", "09:00", "18:00", ("xiaoman", "ajie")),
                shifts.Shift("晚班", "18:00", "01:00", ("wang",))]
    shifts.set_schedule(store, schedule, accounts.by_name(store, "wang"), now)
    handover.add(store, "阿杰的", agent, now, assignee=Assignee.agent(ajie.id), due_at=now + 5)
    handover.add(store, "白班的", agent, now, assignee=Assignee.of_shift("白班"), due_at=now + 6)
    handover.add(store, "晚班的", agent, now, assignee=Assignee.of_shift("晚班"), due_at=now + 7)
    handover.add(store, "全组的", agent, now, assignee=Assignee.team(), due_at=now + 8)
    handover.add(store, "主管的", agent, now,
                 assignee=Assignee.agent(accounts.by_name(store, "wang").id), due_at=now + 9)
    (late,) = handover.add(store, "我超时的", agent, now, due_at=now - 10).todos
    (closed,) = handover.add(store, "我完成的", agent, now, due_at=now + 1).todos
    handover.set_state(store, closed, "完成", agent, now)
    handover.mark_overdue(store, now)

    demo_titles = ["给北方的狼2019回复顺丰补差价金额", "核实韵达 43123456789008 为什么三天没更新"]
    assert titles(handover.filtered(store, agent, "mine", "open", now)) == \
        ["我超时的", *demo_titles]
    assert titles(handover.filtered(store, agent, "shift", "open", now)) == \
        ["我超时的", "阿杰的", "白班的", "全组的", *demo_titles]
    assert set(titles(handover.filtered(store, agent, "team", "open", now))) >= \
        {"晚班的", "主管的"}
    assert titles(handover.filtered(store, agent, "mine", "overdue", now)) == ["我超时的"]
    assert titles(handover.filtered(store, agent, "team", "done", now)) == ["我完成的"]
    assert handover.count(store, agent, "shift", "open", now) == 6
    page = handover.filtered(store, agent, "shift", "open", now, limit=2, offset=1)
    assert titles(page) == ["阿杰的", "白班的"]


def test_assignees_are_named_by_agent_shift_or_team(demo_store, ajie):
    assert handover.resolve_assignee(demo_store, "ajie") == Assignee.agent(ajie.id)
    assert handover.resolve_assignee(demo_store, "阿杰") == Assignee.agent(ajie.id)
    assert handover.resolve_assignee(demo_store, "晚班") == Assignee.of_shift("晚班")
    assert handover.resolve_assignee(demo_store, "shift：白班") == Assignee.of_shift("白班")
    assert handover.resolve_assignee(demo_store, "team") == Assignee.team()
    with pytest.raises(Refused, match="没有叫"):
        handover.resolve_assignee(demo_store, "nobody")


def test_jumping_to_a_buyer_prefers_the_open_conversation(demo_store, clock):
    changes = conversations.receive(demo_store, conversations.Incoming(
        "u1", "阿飞不飞", "在吗", clock()))
    (conversation_id,) = changes.conversations
    buyer_id = conversations.get(demo_store, conversation_id).buyer_id
    assert handover.conversation_for_buyer(demo_store, buyer_id) == conversation_id
