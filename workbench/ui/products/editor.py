"""The 商品 window: trainers and supervisors edit products and their size charts, the
courier table, promotions and the size reply templates; agents read them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import products, timefmt
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.filereader import MAX_AMOUNT, AmountOutOfRange, parse_amount
from workbench.products import couriers, promotions, sizes
from workbench.textnorm import split_list
from workbench.ui.item_models import PagedRows, RoomyDelegate, RowsListModel, RowsTableModel
from workbench.ui.products.tab import ProductRole, plain_label
from workbench.ui.session import Session

PAGE = 200
ItemRole = Qt.ItemDataRole.UserRole + 2


class ProductTableModel(PagedRows, RowsTableModel):
    """Every product by code, a page at a time; or the matches of a search."""

    COLUMNS = (QT_TRANSLATE_NOOP("ProductTableModel", "编码"),
               QT_TRANSLATE_NOOP("ProductTableModel", "名称"),
               QT_TRANSLATE_NOOP("ProductTableModel", "价格"),
               QT_TRANSLATE_NOOP("ProductTableModel", "库存"),
               QT_TRANSLATE_NOOP("ProductTableModel", "热销"))

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.rows: list = []
        self.query = ""
        self.total = 0

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        product = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (product.code, product.title, product.price_text, product.stock,
                    "✓" if product.hot else "")[index.column()]
        if role == ProductRole:
            return product
        return None

    def load(self, query: str) -> None:
        store = self.session.store
        self.query = query.strip()
        if self.query:
            rows = products.search(store, self.query, PAGE)
            self.total = len(rows)
        else:
            rows = products.page(store, PAGE)
            self.total = products.count(store)
        self.set_rows(rows)

    def fetch_page(self, offset: int) -> list:
        return products.page(self.session.store, PAGE, offset)


class ItemListModel(RowsListModel):
    """Couriers or promotions, each shown by a function of the window."""

    def __init__(self, label):
        super().__init__()
        self.label = label

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.row_at(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(item)
        if role == ItemRole:
            return item
        return None


def _text_edit(name: str, lines: int = 2) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setFixedHeight(lines * 22 + 12)
    return edit


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _buttons(*pairs) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    made = []
    for text, name, slot in pairs:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    return row, made


class ProductsWindow(QWidget):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.setWindowTitle(self.tr("商品资料"))
        self.setObjectName("productsWindow")
        self.resize(1000, 680)
        self.may_edit = permissions.allowed(session.agent.role, permissions.EDIT_PRODUCTS)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._products_page(), self.tr("商品与尺码表"))
        self.tabs.addTab(self._couriers_page(), self.tr("快递"))
        self.tabs.addTab(self._promotions_page(), self.tr("促销活动"))
        self.tabs.addTab(self._templates_page(), self.tr("尺码回复"))
        self.notice = plain_label(name="productsNotice")
        if not self.may_edit:
            self.notice.setText(self.tr("只有培训师和主管可以修改商品资料；你可以查看。"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs)
        for button in self.edit_buttons:
            button.setEnabled(self.may_edit)
        session.changed.connect(self._on_changed)
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show_product()

    def _run(self, operation, *args) -> bool:
        return self.session.run(operation, self.session.store, self.session.agent, *args)

    # --- products and their charts -------------------------------------------------------

    def _products_page(self) -> QWidget:
        self.search = _line("productsSearch", self.tr("搜索：名称、编码或拼音首字母"))
        self.table_model = ProductTableModel(self.session)
        self.table = QTableView()
        self.table.setObjectName("productsTable")
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 220)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)

        self.fields = {
            "code": _line("productCode"), "title": _line("productTitle"),
            "price": _line("productPrice", "129.00"),
            "link": _line("productLink", "https://"),
            "image": _line("productImage", self.tr("图片文件的路径，或图片网址")),
            "category": _line("productCategory"), "specs": _text_edit("productSpecs"),
            "material": _text_edit("productMaterial"),
            "functions": _text_edit("productFunctions"), "style": _line("productStyle"),
            "selling_points": _text_edit("productSellingPoints"),
            "related": _line("productRelated", self.tr("商品编码，用顿号或逗号分隔")),
            "stock": _line("productStock", self.tr("有货、缺货、预售 7 天……"))}
        self.hot = QCheckBox(self.tr("热销"))
        self.hot.setObjectName("productHot")
        labels = {"code": self.tr("商品编码"), "title": self.tr("商品名称"),
                  "price": self.tr("价格"), "link": self.tr("链接"), "image": self.tr("图片"),
                  "category": self.tr("类目"), "specs": self.tr("规格型号"),
                  "material": self.tr("材质面料"), "functions": self.tr("功效功用"),
                  "style": self.tr("风格潮流"), "selling_points": self.tr("特性卖点"),
                  "related": self.tr("配套/关联商品"), "stock": self.tr("库存")}
        form = QFormLayout()
        for name, widget in self.fields.items():
            if name == "image":
                pick = QPushButton(self.tr("选择图片…"))
                pick.clicked.connect(self._pick_image)
                row = QHBoxLayout()
                row.addWidget(widget, 1)
                row.addWidget(pick)
                form.addRow(labels[name], row)
            else:
                form.addRow(labels[name], widget)
        form.addRow("", self.hot)
        product_buttons, made = _buttons(
            (self.tr("新建"), "productNew", self.new_product),
            (self.tr("保存商品"), "productSave", self.save_product),
            (self.tr("删除"), "productDelete", self.delete_product))
        self.edit_buttons = list(made)
        self.chart = _text_edit("productChart", 5)
        self.chart.setPlaceholderText(self.tr("一行一个尺码：尺码 身高范围 体重范围，"
                                              "例如 M 160-165 48-55；没有的范围写 -"))
        chart_buttons, made = _buttons((self.tr("保存尺码表"), "chartSave", self.save_chart))
        self.edit_buttons += made
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addLayout(product_buttons)
        right_layout.addWidget(QLabel(self.tr("尺码表（厘米、公斤）")))
        right_layout.addWidget(self.chart)
        right_layout.addLayout(chart_buttons)
        right_layout.addStretch(1)
        # The editor scrolls: its fields and the size chart are taller than a 1280×800
        # screen leaves a window, and 保存尺码表 fell off its bottom.
        right_scroll = QScrollArea()
        right_scroll.setObjectName("productEditorScroll")
        right_scroll.setWidgetResizable(True)
        right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right_scroll.setWidget(right)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right_scroll)
        splitter.setSizes([420, 560])
        self.search.textChanged.connect(self.table_model.load)
        # Only while shown: the table's selection also changes as the window is destroyed,
        # after the store has closed.
        self.table.selectionModel().currentChanged.connect(
            lambda *_: self.isVisible() and self._show_product())
        self.table_model.modelReset.connect(lambda: self.isVisible() and self._show_product())
        return splitter

    def _pick_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择商品图片"), "",
            self.tr("图片 (*.png *.jpg *.jpeg *.gif *.webp *.bmp)"))
        if path:
            self.fields["image"].setText(path)   # copied into the data dir on save

    def selected_product(self):
        index = self.table.currentIndex()
        return index.data(ProductRole) if index.isValid() else None

    def select_product(self, code: str) -> bool:
        for row, product in enumerate(self.table_model.rows):
            if product.code == code:
                self.table.setCurrentIndex(self.table_model.index(row, 0))
                return True
        return False

    def _show_product(self) -> None:
        product = self.selected_product()
        self.editing_id = product.id if product else None
        store = self.session.store
        for name, widget in self.fields.items():
            if name == "related":
                value = "、".join(products.related_codes(store, product)) if product else ""
            elif name == "price":
                value = f"{product.price:.2f}" if product and product.price is not None else ""
            else:
                value = getattr(product, name) if product else ""
            (widget.setPlainText if isinstance(widget, QPlainTextEdit) else widget.setText)(
                value)
        self.hot.setChecked(bool(product and product.hot))
        self.chart.setPlainText("\n".join(row.line() for row in sizes.chart(store, product.id))
                                if product else "")

    def _value(self, name: str) -> str:
        widget = self.fields[name]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def new_product(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self._show_product()
        self.fields["code"].setFocus()

    def save_product(self) -> bool:
        price_text = self._value("price").strip()
        try:
            price = parse_amount(price_text) if price_text else None
        except AmountOutOfRange:
            self.session.refused.emit(
                self.tr("价格“{0}”不是合理的价格：不能是负数，也不能超过 {1}。")
                .format(price_text, MAX_AMOUNT))
            return False
        except ValueError:
            self.session.refused.emit(self.tr("价格“{0}”不是数字。").format(price_text))
            return False
        draft = products.Draft(
            **{name: self._value(name) for name in ("code", "title", "link", "image",
                                                    "category", "specs", "material",
                                                    "functions", "style", "selling_points",
                                                    "stock")},
            price=price, hot=int(self.hot.isChecked()),
            related=tuple(split_list(self._value("related"))))
        done = self._run(products.save, draft, self.session.clock(), self.editing_id)
        if done:
            self.table_model.load(self.search.text())
            self.select_product(draft.code.strip())
        return done

    def delete_product(self) -> bool:
        product = self.selected_product()
        return product is not None and self._run(products.delete, product.id,
                                                 self.session.clock())

    def save_chart(self) -> bool:
        product = self.selected_product()
        if product is None:
            self.session.refused.emit(self.tr("请先选择一件商品。"))
            return False
        try:
            rows = sizes.parse_lines(self.chart.toPlainText())
        except Refused as refusal:
            self.session.refused.emit(str(refusal))
            return False
        return self._run(sizes.save_chart, product.id, rows, self.session.clock())

    # --- couriers ----------------------------------------------------------------------

    def _couriers_page(self) -> QWidget:
        self.courier_model = ItemListModel(
            lambda c: c.name + (self.tr("（默认）") if c.is_default else ""))
        self.courier_list = QListView()
        self.courier_list.setObjectName("courierList")
        self.courier_list.setModel(self.courier_model)
        self.courier_name = _line("courierName")
        self.courier_url = _line("courierUrl", "https://…?no={单号}")  # ascii: a web address
        self.courier_contact = _line("courierContact")
        self.courier_default = QCheckBox(self.tr("店铺默认快递"))
        self.courier_default.setObjectName("courierDefault")
        self.courier_note = _line("courierNote")
        self.courier_rates = _text_edit("courierRates", 5)
        self.courier_rates.setPlaceholderText(self.tr("一行一个地区：地区 运费 天数，例如\n"
                                                      "江苏、浙江、上海 5 1-2\n其他 10 3-5"))
        form = QFormLayout()
        form.addRow(self.tr("快递公司"), self.courier_name)
        form.addRow(self.tr("查件链接"), self.courier_url)
        form.addRow(self.tr("联系方式"), self.courier_contact)
        form.addRow("", self.courier_default)
        form.addRow(self.tr("备注"), self.courier_note)
        form.addRow(self.tr("运费与时效"), self.courier_rates)
        row, made = _buttons((self.tr("新建"), "courierNew", self.new_courier),
                             (self.tr("保存快递"), "courierSave", self.save_courier),
                             (self.tr("删除"), "courierDelete", self.delete_courier))
        self.edit_buttons += made
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addWidget(self.courier_list, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(row)
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.courier_list.selectionModel().currentChanged.connect(
            lambda *_: self.isVisible() and self._show_courier())
        return page

    def selected_courier(self):
        index = self.courier_list.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def _show_courier(self) -> None:
        courier = self.selected_courier()
        self.courier_name.setText(courier.name if courier else "")
        self.courier_url.setText(courier.tracking_url if courier else "")
        self.courier_contact.setText(courier.contact if courier else "")
        self.courier_default.setChecked(bool(courier and courier.is_default))
        self.courier_note.setText(courier.note if courier else "")
        self.courier_rates.setPlainText("\n".join(r.line() for r in courier.rates)
                                        if courier else "")

    def new_courier(self) -> None:
        self.courier_list.setCurrentIndex(QModelIndex())
        self._show_courier()

    def save_courier(self) -> bool:
        courier = self.selected_courier()
        try:
            rates = couriers.parse_rate_lines(self.courier_rates.toPlainText())
        except Refused as refusal:
            self.session.refused.emit(str(refusal))
            return False
        draft = couriers.Draft(self.courier_name.text(), self.courier_url.text(),
                               self.courier_contact.text(), self.courier_default.isChecked(),
                               self.courier_note.text(), rates)
        return self._run(couriers.save, draft, self.session.clock(),
                         courier.id if courier else None)

    def delete_courier(self) -> bool:
        courier = self.selected_courier()
        return courier is not None and self._run(couriers.delete, courier.id,
                                                 self.session.clock())

    # --- promotions --------------------------------------------------------------------

    def _promotions_page(self) -> QWidget:
        self.promotion_model = ItemListModel(self._promotion_label)
        self.promotion_list = QListView()
        self.promotion_list.setObjectName("promotionList")
        self.promotion_list.setModel(self.promotion_model)
        self.promotion_list.setWordWrap(True)
        # Two lines a row (name and state, then start–end): without the room, Qt shows
        # only the first, elided.
        self.promotion_list.setItemDelegate(RoomyDelegate(self.promotion_list))
        self.promotion_name = _line("promotionName")
        now = QDateTime.fromSecsSinceEpoch(int(self.session.clock()))
        self.promotion_start = QDateTimeEdit(now)
        self.promotion_end = QDateTimeEdit(now.addDays(1))
        for edit, name in ((self.promotion_start, "promotionStart"),
                           (self.promotion_end, "promotionEnd")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.promotion_codes = _line("promotionCodes", self.tr("不填则为全店活动"))
        self.promotion_rules = _text_edit("promotionRules", 3)
        self.promotion_coupons = _line("promotionCoupons")
        self.promotion_gifts = _line("promotionGifts")
        self.promotion_replies = {name: _line(f"promotion_{name}",
                                              self.tr("留空：用团队平时的自动回复"))
                                  for name in promotions.AUTO_REPLIES}
        reply_labels = {"greeting": self.tr("欢迎语"), "busy_reply": self.tr("忙碌时自动回复"),
                        "away_reply": self.tr("离开时自动回复"),
                        "queue_reply": self.tr("排队时自动回复")}
        form = QFormLayout()
        form.addRow(self.tr("活动名称"), self.promotion_name)
        form.addRow(self.tr("开始"), self.promotion_start)
        form.addRow(self.tr("结束"), self.promotion_end)
        form.addRow(self.tr("活动商品"), self.promotion_codes)
        form.addRow(self.tr("活动细则"), self.promotion_rules)
        form.addRow(self.tr("优惠券"), self.promotion_coupons)
        form.addRow(self.tr("赠品"), self.promotion_gifts)
        for name, edit in self.promotion_replies.items():
            form.addRow(reply_labels[name], edit)
        hint = plain_label(self.tr("活动期间，这里写的自动回复代替团队平时的自动回复；"
                                   "活动一结束，平时的自动回复马上恢复。"))
        row, made = _buttons((self.tr("新建"), "promotionNew", self.new_promotion),
                             (self.tr("保存活动"), "promotionSave", self.save_promotion),
                             (self.tr("删除"), "promotionDelete", self.delete_promotion))
        self.edit_buttons += made
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addWidget(self.promotion_list, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(hint)
        right.addLayout(row)
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.promotion_list.selectionModel().currentChanged.connect(
            lambda *_: self.isVisible() and self._show_promotion())
        return page

    def _promotion_label(self, promotion: promotions.Promotion) -> str:
        now = self.session.clock()
        state = (self.tr("进行中") if promotion.running(now) else
                 self.tr("未开始") if now < promotion.starts_at else self.tr("已结束"))
        return (f"{promotion.name}（{state}）\n{timefmt.minute(promotion.starts_at)} — "
                f"{timefmt.minute(promotion.ends_at)}")

    def selected_promotion(self):
        index = self.promotion_list.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    def _show_promotion(self) -> None:
        promotion = self.selected_promotion()
        self.promotion_name.setText(promotion.name if promotion else "")
        if promotion:
            self.promotion_start.setDateTime(
                QDateTime.fromSecsSinceEpoch(int(promotion.starts_at)))
            self.promotion_end.setDateTime(QDateTime.fromSecsSinceEpoch(int(promotion.ends_at)))
        self.promotion_codes.setText("、".join(promotion.codes) if promotion else "")
        self.promotion_rules.setPlainText(promotion.rules if promotion else "")
        self.promotion_coupons.setText(promotion.coupons if promotion else "")
        self.promotion_gifts.setText(promotion.gifts if promotion else "")
        for name, edit in self.promotion_replies.items():
            edit.setText(promotion.auto_replies.get(name, "") if promotion else "")

    def new_promotion(self) -> None:
        self.promotion_list.setCurrentIndex(QModelIndex())
        self._show_promotion()

    def save_promotion(self) -> bool:
        promotion = self.selected_promotion()
        draft = promotions.Draft(
            self.promotion_name.text(), float(self.promotion_start.dateTime().toSecsSinceEpoch()),
            float(self.promotion_end.dateTime().toSecsSinceEpoch()),
            self.promotion_rules.toPlainText(), self.promotion_coupons.text(),
            self.promotion_gifts.text(), tuple(split_list(self.promotion_codes.text())),
            {name: edit.text() for name, edit in self.promotion_replies.items()})
        return self._run(promotions.save, draft, self.session.clock(),
                         promotion.id if promotion else None)

    def delete_promotion(self) -> bool:
        promotion = self.selected_promotion()
        return promotion is not None and self._run(promotions.delete, promotion.id,
                                                   self.session.clock())

    # --- size reply templates ------------------------------------------------------------

    def _templates_page(self) -> QWidget:
        self.template_size = _text_edit("templateSize", 3)
        self.template_also = _text_edit("templateSizeAlso", 3)
        hint = plain_label(self.tr("可用变量：{尺码} {商品} {备选尺码} {身高体重}。"
                                   "客服在商品页签按 Alt+S 发送。"))
        form = QFormLayout()
        form.addRow(self.tr("推荐一个尺码"), self.template_size)
        form.addRow(self.tr("在两个尺码之间"), self.template_also)
        row, made = _buttons((self.tr("保存模板"), "templatesSave", self.save_templates))
        self.edit_buttons += made
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def save_templates(self) -> bool:
        templates = products.Templates(self.template_size.toPlainText(),
                                       self.template_also.toPlainText())
        return self._run(products.save_templates, templates, self.session.clock())

    # --- following changes ---------------------------------------------------------------

    def reload(self) -> None:
        store = self.session.store
        selected = self.selected_product()
        self.table_model.load(self.search.text())
        if selected is not None:
            self.select_product(selected.code)
        for model, view, items in (
                (self.courier_model, self.courier_list, couriers.all_couriers(store)),
                (self.promotion_model, self.promotion_list, promotions.all_promotions(store))):
            chosen = view.currentIndex().data(ItemRole) if view.currentIndex().isValid() \
                else None
            model.set_rows(items)
            found = next((n for n, item in enumerate(items)
                          if chosen is not None and item.name == chosen.name), None)
            if found is not None:
                view.setCurrentIndex(model.index(found))
        templates = products.load_templates(store)
        self.template_size.setPlainText(templates.size)
        self.template_also.setPlainText(templates.size_also)

    def _on_changed(self, changes) -> None:
        if changes.products:
            self.reload()
