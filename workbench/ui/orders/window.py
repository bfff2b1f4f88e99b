"""The 订单 menu: the order list window (filters, export), import, the 催付 register and
the flag policy. ``install(window)`` adds them to the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import orders, timefmt
from workbench.orders import Order, OrderFilter, export
from workbench.ui.item_models import PagedRows, RowsTableModel
from workbench.ui.orders.sidebar import OrderRole, flag_icon
from workbench.ui.plain_text import tip
from workbench.ui.store_work import StoreTask, start_task, stop_and_wait
from workbench.ui.vocabulary import word
from workbench.ui.windowing import bring_to_front, menu_action, on_close

# What these functions show belongs to the main window: one translation context for
# Qt at run time (window.tr) and for lupdate, which reads only literal contexts.
translate = QCoreApplication.translate

PAGE = 200
DEFAULT_UNPAID_HOURS = 1
DAY = 86400.0


class OrderTableModel(PagedRows, RowsTableModel):
    """Orders matching the window's filter, newest first, fetched a page at a time."""

    COLUMNS = (QT_TRANSLATE_NOOP("OrderTableModel", "订单号"),
               QT_TRANSLATE_NOOP("OrderTableModel", "买家"),
               QT_TRANSLATE_NOOP("OrderTableModel", "状态"),
               QT_TRANSLATE_NOOP("OrderTableModel", "旗帜"),
               QT_TRANSLATE_NOOP("OrderTableModel", "总金额"),
               QT_TRANSLATE_NOOP("OrderTableModel", "实付"),
               QT_TRANSLATE_NOOP("OrderTableModel", "下单时间"),
               QT_TRANSLATE_NOOP("OrderTableModel", "付款时间"),
               QT_TRANSLATE_NOOP("OrderTableModel", "收货人"),
               QT_TRANSLATE_NOOP("OrderTableModel", "催付"))

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.where = OrderFilter()
        self.rows: list[Order] = []
        self.total = 0
        session.changed.connect(self._on_changed)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        order = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(order, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 3:
            return flag_icon(order.flag) if order.flag in orders.FLAG_COLOURS else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            # The back office's longer states do not fit the column: the whole text.
            return tip(word(order.status_name))
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QColor(orders.CHIP_COLOURS.get(order.status_chip, "#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5, 9):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == OrderRole:
            return order
        return None

    @staticmethod
    def _cell(order: Order, column: int) -> str:
        def when(at):
            return timefmt.minute(at) if at else ""

        def money(value):
            return f"{value:.2f}" if value is not None else ""

        return (order.id, order.buyer_nick, word(order.status_name),
                word(orders.FLAG_NAMES.get(order.flag, str(order.flag))), money(order.total),
                money(order.paid), when(order.created_at), when(order.paid_at),
                order.receiver_name or "", str(order.reminder_count or ""))[column]

    def load(self, where: OrderFilter) -> None:
        self.beginResetModel()
        self.where = where
        now = self.session.clock()
        self.total = orders.count(self.session.store, where, now)
        self.rows = orders.find(self.session.store, where, now, limit=PAGE)
        self.endResetModel()

    def fetch_page(self, offset: int) -> list[Order]:
        return orders.find(self.session.store, self.where, self.session.clock(), limit=PAGE,
                           offset=offset)

    def row_of(self, order_id: str) -> int | None:
        return next((n for n, o in enumerate(self.rows) if o.id == order_id), None)

    def _on_changed(self, changes) -> None:
        if not changes.orders:
            return
        shown = {o.id for o in self.rows}
        if self.where != OrderFilter() or not changes.orders <= shown:
            # A changed order may now match the filter or no longer match it; new orders
            # (an import) may belong in the list.
            self.load(self.where)
            return
        for number, order in enumerate(self.rows):
            if order.id in changes.orders:
                fresh = orders.get(self.session.store, order.id)
                if fresh is not None:
                    self.rows[number] = fresh
                    self.dataChanged.emit(self.index(number, 0),
                                          self.index(number, self.columnCount() - 1))


class OrdersWindow(QWidget):
    """All orders, filterable by status, flag, buyer, date and "unpaid for more than N
    hours, not yet reminded" (the list an agent works through for 催付); export."""

    def __init__(self, ui: OrdersUi):
        super().__init__(ui.window, Qt.WindowType.Window)
        self.ui = ui
        self.session = ui.window.session
        self.export_job: StoreTask | None = None
        self.reminder_dialog = None
        self.setWindowTitle(self.tr("订单列表"))
        self.setObjectName("ordersWindow")
        self.resize(980, 600)

        self.status = QComboBox()
        self.status.setObjectName("filterStatus")
        self.status.addItem(self.tr("全部状态"), None)
        for code, name in orders.STATUS_NAMES.items():
            self.status.addItem(word(name), code)
        self.flag = QComboBox()
        self.flag.setObjectName("filterFlag")
        self.flag.addItem(self.tr("全部旗帜"), None)
        for code, name in orders.FLAG_NAMES.items():
            self.flag.addItem(flag_icon(code), word(name), code)
        self.buyer = QLineEdit()
        self.buyer.setObjectName("filterBuyer")
        self.buyer.setPlaceholderText(self.tr("买家昵称"))
        self.buyer.setClearButtonEnabled(True)
        self.by_date = QCheckBox(self.tr("下单日期"))
        self.by_date.setObjectName("filterByDate")
        day = timefmt.local(self.session.clock()).date()
        today = QDate(day.year, day.month, day.day)
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.unpaid = QCheckBox(self.tr("未付款超过"))
        self.unpaid.setObjectName("filterUnpaid")
        self.unpaid_hours = QSpinBox()
        self.unpaid_hours.setObjectName("filterUnpaidHours")
        self.unpaid_hours.setRange(0, 24 * 7)
        self.unpaid_hours.setValue(DEFAULT_UNPAID_HOURS)
        self.unpaid_hours.setSuffix(self.tr(" 小时且未催付"))
        filters = QHBoxLayout()
        for widget in (self.status, self.flag, self.buyer, self.by_date, self.date_from,
                       QLabel("—"), self.date_to, self.unpaid, self.unpaid_hours):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.model = OrderTableModel(self.session)
        self.list = QTableView()
        self.list.setObjectName("ordersTable")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        self.list.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 160), (2, 180), (3, 60), (6, 130), (7, 130)):
            self.list.setColumnWidth(column, width)

        self.count = QLabel()
        self.count.setObjectName("ordersCount")
        open_button = QPushButton(self.tr("在侧栏打开"))
        open_button.setObjectName("ordersOpen")
        remind_button = QPushButton(self.tr("催付…"))
        remind_button.setObjectName("ordersRemind")
        buyer_button = QPushButton(self.tr("客户档案"))
        buyer_button.setObjectName("ordersBuyerFile")
        csv_button = QPushButton(self.tr("导出 CSV…"))
        xlsx_button = QPushButton(self.tr("导出 Excel…"))
        self.export_progress = QProgressBar()
        self.export_progress.setObjectName("exportProgress")
        self.export_progress.hide()
        self.export_cancel = QPushButton(self.tr("取消导出"))
        self.export_cancel.hide()
        self.message = QLabel()
        self.message.setObjectName("ordersMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.export_progress)
        bottom.addWidget(self.export_cancel)
        for button in (open_button, buyer_button, remind_button, csv_button, xlsx_button):
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)

        for combo in (self.status, self.flag):
            combo.currentIndexChanged.connect(lambda *_: self.apply_filters())
        self.buyer.textChanged.connect(lambda *_: self.apply_filters())
        self.by_date.toggled.connect(self._on_date_toggled)
        self.date_from.dateChanged.connect(lambda *_: self.apply_filters())
        self.date_to.dateChanged.connect(lambda *_: self.apply_filters())
        self.unpaid.toggled.connect(lambda *_: self.apply_filters())
        self.unpaid_hours.valueChanged.connect(lambda *_: self.apply_filters())
        self.list.doubleClicked.connect(lambda *_: self.open_selected())
        open_button.clicked.connect(self.open_selected)
        remind_button.clicked.connect(self.remind_selected)
        buyer_button.clicked.connect(self.open_buyer_file)
        csv_button.clicked.connect(lambda: self._choose_export(".csv"))
        xlsx_button.clicked.connect(lambda: self._choose_export(".xlsx"))
        self.export_cancel.clicked.connect(self.cancel_export)
        self.model.modelReset.connect(self._show_count)
        self.apply_filters()

    def _on_date_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filters()

    def current_filter(self) -> OrderFilter:
        since = until = None
        if self.by_date.isChecked():
            since = self.date_from.date().startOfDay().toSecsSinceEpoch()
            until = self.date_to.date().addDays(1).startOfDay().toSecsSinceEpoch()
        return OrderFilter(
            status=self.status.currentData(), flag=self.flag.currentData(),
            buyer=self.buyer.text(), since=since, until=until,
            unpaid_hours=self.unpaid_hours.value() if self.unpaid.isChecked() else None)

    def apply_filters(self) -> None:
        self.model.load(self.current_filter())

    def _show_count(self) -> None:
        self.count.setText(self.tr("共 {0} 单").format(self.model.total))

    def show_unpaid(self, hours: int = DEFAULT_UNPAID_HOURS) -> None:
        """Preset the filter to the 催付 work list: unpaid for over ``hours``, not reminded."""
        self.unpaid_hours.setValue(hours)
        self.unpaid.setChecked(True)

    def selected(self) -> Order | None:
        index = self.list.currentIndex()
        return index.data(OrderRole) if index.isValid() else None

    def open_selected(self) -> bool:
        order = self.selected()
        return order is not None and self.ui.open_order(order.id)

    def open_buyer_file(self):
        """The selected order's buyer's file (the customers area's window)."""
        order = self.selected()
        customers_ui = getattr(self.ui.window, "customers_ui", None)
        if order is None or customers_ui is None:
            return None
        return customers_ui.open_file(order.buyer_id)

    def remind_selected(self):
        """Open the buyer's conversation and the 催付 dialog for the selected order. A buyer
        without a conversation can still be called or texted and the reminder registered."""
        order = self.selected()
        if order is None:
            return None
        if self.ui.open_order(order.id):
            return self.ui.window.orders.remind()
        from workbench.ui.orders.reminders import ReminderDialog

        dialog = ReminderDialog.for_order(self.session, order, self)
        if dialog is not None:
            dialog.channel.setCurrentText("电话")
            self.reminder_dialog = dialog
            dialog.open()
        return dialog

    # ------------------------------------------------------------------ export

    def _choose_export(self, suffix: str) -> None:
        name = self.tr("订单-{0}{1}").format(
            timefmt.local(self.session.clock()).strftime("%Y%m%d-%H%M"), suffix)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出订单"), name,
                                              f"*{suffix}")
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.export_to(Path(path))

    def export_to(self, path: Path) -> StoreTask | None:
        """Export the orders the filter shows to ``path`` on a worker thread."""
        if self.export_job is not None:
            return None
        where, now = self.current_filter(), self.session.clock()

        def work(store, progress, cancelled):
            return export.export(store, where, path, now, progress=progress,
                                 cancelled=cancelled)

        self.export_progress.setRange(0, 0)
        self.export_progress.show()
        self.export_cancel.show()
        self.message.setText(self.tr("正在导出…"))
        self.export_job = start_task(
            self.session.store.path, work,
            progress=lambda done, total: (self.export_progress.setRange(0, max(total, 1)),
                                          self.export_progress.setValue(done)),
            succeeded=lambda count: self.message.setText(
                self.tr("已导出 {0} 单到 {1}").format(count, path)),
            failed=self.message.setText,
            cancelled=lambda: self.message.setText(self.tr("导出已取消，没有留下文件。")),
            ended=self._export_done, cancel_types=(export.Cancelled,))
        return self.export_job

    def cancel_export(self) -> None:
        if self.export_job is not None:
            self.export_job.cancel()

    def _export_done(self) -> None:
        self.export_job = None
        self.export_progress.hide()
        self.export_cancel.hide()

    def closeEvent(self, event) -> None:
        stop_and_wait(self.export_job)
        super().closeEvent(event)


