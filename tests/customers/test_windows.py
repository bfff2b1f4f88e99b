"""The customers area in the window: the buyer card in the chat header, the buyer's file
from the chat, the order list and the 客户 window, keyboard filtering, the 关怀 list."""

import pytest
from orders.order_files import CLASSIC_HEADER, classic_row, write_gbk
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QApplication

from helpers import click_row, row_where, type_text
from workbench import accounts, conversations, customers, timefmt
from workbench.app import open_workbench
from workbench.channels.simulator import Simulator
from workbench.conversations import Incoming
from workbench.customers import care
from workbench.ui.conversation_list import ConversationRole
from workbench.ui.customers.card import INK_SLACK
from workbench.ui.customers.care_window import CareTableModel
from workbench.ui.customers.figures import MemberFiguresModel
from workbench.ui.customers.file_window import LinesModel
from workbench.ui.customers.list_window import CustomerRole, CustomerTableModel
from workbench.ui.store_work import wait_for_tasks


class RecordingChannel(Simulator):
    """The simulator, keeping what was sent; ``fail_next`` drops the next message."""

    def __init__(self, clock):
        super().__init__([], speed=0, clock=clock)
        self.sent = []
        self.fail_next = False

    def send(self, message):
        self.sent.append(message)
        if self.fail_next:
            self.fail_next = False
            self.failed.emit(message.uid, "connection lost")
            return message.uid
        return super().send(message)


def open_window(qtbot, db_path, clock, agent_name=None):
    channel = RecordingChannel(clock)
    workbench = open_workbench(db_path, speed=0, clock=clock, channel=channel,
                               agent_name=agent_name)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    workbench.window.activateWindow()   # shortcuts reach only the active window
    qtbot.waitUntil(workbench.window.isActiveWindow)
    return workbench


@pytest.fixture
def workbench(qtbot, db_path, clock):
    opened = open_window(qtbot, db_path, clock)
    yield opened
    wait_for_tasks()
    opened.close()


def buyer_says(workbench, buyer, text, clock):
    workbench.session.channel.received.emit(Incoming(uid=f"{buyer}-{clock()}", buyer=buyer,
                                                     text=text, at=clock()))


def open_conversation(qtbot, window, buyer):
    view = window.conversation_list
    click_row(qtbot, view, row_where(view, ConversationRole, lambda c: c.buyer_nick == buyer))


def trigger(window, name: str):
    next(a for a in window.findChildren(QAction) if a.objectName() == name).trigger()


def badges(window) -> list[str]:
    return [label.text() for label in window.chat.buyer.card.badge_labels()]


def test_the_chat_header_card_shows_tier_classes_risk_value_and_last_order(qtbot, workbench,
                                                                          clock):
    window = workbench.window
    buyer_says(workbench, "精打细算的阿宝", "能便宜点吗", clock)
    open_conversation(qtbot, window, "精打细算的阿宝")
    card = window.chat.buyer.card
    assert badges(window) == ["普通", "询单未购", "打标客户"]
    assert card.risk.isVisible() and card.risk.text().startswith("⚠ 风险买家：曾以差评相要挟")
    assert card.figures.text().startswith("累计 ¥0.00 · 0 单  最近下单 ")
    assert card.figures.text().endswith("交易关闭")
    assert window.chat.buyer.name.text() == "精打细算的阿宝（普通）"
    buyer_says(workbench, "北方的狼2019", "到哪了", clock)
    open_conversation(qtbot, window, "北方的狼2019")
    assert badges(window) == ["高级", "待办 1"]
    assert not card.risk.isVisible()
    assert card.figures.text().startswith("累计 ¥199.00 · 1 单")


def fits(line) -> bool:
    """The risk line's text, measured in the bold font it is painted in, fits inside it."""
    metrics = QFontMetrics(line.font())
    return metrics.horizontalAdvance(line.text()) + INK_SLACK <= line.contentsRect().width()


