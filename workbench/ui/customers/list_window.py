"""The 客户 window: search and filter the shop's buyers (tier, class, tag, last purchase,
spend) with the keyboard, a page at a time, and open a buyer's file.

Sized for hundreds of thousands of buyers: the model holds one page and fetches the next
as the view scrolls; the filters run in SQLite on covering indexes; the count comes just
after the list is painted.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import customers, timefmt
from workbench.customers import Customer, CustomerFilter
from workbench.ui.customers.words import word
from workbench.ui.item_models import RowsTableModel
from workbench.ui.plain_text import tip

PAGE = 100
CustomerRole = Qt.ItemDataRole.UserRole + 1
DISPLAY, FOREGROUND, ALIGNMENT, TOOLTIP = (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole)
ROLES_ANSWERED = frozenset({DISPLAY, FOREGROUND, ALIGNMENT, TOOLTIP, CustomerRole})
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
RISK_COLOUR = QColor("#c62828")
# (label, code) of the last-purchase filter, and the spend thresholds.
BOUGHT_CHOICES = (
    (QT_TRANSLATE_NOOP("CustomersWindow", "最近购买：不限"), None),
    (QT_TRANSLATE_NOOP("CustomersWindow", "7 天内买过"), "7d"),
    (QT_TRANSLATE_NOOP("CustomersWindow", "30 天内买过"), "30d"),
    (QT_TRANSLATE_NOOP("CustomersWindow", "90 天内买过"), "90d"),
    (QT_TRANSLATE_NOOP("CustomersWindow", "一年内买过"), "365d"),
    (QT_TRANSLATE_NOOP("CustomersWindow", "90 天以上没买"), "lapsed90"),
    (QT_TRANSLATE_NOOP("CustomersWindow", "一年以上没买"), "lapsed365"),
    (QT_TRANSLATE_NOOP("CustomersWindow", "从未购买"), "never"),
)
SPEND_CHOICES = (None, 100, 300, 1000, 3000)
SORT_CHOICES = (
    (QT_TRANSLATE_NOOP("CustomersWindow", "按最近购买"), "last_order"),
    (QT_TRANSLATE_NOOP("CustomersWindow", "按累计消费"), "paid"),
    (QT_TRANSLATE_NOOP("CustomersWindow", "按最近咨询"), "last_chat"),
)


class CustomerTableModel(RowsTableModel):
    """The buyers matching the window's filter, fetched a page at a time."""

    COLUMNS = (QT_TRANSLATE_NOOP("CustomerTableModel", "买家"),
               QT_TRANSLATE_NOOP("CustomerTableModel", "等级"),
               QT_TRANSLATE_NOOP("CustomerTableModel", "分类"),
               QT_TRANSLATE_NOOP("CustomerTableModel", "购买次数"),
               QT_TRANSLATE_NOOP("CustomerTableModel", "累计消费"),
               QT_TRANSLATE_NOOP("CustomerTableModel", "最近购买"),
               QT_TRANSLATE_NOOP("CustomerTableModel", "咨询天数"),
               QT_TRANSLATE_NOOP("CustomerTableModel", "最近咨询"),
               QT_TRANSLATE_NOOP("CustomerTableModel", "标签"),
               QT_TRANSLATE_NOOP("CustomerTableModel", "风险"))
    NUMBERS = (3, 4, 6)

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.where = CustomerFilter()
        self.rows: list[Customer] = []
        self.more = False
        # A row's texts, made once when first painted: a paint asks for every visible cell.
        self._texts: dict[int, tuple[str, ...]] = {}

    def data(self, index: QModelIndex, role: int = DISPLAY):
        # Kept lean: a paint asks every visible cell for half a dozen roles.
        if role not in ROLES_ANSWERED:
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self.rows) or not index.isValid():
            return None
        if role == DISPLAY:
            texts = self._texts.get(row)
            if texts is None:
                texts = self._texts[row] = self._cells(self.rows[row])
            return texts[column]
        customer = self.rows[row]
        if role == FOREGROUND:
            return RISK_COLOUR if customer.risky and column in (0, 9) else None
        if role == ALIGNMENT:
            return RIGHT_ALIGNED if column in self.NUMBERS else None
        if role == TOOLTIP:
            return tip(customer.risk_reason) if column == 9 and customer.risky else None
        return customer

    @staticmethod
    def _cells(customer: Customer) -> tuple[str, ...]:
        def when(at):
            return timefmt.minute(at) if at else ""

        return (customer.nick, customer.tier, "、".join(word(n) for n in customer.classes),
                str(customer.orders), f"{customer.paid_total:.2f}",
                when(customer.last_order_at), str(customer.chats), when(customer.last_chat_at),
                "、".join(customer.tags), customer.risk_reason or "")

    def load(self, where: CustomerFilter) -> None:
        self.beginResetModel()
        self._texts = {}
        self.where = where
        self.rows = customers.find(self.session.store, where, self.session.clock(), limit=PAGE)
        self.more = len(self.rows) == PAGE
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self.more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        page = customers.find(self.session.store, self.where, self.session.clock(),
                              limit=PAGE, offset=len(self.rows))
        self.more = len(page) == PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows += page
            self.endInsertRows()

    def refresh_buyers(self, buyer_ids: frozenset[int]) -> None:
        """Repaint the shown rows of these buyers with their current files."""
        for number, customer in enumerate(self.rows):
            if customer.buyer_id in buyer_ids:
                fresh = customers.get(self.session.store, customer.buyer_id)
                if fresh is not None:
                    self.rows[number] = fresh
                    self._texts.pop(number, None)
                    self.dataChanged.emit(self.index(number, 0),
                                          self.index(number, self.columnCount() - 1))


