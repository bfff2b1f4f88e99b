"""A new shop's first start: its name, its first supervisor with a password, then the
files it may already have (a phrase pack, the back office's order report).

The shop and the supervisor are created when the second page is done; the imports are
optional and run on a worker thread through the same functions as the import dialogs.
Closing the dialog before the supervisor exists leaves the store without accounts, and
the next start asks again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import accounts
from workbench.changes import Refused
from workbench.store import Store
from workbench.ui import language
from workbench.ui.store_work import StoreTask, start_task

SHOP, SUPERVISOR, IMPORTS = range(3)


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class FirstRunDialog(QDialog):
    def __init__(self, store: Store, clock: Callable[[], float] = time.time, parent=None):
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.supervisor: accounts.Agent | None = None
        self.job: StoreTask | None = None
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("新店铺 — 客服工作台"))
        self.setMinimumWidth(480)

        self.shop_name = QLineEdit()
        self.shop_name.setObjectName("firstRunShop")
        shop_page = self._page(
            self.tr("欢迎使用客服工作台。这是一个新的店铺数据文件，先填写店铺名称。"),
            [(self.tr("店铺名称"), self.shop_name)])

        self.name = QLineEdit()
        self.name.setObjectName("firstRunName")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("firstRunDisplayName")
        self.display_name.setPlaceholderText(self.tr("可选：回复买家时的署名"))
        self.password = QLineEdit()
        self.password.setObjectName("firstRunPassword")
        self.again = QLineEdit()
        self.again.setObjectName("firstRunAgain")
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        supervisor_page = self._page(
            self.tr("第一个账号是主管：由主管添加其他客服、重设密码、停用账号。"),
            [(self.tr("账号名"), self.name), (self.tr("显示名"), self.display_name),
             (self.tr("密码"), self.password), (self.tr("再输入一次"), self.again)])

        self.pack_file = QLineEdit()
        self.pack_file.setObjectName("firstRunPackFile")
        self.order_file = QLineEdit()
        self.order_file.setObjectName("firstRunOrderFile")
        self.pack_file.setPlaceholderText(self.tr("可选：JSON、CSV、千牛导出或 XLSX"))
        self.order_file.setPlaceholderText(self.tr("可选：后台导出的订单报表 CSV 或 XLSX"))
        self.import_button = QPushButton(self.tr("导入所选文件"))
        self.import_button.setObjectName("firstRunImport")
        self.report = QPlainTextEdit()
        self.report.setObjectName("firstRunReport")
        self.report.setReadOnly(True)
        imports_page = QWidget()
        grid = QGridLayout()
        for row, (label, field) in enumerate(((self.tr("短语包"), self.pack_file),
                                              (self.tr("订单报表"), self.order_file))):
            pick = QPushButton(self.tr("选择…"))
            pick.clicked.connect(lambda _=False, target=field: self._pick(target))
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(pick, row, 2)
        imports_layout = QVBoxLayout(imports_page)
        imports_layout.addWidget(plain_label(self.tr(
            "店铺已建好。已有的短语包和订单报表可以现在导入，也可以以后从菜单导入。")))
        imports_layout.addLayout(grid)
        imports_layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)
        imports_layout.addWidget(self.report, 1)

        self.pages = QStackedWidget()
        for page in (shop_page, supervisor_page, imports_page):
            self.pages.addWidget(page)
        self.error = plain_label()
        self.error.setObjectName("firstRunError")
        self.error.setStyleSheet("color: #c62828;")
        self.back_button = QPushButton(self.tr("上一步"))
        self.next_button = QPushButton(self.tr("下一步"))
        self.next_button.setObjectName("firstRunNext")
        self.next_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("退出"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.quit_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(lambda: self._show(SHOP))
        self.next_button.clicked.connect(self.next)
        self.quit_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self.start_imports)
        self._show(SHOP)

    @staticmethod
    def _page(note: str, rows) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        for label, field in rows:
            form.addRow(label, field)
        layout = QVBoxLayout(page)
        layout.addWidget(plain_label(note))
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.error.clear()
        self.back_button.setVisible(page == SUPERVISOR)
        self.next_button.setText(self.tr("开始使用") if page == IMPORTS else self.tr("下一步"))
        self.quit_button.setVisible(page != IMPORTS)
        (self.shop_name, self.name, self.pack_file)[page].setFocus()

    def next(self) -> None:
        page = self.pages.currentIndex()
        if page == SHOP:
            if not self.shop_name.text().strip():
                self.error.setText(self.tr("请填写店铺名称。"))
                return
            self._show(SUPERVISOR)
        elif page == SUPERVISOR:
            self.create_shop()
        elif self.job is None:
            self.accept()

    def create_shop(self) -> bool:
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("两次输入的密码不一致。"))
            return False
        try:
            self.supervisor = accounts.found_shop(
                self.store, self.shop_name.text(), self.name.text(), self.password.text(),
                self.clock(), display_name=self.display_name.text())
        except Refused as refusal:
            self.error.setText(language.text(refusal))
            return False
        self._show(IMPORTS)
        return True

    def _pick(self, target: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择文件"), target.text())
        if path:
            target.setText(path)

    def start_imports(self) -> StoreTask | None:
        """Import the chosen files on a worker; each says its own result or refusal."""
        if self.job is not None or self.supervisor is None:
            return None
        pack, report = self.pack_file.text().strip(), self.order_file.text().strip()
        if not (pack or report):
            self.error.setText(self.tr("请先选择要导入的文件。"))
            return None
        supervisor, now = self.supervisor, self.clock()
        pack_label, report_label = self.tr("短语包："), self.tr("订单报表：")

        def work(store, _progress, _cancelled) -> list[str]:
            from workbench.orders import importer
            from workbench.quickphrases import packs

            said = []
            if pack:
                try:
                    plan, _ = packs.import_file(store, Path(pack), agent=supervisor, now=now)
                    said.append(pack_label + plan.summary())
                except Refused as refusal:
                    said.append(pack_label + language.text(refusal))
            if report:
                try:
                    result = importer.import_report(store, report, now=now,
                                                    agent_id=supervisor.id)
                    said.append(report_label + result.summary())
                except Refused as refusal:
                    said.append(report_label + language.text(refusal))
            return said

        self.error.clear()
        self.report.setPlainText(self.tr("正在导入…"))
        self.import_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.job = start_task(self.store.path, work, succeeded=self._imported,
                              failed=self.report.setPlainText, ended=self._import_ended)
        return self.job

    def _imported(self, said: list[str]) -> None:
        self.report.setPlainText("\n".join(said))

    def _import_ended(self) -> None:
        self.job = None
        self.import_button.setEnabled(True)
        self.next_button.setEnabled(True)

    def reject(self) -> None:
        if self.job is None:
            super().reject()
