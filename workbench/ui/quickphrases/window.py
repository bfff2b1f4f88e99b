"""The 短语 menu: manage phrases, import and export packs, choose the preload folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from workbench import quickphrases
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.quickphrases import Phrase, packs, preload
from workbench.store import StoreError
from workbench.ui import language
from workbench.ui.item_models import RowsTableModel
from workbench.ui.session import Session

# What these functions show belongs to the main window: one translation context for
# Qt at run time (window.tr) and for lupdate, which reads only literal contexts.
translate = QCoreApplication.translate

COLUMNS = (QT_TRANSLATE_NOOP("PhraseTableModel", "编码"),
           QT_TRANSLATE_NOOP("PhraseTableModel", "短语"),
           QT_TRANSLATE_NOOP("PhraseTableModel", "分组"),
           QT_TRANSLATE_NOOP("PhraseTableModel", "短语包"))
MODES = ((QT_TRANSLATE_NOOP("ImportDialog", "追加（编码不能重复）"), "append"),
         (QT_TRANSLATE_NOOP("ImportDialog", "按编码更新"), "update"),
         (QT_TRANSLATE_NOOP("ImportDialog", "整包替换"), "replace"))
FILE_FILTERS = QT_TRANSLATE_NOOP("MainWindow", "短语包 (*.json *.csv *.xlsx);;所有文件 (*)")
# Keyed by the Chinese filter; _export maps the shown (translated) filter back to the format.
EXPORT_FILTERS = {QT_TRANSLATE_NOOP("MainWindow", "工作台短语包 (*.json)"): "json",
                  QT_TRANSLATE_NOOP("MainWindow", "CSV 表格 (*.csv)"): "csv",
                  QT_TRANSLATE_NOOP("MainWindow", "千牛快捷短语 (*.csv)"): "qianniu",
                  "Excel (*.xlsx)": "xlsx"}


def install(window) -> None:
    menu = window.area_menu(translate("MainWindow", "短语"))
    menu.addAction(translate("MainWindow", "管理短语…"),
                   lambda: _show(window, "phrase_manager", PhraseManager))
    menu.addAction(translate("MainWindow", "导入短语包…"), lambda: _import(window))
    menu.addAction(translate("MainWindow", "导出短语包…"), lambda: _export(window))
    menu.addAction(translate("MainWindow", "预载文件夹…"), lambda: _choose_preload_folder(window))


def _show(window, attribute: str, dialog_class) -> None:
    dialog = getattr(window, attribute, None)
    if dialog is None:
        dialog = dialog_class(window.session, window)
        setattr(window, attribute, dialog)
    dialog.show()
    dialog.raise_()


def _import(window) -> None:
    path, _ = QFileDialog.getOpenFileName(window, translate("MainWindow", "导入短语包"), "",
                                          translate("MainWindow", FILE_FILTERS))
    if path:
        dialog = ImportDialog(window.session, Path(path), window)
        dialog.show()


def _export(window) -> None:
    session: Session = window.session
    team = [p for p in quickphrases.all_packs(session.store) if p.scope == "team"]
    if not team:
        window.show_refusal(translate("MainWindow", "还没有团队短语包可以导出。"))
        return
    formats = {translate("MainWindow", label): kind for label, kind in EXPORT_FILTERS.items()}
    path, chosen = QFileDialog.getSaveFileName(window, translate("MainWindow", "导出短语包"),
                                               team[0].name, ";;".join(formats))
    if path:
        try:
            count = packs.export(session.store, team[0], Path(path), formats[chosen])
        except (Refused, StoreError) as failure:  # a missing folder, a full disk: one line
            window.show_refusal(language.text(failure))
            return
        window.show_refusal(translate("MainWindow", "已导出 {0} 条短语到 {1}").format(count, path))


def _choose_preload_folder(window) -> None:
    session: Session = window.session
    folder = QFileDialog.getExistingDirectory(
        window, translate("MainWindow", "团队短语包的预载文件夹"))
    if folder:
        preload.set_folder(session.store, Path(folder))
        imported, problems, changes = preload.preload(session.store, session.clock())
        session.publish(changes)
        window.show_refusal("；".join(imported + problems)
                            or translate("MainWindow", "文件夹里没有更新的短语包。"))


class PhraseTableModel(RowsTableModel):
    COLUMNS = COLUMNS

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.rows: list[Phrase] = []
        self.reload()
        session.changed.connect(lambda changes: changes.phrases and self.reload())

    def reload(self) -> None:
        self.set_rows(quickphrases.visible(self.session.store, self.session.agent))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        phrase = self.rows[index.row()]
        return (phrase.code, phrase.text, phrase.group_path, phrase.pack_name)[index.column()]


class PhraseManager(QDialog):
    """Add, change and delete phrases; the domain decides who may touch which pack."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("管理快捷短语"))
        self.resize(900, 560)
        self.model = PhraseTableModel(session)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # The phrase itself takes the room (it was ~99 px while 短语包 took the rest).
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.pack_box = QComboBox()
        self.code = QLineEdit()
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("如：售后/退换货"))
        self.keywords = QLineEdit()
        self.keywords.setPlaceholderText(self.tr("空格分隔，帮助推荐回复"))
        self.image_label = QLabel(self.tr("无图片"))
        self.image_label.setTextFormat(Qt.TextFormat.PlainText)
        choose_image = QPushButton(self.tr("选择图片…"))
        clear_image = QPushButton(self.tr("去掉图片"))
        self.image: str | None = None
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("可用变量：") + "、".join(
            "{" + name + "}" for name in quickphrases.VARIABLES))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        new_button = QPushButton(self.tr("新建"))
        self.save_button = QPushButton(self.tr("保存"))
        self.delete_button = QPushButton(self.tr("删除"))
        form = QFormLayout()
        form.addRow(self.tr("短语包"), self.pack_box)
        form.addRow(self.tr("快捷编码"), self.code)
        form.addRow(self.tr("分组"), self.group)
        form.addRow(self.tr("关键词"), self.keywords)
        form.addRow(self.tr("内容"), self.text)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image_label, 1)
        image_row.addWidget(choose_image)
        image_row.addWidget(clear_image)
        form.addRow(self.tr("图片"), image_row)
        buttons = QHBoxLayout()
        for button in (new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        editor = QVBoxLayout()
        editor.addLayout(form)
        editor.addWidget(self.message)
        editor.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(editor, 2)
        self.editing: Phrase | None = None
        self._fill_packs()
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        new_button.clicked.connect(self.start_new)
        choose_image.clicked.connect(self._choose_image)
        clear_image.clicked.connect(lambda: self.set_image(None))
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)

    def _fill_packs(self) -> None:
        self.pack_box.clear()
        for pack in quickphrases.all_packs(self.session.store):
            if pack.scope == "team":
                self.pack_box.addItem(pack.name, pack.name)
        self.pack_box.addItem(self.tr("我的个人短语"), "")

    def _pack(self) -> quickphrases.Pack:
        name = self.pack_box.currentData()
        if name:
            pack = quickphrases.pack_by_name(self.session.store, name)
            assert pack is not None
            return pack
        return quickphrases.personal_pack(self.session.store, self.session.agent,
                                          self.session.clock())

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        phrase = self.model.rows[current.row()]
        self.editing = phrase
        self.code.setText(phrase.code)
        self.group.setText(phrase.group_path)
        self.keywords.setText(phrase.keywords)
        self.text.setPlainText(phrase.text)
        self.set_image(phrase.image)
        found = self.pack_box.findData(phrase.pack_name if phrase.scope == "team" else "")
        self.pack_box.setCurrentIndex(max(found, 0))
        self.message.clear()

    def start_new(self) -> None:
        self.editing = None
        self.table.clearSelection()
        for field in (self.code, self.group, self.keywords):
            field.clear()
        self.text.clear()
        self.set_image(None)
        self.pack_box.setCurrentIndex(self.pack_box.count() - 1)  # personal by default
        self.code.setFocus()

    def set_image(self, name: str | None) -> None:
        self.image = name
        self.image_label.setText(name or self.tr("无图片"))

    def _choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("短语图片"), "", self.tr("图片 (*.png *.jpg *.jpeg *.gif *.webp *.bmp)"))
        if path:
            self.attach_image(Path(path))

    def attach_image(self, path: Path) -> None:
        try:
            self.set_image(quickphrases.keep_image(self.session.store, path))
        except Refused as refusal:
            self.message.setText(language.text(refusal))

    def _run(self, operation, *args) -> bool:
        if not self.session.may_act():
            return False
        try:
            self.session.publish(operation(*args))
        except Refused as refusal:
            self.message.setText(language.text(refusal))
            return False
        self.message.clear()
        return True

    def save(self) -> None:
        try:
            pack = self._pack()
        except Refused as refusal:
            self.message.setText(language.text(refusal))
            return
        self._run(quickphrases.save_phrase, self.session.store, self.session.agent, pack,
                  self.code.text(), self.text.toPlainText(), self.group.text(),
                  self.keywords.text(), self.session.clock(),
                  self.editing.id if self.editing and self.editing.pack_id == pack.id else None,
                  self.image)

    def delete(self) -> None:
        if self.editing is not None and self._run(
                quickphrases.delete_phrase, self.session.store, self.session.agent,
                self.editing.id, self.session.clock()):
            self.start_new()


