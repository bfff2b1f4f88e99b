"""Importing the products file and the size-chart file (either or both), previewed or
imported on a worker thread (see FileImportDialog)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from workbench.products import importer
from workbench.ui.file_import_dialog import FileImportDialog


class ProductImportDialog(FileImportDialog):
    FILE_FILTER = QT_TRANSLATE_NOOP("ProductImportDialog", "表格 (*.csv *.xlsx);;所有文件 (*)")
    CANCELLED = QT_TRANSLATE_NOOP("ProductImportDialog", "已取消，商品资料没有任何改动。")
    CANCEL_TYPES = (importer.Cancelled,)

    def __init__(self, session, parent=None):
        super().__init__(session, "productImport", parent)
        self.setWindowTitle(self.tr("导入商品和尺码表"))
        self.setObjectName("productImportDialog")
        self.resize(620, 400)

    def add_files(self) -> None:
        self.products_file = self.add_file(self.tr("商品文件"), "importProductsFile",
                                           self.tr("商品文件：CSV（GBK 或 UTF-8）或 XLSX"))
        self.sizes_file = self.add_file(self.tr("尺码表"), "importSizesFile",
                                        self.tr("尺码表文件（可选）"))

    def missing(self, paths: list[str | None]) -> str:
        return "" if any(paths) else self.tr("请先选择商品文件或尺码表。")

    def work(self, paths: list[str | None], dry_run: bool):
        products_path, sizes_path = paths
        now, agent = self.session.clock(), self.session.agent

        def work(store, progress, cancelled):
            return importer.import_files(store, products_path, sizes_path, now=now,
                                         agent=agent, dry_run=dry_run, progress=progress,
                                         cancelled=cancelled)

        return work

    def progress_text(self, phase: str, done: int, total: int) -> str:
        return f"{phase} {done}/{total}"
