"""The order sidebar: the selected buyer's orders, their details, remarks and flag.

It always follows the selected conversation. Remarks and flags go through the domain's
rules (team format, own-entry corrections, the flag policy); the 催付 dialog lives in
``orders_reminders``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontMetrics, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workbench import orders, timefmt
from workbench.orders import Order, Remark, policy, reminders
from workbench.ui import language
from workbench.ui.item_models import RowsListModel
from workbench.ui.session import Session
from workbench.ui.vocabulary import word

OrderRole = Qt.ItemDataRole.UserRole + 1
RemarkRole = Qt.ItemDataRole.UserRole + 2
OVER_LIMIT_COLOUR = "#c62828"
READ_ONLY_COLOUR = "#757575"


def flag_icon(flag: int) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(orders.FLAG_COLOURS[flag]))
    return QIcon(pixmap)


def plain_label(text: str = "") -> QLabel:
    """A label that never interprets markup: buyers' and files' text is shown as is."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class OrderModel(RowsListModel):
    """The buyer's orders, newest first."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.buyer_id: int | None = None
        self.rows: list[Order] = []
        session.changed.connect(self._on_changed)


    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        order = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            created = timefmt.minute(order.created_at) if order.created_at else ""
            return f"【{word(order.status_chip)}】¥{order.total or 0:.2f}  {created}\n{order.id}"
        if role == Qt.ItemDataRole.DecorationRole:
            return flag_icon(order.flag)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0} · {1}旗").format(word(order.status_name),
                                                word(orders.FLAG_NAMES.get(order.flag, "")))
        if role == OrderRole:
            return order
        return None

    def row_of(self, order_id: str) -> int | None:
        return next((n for n, o in enumerate(self.rows) if o.id == order_id), None)

    def show_buyer(self, buyer_id: int | None) -> None:
        self.beginResetModel()
        self.buyer_id = buyer_id
        self.rows = orders.for_buyer(self.session.store, buyer_id) if buyer_id else []
        self.endResetModel()

    def _on_changed(self, changes) -> None:
        if not changes.orders or self.buyer_id is None:
            return
        shown = {order.id for order in self.rows}
        if not changes.orders <= shown:
            # New orders may belong to this buyer (an import): reload, keeping the view's
            # selection by id (the sidebar restores it on modelReset).
            self.show_buyer(self.buyer_id)
            return
        for number, order in enumerate(self.rows):
            if order.id in changes.orders:
                fresh = orders.get(self.session.store, order.id)
                if fresh:
                    self.rows[number] = fresh
                    self.dataChanged.emit(self.index(number), self.index(number))


class OrderDelegate(QStyledItemDelegate):
    """A row: flag colour bar, status chip, amount and time, then the order id."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(200, 2 * line + 3 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        order: Order | None = index.data(OrderRole)
        if order is None:
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        rect = option.rect
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        if order.flag:
            painter.fillRect(QRect(rect.left(), rect.top() + 2, 4, rect.height() - 4),
                             QColor(orders.FLAG_COLOURS.get(order.flag, "#9e9e9e")))
        chip = word(order.status_chip)
        chip_rect = QRect(rect.left() + 10, rect.top() + self.PAD,
                          metrics.horizontalAdvance(chip) + 10, line)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(orders.CHIP_COLOURS.get(order.status_chip, "#757575")))
        painter.drawRoundedRect(chip_rect, 6, 6)
        painter.setPen(QColor("white"))
        painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, chip)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.highlightedText().color() if selected else \
            option.palette.text().color()
        painter.setPen(text_colour)
        created = timefmt.minute(order.created_at) if order.created_at else ""
        first = QRect(chip_rect.right() + 8, chip_rect.top(),
                      rect.right() - chip_rect.right() - 12, line)
        painter.drawText(first, Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(f"¥{order.total or 0:.2f}  {created}",
                                            Qt.TextElideMode.ElideRight, first.width()))
        second = QRect(rect.left() + 10, chip_rect.bottom() + self.PAD // 2,
                       rect.width() - 20, line)
        extra = ("  " + self.tr("已催付 {0} 次").format(order.reminder_count)
                 if order.reminder_count else "")
        painter.setPen(QColor(READ_ONLY_COLOUR) if not selected else text_colour)
        painter.drawText(second, Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(order.id + extra, Qt.TextElideMode.ElideRight,
                                            second.width()))
        painter.restore()


