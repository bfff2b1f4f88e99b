"""The window's message bar: what the machine said (another program holds the store, the
disk is full, the store is damaged, an internal error), in one line across the top.

It is not a dialog: the agent keeps working, and what they typed stays where it is. It
goes away when closed, or by itself once the work that waited got through; a damaged
store's notice stays, because the window stays read-only until a backup is restored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

LANG_PROPERTY = "workbenchLang"


def language() -> str:
    """The language the window was started in ("zh" or "en")."""
    app = QCoreApplication.instance()
    return (app.property(LANG_PROPERTY) if app is not None else None) or "zh"


class MessageBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet("#messageBar { background: #fdecea; border-bottom: 1px solid #f1aeb5; }"
                           " QLabel { color: #8a1c1c; }")
        self.text = QLabel()
        self.text.setObjectName("messageBarText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setObjectName("messageBarClose")
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("关闭提示"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.sticky = False
        self.hide()

    def show_message(self, text: str, sticky: bool = False) -> None:
        if self.sticky and not sticky:
            return   # the damaged store's notice outranks what comes after it
        self.sticky = sticky
        self.text.setText(" ".join(text.split()))
        self.show()

    def show_trouble(self, error) -> None:
        """A StoreError from the session; None once the waiting work got through."""
        if error is None:
            if not self.sticky:
                self.hide()
            return
        self.show_message(error.message(language()), sticky=error.kind == "damaged")
