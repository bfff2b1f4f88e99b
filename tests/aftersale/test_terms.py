"""Every after-sale name the window shows has its English."""

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from workbench import aftersale
from workbench.aftersale import figures, machine, policy
from workbench.app import TRANSLATIONS
from workbench.ui.aftersale.terms import TERMS, term

DOMAIN_NAMES = {
    "kinds": aftersale.KINDS,
    "compensations": aftersale.COMPENSATIONS,
    "causes": (*aftersale.CAUSES, figures.NO_CAUSE),
    "states": (*aftersale.STATES, *aftersale.WAITING, aftersale.OPEN_WORD, policy.VISIT),
    "approvals": (aftersale.APPROVAL_ASKED, aftersale.APPROVAL_GRANTED,
                  aftersale.APPROVAL_REFUSED),
    "payers": (aftersale.SELLER, aftersale.BUYER),
    "outcomes": aftersale.VISIT_OUTCOMES,
    "steps": (*(rule.name for rule in machine.RULES), machine.OPENED, machine.SYNCED,
              machine.REVISED, machine.EVIDENCE),
    "step help": tuple(rule.help for rule in machine.RULES),
}


@pytest.fixture
def english(qapp):
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "aftersale_en.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("kind", DOMAIN_NAMES)
def test_each_name_is_listed_and_translated(english, kind):
    names = set(DOMAIN_NAMES[kind])
    assert names <= set(TERMS), f"add to terms.TERMS: {names - set(TERMS)}"
    assert not [name for name in names if term(name) == name]


def test_without_a_translation_names_stay_as_the_domain_wrote_them(qapp):
    assert term("换货") == "换货" and term(None) == ""
