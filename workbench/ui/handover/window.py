"""The 交接 menu, the handover sheet window, and "add to 待办" on messages and orders.

``install(window)`` wires it all into the main window through public attributes only:
``window.chat.view`` (messages), ``window.orders.list`` (orders), ``window.todos`` (the
panel) and ``window.conversation_list.select_conversation``. Everything lives on one
:class:`HandoverUi` kept as ``window.handover_ui``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import accounts, handover, timefmt
from workbench.changes import Refused
from workbench.handover import Todo, sheets, shifts
from workbench.handover.sheets import Sheet, SheetItem
from workbench.store import StoreError
from workbench.ui import language
from workbench.ui.handover.todo_dialog import TodoDialog, message_draft, order_draft
from workbench.ui.item_models import RowsListModel, RowsTableModel
from workbench.ui.plain_text import tip
from workbench.ui.session import Session
from workbench.ui.windowing import bring_to_front, menu_action

# What these functions show belongs to the main window: one translation context for
# Qt at run time (window.tr) and for lupdate, which reads only literal contexts.
translate = QCoreApplication.translate

ADD_TODO_KEY = "Ctrl+T"
NEW_TODO_KEY = "Ctrl+Shift+T"
SHEETS_KEY = "Ctrl+Shift+H"
SheetRole = Qt.ItemDataRole.UserRole + 1
ItemRole = Qt.ItemDataRole.UserRole + 2
STATE_COLOURS = {"待接收": "#c62828", "部分接收": "#ef6c00", "已接收": "#2e7d32"}


# ----------------------------------------------------------------------------- models

class SheetListModel(RowsListModel):
    """The sheets the signed-in agent may see, newest first."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.pending_only = False
        self.rows: list[Sheet] = []
        self.reload()


    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        sheet = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = (self.tr("#{0} 【{1}】 {2}\n{3}/{4} 项已接收（导入）")
                    if (sheet.origin or "").startswith("import")
                    else self.tr("#{0} 【{1}】 {2}\n{3}/{4} 项已接收"))
            return text.format(sheet.id, sheet.state_name, sheet.title,
                               sheet.items_acknowledged, sheet.items_total)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATE_COLOURS.get(sheet.state_name, "#212121"))
        if role == SheetRole:
            return sheet
        return None

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = sheets.visible(self.session.store, self.session.agent,
                                   pending_only=self.pending_only)
        self.endResetModel()

    def row_of(self, sheet_id: int) -> int | None:
        return next((n for n, sheet in enumerate(self.rows) if sheet.id == sheet_id), None)


class SheetItemModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("SheetItemModel", "类别"),
               QT_TRANSLATE_NOOP("SheetItemModel", "事项"),
               QT_TRANSLATE_NOOP("SheetItemModel", "说明"),
               QT_TRANSLATE_NOOP("SheetItemModel", "买家"),
               QT_TRANSLATE_NOOP("SheetItemModel", "订单"),
               QT_TRANSLATE_NOOP("SheetItemModel", "到期"),
               QT_TRANSLATE_NOOP("SheetItemModel", "接收"))

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.rows: list[SheetItem] = []
        self.sheet_id: int | None = None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            received = (f"{item.acknowledged_by_name} {timefmt.minute(item.acknowledged_at)}"
                        if item.acknowledged else self.tr("未接收"))
            values = (item.kind_name, item.title, item.detail or "", item.buyer_nick or "",
                      item.order_id or "", timefmt.minute(item.due_at) if item.due_at else "",
                      received)
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 6:
            return QColor("#2e7d32" if item.acknowledged else "#c62828")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(f"{item.title}\n{item.detail or ''}".strip())
        if role == ItemRole:
            return item
        return None

    def show_sheet(self, sheet_id: int | None) -> None:
        self.sheet_id = sheet_id
        self.set_rows(sheets.items(self.session.store, sheet_id) if sheet_id else [])


# ----------------------------------------------------------------------------- windows

