"""The typing test (打字测试): the agent copies a passage, timed from the first keystroke by
the session's clock, scored in characters per minute and accuracy against the course's
standard of 60 字/分钟. The box takes only typing: pasted or dropped text is refused."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench import timefmt
from workbench.changes import Refused
from workbench.training import typing_speed
from workbench.ui import language
from workbench.ui.item_models import RowsTableModel
from workbench.ui.standards.common import table_view

TICK_MS = 500


class TypingResultsModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("TypingResultsModel", "时间"),
               QT_TRANSLATE_NOOP("TypingResultsModel", "速度（字/分钟）"),
               QT_TRANSLATE_NOOP("TypingResultsModel", "准确率"),
               QT_TRANSLATE_NOOP("TypingResultsModel", "用时"),
               QT_TRANSLATE_NOOP("TypingResultsModel", "达标"))

    def __init__(self):
        super().__init__()
        self.rows = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or \
                not 0 <= index.row() < len(self.rows):
            return None
        test = self.rows[index.row()]
        passed = self.tr("是") if test.passed else self.tr("否")
        return (timefmt.minute(test.started_at), f"{test.speed:g}", f"{test.accuracy:.1%}",
                self.tr("{0:g} 秒").format(test.seconds), passed)[index.column()]


class TypedOnlyEdit(QPlainTextEdit):
    """A text box that takes keys and an input method's commits, and refuses whatever
    arrives as data: paste (Ctrl+V, the context menu, a middle click) and drops. Pasted
    text would be measured as typed at an impossible speed."""

    refused = Signal()    # something was pasted or dropped, and not taken

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(False)

    def canInsertFromMimeData(self, source) -> bool:
        return False

    def insertFromMimeData(self, source) -> None:
        self.refused.emit()


class TypingTestWindow(QWidget):
    """Pick a passage and type it in the box below; the finish button or the last
    character scores it."""

    measured = Signal(object)    # the TypingResult, once recorded

    def __init__(self, session, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.started_at: float | None = None
        self.setObjectName("typingTestWindow")
        self.setWindowTitle(self.tr("打字测试"))
        self.resize(760, 560)
        self.passages = typing_speed.passages()
        self.choice = QComboBox()
        self.choice.setObjectName("typingPassage")
        for passage in self.passages:
            self.choice.addItem(passage.title, passage.key)
        self.passage = QPlainTextEdit()
        self.passage.setObjectName("typingSource")
        self.passage.setReadOnly(True)
        # Copied text would measure nothing: the passage can be read, not selected.
        self.passage.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.passage.setMaximumHeight(120)
        self.typed = TypedOnlyEdit()
        self.typed.setObjectName("typingInput")
        self.typed.setPlaceholderText(self.tr("在这里照着上面的文字输入，第一个字起开始计时"))
        self.rule = QLabel(self.tr("请逐字输入：不能粘贴或拖入文字。"))
        self.rule.setObjectName("typingRule")
        self.live = QLabel()
        self.live.setObjectName("typingLive")
        self.result = QLabel()
        self.result.setObjectName("typingResult")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.finish_button = QPushButton(self.tr("完成"))
        self.finish_button.setObjectName("typingFinish")
        self.again_button = QPushButton(self.tr("重新开始"))
        self.model = TypingResultsModel()
        self.view = table_view(self.model)
        self.view.setObjectName("typingResults")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("材料")))
        top.addWidget(self.choice, 1)
        top.addWidget(QLabel(self.tr("标准：每分钟 {0:g} 字").format(
            typing_speed.STANDARD_CPM)))
        buttons = QHBoxLayout()
        buttons.addWidget(self.live, 1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.passage)
        layout.addWidget(self.rule)
        layout.addWidget(self.typed, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(QLabel(self.tr("我的测试记录")))
        layout.addWidget(self.view, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.show_live)
        self.choice.currentIndexChanged.connect(lambda *_: self.reset())
        self.typed.textChanged.connect(self._typed)
        self.typed.refused.connect(self._paste_refused)
        self.finish_button.clicked.connect(self.finish)
        self.again_button.clicked.connect(self.reset)
        session.changed.connect(lambda changes: changes.training_results and self.reload())
        self.reset()
        self.reload()

    def current(self) -> typing_speed.Passage:
        return self.passages[max(self.choice.currentIndex(), 0)]

    def reset(self) -> None:
        self.timer.stop()
        self.started_at = None
        self.passage.setPlainText(self.current().text)
        self.typed.blockSignals(True)
        self.typed.clear()
        self.typed.blockSignals(False)
        self.typed.setReadOnly(False)
        self.finish_button.setEnabled(False)
        self.live.setText(self.tr("共 {0} 字").format(len(self.current().text)))
        self.result.clear()

    def _typed(self) -> None:
        if self.started_at is None and self.typed.toPlainText():
            self.started_at = self.session.clock()
            self.finish_button.setEnabled(True)
            self.timer.start()
        if len(self.typed.toPlainText().strip()) >= len(self.current().text):
            self.finish()

    def _paste_refused(self) -> None:
        self.result.setText(self.tr("不能粘贴或拖入文字，打字测试只计逐字输入的内容。"))

    def show_live(self) -> None:
        if self.started_at is not None:
            self.live.setText(self.tr("已输入 {0} 字，用时 {1:.0f} 秒").format(
                len(self.typed.toPlainText().strip()), self.session.clock() - self.started_at))

    def finish(self):
        """Score what was typed and keep the result; returns it (None if refused)."""
        if self.started_at is None or self.typed.isReadOnly():
            return None
        self.timer.stop()
        try:
            result = typing_speed.measure(self.current(), self.typed.toPlainText(),
                                          self.started_at, self.session.clock())
        except Refused as refusal:
            self.result.setText(language.text(refusal))
            return None
        self.typed.setReadOnly(True)
        self.finish_button.setEnabled(False)
        if not self.session.run(typing_speed.record, self.session.store, self.session.agent,
                                result, self.session.clock()):
            return None
        verdict = self.tr("达标") if result.passed else self.tr("未达标")
        self.result.setText(self.tr("每分钟 {0:g} 字，准确率 {1:.1%}，用时 {2:g} 秒：{3}").format(
            result.speed, result.accuracy, result.seconds, verdict))
        self.measured.emit(result)
        return result

    def reload(self) -> None:
        agent = self.session.agent
        self.model.set_rows(reversed(typing_speed.results(self.session.store, agent,
                                                          agent.name)))
