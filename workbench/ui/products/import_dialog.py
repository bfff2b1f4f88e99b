"""Importing the products file and the size-chart file: pick them, preview or import on a
worker thread with progress and cancel, read the result or the refusal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
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
)

from workbench.products import importer
from workbench.ui.products.tab import plain_label
from workbench.ui.store_work import StoreTask, start_task

FILE_FILTER = QT_TRANSLATE_NOOP("ProductImportDialog", "表格 (*.csv *.xlsx);;所有文件 (*)")
FAILED_COLOUR = "#c62828"


class ProductImportDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.job: StoreTask | None = None
        self.setWindowTitle(self.tr("导入商品和尺码表"))
        self.setObjectName("productImportDialog")
        self.resize(620, 400)
        self.products_file = QLineEdit()
        self.products_file.setObjectName("importProductsFile")
        self.products_file.setPlaceholderText(self.tr("商品文件：CSV（GBK 或 UTF-8）或 XLSX"))
        self.sizes_file = QLineEdit()
        self.sizes_file.setObjectName("importSizesFile")
        self.sizes_file.setPlaceholderText(self.tr("尺码表文件（可选）"))
        grid = QGridLayout()
        for row, (label, edit) in enumerate(((self.tr("商品文件"), self.products_file),
                                             (self.tr("尺码表"), self.sizes_file))):
            pick = QPushButton(self.tr("选择…"))
            pick.clicked.connect(lambda _checked=False, edit=edit: self._pick(edit))
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(pick, row, 2)
        self.dry_run = QCheckBox(self.tr("只预览，不写入"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = plain_label(name="productImportStatus")
        self.result = QPlainTextEdit()
        self.result.setObjectName("productImportResult")
        self.result.setReadOnly(True)
        self.start_button = QPushButton(self.tr("开始导入"))
        self.start_button.setObjectName("productImportStart")
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.setEnabled(False)
        close = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.dry_run)
        buttons.addStretch(1)
        for button in (self.start_button, self.cancel_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.result, 1)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self.cancel)
        close.clicked.connect(self.close)

    def _pick(self, target: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择文件"), target.text(),
                                              self.tr(FILE_FILTER))
        if path:
            target.setText(path)

    def start(self, products_file=None, sizes_file=None, dry_run: bool | None = None
              ) -> StoreTask | None:
        """Start the import on a worker thread (files default to what the dialog shows)."""
        if self.job is not None:
            return None
        for edit, value in ((self.products_file, products_file), (self.sizes_file, sizes_file)):
            if value is not None:
                edit.setText(str(value))
        if dry_run is not None:
            self.dry_run.setChecked(dry_run)
        paths = [edit.text().strip() or None for edit in (self.products_file, self.sizes_file)]
        if not any(paths):
            self._show_failure(self.tr("请先选择商品文件或尺码表。"))
            return None
        for path in paths:
            if path and not Path(path).is_file():
                self._show_failure(self.tr("找不到文件：{0}").format(path))
                return None
        now, agent, preview = self.session.clock(), self.session.agent, self.dry_run.isChecked()

        def work(store, progress, cancelled):
            return importer.import_files(store, paths[0], paths[1], now=now, agent=agent,
                                         dry_run=preview, progress=progress,
                                         cancelled=cancelled)

        self.result.clear()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在读取文件…"))
        self.progress.setRange(0, 0)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.job = start_task(self.session.store.path, work, progress=self._on_progress,
                              succeeded=self._on_succeeded, failed=self._on_failed,
                              cancelled=self._on_cancelled, ended=self._on_ended,
                              cancel_types=(importer.Cancelled,))
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(f"{phase} {done}/{total}")

    def _on_succeeded(self, result: importer.ImportResult) -> None:
        self.session.publish(result.changes)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("预览完成，没有写入。") if result.dry_run
                            else self.tr("导入完成。"))
        self.result.setPlainText(result.summary())

    def _show_failure(self, message: str) -> None:
        self.status.setText(self.tr("导入失败"))
        self.status.setStyleSheet(f"color: {FAILED_COLOUR};")
        self.result.setPlainText(message)

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._show_failure(message)

    def _on_cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("已取消，商品资料没有任何改动。"))

    def _on_ended(self) -> None:
        self.job = None
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def closeEvent(self, event) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.wait()
        super().closeEvent(event)
