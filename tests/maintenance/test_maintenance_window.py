"""The store's troubles in the running window: said in the bar, never a dialog; the agent
keeps the text they typed; buyers' messages wait and are stored once the store is free;
a damaged store turns the window read-only; the data-and-backups dialog (帮助 menu)
and its 立即备份."""

import hashlib
import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from helpers import click_row, damage_middle, menu_title, row_where, type_text
from workbench import conversations, faults, handover, maintenance
from workbench.app import open_workbench
from workbench.channels.simulator import Simulator
from workbench.conversations import Incoming
from workbench.store import StoreError
from workbench.ui.conversation_list import ConversationRole
from workbench.ui.maintenance import window as maintenance_window
from workbench.ui.store_work import wait_for_tasks


class RecordingChannel(Simulator):
    """The simulator, noting which incoming messages the session held back and stored."""

    def __init__(self, clock):
        super().__init__([], speed=0, clock=clock)
        self.held: list[str] = []
        self.confirmed: list[str] = []

    def unstored(self, uid):
        self.held.append(uid)

    def stored(self, uid):
        self.confirmed.append(uid)


@pytest.fixture
def workbench(qtbot, db_path, clock, monkeypatch):
    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT_MS", "50")
    opened = open_workbench(db_path, speed=0, clock=clock, scenarios=[],
                            channel=RecordingChannel(clock))
    qtbot.addWidget(opened.window)
    opened.window.show()
    yield opened
    opened.close()


