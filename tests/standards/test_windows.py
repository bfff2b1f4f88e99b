"""The 质检 menu driven as a supervisor and an agent would: sample, read the marks,
override, score by hand, comment, complete; acknowledge; fill, collect and export the
daily problem sheet (问题单反馈表); read and edit the checklist."""

import openpyxl
import pytest
from PySide6.QtCore import Qt
from supervision.logdata import line, write_jsonl

from helpers import click_row, menu_title, type_text
from workbench import accounts, standards, timefmt
from workbench.app import open_workbench
from workbench.standards import inspection, problems
from workbench.supervision import logfiles
from workbench.ui.standards.inspection import InspectionRole, RuleRole
from workbench.ui.standards.problems import EntryRole

D = "2025-11-20"
RECORDS = [
    line("w1", "甲", "buyer", "在吗，这款有M码吗", f"{D} 10:00:00"),
    line("w1", "甲", "auto", "您好，欢迎光临", f"{D} 10:00:01"),
    line("w1", "甲", "agent", "你好，有的", f"{D} 10:01:00", "xiaoman"),
    line("w1", "甲", "buyer", "太贵了", f"{D} 10:02:00"),
    line("w1", "甲", "agent", "亲！已经最低价了！", f"{D} 10:02:30", "xiaoman"),
    line("w2", "乙", "buyer", "什么时候发货", f"{D} 11:00:00"),
    line("w2", "乙", "agent", "今天发货，感谢支持", f"{D} 11:00:10", "ajie"),
]


def open_as(qtbot, db_path, clock, name, records=RECORDS):
    clock.now = timefmt.parse("2025-11-21 09:00")
    workbench = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                               agent_name=name)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    if records:
        boss = accounts.by_name(workbench.store, "wang")
        logfiles.import_jsonl(workbench.store, write_jsonl(db_path.with_name("w.jsonl"), records),
                              boss, clock())
    return workbench


@pytest.fixture
def boss_window(qtbot, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "wang")
    yield workbench
    workbench.close()


def menu_texts(window, title="质检"):
    menu = next(a.menu() for a in window.menuBar().actions() if menu_title(a) == title)
    return [a.text() for a in menu.actions() if a.text()]


