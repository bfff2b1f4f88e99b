"""The 售后 area in the real window: a case from a message (Ctrl+Shift+S) and from an
order in the sidebar, carried to 已回访 by keys and clicks; approval by a supervisor;
filters, clocks, evidence, export, import, the policy and the dashboard's tab."""

import openpyxl
import pytest
from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from aftersale.support import ADDRESS, HOUR, SHIPPED, SIGNED
from aftersale.test_refunds import AGREE, report, row
from helpers import type_text
from workbench import aftersale, conversations, timefmt
from workbench.aftersale import CaseFilter, cases, policy
from workbench.app import open_workbench
from workbench.paths import RESOURCES
from workbench.ui.aftersale.figures_tab import AftersaleFiguresModel
from workbench.ui.aftersale.models import (
    OVERDUE_COLOUR,
    CaseRole,
    CaseTableModel,
    EvidenceModel,
    HistoryModel,
    OrderCasesModel,
)
from workbench.ui.chat import MessageRole
from workbench.ui.orders.sidebar import OrderRole

BUYER = "北方的狼2019"


def open_as(qtbot, db_path, clock, name=None):
    clock.now = timefmt.parse("2025-11-24 13:00")
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
    return next(a for a in window.area_menu("售后").actions() if a.objectName() == name)


def buyer_writes(window, uid, text, kind="text", buyer=BUYER):
    session = window.session
    session.channel.received.emit(conversations.Incoming(uid, buyer, text, session.clock(),
                                                         kind=kind))
    conversation = conversations.latest_for_buyer(session.store, buyer)
    window.conversation_list.select_conversation(conversation.id)
    return conversation


def select_message(window, text):
    view = window.chat.view
    model = view.model()
    row = next(r for r in range(model.rowCount())
               if model.index(r).data(MessageRole).text == text)
    view.setFocus()
    view.setCurrentIndex(model.index(row))


def do_step(qtbot, cases_window, step, *, note="", tracking="", amount=None, outcome=None):
    """执行步骤… opens the step dialog; choose, fill in, confirm."""
    qtbot.mouseClick(cases_window.step_button, Qt.MouseButton.LeftButton)
    dialog = cases_window.step_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.step.setCurrentIndex(dialog.step.findData(step))
    if note:
        dialog.note.setText(note)
    if tracking:
        type_text(dialog.tracking, tracking)
    if amount is not None:
        dialog.amount.setValue(amount)
    if outcome is not None:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(outcome))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error.text()
    cases_window.step_dialog = None
    return dialog


def shown_case(cases_window):
    return aftersale.get(cases_window.session.store, cases_window.shown.id)