class HandoverComposer(QDialog):
    """The outgoing agent's new sheet: shift, receiver, notes, and a preview of the items."""

    def __init__(self, ui: HandoverUi):
        super().__init__(ui.window)
        self.ui = ui
        session = ui.session
        self.setObjectName("handoverComposer")
        self.setWindowTitle(self.tr("新建交接单"))
        self.resize(560, 520)
        self.shift = QComboBox()
        self.shift.setObjectName("composerShift")
        running = shifts.shift_of(session.store, session.agent, session.clock())
        for shift in shifts.schedule(session.store):
            self.shift.addItem(shift.label, shift.name)
        self.shift.addItem(self.tr("（不指定班次）"), None)
        if running is not None:
            self.shift.setCurrentIndex(self.shift.findData(running.name))
        self.receiver = QComboBox()
        self.receiver.setObjectName("composerReceiver")
        self.receiver.addItem(self.tr("下一班（任何接班客服）"), None)
        for agent in accounts.all_agents(session.store):
            if agent.active and agent.id != session.agent.id:
                self.receiver.addItem(agent.signature, agent.id)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("composerNotes")
        self.notes.setPlaceholderText(
            self.tr("本班的重要信息，一行一条（例如：仓库今天 17 点后不发顺丰）"))
        self.notes.setMaximumHeight(100)
        self.preview = QListView()
        self.preview.setObjectName("composerPreview")
        self.preview_model = QStringListModel()
        self.preview.setModel(self.preview_model)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("班次"), self.shift)
        form.addRow(self.tr("交给"), self.receiver)
        form.addRow(self.tr("备注"), self.notes)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("生成交接单"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("将交接的事项")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.shift.currentIndexChanged.connect(self.update_preview)
        self.notes.textChanged.connect(self.update_preview)
        self.created_id: int | None = None
        self.update_preview()

    def update_preview(self) -> None:
        session = self.ui.session
        drafts = sheets.gather(session.store, session.agent, session.clock(),
                               self.shift.currentData(), self.notes.toPlainText())
        self.preview_model.setStringList([f"[{d.kind_name}] {d.title}" for d in drafts])

    def accept(self) -> None:
        session = self.ui.session
        if not session.may_act():
            return
        try:
            sheet_id, changes = sheets.build(
                session.store, session.agent, session.clock(), shift=self.shift.currentData(),
                to_agent_id=self.receiver.currentData(), notes=self.notes.toPlainText())
        except Refused as refusal:
            self.error.setText(language.text(refusal))
            return
        self.created_id = sheet_id
        session.publish(changes)
        super().accept()
        self.ui.show_sheets(select=sheet_id)


class HandoverWindow(QWidget):
    """Sheets on the left; the chosen sheet's items, receiving and export on the right."""

    def __init__(self, ui: HandoverUi):
        super().__init__(ui.window, Qt.WindowType.Window)
        self.ui = ui
        self.session = ui.session
        self.setObjectName("handoverWindow")
        self.setWindowTitle(self.tr("交接单"))
        self.resize(1100, 640)
        new = QPushButton(self.tr("新建交接单…"))
        new.setObjectName("handoverNew")
        imported = QPushButton(self.tr("导入交接文件…"))
        imported.setObjectName("handoverImport")
        self.pending_only = QCheckBox(self.tr("只看未接收"))
        self.pending_only.setObjectName("handoverPendingOnly")
        top = QHBoxLayout()
        top.addWidget(new)
        top.addWidget(imported)
        top.addStretch(1)
        top.addWidget(self.pending_only)

        self.sheet_model = SheetListModel(self.session)
        self.sheet_list = QListView()
        self.sheet_list.setObjectName("handoverSheets")
        self.sheet_list.setModel(self.sheet_model)
        self.header = QLabel()
        self.header.setObjectName("handoverHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold; padding: 4px;")
        self.notes = QLabel()
        self.notes.setObjectName("handoverNotes")
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.item_model = SheetItemModel(self.session)
        self.items = QTableView()
        self.items.setObjectName("handoverItems")
        self.items.setModel(self.item_model)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.items.setWordWrap(True)
        self.items.verticalHeader().setVisible(False)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((70, 240, 260, 110, 150, 120, 150)):
            self.items.setColumnWidth(column, width)
        self.acknowledge_button = QPushButton(self.tr("接收所选"))
        self.acknowledge_button.setObjectName("handoverAckSelected")
        self.acknowledge_all_button = QPushButton(self.tr("全部接收"))
        self.acknowledge_all_button.setObjectName("handoverAckAll")
        xlsx = QPushButton(self.tr("导出交接表 XLSX…"))
        xlsx.setObjectName("handoverExportXlsx")
        exchange_button = QPushButton(self.tr("导出交接文件…"))
        exchange_button.setObjectName("handoverExportFile")
        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge_button)
        buttons.addWidget(self.acknowledge_all_button)
        buttons.addStretch(1)
        buttons.addWidget(xlsx)
        buttons.addWidget(exchange_button)
        self.message = QLabel()
        self.message.setObjectName("handoverMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.notes)
        right_layout.addWidget(self.items, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.sheet_list)
        splitter.addWidget(right)
        splitter.setSizes([330, 770])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        new.clicked.connect(ui.compose)
        imported.clicked.connect(lambda: self.import_file())
        self.pending_only.toggled.connect(self._on_pending_only)
        self.sheet_list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.acknowledge_all_button.clicked.connect(self.acknowledge_all)
        xlsx.clicked.connect(lambda: self.export_xlsx())
        exchange_button.clicked.connect(lambda: self.export_exchange())
        self.items.doubleClicked.connect(self._open_item)
        self._show_current()

    # ------------------------------------------------------------------ reading

    def current_sheet(self) -> Sheet | None:
        index = self.sheet_list.currentIndex()
        return index.data(SheetRole) if index.isValid() else None

    def reload(self, select: int | None = None) -> None:
        current = self.current_sheet()
        wanted = select if select is not None else (current.id if current else None)
        self.sheet_model.reload()
        number = self.sheet_model.row_of(wanted) if wanted is not None else None
        if number is None and self.sheet_model.rows:
            number = 0
        if number is not None:
            self.sheet_list.setCurrentIndex(self.sheet_model.index(number))
        self._show_current()

    def select_sheet(self, sheet_id: int) -> None:
        self.reload(select=sheet_id)

    def _on_pending_only(self, checked: bool) -> None:
        self.sheet_model.pending_only = checked
        self.reload()

    def _show_current(self) -> None:
        sheet = self.current_sheet()
        if sheet is not None:
            sheet = sheets.get(self.session.store, sheet.id) or sheet
        self.item_model.show_sheet(sheet.id if sheet else None)
        if sheet is None:
            self.header.setText(self.tr("还没有交接单。下班前用“新建交接单”把未完成的事交给下一班。"))
            self.notes.setText("")
        else:
            received = (self.tr("，{0} 全部接收").format(timefmt.minute(sheet.acknowledged_at))
                        if sheet.acknowledged_at else "")
            self.header.setText(self.tr("交接单 #{0} · {1} · 班次 {2} · {3} → {4} · {5}{6}")
                                .format(sheet.id, timefmt.minute(sheet.created_at),
                                        sheet.shift or "—", sheet.from_agent_name,
                                        sheet.to_agent_name or self.tr("下一班"),
                                        sheet.state_name, received))
            self.notes.setText(self.tr("本班重要信息：") + (sheet.notes or self.tr("（无）")))
        may = sheet is not None and self._may_receive(sheet)
        self.acknowledge_button.setEnabled(may)
        self.acknowledge_all_button.setEnabled(may)

    def _may_receive(self, sheet: Sheet) -> bool:
        agent = self.session.agent
        return (sheet.acknowledged_at is None and sheet.from_agent_id != agent.id
                and sheet.to_agent_id in (None, agent.id))

    # ------------------------------------------------------------------ changes

    def _run(self, operation, *args):
        """Run a domain operation; a refusal (or a file that cannot be written) is shown
        here, not raised."""
        if not self.session.may_act():
            return None
        try:
            result = operation(*args)
        except (Refused, StoreError) as refusal:
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(language.text(refusal))
            return None
        self.message.setStyleSheet("")
        return result

    def acknowledge_items(self, item_ids: list[int] | None) -> bool:
        sheet = self.current_sheet()
        if sheet is None:
            return False
        changes = self._run(sheets.acknowledge, self.session.store, sheet.id, item_ids,
                            self.session.agent, self.session.clock())
        if changes is None:
            return False
        self.session.publish(changes)
        self.reload(select=sheet.id)
        fresh = sheets.get(self.session.store, sheet.id)
        if fresh is not None:
            self.message.setText(self.tr("已接收 {0}/{1} 项。").format(
                fresh.items_acknowledged, fresh.items_total))
        return True

    def acknowledge_selected(self) -> bool:
        rows = sorted({index.row() for index in self.items.selectionModel().selectedRows()})
        if not rows:
            self.message.setText(self.tr("先在表格里选中要接收的事项。"))
            return False
        return self.acknowledge_items([self.item_model.rows[row].id for row in rows])

    def acknowledge_all(self) -> bool:
        return self.acknowledge_items(None)

    def export_xlsx(self, path: Path | str | None = None) -> Path | None:
        from workbench.handover import xlsx

        sheet = self.current_sheet()
        if sheet is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出交接表"), self.tr("交接表-{0}.xlsx").format(sheet.id),
                "Excel (*.xlsx)")
            if not chosen:
                return None
            path = chosen
        rows = self._run(xlsx.export, self.session.store, sheet.id, Path(path))
        if rows is None:
            return None
        self.message.setText(self.tr("交接表已导出：{0}（{1} 项）").format(path, rows))
        return Path(path)

    def export_exchange(self, path: Path | str | None = None) -> Path | None:
        from workbench.handover import exchange

        sheet = self.current_sheet()
        if sheet is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出交接文件"),
                self.tr("交接单-{0}{1}").format(sheet.id, exchange.SUFFIX),
                self.tr("交接文件 (*.json)"))
            if not chosen:
                return None
            path = chosen
        count = self._run(exchange.export, self.session.store, sheet.id, Path(path),
                          self.session.clock())
        if count is None:
            return None
        self.message.setText(
            self.tr("交接文件已导出：{0}（{1} 项）。在另一台工作台用“导入交接文件”打开。")
            .format(path, count))
        return Path(path)

    def import_file(self, path: Path | str | None = None):
        from workbench.handover import exchange

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("导入交接文件"), "", self.tr("交接文件 (*.json);;所有文件 (*)"))
            if not chosen:
                return None
            path = chosen
        result = self._run(exchange.import_file, self.session.store, Path(path),
                           self.session.agent, self.session.clock())
        if result is None:
            return None
        report, changes = result
        self.session.publish(changes)
        self.reload(select=report.sheet_id)
        self.message.setText(report.summary())
        return report

    def _open_item(self, index: QModelIndex) -> None:
        item: SheetItem | None = index.data(ItemRole)
        if item is not None:
            self.ui.open_sheet_item(item)


