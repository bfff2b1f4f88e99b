"""A practice session in the real window: the trainee picks a scenario, a main window
opens on a fresh practice store (in 练习模式 with a coloured banner and a countdown), the
simulator plays the scenario's buyer, and ending the session shows the scorecard.

Only the scores reach the real store (through the real window's session); the practice
conversation stays in the practice store (workbench/training/practice.py).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench import standards
from workbench.changes import Refused
from workbench.channels import scenarios as buyer_files
from workbench.channels.simulator import Simulator
from workbench.store import Store, StoreError
from workbench.training import play, practice, results
from workbench.training import scenarios as training_scenarios
from workbench.training.scenarios import Scenario
from workbench.ui.item_models import RowsTableModel
from workbench.ui.standards.common import table_view
from workbench.ui.standards.names import name as standard_name
from workbench.ui.training.names import name

TICK_MS = 1000
BANNER_STYLE = ("QWidget#practiceBanner { background: #e65100; }"
                "QWidget#practiceBanner QLabel { color: white; }"
                "QLabel#practiceTitle { font-size: 16px; font-weight: bold; }")
BUYER_STARTS_AFTER_S = 2.0


def buyer_scenario(scenario: Scenario) -> buyer_files.Scenario:
    """The scenario as the simulator plays its opening (the branches are ours)."""
    return buyer_files.Scenario(
        id=scenario.key, title=scenario.title, buyer=scenario.buyer, tier=scenario.tier,
        start_after_s=BUYER_STARTS_AFTER_S,
        opening=tuple(buyer_files.Step(text=line) for line in scenario.opening),
        rules=(), fallback=())


class PracticeChannel(Simulator):
    """The simulator playing one training scenario: it answers the trainee's messages by
    the scenario's branches (:class:`workbench.training.play.Buyer`)."""

    buyer_paid = Signal()
    buyer_done = Signal()

    def __init__(self, scenario: Scenario, speed: float, clock):
        self.scenario = buyer_scenario(scenario)
        super().__init__([self.scenario], speed=speed, clock=clock)
        self.buyer = play.Buyer(scenario)

    def send(self, message):
        self._later(self._random.uniform(0.05, 0.3), self.delivered.emit, message.uid)
        if not message.auto and message.kind == "text":
            answer = self.buyer.respond(message.text)
            if answer is not None:
                self._later(self._random.uniform(3.0, 9.0), self._answer, answer)
        return message.uid

    def _answer(self, answer) -> None:
        self._buyer_says(self.scenario, buyer_files.Step(text=answer.reply))
        if answer.pays:
            self.buyer_paid.emit()
        if answer.ends:
            self.buyer_done.emit()


