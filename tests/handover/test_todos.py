import pytest

from workbench import handover
from workbench.changes import Refused


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
