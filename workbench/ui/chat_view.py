"""The messages of the open conversation, as bubbles painted from an item model.

Every message is painted as plain text with QPainter.drawText: no markup a buyer writes
is ever interpreted (a product card too: its title, price and link are drawn as text).
Messages longer than DISPLAY_CHARS characters or DISPLAY_LINES lines are cut for display
(the full text opens on click or Enter), so a 100 000-character message neither freezes
nor breaks layout.
Older history pages in when the view is scrolled to the top.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QDesktopServices, QFontMetrics, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QVBoxLayout,
)

from workbench import conversations, timefmt
from workbench.conversations import Message, cards
from workbench.ui.item_models import RowsListModel
from workbench.ui.session import Session

MessageRole = Qt.ItemDataRole.UserRole + 1
DISPLAY_CHARS = 3000   # longer messages are shown cut, with their full length noted
DISPLAY_LINES = 40     # and so are taller ones: 3 000 one-character lines fill 30 screens
LONG_LINE = 5000       # the full-text viewer does not wrap a line this long (see there)
THUMBNAIL = 160
CARD_WIDTH, CARD_HEIGHT, CARD_PICTURE = 280, 72, 64   # a product card (kind 'card')
PRICE_COLOUR = "#e53935"
PAGE = 200
SEPARATOR_HEIGHT = 22
LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"']+|javascript:[^\s<>\"']*", re.IGNORECASE)
SAFE_SCHEMES = ("http", "https")

BUBBLE_COLOURS = {"buyer": "#ffffff", "agent": "#d6ecff", "auto": "#eeeeee",
                  "system": "#fff8e1", "note": "#fff3e0"}
# display_text (a free function, used by the model and the delegate) translates these and
# its own text in the MessageModel context.
SENDER_LABELS = {"auto": QT_TRANSLATE_NOOP("MessageModel", "[自动回复] "),
                 "system": QT_TRANSLATE_NOOP("MessageModel", "[系统] "),
                 "note": QT_TRANSLATE_NOOP("MessageModel", "[内部备注] ")}
STATUS_LABELS = {"sending": QT_TRANSLATE_NOOP("MessageDelegate", "发送中"),
                 "sent": QT_TRANSLATE_NOOP("MessageDelegate", "已发送"),
                 "failed": QT_TRANSLATE_NOOP("MessageDelegate", "发送失败，点击重发")}
ON_RIGHT = ("agent", "auto")


def shown_part(text: str) -> str:
    """What a bubble shows of a message: at most DISPLAY_CHARS characters in at most
    DISPLAY_LINES lines."""
    shown = text[:DISPLAY_CHARS]
    lines = shown.split("\n", DISPLAY_LINES)
    return "\n".join(lines[:DISPLAY_LINES]) if len(lines) > DISPLAY_LINES else shown


def is_cut(text: str) -> bool:
    return len(shown_part(text)) < len(text)


def display_text(message: Message) -> str:
    text = message.text
    shown = shown_part(text)
    if len(shown) < len(text):
        text = shown + QCoreApplication.translate(
            "MessageModel", "…（共 {0} 字，仅显示前 {1} 字，点击查看全文）").format(
            len(message.text), len(shown))
    label = SENDER_LABELS.get(message.sender)
    return (QCoreApplication.translate("MessageModel", label) if label else "") + text


def links(text: str) -> list[str]:
    return LINK.findall(text[:DISPLAY_CHARS * 10])


def is_safe_link(address: str) -> bool:
    url = QUrl.fromUserInput(address)
    return url.isValid() and url.scheme().lower() in SAFE_SCHEMES


class MessageModel(RowsListModel):
    """The messages of the selected conversation, newest last; older pages load on demand."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.rows: list[Message] = []
        self.conversation_id: int | None = None
        self.has_older = False
        self.highlighted: int | None = None  # a message found with Ctrl+F
        session.changed.connect(self._on_changed)


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
        self.highlighted = None
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

    def row_of(self, message_id: int) -> int | None:
        """The row of a message, loading older pages until it is there."""
        if self.conversation_id is None:
            return None
        if self.rows and message_id < self.rows[0].id:
            self.beginResetModel()
            self.rows = conversations.history_from(self.session.store, self.conversation_id,
                                                   message_id)
            self.has_older = True
            self.endResetModel()
        return next((n for n, m in enumerate(self.rows) if m.id == message_id), None)

    def highlight(self, message_id: int | None) -> None:
        self.highlighted = message_id
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def _on_changed(self, changes) -> None:
        if self.conversation_id is None or self.conversation_id not in changes.conversations:
            return
        known = {m.id: n for n, m in enumerate(self.rows)}
        newest = self.rows[-1].id if self.rows else 0
        for message_id in sorted(changes.messages):
            if message_id in known:
                fresh = conversations.message_by_uid(self.session.store,
                                                     self.rows[known[message_id]].uid)
                if fresh:
                    self.rows[known[message_id]] = fresh
                    index = self.index(known[message_id])
                    self.dataChanged.emit(index, index)
        if any(message_id > newest for message_id in changes.messages) or not changes.messages:
            added = [m for m in conversations.history(self.session.store, self.conversation_id,
                                                      limit=PAGE) if m.id > newest]
            if added:
                self.beginInsertRows(QModelIndex(), len(self.rows),
                                     len(self.rows) + len(added) - 1)
                self.rows.extend(added)
                self.endInsertRows()