class PracticeRun(QObject):
    """One practice session: its store, channel, session and window, from opening to the
    scorecard. ``finished(scorecard)`` when scored, ``released()`` once closed."""

    finished = Signal(object)
    released = Signal()

    def __init__(self, real_window, scenario: Scenario, speed: float = 1.0):
        super().__init__(real_window)
        self.real_window = real_window
        self.real_session = real_window.session
        self.scenario = scenario
        self.speed = speed
        self.clock = self.real_session.clock
        self.store: Store | None = None
        self.window = None
        self.setup = None
        self.started_at: float | None = None
        self.card = None
        self.scorecard_dialog = None
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> bool:
        """Make a fresh practice store and open its window; False (said in the real
        window's status bar) when the file cannot be made."""
        from workbench.ui.main_window import MainWindow
        from workbench.ui.session import Session

        path = practice.practice_path(self.real_session.store.path)
        try:
            practice.clear(path)
            self.store = Store.open(path, exclusive=True)
            self.setup = practice.prepare(self.store, self.real_session.store,
                                          self.real_session.agent, self.scenario, self.clock())
        except (StoreError, Refused, OSError) as error:
            if self.store is not None:
                self.store.close()
            message = error.zh if isinstance(error, StoreError | Refused) else str(error)
            self.real_session.refused.emit(self.tr("无法准备练习：{0}").format(message))
            return False
        channel = PracticeChannel(self.scenario, self.speed, self.clock)
        channel.received.connect(self._buyer_wrote)
        channel.buyer_paid.connect(self._buyer_paid)
        channel.buyer_done.connect(lambda: self.window.training.buyer_done())
        session = Session(self.store, channel, self.setup.trainee, self.clock)
        self.window = MainWindow(session)
        self.window.training.attach(self)
        self.window.closing.connect(self._closing)
        channel.start()
        return True

    @property
    def session(self):
        return self.window.session

    @property
    def deadline(self) -> float | None:
        return None if self.started_at is None else self.started_at + self.scenario.time_limit_s

    def _buyer_wrote(self, incoming) -> None:
        if self.started_at is None:
            self.started_at = incoming.at
            self.timer.start()
            self.window.training.started()
        self.tick()

    def _buyer_paid(self) -> None:
        self.session.run(practice.buyer_pays, self.store, self.setup.order_id, self.clock())

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - self.clock())

    def tick(self) -> None:
        """Count down; at the time limit the session ends by itself."""
        if self.card is not None:
            return
        left = self.remaining()
        self.window.training.show_remaining(left)
        if left is not None and left <= 0:
            self.finish()

    def finish(self):
        """End the session: score it, keep the scores in the real store, show the card.
        Before the buyer has said anything there is nothing to score."""
        if self.card is not None or self.started_at is None:
            return self.card
        self.timer.stop()
        self.session.channel.stop()
        now = self.clock()
        ended = min(now, self.deadline)
        played = practice.played(self.store, self.setup, self.started_at, ended,
                                 within_time=now < self.deadline)
        real = self.real_session
        self.card = play.scorecard(self.scenario, played, standards.load_standard(real.store),
                                   real.agent.name)
        real.run(results.record_session, real.store, real.agent, self.card, now)
        self.window.training.ended(self.card)
        # The card belongs to the real window: it stays when the practice window closes.
        self.scorecard_dialog = ScorecardDialog(self.card, self.real_window)
        self.scorecard_dialog.show()
        self.finished.emit(self.card)
        return self.card

    def close(self) -> None:
        """Close the practice window and its store now (the real window is closing)."""
        self.window.close()
        self._release()

    def _closing(self) -> None:
        """The practice window closes (a session not ended is dropped, unscored); the store
        closes once the window's own closing is done."""
        self.timer.stop()
        QTimer.singleShot(0, self, self._release)

    def _release(self) -> None:
        from workbench.ui.store_work import wait_for_tasks

        if self.store is None:
            return
        wait_for_tasks()
        self.window.deleteLater()
        self.store.close()
        self.store = None
        self.released.emit()