@pytest.mark.parametrize("size", [(1600, 1000), (1366, 768)])
def test_the_risk_line_is_never_clipped(qtbot, workbench, clock, size):
    window = workbench.window
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    buyer_says(workbench, "精打细算的阿宝", "能便宜点吗", clock)
    open_conversation(qtbot, window, "精打细算的阿宝")
    QApplication.processEvents()    # the card's layout gives the line its width
    line = window.chat.buyer.card.risk
    assert line.font().bold()
    assert line.text() == "⚠ 风险买家：曾以差评相要挟索要额外优惠，议价时请按规定价格答复"
    assert fits(line)
    # A reason as long as allowed is cut short with “…”, whole in the tooltip, and never
    # widens the card (nor so the chat).
    card = window.chat.buyer.card
    card_minimum = card.minimumSizeHint().width()
    reason = ("下单后以差评相要挟，" * 10)[:customers.RISK_REASON_LIMIT]
    wang = accounts.by_name(workbench.store, "wang")
    workbench.session.run(customers.set_risk, workbench.store,
                          window.session.current.buyer_id, wang, reason, clock())
    QApplication.processEvents()
    assert line.text().startswith("⚠ 风险买家：下单后") and line.text().endswith("…")
    assert fits(line) and reason in line.toolTip()
    assert card.minimumSizeHint().width() == card_minimum
    # The chat as narrow as the splitter lets it be: the line follows, whole characters.
    sizes = window.main_splitter.sizes()
    narrowest = window.chat.minimumSizeHint().width()
    window.main_splitter.setSizes([sizes[0], narrowest, sizes[2] + sizes[1] - narrowest,
                                   sizes[3]])
    QApplication.processEvents()
    assert window.chat.width() == narrowest and fits(line)
    assert line.geometry().right() <= card.contentsRect().right()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    assert window.customers_ui.files[window.session.current.buyer_id].isVisible()


def test_tags_typed_in_the_header_go_into_the_file_and_its_classes(qtbot, workbench, clock):
    window = workbench.window
    buyer_says(workbench, "晴天小鹿", "在吗", clock)
    open_conversation(qtbot, window, "晴天小鹿")
    window.chat.buyer.tags.clear()
    type_text(window.chat.buyer.tags, "学生，爱砍价")
    qtbot.keyClick(window.chat.buyer.tags, Qt.Key.Key_Return)
    assert window.session.current.tags == ["学生", "爱砍价"]
    assert "打标客户" in badges(window)
    history = customers.open_file(workbench.store, window.session.current.buyer_id).history
    assert history[0].describe() == "标签：（空） → 学生，爱砍价"


def test_the_buyers_file_opens_from_the_chat_card_and_with_ctrl_i(qtbot, workbench, clock):
    window = workbench.window
    buyer_says(workbench, "Coco在路上", "在吗", clock)
    open_conversation(qtbot, window, "Coco在路上")
    qtbot.mouseClick(window.chat.buyer.card.file_button, Qt.MouseButton.LeftButton)
    buyer_id = window.session.current.buyer_id
    file_window = window.customers_ui.files[buyer_id]
    assert file_window.isVisible()
    assert file_window.title.text() == "Coco在路上（VIP）  打标客户"
    assert file_window.windowTitle() == "客户档案 — Coco在路上"
    assert file_window.phone.placeholderText() == "133****7777"    # 小满 is an agent
    assert file_window.phone.text() == ""
    file_window.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.customers_ui.files[buyer_id].isVisible()


def test_the_buyers_file_opens_from_the_order_list(qtbot, workbench):
    window = workbench.window
    trigger(window, "actionOrderList")
    listing = window.orders_ui.list_window
    type_text(listing.buyer, "北方的狼")
    listing.list.setCurrentIndex(listing.list.model().index(0, 0))
    qtbot.mouseClick(listing.findChild(type(listing.export_cancel), "ordersBuyerFile"),
                     Qt.MouseButton.LeftButton)
    buyer_id = customers.by_nick(workbench.store, "北方的狼2019").buyer_id
    assert window.customers_ui.files[buyer_id].isVisible()


