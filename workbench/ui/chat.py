"""The open conversation (centre): message bubbles and the composer.

Buyer text is always painted as plain text: no markup is interpreted, and very long
messages are cut for display so layout stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QImageReader,
    QKeyEvent,
    QPainter,
    QPixmap,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from workbench import conversations, quickphrases, timefmt
from workbench.conversations import Message
from workbench.ui.session import Session

MessageRole = Qt.ItemDataRole.UserRole + 1
DISPLAY_CHARS = 3000   # longer messages are shown cut, with their full length noted
THUMBNAIL = 160
PAGE = 200

BUBBLE_COLOURS = {"buyer": "#ffffff", "agent": "#d6ecff", "auto": "#eeeeee", "system": "#fff8e1"}
SENDER_LABELS = {"buyer": "", "agent": "", "auto": "[自动回复] ", "system": "[系统] "}
STATUS_LABELS = {"sending": "发送中", "sent": "已发送", "failed": "发送失败", "received": ""}


def display_text(message: Message) -> str:
    text = message.text
    if len(text) > DISPLAY_CHARS:
        text = text[:DISPLAY_CHARS] + f"…(共 {len(message.text)} 字,仅显示前 {DISPLAY_CHARS} 字)"
    return SENDER_LABELS.get(message.sender, "") + text


class MessageModel(QAbstractListModel):
    """The messages of the selected conversation, newest last; older pages load on demand."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.rows: list[Message] = []
        self.conversation_id: int | None = None
        self.has_older = False
        session.changed.connect(self._on_changed)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        message = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(message)
        if role == MessageRole:
            return message
        return None

    def show_conversation(self, conversation_id: int | None) -> None:
        self.beginResetModel()
        self.conversation_id = conversation_id
        self.rows = (conversations.history(self.session.store, conversation_id, limit=PAGE)
                     if conversation_id is not None else [])
        self.has_older = len(self.rows) == PAGE
        self.endResetModel()

    def load_older(self) -> int:
        """Prepend the previous page; returns how many rows came."""
        if self.conversation_id is None or not self.has_older or not self.rows:
            return 0
        older = conversations.history(self.session.store, self.conversation_id,
                                      before_id=self.rows[0].id, limit=PAGE)
        self.has_older = len(older) == PAGE
        if older:
            self.beginInsertRows(QModelIndex(), 0, len(older) - 1)
            self.rows[:0] = older
            self.endInsertRows()
        return len(older)

    def _on_changed(self, changes) -> None:
        if self.conversation_id is None or self.conversation_id not in changes.conversations:
            return
        known = {m.id: n for n, m in enumerate(self.rows)}
        newest = self.rows[-1].id if self.rows else 0
        for message_id in sorted(changes.messages):
            if message_id in known:
                fresh = self._reload(self.rows[known[message_id]].uid)
                if fresh:
                    self.rows[known[message_id]] = fresh
                    index = self.index(known[message_id])
                    self.dataChanged.emit(index, index)
        fresh_rows = conversations.history(self.session.store, self.conversation_id,
                                           before_id=None, limit=PAGE)
        added = [m for m in fresh_rows if m.id > newest]
        if added:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(added) - 1)
            self.rows.extend(added)
            self.endInsertRows()

    def _reload(self, uid: str) -> Message | None:
        return conversations.message_by_uid(self.session.store, uid)


