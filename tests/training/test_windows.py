"""The 实训 menu driven as trainees and trainers would: play a scenario in the practice
window to its scorecard, the time limit, the scenario editor (and its refusal for an
agent), the typing test on an injected clock, the class view and the dashboard's 考核期."""

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from helpers import click_row, menu_title, row_where, type_text
from workbench import accounts, conversations, timefmt, training
from workbench.app import open_workbench
from workbench.standards import problems
from workbench.store import people
from workbench.supervision import metrics
from workbench.training import results, scenarios, typing_speed
from workbench.ui.conversation_list import ConversationRole
from workbench.ui.training.editor import ScenarioEditor, ScenarioRole
from workbench.ui.training.probation import FiguresRole

ADDRESS = "浙江省杭州市西湖区演练路 12 号"


def open_as(qtbot, db_path, clock, name):
    clock.now = timefmt.parse("2025-11-24 10:00")
    workbench = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                               agent_name=name)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    return workbench


@pytest.fixture
def trainee_window(qtbot, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "xiaoman")
    yield workbench
    workbench.close()


def trigger(window, name):
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.objectName() == name)
    action.trigger()


def menu_texts(window, title="实训"):
    menu = next(a.menu() for a in window.menuBar().actions() if menu_title(a) == title)
    return [a.text() for a in menu.actions() if a.text()]


def start(qtbot, workbench, title):
    """Choose the scenario in the picker and start: the practice window opens."""
    window = workbench.window
    trigger(window, "training_practice")
    picker = window.training.picker
    assert picker.isVisible()
    click_row(qtbot, picker.view, row_where(picker.view, Qt.ItemDataRole.UserRole,
                                            lambda s: s.title == title))
    qtbot.mouseClick(picker.start_button, Qt.MouseButton.LeftButton)
    run = window.training.practice_run     # closed with the real window, if not before
    qtbot.waitUntil(lambda: run.started_at is not None)
    return run


def say(qtbot, clock, practice_window, text, after=10):
    clock.advance(after)
    composer = practice_window.chat.composer
    type_text(composer, text)
    qtbot.keyClick(composer, Qt.Key.Key_Return)


def test_the_training_menu_for_an_agent_and_a_trainer(qtbot, db_path, clock, trainee_window):
    assert menu_texts(trainee_window.window) == ["开始练习…", "打字测试…", "我的练习成绩…"]
    trainee_window.close()
    teacher = open_as(qtbot, db_path, clock, "lin")
    try:
        assert menu_texts(teacher.window) == ["开始练习…", "打字测试…", "班级成绩…", "情景脚本…"]
    finally:
        teacher.close()


def test_play_a_scenario_in_the_practice_window_to_its_scorecard(qtbot, clock, trainee_window):
    run = start(qtbot, trainee_window, "拍下未付款")
    practice_window = run.window
    store = practice_window.session.store
    assert practice_window.windowTitle().startswith("【练习模式】")
    assert practice_window.training.banner.isVisible()
    assert "拍下未付款" in practice_window.training.detail.text()
    assert training.is_practice(store) and store.path != trainee_window.store.path

    # The buyer opens; the trainee takes the conversation and answers as in real work.
    panel = practice_window.conversation_list
    qtbot.waitUntil(lambda: panel.list_model.rows and panel.list_model.rows[0].unread == 2)
    click_row(qtbot, panel, row_where(panel, ConversationRole,
                                      lambda c: c.buyer_nick == "慢半拍的阿杏"))
    conversation = practice_window.session.current
    say(qtbot, clock, practice_window, "您好，在的，请问是有什么顾虑吗？")
    qtbot.waitUntil(lambda: conversations.history(store, conversation.id)[-1].text ==
                    "主要怕买大了，而且余额不太够")
    say(qtbot, clock, practice_window, "可以用花呗分期付款哦")
    # The buyer pays by the branch: the order in the sidebar shows it.
    qtbot.waitUntil(lambda: practice_window.orders.selected_order() is not None and
                    practice_window.orders.selected_order().status == "WAIT_SELLER_SEND_GOODS")
    say(qtbot, clock, practice_window, f"跟您核对一下地址：{ADDRESS}", after=15)
    qtbot.waitUntil(lambda: conversations.history(store, conversation.id)[-1].text ==
                    "地址没错，谢谢")
    assert "买家说完了" in practice_window.training.clock_label.text()
    say(qtbot, clock, practice_window, "谢谢您，今天就给您发货，有问题随时联系")

    qtbot.mouseClick(practice_window.training.end_button, Qt.MouseButton.LeftButton)
    card = run.card
    dialog = run.scorecard_dialog
    assert dialog.isVisible() and dialog.findChild(type(dialog.improve), "scorecardScore")
    assert [p.covered for p in card.points] == [True, False, True, True]
    assert card.verdict.results["verify_address"].result == "pass"
    assert card.verdict.results["first_reply_30s"].result == "pass"
    points = dialog.points_model
    assert [points.index(r, 0).data() for r in range(points.rowCount())] == ["✓", "✗", "✓", "✓"]
    assert "没做到“打消尺码顾虑”" in dialog.improve.text()
    assert practice_window.training.end_button.text() == "关闭练习窗口"
    assert not practice_window.chat.composer.isEnabled()

    # Only the score reached the real store; the conversation did not.
    real = trainee_window.store
    xiaoman = trainee_window.session.agent
    (record,) = results.sessions(real, xiaoman)
    assert (record.scenario_key, record.score, record.source) == (
        "unpaid_reminder", card.score, "window")
    assert people.buyer_by_nick(real, "慢半拍的阿杏") is None
    report = metrics.report(real, xiaoman, clock() - 3600, clock() + 3600, clock())
    assert report.team.messages_sent == 0

    qtbot.mouseClick(practice_window.training.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trainee_window.window.training.practice_run is None)
    assert dialog.isVisible()                 # the card stays with the real window
    dialog.close()


