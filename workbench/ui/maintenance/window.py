"""The store's upkeep in the main window.

- the message bar above the panels, fed by ``session.trouble`` and by the exception hook
  the app installs (:func:`install_excepthook`): nothing the machine says is a dialog;
- after start-up, off the start-up path: the full check of a store the open only
  trusted (its last clean close left it so), then the day's first backup;
- the 帮助 menu's data-and-backups dialog: where the store and its backups are, the newest
  backup's time, and 立即备份.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from workbench import faults
from workbench.store import integrity
from workbench.store.db import read_only_error
from workbench.ui.maintenance.message_bar import MessageBar, language
from workbench.ui.store_work import start_task

translate = QCoreApplication.translate
# The check and the day's backup start this long after the window shows.
BACKGROUND_START_MS = 2000


def install(window) -> None:
    window.message_bar = MessageBar()
    _put_above_the_panels(window, window.message_bar)
    window.session.trouble.connect(window.message_bar.show_trouble)
    window.upkeep = Upkeep(window)
    menu = window.area_menu(translate("MainWindow", "帮助"))
    action = menu.addAction(translate("MainWindow", "数据与备份…"), window.upkeep.open_dialog)
    action.setObjectName("actionDataAndBackups")


def _put_above_the_panels(window, bar: MessageBar) -> None:
    panels = window.takeCentralWidget()
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(bar)
    layout.addWidget(panels, 1)
    window.setCentralWidget(holder)


def start_background_work(window, delay_ms: int = BACKGROUND_START_MS) -> None:
    """The full check (when the open only trusted the file) and the day's backup."""
    upkeep = getattr(window, "upkeep", None)
    if upkeep is not None:
        QTimer.singleShot(delay_ms, upkeep, lambda: window.isVisible() and upkeep.start())


class Upkeep(QObject):
    """The store's state as the window knows it, and the work that keeps it safe."""

    updated = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.store = window.session.store
        self.busy = ""              # what runs now: "check", "backup" or ""
        self.note = ""              # how the last piece of work ended, for the dialog
        self.dialog = None
        self._task = None

    @property
    def checked(self) -> bool:
        """Read in full by this session (at open or since), not only trusted."""
        return self.store.checked_by in ("new", "full")

    def start(self) -> None:
        """Check in full if the open only trusted the file, then make the day's backup."""
        check = not self.checked
        self._run("check" if check else "backup",
                  lambda store, _progress, _cancelled: _check_and_back_up(store, check))

    def back_up_now(self) -> None:
        from workbench import maintenance

        self._run("backup", lambda store, _progress, _cancelled: (
            [], maintenance.backup_now(store, time.time())))

    def _run(self, what: str, work) -> None:
        if self.busy or self.store.damage:
            return
        self.busy = what
        self.updated.emit()
        self._task = start_task(self.store.path, work, succeeded=self._done,
                                failed=self._failed)

    def _done(self, result) -> None:
        problems, made = result
        self.busy = ""
        if problems:
            self._turn_read_only(problems[0])
        else:
            if self.store.checked_by == "record":
                self.store.checked_by = "full"
            if made is not None:
                self.note = self.tr("已备份到 {0}").format(made.path)
        self.updated.emit()

    def _failed(self, message: str) -> None:
        self.busy = ""
        error = self._task.error
        if error is not None and error.kind == "damaged":   # the worker could not even open it
            self._turn_read_only(error.en)
        else:
            self.note = message
            self.window.message_bar.show_message(self.tr("备份没有完成：{0}").format(message))
        self.updated.emit()

    def _turn_read_only(self, reason: str) -> None:
        self.store.mark_damaged(reason)
        self.window.message_bar.show_trouble(read_only_error(self.store.path))

    def open_dialog(self):
        from workbench.ui.maintenance.data_dialog import DataDialog

        if self.dialog is None:
            self.dialog = DataDialog(self, self.window)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def _check_and_back_up(store, check: bool):
    """On the worker: the store's problems (none: sound), then the day's backup if sound."""
    from workbench import maintenance  # on the worker, after the first paint

    problems = integrity.quick_check(store.conn) if check else []
    if problems:
        return problems, None
    return [], maintenance.daily_backup(store, time.time())


def install_excepthook() -> None:
    """What escapes a slot (a bug, or a store error a panel did not expect) is said in one
    line in the window's bar; a bug's traceback goes to the crash log, never a dialog."""
    def hook(kind, error, traceback) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, traceback)
            return
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()
                   and isinstance(getattr(w, "message_bar", None), MessageBar)]
        if windows and windows[-1].session.report(error):
            return   # an error of the machine, said in the bar (and a damaged store read-only)
        known = faults.as_store_error(error)
        text = known.message(language()) if known else faults.report_bug(error, language())
        if windows:
            windows[-1].message_bar.show_message(text)
        else:
            print(text, file=sys.stderr)

    sys.excepthook = hook
