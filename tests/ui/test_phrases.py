"""The quick-phrase panel and the composer's phrase keys, through the real window."""

from PySide6.QtCore import Qt

from helpers import click_row, row_where, type_text
from workbench import conversations
from workbench.app import open_workbench
from workbench.channels import scenarios
from workbench.ui.conversation_list import ConversationRole
from workbench.ui.quickphrases.panel import PhraseRole
from workbench.ui.quickphrases.window import ImportDialog, PhraseManager

SIZE = scenarios.SCENARIO_DIR / "size.json"
UNPAID = scenarios.SCENARIO_DIR / "unpaid.json"


def open_with_buyer(qtbot, db_path, clock, scenario=SIZE):
    workbench = open_workbench(db_path, speed=0, clock=clock,
                               scenarios=[scenarios.load(scenario)])
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    window = workbench.window
    qtbot.waitUntil(lambda: window.conversation_list.list_model.rowCount() == 1)
    click_row(qtbot, window.conversation_list, 0)
    return workbench


def indexed(qtbot, window):
    """Wait until jieba and the phrase index are ready (they load in a worker)."""
    qtbot.waitUntil(lambda: window.phrases.model.session.store.conn.execute(
        "SELECT count(*) FROM phrase_index").fetchone()[0] > 0, timeout=20000)
    qtbot.waitUntil(lambda: not window.phrases._indexing)


