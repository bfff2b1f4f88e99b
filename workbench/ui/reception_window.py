"""Reception in the window: status and capacity, the waiting clock's tick and reminders,
keyboard moves between buyers, the quick switcher, the settings dialogs and the F1 help."""

from __future__ import annotations

import html
from dataclasses import fields, replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSpinBox,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from workbench.changes import Refused
from workbench.conversations import reception
from workbench.ui import language
from workbench.ui.session import Session
from workbench.ui.vocabulary import word

TICK_MS = 1000
IDLE_CHECK_TICKS = 60
SHORTCUTS = (
    ("Enter", QT_TRANSLATE_NOOP("HelpOverlay", "发送（可在“我的偏好”改为 Ctrl+Enter）")),
    ("Shift+Enter", QT_TRANSLATE_NOOP("HelpOverlay", "换行")),
    ("Alt+J / Ctrl+Tab", QT_TRANSLATE_NOOP("HelpOverlay", "下一位等待回复的买家")),
    ("Alt+K / Ctrl+Shift+Tab", QT_TRANSLATE_NOOP("HelpOverlay", "上一位等待回复的买家")),
    ("Ctrl+K", QT_TRANSLATE_NOOP("HelpOverlay", "快速切换：输入买家名字")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("HelpOverlay", "在本会话中查找")),
    ("Esc", QT_TRANSLATE_NOOP("HelpOverlay", "回到输入框")),
    (QT_TRANSLATE_NOOP("HelpOverlay", "/编码"),
     QT_TRANSLATE_NOOP("HelpOverlay", "插入快捷短语（方向键选择，Enter 或 Tab 确认）")),
    ("Alt+1 … Alt+9", QT_TRANSLATE_NOOP("HelpOverlay", "插入短语列表中的前九条")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("HelpOverlay", "搜索商品，Enter 发送商品卡片")),
    ("Alt+S", QT_TRANSLATE_NOOP("HelpOverlay", "发送商品页签推荐的尺码回复")),
    ("F1", QT_TRANSLATE_NOOP("HelpOverlay", "显示这份快捷键说明")),
)

# What these functions show belongs to the main window: one translation context for
# Qt at run time (window.tr) and for lupdate, which reads only literal contexts.
translate = QCoreApplication.translate

SETTING_LABELS = {
    "greeting": QT_TRANSLATE_NOOP("SettingsDialog", "自动问候语"),
    "busy_reply": QT_TRANSLATE_NOOP("SettingsDialog", "忙碌时自动回复"),
    "away_reply": QT_TRANSLATE_NOOP("SettingsDialog", "离开时自动回复"),
    "queue_reply": QT_TRANSLATE_NOOP("SettingsDialog", "排队时自动回复"),
    "first_reply_warn_s": QT_TRANSLATE_NOOP("SettingsDialog", "首次回复提醒（秒）"),
    "first_reply_alert_s": QT_TRANSLATE_NOOP("SettingsDialog", "首次回复超时（秒）"),
    "reply_warn_s": QT_TRANSLATE_NOOP("SettingsDialog", "后续回复提醒（秒）"),
    "reply_alert_s": QT_TRANSLATE_NOOP("SettingsDialog", "后续回复超时（秒）"),
    "idle_end_minutes": QT_TRANSLATE_NOOP("SettingsDialog", "无新消息自动结束（分钟）"),
    "reminder_after_s": QT_TRANSLATE_NOOP("SettingsDialog", "买家等待多久提醒我（秒）"),
    "busy_reply_waiting": QT_TRANSLATE_NOOP("SettingsDialog", "几位买家等待时发忙碌回复（0 关闭）"),
}


def install(window) -> None:
    session: Session = window.session
    window.reception = ReceptionMonitor(window)
    window.status_bar_reception = StatusControls(session)
    window.statusBar().addPermanentWidget(window.status_bar_reception)
    view = window.conversation_list
    for keys, step in (("Alt+J", 1), ("Ctrl+Tab", 1), ("Alt+K", -1), ("Ctrl+Shift+Tab", -1)):
        QShortcut(QKeySequence(keys), window, lambda step=step: view.step_waiting(step),
                  context=Qt.ShortcutContext.WindowShortcut)
    QShortcut(QKeySequence("Ctrl+K"), window, lambda: open_switcher(window))
    QShortcut(QKeySequence("Ctrl+F"), window, window.chat.find_bar.open)
    QShortcut(QKeySequence(Qt.Key.Key_F1), window, lambda: toggle_help(window))
    menu = window.area_menu(translate("MainWindow", "接待"))
    menu.addAction(translate("MainWindow", "接待设置（主管）…"),
                   lambda: open_dialog(window, SettingsDialog))
    menu.addAction(translate("MainWindow", "我的偏好…"),
                   lambda: open_dialog(window, PreferencesDialog))
    menu.addAction(translate("MainWindow", "快捷键说明（F1）"), lambda: toggle_help(window))
    apply_preferences(window)