class PracticeMode(QObject):
    """练习模式 on a window opened on a practice store: the title and a banner say so;
    attached to its :class:`PracticeRun`, the banner shows the scenario, the countdown
    and the button that ends the session."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.run: PracticeRun | None = None
        self.buyer_is_done = False
        self.marker = self.tr("【练习模式】")
        # Other areas retitle the window (the unread count): the marker stays in front.
        window.windowTitleChanged.connect(self._keep_marker)
        self._keep_marker(window.windowTitle())
        self.banner = QWidget()
        self.banner.setObjectName("practiceBanner")
        self.banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.title = QLabel(self.tr("练习模式 · 练习的会话不计入服务数据，也不进入聊天记录"))
        self.title.setObjectName("practiceTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = QLabel()
        self.detail.setObjectName("practiceDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("practiceClock")
        self.clock_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.end_button = QPushButton(self.tr("结束练习"))
        self.end_button.setObjectName("practiceEnd")
        self.end_button.setEnabled(False)
        self.end_button.clicked.connect(self.end_clicked)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.detail)
        row = QHBoxLayout(self.banner)
        row.addLayout(text, 1)
        row.addWidget(self.clock_label)
        row.addWidget(self.end_button)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(window.takeCentralWidget(), 1)
        window.setCentralWidget(holder)

    def _keep_marker(self, title: str) -> None:
        if not title.startswith(self.marker):
            self.window.setWindowTitle(self.marker + title)

    def attach(self, run: PracticeRun) -> None:
        self.run = run
        scenario = run.scenario
        parts = [self.tr("情景：{0}（{1}，{2}）").format(scenario.title, scenario.situation,
                                                   scenario.tier)]
        if scenario.persona:
            parts.append(self.tr("买家：{0}").format(scenario.persona))
        if scenario.product is not None:
            price = "" if scenario.product.price is None else f" ¥{scenario.product.price:g}"
            parts.append(self.tr("商品：{0} {1}{2}").format(scenario.product.title,
                                                        scenario.product.spec, price))
        parts.append(self.tr("时限 {0} 分钟，从买家第一句话开始计时。").format(
            scenario.time_limit_s // 60))
        self.detail.setText("\n".join(parts))
        self.clock_label.setText(self.tr("等待买家…"))

    def started(self) -> None:
        self.end_button.setEnabled(True)

    def show_remaining(self, seconds: float | None) -> None:
        if seconds is not None:
            whole = int(seconds)
            text = self.tr("剩余 {0}:{1:02d}").format(whole // 60, whole % 60)
            if self.buyer_is_done:
                text += self.tr(" · 买家说完了，告别后结束")
            self.clock_label.setText(text)

    def buyer_done(self) -> None:
        self.buyer_is_done = True
        self.show_remaining(self.run.remaining())

    def end_clicked(self) -> None:
        if self.run is None:
            return
        if self.run.card is None:
            self.run.finish()
        else:
            self.window.close()

    def ended(self, card) -> None:
        self.clock_label.setText(self.tr("得分 {0:g}").format(card.score))
        self.end_button.setText(self.tr("关闭练习窗口"))
        self.window.chat.composer.setEnabled(False)


# --- choosing a scenario -------------------------------------------------------------------------

class ScenarioModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ScenarioModel", "情景"),
               QT_TRANSLATE_NOOP("ScenarioModel", "场景"),
               QT_TRANSLATE_NOOP("ScenarioModel", "买家等级"),
               QT_TRANSLATE_NOOP("ScenarioModel", "时限（分钟）"),
               QT_TRANSLATE_NOOP("ScenarioModel", "要点"),
               QT_TRANSLATE_NOOP("ScenarioModel", "买家"))

    def __init__(self):
        super().__init__()
        self.rows: list[Scenario] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        scenario = self.rows[index.row()] if index.isValid() and \
            0 <= index.row() < len(self.rows) else None
        if scenario is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (scenario.title, name(scenario.situation), scenario.tier,
                    str(scenario.time_limit_s // 60), str(len(scenario.key_points)),
                    scenario.persona)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return scenario
        return None


class ScenarioPicker(QDialog):
    """The team's scenarios, the persona and context of the one chosen, and the button that
    starts the practice."""

    chosen = Signal(object)   # the Scenario

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("scenarioPicker")
        self.setWindowTitle(self.tr("开始练习"))
        self.resize(720, 480)
        self.model = ScenarioModel()
        self.view = table_view(self.model)
        self.view.setObjectName("scenarioList")
        self.about = QLabel()
        self.about.setObjectName("scenarioAbout")
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        self.start_button = QPushButton(self.tr("开始练习"))
        self.start_button.setObjectName("scenarioStart")
        self.start_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("练习在单独的练习窗口进行，不计入服务数据。")), 1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.about)
        layout.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._describe())
        self.view.doubleClicked.connect(lambda *_: self.start())
        self.start_button.clicked.connect(self.start)
        session.changed.connect(lambda changes: changes.scenarios and self.reload())

    def reload(self) -> None:
        self.model.set_rows(training_scenarios.all_scenarios(self.session.store))
        if self.model.rows:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._describe()

    def selected(self) -> Scenario | None:
        return self.view.currentIndex().data(Qt.ItemDataRole.UserRole)

    def _describe(self) -> None:
        scenario = self.selected()
        self.start_button.setEnabled(scenario is not None)
        if scenario is None:
            self.about.setText("")
            return
        lines = [scenario.persona]
        if scenario.product is not None:
            lines.append(self.tr("商品：{0} {1}").format(scenario.product.title,
                                                    scenario.product.spec))
        self.about.setText("\n".join(line for line in lines if line))

    def start(self) -> None:
        scenario = self.selected()
        if scenario is not None:
            self.accept()
            self.chosen.emit(scenario)


# --- the scorecard -------------------------------------------------------------------------------

class PointResultsModel(RowsTableModel):
    COLUMNS = ("", QT_TRANSLATE_NOOP("PointResultsModel", "考核要点"),
               QT_TRANSLATE_NOOP("PointResultsModel", "建议"))

    def __init__(self, points):
        super().__init__()
        self.rows = list(points)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        point = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return ("✓" if point.covered else "✗", point.label,
                    "" if point.covered else point.tip)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            from PySide6.QtGui import QColor

            return QColor("#2e7d32" if point.covered else "#c62828")
        return None


class RulesModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("RulesModel", "服务规范"),
               QT_TRANSLATE_NOOP("RulesModel", "结果"),
               QT_TRANSLATE_NOOP("RulesModel", "说明"))

    def __init__(self, verdict):
        super().__init__()
        self.rows = list(verdict.results.values())

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        result = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            rule = standards.RULES_BY_ID[result.rule]
            return (standard_name(rule.name),
                    standard_name(standards.RESULT_NAMES[result.result]),
                    result.note)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return standard_name(standards.RULES_BY_ID[result.rule].standard)
        return None


class ScorecardDialog(QDialog):
    """The scorecard (成绩单): the score, the key points covered and missed, the checklist,
    what to improve."""

    def __init__(self, card: play.Scorecard, parent=None):
        super().__init__(parent)
        self.card = card
        self.setObjectName("scorecard")
        self.setWindowTitle(self.tr("练习成绩单"))
        self.resize(680, 620)
        score = QLabel(self.tr("{0:g} 分").format(card.score))
        score.setObjectName("scorecardScore")
        score.setStyleSheet("font-size: 28px; font-weight: bold;")
        checklist = "—" if card.verdict.score is None else f"{card.verdict.score:g}"
        timing = self.tr("时限内完成") if card.played.within_time else self.tr("超出时限")
        summary = QLabel(self.tr(
            "{0} · 用时 {1}:{2:02d}（{3}）· 服务规范 {4} 分 · 要点 {5}/{6}").format(
            card.scenario.title, int(card.duration_s) // 60, int(card.duration_s) % 60, timing,
            checklist, card.points_hit, len(card.points)))
        summary.setObjectName("scorecardSummary")
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.points_model = PointResultsModel(card.points)
        self.points_view = table_view(self.points_model)
        self.points_view.setObjectName("scorecardPoints")
        self.rules_model = RulesModel(card.verdict)
        self.rules_view = table_view(self.rules_model)
        self.rules_view.setObjectName("scorecardRules")
        self.improve = QLabel("\n".join(f"· {line}" for line in self.improvements())
                              or self.tr("全部做到了，继续保持。"))
        self.improve.setObjectName("scorecardImprove")
        self.improve.setTextFormat(Qt.TextFormat.PlainText)
        self.improve.setWordWrap(True)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(score)
        layout.addWidget(summary)
        layout.addWidget(self.points_view, 1)
        layout.addWidget(self.rules_view, 2)
        layout.addWidget(QLabel(self.tr("改进建议")))
        layout.addWidget(self.improve)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)

    def improvements(self) -> list[str]:
        """What to do better, in the window's language (the tips are the scenario's)."""
        card = self.card
        found = [self.tr("没做到“{0}”：{1}").format(p.label, p.tip) if p.tip
                 else self.tr("没做到“{0}”").format(p.label) for p in card.points if not p.covered]
        for rule in card.verdict.failed():
            spec = standards.RULES_BY_ID[rule]
            found.append(self.tr("按规范做到“{0}”：{1}").format(standard_name(spec.name),
                                                         standard_name(spec.standard)))
        if not card.played.within_time:
            found.append(self.tr("在 {0} 分钟的时限内完成接待。").format(
                card.scenario.time_limit_s // 60))
        return found