class OrdersUi:
    """This area's part of the main window: its menu and the windows it opens."""

    def __init__(self, window):
        self.window = window
        self.session = window.session
        self.list_window: OrdersWindow | None = None
        self.import_dialog = None
        self.register_window = None
        self.policy_dialog = None

    def show_orders(self) -> OrdersWindow:
        if self.list_window is None:
            self.list_window = OrdersWindow(self)
        else:
            self.list_window.apply_filters()
        bring_to_front(self.list_window)
        return self.list_window

    def show_unpaid(self) -> OrdersWindow:
        orders_window = self.show_orders()
        orders_window.show_unpaid()
        return orders_window

    def show_import(self):
        from workbench.ui.orders.import_dialog import ImportDialog

        if self.import_dialog is None:
            self.import_dialog = ImportDialog(self.session, self.window)
        bring_to_front(self.import_dialog)
        return self.import_dialog

    def show_register(self):
        from workbench.ui.orders.reminders import RemindersWindow

        if self.register_window is None:
            self.register_window = RemindersWindow(self.session, self.window,
                                                   open_order=self.open_order,
                                                   show_unpaid=self.show_unpaid)
        else:
            self.register_window.reload()
        bring_to_front(self.register_window)
        return self.register_window

    def show_policy(self):
        from workbench.ui.orders.policy import FlagPolicyDialog

        self.policy_dialog = FlagPolicyDialog(self.session, self.window)
        self.policy_dialog.open()
        return self.policy_dialog

    def open_order(self, order_id: str) -> bool:
        """Open the buyer's conversation and select the order in the sidebar."""
        store = self.session.store
        order = orders.get(store, order_id)
        if order is None:
            return False
        conversation_id = orders.conversation_of_buyer(store, order.buyer_id)
        if conversation_id is None:
            self.window.statusBar().showMessage(
                translate("MainWindow", "买家 {0} 还没有会话，无法在侧栏打开；"
                                        "可以电话或短信联系后在催付登记表里记录。")
                .format(order.buyer_nick), 8000)
            return False
        self.window.conversation_list.select_conversation(conversation_id)
        current = self.session.current
        if current is None or current.id != conversation_id:
            self.session.select(conversation_id)
        bring_to_front(self.window)
        return self.window.orders.select_order(order_id)

    def close(self) -> None:
        for widget in (self.list_window, self.import_dialog, self.register_window):
            if widget is not None:
                widget.close()


def install(window) -> None:
    """Add the 订单 menu: the order list, the 催付 work list and register, import, policy."""
    ui = OrdersUi(window)
    window.orders_ui = ui
    menu = window.area_menu(translate("MainWindow", "订单"))
    menu.addAction(menu_action(window, translate("MainWindow", "订单列表…"), ui.show_orders,
                               "actionOrderList"))
    menu.addAction(menu_action(window, translate("MainWindow", "待催付订单…"), ui.show_unpaid,
                               "actionUnpaidOrders"))
    menu.addAction(menu_action(window, translate("MainWindow", "催付登记表…"), ui.show_register,
                               "actionReminderRegister"))
    menu.addSeparator()
    menu.addAction(menu_action(window, translate("MainWindow", "导入订单报表…"), ui.show_import,
                               "actionImportOrders"))
    menu.addSeparator()
    menu.addAction(menu_action(window, translate("MainWindow", "旗帜规则…"), ui.show_policy,
                               "actionFlagPolicy"))
    on_close(window, ui.close)   # its imports and exports stop first
