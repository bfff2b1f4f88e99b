"""The team's flag policy and dispatch time: readable by everyone, editable by a supervisor."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.accounts import permissions
from workbench.orders import policy, reminders
from workbench.ui.orders.sidebar import flag_icon, plain_label
from workbench.ui.vocabulary import word

# The readings of the 催付 table's ambiguous rows (reminders.SMALL_HOURS, LATE_EVENING).
TIMING_CHOICES = (
    QT_TRANSLATE_NOOP("FlagPolicyDialog", "按“11 点前下单”：当天 15 点前催付"),
    QT_TRANSLATE_NOOP("FlagPolicyDialog",
                      "按“0 点以后下单”：当天 12 点以后再催付（“次日”指下单前那个晚上的次日）"),
    QT_TRANSLATE_NOOP("FlagPolicyDialog", "按“0 点以后下单”：下单次日 12 点以后再催付"),
    QT_TRANSLATE_NOOP("FlagPolicyDialog", "按“0 点以后下单”：次日 12 点以后再催付"),
    QT_TRANSLATE_NOOP("FlagPolicyDialog", "按“22 点前下单”：次日中午 12 点前催付"),
)


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
        # The 催付 table's ambiguous rows, as the shop reads them, and the table as applied.
        chosen = reminders.load_policy(session.store)
        self.small_hours = QComboBox()
        self.small_hours.setObjectName("reminderSmallHours")
        self.late_evening = QComboBox()
        self.late_evening.setObjectName("reminderLateEvening")
        for box, choices, current in ((self.small_hours, reminders.SMALL_HOURS,
                                       chosen.small_hours),
                                      (self.late_evening, reminders.LATE_EVENING,
                                       chosen.late_evening)):
            for key, text in choices.items():
                box.addItem(self.tr(text), key)
            box.setCurrentIndex(box.findData(current))
            box.setEnabled(self.editable)
            box.currentIndexChanged.connect(lambda *_: self._show_table())
        self.dispatch.timeChanged.connect(lambda *_: self._show_table())
        self.reminder_table = plain_label()
        self.reminder_table.setObjectName("reminderTable")
        timing = QFormLayout()
        timing.addRow(self.tr("0–11 点下单"), self.small_hours)
        timing.addRow(self.tr("22–24 点下单"), self.late_evening)
        timing.addRow(self.tr("催付时间表"), self.reminder_table)
        self._show_table()
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
        layout.addLayout(timing)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def edited_policy(self) -> policy.FlagPolicy:
        current = policy.load(self.session.store)
        for flag, (meaning, forbidden, reason, remark) in self.rows.items():
            current = current.with_rule(replace(
                current.rule(flag), meaning=meaning.text(), forbidden=forbidden.isChecked(),
                reason=reason.text(), remark_required=remark.isChecked()))
        return current

    def chosen_timing(self) -> reminders.ReminderPolicy:
        return reminders.ReminderPolicy(self.small_hours.currentData(),
                                        self.late_evening.currentData())

    def _show_table(self) -> None:
        """The table exactly as the code will apply it (the rules the 催付 dialog shows)."""
        dispatch = (self.dispatch.time().hour(), self.dispatch.time().minute())
        # As the domain writes them (the same words the 催付 dialog shows for an order), in
        # the window's language.
        self.reminder_table.setText("\n".join(
            word(line).format(*values)
            for line, values in reminders.rule_lines(dispatch, self.chosen_timing())))

    def save(self) -> bool:
        done = self.session.run(reminders.save_team_rules, self.session.store,
                                self.session.agent, self.edited_policy(),
                                self.dispatch.time().toString("HH:mm"), self.chosen_timing(),
                                self.session.clock())
        if done:
            self.accept()
        return done