def open_dialog(window, dialog_class) -> QDialog:
    dialog = dialog_class(window.session, window)
    window.open_dialog = dialog
    dialog.show()
    return dialog


def apply_preferences(window) -> None:
    preferences = reception.load_preferences(window.session.store, window.session.agent)
    window.chat.composer.set_send_key(preferences.send_key)
    window.reception.sound = preferences.sound


class ReceptionMonitor(QObject):
    """Ticks every second: moves the waiting clocks, reminds the agent of buyers waiting
    too long (once per wait), shows the unread count in the title and tray, and ends
    conversations that went quiet."""

    reminded = Signal(int)  # conversation id

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session: Session = window.session
        self.sound = False
        self.base_title = window.windowTitle()
        self._reminded: dict[int, float] = {}  # conversation id → the wait it was told of
        self._ticks = 0
        self.tray = QSystemTrayIcon(window.windowIcon(), self) \
            if QSystemTrayIcon.isSystemTrayAvailable() else None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        window.closing.connect(self.timer.stop)
        self.session.changed.connect(lambda _changes: self.show_unread())
        self.show_unread()

    def tick(self) -> None:
        model = self.window.conversation_list.list_model
        model.tick()
        self._remind(model.waiting())
        self._ticks += 1
        if self._ticks % IDLE_CHECK_TICKS == 0:
            self.session.run(reception.end_idle, self.session.store, self.session.agent,
                             self.session.clock())

    def _remind(self, waiting) -> None:
        after = reception.load_settings(self.session.store).reminder_after_s
        now = self.session.clock()
        for conversation in waiting:
            if now - conversation.waiting_since < after or \
                    self._reminded.get(conversation.id) == conversation.waiting_since:
                continue
            self._reminded[conversation.id] = conversation.waiting_since
            text = self.tr("{0} 已等待 {1} 秒").format(conversation.buyer_nick,
                                                     int(now - conversation.waiting_since))
            self.window.show_refusal(text)
            if self.tray is not None:
                self.tray.showMessage(self.tr("买家在等待"), text)
            if self.sound:
                QApplication.beep()
            self.reminded.emit(conversation.id)

    def show_unread(self) -> None:
        """The number of unread messages in the window title (the taskbar) and tray."""
        rows = self.window.conversation_list.list_model.by_id.values()
        unread = sum(c.unread for c in rows)
        self.window.setWindowTitle(f"({unread}) {self.base_title}" if unread
                                   else self.base_title)
        if self.tray is not None:
            self.tray.setToolTip(self.window.windowTitle())


