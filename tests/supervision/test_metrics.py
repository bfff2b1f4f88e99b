"""Service figures on small hand-computed fixtures (see docs/metrics.md)."""

import pytest

from supervision.logdata import line
from workbench import accounts, orders, timefmt
from workbench.changes import Refused
from workbench.store import people
from workbench.supervision import metrics

D, D1 = "2025-11-20", "2025-11-21"
SINCE = timefmt.parse(f"{D} 00:00")
UNTIL = timefmt.parse("2025-11-22 00:00")
NOW = timefmt.parse("2025-11-23 12:00")


def at(text):
    return timefmt.parse(text)


FIXTURE = [
    # a1: 甲 with 小满 — an auto-reply first (never a response), a slow round, a goodbye.
    line("a1", "甲", "buyer", "在吗", f"{D} 10:00:00"),
    line("a1", "甲", "auto", "您好，欢迎光临", f"{D} 10:00:01"),
    line("a1", "甲", "agent", "在的亲", f"{D} 10:00:20", "xiaoman"),
    line("a1", "甲", "buyer", "有M码吗", f"{D} 10:01:00"),
    line("a1", "甲", "buyer", "急", f"{D} 10:01:30"),
    line("a1", "甲", "agent", "有的", f"{D} 10:05:00", "xiaoman"),
    line("a1", "甲", "buyer", "好的拍了", f"{D} 10:06:00"),
    line("a1", "甲", "agent", "感谢您的支持，再见", f"{D} 10:06:40", "xiaoman"),
    # a2: 乙 with 阿杰 — a round across midnight, then one outside service hours.
    line("a2", "乙", "buyer", "还在吗", f"{D} 23:58:00"),
    line("a2", "乙", "agent", "在的", f"{D1} 00:00:50", "ajie"),
    line("a2", "乙", "buyer", "明天发货吗", f"{D1} 00:01:30"),
    line("a2", "乙", "agent", "明天发", f"{D1} 00:02:00", "ajie"),
    # a3: 丙, assigned to 小满, only an auto-reply: an unanswered round.
    line("a3", "丙", "buyer", "能便宜点吗", f"{D} 15:00:00", "xiaoman"),
    line("a3", "丙", "auto", "客服正忙，请稍候", f"{D} 15:00:10"),
    # a4: 丁 with 小满 — answered in 28 s with a banned phrase, orders the next day.
    line("a4", "丁", "buyer", "质量怎么样", f"{D} 20:00:00"),
    line("a4", "丁", "agent", "质量放心，不知道的随时问", f"{D} 20:00:28", "xiaoman"),
]


@pytest.fixture
def shop(demo_store, load_logs):
    load_logs(FIXTURE)
    for number, (nick, created, paid_at) in enumerate([
            ("甲", f"{D} 10:10:00", f"{D} 10:12:00"),   # same day, paid the same day
            ("乙", f"{D1} 09:00:00", None),             # the day 乙 was received, unpaid
            ("丁", f"{D1} 08:00:00", f"{D1} 08:05:00"),  # the day after 丁 was received
    ]):
        buyer_id = people.buyer_by_nick(demo_store, nick)["id"]
        orders.record(demo_store, buyer_id, {
            "id": f"M-{number}", "status": "WAIT_SELLER_SEND_GOODS", "total": 10, "paid": 10,
            "created_at": at(created), "paid_at": at(paid_at) if paid_at else None}, [])
    return demo_store


def team_report(store, **options):
    boss = accounts.by_name(store, "wang")
    return metrics.report(store, boss, SINCE, UNTIL, NOW, **options)


def test_team_figures_match_the_hand_computation(shop):
    assert team_report(shop).team.as_json() == {
        "buyers_received": 3,             # 甲 on D, 乙 on D+1 (not D: no reply that day), 丁 on D
        "first_response_mean_s": 62.0,    # sessions 20, 170, 30, 28 (a3 unanswered)
        "first_response_median_s": 29.0,
        "avg_response_s": 88.0,           # rounds 20, 240, 40, 170, 30, 28
        "first_reply_30s_rate": 0.6,      # 3 of 5 sessions; a3's counts as late
        # The course: later rounds only (a session's first has the 30 s rate): a1's 240 s
        # and 40 s rounds; 00:01:30 is outside service hours anyway.
        "three_minute_rate": 0.5,
        "wait_120s_rate": 0.5,            # 20, 40, 28 of 20, 240, 40, 170, unanswered, 28
        # Every buyer who wrote is an enquiry, answered or not: 甲 D, 乙 D, 乙 D+1, 丙 D
        # (only an auto-reply), 丁 D. 甲 and 乙 (D+1) ordered the same day, 丁 the next.
        "enquiry_conversion": 0.4,
        "conversion_grade": "不合格",
        "paid_conversion": 0.2,           # 甲 paid within the 催付 window
        "average_order_value": 10.0,      # 甲 paid 10
        "messages_sent": 6,               # auto-replies are not agents' messages
    }


