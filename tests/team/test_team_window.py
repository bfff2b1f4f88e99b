"""Team mode in the real window: log in from the 团队 menu, answer a buyer with keys."""

from PySide6.QtCore import Qt

from helpers import click_row, row_where, type_text
from team.team_support import PASSWORD, TIMEOUT_MS
from workbench.app import open_workbench
from workbench.channels.xmpp import XmppChannel
from workbench.ui.conversation_list import ConversationRole
from workbench.ui.team_mode import saved_settings


def test_agent_logs_in_from_the_window_and_answers_a_buyer(make_team, qtbot, tmp_path):
    team = make_team(agents=["a1"], buyers=["b1"])
    team.start_router()
    channel = XmppChannel()
    workbench = open_workbench(tmp_path / "agent.sqlite3", channel=channel)
    window = workbench.window
    qtbot.addWidget(window)
    window.show()
    try:
        # Without a password the login dialog opens by itself once the window is up.
        qtbot.waitUntil(lambda: window.team_mode.dialog is not None
                        and window.team_mode.dialog.isVisible(), timeout=TIMEOUT_MS)
        dialog = window.team_mode.dialog
        assert dialog.tls.isChecked()
        dialog.server.setText("127.0.0.1")
        dialog.port.setValue(team.server.port)
        dialog.jid.setText(team.jid("a1"))
        dialog.service.setText(team.service)
        dialog.ca_file.edit.setText(str(team.server.ca_file))
        type_text(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        label = window.team_mode.connection_label
        qtbot.waitUntil(lambda: "已连接" in label.text() and "路由在线" in label.text(),
                        timeout=TIMEOUT_MS)
        # The settings are remembered, the password is not.
        saved = saved_settings(workbench.store)
        assert saved.jid == team.jid("a1") and saved.port == team.server.port
        dump = "\n".join(str(tuple(r)) for r in workbench.store.conn.execute(
            "SELECT * FROM settings"))
        assert PASSWORD not in dump

        buyer = team.buyer("b1")
        buyer.say(team.service, "在吗？想买这件")
        view = window.conversation_list
        qtbot.waitUntil(lambda: any(c.buyer_nick == buyer.jid for c in view.list_model.rows),
                        timeout=TIMEOUT_MS)
        click_row(qtbot, view, row_where(view, ConversationRole,
                                         lambda c: c.buyer_nick == buyer.jid))
        type_text(window.chat.composer, "在的亲，欢迎光临")
        qtbot.keyClick(window.chat.composer, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: buyer.bodies() == ["在的亲，欢迎光临"], timeout=TIMEOUT_MS)
        assert buyer.received[0]["from"].split("/")[0] == team.service

        # Suspending from the menu: the router hears it.
        window.team_mode.status_actions["suspended"].trigger()
        qtbot.waitUntil(lambda: team.router.router.status[team.jid("a1")] == "suspended",
                        timeout=TIMEOUT_MS)
    finally:
        sender = channel._xmpp._run_out_filters
        window.close()
        qtbot.waitUntil(sender.done, timeout=TIMEOUT_MS)
        workbench.store.close()


def _fill_pull_dialog(dialog, team, password):
    dialog.server.setText("127.0.0.1")
    dialog.port.setValue(team.server.port)
    dialog.jid.setText(team.service)
    dialog.ca_file.edit.setText(str(team.server.ca_file))
    dialog.password.setText(password)
    dialog.accept()


def test_a_supervisor_pulls_the_team_logs_from_the_window(make_team, qtbot, tmp_path):
    team = make_team(agents=["a1"], buyers=["b1"])
    team.start_router()
    seat = team.seat("a1")
    team.buyer("b1").say(team.service, "这件衣服起球吗")
    qtbot.waitUntil(lambda: len(seat.buyer_texts()) == 1, timeout=TIMEOUT_MS)

    workbench = open_workbench(tmp_path / "supervisor.sqlite3", agent_name="wang",
                               start_channel=False)
    window = workbench.window
    qtbot.addWidget(window)
    window.show()
    try:
        messages = window.statusBar()
        _fill_pull_dialog(window.team_mode.open_pull(), team, "wrong password")
        qtbot.waitUntil(lambda: window.team_mode.pulling is None, timeout=TIMEOUT_MS)
        assert messages.currentMessage().startswith("拉取失败")
        assert window.team_mode.pull_action.isEnabled()

        _fill_pull_dialog(window.team_mode.open_pull(), team, PASSWORD)
        qtbot.waitUntil(lambda: window.team_mode.pulling is None, timeout=TIMEOUT_MS)
        assert messages.currentMessage() == "已拉取 1 条新消息。"
        pulled = [c for c in window.conversation_list.list_model.rows
                  if c.buyer_nick == team.jid("b1")]
        assert len(pulled) == 1
    finally:
        workbench.close()
