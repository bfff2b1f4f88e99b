"""The dashboard's 售后 tab: the after-sale figures per agent and team (docs/metrics.md),
computed off the GUI thread with the dashboard's own worker pool."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from workbench.aftersale import CAUSES, KINDS, figures
from workbench.ui.aftersale.dialogs import plain
from workbench.ui.aftersale.terms import term
from workbench.ui.item_models import RowsTableModel

FIGURE_ROWS = (
    ("opened", QT_TRANSLATE_NOOP("AftersaleFiguresModel", "售后开单数"), "count"),
    ("refund_rate", QT_TRANSLATE_NOOP("AftersaleFiguresModel", "退款率"), "rate"),
    ("resolve_median_hours",
     QT_TRANSLATE_NOOP("AftersaleFiguresModel", "解决用时中位数（小时）"), "hours"),
    ("overdue_share", QT_TRANSLATE_NOOP("AftersaleFiguresModel", "超时占比"), "rate"),
    ("bad_reviews", QT_TRANSLATE_NOOP("AftersaleFiguresModel", "差评单数"), "count"),
    ("bad_review_follow_share",
     QT_TRANSLATE_NOOP("AftersaleFiguresModel", "差评跟进率（已改评或已回访）"), "rate"),
    ("approvals_asked", QT_TRANSLATE_NOOP("AftersaleFiguresModel", "申请审批"), "count"),
    ("approvals_granted", QT_TRANSLATE_NOOP("AftersaleFiguresModel", "批准"), "count"),
)


def shown(value, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "rate":
        return f"{value * 100:.1f}%"
    return str(value)


class AftersaleFiguresModel(RowsTableModel):
    """Rows: the figures, then the cases opened by kind and by cause; columns: the team,
    then each agent."""

    def __init__(self):
        super().__init__()
        self.COLUMNS = ()
        self.rows: list[tuple[str, ...]] = []

    def set_report(self, report: figures.FiguresReport | None) -> None:
        if report is None:
            self.COLUMNS = ()
            self.set_rows([])
            return
        columns = [self.tr("团队"), *report.agents]
        values = [report.team, *report.agents.values()]
        rows = [(self.tr(label), *(shown(getattr(f, key), kind) for f in values))
                for key, label, kind in FIGURE_ROWS]
        for key, names, heading in (("opened_by_kind", KINDS, self.tr("类型")),
                                    ("opened_by_cause", (*CAUSES, figures.NO_CAUSE),
                                     self.tr("原因"))):
            for name in names:
                counts = [getattr(f, key).get(name, 0) for f in values]
                if any(counts):
                    rows.append((self.tr("{0}：{1}").format(heading, term(name)),
                                 *map(str, counts)))
        self.COLUMNS = ("", *columns)
        self.set_rows(rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AftersaleFiguresTab(QWidget):
    def __init__(self, tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.report: figures.FiguresReport | None = None
        self._sequence = 0
        self.setObjectName("aftersaleFigures")
        self.model = AftersaleFiguresModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.status = plain()
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def refresh(self, viewer, since: float, until: float, now: float,
                agent: str | None) -> None:
        self._sequence += 1
        sequence = self._sequence
        self.status.setText(self.tr("正在计算…"))
        self.tasks.run(lambda store, _progress, _cancelled: figures.report(
            store, viewer, since, until, now, agent=agent),
            succeeded=lambda report: self._show(sequence, report),
            failed=lambda reason: sequence == self._sequence and self.status.setText(reason))

    def _show(self, sequence: int, report: figures.FiguresReport) -> None:
        if sequence != self._sequence:
            return
        self.report = report
        self.model.set_report(report)
        self.status.setText(self.tr("退款率 = 时段内有退款的订单 ÷ 时段内付款的订单；"
                                    "定义见 docs/metrics.md。"))
