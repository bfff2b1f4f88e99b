"""The 交接 menu's windows and dialogs: sheets, import, the item dialog, shifts."""

import pytest
from PySide6.QtCore import QDateTime, Qt

from workbench import accounts, conversations, demo, handover, timefmt
from workbench.app import open_workbench
from workbench.handover import Assignee, exchange, sheets, shifts
from workbench.store import Store
from workbench.ui.handover.shifts import ShiftTableModel


def open_as(qtbot, db_path, clock, name=None):
    opened = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                            agent_name=name)
    qtbot.addWidget(opened.window)
    opened.window.show()
    return opened


@pytest.fixture
def workbench(qtbot, db_path, clock):
    opened = open_as(qtbot, db_path, clock)
    yield opened
    opened.close()


def menu_action(window, name):
    return next(a for a in window.area_menu("交接").actions() if a.objectName() == name)


def test_the_交接_menu_has_its_actions_and_keys(workbench):
    window = workbench.window
    assert menu_action(window, "actionNewTodo").shortcut().toString() == "Ctrl+Shift+T"
    assert menu_action(window, "actionAddTodo").shortcut().toString() == "Ctrl+T"
    assert menu_action(window, "actionSheets").shortcut().toString() == "Ctrl+Shift+H"
    for name in ("actionNewSheet", "actionImportSheet", "actionShifts"):
        menu_action(window, name)


def test_sheet_models_are_well_behaved(workbench, clock, qtmodeltester):
    ui = workbench.window.handover_ui
    sheets.build(workbench.store, workbench.session.agent, clock(), notes="一条备注")
    sheets_window = ui.show_sheets()
    qtmodeltester.check(sheets_window.sheet_model)
    qtmodeltester.check(sheets_window.item_model)
    qtmodeltester.check(ShiftTableModel(shifts.schedule(workbench.store), True))
    assert sheets_window.item_model.rowCount() == 3


def test_a_new_free_todo_for_a_shift_with_a_reminder(workbench, clock):
    window = workbench.window
    menu_action(window, "actionNewTodo").trigger()
    dialog = window.handover_ui.todo_dialog
    dialog.title.setText("夜里核对库存")
    dialog.assignee.setCurrentIndex(dialog.assignee.findText("班次：晚班 18:00–次日 01:00"))
    dialog.has_remind.setChecked(True)
    dialog.remind.setDateTime(QDateTime.fromSecsSinceEpoch(int(clock() + 600)))
    dialog.accept()
    todo = next(t for t in handover.open_items(workbench.store) if t.title == "夜里核对库存")
    assert todo.assignee == Assignee.of_shift("晚班")
    assert todo.remind_at == clock() + 600 and todo.buyer_id is None


def test_a_refused_todo_keeps_the_dialog_open_with_the_reason(workbench):
    window = workbench.window
    dialog = window.handover_ui.new_todo()
    dialog.title.setText("   ")
    dialog.accept()
    assert dialog.isVisible() and "不能为空" in dialog.error.text()


def test_editing_an_item_shows_its_history_and_records_the_change(workbench, clock):
    window = workbench.window
    panel = window.todos
    panel.view.setCurrentIndex(panel.model.index(0))
    todo = panel.selected()
    panel.edit_action.trigger()
    dialog = window.handover_ui.todo_dialog
    assert dialog.todo.id == todo.id
    due = timefmt.minute(todo.due_at)
    assert dialog.history_model.stringList()[0].endswith(f"小满：创建，指派给 小满，{due} 到期")
    dialog.state.setCurrentIndex(dialog.state.findData("执行中"))
    dialog.priority.setCurrentIndex(dialog.priority.findData(2))
    dialog.accept()
    fresh = handover.get(workbench.store, todo.id)
    assert (fresh.state, fresh.priority) == ("执行中", 2)
    texts = [change.text for change in handover.history(workbench.store, todo.id)]
    assert texts[-2:] == ["优先级：普通 → 紧急", "状态 未执行 → 执行中"]


