"""The open conversation (centre): who the buyer is, the messages, find, and the composer."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench import accounts, conversations, quickphrases, textnorm
from workbench.changes import Refused
from workbench.conversations import Conversation, reception
from workbench.ui import language
from workbench.ui.chat_view import ChatView, MessageRole, display_text  # noqa: F401 - used by others
from workbench.ui.composer import Composer, EmojiPicker
from workbench.ui.customers.card import BuyerCard
from workbench.ui.session import Session

NOTE_STYLE = "QPlainTextEdit#composer { background: #fff8e1; }"
# The groups' names are what reception.transfer gets; only the shown label is translated.
TRANSFER_GROUPS = (QT_TRANSLATE_NOOP("TransferDialog", "售前"),
                   QT_TRANSLATE_NOOP("TransferDialog", "售后"))


class BuyerHeader(QWidget):
    """Name, tier, tags (打标), the buyer card (the customers area's classes — 询单未购 is
    the first-time enquirer — risk, lifetime value, last order, open 待办), and what can be
    done with the conversation: transfer, internal note mode, end. Who the buyer is to the
    shop is said once, by the card."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.name = QLabel()
        self.name.setObjectName("chatHeader")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px;")
        self.tags = QLineEdit()
        self.tags.setObjectName("buyerTags")
        self.tags.setPlaceholderText(self.tr("标签，用逗号分隔，Enter 保存"))
        self.transfer_button = QPushButton(self.tr("转接"))
        self.note_button = QPushButton(self.tr("内部备注"))
        self.note_button.setCheckable(True)
        self.note_button.setToolTip(self.tr("打开后发出的内容只给同事看，不会发给买家"))
        self.end_button = QPushButton(self.tr("结束"))
        self.card = BuyerCard(session)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addStretch(1)
        for button in (self.transfer_button, self.note_button, self.end_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(top)
        layout.addWidget(self.card)
        layout.addWidget(self.tags)
        self.tags.returnPressed.connect(self.save_tags)

    def show_conversation(self, conversation: Conversation | None) -> None:
        for widget in (self.tags, self.transfer_button, self.note_button, self.end_button):
            widget.setVisible(conversation is not None)
        self.card.show_buyer(conversation.buyer_id if conversation is not None else None)
        if conversation is None:
            self.name.setText(self.tr("选择左侧的会话开始接待"))
            return
        self.name.setText(f"{conversation.buyer_nick}（{conversation.buyer_tier}）")
        self.tags.setText("，".join(conversation.tags))

    def save_tags(self) -> None:
        conversation = self.session.current
        if conversation is not None:
            from workbench import customers  # off the start-up path

            parts = textnorm.split_list(self.tags.text())
            self.session.run(customers.set_tags, self.session.store, conversation.buyer_id,
                             self.session.agent, parts, self.session.clock())


class FindBar(QWidget):
    """Ctrl+F: find text in the open conversation; Enter for the next hit, Esc to close."""

    def __init__(self, session: Session, view: ChatView):
        super().__init__()
        self.session = session
        self.view = view
        self.query = QLineEdit()
        self.query.setObjectName("findInConversation")
        self.query.setPlaceholderText(self.tr("在本会话中查找，Enter 下一个"))
        self.count = QLabel()
        previous = QToolButton()
        previous.setText("↑")
        following = QToolButton()
        following.setText("↓")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        self.hits: list[int] = []
        self.position = -1
        self.query.textChanged.connect(self._search)
        self.query.returnPressed.connect(lambda: self.step(1))
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        self.hide()

    def open(self) -> None:
        self.show()
        self.query.setFocus()
        self.query.selectAll()

    def _search(self, text: str) -> None:
        conversation = self.session.current
        self.hits = conversations.find(self.session.store, conversation.id, text.strip()) \
            if conversation else []
        self.position = len(self.hits)  # the first step goes to the newest hit
        self.step(-1)

    def step(self, direction: int) -> None:
        if not self.hits:
            self.count.setText(self.tr("无结果") if self.query.text() else "")
            self.view.message_model.highlight(None)
            return
        self.position = (self.position + direction) % len(self.hits)
        self.count.setText(f"{self.position + 1}/{len(self.hits)}")
        self.view.show_message(self.hits[self.position])


class TransferDialog(QDialog):
    """转接：to a colleague or a group, with a reason the receiver will read."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("转接会话"))
        self.target = QComboBox()
        for agent in accounts.all_agents(session.store):
            if agent.id != session.agent.id and agent.active:
                self.target.addItem(self.tr("客服：") + agent.signature, f"agent:{agent.name}")
        for group in TRANSFER_GROUPS:
            self.target.addItem(self.tr("分组：") + self.tr(group), f"group:{group}")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("例如：买家要求退货，请售后跟进"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b71c1c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(self.tr("转给"), self.target)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.message)
        form.addRow(buttons)
        buttons.accepted.connect(self.transfer)
        buttons.rejected.connect(self.reject)

    def transfer(self) -> None:
        conversation = self.session.current
        kind, name = self.target.currentData().split(":", 1)
        to_agent = accounts.by_name(self.session.store, name) if kind == "agent" else None
        if not self.session.may_act():
            return
        try:
            changes = reception.transfer(
                self.session.store, conversation.id, self.session.agent, self.session.clock(),
                self.reason.text(), to_agent=to_agent, to_group=name if kind == "group" else None)
        except Refused as refusal:
            self.message.setText(language.text(refusal))
            return
        self.session.publish(changes)
        self.accept()


class ChatPanel(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.buyer = BuyerHeader(session)
        self.header = self.buyer.name
        self.view = ChatView(session)
        self.find_bar = FindBar(session, self.view)
        self.composer = Composer()
        self.composer.setMaximumHeight(120)
        self.notice = QLabel()
        self.notice.setObjectName("composerNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("color: #b71c1c; padding: 2px 6px;")
        self.notice.hide()
        self.counter = QLabel()
        self.counter.setObjectName("composerCounter")
        self.attachments: list[Path] = []  # pictures that go out with the next send
        self.attachment_label = QLabel()
        self.attachment_label.setObjectName("composerAttachments")
        self.attachment_label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_attachments_button = QToolButton()
        self.clear_attachments_button.setText("✕")
        self.clear_attachments_button.setToolTip(self.tr("不发送这些图片"))
        self.emoji_button = QToolButton()
        self.emoji_button.setText("😊")
        self.emoji_button.setToolTip(self.tr("表情"))
        self.emoji_picker = EmojiPicker(self.composer)
        send_button = QPushButton(self.tr("发送"))
        tools = QHBoxLayout()
        tools.setContentsMargins(4, 0, 4, 0)
        tools.addWidget(self.emoji_button)
        tools.addWidget(self.attachment_label)
        tools.addWidget(self.clear_attachments_button)
        tools.addStretch(1)
        tools.addWidget(self.counter)
        tools.addWidget(send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.buyer)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notice)
        layout.addLayout(tools)
        layout.addWidget(self.composer)
        self._shown_id: int | None = None
        self._confirmed_text: str | None = None
        self._unsaved_drafts: dict[int, str] = {}   # conversation id -> text not stored yet
        self.composer.send_requested.connect(self.send)
        self.composer.textChanged.connect(self._on_draft_edited)
        self.composer.image_pasted.connect(self.send_pasted_image)
        self.clear_attachments_button.clicked.connect(lambda: self.set_attachments([]))
        send_button.clicked.connect(self.send)
        self.emoji_button.clicked.connect(self.open_emoji_picker)
        self.buyer.transfer_button.clicked.connect(self.open_transfer)
        self.buyer.end_button.clicked.connect(self.end_conversation)
        self.buyer.note_button.toggled.connect(self._on_note_mode)
        session.conversation_selected.connect(self._on_selected)
        session.changed.connect(self._on_changed)
        session.trouble.connect(self._on_trouble)
        self.transfer_dialog: TransferDialog | None = None
        self.set_attachments([])
        self._on_selected(None)

    # --- following the selection ----------------------------------------------------

    def _on_selected(self, conversation) -> None:
        self.save_draft()
        self._shown_id = conversation.id if conversation else None
        self.buyer.show_conversation(conversation)
        self.buyer.note_button.setChecked(False)
        self.composer.setPlainText(self._unsaved_drafts.get(self._shown_id, conversation.draft)
                                   if conversation else "")
        self.composer.setEnabled(conversation is not None)
        self.set_attachments([])
        self.find_bar.hide()
        self.view.show_conversation(self._shown_id)

    def _on_changed(self, changes) -> None:
        current = self.session.current
        if current is not None and current.id in changes.conversations:
            self.buyer.show_conversation(current)

    def save_draft(self) -> None:
        """Keep what is in the composer with the conversation (switching, closing). While
        the store refuses (busy, full), the draft waits here and is saved once it can."""
        if self._shown_id is not None:
            self._unsaved_drafts[self._shown_id] = self.composer.toPlainText()
        for conversation_id, text in list(self._unsaved_drafts.items()):
            stored = conversations.get(self.session.store, conversation_id)
            if stored is not None and stored.draft != text and not self.session.run(
                    conversations.save_draft, self.session.store, conversation_id, text):
                return
            del self._unsaved_drafts[conversation_id]

    def _on_trouble(self, error) -> None:
        if error is None and self._unsaved_drafts:   # the store is free again
            self.save_draft()

    # --- sending -----------------------------------------------------------------------

    def send(self) -> None:
        """Send the draft; a phrase variable left without a value asks for a second Enter."""
        text = self.composer.toPlainText()
        if self.buyer.note_button.isChecked():
            if self.session.current and self.session.run(
                    conversations.add_note, self.session.store, self.session.current.id,
                    self.session.agent.id, text, self.session.clock()):
                self.composer.clear()
            return
        unfilled = quickphrases.unfilled(text)
        if unfilled and text != self._confirmed_text:
            self._confirmed_text = text
            self.notice.setText(self.tr("还有没填的变量：{0}。再按一次 Enter 原样发送，或先改好。")
                                .format("、".join("{" + n + "}" for n in unfilled)))
            self.notice.show()
            return
        if not text.strip() and self.attachments:
            self._send_attachments()
        elif self.session.send_text(text):
            self.composer.clear()
            self._send_attachments()

    def send_phrase(self, text: str) -> None:
        """A double-clicked phrase goes out on its own; the draft stays as it was."""
        self.composer.take_back(text)
        if self.session.send_text(text):
            self._send_attachments()

    def attach(self, path: str) -> None:
        """A phrase's picture waits beside the composer and goes out with the message."""
        self.set_attachments([*self.attachments, Path(path)])

    def set_attachments(self, paths: list[Path]) -> None:
        self.attachments = paths
        self.attachment_label.setText(
            self.tr("附图：") + "、".join(p.name for p in paths) if paths else "")
        self.clear_attachments_button.setVisible(bool(paths))

    def _send_attachments(self) -> None:
        for path in self.attachments:
            self.session.send_image(path)
        self.set_attachments([])

    def send_pasted_image(self, image: QImage) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "pasted.png"
            if image.isNull() or not image.save(str(path)):
                self.session.refused.emit(self.tr("粘贴的图片无法读取。"))
                return
            self.session.send_image(path)

    def _on_draft_edited(self) -> None:
        text = self.composer.toPlainText()
        if text != self._confirmed_text:
            self._confirmed_text = None
            self.notice.hide()
        limit = self.session.channel.max_length
        self.counter.setText(f"{len(text)}/{limit}" if text else "")
        self.counter.setStyleSheet("color: #c62828; font-weight: bold;" if len(text) > limit
                                   else "color: #888;")
        if len(text) > limit:
            self.notice.setText(self.tr("超出单条消息上限 {0} 字，请删减或分几条发送。")
                                .format(limit))
            self.notice.show()

    def _on_note_mode(self, on: bool) -> None:
        self.composer.setStyleSheet(NOTE_STYLE if on else "")
        self.composer.setPlaceholderText(self.tr("内部备注：只有同事能看到") if on else "")
        if not on:
            self.composer.set_send_key(self.composer.send_key)

    # --- other actions -----------------------------------------------------------------

    def open_emoji_picker(self) -> None:
        self.emoji_picker.move(self.emoji_button.mapToGlobal(
            self.emoji_button.rect().topLeft()) - self.emoji_picker.rect().bottomLeft())
        self.emoji_picker.show()

    def open_transfer(self) -> None:
        if self.session.current is None:
            return
        self.transfer_dialog = TransferDialog(self.session, self)
        self.transfer_dialog.show()

    def end_conversation(self) -> None:
        if self.session.current is not None:
            self.session.run(reception.end_conversation, self.session.store,
                             self.session.current.id, self.session.agent, self.session.clock())
