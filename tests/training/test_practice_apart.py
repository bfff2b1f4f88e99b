"""Practice kept apart: a session lives in its own practice store, so the real store's
figures, log search, transcripts for 质检 and handover never see it; only the score arrives."""

import pytest

from training.scenario_helpers import ADDRESS, UNPAID
from workbench import conversations, orders, quickphrases, training
from workbench.conversations import Incoming, new_uid, reception
from workbench.handover import sheets
from workbench.standards import transcripts
from workbench.store import Store, people
from workbench.supervision import metrics, search
from workbench.training import play, practice, results

DAY = 86400.0


@pytest.fixture
def session_played(demo_store, db_path, trainee, clock):
    """A practice session as the window plays it, written through the domain."""
    path = practice.practice_path(db_path)
    practice.clear(path)
    store = Store.open(path)
    setup = practice.prepare(store, demo_store, trainee, UNPAID, clock())
    start = clock()

    def buyer(text):
        conversations.receive(store, Incoming(new_uid(), UNPAID.buyer, text, clock()),
                              agent_id=setup.trainee.id)

    def agent(text):
        clock.advance(10)
        conversation = conversations.latest_for_buyer(store, UNPAID.buyer)
        conversations.send(store, conversation.id, setup.trainee.id, text, clock())
        clock.advance(5)

    buyer("我拍了还没付")
    agent("您好，请问有什么顾虑吗？可以用花呗")
    buyer("那我现在付")
    practice.buyer_pays(store, setup.order_id, clock())
    agent(f"跟您核对一下地址：{ADDRESS}")
    played = practice.played(store, setup, start, clock(), within_time=True)
    card = play.scorecard(UNPAID, played, trainee=trainee.name)
    results.record_session(demo_store, trainee, card, clock())
    yield store, setup, card, start
    store.close()


def test_the_practice_store_lives_in_a_folder_of_its_own(db_path):
    path = practice.practice_path(db_path)
    assert path == db_path.parent / "practice" / "shop.sqlite3"


def test_the_practice_store_holds_the_session_with_the_teams_phrases(session_played,
                                                                    demo_store):
    store, setup, card, _ = session_played
    assert training.is_practice(store) and not training.is_practice(demo_store)
    assert [p.code for p in quickphrases.all_phrases(store)] == [
        p.code for p in quickphrases.all_phrases(demo_store)]
    assert reception.load_settings(store).greeting == ""           # the trainee greets
    order = orders.get(store, setup.order_id)
    assert (order.status, order.address) == ("WAIT_SELLER_SEND_GOODS", ADDRESS)
    assert [line.sender for line in card.played.transcript.lines] == [
        "buyer", "agent", "buyer", "agent"]
    assert card.verdict.results["verify_address"].result == "pass"


def test_practice_never_enters_the_real_stores_figures_search_or_handover(
        session_played, demo_store, boss, trainee, clock):
    _, _, card, start = session_played
    report = metrics.report(demo_store, boss, start - DAY, start + DAY, clock())
    assert (report.team.messages_sent, report.team.enquiries, report.agents) == (0, 0, {})
    search.catch_up(demo_store)
    for words in ("顾虑", "花呗", "核对"):
        assert search.search(demo_store, boss, search.LogFilter(query=words)).total == 0
    assert transcripts.period(demo_store, start - DAY, start + DAY) == []
    assert people.buyer_by_nick(demo_store, UNPAID.buyer) is None
    assert not [d for d in sheets.gather(demo_store, trainee, clock()) if d.kind == "conversation"]
    (record,) = results.sessions(demo_store, trainee)           # only the score arrived
    assert record.score == card.score


def test_each_session_starts_from_a_fresh_store(session_played, db_path, demo_store, trainee,
                                                clock):
    store, *_ = session_played
    store.close()
    path = practice.practice_path(db_path)
    practice.clear(path)
    fresh = Store.open(path)
    try:
        practice.prepare(fresh, demo_store, trainee, UNPAID, clock())
        assert conversations.latest_for_buyer(fresh, UNPAID.buyer) is None
    finally:
        fresh.close()
