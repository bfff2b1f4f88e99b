"""The account windows (账号管理 and 修改我的密码) driven through the real window; a
disabled account can do nothing more in a window that is still open; refusals follow the
window's language."""

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.modeltest import ModelTester

from helpers import type_text
from workbench import accounts, orders
from workbench.app import install_translation, open_workbench
from workbench.changes import Refused
from workbench.store import events
from workbench.ui.login_dialog import LoginDialog


def open_window(qtbot, db_path, clock, agent_name):
    opened = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                            agent_name=agent_name)
    qtbot.addWidget(opened.window)
    opened.window.show()
    return opened


@pytest.fixture
def as_wang(qtbot, db_path, clock):
    opened = open_window(qtbot, db_path, clock, "wang")
    yield opened
    opened.close()


def menu_entries(window) -> list[str]:
    return [a.objectName() for a in window.findChildren(QAction) if a.objectName()]


def trigger(window, name: str) -> None:
    next(a for a in window.findChildren(QAction) if a.objectName() == name).trigger()


def rows(accounts_window) -> dict[str, list[str]]:
    model = accounts_window.model
    return {model.index(r, 0).data(): [model.index(r, c).data() for c in range(1, 5)]
            for r in range(model.rowCount())}


def click_ok(qtbot, dialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_a_supervisor_adds_resets_and_disables_accounts(qtbot, as_wang):
    window = as_wang.window
    trigger(window, "accounts_manage")
    manager = window.accounts.accounts_window
    ModelTester(qtbot).check(manager.model)
    assert rows(manager)["xiaoman"] == ["小满", "客服", "启用", "演示账号，无需密码"]

    qtbot.mouseClick(manager.add_button, Qt.MouseButton.LeftButton)
    dialog = manager.dialog
    type_text(dialog.account, "amy")
    dialog.role.setCurrentIndex(dialog.role.findData("trainer"))
    type_text(dialog.password, "amy-pass")
    type_text(dialog.again, "amy-pass")
    click_ok(qtbot, dialog)
    assert rows(manager)["amy"] == ["amy", "培训师", "启用", "已设密码"]

    manager.select("xiaoman")
    qtbot.mouseClick(manager.password_button, Qt.MouseButton.LeftButton)
    dialog = manager.dialog
    type_text(dialog.password, "abc")
    type_text(dialog.again, "abc")
    click_ok(qtbot, dialog)
    assert dialog.error.text() == "密码至少 6 个字符。" and dialog.isVisible()
    for field in (dialog.password, dialog.again):
        field.clear()
        type_text(field, "xiaoman-pass")
    click_ok(qtbot, dialog)
    assert rows(manager)["xiaoman"][3] == "已设密码"
    store = as_wang.store
    assert accounts.authenticate(store, "xiaoman", "xiaoman-pass", 0.0).name == "xiaoman"

    manager.select("ajie")
    qtbot.mouseClick(manager.disable_button, Qt.MouseButton.LeftButton)
    confirm = manager.dialog
    assert isinstance(confirm, QMessageBox)
    qtbot.mouseClick(confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert rows(manager)["ajie"][2] == "已停用"

    manager.select("wang")
    qtbot.mouseClick(manager.disable_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(manager.dialog.button(QMessageBox.StandardButton.Yes),
                     Qt.MouseButton.LeftButton)
    assert manager.message.text() == "这是最后一个可用的主管账号，不能停用。"
    assert rows(manager)["wang"][2] == "启用"
    kinds = [row["kind"] for name in ("amy", "xiaoman", "ajie") for row in events.for_subject(
        store, f"agent:{accounts.by_name(store, name).id}")]
    assert {"account.add", "account.passwd", "account.disable"} <= set(kinds)


def test_the_supervisor_sees_recent_failed_sign_ins(qtbot, as_wang, clock):
    store = as_wang.store
    accounts.set_password(store, "ajie", "ajie-pass", accounts.by_name(store, "wang"), clock())
    for _ in range(5):
        with pytest.raises(Refused):
            accounts.log_in(store, "ajie", "guess", clock())
    with pytest.raises(Refused):
        accounts.log_in(store, "ajie", "ajie-pass", clock())
    trigger(as_wang.window, "accounts_manage")
    problems = as_wang.window.accounts.accounts_window.problems
    ModelTester(qtbot).check(problems)
    listed = [[problems.index(r, c).data() for c in range(1, 4)]
              for r in range(problems.rowCount())]
    assert listed[:3] == [["ajie", "锁定中，未检查密码", ""], ["ajie", "账号被锁定", "30 秒"],
                          ["ajie", "密码错误", ""]]
    assert len(listed) == 7


def test_agents_change_only_their_own_password(qtbot, db_path, clock):
    opened = open_window(qtbot, db_path, clock, "xiaoman")
    try:
        window = opened.window
        assert "accounts_manage" not in menu_entries(window)
        store = opened.store
        accounts.set_password(store, "xiaoman", "old-secret", accounts.by_name(store, "xiaoman"),
                              clock())
        trigger(window, "accounts_password")
        dialog = window.accounts.password_dialog
        # Typing starts in the old password, and Tab goes down the fields before 确定.
        assert dialog.focusWidget() is dialog.old
        qtbot.keyPress(dialog.old, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.new
        type_text(dialog.old, "not-it")
        type_text(dialog.new, "new-secret")
        type_text(dialog.again, "new-secret")
        click_ok(qtbot, dialog)
        assert dialog.error.text() == "账号或密码不正确。"
        type_text(dialog.old, "old-secret")
        click_ok(qtbot, dialog)
        assert not dialog.isVisible()
        assert accounts.authenticate(store, "xiaoman", "new-secret", clock()).name == "xiaoman"
    finally:
        opened.close()


def test_an_account_disabled_while_signed_in_can_do_nothing_more(qtbot, db_path, clock):
    opened = open_window(qtbot, db_path, clock, "ajie")
    try:
        window, store = opened.window, opened.store
        order = orders.find(store, orders.OrderFilter(), clock())[0]
        accounts.disable(store, "ajie", accounts.by_name(store, "wang"), clock())
        before = orders.remarks(store, order.id)
        assert not opened.session.run(orders.add_remark, store, order.id,
                                      opened.session.agent, "我来处理", clock())
        assert window.statusBar().currentMessage() == \
            "账号 ajie 已停用，不能再进行任何操作。请联系主管。"
        assert orders.remarks(store, order.id) == before
        window.conversation_list.setCurrentIndex(window.conversation_list.model().index(0, 0))
        assert not opened.session.send_text("还在吗")
    finally:
        opened.close()


def test_refusals_are_shown_in_the_window_language(qtbot, db_path, clock):
    app = QCoreApplication.instance()
    install_translation(app, "en")
    try:
        opened = open_window(qtbot, db_path, clock, "xiaoman")
        try:
            order = orders.find(opened.store, orders.OrderFilter(), clock())[0]
            assert not opened.session.run(orders.add_remark, opened.store, order.id,
                                          opened.session.agent, "   ", clock())
            assert opened.window.statusBar().currentMessage() == "A remark cannot be empty."
        finally:
            opened.close()
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()


def test_the_login_dialog_makes_a_guesser_wait(qtbot, store, clock):
    accounts.create(store, "boss", "supervisor", "right-pass", clock())
    dialog = LoginDialog(store, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(5):
        qtbot.keyClicks(dialog.password, "guess")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.error.text() == "账号或密码不正确。连续失败 5 次以上，请 30 秒后再试。"
    clock.advance(10)
    qtbot.keyClicks(dialog.password, "right-pass")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.agent is None
    assert dialog.error.text() == "登录失败次数过多，账号 boss 已暂时锁定，请 20 秒后再试。"
    clock.advance(20)
    qtbot.keyClicks(dialog.password, "right-pass")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.agent.name == "boss" and not dialog.isVisible()
    attempts = [row for row in events.for_subject(store, "agent:1")
                if row["kind"] not in ("account.add", "account.locked")]
    assert len(attempts) == 7 and all('"via": "window"' in row["detail"] for row in attempts)
