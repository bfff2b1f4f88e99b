"""The one window: conversations | chat | phrases | orders over 待办，all visible at once."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QTabWidget

from workbench import quickphrases
from workbench.store import settings
from workbench.ui import reception_window, team_mode
from workbench.ui.accounts import window as accounts_window
from workbench.ui.aftersale import window as aftersale_window
from workbench.ui.chat import ChatPanel
from workbench.ui.conversation_list import ConversationPanel
from workbench.ui.customers import window as customers_window
from workbench.ui.handover import window as handover_window
from workbench.ui.handover.todo_panel import TodoPanel
from workbench.ui.maintenance import window as maintenance_window
from workbench.ui.orders import window as orders_window
from workbench.ui.orders.sidebar import OrderSidebar
from workbench.ui.paint_probe import FirstPaintProbe
from workbench.ui.products import window as products_window
from workbench.ui.quickphrases import window as phrases_window
from workbench.ui.quickphrases.panel import SHORTCUT_SLOTS, PhrasePanel
from workbench.ui.session import Session
from workbench.ui.standards import window as standards_window
from workbench.ui.supervision import window as supervision_window
from workbench.ui.training import window as training_window

GEOMETRY_KEY = "ui.geometry"
SPLITTER_KEYS = ("ui.splitter.main", "ui.splitter.right")
DEFAULT_SIZES = ([250, 600, 330, 420], [720, 280])  # the order sidebar holds the most
REFUSAL_SHOWN_MS = 8000
WARM_UP_DELAY_MS = 300
# Each area adds its menus, windows and shortcuts through ``install(window)``.
AREA_INSTALLERS = (
    reception_window.install,
    phrases_window.install,
    orders_window.install,
    handover_window.install,
    aftersale_window.install,
    supervision_window.install,
    team_mode.install,
    customers_window.install,
    standards_window.install,
    training_window.install,
    products_window.install,
    accounts_window.install,
    maintenance_window.install,
)
# Each menu bar title with its Alt+letter, by the plain title the areas ask for. Chinese
# desktop software writes the English word's letter after the word (文件（F）), here in
# full-width brackets; the English titles mark the same letter. The letters are unique and
# leave out J, K and S: Alt+J, Alt+K (next, previous buyer) and Alt+S (send the size reply)
# are the window's own shortcuts, and a clash would make both keys do nothing.
MENU_TITLES = (
    (QT_TRANSLATE_NOOP("MainWindow", "接待"), QT_TRANSLATE_NOOP("MainWindow", "接待（&R）")),
    (QT_TRANSLATE_NOOP("MainWindow", "短语"), QT_TRANSLATE_NOOP("MainWindow", "短语（&P）")),
    (QT_TRANSLATE_NOOP("MainWindow", "订单"), QT_TRANSLATE_NOOP("MainWindow", "订单（&O）")),
    (QT_TRANSLATE_NOOP("MainWindow", "交接"), QT_TRANSLATE_NOOP("MainWindow", "交接（&N）")),
    (QT_TRANSLATE_NOOP("MainWindow", "售后"), QT_TRANSLATE_NOOP("MainWindow", "售后（&A）")),
    (QT_TRANSLATE_NOOP("MainWindow", "主管"), QT_TRANSLATE_NOOP("MainWindow", "主管（&E）")),
    (QT_TRANSLATE_NOOP("MainWindow", "账号"), QT_TRANSLATE_NOOP("MainWindow", "账号（&C）")),
    (QT_TRANSLATE_NOOP("MainWindow", "团队"), QT_TRANSLATE_NOOP("MainWindow", "团队（&T）")),
    (QT_TRANSLATE_NOOP("MainWindow", "客户"), QT_TRANSLATE_NOOP("MainWindow", "客户（&U）")),
    (QT_TRANSLATE_NOOP("MainWindow", "质检"), QT_TRANSLATE_NOOP("MainWindow", "质检（&Q）")),
    (QT_TRANSLATE_NOOP("MainWindow", "实训"), QT_TRANSLATE_NOOP("MainWindow", "实训（&I）")),
    (QT_TRANSLATE_NOOP("MainWindow", "商品"), QT_TRANSLATE_NOOP("MainWindow", "商品（&D）")),
    (QT_TRANSLATE_NOOP("MainWindow", "帮助"), QT_TRANSLATE_NOOP("MainWindow", "帮助（&H）")),
)


class MainWindow(QMainWindow):
    closing = Signal()  # before the store closes: timers and workers stop here

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        store = session.store
        shop = settings.get(store, quickphrases.SHOP_NAME_KEY, "") or ""
        self.setWindowTitle(self.tr("客服工作台") + (f" — {shop}" if shop else "")
                            + self.tr(" — 客服：") + session.agent.signature)
        self.conversation_panel = ConversationPanel(session)
        self.conversation_list = self.conversation_panel.view
        self.chat = ChatPanel(session)
        self.phrases = PhrasePanel(session)
        self.orders = OrderSidebar(session)
        self.todos = TodoPanel(session)

        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.addWidget(self.orders)
        self.right_splitter.addWidget(self.todos)
        # The phrase column holds tabs: areas add theirs beside the quick phrases.
        self.phrase_tabs = QTabWidget()
        self.phrase_tabs.setObjectName("phraseTabs")
        self.phrase_tabs.setDocumentMode(True)
        self.phrase_tabs.addTab(self.phrases, self.tr("快捷短语"))
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        for panel in (self.conversation_panel, self.chat, self.phrase_tabs, self.right_splitter):
            self.main_splitter.addWidget(panel)
            self.main_splitter.setCollapsible(self.main_splitter.count() - 1, False)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)
        self.statusBar().setObjectName("statusBar")

        self.phrases.insert_requested.connect(self.chat.composer.insert_at_cursor)
        self.phrases.send_requested.connect(self.chat.send_phrase)
        self.phrases.attach_requested.connect(self.chat.attach)
        self.chat.composer.completion_source = self._phrase_completions
        for slot in range(SHORTCUT_SLOTS):
            QShortcut(QKeySequence(f"Alt+{slot + 1}"), self,
                      lambda slot=slot: self.phrases.insert_visible(slot))
        session.refused.connect(self.show_refusal)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_to_composer)
        self._menus: dict[str, QMenu] = {}
        self._first_paint = FirstPaintProbe(self, self._after_first_paint)
        self.closing.connect(self.phrases.shut_down)
        for install in AREA_INSTALLERS:
            install(self)
        self._restore_layout()

    def back_to_composer(self) -> None:
        """Esc: close whatever is in front (help, find) and type again."""
        overlay = getattr(self, "help_overlay", None)
        if overlay is not None:
            overlay.hide()
        self.chat.find_bar.hide()
        self.chat.view.message_model.highlight(None)
        self.chat.composer.setFocus()

    def area_menu(self, title: str) -> QMenu:
        """The menu bar's menu of that (plain, translated) title, created on first use and
        shown with its Alt+letter."""
        if title not in self._menus:
            translate = QCoreApplication.translate
            shown = {translate("MainWindow", plain): translate("MainWindow", marked)
                     for plain, marked in MENU_TITLES}.get(title, title)
            self._menus[title] = self.menuBar().addMenu(shown)
        return self._menus[title]

    def _phrase_completions(self, prefix: str) -> list[tuple[str, str]]:
        return [(f"/{p.code}  {self.phrases.filled(p)[:40]}", self.phrases.filled(p))
                for p in self.phrases.matching(prefix)]

    def _after_first_paint(self) -> None:
        # jieba and the phrase index load in a worker, once the window stands: the worker
        # holds Python's lock while jieba loads, which would slow the first paint.
        QTimer.singleShot(WARM_UP_DELAY_MS, self.phrases.start_indexing)

    def show_refusal(self, reason: str) -> None:
        self.statusBar().showMessage(reason, REFUSAL_SHOWN_MS)

    def _restore_layout(self) -> None:
        store = self.session.store
        geometry = settings.get(store, GEOMETRY_KEY)
        if not (geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))):
            self.resize(1600, 1000)
        for splitter, key, sizes in zip((self.main_splitter, self.right_splitter),
                                        SPLITTER_KEYS, DEFAULT_SIZES, strict=True):
            state = settings.get(store, key)
            if not (state and splitter.restoreState(QByteArray.fromBase64(state.encode()))):
                splitter.setSizes(sizes)

    def save_layout(self) -> None:
        store = self.session.store
        settings.put(store, GEOMETRY_KEY, bytes(self.saveGeometry().toBase64()).decode())
        for splitter, key in zip((self.main_splitter, self.right_splitter), SPLITTER_KEYS,
                                 strict=True):
            settings.put(store, key, bytes(splitter.saveState().toBase64()).decode())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.chat.save_draft()
        self.session.attempt(self.save_layout)   # a busy or full store must not keep it open
        self.closing.emit()
        self.session.channel.stop()
        super().closeEvent(event)