class MessageDelegate(QStyledItemDelegate):
    MARGIN = 8
    PADDING = 8

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self._thumbnails: dict[str, QPixmap] = {}

    def _bubble_width(self, option) -> int:
        return max(120, int(option.rect.width() * 0.7))

    def _thumbnail(self, message: Message) -> QPixmap:
        path = str(conversations.image_path(self.session.store, message))
        if path not in self._thumbnails:
            reader = QImageReader(path)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMBNAIL, THUMBNAIL,
                                                 Qt.AspectRatioMode.KeepAspectRatio))
            self._thumbnails[path] = QPixmap.fromImageReader(reader)
        return self._thumbnails[path]

    def _content_size(self, option, message: Message) -> QSize:
        if message.kind == "image":
            pixmap = self._thumbnail(message)
            return pixmap.size() if not pixmap.isNull() else QSize(120, 20)
        metrics = QFontMetrics(option.font)
        inner = self._bubble_width(option) - 2 * self.PADDING
        rect = metrics.boundingRect(QRect(0, 0, inner, 100000), Qt.TextFlag.TextWordWrap |
                                    Qt.TextFlag.TextWrapAnywhere, display_text(message))
        return rect.size()

    def sizeHint(self, option, index) -> QSize:
        message: Message = index.data(MessageRole)
        content = self._content_size(option, message)
        return QSize(option.rect.width(),
                     content.height() + 2 * self.PADDING + 2 * self.MARGIN + 16)

    def paint(self, painter: QPainter, option, index) -> None:
        message: Message = index.data(MessageRole)
        content = self._content_size(option, message)
        width = content.width() + 2 * self.PADDING
        mine = message.sender == "agent"
        top = option.rect.top() + self.MARGIN + 16
        left = (option.rect.right() - self.MARGIN - width if mine
                else option.rect.left() + self.MARGIN)
        bubble = QRect(left, top, width, content.height() + 2 * self.PADDING)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        meta = timefmt.second(message.created_at)
        status = STATUS_LABELS.get(message.status, "") if mine else ""
        painter.setPen(QColor("#c62828") if message.status == "failed" else QColor("#888888"))
        small = option.font
        painter.setFont(small)
        painter.drawText(QRect(option.rect.left() + self.MARGIN, option.rect.top() + 4,
                               option.rect.width() - 2 * self.MARGIN, 16),
                         (Qt.AlignmentFlag.AlignRight if mine else Qt.AlignmentFlag.AlignLeft)
                         | Qt.AlignmentFlag.AlignVCenter, f"{meta} {status}".strip())
        painter.setPen(QColor("#cfd8dc"))
        painter.setBrush(QColor(BUBBLE_COLOURS.get(message.sender, "#ffffff")))
        painter.drawRoundedRect(bubble, 8, 8)
        inner = bubble.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        if message.kind == "image":
            painter.drawPixmap(inner.topLeft(), self._thumbnail(message))
        else:
            painter.setPen(QColor("#212121"))
            painter.drawText(inner, Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere,
                             display_text(message))
        painter.restore()


class ChatView(QListView):
    def __init__(self, session: Session):
        super().__init__()
        self.message_model = MessageModel(session)
        self.setModel(self.message_model)
        self.setItemDelegate(MessageDelegate(session))
        self.setObjectName("chatView")
        self.setAccessibleName(self.tr("聊天记录"))
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setStyleSheet("QListView#chatView { background: #f5f7fa; }")
        self.message_model.rowsInserted.connect(self._on_rows_inserted)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def show_conversation(self, conversation_id: int | None) -> None:
        self.message_model.show_conversation(conversation_id)
        self.scrollToBottom()

    def _on_rows_inserted(self, _parent, first: int, _last: int) -> None:
        if first > 0:
            self.scrollToBottom()

    def _on_scrolled(self, value: int) -> None:
        if value == 0 and self.message_model.has_older:
            self.message_model.load_older()