class StatusControls(QWidget):
    """In the status bar: the agent's reception status and how many buyers at once."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.status = QComboBox()
        self.status.setObjectName("receptionStatus")
        for key, label in reception.STATUSES.items():
            self.status.addItem(word(label), key)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("receptionCapacity")
        self.capacity.setRange(1, 200)
        self.capacity.setPrefix(self.tr("同时接待 "))
        current = reception.agent_reception(session.store, session.agent)
        self.status.setCurrentIndex(self.status.findData(current.status))
        self.capacity.setValue(current.capacity)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("状态")))
        layout.addWidget(self.status)
        layout.addWidget(self.capacity)
        self.status.activated.connect(lambda _index: self.apply())
        self.capacity.editingFinished.connect(self.apply)

    def apply(self) -> None:
        self.session.run(reception.set_status, self.session.store, self.session.agent,
                         self.status.currentData(), self.session.clock(),
                         self.capacity.value())


class SettingsDialog(QDialog):
    """The team's reception settings: only a supervisor may save them."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("接待设置"))
        self.values = reception.load_settings(session.store)
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for field in fields(self.values):
            value = getattr(self.values, field.name)
            if isinstance(value, str):
                editor = QPlainTextEdit(value)
                editor.setMaximumHeight(60)
            else:
                editor = QSpinBox()
                editor.setRange(0, 100000)
                editor.setValue(value)
            self.editors[field.name] = editor
            form.addRow(self.tr(SETTING_LABELS[field.name]), editor)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Cancel)
        form.addRow(self.message)
        form.addRow(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        changed = {name: (editor.toPlainText() if isinstance(editor, QPlainTextEdit)
                          else editor.value()) for name, editor in self.editors.items()}
        if not self.session.may_act():
            return
        try:
            self.session.publish(reception.save_settings(
                self.session.store, self.session.agent, replace(self.values, **changed),
                self.session.clock()))
        except Refused as refusal:
            self.message.setText(language.text(refusal))
            return
        self.accept()


class PreferencesDialog(QDialog):
    def __init__(self, session: Session, window):
        super().__init__(window)
        self.session = session
        self.window_ = window
        self.setWindowTitle(self.tr("我的偏好"))
        current = reception.load_preferences(session.store, session.agent)
        self.send_key = QComboBox()
        self.send_key.addItem(self.tr("Enter 发送，Shift+Enter 换行"), "enter")
        self.send_key.addItem(self.tr("Ctrl+Enter 发送，Enter 换行"), "ctrl_enter")
        self.send_key.setCurrentIndex(self.send_key.findData(current.send_key))
        self.sound = QCheckBox(self.tr("买家等待提醒时响铃"))
        self.sound.setChecked(current.sound)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(self.tr("发送键"), self.send_key)
        form.addRow(self.sound)
        form.addRow(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        reception.save_preferences(self.session.store, self.session.agent, reception.Preferences(
            send_key=self.send_key.currentData(), sound=self.sound.isChecked()))
        apply_preferences(self.window_)
        self.accept()


class QuickSwitcher(QDialog):
    """Ctrl+K: type part of a buyer's name, Enter opens the conversation."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("切换会话"))
        self.query = QLineEdit()
        self.query.setObjectName("switcherQuery")
        self.query.setPlaceholderText(self.tr("输入买家名字的一部分"))
        self.results = QListView()
        self.model = QStringListModel()
        self.results.setModel(self.model)
        self.ids: list[int] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        self.query.textChanged.connect(self._filter)
        self.query.returnPressed.connect(self.open_selected)
        self.results.activated.connect(lambda _index: self.open_selected())
        self._filter("")

    def _filter(self, text: str) -> None:
        rows = self.window_.conversation_list.list_model.by_id.values()
        matches = sorted((c for c in rows if text.strip().lower() in c.buyer_nick.lower()),
                         key=lambda c: -(c.last_message_at or 0))
        self.ids = [c.id for c in matches]
        self.model.setStringList([f"{c.buyer_nick}  {c.last_preview}" for c in matches])
        if self.ids:
            self.results.setCurrentIndex(self.model.index(0))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.ids:
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = (self.results.currentIndex().row() + step) % len(self.ids)
            self.results.setCurrentIndex(self.model.index(row))
            return
        super().keyPressEvent(event)

    def open_selected(self) -> None:
        row = self.results.currentIndex().row()
        if 0 <= row < len(self.ids):
            self.window_.conversation_list.select_conversation(self.ids[row])
            self.accept()
            self.window_.chat.composer.setFocus()


def open_switcher(window) -> QuickSwitcher:
    switcher = QuickSwitcher(window)
    window.open_dialog = switcher
    switcher.show()
    switcher.query.setFocus()
    return switcher


class HelpOverlay(QLabel):
    """F1: every shortcut, over the window; F1 or Esc closes it."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("helpOverlay")
        # Our own texts, laid out as a table: keys in one column, what they do in the
        # next (spaces could not line up a proportional font). Opaque, so nothing of the
        # window shows through the help.
        rows = "".join(f"<tr><td>{html.escape(self.tr(keys))}</td>"
                       f"<td style='padding-left: 24px'>{html.escape(self.tr(meaning))}</td></tr>"
                       for keys, meaning in SHORTCUTS)
        title = self.tr("快捷键")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(f"<p><b>{html.escape(title)}</b></p>"
                     f"<table cellspacing='0' cellpadding='2'>{rows}</table>")
        self.setStyleSheet("background: rgb(33, 33, 33); color: white; padding: 24px; "
                           "font-size: 15px; border-radius: 8px;")
        self.adjustSize()

    def show_over(self, window) -> None:
        self.move((window.width() - self.width()) // 2, (window.height() - self.height()) // 3)
        self.show()
        self.raise_()


def toggle_help(window) -> None:
    overlay = getattr(window, "help_overlay", None)
    if overlay is None:
        overlay = window.help_overlay = HelpOverlay(window)
    if overlay.isVisible():
        overlay.hide()
    else:
        overlay.show_over(window)
