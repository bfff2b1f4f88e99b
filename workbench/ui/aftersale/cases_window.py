"""The 售后 window: every case, filtered (mine or the team's, state, kind, cause, overdue,
waiting for approval) and searched, a page at a time; the chosen case's details, clock,
history and pictures; its steps, approvals, evidence and dispute export; the refund
report's import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import aftersale, timefmt
from workbench.accounts import permissions
from workbench.aftersale import Case, CaseFilter, cases, export, machine, refunds
from workbench.changes import Refused
from workbench.store import StoreError
from workbench.ui.aftersale.dialogs import ReviseDialog, StepDialog, no_inducement, plain
from workbench.ui.aftersale.models import (
    CaseDelegate,
    CaseRole,
    CaseTableModel,
    EvidenceModel,
    HistoryModel,
    clock_colour,
    clock_text,
    kind_text,
    money,
)
from workbench.ui.aftersale.terms import term
from workbench.ui.store_work import StoreTask, start_task, stop_and_wait

TICK_MS = 30_000
ALL = "全部"
# The state filters that can hold a case waiting for approval (None: every state).
APPROVAL_STATES = (None, aftersale.OPEN_WORD, aftersale.WORKING, aftersale.WAIT_APPROVAL)


class CasesWindow(QWidget):
    open_requested = Signal(object)   # Case: show its conversation and order

    def __init__(self, ui, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ui = ui
        self.session = ui.session
        self.shown: Case | None = None  # the case beside the list
        self.step_dialog: StepDialog | None = None
        self.revise_dialog: ReviseDialog | None = None
        self.import_job: StoreTask | None = None
        self.setObjectName("aftersaleWindow")
        self.setWindowTitle(self.tr("售后单"))
        self.resize(1280, 720)

        self.scope = QComboBox()
        self.scope.setObjectName("filterScope")
        self.scope.addItem(self.tr("我的"), "mine")
        self.scope.addItem(self.tr("全组"), "team")
        self.state = QComboBox()
        self.state.setObjectName("filterState")
        self.state.addItem(term(aftersale.OPEN_WORD), aftersale.OPEN_WORD)
        self.state.addItem(self.tr("全部状态"), None)
        for name in (*aftersale.STATES[:2], *aftersale.WAITING, *aftersale.STATES[2:]):
            self.state.addItem(term(name), name)
        self.kind = QComboBox()
        self.kind.setObjectName("filterKind")
        self.kind.addItem(self.tr("全部类型"), None)
        for name in aftersale.KINDS:
            self.kind.addItem(term(name), name)
        self.cause = QComboBox()
        self.cause.setObjectName("filterCause")
        self.cause.addItem(self.tr("全部原因"), None)
        for name in aftersale.CAUSES:
            self.cause.addItem(term(name), name)
        self.overdue = QCheckBox(self.tr("已超时"))
        self.overdue.setObjectName("filterOverdue")
        self.approval = QCheckBox(self.tr("待审批"))
        self.approval.setObjectName("filterApproval")
        self.search = QLineEdit()
        self.search.setObjectName("filterSearch")
        self.search.setPlaceholderText(self.tr("买家或订单号"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("casesCount")
        filters = QHBoxLayout()
        for widget in (self.scope, self.state, self.kind, self.cause, self.overdue,
                       self.approval, self.search):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)

        self.model = CaseTableModel(self.session)
        self.table = QTableView()
        self.table.setObjectName("casesTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(CaseDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 80), (1, 110), (2, 110), (3, 120), (4, 100), (5, 100),
                              (6, 70), (7, 84), (8, 160)):  # 84: “Assignee” whole
            self.table.setColumnWidth(column, width)

        self.header = plain()
        self.header.setObjectName("caseHeader")
        self.header.setStyleSheet("font-weight: bold; padding: 2px;")
        self.clock = plain()
        self.clock.setObjectName("caseClock")
        self.details = QPlainTextEdit()
        self.details.setObjectName("caseDetails")
        self.details.setReadOnly(True)
        self.step_button = QPushButton(self.tr("执行步骤…"))
        self.step_button.setObjectName("caseStep")
        self.step_button.setToolTip("Enter")
        self.approve_button = QPushButton(self.tr("批准"))
        self.approve_button.setObjectName("caseApprove")
        self.deny_button = QPushButton(self.tr("驳回…"))
        self.deny_button.setObjectName("caseDeny")
        self.revise_button = QPushButton(self.tr("修改…"))
        self.revise_button.setObjectName("caseRevise")
        self.revise_button.setToolTip(self.tr("修改原因、类型或金额（待处理或处理中时）"))
        self.open_button = QPushButton(self.tr("打开会话"))
        self.open_button.setObjectName("caseOpen")
        self.open_button.setToolTip("Ctrl+O")
        actions = QHBoxLayout()
        for button in (self.step_button, self.approve_button, self.deny_button,
                       self.revise_button, self.open_button):
            actions.addWidget(button)
        self.history_model = HistoryModel()
        self.history = QTableView()
        self.history.setObjectName("caseHistory")
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.verticalHeader().setDefaultSectionSize(22)
        self.history.setWordWrap(False)
        self.history.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 115), (1, 55), (2, 90), (3, 100)):
            self.history.setColumnWidth(column, width)
        self.evidence_model = EvidenceModel()
        self.evidence = QListView()
        self.evidence.setObjectName("caseEvidence")
        self.evidence.setModel(self.evidence_model)
        self.evidence.setMaximumHeight(80)
        self.attach_button = QPushButton(self.tr("附加买家图片"))
        self.attach_button.setObjectName("caseAttach")
        self.export_button = QPushButton(self.tr("导出纠纷材料…"))
        self.export_button.setObjectName("caseExport")
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(QLabel(self.tr("图片证据")))
        evidence_row.addStretch(1)
        evidence_row.addWidget(self.attach_button)
        evidence_row.addWidget(self.export_button)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.header)
        detail_layout.addWidget(self.clock)
        detail_layout.addWidget(self.details, 2)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(QLabel(self.tr("处理记录")))
        detail_layout.addWidget(self.history, 3)
        detail_layout.addLayout(evidence_row)
        detail_layout.addWidget(self.evidence)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([800, 480])

        self.message = plain()
        self.message.setObjectName("casesMessage")
        self.import_button = QPushButton(self.tr("导入退款报表…"))
        self.import_button.setObjectName("casesImport")
        self.import_progress = QProgressBar()
        self.import_progress.hide()
        self.import_cancel = QPushButton(self.tr("取消导入"))
        self.import_cancel.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.import_progress)
        bottom.addWidget(self.import_cancel)
        bottom.addWidget(self.import_button)
        rule = plain(no_inducement())
        rule.setStyleSheet("color: #757575;")

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        layout.addWidget(rule)

        for combo in (self.scope, self.state, self.kind, self.cause):
            combo.currentIndexChanged.connect(lambda *_: self.apply_filters())
        self.overdue.toggled.connect(lambda *_: self.apply_filters())
        self.approval.toggled.connect(self._approval_toggled)
        self.search.textChanged.connect(lambda *_: self.apply_filters())
        self.table.selectionModel().currentChanged.connect(lambda *_: self.show_current())
        self.table.activated.connect(lambda *_: self.take_step())
        self.step_button.clicked.connect(lambda: self.take_step())
        self.approve_button.clicked.connect(lambda: self.take_step("批准", at_once=True))
        self.deny_button.clicked.connect(lambda: self.take_step("驳回"))
        self.open_button.clicked.connect(self.open_current)
        self.revise_button.clicked.connect(lambda: self.revise())
        self.attach_button.clicked.connect(self.attach_images)
        self.export_button.clicked.connect(lambda: self.export_current())
        self.import_button.clicked.connect(lambda: self.choose_import())
        self.import_cancel.clicked.connect(self.cancel_import)
        self.model.modelReset.connect(self._after_reset)
        self.session.changed.connect(self._on_changed)
        for keys, slot in (("Ctrl+F", self.search.setFocus), ("Ctrl+O", self.open_current),
                           ("Ctrl+1", lambda: self.scope.setCurrentIndex(0)),
                           ("Ctrl+2", lambda: self.scope.setCurrentIndex(1)),
                           ("Ctrl+L", self.overdue.toggle), ("Ctrl+P", self.approval.toggle),
                           ("Ctrl+Return", lambda: self.take_step())):
            QShortcut(QKeySequence(keys), self, slot)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        self._selected_id: int | None = None
        self._stale = False
        # The scope and state before 待审批 widened them, and as it left them.
        self._before_approval: tuple[tuple[int, int], tuple[int, int]] | None = None
        self.apply_filters()
        self._count_approvals()

    # ------------------------------------------------------------------ the list

    def current_filter(self) -> CaseFilter:
        mine = self.scope.currentData() == "mine"
        return CaseFilter(agent_id=self.session.agent.id if mine else None,
                          state=self.state.currentData(), kind=self.kind.currentData(),
                          cause=self.cause.currentData(), overdue=self.overdue.isChecked(),
                          awaiting_approval=self.approval.isChecked(),
                          buyer=self.search.text())

    def apply_filters(self) -> None:
        """A new filter starts from its first case."""
        self._selected_id = None
        self.model.load(self.current_filter())

    def show_team(self) -> None:
        self.scope.setCurrentIndex(self.scope.findData("team"))

    def show_awaiting_approval(self) -> None:
        """The team's cases waiting for a supervisor's decision (Ctrl+P, the supervisors'
        待办 notice)."""
        if self.approval.isChecked():
            self._approval_toggled(True)
        else:
            self.approval.setChecked(True)

    def _approval_toggled(self, on: bool) -> None:
        """An approval waits for whoever decides, not for the agent who holds the case:
        待审批 shows the team's, whatever the scope was (it may be narrowed again); off
        again, the scope and state are back as they were unless changed meanwhile."""
        scope_and_state = (self.scope.currentIndex(), self.state.currentIndex())
        if on:
            widened = (self.scope.findData("team"), scope_and_state[1]
                       if self.state.currentData() in APPROVAL_STATES
                       else self.state.findData(aftersale.OPEN_WORD))
            self._set_scope_and_state(widened)
            self._before_approval = (scope_and_state, widened)
        elif self._before_approval is not None:
            before, widened = self._before_approval
            if scope_and_state == widened:
                self._set_scope_and_state(before)
        if not on:
            self._before_approval = None
        self.apply_filters()

    def _set_scope_and_state(self, indexes: tuple[int, int]) -> None:
        for combo, index in zip((self.scope, self.state), indexes, strict=True):
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def _count_approvals(self) -> None:
        """The team's cases awaiting approval, on the 待审批 filter."""
        asked, _late = aftersale.awaiting_approval(self.session.store, self.session.clock())
        self.approval.setText(self.tr("待审批（{0}）").format(asked) if asked
                              else self.tr("待审批"))

    def _after_reset(self) -> None:
        """The case shown stays shown (selected if the list still holds it: a step may
        well take it out of the filter); else the first case is."""
        self.count.setText(self.tr("共 {0} 张").format(self.model.total))
        if self._selected_id is not None:
            if not self.select_case(self._selected_id):
                self._show(aftersale.get(self.session.store, self._selected_id))
        elif self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self._show(None)

    def select_case(self, case_id: int) -> bool:
        number = self.model.row_of(case_id)
        if number is None:
            return False
        self.table.setCurrentIndex(self.model.index(number, 0))
        self.table.scrollTo(self.model.index(number, 0))
        return True

    def show_case(self, case_id: int) -> None:
        """Bring a case into view: in the list if the filter holds it, else on its own."""
        if not self.select_case(case_id):
            self.state.setCurrentIndex(self.state.findData(None))
            for box in (self.overdue, self.approval):
                box.setChecked(False)
            for combo in (self.kind, self.cause):
                combo.setCurrentIndex(0)
            self.search.clear()
            self.show_team()
            self.apply_filters()
            if not self.select_case(case_id):
                self._selected_id = case_id
                self._show(aftersale.get(self.session.store, case_id))

    def current(self) -> Case | None:
        index = self.table.currentIndex()
        return index.data(CaseRole) if index.isValid() else None

    def _on_changed(self, changes) -> None:
        # A case's assignee is its todo's: a handover moves cases too.
        if changes.aftersale or changes.todos:
            if self.isVisible():
                self.model.reload()
                self._count_approvals()
            else:
                self._stale = True  # a closed window catches up when shown again
        elif changes.settings:
            self.show_current()

    def showEvent(self, event) -> None:
        if self._stale:
            self._stale = False
            self.model.reload()
            self._count_approvals()
        super().showEvent(event)

    def tick(self) -> None:
        self._count_approvals()
        self.model.tick()
        if self.shown is not None:  # the clock moves; the case itself may have moved on
            self._show(aftersale.get(self.session.store, self.shown.id))

    # ------------------------------------------------------------------ the case

    def show_current(self) -> None:
        """The chosen case beside the list (the list's row is fresh: it was just loaded)."""
        case = self.current()
        if case is not None:
            self._selected_id = case.id
        elif self._selected_id is not None:
            case = aftersale.get(self.session.store, self._selected_id)
        self._show(case)

    def _show(self, case: Case | None) -> None:
        self.shown = case
        for widget in (self.step_button, self.open_button, self.attach_button,
                       self.export_button):
            widget.setEnabled(case is not None)
        supervisor = permissions.allowed(self.session.agent.role,
                                         permissions.APPROVE_COMPENSATION)
        deciding = case is not None and case.waiting == aftersale.WAIT_APPROVAL and supervisor
        self.approve_button.setVisible(deciding)
        self.deny_button.setVisible(deciding)
        self.revise_button.setEnabled(case is not None and case.position in machine.FREE)
        if case is None:
            self.header.setText(self.tr("没有售后单。从聊天消息或订单新建（Ctrl+Shift+S）。"))
            self.clock.setText("")
            self.details.setPlainText("")
            self.history_model.set_rows([])
            self.evidence_model.set_rows([])
            return
        now = self.session.clock()
        self.header.setText(self.tr("{0} · {1} · {2} · {3}").format(
            case.number, case.buyer_nick, kind_text(case), term(case.step_name)))
        due = timefmt.minute(case.due_at) if case.due_at else ""
        self.clock.setText(self.tr("{0}（{1} 到期）").format(clock_text(case, now), due)
                           if case.due_at else self.tr("无待办事项"))
        self._colour_clock(clock_colour(case, now))
        self.details.setPlainText(self._describe(case))
        self.history_model.set_rows(aftersale.history(self.session.store, case.id))
        self.history.scrollToBottom()
        self.evidence_model.set_rows(aftersale.evidence(self.session.store, case.id))

    def _colour_clock(self, colour: QColor | None) -> None:
        """The clock's colour through its palette: a style sheet set on every case shown
        would restyle the label each time."""
        palette = self.clock.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         colour or self.palette().color(QPalette.ColorRole.WindowText))
        self.clock.setPalette(palette)

    def _describe(self, case: Case) -> str:
        lines = [self.tr("订单：{0}").format(case.order_id),
                 self.tr("原因：{0}").format(term(case.cause) or self.tr("未注明")),
                 self.tr("负责人：{0}").format(case.assignee_label)]
        for label, value in ((self.tr("金额："), money(case.amount)),
                             (self.tr("已退款："), money(case.refunded)),
                             (self.tr("寄回运费："), term(case.postage_payer)),
                             (self.tr("退换货条件："), case.check_note or ""),
                             (self.tr("退货物流："), " ".join(filter(None, (
                                 case.return_courier, case.return_tracking)))),
                             (self.tr("仓库收货："), case.received_note or ""),
                             (self.tr("补发/换货物流："), " ".join(filter(None, (
                                 case.reship_courier, case.reship_tracking)))),
                             (self.tr("主管审批："), " ".join(filter(None, (
                                 term(case.approval_state), money(case.approval_amount))))),
                             (self.tr("评价："), " ".join(filter(None, (
                                 self.tr("{0} 星").format(case.review_rating)
                                 if case.review_rating else "", case.review_text or "")))),
                             (self.tr("平台退款："), " ".join(filter(None, (
                                 case.refund_no, case.platform_state_name)))),
                             (self.tr("回访："), " ".join(filter(None, (
                                 timefmt.minute(case.visited_at) if case.visited_at else "",
                                 term(case.visit_outcome), case.visit_note or "")))),
                             (self.tr("说明："), case.note)):
            if value:
                lines.append(label + value)
        lines.append(self.tr("开单：{0} {1}").format(timefmt.minute(case.opened_at),
                                                   case.opened_by_name or ""))
        return "\n".join(lines)

    def take_step(self, step: str | None = None, at_once: bool = False) -> StepDialog | None:
        """The step dialog for the chosen case (``at_once``: take ``step`` without asking)."""
        case = self.shown
        if case is None:
            return None
        if at_once and step is not None:
            self._run(cases.take_step, self.session.store, case.id, step, self.session.agent,
                      self.session.clock())
            return None
        dialog = StepDialog(self.session, case, self, step=step, send=self.ui.send_to_buyer)
        dialog.accepted.connect(lambda: self.message.setText(
            self.tr("{0}：{1}").format(case.number, term(dialog.done_step))))
        self.step_dialog = dialog
        dialog.open()
        return dialog

    def revise(self) -> ReviseDialog | None:
        if self.shown is None:
            return None
        dialog = ReviseDialog(self.session, self.shown, self)
        self.revise_dialog = dialog
        dialog.open()
        return dialog

    def _run(self, operation, *args) -> bool:
        try:
            changes = operation(*args)
        except Refused as refusal:
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(str(refusal))
            return False
        self.message.setStyleSheet("")
        self.session.publish(changes)
        return True

    def open_current(self) -> None:
        if self.shown is not None:
            self.open_requested.emit(self.shown)

    def attach_images(self) -> bool:
        case = self.shown
        if case is None:
            return False
        done = self._run(cases.attach_images, self.session.store, case.id, self.session.agent,
                         self.session.clock())
        if done:
            self.message.setText(self.tr("已附加买家图片，共 {0} 张").format(
                len(aftersale.evidence(self.session.store, case.id))))
        return done

    def export_current(self, path: Path | str | None = None) -> Path | None:
        case = self.shown
        if case is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出纠纷材料"), self.tr("售后-{0}.xlsx").format(case.number),
                "Excel (*.xlsx)")
            if not chosen:
                return None
            path = chosen
        try:
            export.export_case(self.session.store, case.id, Path(path))
        except (Refused, StoreError) as problem:
            self._show_error(str(problem) if isinstance(problem, Refused) else problem.zh)
            return None
        self.message.setStyleSheet("")
        self.message.setText(self.tr("已导出 {0}：{1}").format(case.number, path))
        return Path(path)

    # ------------------------------------------------------------------ import

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入退款报表"), "",
                                              self.tr("退款报表 (*.csv *.xlsx)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> StoreTask | None:
        """Import a refund report on a worker thread, with progress and cancel."""
        if self.import_job is not None:
            return None
        agent, now = self.session.agent, self.session.clock()

        def work(store, progress, cancelled):
            return refunds.import_report(store, path, agent, now, progress=progress,
                                         cancelled=cancelled)

        self.import_progress.setRange(0, 0)
        self.import_progress.show()
        self.import_cancel.show()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在导入 {0}…").format(path.name))
        self.import_job = start_task(
            self.session.store.path, work,
            progress=lambda done, total: (self.import_progress.setRange(0, max(total, 1)),
                                          self.import_progress.setValue(done)),
            succeeded=self._imported, failed=self._show_error,
            cancelled=lambda: self.message.setText(self.tr("导入已取消，数据没有改动。")),
            ended=self._import_done, cancel_types=(refunds.Cancelled,))
        return self.import_job

    def _imported(self, result) -> None:
        self.message.setText(result.summary())
        self.session.publish(result.changes)

    def _show_error(self, reason: str) -> None:
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(reason)

    def cancel_import(self) -> None:
        if self.import_job is not None:
            self.import_job.cancel()

    def _import_done(self) -> None:
        self.import_job = None
        self.import_progress.hide()
        self.import_cancel.hide()

    def closeEvent(self, event) -> None:
        stop_and_wait(self.import_job)
        super().closeEvent(event)
