"""Tab moves between controls in every window: out of a table, out of a text box."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def tab_from(qtbot, widget):
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)
    qtbot.keyPress(widget, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_tab_leaves_a_table_for_the_next_control(qtbot, workbench):
    listing = workbench.window.orders_ui.show_orders()
    table = listing.list
    assert listing.model.rowCount() > 1
    table.setCurrentIndex(listing.model.index(0, 0))
    reached = tab_from(qtbot, table)
    assert reached is not table and table.currentIndex().column() == 0


def test_tab_leaves_a_text_box_without_typing_a_tab(qtbot, workbench):
    dialog = workbench.window.handover_ui.new_todo()
    dialog.detail.setPlainText("少发一双")
    reached = tab_from(qtbot, dialog.detail)
    assert reached is not dialog.detail and dialog.detail.toPlainText() == "少发一双"
