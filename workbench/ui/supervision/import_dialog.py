"""导入聊天记录：pick a JSONL file, import it in the background with progress and cancel."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.supervision import logfiles

SHOWN_REJECTS = 200


class ImportDialog(QWidget):
    """Not modal: the main window keeps working while a big file is imported."""

    imported = Signal(object)     # the Changes of a finished import
    ended = Signal(str)           # the final status text (finished, failed or cancelled)

    def __init__(self, session, tasks, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.tasks = tasks
        self.task = None
        self.result: logfiles.ImportResult | None = None
        self.setObjectName("logImportDialog")
        self.setWindowTitle(self.tr("导入聊天记录"))
        self.resize(560, 380)
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setPlaceholderText(
            self.tr("JSONL 文件，每行一条消息（格式见 docs/formats-logs.md）"))
        browse = QPushButton(self.tr("选择文件…"))
        self.skip_bad = QCheckBox(self.tr("跳过坏行（写入 .rejected.jsonl 文件），导入其余各行"))
        self.skip_bad.setObjectName("importSkipBad")
        self.start_button = QPushButton(self.tr("开始导入"))
        self.start_button.setObjectName("importStart")
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.stage = QLabel()
        self.stage.setTextFormat(Qt.TextFormat.PlainText)
        self.report = QPlainTextEdit()
        self.report.setObjectName("importReport")
        self.report.setReadOnly(True)

        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stage, 1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(self.report, 1)
        browse.clicked.connect(self._browse)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择聊天记录文件"), "",
                                              self.tr("JSON Lines (*.jsonl *.json);;全部 (*)"))
        if path:
            self.path.setText(path)

    def start(self) -> None:
        path = Path(self.path.text().strip())
        if not path.is_file():
            self.report.setPlainText(self.tr("找不到文件：{0}").format(path))
            return
        viewer, skip_bad = self.session.agent, self.skip_bad.isChecked()
        self.result = None
        self.report.clear()
        self.progress.setValue(0)
        self.stage.setText(self.tr("正在检查每一行…"))
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.task = self.tasks.run(
            lambda store, progress, cancelled: logfiles.import_jsonl(
                store, path, viewer, time.time(), skip_bad=skip_bad, progress=progress,
                cancelled=cancelled),
            succeeded=self._finished, progress=self._progress,
            failed=lambda reason: self._ended(self.tr("没有导入：") + reason),
            cancelled=lambda: self._ended(self.tr("已取消，没有导入任何记录。")))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.stage.setText(self.tr("正在取消…"))

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setValue(done * 100 // total)
            if done * 100 // total >= logfiles.READ_SHARE * 100:
                self.stage.setText(self.tr("正在写入…"))

    def _finished(self, result: logfiles.ImportResult) -> None:
        self.result = result
        lines = [self.tr("导入 {0} 条消息，新会话 {1} 个；已有而跳过 {2} 条。").format(
            result.messages_added, result.conversations_added, result.duplicates)]
        if result.conflicts:
            lines.append(self.tr("冲突 {0} 条：uid 已属于另一条内容不同的消息，没有导入。").format(
                result.conflicts))
        if result.agents_created:
            lines.append(self.tr("新建客服账号（未设密码，主管设置后才能登录）：")
                         + "、".join(result.agents_created))
        if result.rejected:
            lines.append(self.tr("{0} 行坏行已写入 {1}：").format(len(result.rejected),
                                                                result.reject_file))
            lines += [self.tr("第 {0} 行：{1}").format(bad.number, bad.reason)
                      for bad in result.rejected[:SHOWN_REJECTS]]
        self.progress.setValue(100)
        self._ended("\n".join(lines))
        self.imported.emit(result.changes)

    def _ended(self, text: str) -> None:
        self.task = None
        self.stage.clear()
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.report.setPlainText(text)
        self.ended.emit(text)
