"""Every name the domain shows in the window has its English."""

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from workbench import accounts, handover
from workbench.app import TRANSLATIONS
from workbench.channels import xmpp, xmpp_protocol
from workbench.conversations import reception
from workbench.orders import codes, reminders
from workbench.ui.vocabulary import WORDS, word

DOMAIN_NAMES = {
    "order states": codes.STATUS_NAMES.values(),
    "order chips": codes.STATUS_CHIPS.values(),
    "flags": codes.FLAG_NAMES.values(),
    "待办 states": handover.STATES,
    "priorities": handover.PRIORITY_NAMES.values(),
    "待办 scopes": handover.SCOPES.values(),
    "待办 views": handover.VIEW_NAMES.values(),
    "statuses": reception.STATUSES.values(),
    "team statuses": xmpp_protocol.STATUS_LABELS.values(),
    "team connection": xmpp.STATE_LABELS.values(),
    "roles": accounts.ROLE_NAMES.values(),
    "催付 channels": reminders.CHANNELS,
    "催付 reasons": reminders.REASONS,
    "催付 outcomes": reminders.OUTCOMES,
    "催付 schedule": reminders.RULE_LINES,
}


@pytest.fixture
def english(qapp):
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "workbench_en.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("kind", DOMAIN_NAMES)
def test_each_domain_name_is_listed_and_translated(english, kind):
    names = set(DOMAIN_NAMES[kind])
    assert names <= set(WORDS), f"add to vocabulary.WORDS: {names - set(WORDS)}"
    assert not [name for name in names if word(name) == name]


def test_without_a_translation_names_stay_as_the_domain_wrote_them(qapp):
    assert word("交易成功") == "交易成功"
    assert word("一个新名字") == "一个新名字"
