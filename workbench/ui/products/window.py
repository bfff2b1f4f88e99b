"""The 商品 area in the main window: the 商品 tab beside the quick phrases, the courier and
matching products in the order sidebar, the 商品 menu (the 商品 window, import) and keys:
Alt+S sends the proposed size, Ctrl+P searches products."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut

from workbench.ui.products.sidebar import OrderProducts
from workbench.ui.products.tab import ProductTab

# What these functions show belongs to the main window: one translation context for
# Qt at run time (window.tr) and for lupdate, which reads only literal contexts.
translate = QCoreApplication.translate


class ProductsUi:
    """This area's part of the main window: its tab, sidebar section and windows."""

    def __init__(self, window):
        self.window = window
        self.session = window.session
        self.tab = ProductTab(self.session)
        self.order_products = OrderProducts(self.session)
        self.editor = None
        self.import_dialog = None

    def show_editor(self):
        from workbench.ui.products.editor import ProductsWindow

        if self.editor is None:
            self.editor = ProductsWindow(self.session, self.window)
        self.editor.show()
        return self.editor

    def show_import(self):
        from workbench.ui.products.import_dialog import ProductImportDialog

        if self.import_dialog is None:
            self.import_dialog = ProductImportDialog(self.session, self.window)
        self.import_dialog.show()
        return self.import_dialog

    def search_products(self) -> None:
        """Ctrl+P: the 商品 tab in front, its search box ready."""
        self.window.phrase_tabs.setCurrentWidget(self.tab)
        self.tab.fill()
        self.tab.search.setFocus()
        self.tab.search.selectAll()

    def close(self) -> None:
        self.tab.stop()
        for widget in (self.editor, self.import_dialog):
            if widget is not None:
                widget.close()


def install(window) -> None:
    ui = ProductsUi(window)
    window.products_ui = ui
    tabs = window.phrase_tabs
    index = tabs.addTab(ui.tab, translate("MainWindow", "商品"))
    ui.tab.title_changed.connect(lambda title: tabs.setTabText(index, title))
    window.orders.add_section(ui.order_products)
    for follower in (ui.tab.set_order, ui.order_products.show_order):
        window.orders.order_shown.connect(follower)
        follower(window.orders.selected_order())
    QShortcut(QKeySequence("Alt+S"), window, ui.tab.send_size_reply)
    QShortcut(QKeySequence("Ctrl+P"), window, ui.search_products)
    menu = window.area_menu(translate("MainWindow", "商品"))
    editor = menu.addAction(translate("MainWindow", "商品资料…"), ui.show_editor)
    editor.setObjectName("actionProducts")
    importing = menu.addAction(translate("MainWindow", "导入商品和尺码表…"), ui.show_import)
    importing.setObjectName("actionImportProducts")
    window.closing.connect(ui.close)
