"""Every name of training the window shows has its English."""

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from workbench.app import TRANSLATIONS
from workbench.supervision.metrics import CONVERSION_GRADES
from workbench.training import results, scenarios
from workbench.ui.training.names import NAMES, name

DOMAIN_NAMES = {
    "situations": scenarios.SITUATIONS,
    "sources": ("内置", "团队"),
    "played in": results.SOURCE_NAMES.values(),
    "grades": [grade for _, grade in CONVERSION_GRADES],
}


@pytest.fixture
def english(qapp):
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "training_en.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("kind", DOMAIN_NAMES)
def test_each_name_is_listed_and_translated(english, kind):
    names = set(DOMAIN_NAMES[kind])
    assert names <= set(NAMES), f"add to names.NAMES: {names - set(NAMES)}"
    assert not [text for text in names if name(text) == text]


def test_a_scenario_names_its_source_as_listed():
    shipped = scenarios.shipped()[0]
    assert {shipped.source_name, scenarios.Scenario("k", "t").source_name} == {"内置", "团队"}
