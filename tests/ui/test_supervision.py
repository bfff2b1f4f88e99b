"""The supervision windows driven as a supervisor or an agent would: menus, log search,
transcripts, exports, imports and the dashboard."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from helpers import menu_title, type_text
from workbench import accounts, conversations
from workbench.app import open_workbench
from workbench.supervision import logfiles, search
from workbench.ui.supervision.search import HitRole, SnippetHtmlRole

DAY = "2025-11-20"
LOGS = [
    {"conversation": "s1", "buyer": "买家甲", "agent": None, "sender": "buyer",
     "text": "衣服有色差，我想退货", "time": f"{DAY} 10:00:00"},
    {"conversation": "s1", "buyer": "买家甲", "agent": "xiaoman", "sender": "agent",
     "text": "亲，<b>退货</b>请走七天无理由", "time": f"{DAY} 10:04:00"},
    {"conversation": "s2", "buyer": "买家乙", "agent": None, "sender": "buyer",
     "text": "退货地址是哪里", "time": f"{DAY} 11:00:00"},
    {"conversation": "s2", "buyer": "买家乙", "agent": "ajie", "sender": "agent",
     "text": "地址发您了，再见", "time": f"{DAY} 11:00:20"},
]


def write_jsonl(path, records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False))
                            + "\n" for r in records), encoding="utf-8")
    return path


def open_as(qtbot, db_path, clock, name, tmp_path=None, records=LOGS):
    workbench = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                               agent_name=name)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    if records:
        boss = accounts.by_name(workbench.store, "wang")
        logfiles.import_jsonl(workbench.store, write_jsonl(db_path.with_name("seed.jsonl"),
                                                           records), boss, clock())
    return workbench


def menu_titles(window):
    return [menu_title(action) for action in window.menuBar().actions() if action.isVisible()]


def search_for(qtbot, window, text):
    search_window = window.supervision.open_search()
    qtbot.addWidget(search_window)
    qtbot.waitUntil(lambda: not window.supervision.indexer.busy, timeout=10000)
    search_window.query.clear()
    type_text(search_window.query, text)
    with qtbot.waitSignal(search_window.searched, timeout=10000) as blocker:
        qtbot.keyClick(search_window.query, Qt.Key.Key_Return)
    return search_window, blocker.args[0]


def test_a_supervisor_gets_the_supervision_menu_an_agent_only_their_own(qtbot, db_path,
                                                                         clock):
    workbench = open_as(qtbot, db_path, clock, "wang", records=None)
    try:
        window = workbench.window
        assert "主管" in menu_titles(window) and "账号" in menu_titles(window)
        assert window.supervision.actions["import"].isEnabled()
    finally:
        workbench.close()
    workbench = open_as(qtbot, db_path, clock, "xiaoman", records=None)
    try:
        window = workbench.window
        assert "主管" not in menu_titles(window)
        assert window.supervision.actions["search"].text() == "我的聊天记录…"
        assert "import" not in window.supervision.actions
    finally:
        workbench.close()


def test_supervisor_searches_sees_highlighted_snippets_and_opens_the_transcript(
        qtbot, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "wang")
    try:
        search_window, result = search_for(qtbot, workbench.window, "退货")
        assert result.total == 3
        model = search_window.model
        assert [model.index(r, 1).data() for r in range(3)] == ["买家乙", "买家甲", "买家甲"]
        html = model.index(1, 4).data(SnippetHtmlRole)
        assert "&lt;b&gt;<b>退货</b>&lt;/b&gt;" in html  # the text's own tags stay text
        assert search_window.status.text().startswith("共 3 条")
        image = search_window.view.viewport().grab().toImage()
        assert not image.isNull()

        # Keyboard: the first row is current; Enter opens the whole conversation at the hit.
        search_window.view.setFocus()
        search_window.view.selectRow(1)
        hit = model.index(1, 0).data(HitRole)
        transcript = search_window.open_hit()
        qtbot.addWidget(transcript)
        assert transcript.ok and transcript.transcript.buyer == "买家甲"
        assert transcript.view.currentIndex().row() == transcript.marked_row
        assert transcript.model.rows[transcript.marked_row].id == hit.message.id
        assert "<b>退货</b>" in transcript.view.currentIndex().data()  # plain text, as typed
    finally:
        workbench.close()


def test_filters_from_the_window_combine(qtbot, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "wang")
    try:
        search_window = workbench.window.supervision.open_search()
        qtbot.addWidget(search_window)
        qtbot.waitUntil(lambda: not workbench.window.supervision.indexer.busy, timeout=10000)
        search_window.agent_box.setCurrentIndex(search_window.agent_box.findData("ajie"))
        type_text(search_window.query, "退货")
        with qtbot.waitSignal(search_window.searched, timeout=10000) as blocker:
            qtbot.keyClick(search_window.query, Qt.Key.Key_Return)
        assert [h.message.buyer for h in blocker.args[0].hits] == ["买家乙"]
        search_window.agent_box.setCurrentIndex(0)
        search_window.slow_reply.setChecked(True)
        with qtbot.waitSignal(search_window.searched, timeout=10000) as blocker:
            search_window.run_search()
        assert {h.message.conversation for h in blocker.args[0].hits} == {"s1"}
    finally:
        workbench.close()


def test_an_agent_searches_only_their_own_and_cannot_open_others(qtbot, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "xiaoman")
    try:
        search_window, result = search_for(qtbot, workbench.window, "退货")
        assert not search_window.agent_box.isEnabled()
        assert {h.message.conversation for h in result.hits} == {"s1"}
        other = workbench.store.conn.execute(
            "SELECT id FROM conversations WHERE external_id = 's2'").fetchone()[0]
        with qtbot.waitSignal(workbench.session.refused) as refusal:
            transcript = workbench.window.supervision.open_transcript(other)
        assert not transcript.ok and "只能查看自己" in refusal.args[0]
    finally:
        workbench.close()


def test_results_are_paged(qtbot, db_path, clock):
    records = [{"conversation": "p", "buyer": "翻页", "agent": None, "sender": "buyer",
                "text": f"第{n}次问发货", "time": f"{DAY} 12:{n // 60:02d}:{n % 60:02d}"}
               for n in range(60)]
    workbench = open_as(qtbot, db_path, clock, "wang", records=records)
    try:
        search_window, result = search_for(qtbot, workbench.window, "发货")
        assert result.total == 60 and search_window.model.rowCount() == 50
        assert search_window.next_button.isEnabled()
        assert not search_window.previous_button.isEnabled()
        with qtbot.waitSignal(search_window.searched, timeout=10000) as blocker:
            qtbot.mouseClick(search_window.next_button, Qt.MouseButton.LeftButton)
        assert len(blocker.args[0].hits) == 10
        assert search_window.model.index(9, 4).data() == "第0次问发货"
        assert search_window.status.text().startswith("共 60 条，第 51–60 条")
    finally:
        workbench.close()


def test_new_messages_are_indexed_in_the_background(qtbot, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "wang", records=None)
    try:
        window = workbench.window
        indexer = window.supervision.indexer
        window.supervision.open_search()
        qtbot.addWidget(window.supervision.search_window)
        qtbot.waitUntil(lambda: not indexer.busy, timeout=10000)
        with qtbot.waitSignal(indexer.caught_up, timeout=10000):
            workbench.session.channel.received.emit(conversations.Incoming(
                uid="bg-1", buyer="新来的买家", text="请问有优惠券吗", at=clock()))
        assert search.not_indexed(workbench.store) == 0
        _, result = search_for(qtbot, window, "优惠券")
        assert [h.message.buyer for h in result.hits] == ["新来的买家"]
    finally:
        workbench.close()


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "xlsx"])
def test_export_from_the_search_window(qtbot, db_path, clock, tmp_path, suffix):
    workbench = open_as(qtbot, db_path, clock, "wang")
    try:
        search_window, _ = search_for(qtbot, workbench.window, "退货")
        out = tmp_path / f"out.{suffix}"
        with qtbot.waitSignal(search_window.exported, timeout=10000) as blocker:
            search_window.export_to(out)
        assert blocker.args[0] == 3 and out.stat().st_size > 0
        with qtbot.waitSignal(search_window.exported, timeout=10000) as blocker:
            search_window.export_to(tmp_path / f"whole.{suffix}", transcripts=True)
        assert blocker.args[0] == 4
    finally:
        workbench.close()


def test_import_window_reports_a_bad_line_then_skips_it(qtbot, db_path, clock, tmp_path):
    workbench = open_as(qtbot, db_path, clock, "wang", records=None)
    try:
        dialog = workbench.window.supervision.open_import()
        qtbot.addWidget(dialog)
        path = write_jsonl(tmp_path / "in.jsonl", [LOGS[0], "not json", LOGS[2]])
        type_text(dialog.path, str(path))
        with qtbot.waitSignal(dialog.ended, timeout=10000) as blocker:
            qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert "第 2 行" in blocker.args[0] and "没有导入" in blocker.args[0]
        assert conversations.all_conversations(workbench.store) == []
        dialog.skip_bad.setChecked(True)
        with qtbot.waitSignal(workbench.session.changed, timeout=10000):
            qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert "导入 2 条消息" in dialog.report.toPlainText()
        assert dialog.progress.value() == 100
        assert (tmp_path / "in.jsonl.rejected.jsonl").read_text(encoding="utf-8") == "not json\n"
    finally:
        workbench.close()


def test_a_cancelled_import_leaves_the_store_unchanged(qtbot, db_path, clock, tmp_path,
                                                       monkeypatch):
    monkeypatch.setattr(logfiles, "PROGRESS_EVERY", 1)
    workbench = open_as(qtbot, db_path, clock, "wang", records=None)
    try:
        dialog = workbench.window.supervision.open_import()
        qtbot.addWidget(dialog)
        records = [{**LOGS[0], "conversation": f"c{n}", "buyer": f"b{n}"} for n in range(3000)]
        dialog.path.setText(str(write_jsonl(tmp_path / "big.jsonl", records)))
        with qtbot.waitSignal(dialog.ended, timeout=10000) as blocker:
            dialog.start()
            dialog.cancel()
        assert "已取消" in blocker.args[0]
        assert conversations.all_conversations(workbench.store) == []
    finally:
        workbench.close()


def test_dashboard_shows_figures_charts_and_quality_lists(qtbot, db_path, clock, tmp_path):
    workbench = open_as(qtbot, db_path, clock, "wang")
    try:
        window = workbench.window
        dashboard = window.supervision.open_dashboard()
        qtbot.addWidget(dashboard)
        dashboard.since.setDate(dashboard.since.date().fromString(DAY, "yyyy-MM-dd"))
        dashboard.until.setDate(dashboard.until.date().fromString(DAY, "yyyy-MM-dd"))
        with qtbot.waitSignal(dashboard.computed, timeout=10000) as blocker:
            dashboard.refresh()
        report = blocker.args[0]
        figures = dashboard.figures
        assert [figures.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
            "团队", "xiaoman", "ajie"]
        assert figures.index(0, 0).data() == "2"                    # buyers received
        assert figures.index(3, 2).data() == "20.0 秒"              # ajie's average response
        # Both rounds open their session: no later round for the three-minute rate (the
        # course), and 1 of 2 answered within 120 s.
        assert figures.index(5, 0).data() == "—"
        assert figures.index(6, 0).data() == "50.0%"
        assert dashboard.load_chart.peak() == 1
        assert sum(report.buyer_messages_by_hour) == 2
        assert dashboard.wait_chart.peak() == 1
        shot = dashboard.load_chart.grab().toImage()
        assert _has_colour(shot, 0x4E79A7)
        assert dashboard.slow.rowCount() == 1 and dashboard.slow.index(0, 1).data() == "买家甲"
        assert dashboard.no_goodbye.rowCount() == 1
        view = dashboard.quality_views[0]
        transcript = dashboard.open_item(view.model().index(0, 0))
        qtbot.addWidget(transcript)
        assert transcript.model.rows[transcript.marked_row].text == "衣服有色差，我想退货"

        settings = dashboard.edit_settings()
        settings.hours.setText("12:00-18:00")
        with qtbot.waitSignal(dashboard.computed, timeout=10000) as blocker:
            settings.accept()
        assert blocker.args[0].team.wait_120s_rate is None  # no round in those hours
    finally:
        workbench.close()


def test_an_agents_dashboard_has_only_their_own_column(qtbot, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "xiaoman")
    try:
        dashboard = workbench.window.supervision.open_dashboard()
        qtbot.addWidget(dashboard)
        dashboard.since.setDate(dashboard.since.date().fromString(DAY, "yyyy-MM-dd"))
        with qtbot.waitSignal(dashboard.computed, timeout=10000):
            dashboard.refresh()
        assert not dashboard.agent_box.isEnabled()
        assert dashboard.figures.columnCount() == 2
        assert dashboard.figures.headerData(1, Qt.Orientation.Horizontal) == "xiaoman"
        assert not dashboard.settings_button.isVisibleTo(dashboard)
    finally:
        workbench.close()


def test_switch_account_closes_the_window_for_the_login_dialog(qtbot, db_path, clock):
    workbench = open_as(qtbot, db_path, clock, "wang", records=None)
    try:
        workbench.window.supervision.actions["switch"].trigger()
        assert workbench.window.property("switchAccount") is True
        assert not workbench.window.isVisible()
    finally:
        workbench.store.close()


def _has_colour(image: QImage, rgb: int) -> bool:
    return any(image.pixel(x, y) & 0xFFFFFF == rgb
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def test_the_supervision_models_pass_the_model_tester(qtmodeltester, qtbot, db_path, clock):
    from workbench.supervision import metrics
    from workbench.ui.supervision.dashboard import FiguresModel, QualityModel
    from workbench.ui.supervision.search import ResultModel, TranscriptModel

    workbench = open_as(qtbot, db_path, clock, "wang")
    try:
        store, boss = workbench.store, accounts.by_name(workbench.store, "wang")
        search.catch_up(store)
        result = search.search(store, boss, search.LogFilter(query="退货"))
        results = ResultModel()
        results.set_rows(result.hits)
        qtmodeltester.check(results)
        conversation = result.hits[0].message.conversation_id
        qtmodeltester.check(TranscriptModel(search.transcript(store, boss, conversation).messages,
                                            result.hits[0].message.id))
        since = logfiles.parse_time(f"{DAY} 00:00:00")
        report = metrics.report(store, boss, since, since + 86400, since + 3 * 86400)
        figures = FiguresModel()
        figures.set_report(report)
        qtmodeltester.check(figures)
        quality = QualityModel(("a", "b"))
        quality.set_rows([(("x", "y"), conversation, since)])
        qtmodeltester.check(quality)
    finally:
        workbench.close()


def test_every_figure_shows_whole_at_the_dashboards_default_size(qtbot, db_path, clock):
    """The figures, the 售后 tab with every kind and cause (23 rows) and the 会员数据 tab
    show all their rows at the size the dashboard opens with: no table scrolls."""
    from PySide6.QtCore import QDate, QSize

    from workbench import aftersale, orders, timefmt
    from workbench.aftersale import cases

    workbench = open_as(qtbot, db_path, clock, "wang")
    try:
        store, boss = workbench.store, workbench.session.agent
        shipped = [o.id for o in orders.find(store, orders.OrderFilter(), clock())
                   if o.status in ("WAIT_BUYER_CONFIRM_GOODS", "TRADE_FINISHED")]
        for number, kind in enumerate(aftersale.KINDS):
            cases.open_case(store, shipped[number % len(shipped)], kind, boss, clock())
        for number, cause in enumerate(aftersale.CAUSES):
            cases.open_case(store, shipped[number % len(shipped)], "仅跟进", boss, clock(),
                            cause=cause)
        dashboard = workbench.window.supervision.open_dashboard()
        qtbot.addWidget(dashboard)
        assert dashboard.size() == QSize(1100, 740)
        day = timefmt.local(clock())
        for edit in (dashboard.since, dashboard.until):
            edit.setDate(QDate(day.year, day.month, day.day))
        dashboard.refresh()
        members = dashboard.members
        qtbot.waitUntil(lambda: dashboard.report is not None
                        and dashboard.aftersale.report is not None
                        and members.figures is not None, timeout=10000)
        assert dashboard.aftersale.model.rowCount() == 8 + len(aftersale.KINDS) + len(
            aftersale.CAUSES) + 1  # the figures, each kind, each cause and 未注明
        for tab, view in ((dashboard.aftersale, dashboard.aftersale.view),
                          (members, members.table), (None, dashboard.figures_view)):
            if tab is not None:
                dashboard.quality.setCurrentWidget(tab)
            qtbot.waitUntil(lambda view=view: view.isVisible(), timeout=5000)
            rows = view.verticalHeader()
            last = rows.sectionViewportPosition(view.model().rowCount() - 1)
            assert view.verticalScrollBar().maximum() == 0, view.objectName()
            assert last + rows.sectionSize(0) <= view.viewport().height()
    finally:
        workbench.close()


@pytest.mark.parametrize("peak", range(0, 41))
def test_the_chart_axis_steps_are_whole_and_distinct(peak):
    from workbench.ui.supervision.dashboard import axis_top

    top = axis_top(peak)
    steps = [top * step / 4 for step in range(5)]
    assert top >= peak and all(value == int(value) for value in steps)
    assert len(set(steps)) == 5


def test_the_dashboard_opens_on_the_sessions_day(qtbot, db_path, clock):
    import datetime as dt

    clock.now = dt.datetime(2031, 5, 20, 15, 0).timestamp()   # not the machine's day
    workbench = open_as(qtbot, db_path, clock, "wang")
    try:
        dashboard = workbench.window.supervision.open_dashboard()
        qtbot.addWidget(dashboard)
        assert dashboard.until.date().toString("yyyy-MM-dd") == "2031-05-20"
    finally:
        workbench.close()
