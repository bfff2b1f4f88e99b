"""The real main window on a demo store, its simulator stopped: what most window tests
drive."""

import pytest

from workbench.app import open_workbench


@pytest.fixture
def workbench(qtbot, db_path, clock):
    opened = open_workbench(db_path, speed=0, clock=clock, start_channel=False)
    qtbot.addWidget(opened.window)
    opened.window.show()
    yield opened
    opened.close()
