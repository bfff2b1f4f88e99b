"""The 实训 menu (practice, typing test, results, scenario editor), and 练习模式 on a window
opened on a practice store: a coloured banner and the title say so unmistakably."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

from workbench import training
from workbench.accounts import permissions
from workbench.ui.windowing import bring_to_front, menu_action

translate = QCoreApplication.translate


class TrainingArea(QObject):
    """Owns the area's windows for one main window (on the real store); each is made when
    first opened. One practice session runs at a time."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.practice_run = None
        self.picker = None
        self.typing_window = None
        self.class_window = None
        self.editor = None
        self.actions: dict[str, QAction] = {}
        role = self.session.agent.role
        reads_all = permissions.allowed(role, permissions.READ_TRAINING_RESULTS)
        menu = window.area_menu(translate("MainWindow", "实训"))
        self._add(menu, "practice", translate("MainWindow", "开始练习…"), self.open_picker)
        self._add(menu, "typing", translate("MainWindow", "打字测试…"), self.open_typing)
        self._add(menu, "results", translate("MainWindow", "班级成绩…") if reads_all
                  else translate("MainWindow", "我的练习成绩…"), self.open_class)
        if permissions.allowed(role, permissions.EDIT_SCENARIOS):
            menu.addSeparator()
            self._add(menu, "editor", translate("MainWindow", "情景脚本…"), self.open_editor)
        window.closing.connect(self.shut_down)

    def _add(self, menu, key: str, text: str, slot) -> None:
        self.actions[key] = menu_action(menu, text, slot, f"training_{key}")
        menu.addAction(self.actions[key])

    def open_picker(self):
        from workbench.ui.training.practice import ScenarioPicker

        if self.picker is None:
            self.picker = ScenarioPicker(self.session, self.window)
            self.picker.chosen.connect(self.start_practice)
        self.picker.reload()
        return bring_to_front(self.picker)

    def start_practice(self, scenario):
        """Open the practice window on ``scenario`` (refused while one runs). The buyer
        answers at the pace of this window's simulator (``workbench run --speed``)."""
        from workbench.ui.training.practice import PracticeRun

        if self.practice_run is not None:
            self.session.refused.emit(self.tr("已有一个练习在进行，请先结束它。"))
            return bring_to_front(self.practice_run.window)
        run = PracticeRun(self.window, scenario, getattr(self.session.channel, "speed", 1.0))
        if not run.start():
            return None
        self.practice_run = run
        run.released.connect(lambda: setattr(self, "practice_run", None))
        bring_to_front(run.window)
        return run

    def open_typing(self):
        from workbench.ui.training.typing_test import TypingTestWindow

        if self.typing_window is None:
            self.typing_window = TypingTestWindow(self.session, self.window)
        return bring_to_front(self.typing_window)

    def open_class(self):
        from workbench.ui.training.class_view import ClassWindow

        if self.class_window is None:
            self.class_window = ClassWindow(self.session, self.window)
        return bring_to_front(self.class_window)

    def open_editor(self):
        from workbench.ui.training.editor import ScenarioEditor

        if self.editor is None:
            self.editor = ScenarioEditor(self.session, self.window)
            self.editor.try_out.connect(self.start_practice)
        return bring_to_front(self.editor)

    def shut_down(self) -> None:
        if self.practice_run is not None:
            self.practice_run.close()
        for child in (self.picker, self.typing_window, self.class_window, self.editor):
            if child is not None:
                child.close()


def install(window) -> None:
    """The training menu on a real store's window, and 练习模式 on a practice store's."""
    if training.is_practice(window.session.store):
        from workbench.ui.training.practice import PracticeMode

        window.training = PracticeMode(window)
    else:
        window.training = TrainingArea(window)
