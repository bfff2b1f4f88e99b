"""The order report import dialog: pick the files, watch the progress, cancel, read the result.

The import runs on a worker thread with its own store connection; the window publishes
what changed when it is done. A cancelled or refused import leaves the store as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
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

from workbench.orders import importer
from workbench.ui.orders.sidebar import plain_label
from workbench.ui.store_work import StoreTask, start_task

FILE_FILTER = QT_TRANSLATE_NOOP("ImportDialog", "订单报表 (*.csv *.xlsx);;所有文件 (*)")
FAILED_COLOUR = "#c62828"


class ImportDialog(QDialog):
    import_finished = Signal(object)   # ImportResult
    import_failed = Signal(str)
    import_cancelled = Signal()
    progressed = Signal(str, int, int)   # phase, done, total (on the GUI thread)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.job: StoreTask | None = None
        self.setWindowTitle(self.tr("导入订单报表"))
        self.setObjectName("orderImportDialog")
        self.resize(620, 420)
        self.order_file = QLineEdit()
        self.order_file.setObjectName("importOrderFile")
        self.order_file.setPlaceholderText(
            self.tr("后台导出的订单报表：CSV（GBK 或 UTF-8）或 XLSX"))
        self.items_file = QLineEdit()
        self.items_file.setObjectName("importItemsFile")
        self.items_file.setPlaceholderText(self.tr("可选：宝贝明细文件"))
        pick_order = QPushButton(self.tr("选择…"))
        pick_items = QPushButton(self.tr("选择…"))
        self.dry_run = QCheckBox(self.tr("只预览，不写入"))
        self.dry_run.setObjectName("importDryRun")
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("订单报表")), 0, 0)
        grid.addWidget(self.order_file, 0, 1)
        grid.addWidget(pick_order, 0, 2)
        grid.addWidget(QLabel(self.tr("宝贝明细")), 1, 0)
        grid.addWidget(self.items_file, 1, 1)
        grid.addWidget(pick_items, 1, 2)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = plain_label()
        self.status.setObjectName("importStatus")
        self.result = QPlainTextEdit()
        self.result.setObjectName("importResult")
        self.result.setReadOnly(True)
        self.start_button = QPushButton(self.tr("开始导入"))
        self.start_button.setObjectName("importStart")
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setEnabled(False)
        close = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.dry_run)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.result, 1)
        layout.addLayout(buttons)
        pick_order.clicked.connect(lambda: self._pick(self.order_file))
        pick_items.clicked.connect(lambda: self._pick(self.items_file))
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self.cancel)
        close.clicked.connect(self.close)

    def _pick(self, target: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择文件"), target.text(),
                                              self.tr(FILE_FILTER))
        if path:
            target.setText(path)

    def start(self, order_file: Path | str | None = None, items_file: Path | str | None = None,
              dry_run: bool | None = None) -> StoreTask | None:
        """Start the import on a worker thread (files default to what the dialog shows)."""
        if self.job is not None:
            return None
        if order_file is not None:
            self.order_file.setText(str(order_file))
        if items_file is not None:
            self.items_file.setText(str(items_file))
        if dry_run is not None:
            self.dry_run.setChecked(dry_run)
        order_path = self.order_file.text().strip()
        items_path = self.items_file.text().strip() or None
        if not order_path:
            self._show_failure(self.tr("请先选择订单报表文件。"))
            return None
        for path in (order_path, items_path):
            if path and not Path(path).is_file():
                self._show_failure(self.tr("找不到文件：{0}").format(path))
                return None
        now, agent_id, preview = (self.session.clock(), self.session.agent.id,
                                  self.dry_run.isChecked())

        def work(store, progress, cancelled):
            return importer.import_report(store, order_path, items_path, now=now,
                                          agent_id=agent_id, dry_run=preview,
                                          progress=progress, cancelled=cancelled)

        self.result.clear()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在读取文件…"))
        self.progress.setRange(0, 0)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.job = start_task(self.session.store.path, work, progress=self._on_progress,
                              succeeded=self._on_succeeded, failed=self._on_failed,
                              cancelled=self._on_stopped, ended=self._on_ended,
                              cancel_types=(importer.Cancelled,))
        return self.job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消…"))

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("{0}：{1}/{2}").format(phase, done, total))
        self.progressed.emit(phase, done, total)

    def _on_succeeded(self, result: importer.ImportResult) -> None:
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

    def _on_stopped(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("已取消，工作台里的订单没有任何改动。"))
        self.import_cancelled.emit()

    def _on_ended(self) -> None:
        self.job = None
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def wait(self) -> None:
        """Cancel any running import and wait for it to stop (closing, tests)."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def closeEvent(self, event) -> None:
        self.wait()
        super().closeEvent(event)