class Composer(QPlainTextEdit):
    """Enter sends, Shift+Enter starts a new line; /code opens matching phrases."""

    send_requested = Signal()
    TRIGGER = re.compile(r"(?:^|\s)/(\S*)$")

    def __init__(self):
        super().__init__()
        self.setObjectName("composer")
        self.setAccessibleName(self.tr("输入框"))
        self.setPlaceholderText(self.tr("输入回复,Enter 发送,Shift+Enter 换行,/编码 插入短语"))
        self.setTabChangesFocus(True)
        #: prefix -> [(label, text)]: where /code completions come from.
        self.completion_source: Callable[[str], list[tuple[str, str]]] | None = None
        self.popup = QListView()
        self.popup.setObjectName("phraseCompletion")
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setWindowFlags(Qt.WindowType.ToolTip)
        self.popup.setUniformItemSizes(True)
        self.popup_model = QStringListModel()
        self.popup.setModel(self.popup_model)
        self.popup.clicked.connect(lambda index: self._complete(index.row()))
        self._completions: list[tuple[str, str]] = []
        self._last_insert = (0, "")
        self.textChanged.connect(self._update_completions)

    def event(self, event) -> bool:
        # While the completion list is open, Esc closes it (before the window's Esc
        # shortcut sees it) and Tab picks a phrase (instead of moving the focus).
        if self.popup.isVisible():
            if (event.type() == QEvent.Type.ShortcutOverride
                    and event.key() == Qt.Key.Key_Escape):
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab:
                self.keyPressEvent(event)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.popup.isVisible():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = (self.popup.currentIndex().row() + step) % len(self._completions)
                self.popup.setCurrentIndex(self.popup_model.index(row))
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self._complete(max(self.popup.currentIndex().row(), 0))
                return
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                return
        if (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.send_requested.emit()
            return
        super().keyPressEvent(event)

    def insert_at_cursor(self, text: str) -> None:
        """Insert at the cursor, never over a selection: the draft is kept whole."""
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.insertPlainText(text)
        self._last_insert = (self.textCursor().position(), text)
        self.setFocus()

    def take_back(self, text: str) -> None:
        """Remove ``text`` if it is what was just inserted (a double-click sends it instead)."""
        end, inserted = self._last_insert
        if inserted == text and self.toPlainText()[end - len(text):end] == text:
            cursor = self.textCursor()
            cursor.setPosition(end - len(text))
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        self._last_insert = (0, "")

    def hideEvent(self, event) -> None:
        self.popup.hide()
        super().hideEvent(event)

    def _trigger_prefix(self) -> str | None:
        cursor = self.textCursor()
        before = cursor.block().text()[:cursor.positionInBlock()]
        match = self.TRIGGER.search(before)
        return match[1] if match else None

    def _update_completions(self) -> None:
        prefix = self._trigger_prefix()
        self._completions = (self.completion_source(prefix)
                             if prefix is not None and self.completion_source else [])
        if not self._completions:
            self.popup.hide()
            return
        self.popup_model.setStringList([label for label, _ in self._completions])
        self.popup.setCurrentIndex(self.popup_model.index(0))
        rect = self.cursorRect()
        self.popup.move(self.viewport().mapToGlobal(rect.bottomLeft()))
        self.popup.resize(max(self.width() // 2, 320),
                          min(len(self._completions), 8) * 24 + 6)
        self.popup.show()

    def _complete(self, row: int) -> None:
        """Replace the typed /code with the chosen phrase."""
        prefix = self._trigger_prefix()
        if prefix is None or not 0 <= row < len(self._completions):
            return
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor,
                            len(prefix) + 1)
        cursor.insertText(self._completions[row][1])
        self.setTextCursor(cursor)
        self.popup.hide()


class ChatPanel(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setObjectName("chatHeader")
        self.header.setStyleSheet("font-size: 15px; font-weight: bold; padding: 6px;")
        self.view = ChatView(session)
        self.composer = Composer()
        self.composer.setMaximumHeight(120)
        self.notice = QLabel()
        self.notice.setObjectName("composerNotice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("color: #b71c1c; padding: 2px 6px;")
        self.notice.hide()
        self._confirmed_text: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.composer)
        self._shown_id: int | None = None
        self.composer.send_requested.connect(self.send)
        self.composer.textChanged.connect(self._on_draft_edited)
        session.conversation_selected.connect(self._on_selected)
        self._on_selected(None)

    def _on_selected(self, conversation) -> None:
        self._save_draft()
        self._shown_id = conversation.id if conversation else None
        if conversation:
            self.header.setText(f"{conversation.buyer_nick}({conversation.buyer_tier})")
            self.composer.setPlainText(conversation.draft or "")
        else:
            self.header.setText(self.tr("选择左侧的会话开始接待"))
            self.composer.clear()
        self.composer.setEnabled(conversation is not None)
        self.view.show_conversation(self._shown_id)

    def _save_draft(self) -> None:
        if self._shown_id is None:
            return
        stored = conversations.get(self.session.store, self._shown_id)
        if stored is not None and stored.draft != self.composer.toPlainText():
            self.session.run(conversations.save_draft, self.session.store, self._shown_id,
                             self.composer.toPlainText())

    def save_draft(self) -> None:
        self._save_draft()

    def send(self) -> None:
        """Send the draft; a phrase variable left without a value asks for a second Enter."""
        text = self.composer.toPlainText()
        unfilled = quickphrases.unfilled(text)
        if unfilled and text != self._confirmed_text:
            self._confirmed_text = text
            self.notice.setText(self.tr("还有没填的变量:{0}。再按一次 Enter 原样发送,或先改好。")
                                .format("、".join("{" + n + "}" for n in unfilled)))
            self.notice.show()
            return
        if self.session.send_text(text):
            self.composer.clear()

    def send_phrase(self, text: str) -> None:
        """A double-clicked phrase goes out on its own; the draft stays as it was."""
        self.composer.take_back(text)
        self.session.send_text(text)

    def _on_draft_edited(self) -> None:
        if self.composer.toPlainText() != self._confirmed_text:
            self._confirmed_text = None
            self.notice.hide()
