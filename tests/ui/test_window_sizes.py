"""The long windows fit a 1280×800 screen less a task bar, in Chinese and in English: they
open at most 760 px tall and can be made 700 px tall (the editors scroll)."""

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from workbench.app import install_translation, open_workbench

OPEN_HEIGHT, MINIMUM_HEIGHT = 760, 700


@pytest.fixture(params=["zh", "en"])
def language(request, qapp):
    install_translation(qapp, request.param)
    yield request.param
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QCoreApplication.processEvents()


@pytest.mark.parametrize("name", ["wang", "xiaoman"])
def test_the_long_windows_fit_a_1280_by_800_screen(qtbot, db_path, clock, language, name):
    workbench = open_workbench(db_path, speed=0, clock=clock, start_channel=False,
                               agent_name=name)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    try:
        window = workbench.window
        opened = {"products": window.products_ui.show_editor(),
                  "standard": window.standards.open_standard(),
                  "inspections": window.standards.open_inspections(),
                  "dashboard": window.supervision.open_dashboard()}
        for what, shown in opened.items():
            assert shown.minimumSizeHint().height() <= MINIMUM_HEIGHT, (what, language)
            assert shown.height() <= OPEN_HEIGHT, (what, language)
    finally:
        workbench.close()
