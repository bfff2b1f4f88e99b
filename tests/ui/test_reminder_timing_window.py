"""The 催付 policy in the 旗帜规则 dialog (the table shown is the table applied) and the
总结优化表 under the register, driven in the window."""

from PySide6.QtCore import Qt

from workbench import timefmt
from workbench.app import open_workbench
from workbench.orders import reminders
from workbench.ui.orders.policy import TIMING_CHOICES

UNPAID = "3515313147329357906"


def open_window(qtbot, db_path, clock, agent_name=None):
    clock.now = timefmt.parse("2025-11-24 13:00")
    opened = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                            agent_name=agent_name)
    qtbot.addWidget(opened.window)
    opened.window.show()
    return opened


def test_every_reading_of_the_table_has_its_english():
    assert set(TIMING_CHOICES) == set(reminders.SMALL_HOURS.values()) | set(
        reminders.LATE_EVENING.values())


def test_the_supervisor_chooses_the_readings_and_sees_the_table_applied(qtbot, db_path, clock):
    boss = open_window(qtbot, db_path, clock, agent_name="wang")
    try:
        dialog = boss.window.orders_ui.show_policy()
        assert dialog.reminder_table.text().splitlines() == reminders.rule_texts((16, 0))
        dialog.small_hours.setCurrentIndex(dialog.small_hours.findData("after_noon"))
        dialog.dispatch.setTime(dialog.dispatch.time().addSecs(3600))
        chosen = reminders.ReminderPolicy("after_noon", "after_next_noon")
        shown = dialog.reminder_table.text().splitlines()
        assert shown == reminders.rule_texts((17, 0), chosen)
        assert shown[0] == "0 点以后下单，当天 12 点以后再催付" and "17:00" in shown[1]
        assert dialog.save()
        assert reminders.load_policy(boss.store) == chosen
    finally:
        boss.close()
    agent = open_window(qtbot, db_path, clock)
    try:
        dialog = agent.window.orders_ui.show_policy()
        assert not dialog.small_hours.isEnabled() and not dialog.late_evening.isEnabled()
        assert dialog.reminder_table.text().splitlines()[0].startswith("0 点以后下单")
        dialog.reject()
    finally:
        agent.close()


def test_the_register_shows_the_summary_table(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        register = window.orders_ui.show_register()
        assert register.summary_model.rowCount() == 0
        window.session.run(reminders.remind, workbench.store, UNPAID, window.session.agent,
                           window.session.clock(), channel="电话", reason="余额不足")
        cells = [[register.summary_model.index(r, c).data() for c in range(5)]
                 for r in range(register.summary_model.rowCount())]
        assert ["催付方式", "电话", "1", "0", "0.0%"] in cells
        assert ["未付原因", "余额不足", "1", "0", "0.0%"] in cells
        assert register.summary_model.headerData(4, Qt.Orientation.Horizontal) == "成功率"
    finally:
        workbench.close()


def test_the_registers_export_carries_the_summary_table(qtbot, db_path, clock, tmp_path):
    import openpyxl

    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        register = window.orders_ui.show_register()
        window.session.run(reminders.remind, workbench.store, UNPAID, window.session.agent,
                           window.session.clock(), channel="电话", reason="余额不足")
        path = tmp_path / "催付登记表.xlsx"
        assert register.export(path) == 1
        assert register.message.text() == f"已导出 1 条催付记录和总结优化表到 {path}"
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["催付登记表", "总结优化表"]
        shown = [[register.summary_model.index(r, c).data() for c in range(2)]
                 for r in range(register.summary_model.rowCount())]
        written = [list(row[:2]) for row in book["总结优化表"].iter_rows(min_row=2,
                                                                     values_only=True)]
        assert written == shown and ["未付原因", "余额不足"] in written
    finally:
        workbench.close()
