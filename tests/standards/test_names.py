"""Every name of the service standard the window shows has its English."""

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from workbench.app import TRANSLATIONS
from workbench.standards import RESULT_NAMES, RULES, WORD_LISTS, inspection, problems
from workbench.supervision.search import SENDER_NAMES
from workbench.ui.standards.names import NAMES, name

DOMAIN_NAMES = {
    "rules": [rule.name for rule in RULES] + [rule.standard for rule in RULES],
    "results": RESULT_NAMES.values(),
    "word lists": WORD_LISTS.values(),
    "states": inspection.STATES.values(),
    "filters": inspection.REASONS.values(),
    "sheet kinds": problems.KINDS.values(),
    "sheet states": ("填写中", "已提交", "已汇总"),
    "senders": SENDER_NAMES.values(),
}


@pytest.fixture
def english(qapp):
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "standards_en.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("kind", DOMAIN_NAMES)
def test_each_name_is_listed_and_translated(english, kind):
    names = set(DOMAIN_NAMES[kind])
    assert names <= set(NAMES), f"add to names.NAMES: {names - set(NAMES)}"
    assert not [text for text in names if name(text) == text]


def test_a_sheet_names_its_states_as_listed():
    sheet = problems.Sheet(None, 1, "x", "2025-11-20", None, None, None)
    assert sheet.state_name in DOMAIN_NAMES["sheet states"]
