"""Multi-conversation chat through the real window: keys, clicks, an injectable clock."""

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem

from helpers import click_row, row_where, type_text
from workbench import accounts, conversations
from workbench.app import open_workbench
from workbench.channels import scenarios
from workbench.channels.simulator import Simulator
from workbench.conversations import Incoming, reception
from workbench.ui import chat_view
from workbench.ui.chat_view import FullTextDialog, ImageViewer, LinkDialog, MessageRole
from workbench.ui.conversation_list import LEVEL_COLOURS, ConversationRole
from workbench.ui.reception_window import HelpOverlay, QuickSwitcher

PHOTO = scenarios.SCENARIO_DIR / "flaw.png"


class FlakyChannel(Simulator):
    """The simulator, except that its first send fails (a dropped connection)."""

    def __init__(self, clock):
        super().__init__([], speed=0, clock=clock)
        self.failures_left = 1
        self.sent = []

    def send(self, message):
        self.sent.append(message)
        if self.failures_left and not message.auto:
            self.failures_left -= 1
            self.failed.emit(message.uid, "connection lost")
            return message.uid
        return super().send(message)


def open_window(qtbot, db_path, clock, channel=None):
    workbench = open_workbench(db_path, speed=0, clock=clock, scenarios=[], channel=channel)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    workbench.window.activateWindow()  # shortcuts reach only the active window
    qtbot.waitUntil(workbench.window.isActiveWindow)
    return workbench


def buyer_says(workbench, buyer, text, clock, kind="text", uid=None):
    workbench.session.channel.received.emit(Incoming(
        uid=uid or f"{buyer}-{clock()}-{len(text)}", buyer=buyer, text=text, at=clock(),
        kind=kind))


def open_conversation(qtbot, window, buyer):
    view = window.conversation_list
    click_row(qtbot, view, row_where(view, ConversationRole, lambda c: c.buyer_nick == buyer))
    return window.session.current


class RecordingPainter(QPainter):
    """Paints into an image and remembers each text drawn and the pen it was drawn with."""

    def __init__(self, image):
        super().__init__(image)
        self.texts: list[tuple[str, str]] = []

    def drawText(self, *args):
        self.texts.append((args[-1], self.pen().color().name()))
        super().drawText(*args)


def painted(view, row):
    """What the view's delegate draws for one row: (text, pen colour) pairs."""
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(view.model().index(row, 0))
    view.itemDelegate().paint(painter, option, view.model().index(row, 0))
    painter.end()
    return painter.texts


def buyer_row(view) -> int:
    return next(n for n, m in enumerate(view.message_model.rows) if m.sender == "buyer")