def test_the_customer_window_filters_by_keyboard_and_opens_a_file(qtbot, workbench):
    window = workbench.window
    trigger(window, "actionCustomerList")
    listing = window.customers_ui.list_window
    qtbot.waitUntil(listing.search.hasFocus)
    assert listing.count.text() == "共 8 位"
    type_text(listing.search, "小")            # one character: nicks starting with it
    assert [c.nick for c in listing.model.rows] == ["小橙子妈妈"]
    listing.search.clear()
    listing.tier.setFocus()
    qtbot.keyClick(listing.tier, Qt.Key.Key_Down)      # 等级：普通
    assert {c.tier for c in listing.model.rows} == {"普通"} and len(listing.model.rows) == 3
    qtbot.keyClick(listing.tier, Qt.Key.Key_Down)      # 等级：高级
    assert {c.tier for c in listing.model.rows} == {"高级"}
    assert listing.count.text() == "共 4 位"
    qtbot.keyClick(listing.tier, Qt.Key.Key_Home)
    listing.mark.setFocus()
    while listing.mark.currentData() != customers.RISK:
        qtbot.keyClick(listing.mark, Qt.Key.Key_Down)
    assert [c.nick for c in listing.model.rows] == ["精打细算的阿宝"]
    qtbot.keyClick(listing.search, Qt.Key.Key_Down)    # from the search field into the list
    assert listing.table.hasFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    buyer_id = customers.by_nick(workbench.store, "精打细算的阿宝").buyer_id
    assert window.customers_ui.files[buyer_id].isVisible()


def test_the_customer_list_pages_through_many_buyers(qtbot, workbench, clock):
    store = workbench.store
    with store.transaction():
        for number in range(250):
            conversations.ensure_buyer(store, f"买家{number:03d}", "普通", clock())
    listing = workbench.window.customers_ui.open_list()
    # Buyers known only by name get their files computed when the window opens.
    qtbot.waitUntil(lambda: listing.count.text() == "共 258 位")
    assert len(listing.model.rows) == 100 and listing.model.canFetchMore()
    listing.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(listing.model.rows) == 200)


def test_editing_the_file_saves_each_change_with_history(qtbot, workbench):
    window = workbench.window
    buyer_id = customers.by_nick(workbench.store, "晴天小鹿").buyer_id
    file_window = window.customers_ui.open_file(buyer_id)
    assert file_window.name.placeholderText() == "陆晴"
    type_text(file_window.name, "陆晴晴")
    file_window.gender.setCurrentIndex(file_window.gender.findData("女"))
    type_text(file_window.phone, "13812345678")
    file_window.no_contact.setChecked(True)
    qtbot.mouseClick(file_window.findChild(type(file_window.chat_button), "customerSave"),
                     Qt.MouseButton.LeftButton)
    found = customers.get(workbench.store, buyer_id)
    assert (found.name, found.gender, found.phone, found.do_not_contact) == (
        "陆晴晴", "女", "13812345678", 1)
    history = [file_window.history_model.rows[n][0] for n in range(4)]
    assert any("电话：（空） → 138****5678" in line for line in history)   # masked for 小满
    type_text(file_window.note, "说周末再来买")
    qtbot.keyClick(file_window.note, Qt.Key.Key_Return)
    assert file_window.notes_model.rows[0][0].startswith("说周末再来买\n—小满 ")
    type_text(file_window.phone, "138****5678")
    qtbot.mouseClick(file_window.findChild(type(file_window.chat_button), "customerSave"),
                     Qt.MouseButton.LeftButton)
    assert "完整的号码" in file_window.message.text()


