"""A buyer's file (客户档案): who they are, what they bought, their tier and its rights, the
classes and risk mark, tags, notes and the history of every change. Agents edit the
file's own fields here (one place, each change kept); supervisors set or lift the risk
mark; phones are masked for everyone but supervisors."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import customers, orders, textnorm, timefmt
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.ui import vocabulary
from workbench.ui.customers.words import word
from workbench.ui.item_models import RowsListModel
from workbench.ui.plain_text import tip

RISK_STYLE = "color: white; background: #c62828; padding: 4px; border-radius: 4px;"


def plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class LinesModel(RowsListModel):
    """A short list of lines (notes, addresses, history, orders); the row's value is kept
    under UserRole."""

    def __init__(self):
        super().__init__()
        self.rows: list[tuple[str, object]] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(row[0])
        if role == Qt.ItemDataRole.DisplayRole:
            return row[0]
        if role == Qt.ItemDataRole.UserRole:
            return row[1]
        return None


def _list(model: LinesModel, name: str) -> QListView:
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)
    view.setWordWrap(True)
    view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
    return view


class CustomerFileWindow(QWidget):
    def __init__(self, ui, buyer_id: int, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ui = ui
        self.session = ui.session
        self.buyer_id = buyer_id
        self.file: customers.CustomerFile | None = None
        viewer = self.session.agent
        self.supervisor = permissions.allowed(viewer.role, permissions.MARK_RISK_BUYERS)
        self.whole_phones = permissions.allowed(viewer.role, permissions.SEE_WHOLE_PHONES)
        self.setObjectName("customerFileWindow")
        self.resize(820, 680)

        self.title = plain()
        self.title.setObjectName("customerFileTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.risk = plain()
        self.risk.setObjectName("customerFileRisk")
        self.risk.setStyleSheet(RISK_STYLE)
        self.figures = QLabel()
        self.figures.setObjectName("customerFileFigures")
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.rights = plain()
        self.rights.setObjectName("customerFileRights")

        # The file's own fields, edited in one place.
        self.name = QLineEdit()
        self.name.setObjectName("customerName")
        self.gender = QComboBox()
        self.gender.setObjectName("customerGender")
        for value in customers.GENDERS:
            self.gender.addItem(word(value) if value else self.tr("未填"), value)
        self.phone = QLineEdit()
        self.phone.setObjectName("customerPhone")
        self.source = QLineEdit()
        self.source.setObjectName("customerSource")
        self.source.setPlaceholderText(self.tr("例如：直通车、老客推荐、微信群"))
        self.tags = QLineEdit()
        self.tags.setObjectName("customerTags")
        self.tags.setPlaceholderText(self.tr("标签，用逗号分隔"))
        self.no_contact = QCheckBox(self.tr("买家要求不要主动联系（不发关怀）"))
        self.no_contact.setObjectName("customerNoContact")
        save = QPushButton(self.tr("保存修改"))
        save.setObjectName("customerSave")
        form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("性别"), self.gender)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("标签"), self.tags)
        form.addRow(self.no_contact)
        form.addRow(save)
        edit_box = QGroupBox(self.tr("档案信息"))
        edit_box.setLayout(form)

        self.risk_reason = QLineEdit()
        self.risk_reason.setObjectName("customerRiskReason")
        self.risk_button = QPushButton()
        self.risk_button.setObjectName("customerRiskButton")
        risk_row = QHBoxLayout()
        risk_row.addWidget(self.risk_reason, 1)
        risk_row.addWidget(self.risk_button)
        risk_box = QGroupBox(self.tr("风险买家标记（主管）"))
        risk_box.setLayout(risk_row)
        risk_box.setVisible(self.supervisor)

        self.note = QLineEdit()
        self.note.setObjectName("customerNote")
        self.note.setPlaceholderText(self.tr("写一条备注，Enter 添加（署名和时间自动加上）"))
        self.notes_model = LinesModel()
        self.addresses_model = LinesModel()
        self.orders_model = LinesModel()
        self.history_model = LinesModel()
        self.orders_view = _list(self.orders_model, "customerOrders")
        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        notes_layout.addWidget(self.note)
        notes_layout.addWidget(_list(self.notes_model, "customerNotes"), 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(notes_page, self.tr("备注"))
        self.tabs.addTab(self.orders_view, self.tr("订单"))
        self.tabs.addTab(_list(self.addresses_model, "customerAddresses"), self.tr("收货地址"))
        self.tabs.addTab(_list(self.history_model, "customerHistory"), self.tr("变更记录"))

        self.chat_button = QPushButton(self.tr("打开会话"))
        self.chat_button.setObjectName("customerOpenChat")
        self.message = plain()
        self.message.setObjectName("customerFileMessage")
        self.message.setStyleSheet("color: #c62828;")

        top = QGridLayout()
        top.addWidget(self.title, 0, 0)
        top.addWidget(self.chat_button, 0, 1)
        top.addWidget(self.risk, 1, 0, 1, 2)
        top.addWidget(self.figures, 2, 0, 1, 2)
        top.addWidget(self.rights, 3, 0, 1, 2)
        top.setColumnStretch(0, 1)
        middle = QHBoxLayout()
        middle.addWidget(edit_box, 1)
        right = QVBoxLayout()
        right.addWidget(risk_box)
        right.addWidget(self.tabs, 1)
        middle.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)

        save.clicked.connect(self.save)
        self.note.returnPressed.connect(self.add_note)
        self.risk_button.clicked.connect(self.toggle_risk)
        self.chat_button.clicked.connect(self.open_chat)
        self.orders_view.activated.connect(self.open_order)
        self.orders_view.doubleClicked.connect(self.open_order)
        self.session.changed.connect(self._on_changed)
        self.reload()

    # --- showing ---------------------------------------------------------------------

    def reload(self) -> None:
        store = self.session.store
        self.file = customers.open_file(store, self.buyer_id)
        if self.file is None:
            self.title.setText(self.tr("这位买家已不存在。"))
            return
        file, customer = self.file, self.file.customer
        self.setWindowTitle(self.tr("客户档案 — {0}").format(customer.nick))
        classes = "、".join(word(n) for n in customer.classes)
        self.title.setText(f"{customer.nick}（{customer.tier}）" + (f"  {classes}" if classes
                                                                    else ""))
        self.risk.setVisible(customer.risky)
        if customer.risky:
            self.risk.setText(self.tr("⚠ 风险买家：{0}（{1}，{2}）").format(
                customer.risk_reason, customer.risk_by_name or "",
                timefmt.minute(customer.risk_at or 0)))
        self.risk_reason.setText("")
        self.risk_reason.setPlaceholderText(self.tr("解除的原因") if customer.risky
                                            else self.tr("标记的原因，例如：多次以差评要挟"))
        self.risk_button.setText(self.tr("解除风险标记") if customer.risky
                                 else self.tr("标记为风险买家"))

        def when(at):
            return timefmt.minute(at) if at else "—"

        average = f"¥{customer.average_order:.2f}" if customer.average_order else "—"
        interval = (self.tr("{0:.0f} 天").format(customer.repurchase_days)
                    if customer.repurchase_days is not None else "—")
        self.figures.setText("\n".join((
            self.tr("购买 {0} 次 · 累计 ¥{1:.2f} · {2} 件 · 客单价 {3} · 回购间隔 {4}").format(
                customer.orders, customer.paid_total, customer.items, average, interval),
            self.tr("首次购买 {0} · 最近购买 {1}").format(when(customer.first_order_at),
                                                   when(customer.last_order_at)),
            self.tr("咨询 {0} 天 · 最近咨询 {1} · 未完成待办 {2}").format(
                customer.chats, when(customer.last_chat_at), file.open_todos))))
        tier = file.tier
        self.rights.setText(self.tr("{0}权益 — 价格：{1}；服务：{2}；专享：{3}").format(
            tier.name, tier.price_rights or "—", tier.service_rights or "—",
            tier.exclusive_rights or "—"))
        self.name.setText(customer.name or "")
        self.name.setPlaceholderText(file.name if not customer.name else "")
        self.gender.setCurrentIndex(max(self.gender.findData(customer.gender or ""), 0))
        if self.whole_phones:
            self.phone.setText(customer.phone or "")
            self.phone.setPlaceholderText(file.phone if not customer.phone else "")
        else:
            # Agents see the number masked and may write a new one, never read the old.
            self.phone.setText("")
            self.phone.setPlaceholderText(customers.shown_phone(self.session.agent, file.phone)
                                          or self.tr("未填"))
        self.source.setText(customer.source or "")
        self.tags.setText("，".join(customer.tags))
        self.no_contact.setChecked(bool(customer.do_not_contact))
        self.notes_model.set_rows((f"{n.text}\n—{n.agent_name or ''} {timefmt.minute(n.at)}", n)
                                  for n in file.notes)
        used = self.tr("最近 {0}，共 {1} 单")
        self.addresses_model.set_rows(
            (f"{a.address}（{a.receiver_name or '—'}，"
             f"{customers.shown_phone(self.session.agent, a.phone) or '—'}）\n"
             + used.format(timefmt.minute(a.last_used), a.used), a) for a in file.addresses)
        self.orders_model.set_rows(
            (f"{o.id}  {vocabulary.word(o.status_name)}  ¥{o.total or 0:.2f}  "
             f"{when(o.created_at)}", o.id) for o in orders.for_buyer(store, self.buyer_id))
        system = self.tr("系统")
        self.history_model.set_rows(
            (f"{timefmt.minute(h.at)} {h.agent_name or system}：{self._history(h)}", h)
            for h in file.history)
        self.chat_button.setEnabled(
            orders.conversation_of_buyer(store, self.buyer_id) is not None)

    def _history(self, entry: customers.HistoryEntry) -> str:
        label = word(customers.HISTORY_KINDS.get(entry.kind, entry.kind))
        old, new = entry.old, entry.new
        if entry.kind == "field:phone":
            old = customers.shown_phone(self.session.agent, old)
            new = customers.shown_phone(self.session.agent, new)
        empty = self.tr("（空）")
        text = f"{label}：{old or empty} → {new or empty}"
        return text + (f"（{entry.reason}）" if entry.reason else "")

    # --- editing ---------------------------------------------------------------------

    def save(self) -> bool:
        """Save what changed in the form; each field's change goes into the history."""
        if self.file is None:
            return False
        store, agent, now = self.session.store, self.session.agent, self.session.clock()
        fields = {"name": self.name.text(), "gender": self.gender.currentData(),
                  "source": self.source.text()}
        if self.whole_phones or self.phone.text().strip():
            fields["phone"] = self.phone.text()
        return self._run(customers.save_file, store, self.buyer_id, agent, now, fields,
                         textnorm.split_list(self.tags.text()), self.no_contact.isChecked())

    def add_note(self) -> bool:
        if self._run(customers.add_note, self.session.store, self.buyer_id,
                     self.session.agent, self.note.text(), self.session.clock()):
            self.note.clear()
            return True
        return False

    def toggle_risk(self) -> bool:
        if self.file is None:
            return False
        operation = customers.lift_risk if self.file.customer.risky else customers.set_risk
        return self._run(operation, self.session.store, self.buyer_id, self.session.agent,
                         self.risk_reason.text(), self.session.clock())

    def _run(self, operation, *args) -> bool:
        """Run a change; a refusal is said here, where the agent is looking."""
        try:
            changes = operation(*args)
        except Refused as refusal:
            self.message.setText(str(refusal))
            return False
        self.message.setText("")
        self.session.publish(changes)
        return True

    def open_chat(self) -> bool:
        return self.ui.open_chat(self.buyer_id)

    def open_order(self, index: QModelIndex) -> bool:
        order_id = index.data(Qt.ItemDataRole.UserRole)
        orders_ui = getattr(self.ui.window, "orders_ui", None)
        return bool(order_id and orders_ui is not None and orders_ui.open_order(order_id))

    def _on_changed(self, changes) -> None:
        if self.buyer_id in changes.buyers or changes.orders or changes.todos:
            self.reload()
