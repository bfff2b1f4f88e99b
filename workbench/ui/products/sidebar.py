"""What the order sidebar shows of product knowledge for the selected order: its courier
(contact, days and fee to the address, tracking link) and what goes with its items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workbench.ui.products.tab import ProductListModel, ProductRole, plain_label, product_list
from workbench.ui.session import Session

if TYPE_CHECKING:
    from workbench.products import couriers


class OrderProducts(QWidget):
    """Follows the sidebar's ``order_shown``; Enter or a double-click on a matching product
    sends it as a card."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.order = None
        # The sidebar's layout ignores heightForWidth (orders.sidebar._FillingLayout), so the
        # wrapped courier text asks for its height at its width as a minimum height: a
        # tracking link wrapped onto two lines would otherwise cut the block's first and
        # last lines in half.
        self.courier = plain_label(name="orderCourier", colour="#455a64")
        self.courier.installEventFilter(self)
        self.related_title = QLabel(self.tr("搭配推荐（双击发送卡片）"))
        self.related_model = ProductListModel()
        self.related = product_list("orderRelatedProducts", self.related_model)
        self.related.setMaximumHeight(84)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.courier)
        layout.addWidget(self.related_title)
        layout.addWidget(self.related)
        self.related.activated.connect(self._send)
        session.changed.connect(self._on_changed)
        self.show_order(None)

    def show_order(self, order) -> None:
        self.order = order
        shipping, related = None, []
        if order is not None:
            from workbench import products  # with the first order shown, not at start-up
            from workbench.products import couriers

            shipping = couriers.for_order(self.session.store, order)
            related = products.related_to_order(self.session.store, order.id)
        self.courier.setText("\n".join(self.describe(shipping, order)) if shipping else "")
        self.courier.setVisible(shipping is not None)
        self._fit_courier()
        self.related_model.set_rows(related)
        self.related_title.setVisible(bool(self.related_model.rows))
        self.related.setVisible(bool(self.related_model.rows))

    def describe(self, shipping: couriers.Shipping, order) -> list[str]:
        """Company and contact, days and fee to the address, tracking link, note."""
        courier = shipping.courier
        head = courier.name + ("" if shipping.chosen_by_order else self.tr("（店铺默认）"))
        lines = [self.tr("快递：") + head + (f" · {courier.contact}" if courier.contact else "")]
        rate = shipping.rate
        if rate is not None:
            parts = []
            if rate.days:
                parts.append(self.tr("时效约{0}").format(rate.days))
            if rate.fee is not None:
                parts.append(self.tr("运费¥{0}").format(f"{rate.fee:g}"))
            if parts:
                lines.append(self.tr("寄往{0}：").format(rate.region) + self.tr("，").join(parts))
        link = courier.tracking_link(order.tracking_no)
        if link:
            lines.append(self.tr("查件：") + link)
        if courier.note:
            lines.append(courier.note)
        return lines

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.courier and event.type() == QEvent.Type.Resize:
            self._fit_courier()
        return False

    def _fit_courier(self) -> None:
        width = self.courier.width()
        if width > 0:
            self.courier.setMinimumHeight(max(0, self.courier.heightForWidth(width)))

    def _on_changed(self, changes) -> None:
        if changes.products and self.order is not None:
            self.show_order(self.order)

    def _send(self, index) -> None:
        product = index.data(ProductRole)
        if product is not None and self.session.current is not None:
            self.session.send_card(product.card())
