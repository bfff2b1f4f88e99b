"""The item models of the 售后 area: the cases (a page at a time, for thousands), a case's
history and pictures, and an order's cases in the sidebar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from workbench import timefmt
from workbench.ui.aftersale.terms import term

if TYPE_CHECKING:
    from workbench.aftersale import Case, CaseFilter, Evidence, Step
from workbench.ui.item_models import PagedRows, RowsListModel, RowsTableModel
from workbench.ui.plain_text import tip

CaseRole = Qt.ItemDataRole.UserRole + 1
# Roles as plain ints: a view asks a cell for a dozen roles on every paint, and comparing
# ints is far cheaper than comparing Qt's enum objects.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
CASE = int(CaseRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
SELECTED = QStyle.StateFlag.State_Selected
ROLES = frozenset({DISPLAY, FOREGROUND, ALIGNMENT, CASE})
PAGE = 50  # more than a tall window shows; the view asks for more as it scrolls
OVERDUE_COLOUR = "#c62828"
SOON_COLOUR = "#ef6c00"
SETTLED_COLOUR = "#757575"
SOON_S = 2 * 3600  # a clock turns orange this long before its due time


def clock_text(case: Case, now: float) -> str:
    """The case's clock in the window's language: time left or overdue, or nothing."""
    if case.due_at is None:
        return ""
    translate = QCoreApplication.translate
    left = case.due_at - now
    minutes = int(abs(left) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        span = translate("AftersaleClock", "{0}天{1}小时").format(days, hours)
    elif hours:
        span = translate("AftersaleClock", "{0}小时{1:02d}分").format(hours, minutes)
    else:
        span = translate("AftersaleClock", "{0}分").format(minutes)
    if left < 0:
        return translate("AftersaleClock", "超时 {0}").format(span)
    return translate("AftersaleClock", "剩 {0}").format(span)


def clock_colour(case: Case, now: float) -> QColor | None:
    if case.due_at is None:
        return QColor(SETTLED_COLOUR)
    if now > case.due_at:
        return QColor(OVERDUE_COLOUR)
    if case.due_at - now < SOON_S:
        return QColor(SOON_COLOUR)
    return None


def kind_text(case: Case) -> str:
    return term(case.kind) + (f"（{term(case.compensation)}）" if case.compensation else "")


def money(value: float | None) -> str:
    return f"¥{value:.2f}" if value is not None else ""


COLOURED = (1, 2)  # CaseTableModel's state and clock columns follow the clock's colour


class CaseTableModel(PagedRows, RowsTableModel):
    """The cases matching the window's filter, owing something soonest due first, fetched
    a page at a time as the view scrolls."""

    COLUMNS = (QT_TRANSLATE_NOOP("CaseTableModel", "售后单号"),
               QT_TRANSLATE_NOOP("CaseTableModel", "状态"),
               QT_TRANSLATE_NOOP("CaseTableModel", "时钟"),
               QT_TRANSLATE_NOOP("CaseTableModel", "买家"),
               QT_TRANSLATE_NOOP("CaseTableModel", "类型"),
               QT_TRANSLATE_NOOP("CaseTableModel", "原因"),
               QT_TRANSLATE_NOOP("CaseTableModel", "金额"),
               QT_TRANSLATE_NOOP("CaseTableModel", "负责人"),
               QT_TRANSLATE_NOOP("CaseTableModel", "订单号"),
               QT_TRANSLATE_NOOP("CaseTableModel", "开单时间"))
    STATE, CLOCK, AMOUNT = 1, 2, 6

    def __init__(self, session):
        super().__init__()
        self.session = session
        from workbench import aftersale

        self.where = aftersale.CaseFilter(state=aftersale.OPEN_WORD)
        self.rows: list[Case] = []
        self.total = 0
        # A row's texts and clock colour, worked out on its first paint (tick() clears it).
        self._shown: dict[int, tuple[tuple[str, ...], QColor | None]] = {}

    def data(self, index: QModelIndex, role: int = DISPLAY):
        if role not in ROLES:  # most of what a view asks, answered at once
            return None
        row = index.row()
        if not 0 <= row < len(self.rows):
            return None
        if role == DISPLAY:
            return self._row(row)[0][index.column()]
        if role == FOREGROUND:
            return self._row(row)[1] if index.column() in COLOURED else None
        if role == ALIGNMENT:
            return RIGHT if index.column() == self.AMOUNT else None
        return self.rows[row]

    def _row(self, row: int) -> tuple[tuple[str, ...], QColor | None]:
        shown = self._shown.get(row)
        if shown is None:
            case, now = self.rows[row], self.session.clock()
            texts = (case.number, term(case.step_name), clock_text(case, now), case.buyer_nick,
                     kind_text(case), term(case.cause),
                     money(case.refunded if case.refunded else case.amount),
                     case.assignee_label, case.order_id, timefmt.minute(case.opened_at))
            shown = self._shown[row] = (texts, clock_colour(case, now))
        return shown

    def load(self, where: CaseFilter) -> None:
        from workbench import aftersale

        self.beginResetModel()
        self._shown.clear()
        self.where = where
        now = self.session.clock()
        self.total = aftersale.count(self.session.store, where, now)
        self.rows = aftersale.find(self.session.store, where, now, limit=PAGE)
        self.endResetModel()

    def reload(self) -> None:
        self.load(self.where)

    def fetch_page(self, offset: int) -> list[Case]:
        from workbench import aftersale

        return aftersale.find(self.session.store, self.where, self.session.clock(),
                              limit=PAGE, offset=offset)

    def row_of(self, case_id: int) -> int | None:
        return next((n for n, c in enumerate(self.rows) if c.id == case_id), None)

    def tick(self) -> None:
        """Move the clocks (and their colours)."""
        self._shown.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, self.STATE),
                                  self.index(len(self.rows) - 1, self.CLOCK))


class CaseDelegate(QStyledItemDelegate):
    """Paints a case row's cells from the model's cached texts: one call a cell instead
    of the styled delegate asking the model for seven roles and laying the text out
    through the style. The list repaints on every filter change, and the same texts come
    back (a state, a kind, the rows of the default filter): each text is laid out once,
    elided to its column's width, and kept as a QStaticText. Selection, the clock
    colours, the amount's alignment and eliding as the style does them."""

    PAD = 4  # the styled delegate's text margin
    KEPT = 4000

    def __init__(self, model: CaseTableModel, parent=None):
        super().__init__(parent)
        self.model = model
        self._laid_out: dict[tuple[str, int], QStaticText] = {}

    def paint(self, painter, option, index: QModelIndex) -> None:
        row, column = index.row(), index.column()
        if not 0 <= row < len(self.model.rows):
            return
        texts, colour = self.model._row(row)
        rect = option.rect
        if option.state & SELECTED:
            painter.fillRect(rect, option.palette.highlight())
            painter.setPen(option.palette.highlightedText().color())
        elif colour is not None and column in COLOURED:
            painter.setPen(colour)
        else:
            painter.setPen(option.palette.text().color())
        text = texts[column]
        if not text:
            return
        width = rect.width() - 2 * self.PAD
        laid_out = self._laid_out.get((text, width))
        if laid_out is None:
            if len(self._laid_out) > self.KEPT:
                self._laid_out.clear()
            metrics = option.fontMetrics
            laid_out = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            laid_out.setTextFormat(Qt.TextFormat.PlainText)  # a buyer's nick is never markup
            laid_out.prepare(font=option.font)
            self._laid_out[(text, width)] = laid_out
        size = laid_out.size()
        left = (rect.right() - self.PAD - size.width() if column == CaseTableModel.AMOUNT
                else rect.left() + self.PAD)
        painter.drawStaticText(QPointF(left, rect.top() + (rect.height() - size.height()) / 2),
                               laid_out)


