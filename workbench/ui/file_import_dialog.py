"""The dialog a file import runs in: pick the files, preview or import on a worker thread
(``workbench.ui.store_work``) with progress and cancel, read the result or the refusal.

A subclass brings what is its own: its files (``add_files``), its texts, the refusal when
a needed file is missing (``missing``) and the work itself (``work``). Imports are
all-or-nothing, so a cancelled or refused import leaves the store as it was; the window
publishes what changed when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.store_work import StoreTask, start_task, stop_and_wait

FAILED_COLOUR = "#c62828"


class FileImportDialog(QDialog):
    """``name`` starts the object names of its parts (``<name>Start``, ``<name>Status``…)."""

    import_finished = Signal(object)   # the importer's ImportResult
    import_failed = Signal(str)
    import_cancelled = Signal()
    progressed = Signal(str, int, int)   # phase, done, total (on the GUI thread)

    # Set by each subclass, marked with QT_TRANSLATE_NOOP in its own context.
    FILE_FILTER = ""
    CANCELLED = ""   # what a cancel says was left unchanged
    CANCEL_TYPES: tuple[type[BaseException], ...] = ()

    def __init__(self, session, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.job: StoreTask | None = None
        self.file_edits: list[QLineEdit] = []
        self.files = QGridLayout()
        self.add_files()   # before the layout is set, so the focus visits the files first
        self.dry_run = QCheckBox(self.tr("只预览，不写入"))
        self.dry_run.setObjectName(f"{name}DryRun")
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{name}Progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)   # file names are shown as is
        self.status.setWordWrap(True)
        self.status.setObjectName(f"{name}Status")
        self.result = QPlainTextEdit()
        self.result.setObjectName(f"{name}Result")
        self.result.setReadOnly(True)
        self.start_button = QPushButton(self.tr("开始导入"))
        self.start_button.setObjectName(f"{name}Start")
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.setObjectName(f"{name}Cancel")
        self.cancel_button.setEnabled(False)
        close = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.dry_run)
        buttons.addStretch(1)
        for button in (self.start_button, self.cancel_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.files)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.result, 1)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self.cancel)
        close.clicked.connect(self.close)

    def add_file(self, label: str, name: str, placeholder: str) -> QLineEdit:
        """A row with the file's label, its path and a button to pick it (call it from
        ``add_files``)."""
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        pick = QPushButton(self.tr("选择…"))
        pick.clicked.connect(lambda: self._pick(edit))
        row = len(self.file_edits)
        self.files.addWidget(QLabel(label), row, 0)
        self.files.addWidget(edit, row, 1)
        self.files.addWidget(pick, row, 2)
        self.file_edits.append(edit)
        return edit

    def _pick(self, target: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择文件"), target.text(),
                                              self.tr(self.FILE_FILTER))
        if path:
            target.setText(path)

    # --- what each import brings --------------------------------------------------------

    def add_files(self) -> None:
        """Add the import's files with ``add_file``, in the order ``start`` takes them."""
        raise NotImplementedError

    def missing(self, paths: list[str | None]) -> str:
        """The refusal when a file the import needs is not chosen ("" when all is there)."""
        raise NotImplementedError

    def work(self, paths: list[str | None], dry_run: bool) -> Callable:
        """``work(store, progress, cancelled)`` importing ``paths`` (read on the GUI
        thread: the session's clock and agent are taken now)."""
        raise NotImplementedError

    def progress_text(self, phase: str, done: int, total: int) -> str:
        return self.tr("{0}：{1}/{2}").format(phase, done, total)

    # --- running it ---------------------------------------------------------------------

    def start(self, *files: Path | str | None, dry_run: bool | None = None
              ) -> StoreTask | None:
        """Start the import on a worker thread; ``files``, in the order of the rows, and
        ``dry_run`` default to what the dialog shows."""
        if self.job is not None:
            return None
        for edit, value in zip(self.file_edits, files, strict=False):
            if value is not None:
                edit.setText(str(value))
        if dry_run is not None:
            self.dry_run.setChecked(dry_run)
        paths = [edit.text().strip() or None for edit in self.file_edits]
        refusal = self.missing(paths)
        if refusal:
            self._show_failure(refusal)
            return None
        for path in paths:
            if path and not Path(path).is_file():
                self._show_failure(self.tr("找不到文件：{0}").format(path))
                return None
        work = self.work(paths, self.dry_run.isChecked())
        self.result.clear()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在读取文件…"))
        self.progress.setRange(0, 0)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.job = start_task(self.session.store.path, work, progress=self._on_progress,
                              succeeded=self._on_succeeded, failed=self._on_failed,
                              cancelled=self._on_cancelled, ended=self._on_ended,
                              cancel_types=self.CANCEL_TYPES)
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消…"))

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.progress_text(phase, done, total))
        self.progressed.emit(phase, done, total)

    def _on_succeeded(self, result) -> None:
        if not result.dry_run:
            self.session.publish(result.changes)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("预览完成，没有写入。") if result.dry_run
                            else self.tr("导入完成。"))
        self.result.setPlainText(result.summary())
        self.import_finished.emit(result)

    def _show_failure(self, message: str) -> None:
        self.status.setText(self.tr("导入失败"))
        self.status.setStyleSheet(f"color: {FAILED_COLOUR};")
        self.result.setPlainText(message)

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._show_failure(message)
        self.import_failed.emit(message)

    def _on_cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr(self.CANCELLED))
        self.import_cancelled.emit()

    def _on_ended(self) -> None:
        self.job = None
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def wait(self) -> None:
        """Cancel any running import and wait for it to stop (closing, tests)."""
        stop_and_wait(self.job)

    def closeEvent(self, event) -> None:
        self.wait()
        super().closeEvent(event)