@pytest.fixture
def lock_held(db_path):
    """Another program holding the store's write lock until released."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")

    def release():
        if other.in_transaction:
            other.execute("ROLLBACK")
    yield release
    release()
    other.close()


def buyer_says(workbench, text, clock, uid):
    workbench.session.channel.received.emit(Incoming(uid=uid, buyer="阿飞不飞", text=text,
                                                     at=clock()))


def stored_texts(workbench):
    return [row[0] for row in workbench.store.conn.execute(
        "SELECT text FROM messages WHERE sender = 'buyer' ORDER BY id")]


def test_a_locked_store_keeps_the_agents_text_and_says_so_in_the_bar(qtbot, workbench,
                                                                     clock, lock_held):
    window = workbench.window
    lock_held()
    buyer_says(workbench, "在吗", clock, "u-1")
    view = window.conversation_list
    click_row(qtbot, view, row_where(view, ConversationRole, lambda c: c.buyer_nick == "阿飞不飞"))
    other = sqlite3.connect(workbench.store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        type_text(window.chat.composer, "亲，在的")
        qtbot.keyClick(window.chat.composer, Qt.Key.Key_Return)
        assert window.message_bar.isVisible()
        assert "另一个程序" in window.message_bar.text.text()
        assert window.chat.composer.toPlainText() == "亲，在的"   # kept, not sent
        assert QApplication.activeModalWidget() is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.keyClick(window.chat.composer, Qt.Key.Key_Return)       # free again: it goes
    assert window.chat.composer.toPlainText() == ""
    assert "亲，在的" in [m.text for m in conversations.history(
        workbench.store, window.session.current.id)]


def test_buyers_messages_wait_for_a_locked_store_and_none_is_lost(qtbot, workbench, clock,
                                                                  lock_held):
    session, channel = workbench.session, workbench.session.channel
    for number in range(3):
        buyer_says(workbench, f"第{number}条", clock, f"u-{number}")
    assert session.waiting == 3 and stored_texts(workbench) == []
    assert channel.held == ["u-0", "u-1", "u-2"] and channel.confirmed == []
    assert workbench.window.message_bar.isVisible()
    lock_held()
    with qtbot.waitSignal(session.trouble, timeout=10_000) as over:
        pass
    assert over.args == [None]
    assert stored_texts(workbench) == ["第0条", "第1条", "第2条"]
    assert channel.confirmed == ["u-0", "u-1", "u-2"] and session.waiting == 0
    assert not workbench.window.message_bar.isVisible()


def test_damage_met_on_the_way_turns_the_window_read_only(qtbot, workbench, clock):
    window = workbench.window

    def broken(*_args):
        raise sqlite3.DatabaseError("database disk image is malformed")
    assert not window.session.run(broken)
    assert workbench.store.damage
    assert "只读" in window.message_bar.text.text() and window.message_bar.sticky
    buyer_says(workbench, "还在吗", clock, "u-late")
    assert window.session.waiting == 1      # kept in memory, the store is not written
    assert "只读" in window.message_bar.text.text()


def test_the_background_check_finds_damage_the_open_trusted(qtbot, workbench):
    upkeep = workbench.window.upkeep
    workbench.store.checked_by = "record"      # as after a clean close
    workbench.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage_middle(workbench.store.path)         # the disk fails under the running window
    with qtbot.waitSignal(upkeep.updated, timeout=10_000,
                          check_params_cb=lambda: not upkeep.busy):
        upkeep.start()
    assert workbench.store.damage and "只读" in workbench.window.message_bar.text.text()
    assert maintenance.backups(workbench.store.path) == []    # damage is not backed up
    with pytest.raises(StoreError):
        conversations.save_draft(workbench.store, 1, "x")


def test_the_first_start_of_the_day_checks_then_backs_up(qtbot, workbench):
    upkeep = workbench.window.upkeep
    workbench.store.checked_by = "record"
    with qtbot.waitSignal(upkeep.updated, timeout=10_000,
                          check_params_cb=lambda: not upkeep.busy):
        upkeep.start()
    assert workbench.store.checked_by == "full" and not workbench.store.damage
    made = maintenance.backups(workbench.store.path)
    assert len(made) == 1
    with qtbot.waitSignal(upkeep.updated, timeout=10_000,
                          check_params_cb=lambda: not upkeep.busy):
        upkeep.start()
    assert len(maintenance.backups(workbench.store.path)) == 1   # once a day


def test_the_data_dialog_shows_the_newest_backup_and_backs_up_now(qtbot, workbench):
    window = workbench.window
    help_menu = next(a.menu() for a in window.menuBar().actions() if menu_title(a) == "帮助")
    action = next(a for a in help_menu.actions() if a.objectName() == "actionDataAndBackups")
    action.trigger()
    dialog = window.upkeep.dialog
    assert isinstance(dialog, QDialog) and dialog.isVisible() and not dialog.isModal()
    assert dialog.newest.text() == "还没有备份"
    with qtbot.waitSignal(window.upkeep.updated, timeout=10_000,
                          check_params_cb=lambda: not window.upkeep.busy):
        qtbot.mouseClick(dialog.back_up, Qt.MouseButton.LeftButton)
    newest = maintenance.backups(workbench.store.path)[0]
    assert dialog.newest.text().startswith(newest_time(newest.at))
    assert dialog.kept.text() == "1 份" and str(newest.path) in dialog.note.text()
    wait_for_tasks()


def newest_time(at):
    import datetime as dt

    return dt.datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M")


def test_the_exception_hook_says_a_bug_in_one_line_and_logs_it(qtbot, workbench, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # restored after the test
    maintenance_window.install_excepthook()
    try:
        raise KeyError("a bug")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    text = workbench.window.message_bar.text.text()
    assert "KeyError" in text and faults.CRASH_LOG in text and "\n" not in text
    try:
        raise StoreError("磁盘已满。", "The disk is full.", "full")
    except StoreError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert workbench.window.message_bar.text.text() == "磁盘已满。"


class FakeStanza(list):
    def __init__(self, sent):
        super().__init__()
        self._sent = sent

    def send(self):
        self._sent.append([element.get("id") for element in self if element.get("id")])


class FakeClient:
    def __init__(self):
        self.sent = []

    def make_message(self, _to, mtype):
        return FakeStanza(self.sent)


def test_team_mode_confirms_a_relayed_message_only_once_it_is_stored(qtbot):
    """The router keeps what an agent did not confirm and sends it again; so a message the
    store refused is confirmed when the retry stores it, not before."""
    from workbench.channels import xmpp_protocol as proto
    from workbench.channels.xmpp import XmppChannel, XmppSettings

    channel = XmppChannel(XmppSettings(jid="a@shop", service="router@shop"), "pw")
    channel._xmpp = FakeClient()
    held = {"busy": True}

    def store_it(incoming):   # the session: the store says no while busy
        if held["busy"]:
            channel.unstored(incoming.uid)
        else:
            channel.stored(incoming.uid)
    channel.received.connect(store_it)
    channel._on_relay(proto.Relay("r-1", "阿飞不飞", 7, "在吗", 0.0))
    assert channel._xmpp.sent == []
    channel.stored("r-1")                    # the retry got it into the store
    assert channel._xmpp.sent == [["r-1"]]
    held["busy"] = False
    channel._on_relay(proto.Relay("r-2", "阿飞不飞", 7, "还在吗", 1.0))
    assert channel._xmpp.sent == [["r-1"], ["r-2"]]


def test_the_login_dialog_says_a_busy_store_in_its_own_line(qtbot, demo_store, db_path,
                                                           lock_held, monkeypatch):
    from workbench.ui.login_dialog import LoginDialog

    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT_MS", "50")
    demo_store.close()
    from workbench.store import Store

    store = Store.open(db_path)
    try:
        dialog = LoginDialog(store)
        qtbot.addWidget(dialog)
        dialog.accept()
        assert "另一个程序" in dialog.error.text() and dialog.agent is None
    finally:
        store.close()


def test_a_draft_the_store_refused_stays_with_its_conversation(qtbot, workbench, clock,
                                                               db_path):
    window = workbench.window
    buyer_says(workbench, "在吗", clock, "u-a")
    workbench.session.channel.received.emit(Incoming(uid="u-b", buyer="晴天小鹿", text="你好",
                                                     at=clock()))
    view = window.conversation_list

    def open_chat(buyer):
        click_row(qtbot, view, row_where(view, ConversationRole, lambda c: c.buyer_nick == buyer))

    open_chat("阿飞不飞")
    type_text(window.chat.composer, "亲，稍等我查一下")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        open_chat("晴天小鹿")                  # saving the draft is refused...
        assert window.message_bar.isVisible()
        open_chat("阿飞不飞")
        assert window.chat.composer.toPlainText() == "亲，稍等我查一下"   # ...but it is kept
    finally:
        other.execute("ROLLBACK")
        other.close()
    open_chat("晴天小鹿")                      # free again: the draft is stored
    stored = conversations.latest_for_buyer(workbench.store, "阿飞不飞")
    assert stored.draft == "亲，稍等我查一下"


def test_a_damaged_store_is_never_checkpointed_into_at_close(qtbot, workbench, clock):
    upkeep = workbench.window.upkeep
    workbench.store.checked_by = "record"      # as after a clean close
    workbench.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for number in range(3):                    # the day's writes wait in the WAL
        handover.add(workbench.store, f"回访{number}", workbench.session.agent, clock())
    path = workbench.store.path
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    damage_middle(path)                        # the disk fails under the running window
    with qtbot.waitSignal(upkeep.updated, timeout=10_000,
                          check_params_cb=lambda: not upkeep.busy):
        upkeep.start()
    assert workbench.store.damage
    damaged = hashlib.sha256(path.read_bytes()).hexdigest()
    workbench.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == damaged
    assert wal.stat().st_size > 0              # the day's writes are kept beside it
