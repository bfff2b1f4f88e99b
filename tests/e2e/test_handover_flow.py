"""待办 and shift handover through the real window, with keys and clicks."""

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from helpers import click_row, row_where, type_text
from workbench import accounts, conversations, handover, orders
from workbench.app import open_workbench
from workbench.channels import scenarios
from workbench.handover import sheets
from workbench.ui.chat import MessageRole
from workbench.ui.conversation_list import ConversationRole
from workbench.ui.handover.todo_panel import TodoRole
from workbench.ui.orders.sidebar import OrderRole

SIZE_SCENARIO = scenarios.SCENARIO_DIR / "size.json"
COLOUR_SCENARIO = scenarios.SCENARIO_DIR / "colour.json"


def open_window(qtbot, db_path, clock, agent_name=None, buyers=True):
    workbench = open_workbench(db_path, speed=0, clock=clock, agent_name=agent_name,
                               scenarios=[scenarios.load(SIZE_SCENARIO),
                                          scenarios.load(COLOUR_SCENARIO)] if buyers else [],
                               start_channel=buyers)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    qtbot.waitExposed(workbench.window)
    workbench.window.activateWindow()
    return workbench


def press_ok(qtbot, dialog):
    box = dialog.findChild(QDialogButtonBox)
    button = next(b for b in box.buttons()
                  if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_todo_made_from_a_chat_message_jumps_back_to_its_conversation(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    window = workbench.window
    conversation_view = window.conversation_list
    qtbot.waitUntil(lambda: sum(c.unread > 0 for c in conversation_view.list_model.rows) == 2)
    row = row_where(conversation_view, ConversationRole, lambda c: c.buyer_nick == "晴天小鹿")
    click_row(qtbot, conversation_view, row)
    conversation_id = window.session.current.id

    # The agent picks the buyer's question and presses Ctrl+T.
    click_row(qtbot, window.chat.view, 1)
    message = window.chat.view.currentIndex().data(MessageRole)
    qtbot.keyClick(window.chat.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.handover_ui.todo_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.title.text().startswith("回复晴天小鹿：")
    assert message.text in dialog.detail.toPlainText()
    assert dialog.draft.conversation_id == conversation_id
    assert dialog.due.dateTime().toSecsSinceEpoch() == int(clock() + 24 * 3600)
    dialog.title.clear()
    type_text(dialog.title, "查好尺码表再回复晴天小鹿")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    todo = next(t for t in handover.open_items(workbench.store)
                if t.title == "查好尺码表再回复晴天小鹿")
    assert (todo.buyer_nick, todo.conversation_id) == ("晴天小鹿", conversation_id)
    assert window.todos.selected().id == todo.id

    # Elsewhere later: opening the item brings its conversation back.
    other = row_where(conversation_view, ConversationRole, lambda c: c.id != conversation_id)
    click_row(qtbot, conversation_view, other)
    assert window.session.current.id != conversation_id
    todo_row = row_where(window.todos.view, TodoRole, lambda t: t.id == todo.id)
    click_row(qtbot, window.todos.view, todo_row)
    qtbot.keyClick(window.todos.view, Qt.Key.Key_Return)
    assert window.session.current.id == conversation_id
    assert window.chat.header.text().startswith("晴天小鹿")
    workbench.close()


def test_a_todo_made_from_an_order_opens_that_order(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    window = workbench.window
    conversation_view = window.conversation_list
    qtbot.waitUntil(lambda: conversation_view.list_model.rowCount() > 0)
    row = row_where(conversation_view, ConversationRole, lambda c: c.buyer_nick == "晴天小鹿")
    click_row(qtbot, conversation_view, row)
    click_row(qtbot, window.orders.list, 0)
    order = window.orders.list.currentIndex().data(OrderRole)

    # From the order list's context menu.
    action = next(a for a in window.orders.list.actions()
                  if a.objectName() == "actionOrderToTodo")
    action.trigger()
    dialog = window.handover_ui.todo_dialog
    assert dialog.title.text() == "" and order.id in dialog.links.text()
    type_text(dialog.title, "缺货，推荐燕麦色以外的颜色")
    press_ok(qtbot, dialog)
    todo = next(t for t in handover.open_items(workbench.store) if t.order_id == order.id)
    assert (todo.title, todo.buyer_nick) == ("缺货，推荐燕麦色以外的颜色", "晴天小鹿")

    conversation_view.selectionModel().clearCurrentIndex()
    window.session.select(None)
    assert window.orders.list.currentIndex().data(OrderRole) is None
    window.todos.select_todo(todo.id)
    window.todos.open_action.trigger()
    assert window.orders.list.currentIndex().data(OrderRole).id == order.id
    workbench.close()


def test_overdue_turns_超时_in_the_window_with_an_injected_clock(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock, buyers=False)
    panel = workbench.window.todos
    type_text(panel.quick_add, "一天内答复退货运费")
    qtbot.keyClick(panel.quick_add, Qt.Key.Key_Return)
    todo = next(t for t in handover.open_items(workbench.store) if t.title == "一天内答复退货运费")
    clock.advance(24 * 3600 + 1)
    qtbot.waitUntil(lambda: handover.get(workbench.store, todo.id).state == "超时",
                    timeout=3000)
    panel.view_box.setCurrentIndex(panel.view_box.findData("overdue"))
    row = row_where(panel.view, TodoRole, lambda t: t.id == todo.id)
    assert panel.model.index(row).data(TodoRole).state == "超时"
    lines = [c.text for c in handover.history(workbench.store, todo.id)]
    assert lines[-1] == "已过到期时间，自动由 未执行 转为 超时"
    workbench.close()


def test_a_full_shift_handover_from_one_agent_to_another(qtbot, db_path, clock, tmp_path):
    # 小满's shift: a buyer served, an order flagged, then the handover sheet.
    workbench = open_window(qtbot, db_path, clock)
    window = workbench.window
    conversation_view = window.conversation_list
    qtbot.waitUntil(lambda: any(c.unread == 2 for c in conversation_view.list_model.rows))
    row = row_where(conversation_view, ConversationRole, lambda c: c.buyer_nick == "晴天小鹿")
    click_row(qtbot, conversation_view, row)
    type_text(window.chat.composer, "亲，我帮您查一下")
    qtbot.keyClick(window.chat.composer, Qt.Key.Key_Return)
    served_id = window.session.current.id
    flagged = "3515313147329357902"
    store = workbench.store
    xiaoman = window.session.agent
    orders.add_remark(store, flagged, xiaoman, "加送礼盒", clock())
    orders.set_flag(store, flagged, xiaoman, 1, clock())

    qtbot.keyClick(window, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    sheets_window = window.handover_ui.sheets_window
    assert sheets_window is not None and sheets_window.isVisible()
    qtbot.mouseClick(sheets_window.findChild(type(sheets_window.acknowledge_button),
                                             "handoverNew"), Qt.MouseButton.LeftButton)
    composer = window.handover_ui.composer
    composer.receiver.setCurrentIndex(composer.receiver.findText("阿杰"))
    type_text(composer.notes, "仓库 17 点后不发顺丰")
    preview = composer.preview_model.stringList()
    # Two todos, the served and the waiting conversation, the flagged order, the note.
    assert preview[-1] == "[备注] 仓库 17 点后不发顺丰" and len(preview) == 6
    press_ok(qtbot, composer)
    sheet = sheets_window.current_sheet()
    assert (sheet.from_agent_name, sheet.to_agent_name, sheet.items_total) == ("小满", "阿杰", 6)
    assert not sheets_window.acknowledge_button.isEnabled()  # not to oneself
    out = sheets_window.export_xlsx(tmp_path / "交接表.xlsx")
    assert load_workbook(out).active.cell(5, 3).value == "给北方的狼2019回复顺丰补差价金额"
    sheet_id = sheet.id
    workbench.close()

    # The supervisor sees the sheet still waiting, but it is not theirs to receive.
    boss = open_window(qtbot, db_path, clock, agent_name="wang", buyers=False)
    assert boss.window.todos.handover_notice.isVisible()
    assert "1 份交接单尚未被接收" in boss.window.todos.handover_notice.label.text()
    boss_sheets = boss.window.handover_ui.show_sheets()
    assert boss_sheets.current_sheet().id == sheet_id
    assert not boss_sheets.acknowledge_all_button.isEnabled()
    boss.close()

    # 阿杰 comes on: the panel says a sheet waits; he receives item by item, then the rest.
    clock.advance(8 * 3600)
    incoming = open_window(qtbot, db_path, clock, agent_name="ajie", buyers=False)
    window = incoming.window
    notice = window.todos.handover_notice
    assert notice.isVisible() and "1 份交接单待接收" in notice.label.text()
    qtbot.mouseClick(notice.action, Qt.MouseButton.LeftButton)
    sheets_window = window.handover_ui.sheets_window
    assert sheets_window.current_sheet().id == sheet_id
    assert sheets_window.acknowledge_button.isEnabled()
    table = sheets_window.items
    first = table.model().index(0, 1)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(first).center())
    qtbot.mouseClick(sheets_window.acknowledge_button, Qt.MouseButton.LeftButton)
    record = sheets.items(incoming.store, sheet_id)
    assert record[0].acknowledged_by_name == "阿杰" and record[0].acknowledged_at == clock()
    assert not any(item.acknowledged for item in record[1:])
    assert sheets_window.current_sheet().state_name == "部分接收"
    first_todo = handover.get(incoming.store, int(record[0].ref))
    assert first_todo.assignee_name == "阿杰"
    assert first_todo.title in [window.todos.model.index(r).data(TodoRole).title
                                for r in range(window.todos.model.rowCount())]

    clock.advance(60)
    qtbot.mouseClick(sheets_window.acknowledge_all_button, Qt.MouseButton.LeftButton)
    record = sheets.items(incoming.store, sheet_id)
    assert all(item.acknowledged_by_name == "阿杰" for item in record)
    assert sheets.get(incoming.store, sheet_id).state_name == "已接收"
    assert conversations.get(incoming.store, served_id).agent_id == \
        accounts.by_name(incoming.store, "ajie").id
    mine = [t.title for t in handover.filtered(incoming.store, window.session.agent, "mine",
                                               "open", clock())]
    assert f"跟进订单 {flagged}" in mine and first_todo.title in mine
    assert "已接收 6/6 项" in sheets_window.message.text()
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=3000)
    incoming.close()
