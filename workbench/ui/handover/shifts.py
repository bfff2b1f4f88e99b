"""The shift schedule editor (班次设置): name, start, end and the agents of each shift.

Everyone can read the schedule; saving it is for supervisors (the domain decides).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from workbench import textnorm
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.handover import shifts
from workbench.handover.shifts import Shift
from workbench.ui import language
from workbench.ui.item_models import RowsTableModel
from workbench.ui.session import Session


class ShiftTableModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ShiftTableModel", "名称"),
               QT_TRANSLATE_NOOP("ShiftTableModel", "开始"),
               QT_TRANSLATE_NOOP("ShiftTableModel", "结束"),
               QT_TRANSLATE_NOOP("ShiftTableModel", "客服（账号名，逗号分隔）"))

    def __init__(self, rows: list[Shift], editable: bool):
        super().__init__()
        self.rows = [list((s.name, s.start, s.end, ", ".join(s.agents))) for s in rows]
        self.editable = editable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return self.tr("结束不晚于开始表示次日，例如 18:00–01:00")
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or not self.editable:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        self.rows[index.row()][index.column()] = str(value).strip()
        self.dataChanged.emit(index, index)
        return True

    def add_row(self) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append([self.tr("新班次"), "09:00", "18:00", ""])
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def shifts(self) -> list[Shift]:
        return [Shift(name, start, end,
                      tuple(textnorm.split_list(agents)))
                for name, start, end, agents in self.rows]


class ShiftDialog(QDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("shiftDialog")
        self.setWindowTitle(self.tr("班次设置"))
        self.resize(620, 360)
        editable = permissions.allowed(session.agent.role, permissions.EDIT_TEAM_SETTINGS)
        self.model = ShiftTableModel(shifts.schedule(session.store), editable)
        self.table = QTableView()
        self.table.setObjectName("shiftTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("添加班次"))
        remove = QPushButton(self.tr("删除所选"))
        for button in (add, remove):
            button.setEnabled(editable)
        note = QLabel(self.tr("时间写成 HH:MM；结束不晚于开始表示次日（晚班 18:00–次日 01:00）。")
                      if editable else self.tr("只有主管可以修改班次，这里只能查看。"))
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("shiftError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            (QDialogButtonBox.StandardButton.Save if editable
             else QDialogButtonBox.StandardButton.NoButton)
            | QDialogButtonBox.StandardButton.Close)
        if editable:
            buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        add.clicked.connect(self.model.add_row)
        remove.clicked.connect(lambda: self.model.remove_row(self.table.currentIndex().row()))

    def accept(self) -> None:
        try:
            shifts.set_schedule(self.session.store, self.model.shifts(), self.session.agent,
                                self.session.clock())
        except Refused as refusal:
            self.error.setText(language.text(refusal))
            return
        super().accept()
