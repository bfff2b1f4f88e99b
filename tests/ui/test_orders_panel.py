"""The order sidebar in the real window: it follows the conversation, keeps the remark and
flag rules, sends 核对地址 and 催付 into the buyer's conversation."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from helpers import click_row, row_where, type_text
from workbench import accounts, conversations, orders, timefmt
from workbench.app import open_workbench
from workbench.orders import reminders
from workbench.ui.conversation_list import ConversationRole
from workbench.ui.orders.sidebar import OrderRole

PAID = "3515313147329357902"      # 木子李家的猫, paid, waiting to ship
UNPAID = "3515313147329357906"    # 阿飞不飞, placed 5 hours before the clock's start


@pytest.fixture
def workbench(qtbot, db_path, clock):
    # A morning, so the demo's unpaid order (5 h earlier) was placed in the night.
    clock.now = timefmt.parse("2025-11-24 10:00")
    opened = open_workbench(db_path, speed=0, clock=clock, start_channel=False)
    qtbot.addWidget(opened.window)
    opened.window.show()
    yield opened
    opened.close()


def buyer_writes(window, nick: str, text: str) -> None:
    window.session.channel.received.emit(conversations.Incoming(
        uid=conversations.new_uid(), buyer=nick, text=text, at=window.session.clock()))


def open_buyer(qtbot, window, nick: str) -> None:
    view = window.conversation_list
    if not any(c.buyer_nick == nick for c in view.list_model.rows):
        buyer_writes(window, nick, "在吗")
    click_row(qtbot, view, row_where(view, ConversationRole, lambda c: c.buyer_nick == nick))
    assert window.session.current.buyer_nick == nick


def sent_texts(workbench) -> list[str]:
    current = workbench.window.session.current
    return [m.text for m in conversations.history(workbench.store, current.id)
            if m.sender == "agent"]


def test_the_sidebar_follows_the_selected_conversation(qtbot, workbench):
    window = workbench.window
    sidebar = window.orders
    open_buyer(qtbot, window, "Coco在路上")
    shown = [sidebar.list.model().index(r, 0).data(OrderRole).id
             for r in range(sidebar.list.model().rowCount())]
    assert shown == ["3515313147329357907", "3515313147329357909"]  # newest first
    assert sidebar.selected_order().id == "3515313147329357907"
    assert "Coco在路上 的订单（2）" == sidebar.title.text()
    assert "买家已签收（货到付款）" in sidebar.details.toPlainText()

    open_buyer(qtbot, window, "木子李家的猫")
    assert sidebar.selected_order().id == PAID
    details = sidebar.details.toPlainText()
    assert "广东省深圳市南山区科技园南路 9 号" in details and "请用礼盒包装" in details
    assert "莫代尔家居服套装" in details
    assert not sidebar.remind_button.isEnabled()  # paid: nothing to chase

    open_buyer(qtbot, window, "路过的新买家")
    assert sidebar.model.rowCount() == 0 and sidebar.selected_order() is None
    assert sidebar.title.text() == "路过的新买家 暂无订单"
    assert not sidebar.remark_input.isEnabled()


def test_select_order_picks_one_of_the_buyers_orders(qtbot, workbench):
    window = workbench.window
    open_buyer(qtbot, window, "Coco在路上")
    assert window.orders.select_order("3515313147329357909")
    assert window.orders.selected_order().id == "3515313147329357909"
    assert not window.orders.select_order(PAID)


def test_remark_with_live_counter_and_correction_of_own_entry(qtbot, workbench, clock):
    window = workbench.window
    sidebar = window.orders
    open_buyer(qtbot, window, "木子李家的猫")
    assert sidebar.remark_counter.text() == "0/1000 字节"
    type_text(sidebar.remark_input, "送发圈")
    entry = f"送发圈—小满—{timefmt.minute(clock())}"
    assert sidebar.remark_counter.text() == f"{len(entry.encode())}/1000 字节"
    qtbot.keyClick(sidebar.remark_input, Qt.Key.Key_Return)
    assert sidebar.remark_model.stringList() == [entry]
    assert sidebar.remark_input.text() == ""

    clock.advance(120)
    qtbot.mouseClick(sidebar.edit_button, Qt.MouseButton.LeftButton)
    assert sidebar.remark_input.text() == "送发圈" and sidebar.remark_button.text() == "保存修改"
    sidebar.remark_input.clear()
    type_text(sidebar.remark_input, "送发圈两个")
    qtbot.keyClick(sidebar.remark_input, Qt.Key.Key_Return)
    assert sidebar.remark_model.stringList() == [entry.replace("送发圈", "送发圈两个")]
    assert sidebar.remark_model.index(0, 0).data().endswith("（已修改）")

    clock.advance(orders.REMARK_EDIT_WINDOW_S)
    sidebar._show_selected()
    assert not sidebar.edit_button.isEnabled()


def test_a_colleagues_entry_is_read_only(qtbot, workbench, clock):
    window = workbench.window
    sidebar = window.orders
    colleague = accounts.by_name(workbench.store, "ajie")
    window.session.run(orders.add_remark, workbench.store, PAID, colleague, "改顺丰", clock())
    open_buyer(qtbot, window, "木子李家的猫")
    click_row(qtbot, sidebar.remarks, 0)
    assert not sidebar.edit_button.isEnabled()
    sidebar.toggle_edit()
    assert sidebar.editing is None
    # Even a forced save cannot rewrite it: the domain refuses.
    theirs = orders.remarks(workbench.store, PAID)[0]
    assert not window.session.run(orders.edit_remark, workbench.store, theirs.id,
                                  window.session.agent, "改中通", clock())
    assert "阿杰写的，只能由本人修改" in window.statusBar().currentMessage()


def test_the_memo_limit_shows_in_the_counter_and_is_refused(qtbot, workbench):
    window = workbench.window
    sidebar = window.orders
    open_buyer(qtbot, window, "木子李家的猫")
    type_text(sidebar.remark_input, "长" * 340)
    assert "超出" in sidebar.remark_counter.text()
    assert "c62828" in sidebar.remark_counter.styleSheet()
    qtbot.keyClick(sidebar.remark_input, Qt.Key.Key_Return)
    assert "上限 1000 字节" in window.statusBar().currentMessage()
    assert orders.remarks(workbench.store, PAID) == []
    assert sidebar.remark_input.text() == "长" * 340  # kept, to shorten


def test_a_forbidden_flag_is_refused_and_the_box_goes_back(qtbot, workbench):
    window = workbench.window
    sidebar = window.orders
    open_buyer(qtbot, window, "木子李家的猫")
    assert sidebar.flag_box.itemText(2) == "黄（禁用）"
    sidebar.flag_box.setCurrentIndex(2)
    sidebar.flag_box.activated.emit(2)
    assert "不能插黄旗：团队规定黄旗不可使用" in window.statusBar().currentMessage()
    assert sidebar.flag_box.currentData() == 0
    assert orders.get(workbench.store, PAID).flag == 0


def test_a_flag_that_needs_a_remark_asks_for_it_and_shows_its_meaning(qtbot, workbench):
    window = workbench.window
    sidebar = window.orders
    open_buyer(qtbot, window, "木子李家的猫")
    sidebar.flag_box.setCurrentIndex(4)
    sidebar.flag_box.setFocus()
    qtbot.keyClick(sidebar.flag_box, Qt.Key.Key_Down)   # to 紫
    dialog = sidebar.flag_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.meaning.text().startswith("紫旗：更换款式、尺码或颜色")
    assert not dialog.ok.isEnabled()
    type_text(dialog.remark, "M 改 L")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert orders.get(workbench.store, PAID).flag == 5
    assert sidebar.remark_model.stringList()[0].startswith("M 改 L—小满—")
    assert sidebar.flag_meaning.text() == "紫旗：更换款式、尺码或颜色（需同时写备注）"
    assert "灰→紫" in sidebar.details.toPlainText()


def test_cancelling_the_flag_remark_leaves_the_flag(qtbot, workbench):
    window = workbench.window
    sidebar = window.orders
    open_buyer(qtbot, window, "木子李家的猫")
    dialog = sidebar.choose_flag(4)
    dialog.reject()
    assert sidebar.flag_box.currentData() == 0
    assert orders.get(workbench.store, PAID).flag == 0


def test_copy_order_id_and_address(qtbot, workbench):
    window = workbench.window
    open_buyer(qtbot, window, "木子李家的猫")
    qtbot.mouseClick(window.orders.copy_id_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == PAID
    qtbot.mouseClick(window.orders.copy_address_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == (
        "李沐 13900002222 广东省深圳市南山区科技园南路 9 号")


def test_the_order_summary_goes_to_the_buyer(qtbot, workbench):
    window = workbench.window
    open_buyer(qtbot, window, "木子李家的猫")
    qtbot.mouseClick(window.orders.summary_button, Qt.MouseButton.LeftButton)
    (text,) = sent_texts(workbench)
    assert text.startswith(f"亲，跟您核对一下订单信息（订单号 {PAID}）：")
    assert "收货地址：广东省深圳市南山区科技园南路 9 号" in text
    assert "139****2222" in text


def test_payment_reminder_warns_sends_registers_and_offers_the_green_flag(qtbot, workbench,
                                                                          clock):
    window = workbench.window
    sidebar = window.orders
    open_buyer(qtbot, window, "阿飞不飞")
    assert sidebar.selected_order().id == UNPAID and sidebar.remind_button.isEnabled()

    # 10:00, the order came in at 05:00. The course's table fits it to two rows; this shop
    # reads it by the 00:00 row (after 12:00 that day): too early, says the dialog.
    reminders.save_policy(workbench.store, accounts.by_name(workbench.store, "wang"),
                          reminders.ReminderPolicy(small_hours="after_noon"), clock())
    qtbot.mouseClick(sidebar.remind_button, Qt.MouseButton.LeftButton)
    dialog = sidebar.reminder_dialog
    assert "还没到催付时间" in dialog.warnings.text()
    assert "2025-11-24 12:00 以后" in dialog.warnings.text()
    assert not dialog.send_button.isEnabled()
    dialog.reject()

    clock.now = timefmt.parse("2025-11-24 12:30")
    dialog = sidebar.remind()
    assert dialog.warnings.isHidden() and dialog.send_button.isEnabled()
    assert dialog.text.toPlainText().startswith("阿飞不飞您好，您拍下的宝贝还没有付款哦")
    dialog.reason.setCurrentText("余额不足")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert sent_texts(workbench) == [dialog.text.toPlainText()]
    (entry,) = reminders.register(workbench.store)
    assert (entry.order_id, entry.agent_name, entry.reason, entry.channel) == (
        UNPAID, "小满", "余额不足", "旺旺")
    assert dialog.after.isVisible()
    assert "绿旗：催付后的备注" in dialog.after_label.text()
    assert dialog.flag_remark.text() == "已旺旺催付，原因：余额不足"
    qtbot.mouseClick(dialog.flag_button, Qt.MouseButton.LeftButton)
    assert orders.get(workbench.store, UNPAID).flag == 3
    assert sidebar.remark_model.stringList()[0].startswith("已旺旺催付，原因：余额不足—小满—")
    assert not dialog.isVisible()

    # A second time: the earlier reminder is named and must be acknowledged.
    clock.advance(600)
    again = sidebar.remind()
    assert "由小满通过旺旺催付过" in again.warnings.text()
    assert not again.send_button.isEnabled()
    again.confirm.setChecked(True)
    again.channel.setCurrentText("电话")
    assert again.send_button.text() == "登记"
    qtbot.mouseClick(again.send_button, Qt.MouseButton.LeftButton)
    assert len(sent_texts(workbench)) == 1  # a call is only registered
    assert [r.channel for r in reminders.register(workbench.store)] == ["电话", "旺旺"]


def test_a_paid_order_cannot_be_reminded(qtbot, workbench):
    window = workbench.window
    open_buyer(qtbot, window, "木子李家的猫")
    assert window.orders.remind() is None
    assert "只有等待买家付款的订单才需要催付" in window.statusBar().currentMessage()


def test_models_behave(qtmodeltester, qtbot, workbench):
    window = workbench.window
    open_buyer(qtbot, window, "Coco在路上")
    qtmodeltester.check(window.orders.model)
    window.session.run(orders.add_remark, workbench.store, "3515313147329357907",
                       window.session.agent, "补发票", window.session.clock())
    qtmodeltester.check(window.orders.remark_model)