def test_a_supervisor_marks_a_risk_buyer_from_the_file(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock, agent_name="wang")
    try:
        buyer_id = customers.by_nick(workbench.store, "阿飞不飞").buyer_id
        file_window = workbench.window.customers_ui.open_file(buyer_id)
        assert file_window.phone.placeholderText() == "13400006666"   # whole for a supervisor
        qtbot.mouseClick(file_window.risk_button, Qt.MouseButton.LeftButton)
        assert "原因" in file_window.message.text()
        type_text(file_window.risk_reason, "拍下不付款反复多次")
        qtbot.mouseClick(file_window.risk_button, Qt.MouseButton.LeftButton)
        assert file_window.risk.isVisible() and "拍下不付款反复多次" in file_window.risk.text()
        assert file_window.risk_button.text() == "解除风险标记"
    finally:
        wait_for_tasks()
        workbench.close()


def test_a_due_care_item_is_sent_with_one_key(qtbot, workbench, clock):
    window = workbench.window
    buyer_says(workbench, "木子李家的猫", "什么时候发货", clock)
    trigger(window, "actionCareList")
    care_window = window.customers_ui.care_window
    qtbot.waitUntil(care_window.table.hasFocus)
    model = care_window.model
    row = next(n for n, item in enumerate(model.rows) if item.nick == "木子李家的猫")
    care_window.table.setCurrentIndex(model.index(row, 0))
    item = model.rows[row]
    assert item.stage == "paid" and item.reachable
    assert care_window.text.toPlainText() == item.text and care_window.send_button.isEnabled()
    qtbot.keyClick(care_window.table, Qt.Key.Key_Return)
    sent = window.session.channel.sent[-1]
    assert sent.text == item.text and sent.buyer == "木子李家的猫"
    assert item.subject not in {i.subject for i in model.rows}
    conversation = conversations.latest_for_buyer(workbench.store, "木子李家的猫")
    assert conversation.last_preview.startswith("木子李家的猫您好，订单")


def test_a_failed_care_message_comes_back_to_the_list(qtbot, workbench, clock):
    window = workbench.window
    buyer_says(workbench, "小橙子妈妈", "在吗", clock)
    care_window = window.customers_ui.open_care()
    model = care_window.model
    row = next(n for n, item in enumerate(model.rows) if item.nick == "小橙子妈妈")
    care_window.table.setCurrentIndex(model.index(row, 0))
    care_window.text.setPlainText("小橙子妈妈您好，付款收到啦，今天就给您发货~")
    window.session.channel.fail_next = True
    assert care_window.send_selected()
    (failed,) = [item for item in model.rows if item.nick == "小橙子妈妈"]
    assert failed.failed
    status = model.index(model.row_of(failed.subject), 6).data()
    assert status == "发送失败"


def test_care_for_unreachable_buyers_is_exported_not_sent(qtbot, workbench, tmp_path):
    care_window = workbench.window.customers_ui.open_care()
    unreachable = [item for item in care_window.model.rows if not item.reachable]
    care_window.table.setCurrentIndex(care_window.model.index(
        care_window.model.rows.index(unreachable[0]), 0))
    assert not care_window.send_button.isEnabled()
    assert "没有会话" in care_window.message.text()
    assert care_window.export_to(tmp_path / "calls.xlsx") == len(unreachable)
    assert care_window.model.rows == []


def test_an_order_import_recomputes_the_card_off_the_gui_thread(qtbot, workbench, clock,
                                                                 tmp_path):
    window = workbench.window
    buyer_says(workbench, "晴天小鹿", "再买一件", clock)
    open_conversation(qtbot, window, "晴天小鹿")
    assert badges(window)[0] == "普通"
    day = timefmt.local(clock()).strftime("%Y-%m-%d")
    report = write_gbk(tmp_path / "orders.csv", CLASSIC_HEADER, [classic_row(
        "9001", "晴天小鹿", total="99.00", paid="99.00", created=f"{day} 08:00:00",
        paid_at=f"{day} 08:05:00")])
    trigger(window, "actionImportOrders")
    dialog = window.orders_ui.import_dialog
    with qtbot.waitSignal(dialog.import_finished, timeout=10000):
        dialog.start(report)
    assert badges(window)[0] == "高级"     # 129 + 99 with the demo shop's rules
    assert window.chat.buyer.name.text() == "晴天小鹿（高级）"


