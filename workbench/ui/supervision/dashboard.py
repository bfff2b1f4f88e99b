"""服务数据看板：the figures per agent and team, two charts painted with QPainter (QtCharts is
not part of PySide6-Essentials), and the quality lists. Figures are computed off the GUI
thread; a double click on a quality item opens the conversation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import accounts, timefmt
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.supervision import metrics
from workbench.ui import language
from workbench.ui.aftersale.figures_tab import AftersaleFiguresTab
from workbench.ui.item_models import RowsTableModel
from workbench.ui.training.probation import add_probation_page

FIGURE_ROWS = (
    ("buyers_received", QT_TRANSLATE_NOOP("FiguresModel", "接待人数"), "count"),
    ("first_response_mean_s", QT_TRANSLATE_NOOP("FiguresModel", "首次响应时长（均值）"),
     "seconds"),
    ("first_response_median_s", QT_TRANSLATE_NOOP("FiguresModel", "首次响应时长（中位数）"),
     "seconds"),
    ("avg_response_s", QT_TRANSLATE_NOOP("FiguresModel", "平均响应时长"), "seconds"),
    ("first_reply_30s_rate", QT_TRANSLATE_NOOP("FiguresModel", "30秒应答率"), "rate"),
    ("three_minute_rate", QT_TRANSLATE_NOOP("FiguresModel", "三分钟响应率"), "rate"),
    ("wait_120s_rate", QT_TRANSLATE_NOOP("FiguresModel", "120秒内回复率"), "rate"),
    ("enquiry_conversion", QT_TRANSLATE_NOOP("FiguresModel", "询单转化率"), "rate"),
    ("conversion_grade", QT_TRANSLATE_NOOP("FiguresModel", "转化评级"), "grade"),
    ("paid_conversion", QT_TRANSLATE_NOOP("FiguresModel", "付款转化率"), "rate"),
    ("average_order_value", QT_TRANSLATE_NOOP("FiguresModel", "客单价"), "money"),
    ("messages_sent", QT_TRANSLATE_NOOP("FiguresModel", "发送消息数"), "count"),
)
BUYER_COLOUR = QColor("#4e79a7")
AGENT_COLOUR = QColor("#f28e2b")
WAIT_COLOUR = QColor("#59a14f")
DEFAULT_DAYS = 7
ROW_PADDING = 6   # a figures table's row: a line of text and this much (23 rows of 售后 fit a
#                   dashboard 740 px tall, which fits a 1280×800 screen)


# The course's conversion grades (metrics.CONVERSION_GRADES), for translation.
GRADE_NAMES = (QT_TRANSLATE_NOOP("FiguresModel", "优秀"),
               QT_TRANSLATE_NOOP("FiguresModel", "良好"),
               QT_TRANSLATE_NOOP("FiguresModel", "合格"),
               QT_TRANSLATE_NOOP("FiguresModel", "不合格"))


def format_figure(value, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "rate":
        return f"{value * 100:.1f}%"
    if kind == "grade":
        return QCoreApplication.translate("FiguresModel", value)
    if kind == "money":
        return f"¥{value:.2f}"
    if kind == "seconds":
        return QCoreApplication.translate("FiguresModel", "{0:.1f} 秒").format(value)
    return str(value)


class FiguresModel(QAbstractTableModel):
    """Rows: the figures; columns: the team, then each agent."""

    def __init__(self):
        super().__init__()
        self.columns: list[tuple[str, metrics.Figures]] = []

    def set_report(self, report: metrics.Report | None) -> None:
        self.beginResetModel()
        self.columns = [] if report is None else [(self.tr("团队"), report.team)] + list(
            report.agents.items())
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(FIGURE_ROWS)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0] if 0 <= section < len(self.columns) else None
        return self.tr(FIGURE_ROWS[section][1]) if 0 <= section < len(FIGURE_ROWS) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(FIGURE_ROWS)
                                       and 0 <= index.column() < len(self.columns)):
            return None
        key, _, kind = FIGURE_ROWS[index.row()]
        value = getattr(self.columns[index.column()][1], key)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_figure(value, kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None


# The quality lists' columns, translated by the model (RowsTableModel.headerData).
SLOW_COLUMNS = (QT_TRANSLATE_NOOP("QualityModel", "提问时间"),
                QT_TRANSLATE_NOOP("QualityModel", "买家"),
                QT_TRANSLATE_NOOP("QualityModel", "客服"),
                QT_TRANSLATE_NOOP("QualityModel", "等待"))
NO_GOODBYE_COLUMNS = (QT_TRANSLATE_NOOP("QualityModel", "最后回复"),
                      QT_TRANSLATE_NOOP("QualityModel", "买家"),
                      QT_TRANSLATE_NOOP("QualityModel", "客服"),
                      QT_TRANSLATE_NOOP("QualityModel", "最后一句"))
BANNED_COLUMNS = (QT_TRANSLATE_NOOP("QualityModel", "时间"),
                  QT_TRANSLATE_NOOP("QualityModel", "买家"),
                  QT_TRANSLATE_NOOP("QualityModel", "客服"),
                  QT_TRANSLATE_NOOP("QualityModel", "用语"),
                  QT_TRANSLATE_NOOP("QualityModel", "内容"))


class QualityModel(RowsTableModel):
    """One quality list: rows of (cells, conversation id, time of the item), under one of
    the column sets below."""

    def __init__(self, columns: tuple[str, ...]):
        super().__init__()
        self.COLUMNS = columns
        self.rows: list[tuple[tuple[str, ...], int, float]] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)
                                       and 0 <= index.column() < len(self.COLUMNS)):
            return None
        cells, conversation_id, at = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return conversation_id, at
        return None


def compact_rows(view: QTableView) -> None:
    """A figures table's rows as tall as a line of text needs, not the style's roomier
    default: the 售后 figures run to 23 rows and show whole at the dashboard's size."""
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + ROW_PADDING)


