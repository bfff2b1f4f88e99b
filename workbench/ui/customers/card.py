"""The buyer card under the chat header: tier, classes, risk warning, lifetime value, last
order, open 待办 and an open 售后 case, as badges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench import timefmt
from workbench.orders import STATUS_CHIPS
from workbench.ui import plain_text, vocabulary
from workbench.ui.customers.words import word

if TYPE_CHECKING:
    from workbench import customers

BADGE_STYLES = {
    "tier": "color: white; background: #8e24aa;",
    "class": "color: #1b5e20; background: #e8f5e9;",
    "todo": "color: #e65100; background: #fff3e0;",
    "info": "color: #37474f; background: #eceff1;",
}
BADGE_SHAPE = "border-radius: 4px; padding: 1px 6px;"
# Colours only: the bold font and the padding are set on the widget, so the text is
# measured with the font it is painted in.
RISK_LINE_STYLE = ("QLabel { color: white; background: #c62828; border-radius: 4px; } "
                   "QLabel:focus { background: #8e0000; }")
# Room left after the last character: a bold glyph's ink may reach past its advance.
INK_SLACK = 2


class RiskLine(QLabel):
    """The red risk warning: one line, bold, as wide as the card. A text too long for it
    is cut short with an ellipsis, never clipped mid-character; the card's tooltip holds
    it whole. Clicked, or Enter/Space when focused: ``clicked``."""

    clicked = Signal()

    def __init__(self):
        super().__init__()
        self.full_text = ""
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(6, 2, 6, 2)
        self.setStyleSheet(RISK_LINE_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # Takes the width it is given, however long the reason: the card never widens.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_warning(self, text: str) -> None:
        self.full_text = text
        self.setAccessibleName(text)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width() - INK_SLACK
        shown = QFontMetrics(self.font()).elidedText(self.full_text,
                                                     Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            self.setText(shown)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class BuyerCard(QWidget):
    """One line of badges and figures for the buyer of the open conversation."""

    open_requested = Signal(int)   # buyer id: open the buyer's file

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.setObjectName("buyerCard")
        self.buyer_id: int | None = None
        self.card: customers.Card | None = None
        self.badges = QWidget()
        self.badge_row = QHBoxLayout(self.badges)
        self.badge_row.setContentsMargins(0, 0, 0, 0)
        self.badge_row.setSpacing(4)
        self.figures = QLabel()
        self.figures.setObjectName("buyerCardFigures")
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setStyleSheet("color: #555;")
        self.file_button = QPushButton(self.tr("档案"))
        self.file_button.setObjectName("buyerCardFile")
        self.file_button.setToolTip(self.tr("打开买家的客户档案（Ctrl+I）"))
        self.file_button.setFlat(True)
        # The risk warning gets a line of its own, in red, so it cannot be missed.
        self.risk = RiskLine()
        self.risk.setObjectName("buyerCardRisk")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.badges)
        top.addStretch(1)
        top.addWidget(self.file_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.figures)
        layout.addWidget(self.risk)
        self.file_button.clicked.connect(self.request_file)
        self.risk.clicked.connect(self.request_file)
        session.changed.connect(self._on_changed)

    def show_buyer(self, buyer_id: int | None) -> None:
        self.buyer_id = buyer_id
        self.card = None
        if buyer_id:
            from workbench import customers  # off the start-up path: no buyer is shown yet

            self.card = customers.card(self.session.store, buyer_id)
        self._paint()

    def badge_labels(self) -> list[QLabel]:
        return [self.badge_row.itemAt(n).widget() for n in range(self.badge_row.count())]

    def _paint(self) -> None:
        while self.badge_row.count():
            self.badge_row.takeAt(0).widget().deleteLater()
        self.setVisible(self.card is not None)
        if self.card is None:
            return
        customer = self.card.customer
        self._badge(customer.tier, "tier")
        for name in customer.classes:
            self._badge(word(name), "class")
        self.risk.setVisible(customer.risky)
        if customer.risky:
            reason = customer.risk_reason or ""
            self.risk.set_warning(self.tr("⚠ 风险买家：{0}").format(reason))
            marked = self.tr("{0}\n{1}标记于 {2}（点击打开档案）").format(
                reason, customer.risk_by_name or "", timefmt.minute(customer.risk_at or 0))
            self.risk.setToolTip(plain_text.tip(marked))
        if customer.do_not_contact:
            self._badge(word("勿扰"), "info", self.tr("买家要求不要主动联系，不发关怀"))
        if self.card.open_todos:
            self._badge(self.tr("待办 {0}").format(self.card.open_todos), "todo")
        for badge in self.card.badges:
            self._badge(badge.text, badge.kind, badge.tip)
        parts = [self.tr("累计 ¥{0:.2f} · {1} 单").format(customer.paid_total, customer.orders)]
        order = self.card.last_order
        if order:
            when = timefmt.minute(order["created_at"]) if order["created_at"] else ""
            parts.append(self.tr("最近下单 {0} {1}").format(
                when, vocabulary.word(STATUS_CHIPS.get(order["status"], order["status"]))))
        self.figures.setText("  ".join(parts))

    def _badge(self, text: str, kind: str, tip: str = "") -> None:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setObjectName(f"badge_{kind}")
        label.setStyleSheet(BADGE_STYLES.get(kind, BADGE_STYLES["info"]) + BADGE_SHAPE)
        label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        if tip:
            label.setToolTip(plain_text.tip(tip))
        self.badge_row.addWidget(label)

    def request_file(self) -> None:
        if self.buyer_id is not None:
            self.open_requested.emit(self.buyer_id)

    def _on_changed(self, changes) -> None:
        if self.buyer_id is None:
            return
        if self.buyer_id in changes.buyers or changes.orders or changes.todos:
            self.show_buyer(self.buyer_id)
