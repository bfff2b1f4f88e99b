"""The team's flag policy and dispatch time: readable by everyone, editable by a supervisor."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.accounts import permissions
from workbench.orders import policy
from workbench.ui.orders.sidebar import flag_icon, plain_label
from workbench.ui.vocabulary import word


class FlagPolicyDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("旗帜规则"))
        self.setObjectName("flagPolicyDialog")
        self.editable = permissions.allowed(session.agent.role, permissions.EDIT_FLAG_POLICY)
        current = policy.load(session.store)
        grid = QGridLayout()
        for column, title in enumerate((self.tr("颜色"), self.tr("含义"), self.tr("禁用"),
                                        self.tr("禁用原因"), self.tr("需备注"))):
            grid.addWidget(QLabel(title), 0, column)
        self.rows: dict[int, tuple[QLineEdit, QCheckBox, QLineEdit, QCheckBox]] = {}
        for number, rule in enumerate(current.rules, start=1):
            name = QLabel(word(rule.name))
            colour = QHBoxLayout()
            icon = QLabel()
            icon.setPixmap(flag_icon(rule.flag).pixmap(12, 12))
            colour.addWidget(icon)
            colour.addWidget(name)
            meaning = QLineEdit(rule.meaning)
            meaning.setMinimumWidth(220)
            forbidden = QCheckBox()
            forbidden.setChecked(rule.forbidden)
            reason = QLineEdit(rule.reason)
            remark = QCheckBox()
            remark.setChecked(rule.remark_required)
            if rule.flag == policy.NO_FLAG:
                forbidden.setEnabled(False)
            for widget in (meaning, forbidden, reason, remark):
                widget.setEnabled(widget.isEnabled() and self.editable)
            grid.addLayout(colour, number, 0)
            grid.addWidget(meaning, number, 1)
            grid.addWidget(forbidden, number, 2)
            grid.addWidget(reason, number, 3)
            grid.addWidget(remark, number, 4)
            self.rows[rule.flag] = (meaning, forbidden, reason, remark)
        self.dispatch = QTimeEdit(QTime(*policy.dispatch_time(session.store)))
        self.dispatch.setObjectName("dispatchTime")
        self.dispatch.setDisplayFormat("HH:mm")
        self.dispatch.setEnabled(self.editable)
        dispatch_row = QHBoxLayout()
        dispatch_row.addWidget(QLabel(self.tr("每天发货时间（催付时间表用）")))
        dispatch_row.addWidget(self.dispatch)
        dispatch_row.addStretch(1)
        note = plain_label(self.tr("只有主管可以修改旗帜规则；你可以查看。") if not self.editable
                           else self.tr("修改后对全队生效，并记录在操作日志里。"))
        buttons = QDialogButtonBox()
        if self.editable:
            buttons.setStandardButtons(QDialogButtonBox.StandardButton.Save
                                       | QDialogButtonBox.StandardButton.Cancel)
            buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
            buttons.accepted.connect(self.save)
        else:
            buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(dispatch_row)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def edited_policy(self) -> policy.FlagPolicy:
        current = policy.load(self.session.store)
        for flag, (meaning, forbidden, reason, remark) in self.rows.items():
            current = current.with_rule(replace(
                current.rule(flag), meaning=meaning.text(), forbidden=forbidden.isChecked(),
                reason=reason.text(), remark_required=remark.isChecked()))
        return current

    def save(self) -> bool:
        done = self.session.run(policy.save, self.session.store, self.session.agent,
                                self.edited_policy(), self.session.clock(),
                                dispatch=self.dispatch.time().toString("HH:mm"))
        if done:
            self.accept()
        return done
