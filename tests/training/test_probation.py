"""A new agent's probation (考核期) on a hand-computed fixture: conversion with the
course's grade, the checklist's average, the best typing speed and the practice sessions
of that month only, and the day it ends."""

import datetime as dt

import pytest
from supervision.logdata import line

from training.scenario_helpers import GOOD_SCRIPT, UNPAID
from workbench import accounts, orders, timefmt
from workbench.changes import Refused
from workbench.store import people
from workbench.training import play, probation, results, typing_speed

NOW = timefmt.parse("2025-12-20 12:00")


def enquiry(conversation, buyer, day):
    return [line(conversation, buyer, "buyer", "这款还有吗", f"{day} 10:00:00"),
            line(conversation, buyer, "agent", "有的亲，感谢支持，今天发货", f"{day} 10:00:20",
                 "xiaoman")]


def ordered(store, number, buyer, day):
    buyer_id = people.buyer_by_nick(store, buyer)["id"]
    orders.record(store, buyer_id, {"id": f"P-{number}", "status": "WAIT_BUYER_PAY",
                                    "total": 99.0, "paid": 0.0,
                                    "created_at": timefmt.parse(f"{day} 10:30")}, [])


def practised(store, trainee, at, script):
    played = play.replay(UNPAID, play.parse_script(script), timefmt.parse(at), trainee.name)
    results.record_session(store, trainee, play.scorecard(UNPAID, played), NOW)


def typed(store, trainee, at, seconds):
    passage = typing_speed.passages()[0]
    start = timefmt.parse(at)
    typing_speed.record(store, trainee, typing_speed.measure(
        passage, passage.text, start, start + seconds), NOW)


@pytest.fixture
def month(demo_store, load_logs, boss, trainee, clock):
    """小满 started on 2025-11-10, so the month's last day is 2025-12-09."""
    clock.advance(NOW - clock())  # the logs are imported after their last day
    probation.set_first_day(demo_store, boss, "xiaoman", "2025-11-10", NOW)
    inside = ["甲", "乙", "丙", "丁", "戊"]
    records = enquiry("before", "早", "2025-11-05") + enquiry("after", "晚", "2025-12-15")
    for n, buyer in enumerate(inside):
        records += enquiry(f"c{n}", buyer, "2025-11-12")
    load_logs(records)
    for n, buyer in enumerate(inside[:3]):
        ordered(demo_store, n, buyer, "2025-11-12")
    ordered(demo_store, 9, "早", "2025-11-05")           # before the month: not counted
    practised(demo_store, trainee, "2025-11-20 10:00", GOOD_SCRIPT)
    practised(demo_store, trainee, "2025-11-21 10:00", "+40 你好")
    practised(demo_store, trainee, "2025-12-12 10:00", GOOD_SCRIPT)   # after the month
    typed(demo_store, trainee, "2025-11-15 09:00", 120)
    typed(demo_store, trainee, "2025-11-16 09:00", 90)
    typed(demo_store, trainee, "2025-12-11 09:00", 60)               # after the month
    return demo_store


def test_a_month_ends_the_day_before_the_same_date_next_month():
    assert probation.month_after(dt.date(2025, 11, 10)) == dt.date(2025, 12, 10)
    assert probation.month_after(dt.date(2025, 12, 15)) == dt.date(2026, 1, 15)
    assert probation.month_after(dt.date(2025, 1, 31)) == dt.date(2025, 2, 28)
    assert probation.month_after(dt.date(2024, 1, 31)) == dt.date(2024, 2, 29)


def test_the_months_figures_are_its_own(month, boss):
    found = {f.probation.name: f for f in probation.figures(month, boss, NOW)}
    mine = found["xiaoman"]
    p = mine.probation
    assert (p.first_day.isoformat(), p.last_day.isoformat()) == ("2025-11-10", "2025-12-09")
    assert p.ended and p.days_left == 0
    # Five buyers wrote in the month, three of them ordered that day: 60 % is 良好.
    assert (mine.enquiries, mine.enquiry_conversion, mine.grade) == (5, 0.6, "良好")
    # Each conversation: 50 of 55 applicable points (no related recommendation).
    assert (mine.checked, mine.checklist_average) == (5, round(50 / 55 * 100, 1))
    passage = typing_speed.passages()[0]
    assert mine.typing_speed == round(len(passage.text) * 60 / 90, 1)
    first, second = [r.score for r in results.sessions(month, boss, "xiaoman")][:2]
    assert (mine.practice_sessions, mine.practice_average) == (2, round((first + second) / 2, 1))
    assert mine.as_json()["last_day"] == "2025-12-09"


def test_a_running_month_counts_the_days_left(month, boss):
    now = timefmt.parse("2025-11-25 12:00")
    mine = next(f for f in probation.figures(month, boss, now) if f.probation.name == "xiaoman")
    assert not mine.probation.ended and mine.probation.days_left == 15
    assert mine.practice_sessions == 2               # what has happened so far is shown


def test_without_a_set_day_the_month_starts_with_the_account(demo_store, boss, clock):
    ajie = accounts.by_name(demo_store, "ajie")
    assert probation.first_day(demo_store, ajie) == dt.date.fromtimestamp(clock())


def test_an_agent_sees_their_own_probation_only(month, trainee):
    assert [f.probation.name for f in probation.figures(month, trainee, NOW)] == ["xiaoman"]


def test_long_ended_probations_leave_the_dashboard(month, boss):
    later = timefmt.parse("2026-01-20 12:00")
    assert "xiaoman" not in {p.name for p in probation.on_probation(month, boss, later)}


def test_only_a_supervisor_sets_the_first_day_and_as_a_date(demo_store, boss, trainer):
    with pytest.raises(Refused, match="主管"):
        probation.set_first_day(demo_store, trainer, "xiaoman", "2025-11-01", NOW)
    with pytest.raises(Refused, match="YYYY-MM-DD"):
        probation.set_first_day(demo_store, boss, "xiaoman", "11/01", NOW)
    with pytest.raises(Refused, match="没有账号"):
        probation.set_first_day(demo_store, boss, "nobody", "2025-11-01", NOW)
