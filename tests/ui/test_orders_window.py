"""The 订单 menu's windows: order list with filters and export, import with progress and
cancel, the 催付 register and the flag policy."""

import csv
import re
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from helpers import menu_title, type_text
from workbench import conversations, orders, timefmt
from workbench.app import open_workbench
from workbench.orders import importer, policy, reminders
from workbench.ui.orders.sidebar import OrderRole

UNPAID = "3515313147329357906"
HEADER = "订单编号,买家会员名,订单状态,总金额,买家实际支付金额,订单创建时间,收货地址 \r\n"


def open_window(qtbot, db_path, clock, agent_name=None):
    clock.now = timefmt.parse("2025-11-24 13:00")
    opened = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                            agent_name=agent_name)
    qtbot.addWidget(opened.window)
    opened.window.show()
    return opened


@pytest.fixture
def workbench(qtbot, db_path, clock):
    opened = open_window(qtbot, db_path, clock)
    yield opened
    opened.close()


def trigger(window, name: str):
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.objectName() == name)
    action.trigger()


def table_ids(orders_window) -> list[str]:
    model = orders_window.list.model()
    return [model.index(r, 0).data(OrderRole).id for r in range(model.rowCount())]


def report(tmp_path, rows: list[str], name: str = "report.csv"):
    path = tmp_path / name
    path.write_bytes((HEADER + "".join(rows)).encode("gbk"))
    return path


def test_the_order_menu_has_the_list_import_register_and_policy(workbench):
    menu = next(a.menu() for a in workbench.window.menuBar().actions() if menu_title(a) == "订单")
    assert [a.text() for a in menu.actions() if a.text()] == [
        "订单列表…", "待催付订单…", "催付登记表…", "导入订单报表…", "旗帜规则…"]


def test_filters_narrow_the_list(qtbot, workbench):
    window = workbench.window
    trigger(window, "actionOrderList")
    listing = window.orders_ui.list_window
    assert listing.isVisible() and listing.count.text() == "共 9 单"
    listing.status.setCurrentIndex(listing.status.findData("TRADE_CLOSED"))
    assert table_ids(listing) == ["3515313147329357909"]
    listing.status.setCurrentIndex(0)
    type_text(listing.buyer, "Coco")
    assert table_ids(listing) == ["3515313147329357907", "3515313147329357909"]
    listing.buyer.clear()
    window.session.run(orders.set_flag, workbench.store, "3515313147329357907",
                       window.session.agent, 4, window.session.clock(), remark="改中通")
    listing.flag.setCurrentIndex(listing.flag.findData(4))
    assert table_ids(listing) == ["3515313147329357907"]
    listing.flag.setCurrentIndex(0)
    listing.by_date.setChecked(True)
    today = timefmt.local(window.session.clock()).date()
    from PySide6.QtCore import QDate

    listing.date_from.setDate(QDate(today.year, today.month, today.day))
    listing.date_to.setDate(QDate(today.year, today.month, today.day))
    created_today = [o.id for o in orders.find(workbench.store, orders.OrderFilter(), 0)
                     if timefmt.local(o.created_at).date() == today]
    assert table_ids(listing) == created_today and created_today


def test_the_unpaid_work_list_then_remind_from_it(qtbot, workbench, tmp_path):
    window = workbench.window
    trigger(window, "actionUnpaidOrders")
    listing = window.orders_ui.list_window
    assert listing.unpaid.isChecked() and table_ids(listing) == [UNPAID]
    listing.unpaid_hours.setValue(6)
    assert table_ids(listing) == []
    listing.unpaid_hours.setValue(1)

    # The buyer has a conversation: the order opens in the sidebar and can be reminded.
    window.session.channel.received.emit(conversations.Incoming(
        uid="u1", buyer="阿飞不飞", text="我拍了还没付", at=window.session.clock()))
    listing.list.setCurrentIndex(listing.model.index(0, 0))
    dialog = listing.remind_selected()
    assert window.session.current.buyer_nick == "阿飞不飞"
    assert window.orders.selected_order().id == UNPAID
    assert dialog.warnings.isHidden()  # placed at 08:00, reminded by 15:00
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert reminders.register(workbench.store)[0].order_id == UNPAID
    assert table_ids(listing) == []  # reminded: off the work list