class _FillingLayout(QVBoxLayout):
    """The sidebar's layout fills the visible height and scrolls only below its minimum.

    Wrapped labels give a layout a height for its width, and a scroll area then sizes its
    widget to that preferred height (a tall list with one order, the remarks pushed out
    of sight); without it the scroll area sizes it to the view, as intended."""

    def hasHeightForWidth(self) -> bool:
        return False


class RemarkModel(RowsListModel):
    """The memo's entries: the back office remark's lines (read-only text), then ours."""

    def __init__(self):
        super().__init__()
        self.editable_id: int | None = None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self.row_at(index)
        if entry is None:
            return None
        if isinstance(entry, str):
            line = entry
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("[后台] ") + line
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("来自后台订单报表的备注，只读")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(READ_ONLY_COLOUR)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.formatted() + (self.tr("（已修改）") if entry.edited_at else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.id == self.editable_id:
                return self.tr("你的最新备注，{0} 分钟内可以修改").format(
                    orders.REMARK_EDIT_WINDOW_S // 60)
            return self.tr("只读：{0}的备注").format(entry.agent_name)
        if role == Qt.ItemDataRole.ForegroundRole and entry.id != self.editable_id:
            return QColor(READ_ONLY_COLOUR)
        if role == RemarkRole:
            return entry
        return None

    def show(self, source_remark: str | None, entries: list[Remark],
             editable_id: int | None) -> None:
        ours = {r.formatted() for r in entries}
        self.editable_id = editable_id
        self.set_rows([line for line in (source_remark or "").splitlines()
                       if line.strip() and line.strip() not in ours] + entries)

    def stringList(self) -> list[str]:
        """Our entries in the team format, oldest first."""
        return [r.formatted() for r in self.rows]


class FlagRemarkDialog(QDialog):
    """Says what the chosen colour means and takes the remark the policy asks for."""

    def __init__(self, rule: policy.FlagRule, remark: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.rule = rule
        self.setWindowTitle(self.tr("插{0}旗").format(word(rule.name)))
        self.meaning = plain_label(self.tr("{0}\n按团队旗帜规则，插这面旗需要同时写一条备注，"
                                           "说明具体要做什么。").format(rule.describe()))
        self.remark = QLineEdit(remark)
        self.remark.setObjectName("flagRemark")
        self.remark.setPlaceholderText(self.tr("备注内容，例如：改地址为……"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("插旗并备注"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.remark.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool(remark.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.meaning)
        layout.addWidget(self.remark)
        layout.addWidget(buttons)


class OrderSidebar(QWidget):
    """The buyer's orders beside the chat: details, remarks, flag，核对地址 and 催付."""

    order_shown = Signal(object)  # Order | None

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.buyer_nick = ""
        self.editing: Remark | None = None
        self.flag_dialog: FlagRemarkDialog | None = None
        self.reminder_dialog = None
        self.title = plain_label(self.tr("买家订单"))
        self.title.setStyleSheet("font-weight: bold; padding: 4px;")
        self.model = OrderModel(session)
        self.list = QListView()
        self.list.setObjectName("orderList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(OrderDelegate(self.list))
        self.list.setAccessibleName(self.tr("买家订单列表"))

        self.copy_id_button = self._button(self.tr("复制单号"), "copyOrderId", self.copy_order_id)
        self.copy_address_button = self._button(self.tr("复制地址"), "copyAddress",
                                                self.copy_address)
        self.summary_button = self._button(self.tr("核对地址"), "sendSummary", self.send_summary)
        self.summary_button.setToolTip(self.tr("把订单的宝贝和收货地址发给买家核对"))
        self.remind_button = self._button(self.tr("催付"), "remind", self.remind)
        self.remind_button.setToolTip(self.tr("给未付款的订单发催付话术并登记"))
        # Two by two, so the sidebar stays narrow enough for a small screen.
        actions = QGridLayout()
        for number, button in enumerate((self.copy_id_button, self.copy_address_button,
                                         self.summary_button, self.remind_button)):
            actions.addWidget(button, number // 2, number % 2)

        self.details = QPlainTextEdit()
        self.details.setObjectName("orderDetails")
        self.details.setReadOnly(True)
        self.remark_model = RemarkModel()
        self.remarks = QListView()
        self.remarks.setObjectName("remarkList")
        self.remarks.setModel(self.remark_model)
        self.remarks.setWordWrap(True)
        self.remark_input = QLineEdit()
        self.remark_input.setObjectName("remarkInput")
        self.remark_input.setPlaceholderText(self.tr("追加备注，Enter 保存"))
        self.remark_counter = QLabel()
        self.remark_counter.setObjectName("remarkCounter")
        self.remark_button = self._button(self.tr("备注"), "addRemark", self.save_remark)
        self.edit_button = self._button(self.tr("修改"), "editRemark", self.toggle_edit)
        self.edit_button.setToolTip(self.tr("修改自己最新的一条备注（{0} 分钟内）").format(
            orders.REMARK_EDIT_WINDOW_S // 60))
        remark_row = QHBoxLayout()
        remark_row.addWidget(self.remark_input, 1)
        remark_row.addWidget(self.remark_button)
        remark_row.addWidget(self.edit_button)

        self.flag_box = QComboBox()
        self.flag_box.setObjectName("flagBox")
        for code, name in orders.FLAG_NAMES.items():
            self.flag_box.addItem(flag_icon(code), word(name), code)
        self.flag_meaning = plain_label()
        self.flag_meaning.setObjectName("flagMeaning")
        flag_row = QHBoxLayout()
        flag_row.addWidget(QLabel(self.tr("旗帜")))
        flag_row.addWidget(self.flag_box, 1)
        remark_head = QHBoxLayout()
        remark_head.addWidget(QLabel(self.tr("备注")))
        remark_head.addStretch(1)
        remark_head.addWidget(self.remark_counter)

        # The sidebar scrolls rather than grow: other areas add their parts to it, and the
        # window must still fit a 1200×800 screen.
        body = QWidget()
        scroll = QScrollArea()
        scroll.setObjectName("orderSidebarScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = _FillingLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 2)
        layout.addLayout(actions)
        layout.addWidget(self.details, 3)
        # Other areas show what they know about the order here (售后: its cases; products:
        # its courier and what goes with its items) through ``add_section``.
        self.sections = QVBoxLayout()
        layout.addLayout(self.sections)
        layout.addLayout(remark_head)
        layout.addWidget(self.remarks, 1)
        layout.addLayout(remark_row)
        layout.addLayout(flag_row)
        layout.addWidget(self.flag_meaning)

        # Right-click on an order: the same actions (others may add theirs to this menu).
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, slot in ((self.tr("复制订单号"), self.copy_order_id),
                           (self.tr("复制收货地址"), self.copy_address),
                           (self.tr("发给买家核对地址"), self.send_summary),
                           (self.tr("催付…"), self.remind)):
            action = QAction(text, self.list)
            action.triggered.connect(slot)
            self.list.addAction(action)

        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self.model.dataChanged.connect(lambda *_: self._show_selected())
        self.model.modelReset.connect(self._restore_selection)
        self.remarks.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.remark_input.returnPressed.connect(self.save_remark)
        self.remark_input.textChanged.connect(lambda *_: self._update_counter())
        self.flag_box.activated.connect(self._on_flag_chosen)
        self.flag_box.highlighted.connect(self._on_flag_highlighted)
        session.conversation_selected.connect(self._on_conversation)
        session.changed.connect(self._on_policy_changed)
        self._selected_id: str | None = None
        self._show_selected()

    def add_section(self, widget: QWidget, stretch: int = 1) -> None:
        """Another area's part of the sidebar, under the order's details."""
        self.sections.addWidget(widget, stretch)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ selection

    def selected_order(self) -> Order | None:
        index = self.list.currentIndex()
        return index.data(OrderRole) if index.isValid() else None

    def select_order(self, order_id: str) -> bool:
        """Make ``order_id`` the selected order if it is among the buyer's orders shown."""
        number = self.model.row_of(order_id)
        if number is None:
            return False
        self.list.setCurrentIndex(self.model.index(number))
        self.list.scrollTo(self.model.index(number))
        return True

    def show_buyer(self, buyer_id: int | None, nick: str = "") -> None:
        """Show this buyer's orders, the newest selected."""
        self.buyer_nick = nick
        self._selected_id = None
        self.model.show_buyer(buyer_id)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))  # shows it (currentChanged)
        else:
            self._show_selected()

    def _on_conversation(self, conversation) -> None:
        if conversation is None:
            self.show_buyer(None)
        else:
            self.show_buyer(conversation.buyer_id, conversation.buyer_nick)

    def _restore_selection(self) -> None:
        if self._selected_id is not None:
            self.select_order(self._selected_id)

    # ------------------------------------------------------------------ showing

    def _show_selected(self) -> None:
        order = self.selected_order()
        self._selected_id = order.id if order else None
        if self.editing is not None and (order is None or self.editing.order_id != order.id):
            self._stop_editing()
        count = self.model.rowCount()
        if self.model.buyer_id is None:
            self.title.setText(self.tr("买家订单"))
        elif count:
            self.title.setText(self.tr("{0} 的订单（{1}）").format(self.buyer_nick, count))
        else:
            self.title.setText(self.tr("{0} 暂无订单").format(self.buyer_nick))
        for widget in (self.remark_input, self.flag_box, self.remark_button,
                       self.copy_id_button, self.copy_address_button, self.summary_button):
            widget.setEnabled(order is not None)
        self.remind_button.setEnabled(order is not None and order.unpaid)
        if order is None:
            self.details.setPlainText("")
            self.remark_model.show(None, [], None)
            self.remark_counter.setText("")
            self.flag_meaning.setText("")
            self._update_buttons()
            self.order_shown.emit(None)
            return
        store, now = self.session.store, self.session.clock()
        self.details.setPlainText(self._describe(order))
        entries = orders.remarks(store, order.id)
        editable = orders.editable_remark(store, order.id, self.session.agent, now)
        self.remark_model.show(order.source_remark, entries, editable.id if editable else None)
        self.remarks.scrollToBottom()
        self._show_flag(order.flag)
        self._update_counter()
        self._update_buttons()
        self.order_shown.emit(order)

    def _show_flag(self, flag: int) -> None:
        team = policy.load(self.session.store)
        for number in range(self.flag_box.count()):
            rule = team.rule(self.flag_box.itemData(number))
            label = word(rule.name) + (self.tr("（禁用）") if rule.forbidden else "")
            self.flag_box.setItemText(number, label)
            self.flag_box.setItemData(number, rule.describe(), Qt.ItemDataRole.ToolTipRole)
        self.flag_box.setCurrentIndex(self.flag_box.findData(flag))
        self.flag_meaning.setText(team.rule(flag).describe() if flag else
                                  self.tr("未插旗。选择颜色时会显示它在团队规则里的含义。"))

    def _on_policy_changed(self, changes) -> None:
        # A supervisor saved new flag rules: the open order's colours and meaning follow.
        order = self.selected_order()
        if policy.POLICY_KEY in changes.settings and order is not None:
            self._show_flag(order.flag)

    def _on_flag_highlighted(self, index: int) -> None:
        rule = policy.load(self.session.store).rule(self.flag_box.itemData(index))
        self.flag_meaning.setText(rule.describe())

    def _describe(self, order: Order) -> str:
        store = self.session.store

        def when(at):
            return timefmt.minute(at) if at else "—"

        lines = [
            self.tr("订单号：") + order.id,
            self.tr("状态：") + word(order.status_name),
            self.tr("金额：") + f"¥{order.total or 0:.2f}"
            + self.tr("（实付 ¥{0:.2f}，邮费 ¥{1:.2f}）").format(order.paid or 0,
                                                               order.postage or 0),
        ]
        if order.refund:
            lines.append(self.tr("退款：") + f"¥{order.refund:.2f}")
        lines.append(self.tr("下单：") + when(order.created_at) + self.tr("  付款：")
                     + when(order.paid_at))
        if order.shipped_at or order.finished_at:
            lines.append(self.tr("发货：") + when(order.shipped_at) + self.tr("  完成：")
                         + when(order.finished_at))
        lines += [
            self.tr("收货人：") + f"{order.receiver_name or ''} {order.phone or ''}".strip(),
            self.tr("地址：") + (order.address or "—"),
        ]
        if order.courier or order.tracking_no:
            lines.append(self.tr("物流：") + f"{order.courier or ''} {order.tracking_no or ''}")
        if order.buyer_message:
            lines.append(self.tr("买家留言：") + order.buyer_message)
        for item in orders.items(store, order.id):
            price = f" ¥{item.price:.2f}" if item.price is not None else ""
            code = f" [{item.seller_code}]" if item.seller_code else ""
            lines.append(f"· {item.title} {item.spec or ''} ×{item.quantity or 1}{price}{code}")
        for reminder in reminders.previous(store, order.id):
            lines.append(self.tr("催付：") + f"{timefmt.minute(reminder.at)} "
                         f"{reminder.agent_name or ''}（{reminder.channel or ''}）"
                         f"{reminder.outcome or ''}")
        for change in orders.flag_history(store, order.id):
            lines.append(self.tr("旗帜：") + f"{timefmt.minute(change['changed_at'])} "
                         f"{change['agent_name'] or ''} "
                         f"{word(orders.FLAG_NAMES.get(change['old_flag'], ''))}→"
                         f"{word(orders.FLAG_NAMES.get(change['new_flag'], ''))}")
        return "\n".join(lines)

    # ------------------------------------------------------------------ remarks

    def _update_counter(self) -> None:
        order = self.selected_order()
        if order is None:
            return
        size = orders.memo_size_with(
            self.session.store, order.id, self.session.agent, self.remark_input.text(),
            self.session.clock(), replacing=self.editing.id if self.editing else None)
        limit = orders.MEMO_LIMIT_BYTES
        if size > limit:
            self.remark_counter.setText(self.tr("{0}/{1} 字节 超出{2}").format(
                size, limit, size - limit))
            self.remark_counter.setStyleSheet(f"color: {OVER_LIMIT_COLOUR};")
        else:
            self.remark_counter.setText(self.tr("{0}/{1} 字节").format(size, limit))
            self.remark_counter.setStyleSheet("")

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.editing is not None
                                    or self.remark_model.editable_id is not None)
        self.edit_button.setText(self.tr("取消修改") if self.editing else self.tr("修改"))
        self.remark_button.setText(self.tr("保存修改") if self.editing else self.tr("备注"))

    def selected_remark(self) -> Remark | None:
        index = self.remarks.currentIndex()
        return index.data(RemarkRole) if index.isValid() else None

    def toggle_edit(self) -> None:
        """Start correcting the agent's own latest entry (or stop doing so)."""
        if self.editing is not None:
            self._stop_editing()
            return
        order = self.selected_order()
        if order is None:
            return
        chosen = self.selected_remark()
        target_id = chosen.id if chosen else self.remark_model.editable_id
        if target_id is None:
            return
        refusal = orders.edit_refusal(self.session.store, target_id, self.session.agent,
                                      self.session.clock())
        if refusal:
            self.session.refused.emit(language.text(refusal))
            return
        self.editing = next(r for r in self.remark_model.rows
                            if isinstance(r, Remark) and r.id == target_id)
        self.remark_input.setText(self.editing.content)
        self.remark_input.setFocus()
        self._update_buttons()
        self._update_counter()

    def _stop_editing(self) -> None:
        self.editing = None
        self.remark_input.clear()
        self._update_buttons()

    def save_remark(self) -> None:
        order = self.selected_order()
        if order is None:
            return
        store, agent, now = self.session.store, self.session.agent, self.session.clock()
        if self.editing is not None:
            if self.session.run(orders.edit_remark, store, self.editing.id, agent,
                                self.remark_input.text(), now):
                self._stop_editing()
        elif self.session.run(orders.add_remark, store, order.id, agent,
                              self.remark_input.text(), now):
            self.remark_input.clear()
        self._show_selected()

    def add_remark(self) -> None:
        """Save what is typed (kept for callers of the first sidebar)."""
        self.save_remark()

    # ------------------------------------------------------------------ flags

    def _on_flag_chosen(self, index: int) -> None:
        self.choose_flag(self.flag_box.itemData(index))

    def choose_flag(self, flag: int) -> FlagRemarkDialog | None:
        """Set the selected order's flag as the policy says: refuse a forbidden colour,
        ask for a remark when one is needed (the dialog is returned, already open)."""
        order = self.selected_order()
        if order is None or flag == order.flag:
            self._show_flag(order.flag if order else 0)
            return None
        store, agent, now = self.session.store, self.session.agent, self.session.clock()
        rule = orders.flag_rule(store, flag)
        if not rule.forbidden and orders.needs_remark(store, order.id, agent, flag, now):
            dialog = FlagRemarkDialog(rule, self.remark_input.text(), self)
            dialog.accepted.connect(lambda: self._set_flag(order.id, flag, dialog.remark.text(),
                                                           clear_input=True))
            dialog.rejected.connect(lambda: self._show_flag(order.flag))
            self.flag_dialog = dialog
            dialog.open()
            return dialog
        self._set_flag(order.id, flag, "")
        return None

    def _set_flag(self, order_id: str, flag: int, remark: str, clear_input: bool = False) -> None:
        done = self.session.run(orders.set_flag, self.session.store, order_id,
                                self.session.agent, flag, self.session.clock(), remark=remark)
        if done and clear_input and remark.strip() == self.remark_input.text().strip():
            self.remark_input.clear()
        order = self.selected_order()
        self._show_flag(order.flag if order else 0)

    # ------------------------------------------------------------------ actions

    def copy_order_id(self) -> None:
        order = self.selected_order()
        if order is not None:
            QGuiApplication.clipboard().setText(order.id)

    def copy_address(self) -> None:
        order = self.selected_order()
        if order is not None:
            parts = (order.receiver_name or "", order.phone or "", order.address or "")
            QGuiApplication.clipboard().setText(" ".join(p for p in parts if p))

    def _in_buyers_conversation(self, order: Order) -> bool:
        current = self.session.current
        if current is None or current.buyer_id != order.buyer_id:
            self.session.refused.emit(self.tr("请先打开买家 {0} 的会话，再发送。")
                                      .format(order.buyer_nick))
            return False
        return True

    def send_summary(self) -> bool:
        """Send the buyer the order's items and address to confirm (核对地址)."""
        order = self.selected_order()
        if order is None or not self._in_buyers_conversation(order):
            return False
        return self.session.send_text(orders.summary(self.session.store, order))

    def remind(self):
        """Open the 催付 dialog for the selected unpaid order (returned, already open)."""
        order = self.selected_order()
        if order is None:
            return None
        from workbench.ui.orders.reminders import ReminderDialog

        dialog = ReminderDialog.for_order(self.session, order, self)
        if dialog is not None:
            self.reminder_dialog = dialog
            dialog.open()
        return dialog
