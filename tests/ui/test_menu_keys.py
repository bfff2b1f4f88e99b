"""The menu bar by keyboard: Alt and a letter opens each menu (the letters unique, none of
the window's own Alt keys); the team log pull dialog tabs in the order of the screen."""

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from helpers import menu_title
from workbench.app import install_translation, open_workbench
from workbench.ui.maintenance.message_bar import LANG_PROPERTY
from workbench.ui.team_mode import LoginDialog


def open_window(qtbot, db_path, clock, agent_name=None):
    opened = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                            agent_name=agent_name)
    qtbot.addWidget(opened.window)
    opened.window.show()
    return opened


def test_alt_and_a_letter_opens_each_menu(qtbot, db_path, clock):
    app = QCoreApplication.instance()
    for lang in ("zh", "en"):
        language = app.property(LANG_PROPERTY)
        if lang == "en":
            install_translation(app, "en")
        opened = open_window(qtbot, db_path, clock, "wang")    # the supervisor: every menu
        try:
            window = opened.window
            titles = [action.text() for action in window.menuBar().actions()]
            letters = [QKeySequence.mnemonic(title).toString() for title in titles]
            assert all(letters) and len(set(letters)) == len(letters)
            # Alt+J, Alt+K and Alt+S are the window's own keys: a menu must not take them.
            assert not {"Alt+J", "Alt+K", "Alt+S"} & set(letters)
            orders = next(a.menu() for a in window.menuBar().actions() if menu_title(a) in
                          ("订单", "Orders"))
            window.activateWindow()     # Alt+letter belongs to the active window
            qtbot.waitUntil(window.isActiveWindow)
            qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
            qtbot.waitUntil(lambda menu=orders: QApplication.activePopupWidget() is menu)
            orders.close()
        finally:
            opened.close()
            for translator in app.findChildren(QTranslator):
                app.removeTranslator(translator)
                translator.deleteLater()
            app.setProperty(LANG_PROPERTY, language)


def test_the_team_log_pull_dialog_tabs_in_screen_order(qtbot):
    dialog = LoginDialog(None, None, ask_service=False)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox)
    screen = [dialog.server, dialog.port, dialog.jid, dialog.password, dialog.tls,
              dialog.ca_file.edit, dialog.ca_file.findChild(QPushButton),
              buttons.button(QDialogButtonBox.StandardButton.Ok),
              buttons.button(QDialogButtonBox.StandardButton.Cancel)]
    dialog.server.setFocus()
    chain = [dialog.focusWidget()]
    for _ in screen[1:]:
        qtbot.keyClick(chain[-1], Qt.Key.Key_Tab)
        chain.append(dialog.focusWidget())
    assert chain == screen
