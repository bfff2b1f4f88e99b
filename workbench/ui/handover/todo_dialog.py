"""The 待办 item dialog: create (free, from a message, from an order) or edit, with history.

Shown with ``open()`` (not ``exec()``), so nothing blocks: the session runs the change
when the dialog is accepted, and a refusal keeps the dialog open with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDateTime, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
)

from workbench import accounts, handover, timefmt
from workbench.changes import Refused
from workbench.handover import Assignee, Todo, shifts
from workbench.ui import language
from workbench.ui.session import Session
from workbench.ui.vocabulary import word

TITLE_PREFILL_CHARS = 40
HOUR = 3600


@dataclass
class Draft:
    """What a new item starts with."""

    title: str = ""
    detail: str = ""
    priority: int = 1
    buyer_id: int | None = None
    buyer_nick: str | None = None
    conversation_id: int | None = None
    order_id: str | None = None
    due_at: float | None = None
    remind_at: float | None = None


def message_draft(message, conversation, now: float) -> Draft:
    """A follow-up of a buyer's message: the buyer, the message, due in 24 hours."""
    # The prefill is shown in the TodoDialog, in the agent's language.
    translate = QCoreApplication.translate
    text = (translate("TodoDialog", "[图片]") if message.kind == "image"
            else " ".join(message.text.split()))
    short = text if len(text) <= TITLE_PREFILL_CHARS else text[:TITLE_PREFILL_CHARS] + "…"
    nick = conversation.buyer_nick if conversation else None
    buyer = nick or translate("TodoDialog", "买家")
    speaker = {"buyer": buyer, "agent": translate("TodoDialog", "客服")}.get(
        message.sender, message.sender)
    detail = f"{speaker} {timefmt.minute(message.created_at)}:\n{message.text}"
    return Draft(title=translate("TodoDialog", "回复{0}：{1}").format(buyer, short),
                 detail=detail,
                 buyer_id=conversation.buyer_id if conversation else None, buyer_nick=nick,
                 conversation_id=message.conversation_id, due_at=now + handover.PROMISE_HOURS
                 * HOUR)


def order_draft(order, now: float) -> Draft:
    """A follow-up of an order (for example: out of stock, offer another colour)."""
    # The title is what is to be done; the order is linked (and shown on the item).
    return Draft(title="", detail=f"{order.status_name},¥{order.total or 0:.2f}",
                 buyer_id=order.buyer_id, buyer_nick=order.buyer_nick, order_id=order.id,
                 due_at=now + handover.PROMISE_HOURS * HOUR)


def _key(assignee: Assignee) -> str:
    return f"{assignee.kind}:{assignee.agent_id or ''}:{assignee.shift or ''}"


def _to_qt(at: float) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(at))


