"""The trainers' scenario editor (情景脚本): the buyer's persona and tier, the opening, the
branches (words → the buyer's answer, may pay or end), the default answers, the
product and order in context, the key points and the time limit. New scenarios start
blank or from a 问题单 question. Saving is the domain's to allow: trainers and
supervisors."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import textnorm
from workbench.orders.codes import STATUS_NAMES
from workbench.standards import problems
from workbench.training import scenarios
from workbench.training.scenarios import Branch, KeyPoint, OrderContext, Product, Scenario
from workbench.ui.item_models import RowsListModel, RowsTableModel
from workbench.ui.plain_text import tip
from workbench.ui.standards.common import table_view
from workbench.ui.training.names import name

ScenarioRole = Qt.ItemDataRole.UserRole + 1
TEXT, CHECK = "text", "check"


class ScenarioListModel(RowsListModel):
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        scenario = self.row_at(index)
        if scenario is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{scenario.title}  [{name(scenario.situation)} · {name(scenario.source_name)}]"
        if role == ScenarioRole:
            return scenario
        return None


class EditableRows(RowsTableModel):
    """Rows of cells edited in place: text cells, or check boxes (``KINDS``)."""

    KINDS: tuple[str, ...] = ()

    def __init__(self):
        super().__init__()
        self.rows: list[list] = []

    def blank(self) -> list:
        return ["" if kind == TEXT else False for kind in self.KINDS]

    def add_row(self) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(self.blank())
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.KINDS[index.column()] == CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        value = self.rows[index.row()][index.column()]
        if self.KINDS[index.column()] == CHECK:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        kind = self.KINDS[index.column()]
        if kind == CHECK and role == Qt.ItemDataRole.CheckStateRole:
            self.rows[index.row()][index.column()] = \
                Qt.CheckState(value) == Qt.CheckState.Checked
        elif kind == TEXT and role == Qt.ItemDataRole.EditRole:
            self.rows[index.row()][index.column()] = str(value)
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True


class BranchesModel(EditableRows):
    COLUMNS = (QT_TRANSLATE_NOOP("BranchesModel", "客服说到（关键词，逗号分隔）"),
               QT_TRANSLATE_NOOP("BranchesModel", "买家的回答"),
               QT_TRANSLATE_NOOP("BranchesModel", "买家付款"),
               QT_TRANSLATE_NOOP("BranchesModel", "买家说完"))
    KINDS = (TEXT, TEXT, CHECK, CHECK)


class KeyPointsModel(EditableRows):
    COLUMNS = (QT_TRANSLATE_NOOP("KeyPointsModel", "考核要点"),
               QT_TRANSLATE_NOOP("KeyPointsModel", "做到的标志（关键词，逗号分隔）"),
               QT_TRANSLATE_NOOP("KeyPointsModel", "没做到时的建议"))
    KINDS = (TEXT, TEXT, TEXT)


def _editable_table(model: EditableRows, widths: tuple[int, ...], stretch: int) -> QTableView:
    """A table edited in place: the columns this wide, the ``stretch`` one taking the rest."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setMinimumHeight(150)
    return view


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class QuestionsModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("QuestionsModel", "日期"),
               QT_TRANSLATE_NOOP("QuestionsModel", "客服"),
               QT_TRANSLATE_NOOP("QuestionsModel", "买家的问题"),
               QT_TRANSLATE_NOOP("QuestionsModel", "主管解答"))

    def __init__(self, rows):
        super().__init__()
        self.rows = list(rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        question = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (question.day, question.agent, question.text, question.answer)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return question
        return None


class QuestionPicker(QDialog):
    """The 问题单 questions nobody could answer, to start a scenario from."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.setObjectName("questionPicker")
        self.setWindowTitle(self.tr("从问题单新建情景"))
        self.resize(760, 420)
        self.model = QuestionsModel(reversed(problems.training_questions(store)))
        self.view = table_view(self.model)
        self.view.setObjectName("questionList")
        if self.model.rows:
            self.view.setCurrentIndex(self.model.index(0, 0))
        use = QPushButton(self.tr("用这个问题新建"))
        use.setObjectName("questionUse")
        use.setEnabled(bool(self.model.rows))
        use.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("问题单里客服没答上的买家问题（主管的解答会成为改进建议）")))
        layout.addWidget(self.view, 1)
        layout.addWidget(use, 0, Qt.AlignmentFlag.AlignRight)
        self.view.doubleClicked.connect(lambda *_: self.accept())

    def chosen(self):
        return self.view.currentIndex().data(Qt.ItemDataRole.UserRole)


class ScenarioEditor(QWidget):
    """The list of the team's scenarios and the form of the one being edited."""

    saved = Signal(str)          # the key saved
    try_out = Signal(object)     # a saved Scenario to practise

    def __init__(self, session, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.setObjectName("scenarioEditor")
        self.setWindowTitle(self.tr("情景脚本"))
        self.resize(1200, 820)
        self.list_model = ScenarioListModel()
        self.list_view = QListView()
        self.list_view.setObjectName("editorScenarios")
        self.list_view.setModel(self.list_model)
        new_button = QPushButton(self.tr("新建"))
        new_button.setObjectName("editorNew")
        question_button = QPushButton(self.tr("从问题单新建…"))
        question_button.setObjectName("editorFromQuestion")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list_view, 1)
        left_layout.addWidget(new_button)
        left_layout.addWidget(question_button)

        self.key = QLineEdit()
        self.key.setObjectName("editorKey")
        self.key.setPlaceholderText("size_advice")
        self.title = QLineEdit()
        self.title.setObjectName("editorTitle")
        self.situation = QComboBox()
        self.situation.setObjectName("editorSituation")
        for situation in scenarios.SITUATIONS:
            self.situation.addItem(name(situation), situation)
        self.buyer = QLineEdit()
        self.buyer.setObjectName("editorBuyer")
        self.tier = QComboBox()
        self.tier.setObjectName("editorTier")
        self.tier.setEditable(True)
        self.tier.addItems(scenarios.TIERS)
        self.persona = QPlainTextEdit()
        self.persona.setObjectName("editorPersona")
        self.persona.setMaximumHeight(60)
        self.time_limit = QSpinBox()
        self.time_limit.setObjectName("editorTimeLimit")
        self.time_limit.setRange(scenarios.MIN_TIME_LIMIT_S // 60,
                                 scenarios.MAX_TIME_LIMIT_S // 60)
        self.time_limit.setSuffix(self.tr(" 分钟"))
        self.product = QLineEdit()
        self.product.setObjectName("editorProduct")
        self.product_spec = QLineEdit()
        self.price = QDoubleSpinBox()
        self.price.setRange(0, 1_000_000)
        self.price.setDecimals(2)
        self.price.setSpecialValueText(self.tr("不标价"))
        self.order_box = QGroupBox(self.tr("买家的订单"))
        self.order_box.setObjectName("editorOrder")
        self.order_box.setCheckable(True)
        self.status = QComboBox()
        for code, status_name in STATUS_NAMES.items():
            self.status.addItem(status_name, code)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 999)
        self.placed = QSpinBox()
        self.placed.setRange(0, 60 * 24 * 30)
        self.placed.setSuffix(self.tr(" 分钟前下单"))
        self.receiver, self.phone, self.address = QLineEdit(), QLineEdit(), QLineEdit()
        self.courier, self.tracking = QLineEdit(), QLineEdit()
        order_form = QFormLayout(self.order_box)
        for label, widget in ((self.tr("状态"), self.status), (self.tr("数量"), self.quantity),
                              (self.tr("下单时间"), self.placed),
                              (self.tr("收货人"), self.receiver), (self.tr("电话"), self.phone),
                              (self.tr("收货地址"), self.address),
                              (self.tr("快递"), self.courier),
                              (self.tr("运单号"), self.tracking)):
            order_form.addRow(label, widget)
        self.opening = QPlainTextEdit()
        self.opening.setObjectName("editorOpening")
        self.opening.setMaximumHeight(70)
        self.branches = BranchesModel()
        self.branches_view = _editable_table(self.branches, (280, 300, 70, 70), 1)
        self.branches_view.setObjectName("editorBranches")
        self.default = QPlainTextEdit()
        self.default.setObjectName("editorDefault")
        self.default.setMaximumHeight(60)
        self.points = KeyPointsModel()
        self.points_view = _editable_table(self.points, (180, 280, 300), 2)
        self.points_view.setObjectName("editorPoints")

        form = QFormLayout()
        form.addRow(self.tr("编号"), self.key)
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("场景"), self.situation)
        form.addRow(self.tr("买家昵称"), self.buyer)
        form.addRow(self.tr("会员等级"), self.tier)
        form.addRow(self.tr("买家画像"), self.persona)
        form.addRow(self.tr("时限"), self.time_limit)
        form.addRow(self.tr("商品"), self.product)
        form.addRow(self.tr("规格"), self.product_spec)
        form.addRow(self.tr("价格"), self.price)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addWidget(self.order_box)
        body_layout.addWidget(QLabel(self.tr("买家的开场白（每行一句）")))
        body_layout.addWidget(self.opening)
        body_layout.addWidget(QLabel(self.tr("分支：客服的话里有某个关键词时，买家这样回答（从上往下找，每个分支只用一次）")))
        body_layout.addWidget(self.branches_view)
        body_layout.addLayout(self._row_buttons(self.branches, self.branches_view, "Branch"))
        body_layout.addWidget(QLabel(self.tr("没有分支对上时，买家依次这样回答（每行一句）")))
        body_layout.addWidget(self.default)
        body_layout.addWidget(QLabel(self.tr("考核要点：客服的回复里出现任一关键词就算做到")))
        body_layout.addWidget(self.points_view)
        body_layout.addLayout(self._row_buttons(self.points, self.points_view, "Point"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("editorSave")
        self.archive_button = QPushButton(self.tr("删除"))
        self.archive_button.setObjectName("editorArchive")
        self.try_button = QPushButton(self.tr("试玩"))
        self.try_button.setObjectName("editorTry")
        self.message = QLabel()
        self.message.setObjectName("editorMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        for button in (self.try_button, self.archive_button, self.save_button):
            actions.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([280, 920])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.list_view.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        new_button.clicked.connect(self.new_scenario)
        question_button.clicked.connect(self.ask_question)
        self.save_button.clicked.connect(self.save)
        self.archive_button.clicked.connect(self.archive)
        self.try_button.clicked.connect(self._try)
        session.changed.connect(lambda changes: changes.scenarios and self.reload())
        self.reload()

    def _row_buttons(self, model: EditableRows, view: QTableView, kind: str) -> QHBoxLayout:
        add = QPushButton(self.tr("添加一行"))
        add.setObjectName(f"editorAdd{kind}")
        remove = QPushButton(self.tr("删除所选行"))
        remove.setObjectName(f"editorRemove{kind}")
        add.clicked.connect(model.add_row)
        remove.clicked.connect(lambda: model.remove_row(view.currentIndex().row()))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add)
        row.addWidget(remove)
        return row

    # --- the list ----------------------------------------------------------------------------

    def reload(self, key: str | None = None) -> None:
        current = self.list_view.currentIndex().data(ScenarioRole)
        wanted = key or (current.key if current else None)
        self.list_model.set_rows(scenarios.all_scenarios(self.session.store))
        row = next((n for n, s in enumerate(self.list_model.rows) if s.key == wanted), 0)
        if self.list_model.rows:
            self.list_view.setCurrentIndex(self.list_model.index(row))
        self._show_selected()

    def _show_selected(self) -> None:
        scenario = self.list_view.currentIndex().data(ScenarioRole)
        if scenario is not None:
            self.show_scenario(scenario)

    # --- the form ----------------------------------------------------------------------------

    def show_scenario(self, scenario: Scenario) -> None:
        self.key.setText(scenario.key)
        self.title.setText(scenario.title)
        self.situation.setCurrentIndex(max(0, self.situation.findData(scenario.situation)))
        self.buyer.setText(scenario.buyer)
        self.tier.setCurrentText(scenario.tier)
        self.persona.setPlainText(scenario.persona)
        self.time_limit.setValue(scenario.time_limit_s // 60)
        product = scenario.product or Product("")
        self.product.setText(product.title)
        self.product_spec.setText(product.spec)
        self.price.setValue(product.price or 0)
        order = scenario.order
        self.order_box.setChecked(order is not None)
        order = order or OrderContext()
        self.status.setCurrentIndex(max(0, self.status.findData(order.status)))
        self.quantity.setValue(order.quantity)
        self.placed.setValue(int(order.placed_minutes_ago))
        for edit, value in ((self.receiver, order.receiver), (self.phone, order.phone),
                            (self.address, order.address), (self.courier, order.courier),
                            (self.tracking, order.tracking_no)):
            edit.setText(value)
        self.opening.setPlainText("\n".join(scenario.opening))
        self.default.setPlainText("\n".join(scenario.default))
        self.branches.set_rows([["，".join(b.when), b.reply, b.pays, b.ends]
                                for b in scenario.branches])
        self.points.set_rows([[p.label, "，".join(p.words), p.tip] for p in scenario.key_points])
        self.message.clear()

    def edited(self) -> Scenario:
        """The scenario as the form says (checked by the domain when saved)."""
        product = None
        if self.product.text().strip():
            product = Product(self.product.text(), self.product_spec.text(),
                              self.price.value() or None)
        order = None
        if self.order_box.isChecked():
            order = OrderContext(self.status.currentData(), self.quantity.value(),
                                 float(self.placed.value()), self.receiver.text().strip(),
                                 self.phone.text().strip(), self.address.text().strip(),
                                 self.courier.text().strip(), self.tracking.text().strip())
        return Scenario(
            key=self.key.text(), title=self.title.text(),
            situation=self.situation.currentData(), persona=self.persona.toPlainText(),
            buyer=self.buyer.text(), tier=self.tier.currentText(),
            opening=_lines(self.opening),
            branches=tuple(Branch(tuple(textnorm.split_list(words)), reply, pays, ends)
                           for words, reply, pays, ends in self.branches.rows),
            default=_lines(self.default),
            key_points=tuple(KeyPoint(label, tuple(textnorm.split_list(words)), tip)
                             for label, words, tip in self.points.rows),
            time_limit_s=self.time_limit.value() * 60, product=product, order=order)

    def new_scenario(self) -> None:
        self.list_view.clearSelection()
        self.show_scenario(Scenario(key=scenarios.new_key(self.session.store), title="",
                                    key_points=(KeyPoint("", ()),)))
        self.message.setText(self.tr("新情景：填好后保存。"))

    def ask_question(self):
        picker = QuestionPicker(self.session.store, self)
        picker.accepted.connect(lambda: self.from_question(picker.chosen()))
        picker.open()
        return picker

    def from_question(self, question) -> None:
        if question is None:
            return
        key = scenarios.new_key(self.session.store, "question")
        self.list_view.clearSelection()
        self.show_scenario(scenarios.from_question(question, key))
        self.message.setText(self.tr("已从问题单生成草稿：请为考核要点填上关键词，再保存。"))

    # --- changes -----------------------------------------------------------------------------

    def _run(self, operation, *args) -> bool:
        """Run a domain change; a refusal is said here, in the editor."""
        said: list[str] = []
        slot = said.append
        self.session.refused.connect(slot)
        try:
            done = self.session.run(operation, *args)
        finally:
            self.session.refused.disconnect(slot)
        if said:
            self.message.setText(said[-1])
        return done

    def save(self) -> bool:
        scenario = self.edited()
        done = self._run(scenarios.save, self.session.store, self.session.agent, scenario,
                         self.session.clock())
        if done:
            self.reload(scenario.key.strip())
            self.message.setText(self.tr("已保存“{0}”").format(scenario.title.strip()))
            self.saved.emit(scenario.key.strip())
        return done

    def archive(self) -> bool:
        key = self.key.text().strip()
        done = self._run(scenarios.archive, self.session.store, self.session.agent, key,
                         self.session.clock())
        if done:
            self.message.setText(self.tr("已删除“{0}”，以前的成绩仍保留").format(key))
        return done

    def _try(self) -> None:
        scenario = self.list_view.currentIndex().data(ScenarioRole)
        if scenario is not None:
            self.try_out.emit(scenario)