def axis_top(peak: int) -> int:
    """The axis's top for counts up to ``peak``: a multiple of its four steps, so every
    step is a whole number and no two steps read the same (0, 0, 1, 2, 2)."""
    return max(4, -(-peak // 4) * 4)


class BarChart(QWidget):
    """Grouped bars with a value axis, painted by hand; labels under the groups."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.series: list[tuple[str, list[int], QColor]] = []
        self.setMinimumSize(240, 180)

    def set_data(self, labels: list[str], series: list[tuple[str, list[int], QColor]]) -> None:
        self.labels = labels
        self.series = series
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(460, 240)

    def peak(self) -> int:
        return max((max(values, default=0) for _, values, _ in self.series), default=0)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics_ = painter.fontMetrics()
        line = metrics_.height()
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(0, 2, self.width(), line), Qt.AlignmentFlag.AlignCenter,
                         self.title)
        left, top = metrics_.horizontalAdvance("00000") + 8, line + 8 + line
        bottom, right = self.height() - line - 6, self.width() - 8
        plot_height, plot_width = bottom - top, right - left
        if plot_height <= 10 or plot_width <= 10 or not self.labels:
            return
        legend_x = left
        for name, _, colour in self.series:
            painter.fillRect(QRectF(legend_x, line + 6, 10, 10), colour)
            painter.drawText(int(legend_x + 14), int(line + 16), name)
            legend_x += 24 + metrics_.horizontalAdvance(name)
        peak = axis_top(self.peak())
        grid = QPen(QColor("#dddddd"))
        for step in range(5):
            y = bottom - plot_height * step / 4
            painter.setPen(grid)
            painter.drawLine(int(left), int(y), int(right), int(y))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, y - line / 2, left - 4, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(peak * step // 4))
        group = plot_width / len(self.labels)
        bar = max(1.0, group * 0.8 / max(len(self.series), 1))
        widest = max(metrics_.horizontalAdvance(f"{label} ") for label in self.labels)
        every = max(1, int(len(self.labels) * widest / plot_width) + 1)
        for number, label in enumerate(self.labels):
            x = left + group * number + group * 0.1
            for position, (_, values, colour) in enumerate(self.series):
                height = plot_height * values[number] / peak if number < len(values) else 0
                painter.fillRect(QRectF(x + bar * position, bottom - height, bar, height),
                                 colour)
            if number % every == 0:
                painter.drawText(QRectF(left + group * number, bottom + 2, group * every, line),
                                 Qt.AlignmentFlag.AlignLeft, label)
        painter.drawLine(int(left), int(bottom), int(right), int(bottom))


class MetricSettingsDialog(QDialog):
    """Service hours, goodbye words and banned words (team settings: supervisors only)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("服务数据设置"))
        current = metrics.load_settings(session.store)
        self.hours = QLineEdit(current.service_hours)
        self.goodbye = QPlainTextEdit("\n".join(current.goodbye_words))
        self.banned = QPlainTextEdit("\n".join(current.banned_words))
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("服务时间"), self.hours)
        form.addRow(self.tr("结束语（每行一个）"), self.goodbye)
        form.addRow(self.tr("违禁用语（每行一个）"), self.banned)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        value = metrics.MetricSettings(
            self.hours.text().strip(),
            tuple(w.strip() for w in self.goodbye.toPlainText().splitlines() if w.strip()),
            tuple(w.strip() for w in self.banned.toPlainText().splitlines() if w.strip()))
        try:
            metrics.save_settings(self.session.store, self.session.agent, value)
        except Refused as refusal:
            self.error.setText(language.text(refusal))
            return
        super().accept()


