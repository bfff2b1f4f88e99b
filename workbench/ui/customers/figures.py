"""The dashboard's 会员数据 tab: the member figures of the dashboard's period, computed off
the GUI thread (docs/metrics.md defines them)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from workbench.customers.figures import MemberFigures, member_figures
from workbench.ui.item_models import RowsTableModel

# (JSON key, label, kind) in the order shown; the counts behind a rate follow it.
FIGURE_ROWS = (
    ("members", QT_TRANSLATE_NOOP("MemberFiguresModel", "会员数（期末）"), "count"),
    ("new_members", QT_TRANSLATE_NOOP("MemberFiguresModel", "新增会员"), "count"),
    ("new_member_rate", QT_TRANSLATE_NOOP("MemberFiguresModel", "新增会员率"), "rate"),
    ("member_sales_share", QT_TRANSLATE_NOOP("MemberFiguresModel", "会员消费占比"), "rate"),
    ("activity", QT_TRANSLATE_NOOP("MemberFiguresModel", "会员活跃度"), "rate"),
    ("churn_rate", QT_TRANSLATE_NOOP("MemberFiguresModel", "会员流失率"), "rate"),
    ("repurchase_rate", QT_TRANSLATE_NOOP("MemberFiguresModel", "复购率"), "rate"),
    ("care_sent", QT_TRANSLATE_NOOP("MemberFiguresModel", "发出的关怀"), "count"),
    ("care_followed_rate", QT_TRANSLATE_NOOP("MemberFiguresModel", "关怀后 7 天内成交的比例"),
     "rate"),
    ("sales", QT_TRANSLATE_NOOP("MemberFiguresModel", "期间成交额"), "money"),
)


def shown(value, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "rate":
        return f"{value * 100:.1f}%"
    if kind == "money":
        return f"¥{value:,.2f}"  # ascii: the thousands separator
    return str(value)


class MemberFiguresModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("MemberFiguresModel", "会员数据"),
               QT_TRANSLATE_NOOP("MemberFiguresModel", "数值"))

    def __init__(self):
        super().__init__()
        self.rows: list[tuple[str, str]] = []

    def set_figures(self, figures: MemberFigures | None) -> None:
        values = figures.as_json() if figures is not None else {}
        self.set_rows((QCoreApplication.translate("MemberFiguresModel", label),
                       shown(values.get(key), kind)) for key, label, kind in FIGURE_ROWS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MemberFiguresView(QWidget):
    """The figures table; ``refresh(tasks, since, until)`` recomputes them in the
    dashboard's worker pool."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("memberFigures")
        self.figures: MemberFigures | None = None
        self._sequence = 0
        self.model = MemberFiguresModel()
        self.model.set_figures(None)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("MemberFiguresView", "会员数据")

    def refresh(self, tasks, since: float, until: float) -> None:
        self._sequence += 1
        sequence, viewer = self._sequence, self.session.agent
        self.status.setText(self.tr("正在计算…"))
        tasks.run(lambda store, _progress, _cancelled: member_figures(store, viewer, since,
                                                                      until),
                  succeeded=lambda figures: self._show(sequence, figures),
                  failed=lambda reason: sequence == self._sequence
                  and self.status.setText(reason))

    def _show(self, sequence: int, figures: MemberFigures) -> None:
        if sequence != self._sequence:
            return
        self.figures = figures
        self.model.set_figures(figures)
        self.status.setText(self.tr("会员：首次购买即成为普通会员；流失：一年没有购买。"))