def sample_slow(qtbot, window):
    inspecting = window.standards.open_inspections()
    qtbot.addWidget(inspecting)
    inspecting.reason.setCurrentIndex(inspecting.reason.findData("slow"))
    with qtbot.waitSignal(inspecting.sampled, timeout=10000) as blocker:
        qtbot.mouseClick(inspecting.sample_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [1]
    return inspecting


def rule_row(inspecting, rule):
    model = inspecting.results_model
    return next(r for r in range(model.rowCount())
                if model.index(r, 0).data(RuleRole).rule == rule)


def test_the_menu_for_a_supervisor_and_for_an_agent(qtbot, db_path, clock, boss_window):
    assert menu_texts(boss_window.window) == ["质检…", "问题单汇总…", "填写问题单反馈表…",
                                              "质检标准…"]
    boss_window.close()
    agent = open_as(qtbot, db_path, clock, "xiaoman", records=None)
    try:
        assert menu_texts(agent.window) == ["我的质检…", "填写问题单反馈表…", "质检标准…"]
    finally:
        agent.close()


def test_inspect_override_score_comment_and_complete(qtbot, boss_window):
    inspecting = sample_slow(qtbot, boss_window.window)
    assert inspecting.model.rowCount() == 1
    with qtbot.waitSignal(inspecting.opened, timeout=5000) as blocker:
        click_row(qtbot, inspecting.list, 0)
    opened = blocker.args[0]
    assert opened.inspection.buyer == "甲"
    # The transcript with its marks: the late first reply and the exclamation marks.
    texts = [inspecting.transcript_model.index(r).data() for r in
             range(inspecting.transcript_model.rowCount())]
    assert "✗ 首次响应30秒" in texts[0] and "✗ 称呼用“您”" in texts[2]
    assert "✗ 异议时不用感叹号" in texts[4]
    assert inspecting.transcript_model.index(0).data(Qt.ItemDataRole.BackgroundRole) is not None
    click_row(qtbot, inspecting.results, rule_row(inspecting, "first_reply_30s"))
    assert inspecting.transcript_model.chosen == {0, 2}
    inspecting.override.setCurrentIndex(inspecting.override.findData(standards.PASS))
    qtbot.mouseClick(inspecting.override_button, Qt.MouseButton.LeftButton)
    row = rule_row(inspecting, "first_reply_30s")
    assert inspecting.results_model.index(row, 1).data() == "通过（人工，原为不通过）"
    type_text(inspecting.item_label, "产品知识")
    inspecting.item_score.setValue(60)
    qtbot.mouseClick(inspecting.add_item_button, Qt.MouseButton.LeftButton)
    assert inspecting.items_model.index(0, 0).data() == "产品知识"
    type_text(inspecting.comment, "首次回复要在30秒内，议价时别用感叹号")
    qtbot.mouseClick(inspecting.complete_button, Qt.MouseButton.LeftButton)
    (done,) = inspection.listing(boss_window.store, boss_window.window.session.agent)
    assert (done.state, done.comment) == (inspection.DONE, "首次回复要在30秒内，议价时别用感叹号")
    assert done.score == inspecting.current.verdict.score
    assert not inspecting.complete_button.isEnabled() and inspecting.reopen_button.isEnabled()
    assert inspecting.model.index(0, 5).data() == "已质检"


def test_the_agent_reads_the_comment_and_acknowledges(qtbot, db_path, clock, boss_window):
    inspecting = sample_slow(qtbot, boss_window.window)
    target = inspecting.model.rows[0]
    store, wang = boss_window.store, boss_window.window.session.agent
    inspection.set_comment(store, wang, target.id, "注意首次响应", clock())
    inspection.complete(store, wang, target.id, clock())
    boss_window.close()
    agent = open_as(qtbot, db_path, clock, "xiaoman", records=None)
    try:
        window = agent.window
        # Counted once the window stands (off the start-up path).
        qtbot.waitUntil(lambda: menu_texts(window)[0] == "我的质检（1 条待确认）…", timeout=3000)
        mine = window.standards.open_inspections()
        qtbot.addWidget(mine)
        assert mine.windowTitle() == "我的质检" and not mine.sample_button.isVisible()
        assert mine.status.text() == "1 条待确认"
        click_row(qtbot, mine.list, 0)
        assert mine.comment.toPlainText() == "注意首次响应" and mine.comment.isReadOnly()
        assert not mine.override_button.isVisible()
        qtbot.mouseClick(mine.acknowledge_button, Qt.MouseButton.LeftButton)
        assert inspection.get(agent.store, target.id).state == inspection.ACKNOWLEDGED
        assert mine.model.index(0, 0).data(InspectionRole).state == inspection.ACKNOWLEDGED
        assert not mine.acknowledge_button.isEnabled()
        assert menu_texts(window)[0] == "我的质检…"
    finally:
        agent.close()


def test_fill_submit_collect_answer_and_export_a_problem_sheet(qtbot, db_path, clock, tmp_path):
    agent = open_as(qtbot, db_path, clock, "xiaoman", records=None)
    try:
        sheet = agent.window.standards.open_problem_sheet()
        qtbot.addWidget(sheet)
        sheet.kind.setCurrentIndex(sheet.kind.findData(problems.QUESTION))
        type_text(sheet.text, "孕妇能穿吗")
        qtbot.keyClick(sheet.text, Qt.Key.Key_Return)
        assert sheet.model.index(0, 1).data() == "孕妇能穿吗" and sheet.text.text() == ""
        assert sheet.state.text() == "填写中"
        qtbot.mouseClick(sheet.submit_button, Qt.MouseButton.LeftButton)
        assert sheet.state.text() == "已提交"
    finally:
        agent.close()
    boss = open_as(qtbot, db_path, clock, "wang", records=None)
    try:
        collecting = boss.window.standards.open_problem_collect()
        qtbot.addWidget(collecting)
        assert collecting.model.rowCount() == 1
        qtbot.mouseClick(collecting.collect_button, Qt.MouseButton.LeftButton)
        assert collecting.model.index(0, 2).data() == "已汇总"
        click_row(qtbot, collecting.view, 0)
        type_text(collecting.answer, "面料是纯棉的，孕妇可以穿")
        qtbot.mouseClick(collecting.answer_button, Qt.MouseButton.LeftButton)
        assert collecting.model.index(0, 0).data(EntryRole).answer == "面料是纯棉的，孕妇可以穿"
        path = tmp_path / "问题单.xlsx"
        with qtbot.waitSignal(collecting.exported, timeout=10000) as blocker:
            collecting.export_to(path)
        assert blocker.args[0] == 1
        rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
        assert rows[1][1:5] == ("xiaoman", "没答上的问题", "孕妇能穿吗", "面料是纯棉的，孕妇可以穿")
        assert [q.text for q in problems.training_questions(boss.store)] == ["孕妇能穿吗"]
    finally:
        boss.close()


def test_the_supervisor_edits_the_checklist_and_an_agent_only_reads_it(qtbot, db_path, clock,
                                                                          boss_window):
    dialog = boss_window.window.standards.open_standard()
    qtbot.addWidget(dialog)
    # Every weight at 0 would leave every conversation without a score: refused, said.
    for spin in dialog.weights.values():
        spin.setValue(0)
    with qtbot.waitSignal(boss_window.session.refused) as refusal:
        assert not dialog.save()
    assert refusal.args == ["启用的规则中至少要有一条权重大于 0，否则所有会话都没有得分。"]
    assert standards.load_standard(boss_window.store).weight("goodbye") == 5
    dialog.weights["first_reply_30s"].setValue(15)
    dialog.switches["recommend"].setChecked(False)
    dialog.weights["goodbye"].setValue(20)
    dialog.lists["banned_words"].setPlainText("不知道\n 爱买不买 \n\n不知道")
    assert dialog.save()
    saved = standards.load_standard(boss_window.store)
    assert saved.disabled == {"recommend"} and saved.weight("goodbye") == 20
    assert saved.banned_words == ("不知道", "爱买不买")
    boss_window.close()
    agent = open_as(qtbot, db_path, clock, "xiaoman", records=None)
    try:
        dialog = agent.window.standards.open_standard()
        qtbot.addWidget(dialog)
        assert not dialog.switches["goodbye"].isEnabled()
        assert dialog.lists["banned_words"].isReadOnly()
        assert not dialog.switches["recommend"].isChecked()
    finally:
        agent.close()


def test_the_models_behave(qtbot, qtmodeltester, boss_window):
    inspecting = sample_slow(qtbot, boss_window.window)
    click_row(qtbot, inspecting.list, 0)
    for model in (inspecting.model, inspecting.transcript_model, inspecting.results_model,
                  inspecting.items_model):
        qtmodeltester.check(model)