def test_the_time_limit_ends_the_session_by_itself(qtbot, clock, trainee_window):
    run = start(qtbot, trainee_window, "尺码建议")
    assert run.window.training.clock_label.text() == "剩余 5:00"
    clock.advance(301)
    with qtbot.waitSignal(run.finished, timeout=5000) as ended:
        pass
    card = ended.args[0]
    assert not card.played.within_time
    assert card.verdict.results["first_reply_30s"].result == "fail"    # never answered
    assert card.points_hit == 0
    run.window.close()
    qtbot.waitUntil(lambda: trainee_window.window.training.practice_run is None)


def test_closing_the_practice_window_before_the_end_records_nothing(qtbot, clock,
                                                                   trainee_window):
    run = start(qtbot, trainee_window, "太贵了")
    run.window.close()
    qtbot.waitUntil(lambda: trainee_window.window.training.practice_run is None)
    assert results.sessions(trainee_window.store, trainee_window.session.agent) == []
    again = start(qtbot, trainee_window, "太贵了")          # and the next starts afresh
    panel = again.window.conversation_list
    qtbot.waitUntil(lambda: len(panel.list_model.rows) == 1)
    again.window.close()
    qtbot.waitUntil(lambda: trainee_window.window.training.practice_run is None)


def test_a_trainer_edits_a_scenario_and_starts_one_from_a_question(qtbot, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "lin")
    try:
        store = workbench.store
        xiaoman = accounts.by_name(store, "xiaoman")
        problems.add_entry(store, xiaoman, "2025-11-23", problems.QUESTION, "羽绒服能机洗吗？",
                           clock())
        problems.submit(store, xiaoman, "2025-11-23", clock())
        trigger(workbench.window, "training_editor")
        editor = workbench.window.training.editor
        click_row(qtbot, editor.list_view, row_where(editor.list_view, ScenarioRole,
                                                     lambda s: s.key == "free_shipping"))
        assert editor.title.text() == "包邮吗"
        editor.title.clear()
        type_text(editor.title, "包邮吗（新疆）")
        editor.points.add_row()
        last = editor.points.rowCount() - 1
        for column, text in enumerate(("说明时效", "天到，天左右", "告诉买家几天能到")):
            editor.points.setData(editor.points.index(last, column), text)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        saved = scenarios.get(store, "free_shipping")
        assert saved.title == "包邮吗（新疆）" and saved.source == scenarios.TEAM
        assert saved.key_points[-1].words == ("天到", "天左右")
        assert editor.message.text() == "已保存“包邮吗（新疆）”"

        picker = editor.ask_question()
        assert picker.model.rowCount() == 1
        qtbot.mouseClick(picker.findChild(type(editor.save_button), "questionUse"),
                         Qt.MouseButton.LeftButton)
        assert editor.opening.toPlainText() == "羽绒服能机洗吗？"
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert "关键词" in editor.message.text()            # the words are the trainer's
        editor.points.setData(editor.points.index(0, 1), "干洗，手洗")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert scenarios.get(store, "question").opening == ("羽绒服能机洗吗？",)
    finally:
        workbench.close()


def test_the_editor_refuses_an_agents_changes(qtbot, trainee_window):
    session = trainee_window.window.session
    editor = ScenarioEditor(session)
    qtbot.addWidget(editor)
    editor.title.clear()
    type_text(editor.title, "我来改")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.message.text() == "情景脚本只能由培训师或主管修改。"
    qtbot.mouseClick(editor.archive_button, Qt.MouseButton.LeftButton)
    assert editor.message.text() == "情景脚本只能由培训师或主管修改。"
    assert all(s.source == scenarios.SHIPPED for s in scenarios.all_scenarios(session.store))