def test_each_agents_figures(shop):
    agents = team_report(shop).agents
    assert set(agents) == {"xiaoman", "ajie"}
    # 小满: 甲, 丙 (assigned, unanswered) and 丁 wrote to her; only 甲 ordered (and paid).
    assert agents["xiaoman"].as_json() == {
        "buyers_received": 2, "first_response_mean_s": 24.0, "first_response_median_s": 24.0,
        "avg_response_s": 82.0, "first_reply_30s_rate": 0.6667, "three_minute_rate": 0.5,
        "wait_120s_rate": 0.6, "enquiry_conversion": 0.3333, "conversion_grade": "不合格",
        "paid_conversion": 0.3333, "average_order_value": 10.0, "messages_sent": 4}
    # 阿杰: 乙 on D and on D+1; 乙 ordered on D+1, unpaid. No later round: no 3-minute rate.
    assert agents["ajie"].as_json() == {
        "buyers_received": 1, "first_response_mean_s": 100.0,
        "first_response_median_s": 100.0, "avg_response_s": 100.0,
        "first_reply_30s_rate": 0.5, "three_minute_rate": None, "wait_120s_rate": 0.0,
        "enquiry_conversion": 0.5, "conversion_grade": "合格", "paid_conversion": 0.0,
        "average_order_value": None, "messages_sent": 2}


def test_service_hours_decide_which_rounds_count(shop):
    config = metrics.MetricSettings(service_hours="09:00-21:00")
    team = team_report(shop, config=config).team
    assert (team.rounds_in_hours, team.wait_120s_rate) == (5, 0.6)
    assert (team.later_rounds_in_hours, team.three_minute_rate) == (2, 0.5)
    night = team_report(shop, config=metrics.MetricSettings(service_hours="22:00-02:00")).team
    assert (night.rounds_in_hours, night.wait_120s_rate) == (2, 0.5)
    # 23:58 and 00:01:30 each open a session: no later round in those hours.
    assert (night.later_rounds_in_hours, night.three_minute_rate) == (0, None)


def test_a_period_of_one_day_and_rounds_across_its_end(shop):
    boss = accounts.by_name(shop, "wang")
    day = metrics.report(shop, boss, SINCE, at(f"{D1} 00:00"), NOW)
    # 乙's 23:58 question is in the day; its answer after midnight still counts.
    assert day.agents["ajie"].avg_response_s == 170.0
    assert day.agents["ajie"].messages_sent == 0
    assert day.team.buyers_received == 2


def test_auto_replies_alone_answer_nothing(demo_store, load_logs):
    load_logs([line("z", "戊", "buyer", "在吗", f"{D} 11:00:00"),
               line("z", "戊", "auto", "您好", f"{D} 11:00:01", "xiaoman")])
    team = team_report(demo_store).team
    assert (team.buyers_received, team.messages_sent, team.first_response_mean_s) == (0, 0, None)
    assert (team.first_reply_30s_rate, team.wait_120s_rate) == (0.0, 0.0)
    assert team.three_minute_rate is None     # the only round is the session's first
    assert (team.enquiries, team.enquiry_conversion) == (1, 0.0)


def test_a_round_still_open_is_not_counted_yet(demo_store, load_logs):
    load_logs([line("y", "己", "buyer", "在吗", f"{D} 11:00:00")])
    boss = accounts.by_name(demo_store, "wang")
    soon = metrics.report(demo_store, boss, SINCE, UNTIL, at(f"{D} 11:00:20"))
    assert (soon.team.sessions, soon.team.rounds_in_hours) == (0, 0)
    later = metrics.report(demo_store, boss, SINCE, UNTIL, at(f"{D} 11:05:00"))
    assert (later.team.sessions, later.team.rounds_in_hours) == (1, 1)


def test_quality_lists(shop):
    boss = accounts.by_name(shop, "wang")
    metrics.save_settings(shop, boss, metrics.MetricSettings(banned_words=("不知道",)))
    report = team_report(shop)
    assert [(s.buyer, s.agent, s.wait) for s in report.slow_rounds] == [
        ("甲", "xiaoman", 240.0), ("丙", "xiaoman", None)]
    assert [(m.buyer, m.last_text) for m in report.missing_goodbyes] == [
        ("丁", "质量放心，不知道的随时问"), ("乙", "明天发")]
    assert [(b.buyer, b.words) for b in report.banned_words] == [("丁", ("不知道",))]


def test_charts_count_buyer_messages_by_hour_and_waits_by_bucket(shop):
    report = team_report(shop)
    by_hour = report.buyer_messages_by_hour
    assert (by_hour[10], by_hour[23], by_hour[0], by_hour[15], by_hour[20]) == (4, 1, 1, 1, 1)
    assert sum(by_hour) == 8
    assert dict(report.wait_distribution) == {"≤30秒": 3, "30秒–1分": 1, "1–3分": 1, "3–5分": 1,
                                              "5–10分": 0, ">10分": 0}


def test_an_agent_sees_only_their_own_figures(shop):
    xiaoman = accounts.by_name(shop, "xiaoman")
    own = metrics.report(shop, xiaoman, SINCE, UNTIL, NOW)
    assert set(own.agents) == {"xiaoman"}
    assert own.team.as_json() == own.agents["xiaoman"].as_json()
    with pytest.raises(Refused, match="只有主管"):
        metrics.report(shop, xiaoman, SINCE, UNTIL, NOW, agent="ajie")
    scoped = team_report(shop, agent="ajie")
    assert set(scoped.agents) == {"ajie"} and scoped.team.messages_sent == 2


def test_settings_are_kept_and_only_a_supervisor_changes_them(demo_store):
    boss = accounts.by_name(demo_store, "wang")
    changed = metrics.MetricSettings("09:00-22:30", ("回见",), ("滚",))
    with pytest.raises(Refused, match="团队设置"):
        metrics.save_settings(demo_store, accounts.by_name(demo_store, "xiaoman"), changed)
    metrics.save_settings(demo_store, boss, changed)
    assert metrics.load_settings(demo_store) == changed
    with pytest.raises(Refused, match="格式"):
        metrics.parse_service_hours("8点到晚上")
    assert metrics.parse_service_hours("08:00-24:00") == (8 * 3600, 24 * 3600)
