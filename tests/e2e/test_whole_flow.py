"""A whole shift in miniature, driven through the real window with keys and clicks."""

from PySide6.QtCore import Qt

from helpers import click_row, row_where, type_text
from workbench import conversations, handover, orders
from workbench.app import open_workbench
from workbench.channels import scenarios
from workbench.ui.conversation_list import ConversationRole
from workbench.ui.quickphrases.panel import PhraseRole

SIZE_SCENARIO = scenarios.SCENARIO_DIR / "size.json"


def open_window(qtbot, db_path, clock):
    workbench = open_workbench(db_path, speed=0, clock=clock,
                               scenarios=[scenarios.load(SIZE_SCENARIO)])
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    return workbench


def test_buyer_asks_agent_answers_remarks_hands_over_and_everything_survives_restart(
        qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    window = workbench.window
    conversation_view = window.conversation_list

    # A simulated buyer asks: the conversation shows unread.
    qtbot.waitUntil(lambda: any(c.unread == 2 for c in conversation_view.list_model.rows))
    # The team's greeting went out automatically; it is not a human reply.
    row = row_where(conversation_view, ConversationRole, lambda c: c.buyer_nick == "晴天小鹿")
    assert conversation_view.list_model.rows[row].waiting_since is not None

    # The agent opens it: history shows, unread clears.
    click_row(qtbot, conversation_view, row)
    assert [m.sender for m in window.chat.view.model().rows] == ["buyer", "auto", "buyer"]
    assert window.session.current.unread == 0

    # Inserts a phrase from the panel (variables filled) and sends with Enter.
    window.chat.composer.setFocus()
    type_text(window.chat.composer, "亲，")
    phrase_row = row_where(window.phrases.view, PhraseRole, lambda p: p.code == "cmm")
    click_row(qtbot, window.phrases.view, phrase_row)
    draft = window.chat.composer.toPlainText()
    assert draft.startswith("亲，") and "M 码" in draft
    qtbot.keyClick(window.chat.composer, Qt.Key.Key_Return)
    assert window.chat.composer.toPlainText() == ""
    conversation_id = window.session.current.id
    qtbot.waitUntil(lambda: len(conversations.history(workbench.store, conversation_id)) == 5)
    sent = [m for m in conversations.history(workbench.store, conversation_id)
            if m.sender == "agent"]
    assert sent[0].text == draft and sent[0].status == "sent"

    # Remarks the buyer's order in the team format and flags it red.
    order = window.orders.selected_order()
    assert order is not None and order.buyer_nick == "晴天小鹿"
    type_text(window.orders.remark_input, "改发顺丰 到付")
    qtbot.keyClick(window.orders.remark_input, Qt.Key.Key_Return)
    assert window.orders.remark_model.stringList()[0].startswith("改发顺丰 到付—小满—")
    window.orders.flag_box.setFocus()
    qtbot.keyClick(window.orders.flag_box, Qt.Key.Key_Down)
    assert orders.get(workbench.store, order.id).flag == 1

    # Adds a 待办 for the next shift from the keyboard.
    type_text(window.todos.quick_add, "明早确认顺丰补差价")
    qtbot.keyClick(window.todos.quick_add, Qt.Key.Key_Return)
    assert window.todos.quick_add.text() == ""

    # A draft left in the composer is kept too.
    type_text(window.chat.composer, "稍等")
    window.close()
    workbench.store.close()

    # Reopen on the same store: everything is still there.
    again = open_window(qtbot, db_path, clock)
    try:
        history = conversations.history(again.store, conversation_id)
        assert [m.sender for m in history] == ["buyer", "auto", "buyer", "agent", "buyer"]
        assert history[3].text == draft
        remark = orders.remarks(again.store, order.id)[0]
        assert remark.formatted().startswith("改发顺丰 到付—小满—")
        assert orders.get(again.store, order.id).flag == 1
        titles = [t.title for t in handover.open_items(again.store)]
        assert "明早确认顺丰补差价" in titles
        todo = next(t for t in handover.open_items(again.store) if t.title == "明早确认顺丰补差价")
        assert todo.buyer_nick == "晴天小鹿"
        assert conversations.get(again.store, conversation_id).draft == "稍等"
    finally:
        again.close()
