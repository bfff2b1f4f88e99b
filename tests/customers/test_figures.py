"""Member figures on a hand-counted shop (docs/metrics.md)."""

import json

import pytest

from workbench import accounts, cli, conversations, orders, timefmt
from workbench.changes import Refused
from workbench.customers.figures import member_figures
from workbench.store import customers as rows

SINCE, UNTIL = timefmt.parse("2025-11-01 00:00"), timefmt.parse("2025-12-01 00:00")


@pytest.fixture
def members(store, clock):
    clock.now = timefmt.parse("2025-12-01 09:00")
    wang = accounts.add(store, "wang", "supervisor", clock(), "王主管")
    purchases = [("甲", "2024-06-01", 100), ("甲", "2025-11-05", 200),
                 ("乙", "2025-11-10", 50), ("乙", "2025-11-20", 80),
                 ("丙", "2024-05-01", 70), ("丁", "2025-03-01", 30)]
    for number, (nick, day, paid) in enumerate(purchases):
        buyer_id = conversations.ensure_buyer(store, nick, "普通", 0)
        orders.record(store, buyer_id, {"id": f"M{number}", "status": "TRADE_FINISHED",
                                        "total": paid, "paid": paid,
                                        "created_at": timefmt.parse(f"{day} 10:00")}, [])
    unpaid = conversations.ensure_buyer(store, "戊", "普通", 0)
    orders.record(store, unpaid, {"id": "W", "status": "WAIT_BUYER_PAY", "total": 10.0,
                                  "created_at": timefmt.parse("2025-11-15 10:00")}, [])
    with store.transaction():
        for subject, nick, at in (("paid:M1", "甲", "2025-11-01 09:00"),
                                  ("visit:M4", "丙", "2025-11-20 09:00")):
            buyer_id = conversations.ensure_buyer(store, nick, "普通", 0)
            rows.record_care(store, subject, subject.split(":")[0], buyer_id, None, None,
                             "sent", wang.id, timefmt.parse(at), None, "")
    return store


def test_member_figures_as_the_course_defines_them(members):
    figures = member_figures(members, accounts.by_name(members, "wang"), SINCE, UNTIL)
    assert (figures.members, figures.new_members, figures.new_member_rate) == (4, 1, 0.25)
    assert (figures.sales, figures.member_sales) == (330.0, 280.0)
    assert figures.member_sales_share == round(280 / 330, 4)
    assert (figures.active_members, figures.activity) == (1, round(1 / 3, 4))
    assert (figures.lapsed_members, figures.churn_rate) == (1, 0.25)
    assert (figures.repeat_buyers, figures.buyers, figures.repurchase_rate) == (1, 2, 0.5)
    assert (figures.care_sent, figures.care_followed, figures.care_followed_rate) == (2, 1, 0.5)


def test_an_empty_period_has_no_rates(members):
    figures = member_figures(members, accounts.by_name(members, "wang"),
                             timefmt.parse("2020-01-01 00:00"), timefmt.parse("2020-02-01 00:00"))
    assert figures.members == 0 and figures.new_member_rate is None
    assert figures.member_sales_share is None and figures.care_followed_rate is None


def test_member_figures_are_for_supervisors(members, clock):
    agent = accounts.add(members, "xiaoman", "agent", clock(), "小满")
    with pytest.raises(Refused, match="只有主管"):
        member_figures(members, agent, SINCE, UNTIL)


def test_metrics_command_carries_the_member_figures(members, db_path, capsys):
    status = cli.main(["--db", str(db_path), "metrics", "--since", "2025-11-01", "--until",
                       "2025-11-30", "--json", "--as", "wang"])
    out, _ = capsys.readouterr()
    assert status == 0
    report = json.loads(out)
    assert report["members"]["members"] == 4 and report["members"]["repurchase_rate"] == 0.5
    status = cli.main(["--db", str(db_path), "metrics", "--since", "2025-11-01", "--until",
                       "2025-11-30", "--as", "wang"])
    out, _ = capsys.readouterr()
    assert "会员流失率\t0.25" in out
