"""The quick-phrase panel: suggestions, group filter, search, click inserts at the cursor.

Search runs on every keystroke against the store (code prefix, jieba words, pinyin
initials); jieba loads and the word index fills in a worker after start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench import conversations, quickphrases
from workbench.quickphrases import Phrase
from workbench.quickphrases import search as phrase_search
from workbench.ui.item_models import RowsListModel
from workbench.ui.plain_text import tip
from workbench.ui.session import Session
from workbench.ui.store_work import start_task

PhraseRole = Qt.ItemDataRole.UserRole + 1
ALL_GROUPS = ""
SHORTCUT_SLOTS = 9      # Alt+1 … Alt+9 insert the first nine visible phrases
RECENT_BUYER_MESSAGES = 3
LIST_LIMIT = 100        # more than a screen; typing narrows the rest


class PhraseModel(RowsListModel):
    """The phrases the search and group filter let through, previewed for the buyer."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.rows: list[Phrase] = []
        self.query = ""
        self.group = ALL_GROUPS
        self.most_used = False
        self.indexed = False  # the word index covers every phrase
        self.values: dict[str, str] = {}
        self.refresh()


    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        phrase = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            slot = f"Alt+{index.row() + 1} " if index.row() < SHORTCUT_SLOTS else ""
            mark = (("" if phrase.scope == "team" else self.tr("[个人] "))
                    + (self.tr("[图] ") if phrase.image else ""))
            return (f"{slot}/{phrase.code}  {mark}[{phrase.group_path}]\n"
                    f"{quickphrases.fill(phrase.text, self.values)}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(quickphrases.fill(phrase.text, self.values))
        if role == PhraseRole:
            return phrase
        return None

    def refresh(self) -> None:
        rows = phrase_search.search(self.session.store, self.session.agent, self.query,
                                    indexed=self.indexed, most_used=self.most_used,
                                    group=self.group, limit=LIST_LIMIT)
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_values(self, values: dict[str, str]) -> None:
        self.values = values
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))


