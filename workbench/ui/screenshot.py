"""`workbench screenshot`: the window after some simulated traffic, rendered offscreen."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from workbench import app as composition
from workbench.changes import Refused
from workbench.filewriter import check_target
from workbench.store import StoreError
from workbench.ui.store_work import wait_for_tasks


def settle(rounds: int = 20) -> None:
    """Let zero-delay simulator timers and repaints run."""
    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def render(out: Path, db_path: Path | None, size: tuple[int, int], lang: str,
           demo: bool = False) -> int:
    """Without ``db_path``, a shot of the demo shop in a scratch store; with it, of that
    store (a new one gets the demo shop only with ``demo``)."""
    try:
        check_target(out)  # a missing folder is refused, as every export refuses it
    except StoreError as error:
        print(error.message(lang), file=sys.stderr)
        return 1
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    composition.install_translation(qt_app, lang)
    with tempfile.TemporaryDirectory() as scratch:
        try:
            workbench = composition.open_workbench(db_path or Path(scratch) / "demo.sqlite3",
                                                   speed=0, demo=demo or db_path is None)
        except (StoreError, Refused) as error:
            print(error.message(lang), file=sys.stderr)
            return 1
        # The store's troubles (locked, read-only, damaged) reach the window's bar; a
        # shot of a window that could not do its work is no shot: it ends in that line.
        troubles: list[StoreError] = []
        workbench.session.trouble.connect(
            lambda error: error is not None and troubles.append(error))
        try:
            window = workbench.window
            index_failed: list[bool] = []
            window.phrases.index_failed.connect(lambda: index_failed.append(True))
            window.resize(*size)
            window.show()
            settle()
            # so suggestions show too
            while not (window.phrases.model.indexed or index_failed or troubles):
                wait_for_tasks(100)
                settle(2)
            if not troubles:
                _serve_first_buyer(window)
            if troubles:
                print(troubles[0].message(lang), file=sys.stderr)
                return 1
            if not window.grab().save(str(out)):
                print(f"Cannot write {out}." if lang == "en" else f"无法写入 {out}。",
                      file=sys.stderr)
                return 1
        finally:
            workbench.close()
    print(out)
    return 0


def _serve_first_buyer(window) -> None:
    """Answer the longest-waiting buyer with a phrase, so the shot shows a real exchange."""
    window.conversation_list.setCurrentIndex(window.conversation_list.list_model.index(0))
    phrases = window.phrases.model.rows
    greeting = next((p for p in phrases if p.code == "hy"), phrases[0] if phrases else None)
    if greeting is not None:
        window.chat.composer.insert_at_cursor(window.phrases.filled(greeting))
        window.chat.send()
    settle()
    window.chat.composer.setPlainText("稍等，我帮您查一下尺码表~")
    settle()
