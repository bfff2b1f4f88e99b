"""The login dialog shown at start: pick the account (the last one is preselected), type
the password. A demo account signs in without one, and the dialog says so plainly."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from workbench import accounts
from workbench.changes import Refused
from workbench.store import Store, StoreError
from workbench.ui import language
from workbench.ui.vocabulary import word


class LoginDialog(QDialog):
    def __init__(self, store: Store, clock: Callable[[], float] = time.time, parent=None):
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.agent: accounts.Agent | None = None
        self.setWindowTitle(self.tr("登录 — 客服工作台"))
        self.setObjectName("loginDialog")
        self.setMinimumWidth(380)

        self.accounts = accounts.active_agents(store)
        self.demo_ids = {a.id for a in self.accounts if accounts.is_demo(store, a)}
        self.account_box = QComboBox()
        self.account_box.setObjectName("loginAccount")
        for agent in self.accounts:
            self.account_box.addItem(f"{agent.signature}（{agent.name}）· {word(agent.role_name)}",
                                     agent.name)
        last = accounts.current(store)
        if last is not None and last.active:
            self.account_box.setCurrentIndex(max(0, self.account_box.findData(last.name)))
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.demo_note = QLabel()
        self.demo_note.setObjectName("loginDemoNote")
        self.demo_note.setTextFormat(Qt.TextFormat.PlainText)
        self.demo_note.setWordWrap(True)
        self.demo_note.setStyleSheet("color: #8a5a00; background: #fff4d6; padding: 6px;")
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(self.tr("登录"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("loginButton")
        self.sign_in_button.setDefault(True)
        buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)

        form = QFormLayout()
        form.addRow(self.tr("账号"), self.account_box)
        form.addRow(self.tr("密码"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.account_box.currentIndexChanged.connect(self._account_changed)
        self._account_changed()
        if not self.accounts:
            self.error.setText(self.tr("没有可登录的账号。请先用 `workbench accounts add 名字` "
                                       "创建账号（第一个账号是主管）。"))
            self.sign_in_button.setEnabled(False)

    def selected_name(self) -> str | None:
        return self.account_box.currentData()

    def is_demo_selected(self) -> bool:
        index = self.account_box.currentIndex()
        return 0 <= index < len(self.accounts) and self.accounts[index].id in self.demo_ids

    def _account_changed(self) -> None:
        demo = self.is_demo_selected()
        self.password.setEnabled(not demo)
        self.password.clear()
        self.password.setPlaceholderText(self.tr("演示账号无需密码") if demo else "")
        self.demo_note.setText(self.tr(
            "演示登录：这是演示店铺的账号，没有密码，任何人都能登录。"
            "正式使用前请主管用 `workbench accounts passwd` 为每个账号设置密码。")
            if demo else "")
        self.demo_note.setVisible(demo)
        self.error.clear()
        (self.account_box if demo else self.password).setFocus()

    def accept(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        try:
            self.agent = accounts.log_in(self.store, name, self.password.text(), self.clock())
        except (Refused, StoreError) as refusal:
            self.error.setText(language.text(refusal))
            self.password.clear()
            self.password.setFocus()
            return
        super().accept()


def ask(db_path: Path, clock: Callable[[], float] = time.time, demo: bool = False
        ) -> str | None:
    """Show the login dialog on ``db_path``; the account name, or None if the user quit.
    A store without accounts first gets the demo shop (``demo``) or the first-run dialog,
    whose new supervisor is signed in at once.

    The store is opened with the single-instance lock, so a second workbench is refused
    before anyone types a password. Raises StoreError like ``open_workbench``."""
    from workbench import demo as demo_shop

    store = Store.open(db_path, exclusive=True)
    try:
        if demo:
            demo_shop.seed_if_empty(store, clock())
        if not accounts.all_agents(store):
            from workbench.ui.accounts.first_run import FirstRunDialog

            first_run = FirstRunDialog(store, clock)
            first_run.exec()
            return first_run.supervisor.name if first_run.supervisor else None
        dialog = LoginDialog(store, clock)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.agent is None:
            return None
        return dialog.agent.name
    finally:
        store.close()