def test_slash_code_opens_completion_and_enter_inserts_the_phrase(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        composer = workbench.window.chat.composer
        type_text(composer, "亲 ")
        qtbot.keyClicks(composer, "/by")
        assert composer.popup.isVisible()
        assert composer.popup_model.stringList()[0].startswith("/by")
        qtbot.keyClick(composer, Qt.Key.Key_Return)
        assert not composer.popup.isVisible()
        assert composer.toPlainText().startswith("亲 全店满 99 元包邮")
        assert "/by" not in composer.toPlainText()
        # a second phrase goes into the same message: /kd lists kd, then kdsf
        qtbot.keyClicks(composer, " /kd")
        assert [label.split()[0] for label in composer.popup_model.stringList()][:2] == \
            ["/kd", "/kdsf"]
        qtbot.keyClick(composer, Qt.Key.Key_Down)
        qtbot.keyClick(composer, Qt.Key.Key_Tab)
        assert composer.toPlainText().startswith("亲 全店满 99 元包邮")
        assert composer.toPlainText().endswith(" 顺丰需要补 10 元差价，您拍下补运费链接后我给您备注改发顺丰。")  # noqa: E501
    finally:
        workbench.close()


def test_escape_closes_the_completion_and_keeps_the_text(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        composer = workbench.window.chat.composer
        qtbot.keyClicks(composer, "/kd")
        qtbot.keyClick(composer, Qt.Key.Key_Escape)
        assert not composer.popup.isVisible() and composer.toPlainText() == "/kd"
    finally:
        workbench.close()


def test_alt_number_inserts_the_visible_phrase_with_variables_filled(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        window = workbench.window
        qtbot.keyClicks(window.phrases.search, "hy")
        first = window.phrases.model.rows[0]
        assert first.code == "hy"
        window.chat.composer.setFocus()
        qtbot.keyClick(window.chat.composer, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        text = window.chat.composer.toPlainText()
        assert text.startswith("您好，晴天小鹿！我是客服小满")
    finally:
        workbench.close()


def test_click_inserts_at_the_cursor_without_replacing_a_selection(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        window = workbench.window
        composer = window.chat.composer
        type_text(composer, "前面后面")
        cursor = composer.textCursor()
        cursor.setPosition(2)
        cursor.setPosition(4, cursor.MoveMode.KeepAnchor)  # "后面" selected
        composer.setTextCursor(cursor)
        qtbot.keyClicks(window.phrases.search, "qw")
        click_row(qtbot, window.phrases.view, 0)
        assert composer.toPlainText().startswith("前面后面新衣服刚拆封")
    finally:
        workbench.close()


def test_double_click_sends_the_phrase_alone_and_keeps_the_draft(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        window = workbench.window
        type_text(window.chat.composer, "草稿")
        qtbot.keyClicks(window.phrases.search, "fh")
        view = window.phrases.view
        index = view.model().index(0, 0)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(index).center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                          pos=view.visualRect(index).center())
        history = conversations.history(workbench.store, window.session.current.id)
        assert history[-1].sender == "agent" and history[-1].text.startswith("下午 4 点前付款")
        assert window.chat.composer.toPlainText() == "草稿"
    finally:
        workbench.close()


def test_missing_variable_is_shown_and_asks_before_sending(qtbot, db_path, clock):
    # 晴天小鹿's only order has a tracking number; a buyer with no order has none.
    workbench = open_with_buyer(qtbot, db_path, clock, UNPAID)
    try:
        window = workbench.window
        qtbot.keyClicks(window.phrases.search, "wlm")
        click_row(qtbot, window.phrases.view, 0)
        composer = window.chat.composer
        assert "{物流单号}" in composer.toPlainText()  # left visible, not blanked
        conversation_id = window.session.current.id
        sent_before = len(conversations.history(workbench.store, conversation_id))
        qtbot.keyClick(composer, Qt.Key.Key_Return)
        assert window.chat.notice.isVisible() and "{物流单号}" in window.chat.notice.text()
        assert len(conversations.history(workbench.store, conversation_id)) == sent_before
        qtbot.keyClick(composer, Qt.Key.Key_Return)  # the agent confirms
        history = conversations.history(workbench.store, conversation_id)
        assert history[-1].sender == "agent" and "{物流单号}" in history[-1].text
        assert not window.chat.notice.isVisible()
    finally:
        workbench.close()


def test_search_updates_on_every_keystroke_and_finds_words_and_initials(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        window = workbench.window
        indexed(qtbot, window)
        search = window.phrases.search
        type_text(search, "退货")
        codes = [p.code for p in window.phrases.model.rows]
        assert "th" in codes and "hy" not in codes
        search.clear()
        qtbot.keyClicks(search, "s")
        with_s = len(window.phrases.model.rows)
        qtbot.keyClicks(search, "f")  # 顺丰 → sf
        assert 0 < len(window.phrases.model.rows) < with_s
        assert "kdsf" in [p.code for p in window.phrases.model.rows]
    finally:
        workbench.close()


def test_suggestions_answer_the_buyers_latest_question(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        window = workbench.window
        indexed(qtbot, window)
        panel = window.phrases
        qtbot.waitUntil(lambda: bool(panel.suggested))
        assert "cm" in [p.code for p in panel.suggested]  # the buyer asked about size
        assert panel.suggestion_buttons[0].isVisible()
        qtbot.mouseClick(panel.suggestion_buttons[0], Qt.MouseButton.LeftButton)
        assert window.chat.composer.toPlainText() == panel.filled(panel.suggested[0])
    finally:
        workbench.close()


def test_group_filter_and_most_used_first(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        panel = workbench.window.phrases
        panel.group_box.setCurrentIndex(panel.group_box.findData("售后"))
        assert {p.group_path.split("/")[0] for p in panel.model.rows} == {"售后"}
        panel.group_box.setCurrentIndex(0)
        js = row_where(panel.view, PhraseRole, lambda p: p.code == "js")
        click_row(qtbot, panel.view, js)
        panel.most_used.setChecked(True)
        assert panel.model.rows[0].code == "js"
    finally:
        workbench.close()


def test_agent_may_not_change_team_phrases_but_keeps_personal_ones(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        window = workbench.window
        manager = PhraseManager(window.session, window)
        qtbot.addWidget(manager)
        manager.show()
        hy = next(n for n, p in enumerate(manager.model.rows) if p.code == "hy")
        manager.table.selectRow(hy)
        manager.text.setPlainText("随便改改")
        manager.save_button.click()
        assert "培训师或主管" in manager.message.text()
        assert "随便改改" not in {p.text for p in manager.model.rows}

        manager.start_new()
        manager.code.setText("wd")
        manager.text.setPlainText("{买家}，我去仓库帮您确认一下~")
        manager.group.setText("我的常用")
        manager.save_button.click()
        assert manager.message.text() == ""
        mine = [p for p in window.phrases.model.rows if p.code == "wd"]
        assert mine and mine[0].scope == "personal"
        assert "我的常用" in [window.phrases.group_box.itemData(i)
                          for i in range(window.phrases.group_box.count())]
    finally:
        workbench.close()


def test_unknown_variable_is_flagged_when_the_phrase_is_saved(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        manager = PhraseManager(workbench.window.session, workbench.window)
        qtbot.addWidget(manager)
        manager.start_new()
        manager.code.setText("yh")
        manager.text.setPlainText("您的优惠码是 {优惠码}")
        manager.save_button.click()
        assert "{优惠码}" in manager.message.text()
    finally:
        workbench.close()


def test_import_dialog_previews_then_imports_personal_phrases(qtbot, db_path, clock, tmp_path):
    source = tmp_path / "mine.csv"
    source.write_text("编码,短语,分组\nzz,我自己的话术,个人\n", encoding="utf-8")
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        window = workbench.window
        dialog = ImportDialog(window.session, source, window)
        qtbot.addWidget(dialog)
        assert "新增 1 条" in dialog.preview.toPlainText()
        assert "zz" not in [p.code for p in window.phrases.model.rows]
        assert dialog.scope.currentData() == "personal"
        dialog.import_button.click()
        assert "已导入" in dialog.preview.toPlainText()
        assert "zz" in [p.code for p in window.phrases.model.rows]
    finally:
        workbench.close()


def test_an_agent_importing_into_the_team_pack_is_refused(qtbot, db_path, clock, tmp_path):
    source = tmp_path / "team.csv"
    source.write_text("编码,短语\nhy,改掉团队问候\n", encoding="utf-8")
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        dialog = ImportDialog(workbench.window.session, source, workbench.window)
        qtbot.addWidget(dialog)
        dialog.scope.setCurrentIndex(dialog.scope.findData("team"))
        dialog.import_button.click()
        assert "培训师或主管" in dialog.preview.toPlainText()
    finally:
        workbench.close()


def test_the_conversation_row_carries_the_buyer(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        row = workbench.window.conversation_list.list_model.index(0).data(ConversationRole)
        assert row.buyer_nick == "晴天小鹿"
    finally:
        workbench.close()


def test_a_phrase_with_a_picture_sends_it_with_the_message(qtbot, db_path, clock):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        window = workbench.window
        qtbot.keyClicks(window.phrases.search, "cm")
        cm = row_where(window.phrases.view, PhraseRole, lambda p: p.code == "cm")
        click_row(qtbot, window.phrases.view, cm)
        assert window.chat.attachment_label.text().endswith(".png")
        qtbot.keyClick(window.chat.composer, Qt.Key.Key_Return)
        history = conversations.history(workbench.store, window.session.current.id)
        assert [m.kind for m in history[-2:]] == ["text", "image"]
        assert history[-2].text.startswith("麻烦告诉我您的身高和体重")
        assert window.chat.attachment_label.text() == ""
    finally:
        workbench.close()


def test_the_phrase_manager_attaches_a_picture(qtbot, db_path, clock, tmp_path):
    workbench = open_with_buyer(qtbot, db_path, clock)
    try:
        manager = PhraseManager(workbench.window.session, workbench.window)
        qtbot.addWidget(manager)
        manager.start_new()
        manager.code.setText("tu")
        manager.text.setPlainText("给您看一下实拍图")
        not_a_picture = tmp_path / "notes.txt"
        not_a_picture.write_text("x", encoding="utf-8")
        manager.attach_image(not_a_picture)
        assert "不是支持的图片格式" in manager.message.text()
        manager.attach_image(scenarios.SCENARIO_DIR / "flaw.png")
        manager.save_button.click()
        saved = [p for p in manager.model.rows if p.code == "tu"][0]
        assert saved.image and saved.image.endswith(".png")
    finally:
        workbench.close()