# ----------------------------------------------------------------------------- the glue

class HandoverUi:
    """Menu actions, shortcuts and jumps for 待办 and 交接 on one main window."""

    def __init__(self, window):
        self.window = window
        self.session: Session = window.session
        self.todo_dialog: TodoDialog | None = None
        self.sheets_window: HandoverWindow | None = None
        self.composer: HandoverComposer | None = None
        self.shift_dialog = None

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    # ------------------------------------------------------------------ creating todos

    def _show_dialog(self, dialog: TodoDialog) -> TodoDialog:
        self.todo_dialog = dialog
        dialog.accepted.connect(lambda: self._after_dialog(dialog))
        dialog.open()
        return dialog

    def _after_dialog(self, dialog: TodoDialog) -> None:
        if dialog.created_id is not None:
            self.window.todos.select_todo(dialog.created_id)

    def new_todo(self) -> TodoDialog:
        """A free item, linked to the open conversation's buyer if there is one."""
        from workbench.ui.handover.todo_dialog import Draft

        now = self.session.clock()
        current = self.session.current
        draft = Draft(due_at=now + handover.PROMISE_HOURS * 3600)
        if current is not None:
            draft.buyer_id, draft.buyer_nick = current.buyer_id, current.buyer_nick
            draft.conversation_id = current.id
        return self._show_dialog(TodoDialog(self.session, self.window, draft=draft))

    def add_from_message(self) -> TodoDialog | None:
        """The selected chat message as a follow-up: buyer, message, due in 24 hours."""
        from workbench.ui.chat import MessageRole

        index = self.window.chat.view.currentIndex()
        message = index.data(MessageRole) if index.isValid() else None
        if message is None:
            self._say(translate("MainWindow", "先在聊天记录里选中一条消息。"))
            return None
        from workbench import conversations

        conversation = conversations.get(self.session.store, message.conversation_id)
        draft = message_draft(message, conversation, self.session.clock())
        return self._show_dialog(TodoDialog(self.session, self.window, draft=draft))

    def add_from_order(self) -> TodoDialog | None:
        from workbench.ui.orders.sidebar import OrderRole

        index = self.window.orders.list.currentIndex()
        order = index.data(OrderRole) if index.isValid() else None
        if order is None:
            self._say(translate("MainWindow", "先在订单列表里选中一个订单。"))
            return None
        draft = order_draft(order, self.session.clock())
        return self._show_dialog(TodoDialog(self.session, self.window, draft=draft))

    def add_from_focus(self) -> TodoDialog | None:
        """Ctrl+T: from the order or message that has the focus; elsewhere, quick add."""
        focus = QApplication.focusWidget()
        orders_list, chat_view = self.window.orders.list, self.window.chat.view
        if focus is not None and (focus is orders_list or orders_list.isAncestorOf(focus)):
            return self.add_from_order()
        if focus is not None and (focus is chat_view or chat_view.isAncestorOf(focus)) \
                and chat_view.currentIndex().isValid():
            return self.add_from_message()
        self.window.todos.quick_add.setFocus()
        return None

    def edit_todo(self, todo: Todo | None) -> TodoDialog:
        if todo is None:
            return self.new_todo()
        fresh = handover.get(self.session.store, todo.id) or todo
        return self._show_dialog(TodoDialog(self.session, self.window, todo=fresh))

    # ------------------------------------------------------------------ jumping

    def open_todo(self, todo: Todo) -> bool:
        """Show the item's conversation, and its order if it has one."""
        return self._jump(todo.conversation_id, todo.buyer_id, todo.order_id)

    def open_sheet_item(self, item: SheetItem) -> bool:
        if item.kind == "todo" and item.ref:
            todo = handover.get(self.session.store, int(item.ref))
            return self.open_todo(todo) if todo else False
        conversation_id = int(item.ref) if item.kind == "conversation" and item.ref else None
        buyer_id = None
        if item.buyer_nick:
            from workbench.store import people

            row = people.buyer_by_nick(self.session.store, item.buyer_nick)
            buyer_id = row["id"] if row else None
        order_id = item.order_id if item.kind in ("order", "reminder") else None
        return self._jump(conversation_id, buyer_id, order_id)

    def _jump(self, conversation_id: int | None, buyer_id: int | None,
              order_id: str | None) -> bool:
        store = self.session.store
        if conversation_id is None and buyer_id is not None:
            conversation_id = handover.conversation_for_buyer(store, buyer_id)
        if conversation_id is not None:
            self.window.conversation_list.select_conversation(conversation_id)
        shown = conversation_id is not None
        if order_id:
            shown = self._select_order(order_id) or shown
        if not shown:
            self._say(translate("MainWindow", "这一项没有可以打开的会话或订单。"))
        return shown

    def _select_order(self, order_id: str) -> bool:
        sidebar = self.window.orders
        if hasattr(sidebar, "select_order"):
            if sidebar.select_order(order_id):
                return True
            # The order's buyer is not the one shown (no conversation of theirs is open).
            from workbench import orders

            order = orders.get(self.session.store, order_id)
            if order is None or not hasattr(sidebar, "show_buyer"):
                return False
            sidebar.show_buyer(order.buyer_id, order.buyer_nick)
            return bool(sidebar.select_order(order_id))
        # Until the sidebar offers select_order: pick the row showing that order, if any.
        from workbench.ui.orders.sidebar import OrderRole

        model = sidebar.list.model()
        for row in range(model.rowCount()):
            order = model.index(row, 0).data(OrderRole)
            if order is not None and order.id == order_id:
                sidebar.list.setCurrentIndex(model.index(row, 0))
                return True
        return False

    # ------------------------------------------------------------------ sheets

    def show_sheets(self, select: int | None = None) -> HandoverWindow:
        if self.sheets_window is None:
            self.sheets_window = HandoverWindow(self)
        self.sheets_window.reload(select=select)
        return bring_to_front(self.sheets_window)

    def compose(self) -> HandoverComposer:
        self.composer = HandoverComposer(self)
        self.composer.open()
        return self.composer

    def import_file(self):
        return self.show_sheets().import_file()

    def edit_shifts(self):
        from workbench.ui.handover.shifts import ShiftDialog

        self.shift_dialog = ShiftDialog(self.session, self.window)
        self.shift_dialog.accepted.connect(self.window.todos.refresh)
        self.shift_dialog.open()
        return self.shift_dialog


