"""The order sidebar's 售后 section: the selected order's cases with their step and clock,
and 新建售后 for that order."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from workbench import orders
from workbench.ui.aftersale.models import CaseRole, OrderCasesModel

TICK_MS = 30_000
VISIBLE_ROWS = 3


class CaseSection(QWidget):
    new_requested = Signal()         # 新建售后 for the order shown
    open_requested = Signal(object)  # Case: show it in the 售后 window

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order: orders.Order | None = None
        self.setObjectName("orderCases")
        self.title = QLabel(self.tr("售后"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        self.new_button = QPushButton(self.tr("新建售后…"))
        self.new_button.setObjectName("orderNewCase")
        self.new_button.setToolTip("Ctrl+Shift+S")
        self.model = OrderCasesModel(session)
        self.list = QListView()
        self.list.setObjectName("orderCaseList")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("订单的售后单"))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list)
        self.new_button.clicked.connect(self.new_requested)
        self.list.activated.connect(self._open)
        self.list.doubleClicked.connect(self._open)
        session.changed.connect(self._on_changed)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.model.tick)
        self.timer.start(TICK_MS)
        self.show_order(None)

    def show_order(self, order: orders.Order | None) -> None:
        self.order = order
        self.model.show_order(order.id if order else None)
        self.new_button.setEnabled(order is not None and order.status not in orders.NEVER_PAID)
        self._title()

    def _title(self) -> None:
        """The count in the title; the list as tall as its cases, up to a few rows."""
        count = self.model.rowCount()
        self.title.setText(self.tr("售后（{0}）").format(count) if count else self.tr("售后"))
        self.list.setVisible(count > 0)
        row = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 8)
        self.list.setFixedHeight(row * min(count, VISIBLE_ROWS) + 2 * self.list.frameWidth())

    def _on_changed(self, changes) -> None:
        if self.order is not None and (changes.aftersale or self.order.id in changes.orders):
            self.model.reload()
            self._title()

    def select_case(self, case_id: int) -> bool:
        number = next((n for n, c in enumerate(self.model.rows) if c.id == case_id), None)
        if number is None:
            return False
        self.list.setCurrentIndex(self.model.index(number))
        return True

    def _open(self, index) -> None:
        case = index.data(CaseRole) if index.isValid() else None
        if case is not None:
            self.open_requested.emit(case)

    def hideEvent(self, event) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def showEvent(self, event) -> None:
        self.timer.start(TICK_MS)
        super().showEvent(event)


def attach(sidebar, session) -> CaseSection:
    """Put the section into the order sidebar, following its selected order."""
    section = CaseSection(session)
    sidebar.add_section(section, stretch=0)
    sidebar.order_shown.connect(section.show_order)
    section.show_order(sidebar.selected_order())
    return section
