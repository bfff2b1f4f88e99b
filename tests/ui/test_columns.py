"""Columns wide enough for what they hold: the phrase itself in the phrase manager
(管理短语); the order status, whole in its tooltip; the Assignee header of the 售后 list
in English."""

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QTextDocument

from workbench.app import install_translation, open_workbench
from workbench.ui.quickphrases.window import PhraseManager


@pytest.fixture
def workbench(qtbot, db_path, clock):
    opened = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                            agent_name="wang")
    qtbot.addWidget(opened.window)
    opened.window.show()
    yield opened
    opened.close()


def test_the_phrase_column_takes_the_room_in_the_phrase_manager(qtbot, workbench):
    manager = PhraseManager(workbench.window.session, workbench.window)
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitExposed(manager)
    table = manager.table
    assert table.columnWidth(1) > 2 * table.columnWidth(3)
    assert table.columnWidth(1) >= table.viewport().width() // 3


def test_each_order_status_is_whole_in_its_tooltip(workbench):
    model = workbench.window.orders_ui.show_orders().model
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        index = model.index(row, 2)
        document = QTextDocument()
        document.setHtml(index.data(Qt.ItemDataRole.ToolTipRole))
        assert document.toPlainText() == index.data()


def test_the_assignee_header_fits_in_english(qtbot, db_path, clock, qapp):
    install_translation(qapp, "en")
    try:
        opened = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                                agent_name="wang")
        qtbot.addWidget(opened.window)
        try:
            cases = opened.window.aftersale_ui.show_cases()
            table = cases.table
            title = table.model().headerData(7, Qt.Orientation.Horizontal)
            assert title == "Assignee"
            header = table.horizontalHeader()
            # the text, the header's margins and room for the sort arrow
            needed = header.fontMetrics().horizontalAdvance(title) + 20
            assert table.columnWidth(7) >= needed
        finally:
            opened.close()
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
