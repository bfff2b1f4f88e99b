"""The 售后 dialogs: a new case (from a message or an order), a step of a case, the team's
after-sale policy, and the area's help.

Shown with ``open()``: nothing blocks. A refusal keeps the dialog open with the reason.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench import aftersale, orders
from workbench.accounts import permissions
from workbench.aftersale import Case, cases, machine, policy, wording
from workbench.changes import Refused
from workbench.ui.aftersale.terms import term
from workbench.ui.vocabulary import word

NOTE_PREFILL_CHARS = 60
ERROR_STYLE = "color: #c62828;"
MAX_AMOUNT = 1_000_000.0


def plain(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def no_inducement() -> str:
    """The platforms' rule, said wherever a bad review is handled."""
    return QCoreApplication.translate(
        "AftersaleHelp", "平台禁止诱导好评：不得以返现、红包、礼品或补偿换取买家修改、删除评价。"
                         "补偿只为解决问题本身。")


def _buttons(dialog: QDialog, ok_text: str, cancel_text: str
             ) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox()
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


class NewCaseDialog(QDialog):
    """新建售后 — the order (among the buyer's), cause, kind (the cause's remedies first),
    amount and a note; from a message, the message is quoted and linked."""

    def __init__(self, session, buyer_orders: list[orders.Order], order_id: str | None,
                 message=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.message = message
        self.created_id: int | None = None
        self.setObjectName("newCaseDialog")
        self.setWindowTitle(self.tr("新建售后"))
        self.resize(520, 0)
        self.order = QComboBox()
        self.order.setObjectName("caseOrder")
        for order in buyer_orders:
            label = f"{order.id} · {word(order.status_chip)} · ¥{order.total or 0:.2f}"
            if order.status in orders.NEVER_PAID:
                label += self.tr("（未付款）")
            self.order.addItem(label, order.id)
        chosen = self.order.findData(order_id)
        self.order.setCurrentIndex(chosen if chosen >= 0 else self._first_paid(buyer_orders))
        self.cause = QComboBox()
        self.cause.setObjectName("caseCause")
        self.cause.addItem(self.tr("（未注明）"), None)
        for cause in aftersale.CAUSES:
            self.cause.addItem(term(cause), cause)
        self.kind = QComboBox()
        self.kind.setObjectName("caseKind")
        self.compensation = QComboBox()
        self.compensation.setObjectName("caseCompensation")
        self.compensation.addItem(self.tr("（不细分）"), None)
        for name in aftersale.COMPENSATIONS:
            self.compensation.addItem(term(name), name)
        self.has_amount = QCheckBox(self.tr("填写金额"))
        self.has_amount.setObjectName("caseHasAmount")
        self.amount = QDoubleSpinBox()
        self.amount.setObjectName("caseAmount")
        self.amount.setRange(0.01, MAX_AMOUNT)
        self.amount.setPrefix("¥")
        self.amount.setEnabled(False)
        self.postage = plain()
        self.postage.setObjectName("casePostage")
        self.note = QLineEdit()
        self.note.setObjectName("caseNote")
        self.note.setPlaceholderText(self.tr("买家说了什么，要做什么"))
        self.warning = plain(no_inducement())
        self.warning.setStyleSheet("color: #ef6c00;")
        self.error = plain()
        self.error.setObjectName("caseError")
        self.error.setStyleSheet(ERROR_STYLE)

        amount_row = QHBoxLayout()
        amount_row.addWidget(self.has_amount)
        amount_row.addWidget(self.amount, 1)
        form = QFormLayout()
        if message is not None:
            form.addRow(self.tr("消息"), plain(self._quote(message)))
        form.addRow(self.tr("订单"), self.order)
        form.addRow(self.tr("原因"), self.cause)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("补偿"), self.compensation)
        form.addRow(self.tr("金额"), amount_row)
        form.addRow(self.tr("寄回运费"), self.postage)
        form.addRow(self.tr("说明"), self.note)
        buttons, self.ok = _buttons(self, self.tr("新建售后"), self.tr("取消"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if message is not None and message.kind == "text":
            flat = " ".join(message.text.split())
            self.note.setText(flat[:NOTE_PREFILL_CHARS])
        self.cause.currentIndexChanged.connect(lambda *_: self._offer_kinds())
        self.kind.currentIndexChanged.connect(lambda *_: self._update())
        self.order.currentIndexChanged.connect(lambda *_: self._update())
        self.has_amount.toggled.connect(self.amount.setEnabled)
        self._offer_kinds()

    @staticmethod
    def _first_paid(buyer_orders: list[orders.Order]) -> int:
        return next((n for n, o in enumerate(buyer_orders)
                     if o.status not in orders.NEVER_PAID), 0)

    def _quote(self, message) -> str:
        if message.kind == "image":
            return self.tr("[图片]（新建后自动附加为证据）")
        text = " ".join(message.text.split())
        return text if len(text) <= 120 else text[:120] + "…"

    def _offer_kinds(self) -> None:
        """The cause's remedies first (marked 建议), then every other kind."""
        cause = self.cause.currentData()
        suggested = aftersale.REMEDIES[cause]
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in suggested:
            label = term(kind) + (self.tr("（建议）") if cause is not None else "")
            self.kind.addItem(label, kind)
        for kind in aftersale.KINDS:
            if kind not in suggested:
                self.kind.addItem(term(kind), kind)
        self.kind.setCurrentIndex(0)
        self.kind.blockSignals(False)
        self.warning.setVisible(cause in machine.REVIEW_CAUSES)
        self._update()

    def choose(self, *, cause: str | None = None, kind: str | None = None) -> None:
        """Pick a cause and a kind (the keyboard's way, and the tests')."""
        self.cause.setCurrentIndex(self.cause.findData(cause))
        if kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind))

    def _update(self) -> None:
        kind = self.kind.currentData()
        self.compensation.setEnabled(kind == aftersale.COMPENSATION)
        payer = aftersale.postage_payer(self.cause.currentData(), kind) if kind else None
        self.postage.setText(self.tr("{0}承担").format(term(payer)) if payer
                             else self.tr("不涉及或待协商"))
        order_id = self.order.currentData()
        if order_id:
            paid, left = cases.refundable(self.session.store, order_id)
            self.amount.setMaximum(max(left, 0.01))
            self.amount.setToolTip(self.tr("实付 ¥{0:.2f}，还能退 ¥{1:.2f}").format(paid, left))

    def accept(self) -> None:
        session = self.session
        compensation = (self.compensation.currentData()
                        if self.kind.currentData() == aftersale.COMPENSATION else None)
        try:
            changes = cases.open_case(
                session.store, self.order.currentData() or "", self.kind.currentData(),
                session.agent, session.clock(), cause=self.cause.currentData(),
                compensation=compensation,
                amount=self.amount.value() if self.has_amount.isChecked() else None,
                note=self.note.text(),
                conversation_id=self.message.conversation_id if self.message else None,
                message_id=self.message.id if self.message else None)
        except Refused as refusal:
            self.error.setText(str(refusal))
            return
        self.created_id = next(iter(changes.aftersale))
        session.publish(changes)
        super().accept()


