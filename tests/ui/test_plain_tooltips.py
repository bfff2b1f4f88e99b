"""The shop's own text in tooltips shows as written: a buyer named with markup is not
bold, a link is not live, a huge text is cut."""

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument

from helpers import row_where
from workbench import conversations, handover
from workbench.ui.handover.todo_panel import TodoRole
from workbench.ui.plain_text import TIP_CHARS, tip

NICK = '<b>粗</b><font color=red>红</font><a href="file:///etc/passwd">点</a>'


def as_read(tooltip: str) -> str:
    """What a tooltip shows: Qt reads it as rich text when it looks like markup."""
    if not GuiQt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_tip_keeps_the_text_as_written_and_bounds_it():
    assert as_read(tip(NICK)) == NICK
    assert as_read(tip("第一行\n第二行 & <i>")) == "第一行\n第二行 & <i>"
    assert tip("") == ""
    assert len(as_read(tip("长" * (TIP_CHARS * 50)))) == TIP_CHARS + 1


def test_a_buyer_named_with_markup_reads_as_written_in_the_list_and_the_todos(
        workbench, clock):
    window, store = workbench.window, workbench.store
    window.session.channel.received.emit(conversations.Incoming(
        uid=conversations.new_uid(), buyer=NICK, text="在吗", at=clock()))
    model = window.conversation_list.list_model
    (row,) = [r for r in range(model.rowCount()) if model.rows[r].buyer_nick == NICK]
    assert as_read(model.index(row).data(Qt.ItemDataRole.ToolTipRole)).startswith(NICK)

    (todo_id,) = handover.add(store, f"回复{NICK}", window.session.agent, clock(),
                              buyer_id=model.rows[row].buyer_id, detail="<img src='x'>").todos
    panel = window.todos
    panel.refresh()
    index = panel.model.index(row_where(panel.view, TodoRole, lambda t: t.id == todo_id))
    shown = as_read(index.data(Qt.ItemDataRole.ToolTipRole))
    assert shown.startswith(f"回复{NICK}\n") and shown.endswith("<img src='x'>")
    assert f"买家：{NICK}" in shown
