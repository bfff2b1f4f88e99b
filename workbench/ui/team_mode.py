"""团队 menu: team mode over XMPP — login settings, my status, transfer, connection status,
and the supervisor's pull of the team's logs from the server archive.

The password is asked in the login dialog and kept only in memory (in the channel) for this
run: it is never written to the store or a log. The other login settings are kept in the
store's settings so the dialog is filled in next time.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from workbench.changes import Refused
from workbench.store import StoreError
from workbench.store import settings as stored
from workbench.ui.store_work import StoreTask, start_task
from workbench.ui.vocabulary import word

if TYPE_CHECKING:
    from workbench.channels.xmpp import XmppSettings


def _xmpp():
    """The XMPP channel module, imported on first use: it brings asyncio and slixmpp,
    which the simulator's start-up does not need."""
    from workbench.channels import xmpp

    return xmpp


SETTING_KEYS = {"server": "team.server", "port": "team.port", "jid": "team.jid",
                "service": "team.service", "tls": "team.tls", "ca_file": "team.ca_file"}
NOTICE_SHOWN_MS = 8000


def saved_settings(store) -> XmppSettings | None:
    jid = stored.get(store, SETTING_KEYS["jid"])
    service = stored.get(store, SETTING_KEYS["service"])
    if not jid or not service:
        return None
    return _xmpp().XmppSettings(
        jid=jid, service=service, server=stored.get(store, SETTING_KEYS["server"], "") or "",
        port=int(stored.get(store, SETTING_KEYS["port"], "5222") or 5222),
        tls=stored.get(store, SETTING_KEYS["tls"], "1") != "0",
        ca_file=stored.get(store, SETTING_KEYS["ca_file"], "") or "")


def save_settings(store, settings: XmppSettings) -> None:
    for field, key in SETTING_KEYS.items():
        value = getattr(settings, field)
        stored.put(store, key, ("1" if value else "0") if field == "tls" else str(value))


class _FileField(QWidget):
    """A path with a 选择… button (the private CA file)."""

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit()
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(lambda: self._browse(caption))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(browse)

    def _browse(self, caption: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, caption, "", "PEM (*.pem *.crt);;* (*)")
        if path:
            self.edit.setText(path)


