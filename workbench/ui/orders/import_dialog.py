"""The order report import dialog: the order report and, if the shop exports one, its
items file; previewed or imported on a worker thread (see FileImportDialog)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from workbench.orders import importer
from workbench.ui.file_import_dialog import FileImportDialog


class ImportDialog(FileImportDialog):
    FILE_FILTER = QT_TRANSLATE_NOOP("ImportDialog", "订单报表 (*.csv *.xlsx);;所有文件 (*)")
    CANCELLED = QT_TRANSLATE_NOOP("ImportDialog", "已取消，工作台里的订单没有任何改动。")
    CANCEL_TYPES = (importer.Cancelled,)

    def __init__(self, session, parent=None):
        super().__init__(session, "import", parent)
        self.setWindowTitle(self.tr("导入订单报表"))
        self.setObjectName("orderImportDialog")
        self.resize(620, 420)
        self.start_button.setDefault(True)

    def add_files(self) -> None:
        self.order_file = self.add_file(
            self.tr("订单报表"), "importOrderFile",
            self.tr("后台导出的订单报表：CSV（GBK 或 UTF-8）或 XLSX"))
        self.items_file = self.add_file(self.tr("宝贝明细"), "importItemsFile",
                                        self.tr("可选：宝贝明细文件"))

    def missing(self, paths: list[str | None]) -> str:
        return "" if paths[0] else self.tr("请先选择订单报表文件。")

    def work(self, paths: list[str | None], dry_run: bool):
        order_path, items_path = paths
        now, agent_id = self.session.clock(), self.session.agent.id

        def work(store, progress, cancelled):
            return importer.import_report(store, order_path, items_path, now=now,
                                          agent_id=agent_id, dry_run=dry_run,
                                          progress=progress, cancelled=cancelled)

        return work
