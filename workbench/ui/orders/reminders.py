"""催付：the dialog that sends a reminder and registers it, and the register window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import orders, timefmt
from workbench.changes import Refused
from workbench.orders import Order, policy, reminders
from workbench.orders.reminders import Reminder, SummaryRow
from workbench.store import StoreError
from workbench.ui import language
from workbench.ui.item_models import RowsTableModel
from workbench.ui.orders.sidebar import plain_label
from workbench.ui.session import Session
from workbench.ui.vocabulary import word

WARNING_COLOUR = "#c62828"
ReminderRole = Qt.ItemDataRole.UserRole + 3
DAY = 86400.0


# The domain keeps channels, reasons and outcomes in Chinese (stored, exported, compared);
# the lists show them in the window's language, each item's data the Chinese value. The
# reason and outcome lists are editable: typed text is kept as typed.
def fill_choices(box: QComboBox, values, blank: bool = False) -> None:
    if blank:
        box.addItem("", "")
    for value in values:
        box.addItem(word(value), value)


def chosen_value(box: QComboBox) -> str:
    """The Chinese value of the chosen item, or the text typed."""
    text = box.currentText().strip()
    index = box.findText(text)
    return box.itemData(index) if index >= 0 and box.itemData(index) is not None else text


def show_value(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)
    else:
        box.setCurrentText(value)


class ReminderDialog(QDialog):
    """Shows when to remind and any warnings, sends the team's phrase into the buyer's
    conversation (or notes an SMS or call), registers it, then offers the green flag."""

    reminded = Signal(str)   # order id

    @classmethod
    def for_order(cls, session: Session, order: Order,
                  parent: QWidget | None = None) -> ReminderDialog | None:
        """The dialog for ``order``, or None (the refusal reported) if it needs none."""
        try:
            check = reminders.check(session.store, order.id, session.clock())
        except Refused as refusal:
            session.refused.emit(language.text(refusal))
            return None
        return cls(session, check, parent)

    def __init__(self, session: Session, check: reminders.Check, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.check = check
        order = check.order
        self.setWindowTitle(self.tr("催付 · {0}").format(order.buyer_nick))
        placed = timefmt.minute(order.created_at) if order.created_at else "—"
        header = plain_label(self.tr("订单 {0} · 买家 {1} · {2} 下单 · ¥{3:.2f}").format(
            order.id, order.buyer_nick, placed, order.total or 0))
        window_text = check.window.describe() if check.window else self.tr("下单时间不详")
        self.window_label = plain_label(self.tr("催付时间：") + window_text)
        self.warnings = plain_label("\n".join("⚠ " + w for w in check.warnings))
        self.warnings.setObjectName("reminderWarnings")
        self.warnings.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.warnings.setVisible(bool(check.warnings))
        self.confirm = QCheckBox(self.tr("我已了解以上提醒，仍要催付"))
        self.confirm.setObjectName("reminderConfirm")
        self.confirm.setVisible(bool(check.warnings))

        self.channel = QComboBox()
        self.channel.setObjectName("reminderChannel")
        fill_choices(self.channel, reminders.CHANNELS)
        self.reason = QComboBox()
        self.reason.setObjectName("reminderReason")
        self.reason.setEditable(True)
        fill_choices(self.reason, reminders.REASONS, blank=True)
        self.reason.lineEdit().setPlaceholderText(self.tr("未付款原因（知道的话）"))
        self.text = QPlainTextEdit(reminders.text(session.store, order, session.agent,
                                                  session.clock()))
        self.text.setObjectName("reminderText")
        # Team phrases are used as written (DOMAIN.md): the agent sends, not rewrites.
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("方式"), self.channel)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.tr("话术"), self.text)

        self.send_button = QPushButton()
        self.send_button.setObjectName("reminderSend")
        self.send_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(cancel)

        # Shown once the reminder is registered: the green flag the policy assigns.
        self.after = QWidget()
        self.after.setObjectName("reminderAfter")
        self.after_label = plain_label()
        self.flag_remark = QLineEdit()
        self.flag_remark.setObjectName("reminderFlagRemark")
        self.flag_button = QPushButton()
        self.flag_button.setObjectName("reminderFlag")
        self.close_button = QPushButton(self.tr("关闭"))
        after_buttons = QHBoxLayout()
        after_buttons.addStretch(1)
        after_buttons.addWidget(self.flag_button)
        after_buttons.addWidget(self.close_button)
        after_layout = QVBoxLayout(self.after)
        after_layout.setContentsMargins(0, 0, 0, 0)
        after_layout.addWidget(self.after_label)
        after_layout.addWidget(self.flag_remark)
        after_layout.addLayout(after_buttons)
        self.after.hide()

        self.before = QWidget()
        before_layout = QVBoxLayout(self.before)
        before_layout.setContentsMargins(0, 0, 0, 0)
        before_layout.addWidget(self.warnings)
        before_layout.addWidget(self.confirm)
        before_layout.addLayout(form)
        before_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.window_label)
        layout.addWidget(self.before)
        layout.addWidget(self.after)

        self.channel.currentIndexChanged.connect(lambda *_: self._update())
        self.confirm.toggled.connect(lambda *_: self._update())
        self.send_button.clicked.connect(self.send)
        cancel.clicked.connect(self.reject)
        self.flag_button.clicked.connect(self.set_green_flag)
        self.close_button.clicked.connect(self.accept)
        self._update()

    @property
    def order(self) -> Order:
        return self.check.order

    def _update(self) -> None:
        chat = self.channel.currentData() == reminders.CHAT_CHANNEL
        self.send_button.setText(self.tr("发送并登记") if chat else self.tr("登记"))
        self.text.setEnabled(chat)
        self.send_button.setEnabled(not self.check.warnings or self.confirm.isChecked())

    def send(self) -> bool:
        """Send the phrase (旺旺) and register the reminder; then offer the green flag."""
        if self.check.warnings and not self.confirm.isChecked():
            return False
        channel = self.channel.currentData()
        reason = chosen_value(self.reason)
        if channel == reminders.CHAT_CHANNEL:
            current = self.session.current
            if current is None or current.buyer_id != self.order.buyer_id:
                self.session.refused.emit(self.tr("请先打开买家 {0} 的会话，再发送催付。")
                                          .format(self.order.buyer_nick))
                return False
            if not self.session.send_text(self.text.toPlainText()):
                return False
        if not self.session.run(reminders.remind, self.session.store, self.order.id,
                                self.session.agent, self.session.clock(), channel=channel,
                                reason=reason):
            return False
        self.reminded.emit(self.order.id)
        self._offer_green_flag(channel, reason)
        return True

    def _offer_green_flag(self, channel: str, reason: str) -> None:
        self.before.hide()
        self.window_label.hide()
        green = reminders.green_flag(self.session.store)
        if green is None:
            self.after_label.setText(self.tr("已登记催付。团队旗帜规则里没有催付后使用的颜色。"))
            self.flag_remark.hide()
            self.flag_button.hide()
        else:
            rule = policy.load(self.session.store).rule(green)
            self.after_label.setText(self.tr("已登记催付。按团队旗帜规则：{0}").format(
                rule.describe()))
            self.flag_button.setText(self.tr("插{0}旗并备注").format(word(rule.name)))
            remark = self.tr("已{0}催付").format(word(channel))
            if reason:
                remark += self.tr("，原因：{0}").format(word(reason))
            self.flag_remark.setText(remark)
        self.after.show()

    def set_green_flag(self) -> bool:
        green = reminders.green_flag(self.session.store)
        if green is None:
            return False
        if self.session.run(orders.set_flag, self.session.store, self.order.id,
                            self.session.agent, green, self.session.clock(),
                            remark=self.flag_remark.text()):
            self.accept()
            return True
        return False


class ReminderModel(RowsTableModel):
    """The register (催付登记表), newest first."""

    COLUMNS = (QT_TRANSLATE_NOOP("ReminderModel", "时间"),
               QT_TRANSLATE_NOOP("ReminderModel", "订单号"),
               QT_TRANSLATE_NOOP("ReminderModel", "买家"),
               QT_TRANSLATE_NOOP("ReminderModel", "客服"),
               QT_TRANSLATE_NOOP("ReminderModel", "方式"),
               QT_TRANSLATE_NOOP("ReminderModel", "未付原因"),
               QT_TRANSLATE_NOOP("ReminderModel", "结果"),
               QT_TRANSLATE_NOOP("ReminderModel", "订单现状"))

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.since: float | None = None
        self.rows: list[Reminder] = []
        session.changed.connect(self._on_changed)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (timefmt.minute(entry.at), entry.order_id, entry.buyer_nick,
                    entry.agent_name or "", word(entry.channel or ""), word(entry.reason or ""),
                    word(entry.outcome or ""), word(entry.order_status_name))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 7 and \
                entry.order_status != orders.UNPAID:
            return QColor("#2e7d32")
        if role == ReminderRole:
            return entry
        return None

    def load(self, since: float | None) -> None:
        self.since = since
        self.set_rows(reminders.register(self.session.store, since))

    def _on_changed(self, changes) -> None:
        if changes.orders:
            self.load(self.since)


class SummaryModel(RowsTableModel):
    """The summary table (总结优化表) of reminders by timing, channel and reason, and how
    many of them were paid."""

    COLUMNS = (QT_TRANSLATE_NOOP("SummaryModel", "维度"),
               QT_TRANSLATE_NOOP("SummaryModel", "项目"),
               QT_TRANSLATE_NOOP("SummaryModel", "催付次数"),
               QT_TRANSLATE_NOOP("SummaryModel", "已付款"),
               QT_TRANSLATE_NOOP("SummaryModel", "成功率"))
    # The summary's words (reminders.SUMMARY_DIMENSIONS, the timings, NO_REASON).
    WORDS = (QT_TRANSLATE_NOOP("SummaryModel", "催付时机"),
             QT_TRANSLATE_NOOP("SummaryModel", "催付方式"),
             QT_TRANSLATE_NOOP("SummaryModel", "未付原因"),
             QT_TRANSLATE_NOOP("SummaryModel", "按时间表"),
             QT_TRANSLATE_NOOP("SummaryModel", "早于时间表"),
             QT_TRANSLATE_NOOP("SummaryModel", "晚于时间表"),
             QT_TRANSLATE_NOOP("SummaryModel", "下单时间不详"),
             QT_TRANSLATE_NOOP("SummaryModel", "（未填写）"))

    def __init__(self):
        super().__init__()
        self.rows: list[SummaryRow] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            rate = "—" if row.rate is None else f"{row.rate * 100:.1f}%"
            # A channel or reason is a domain word; the timings are the summary's own.
            value = self.tr(row.value)
            return (self.tr(row.dimension), word(value), str(row.reminded),
                    str(row.paid), rate)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RemindersWindow(QWidget):
    """The 催付 register: who was reminded, when, by whom, why they had not paid, and how
    it ended; the outcome is written down here once it is known."""

    RANGES = ((QT_TRANSLATE_NOOP("RemindersWindow", "今天"), 0),
              (QT_TRANSLATE_NOOP("RemindersWindow", "近 7 天"), 7),
              (QT_TRANSLATE_NOOP("RemindersWindow", "全部"), None))

    def __init__(self, session: Session, parent: QWidget | None = None, open_order=None,
                 show_unpaid=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.setWindowTitle(self.tr("催付登记表"))
        self.setObjectName("remindersWindow")
        self.resize(760, 480)
        self.range = QComboBox()
        self.range.setObjectName("reminderRange")
        for text, _days in self.RANGES:
            self.range.addItem(self.tr(text))
        self.range.setCurrentIndex(2)
        self.model = ReminderModel(session)
        self.view = QTableView()
        self.view.setObjectName("reminderTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.reason = QComboBox()
        self.reason.setObjectName("registerReason")
        self.reason.setEditable(True)
        fill_choices(self.reason, reminders.REASONS, blank=True)
        self.outcome = QComboBox()
        self.outcome.setObjectName("registerOutcome")
        self.outcome.setEditable(True)
        fill_choices(self.outcome, reminders.OUTCOMES)
        self.save_button = QPushButton(self.tr("保存原因和结果"))
        self.save_button.setObjectName("registerSave")
        self.summary_model = SummaryModel()
        self.summary = QTableView()
        self.summary.setObjectName("reminderSummary")
        self.summary.setModel(self.summary_model)
        self.summary.verticalHeader().hide()
        self.summary.horizontalHeader().setStretchLastSection(True)
        self.summary.setMaximumHeight(180)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("范围")))
        top.addWidget(self.range)
        top.addStretch(1)
        if show_unpaid is not None:
            unpaid = QPushButton(self.tr("待催付订单…"))
            unpaid.clicked.connect(show_unpaid)
            top.addWidget(unpaid)
        if open_order is not None:
            opener = QPushButton(self.tr("打开所选订单"))
            opener.clicked.connect(lambda: self._open(open_order))
            top.addWidget(opener)
        export_button = QPushButton(self.tr("导出…"))
        export_button.setObjectName("registerExport")
        export_button.clicked.connect(lambda: self.export())
        top.addWidget(export_button)
        self.message = QLabel()
        self.message.setObjectName("registerMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        edit = QHBoxLayout()
        edit.addWidget(QLabel(self.tr("未付原因")))
        edit.addWidget(self.reason, 1)
        edit.addWidget(QLabel(self.tr("结果")))
        edit.addWidget(self.outcome, 1)
        edit.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(edit)
        layout.addWidget(QLabel(self.tr("总结优化表（同一范围内的催付，按时机、方式和原因看付款成功率）")))
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        self.range.currentIndexChanged.connect(lambda *_: self.reload())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.save_button.clicked.connect(self.save)
        session.changed.connect(lambda changes: changes.orders and self._show_summary())
        self.reload()

    def reload(self) -> None:
        days = self.RANGES[self.range.currentIndex()][1]
        since = None
        if days is not None:
            today = timefmt.local(self.session.clock()).replace(hour=0, minute=0, second=0,
                                                                microsecond=0)
            since = today.timestamp() - days * DAY
        self.model.load(since)
        self._show_summary()
        self._show_selected()

    def _show_summary(self) -> None:
        self.summary_model.set_rows(reminders.summary(self.session.store, self.model.since))

    def selected(self) -> Reminder | None:
        index = self.view.currentIndex()
        return self.model.index(index.row(), 0).data(ReminderRole) if index.isValid() else None

    def _show_selected(self) -> None:
        entry = self.selected()
        for widget in (self.reason, self.outcome, self.save_button):
            widget.setEnabled(entry is not None)
        if entry is not None:
            show_value(self.reason, entry.reason or "")
            show_value(self.outcome, entry.outcome or "")

    def save(self) -> bool:
        entry = self.selected()
        if entry is None:
            return False
        row = self.view.currentIndex().row()
        done = self.session.run(reminders.update, self.session.store, entry.id,
                                self.session.agent, chosen_value(self.reason),
                                chosen_value(self.outcome), self.session.clock())
        if done and 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))
        return done

    def export(self, path: Path | str | None = None) -> int | None:
        """The register as the range shows it, with its summary table (a second sheet in
        XLSX, a block after the register in CSV), to a file; None if not written."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出催付登记表"), self.tr("催付登记表.xlsx"),
                "Excel (*.xlsx);;CSV (*.csv)")
            if not path:
                return None
        try:
            count = reminders.export_register(self.session.store, Path(path), self.model.since)
        except (Refused, StoreError) as failure:  # a missing folder, a full disk: one line
            self.message.setText(language.text(failure))
            return None
        self.message.setText(self.tr("已导出 {0} 条催付记录和总结优化表到 {1}").format(count, path))
        return count

    def _open(self, open_order) -> None:
        entry = self.selected()
        if entry is not None:
            open_order(entry.order_id)