class TodoDialog(QDialog):
    def __init__(self, session: Session, parent=None, *, todo: Todo | None = None,
                 draft: Draft | None = None):
        super().__init__(parent)
        self.session = session
        self.todo = todo
        self.created_id: int | None = None
        self.draft = draft or Draft(due_at=session.clock() + handover.PROMISE_HOURS * HOUR)
        self.setObjectName("todoDialog")
        self.setWindowTitle(self.tr("编辑待办") if todo else self.tr("新建待办"))
        self.resize(520, 560 if todo else 420)
        now = session.clock()

        self.title = QLineEdit(todo.title if todo else self.draft.title)
        self.title.setObjectName("todoTitle")
        self.detail = QPlainTextEdit(todo.detail if todo else self.draft.detail)
        self.detail.setObjectName("todoDetail")
        self.detail.setMaximumHeight(110)
        self.priority = QComboBox()
        self.priority.setObjectName("todoPriority")
        for code, name in handover.PRIORITY_NAMES.items():
            self.priority.addItem(word(name), code)
        self.priority.setCurrentIndex(self.priority.findData(
            todo.priority if todo else self.draft.priority))
        self.assignee = QComboBox()
        self.assignee.setObjectName("todoAssignee")
        # Combo data are plain keys: Qt compares them, which it cannot do for dataclasses.
        self._assignees: dict[str, Assignee] = {}
        for agent in accounts.all_agents(session.store):
            if agent.active:
                self._add_assignee(agent.signature, Assignee.agent(agent.id))
        for shift in shifts.schedule(session.store):
            self._add_assignee(self.tr("班次：") + shift.label, Assignee.of_shift(shift.name))
        self._add_assignee(self.tr("全组"), Assignee.team())
        current = todo.assignee if todo else Assignee.agent(session.agent.id)
        if self.assignee.findData(_key(current)) < 0 and todo is not None:
            # Held by someone no longer in the lists (a disabled account, a removed shift):
            # keep them unless the agent picks another.
            self._add_assignee(todo.assignee_label, current)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(_key(current))))

        due = todo.due_at if todo else self.draft.due_at
        self.has_due = QCheckBox(self.tr("到期"))
        self.due = QDateTimeEdit(_to_qt(due or now + handover.PROMISE_HOURS * HOUR))
        self.due.setObjectName("todoDue")
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setCalendarPopup(True)
        self.has_due.setChecked(due is not None)
        remind = todo.remind_at if todo else self.draft.remind_at
        self.has_remind = QCheckBox(self.tr("提醒"))
        self.has_remind.setObjectName("todoHasRemind")
        self.remind = QDateTimeEdit(_to_qt(remind or (due or now + HOUR) - HOUR))
        self.remind.setObjectName("todoRemind")
        self.remind.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.remind.setCalendarPopup(True)
        self.has_remind.setChecked(remind is not None)
        for box, edit in ((self.has_due, self.due), (self.has_remind, self.remind)):
            edit.setEnabled(box.isChecked())
            box.toggled.connect(edit.setEnabled)

        self.links = QLabel(self._links_text())
        self.links.setTextFormat(Qt.TextFormat.PlainText)
        self.links.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("todoError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("说明"), self.detail)
        form.addRow(self.tr("优先级"), self.priority)
        form.addRow(self.tr("负责"), self.assignee)
        for box, edit in ((self.has_due, self.due), (self.has_remind, self.remind)):
            line = QHBoxLayout()
            line.addWidget(edit, 1)
            form.addRow(box, line)
        form.addRow(self.tr("关联"), self.links)
        self.state = QComboBox()
        self.state.setObjectName("todoState")
        if todo:
            for state in handover.STATES:
                self.state.addItem(word(state), state)
            self.state.setCurrentIndex(self.state.findData(todo.state))
            form.addRow(self.tr("状态"), self.state)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.history_model = QStringListModel()
        if todo:
            self.history = QListView()
            self.history.setObjectName("todoHistory")
            self.history.setModel(self.history_model)
            self.history.setWordWrap(True)
            self.history_model.setStringList(self._history_lines())
            layout.addWidget(QLabel(self.tr("变更记录")))
            layout.addWidget(self.history, 1)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.draft.order_id and todo is None:
            self.title.setPlaceholderText(self.tr("这个订单要跟进什么？例如：缺货，推荐其他颜色"))
        self.title.setFocus()

    def _add_assignee(self, label: str, assignee: Assignee) -> None:
        self._assignees[_key(assignee)] = assignee
        self.assignee.addItem(label, _key(assignee))

    def chosen_assignee(self) -> Assignee:
        return self._assignees[self.assignee.currentData()]

    def _links_text(self) -> str:
        source = self.todo or self.draft
        parts = []
        if source.buyer_nick:
            parts.append(self.tr("买家 ") + source.buyer_nick)
        if source.conversation_id:
            parts.append(self.tr("会话 #{0}").format(source.conversation_id))
        if source.order_id:
            parts.append(self.tr("订单 ") + source.order_id)
        return " · ".join(parts) or self.tr("无（自由待办）")

    def _history_lines(self) -> list[str]:
        assert self.todo is not None
        return [f"{timefmt.minute(change.at)}  {change.agent_name or self.tr('系统')}："
                f"{change.text}"
                for change in handover.history(self.session.store, self.todo.id)]

    def _time(self, box: QCheckBox, edit: QDateTimeEdit, original: float | None) -> float | None:
        """The chosen time; the original one (to the fraction of a second) if untouched."""
        if not box.isChecked():
            return None
        chosen = edit.dateTime().toSecsSinceEpoch()
        if original is not None and chosen == int(original):
            return original
        return float(chosen)

    def _fields(self) -> dict:
        source = self.todo or self.draft
        return {
            "title": self.title.text(), "detail": self.detail.toPlainText(),
            "priority": self.priority.currentData(),
            "due_at": self._time(self.has_due, self.due, source.due_at),
            "remind_at": self._time(self.has_remind, self.remind, source.remind_at),
        }

    def accept(self) -> None:
        """Run the change; on a refusal stay open and say why."""
        session = self.session
        if not session.may_act():
            return
        fields = self._fields()
        now = session.clock()
        try:
            if self.todo is None:
                changes = handover.add(
                    session.store, fields["title"], session.agent, now,
                    detail=fields["detail"], priority=fields["priority"],
                    buyer_id=self.draft.buyer_id, conversation_id=self.draft.conversation_id,
                    order_id=self.draft.order_id, due_at=fields["due_at"],
                    remind_at=fields["remind_at"], assignee=self.chosen_assignee())
            else:
                with session.store.transaction():
                    changes = handover.update(session.store, self.todo.id, session.agent, now,
                                              assignee=self.chosen_assignee(), **fields)
                    if self.state.currentData() != self.todo.state:
                        changes |= handover.set_state(session.store, self.todo.id,
                                                      self.state.currentData(), session.agent,
                                                      now)
        except Refused as refusal:
            self.error.setText(language.text(refusal))
            self.error.show()
            return
        self.created_id = next(iter(changes.todos), None) if self.todo is None else None
        session.publish(changes)
        super().accept()
