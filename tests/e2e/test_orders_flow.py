"""An unpaid order worked through the real window: the buyer writes, the agent reminds
them from the sidebar, flags and remarks the order, the back office's report comes in
through the 订单 menu, and all of it is still there after a restart."""

from PySide6.QtCore import Qt

from helpers import click_row, menu_title, row_where, type_text
from workbench import conversations, orders, timefmt
from workbench.app import open_workbench
from workbench.channels import scenarios
from workbench.orders import reminders
from workbench.ui.conversation_list import ConversationRole

UNPAID_SCENARIO = scenarios.SCENARIO_DIR / "unpaid.json"
ORDER = "3515313147329357906"   # 阿飞不飞's unpaid order in the demo shop


def open_window(qtbot, db_path, clock):
    workbench = open_workbench(db_path, speed=0, clock=clock,
                               scenarios=[scenarios.load(UNPAID_SCENARIO)])
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    return workbench


def test_an_unpaid_order_is_reminded_flagged_imported_and_kept(qtbot, db_path, clock,
                                                              tmp_path):
    clock.now = timefmt.parse("2025-11-24 13:00")   # the order was placed at 08:00
    workbench = open_window(qtbot, db_path, clock)
    window = workbench.window
    sidebar = window.orders
    view = window.conversation_list

    # The buyer says they ordered but have not paid; the agent opens the conversation.
    qtbot.waitUntil(lambda: any(c.buyer_nick == "阿飞不飞" and c.unread == 2
                                for c in view.list_model.rows))
    click_row(qtbot, view, row_where(view, ConversationRole, lambda c: c.buyer_nick == "阿飞不飞"))
    assert sidebar.selected_order().id == ORDER
    assert sidebar.remind_button.isEnabled()

    # 催付 from the sidebar: the team's phrase goes into the chat and the register.
    qtbot.mouseClick(sidebar.remind_button, Qt.MouseButton.LeftButton)
    dialog = sidebar.reminder_dialog
    assert dialog.warnings.isHidden()
    assert "15:00 前" in dialog.window_label.text()
    dialog.reason.setCurrentText("余额不足")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    conversation_id = window.session.current.id
    # The simulated buyer answers the reminder.
    qtbot.waitUntil(lambda: conversations.history(workbench.store, conversation_id)[-1].text
                    == "哦可以用花呗吗？那我现在付")
    agent_lines = [m.text for m in conversations.history(workbench.store, conversation_id)
                   if m.sender == "agent"]
    assert agent_lines == [dialog.text.toPlainText()]

    # The green flag the policy assigns after a reminder, with its remark.
    qtbot.mouseClick(dialog.flag_button, Qt.MouseButton.LeftButton)
    assert orders.get(workbench.store, ORDER).flag == 3
    assert sidebar.flag_meaning.text().startswith("绿旗：催付后的备注")

    # One more remark from the keyboard.
    type_text(sidebar.remark_input, "买家用花呗付")
    qtbot.keyClick(sidebar.remark_input, Qt.Key.Key_Return)
    assert len(sidebar.remark_model.stringList()) == 2

    # The back office's report arrives: the order is paid now, with a memo of its own.
    report = tmp_path / "ExportOrderList.csv"
    report.write_bytes((
        "订单编号,买家会员名,订单状态,总金额,买家实际支付金额,订单创建时间,"  # ascii: csv
        "订单付款时间 ,订单备注\r\n"
        f'="{ORDER}",阿飞不飞,买家已付款，等待卖家发货,59.00,59.00,'
        '2025-11-24 08:00:00,2025-11-24 13:20:00,仓库：今天发\r\n').encode("gbk"))
    menu = next(a.menu() for a in window.menuBar().actions() if menu_title(a) == "订单")
    next(a for a in menu.actions() if a.text() == "导入订单报表…").trigger()
    importing = window.orders_ui.import_dialog
    importing.order_file.setText(str(report))
    with qtbot.waitSignal(importing.import_finished, timeout=10000) as finished:
        qtbot.mouseClick(importing.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: importing.job is None)
    result = finished.args[0]
    assert (result.updated, len(result.remark_differences)) == (1, 1)
    assert "后台备注与工作台里的备注不同" in importing.result.toPlainText()
    assert sidebar.selected_order().status == "WAIT_SELLER_SEND_GOODS"
    assert not sidebar.remind_button.isEnabled()
    assert sidebar.remark_model.index(0, 0).data() == "[后台] 仓库：今天发"
    importing.close()
    window.close()
    workbench.store.close()

    # After a restart everything is still there.
    again = open_window(qtbot, db_path, clock)
    try:
        order = orders.get(again.store, ORDER)
        assert (order.flag, order.status, order.source_remark) == (
            3, "WAIT_SELLER_SEND_GOODS", "仓库：今天发")
        assert [r.content for r in orders.remarks(again.store, ORDER)] == [
            "已旺旺催付，原因：余额不足", "买家用花呗付"]
        (entry,) = reminders.register(again.store)
        assert (entry.reason, entry.agent_name) == ("余额不足", "小满")
    finally:
        again.close()
