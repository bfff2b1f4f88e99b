"""The 售后 area in the main window: its menu; a new case (新建售后) from a message or an
order with Ctrl+Shift+S; the order sidebar's 售后 section; the jumps from a case to its
buyer.

``install(window)`` wires it through public attributes only: ``window.chat.view``
(messages), ``window.orders`` (the sidebar and its order list), ``window.todos`` (the 待办
panel, where supervisors see approvals waiting), ``window.conversation_list`` and
``window.session``. Everything lives on one :class:`AftersaleUi`, ``window.aftersale_ui``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QVBoxLayout

from workbench import conversations, handover, orders
from workbench.accounts import permissions
from workbench.ui.aftersale import sidebar
from workbench.ui.windowing import bring_to_front, menu_action, on_close

if TYPE_CHECKING:
    from workbench.aftersale import Case

# What these functions show belongs to the main window: one translation context for
# Qt at run time (window.tr) and for lupdate, which reads only literal contexts.
translate = QCoreApplication.translate

NEW_CASE_KEY = "Ctrl+Shift+S"
CASES_KEY = "Ctrl+Shift+A"
SAID_MS = 6000


class AftersaleUi:
    def __init__(self, window):
        self.window = window
        self.session = window.session
        # The dialogs and the window load on first use, off the start-up path.
        self.cases_window = None
        self.new_dialog = None
        self.policy_dialog = None
        self.help_dialog: QDialog | None = None
        self.section = sidebar.attach(window.orders, self.session)
        self.section.new_requested.connect(lambda: self.new_from_order())
        self.section.open_requested.connect(lambda case: self.show_cases(case.id))
        # Supervisors decide approvals: their 待办 panel says how many wait.
        self.approvals = None
        if permissions.allowed(self.session.agent.role, permissions.APPROVE_COMPENSATION):
            from workbench.ui.aftersale.approvals import ApprovalsNotice

            self.approvals = ApprovalsNotice(window.todos, self.session)
            self.approvals.open_requested.connect(lambda: self.show_approvals())

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, SAID_MS)

    # ------------------------------------------------------------------ windows

    def show_cases(self, select: int | None = None):
        from workbench.ui.aftersale.cases_window import CasesWindow

        if self.cases_window is None:
            self.cases_window = CasesWindow(self, self.window)
            self.cases_window.open_requested.connect(self.open_case)
        if select is not None:
            self.cases_window.show_case(select)
        return bring_to_front(self.cases_window)

    def show_approvals(self):
        """The 售后 window on the team's cases waiting for a supervisor's decision."""
        cases_window = self.show_cases()
        cases_window.show_awaiting_approval()
        return cases_window

    def show_policy(self):
        from workbench.ui.aftersale.dialogs import PolicyDialog

        self.policy_dialog = PolicyDialog(self.session, self.window)
        self.policy_dialog.open()
        return self.policy_dialog

    def show_help(self) -> QDialog:
        from workbench.ui.aftersale.dialogs import help_text, plain

        dialog = QDialog(self.window)
        dialog.setWindowTitle(translate("MainWindow", "售后说明"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(plain(help_text()))
        layout.addWidget(buttons)
        self.help_dialog = dialog
        dialog.open()
        return dialog

    def import_report(self):
        return self.show_cases().choose_import()

    # ------------------------------------------------------------------ new cases

    def _show_new(self, dialog):
        self.new_dialog = dialog
        dialog.accepted.connect(lambda: self._created(dialog.created_id))
        dialog.open()
        return dialog

    def _created(self, case_id: int | None) -> None:
        if case_id is None:
            return
        from workbench import aftersale

        case = aftersale.get(self.session.store, case_id)
        self.window.orders.select_order(case.order_id)
        self.section.select_case(case_id)
        self._say(translate("MainWindow", "已新建售后单 {0}").format(case.number))
        if self.cases_window is not None and self.cases_window.isVisible():
            self.cases_window.show_case(case_id)

    def new_from_message(self):
        """新建售后 from the selected message: its buyer's orders, the one in the sidebar
        (else the latest paid) chosen; a picture is attached once the case exists."""
        from workbench.ui.chat import MessageRole

        index = self.window.chat.view.currentIndex()
        message = index.data(MessageRole) if index.isValid() else None
        if message is None:
            self._say(translate("MainWindow", "先在聊天记录里选中一条消息。"))
            return None
        conversation = conversations.get(self.session.store, message.conversation_id)
        buyer_orders = orders.for_buyer(self.session.store, conversation.buyer_id)
        if not buyer_orders:
            self._say(translate("MainWindow", "买家 {0} 没有订单，不能建售后单。")
                      .format(conversation.buyer_nick))
            return None
        shown = self.window.orders.selected_order()
        selected = shown.id if shown and shown.buyer_id == conversation.buyer_id else None
        from workbench.ui.aftersale.dialogs import NewCaseDialog

        return self._show_new(NewCaseDialog(self.session, buyer_orders, selected, message,
                                            self.window))

    def new_from_order(self, order: orders.Order | None = None):
        from workbench.ui.aftersale.dialogs import NewCaseDialog

        order = order or self.window.orders.selected_order()
        if order is None:
            self._say(translate("MainWindow", "先在订单列表里选中一个订单。"))
            return None
        buyer_orders = orders.for_buyer(self.session.store, order.buyer_id)
        return self._show_new(NewCaseDialog(self.session, buyer_orders, order.id, None,
                                            self.window))

    def new_from_focus(self):
        """Ctrl+Shift+S: from the order list if it has the focus, else from the selected
        message, else from the order the sidebar shows."""
        focus = QApplication.focusWidget()
        order_list, chat_view = self.window.orders.list, self.window.chat.view
        if focus is not None and (focus is order_list or order_list.isAncestorOf(focus)):
            return self.new_from_order()
        if chat_view.currentIndex().isValid():
            return self.new_from_message()
        return self.new_from_order()

    # ------------------------------------------------------------------ the buyer

    def _conversation_of(self, case: Case) -> int | None:
        if case.conversation_id is not None and conversations.get(
                self.session.store, case.conversation_id) is not None:
            return case.conversation_id
        return handover.conversation_for_buyer(self.session.store, case.buyer_id)

    def open_case(self, case: Case) -> bool:
        """Show the case's conversation and its order in the sidebar."""
        conversation_id = self._conversation_of(case)
        if conversation_id is not None:
            self.window.conversation_list.select_conversation(conversation_id)
            if self.session.current is None or self.session.current.id != conversation_id:
                self.session.select(conversation_id)
        sidebar_ = self.window.orders
        if not sidebar_.select_order(case.order_id):
            sidebar_.show_buyer(case.buyer_id, case.buyer_nick)
            sidebar_.select_order(case.order_id)
        self.section.select_case(case.id)
        self.window.activateWindow()
        return conversation_id is not None

    def send_to_buyer(self, case: Case, text: str) -> bool:
        """Tell the buyer (the return address, a reminder, a shipment) in their
        conversation; without one, the text goes to the clipboard."""
        conversation_id = self._conversation_of(case)
        if conversation_id is None:
            QGuiApplication.clipboard().setText(text)
            self._say(translate("MainWindow", "买家 {0} 还没有会话：消息已复制，"
                                              "可以电话或短信告诉买家。").format(case.buyer_nick))
            return False
        self.window.conversation_list.select_conversation(conversation_id)
        if self.session.current is None or self.session.current.id != conversation_id:
            self.session.select(conversation_id)
        return self.session.send_text(text)

    def close(self) -> None:
        if self.approvals is not None:
            self.approvals.stop()
        if self.cases_window is not None:
            self.cases_window.close()


