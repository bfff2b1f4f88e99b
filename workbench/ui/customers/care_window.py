"""The 关怀 list: the care due today (mine or the team's), sent with one key through the
chat when the buyer has a conversation, or exported as a call/SMS list when not.

Enter sends the selected item (its text, which the agent may edit first), Delete skips
it, Ctrl+E exports the call/SMS list. Nothing goes out without the agent's key press.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import timefmt
from workbench.changes import Refused
from workbench.channels.base import Outgoing
from workbench.customers import care
from workbench.customers.care import CareItem
from workbench.ui.customers.words import word
from workbench.ui.item_models import RowsTableModel

CareRole = Qt.ItemDataRole.UserRole + 1
FAILED_COLOUR = QColor("#c62828")
OVERDUE_COLOUR = QColor("#e65100")


class CareTableModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("CareTableModel", "应发时间"),
               QT_TRANSLATE_NOOP("CareTableModel", "关怀"),
               QT_TRANSLATE_NOOP("CareTableModel", "买家"),
               QT_TRANSLATE_NOOP("CareTableModel", "订单号"),
               QT_TRANSLATE_NOOP("CareTableModel", "方式"),
               QT_TRANSLATE_NOOP("CareTableModel", "负责客服"),
               QT_TRANSLATE_NOOP("CareTableModel", "状态"))

    def __init__(self, clock):
        super().__init__()
        self.clock = clock
        self.rows: list[CareItem] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            state = self.tr("发送失败") if item.failed else (
                self.tr("已到时间") if item.due_at <= self.clock() else self.tr("待发"))
            return (timefmt.minute(item.due_at), word(item.stage_name), item.nick,
                    item.order_id or "", word(item.channel), item.assignee_name or "",
                    state)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 6:
            if item.failed:
                return FAILED_COLOUR
            return OVERDUE_COLOUR if item.due_at <= self.clock() else None
        if role == CareRole:
            return item
        return None

    def row_of(self, subject: str) -> int | None:
        return next((n for n, item in enumerate(self.rows) if item.subject == subject), None)


class CareWindow(QWidget):
    def __init__(self, ui, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ui = ui
        self.session = ui.session
        self.setObjectName("careWindow")
        self.setWindowTitle(self.tr("今日关怀"))
        self.resize(980, 620)

        today = timefmt.local(self.session.clock()).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setObjectName("careDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.scope = QComboBox()
        self.scope.setObjectName("careScope")
        self.scope.addItem(self.tr("我的"), True)
        self.scope.addItem(self.tr("团队"), False)
        self.scope.setCurrentIndex(1)
        self.count = QLabel()
        self.count.setObjectName("careCount")
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("日期")), self.day, self.scope):
            top.addWidget(widget)
        top.addWidget(self.count, 1)

        self.model = CareTableModel(self.session.clock)
        self.table = QTableView()
        self.table.setObjectName("careTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 130), (2, 160), (3, 170)):
            self.table.setColumnWidth(column, width)
        self.text = QPlainTextEdit()
        self.text.setObjectName("careText")
        self.text.setMaximumHeight(110)
        self.text.setPlaceholderText(self.tr("选中一条关怀，这里是要发出的话，可以先改再发"))
        self.message = QLabel()
        self.message.setObjectName("careMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.send_button = QPushButton(self.tr("发送（Enter）"))
        self.send_button.setObjectName("careSend")
        skip_button = QPushButton(self.tr("跳过（Delete）"))
        skip_button.setObjectName("careSkip")
        export_button = QPushButton(self.tr("导出电话/短信名单…（Ctrl+E）"))
        export_button.setObjectName("careExport")
        file_button = QPushButton(self.tr("客户档案"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (file_button, skip_button, export_button, self.send_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

        self.day.dateChanged.connect(lambda *_: self.reload())
        self.scope.currentIndexChanged.connect(lambda *_: self.reload())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(lambda *_: self.send_selected())
        self.send_button.clicked.connect(self.send_selected)
        skip_button.clicked.connect(self.skip_selected)
        export_button.clicked.connect(self.choose_export)
        file_button.clicked.connect(self.open_file)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.skip_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Ctrl+E"), self, self.choose_export)
        self._sent_to: set[int] = set()      # conversations care went to: watch for failures
        self.session.changed.connect(self._on_changed)
        self.reload()

    def selected_day(self) -> dt.date:
        date = self.day.date()
        return dt.date(date.year(), date.month(), date.day())

    def reload(self) -> None:
        keep = self.selected()
        items = care.due(self.session.store, self.session.agent, self.selected_day(),
                         self.session.clock(), mine=self.scope.currentData())
        self.model.set_rows(items)
        reachable = sum(1 for item in items if item.reachable)
        self.count.setText(self.tr("共 {0} 条：旺旺可发 {1} 条，需电话/短信 {2} 条").format(
            len(items), reachable, len(items) - reachable))
        row = self.model.row_of(keep.subject) if keep is not None else None
        if items:
            self.table.setCurrentIndex(self.model.index(row or 0, 0))
        self._show_selected()

    def selected(self) -> CareItem | None:
        index = self.table.currentIndex()
        return index.data(CareRole) if index.isValid() else None

    def _show_selected(self) -> None:
        item = self.selected()
        self.text.setPlainText(item.text if item is not None else "")
        self.send_button.setEnabled(item is not None and item.reachable)
        if item is not None and not item.reachable:
            self.message.setText(self.tr("{0}在这里没有会话：请导出电话/短信名单联系。")
                                 .format(item.nick))
        else:
            self.message.setText("")

    def send_selected(self) -> bool:
        """Send the selected item's text through the buyer's conversation."""
        item = self.selected()
        if item is None:
            return False
        try:
            message, changes = care.send(self.session.store, item.subject, self.session.agent,
                                         self.session.clock(), self.text.toPlainText())
        except Refused as refusal:
            self.message.setText(str(refusal))
            return False
        self._sent_to.add(message.conversation_id)
        self.session.publish(changes)
        self.session.channel.send(Outgoing(message.uid, item.nick, message.conversation_id,
                                           message.kind, message.text))
        self.message.setText(self.tr("已发给{0}。").format(item.nick))
        return True

    def skip_selected(self) -> bool:
        item = self.selected()
        if item is None:
            return False
        try:
            changes = care.skip(self.session.store, item.subject, self.session.agent,
                                self.session.clock())
        except Refused as refusal:
            self.message.setText(str(refusal))
            return False
        self.session.publish(changes)
        return True

    def choose_export(self) -> None:
        name = self.tr("关怀名单-{0}.xlsx").format(self.selected_day().strftime("%Y%m%d"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出电话/短信名单"), name,
                                              "*.xlsx")
        if path:
            self.export_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> int:
        """Export the day's care the chat cannot carry; they leave the list as exported."""
        try:
            count, held_back = care.export(self.session.store, self.session.agent, path,
                                           self.selected_day(), self.session.clock(),
                                           mine=self.scope.currentData())
        except Refused as refusal:
            self.message.setText(str(refusal))
            return 0
        self.message.setText(self.tr("已导出 {0} 条到 {1}").format(count, path) + (
            self.tr("；{0} 条缺少订单信息（如物流单号），没有导出").format(held_back)
            if held_back else ""))
        self.reload()
        return count

    def open_file(self):
        item = self.selected()
        return self.ui.open_file(item.buyer_id) if item is not None else None

    def _on_changed(self, changes) -> None:
        # Orders move care along; a buyer's file (do-not-contact, a first chat) and the
        # delivery of a care message (failed) change what is listed.
        watched = {item.buyer_id for item in self.model.rows}
        talks = {item.conversation_id for item in self.model.rows} | self._sent_to
        if changes.orders or changes.buyers & watched or changes.conversations & talks:
            self.reload()
