"""The 商品 tab beside the quick phrases: the product the conversation is about, a size
proposal from the buyer's height and weight, matching products, running promotions, and a
search over the whole catalog. Enter sends a product card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench import conversations, quickphrases, timefmt
from workbench.ui.item_models import RowsListModel
from workbench.ui.plain_text import tip
from workbench.ui.session import Session

if TYPE_CHECKING:
    from workbench.products import Product, sizes

ProductRole = Qt.ItemDataRole.UserRole + 1
LIST_LIMIT = 100
RECENT_MESSAGES = 20            # how far back buyer messages are read for measurements
PROMOTION_CHECK_MS = 30_000     # promotions start and end with the clock
# The names of the product knowledge (Product.knowledge), for lupdate and translate().
KNOWLEDGE_LABELS = (QT_TRANSLATE_NOOP("ProductKnowledge", "规格"),
                    QT_TRANSLATE_NOOP("ProductKnowledge", "材质"),
                    QT_TRANSLATE_NOOP("ProductKnowledge", "功效"),
                    QT_TRANSLATE_NOOP("ProductKnowledge", "风格"),
                    QT_TRANSLATE_NOOP("ProductKnowledge", "卖点"))


def knowledge_text(product: Product) -> str:
    """The product knowledge, one label and text a line, the labels in the window's
    language."""
    line = QCoreApplication.translate("ProductKnowledge", "{0}：{1}")
    return "\n".join(line.format(QCoreApplication.translate("ProductKnowledge", label), text)
                     for label, text in product.knowledge())


def plain_label(text: str = "", name: str = "", colour: str = "", bold: bool = False
                ) -> QLabel:
    """A label that never interprets markup: product texts are shown as written. Colour and
    weight go through the palette and font (a style sheet per label costs start-up time)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if colour:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        label.setPalette(palette)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class ProductListModel(RowsListModel):
    """Products as two lines: the title, then price, code and stock."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        product: Product | None = self.row_at(index)
        if product is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            details = [part for part in (product.price_text, product.code, product.stock)
                       if part]
            if product.hot:
                details.append(self.tr("热销"))
            return f"{product.title}\n" + " · ".join(details)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(knowledge_text(product) or product.title)
        if role == ProductRole:
            return product
        return None


def product_list(name: str, model: ProductListModel) -> QListView:
    """Two lines a product, long titles elided (the tooltip and the header show them whole):
    rows of one height lay out at once, which keeps a keystroke's search fast."""
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)
    view.setUniformItemSizes(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
    return view


class _ArrowKeys(QObject):
    """Up and Down in the search box move through the results, as in a completer."""

    def __init__(self, view: QListView):
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up,
                                                                    Qt.Key.Key_Down):
            model = self.view.model()
            if model.rowCount():
                row = self.view.currentIndex().row()
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = min(max(row + step, 0), model.rowCount() - 1)
                self.view.setCurrentIndex(model.index(row))
            return True
        return False


