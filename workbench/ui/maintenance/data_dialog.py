"""The data-and-backups dialog of the 帮助 menu: where the store lives, whether it is
sound, its backups (the newest one's time first) and 立即备份. Restoring happens with the
window closed, from the command line, which the dialog says."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from workbench import maintenance


def _when(at: float) -> str:
    return dt.datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M")


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} KB"


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DataDialog(QDialog):
    def __init__(self, upkeep, parent=None):
        super().__init__(parent)
        self.upkeep = upkeep
        self.setObjectName("dataDialog")
        self.setWindowTitle(self.tr("数据与备份"))
        self.setMinimumWidth(520)
        self.store_path = _label("dataStorePath")
        self.state = _label("dataStoreState")
        self.folder = _label("dataBackupFolder")
        self.newest = _label("dataNewestBackup")
        self.kept = _label("dataBackupsKept")
        self.note = _label("dataNote")
        form = QFormLayout()
        form.addRow(self.tr("数据文件"), self.store_path)
        form.addRow(self.tr("状态"), self.state)
        form.addRow(self.tr("备份文件夹"), self.folder)
        form.addRow(self.tr("最近一次备份"), self.newest)
        form.addRow(self.tr("保留的备份"), self.kept)
        how = _label("dataRestoreHow")
        how.setText(self.tr(
            "每天第一次打开工作台时自动备份，保留最近 {0} 份。恢复备份：关闭工作台，"
            "由主管运行 workbench store restore 备份文件（原来的数据文件会留在旁边）。")
            .format(maintenance.KEEP))
        self.back_up = QPushButton(self.tr("立即备份"))
        self.back_up.setObjectName("dataBackUpNow")
        self.back_up.clicked.connect(upkeep.back_up_now)
        buttons = QDialogButtonBox()
        buttons.addButton(self.back_up, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(how)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        upkeep.updated.connect(self.refresh)

    def refresh(self) -> None:
        store = self.upkeep.store
        log = store.path.with_name(store.path.name + "-wal")   # what is not checkpointed yet
        size = _size(sum(p.stat().st_size for p in (store.path, log) if p.exists()))
        self.store_path.setText(f"{store.path}（{size}）")
        if store.damage:
            state = self.tr("已损坏，只读：{0}").format(store.damage)
        elif self.upkeep.busy == "check":
            state = self.tr("正在检查…")
        elif self.upkeep.checked:
            state = self.tr("完好（已完整检查）")
        else:
            state = self.tr("完好（与上次正常关闭时一致；完整检查稍后在后台进行）")
        self.state.setText(state)
        self.folder.setText(str(maintenance.backup_folder(store.path)))
        found = maintenance.backups(store.path)
        self.newest.setText(
            f"{_when(found[0].at)}（{_size(found[0].size)}）" if found
            else self.tr("还没有备份"))
        self.kept.setText(self.tr("{0} 份").format(len(found)))
        self.note.setText(self.tr("正在备份…") if self.upkeep.busy == "backup"
                          else self.upkeep.note)
        self.back_up.setEnabled(not self.upkeep.busy and not store.damage)
