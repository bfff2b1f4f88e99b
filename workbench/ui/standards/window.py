"""The 质检 menu: for a supervisor the inspection window, the collected problem sheets and
the checklist's settings; for an agent their inspected conversations (with how many wait
for their acknowledgement), today's problem sheet, and the checklist to read."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction

from workbench.accounts import permissions
from workbench.ui.windowing import bring_to_front, menu_action

translate = QCoreApplication.translate
# The agent's count of inspections to acknowledge is read after the window stands: the
# checklist's modules stay off the start-up path.
WAITING_DELAY_MS = 500


class StandardsArea(QObject):
    """Owns the area's windows for one main window; each is made when first opened."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.inspections = None
        self.problem_sheet = None
        self.problem_collect = None
        self.actions: dict[str, QAction] = {}
        self.supervisor = permissions.allowed(self.session.agent.role,
                                              permissions.INSPECT_CONVERSATIONS)
        menu = window.area_menu(translate("MainWindow", "质检"))
        if self.supervisor:
            self._add(menu, "inspect", translate("MainWindow", "质检…"), self.open_inspections)
            self._add(menu, "collect", translate("MainWindow", "问题单汇总…"),
                      self.open_problem_collect)
        else:
            self._add(menu, "inspect", translate("MainWindow", "我的质检…"),
                      self.open_inspections)
        self._add(menu, "sheet", translate("MainWindow", "填写问题单反馈表…"),
                  self.open_problem_sheet)
        menu.addSeparator()
        self._add(menu, "standard", translate("MainWindow", "质检标准…"), self.open_standard)
        self.session.changed.connect(self._on_changed)
        window.closing.connect(self.shut_down)
        if not self.supervisor:
            QTimer.singleShot(WAITING_DELAY_MS, self, self._show_waiting)

    def _add(self, menu, key: str, text: str, slot) -> None:
        self.actions[key] = menu_action(menu, text, slot, f"standards_{key}")
        menu.addAction(self.actions[key])

    def _on_changed(self, changes) -> None:
        if changes.inspections:
            self._show_waiting()

    def _show_waiting(self) -> None:
        """An agent sees in the menu how many inspected conversations wait for them."""
        from workbench.standards import inspection

        if self.supervisor or not self.window.isVisible():
            return
        waiting = inspection.waiting_acknowledgement(self.session.store, self.session.agent)
        text = translate("MainWindow", "我的质检…")
        if waiting:
            text = translate("MainWindow", "我的质检（{0} 条待确认）…").format(waiting)
        self.actions["inspect"].setText(text)

    def open_inspections(self):
        from workbench.ui.standards.inspection import InspectionWindow

        if self.inspections is None:
            self.inspections = InspectionWindow(self.session, self.window)
        return bring_to_front(self.inspections)

    def open_problem_sheet(self):
        from workbench.ui.standards.problems import ProblemSheetWindow

        if self.problem_sheet is None:
            self.problem_sheet = ProblemSheetWindow(self.session, self.window)
        return bring_to_front(self.problem_sheet)

    def open_problem_collect(self):
        from workbench.ui.standards.problems import ProblemCollectWindow

        if self.problem_collect is None:
            self.problem_collect = ProblemCollectWindow(self.session, self.window)
        return bring_to_front(self.problem_collect)

    def open_standard(self):
        from workbench.ui.standards.settings import StandardDialog

        dialog = StandardDialog(self.session, self.window)
        self.window.open_dialog = dialog
        dialog.show()
        return dialog

    def shut_down(self) -> None:
        for child in (self.inspections, self.problem_sheet, self.problem_collect):
            if child is not None:
                child.close()


def install(window) -> None:
    """Add the 质检 menu to ``window`` (a MainWindow)."""
    window.standards = StandardsArea(window)