class ReviseDialog(NewCaseDialog):
    """修改 — while the case is handled: its cause, kind (the remedy), compensation and
    amount; the change goes into its history."""

    def __init__(self, session, case: Case, parent: QWidget | None = None):
        order = orders.get(session.store, case.order_id)
        super().__init__(session, [order] if order else [], case.order_id, None, parent)
        self.case = case
        self.setObjectName("reviseCaseDialog")
        self.setWindowTitle(self.tr("修改售后单 {0}").format(case.number))
        self.ok.setText(self.tr("保存"))
        self.order.setEnabled(False)
        self.note.setEnabled(False)
        self.note.setText(case.note)
        self.choose(cause=case.cause, kind=case.kind)
        self.compensation.setCurrentIndex(max(self.compensation.findData(case.compensation), 0))
        if case.amount is not None:
            self.has_amount.setChecked(True)
            self.amount.setValue(case.amount)

    def accept(self) -> None:
        session = self.session
        kind = self.kind.currentData()
        try:
            changes = cases.revise(
                session.store, self.case.id, session.agent, session.clock(), kind=kind,
                cause=self.cause.currentData(),
                compensation=self.compensation.currentData()
                if kind == aftersale.COMPENSATION else None,
                amount=self.amount.value() if self.has_amount.isChecked() else None)
        except Refused as refusal:
            self.error.setText(str(refusal))
            return
        session.publish(changes)
        QDialog.accept(self)


# What each step asks for beyond a note.
TRACKING_STEPS = ("买家已寄回", "已发出", "仓库收货")
AMOUNT_STEPS = ("退款", "申请审批")
MESSAGE_STEPS = ("发送退货地址", "提醒买家", "已发出", "拒绝")


