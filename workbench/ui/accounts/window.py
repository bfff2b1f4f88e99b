"""The accounts area in the main window: the account manager for supervisors (the
shop's accounts to add, reset a password or disable, and recent failed sign-ins) and
changing one's own password for everyone, both in the 账号 menu. The domain decides who
may do what; the menu spares agents an entry they could not use.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import accounts, timefmt
from workbench.accounts import permissions, signins
from workbench.changes import Changes, Refused
from workbench.ui import language
from workbench.ui.item_models import RowsTableModel
from workbench.ui.session import Session
from workbench.ui.vocabulary import word

PROBLEM_NAMES = {
    "failed": QT_TRANSLATE_NOOP("SignInProblemModel", "密码错误"),
    "blocked": QT_TRANSLATE_NOOP("SignInProblemModel", "锁定中，未检查密码"),
    "locked": QT_TRANSLATE_NOOP("SignInProblemModel", "账号被锁定"),
    "disabled": QT_TRANSLATE_NOOP("SignInProblemModel", "已停用的账号尝试登录"),
}
PASSWORD_STATES = {
    "demo": QT_TRANSLATE_NOOP("AccountTableModel", "演示账号，无需密码"),
    "none": QT_TRANSLATE_NOOP("AccountTableModel", "未设密码，不能登录"),
    "set": QT_TRANSLATE_NOOP("AccountTableModel", "已设密码"),
}


def error_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    return label


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class AccountTableModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("AccountTableModel", "账号名"),
               QT_TRANSLATE_NOOP("AccountTableModel", "显示名"),
               QT_TRANSLATE_NOOP("AccountTableModel", "角色"),
               QT_TRANSLATE_NOOP("AccountTableModel", "状态"),
               QT_TRANSLATE_NOOP("AccountTableModel", "密码"))

    def __init__(self):
        super().__init__()
        self.rows: list[tuple[accounts.Agent, str]] = []   # (agent, password state)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        agent, password = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return agent
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return agent.name
        if column == 1:
            return agent.display_name
        if column == 2:
            return word(agent.role_name)
        if column == 3:
            return self.tr("启用") if agent.active else self.tr("已停用")
        return QCoreApplication.translate("AccountTableModel", PASSWORD_STATES[password])


class SignInProblemModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("SignInProblemModel", "时间"),
               QT_TRANSLATE_NOOP("SignInProblemModel", "账号"),
               QT_TRANSLATE_NOOP("SignInProblemModel", "情况"),
               QT_TRANSLATE_NOOP("SignInProblemModel", "锁定时长"))

    def __init__(self):
        super().__init__()
        self.rows: list[signins.SignInProblem] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if (role != Qt.ItemDataRole.DisplayRole or not index.isValid()
                or not 0 <= index.row() < len(self.rows)):
            return None
        problem = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return timefmt.second(problem.at)
        if column == 1:
            return problem.name
        if column == 2:
            return QCoreApplication.translate("SignInProblemModel", PROBLEM_NAMES[problem.kind])
        if not problem.lock_s:
            return ""
        zh, en = signins.wait_text(problem.lock_s)
        return en if language.current() == "en" else zh


class FormDialog(QDialog):
    """Rows of fields, a line for the domain's refusal, OK and Cancel; subclasses add the
    rows to ``form`` and do the work in ``accept``."""

    def __init__(self, session: Session, name: str, title: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = error_label()
        self.error.setObjectName(f"{name}Error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        """Typing starts in the first field and Tab goes down the fields, then to the
        buttons: they were made first, before the subclass added its rows."""
        fields = [self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
                  for row in range(self.form.rowCount())]
        chain = [*fields, *self.buttons.buttons()]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        if fields:
            fields[0].setFocus()
        super().showEvent(event)

    def differ(self, password: QLineEdit, again: QLineEdit) -> bool:
        if password.text() == again.text():
            return False
        self.error.setText(self.tr("两次输入的密码不一致。"))
        return True

    def done_with(self, changes: Changes) -> None:
        self.session.publish(changes)
        super().accept()


class AccountDialog(FormDialog):
    """A new account (no ``name``) or a new password for ``name``; the domain's refusal is
    shown in place."""

    def __init__(self, session: Session, name: str | None = None, parent=None):
        super().__init__(session, "accountDialog",
                         self.tr("添加账号") if name is None
                         else self.tr("重设 {0} 的密码").format(name), parent)
        self.name = name
        self.account = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in accounts.ROLES:
            self.role.addItem(word(accounts.ROLE_NAMES[role]), role)
        self.password = password_field()
        self.again = password_field()
        if name is None:
            self.form.addRow(self.tr("账号名"), self.account)
            self.form.addRow(self.tr("显示名"), self.display_name)
            self.form.addRow(self.tr("角色"), self.role)
        self.form.addRow(self.tr("密码"), self.password)
        self.form.addRow(self.tr("再输入一次"), self.again)

    def accept(self) -> None:
        session = self.session
        if self.differ(self.password, self.again) or not session.may_act():
            return
        try:
            if self.name is None:
                agent = accounts.create(session.store, self.account.text(),
                                        self.role.currentData(), self.password.text(),
                                        session.clock(), by=session.agent,
                                        display_name=self.display_name.text())
                changes = Changes(accounts=frozenset({agent.id}))
            else:
                changes = accounts.set_password(session.store, self.name, self.password.text(),
                                                session.agent, session.clock())
        except Refused as refusal:
            self.error.setText(language.text(refusal))
            return
        self.done_with(changes)


class OwnPasswordDialog(FormDialog):
    """Changing one's own password (修改我的密码) takes the old one, as on the command
    line."""

    def __init__(self, session: Session, parent=None):
        super().__init__(session, "ownPasswordDialog", self.tr("修改我的密码"), parent)
        self.old = password_field()
        self.new = password_field()
        self.again = password_field()
        if not accounts.is_demo(session.store, session.agent):
            self.form.addRow(self.tr("原密码"), self.old)
        self.form.addRow(self.tr("新密码"), self.new)
        self.form.addRow(self.tr("再输入一次"), self.again)

    def accept(self) -> None:
        if self.differ(self.new, self.again):
            return
        session = self.session
        try:
            me = accounts.authenticate(session.store, session.agent.name, self.old.text(),
                                       session.clock(), via="window")
            changes = accounts.set_password(session.store, me.name, self.new.text(), me,
                                            session.clock())
        except Refused as refusal:
            self.error.setText(language.text(refusal))
            self.old.clear()
            return
        self.done_with(changes)


class AccountsWindow(QWidget):
    """The shop's accounts and the last week's failed sign-ins (账号管理)."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.dialog: QDialog | None = None
        self.setObjectName("accountsWindow")
        self.setWindowTitle(self.tr("账号管理"))
        self.resize(760, 560)
        self.model = AccountTableModel()
        self.table = self._table(self.model, "accountTable")
        self.problems = SignInProblemModel()
        self.problem_table = self._table(self.problems, "signInProblemTable")
        self.add_button = QPushButton(self.tr("添加账号…"))
        self.add_button.setObjectName("accountAdd")
        self.password_button = QPushButton(self.tr("重设密码…"))
        self.password_button.setObjectName("accountPasswordReset")
        self.disable_button = QPushButton(self.tr("停用"))
        self.disable_button.setObjectName("accountDisable")
        refresh = QPushButton(self.tr("刷新"))
        self.message = error_label()
        self.message.setObjectName("accountsMessage")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.disable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("最近 7 天的登录失败")))
        layout.addWidget(self.problem_table, 2)
        self.add_button.clicked.connect(self.open_add)
        self.password_button.clicked.connect(self.open_reset)
        self.disable_button.clicked.connect(self.ask_disable)
        refresh.clicked.connect(self.refresh)
        session.changed.connect(self._on_changed)
        session.refused.connect(self._on_refused)
        self.refresh()

    @staticmethod
    def _table(model, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        return table

    def refresh(self) -> None:
        store = self.session.store
        self.model.set_rows([
            (agent, "demo" if accounts.is_demo(store, agent)
             else "none" if accounts.is_locked(store, agent) else "set")
            for agent in accounts.all_agents(store)])
        self.problems.set_rows(signins.recent_problems(store, self.session.clock()))

    def selected(self) -> accounts.Agent | None:
        index = self.table.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select(self, name: str) -> None:
        row = next(r for r, (agent, _) in enumerate(self.model.rows) if agent.name == name)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def open_add(self) -> AccountDialog:
        return self._open(AccountDialog(self.session, parent=self))

    def open_reset(self) -> AccountDialog | None:
        agent = self.selected()
        if agent is None:
            self.message.setText(self.tr("请先选择一个账号。"))
            return None
        return self._open(AccountDialog(self.session, agent.name, parent=self))

    def _open(self, dialog: QDialog) -> QDialog:
        self.message.clear()
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_disable(self) -> QMessageBox | None:
        agent = self.selected()
        if agent is None:
            self.message.setText(self.tr("请先选择一个账号。"))
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("停用账号"),
                          self.tr("停用 {0} 后，这个账号不能再登录或做任何操作；"
                                  "它的聊天记录和备注署名保留。").format(agent.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)
        box.setObjectName("accountDisableConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("停用"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.accepted.connect(lambda: self.disable(agent.name))
        self.dialog = box
        box.open()
        return box

    def disable(self, name: str) -> bool:
        self.message.clear()
        return self.session.run(accounts.disable, self.session.store, name,
                                self.session.agent, self.session.clock())

    def _on_changed(self, changes: Changes) -> None:
        if changes.accounts:
            self.refresh()

    def _on_refused(self, reason: str) -> None:
        if self.isVisible():
            self.message.setText(reason)


class Accounts(QObject):
    """The 账号 menu's entries of this area, for one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.accounts_window: AccountsWindow | None = None
        self.password_dialog: OwnPasswordDialog | None = None
        menu = window.area_menu(self.tr("账号"))
        menu.addSeparator()
        own = menu.addAction(self.tr("修改我的密码…"))
        own.setObjectName("accounts_password")
        own.triggered.connect(self.open_own_password)
        if permissions.allowed(window.session.agent.role, permissions.MANAGE_ACCOUNTS):
            manage = menu.addAction(self.tr("账号管理…"))
            manage.setObjectName("accounts_manage")
            manage.triggered.connect(self.open_accounts)

    def open_accounts(self) -> AccountsWindow:
        if self.accounts_window is None:
            self.accounts_window = AccountsWindow(self.window.session, self.window)
        else:
            self.accounts_window.refresh()
        self.accounts_window.show()
        return self.accounts_window

    def open_own_password(self) -> OwnPasswordDialog:
        self.password_dialog = OwnPasswordDialog(self.window.session, self.window)
        self.password_dialog.open()
        return self.password_dialog


def install(window) -> None:
    """Add the 账号 menu's account entries to ``window`` (a MainWindow)."""
    window.accounts = Accounts(window)
