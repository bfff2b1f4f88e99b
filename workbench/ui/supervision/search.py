"""The log search window (聊天记录查询) and the transcript window it opens.

Searches run in the supervision worker pool on their own store connection; results come
back newest first, a page at a time, with the hit marked in a snippet. Message text is
always treated as plain text: the snippet is escaped before the hit is marked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench import accounts, timefmt
from workbench.changes import Refused
from workbench.supervision import search
from workbench.supervision.search import Hit, LogFilter, LogMessage, SearchResult
from workbench.ui import language
from workbench.ui.item_models import RowsListModel, RowsTableModel
from workbench.ui.plain_text import tip

HitRole = Qt.ItemDataRole.UserRole + 1
SnippetHtmlRole = Qt.ItemDataRole.UserRole + 2
MessageRole = Qt.ItemDataRole.UserRole + 3
SENDER_CHOICES = (("", QT_TRANSLATE_NOOP("LogSearchWindow", "全部发送方")),
                  ("buyer", QT_TRANSLATE_NOOP("LogSearchWindow", "买家")),
                  ("agent", QT_TRANSLATE_NOOP("LogSearchWindow", "客服")),
                  ("auto", QT_TRANSLATE_NOOP("LogSearchWindow", "自动回复")),
                  ("system", QT_TRANSLATE_NOOP("LogSearchWindow", "系统")))
HIT_BACKGROUND = "#fff2a8"


class ResultModel(RowsTableModel):
    """One page of search hits."""

    COLUMNS = (QT_TRANSLATE_NOOP("ResultModel", "时间"),
               QT_TRANSLATE_NOOP("ResultModel", "买家"),
               QT_TRANSLATE_NOOP("ResultModel", "客服"),
               QT_TRANSLATE_NOOP("ResultModel", "发送方"),
               QT_TRANSLATE_NOOP("ResultModel", "内容"))
    CONTENT = 4

    def __init__(self):
        super().__init__()
        self.rows: list[Hit] = []

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        hit = self.rows[index.row()]
        message = hit.message
        if role == Qt.ItemDataRole.DisplayRole:
            return (timefmt.second(message.at), message.buyer, message.agent or "",
                    search.SENDER_NAMES.get(message.sender, message.sender),
                    hit.snippet)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CONTENT:
            return tip(message.text[:500])
        if role == SnippetHtmlRole:
            return search.highlight_html(hit.snippet, hit.marks)
        if role == HitRole:
            return hit
        return None


class HighlightDelegate(QStyledItemDelegate):
    """Paints the snippet with its hits in bold on a light marker; the HTML comes from
    search.highlight_html, which escapes the text before marking it."""

    def paint(self, painter, option, index) -> None:
        html = index.data(SnippetHtmlRole)
        if html is None:
            super().paint(painter, option, index)
            return
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter,
                              options.widget)
        document = self._document(html, options)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        top = options.rect.top() + max(0, (options.rect.height()
                                           - document.size().height()) / 2)
        painter.translate(options.rect.left(), top)
        painter.setClipRect(QRectF(0, 0, options.rect.width(), options.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        html = index.data(SnippetHtmlRole)
        if html is None:
            return super().sizeHint(option, index)
        document = self._document(html, option)
        return QSize(int(document.idealWidth()), int(document.size().height()))

    @staticmethod
    def _document(html: str, option) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        # The marker keeps dark text, so a hit stays readable in a selected row too.
        document.setDefaultStyleSheet(
            f"b {{ background-color: {HIT_BACKGROUND}; color: #000000; }}")
        document.setHtml(html)
        return document


class LogSearchWindow(QWidget):
    """Search box, filters, a page of results; Enter or a double click opens a transcript."""

    searched = Signal(object)    # SearchResult, once shown (tests wait on it)
    exported = Signal(int)       # messages written

    def __init__(self, session, tasks, indexer, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.session = session
        self.tasks = tasks
        self.indexer = indexer
        self.viewer = session.agent
        self.supervisor = search.can_read_all(self.viewer)
        self.setObjectName("logSearchWindow")
        self.setWindowTitle(self.tr("聊天记录查询") if self.supervisor
                            else self.tr("我的聊天记录"))
        self.resize(1000, 640)
        self.offset = 0
        self.result: SearchResult | None = None
        self._sequence = 0
        self._export_task = None
        self._build()
        indexer.progress.connect(self._index_progress)
        indexer.caught_up.connect(self._index_caught_up)

    def _build(self) -> None:
        self.query = QLineEdit()
        self.query.setObjectName("logQuery")
        self.query.setPlaceholderText(self.tr("搜索聊天内容：空格隔开的词须同时出现，“引号”内为连续短语"))
        search_button = QPushButton(self.tr("搜索"))
        search_button.setObjectName("logSearchButton")
        self.agent_box = QComboBox()
        self.agent_box.setObjectName("logAgent")
        if self.supervisor:
            self.agent_box.addItem(self.tr("全部客服"), None)
            for agent in accounts.all_agents(self.session.store):
                self.agent_box.addItem(f"{agent.signature}（{agent.name}）", agent.name)
        else:
            self.agent_box.addItem(self.viewer.signature, self.viewer.name)
            self.agent_box.setEnabled(False)
        self.buyer = QLineEdit()
        self.buyer.setObjectName("logBuyer")
        self.buyer.setPlaceholderText(self.tr("买家昵称（包含）"))
        self.use_dates = QCheckBox(self.tr("时间段"))
        self.use_dates.setObjectName("logUseDates")
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-7))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.since.setEnabled)
        self.use_dates.toggled.connect(self.until.setEnabled)
        self.sender_box = QComboBox()
        self.sender_box.setObjectName("logSender")
        for value, label in SENDER_CHOICES:
            self.sender_box.addItem(self.tr(label), value or None)
        self.has_order = QCheckBox(self.tr("有订单"))
        self.has_order.setObjectName("logHasOrder")
        self.slow_reply = QCheckBox(self.tr("慢回复（超过3分钟）"))
        self.slow_reply.setObjectName("logSlowReply")

        self.model = ResultModel()
        self.view = QTableView()
        self.view.setObjectName("logResults")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(ResultModel.CONTENT, HighlightDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ResultModel.CONTENT, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self.open_hit)
        self.view.doubleClicked.connect(self.open_hit)

        self.status = QLabel()
        self.status.setObjectName("logStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = QPushButton(self.tr("上一页"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.previous_button.setObjectName("logPrevious")
        self.next_button.setObjectName("logNext")
        self.export_hits_button = QPushButton(self.tr("导出结果…"))
        self.export_whole_button = QPushButton(self.tr("导出整段会话…"))
        self.cancel_button = QPushButton(self.tr("取消导出"))
        self.cancel_button.hide()

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(search_button)
        filters = QHBoxLayout()
        for widget in (self.agent_box, self.buyer, self.use_dates, self.since, QLabel("—"),
                       self.until, self.sender_box, self.has_order, self.slow_reply):
            filters.addWidget(widget)
        filters.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for widget in (self.previous_button, self.next_button, self.export_hits_button,
                       self.export_whole_button, self.cancel_button):
            bottom.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self.query.returnPressed.connect(self.run_search)
        self.buyer.returnPressed.connect(self.run_search)
        search_button.clicked.connect(self.run_search)
        self.previous_button.clicked.connect(lambda: self.go_to_page(-1))
        self.next_button.clicked.connect(lambda: self.go_to_page(1))
        self.export_hits_button.clicked.connect(lambda: self.ask_export(False))
        self.export_whole_button.clicked.connect(lambda: self.ask_export(True))
        self.cancel_button.clicked.connect(self.cancel_export)
        self._update_paging()

    # --- searching ---------------------------------------------------------------------

    def current_filter(self) -> LogFilter:
        since = until = None
        if self.use_dates.isChecked():
            since = _day_start(self.since.date())
            until = _day_start(self.until.date().addDays(1))
        return LogFilter(query=self.query.text(), agent=self.agent_box.currentData(),
                         buyer=self.buyer.text().strip() or None, since=since, until=until,
                         sender=self.sender_box.currentData(),
                         has_order=self.has_order.isChecked(),
                         slow_reply=self.slow_reply.isChecked())

    def run_search(self) -> None:
        """A new search from the first page."""
        self.offset = 0
        self._search()

    def go_to_page(self, step: int) -> None:
        if self.result is None:
            return
        offset = self.offset + step * search.PAGE_SIZE
        if 0 <= offset < self.result.total:
            self.offset = offset
            self._search()

    def _search(self) -> None:
        self._sequence += 1
        sequence = self._sequence
        flt, offset, viewer = self.current_filter(), self.offset, self.viewer
        self.status.setText(self.tr("正在搜索…"))
        self.tasks.run(lambda store, _progress, _cancelled: search.search(
            store, viewer, flt, search.PAGE_SIZE, offset),
            succeeded=lambda result: self._show(sequence, result),
            failed=lambda reason: self._failed(sequence, reason))

    def _show(self, sequence: int, result: SearchResult) -> None:
        if sequence != self._sequence:
            return  # an older search finished after a newer one started
        self.result = result
        self.model.set_rows(result.hits)
        if result.hits:
            self.view.selectRow(0)
        self._update_paging()
        self.searched.emit(result)

    def _failed(self, sequence: int, reason: str) -> None:
        if sequence == self._sequence:
            self.status.setText(reason)

    def _update_paging(self) -> None:
        result = self.result
        if result is None:
            self.status.setText(self.tr("输入关键词或选择条件后按 Enter 搜索。"))
            self.previous_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        shown = len(result.hits)
        text = self.tr("共 {0} 条").format(result.total)
        if shown:
            text += self.tr("，第 {0}–{1} 条").format(self.offset + 1, self.offset + shown)
        if result.not_indexed:
            text += self.tr("（还有 {0} 条新消息未编入索引，稍后会自动补上）").format(
                result.not_indexed)
        self.status.setText(text)
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + shown < result.total)

    def _index_progress(self, done: int, total: int) -> None:
        if self.result is None or self.result.not_indexed:
            self.status.setText(self.tr("正在编制搜索索引：{0} / {1}").format(done, total))

    def _index_caught_up(self) -> None:
        if self.result is not None and self.result.not_indexed:
            self._search()

    # --- transcripts -------------------------------------------------------------------

    def open_hit(self, index: QModelIndex | None = None):
        index = index if index is not None else self.view.currentIndex()
        hit = index.data(HitRole) if index is not None and index.isValid() else None
        if hit is None:
            return None
        window = TranscriptWindow(self.session, hit.message.conversation_id, hit.message.id,
                                  None, self.parentWidget())
        if window.ok:
            window.show()
        return window

    # --- exports -----------------------------------------------------------------------

    def ask_export(self, transcripts: bool) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出聊天记录"), self.tr("聊天记录.xlsx"),
            self.tr("Excel (*.xlsx);;CSV (*.csv);;JSON Lines (*.jsonl)"))
        if path:
            self.export_to(Path(path), transcripts)

    def export_to(self, path: Path, transcripts: bool = False):
        """Export every match of the current filter (not only this page)."""
        from workbench.supervision import logfiles

        flt, viewer = self.current_filter(), self.viewer
        self.status.setText(self.tr("正在导出…"))
        self.cancel_button.show()
        self._export_task = self.tasks.run(
            lambda store, progress, cancelled: logfiles.export(
                store, viewer, flt, path, None, transcripts, progress, cancelled),
            succeeded=lambda count: self._exported(count, path), failed=self._export_ended,
            progress=lambda done, _total: self.status.setText(
                self.tr("正在导出：已写 {0} 条").format(done)),
            cancelled=lambda: self._export_ended(self.tr("导出已取消，没有写入文件。")))
        return self._export_task

    def cancel_export(self) -> None:
        if self._export_task is not None:
            self._export_task.cancel()

    def _exported(self, count: int, path: Path) -> None:
        self._export_ended(self.tr("已导出 {0} 条到 {1}").format(count, path))
        self.exported.emit(count)

    def _export_ended(self, text: str) -> None:
        self._export_task = None
        self.cancel_button.hide()
        self.status.setText(text)


def _day_start(date: QDate) -> float:
    return dt.datetime(date.year(), date.month(), date.day()).timestamp()


class TranscriptModel(RowsListModel):
    def __init__(self, messages: list[LogMessage], marked: int | None):
        super().__init__(messages)
        self.marked = marked

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        message = self.row_at(index)
        if message is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            who = search.SENDER_NAMES.get(message.sender, message.sender)
            if message.sender == "agent" and message.agent:
                who += f" {message.agent}"
            elif message.sender == "buyer":
                who += f" {message.buyer}"
            text = self.tr("[图片]") if message.kind == "image" else message.text
            return f"{timefmt.second(message.at)}  {who}\n{text}"
        if role == Qt.ItemDataRole.BackgroundRole and message.id == self.marked:
            return QColor(HIT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and message.sender in ("auto", "system"):
            return QColor("#777777")
        if role == MessageRole:
            return message
        return None


class TranscriptWindow(QWidget):
    """A whole conversation, scrolled to (and marking) the message that was found."""

    def __init__(self, session, conversation_id: int, message_id: int | None = None,
                 at: float | None = None, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("transcriptWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ok = False
        try:
            transcript = search.transcript(session.store, session.agent, conversation_id)
        except Refused as refusal:
            session.refused.emit(language.text(refusal))
            return
        self.ok = True
        self.transcript = transcript
        if message_id is None and at is not None:
            message_id = next((m.id for m in transcript.messages if m.at >= at), None)
        self.setWindowTitle(self.tr("会话记录 — {0}").format(transcript.buyer))
        header = QLabel(self.tr("买家：{0}  客服：{1}  会话：{2}  共 {3} 条").format(
            transcript.buyer, transcript.agent or "—", transcript.conversation,
            len(transcript.messages)))
        header.setTextFormat(Qt.TextFormat.PlainText)
        self.model = TranscriptModel(transcript.messages, message_id)
        self.view = QListView()
        self.view.setObjectName("transcriptView")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.view, 1)
        self.resize(560, 640)
        self.marked_row = next((row for row, m in enumerate(transcript.messages)
                                if m.id == message_id), None)
        if self.marked_row is not None:
            index = self.model.index(self.marked_row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.ok and self.marked_row is not None:
            self.view.scrollTo(self.model.index(self.marked_row),
                               QAbstractItemView.ScrollHint.PositionAtCenter)