def test_opening_an_order_of_a_buyer_without_conversation_explains(qtbot, workbench):
    window = workbench.window
    listing = window.orders_ui.show_orders()
    listing.list.setCurrentIndex(listing.model.index(0, 0))
    assert not listing.open_selected()
    assert "还没有会话" in window.statusBar().currentMessage()


def test_export_from_the_window_runs_in_the_background(qtbot, workbench, tmp_path):
    listing = workbench.window.orders_ui.show_orders()
    listing.status.setCurrentIndex(listing.status.findData("WAIT_BUYER_PAY"))
    path = tmp_path / "unpaid.csv"
    assert listing.export_to(path) is not None
    qtbot.waitUntil(lambda: listing.export_job is None, timeout=10000)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 2 and rows[1][0] == f'="{UNPAID}"'
    assert "已导出 1 单" in listing.message.text()


def test_import_from_the_menu_updates_the_sidebar(qtbot, workbench, tmp_path):
    window = workbench.window
    window.session.channel.received.emit(conversations.Incoming(
        uid="u2", buyer="木子李家的猫", text="在吗", at=window.session.clock()))
    window.conversation_list.select_conversation(window.conversation_list.list_model.rows[0].id)
    assert window.orders.model.rowCount() == 1
    trigger(window, "actionImportOrders")
    dialog = window.orders_ui.import_dialog
    path = report(tmp_path, ['="8001",木子李家的猫,交易成功,59.00,59.00,2025-11-24 12:00:00,'
                             '深圳\r\n'])
    job = dialog.start(path)
    with qtbot.waitSignal(dialog.import_finished, timeout=10000) as finished:
        pass
    qtbot.waitUntil(lambda: dialog.job is None)
    assert finished.args[0].added == 1
    assert "新增 1 单" in dialog.result.toPlainText()
    assert [o.id for o in window.orders.model.rows][0] == "8001"
    assert job is not None


def test_a_bad_file_is_reported_with_row_and_column(qtbot, workbench, tmp_path):
    dialog = workbench.window.orders_ui.show_import()
    path = report(tmp_path, ['="8101",甲,交易成功,59.00,59.00,2025-11-24 12:00:00,深圳\r\n',
                             '="8102",乙,交易成功,五十,59.00,2025-11-24 12:00:00,深圳\r\n'])
    dialog.start(path)
    with qtbot.waitSignal(dialog.import_failed, timeout=10000) as failed:
        pass
    qtbot.waitUntil(lambda: dialog.job is None)
    assert "report.csv 第 3 行“总金额”列：金额“五十”不是数字" in failed.args[0]
    assert dialog.result.toPlainText() == failed.args[0]
    assert orders.get(workbench.store, "8101") is None


def test_a_large_import_shows_progress(qtbot, workbench, tmp_path):
    dialog = workbench.window.orders_ui.show_import()
    rows = [f'="{9000 + n}",买家{n},交易成功,10.00,10.00,2025-11-24 12:00:00,深圳\r\n'
            for n in range(1200)]
    seen = []
    dialog.progressed.connect(lambda *p: seen.append(p))
    dialog.start(report(tmp_path, rows))
    with qtbot.waitSignal(dialog.import_finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: dialog.job is None)
    assert ("写入订单", 1200, 1200) in seen
    assert orders.count(workbench.store, orders.OrderFilter(), 0) == 9 + 1200


