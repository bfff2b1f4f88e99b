"""The conversation list (left): who is waiting, for how long, and what they said last.

Longest waiting first by default. The waiting clock turns orange at the team's warning
time and red past the reception standard (first reply 30 s, later replies 3 minutes).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workbench import conversations
from workbench.conversations import Conversation, reception
from workbench.ui.item_models import RowsListModel
from workbench.ui.plain_text import tip
from workbench.ui.session import Session

ConversationRole = Qt.ItemDataRole.UserRole + 1
# Shown through the panel's tr(); marked so lupdate collects them under its context.
FILTERS = {"all": QT_TRANSLATE_NOOP("ConversationPanel", "全部会话"),
           "waiting": QT_TRANSLATE_NOOP("ConversationPanel", "等待回复"),
           "unread": QT_TRANSLATE_NOOP("ConversationPanel", "有未读"),
           "mine": QT_TRANSLATE_NOOP("ConversationPanel", "我的")}
SORTS = {"waiting": QT_TRANSLATE_NOOP("ConversationPanel", "等待最久优先"),
         "latest": QT_TRANSLATE_NOOP("ConversationPanel", "最新消息优先")}
LEVEL_COLOURS = {reception.NORMAL: "#607d8b", reception.WARNING: "#ef6c00",
                 reception.ALERT: "#c62828"}
STATE_LABELS = {"queued": QT_TRANSLATE_NOOP("ConversationDelegate", "排队中"),
                "ended": QT_TRANSLATE_NOOP("ConversationDelegate", "已结束")}
ENDED_SHOWN_S = 12 * 3600  # ended conversations stay listed (under 全部) this long


class ConversationListModel(RowsListModel):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.filter = "all"
        self.sort = "waiting"
        self.team = reception.load_settings(session.store)
        self.by_id: dict[int, Conversation] = {
            c.id: c for c in conversations.all_conversations(
                session.store, session.clock() - ENDED_SHOWN_S)}
        self.rows: list[Conversation] = self._visible()
        session.changed.connect(self._on_changed)


    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.buyer_nick
        if role == ConversationRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(f"{row.buyer_nick}（{row.buyer_tier}）")
        return None

    def row_of(self, conversation_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == conversation_id:
                return number
        return None

    def waiting_seconds(self, row: Conversation) -> float | None:
        if row.waiting_since is None or row.state == "ended":
            return None
        return max(0.0, self.session.clock() - row.waiting_since)

    def level(self, row: Conversation) -> str:
        return reception.waiting_level(row, self.session.clock(), self.team)

    def waiting(self) -> list[Conversation]:
        """Conversations whose buyer waits for the agent, longest first."""
        return sorted((c for c in self.by_id.values()
                       if c.waiting_since is not None and c.state != "ended"),
                      key=lambda c: c.waiting_since)

    def tick(self) -> None:
        """The waiting clocks moved on: repaint rows that have one."""
        self.team = reception.load_settings(self.session.store)
        for number, row in enumerate(self.rows):
            if row.waiting_since is not None:
                index = self.index(number)
                self.dataChanged.emit(index, index)

    def set_filter(self, name: str) -> None:
        self.filter = name
        self._relayout()

    def set_sort(self, name: str) -> None:
        self.sort = name
        self._relayout()

    def _keep(self, row: Conversation) -> bool:
        if self.filter == "waiting":
            return row.waiting_since is not None and row.state != "ended"
        if self.filter == "unread":
            return row.unread > 0
        if self.filter == "mine":
            return row.agent_id == self.session.agent.id and row.state != "ended"
        return True

    def _visible(self) -> list[Conversation]:
        rows = [row for row in self.by_id.values() if self._keep(row)]
        if self.sort == "waiting":
            rows.sort(key=lambda c: (c.state == "ended", c.waiting_since is None,
                                     c.waiting_since or 0, -(c.last_message_at or 0)))
        else:
            rows.sort(key=lambda c: -(c.last_message_at or 0))
        return rows

    def _on_changed(self, changes) -> None:
        if not changes.conversations:
            return
        for conversation_id in changes.conversations:
            fresh = conversations.get(self.session.store, conversation_id)
            if fresh is not None:
                self.by_id[conversation_id] = fresh
        self._relayout()

    def _relayout(self) -> None:
        """Re-filter and re-sort, keeping selections on the same conversations."""
        self.layoutAboutToBeChanged.emit()
        old_ids = [row.id for row in self.rows]
        self.rows = self._visible()
        new_rows = {row.id: number for number, row in enumerate(self.rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(new_rows[old_ids[p.row()]])
            if p.row() < len(old_ids) and old_ids[p.row()] in new_rows else QModelIndex()
            for p in persistent])
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
        level = self.model.level(row)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight().color().lighter(160))
        elif level == reception.ALERT:
            painter.fillRect(option.rect, QColor("#ffebee"))
        rect = option.rect.adjusted(10, 6, -10, -6)
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(option.palette.text().color() if row.state != "ended"
                       else option.palette.placeholderText().color())
        state = self.tr(STATE_LABELS[row.state]) if row.state in STATE_LABELS else ""
        title = f"{row.buyer_nick} · {row.buyer_tier}" + (f"  [{state}]" if state else "")
        painter.drawText(QRect(rect.left(), rect.top(), rect.width() - 76, 22),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight,
                                                          rect.width() - 76))
        painter.setFont(option.font)
        waiting = self.model.waiting_seconds(row)
        if waiting is not None:
            painter.setPen(QColor(LEVEL_COLOURS[level]))
            painter.drawText(QRect(rect.right() - 76, rect.top(), 76, 22),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             duration(waiting))
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


def duration(seconds: float) -> str:
    # Painted by ConversationDelegate, so translated in its context.
    seconds = int(seconds)
    if seconds < 60:
        return QCoreApplication.translate("ConversationDelegate", "{0}秒").format(seconds)
    if seconds < 3600:
        return QCoreApplication.translate("ConversationDelegate", "{0}分{1:02d}秒").format(
            seconds // 60, seconds % 60)
    return QCoreApplication.translate("ConversationDelegate", "{0}时{1:02d}分").format(
        seconds // 3600, seconds % 3600 // 60)


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
        if row is None and self.session.current is not None and \
                self.list_model.row_of(self.session.current.id) is None:
            return  # filtered out of sight: the open conversation stays open
        self.session.select(row.id if row else None)

    def select_conversation(self, conversation_id: int) -> bool:
        number = self.list_model.row_of(conversation_id)
        if number is None and self.list_model.filter != "all":
            self.parent_panel().show_all()
            number = self.list_model.row_of(conversation_id)
        if number is None:
            return False
        self.setCurrentIndex(self.list_model.index(number))
        return True

    def step_waiting(self, step: int) -> bool:
        """Alt+J / Alt+K: the next or previous buyer who waits for an answer."""
        waiting = [c.id for c in self.list_model.waiting()]
        if not waiting:
            return False
        current = self.session.current.id if self.session.current else None
        if current in waiting:
            target = waiting[(waiting.index(current) + step) % len(waiting)]
        else:
            target = waiting[0] if step > 0 else waiting[-1]
        return self.select_conversation(target)

    def parent_panel(self) -> ConversationPanel:
        return self.parentWidget()


class ConversationPanel(QWidget):
    """The list with its filter and sort choices above it."""


    def __init__(self, session: Session):
        super().__init__()
        self.view = ConversationListView(session)
        self.view.setParent(self)
        self.filter_box = QComboBox()
        self.filter_box.setObjectName("conversationFilter")
        for key, label in FILTERS.items():
            self.filter_box.addItem(self.tr(label), key)
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("conversationSort")
        for key, label in SORTS.items():
            self.sort_box.addItem(self.tr(label), key)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.filter_box, 1)
        bar.addWidget(self.sort_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.filter_box.currentIndexChanged.connect(
            lambda _i: self.view.list_model.set_filter(self.filter_box.currentData()))
        self.sort_box.currentIndexChanged.connect(
            lambda _i: self.view.list_model.set_sort(self.sort_box.currentData()))

    def show_all(self) -> None:
        self.filter_box.setCurrentIndex(self.filter_box.findData("all"))
