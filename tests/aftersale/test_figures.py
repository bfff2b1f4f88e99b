"""The after-sale figures (docs/metrics.md, "After-sale figures") on a small fixture
worked out by hand."""

import pytest

from aftersale.support import HOUR, SHIPPED, the_case
from helpers import START
from workbench import conversations, orders
from workbench.aftersale import cases, figures
from workbench.changes import Refused

S = START                     # the period is [S, S + 24 h); now is S + 20 h
PAID = ["F1", "F2", "F3", "F4"]  # paid in the period


@pytest.fixture
def casebook(demo_store, team, clock):
    """Seven cases (see each line): the numbers in the tests below come from here."""
    store, a, b, boss = demo_store, team["xiaoman"], team["ajie"], team["wang"]
    buyer = conversations.ensure_buyer(store, "晴天小鹿", "普通", S)
    for order_id in PAID:
        orders.record(store, buyer, {
            "id": order_id, "status": "TRADE_FINISHED", "total": 100.0, "paid": 100.0,
            "created_at": S + 0.5 * HOUR, "paid_at": S + HOUR, "shipped_at": S + HOUR}, [])

    def at(hours, operation, *args, **more):
        clock.now = S + hours * HOUR
        return operation(store, *args, clock(), **more)

    def opened(hours, order, kind, agent, cause, **more):
        return the_case(at(hours, cases.open_case, order, kind, agent, cause=cause, **more))

    def step(hours, case_id, name, agent, **more):
        return at(hours, cases.take_step, case_id, name, agent, **more)

    # C0 (小满): opened before the period, refunded in it: 11 hours to settle.
    c0 = opened(-10, SHIPPED, "仅退款", a, "质量问题")
    step(1, c0, "退款", a, amount=20.0)
    # C1 (小满): refunded in 2 hours.
    step(4, opened(2, "F1", "仅退款", a, "七天无理由"), "退款", a, amount=100.0)
    # C2 (小满): an exchange nobody touched: overdue now.
    opened(3, "F2", "换货", a, "质量问题")
    # C3 (阿杰): a bad review, the four points, settled in 6 hours, visited.
    c3 = opened(4, "F3", "仅跟进", b, "差评")
    for number, point in enumerate(("查明原因", "认真倾听", "安抚解释", "跟进处理")):
        step(5 + number, c3, point, b, note="做了")
    step(10, c3, "解决", b)
    step(11, c3, "回访", b, outcome="满意", note="买家满意")
    # C4 (阿杰): a discount above the limit, approved, refunded: 2 hours.
    c4 = opened(5, "F4", "退差价/补偿", b, None, compensation="折扣")
    step(5, c4, "申请审批", b, amount=30.0)
    step(6, c4, "批准", boss)
    step(7, c4, "退款", b, amount=30.0)
    # C5 (小满): a bad review accepted an hour after its due time: late once.
    step(19, opened(6, "F1", "仅跟进", a, "差评"), "受理", a)
    # C6 (王主管): after the period.
    opened(30, "F2", "仅退款", boss, "七天无理由")
    clock.now = S + 20 * HOUR
    return store


def test_the_teams_figures(casebook, team, clock):
    report = figures.report(casebook, team["wang"], S, S + 24 * HOUR, clock())
    assert report.team.as_json() == {
        "opened": 5,
        "opened_by_kind": {"仅退款": 1, "换货": 1, "退差价/补偿": 1, "仅跟进": 2},
        "opened_by_cause": {"质量问题": 1, "七天无理由": 1, "差评": 2, "未注明": 1},
        "refunded_orders": 3, "paid_orders": 4, "refund_rate": 0.75,
        "settled": 4, "resolve_median_hours": 4.0,       # 11, 2, 6, 2 hours
        "overdue": 2, "overdue_share": 0.4,                # C2 now, C5 late once
        "bad_reviews": 2, "bad_reviews_followed": 1, "bad_review_follow_share": 0.5,
        "approvals_asked": 1, "approvals_granted": 1,
    }


def test_each_agents_figures(casebook, team, clock):
    report = figures.report(casebook, team["wang"], S, S + 24 * HOUR, clock())
    assert list(report.agents) == ["xiaoman", "ajie"]
    mine, theirs = report.agents["xiaoman"], report.agents["ajie"]
    assert (mine.opened, mine.refunded_orders, mine.refund_rate, mine.settled,
            mine.resolve_median_hours, mine.overdue_share, mine.bad_reviews,
            mine.bad_review_follow_share, mine.approvals_asked) == (
        3, 2, 0.5, 2, 6.5, 0.6667, 1, 0.0, 0)
    assert (theirs.opened, theirs.refunded_orders, theirs.refund_rate,
            theirs.resolve_median_hours, theirs.overdue_share, theirs.bad_review_follow_share,
            theirs.approvals_asked, theirs.approvals_granted) == (
        2, 1, 0.25, 4.0, 0.0, 1.0, 1, 1)


def test_an_agent_sees_only_their_own(casebook, team, clock):
    report = figures.report(casebook, team["ajie"], S, S + 24 * HOUR, clock())
    assert list(report.agents) == ["ajie"] and report.team.opened == 2
    with pytest.raises(Refused, match="只有主管") as refused:
        figures.report(casebook, team["ajie"], S, S + 24 * HOUR, clock(), agent="xiaoman")
    assert refused.value.en.startswith("Only a supervisor")
    narrowed = figures.report(casebook, team["wang"], S, S + 24 * HOUR, clock(), agent="ajie")
    assert narrowed.team.as_json() == narrowed.agents["ajie"].as_json()


def test_an_empty_period_has_nothing_to_measure(demo_store, team, clock):
    report = figures.report(demo_store, team["wang"], S, S + HOUR, clock())
    assert (report.team.opened, report.team.refund_rate, report.team.resolve_median_hours,
            report.team.overdue_share) == (0, None, None, None)
    assert report.agents == {}
