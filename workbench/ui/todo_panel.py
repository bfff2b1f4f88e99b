"""The 待办 panel: open follow-ups, soonest due first; quick add from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench import handover, timefmt
from workbench.handover import Todo
from workbench.ui.session import Session

TodoRole = Qt.ItemDataRole.UserRole + 1
PRIORITY_MARKS = {0: "", 1: "!", 2: "!!"}


class TodoModel(QAbstractListModel):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.rows: list[Todo] = handover.open_items(session.store)
        session.changed.connect(self._on_changed)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        todo = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            due = timefmt.minute(todo.due_at) if todo.due_at else "—"
            who = f" · {todo.buyer_nick}" if todo.buyer_nick else ""
            return f"{PRIORITY_MARKS[todo.priority]}{todo.title}\n{self.tr('到期')} {due}{who}"
        if role == Qt.ItemDataRole.ForegroundRole and todo.due_at and \
                todo.due_at < self.session.clock():
            return QColor("#c62828")
        if role == TodoRole:
            return todo
        return None

    def _on_changed(self, changes) -> None:
        if changes.todos:
            self.beginResetModel()
            self.rows = handover.open_items(self.session.store)
            self.endResetModel()


class TodoPanel(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        title = QLabel(self.tr("待办"))
        title.setStyleSheet("font-weight: bold; padding: 4px;")
        self.model = TodoModel(session)
        self.view = QListView()
        self.view.setObjectName("todoList")
        self.view.setModel(self.model)
        self.quick_add = QLineEdit()
        self.quick_add.setObjectName("todoQuickAdd")
        self.quick_add.setPlaceholderText(self.tr("新待办,Enter 添加(24 小时内到期)"))
        done = QPushButton(self.tr("完成"))
        done.setObjectName("todoDone")
        row = QHBoxLayout()
        row.addWidget(self.quick_add, 1)
        row.addWidget(done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.quick_add.returnPressed.connect(self.add_from_input)
        done.clicked.connect(self.complete_selected)

    def add_from_input(self) -> None:
        conversation = self.session.current
        now = self.session.clock()
        if self.session.run(handover.add, self.session.store, self.quick_add.text(),
                            self.session.agent, now,
                            buyer_id=conversation.buyer_id if conversation else None,
                            conversation_id=conversation.id if conversation else None,
                            due_at=now + handover.PROMISE_HOURS * 3600):
            self.quick_add.clear()

    def complete_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            todo: Todo = index.data(TodoRole)
            self.session.run(handover.set_state, self.session.store, todo.id, "完成",
                             self.session.agent, self.session.clock())