def test_a_cancelled_import_leaves_no_trace(qtbot, workbench, tmp_path, monkeypatch):
    gate = threading.Event()
    original = importer.import_report

    def held(*args, **kwargs):
        gate.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(importer, "import_report", held)
    # The phrase index fills in the background after start-up; let it finish first.
    qtbot.waitUntil(lambda: workbench.window.phrases.model.indexed, timeout=20000)
    before = list(workbench.store.conn.iterdump())
    dialog = workbench.window.orders_ui.show_import()
    dialog.start(report(tmp_path, ['="8201",甲,交易成功,1,1,2025-11-24 12:00:00,深圳\r\n']))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    with qtbot.waitSignal(dialog.import_cancelled, timeout=10000):
        pass
    qtbot.waitUntil(lambda: dialog.job is None)
    assert "已取消" in dialog.status.text()
    assert list(workbench.store.conn.iterdump()) == before


def test_the_register_records_the_outcome(qtbot, workbench):
    window = workbench.window
    window.session.run(reminders.remind, workbench.store, UNPAID, window.session.agent,
                       window.session.clock(), channel="电话")
    trigger(window, "actionReminderRegister")
    register = window.orders_ui.register_window
    assert register.model.rowCount() == 1
    assert register.model.index(0, 7).data() == "等待买家付款"
    register.view.setCurrentIndex(register.model.index(0, 0))
    register.reason.setCurrentText("忘记支付密码")
    register.outcome.setCurrentText("已付款")
    qtbot.mouseClick(register.save_button, Qt.MouseButton.LeftButton)
    (entry,) = reminders.register(workbench.store)
    assert (entry.reason, entry.outcome) == ("忘记支付密码", "已付款")
    assert register.model.index(0, 6).data() == "已付款"


def test_only_a_supervisor_edits_the_flag_policy(qtbot, db_path, clock):
    agent_window = open_window(qtbot, db_path, clock)
    try:
        dialog = agent_window.window.orders_ui.show_policy()
        box = dialog.findChild(QDialogButtonBox)
        assert box.button(QDialogButtonBox.StandardButton.Save) is None
        assert not dialog.rows[1][0].isEnabled()
        dialog.reject()
    finally:
        agent_window.close()

    boss_window = open_window(qtbot, db_path, clock, agent_name="wang")
    try:
        dialog = boss_window.window.orders_ui.show_policy()
        meaning, forbidden, _reason, remark = dialog.rows[2]
        forbidden.setChecked(False)
        meaning.setText("售后跟进")
        remark.setChecked(False)
        dialog.dispatch.setTime(dialog.dispatch.time().addSecs(3600))
        box = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        team = policy.load(boss_window.store)
        assert team.rule(2).meaning == "售后跟进" and not team.rule(2).forbidden
        assert policy.dispatch_time(boss_window.store) == (17, 0)
    finally:
        boss_window.close()


def test_saving_the_flag_policy_updates_the_open_order_at_once(qtbot, db_path, clock):
    boss = open_window(qtbot, db_path, clock, agent_name="wang")
    try:
        sidebar = boss.window.orders
        order = orders.get(boss.store, UNPAID)
        sidebar.show_buyer(order.buyer_id, order.buyer_nick)
        assert sidebar.select_order(UNPAID)
        flag_two = sidebar.flag_box.findData(2)
        assert sidebar.flag_box.itemText(flag_two).endswith("（禁用）")
        dialog = boss.window.orders_ui.show_policy()
        meaning, forbidden, _reason, _remark = dialog.rows[2]
        forbidden.setChecked(False)
        meaning.setText("售后跟进")
        assert dialog.save()
        assert not sidebar.flag_box.itemText(flag_two).endswith("（禁用）")
        assert "售后跟进" in sidebar.flag_box.itemData(flag_two, Qt.ItemDataRole.ToolTipRole)
    finally:
        boss.close()


