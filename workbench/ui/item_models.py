"""The bases of every item model here: rows in ``rows``, shown as a list or a table,
read all at once or a page at a time (``PagedRows``).

Subclasses add ``data`` (and whatever else they need); nobody writes ``rowCount`` again.
``RoomyDelegate`` gives their rows the height that mixed Chinese and Latin text needs.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import QStyledItemDelegate


class RowsListModel(QAbstractListModel):
    """A list of ``rows``; ``row_at`` gives the row behind an index (None if outside)."""

    rows: list

    def __init__(self, rows=()):
        super().__init__()
        self.rows = list(rows)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def row_at(self, index: QModelIndex):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]


class RowsTableModel(QAbstractTableModel):
    """Subclasses set ``COLUMNS`` (titles, in Chinese, each marked with
    ``QT_TRANSLATE_NOOP("<subclass name>", ...)``) and keep their rows in ``rows``;
    they add ``data`` (and whatever else they need)."""

    COLUMNS: tuple[str, ...] = ()
    rows: list

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            # The subclass's name, not this class's: that is where its titles are filed.
            return QCoreApplication.translate(type(self).__name__, self.COLUMNS[section])
        return None


class PagedRows:
    """Mixed in before RowsListModel or RowsTableModel: the rows are read a page at a time
    as the view scrolls. The subclass counts them all in ``total`` when it loads the
    first page, and reads the page starting at a row in ``fetch_page``."""

    rows: list
    total = 0

    def fetch_page(self, offset: int) -> list:
        raise NotImplementedError

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if parent.isValid():
            return
        more = self.fetch_page(len(self.rows))
        if not more:   # fewer than were counted (some went meanwhile): stop asking
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows += more
        self.endInsertRows()


class RoomyDelegate(QStyledItemDelegate):
    """Room for lines that mix Chinese and Latin text: Qt sizes such a line by the Latin
    font and then elides the taller Chinese glyphs when painting it (a row of two lines
    shows only its first, ending in …)."""

    ROOM = 1.25

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), int(size.height() * self.ROOM) + 2)
