"""The order sidebar: the selected buyer's orders, their details, remarks and flag."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench import orders, timefmt
from workbench.orders import Order
from workbench.ui.session import Session

OrderRole = Qt.ItemDataRole.UserRole + 1


def flag_icon(flag: int) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(orders.FLAG_COLOURS[flag]))
    return QIcon(pixmap)


class OrderModel(QAbstractListModel):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.buyer_id: int | None = None
        self.rows: list[Order] = []
        session.changed.connect(self._on_changed)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        order = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            created = timefmt.minute(order.created_at) if order.created_at else ""
            return f"【{order.status_chip}】¥{order.total or 0:.2f}  {created}\n{order.id}"
        if role == Qt.ItemDataRole.DecorationRole:
            return flag_icon(order.flag)
        if role == OrderRole:
            return order
        return None

    def show_buyer(self, buyer_id: int | None) -> None:
        self.beginResetModel()
        self.buyer_id = buyer_id
        self.rows = orders.for_buyer(self.session.store, buyer_id) if buyer_id else []
        self.endResetModel()

    def _on_changed(self, changes) -> None:
        for number, order in enumerate(self.rows):
            if order.id in changes.orders:
                fresh = orders.get(self.session.store, order.id)
                if fresh:
                    self.rows[number] = fresh
                    self.dataChanged.emit(self.index(number), self.index(number))


class OrderSidebar(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        title = QLabel(self.tr("买家订单"))
        title.setStyleSheet("font-weight: bold; padding: 4px;")
        self.model = OrderModel(session)
        self.list = QListView()
        self.list.setObjectName("orderList")
        self.list.setModel(self.model)
        self.details = QPlainTextEdit()
        self.details.setObjectName("orderDetails")
        self.details.setReadOnly(True)
        self.remark_model = QStringListModel()
        self.remarks = QListView()
        self.remarks.setObjectName("remarkList")
        self.remarks.setModel(self.remark_model)
        self.remarks.setWordWrap(True)
        self.remark_input = QLineEdit()
        self.remark_input.setObjectName("remarkInput")
        self.remark_input.setPlaceholderText(self.tr("追加备注,Enter 保存"))
        self.remark_counter = QLabel()
        self.flag_box = QComboBox()
        self.flag_box.setObjectName("flagBox")
        for code, name in orders.FLAG_NAMES.items():
            self.flag_box.addItem(flag_icon(code), name, code)
        remark_button = QPushButton(self.tr("备注"))
        remark_row = QHBoxLayout()
        remark_row.addWidget(self.remark_input, 1)
        remark_row.addWidget(remark_button)
        flag_row = QHBoxLayout()
        flag_row.addWidget(QLabel(self.tr("旗帜")))
        flag_row.addWidget(self.flag_box, 1)
        flag_row.addWidget(self.remark_counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.details, 2)
        layout.addWidget(self.remarks, 1)
        layout.addLayout(remark_row)
        layout.addLayout(flag_row)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self.model.dataChanged.connect(lambda *_: self._show_selected())
        self.remark_input.returnPressed.connect(self.add_remark)
        remark_button.clicked.connect(self.add_remark)
        self.flag_box.activated.connect(self._on_flag_chosen)
        session.conversation_selected.connect(self._on_conversation)
        self._show_selected()

    def selected_order(self) -> Order | None:
        index = self.list.currentIndex()
        return index.data(OrderRole) if index.isValid() else None

    def _on_conversation(self, conversation) -> None:
        self.model.show_buyer(conversation.buyer_id if conversation else None)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        self._show_selected()

    def _show_selected(self) -> None:
        order = self.selected_order()
        enabled = order is not None
        for widget in (self.remark_input, self.flag_box):
            widget.setEnabled(enabled)
        if order is None:
            self.details.setPlainText("")
            self.remark_model.setStringList([])
            self.remark_counter.setText("")
            return
        self.details.setPlainText(self._describe(order))
        entries = [r.formatted() for r in orders.remarks(self.session.store, order.id)]
        self.remark_model.setStringList(entries)
        self.remark_counter.setText(
            f"{orders.memo_bytes(entries)}/{orders.MEMO_LIMIT_BYTES}")
        self.flag_box.setCurrentIndex(self.flag_box.findData(order.flag))

    def _describe(self, order: Order) -> str:
        lines = [
            self.tr("订单号:") + order.id,
            self.tr("状态:") + order.status_name,
            self.tr("金额:") + f"¥{order.total or 0:.2f}(实付 ¥{order.paid or 0:.2f})",
            self.tr("下单:") + (timefmt.minute(order.created_at) if order.created_at else "—"),
            self.tr("收货人:") + f"{order.receiver_name or ''} {order.phone or ''}",
            self.tr("地址:") + (order.address or "—"),
        ]
        if order.courier or order.tracking_no:
            lines.append(self.tr("物流:") + f"{order.courier or ''} {order.tracking_no or ''}")
        if order.buyer_message:
            lines.append(self.tr("买家留言:") + order.buyer_message)
        for item in orders.items(self.session.store, order.id):
            lines.append(
                f"· {item.title} {item.spec or ''} ×{item.quantity} ¥{item.price or 0:.2f}")
        return "\n".join(lines)

    def add_remark(self) -> None:
        order = self.selected_order()
        if order is None:
            return
        if self.session.run(orders.add_remark, self.session.store, order.id, self.session.agent,
                            self.remark_input.text(), self.session.clock()):
            self.remark_input.clear()

    def _on_flag_chosen(self, index: int) -> None:
        order = self.selected_order()
        if order is not None:
            self.session.run(orders.set_flag, self.session.store, order.id, self.session.agent,
                             self.flag_box.itemData(index), self.session.clock())