class ImportDialog(QDialog):
    """Preview what a pack file would change (dry run), then import it all or nothing."""

    def __init__(self, session: Session, path: Path, parent=None):
        super().__init__(parent)
        self.session = session
        self.path = path
        self.setWindowTitle(self.tr("导入短语包：") + path.name)
        self.resize(640, 480)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("团队短语"), "team")
        self.scope.addItem(self.tr("我的个人短语"), "personal")
        if not permissions.allowed(session.agent.role, permissions.EDIT_TEAM_PHRASES):
            self.scope.setCurrentIndex(1)  # agents keep personal phrases only
        self.mode = QComboBox()
        for label, mode in MODES:
            self.mode.addItem(self.tr(label), mode)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        preview_button = QPushButton(self.tr("预览"))
        self.import_button = QPushButton(self.tr("导入"))
        form = QFormLayout()
        form.addRow(self.tr("导入到"), self.scope)
        form.addRow(self.tr("方式"), self.mode)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(preview_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        preview_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.run(dry_run=True)

    def run(self, dry_run: bool) -> bool:
        if not (dry_run or self.session.may_act()):
            return False
        try:
            plan, changes = packs.import_file(
                self.session.store, self.path, mode=self.mode.currentData(),
                scope=self.scope.currentData(), agent=self.session.agent, dry_run=dry_run,
                now=self.session.clock())
        except Refused as refusal:
            self.preview.setPlainText(language.text(refusal))
            return False
        heading = self.tr("预览（尚未导入）：") if dry_run else self.tr("已导入：")
        self.preview.setPlainText("\n".join([heading + plan.summary(), *plan.details()]))
        self.session.publish(changes)
        return True