class MessageDelegate(QStyledItemDelegate):
    MARGIN = 8
    PADDING = 8

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self._thumbnails: dict[str, QPixmap] = {}
        self._card_pictures: dict[str, QPixmap | None] = {}   # by message uid

    def _bubble_width(self, option) -> int:
        return max(120, int(option.rect.width() * 0.7))

    def thumbnail(self, message: Message) -> QPixmap:
        path = str(conversations.image_path(self.session.store, message))
        if path not in self._thumbnails:
            reader = QImageReader(path)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMBNAIL, THUMBNAIL,
                                                 Qt.AspectRatioMode.KeepAspectRatio))
            self._thumbnails[path] = QPixmap.fromImageReader(reader)
        return self._thumbnails[path]

    def card_picture(self, message: Message) -> QPixmap | None:
        """The picture of the product a card shows, when the shop has it on this computer."""
        if message.uid not in self._card_pictures:
            from workbench import products

            product = products.for_card(self.session.store, cards.parse(message.text))
            path = products.image_path(self.session.store, product) if product else None
            picture = None
            if path is not None:
                reader = QImageReader(str(path))
                size = reader.size()
                if size.isValid():
                    reader.setScaledSize(size.scaled(CARD_PICTURE, CARD_PICTURE,
                                                     Qt.AspectRatioMode.KeepAspectRatio))
                picture = QPixmap.fromImageReader(reader)
            self._card_pictures[message.uid] = picture if picture and not picture.isNull() \
                else None
        return self._card_pictures[message.uid]

    def _content_size(self, option, message: Message) -> QSize:
        if message.kind == "image":
            pixmap = self.thumbnail(message)
            return pixmap.size() if not pixmap.isNull() else QSize(120, 20)
        if message.kind == cards.KIND:
            return QSize(min(CARD_WIDTH, self._bubble_width(option) - 2 * self.PADDING),
                         CARD_HEIGHT)
        metrics = QFontMetrics(option.font)
        inner = self._bubble_width(option) - 2 * self.PADDING
        rect = metrics.boundingRect(QRect(0, 0, inner, 100000), Qt.TextFlag.TextWordWrap |
                                    Qt.TextFlag.TextWrapAnywhere, display_text(message))
        return rect.size()

    @staticmethod
    def _starts_day(index: QModelIndex) -> bool:
        message: Message = index.data(MessageRole)
        if index.row() == 0:
            return True
        previous: Message = index.siblingAtRow(index.row() - 1).data(MessageRole)
        return timefmt.local(previous.created_at).date() != timefmt.local(
            message.created_at).date()

    def sizeHint(self, option, index) -> QSize:
        message: Message = index.data(MessageRole)
        content = self._content_size(option, message)
        separator = SEPARATOR_HEIGHT if self._starts_day(index) else 0
        return QSize(option.rect.width(),
                     separator + content.height() + 2 * self.PADDING + 2 * self.MARGIN + 16)

    def paint(self, painter: QPainter, option, index) -> None:
        message: Message = index.data(MessageRole)
        painter.save()
        top = option.rect.top()
        if self._starts_day(index):
            self._paint_day(painter, option, message, top)
            top += SEPARATOR_HEIGHT
        content = self._content_size(option, message)
        width = content.width() + 2 * self.PADDING
        if message.sender in ON_RIGHT:
            left = option.rect.right() - self.MARGIN - width
            align = Qt.AlignmentFlag.AlignRight
        elif message.sender == "system":
            left = option.rect.left() + (option.rect.width() - width) // 2
            align = Qt.AlignmentFlag.AlignHCenter
        else:
            left = option.rect.left() + self.MARGIN
            align = Qt.AlignmentFlag.AlignLeft
        bubble = QRect(left, top + self.MARGIN + 16, width, content.height() + 2 * self.PADDING)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        status = (self.tr(STATUS_LABELS[message.status])
                  if message.sender in ON_RIGHT and message.status in STATUS_LABELS else "")
        painter.setPen(QColor("#c62828") if message.status == "failed" else QColor("#888888"))
        painter.drawText(QRect(option.rect.left() + self.MARGIN, top + 4,
                               option.rect.width() - 2 * self.MARGIN, 16),
                         align | Qt.AlignmentFlag.AlignVCenter,
                         f"{timefmt.local(message.created_at):%H:%M:%S} {status}".strip())
        highlighted = index.model().highlighted == message.id
        painter.setPen(QColor("#f9a825") if highlighted else QColor("#cfd8dc"))
        painter.setBrush(QColor(BUBBLE_COLOURS.get(message.sender, "#ffffff")))
        painter.drawRoundedRect(bubble, 8, 8)
        inner = bubble.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        if message.kind == "image":
            painter.drawPixmap(inner.topLeft(), self.thumbnail(message))
        elif message.kind == cards.KIND:
            self._paint_card(painter, option, inner, message)
        else:
            painter.setPen(QColor("#212121"))
            painter.drawText(inner, Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere,
                             display_text(message))
        painter.restore()

    def _paint_card(self, painter: QPainter, option, inner: QRect, message: Message) -> None:
        """Picture, title (two lines at most), price and link; all plain text."""
        card = cards.parse(message.text)
        picture_rect = QRect(inner.left(), inner.top() + (inner.height() - CARD_PICTURE) // 2,
                             CARD_PICTURE, CARD_PICTURE)
        picture = self.card_picture(message)
        if picture is not None:
            painter.drawPixmap(picture_rect.topLeft(), picture)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#eceff1"))
            painter.drawRoundedRect(picture_rect, 4, 4)
            painter.setPen(QColor("#90a4ae"))
            painter.drawText(picture_rect, Qt.AlignmentFlag.AlignCenter, self.tr("商品"))
        text = inner.adjusted(CARD_PICTURE + 8, 0, 0, 0)
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        title = metrics.elidedText(card.title, Qt.TextElideMode.ElideRight,
                                   2 * text.width() - metrics.averageCharWidth() * 2)
        painter.setPen(QColor("#212121"))
        painter.drawText(QRect(text.left(), text.top(), text.width(), 2 * line),
                         Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere, title)
        bottom = QRect(text.left(), text.top() + 2 * line, text.width(), line)
        if card.price is not None:
            painter.setPen(QColor(PRICE_COLOUR))
            painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, f"¥{card.price:.2f}")
        if card.link:
            painter.setPen(QColor("#9e9e9e"))
            shown = card.link.split("://", 1)[-1]
            painter.drawText(bottom, Qt.AlignmentFlag.AlignRight, metrics.elidedText(
                shown, Qt.TextElideMode.ElideMiddle, text.width() // 2))

    def _paint_day(self, painter: QPainter, option, message: Message, top: int) -> None:
        day = timefmt.local(message.created_at).date()
        label = self.tr("今天") if day == dt.date.today() else f"{day:%Y-%m-%d}"
        painter.setPen(QColor("#9e9e9e"))
        painter.drawText(QRect(option.rect.left(), top, option.rect.width(), SEPARATOR_HEIGHT),
                         Qt.AlignmentFlag.AlignCenter, f"—— {label} ——")


class ChatView(QListView):
    """Clicking a message acts on it: retry a failed one, open an image full size, read a
    long message whole, or see a link's address before opening it."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.message_model = MessageModel(session)
        self.delegate = MessageDelegate(session)
        self.setModel(self.message_model)
        self.setItemDelegate(self.delegate)
        self.setObjectName("chatView")
        self.setAccessibleName(self.tr("聊天记录"))
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setStyleSheet("QListView#chatView { background: #f5f7fa; }")
        self.message_model.rowsInserted.connect(self._on_rows_inserted)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.clicked.connect(self._on_clicked)
        self.opened_dialog: QDialog | None = None  # the last viewer opened (tests read it)

    def show_conversation(self, conversation_id: int | None) -> None:
        self.message_model.show_conversation(conversation_id)
        self.scrollToBottom()

    def show_message(self, message_id: int) -> None:
        row = self.message_model.row_of(message_id)
        if row is not None:
            self.message_model.highlight(message_id)
            self.scrollTo(self.message_model.index(row), QListView.ScrollHint.PositionAtCenter)

    def _on_rows_inserted(self, _parent, first: int, _last: int) -> None:
        if first > 0:
            self.scrollToBottom()

    def _on_scrolled(self, value: int) -> None:
        if value == 0 and self.message_model.has_older:
            self.message_model.load_older()

    def _on_clicked(self, index: QModelIndex) -> None:
        message: Message = index.data(MessageRole)
        if message.sender == "agent" and message.status == "failed":
            self.session.retry(message)
        elif message.kind == "image":
            self._open(ImageViewer(conversations.image_path(self.session.store, message), self))
        elif is_cut(message.text):
            self._open(FullTextDialog(message.text, self))
        elif links(message.text):
            self._open(LinkDialog(links(message.text), self))

    def keyPressEvent(self, event) -> None:
        """Enter on a message does what a click does: the full text, the links, the
        picture, or sending a failed reply again."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._on_clicked(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open(self, dialog: QDialog) -> None:
        self.opened_dialog = dialog
        dialog.show()


class ImageViewer(QDialog):
    def __init__(self, path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("图片"))
        self.label = QLabel()
        self.label.setPixmap(QPixmap(str(path)))
        scroll = QScrollArea()
        scroll.setWidget(self.label)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(720, 560)


class FullTextDialog(QDialog):
    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("全文（{0} 字）").format(len(text)))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        if any(len(line) > LONG_LINE for line in text.split("\n")):
            # Wrapping one line of 200 000 characters lays all of it out at once (seconds);
            # unwrapped it scrolls sideways and opens at once, the text exactly as sent.
            self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setPlainText(text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.resize(720, 560)


class LinkDialog(QDialog):
    """Shows each address in full; only http(s) addresses can be opened, and only here."""

    def __init__(self, addresses: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("消息中的链接"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请确认地址可信后再打开：")))
        self.open_buttons: list[QPushButton] = []
        for address in addresses:
            shown = QLabel(address)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(shown)
            button = QPushButton(self.tr("在浏览器中打开") if is_safe_link(address)
                                 else self.tr("不安全的链接，已阻止"))
            button.setEnabled(is_safe_link(address))
            button.clicked.connect(self._opener(address))
            self.open_buttons.append(button)
            layout.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    @staticmethod
    def _opener(address: str):
        def open_address() -> None:
            QDesktopServices.openUrl(QUrl.fromUserInput(address))
        return open_address