def test_waiting_clock_turns_orange_then_red_at_the_thresholds(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        buyer_says(workbench, "阿宝", "在吗", clock)
        view = window.conversation_list
        team = reception.load_settings(workbench.store)

        def clock_colour():
            window.reception.tick()
            return [colour for text, colour in painted(view, 0) if text.endswith("秒")][0]

        clock.advance(team.first_reply_warn_s - 5)
        assert clock_colour() == LEVEL_COLOURS[reception.NORMAL]
        clock.advance(5)
        assert clock_colour() == LEVEL_COLOURS[reception.WARNING]
        clock.advance(team.first_reply_alert_s - team.first_reply_warn_s)
        assert clock_colour() == LEVEL_COLOURS[reception.ALERT]
    finally:
        workbench.close()


def test_buyer_markup_and_script_links_are_shown_literally(qtbot, db_path, clock):
    hostile = '<b>加粗</b><img src="x" onerror="alert(1)"> 点我 javascript:alert(1)'
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        buyer_says(workbench, "黑客", hostile, clock)
        open_conversation(qtbot, window, "黑客")
        view = window.chat.view
        row = buyer_row(view)
        assert hostile in [text for text, _ in painted(view, row)]
        click_row(qtbot, view, row)
        dialog = view.opened_dialog
        assert isinstance(dialog, LinkDialog)
        assert [b.isEnabled() for b in dialog.open_buttons] == [False]
    finally:
        workbench.close()


def test_http_link_is_shown_before_it_can_be_opened(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        buyer_says(workbench, "阿宝", "看这个 https://example.com/item?id=1 同款", clock)
        view = workbench.window.chat.view
        open_conversation(qtbot, workbench.window, "阿宝")
        click_row(qtbot, view, buyer_row(view))
        assert view.opened_dialog.open_buttons[0].isEnabled()
    finally:
        workbench.close()


def test_a_100000_character_message_is_accepted_and_shown_cut(qtbot, db_path, clock):
    huge = ("很长的消息" * 20000)
    assert len(huge) == 100_000
    workbench = open_window(qtbot, db_path, clock)
    try:
        buyer_says(workbench, "话痨", huge, clock)
        conversation = open_conversation(qtbot, workbench.window, "话痨")
        stored = [m for m in conversations.history(workbench.store, conversation.id)
                  if m.sender == "buyer"][0]
        assert stored.text == huge
        view = workbench.window.chat.view
        row = buyer_row(view)
        shown = view.model().index(row, 0).data()
        assert len(shown) < chat_view.DISPLAY_CHARS + 100 and "共 100000 字" in shown
        assert view.visualRect(view.model().index(row, 0)).height() < 5000
        click_row(qtbot, view, row)
        assert isinstance(view.opened_dialog, FullTextDialog)
        assert view.opened_dialog.text.toPlainText() == huge
        # One line this long is not wrapped: laying it out would hold the window seconds.
        assert view.opened_dialog.text.lineWrapMode() == \
            view.opened_dialog.text.LineWrapMode.NoWrap
    finally:
        workbench.close()


def test_a_message_of_many_lines_is_cut_by_lines_and_enter_opens_it_whole(
        qtbot, db_path, clock):
    tall = "行\n" * 100_000
    workbench = open_window(qtbot, db_path, clock)
    try:
        buyer_says(workbench, "刷屏", tall, clock)
        open_conversation(qtbot, workbench.window, "刷屏")
        view = workbench.window.chat.view
        row = buyer_row(view)
        shown = view.model().index(row, 0).data()
        assert shown.count("\n") <= chat_view.DISPLAY_LINES and "共 200000 字" in shown
        assert view.visualRect(view.model().index(row, 0)).height() < 1500
        view.setFocus()
        view.setCurrentIndex(view.model().index(row, 0))
        qtbot.keyPress(view, Qt.Key.Key_Return)
        assert isinstance(view.opened_dialog, FullTextDialog)
        assert view.opened_dialog.text.toPlainText() == tall
        assert view.opened_dialog.text.lineWrapMode() == \
            view.opened_dialog.text.LineWrapMode.WidgetWidth  # short lines wrap as usual
    finally:
        workbench.close()


def test_images_round_trip_both_ways(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        buyer_says(workbench, "Coco在路上", str(PHOTO), clock, kind="image")
        open_conversation(qtbot, window, "Coco在路上")
        view = window.chat.view
        row = next(n for n, m in enumerate(view.message_model.rows) if m.kind == "image")
        message = view.model().index(row, 0).data(MessageRole)
        assert not view.delegate.thumbnail(message).isNull()
        click_row(qtbot, view, row)
        assert isinstance(view.opened_dialog, ImageViewer)
        assert view.opened_dialog.label.pixmap().width() == QImage(str(PHOTO)).width()

        pasted = QMimeData()
        pasted.setImageData(QImage(str(PHOTO)))
        window.chat.composer.insertFromMimeData(pasted)
        sent = conversations.history(workbench.store, window.session.current.id)[-1]
        assert (sent.sender, sent.kind) == ("agent", "image")
        assert conversations.image_path(workbench.store, sent).is_file()
        qtbot.waitUntil(lambda: conversations.message_by_uid(workbench.store, sent.uid)
                        .status == "sent")
    finally:
        workbench.close()


def test_failed_message_is_marked_and_resent_with_the_same_id(qtbot, db_path, clock):
    channel = FlakyChannel(clock)
    workbench = open_window(qtbot, db_path, clock, channel)
    try:
        window = workbench.window
        buyer_says(workbench, "阿宝", "在吗", clock)
        open_conversation(qtbot, window, "阿宝")
        type_text(window.chat.composer, "在的")
        qtbot.keyClick(window.chat.composer, Qt.Key.Key_Return)
        view = window.chat.view
        last = view.message_model.rows[-1]
        assert last.status == "failed"
        assert "发送失败" in " ".join(t for t, _ in painted(view, len(view.message_model.rows) - 1))
        click_row(qtbot, view, len(view.message_model.rows) - 1)
        qtbot.waitUntil(lambda: view.message_model.rows[-1].status == "sent")
        human = [m for m in channel.sent if not m.auto]
        assert [m.uid for m in human] == [last.uid, last.uid]
        assert len([m for m in conversations.history(workbench.store, last.conversation_id)
                    if m.sender == "agent"]) == 1
    finally:
        workbench.close()


def test_drafts_survive_switching_and_restarts(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    window = workbench.window
    buyer_says(workbench, "甲", "在吗", clock)
    buyer_says(workbench, "乙", "在吗", clock)
    open_conversation(qtbot, window, "甲")
    type_text(window.chat.composer, "给甲的草稿")
    open_conversation(qtbot, window, "乙")
    assert window.chat.composer.toPlainText() == ""
    type_text(window.chat.composer, "给乙的草稿")
    open_conversation(qtbot, window, "甲")
    assert window.chat.composer.toPlainText() == "给甲的草稿"
    workbench.close()

    again = open_window(qtbot, db_path, clock)
    try:
        open_conversation(qtbot, again.window, "乙")
        assert again.window.chat.composer.toPlainText() == "给乙的草稿"
    finally:
        again.close()


def test_transfer_moves_the_conversation_and_keeps_its_history(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        buyer_says(workbench, "阿宝", "我要退货", clock)
        conversation = open_conversation(qtbot, window, "阿宝")
        before = [m.id for m in conversations.history(workbench.store, conversation.id)]
        qtbot.mouseClick(window.chat.buyer.transfer_button, Qt.MouseButton.LeftButton)
        dialog = window.chat.transfer_dialog
        dialog.target.setCurrentIndex(dialog.target.findData("agent:ajie"))
        type_text(dialog.reason, "退货，请售后处理")
        dialog.transfer()
        moved = conversations.get(workbench.store, conversation.id)
        assert moved.agent_id == accounts.by_name(workbench.store, "ajie").id
        history = conversations.history(workbench.store, conversation.id)
        assert [m.id for m in history][:len(before)] == before
        assert "退货，请售后处理" in history[-1].text
        panel = window.conversation_panel
        panel.filter_box.setCurrentIndex(panel.filter_box.findData("mine"))
        assert window.conversation_list.list_model.row_of(conversation.id) is None
    finally:
        workbench.close()


def test_capacity_overflow_sends_the_auto_reply_and_queues_the_buyer(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        controls = window.status_bar_reception
        controls.capacity.setValue(1)
        controls.apply()
        buyer_says(workbench, "甲", "在吗", clock)
        buyer_says(workbench, "乙", "在吗", clock)
        model = window.conversation_list.list_model
        queued = [c for c in model.by_id.values() if c.buyer_nick == "乙"][0]
        assert queued.state == "queued"
        texts = [m.text for m in conversations.history(workbench.store, queued.id)]
        assert reception.load_settings(workbench.store).queue_reply in texts
        first = open_conversation(qtbot, window, "甲")
        qtbot.mouseClick(window.chat.buyer.end_button, Qt.MouseButton.LeftButton)
        assert conversations.get(workbench.store, first.id).state == "ended"
        assert model.by_id[queued.id].state == "waiting"
    finally:
        workbench.close()


def test_keyboard_moves_between_waiting_buyers_and_finds_text(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        for buyer in ("甲", "乙", "丙"):
            buyer_says(workbench, buyer, f"{buyer}的问题：运费多少", clock)
            clock.advance(5)
        composer = window.chat.composer
        composer.setFocus()
        qtbot.keyClick(composer, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
        assert window.session.current.buyer_nick == "甲"  # longest waiting first
        qtbot.keyClick(composer, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
        assert window.session.current.buyer_nick == "乙"
        qtbot.keyClick(composer, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
        assert window.session.current.buyer_nick == "甲"
        qtbot.keyClick(composer, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert window.session.current.buyer_nick == "乙"

        qtbot.keyClick(composer, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert window.chat.find_bar.isVisible()
        type_text(window.chat.find_bar.query, "运费")
        assert window.chat.find_bar.count.text() == "1/1"
        assert window.chat.view.message_model.highlighted is not None
        qtbot.keyClick(window.chat.find_bar.query, Qt.Key.Key_Escape)
        assert not window.chat.find_bar.isVisible() and composer.hasFocus()
    finally:
        workbench.close()


def test_quick_switcher_opens_a_buyer_by_part_of_the_name(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        for buyer in ("北方的狼2019", "小橙子妈妈"):
            buyer_says(workbench, buyer, "在吗", clock)
        window.conversation_list.setFocus()
        qtbot.keyClick(window.conversation_list, Qt.Key.Key_K,
                       Qt.KeyboardModifier.ControlModifier)
        switcher = window.open_dialog
        assert isinstance(switcher, QuickSwitcher)
        type_text(switcher.query, "橙子")
        qtbot.keyClick(switcher.query, Qt.Key.Key_Return)
        assert window.session.current.buyer_nick == "小橙子妈妈"
    finally:
        workbench.close()


def test_f1_shows_every_shortcut(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        window.phrases.search.setFocus()
        qtbot.keyClick(window.phrases.search, Qt.Key.Key_F1)
        overlay = window.help_overlay
        assert isinstance(overlay, HelpOverlay) and overlay.isVisible()
        for keys in ("Alt+J", "Ctrl+K", "Ctrl+F", "Esc", "Alt+1"):
            assert keys in overlay.text()
        # Opaque: in its margin, nothing of the window shows through.
        margin = overlay.geometry().topLeft() + QPoint(10, overlay.height() // 2)
        assert window.grab().toImage().pixelColor(margin).name() == "#212121"
        qtbot.keyClick(window.phrases.search, Qt.Key.Key_Escape)
        assert not overlay.isVisible()
    finally:
        workbench.close()


def test_ctrl_enter_mode_sends_with_ctrl_enter_only(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        reception.save_preferences(workbench.store, window.session.agent,
                                   reception.Preferences(send_key="ctrl_enter"))
        from workbench.ui.reception_window import apply_preferences

        apply_preferences(window)
        buyer_says(workbench, "甲", "在吗", clock)
        conversation = open_conversation(qtbot, window, "甲")
        composer = window.chat.composer
        type_text(composer, "第一行")
        qtbot.keyClick(composer, Qt.Key.Key_Return)
        type_text(composer, "第二行")
        assert composer.toPlainText() == "第一行\n第二行"
        qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert conversations.history(workbench.store, conversation.id)[-1].text == \
            "第一行\n第二行"
    finally:
        workbench.close()


def test_waiting_reminder_and_unread_count_in_the_title(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        buyer_says(workbench, "甲", "在吗", clock)
        assert window.windowTitle().startswith("(1) ")
        with qtbot.assertNotEmitted(window.reception.reminded):
            window.reception.tick()
        clock.advance(reception.load_settings(workbench.store).reminder_after_s)
        with qtbot.waitSignal(window.reception.reminded):
            window.reception.tick()
        assert "甲 已等待" in window.statusBar().currentMessage()
        with qtbot.assertNotEmitted(window.reception.reminded):
            window.reception.tick()  # once per wait
    finally:
        workbench.close()


def test_internal_note_is_never_sent_to_the_buyer(qtbot, db_path, clock):
    channel = FlakyChannel(clock)
    channel.failures_left = 0
    workbench = open_window(qtbot, db_path, clock, channel)
    try:
        window = workbench.window
        buyer_says(workbench, "甲", "在吗", clock)
        conversation = open_conversation(qtbot, window, "甲")
        window.chat.buyer.note_button.click()
        type_text(window.chat.composer, "老客户，记得送赠品")
        qtbot.keyClick(window.chat.composer, Qt.Key.Key_Return)
        note = conversations.history(workbench.store, conversation.id)[-1]
        assert (note.sender, note.text) == ("note", "老客户，记得送赠品")
        assert all(m.text != "老客户，记得送赠品" for m in channel.sent)
    finally:
        workbench.close()


def test_emoji_picker_inserts_at_the_cursor(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        buyer_says(workbench, "甲", "在吗", clock)
        open_conversation(qtbot, window, "甲")
        type_text(window.chat.composer, "谢谢")
        qtbot.mouseClick(window.chat.emoji_button, Qt.MouseButton.LeftButton)
        picker = window.chat.emoji_picker
        assert picker.isVisible()
        click_row(qtbot, picker, 0)
        assert window.chat.composer.toPlainText() == "谢谢😊"
    finally:
        workbench.close()


def header_texts(window) -> list[str]:
    """What the header says about the buyer: its own labels and the card's."""
    header, card = window.chat.buyer, window.chat.buyer.card
    own = [label.text() for label in header.findChildren(QLabel)
           if not card.isAncestorOf(label) and not label.isHidden()]
    return own + [label.text() for label in card.badge_labels()] + [card.figures.text()]


def test_the_header_says_who_the_buyer_is_once_as_the_card_does(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        card = window.chat.buyer.card
        # 阿宝 only ever had an order closed unpaid: a first-time enquirer, nothing bought.
        buyer_says(workbench, "精打细算的阿宝", "能便宜点吗", clock)
        open_conversation(qtbot, window, "精打细算的阿宝")
        texts = header_texts(window)
        assert texts[0].startswith("精打细算的阿宝") and texts[1:3] == ["普通", "询单未购"]
        assert not [t for t in texts if "回头客" in t or "首次" in t]
        assert [t for t in texts if " 单" in t] == [card.figures.text()]
        assert card.figures.text().startswith("累计 ¥0.00 · 0 单")
        # Coco bought once (her other order was refunded): one purchase, said once.
        buyer_says(workbench, "Coco在路上", "在吗", clock)
        open_conversation(qtbot, window, "Coco在路上")
        texts = header_texts(window)
        assert "询单未购" not in texts
        assert [t for t in texts if " 单" in t] == [card.figures.text()]
        assert card.figures.text().startswith("累计 ¥319.00 · 1 单")
    finally:
        workbench.close()


def test_buyer_header_saves_tags(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        buyer_says(workbench, "Coco在路上", "在吗", clock)
        open_conversation(qtbot, window, "Coco在路上")
        window.chat.buyer.tags.clear()
        type_text(window.chat.buyer.tags, "爱砍价，老客")
        qtbot.keyClick(window.chat.buyer.tags, Qt.Key.Key_Return)
        assert window.session.current.tags == ["爱砍价", "老客"]
    finally:
        workbench.close()


def test_a_10000_message_conversation_opens_with_one_page_and_pages_back(qtbot, db_path,
                                                                          clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        store = workbench.store
        with store.transaction():
            for number in range(10_000):
                conversations.receive(store, Incoming(uid=f"m{number}", buyer="老买家",
                                                      text=f"第{number}条", at=clock() + number))
        window = workbench.window
        window.conversation_list.list_model._on_changed(
            conversations.Changes(conversations=frozenset({1})))
        open_conversation(qtbot, window, "老买家")
        model = window.chat.view.message_model
        assert len(model.rows) == chat_view.PAGE and model.rows[-1].text == "第9999条"
        window.chat.view.verticalScrollBar().setValue(0)
        assert len(model.rows) == 2 * chat_view.PAGE
    finally:
        workbench.close()