def test_the_typing_test_measures_on_the_sessions_clock(qtbot, clock, trainee_window):
    trigger(trainee_window.window, "training_typing")
    window = trainee_window.window.training.typing_window
    passage = window.current()
    type_text(window.typed, passage.text[:10])          # the clock starts here
    clock.advance(90)
    with qtbot.waitSignal(window.measured) as measured:
        type_text(window.typed, passage.text[10:])       # the last character ends the test
    result = measured.args[0]
    assert result.seconds == 90 and result.accuracy == 1.0
    assert result.speed == round(len(passage.text) * 60 / 90, 1)
    assert window.result.text().startswith(f"每分钟 {result.speed:g} 字")
    assert window.model.rowCount() == 1
    (kept,) = typing_speed.results(trainee_window.store, trainee_window.session.agent)
    assert kept.speed == result.speed


def test_the_typing_test_refuses_pasted_and_dropped_text(qtbot, clock, trainee_window):
    trigger(trainee_window.window, "training_typing")
    window = trainee_window.window.training.typing_window
    assert window.rule.text() == "请逐字输入：不能粘贴或拖入文字。"
    passage = window.current()
    type_text(window.typed, passage.text[:1])
    clock.advance(3)
    # Ctrl+V with the rest of the passage on the clipboard: nothing is taken, and it says so.
    QApplication.clipboard().setText(passage.text[1:])
    window.typed.setFocus()
    qtbot.keyClick(window.typed, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.typed.toPlainText() == passage.text[:1]
    assert window.result.text() == "不能粘贴或拖入文字，打字测试只计逐字输入的内容。"
    window.result.clear()
    # Dropped text is refused the same way.
    dropped = QMimeData()
    dropped.setText(passage.text[1:])
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, dropped,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.typed.viewport(), drop)
    assert window.typed.toPlainText() == passage.text[:1]
    # Typing goes on as before and nothing implausible was kept.
    type_text(window.typed, passage.text[1:5])
    assert window.typed.toPlainText() == passage.text[:5]
    assert typing_speed.results(trainee_window.store, trainee_window.session.agent) == []


def test_the_class_view_shows_trainees_and_exports(qtbot, db_path, clock, tmp_path):
    workbench = open_as(qtbot, db_path, clock, "lin")
    try:
        from training.test_results import played_card

        xiaoman = accounts.by_name(workbench.store, "xiaoman")
        results.record_session(workbench.store, xiaoman, played_card(xiaoman), clock())
        trigger(workbench.window, "training_results")
        window = workbench.window.training.class_window
        assert window.windowTitle() == "班级成绩"
        trainees = window.trainees
        names = [trainees.index(r, 0).data() for r in range(trainees.rowCount())]
        assert names == ["小满（xiaoman）", "阿杰（ajie）"]
        assert window.sessions.rowCount() == 1
        assert window.sessions.index(0, 2).data() == "77.1"
        path = tmp_path / "class.xlsx"
        with qtbot.waitSignal(window.exported, timeout=10000):
            window.export_to(path)
        assert openpyxl.load_workbook(path)["学员"].max_row == 3
    finally:
        workbench.close()


def test_the_dashboard_shows_the_probation_month(qtbot, qtmodeltester, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "wang")
    try:
        trigger(workbench.window, "supervision_dashboard")
        dashboard = workbench.window.supervision.dashboard
        panel = dashboard.probation
        with qtbot.waitSignal(panel.computed, timeout=10000):
            dashboard.pages.setCurrentWidget(panel)
        model = panel.model
        names = [model.index(r, 0).data() for r in range(model.rowCount())]
        assert names == ["阿杰（ajie）", "小满（xiaoman）"]
        assert model.index(1, 2).data() == "2025-12-23"       # the demo accounts began today
        assert model.index(1, 3).data() == "30 天"
        qtmodeltester.check(model)
        click_row(qtbot, panel.view, 1)
        panel.first_day.setDate(panel.first_day.date().addDays(-20))
        with qtbot.waitSignal(panel.computed, timeout=10000):
            qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
        row = next(model.index(r, 0).data(FiguresRole) for r in range(model.rowCount())
                   if model.index(r, 0).data(FiguresRole).probation.name == "xiaoman")
        assert row.probation.last_day.isoformat() == "2025-12-03"
        assert row.probation.days_left == 10
    finally:
        workbench.close()
        QApplication.processEvents()


def test_the_models_are_well_behaved_qt_models(qtbot, qtmodeltester, clock, trainee_window):
    run = start(qtbot, trainee_window, "尺码建议")
    card = run.finish()
    dialog = run.scorecard_dialog
    window = trainee_window.window
    passage = typing_speed.passages()[0]
    typing_speed.record(trainee_window.store, window.session.agent, typing_speed.measure(
        passage, passage.text, clock(), clock() + 60), clock())
    trigger(window, "training_results")
    trigger(window, "training_typing")
    editor = ScenarioEditor(window.session)
    qtbot.addWidget(editor)
    editor.branches.add_row()
    for model in (window.training.picker.model, dialog.points_model, dialog.rules_model,
                  window.training.class_window.trainees, window.training.class_window.sessions,
                  window.training.typing_window.model, editor.list_model, editor.branches,
                  editor.points):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    assert card.points_hit == 0
    run.window.close()
    qtbot.waitUntil(lambda: window.training.practice_run is None)
