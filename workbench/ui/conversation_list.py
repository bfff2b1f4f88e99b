"""The conversation list (left): who is waiting, for how long, and what they said last."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from workbench import conversations
from workbench.conversations import Conversation
from workbench.ui.session import Session

ConversationRole = Qt.ItemDataRole.UserRole + 1
FIRST_REPLY_WARN_S = 30   # reception standard: first reply within 30 s


class ConversationListModel(QAbstractListModel):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.rows: list[Conversation] = conversations.all_conversations(session.store)
        self._sort_rows()
        session.changed.connect(self._on_changed)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.buyer_nick
        if role == ConversationRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.buyer_nick}({row.buyer_tier})"
        return None

    def row_of(self, conversation_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == conversation_id:
                return number
        return None

    def waiting_seconds(self, row: Conversation) -> float | None:
        if row.waiting_since is None:
            return None
        return max(0.0, self.session.clock() - row.waiting_since)

    def tick(self) -> None:
        """The waiting clocks moved on: repaint rows that have one."""
        for number, row in enumerate(self.rows):
            if row.waiting_since is not None:
                index = self.index(number)
                self.dataChanged.emit(index, index)

    def _sort_rows(self) -> None:
        # Longest waiting first, then latest activity.
        self.rows.sort(key=lambda c: (c.waiting_since is None, c.waiting_since or 0,
                                      -(c.last_message_at or 0)))

    def _on_changed(self, changes) -> None:
        if not changes.conversations:
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = [row.id for row in self.rows]
        by_id = {row.id: row for row in self.rows}
        for conversation_id in changes.conversations:
            fresh = conversations.get(self.session.store, conversation_id)
            if fresh is not None:
                by_id[conversation_id] = fresh
        self.rows = list(by_id.values())
        self._sort_rows()
        new_rows = {row.id: number for number, row in enumerate(self.rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(new_rows[old_ids[p.row()]]) if p.row() < len(old_ids)
             else QModelIndex() for p in persistent])
        self.layoutChanged.emit()


class ConversationDelegate(QStyledItemDelegate):
    HEIGHT = 58

    def __init__(self, model: ConversationListModel):
        super().__init__()
        self.model = model

    def sizeHint(self, option, index) -> QSize:
        return QSize(200, self.HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        row: Conversation = index.data(ConversationRole)
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight().color().lighter(160))
        rect = option.rect.adjusted(10, 6, -10, -6)
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(option.palette.text().color())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width() - 70, 22),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(
                             f"{row.buyer_nick} · {row.buyer_tier}",
                             Qt.TextElideMode.ElideRight, rect.width() - 70))
        painter.setFont(option.font)
        waiting = self.model.waiting_seconds(row)
        if waiting is not None:
            painter.setPen(QColor("#c62828") if waiting >= FIRST_REPLY_WARN_S
                           else QColor("#ef6c00"))
            painter.drawText(QRect(rect.right() - 70, rect.top(), 70, 22),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             _duration(waiting))
        painter.setPen(option.palette.placeholderText().color())
        preview = painter.fontMetrics().elidedText(row.last_preview, Qt.TextElideMode.ElideRight,
                                                   rect.width() - 34)
        painter.drawText(QRect(rect.left(), rect.top() + 24, rect.width() - 34, 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, preview)
        if row.unread:
            badge = QRect(rect.right() - 26, rect.top() + 25, 26, 18)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor("#e53935"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter,
                             str(row.unread) if row.unread < 100 else "99+")
        painter.restore()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}秒"
    if seconds < 3600:
        return f"{seconds // 60}分{seconds % 60:02d}秒"
    return f"{seconds // 3600}时{seconds % 3600 // 60:02d}分"


class ConversationListView(QListView):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.list_model = ConversationListModel(session)
        self.setModel(self.list_model)
        self.setItemDelegate(ConversationDelegate(self.list_model))
        self.setUniformItemSizes(True)
        self.setObjectName("conversationList")
        self.setAccessibleName(self.tr("会话列表"))
        self.selectionModel().currentChanged.connect(self._on_current)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.list_model.tick)
        self._clock.start(1000)

    def focusInEvent(self, event) -> None:
        # Qt makes the first row current when an empty-handed view gains focus; opening a
        # conversation must be the agent's choice, or its unread count would vanish unseen.
        if self.currentIndex().isValid():
            super().focusInEvent(event)
            return
        with QSignalBlocker(self.selectionModel()):
            super().focusInEvent(event)
            self.selectionModel().clear()
        self.viewport().update()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ConversationRole) if current.isValid() else None
        self.session.select(row.id if row else None)

    def select_conversation(self, conversation_id: int) -> None:
        number = self.list_model.row_of(conversation_id)
        if number is not None:
            self.setCurrentIndex(self.list_model.index(number))

