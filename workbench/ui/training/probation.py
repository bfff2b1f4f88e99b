"""考核期 on the service-figures dashboard: each new agent's first month — the enquiry
conversion with the course's grade, the checklist's average, the typing speed, the
practice sessions, and the day the month ends. Computed off the GUI thread with the
dashboard's own tasks; a supervisor may set an agent's first day (入职日期)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.accounts import permissions
from workbench.training import probation
from workbench.ui.item_models import RowsTableModel
from workbench.ui.standards.common import day_text, table_view, today
from workbench.ui.training.names import name

GRADE_COLOURS = {"优秀": "#2e7d32", "良好": "#558b2f", "合格": "#ef6c00", "不合格": "#c62828"}
FiguresRole = Qt.ItemDataRole.UserRole + 1


def _number(value, suffix: str = "") -> str:
    return "—" if value is None else f"{value:g}{suffix}"


class ProbationModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ProbationModel", "客服"),
               QT_TRANSLATE_NOOP("ProbationModel", "考核期"),
               QT_TRANSLATE_NOOP("ProbationModel", "结束日期"),
               QT_TRANSLATE_NOOP("ProbationModel", "剩余"),
               QT_TRANSLATE_NOOP("ProbationModel", "询单转化率"),
               QT_TRANSLATE_NOOP("ProbationModel", "评级"),
               QT_TRANSLATE_NOOP("ProbationModel", "服务规范均分"),
               QT_TRANSLATE_NOOP("ProbationModel", "打字（字/分钟）"),
               QT_TRANSLATE_NOOP("ProbationModel", "练习次数"),
               QT_TRANSLATE_NOOP("ProbationModel", "练习均分"))

    def __init__(self):
        super().__init__()
        self.rows: list[probation.ProbationFigures] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        p = row.probation
        if role == Qt.ItemDataRole.DisplayRole:
            left = self.tr("已结束") if p.ended else self.tr("{0} 天").format(p.days_left)
            conversion = "—" if row.enquiry_conversion is None else \
                f"{row.enquiry_conversion * 100:.1f}%（{row.enquiries}）"
            return (f"{p.agent}（{p.name}）", f"{p.first_day.isoformat()} ～",
                    p.last_day.isoformat(), left, conversion, name(row.grade) if row.grade else "—",
                    _number(row.checklist_average), _number(row.typing_speed),
                    str(row.practice_sessions), _number(row.practice_average))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5 and row.grade:
            return QColor(GRADE_COLOURS[row.grade])
        if role == FiguresRole:
            return row
        return None


class ProbationPanel(QWidget):
    """The dashboard's 考核期 page."""

    computed = Signal(object)     # the list of ProbationFigures, once shown

    def __init__(self, dashboard):
        super().__init__()
        self.dashboard = dashboard
        self.session = dashboard.session
        self._sequence = 0
        self.setObjectName("probationPanel")
        self.model = ProbationModel()
        self.view = table_view(self.model)
        self.view.setObjectName("probationTable")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        refresh = QPushButton(self.tr("刷新"))
        refresh.setObjectName("probationRefresh")
        self.first_day = QDateEdit(today(self.session))
        self.first_day.setObjectName("probationFirstDay")
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("yyyy-MM-dd")
        self.set_button = QPushButton(self.tr("设为所选客服的入职日期"))
        self.set_button.setObjectName("probationSetFirstDay")
        may_set = permissions.allowed(self.session.agent.role, permissions.MANAGE_ACCOUNTS)
        self.first_day.setVisible(may_set)
        self.set_button.setVisible(may_set)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("新客服考核期为一个月，以询单转化率评级：50% 以下不合格，"
                                          "50%–60% 合格，60%–70% 良好，70% 以上优秀。")), 1)
        controls.addWidget(self.first_day)
        controls.addWidget(self.set_button)
        controls.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        refresh.clicked.connect(self.refresh)
        self.set_button.clicked.connect(self.set_first_day)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.session.changed.connect(
            lambda changes: changes.training_results and self.isVisible() and self.refresh())

    def refresh(self) -> None:
        self._sequence += 1
        sequence = self._sequence
        viewer, now = self.session.agent, self.session.clock()
        self.status.setText(self.tr("正在计算…"))
        self.dashboard.tasks.run(
            lambda store, _progress, _cancelled: probation.figures(store, viewer, now),
            succeeded=lambda found: self._show(sequence, found),
            failed=lambda reason: sequence == self._sequence and self.status.setText(reason))

    def _show(self, sequence: int, found: list) -> None:
        if sequence != self._sequence:
            return
        self.model.set_rows(found)
        self.status.setText(self.tr("共 {0} 位客服在考核期内或刚结束").format(len(found)))
        self.computed.emit(found)

    def _show_selected(self) -> None:
        row = self.view.currentIndex().data(FiguresRole)
        if row is not None:
            first = row.probation.first_day
            self.first_day.setDate(QDate(first.year, first.month, first.day))

    def set_first_day(self) -> bool:
        row = self.view.currentIndex().data(FiguresRole)
        if row is None:
            return False
        return self.session.run(probation.set_first_day, self.session.store, self.session.agent,
                                row.probation.name, day_text(self.first_day.date()),
                                self.session.clock())


def add_probation_page(dashboard) -> ProbationPanel:
    """The 考核期 page of the dashboard's tabs, computed when first shown."""
    panel = ProbationPanel(dashboard)
    pages = dashboard.pages
    pages.addTab(panel, QCoreApplication.translate("ProbationPanel", "考核期"))
    pages.currentChanged.connect(
        lambda index: pages.widget(index) is panel and not panel.model.rows and panel.refresh())
    return panel