class ProductTab(QWidget):
    """Emits ``title_changed`` with the tab's title, which names the proposed size while
    there is one, so the agent sees it from the phrases tab too."""

    title_changed = Signal(str)

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.order_id: str | None = None
        self.product: Product | None = None
        self.advice: sizes.Advice | None = None
        self.body: sizes.Body | None = None
        self.filled = False  # the catalog is read when the tab is first looked at

        self.context_title = plain_label(name="productContextTitle", bold=True)
        self.context_meta = plain_label(name="productContextMeta", colour="#e53935")
        self.context_knowledge = plain_label(name="productContextKnowledge")
        self.send_context_button = QPushButton(self.tr("发送卡片"))
        self.send_context_button.setObjectName("sendContextCard")
        head = QHBoxLayout()
        head.addWidget(self.context_title, 1)
        head.addWidget(self.send_context_button)
        context = QFrame()
        context.setObjectName("productContext")
        context.setFrameShape(QFrame.Shape.StyledPanel)
        context_layout = QVBoxLayout(context)
        context_layout.setContentsMargins(6, 4, 6, 4)
        context_layout.addLayout(head)
        context_layout.addWidget(self.context_meta)
        context_layout.addWidget(self.context_knowledge)

        self.size_title = plain_label(name="sizeProposal", colour="#2e7d32", bold=True)
        self.size_reason = plain_label(name="sizeReason")
        self.size_button = QPushButton(self.tr("发送尺码回复（Alt+S）"))
        self.size_button.setObjectName("sendSizeReply")
        self.size_box = QFrame()
        self.size_box.setObjectName("sizeBox")
        self.size_box.setAutoFillBackground(True)
        background = self.size_box.palette()
        background.setColor(QPalette.ColorRole.Window, QColor("#f1f8e9"))
        self.size_box.setPalette(background)
        size_layout = QVBoxLayout(self.size_box)
        size_layout.setContentsMargins(6, 4, 6, 4)
        size_layout.addWidget(self.size_title)
        size_layout.addWidget(self.size_reason)
        size_layout.addWidget(self.size_button)

        self.related_title = QLabel(self.tr("关联推荐（Enter 或双击发送）"))
        self.related_model = ProductListModel()
        self.related_view = product_list("relatedProducts", self.related_model)
        self.related_view.setMaximumHeight(96)
        self.promotions = plain_label(name="runningPromotions", colour="#bf360c")

        self.search = QLineEdit()
        self.search.setObjectName("productSearch")
        self.search.setPlaceholderText(self.tr("搜索商品：名称、编码或拼音首字母，Enter 发送卡片"))
        self.search.setClearButtonEnabled(True)
        self.model = ProductListModel()
        self.view = product_list("productList", self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(context)
        layout.addWidget(self.size_box)
        layout.addWidget(self.related_title)
        layout.addWidget(self.related_view)
        layout.addWidget(self.promotions)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)

        self.search.textChanged.connect(self._on_query)
        self.search.returnPressed.connect(self.send_selected)
        self.search.installEventFilter(_ArrowKeys(self.view))
        self.view.activated.connect(lambda index: self.send_card(index.data(ProductRole)))
        self.related_view.activated.connect(
            lambda index: self.send_card(index.data(ProductRole)))
        self.send_context_button.clicked.connect(lambda: self.send_card(self.product))
        self.size_button.clicked.connect(self.send_size_reply)
        self.model.modelReset.connect(self._select_first)
        session.conversation_selected.connect(lambda _conversation: self.refresh())
        session.changed.connect(self._on_changed)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.show_promotions)
        self._clock.start(PROMOTION_CHECK_MS)

    def showEvent(self, event) -> None:
        self.fill()
        super().showEvent(event)

    def fill(self) -> None:
        """Read the catalog when first looked at, not at start-up: the window paints first."""
        if not self.filled:
            self.filled = True
            self._on_query(self.search.text())
            self.refresh()

    # --- the search ----------------------------------------------------------------------

    def _on_query(self, text: str) -> None:
        from workbench import products

        self.model.set_rows(products.search(self.session.store, text, LIST_LIMIT))

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0))

    def selected(self) -> Product | None:
        index = self.view.currentIndex()
        return index.data(ProductRole) if index.isValid() else None

    def send_selected(self) -> bool:
        """Enter in the search box: the highlighted result goes out as a card."""
        return self.send_card(self.selected())

    def send_card(self, product: Product | None) -> bool:
        if product is None:
            return False
        if self.session.current is None:
            self.session.refused.emit(self.tr("请先选择一个会话，再发送商品卡片。"))
            return False
        return self.session.send_card(product.card())

    # --- what the conversation is about --------------------------------------------------

    def set_order(self, order) -> None:
        """The order the sidebar shows: its first item is the product in context when the
        conversation has no card."""
        order_id = order.id if order is not None else None
        if order_id != self.order_id:
            self.order_id = order_id
            self.refresh()

    def _on_changed(self, changes) -> None:
        current = self.session.current
        if changes.products:
            self._on_query(self.search.text())
            self.refresh()
        elif current is not None and current.id in changes.conversations and changes.messages:
            self.refresh()

    def refresh(self) -> None:
        from workbench import products
        from workbench.products import sizes

        conversation = self.session.current
        store = self.session.store
        self.product = products.in_context(store, conversation.id if conversation else None,
                                           self.order_id)
        self._show_product()
        self.related_model.set_rows(products.related(store, self.product)
                                    if self.product else [])
        self.related_title.setVisible(bool(self.related_model.rows))
        self.related_view.setVisible(bool(self.related_model.rows))
        self.body = sizes.read_recent(self._buyer_texts())
        self.advice = (sizes.advise(sizes.chart(store, self.product.id), self.body)
                       if self.product and self.body else None)
        self._show_advice()
        self.show_promotions()

    def _buyer_texts(self) -> list[str]:
        conversation = self.session.current
        if conversation is None:
            return []
        return [m.text for m in reversed(conversations.history(
            self.session.store, conversation.id, limit=RECENT_MESSAGES))
            if m.sender == "buyer" and m.kind == "text"]

    def _show_product(self) -> None:
        product = self.product
        self.send_context_button.setEnabled(product is not None)
        if product is None:
            self.context_title.setText(self.tr("还不知道买家在问哪件商品"))
            self.context_meta.setText("")
            self.context_knowledge.setText(self.tr("发送或收到商品卡片、或在右侧打开买家的订单后，"
                                                   "这里显示商品的规格、材质和卖点。"))
            return
        self.context_title.setText(product.title)
        meta = [product.price_text, product.code, product.stock]
        if product.hot:
            meta.append(self.tr("热销"))
        self.context_meta.setText(" · ".join(part for part in meta if part))
        self.context_knowledge.setText(knowledge_text(product))

    def _show_advice(self) -> None:
        advice = self.advice
        self.size_box.setVisible(bool(self.body))
        self.size_button.setEnabled(advice is not None and advice.size is not None)
        if not self.body:
            self.title_changed.emit(self.tr("商品"))
            return
        if advice is None:
            self.size_title.setText(self.tr("买家给了身高体重：{0}").format(self.body.describe()))
            self.size_reason.setText(self.tr("还不知道是哪件商品：先发送商品卡片，再推荐尺码。"))
            self.title_changed.emit(self.tr("商品"))
            return
        if advice.size is None:
            self.size_title.setText(self.tr("无法推荐尺码"))
            self.title_changed.emit(self.tr("商品"))
        else:
            also = self.tr("（也可 {0}）").format(advice.also) if advice.also else ""
            self.size_title.setText(self.tr("建议尺码：{0}{1}").format(advice.size, also))
            self.title_changed.emit(self.tr("商品 · {0}码").format(advice.size))
        self.size_reason.setText(advice.reason)

    def size_reply(self) -> str | None:
        """The team's size reply for the proposal, variables filled."""
        advice = self.advice
        if advice is None or advice.size is None or self.product is None:
            return None
        from workbench import products

        templates = products.load_templates(self.session.store)
        text = templates.size_also if advice.also else templates.size
        return quickphrases.fill(text, {"尺码": advice.size, "商品": self.product.title,
                                        "备选尺码": advice.also or "",
                                        "身高体重": self.body.describe()})

    def send_size_reply(self) -> bool:
        """One key (Alt+S): the size reply goes to the buyer."""
        text = self.size_reply()
        return bool(text) and self.session.send_text(text)

    def stop(self) -> None:
        """The window is closing: the store goes with it."""
        self._clock.stop()

    # --- promotions --------------------------------------------------------------------

    def show_promotions(self) -> None:
        from workbench.products import promotions

        running = promotions.running(self.session.store, self.session.clock(),
                                     self.product.code if self.product else None)
        lines = []
        for promotion in running:
            parts = [self.tr("【{0}】至 {1}").format(promotion.name,
                                                   timefmt.minute(promotion.ends_at))]
            parts += [text for text in (promotion.rules, promotion.coupons, promotion.gifts)
                      if text]
            lines.append("；".join(parts))
        self.promotions.setText("\n".join(lines))
        self.promotions.setVisible(bool(lines))