class CustomersWindow(QWidget):
    """Filters on top (Tab from one to the next, arrow keys change them, Ctrl+F searches),
    the buyers below (Enter opens the file)."""

    RELOAD_AFTER = 50       # more changed files than this: reload rather than patch rows

    def __init__(self, ui, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ui = ui
        self.session = ui.session
        self.setObjectName("customersWindow")
        self.setWindowTitle(self.tr("客户"))
        self.resize(1100, 640)

        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("搜索买家昵称（Ctrl+F）；一两个字按开头找"))
        self.search.setClearButtonEnabled(True)
        self.tier = QComboBox()
        self.tier.setObjectName("customerTier")
        self.mark = QComboBox()
        self.mark.setObjectName("customerClass")
        self.tag = QComboBox()
        self.tag.setObjectName("customerTag")
        self.bought = QComboBox()
        self.bought.setObjectName("customerBought")
        for label, code in BOUGHT_CHOICES:
            self.bought.addItem(self.tr(label), code)
        self.spend = QComboBox()
        self.spend.setObjectName("customerSpend")
        for amount in SPEND_CHOICES:
            self.spend.addItem(self.tr("累计消费：不限") if amount is None
                               else self.tr("累计消费 ≥ ¥{0}").format(amount), amount)
        self.sort = QComboBox()
        self.sort.setObjectName("customerSort")
        for label, code in SORT_CHOICES:
            self.sort.addItem(self.tr(label), code)
        self.fill_choices()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in (self.tier, self.mark, self.tag, self.bought, self.spend, self.sort):
            filters.addWidget(combo)

        self.model = CustomerTableModel(self.session)
        self.table = QTableView()
        self.table.setObjectName("customersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 170), (1, 70), (2, 150), (3, 70), (4, 90), (5, 130), (6, 70),
                              (7, 130), (8, 140)):
            self.table.setColumnWidth(column, width)

        self.count = QLabel()
        self.count.setObjectName("customersCount")
        self.message = QLabel()
        self.message.setObjectName("customersMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        refresh = QPushButton(self.tr("刷新（F5）"))
        self.recompute_button = QPushButton(self.tr("重新计算全部"))
        self.recompute_button.setObjectName("customersRecompute")
        self.recompute_button.setToolTip(self.tr("按当前订单、聊天和会员规则重算每位买家"))
        open_button = QPushButton(self.tr("打开档案"))
        open_button.setObjectName("customersOpen")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.message, 1)
        for button in (refresh, self.recompute_button, open_button):
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.search.textChanged.connect(lambda *_: self.apply_filters())
        for combo in (self.tier, self.mark, self.tag, self.bought, self.spend, self.sort):
            combo.currentIndexChanged.connect(lambda *_: self.apply_filters())
        self.search.installEventFilter(self)
        self.table.activated.connect(lambda *_: self.open_selected())
        self.table.doubleClicked.connect(lambda *_: self.open_selected())
        refresh.clicked.connect(self.reload)
        self.recompute_button.clicked.connect(self.ui.recompute_all)
        open_button.clicked.connect(self.open_selected)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        self.session.changed.connect(self._on_changed)
        self._counter = QTimer(self)
        self._counter.setSingleShot(True)
        self._counter.timeout.connect(self._show_count)
        self.apply_filters()

    def fill_choices(self) -> None:
        """The tier, class and tag choices as the shop has them now (keeping the choice)."""
        store = self.session.store
        for combo in (self.tier, self.mark, self.tag):
            combo.blockSignals(True)
        kept = (self.tier.currentData(), self.mark.currentData(), self.tag.currentData())
        self.tier.clear()
        self.tier.addItem(self.tr("等级：全部"), None)
        counts = customers.tier_counts(store)
        for rank, tier in enumerate(customers.policy(store).tiers):
            self.tier.addItem(self.tr("{0}（{1}）").format(tier.name, counts.get(rank, 0)), rank)
        self.mark.clear()
        self.mark.addItem(self.tr("分类：全部"), None)
        for _, bit, name in customers.MARKS:
            self.mark.addItem(word(name), bit)
        self.tag.clear()
        self.tag.addItem(self.tr("标签：全部"), None)
        for tag, count in customers.known_tags(store):
            self.tag.addItem(self.tr("{0}（{1}）").format(tag, count), tag)
        for combo, value in zip((self.tier, self.mark, self.tag), kept, strict=True):
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    def current_filter(self) -> CustomerFilter:
        return CustomerFilter(text=self.search.text(), tier=self.tier.currentData(),
                              mark=self.mark.currentData(), tag=self.tag.currentData(),
                              bought=self.bought.currentData(),
                              min_paid=self.spend.currentData(), sort=self.sort.currentData())

    def apply_filters(self) -> None:
        self.model.load(self.current_filter())
        if self.model.rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        if self.model.more:
            self.count.setText(self.tr("正在计数…"))
            self._counter.start(0)   # after the list is painted
        else:
            self._show_count()

    def _show_count(self) -> None:
        if not self.model.more:
            total = len(self.model.rows)
            self.count.setText(self.tr("共 {0} 位").format(total))
            return
        total = customers.count(self.session.store, self.model.where, self.session.clock())
        self.count.setText(self.tr("共 {0} 位").format(total) if total < customers.COUNT_CAP
                           else self.tr("超过 {0} 位").format(customers.COUNT_CAP))

    def reload(self) -> None:
        self.fill_choices()
        self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def eventFilter(self, watched, event) -> bool:
        # Down from the search field goes to the list.
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.model.rows:
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))
            return True
        return False

    def selected(self) -> Customer | None:
        index = self.table.currentIndex()
        return index.data(CustomerRole) if index.isValid() else None

    def open_selected(self):
        customer = self.selected()
        return self.ui.open_file(customer.buyer_id) if customer is not None else None

    def _on_changed(self, changes) -> None:
        if not changes.buyers:
            return
        if len(changes.buyers) > self.RELOAD_AFTER:
            self.reload()
        else:
            self.model.refresh_buyers(changes.buyers)
