"""The supervision area in the main window: the 主管 menu (log search, figures, log import)
for supervisors, the 账号 menu (switch account; one's own logs and figures) for everyone,
and the background indexer that keeps log search current.

What a role may read is decided by the domain; the menus only spare people entries they
could not use.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from workbench.accounts import permissions
from workbench.ui.supervision.tasks import IndexKeeper, Tasks
from workbench.ui.vocabulary import word
from workbench.ui.windowing import bring_to_front, menu_action, on_close

SWITCH_ACCOUNT_PROPERTY = "switchAccount"
# run() starts indexing this long after the window is up, off the start-up path.
BACKGROUND_START_MS = 20_000


class Supervision(QObject):
    """Owns the area's windows, worker pool and indexer for one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.tasks = Tasks(self.session.store.path, self)
        self.indexer = IndexKeeper(self.tasks, self)
        self.search_window = None
        self.dashboard = None
        self.import_dialog = None
        self.session.changed.connect(self._on_changed)
        on_close(window, self.shut_down)

        agent = self.session.agent
        supervisor = permissions.allowed(agent.role, permissions.READ_ALL_LOGS)
        self.actions: dict[str, QAction] = {}
        if supervisor:
            menu = window.area_menu(self.tr("主管"))
            self._add(menu, "search", self.tr("聊天记录查询…"), self.open_search, "Ctrl+Shift+F")
            self._add(menu, "dashboard", self.tr("服务数据看板…"), self.open_dashboard)
            menu.addSeparator()
            self._add(menu, "import", self.tr("导入聊天记录…"), self.open_import)
            self.actions["import"].setEnabled(
                permissions.allowed(agent.role, permissions.IMPORT_LOGS))
        account = window.area_menu(self.tr("账号"))
        who = account.addAction(self.tr("当前：{0}（{1}）").format(agent.signature,
                                                                word(agent.role_name)))
        who.setEnabled(False)
        if not supervisor:
            self._add(account, "search", self.tr("我的聊天记录…"), self.open_search,
                      "Ctrl+Shift+F")
            self._add(account, "dashboard", self.tr("我的服务数据…"), self.open_dashboard)
        account.addSeparator()
        self._add(account, "switch", self.tr("切换账号 / 退出登录…"), self.switch_account)

    def _add(self, menu, key: str, text: str, slot, shortcut: str | None = None) -> None:
        self.actions[key] = menu_action(menu, text, slot, f"supervision_{key}", shortcut)
        menu.addAction(self.actions[key])

    # --- windows -----------------------------------------------------------------------

    def open_search(self):
        from workbench.ui.supervision.search import LogSearchWindow

        if self.search_window is None:
            self.search_window = LogSearchWindow(self.session, self.tasks, self.indexer,
                                                 self.window)
        self.indexer.start()
        bring_to_front(self.search_window)
        return self.search_window

    def open_dashboard(self):
        from workbench.ui.supervision.dashboard import DashboardWindow

        if self.dashboard is None:
            self.dashboard = DashboardWindow(self.session, self.tasks, self, self.window)
            self.dashboard.refresh()
        bring_to_front(self.dashboard)
        return self.dashboard

    def open_import(self):
        from workbench.ui.supervision.import_dialog import ImportDialog

        if self.import_dialog is None:
            self.import_dialog = ImportDialog(self.session, self.tasks, self.window)
            self.import_dialog.imported.connect(self._imported)
        bring_to_front(self.import_dialog)
        return self.import_dialog

    def open_transcript(self, conversation_id: int, message_id: int | None = None,
                        at: float | None = None):
        from workbench.ui.supervision.search import TranscriptWindow

        transcript = TranscriptWindow(self.session, conversation_id, message_id, at,
                                      self.window)
        if transcript.ok:
            bring_to_front(transcript)
        return transcript

    def switch_account(self) -> None:
        """Close this window; run() then shows the login dialog again."""
        self.window.setProperty(SWITCH_ACCOUNT_PROPERTY, True)
        self.window.close()

    # --- background work ---------------------------------------------------------------

    def _on_changed(self, changes) -> None:
        if changes.messages:
            self.indexer.messages_arrived()

    def _imported(self, changes) -> None:
        self.session.publish(changes)
        self.indexer.start()

    def shut_down(self) -> None:
        """Stop background work before the store goes away."""
        self.indexer.stop()
        self.tasks.stop_all()
        for child in (self.search_window, self.dashboard, self.import_dialog):
            if child is not None:
                child.close()


def install(window) -> None:
    """Add menus, actions and shortcuts to ``window`` (a MainWindow)."""
    window.supervision = Supervision(window)


def start_background_work(window, delay_ms: int = BACKGROUND_START_MS) -> None:
    """Catch the search index up a little after start-up (jieba loads in the worker)."""
    supervision = getattr(window, "supervision", None)
    if supervision is not None:
        QTimer.singleShot(delay_ms, supervision, lambda: window.isVisible()
                          and supervision.indexer.start())