class LoginDialog(QDialog):
    """Server, account, service address, password, TLS and the private CA file."""

    def __init__(self, settings: XmppSettings | None, parent=None, ask_service: bool = True):
        super().__init__(parent)
        self.setWindowTitle(self.tr("团队模式登录"))
        self.setMinimumWidth(440)
        self.server = QLineEdit(settings.server if settings else "")
        self.server.setPlaceholderText(self.tr("留空则按账号的域名查找"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(settings.port if settings else 5222)
        self.jid = QLineEdit(settings.jid if settings else "")
        self.jid.setPlaceholderText("xiaoman@shop.example")
        self.service = QLineEdit(settings.service if settings else "")
        self.service.setPlaceholderText("service@shop.example")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls = QCheckBox(self.tr("加密连接（TLS，建议保持开启）"))
        self.tls.setChecked(settings.tls if settings else True)
        self.ca_file = _FileField(self.tr("选择本店的 CA 证书"))
        self.ca_file.edit.setText(settings.ca_file if settings else "")
        self.ca_file.edit.setPlaceholderText(self.tr("使用本店自建证书时填写"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("服务器"), self.server)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("我的账号（JID）"), self.jid)
        if ask_service:
            form.addRow(self.tr("店铺服务账号"), self.service)
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", self.tls)
        form.addRow(self.tr("私有 CA 证书"), self.ca_file)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        (self.password if settings else self.jid).setFocus()

    def settings(self) -> XmppSettings:
        return _xmpp().XmppSettings(
            jid=self.jid.text().strip().lower(), service=self.service.text().strip().lower(),
            server=self.server.text().strip(), port=self.port.value(),
            tls=self.tls.isChecked(), ca_file=self.ca_file.edit.text().strip())

    def accept(self) -> None:
        settings = self.settings()
        if "@" not in settings.jid or (self.service.isVisibleTo(self)
                                       and "@" not in settings.service):
            self.message.setText(self.tr("请填写完整的账号，例如 xiaoman@shop.example。"))
            return
        if not self.password.text():
            self.message.setText(self.tr("请输入密码。"))
            return
        super().accept()


class TransferDialog(QDialog):
    def __init__(self, buyer: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("转接买家"))
        self.target = QLineEdit()
        self.target.setPlaceholderText("agent@shop.example")
        self.reason = QLineEdit()
        form = QFormLayout(self)
        buyer_label = QLabel(buyer)
        buyer_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("买家"), buyer_label)
        form.addRow(self.tr("转给客服（JID）"), self.target)
        form.addRow(self.tr("原因"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def _pull_archive(agent, settings: XmppSettings, password: str):
    """The work of 拉取团队聊天记录，on a worker's own store connection (see store_work)."""

    def work(store, _progress, _cancelled):
        from workbench.channels import xmpp_archive

        try:
            return xmpp_archive.pull(store, agent, settings.jid, password, settings.server,
                                     settings.port, settings.tls, settings.ca_file or None,
                                     time.time())
        except (Refused, StoreError):
            raise
        except Exception as error:  # a network or server problem: say it, keep the window
            said = QCoreApplication.translate("TeamMode", "拉取失败：{0}").format(error)
            raise Refused(said, said) from error  # already in the window's language

    return work


class TeamMode(QObject):
    """The 团队 menu's behaviour for one window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        channel = self.session.channel
        self.channel = channel if channel.routes_buyers else None  # only team mode's does
        self.dialog: QDialog | None = None
        self.pulling: StoreTask | None = None
        menu = window.area_menu(self.tr("团队"))
        self.login_action = menu.addAction(self.tr("登录设置…"), self.open_login)
        self.status_menu = menu.addMenu(self.tr("我的状态"))
        self.status_actions = {}
        self.transfer_action = menu.addAction(self.tr("转接当前买家…"), self.open_transfer)
        self.end_action = menu.addAction(self.tr("结束当前会话（释放接待名额）"),
                                         self.end_conversation)
        menu.addSeparator()
        self.pull_action = menu.addAction(self.tr("拉取团队聊天记录…"), self.open_pull)
        self.connection_label = QLabel()
        self.connection_label.setObjectName("teamConnection")
        window.statusBar().addPermanentWidget(self.connection_label)
        for action in (self.login_action, self.transfer_action, self.end_action,
                       self.status_menu.menuAction()):
            action.setEnabled(self.channel is not None)
        if self.channel is None:
            self.login_action.setToolTip(
                self.tr("以 workbench run --channel xmpp 启动进入团队模式"))
            return
        self._fill_status_menu()
        self.channel.set_outbox(lambda: _xmpp().unsent_outgoing(self.session.store,
                                                        self.session.agent.id))
        self.channel.state_changed.connect(self._show_state)
        self.channel.router_changed.connect(self._show_state)
        self.channel.notice.connect(self._notice)
        self.channel.failed.connect(lambda _uid, reason: self._notice(reason))
        self.status_actions[self.channel.status].setChecked(True)
        self._show_state()
        if not self.channel.has_credentials:
            # Each start asks for the password (it is never stored); after the window shows.
            QTimer.singleShot(0, self.open_login)

    def _fill_status_menu(self) -> None:
        # Only team mode has statuses; the simulator's start-up skips the protocol module.
        from workbench.channels import xmpp_protocol as proto

        for status in proto.STATUSES:
            action = self.status_menu.addAction(word(proto.STATUS_LABELS[status]))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, s=status: self.set_status(s))
            self.status_actions[status] = action

    # --- login ----------------------------------------------------------------------------

    def open_login(self) -> LoginDialog:
        dialog = LoginDialog(self.channel.settings or saved_settings(self.session.store),
                             self.window)
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        self._show(dialog)
        return dialog

    def _logged_in(self, dialog: LoginDialog) -> None:
        settings = dialog.settings()
        save_settings(self.session.store, settings)
        password = dialog.password.text()
        dialog.password.clear()
        self.channel.configure(settings, password)
        self.channel.start()

    def _show_state(self, *_args) -> None:
        channel = self.channel
        text = self.tr("团队：") + word(_xmpp().STATE_LABELS.get(channel.state, channel.state))
        if channel.state == "online":
            text += self.tr(" · 路由在线") if channel.router_online else self.tr(" · 等待路由")
        if channel.error:
            text += " · " + channel.error
        self.connection_label.setText(text)

    def _notice(self, text: str) -> None:
        if text:
            self.window.statusBar().showMessage(text, NOTICE_SHOWN_MS)

    # --- status, transfer, end ------------------------------------------------------------

    def set_status(self, status: str) -> None:
        for name, action in self.status_actions.items():
            action.setChecked(name == status)
        self.channel.set_status(status)

    def _current_buyer(self) -> str | None:
        current = self.session.current
        if current is None:
            self._notice(self.tr("请先选中一个会话。"))
            return None
        return current.buyer_nick

    def open_transfer(self) -> TransferDialog | None:
        buyer = self._current_buyer()
        if buyer is None:
            return None
        dialog = TransferDialog(buyer, self.window)
        dialog.accepted.connect(lambda: self._transfer(buyer, dialog))
        self._show(dialog)
        return dialog

    def _transfer(self, buyer: str, dialog: TransferDialog) -> None:
        if not self.channel.transfer(buyer, dialog.target.text(), dialog.reason.text().strip()):
            self._notice(self.tr("未连接到服务器，无法转接。"))

    def end_conversation(self) -> None:
        buyer = self._current_buyer()
        if buyer is not None and not self.channel.end_conversation(buyer):
            self._notice(self.tr("未连接到服务器。"))

    # --- supervisor's pull ----------------------------------------------------------------

    def open_pull(self) -> LoginDialog:
        """Asks for the service account (whose archive it is) and its password."""
        base = (self.channel.settings if self.channel else None) or saved_settings(
            self.session.store)
        service = _xmpp().XmppSettings(
            jid=base.service, service=base.service, server=base.server, port=base.port,
            tls=base.tls, ca_file=base.ca_file) if base else None
        dialog = LoginDialog(service, self.window, ask_service=False)
        dialog.setWindowTitle(self.tr("拉取团队聊天记录（店铺服务账号）"))
        dialog.accepted.connect(lambda: self._pull(dialog))
        self._show(dialog)
        return dialog

    def _pull(self, dialog: LoginDialog) -> None:
        settings = dialog.settings()
        work = _pull_archive(self.session.agent, settings, dialog.password.text())
        dialog.password.clear()
        self.pull_action.setEnabled(False)
        self._notice(self.tr("正在拉取团队聊天记录…"))
        self.pulling = start_task(self.session.store.path, work, succeeded=self._pulled,
                                  failed=self._pull_failed)

    def _pulled(self, result) -> None:
        count, changes = result
        self.pull_action.setEnabled(True)
        self.pulling = None
        self.session.publish(changes)
        self._notice(self.tr("已拉取 {0} 条新消息。").format(count))

    def _pull_failed(self, reason: str) -> None:
        self.pull_action.setEnabled(True)
        self.pulling = None
        self._notice(reason)

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()


def install(window) -> None:
    """Add the 团队 menu and the connection status to ``window`` (a MainWindow)."""
    window.team_mode = TeamMode(window)
