"""The login dialog, and run(): login, the window，切换账号，login again."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from workbench import accounts, app
from workbench.store import Store
from workbench.ui.login_dialog import LoginDialog


def test_demo_shop_login_is_marked_as_demo_and_needs_no_password(qtbot, demo_store, clock):
    dialog = LoginDialog(demo_store, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selected_name() == "xiaoman"  # the last agent signed in here
    assert dialog.demo_note.isVisible() and "演示" in dialog.demo_note.text()
    assert not dialog.password.isEnabled()
    dialog.account_box.setCurrentIndex(dialog.account_box.findData("wang"))
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.agent.name == "wang" and accounts.current(demo_store).name == "wang"


def test_wrong_password_is_refused_and_the_dialog_stays(qtbot, store, clock):
    boss = accounts.create(store, "boss", "supervisor", "right-pass", clock())
    accounts.create(store, "amy", "agent", "amy-pass", clock(), by=boss)
    accounts.log_in(store, "amy", "amy-pass", clock())
    dialog = LoginDialog(store, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selected_name() == "amy" and not dialog.demo_note.isVisible()
    dialog.account_box.setCurrentIndex(dialog.account_box.findData("boss"))
    qtbot.keyClicks(dialog.password, "wrong-pass")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.agent is None
    assert "不正确" in dialog.error.text() and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, "right-pass")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.agent.name == "boss" and not dialog.isVisible()


def test_disabled_accounts_are_not_offered(qtbot, demo_store, clock):
    wang = accounts.by_name(demo_store, "wang")
    accounts.disable(demo_store, "ajie", wang, clock())
    dialog = LoginDialog(demo_store, clock)
    qtbot.addWidget(dialog)
    names = [dialog.account_box.itemData(i) for i in range(dialog.account_box.count())]
    assert names == ["xiaoman", "wang", "lin"]


def _later(steps):
    """Run each step when the previous one has run, from the event loop."""
    def next_step():
        if steps:
            steps.pop(0)()
            QTimer.singleShot(50, next_step)
    QTimer.singleShot(50, next_step)


def _login_dialog() -> LoginDialog:
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, LoginDialog) and w.isVisible())


def _sign_in_as(name):
    def step():
        dialog = _login_dialog()
        dialog.account_box.setCurrentIndex(dialog.account_box.findData(name))
        dialog.sign_in_button.click()
    return step


@pytest.fixture
def one_quit_per_window(qapp):
    """Closing our window must end app.exec() exactly once, whatever other tests left
    open: the steps quit explicitly and closing the last window does not quit as well
    (a second quit would be left pending and end the next event loop at once)."""
    qapp.setQuitOnLastWindowClosed(False)
    yield qapp
    qapp.setQuitOnLastWindowClosed(True)


def test_run_signs_in_then_switches_account(one_quit_per_window, db_path, monkeypatch):
    qapp = one_quit_per_window
    windows = []
    from workbench.ui import main_window

    original = main_window.MainWindow.__init__

    def remember(self, session):
        original(self, session)
        windows.append(self)

    monkeypatch.setattr(main_window.MainWindow, "__init__", remember)

    def switch():
        windows[-1].supervision.actions["switch"].trigger()
        qapp.quit()

    def close():
        windows[-1].close()
        qapp.quit()

    _later([_sign_in_as("xiaoman"), switch, _sign_in_as("wang"), close])
    assert app.run(db_path, "zh", 0.0, demo=True) == 0
    assert [w.session.agent.name for w in windows] == ["xiaoman", "wang"]
    assert "王主管" in windows[1].windowTitle()
    assert not any(w.isVisible() for w in windows)
    store = Store.open(db_path)
    try:
        assert accounts.current(store).name == "wang"
    finally:
        store.close()


def test_quitting_the_login_dialog_ends_the_program(one_quit_per_window, db_path):
    _later([lambda: _login_dialog().reject()])
    assert app.run(db_path, "zh", 0.0, demo=True) == 0
