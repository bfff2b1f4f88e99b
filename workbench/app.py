"""Composition root: paths, store, channel, session and window, wired together once."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbench import accounts
from workbench import demo as demo_shop
from workbench.changes import Refused
from workbench.paths import RESOURCES
from workbench.quickphrases import preload
from workbench.store import Store

TRANSLATIONS = RESOURCES / "translations"
NO_DISPLAY_HELP = (
    "没有可用的显示器（未设置 DISPLAY / WAYLAND_DISPLAY）。\n"
    "  无界面运行：QT_QPA_PLATFORM=offscreen make run\n"
    "  查看界面截图：make screenshot（生成 docs/screenshot.png）\n"
    "No display found (DISPLAY / WAYLAND_DISPLAY unset). Run offscreen with "
    "QT_QPA_PLATFORM=offscreen, or look at the UI with `make screenshot`."
)

NO_ACCOUNT_ZH = ("这个店铺还没有账号：请运行 `workbench run --db 文件` 完成首次设置，"
                 "或用 `workbench accounts add` 创建第一个主管。")
NO_ACCOUNT_EN = ("This shop has no account yet: run `workbench run --db FILE` to set it up, "
                 "or create the first supervisor with `workbench accounts add`.")


def has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@dataclass
class Workbench:
    """One open workbench: close it to release the store."""

    store: Store
    session: object
    window: object

    def close(self) -> None:
        from workbench.ui.store_work import wait_for_tasks

        self.window.close()
        wait_for_tasks()  # workers read the store file; let them finish first
        self.store.close()


def open_workbench(db_path: Path, *, speed: float = 1.0,
                   clock: Callable[[], float] = time.time, start_channel: bool = True,
                   scenarios: list | None = None, agent_name: str | None = None,
                   channel=None, demo: bool = True) -> Workbench:
    """Open the window on ``db_path``. A store without accounts gets the demo shop when
    ``demo`` (tests, screenshots, the demo store); otherwise it is refused, since a new
    shop starts with its first-run dialog (:func:`run`).

    ``channel`` defaults to the simulator playing ``scenarios`` (all scenario files).
    A QApplication must exist. Raises StoreError when the store cannot be used.
    """
    from PySide6.QtWidgets import QApplication

    from workbench.channels import scenarios as scenario_files
    from workbench.channels.simulator import Simulator
    from workbench.ui import keyboard
    from workbench.ui.main_window import MainWindow
    from workbench.ui.session import Session

    keyboard.install(QApplication.instance())
    store = Store.open(db_path, exclusive=True)
    try:
        if demo:
            demo_shop.seed_if_empty(store, clock())
        if not accounts.all_agents(store):
            raise Refused(NO_ACCOUNT_ZH, NO_ACCOUNT_EN)
        _, preload_problems, _ = preload.preload(store, clock())
        agent = (accounts.by_name(store, agent_name) if agent_name else None) \
            or accounts.current(store) or accounts.all_agents(store)[0]
        if channel is None:
            channel = Simulator(
                scenarios if scenarios is not None else scenario_files.load_all(),
                speed=speed, clock=clock)
        session = Session(store, channel, agent, clock)
        window = MainWindow(session)
        for problem in preload_problems:
            window.show_refusal(problem)
    except BaseException:
        store.close()
        raise
    if start_channel:
        channel.start()
    return Workbench(store, session, window)


def install_translation(app, lang: str) -> None:
    """Chinese is the source language; English comes from a compiled Qt translation."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from workbench.ui.maintenance.message_bar import LANG_PROPERTY

    app.setProperty(LANG_PROPERTY, lang)
    if lang != "en":
        # Qt's own texts (the 保存/取消 of standard buttons, an edit's context menu) are
        # English unless Qt's Chinese translation is loaded.
        translator = QTranslator(app)
        if translator.load("qtbase_zh_CN",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
        return
    for compiled in sorted(TRANSLATIONS.glob("*_en.qm")):  # the core's, and an area's own
        translator = QTranslator(app)
        if translator.load(str(compiled)):
            app.installTranslator(translator)


def run(db_path: Path, lang: str, speed: float, exit_after_first_paint: bool = False,
        channel: str = "simulator", quit_after: float | None = None,
        demo: bool = False) -> int:
    """The login dialog, then the window; again after 切换账号，until the window is closed.
    A new store gets the demo shop when ``demo`` (the default store, or ``--demo``); any
    other new store opens the first-run dialog (shop name, first supervisor, imports).

    The start-up benchmark (``exit_after_first_paint``) skips the dialog and signs in as
    the workstation's last agent, as tests and ``workbench screenshot`` do; so does
    ``quit_after`` (the fault tests), which closes the window after that many seconds."""
    if not has_display():
        print(NO_DISPLAY_HELP, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workbench import faults
    from workbench.ui.maintenance import window as maintenance_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("客服工作台")
    install_translation(app, lang)
    maintenance_window.install_excepthook()
    loop = _event_loop(app, channel)
    agent_name = None
    unattended = exit_after_first_paint or quit_after is not None
    while True:
        try:
            if not unattended:
                from workbench.ui import login_dialog

                agent_name = login_dialog.ask(db_path, demo=demo)
                if agent_name is None:
                    return 0
            workbench = open_workbench(db_path, speed=speed, agent_name=agent_name,
                                       channel=_channel(channel), demo=demo)
        except Exception as error:  # noqa: BLE001 - the machine's trouble, said in one line
            if isinstance(error, Refused):
                message = error.message(lang)
            else:
                known = faults.as_store_error(error, db_path)
                message = known.message(lang) if known else faults.report_bug(error, lang)
            print(message, file=sys.stderr)
            if not unattended:
                QMessageBox.critical(None, "客服工作台", message)
            return 1
        window = workbench.window
        if exit_after_first_paint:
            _exit_after_first_paint(app, window)
        window.show()
        if quit_after is not None:
            QTimer.singleShot(int(quit_after * 1000), window.close)
        if not exit_after_first_paint:
            from workbench.ui.supervision import window as supervision_window

            supervision_window.start_background_work(window)
            maintenance_window.start_background_work(window)
        try:
            status = loop.run_forever() if loop is not None else app.exec()
        finally:
            workbench.close()
        if exit_after_first_paint or not window.property("switchAccount"):
            return status


def _channel(kind: str):
    """None means the simulator; team mode's channel asks for its login in the window."""
    if kind != "xmpp":
        return None
    from workbench.channels.xmpp import XmppChannel

    return XmppChannel()


def _event_loop(app, kind: str):
    """Team mode: asyncio (slixmpp) runs inside Qt's event loop through qasync."""
    if kind != "xmpp":
        return None
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


def _exit_after_first_paint(app, window) -> None:
    """For the startup benchmark: say 'painted' once the window has painted, then quit."""
    from workbench.ui.paint_probe import FirstPaintProbe

    def painted() -> None:
        print("painted", flush=True)
        app.quit()

    window._first_paint_probe = FirstPaintProbe(window, painted)


def main(argv: list[str] | None = None) -> int:
    from workbench import cli

    return cli.main(argv)