class PhrasePanel(QWidget):
    """Emits ``insert_requested(text)`` and ``send_requested(text)``, variables filled."""

    insert_requested = Signal(str)
    send_requested = Signal(str)
    attach_requested = Signal(str)  # the path of a phrase's picture, sent with the message
    indexed = Signal()  # the word index caught up with the phrases
    index_failed = Signal()  # an indexing round ended without it (said in the bar)

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        title = QLabel(self.tr("快捷短语"))
        title.setStyleSheet("font-weight: bold; padding: 4px;")
        self.suggestion_buttons = [QPushButton() for _ in range(phrase_search.SUGGESTION_COUNT)]
        suggestions = QVBoxLayout()
        suggestions.setSpacing(2)
        self.suggestion_title = QLabel(self.tr("推荐回复"))
        self.suggestion_title.setStyleSheet("color: #666;")
        suggestions.addWidget(self.suggestion_title)
        self.suggestion_group = QButtonGroup(self)
        for number, button in enumerate(self.suggestion_buttons):
            button.setObjectName(f"suggestion{number + 1}")
            button.setStyleSheet("text-align: left; padding: 3px;")
            # The text is cut to fit: a long suggestion must not widen the window.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.suggestion_group.addButton(button, number)
            suggestions.addWidget(button)
        self.suggestion_group.idClicked.connect(self._insert_suggestion)
        self.suggested: list[Phrase] = []
        self.group_box = QComboBox()
        self.group_box.setObjectName("phraseGroup")
        self.most_used = QCheckBox(self.tr("常用优先"))
        self.most_used.setObjectName("phraseMostUsed")
        self.search = QLineEdit()
        self.search.setObjectName("phraseSearch")
        self.search.setPlaceholderText(self.tr("搜索：编码、文字或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        self.model = PhraseModel(session)
        self.view = QListView()
        self.view.setObjectName("phraseList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        filters = QHBoxLayout()
        filters.addWidget(self.group_box, 1)
        filters.addWidget(self.most_used)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(suggestions)
        layout.addLayout(filters)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        self._fill_groups()
        self._show_suggestions([])
        self.search.textChanged.connect(self._on_query)
        self.group_box.currentIndexChanged.connect(self._on_group)
        self.most_used.toggled.connect(self._on_most_used)
        self.view.clicked.connect(self._on_clicked)
        self.view.doubleClicked.connect(self._on_double_clicked)
        session.changed.connect(self._on_changed)
        session.conversation_selected.connect(lambda _conversation: self._follow_buyer())
        self._indexing = False
        self._closed = False
        self._follow_buyer()

    # --- what the panel shows ------------------------------------------------------

    def _fill_groups(self) -> None:
        current = self.group_box.currentData()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(self.tr("全部分组"), ALL_GROUPS)
        for path in quickphrases.group_paths(self.session.store, self.session.agent):
            label = ("    " + path.split("/", 1)[1]) if "/" in path else path
            self.group_box.addItem(label, path)
        found = self.group_box.findData(current) if current else 0
        self.group_box.setCurrentIndex(max(found, 0))
        self.group_box.blockSignals(False)

    def _on_query(self, text: str) -> None:
        self.model.query = text
        self.model.refresh()

    def _on_group(self, _index: int) -> None:
        self.model.group = self.group_box.currentData() or ALL_GROUPS
        self.model.refresh()

    def _on_most_used(self, checked: bool) -> None:
        self.model.most_used = checked
        self.model.refresh()

    def _on_changed(self, changes) -> None:
        if changes.phrases:
            self.model.indexed = False
            self._fill_groups()
            self.model.refresh()
            self.start_indexing()
        current = self.session.current
        if current and current.id in changes.conversations and changes.messages:
            self._follow_buyer()

    def _follow_buyer(self) -> None:
        """Preview variables with the selected buyer's values and refresh suggestions."""
        self.model.set_values(self.values())
        self.refresh_suggestions()

    def values(self) -> dict[str, str]:
        """The open conversation's values; none before a buyer is chosen (nothing can be
        sent then, and the start-up need not read orders, couriers and cases)."""
        conversation = self.session.current
        if conversation is None:
            return {}
        return quickphrases.context_values(
            self.session.store, conversation.buyer_id, conversation.buyer_nick,
            self.session.agent.signature, self.session.clock())

    def filled(self, phrase: Phrase) -> str:
        return quickphrases.fill(phrase.text, self.values())

    # --- suggestions ---------------------------------------------------------------

    def refresh_suggestions(self) -> None:
        conversation = self.session.current
        texts: list[str] = []
        if conversation is not None:
            for message in reversed(conversations.history(self.session.store, conversation.id,
                                                          limit=20)):
                if message.sender == "agent" and texts:
                    break
                if message.sender == "buyer" and message.kind == "text":
                    texts.append(message.text)
                if len(texts) == RECENT_BUYER_MESSAGES:
                    break
        self._show_suggestions(phrase_search.suggest(self.session.store, self.session.agent,
                                                     texts))

    def _show_suggestions(self, phrases: list[Phrase]) -> None:
        self.suggested = phrases
        self.suggestion_title.setVisible(bool(phrases))
        for number, button in enumerate(self.suggestion_buttons):
            if number < len(phrases):
                text = self.filled(phrases[number])
                button.setText(f"/{phrases[number].code}  {text[:28]}"
                               + ("…" if len(text) > 28 else ""))
                button.setToolTip(tip(text))
                button.show()
            else:
                button.hide()

    def _insert_suggestion(self, number: int) -> None:
        if number < len(self.suggested):
            self.use(self.suggested[number])

    # --- using a phrase ------------------------------------------------------------

    def use(self, phrase: Phrase, send: bool = False) -> None:
        text = self.filled(phrase)
        picture = quickphrases.image_path(self.session.store, phrase)
        if picture is not None:
            self.attach_requested.emit(str(picture))
        (self.send_requested if send else self.insert_requested).emit(text)
        self.session.run(quickphrases.note_use, self.session.store, phrase.id,
                         self.session.clock())

    def insert_visible(self, slot: int) -> None:
        """Alt+N: the N-th phrase in the list as it stands."""
        if 0 <= slot < min(SHORTCUT_SLOTS, len(self.model.rows)):
            self.use(self.model.rows[slot])

    def matching(self, code_prefix: str, limit: int = 10) -> list[Phrase]:
        """Phrases for the composer's /code completion."""
        return phrase_search.search(self.session.store, self.session.agent, code_prefix,
                                    indexed=self.model.indexed,
                                    most_used=self.model.most_used, limit=limit)

    def _on_clicked(self, index: QModelIndex) -> None:
        self.use(index.data(PhraseRole))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        # The first click of the double-click already inserted the phrase: the composer
        # takes it back, and the phrase goes out on its own.
        self.use(index.data(PhraseRole), send=True)

    # --- the word index ------------------------------------------------------------

    def start_indexing(self) -> None:
        """Load jieba and index new phrases in a worker; search improves when it is done."""
        if self._indexing or self._closed:
            return
        self._indexing = True
        start_task(self.session.store.path,
                   lambda store, _progress, _cancelled: phrase_search.compute_pending(store),
                   succeeded=self._on_indexed, failed=self._on_index_failed)

    def shut_down(self) -> None:
        """The window is closing: results still on their way are dropped."""
        self._closed = True

    def _on_indexed(self, batch) -> None:
        self._indexing = False
        if self._closed:
            return
        written: list[bool] = []
        if not self.session.attempt(
                lambda: written.append(phrase_search.write_batch(self.session.store, batch))):
            # The store said no (locked, read-only, damaged): said in the bar, and search
            # keeps matching by code and text; the next indexing round tries again.
            self.index_failed.emit()
            return
        more = written[0]
        if more:
            self.start_indexing()
            return
        self.model.indexed = True
        self.model.refresh()
        self.refresh_suggestions()
        self.indexed.emit()

    def _on_index_failed(self, details: str) -> None:
        self._indexing = False
        self.index_failed.emit()
        self.session.refused.emit(self.tr("短语索引失败，搜索暂时只按编码和原文匹配。")
                                  + details[-200:])
