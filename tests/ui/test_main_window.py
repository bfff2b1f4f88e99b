import re

from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtWidgets import QScrollArea

from helpers import menu_title
from workbench.app import install_translation, open_workbench


def open_window(qtbot, db_path, clock, **options):
    workbench = open_workbench(db_path, speed=0, clock=clock, start_channel=False, **options)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    return workbench


def test_all_panels_are_visible_side_by_side_at_1600x1000(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        window = workbench.window
        window.resize(1600, 1000)
        panels = [window.conversation_list, window.chat, window.phrases, window.orders,
                  window.todos]
        qtbot.waitUntil(lambda: all(p.isVisible() and p.width() > 150 for p in panels))
        on_screen = [QRect(p.mapTo(window, QPoint(0, 0)), p.size()) for p in panels]
        for number, rect in enumerate(on_screen):
            assert window.rect().contains(rect)
            assert not any(rect.intersects(other) for other in on_screen[number + 1:])
        # The order sidebar scrolls: what shows of it is the body in its scroll area.
        shown = [window.orders.findChild(QScrollArea).widget() if p is window.orders else p
                 for p in panels]
        assert all(p.visibleRegion().boundingRect().height() > 200 for p in shown)
    finally:
        workbench.close()


def test_splitter_sizes_and_geometry_persist_across_restarts(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    window = workbench.window
    # The offscreen screen is 800×800 and restored geometry is kept on screen; at this width
    # every column is close to its minimum (the phrase column's tabs take a few pixels more).
    window.resize(790, 700)
    window.main_splitter.setSizes([260, 150, 150, 200])
    saved = window.main_splitter.sizes()
    assert saved[1] < saved[0]  # not the default proportions
    workbench.close()

    again = open_window(qtbot, db_path, clock)
    try:
        assert again.window.main_splitter.sizes() == saved
        assert (again.window.width(), again.window.height()) == (790, 700)
    finally:
        again.close()


def test_english_can_be_chosen(qtbot, db_path, clock):
    app = QCoreApplication.instance()
    install_translation(app, "en")
    try:
        workbench = open_window(qtbot, db_path, clock)
        try:
            assert workbench.window.windowTitle().startswith("Agent Workbench")
            assert workbench.window.chat.header.text().startswith("Pick a conversation")
            menus = {menu_title(action): action.menu() for action in
                     workbench.window.menuBar().actions()}
            assert list(menus) == ["Reception", "Phrases", "Orders", "Handover", "After-sale",
                                   "Account", "Team", "Customers", "Quality inspection",
                                   "Training", "Products", "Help"]
            # Every area's own entries are translated (Account names the signed-in agent).
            entries = [action.text() for title, menu in menus.items() if title != "Account"
                       for action in menu.actions()]
            assert not [text for text in entries if re.search("[\u4e00-\u9fff]", text)]
            assert workbench.window.conversation_panel.filter_box.itemText(0) == \
                "All conversations"
        finally:
            workbench.close()
    finally:
        _remove_translators(app)


def _remove_translators(app) -> None:
    from PySide6.QtCore import QTranslator

    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()


def test_standard_buttons_speak_chinese(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    app = QCoreApplication.instance()
    install_translation(app, "zh")
    try:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        texts = [button.text() for button in buttons.buttons()]
        assert sorted(texts) == sorted(["保存", "取消"]), texts
    finally:
        _remove_translators(app)


def test_chinese_is_the_default(qtbot, db_path, clock):
    workbench = open_window(qtbot, db_path, clock)
    try:
        assert workbench.window.windowTitle().startswith("客服工作台")
    finally:
        workbench.close()