def install(window) -> None:
    """Add the 售后 menu and its keys, a new case (新建售后) on messages and orders, and
    the sidebar's 售后 section."""
    ui = AftersaleUi(window)
    window.aftersale_ui = ui
    menu = window.area_menu(translate("MainWindow", "售后"))
    menu.addAction(menu_action(window, translate("MainWindow", "售后单…"), ui.show_cases,
                               "actionCases", CASES_KEY))
    menu.addAction(menu_action(window, translate("MainWindow", "新建售后（所选消息或订单）…"),
                               ui.new_from_focus, "actionNewCase", NEW_CASE_KEY))
    menu.addSeparator()
    menu.addAction(menu_action(window, translate("MainWindow", "导入退款报表…"), ui.import_report,
                               "actionImportRefunds"))
    menu.addAction(menu_action(window, translate("MainWindow", "售后规则…"), ui.show_policy,
                               "actionAftersalePolicy"))
    menu.addAction(menu_action(window, translate("MainWindow", "售后说明…"), ui.show_help,
                               "actionAftersaleHelp"))
    # Right-click on a message or an order; the key is shown, the menu's action binds it.
    for view, slot, name in ((window.chat.view, ui.new_from_message, "actionMessageToCase"),
                             (window.orders.list, ui.new_from_order, "actionOrderToCase")):
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        text = translate("MainWindow", "新建售后…") + f"\t{NEW_CASE_KEY}"
        view.addAction(menu_action(window, text, slot, name))
    on_close(window, ui.close)   # its import stops first