class DashboardWindow(QWidget):
    computed = Signal(object)    # the Report, once shown

    def __init__(self, session, tasks, supervision, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.tasks = tasks
        self.supervision = supervision
        self.viewer = session.agent
        self.report: metrics.Report | None = None
        self._sequence = 0
        self.setObjectName("dashboardWindow")
        supervisor = permissions.allowed(self.viewer.role, permissions.READ_ALL_FIGURES)
        self.setWindowTitle(self.tr("服务数据看板") if supervisor else self.tr("我的服务数据"))
        self.resize(1100, 740)

        # The session's clock, not the machine's: tests and demos move it.
        day = dt.date.fromtimestamp(session.clock())
        today = QDate(day.year, day.month, day.day)
        self.since = QDateEdit(today.addDays(1 - DEFAULT_DAYS))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.agent_box = QComboBox()
        if supervisor:
            self.agent_box.addItem(self.tr("全部客服"), None)
            for agent in accounts.all_agents(session.store):
                self.agent_box.addItem(f"{agent.signature}（{agent.name}）", agent.name)
        else:
            self.agent_box.addItem(self.viewer.signature, self.viewer.name)
            self.agent_box.setEnabled(False)
        refresh = QPushButton(self.tr("刷新"))
        refresh.setObjectName("dashboardRefresh")
        self.settings_button = QPushButton(self.tr("设置…"))
        self.settings_button.setVisible(
            permissions.allowed(self.viewer.role, permissions.EDIT_TEAM_SETTINGS))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.figures = FiguresModel()
        self.figures_view = QTableView()
        self.figures_view.setObjectName("dashboardFigures")
        self.figures_view.setModel(self.figures)
        self.figures_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        compact_rows(self.figures_view)
        self.load_chart = BarChart(self.tr("每小时接待量（按消息数）"))
        self.load_chart.setObjectName("dashboardLoadChart")
        self.wait_chart = BarChart(self.tr("响应时长分布（按对话轮次）"))
        self.wait_chart.setObjectName("dashboardWaitChart")

        self.slow = QualityModel(SLOW_COLUMNS)
        self.no_goodbye = QualityModel(NO_GOODBYE_COLUMNS)
        self.banned = QualityModel(BANNED_COLUMNS)
        self.quality = QTabWidget()
        self.quality_views = []
        for model, title in ((self.slow, self.tr("超过3分钟的回复")),
                             (self.no_goodbye, self.tr("未致结束语")),
                             (self.banned, self.tr("违禁用语"))):
            view = QTableView()
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            view.doubleClicked.connect(self.open_item)
            view.activated.connect(self.open_item)
            self.quality_views.append(view)
            self.quality.addTab(view, title)
        self.aftersale = AftersaleFiguresTab(tasks)
        self.quality.addTab(self.aftersale, self.tr("售后"))
        self.members = None
        if supervisor:
            from workbench.ui.customers.figures import MemberFiguresView

            self.members = MemberFiguresView(session)
            self.quality.addTab(self.members, self.members.title())
        for view in (self.aftersale.view, self.members.table if self.members else None):
            if view is not None:
                compact_rows(view)

        controls = QHBoxLayout()
        for widget in (QLabel(self.tr("从")), self.since, QLabel(self.tr("到")), self.until,
                       self.agent_box, refresh, self.settings_button):
            controls.addWidget(widget)
        controls.addWidget(self.status, 1)
        # The figures over the charts on the left; the quality lists and the other areas'
        # figures (售后, 会员数据) on the right at the window's full height: tables of 10 to
        # 23 rows, cut to two rows when they sat under the charts.
        charts = QHBoxLayout()
        charts.addWidget(self.load_chart, 3)
        charts.addWidget(self.wait_chart, 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.figures_view)
        left_layout.addLayout(charts, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("dashboardSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.quality)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 500])
        self.splitter = splitter
        figures_page = QWidget()
        page_layout = QVBoxLayout(figures_page)
        page_layout.addLayout(controls)
        page_layout.addWidget(splitter, 1)
        self.pages = QTabWidget()
        self.pages.setObjectName("dashboardPages")
        self.pages.addTab(figures_page, self.tr("服务数据"))
        self.probation = add_probation_page(self)  # 考核期: new agents' first month
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        refresh.clicked.connect(self.refresh)
        self.settings_button.clicked.connect(self.edit_settings)

    def showEvent(self, event) -> None:
        self._fit_figures()
        super().showEvent(event)

    def _fit_figures(self) -> None:
        """Every figure shows: the table as tall as its rows, its header (there once a
        report gave the columns) and a scroll bar (for many agents)."""
        view = self.figures_view
        view.setMinimumHeight(
            view.verticalHeader().defaultSectionSize() * self.figures.rowCount()
            + view.horizontalHeader().sizeHint().height()
            + view.horizontalScrollBar().sizeHint().height() + 2 * view.frameWidth())

    def period(self) -> tuple[float, float]:
        since, until = self.since.date(), self.until.date().addDays(1)
        return (dt.datetime(since.year(), since.month(), since.day()).timestamp(),
                dt.datetime(until.year(), until.month(), until.day()).timestamp())

    def refresh(self) -> None:
        self._sequence += 1
        sequence = self._sequence
        since, until = self.period()
        viewer, agent, now = self.viewer, self.agent_box.currentData(), self.session.clock()
        self.status.setText(self.tr("正在计算…"))
        self.aftersale.refresh(viewer, since, until, now, agent)
        self.tasks.run(lambda store, _progress, _cancelled: metrics.report(
            store, viewer, since, until, now, agent=agent),
            succeeded=lambda report: self._show(sequence, report),
            failed=lambda reason: sequence == self._sequence and self.status.setText(reason))
        if self.members is not None:
            self.members.refresh(self.tasks, since, until)

    def _show(self, sequence: int, report: metrics.Report) -> None:
        if sequence != self._sequence:
            return
        self.report = report
        self.figures.set_report(report)
        self._fit_figures()
        self.load_chart.set_data([f"{h:02d}" for h in range(24)], [
            (self.tr("买家消息"), report.buyer_messages_by_hour, BUYER_COLOUR),
            (self.tr("客服消息"), report.agent_messages_by_hour, AGENT_COLOUR)])
        self.wait_chart.set_data([label for label, _ in report.wait_distribution], [
            (self.tr("轮次"), [count for _, count in report.wait_distribution], WAIT_COLOUR)])
        self.slow.set_rows(((timefmt.second(s.asked_at), s.buyer, s.agent or "—",
                             self.tr("未回复") if s.wait is None
                             else self.tr("{0:.0f} 秒").format(s.wait)),
                            s.conversation_id, s.asked_at) for s in report.slow_rounds)
        self.no_goodbye.set_rows(((timefmt.second(m.last_at), m.buyer, m.agent or "—",
                                   " ".join(m.last_text.split())[:80]),
                                  m.conversation_id, m.last_at)
                                 for m in report.missing_goodbyes)
        self.banned.set_rows(((timefmt.second(b.at), b.buyer, b.agent or "—",
                               "、".join(b.words), " ".join(b.text.split())[:80]),
                              b.conversation_id, b.at) for b in report.banned_words)
        self.status.setText(self.tr("服务时间 {0}；自动回复不计入。").format(
            report.settings.service_hours))
        self.computed.emit(report)

    def open_item(self, index: QModelIndex):
        value = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if value is None:
            return None
        conversation_id, at = value
        return self.supervision.open_transcript(conversation_id, at=at)

    def edit_settings(self) -> MetricSettingsDialog:
        dialog = MetricSettingsDialog(self.session, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog
