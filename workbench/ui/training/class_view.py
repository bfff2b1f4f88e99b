"""The trainer's class view (班级成绩): trainees with their sessions, scores, trend and
typing speed; the sessions of the one chosen; export to XLSX. An agent sees their own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench import timefmt
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.training import results
from workbench.ui.item_models import RowsTableModel
from workbench.ui.standards.common import table_view
from workbench.ui.store_work import start_task
from workbench.ui.training.names import name

TraineeRole = Qt.ItemDataRole.UserRole + 1


def trend_text(value: float | None) -> str:
    if value is None:
        return "—"
    if value > 0:
        return f"↑ +{value:g}"
    if value < 0:
        return f"↓ {value:g}"
    return "→ 0"


def score_text(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


class TraineesModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("TraineesModel", "客服"),
               QT_TRANSLATE_NOOP("TraineesModel", "练习次数"),
               QT_TRANSLATE_NOOP("TraineesModel", "平均分"),
               QT_TRANSLATE_NOOP("TraineesModel", "最近"),
               QT_TRANSLATE_NOOP("TraineesModel", "最高"),
               QT_TRANSLATE_NOOP("TraineesModel", "趋势"),
               QT_TRANSLATE_NOOP("TraineesModel", "打字（字/分钟）"))

    def __init__(self):
        super().__init__()
        self.rows: list[results.TraineeSummary] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{row.trainee}（{row.name}）", str(row.sessions), score_text(row.average),
                    score_text(row.latest), score_text(row.best), trend_text(row.trend),
                    score_text(row.typing_speed))[index.column()]
        if role == TraineeRole:
            return row
        return None


class SessionsModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("SessionsModel", "时间"),
               QT_TRANSLATE_NOOP("SessionsModel", "情景"),
               QT_TRANSLATE_NOOP("SessionsModel", "得分"),
               QT_TRANSLATE_NOOP("SessionsModel", "服务规范"),
               QT_TRANSLATE_NOOP("SessionsModel", "要点"),
               QT_TRANSLATE_NOOP("SessionsModel", "时限内"),
               QT_TRANSLATE_NOOP("SessionsModel", "来源"),
               QT_TRANSLATE_NOOP("SessionsModel", "没做到的要点"))

    def __init__(self):
        super().__init__()
        self.rows: list[results.SessionRecord] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or \
                not 0 <= index.row() < len(self.rows):
            return None
        record = self.rows[index.row()]
        return (timefmt.minute(record.started_at), record.scenario_title, f"{record.score:g}",
                score_text(record.checklist_score),
                f"{record.points_hit}/{record.points_total}",
                self.tr("是") if record.within_time else self.tr("否"),
                name(results.SOURCE_NAMES.get(record.source, record.source)),
                "、".join(record.missed_points))[index.column()]


class ScoreChart(QWidget):
    """The chosen trainee's scores, oldest to newest, on a 0–100 scale, painted by hand."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scores: list[float] = []
        self.setMinimumHeight(120)

    def set_scores(self, scores: list[float]) -> None:
        self.scores = list(scores)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        left, top = 30, 8
        width, height = self.width() - left - 10, self.height() - top - 8
        if width < 10 or height < 10:
            return
        painter.setPen(QPen(QColor("#dddddd")))
        for value in (0, 50, 100):
            y = top + height * (1 - value / 100)
            painter.drawLine(left, int(y), left + width, int(y))
            painter.setPen(self.palette().text().color())
            painter.drawText(0, int(y) + 4, str(value))
            painter.setPen(QPen(QColor("#dddddd")))
        if not self.scores:
            return
        step = width / max(len(self.scores) - 1, 1)
        points = [QPointF(left + step * n, top + height * (1 - score / 100))
                  for n, score in enumerate(self.scores)]
        painter.setPen(QPen(QColor("#1565c0"), 2))
        for start, end in zip(points, points[1:], strict=False):
            painter.drawLine(start, end)
        painter.setBrush(QColor("#1565c0"))
        for point in points:
            painter.drawEllipse(point, 3, 3)


class ClassWindow(QWidget):
    """Trainees on the left, the chosen one's sessions (newest first) on the right."""

    exported = Signal(int, object)      # sessions written, the path

    def __init__(self, session, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.export_job = None
        self.setObjectName("classWindow")
        reads_all = permissions.allowed(session.agent.role, permissions.READ_TRAINING_RESULTS)
        self.setWindowTitle(self.tr("班级成绩") if reads_all else self.tr("我的练习成绩"))
        self.resize(1100, 560)
        self.trainees = TraineesModel()
        self.trainees_view = table_view(self.trainees)
        self.trainees_view.setObjectName("classTrainees")
        self.sessions = SessionsModel()
        self.sessions_view = table_view(self.sessions)
        self.sessions_view.setObjectName("classSessions")
        self.export_button = QPushButton(self.tr("导出 XLSX…"))
        self.export_button.setObjectName("classExport")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("趋势：最近几次练习的平均分减去之前同样次数的平均分。")), 1)
        top.addWidget(self.export_button)
        self.chart = ScoreChart()
        self.chart.setObjectName("classChart")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.sessions_view, 1)
        right_layout.addWidget(QLabel(self.tr("得分走势（从早到晚）")))
        right_layout.addWidget(self.chart)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.trainees_view)
        splitter.addWidget(right)
        splitter.setSizes([480, 620])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.trainees_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_sessions())
        self.export_button.clicked.connect(self.ask_export)
        session.changed.connect(lambda changes: changes.training_results and self.reload())
        self.reload()

    def reload(self) -> None:
        chosen = self.selected()
        try:
            rows = results.class_report(self.session.store, self.session.agent)
        except Refused as refusal:
            self.status.setText(str(refusal))
            return
        self.trainees.set_rows(rows)
        row = next((n for n, r in enumerate(rows) if chosen and r.agent_id == chosen.agent_id),
                   0 if rows else None)
        if row is not None:
            self.trainees_view.setCurrentIndex(self.trainees.index(row, 0))
        self._show_sessions()

    def selected(self) -> results.TraineeSummary | None:
        return self.trainees_view.currentIndex().data(TraineeRole)

    def _show_sessions(self) -> None:
        trainee = self.selected()
        found = [] if trainee is None else results.sessions(self.session.store,
                                                             self.session.agent, trainee.name)
        self.sessions.set_rows(reversed(found))
        self.chart.set_scores([record.score for record in found])

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出班级成绩"), "班级成绩.xlsx",
                                              "Excel (*.xlsx)")  # ascii: a Qt file filter
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path):
        """Write the class view to XLSX in the background."""
        viewer = self.session.agent
        self.status.setText(self.tr("正在导出…"))
        self.export_job = start_task(
            self.session.store.path,
            lambda store, _progress, _cancelled: results.export_xlsx(store, viewer, path),
            succeeded=lambda count: self._exported(count, path), failed=self.status.setText)
        return self.export_job

    def _exported(self, count: int, path: Path) -> None:
        self.status.setText(self.tr("已导出 {0} 次练习到 {1}").format(count, path))
        self.exported.emit(count, path)
