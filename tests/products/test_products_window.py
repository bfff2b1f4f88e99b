"""The 商品 tab, the order sidebar's products, the 商品 window and the import, through the
real window."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from helpers import row_where, type_text
from products.catalog_files import PRODUCT_HEADER, SIZE_HEADER, write_csv
from workbench import conversations, products, timefmt
from workbench.app import open_workbench
from workbench.channels import scenarios
from workbench.conversations import cards
from workbench.products import promotions, sizes
from workbench.ui.chat_view import LinkDialog, MessageRole
from workbench.ui.conversation_list import ConversationRole
from workbench.ui.products.editor import ItemRole
from workbench.ui.products.tab import ProductRole

SIZE = scenarios.SCENARIO_DIR / "size.json"          # 晴天小鹿: 身高162，体重52公斤
COURIER = scenarios.SCENARIO_DIR / "courier.json"    # 北方的狼2019
HOUR = 3600.0


def buyer_messages(store) -> list:
    return [m for c in conversations.all_conversations(store)
            for m in conversations.history(store, c.id) if m.sender == "buyer"]


def open_with_buyer(qtbot, db_path, clock, scenario=SIZE, agent_name=None):
    workbench = open_workbench(db_path, speed=0, clock=clock,
                               scenarios=[scenarios.load(scenario)], agent_name=agent_name)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    window = workbench.window
    qtbot.waitUntil(lambda: len(buyer_messages(workbench.store)) == 2)   # both openings
    view = window.conversation_list
    index = view.model().index(row_where(view, ConversationRole, lambda c: True), 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    return workbench


@pytest.fixture
def workbench(qtbot, db_path, clock):
    opened = open_with_buyer(qtbot, db_path, clock)
    yield opened
    opened.close()


def last_message(workbench):
    window = workbench.window
    return conversations.history(workbench.store, window.session.current.id)[-1]


def show_tab(window):
    window.phrase_tabs.setCurrentWidget(window.products_ui.tab)
    return window.products_ui.tab


def test_the_tab_sits_beside_the_quick_phrases_and_ctrl_p_searches(qtbot, workbench):
    window = workbench.window
    tabs = window.phrase_tabs
    assert tabs.tabText(0) == "快捷短语" and tabs.tabText(1).startswith("商品")
    assert tabs.currentWidget() is window.phrases
    qtbot.keyClick(window.chat.composer, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is window.products_ui.tab
    assert window.products_ui.tab.search.hasFocus()


def test_search_then_enter_sends_a_product_card(qtbot, workbench):
    tab = show_tab(workbench.window)
    type_text(tab.search, "珊瑚绒")
    assert [p.code for p in tab.model.rows] == ["SP-77", "TX-38"]
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert tab.selected().code == "TX-38"
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    sent = last_message(workbench)
    slippers = products.by_code(workbench.store, "TX-38")
    assert (sent.sender, sent.kind, sent.text) == ("agent", "card", cards.text(slippers.card()))
    # The card is now what the conversation is about.
    assert tab.context_title.text() == "珊瑚绒拖鞋"
    assert "规格：颜色：灰/粉；尺码：36-37/38-39/40-41/42-43" in tab.context_knowledge.text()
    tab.search.clear()
    qtbot.keyClicks(tab.search, "wy")          # a code, typed as Latin letters
    assert tab.model.rows[0].code == "WY-2301"
    tab.search.clear()
    qtbot.keyClicks(tab.search, "shr")        # pinyin initials of 珊瑚绒
    assert [p.code for p in tab.model.rows] == ["SP-77", "TX-38"]


def test_the_card_is_painted_as_a_card_and_opens_its_link(qtbot, workbench):
    window = workbench.window
    tab = show_tab(window)
    tab.send_card(products.by_code(workbench.store, "SP-77"))
    view = window.chat.view
    row = view.model().rowCount() - 1
    index = view.model().index(row, 0)
    assert index.data(MessageRole).kind == "card"
    assert view.visualRect(index).height() >= 72
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center() + QPoint(100, 10))
    assert isinstance(view.opened_dialog, LinkDialog)
    assert view.opened_dialog.open_buttons[0].isEnabled()
    view.opened_dialog.close()
    item = window.conversation_list.list_model.rows[0]
    assert item.last_preview == "[商品] 珊瑚绒睡袍"


def test_the_buyers_height_and_weight_propose_a_size_sent_with_one_key(qtbot, workbench):
    window = workbench.window
    tab = window.products_ui.tab
    # No card yet: the product is the one in the order the sidebar shows (WY-2301-S).
    assert tab.context_title.text() == "纯棉连帽卫衣 宽松款"
    assert window.phrase_tabs.tabText(1) == "商品 · M码"   # seen from the phrases tab
    assert tab.size_title.text() == "建议尺码：M（也可 L）"
    assert "身高离L码的范围只差3厘米" in tab.size_reason.text()
    window.chat.composer.setFocus()
    qtbot.keyClick(window.chat.composer, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    reply = last_message(workbench)
    assert (reply.sender, reply.kind) == ("agent", "text")
    assert reply.text == ("亲，按您身高162厘米、体重52公斤，这款纯棉连帽卫衣 宽松款建议选M码；"
                          "您正好在两个尺码之间，页面尺寸是手工测量的，会有1-3厘米误差，"
                          "喜欢宽松些也可以选L码哦~")


def test_a_question_about_another_measure_keeps_the_proposed_size(qtbot, workbench, clock):
    window = workbench.window
    tab = window.products_ui.tab
    assert tab.size_title.text() == "建议尺码：M（也可 L）"   # 身高162，体重52公斤
    conversation = window.session.current
    window.session.publish(conversations.receive(workbench.store, conversations.Incoming(
        "length-1", conversation.buyer_nick, "这件衣长是65cm吗？", clock())))
    assert conversations.history(workbench.store, conversation.id)[-1].text == "这件衣长是65cm吗？"
    assert (tab.body.height_cm, tab.body.weight_kg) == (162, 52)
    assert tab.size_title.text() == "建议尺码：M（也可 L）"
    assert window.phrase_tabs.tabText(1) == "商品 · M码"
    assert tab.size_button.isEnabled()
    window.chat.composer.setFocus()
    qtbot.keyClick(window.chat.composer, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    reply = last_message(workbench)
    assert reply.sender == "agent" and reply.text.startswith(
        "亲，按您身高162厘米、体重52公斤，这款纯棉连帽卫衣 宽松款建议选M码")


def test_the_team_template_without_a_neighbour_and_a_chart_that_does_not_cover(
        qtbot, workbench, clock):
    window = workbench.window
    store = workbench.store
    tab = show_tab(window)
    conversation = window.session.current
    window.session.publish(conversations.receive(store, conversations.Incoming(
        "late-1", conversation.buyer_nick, "我老公一米九五，一百八十斤", clock())))
    assert tab.size_title.text() == "无法推荐尺码"
    assert tab.size_reason.text().startswith("身高195厘米不在尺码表的150-180厘米之内")
    assert not tab.size_button.isEnabled() and not tab.send_size_reply()
    assert window.phrase_tabs.tabText(1) == "商品"
    window.session.publish(conversations.receive(store, conversations.Incoming(
        "late-2", conversation.buyer_nick, "那我自己161.5cm，50kg", clock())))
    assert tab.advice.size == "M" and tab.advice.also is None
    assert tab.size_reply() == ("亲，按您身高161.5厘米、体重50公斤，"
                                "这款纯棉连帽卫衣 宽松款建议选M码哦~")


def test_matching_products_are_offered_as_cards(qtbot, workbench):
    window = workbench.window
    tab = show_tab(window)
    assert [p.code for p in tab.related_model.rows] == ["JJF-118", "WZ-5"]
    view = tab.related_view
    view.setCurrentIndex(tab.related_model.index(1))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    sent = last_message(workbench)
    assert sent.kind == "card" and cards.parse(sent.text).title == "羊毛混纺家居袜 5 双装"


def test_the_sidebar_shows_the_orders_courier_and_what_goes_with_its_items(qtbot, workbench):
    window = workbench.window
    box = window.products_ui.order_products
    assert box.courier.text().splitlines() == [
        "快递：中通快递 · 客服热线 95311",
        "寄往江苏、浙江、上海：时效约1-2天，运费¥5",
        "查件：https://track.example.com/zto?no=78312345678901",
        "下午4点前付款当天发出"]
    assert [p.code for p in box.related_model.rows] == ["JJF-118", "WZ-5"]
    index = box.related_model.index(0)
    box.related.scrollTo(index)
    qtbot.mouseClick(box.related.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.related.visualRect(index).center())
    qtbot.mouseDClick(box.related.viewport(), Qt.MouseButton.LeftButton,
                      pos=box.related.visualRect(index).center())
    assert cards.parse(last_message(workbench).text).title == "莫代尔家居服套装"


def test_the_courier_block_grows_for_its_wrapped_link_in_a_narrow_window(qtbot, workbench):
    window = workbench.window
    window.resize(1100, 800)   # narrow enough for the tracking link to wrap
    assert window.session.current.buyer_nick == "晴天小鹿"
    courier = window.products_ui.order_products.courier
    qtbot.waitUntil(lambda: courier.height() >= courier.heightForWidth(courier.width()))
    # The wrapped link needs more than the label's own size hint, which is all the
    # sidebar's layout would give it.
    assert courier.height() > courier.sizeHint().height()
    assert courier.visibleRegion().boundingRect().height() == courier.height()


def test_courier_variables_fill_a_phrase_for_the_buyer(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock, COURIER)
    try:
        window = workbench.window
        values = window.phrases.values()
        assert (values["快递"], values["时效"]) == ("中通快递", "3-5天")   # to 黑龙江
    finally:
        workbench.close()


def test_running_promotions_show_in_the_tab_until_they_end(qtbot, workbench, clock):
    window = workbench.window
    tab = show_tab(window)
    assert tab.promotions.text().startswith("【暖冬季满减】至 ")
    assert "全店满199减20" in tab.promotions.text()
    running = promotions.running(workbench.store, clock())[0]
    clock.now = running.ends_at
    tab.show_promotions()          # the tab's clock does this every half minute
    assert tab.promotions.isHidden()


def open_editor(qtbot, db_path, clock, agent_name):
    workbench = open_with_buyer(qtbot, db_path, clock, agent_name=agent_name)
    editor = workbench.window.products_ui.show_editor()
    qtbot.addWidget(editor)
    return workbench, editor


def test_a_trainer_edits_a_product_and_its_chart_in_the_products_window(qtbot, db_path,
                                                                      clock, tmp_path):
    workbench, editor = open_editor(qtbot, db_path, clock, "lin")
    try:
        store = workbench.store
        assert editor.select_product("WY-2301")
        assert editor.fields["related"].text() == "JJF-118、WZ-5"
        editor.fields["price"].setText("119")
        editor.fields["selling_points"].setPlainText("帽绳可调；加大口袋")
        picture = tmp_path / "hoodie.png"
        image = QImage(120, 120, QImage.Format.Format_RGB32)
        image.fill(QColor("#d7ccc8"))
        assert image.save(str(picture))
        editor.fields["image"].setText(str(picture))
        assert editor.save_product()
        hoodie = products.by_code(store, "WY-2301")
        assert (hoodie.price, hoodie.selling_points) == (119.0, "帽绳可调；加大口袋")
        assert products.image_path(store, hoodie).read_bytes() == picture.read_bytes()
        # A card of it shows the picture in the chat.
        window = workbench.window
        window.products_ui.tab.send_card(hoodie)
        card = conversations.history(store, window.session.current.id)[-1]
        assert window.chat.view.delegate.card_picture(card).width() == 64
        editor.chart.setPlainText("M 155-170 45-60\nL 170-180 60-75")
        assert editor.save_chart()
        assert [r.line() for r in sizes.chart(store, hoodie.id)] == [
            "M 155-170 45-60", "L 170-180 60-75"]
        # The tab follows: the buyer's 162/52 is now plain M.
        assert workbench.window.products_ui.tab.advice.also is None
        editor.chart.setPlainText("M 170-155 45-60")
        assert not editor.save_chart()
        assert "身高下限 170 大于上限 155" in workbench.window.statusBar().currentMessage()
    finally:
        workbench.close()


def test_a_supervisor_writes_a_promotion_with_its_own_greeting(qtbot, db_path, clock):
    workbench, editor = open_editor(qtbot, db_path, clock, "wang")
    try:
        editor.tabs.setCurrentIndex(2)
        editor.new_promotion()
        type_text(editor.promotion_name, "午夜秒杀")
        editor.promotion_replies["greeting"].setText("秒杀进行中，欢迎光临~")
        assert editor.save_promotion()
        saved = next(p for p in promotions.all_promotions(workbench.store)
                     if p.name == "午夜秒杀")
        assert saved.auto_replies == {"greeting": "秒杀进行中，欢迎光临~"}
        assert saved.ends_at - saved.starts_at == pytest.approx(24 * HOUR, abs=60)
    finally:
        workbench.close()


def lines_painted(view, index) -> list[str]:
    """The lines of a row's text as Qt paints them in its list (as qcommonstyle.cpp lays
    them out): it takes the next line to be as tall as the current one and, when that
    would not fit in the row's text rectangle, ends the current line in … and stops."""
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, index)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    text = option.text.replace("\n", "\u2028")
    layout = QTextLayout(text, option.font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(wrap)
    layout.beginLayout()
    height, painted = 0.0, []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(rect.width() - 2 * margin)
        line.setPosition(QPointF(0, height))
        height += line.height()
        painted.append(text[line.textStart():line.textStart() + line.textLength()]
                       .strip("\u2028 "))
        if height + line.height() > rect.height():
            if layout.createLine().isValid():
                painted[-1] += "…"
            break
    layout.endLayout()
    return painted


def test_each_promotion_shows_its_dates_at_the_windows_default_size(qtbot, db_path, clock):
    workbench, editor = open_editor(qtbot, db_path, clock, "wang")
    try:
        editor.tabs.setCurrentIndex(2)
        assert (editor.width(), editor.height()) == (1000, 680)  # fits a 1280×800 screen
        model = editor.promotion_model
        assert model.rowCount() == 2
        for row in range(model.rowCount()):
            index = model.index(row)
            promotion = index.data(ItemRole)
            assert lines_painted(editor.promotion_list, index) == index.data().split("\n")
            assert index.data().splitlines()[1] == (f"{timefmt.minute(promotion.starts_at)} — "
                                                    f"{timefmt.minute(promotion.ends_at)}")
    finally:
        workbench.close()


def test_agents_read_the_products_window_but_cannot_save(qtbot, db_path, clock):
    workbench, editor = open_editor(qtbot, db_path, clock, None)   # 小满, an agent
    try:
        assert editor.notice.text() == "只有培训师和主管可以修改商品资料；你可以查看。"
        assert not any(button.isEnabled() for button in editor.edit_buttons)
        assert editor.table_model.total == 10
        type_text(editor.search, "珊瑚绒")
        assert [editor.table_model.index(r, 0).data() for r in
                range(editor.table_model.rowCount())] == ["SP-77", "TX-38"]
    finally:
        workbench.close()


def test_the_import_dialog_imports_and_reports_refusals(qtbot, db_path, clock, tmp_path):
    workbench = open_with_buyer(qtbot, db_path, clock, agent_name="lin")
    try:
        dialog = workbench.window.products_ui.show_import()
        good = write_csv(tmp_path / "p.csv", PRODUCT_HEADER, [
            ["HD-01", "加绒连帽卫衣", "139", "https://shop.example.com/item/HD-01", "卫衣",
             "", "", "", "WY-2301"]])
        chart = write_csv(tmp_path / "s.csv", SIZE_HEADER, [["HD-01", "M", "160", "170",
                                                            "50", "65"]])
        assert dialog.start(good, chart) is not None
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
        assert dialog.status.text() == "导入完成。"
        assert "新增 1 件" in dialog.result.toPlainText()
        tab = workbench.window.products_ui.tab
        type_text(tab.search, "加绒")
        assert [p.code for p in tab.model.rows] == ["HD-01"]
        bad = write_csv(tmp_path / "bad.csv", PRODUCT_HEADER[:3], [["HD-02", "卫衣", "贵"]])
        dialog.start(bad, "")
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
        assert dialog.status.text() == "导入失败"
        assert "第 2 行“价格”列" in dialog.result.toPlainText()
        assert products.by_code(workbench.store, "HD-02") is None
    finally:
        workbench.close()


def test_the_product_models_pass_the_model_tester(qtmodeltester, workbench):
    tab = workbench.window.products_ui.tab
    assert tab.model.rows == []  # the catalog is read when the tab is first looked at
    workbench.window.products_ui.search_products()
    assert tab.model.rows
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.related_model)
    editor = workbench.window.products_ui.show_editor()
    for model in (editor.table_model, editor.courier_model, editor.promotion_model):
        qtmodeltester.check(model)
    editor.close()
    assert tab.model.index(0).data(ProductRole) is tab.model.rows[0]