class HistoryModel(RowsTableModel):
    """A case's steps, oldest first: when, who, which step, where it led, the note."""

    COLUMNS = (QT_TRANSLATE_NOOP("HistoryModel", "时间"),
               QT_TRANSLATE_NOOP("HistoryModel", "客服"),
               QT_TRANSLATE_NOOP("HistoryModel", "步骤"),
               QT_TRANSLATE_NOOP("HistoryModel", "状态"),
               QT_TRANSLATE_NOOP("HistoryModel", "说明"))

    def __init__(self):
        super().__init__()
        self.rows: list[Step] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        step = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            extra = " ".join(filter(None, (step.tracking, money(step.amount))))
            note = " · ".join(filter(None, (step.note, extra)))
            values = (timefmt.minute(step.at), step.agent_name or "—", term(step.step),
                      term(step.position_name), note)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(values[index.column()])
            return values[index.column()]
        return None


class EvidenceModel(RowsListModel):
    """The pictures kept with a case."""

    def __init__(self):
        super().__init__()
        self.rows: list[Evidence] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.row_at(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            sent = timefmt.minute(item.sent_at) if item.sent_at else ""
            return self.tr("{0}（买家 {1} 发送）").format(item.file, sent)
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None


class OrderCasesModel(RowsListModel):
    """The cases of the order shown in the sidebar, newest first, with step and clock."""

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.order_id: str | None = None
        self.rows: list[Case] = []

    def show_order(self, order_id: str | None) -> None:
        self.order_id = order_id
        cases = []
        if order_id:
            from workbench import aftersale  # with the first order shown, not at start-up

            cases = aftersale.for_order(self.session.store, order_id)
        self.set_rows(cases)

    def reload(self) -> None:
        self.show_order(self.order_id)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        case = self.row_at(index)
        if case is None:
            return None
        now = self.session.clock()
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [case.number, kind_text(case), term(case.step_name),
                     clock_text(case, now)]
            return " · ".join(part for part in parts if part)
        if role == Qt.ItemDataRole.ForegroundRole:
            return clock_colour(case, now)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(self.tr("{0}，原因：{1}，负责人：{2}").format(
                case.number, term(case.cause) or "—", case.assignee_label))
        if role == CaseRole:
            return case
        return None

    def tick(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))