def install(window) -> None:
    """Add the 交接 menu, its shortcuts, "add to 待办" on messages and orders, and the
    jumps from 待办 items to their conversation or order."""
    ui = HandoverUi(window)
    window.handover_ui = ui
    menu = window.area_menu(translate("MainWindow", "交接"))
    menu.addAction(menu_action(window, translate("MainWindow", "新建待办…"), ui.new_todo,
                               "actionNewTodo", NEW_TODO_KEY))
    menu.addAction(menu_action(window, translate("MainWindow", "加入待办（所选消息或订单）"),
                               ui.add_from_focus, "actionAddTodo", ADD_TODO_KEY))
    menu.addSeparator()
    menu.addAction(menu_action(window, translate("MainWindow", "交接单…"), ui.show_sheets,
                               "actionSheets", SHEETS_KEY))
    menu.addAction(menu_action(window, translate("MainWindow", "新建交接单…"), ui.compose,
                               "actionNewSheet"))
    menu.addAction(menu_action(window, translate("MainWindow", "导入交接文件…"), ui.import_file,
                               "actionImportSheet"))
    menu.addSeparator()
    menu.addAction(menu_action(window, translate("MainWindow", "班次设置…"), ui.edit_shifts,
                               "actionShifts"))

    # Right-click on a message or an order. The key is shown, not bound, here: the menu's
    # Ctrl+T already acts on whichever of the two has the focus.
    for view, slot, name in ((window.chat.view, ui.add_from_message, "actionMessageToTodo"),
                             (window.orders.list, ui.add_from_order, "actionOrderToTodo")):
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        text = translate("MainWindow", "加入待办") + f"\t{ADD_TODO_KEY}"
        view.addAction(menu_action(window, text, slot, name))

    window.todos.open_requested.connect(ui.open_todo)
    window.todos.edit_requested.connect(ui.edit_todo)
    window.todos.handover_requested.connect(lambda: ui.show_sheets())
