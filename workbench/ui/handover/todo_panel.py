"""The 待办 panel: filters, the list soonest due first, quick add, overdue and reminders.

A timer tick asks the domain to turn items past their due time into 超时 and to hand over
the reminders whose time has come; a reminder shows a notice in the panel (always) and a
tray message where the desktop has a tray.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench import handover, timefmt
from workbench.handover import Todo, sheets
from workbench.ui.item_models import PagedRows, RowsListModel
from workbench.ui.plain_text import tip
from workbench.ui.session import Session
from workbench.ui.vocabulary import word

TodoRole = Qt.ItemDataRole.UserRole + 1
PRIORITY_MARKS = {0: "", 1: "！", 2: "！！"}  # as the quick-add hint asks them typed
PAGE = 50  # rows loaded at a time; the view asks for more as it scrolls
TICK_MS = 1000
STATE_COLOURS = {"未执行": "#546e7a", "执行中": "#1565c0", "超时": "#c62828", "完成": "#2e7d32",
                 "取消": "#9e9e9e", "忽略": "#9e9e9e"}
OVERDUE_COLOUR = "#c62828"
URGENT_PREFIXES = "!！"  # ascii: typed with or without a Chinese input method


def due_words(todo: Todo, now: float) -> str:
    """"还剩 3 小时" / "已超时 20 分钟": how the due time stands, for the agent's eye."""
    # Shown by the model, the delegate and the panel: one context, the panel's.
    translate = QCoreApplication.translate
    if todo.due_at is None:
        return translate("TodoPanel", "无到期时间")
    left = todo.due_at - now
    span = abs(left)
    if span < 3600:
        amount = translate("TodoPanel", "{0} 分钟").format(max(1, int(span // 60)))
    elif span < 86400:
        amount = translate("TodoPanel", "{0:.0f} 小时").format(span / 3600)
    else:
        amount = translate("TodoPanel", "{0:.0f} 天").format(span / 86400)
    due = timefmt.minute(todo.due_at)
    if todo.state in handover.DONE_STATES:
        return translate("TodoPanel", "到期 {0}").format(due)
    if left >= 0:
        return translate("TodoPanel", "还剩 {0}（{1}）").format(amount, due)
    return translate("TodoPanel", "已超时 {0}（{1}）").format(amount, due)


class TodoModel(PagedRows, RowsListModel):
    """The filtered items, loaded a page at a time as the view scrolls."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.scope = "mine"
        self.view = "open"
        self.rows: list[Todo] = []
        self.total = 0
        self.reload()
        session.changed.connect(self._on_changed)


    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        todo = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{PRIORITY_MARKS[todo.priority]}{todo.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [todo.title, self.tr("状态：{0}").format(word(todo.state)),
                     due_words(todo, self.session.clock()),
                     self.tr("负责：{0}").format(todo.assignee_label)]
            if todo.buyer_nick:
                parts.append(self.tr("买家：{0}").format(todo.buyer_nick))
            if todo.order_id:
                parts.append(self.tr("订单：{0}").format(todo.order_id))
            if todo.detail:
                parts.append(todo.detail)
            return tip("\n".join(parts))
        if role == Qt.ItemDataRole.ForegroundRole and self.is_late(todo):
            return QColor(OVERDUE_COLOUR)
        if role == TodoRole:
            return todo
        return None

    def is_late(self, todo: Todo) -> bool:
        return todo.state == "超时" or (
            todo.state in handover.ACTIVE_STATES and todo.due_at is not None
            and todo.due_at < self.session.clock())

    def fetch_page(self, offset: int) -> list[Todo]:
        return self._query(PAGE, offset)

    def set_filter(self, scope: str, view: str) -> None:
        self.scope, self.view = scope, view
        self.reload()

    def reload(self, keep: int = PAGE) -> None:
        """Query again, keeping as many rows loaded as were shown."""
        self.beginResetModel()
        now = self.session.clock()
        self.total = handover.count(self.session.store, self.session.agent, self.scope,
                                    self.view, now)
        self.rows = self._query(max(keep, PAGE), 0)
        self.endResetModel()

    def _query(self, limit: int, offset: int) -> list[Todo]:
        return handover.filtered(self.session.store, self.session.agent, self.scope, self.view,
                                 self.session.clock(), limit=limit, offset=offset)

    def row_of(self, todo_id: int) -> int | None:
        return next((n for n, todo in enumerate(self.rows) if todo.id == todo_id), None)

    def repaint_all(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def _on_changed(self, changes) -> None:
        if changes.todos:
            self.reload(len(self.rows))


class TodoDelegate(QStyledItemDelegate):
    """Two lines: priority, title and state chip; then due time, assignee and buyer."""

    HEIGHT = 46

    def __init__(self, model: TodoModel):
        super().__init__()
        self.model = model
        self._fonts: dict[str, tuple[QFont, QFont]] = {}

    def sizeHint(self, option, index) -> QSize:
        return QSize(200, self.HEIGHT)

    def _fonts_for(self, base: QFont) -> tuple[QFont, QFont]:
        """The chip's smaller font and the bold title font, made once per base font."""
        key = base.key()
        if key not in self._fonts:
            chip = QFont(base)
            chip.setPointSizeF(max(7.0, base.pointSizeF() - 1))
            bold = QFont(base)
            bold.setBold(True)
            self._fonts[key] = (chip, bold)
        return self._fonts[key]

    def paint(self, painter: QPainter, option, index) -> None:
        todo: Todo = index.data(TodoRole)
        if todo is None:
            return
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight().color().lighter(160))
        late = self.model.is_late(todo)
        if late:
            painter.fillRect(QRect(option.rect.left(), option.rect.top(), 4,
                                   option.rect.height()), QColor(OVERDUE_COLOUR))
        rect = option.rect.adjusted(10, 4, -8, -4)
        state = "超时" if late and todo.state != "超时" else todo.state
        chip_font, bold_font = self._fonts_for(option.font)
        painter.setFont(chip_font)
        shown = word(state)
        chip_width = painter.fontMetrics().horizontalAdvance(shown) + 12
        chip = QRect(rect.right() - chip_width, rect.top() + 2, chip_width, 18)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLOURS.get(state, "#546e7a")))
        painter.drawRoundedRect(chip, 9, 9)
        painter.setPen(QColor("white"))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, shown)

        painter.setFont(bold_font if todo.priority == 2 or late else option.font)
        painter.setPen(QColor(OVERDUE_COLOUR) if late else option.palette.text().color())
        title_width = rect.width() - chip_width - 6
        title = painter.fontMetrics().elidedText(
            f"{PRIORITY_MARKS[todo.priority]}{todo.title}", Qt.TextElideMode.ElideRight,
            title_width)
        painter.drawText(QRect(rect.left(), rect.top(), title_width, 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(option.font)
        painter.setPen(QColor(OVERDUE_COLOUR) if late
                       else option.palette.placeholderText().color())
        parts = [due_words(todo, self.model.session.clock()), todo.assignee_label]
        if todo.buyer_nick:
            parts.append(todo.buyer_nick)
        if todo.order_id:
            parts.append(self.tr("订单 {0}").format(todo.order_id[-6:]))
        line = painter.fontMetrics().elidedText(" · ".join(parts), Qt.TextElideMode.ElideRight,
                                                rect.width())
        painter.drawText(QRect(rect.left(), rect.top() + 20, rect.width(), 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        painter.restore()


class Notice(QFrame):
    """A visible in-window notice with an action and a close button."""

    action_clicked = Signal()

    def __init__(self, object_name: str, colour: str, action: str):
        super().__init__()
        self.setObjectName(object_name)
        self.setStyleSheet(f"QFrame#{object_name} {{ background: {colour}; border-radius: 4px; }}")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.action = QPushButton(action)
        self.action.setFlat(True)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("知道了"))
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 2, 2)
        row.addWidget(self.label, 1)
        row.addWidget(self.action)
        row.addWidget(close)
        self.dismissed = ""
        self.action.clicked.connect(self.action_clicked)
        close.clicked.connect(self.dismiss)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def dismiss(self) -> None:
        """Hide; the same text does not come back until something changes."""
        self.dismissed = self.label.text()
        self.hide()


class TodoPanel(QWidget):
    open_requested = Signal(object)      # Todo: jump to its conversation or order
    edit_requested = Signal(object)      # Todo | None: the item dialog (None: a new one)
    handover_requested = Signal()        # open the handover sheets

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        title = QLabel(self.tr("待办"))
        title.setStyleSheet("font-weight: bold; padding: 4px;")
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("todoScope")
        for key, name in handover.SCOPES.items():
            self.scope_box.addItem(word(name), key)
        self.view_box = QComboBox()
        self.view_box.setObjectName("todoView")
        for key, name in handover.VIEW_NAMES.items():
            self.view_box.addItem(word(name), key)
        self.count_label = QLabel()
        self.count_label.setObjectName("todoCount")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.scope_box)
        header.addWidget(self.view_box)
        header.addWidget(self.count_label)

        self.notice = Notice("todoNotice", "#fff3cd", self.tr("查看"))
        self.handover_notice = Notice("handoverNotice", "#e3f2fd", self.tr("打开交接单"))
        self.model = TodoModel(session)
        self.view = QListView()
        self.view.setObjectName("todoList")
        self.view.setAccessibleName(self.tr("待办列表"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(TodoDelegate(self.model))
        self.view.setUniformItemSizes(True)
        self.quick_add = QLineEdit()
        self.quick_add.setObjectName("todoQuickAdd")
        self.quick_add.setPlaceholderText(
            self.tr("新待办，Enter 添加（24 小时内到期；！开头为紧急）"))
        done = QPushButton(self.tr("完成"))
        done.setObjectName("todoDone")
        self.more = QToolButton()
        self.more.setObjectName("todoMore")
        self.more.setText(self.tr("更多"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        row = QHBoxLayout()
        row.addWidget(self.quick_add, 1)
        row.addWidget(done)
        row.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.handover_notice)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

        self._build_actions()
        self.quick_add.returnPressed.connect(self.add_from_input)
        done.clicked.connect(self.complete_selected)
        self.scope_box.currentIndexChanged.connect(self._on_filter)
        self.view_box.currentIndexChanged.connect(self._on_filter)
        self.view.activated.connect(self._on_activated)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._restore_current)
        self.notice.action_clicked.connect(self._open_reminded)
        self.handover_notice.action_clicked.connect(self.handover_requested)
        self._current_id: int | None = None
        self._reminded: list[Todo] = []
        self._tray: QSystemTrayIcon | None = None
        # The clock runs while the panel is shown: a closed window (and its closed store)
        # must not be ticked.
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._update_count()
        self._update_handover_notice()

    # ------------------------------------------------------------------ actions

    def _build_actions(self) -> None:
        def action(text: str, slot, name: str) -> QAction:
            made = QAction(text, self)
            made.setObjectName(name)
            made.triggered.connect(slot)
            return made

        self.open_action = action(self.tr("打开关联会话/订单"), self.open_selected, "todoOpen")
        self.start_action = action(self.tr("开始执行"),
                                   lambda: self.set_selected_state("执行中"), "todoStart")
        self.complete_action = action(self.tr("完成"), self.complete_selected, "todoComplete")
        self.cancel_action = action(self.tr("取消"),
                                    lambda: self.set_selected_state("取消"), "todoCancel")
        self.ignore_action = action(self.tr("忽略"),
                                    lambda: self.set_selected_state("忽略"), "todoIgnore")
        self.reopen_action = action(self.tr("重新打开"),
                                    lambda: self.set_selected_state("未执行"), "todoReopen")
        self.edit_action = action(self.tr("编辑 / 查看记录…"), self.edit_selected, "todoEdit")
        self.new_action = action(self.tr("新建待办…"), lambda: self.edit_requested.emit(None),
                                 "todoNew")
        separator = QAction(self)
        separator.setSeparator(True)
        actions = [self.open_action, self.edit_action, separator, self.start_action,
                   self.complete_action, self.cancel_action, self.ignore_action,
                   self.reopen_action]
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions(actions)
        menu = QMenu(self)
        menu.addActions([*actions, self.new_action])
        self.more.setMenu(menu)

    def add_notice(self, notice: Notice) -> None:
        """Another area's notice, shown below the panel's own (the 售后 approvals)."""
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.handover_notice) + 1, notice)

    def selected(self) -> Todo | None:
        index = self.view.currentIndex()
        return index.data(TodoRole) if index.isValid() else None

    def select_todo(self, todo_id: int) -> bool:
        """Make the item current if the filter shows it."""
        number = self.model.row_of(todo_id)
        if number is None:
            return False
        self.view.setCurrentIndex(self.model.index(number))
        return True

    def add_from_input(self) -> None:
        text = self.quick_add.text().strip()
        priority = 1
        if text[:1] and text[0] in URGENT_PREFIXES:
            priority = 2
            text = text.lstrip(URGENT_PREFIXES).strip()
        conversation = self.session.current
        now = self.session.clock()
        if self.session.run(handover.add, self.session.store, text, self.session.agent, now,
                            priority=priority,
                            buyer_id=conversation.buyer_id if conversation else None,
                            conversation_id=conversation.id if conversation else None,
                            due_at=now + handover.PROMISE_HOURS * 3600):
            self.quick_add.clear()

    def complete_selected(self) -> None:
        self.set_selected_state("完成")

    def set_selected_state(self, state: str) -> None:
        todo = self.selected()
        if todo is not None:
            self.session.run(handover.set_state, self.session.store, todo.id, state,
                             self.session.agent, self.session.clock())

    def open_selected(self) -> None:
        todo = self.selected()
        if todo is not None:
            self.open_requested.emit(todo)

    def edit_selected(self) -> None:
        todo = self.selected()
        if todo is not None:
            self.edit_requested.emit(todo)

    def refresh(self) -> None:
        """Query again (the schedule or the signed-in agent's view changed)."""
        self.model.reload(len(self.model.rows))
        self._update_count()

    # ------------------------------------------------------------------ the clock

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._timer.isActive():
            self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def tick(self) -> None:
        """Overdue items turn 超时；due reminders raise a notice; times move on."""
        store, now = self.session.store, self.session.clock()
        self.session.publish(handover.mark_overdue(store, now))
        reminded, changes = handover.take_reminders(store, self.session.agent, now)
        self.session.publish(changes)
        if reminded:
            self.notify(reminded)
        self.model.repaint_all()
        self._update_handover_notice()

    def notify(self, todos: list[Todo]) -> None:
        """Always a notice in the window; a tray message too where there is a tray."""
        self._reminded = todos
        first = todos[0]
        who = f"({first.buyer_nick})" if first.buyer_nick else ""
        text = self.tr("⏰ 待办提醒：{0}{1}，{2}").format(
            first.title, who, due_words(first, self.session.clock()))
        if len(todos) > 1:
            text += self.tr(" 等 {0} 项").format(len(todos))
        self.notice.show_text(text)
        if QSystemTrayIcon.isSystemTrayAvailable():
            tray = self._tray_icon()
            tray.showMessage(self.tr("待办提醒"), text, QSystemTrayIcon.MessageIcon.Information,
                             10000)

    def _tray_icon(self) -> QSystemTrayIcon:
        if self._tray is None:
            icon = self.window().windowIcon()
            if icon.isNull():
                pixmap = QPixmap(16, 16)
                pixmap.fill(QColor("#1e88e5"))
                icon = QIcon(pixmap)
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.setToolTip(self.tr("客服工作台"))
            self._tray.messageClicked.connect(self._open_reminded)
            self._tray.show()
        return self._tray

    def _open_reminded(self) -> None:
        if self._reminded:
            todo = handover.get(self.session.store, self._reminded[0].id)
            if todo is not None:
                self.select_todo(todo.id)
                self.open_requested.emit(todo)
        self.notice.hide()

    def _update_handover_notice(self) -> None:
        agent = self.session.agent
        waiting = sheets.pending(self.session.store, agent)
        incoming = [s for s in waiting if s.from_agent_id != agent.id]
        outgoing = [s for s in waiting if s.from_agent_id == agent.id]
        parts = []
        if incoming and agent.role == sheets.ALL_SHEETS_ROLE:
            parts.append(self.tr("{0} 份交接单尚未被接收").format(len(incoming)))
        elif incoming:
            parts.append(self.tr("{0} 份交接单待接收").format(len(incoming)))
        if outgoing:
            parts.append(self.tr("你交出的 {0} 份尚未被接收").format(len(outgoing)))
        text = (self.tr("交接：") + ";".join(parts)) if parts else ""
        if not text:
            self.handover_notice.hide()
        elif text != self.handover_notice.dismissed and (
                self.handover_notice.isHidden() or self.handover_notice.label.text() != text):
            self.handover_notice.show_text(text)

    # ------------------------------------------------------------------ internals

    def _on_filter(self) -> None:
        self.model.set_filter(self.scope_box.currentData(), self.view_box.currentData())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{0} 项").format(self.model.total))

    def _on_activated(self, index: QModelIndex) -> None:
        todo = index.data(TodoRole)
        if todo is not None:
            self.open_requested.emit(todo)

    def _remember_current(self) -> None:
        todo = self.selected()
        self._current_id = todo.id if todo else None

    def _restore_current(self) -> None:
        self._update_count()
        if self._current_id is not None:
            self.select_todo(self._current_id)
