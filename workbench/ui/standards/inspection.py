"""The 质检 window: a supervisor samples conversations, reads each transcript with the
checklist's marks, overrides a result, scores items by hand, comments and completes; an
agent reads their inspected conversations and acknowledges them. Messages are plain text."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench import timefmt
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.standards import FAIL, NA, PASS, RESULT_NAMES, RULES_BY_ID, inspection
from workbench.standards.inspection import Inspection, Opened
from workbench.supervision.search import SENDER_NAMES
from workbench.ui.item_models import RoomyDelegate, RowsListModel, RowsTableModel
from workbench.ui.plain_text import tip
from workbench.ui.standards.common import day_start, day_text, table_view, today
from workbench.ui.standards.names import name
from workbench.ui.store_work import start_task

InspectionRole = Qt.ItemDataRole.UserRole + 1
RuleRole = Qt.ItemDataRole.UserRole + 2
FAIL_BACKGROUND = QColor("#fde2df")
PASS_BACKGROUND = QColor("#e3f3e8")
# The chosen rule's messages: a stronger shade (not bold, which would change their height).
CHOSEN_FAIL_BACKGROUND = QColor("#f4a89e")
CHOSEN_PASS_BACKGROUND = QColor("#a9dbb9")
CHOSEN_BACKGROUND = QColor("#fff2a8")
FAIL_TEXT = QColor("#b71c1c")
PASS_TEXT = QColor("#2e7d32")
QUIET_TEXT = QColor("#777777")
STATE_CHOICES = ((None, QT_TRANSLATE_NOOP("InspectionWindow", "全部状态")),
                 (inspection.SAMPLED, "待质检"), (inspection.DONE, "已质检"),
                 (inspection.ACKNOWLEDGED, "已确认"))
OVERRIDE_CHOICES = ((None, QT_TRANSLATE_NOOP("InspectionWindow", "自动结果")),
                    (PASS, RESULT_NAMES[PASS]), (FAIL, RESULT_NAMES[FAIL]), (NA, RESULT_NAMES[NA]))


class InspectionModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("InspectionModel", "日期"),
               QT_TRANSLATE_NOOP("InspectionModel", "客服"),
               QT_TRANSLATE_NOOP("InspectionModel", "买家"),
               QT_TRANSLATE_NOOP("InspectionModel", "抽检方式"),
               QT_TRANSLATE_NOOP("InspectionModel", "得分"),
               QT_TRANSLATE_NOOP("InspectionModel", "状态"))

    def __init__(self):
        super().__init__()
        self.rows: list[Inspection] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        found = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            score = "—" if found.score is None else f"{found.score:g}"
            return (found.day, found.agent_name or "—", found.buyer, name(found.reason_name),
                    score, name(found.state_name))[index.column()]
        if role == InspectionRole:
            return found
        return None

    def row_of(self, inspection_id: int) -> int | None:
        return next((n for n, i in enumerate(self.rows) if i.id == inspection_id), None)


class MarkedTranscriptModel(RowsListModel):
    """The transcript, each message with the rules it is evidence of: failed rules in red,
    passed ones in green; the chosen rule's messages in a stronger shade."""

    def __init__(self):
        super().__init__()
        self.failed: dict[int, list[str]] = {}
        self.passed: dict[int, list[str]] = {}
        self.chosen: set[int] = set()

    def show(self, opened: Opened | None) -> None:
        self.beginResetModel()
        self.failed, self.passed, self.chosen = {}, {}, set()
        self.rows = list(opened.transcript.lines) if opened else []
        for rule, result in (opened.verdict.results.items() if opened else ()):
            marks = self.failed if result.result == FAIL else \
                self.passed if result.result == PASS else None
            for number in result.evidence if marks is not None else ():
                marks.setdefault(number, []).append(rule)
        self.endResetModel()

    def choose(self, evidence: tuple[int, ...]) -> None:
        self.chosen = set(evidence)
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        line = self.row_at(index)
        if line is None:
            return None
        number = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            who = name(SENDER_NAMES.get(line.sender, line.sender))
            if line.agent:
                who += f" {line.agent}"
            text = self.tr("[图片]") if line.kind == "image" else line.text
            marks = [f"✗ {name(RULES_BY_ID[r].name)}" for r in self.failed.get(number, ())]
            marks += [f"✓ {name(RULES_BY_ID[r].name)}" for r in self.passed.get(number, ())]
            shown = f"{timefmt.second(line.at)}  {who}\n{text}"
            return shown + ("\n" + "  ".join(marks) if marks else "")
        if role == Qt.ItemDataRole.BackgroundRole:
            chosen = number in self.chosen
            if number in self.failed:
                return CHOSEN_FAIL_BACKGROUND if chosen else FAIL_BACKGROUND
            if number in self.passed:
                return CHOSEN_PASS_BACKGROUND if chosen else PASS_BACKGROUND
            return CHOSEN_BACKGROUND if chosen else None
        if role == Qt.ItemDataRole.ForegroundRole and line.sender in ("auto", "system"):
            return QUIET_TEXT
        return None


class ResultsModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ResultsModel", "规则"),
               QT_TRANSLATE_NOOP("ResultsModel", "结果"),
               QT_TRANSLATE_NOOP("ResultsModel", "依据"),
               QT_TRANSLATE_NOOP("ResultsModel", "说明"))

    def __init__(self):
        super().__init__()
        self.rows = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        result = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return name(RULES_BY_ID[result.rule].name)
            if column == 1:
                shown = name(RESULT_NAMES[result.result])
                if result.overridden_from is not None:
                    shown += self.tr("（人工，原为{0}）").format(
                        name(RESULT_NAMES[result.overridden_from]))
                return shown
            if column == 2:
                return self.tr("{0} 条消息").format(len(result.evidence)) if result.evidence \
                    else "—"
            return result.note
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(name(RULES_BY_ID[result.rule].standard) if column == 0 else result.note)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return {FAIL: FAIL_TEXT, PASS: PASS_TEXT}.get(result.result, QUIET_TEXT)
        if role == RuleRole:
            return result
        return None


class ItemsModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ItemsModel", "人工评分项"),
               QT_TRANSLATE_NOOP("ItemsModel", "得分"),
               QT_TRANSLATE_NOOP("ItemsModel", "权重"))

    def __init__(self):
        super().__init__()
        self.rows = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        stored = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (stored.item.label, f"{stored.item.score:g}",
                    str(stored.item.weight))[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return stored.id
        return None


class InspectionWindow(QWidget):
    """Left the inspections of the chosen days, right the one open."""

    opened = Signal(object)     # Opened, once shown
    sampled = Signal(int)       # how many conversations a sampling added

    def __init__(self, session, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.setObjectName("inspectionWindow")
        self.supervisor = permissions.allowed(session.agent.role,
                                              permissions.INSPECT_CONVERSATIONS)
        self.setWindowTitle(self.tr("质检") if self.supervisor else self.tr("我的质检"))
        self.resize(1240, 740)
        self.current: Opened | None = None
        self.sampling = None

        now = today(session)
        self.since = QDateEdit(now.addDays(-1 if self.supervisor else -30))
        self.until = QDateEdit(now.addDays(-1) if self.supervisor else now)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.state = QComboBox()
        self.state.setObjectName("inspectionState")
        for value, text in STATE_CHOICES:
            self.state.addItem(self.tr(text) if value is None else name(text), value)
        self.reason = QComboBox()
        self.reason.setObjectName("inspectionReason")
        for key, text in inspection.REASONS.items():
            self.reason.addItem(name(text), key)
        self.per_agent = QSpinBox()
        self.per_agent.setObjectName("inspectionPerAgent")
        self.per_agent.setRange(1, 50)
        self.per_agent.setValue(inspection.DEFAULT_PER_AGENT)
        self.per_agent.setPrefix(self.tr("每人每天 "))
        self.sample_button = QPushButton(self.tr("抽检"))
        self.sample_button.setObjectName("inspectionSample")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.model = InspectionModel()
        self.list = table_view(self.model)
        self.list.setObjectName("inspectionList")
        self.header = QLabel()
        self.header.setObjectName("inspectionHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.transcript_model = MarkedTranscriptModel()
        self.transcript = QListView()
        self.transcript.setObjectName("inspectionTranscript")
        self.transcript.setModel(self.transcript_model)
        self.transcript.setItemDelegate(RoomyDelegate(self.transcript))
        self.transcript.setWordWrap(True)
        self.transcript.setSpacing(2)
        self.transcript.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_model = ResultsModel()
        self.results = table_view(self.results_model)
        self.results.setObjectName("inspectionResults")

        self.override = QComboBox()
        self.override.setObjectName("inspectionOverride")
        for value, text in OVERRIDE_CHOICES:
            self.override.addItem(self.tr(text) if value is None else name(text), value)
        self.override_button = QPushButton(self.tr("改为所选结果"))
        self.override_button.setObjectName("inspectionOverrideApply")
        self.items_model = ItemsModel()
        self.items = table_view(self.items_model)
        self.items.setObjectName("inspectionItems")
        self.item_label = QLineEdit()
        self.item_label.setObjectName("inspectionItemLabel")
        self.item_label.setPlaceholderText(self.tr("人工评分项，如：产品知识"))
        self.item_label.setMinimumWidth(140)
        self.item_score = QSpinBox()
        self.item_score.setObjectName("inspectionItemScore")
        self.item_score.setRange(0, 100)
        self.item_score.setValue(80)
        self.item_score.setSuffix(self.tr(" 分"))
        self.item_weight = QSpinBox()
        self.item_weight.setObjectName("inspectionItemWeight")
        self.item_weight.setRange(1, inspection.MAX_ITEM_WEIGHT)
        self.item_weight.setValue(10)
        self.item_weight.setPrefix(self.tr("权重 "))
        self.add_item_button = QPushButton(self.tr("添加"))
        self.add_item_button.setObjectName("inspectionItemAdd")
        self.remove_item_button = QPushButton(self.tr("删除所选项"))
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("inspectionComment")
        self.comment.setPlaceholderText(self.tr("给客服的点评"))
        self.comment.setMaximumHeight(90)
        self.save_comment_button = QPushButton(self.tr("保存点评"))
        self.save_comment_button.setObjectName("inspectionSaveComment")
        self.complete_button = QPushButton(self.tr("完成质检"))
        self.complete_button.setObjectName("inspectionComplete")
        self.reopen_button = QPushButton(self.tr("重新打开"))
        self.reopen_button.setObjectName("inspectionReopen")
        self.acknowledge_button = QPushButton(self.tr("确认已阅"))
        self.acknowledge_button.setObjectName("inspectionAcknowledge")
        self._lay_out()
        self._connect()
        self.reload()

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        for widget in (QLabel(self.tr("从")), self.since, QLabel(self.tr("到")), self.until,
                       self.state):
            controls.addWidget(widget)
        if self.supervisor:
            controls.addSpacing(16)
            for widget in (self.reason, self.per_agent, self.sample_button):
                controls.addWidget(widget)
        controls.addWidget(self.status, 1)

        override_row = QHBoxLayout()
        override_row.addWidget(QLabel(self.tr("所选规则")))
        override_row.addWidget(self.override)
        override_row.addWidget(self.override_button)
        override_row.addStretch(1)
        item_row = QHBoxLayout()
        item_row.addWidget(self.item_label, 1)
        for widget in (self.item_score, self.item_weight, self.add_item_button,
                       self.remove_item_button):
            item_row.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.save_comment_button)
        actions.addStretch(1)
        for widget in (self.reopen_button, self.complete_button, self.acknowledge_button):
            actions.addWidget(widget)

        judging = QWidget()
        judging_layout = QVBoxLayout(judging)
        judging_layout.setContentsMargins(0, 0, 0, 0)
        judging_layout.addWidget(self.results, 3)
        if self.supervisor:
            judging_layout.addLayout(override_row)
        judging_layout.addWidget(self.items, 1)
        if self.supervisor:
            judging_layout.addLayout(item_row)
        judging_layout.addWidget(QLabel(self.tr("点评")))
        judging_layout.addWidget(self.comment)
        judging_layout.addLayout(actions)
        for widget in (self.override, self.override_button, self.item_label, self.item_score,
                       self.item_weight, self.add_item_button, self.remove_item_button,
                       self.save_comment_button, self.complete_button, self.reopen_button):
            widget.setVisible(self.supervisor)
        self.acknowledge_button.setVisible(not self.supervisor)
        self.comment.setReadOnly(not self.supervisor)

        detail_split = QSplitter(Qt.Orientation.Horizontal)
        detail_split.addWidget(self.transcript)
        detail_split.addWidget(judging)
        detail_split.setSizes([460, 440])
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.header)
        detail_layout.addWidget(detail_split, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([380, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda *_: self.reload())
        self.state.currentIndexChanged.connect(lambda *_: self.reload())
        self.sample_button.clicked.connect(self.sample)
        self.list.selectionModel().currentRowChanged.connect(lambda current, _:
                                                             self._open_row(current.row()))
        self.results.selectionModel().currentRowChanged.connect(lambda current, _:
                                                                self._choose_rule(current))
        self.override_button.clicked.connect(self.apply_override)
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_item_button.clicked.connect(self.remove_item)
        self.save_comment_button.clicked.connect(self.save_comment)
        self.complete_button.clicked.connect(self.complete)
        self.reopen_button.clicked.connect(self.reopen)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        self.session.changed.connect(self._on_changed)

    # --- the list -----------------------------------------------------------------------------

    def reload(self) -> None:
        keep = self.current.inspection.id if self.current else None
        try:
            found = inspection.listing(self.session.store, self.session.agent,
                                       day_text(self.since.date()), day_text(self.until.date()))
        except Refused as refusal:
            self.status.setText(str(refusal))
            return
        wanted = self.state.currentData()
        self.model.set_rows([i for i in found if wanted is None or i.state == wanted])
        if not self.supervisor:
            waiting = sum(1 for i in found if i.state == inspection.DONE)
            self.status.setText(self.tr("{0} 条待确认").format(waiting) if waiting else "")
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            # The reset cleared the current row: choosing it again opens it afresh.
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self.show_opened(None)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.open(self.model.rows[row].id)

    def select(self, inspection_id: int) -> bool:
        row = self.model.row_of(inspection_id)
        if row is None:
            return False
        self.list.setCurrentIndex(self.model.index(row, 0))
        return True

    def sample(self):
        """Sample in the background (it checks every conversation of the days)."""
        if self.sampling is not None:
            return self.sampling
        store_path, agent = self.session.store.path, self.session.agent
        since, until = day_start(self.since.date()), day_start(self.until.date().addDays(1))
        now, reason, per_agent = self.session.clock(), self.reason.currentData(), \
            self.per_agent.value()
        self.status.setText(self.tr("正在抽检…"))
        self.sample_button.setEnabled(False)
        self.sampling = start_task(
            store_path, lambda store, _progress, _cancelled: inspection.sample(
                store, agent, since, until, now, per_agent=per_agent, reason=reason),
            succeeded=self._sampled, failed=self.status.setText, ended=self._sampling_ended)
        return self.sampling

    def _sampled(self, changes) -> None:
        self.status.setText(self.tr("抽到 {0} 个会话").format(len(changes.inspections)))
        self.session.publish(changes)
        self.sampled.emit(len(changes.inspections))

    def _sampling_ended(self) -> None:
        self.sampling = None
        self.sample_button.setEnabled(True)

    def _on_changed(self, changes) -> None:
        if changes.inspections or changes.settings:
            self.reload()

    # --- one inspection -------------------------------------------------------------------------

    def open(self, inspection_id: int) -> Opened | None:
        try:
            opened = inspection.open_inspection(self.session.store, self.session.agent,
                                                inspection_id, self.session.clock())
        except Refused as refusal:
            self.session.refused.emit(str(refusal))
            self.status.setText(str(refusal))
            return None
        self.show_opened(opened)
        return opened

    def show_opened(self, opened: Opened | None) -> None:
        self.current = opened
        self.transcript_model.show(opened)
        chosen = self.results.currentIndex().row()
        self.results_model.set_rows(list(opened.verdict.results.values()) if opened else [])
        self.items_model.set_rows(list(opened.items) if opened else [])
        if opened is None:
            self.header.setText(self.tr("选择左边的一条质检记录。"))
            self.comment.setPlainText("")
        else:
            found = opened.inspection
            score = "—" if opened.verdict.score is None else f"{opened.verdict.score:g}"
            self.header.setText(self.tr(
                "{0}  买家 {1}  客服 {2}  {3}  得分 {4}  会话 {5}").format(
                found.day, found.buyer, found.agent_name or "—", name(found.state_name), score,
                opened.transcript.conversation))
            if self.comment.toPlainText() != found.comment:
                self.comment.setPlainText(found.comment)
            if 0 <= chosen < self.results_model.rowCount():
                self.results.setCurrentIndex(self.results_model.index(chosen, 0))
        editable = opened is not None and opened.inspection.state == inspection.SAMPLED
        for widget in (self.override, self.override_button, self.item_label, self.item_score,
                       self.item_weight, self.add_item_button, self.remove_item_button,
                       self.save_comment_button, self.complete_button):
            widget.setEnabled(editable)
        self.comment.setReadOnly(not (self.supervisor and editable))
        self.reopen_button.setEnabled(opened is not None and not editable)
        self.acknowledge_button.setEnabled(
            opened is not None and opened.inspection.state == inspection.DONE)
        if opened is not None:
            self.opened.emit(opened)

    def _choose_rule(self, index: QModelIndex) -> None:
        result = index.data(RuleRole) if index.isValid() else None
        self.transcript_model.choose(result.evidence if result else ())
        if result and result.evidence:
            self.transcript.scrollTo(self.transcript_model.index(result.evidence[0]))

    def selected_rule(self) -> str | None:
        result = self.results.currentIndex().data(RuleRole)
        return result.rule if result else None

    def _run(self, operation, *args) -> bool:
        if self.current is None:
            return False
        return self.session.run(operation, self.session.store, self.session.agent,
                                self.current.inspection.id, *args)

    def apply_override(self) -> bool:
        rule = self.selected_rule()
        if rule is None:
            self.status.setText(self.tr("先在结果表里选一条规则。"))
            return False
        return self._run(inspection.override, rule, self.override.currentData(),
                         self.session.clock())

    def add_item(self) -> bool:
        done = self._run(inspection.add_item, self.item_label.text(), self.item_score.value(),
                         self.item_weight.value(), self.session.clock())
        if done:
            self.item_label.clear()
        return done

    def remove_item(self) -> bool:
        item_id = self.items.currentIndex().data(Qt.ItemDataRole.UserRole)
        if item_id is None:
            return False
        return self.session.run(inspection.remove_item, self.session.store, self.session.agent,
                                item_id, self.session.clock())

    def save_comment(self) -> bool:
        return self._run(inspection.set_comment, self.comment.toPlainText(),
                         self.session.clock())

    def complete(self) -> bool:
        if self.current is None:
            return False
        if self.comment.toPlainText().strip() != self.current.inspection.comment and \
                not self.save_comment():
            return False
        return self._run(inspection.complete, self.session.clock())

    def reopen(self) -> bool:
        return self._run(inspection.reopen, self.session.clock())

    def acknowledge(self) -> bool:
        return self._run(inspection.acknowledge, self.session.clock())
