"""The 客户 menu: the customer list, the day's care, member tiers and care settings; the
buyer's file from the chat (Ctrl+I, or 档案 on the buyer card), the order list and the
search. ``install(window)`` adds them to the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from workbench import orders
from workbench.ui.store_work import StoreTask, start_task, stop_and_wait
from workbench.ui.windowing import bring_to_front, menu_action, on_close

# Texts this adds to the main window are filed under its context (lupdate reads literals).
translate = QCoreApplication.translate


class CustomersUi(QObject):
    """This area's part of the main window: its menu and the windows it opens."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.list_window = None
        self.care_window = None
        self.tiers_dialog = None
        self.care_settings = None
        self.files: dict[int, object] = {}
        self.recompute_job: StoreTask | None = None

    def open_list(self):
        from workbench.ui.customers.list_window import CustomersWindow

        if self.list_window is None:
            self.list_window = CustomersWindow(self, self.window)
        else:
            self.list_window.reload()
        bring_to_front(self.list_window)
        self.list_window.focus_search()
        from workbench import customers

        missing = customers.buyers_without_files(self.session.store)
        if missing:
            self.recompute(missing)
        return self.list_window

    def open_file(self, buyer_id: int):
        """The buyer's file window (one per buyer, brought back if already open)."""
        from workbench.ui.customers.file_window import CustomerFileWindow

        window = self.files.get(buyer_id)
        if window is None:
            window = self.files[buyer_id] = CustomerFileWindow(self, buyer_id, self.window)
        else:
            window.reload()
        bring_to_front(window)
        return window

    def open_current_file(self):
        current = self.session.current
        return self.open_file(current.buyer_id) if current is not None else None

    def open_care(self):
        from workbench.ui.customers.care_window import CareWindow

        if self.care_window is None:
            self.care_window = CareWindow(self, self.window)
        else:
            self.care_window.reload()
        bring_to_front(self.care_window)
        self.care_window.table.setFocus()
        return self.care_window

    def open_tiers(self):
        from workbench.ui.customers.settings_dialogs import TiersDialog

        self.tiers_dialog = TiersDialog(self.session, self.window)
        self.tiers_dialog.open()
        return self.tiers_dialog

    def open_care_settings(self):
        from workbench.ui.customers.settings_dialogs import CareSettingsDialog

        self.care_settings = CareSettingsDialog(self.session, self.window)
        self.care_settings.open()
        return self.care_settings

    def open_chat(self, buyer_id: int) -> bool:
        conversation_id = orders.conversation_of_buyer(self.session.store, buyer_id)
        if conversation_id is None:
            return False
        self.window.conversation_list.select_conversation(conversation_id)
        current = self.session.current
        if current is None or current.id != conversation_id:
            self.session.select(conversation_id)
        bring_to_front(self.window)
        return True

    def recompute_all(self) -> StoreTask | None:
        return self.recompute(None)

    def recompute(self, buyer_ids: list[int] | None) -> StoreTask | None:
        """These buyers' files (None: everyone's) recomputed on a worker thread."""
        if self.recompute_job is not None:
            return None
        from workbench.customers import recompute

        now, agent_id = self.session.clock(), self.session.agent.id
        target = self.list_window

        def say(text: str) -> None:
            if target is not None:
                target.message.setText(text)

        say(translate("CustomersWindow", "正在重新计算全部买家…"))
        self.recompute_job = start_task(
            self.session.store.path,
            lambda store, progress, cancelled: recompute.recompute(
                store, now, buyer_ids, agent_id=agent_id, progress=progress,
                cancelled=cancelled),
            progress=lambda done, total: say(translate(
                "CustomersWindow", "正在重新计算：{0}/{1}").format(done, total)),
            succeeded=lambda result: (self.session.publish(result.changes), say(translate(
                "CustomersWindow", "重新计算完成：{0} 位买家，{1} 位有变化。").format(
                result.buyers, len(result.changed)))),
            failed=say, ended=self._recompute_ended, cancel_types=(recompute.Cancelled,))
        return self.recompute_job

    def _recompute_ended(self) -> None:
        self.recompute_job = None

    def close(self) -> None:
        stop_and_wait(self.recompute_job)
        for widget in (self.list_window, self.care_window, self.tiers_dialog,
                       self.care_settings, *self.files.values()):
            if widget is not None:
                widget.close()


def install(window) -> None:
    """Add the 客户 menu and the buyer file's ways in (chat card, Ctrl+I, order list)."""
    ui = CustomersUi(window)
    window.customers_ui = ui
    menu = window.area_menu(translate("MainWindow", "客户"))
    menu.addAction(menu_action(window, translate("MainWindow", "客户列表…"), ui.open_list,
                               "actionCustomerList", "Ctrl+Shift+U"))
    menu.addAction(menu_action(window, translate("MainWindow", "当前买家的档案…"),
                               ui.open_current_file, "actionCustomerFile", "Ctrl+I"))
    menu.addAction(menu_action(window, translate("MainWindow", "今日关怀…"), ui.open_care,
                               "actionCareList", "Ctrl+Shift+G"))
    menu.addSeparator()
    menu.addAction(menu_action(window, translate("MainWindow", "会员等级规则…"), ui.open_tiers,
                               "actionMemberTiers"))
    menu.addAction(menu_action(window, translate("MainWindow", "客户关怀设置…"),
                               ui.open_care_settings, "actionCareSettings"))
    window.chat.buyer.card.open_requested.connect(ui.open_file)
    on_close(window, ui.close)