class StepDialog(QDialog):
    """One step of a case: the steps the case allows now, and what the chosen one needs
    (a note, a tracking number, an amount, the condition check, a rating, the 回访's
    outcome and time of the call). Some steps
    also tell the buyer: the message is shown, editable, and sent when the step is done."""

    def __init__(self, session, case: Case, parent: QWidget | None = None,
                 step: str | None = None, send=None):
        super().__init__(parent)
        self.session = session
        self.case = case
        self.send = send  # send(case, text) -> bool, when the buyer is to be told
        self.done_step: str | None = None
        self.setObjectName("stepDialog")
        self.setWindowTitle(self.tr("售后单 {0}").format(case.number))
        self.resize(560, 0)
        supervisor = permissions.allowed(session.agent.role, permissions.APPROVE_COMPENSATION)
        self.step = QComboBox()
        self.step.setObjectName("stepChoice")
        for rule in machine.allowed(case):
            if rule.supervisor and not supervisor:
                continue
            self.step.addItem(term(rule.name), rule.name)
            self.step.setItemData(self.step.count() - 1, term(rule.help),
                                  Qt.ItemDataRole.ToolTipRole)
        self.help = plain()
        self.help.setObjectName("stepHelp")
        self.note = QLineEdit()
        self.note.setObjectName("stepNote")
        self.tracking = QLineEdit()
        self.tracking.setObjectName("stepTracking")
        self.courier = QLineEdit()
        self.courier.setObjectName("stepCourier")
        self.courier.setPlaceholderText(self.tr("快递公司（可不填）"))
        self.amount = QDoubleSpinBox()
        self.amount.setObjectName("stepAmount")
        self.amount.setRange(0.01, MAX_AMOUNT)
        self.amount.setPrefix("¥")
        self.rating = QSpinBox()
        self.rating.setObjectName("stepRating")
        self.rating.setRange(1, 5)
        self.rating.setSuffix(self.tr(" 星"))
        self.outcome = QComboBox()
        self.outcome.setObjectName("stepOutcome")
        self.outcome.addItem(self.tr("（请选择）"), None)
        for outcome in aftersale.VISIT_OUTCOMES:
            self.outcome.addItem(term(outcome), outcome)
        now = QDateTime.fromSecsSinceEpoch(int(session.clock()))
        self.called_at = QDateTimeEdit(now)
        self.called_at.setObjectName("stepCalledAt")
        self.called_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.called_at.setCalendarPopup(True)
        self.called_at.setDateTimeRange(QDateTime.fromSecsSinceEpoch(int(case.opened_at)), now)
        self.called_at.setToolTip(self.tr("什么时候打的电话（默认现在，可改）"))
        self.within_days = QCheckBox(self.tr("在七天内（从签收算起）"))
        self.tags_intact = QCheckBox(self.tr("吊牌完好"))
        self.unused = QCheckBox(self.tr("未使用、不影响二次销售"))
        for box in (self.within_days, self.tags_intact, self.unused):
            box.setChecked(True)
        self.presets = QWidget()
        presets = QHBoxLayout(self.presets)
        presets.setContentsMargins(0, 0, 0, 0)
        for text, make in ((self.tr("提醒延长收货"), wording.remind_extend),
                           (self.tr("提醒填写退货单号"), wording.remind_tracking)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, t=text, m=make: self._preset(t, m))
            presets.addWidget(button)
        self.tell = QCheckBox(self.tr("同时发给买家"))
        self.tell.setObjectName("stepTell")
        self.tell.setChecked(True)
        self.message = QPlainTextEdit()
        self.message.setObjectName("stepMessage")
        self.message.setMaximumHeight(90)
        self.warning = plain(no_inducement())
        self.warning.setStyleSheet("color: #ef6c00;")
        self.warning.setVisible(case.cause in machine.REVIEW_CAUSES)
        self.error = plain()
        self.error.setObjectName("stepError")
        self.error.setStyleSheet(ERROR_STYLE)

        self.check = QVBoxLayout()
        for box in (self.within_days, self.tags_intact, self.unused):
            self.check.addWidget(box)
        self.form = QFormLayout()
        self.form.addRow(self.tr("步骤"), self.step)
        self.form.addRow("", self.help)
        self.form.addRow(self.tr("条件"), self.check)
        self.form.addRow(self.tr("快递单号"), self.tracking)
        self.form.addRow(self.tr("快递公司"), self.courier)
        self.form.addRow(self.tr("金额"), self.amount)
        self.form.addRow(self.tr("星级"), self.rating)
        self.form.addRow(self.tr("回访结果"), self.outcome)
        self.form.addRow(self.tr("通话时间"), self.called_at)
        self.form.addRow(self.tr("说明"), self.note)
        self.form.addRow(self.tr("常用"), self.presets)
        self.form.addRow(self.tell, self.message)
        buttons, self.ok = _buttons(self, self.tr("确定"), self.tr("取消"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if step is not None:
            self.step.setCurrentIndex(max(self.step.findData(step), 0))
        self.step.currentIndexChanged.connect(lambda *_: self._update())
        for edit in (self.tracking, self.courier):
            edit.textChanged.connect(lambda *_: self._update_message())
        # A refusal's message says the reason as it is written.
        self.note.textChanged.connect(
            lambda *_: self.chosen() == "拒绝" and self._update_message())
        self._update()

    def chosen(self) -> str | None:
        return self.step.currentData()

    def _update(self) -> None:
        name = self.chosen()
        rule = machine.BY_NAME.get(name) if name else None
        self.help.setText(term(rule.help) if rule else self.tr("这张售后单现在没有可做的步骤。"))
        self.ok.setEnabled(rule is not None)
        for field, visible in ((self.check, name == "核对条件"),
                               (self.tracking, name in TRACKING_STEPS),
                               (self.courier, name in TRACKING_STEPS),
                               (self.amount, name in AMOUNT_STEPS),
                               (self.rating, name == "记录评价"),
                               (self.outcome, name == "回访"),
                               (self.called_at, name == "回访"),
                               (self.presets, name == "提醒买家"),
                               (self.message, name in MESSAGE_STEPS and self.send is not None)):
            self.form.setRowVisible(field, visible)
        self.note.setPlaceholderText(
            self.tr("告诉买家的原因（会发给买家）") if name == "拒绝"
            else self.tr("回访记录（可不填）") if name == "回访" else "")
        if name == "拒绝" and not self.note.text():
            # The reason the buyer is told, from a failed 退换货条件 check: editable.
            self.note.setText(wording.refusal_reason(self.case))
        if name in AMOUNT_STEPS:
            _paid, left = cases.refundable(self.session.store, self.case.order_id, self.case.id)
            wanted = self.case.approval_amount if self.case.approval_state == "已批准" else \
                self.case.amount
            self.amount.setValue(min(wanted or left, left) or 0.01)
        self._update_message()

    def _update_message(self) -> None:
        name = self.chosen()
        store = self.session.store
        if name == "发送退货地址":
            self.message.setPlainText(wording.return_address(self.case, policy.load(store)))
        elif name == "已发出":
            shipped = replace(self.case, reship_tracking=self.tracking.text().strip(),
                              reship_courier=self.courier.text().strip() or None)
            self.message.setPlainText(wording.shipped(shipped))
        elif name == "拒绝":
            reason = self.note.text().strip()
            self.message.setPlainText(wording.refused(self.case, reason) if reason else "")
        elif name == "提醒买家" and not self.message.toPlainText():
            self._preset(self.tr("提醒延长收货"), wording.remind_extend)

    def _preset(self, note: str, make) -> None:
        self.note.setText(note)
        self.message.setPlainText(make(self.case))

    def accept(self) -> None:
        session = self.session
        name = self.chosen()
        if name is None:
            return
        check = cases.ConditionCheck(self.within_days.isChecked(), self.tags_intact.isChecked(),
                                     self.unused.isChecked())
        try:
            changes = cases.take_step(
                session.store, self.case.id, name, session.agent, session.clock(),
                note=self.note.text(), tracking=self.tracking.text(),
                courier=self.courier.text(),
                amount=self.amount.value() if name in AMOUNT_STEPS else None,
                rating=self.rating.value() if name == "记录评价" else None,
                check=check if name == "核对条件" else None,
                outcome=self.outcome.currentData() if name == "回访" else None,
                called_at=float(self.called_at.dateTime().toSecsSinceEpoch())
                if name == "回访" else None)
        except Refused as refusal:
            self.error.setText(str(refusal))
            return
        self.done_step = name
        session.publish(changes)
        text = self.message.toPlainText().strip()
        if (name in MESSAGE_STEPS and self.send is not None and self.tell.isChecked()
                and text):
            self.send(aftersale.get(session.store, self.case.id) or self.case, text)
        super().accept()


class PolicyDialog(QDialog):
    """售后规则 — the time each point may take, the agent's compensation limit, the return
    address and requirements, which causes owe a 回访. Supervisors edit; others read."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("aftersalePolicyDialog")
        self.setWindowTitle(self.tr("售后规则"))
        current = policy.load(session.store)
        editable = permissions.allowed(session.agent.role, permissions.EDIT_TEAM_SETTINGS)
        form = QFormLayout()
        self.hours: dict[str, QDoubleSpinBox] = {}
        for key in policy.HOUR_KEYS:
            box = QDoubleSpinBox()
            box.setRange(0.5, 24 * 60)
            box.setSuffix(self.tr(" 小时"))
            box.setValue(current.hours[key])
            self.hours[key] = box
            form.addRow(self.tr("{0} 时限").format(term(key)), box)
        self.limit = QDoubleSpinBox()
        self.limit.setObjectName("policyLimit")
        self.limit.setRange(0, MAX_AMOUNT)
        self.limit.setPrefix("¥")
        self.limit.setValue(current.agent_limit)
        form.addRow(self.tr("客服可自主补偿"), self.limit)
        self.address = QLineEdit(current.return_address)
        self.address.setObjectName("policyAddress")
        form.addRow(self.tr("退货地址"), self.address)
        self.requirements = QPlainTextEdit(current.return_requirements)
        self.requirements.setMaximumHeight(70)
        form.addRow(self.tr("退货要求"), self.requirements)
        self.visit: dict[str, QCheckBox] = {}
        visits = QHBoxLayout()
        for cause in aftersale.CAUSES:
            box = QCheckBox(term(cause))
            box.setChecked(cause in current.visit_causes)
            self.visit[cause] = box
            visits.addWidget(box)
        form.addRow(self.tr("解决后需回访"), visits)
        self.error = plain()
        self.error.setStyleSheet(ERROR_STYLE)
        buttons, self.ok = _buttons(self, self.tr("保存"), self.tr("取消"))
        self.ok.setEnabled(editable)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(plain(self.tr("这些时限和金额是团队自己的规则（默认值由我们设定），"
                                       "不是平台的规定。") if editable else
                               self.tr("售后规则只能由主管修改。")))
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        value = policy.Policy(
            hours={key: box.value() for key, box in self.hours.items()},
            agent_limit=self.limit.value(), return_address=self.address.text(),
            return_requirements=self.requirements.toPlainText(),
            visit_causes=tuple(c for c, box in self.visit.items() if box.isChecked()))
        try:
            changes = policy.save(self.session.store, self.session.agent, value,
                                  self.session.clock())
        except Refused as refusal:
            self.error.setText(str(refusal))
            return
        self.session.publish(changes)
        super().accept()


def help_text() -> str:
    """What the 售后 help says: its keys, the steps, and the platforms' rule on reviews."""
    translate = QCoreApplication.translate
    lines = [translate("AftersaleHelp", "售后单从买家的一句话跟到回访：")]
    lines.append(translate("AftersaleHelp", "待处理 → 处理中（等买家寄回 · 等仓库收货 · "
                                            "等补发/换货发出 · 等买家确认 · 等主管审批）→ "
                                            "已解决 或 已拒绝 → 已回访"))
    lines.append("")
    lines += [
        translate("AftersaleHelp", "Ctrl+Shift+S  新建售后：从所选消息或订单"),
        translate("AftersaleHelp", "Ctrl+Shift+A  打开售后单窗口"),
        translate("AftersaleHelp", "售后单窗口里：↑↓ 选择，Enter 执行步骤，Ctrl+O 打开买家会话，"
                                   "Ctrl+F 搜索买家或订单，Ctrl+1 我的，Ctrl+2 全组，"
                                   "Ctrl+L 只看超时，Ctrl+P 全组待审批"),
        "",
        translate("AftersaleHelp", "每个等待点都有时限（主管在“售后规则”里设定），超时变红并提醒；"
                                   "未结的售后单都在待办和交接单上。"),
        translate("AftersaleHelp", "超出客服权限的补偿或折扣先“申请审批”，由主管批准或驳回；"
                                   "主管的待办面板上会提示有几张在等审批。"),
        "",
        no_inducement(),
    ]
    return "\n".join(lines)