def test_import_in_the_window_reports_missing_links_and_refuses_a_damaged_file(
        workbench, tmp_path, clock):
    source = Store.open(tmp_path / "elsewhere.sqlite3")
    demo.seed_if_empty(source, clock())
    ajie = accounts.by_name(source, "ajie")
    handover.add(source, "回访这位新买家", ajie, clock(),
                 buyer_id=conversations.ensure_buyer(source, "只在那台机器上", "普通", clock()))
    sheet_id, _ = sheets.build(source, ajie, clock())
    good = tmp_path / "good.handover.json"
    exchange.export(source, sheet_id, good, clock())
    source.close()
    damaged = tmp_path / "damaged.handover.json"
    damaged.write_bytes(good.read_bytes()[:-40])

    ui = workbench.window.handover_ui
    sheets_window = ui.show_sheets()
    assert sheets_window.import_file(damaged) is None
    assert "提前结束：文件可能不完整" in sheets_window.message.text()
    assert sheets.visible(workbench.store, workbench.session.agent) == []
    report = sheets_window.import_file(good)
    assert report.buyers_missing == ("只在那台机器上",)
    assert "只在那台机器上" in sheets_window.message.text()
    assert sheets_window.current_sheet().id == report.sheet_id
    assert sheets_window.acknowledge_all_button.isEnabled()
    assert sheets_window.acknowledge_all()
    assert "回访这位新买家" in [t.title for t in handover.filtered(
        workbench.store, workbench.session.agent, "mine", "open", clock())]


def test_exchange_export_from_the_window(workbench, tmp_path, clock):
    sheet_id, _ = sheets.build(workbench.store, workbench.session.agent, clock(), notes="x")
    sheets_window = workbench.window.handover_ui.show_sheets(select=sheet_id)
    path = sheets_window.export_exchange(tmp_path / "out.handover.json")
    assert exchange.read(path)["sheet"]["from_agent"]["name"] == "xiaoman"
    assert "已导出" in sheets_window.message.text()


def test_a_supervisor_edits_the_shift_schedule(qtbot, db_path, clock):
    opened = open_as(qtbot, db_path, clock, "wang")
    try:
        dialog = opened.window.handover_ui.edit_shifts()
        model = dialog.model
        assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
        model.setData(model.index(0, 3), "xiaoman, ajie")
        model.add_row()
        model.setData(model.index(2, 0), "早班")
        model.setData(model.index(2, 1), "06:00")
        model.setData(model.index(2, 2), "09:00")
        dialog.accept()
        saved = shifts.schedule(opened.store)
        assert [s.name for s in saved] == ["白班", "晚班", "早班"]
        assert saved[0].agents == ("xiaoman", "ajie")
    finally:
        opened.close()


def test_an_agent_sees_the_schedule_but_cannot_change_it(workbench):
    dialog = workbench.window.handover_ui.edit_shifts()
    model = dialog.model
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 0), "改名")
    dialog.accept()
    assert "主管" in dialog.error.text()


def test_a_wrong_time_in_the_schedule_is_explained(qtbot, db_path, clock):
    opened = open_as(qtbot, db_path, clock, "wang")
    try:
        dialog = opened.window.handover_ui.edit_shifts()
        dialog.model.setData(dialog.model.index(0, 1), "9点")
        dialog.accept()
        assert "HH:MM" in dialog.error.text() and dialog.isVisible()
    finally:
        opened.close()


def test_saving_an_item_unchanged_keeps_its_exact_times(workbench, clock):
    (todo_id,) = handover.add(workbench.store, "到期有零头", workbench.session.agent, clock(),
                              due_at=clock() + 3600.25, remind_at=clock() + 60.5).todos
    dialog = workbench.window.handover_ui.edit_todo(handover.get(workbench.store, todo_id))
    dialog.detail.setPlainText("补一句说明")
    dialog.accept()
    fresh = handover.get(workbench.store, todo_id)
    assert (fresh.due_at, fresh.remind_at) == (clock() + 3600.25, clock() + 60.5)
    assert handover.history(workbench.store, todo_id)[-1].text == "说明：无 → 补一句说明"
