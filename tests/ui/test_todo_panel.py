"""The 待办 panel in the real window: filters, overdue, reminders, quick add, paging."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon

from helpers import click_row, row_where, type_text
from workbench import accounts, handover
from workbench.handover import Assignee
from workbench.ui.handover import todo_panel
from workbench.ui.handover.todo_panel import TodoRole

HOUR = 3600


def shown(panel):
    return [panel.model.index(r).data(TodoRole).title for r in range(panel.model.rowCount())]


def choose(box, key):
    box.setCurrentIndex(box.findData(key))


def test_the_model_is_a_well_behaved_qt_model(workbench, qtmodeltester):
    qtmodeltester.check(workbench.window.todos.model)


def test_quick_add_from_the_keyboard_with_an_urgent_mark(workbench, qtbot, clock):
    panel = workbench.window.todos
    type_text(panel.quick_add, "！明早回复差价")
    qtbot.keyClick(panel.quick_add, Qt.Key.Key_Return)
    todo = next(t for t in handover.open_items(workbench.store) if t.title == "明早回复差价")
    assert todo.priority == 2 and todo.due_at == clock() + 24 * HOUR
    assert "明早回复差价" in shown(panel) and panel.quick_add.text() == ""
    row = row_where(panel.view, TodoRole, lambda t: t.title == "明早回复差价")
    assert panel.model.index(row).data() == "！！明早回复差价"  # marked as it was typed


def test_filters_switch_between_mine_my_shift_and_team_and_the_states(workbench, clock):
    store, window = workbench.store, workbench.window
    xiaoman = workbench.session.agent
    ajie = accounts.by_name(store, "ajie")
    handover.add(store, "阿杰的", xiaoman, clock(), assignee=Assignee.agent(ajie.id))
    handover.add(store, "全组的", xiaoman, clock(), assignee=Assignee.team(),
                 due_at=clock() + 60)
    (closed,) = handover.add(store, "做完了", xiaoman, clock()).todos
    handover.set_state(store, closed, "完成", xiaoman, clock())
    panel = window.todos
    panel.refresh()
    assert "全组的" not in shown(panel) and "做完了" not in shown(panel)
    choose(panel.scope_box, "shift")
    assert shown(panel)[0] == "全组的" and "阿杰的" not in shown(panel)
    choose(panel.scope_box, "team")
    assert {"阿杰的", "全组的"} <= set(shown(panel))
    assert panel.count_label.text() == f"{panel.model.total} 项" and panel.model.total == 4
    choose(panel.view_box, "done")
    assert shown(panel) == ["做完了"]


def test_overdue_items_turn_超时_on_the_timer_and_stand_out(workbench, qtbot, clock):
    store, panel = workbench.store, workbench.window.todos
    (todo_id,) = handover.add(store, "一小时内回电", workbench.session.agent, clock(),
                              due_at=clock() + HOUR).todos
    panel.refresh()
    row = row_where(panel.view, TodoRole, lambda t: t.id == todo_id)
    index = panel.model.index(row)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    clock.advance(HOUR + 1)
    qtbot.waitUntil(lambda: handover.get(store, todo_id).state == "超时", timeout=3000)
    row = row_where(panel.view, TodoRole, lambda t: t.id == todo_id)
    index = panel.model.index(row)
    assert index.data(TodoRole).state == "超时"
    assert index.data(Qt.ItemDataRole.ForegroundRole).name() == todo_panel.OVERDUE_COLOUR
    choose(panel.view_box, "overdue")
    assert "一小时内回电" in shown(panel)


def test_a_reminder_shows_a_notice_in_the_window_at_its_time(workbench, qtbot, clock,
                                                             monkeypatch):
    store, panel = workbench.store, workbench.window.todos
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    handover.add(store, "提醒我回访", workbench.session.agent, clock(),
                 remind_at=clock() + 600, due_at=clock() + HOUR)
    panel.tick()
    assert not panel.notice.isVisible()
    clock.advance(601)
    panel.tick()
    assert panel.notice.isVisible()
    assert "提醒我回访" in panel.notice.label.text()
    assert panel.notice.label.textFormat() == Qt.TextFormat.PlainText
    panel.notice.dismiss()
    panel.tick()
    assert not panel.notice.isVisible()  # a reminder fires once


def test_a_reminder_also_goes_to_the_tray_where_there_is_one(workbench, clock, monkeypatch):
    panel = workbench.window.todos
    messages = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda self: None)
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda self, title, text, *rest: messages.append((title, text)))
    handover.add(workbench.store, "托盘提醒", workbench.session.agent, clock(),
                 remind_at=clock() - 1)
    panel.tick()
    assert messages and messages[0][0] == "待办提醒" and "托盘提醒" in messages[0][1]
    assert panel.notice.isVisible()


def test_state_actions_from_the_list(workbench, qtbot):
    panel = workbench.window.todos
    click_row(qtbot, panel.view, 0)
    first = panel.selected()
    panel.start_action.trigger()
    assert handover.get(workbench.store, first.id).state == "执行中"
    assert panel.selected().id == first.id  # the selection survives the refresh
    panel.complete_action.trigger()
    assert handover.get(workbench.store, first.id).state == "完成"
    assert first.title not in shown(panel)


def test_a_long_list_loads_page_by_page_in_due_order(workbench, clock):
    store, panel = workbench.store, workbench.window.todos
    extra = 2 * todo_panel.PAGE + 10
    with store.transaction():
        for number in range(extra):
            handover.add(store, f"批量 {number:03d}", workbench.session.agent, clock(),
                         due_at=clock() + number)
    panel.refresh()
    assert panel.model.rowCount() == todo_panel.PAGE
    assert panel.model.total == extra + 2  # and the demo shop's two
    while panel.model.canFetchMore():
        panel.model.fetchMore()
    assert panel.model.rowCount() == extra + 2
    due = [panel.model.index(r).data(TodoRole).due_at for r in range(panel.model.rowCount())]
    assert due == sorted(due)
