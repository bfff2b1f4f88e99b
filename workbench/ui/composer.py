"""The composer: where the agent writes, with phrase completion and an emoji picker."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QListView, QPlainTextEdit

EMOJI = ("😊", "😄", "😂", "🙂", "😉", "😍", "🥰", "😘", "🤗", "🤔", "😅", "😭", "😢", "😮",
         "👍", "👌", "🙏", "👏", "💪", "🤝", "❤️", "💕", "🌹", "🎁", "🎉", "✨", "🔥", "⭐",
         "☀️", "🌙", "📦", "🚚", "💰", "🧧", "✅", "❗", "❓", "⏰", "📷", "🛍️")


class Composer(QPlainTextEdit):
    """Enter sends and Shift+Enter starts a new line (or Ctrl+Enter sends, in that mode);
    /code opens matching phrases; a pasted picture is offered for sending."""

    send_requested = Signal()
    image_pasted = Signal(QImage)
    TRIGGER = re.compile(r"(?:^|\s)/(\S*)$")

    def __init__(self):
        super().__init__()
        self.setObjectName("composer")
        self.setAccessibleName(self.tr("输入框"))
        self.setPlaceholderText(self.tr("输入回复，Enter 发送，Shift+Enter 换行，/编码 插入短语"))
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
        self.send_key = "enter"  # or "ctrl_enter"
        self.textChanged.connect(self._update_completions)

    def set_send_key(self, mode: str) -> None:
        self.send_key = mode
        self.setPlaceholderText(
            self.tr("输入回复，Enter 发送，Shift+Enter 换行，/编码 插入短语") if mode == "enter"
            else self.tr("输入回复，Ctrl+Enter 发送，Enter 换行，/编码 插入短语"))

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
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            modifiers = event.modifiers()
            ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            if (ctrl if self.send_key == "ctrl_enter" else not shift and not ctrl):
                self.send_requested.emit()
                return
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source) -> bool:
        return source.hasImage() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source) -> None:
        if source.hasImage():
            self.image_pasted.emit(QImage(source.imageData()))
            return
        super().insertFromMimeData(source)

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


class EmojiPicker(QListView):
    """A small grid of emoji; a click inserts one into the composer."""

    def __init__(self, composer: Composer):
        super().__init__()
        self.setObjectName("emojiPicker")
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setGridSize(self.fontMetrics().boundingRect("😊").size() * 2)
        self.setModel(QStringListModel(list(EMOJI)))
        self.setFixedSize(self.gridSize().width() * 10 + 8, self.gridSize().height() * 4 + 8)
        self.clicked.connect(lambda index: self._pick(composer, index.data()))

    def _pick(self, composer: Composer, emoji: str) -> None:
        composer.insert_at_cursor(emoji)
        self.hide()
