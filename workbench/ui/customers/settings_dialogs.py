"""The supervisor's two settings: member tiers (rules and rights) and care (stages switched
on, their delays and templates). Everyone may read them; only a supervisor saves."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from workbench import customers
from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.customers import care, recompute, tiers
from workbench.ui.customers.words import word
from workbench.ui.store_work import StoreTask, start_task, stop_and_wait

TIER_COLUMNS = (QT_TRANSLATE_NOOP("TiersDialog", "等级名称"),
                QT_TRANSLATE_NOOP("TiersDialog", "升级：消费满（元）"),
                QT_TRANSLATE_NOOP("TiersDialog", "升级：购买次数"),
                QT_TRANSLATE_NOOP("TiersDialog", "保级：消费满（元）"),
                QT_TRANSLATE_NOOP("TiersDialog", "保级：购买次数"),
                QT_TRANSLATE_NOOP("TiersDialog", "价格权益"),
                QT_TRANSLATE_NOOP("TiersDialog", "服务权益"),
                QT_TRANSLATE_NOOP("TiersDialog", "专享权益"))
ERROR_STYLE = "color: #c62828;"


def _number(text: str, integer: bool):
    text = text.strip().replace("¥", "").replace(",", "")  # ascii: a thousands separator
    if not text:
        return None
    value = float(text)
    if integer:
        if not value.is_integer():
            raise ValueError(text)
        return int(value)
    return value


def _cell(value) -> str:
    return "" if value is None else f"{value:g}"


class TiersDialog(QDialog):
    """The tiers as a small table (a shop has at most eight), the growth mode and the
    window; saving recomputes every buyer on a worker thread."""

    saved = Signal(object)     # Recomputed

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.job: StoreTask | None = None
        self.may_edit = permissions.allowed(session.agent.role, permissions.EDIT_MEMBER_TIERS)
        self.setObjectName("tiersDialog")
        self.setWindowTitle(self.tr("会员等级规则"))
        self.resize(1000, 420)
        shop = customers.policy(session.store)
        counts = customers.tier_counts(session.store)
        self.mode = QComboBox()
        self.mode.setObjectName("tiersMode")
        for code, name in tiers.MODES.items():
            self.mode.addItem(word(name), code)
        self.mode.setCurrentIndex(self.mode.findData(shop.mode))
        self.window_days = QSpinBox()
        self.window_days.setObjectName("tiersWindow")
        self.window_days.setRange(0, 3650)
        self.window_days.setSpecialValueText(self.tr("全部时间"))
        self.window_days.setSuffix(self.tr(" 天"))
        self.window_days.setValue(shop.window_days)
        self.table = QTableWidget(0, len(TIER_COLUMNS))
        self.table.setObjectName("tiersTable")
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in TIER_COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for rank, tier in enumerate(shop.tiers):
            self._add_row(tier, counts.get(rank, 0))
        self.table.resizeColumnsToContents()
        if not self.may_edit:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        add = QPushButton(self.tr("加一级"))
        remove = QPushButton(self.tr("删去最高一级"))
        self.progress = QProgressBar()
        self.progress.hide()
        self.message = QLabel(self.tr("第一行是基础等级，不需要升级条件。升降级模式下，"
                                      "达不到保级条件的买家会降到能保住的等级。")
                              if self.may_edit else self.tr("只有主管可以修改会员等级规则。"))
        self.message.setObjectName("tiersMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存并重算所有买家"))
        self.save_button.setObjectName("tiersSave")
        close = QPushButton(self.tr("关闭"))
        for widget in (self.mode, self.window_days, add, remove, self.save_button):
            widget.setEnabled(self.may_edit)
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("成长模式")), self.mode, QLabel(self.tr("统计最近")),
                       self.window_days):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(add)
        top.addWidget(remove)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        add.clicked.connect(lambda: self._add_row(tiers.Tier(""), 0))
        remove.clicked.connect(self._remove_row)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.close)

    def _add_row(self, tier: tiers.Tier, buyers: int) -> None:
        if self.table.rowCount() >= tiers.MAX_TIERS:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (tier.name, _cell(tier.upgrade_paid), _cell(tier.upgrade_orders),
                  _cell(tier.keep_paid), _cell(tier.keep_orders), tier.price_rights,
                  tier.service_rights, tier.exclusive_rights)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if row == 0 and 1 <= column <= 4:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, item)
        self.table.setVerticalHeaderItem(row, QTableWidgetItem(
            self.tr("{0} 位").format(buyers)))

    def _remove_row(self) -> None:
        if self.table.rowCount() > 2:
            self.table.removeRow(self.table.rowCount() - 1)

    def policy(self) -> tiers.TierPolicy:
        """The policy the table describes; Refused for a number that is not one."""
        found = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c).text() if self.table.item(row, c) else ""
                     for c in range(len(TIER_COLUMNS))]
            try:
                numbers = [_number(cells[c], integer=c in (2, 4)) for c in range(1, 5)]
            except ValueError:
                said = self.tr("第 {0} 行的条件应为数字（次数为整数）。").format(row + 1)
                raise Refused(said, said) from None  # already in the window's language
            found.append(tiers.Tier(cells[0], *numbers, *cells[5:]))
        return tiers.TierPolicy(tuple(found), self.mode.currentData(), self.window_days.value())

    def save(self) -> StoreTask | None:
        if self.job is not None:
            return None
        try:
            policy = tiers.checked(self.policy())
        except Refused as refusal:
            self._fail(str(refusal))
            return None
        agent, now = self.session.agent, self.session.clock()
        self.save_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在按新规则重算所有买家…"))
        self.job = start_task(
            self.session.store.path,
            lambda store, progress, cancelled: recompute.save_policy(
                store, agent, policy, now, progress=progress, cancelled=cancelled),
            progress=lambda done, total: (self.progress.setRange(0, max(total, 1)),
                                          self.progress.setValue(done)),
            succeeded=self._saved, failed=self._fail, ended=self._ended,
            cancel_types=(recompute.Cancelled,))
        return self.job

    def _saved(self, result: recompute.Recomputed) -> None:
        self.session.publish(result.changes | Changes(settings=frozenset({tiers.TIERS_KEY})))
        self.message.setText(self.tr("已保存：{0} 位买家重算，{1} 位的等级变了。").format(
            result.buyers, result.tier_changes))
        self.saved.emit(result)

    def _fail(self, reason: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(reason)

    def _ended(self) -> None:
        self.job = None
        self.progress.hide()
        self.save_button.setEnabled(self.may_edit)

    def closeEvent(self, event) -> None:
        stop_and_wait(self.job)
        super().closeEvent(event)


class CareSettingsDialog(QDialog):
    """Each stage: on or off, how long after its order time, and the team's template."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.may_edit = permissions.allowed(session.agent.role, permissions.EDIT_CARE)
        self.setObjectName("careSettingsDialog")
        self.setWindowTitle(self.tr("客户关怀设置"))
        self.resize(760, 560)
        self.values = care.load_settings(session.store)
        self.table = QTableWidget(len(care.STAGES), 3)
        self.table.setObjectName("careStages")
        self.table.setHorizontalHeaderLabels([self.tr("关怀"), self.tr("延后（小时）"),
                                              self.tr("何时到期")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.delays: list[QSpinBox] = []
        for row, stage in enumerate(care.STAGES):
            setting = self.values[stage.code]
            name = QTableWidgetItem(word(stage.name))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | (Qt.ItemFlag.ItemIsUserCheckable if self.may_edit
                             else Qt.ItemFlag.NoItemFlags))
            name.setCheckState(Qt.CheckState.Checked if setting.enabled
                               else Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, name)
            delay = QSpinBox()
            delay.setRange(0, care.MAX_DELAY_HOURS)
            delay.setValue(int(setting.delay_hours))
            delay.setEnabled(self.may_edit)
            self.delays.append(delay)
            self.table.setCellWidget(row, 1, delay)
            when = QTableWidgetItem(word(stage.when))
            when.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 2, when)
        self.table.resizeColumnsToContents()
        self.template = QPlainTextEdit()
        self.template.setObjectName("careTemplate")
        self.template.setReadOnly(not self.may_edit)
        self.variables = QLabel(self.tr("可用变量：") + "、".join(
            "{" + name + "}" for name in care.VARIABLES))
        self.variables.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel("" if self.may_edit
                              else self.tr("只有主管可以修改关怀的开关和模板。"))
        self.message.setObjectName("careSettingsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(ERROR_STYLE)
        save = QPushButton(self.tr("保存"))
        save.setObjectName("careSettingsSave")
        save.setEnabled(self.may_edit)
        cancel = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(save)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("模板（买家看到的话）")))
        layout.addWidget(self.template)
        layout.addWidget(self.variables)
        layout.addLayout(buttons)
        self._row: int | None = None     # the stage whose template the editor shows
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        save.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.table.setCurrentCell(0, 0)
        self._select(0)

    def _keep_template(self) -> None:
        if self._row is None:
            return
        stage = care.STAGES[self._row]
        current = self.values[stage.code]
        self.values[stage.code] = care.StageSetting(current.enabled,
                                                    self.template.toPlainText(),
                                                    current.delay_hours)

    def _select(self, row: int) -> None:
        if row < 0:
            return
        self._keep_template()
        self._row = row
        self.template.setPlainText(self.values[care.STAGES[row].code].template)

    def settings(self) -> dict[str, care.StageSetting]:
        self._keep_template()
        return {stage.code: care.StageSetting(
            self.table.item(row, 0).checkState() == Qt.CheckState.Checked,
            self.values[stage.code].template, float(self.delays[row].value()))
            for row, stage in enumerate(care.STAGES)}

    def save(self) -> bool:
        try:
            changes = care.save_settings(self.session.store, self.session.agent,
                                         self.settings(), self.session.clock())
        except Refused as refusal:
            self.message.setText(str(refusal))
            return False
        self.session.publish(changes)
        self.accept()
        return True
