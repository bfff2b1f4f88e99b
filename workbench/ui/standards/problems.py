"""The daily 问题单反馈表 in the window: an agent fills and submits their sheet; the
supervisor reads every sheet, collects the day's, answers the questions and exports them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.changes import Refused
from workbench.standards import problems
from workbench.ui.item_models import RowsTableModel
from workbench.ui.plain_text import tip
from workbench.ui.standards.common import day_text, table_view, today
from workbench.ui.standards.names import name
from workbench.ui.store_work import start_task

EntryRole = Qt.ItemDataRole.UserRole + 1


class EntriesModel:
    """Mixed into the two tables below: rows of (sheet, entry)."""

    def entry_data(self, index: QModelIndex, role: int, cells):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        sheet, entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells(sheet, entry)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(entry.text)
        if role == EntryRole:
            return entry
        return None


class SheetModel(EntriesModel, RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("SheetModel", "类型"),
               QT_TRANSLATE_NOOP("SheetModel", "内容"),
               QT_TRANSLATE_NOOP("SheetModel", "主管解答"))

    def __init__(self):
        super().__init__()
        self.rows = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        return self.entry_data(index, role, lambda sheet, entry: (
            name(entry.kind_name), entry.text, entry.answer))


class CollectModel(EntriesModel, RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("CollectModel", "日期"),
               QT_TRANSLATE_NOOP("CollectModel", "客服"),
               QT_TRANSLATE_NOOP("CollectModel", "状态"),
               QT_TRANSLATE_NOOP("CollectModel", "类型"),
               QT_TRANSLATE_NOOP("CollectModel", "内容"),
               QT_TRANSLATE_NOOP("CollectModel", "主管解答"))

    def __init__(self):
        super().__init__()
        self.rows = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        return self.entry_data(index, role, lambda sheet, entry: (
            sheet.day, sheet.agent_name, name(sheet.state_name), name(entry.kind_name),
            entry.text, entry.answer))


class ProblemSheetWindow(QWidget):
    """One's own sheet of a day: write problems and unanswered questions, then submit."""

    def __init__(self, session, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.setObjectName("problemSheetWindow")
        self.setWindowTitle(self.tr("问题单反馈表"))
        self.resize(640, 480)
        self.day = QDateEdit(today(session))
        self.day.setObjectName("problemDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.state = QLabel()
        self.state.setObjectName("problemState")
        self.model = SheetModel()
        self.view = table_view(self.model)
        self.view.setObjectName("problemEntries")
        self.kind = QComboBox()
        self.kind.setObjectName("problemKind")
        for key, text in problems.KINDS.items():
            self.kind.addItem(name(text), key)
        self.text = QLineEdit()
        self.text.setObjectName("problemText")
        self.text.setPlaceholderText(self.tr("遇到的问题，或买家问了却没答上的问题"))
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.setObjectName("problemAdd")
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.submit_button = QPushButton(self.tr("提交给主管"))
        self.submit_button.setObjectName("problemSubmit")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("日期")))
        top.addWidget(self.day)
        top.addWidget(self.state, 1)
        adding = QHBoxLayout()
        adding.addWidget(self.kind)
        adding.addWidget(self.text, 1)
        adding.addWidget(self.add_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        bottom.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(adding)
        layout.addLayout(bottom)
        self.day.dateChanged.connect(lambda *_: self.reload())
        self.add_button.clicked.connect(self.add)
        self.text.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.submit_button.clicked.connect(self.submit)
        session.changed.connect(lambda changes: changes.problem_sheets and self.reload())
        self.reload()

    def reload(self) -> None:
        sheet = problems.sheet(self.session.store, self.session.agent, day_text(self.day.date()))
        self.model.set_rows([(sheet, entry) for entry in sheet.entries])
        self.state.setText(name(sheet.state_name))
        open_ = sheet.collected_at is None
        for widget in (self.kind, self.text, self.add_button, self.remove_button):
            widget.setEnabled(open_)
        self.submit_button.setEnabled(open_ and bool(sheet.entries))

    def add(self) -> bool:
        done = self.session.run(problems.add_entry, self.session.store, self.session.agent,
                                day_text(self.day.date()), self.kind.currentData(),
                                self.text.text(), self.session.clock())
        if done:
            self.text.clear()
        return done

    def remove(self) -> bool:
        entry = self.view.currentIndex().data(EntryRole)
        if entry is None:
            return False
        return self.session.run(problems.remove_entry, self.session.store, self.session.agent,
                                entry.id, self.session.clock())

    def submit(self) -> bool:
        return self.session.run(problems.submit, self.session.store, self.session.agent,
                                day_text(self.day.date()), self.session.clock())


class ProblemCollectWindow(QWidget):
    """Every agent's sheets of the days: collect a day's, answer, export to XLSX."""

    exported = Signal(int, object)     # rows written, the path

    def __init__(self, session, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.setObjectName("problemCollectWindow")
        self.setWindowTitle(self.tr("问题单汇总"))
        self.resize(900, 560)
        self.export_job = None
        now = today(session)
        self.since = QDateEdit(now.addDays(-6))
        self.until = QDateEdit(now)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.collect_day = QDateEdit(now)
        self.collect_day.setObjectName("problemCollectDay")
        self.collect_day.setCalendarPopup(True)
        self.collect_day.setDisplayFormat("yyyy-MM-dd")
        self.collect_button = QPushButton(self.tr("汇总这一天"))
        self.collect_button.setObjectName("problemCollect")
        self.export_button = QPushButton(self.tr("导出 XLSX…"))
        self.export_button.setObjectName("problemExport")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.model = CollectModel()
        self.view = table_view(self.model)
        self.view.setObjectName("problemCollectEntries")
        self.answer = QLineEdit()
        self.answer.setObjectName("problemAnswer")
        self.answer.setPlaceholderText(self.tr("团队的标准答复（也用作培训素材）"))
        self.answer_button = QPushButton(self.tr("保存解答"))
        self.answer_button.setObjectName("problemSaveAnswer")
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("从")), self.since, QLabel(self.tr("到")), self.until,
                       self.export_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.collect_day)
        top.addWidget(self.collect_button)
        answering = QHBoxLayout()
        answering.addWidget(self.answer, 1)
        answering.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(answering)
        layout.addWidget(self.status)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda *_: self.reload())
        self.collect_button.clicked.connect(self.collect)
        self.export_button.clicked.connect(self.ask_export)
        self.answer_button.clicked.connect(self.save_answer)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        session.changed.connect(lambda changes: changes.problem_sheets and self.reload())
        self.reload()

    def days(self) -> tuple[str, str]:
        return day_text(self.since.date()), day_text(self.until.date())

    def reload(self) -> None:
        row = self.view.currentIndex().row()
        try:
            sheets = problems.sheets(self.session.store, self.session.agent, *self.days())
        except Refused as refusal:
            self.status.setText(str(refusal))
            return
        self.model.set_rows([(sheet, entry) for sheet in sheets for entry in sheet.entries])
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._show_selected()

    def _show_selected(self) -> None:
        entry = self.view.currentIndex().data(EntryRole)
        self.answer.setEnabled(entry is not None)
        self.answer_button.setEnabled(entry is not None)
        self.answer.setText(entry.answer if entry else "")

    def collect(self) -> bool:
        day = day_text(self.collect_day.date())
        done = self.session.run(problems.collect, self.session.store, self.session.agent, day,
                                self.session.clock())
        if done:
            self.status.setText(self.tr("已汇总 {0} 的问题单").format(day))
        return done

    def save_answer(self) -> bool:
        entry = self.view.currentIndex().data(EntryRole)
        if entry is None:
            return False
        return self.session.run(problems.answer, self.session.store, self.session.agent,
                                entry.id, self.answer.text(), self.session.clock())

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出问题单"), "问题单反馈表.xlsx",
                                              "Excel (*.xlsx)")  # ascii: a Qt file filter
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path):
        """Write the sheets of the days to XLSX in the background."""
        agent, (first, last) = self.session.agent, self.days()
        self.status.setText(self.tr("正在导出…"))
        self.export_job = start_task(
            self.session.store.path,
            lambda store, _progress, _cancelled: problems.export_xlsx(store, agent, path, first,
                                                                      last),
            succeeded=lambda count: self._exported(count, path), failed=self.status.setText)
        return self.export_job

    def _exported(self, count: int, path: Path) -> None:
        self.status.setText(self.tr("已导出 {0} 条到 {1}").format(count, path))
        self.exported.emit(count, path)
