"""The team's checklist: each rule switched on or off with its weight, and the word lists
the rules read. Everyone may read it; a supervisor saves it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench import standards
from workbench.accounts import permissions
from workbench.standards import MAX_WEIGHT, RULES, WORD_LISTS
from workbench.ui.standards.names import name


def _scrolled(page: QWidget) -> QScrollArea:
    """A tab page that scrolls: the rules and word lists are taller than a 1280×800 screen
    leaves a dialog, and its 关闭/保存 buttons fell off the bottom."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll


class StandardDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("standardDialog")
        self.setWindowTitle(self.tr("质检标准"))
        self.editable = permissions.allowed(session.agent.role, permissions.EDIT_TEAM_SETTINGS)
        self.current = standards.load_standard(session.store)
        rules = QWidget()
        grid = QGridLayout(rules)
        for column, title in enumerate((self.tr("启用"), self.tr("标准"), self.tr("权重"))):
            grid.addWidget(QLabel(title), 0, column)
        self.switches: dict[str, QCheckBox] = {}
        self.weights: dict[str, QSpinBox] = {}
        for row, rule in enumerate(RULES, start=1):
            switch = QCheckBox(name(rule.name))
            switch.setObjectName(f"standardRule_{rule.id}")
            switch.setChecked(rule.id not in self.current.disabled)
            text = QLabel(name(rule.standard))
            text.setWordWrap(True)
            weight = QSpinBox()
            weight.setObjectName(f"standardWeight_{rule.id}")
            weight.setRange(0, MAX_WEIGHT)
            weight.setValue(self.current.weight(rule.id))
            for widget in (switch, weight):
                widget.setEnabled(self.editable)
            grid.addWidget(switch, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(weight, row, 2)
            self.switches[rule.id], self.weights[rule.id] = switch, weight
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(RULES) + 1, 1)
        words = QWidget()
        form = QFormLayout(words)
        self.lists: dict[str, QPlainTextEdit] = {}
        for key, label in WORD_LISTS.items():
            edit = QPlainTextEdit("\n".join(self.current.words(key)))
            edit.setObjectName(f"standardWords_{key}")
            edit.setMaximumHeight(70)
            edit.setReadOnly(not self.editable)
            edit.setPlaceholderText(self.tr("每行一个"))
            form.addRow(name(label), edit)
            self.lists[key] = edit
        form.addRow(QLabel(self.tr("违禁用语与服务数据看板的违禁用语是同一份团队名单。")))
        tabs = QTabWidget()
        tabs.addTab(_scrolled(rules), self.tr("规则和权重"))
        tabs.addTab(_scrolled(words), self.tr("用语"))
        buttons = QDialogButtonBox()
        if self.editable:
            buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        note = QLabel(self.tr("只有主管可以修改质检标准；你可以查看。") if not self.editable
                      else self.tr("得分 = 通过规则的权重之和 ÷ 适用规则的权重之和 × 100。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def edited(self) -> standards.Standard:
        return replace(
            self.current,
            weights={rule: spin.value() for rule, spin in self.weights.items()},
            disabled=frozenset(rule for rule, box in self.switches.items() if not box.isChecked()),
            **{key: standards.clean_words(edit.toPlainText().splitlines())
               for key, edit in self.lists.items()})

    def save(self) -> bool:
        done = self.session.run(standards.save_standard, self.session.store, self.session.agent,
                                self.edited(), self.session.clock())
        if done:
            self.accept()
        return done