def active(qtbot, widget):
    """Keys reach a window's shortcuts once it is the active window."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=5000)
    return widget


def test_the_menu_has_its_actions_and_keys(workbench):
    window = workbench.window
    assert menu_action(window, "actionCases").shortcut().toString() == "Ctrl+Shift+A"
    assert menu_action(window, "actionNewCase").shortcut().toString() == "Ctrl+Shift+S"
    for name in ("actionImportRefunds", "actionAftersalePolicy", "actionAftersaleHelp"):
        menu_action(window, name)
    context = [a.objectName() for a in window.chat.view.actions()]
    assert "actionMessageToCase" in context
    assert "actionOrderToCase" in [a.objectName() for a in window.orders.list.actions()]


def test_the_models_are_well_behaved(workbench, clock, qtmodeltester):
    store, agent = workbench.store, workbench.session.agent
    case_id = next(iter(cases.open_case(store, SHIPPED, "换货", agent, clock(),
                                        cause="质量问题").aftersale))
    table = CaseTableModel(workbench.session)
    table.load(CaseFilter())
    qtmodeltester.check(table)
    history = HistoryModel()
    history.set_rows(aftersale.history(store, case_id))
    qtmodeltester.check(history)
    qtmodeltester.check(EvidenceModel())
    order_cases = OrderCasesModel(workbench.session)
    order_cases.show_order(SHIPPED)
    qtmodeltester.check(order_cases)
    from workbench.aftersale import figures

    figures_model = AftersaleFiguresModel()
    figures_model.set_report(figures.report(store, agent, clock() - HOUR, clock() + HOUR,
                                            clock()))
    qtmodeltester.check(figures_model)
    assert figures_model.rows[0][:2] == ("售后开单数", "1")


def test_a_case_from_a_message_is_carried_to_the_visit(qtbot, workbench, clock):
    window, store = workbench.window, workbench.store
    policy.save(store, store_agent(store, "wang"), policy.Policy(return_address=ADDRESS),
                clock())
    buyer_writes(window, "m1", "收到的睡衣袖口开线了，能换一件吗？")
    select_message(window, "收到的睡衣袖口开线了，能换一件吗？")
    qtbot.keyClick(window, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.aftersale_ui.new_dialog
    assert dialog.isVisible() and dialog.order.currentData() == SHIPPED
    assert dialog.note.text() == "收到的睡衣袖口开线了，能换一件吗？"
    dialog.choose(cause="质量问题")
    assert [dialog.kind.itemData(i) for i in range(2)] == ["退货退款", "换货"]  # the course's
    assert dialog.kind.itemText(0) == "退货退款（建议）"
    dialog.choose(cause="质量问题", kind="换货")
    assert dialog.postage.text() == "卖家承担"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    case = aftersale.get(store, dialog.created_id)
    assert (case.kind, case.cause, case.order_id, case.note) == (
        "换货", "质量问题", SHIPPED, "收到的睡衣袖口开线了，能换一件吗？")
    assert case.message_id is not None and case.conversation_id is not None
    section = window.aftersale_ui.section
    assert section.model.rowCount() == 1
    assert section.model.index(0).data().startswith(f"{case.number} · 换货 · 待处理 · 剩 12小时")

    qtbot.keyClick(window, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    cases_window = active(qtbot, window.aftersale_ui.cases_window)
    assert cases_window.isVisible() and cases_window.current().id == case.id
    assert cases_window.clock.text().startswith("剩 12小时")
    qtbot.keyClick(cases_window.table, Qt.Key.Key_Return)  # Enter: the step dialog
    assert cases_window.step_dialog.isVisible()
    cases_window.step_dialog.reject()
    do_step(qtbot, cases_window, "受理")
    do_step(qtbot, cases_window, "发送退货地址")
    # The return address went to the buyer, with the case number.
    told = window.chat.view.model().rows[-1]
    assert told.sender == "agent" and ADDRESS in told.text and case.number in told.text
    clock.advance(HOUR)
    do_step(qtbot, cases_window, "买家已寄回", tracking="YT5566")
    do_step(qtbot, cases_window, "仓库收货", note="收到睡衣一件，吊牌在")
    do_step(qtbot, cases_window, "已发出", tracking="ZT8899")
    assert "ZT8899" in window.chat.view.model().rows[-1].text  # the buyer is told
    do_step(qtbot, cases_window, "买家确认")
    assert shown_case(cases_window).state == "已解决"
    do_step(qtbot, cases_window, "回访", note="买家收到新睡衣，很满意", outcome="满意")
    done = shown_case(cases_window)
    assert (done.state, done.due_at) == ("已回访", None)
    steps = [cases_window.history_model.index(r, 2).data()
             for r in range(cases_window.history_model.rowCount())]
    assert steps == ["新建", "受理", "发送退货地址", "买家已寄回", "仓库收货", "已发出", "买家确认",
                     "回访"]
    assert cases_window.clock.text() == "无待办事项"


def store_agent(store, name):
    from workbench import accounts

    return accounts.by_name(store, name)


def test_a_case_from_the_sidebar_is_refunded_then_visited(qtbot, workbench, clock,
                                                           tmp_path):
    window = workbench.window
    buyer_writes(window, "m1", "这条裤子不想要了", buyer="Coco在路上")
    sidebar = window.orders
    assert sidebar.select_order(SIGNED)
    section = window.aftersale_ui.section
    qtbot.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
    dialog = window.aftersale_ui.new_dialog
    assert dialog.order.currentData() == SIGNED
    dialog.choose(cause="七天无理由", kind="仅退款")
    dialog.has_amount.setChecked(True)
    dialog.amount.setValue(319.0)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    case_id = dialog.created_id
    assert section.model.rowCount() == 1 and section.list.currentIndex().data(
        CaseRole).id == case_id
    section.list.doubleClicked.emit(section.list.currentIndex())
    cases_window = window.aftersale_ui.cases_window
    assert cases_window.current().id == case_id
    do_step(qtbot, cases_window, "退款", amount=319.0)
    assert shown_case(cases_window).refunded == 319.0
    assert section.model.index(0).data().endswith("已解决")
    clock.advance(30 * HOUR)
    qtbot.mouseClick(cases_window.step_button, Qt.MouseButton.LeftButton)
    dialog = cases_window.step_dialog
    dialog.step.setCurrentIndex(dialog.step.findData("回访"))
    assert not dialog.outcome.isHidden() and not dialog.called_at.isHidden()
    assert dialog.called_at.dateTime().toSecsSinceEpoch() == int(clock())  # now, editable
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "需要结果" in dialog.error.text()  # no outcome chosen
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("一般"))
    called = clock() - 3 * HOUR  # the call was made this morning, written up now
    dialog.called_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(called)))
    dialog.note.setText("裤子还行，希望快递再快些")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    visited = shown_case(cases_window)
    assert (visited.state, visited.visited_at, visited.visit_outcome, visited.visit_note) == (
        "已回访", called, "一般", "裤子还行，希望快递再快些")
    last = cases_window.history_model.rowCount() - 1
    assert cases_window.history_model.index(last, 4).data() == (
        f"一般 · 通话 {timefmt.minute(called)} · 裤子还行，希望快递再快些")
    assert (f"回访：{timefmt.minute(called)} 一般 裤子还行，希望快递再快些"
            in cases_window.details.toPlainText())
    path = cases_window.export_current(tmp_path / "visit.xlsx")
    summary = dict(openpyxl.load_workbook(path)["售后单"].iter_rows(min_row=2, values_only=True))
    assert summary["回访"] == f"{timefmt.second(called)} 一般 裤子还行，希望快递再快些"


def test_a_refusal_tells_the_buyer_the_failed_conditions(qtbot, workbench, clock):
    window, store = workbench.window, workbench.store
    text = "裤子不想要了，七天无理由退货"
    conversation = buyer_writes(window, "m1", text, buyer="Coco在路上")
    select_message(window, text)
    qtbot.keyClick(window, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.aftersale_ui.new_dialog
    dialog.choose(cause="七天无理由", kind="退货退款")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    case_id = dialog.created_id
    cases_window = window.aftersale_ui.show_cases(case_id)
    qtbot.mouseClick(cases_window.step_button, Qt.MouseButton.LeftButton)
    check = cases_window.step_dialog
    check.step.setCurrentIndex(check.step.findData("核对条件"))
    check.unused.setChecked(False)
    qtbot.mouseClick(check.ok, Qt.MouseButton.LeftButton)
    assert cases_window.history_model.index(1, 4).data() == "七天内：是；吊牌完好：是；未使用：否"

    qtbot.mouseClick(cases_window.step_button, Qt.MouseButton.LeftButton)
    dialog = cases_window.step_dialog
    dialog.step.setCurrentIndex(dialog.step.findData("拒绝"))
    reason = "商品有使用痕迹、影响二次销售，不符合七天无理由退换条件"
    assert dialog.note.text() == reason  # prefilled from the failed check
    assert not dialog.message.isHidden() and reason in dialog.message.toPlainText()
    dialog.note.setText(reason + "（裤脚有磨损）")  # editable: the message follows
    assert "（裤脚有磨损）" in dialog.message.toPlainText()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    refused = aftersale.get(store, case_id)
    assert refused.state == "已拒绝"
    assert aftersale.history(store, case_id)[-1].note == reason + "（裤脚有磨损）"
    told = window.chat.view.model().rows[-1]
    assert (told.sender, told.conversation_id) == ("agent", conversation.id)
    assert refused.number in told.text and reason + "（裤脚有磨损）" in told.text


def test_a_refused_step_keeps_the_dialog_open_with_the_reason(qtbot, workbench, clock):
    window = workbench.window
    case_id = next(iter(cases.open_case(workbench.store, SHIPPED, "退货退款",
                                        workbench.session.agent, clock()).aftersale))
    cases_window = window.aftersale_ui.show_cases(case_id)
    qtbot.keyClick(cases_window.table, Qt.Key.Key_Return)
    dialog = cases_window.step_dialog
    dialog.step.setCurrentIndex(dialog.step.findData("发送退货地址"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "还没有退货地址" in dialog.error.text()
    dialog.reject()
    # Only the steps the case allows are offered; an agent is not offered the approvals.
    offered = {dialog.step.itemData(i) for i in range(dialog.step.count())}
    assert "回访" not in offered and "批准" not in offered and "受理" in offered


def test_a_supervisor_approves_in_the_window(qtbot, db_path, clock):
    agent_side = open_as(qtbot, db_path, clock)
    store, agent = agent_side.store, agent_side.session.agent
    case_id = next(iter(cases.open_case(store, SIGNED, "退差价/补偿", agent, clock(),
                                        compensation="折扣").aftersale))
    cases.take_step(store, case_id, "申请审批", agent, clock(), amount=60.0, note="开线")
    agent_window = agent_side.window.aftersale_ui.show_cases(case_id)
    assert agent_window.approve_button.isHidden()  # an agent waits
    agent_side.close()

    boss_side = open_as(qtbot, db_path, clock, name="wang")
    try:
        # The supervisor's 待办 panel says an approval waits; 查看 shows it.
        notice = boss_side.window.aftersale_ui.approvals.notice
        qtbot.waitUntil(lambda: notice.isVisible(), timeout=5000)
        assert notice.label.text() == "售后待审批 1 张，等你批准或驳回"
        qtbot.mouseClick(notice.action, Qt.MouseButton.LeftButton)
        window = boss_side.window.aftersale_ui.cases_window
        assert window.isVisible() and window.approval.isChecked()
        assert window.scope.currentData() == "team"  # the agent holds the case
        assert window.model.rowCount() == 1 and window.current().id == case_id
        assert window.model.index(0, 1).data() == "等主管审批"
        assert not window.approve_button.isHidden()
        qtbot.mouseClick(window.approve_button, Qt.MouseButton.LeftButton)
        approved = aftersale.get(boss_side.store, case_id)
        assert (approved.approval_state, approved.step_name) == ("已批准", "处理中")
        assert window.model.rowCount() == 0  # off the approvals list
        assert aftersale.history(boss_side.store, case_id)[-1].agent_name == "王主管"
        assert notice.isHidden() and window.approval.text() == "待审批"
    finally:
        boss_side.close()


def test_ctrl_p_shows_every_case_awaiting_approval_and_late_ones_are_said(qtbot, db_path,
                                                                          clock):
    agent_side = open_as(qtbot, db_path, clock)
    store, agent = agent_side.store, agent_side.session.agent
    assert agent_side.window.aftersale_ui.approvals is None  # agents do not decide
    asked = []
    for order in (SIGNED, SHIPPED):
        case_id = next(iter(cases.open_case(store, order, "退差价/补偿", agent, clock(),
                                            compensation="折扣").aftersale))
        cases.take_step(store, case_id, "申请审批", agent, clock(), amount=30.0)
        asked.append(case_id)
    agent_side.close()

    boss_side = open_as(qtbot, db_path, clock, name="wang")
    try:
        ui = boss_side.window.aftersale_ui
        notice = ui.approvals.notice
        qtbot.waitUntil(lambda: notice.isVisible(), timeout=5000)
        assert notice.label.text() == "售后待审批 2 张，等你批准或驳回"
        window = active(qtbot, ui.show_cases())
        assert window.scope.currentData() == "mine" and window.model.rowCount() == 0
        assert window.approval.text() == "待审批（2）"
        window.state.setCurrentIndex(window.state.findData("已解决"))
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        # Whatever the scope and state were: the team's cases awaiting approval.
        assert window.approval.isChecked() and window.count.text() == "共 2 张"
        assert sorted(window.model.index(r, 0).data(CaseRole).id
                      for r in range(window.model.rowCount())) == sorted(asked)
        assert (window.scope.currentData(), window.state.currentData()) == ("team", "未结")
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        assert not window.approval.isChecked()  # back where it was
        assert (window.scope.currentData(), window.state.currentData()) == ("mine", "已解决")
        clock.advance(policy.DEFAULT_HOURS["等主管审批"] * HOUR + 60)
        ui.approvals.refresh()
        assert notice.label.text() == "售后待审批 2 张，等你批准或驳回（2 张已超时）"
        notice.dismiss()  # 知道了: the same count does not come back
        ui.approvals.refresh()
        assert notice.isHidden()
        boss_side.session.run(cases.take_step, boss_side.store, asked[0], "批准",
                              boss_side.session.agent, clock())
        assert notice.isVisible()  # the count changed
        assert notice.label.text() == "售后待审批 1 张，等你批准或驳回（1 张已超时）"
    finally:
        boss_side.close()


def test_filters_keys_and_the_clock(qtbot, workbench, clock):
    window, store, agent = workbench.window, workbench.store, workbench.session.agent
    from workbench import accounts

    other = accounts.by_name(store, "ajie")
    mine = next(iter(cases.open_case(store, SHIPPED, "换货", agent, clock(),
                                     cause="质量问题").aftersale))
    theirs = next(iter(cases.open_case(store, SIGNED, "仅退款", other, clock(),
                                       cause="七天无理由").aftersale))
    cases_window = active(qtbot, window.aftersale_ui.show_cases())
    ids = lambda: [cases_window.model.index(r, 0).data(CaseRole).id  # noqa: E731
                   for r in range(cases_window.model.rowCount())]
    assert ids() == [mine] and cases_window.count.text() == "共 1 张"
    qtbot.keyClick(cases_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert sorted(ids()) == sorted([mine, theirs])
    cases_window.cause.setCurrentIndex(cases_window.cause.findData("七天无理由"))
    assert ids() == [theirs]
    cases_window.cause.setCurrentIndex(0)
    cases_window.kind.setCurrentIndex(cases_window.kind.findData("换货"))
    assert ids() == [mine]
    cases_window.kind.setCurrentIndex(0)
    qtbot.keyClick(cases_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(cases_window.search, "Coco")
    assert ids() == [theirs]
    cases_window.search.clear()
    qtbot.keyClick(cases_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert ids() == []
    clock.advance(12 * HOUR + 60)
    cases_window.apply_filters()
    assert sorted(ids()) == sorted([mine, theirs])
    cases_window.tick()
    assert cases_window.model.index(0, 2).data().startswith("超时 1分")
    assert cases_window.model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole).name() == \
        OVERDUE_COLOUR
    assert cases_window.clock.text().startswith("超时")
    qtbot.keyClick(cases_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    cases_window.state.setCurrentIndex(cases_window.state.findData("已回访"))
    assert ids() == []
    # Down moves through the list; the details follow.
    cases_window.state.setCurrentIndex(cases_window.state.findData(None))
    cases_window.table.setFocus()
    first = cases_window.current().id
    qtbot.keyClick(cases_window.table, Qt.Key.Key_Down)
    assert cases_window.current().id != first
    assert cases_window.header.text().startswith(cases_window.current().number)


def colours_in(image, rect):
    return {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())}


def test_the_case_list_paints_clocks_selection_and_long_texts(qtbot, workbench, clock):
    store, agent = workbench.store, workbench.session.agent
    for order in (SHIPPED, SIGNED):
        cases.open_case(store, order, "退货退款", agent, clock(), cause="物流慢/破损/丢件")
    cases_window = workbench.window.aftersale_ui.show_cases()
    clock.advance(13 * HOUR)
    cases_window.tick()
    table, model = cases_window.table, cases_window.model
    table.setCurrentIndex(model.index(1, 0))
    table.setColumnWidth(5, 60)  # the cause no longer fits
    image = table.viewport().grab().toImage()
    overdue = colours_in(image, table.visualRect(model.index(0, CaseTableModel.CLOCK)))
    assert OVERDUE_COLOUR in overdue  # an overdue clock is red
    highlight = table.palette().highlight().color().name()
    assert highlight in colours_in(image, table.visualRect(model.index(1, 3)))
    assert highlight not in colours_in(image, table.visualRect(model.index(0, 3)))
    laid_out = table.itemDelegate()._laid_out
    assert any(key[0] == "物流慢/破损/丢件" and shown.text().endswith("…")
               for key, shown in laid_out.items())
    # A buyer's nick is drawn as it reads, never as markup.
    assert {shown.textFormat() for shown in laid_out.values()} == {Qt.TextFormat.PlainText}


def test_evidence_and_export_from_the_window(qtbot, workbench, clock, tmp_path):
    window, store = workbench.window, workbench.store
    buyer_writes(window, "p1", str(RESOURCES / "scenarios" / "flaw.png"), kind="image")
    case_id = next(iter(cases.open_case(store, SHIPPED, "换货", workbench.session.agent,
                                        clock(), cause="质量问题").aftersale))
    cases_window = window.aftersale_ui.show_cases(case_id)
    qtbot.mouseClick(cases_window.attach_button, Qt.MouseButton.LeftButton)
    assert cases_window.evidence_model.rowCount() == 1
    assert cases_window.message.text() == "已附加买家图片，共 1 张"
    qtbot.mouseClick(cases_window.attach_button, Qt.MouseButton.LeftButton)
    assert "没有新的买家图片" in cases_window.message.text()
    path = cases_window.export_current(tmp_path / "case.xlsx")
    assert path is not None and "图片证据" in openpyxl.load_workbook(path).sheetnames


def test_the_refund_report_imports_in_the_background(qtbot, workbench, clock, tmp_path):
    cases_window = workbench.window.aftersale_ui.show_cases()
    path = report(tmp_path, [row(SHIPPED, "R1", "199.00", AGREE)])
    assert cases_window.import_file(path) is not None
    qtbot.waitUntil(lambda: cases_window.import_job is None, timeout=10000)
    assert cases_window.message.text().startswith("导入完成：refunds.csv 共 1 行：新建售后单 1 张")
    assert cases_window.model.rowCount() == 1


def test_the_policy_is_the_supervisors(qtbot, db_path, clock):
    agent_side = open_as(qtbot, db_path, clock)
    dialog = agent_side.window.aftersale_ui.show_policy()
    assert not dialog.ok.isEnabled()
    dialog.reject()
    agent_side.close()
    boss_side = open_as(qtbot, db_path, clock, name="wang")
    try:
        dialog = boss_side.window.aftersale_ui.show_policy()
        dialog.address.setText(ADDRESS)
        dialog.limit.setValue(50)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        saved = policy.load(boss_side.store)
        assert (saved.return_address, saved.agent_limit) == (ADDRESS, 50.0)
    finally:
        boss_side.close()


def test_the_help_says_reviews_are_never_bought(workbench):
    dialog = workbench.window.aftersale_ui.show_help()
    text = dialog.findChildren(type(workbench.window.aftersale_ui.section.title))[0].text()
    assert "平台禁止诱导好评" in text and "Ctrl+Shift+S" in text
    dialog.findChild(QDialogButtonBox).rejected.emit()


def test_the_dashboard_has_an_after_sale_tab(qtbot, db_path, clock):
    boss_side = open_as(qtbot, db_path, clock, name="wang")
    try:
        store = boss_side.store
        cases.open_case(store, SHIPPED, "换货", boss_side.session.agent,
                        boss_side.session.clock())
        supervision = boss_side.window.supervision
        supervision.open_dashboard()
        dashboard = supervision.dashboard
        tab = dashboard.aftersale
        assert dashboard.quality.tabText(dashboard.quality.indexOf(tab)) == "售后"
        day = QDate(2025, 11, 24)  # the injected clock's day
        dashboard.since.setDate(day)
        dashboard.until.setDate(day)
        dashboard.refresh()
        qtbot.waitUntil(lambda: tab.report is not None, timeout=10000)
        assert tab.model.rows[0][:2] == ("售后开单数", "1")
    finally:
        boss_side.close()


def test_an_order_never_paid_offers_no_new_case(qtbot, workbench):
    window = workbench.window
    buyer_writes(window, "m1", "我还没付款", buyer="阿飞不飞")
    section = window.aftersale_ui.section
    assert window.orders.list.currentIndex().data(OrderRole).unpaid
    assert not section.new_button.isEnabled()


def test_the_remedy_is_changed_in_the_window_while_handled(qtbot, workbench, clock):
    store = workbench.store
    case_id = next(iter(cases.open_case(store, SHIPPED, "换货", workbench.session.agent,
                                        clock(), cause="质量问题").aftersale))
    cases_window = workbench.window.aftersale_ui.show_cases(case_id)
    qtbot.mouseClick(cases_window.revise_button, Qt.MouseButton.LeftButton)
    dialog = cases_window.revise_dialog
    assert (dialog.cause.currentData(), dialog.kind.currentData()) == ("质量问题", "换货")
    dialog.choose(cause="七天无理由", kind="退货退款")
    assert dialog.postage.text() == "买家承担"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    revised = aftersale.get(store, case_id)
    assert (revised.kind, revised.cause, revised.postage_payer) == (
        "退货退款", "七天无理由", "买家")
    assert cases_window.history_model.index(1, 2).data() == "修改"
    policy.save(store, store_agent(store, "wang"), policy.Policy(return_address=ADDRESS),
                clock())
    workbench.session.run(cases.take_step, store, case_id, "发送退货地址",
                          workbench.session.agent, clock())
    assert not cases_window.revise_button.isEnabled()  # waiting for the buyer's return