def test_a_supervisor_changes_the_tiers_and_everyone_is_recomputed(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock, agent_name="wang")
    try:
        dialog = workbench.window.customers_ui.open_tiers()
        assert dialog.save_button.isEnabled()
        dialog.table.item(1, 1).setText("100")     # 高级 from ¥100: 晴天小鹿 qualifies
        with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
            dialog.save()
        assert saved.args[0].tier_changes == 1
        assert customers.by_nick(workbench.store, "晴天小鹿").tier == "高级"
        dialog.table.item(2, 1).setText("五百")
        dialog.save()
        assert "应为数字" in dialog.message.text()
    finally:
        wait_for_tasks()
        workbench.close()


def test_agents_read_the_tiers_and_care_settings_but_cannot_change_them(workbench):
    ui = workbench.window.customers_ui
    assert not ui.open_tiers().save_button.isEnabled()
    settings = ui.open_care_settings()
    assert settings.template.isReadOnly()
    assert settings.table.item(0, 0).text() == "未付款提醒"


def test_a_supervisor_switches_a_care_stage_off(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock, agent_name="wang")
    try:
        dialog = workbench.window.customers_ui.open_care_settings()
        dialog.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)    # 付款关怀
        dialog.table.setCurrentCell(2, 0)
        dialog.template.setPlainText("{买家}您好，宝贝已经发出：{快递} {物流单号}")
        assert dialog.save()
        stages = care.load_settings(workbench.store)
        assert not stages["paid"].enabled
        assert stages["shipped"].template == "{买家}您好，宝贝已经发出：{快递} {物流单号}"
        care_window = workbench.window.customers_ui.open_care()
        assert "paid" not in {item.stage for item in care_window.model.rows}
    finally:
        wait_for_tasks()
        workbench.close()


def test_the_dashboard_has_the_member_figures(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock, agent_name="wang")
    try:
        dashboard = workbench.window.supervision.open_dashboard()
        members = dashboard.members
        qtbot.waitUntil(lambda: members.figures is not None, timeout=10000)
        assert members.figures.members == 6
        labels = [members.model.rows[n][0] for n in range(len(members.model.rows))]
        assert "会员消费占比" in labels and "会员流失率" in labels
    finally:
        wait_for_tasks()
        workbench.close()


def test_the_models_behave(qtmodeltester, workbench, qtbot):
    ui = workbench.window.customers_ui
    qtmodeltester.check(ui.open_list().model)
    qtmodeltester.check(ui.open_care().model)
    file_window = ui.open_file(customers.by_nick(workbench.store, "Coco在路上").buyer_id)
    qtmodeltester.check(file_window.history_model)
    figures = MemberFiguresModel()
    figures.set_figures(None)
    qtmodeltester.check(figures)
    for model in (CustomerTableModel(workbench.session), CareTableModel(lambda: 0.0),
                  LinesModel()):
        qtmodeltester.check(model)
    listing = ui.list_window
    assert listing.table.model().index(0, 0).data(CustomerRole) is not None


def test_every_name_the_domain_gives_is_translatable():
    from workbench.customers import tiers
    from workbench.ui.customers.words import WORDS

    names = {name for _, _, name in customers.MARKS}
    names |= {stage.name for stage in care.STAGES} | {stage.when for stage in care.STAGES}
    names |= set(tiers.MODES.values()) | {care.CHAT, care.CALL}
    names |= set(care.OUTCOME_NAMES.values()) | set(customers.HISTORY_KINDS.values())
    names |= {gender for gender in customers.GENDERS if gender}
    assert names <= set(WORDS)