def test_table_models_behave(qtmodeltester, qtbot, workbench):
    window = workbench.window
    listing = window.orders_ui.show_orders()
    qtmodeltester.check(listing.model)
    window.session.run(reminders.remind, workbench.store, UNPAID, window.session.agent,
                       window.session.clock())
    qtmodeltester.check(window.orders_ui.show_register().model)


def test_a_buyer_without_conversation_is_called_and_registered(qtbot, workbench):
    window = workbench.window
    listing = window.orders_ui.show_unpaid()
    listing.list.setCurrentIndex(listing.model.index(0, 0))
    dialog = listing.remind_selected()
    assert dialog.channel.currentText() == "电话" and dialog.send_button.text() == "登记"
    # 旺旺 needs the buyer's conversation: refused, nothing registered.
    dialog.channel.setCurrentText("旺旺")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "请先打开买家 阿飞不飞 的会话" in window.statusBar().currentMessage()
    assert reminders.register(workbench.store) == []
    dialog.channel.setCurrentText("电话")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    (entry,) = reminders.register(workbench.store)
    assert (entry.order_id, entry.channel) == (UNPAID, "电话")
    assert listing.model.rowCount() == 0  # reminded: off the work list


def test_the_register_window_exports_what_it_shows(qtbot, workbench, tmp_path):
    window = workbench.window
    window.session.run(reminders.remind, workbench.store, UNPAID, window.session.agent,
                       window.session.clock(), channel="电话")
    trigger(window, "actionReminderRegister")
    register = window.orders_ui.register_window
    assert register.export(tmp_path / "催付.xlsx") == 1
    assert "已导出 1 条" in register.message.text()
    assert register.export(tmp_path / "gone" / "催付.csv") is None
    assert "不存在" in register.message.text()


@pytest.fixture
def english(qapp):
    from PySide6.QtCore import QTranslator

    from workbench.app import install_translation

    install_translation(qapp, "en")
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


def chinese_in(texts) -> list[str]:
    return [text for text in texts if re.search("[\u4e00-\u9fff]", text)]


def test_in_english_the_built_in_order_words_are_english(qtbot, db_path, clock, english):
    """The status filter, the reminder schedule and the register's lists follow the
    language; what is stored stays in Chinese."""
    opened = open_window(qtbot, db_path, clock, agent_name="wang")
    try:
        window = opened.window
        status = window.orders_ui.show_orders().status
        assert not chinese_in(status.itemText(n) for n in range(status.count()))
        assert status.itemData(status.findText("Awaiting buyer payment")) == \
            "WAIT_BUYER_PAY"

        dialog = window.orders_ui.show_policy()
        assert dialog.reminder_table.text().count("\n") == 4
        assert not chinese_in([dialog.reminder_table.text()])
        dialog.reject()

        window.session.run(reminders.remind, opened.store, UNPAID, window.session.agent,
                           window.session.clock(), channel="电话")
        trigger(window, "actionReminderRegister")
        register = window.orders_ui.register_window
        for box in (register.reason, register.outcome):
            assert not chinese_in(box.itemText(n) for n in range(box.count()))
        assert register.model.index(0, 4).data() == "Phone call"
        register.view.setCurrentIndex(register.model.index(0, 0))
        register.reason.setCurrentIndex(register.reason.findData("忘记支付密码"))
        register.outcome.setCurrentIndex(register.outcome.findData("已付款"))
        qtbot.mouseClick(register.save_button, Qt.MouseButton.LeftButton)
        (entry,) = reminders.register(opened.store)
        assert (entry.reason, entry.outcome) == ("忘记支付密码", "已付款")
        assert register.model.index(0, 5).data() == "Forgot payment password"
        assert register.model.index(0, 6).data() == "Paid"
        register.reason.setCurrentText("自己写的原因")
        qtbot.mouseClick(register.save_button, Qt.MouseButton.LeftButton)
        assert reminders.register(opened.store)[0].reason == "自己写的原因"
    finally:
        opened.close()
