"""The quick-phrase panel: search box, groups, click inserts at the cursor."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from workbench import quickphrases
from workbench.quickphrases import Phrase
from workbench.ui.session import Session

PhraseRole = Qt.ItemDataRole.UserRole + 1


class PhraseModel(QAbstractListModel):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.all: list[Phrase] = quickphrases.all_phrases(session.store)
        self.rows: list[Phrase] = list(self.all)
        self.query = ""
        session.changed.connect(self._on_changed)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        phrase = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"/{phrase.code}  [{phrase.group_name or ''}]  {phrase.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return phrase.text
        if role == PhraseRole:
            return phrase
        return None

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self.query = query
        self.rows = [p for p in self.all if quickphrases.matches(p, query)]
        self.endResetModel()

    def _on_changed(self, changes) -> None:
        if changes.phrases:
            self.all = quickphrases.all_phrases(self.session.store)
            self.set_query(self.query)


class PhrasePanel(QWidget):
    """Emits ``insert_requested(text)`` with the phrase's variables filled in."""

    insert_requested = Signal(str)

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.search = QLineEdit()
        self.search.setObjectName("phraseSearch")
        self.search.setPlaceholderText(self.tr("搜索快捷短语(编码或文字)"))
        self.search.setClearButtonEnabled(True)
        self.model = PhraseModel(session)
        self.view = QListView()
        self.view.setObjectName("phraseList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        title = QLabel(self.tr("快捷短语"))
        title.setStyleSheet("font-weight: bold; padding: 4px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self.model.set_query)
        self.view.clicked.connect(self._on_clicked)

    def _on_clicked(self, index: QModelIndex) -> None:
        phrase: Phrase = index.data(PhraseRole)
        self.insert_requested.emit(self.filled(phrase))
        self.session.run(quickphrases.note_use, self.session.store, phrase.id,
                         self.session.clock())

    def filled(self, phrase: Phrase) -> str:
        conversation = self.session.current
        values = quickphrases.context_values(
            self.session.store, conversation.buyer_id if conversation else None,
            conversation.buyer_nick if conversation else "", self.session.agent.signature,
            self.session.clock())
        return quickphrases.fill(phrase.text, values)
