"""The figures as the course teaches them (docs/metrics.md), on hand-computed fixtures:
payment within the 催付 window, every buyer who wrote in the enquiry denominator, the
conversion grade, the average order value (客单价) and the shop's 催付 policy moving the
window."""

import pytest

from supervision.logdata import line
from workbench import accounts, orders, timefmt
from workbench.orders import reminders
from workbench.store import people
from workbench.supervision import metrics

D, D1, D2 = "2025-11-20", "2025-11-21", "2025-11-22"
SINCE, UNTIL = timefmt.parse(f"{D} 00:00"), timefmt.parse(f"{D1} 00:00")
NOW = timefmt.parse("2025-11-25 12:00")


def asked_and_answered(conversation, buyer, asked, answered="xiaoman"):
    records = [line(conversation, buyer, "buyer", "这款还有吗", f"{D} {asked}")]
    if answered:
        hour, minute = asked.split(":")[:2]
        records.append(line(conversation, buyer, "agent", "有的亲", f"{D} {hour}:{minute}:20",
                            answered))
    return records


def order(store, number, nick, created, paid_at, paid=0.0, status="WAIT_SELLER_SEND_GOODS"):
    buyer_id = people.buyer_by_nick(store, nick)["id"]
    orders.record(store, buyer_id, {
        "id": f"C-{number}", "status": status, "total": paid, "paid": paid,
        "created_at": timefmt.parse(created),
        "paid_at": timefmt.parse(paid_at) if paid_at else None}, [])


def figures(store, agent=None):
    boss = accounts.by_name(store, "wang")
    report = metrics.report(store, boss, SINCE, UNTIL, NOW)
    return report.agents[agent] if agent else report.team


@pytest.fixture
def shop(demo_store, load_logs):
    load_logs(asked_and_answered("a", "甲", "18:00:00")
              + asked_and_answered("b", "乙", "18:10:00")
              + asked_and_answered("c", "丙", "19:00:00", answered=None)
              + asked_and_answered("d", "丁", "09:00:00"))
    order(demo_store, 1, "甲", f"{D} 18:30", f"{D1} 11:00", 100)   # next day, by noon: in
    order(demo_store, 2, "乙", f"{D} 18:40", f"{D1} 13:00", 80)    # next day after noon: out
    order(demo_store, 3, "丁", f"{D} 09:30", f"{D} 20:00", 50)     # the same day: in
    return demo_store


def test_paid_conversion_counts_payment_within_the_reminder_window(shop):
    team = figures(shop)
    # Enquiries: 甲, 乙, 丙 (only an auto-reply, never answered) and 丁 = 4.
    assert (team.enquiries, team.ordered, team.paid_in_window) == (4, 3, 2)
    assert team.enquiry_conversion == 0.75
    assert team.paid_conversion == 0.5
    assert team.conversion_grade == "优秀"
    assert (team.paid_amount, team.average_order_value) == (150.0, 75.0)
    assert team.buyers_received == 3           # 丙 was never answered: not received


def test_the_unanswered_buyer_counts_for_the_agent_assigned(demo_store, load_logs):
    load_logs([line("z", "戊", "buyer", "在吗", f"{D} 11:00:00", "ajie"),
               line("z", "戊", "auto", "您好", f"{D} 11:00:01")])
    ajie = figures(demo_store, "ajie")
    assert (ajie.enquiries, ajie.enquiry_conversion, ajie.conversion_grade) == (1, 0.0, "不合格")
    assert ajie.buyers_received == 0


def test_the_shops_policy_moves_the_window_of_late_evening_orders(demo_store, load_logs):
    load_logs(asked_and_answered("e", "戊", "22:30:00"))
    order(demo_store, 5, "戊", f"{D} 22:40", f"{D1} 15:00", 60)
    # Default: 22:00–24:00 takes the 00:00 row (remind after 12:00 next day), so paying
    # that afternoon is within the window.
    assert figures(demo_store).paid_in_window == 1
    boss = accounts.by_name(demo_store, "wang")
    reminders.save_policy(demo_store, boss, reminders.ReminderPolicy(
        late_evening="by_next_noon"), NOW)
    assert figures(demo_store).paid_in_window == 0


def test_a_repeat_buyer_has_48_hours(demo_store, load_logs):
    load_logs(asked_and_answered("f", "己", "10:00:00") + asked_and_answered("g", "庚", "10:00:00"))
    for number, nick in ((6, "己"), (7, "己")):
        order(demo_store, number, nick, "2025-10-01 10:00", "2025-10-01 10:05", 10,
              status="TRADE_FINISHED")
    order(demo_store, 8, "己", f"{D} 10:30", f"{D2} 12:00", 99)
    order(demo_store, 9, "庚", f"{D} 10:30", f"{D2} 12:00", 99)
    team = figures(demo_store)
    assert (team.ordered, team.paid_in_window) == (2, 1)   # 己 in, 庚 out (by 15:00 that day)


@pytest.mark.parametrize(("rate", "grade"), [
    (None, None), (0.0, "不合格"), (0.4999, "不合格"), (0.5, "合格"), (0.5999, "合格"),
    (0.6, "良好"), (0.6999, "良好"), (0.7, "优秀"), (1.0, "优秀")])
def test_the_courses_conversion_grades(rate, grade):
    assert metrics.conversion_grade(rate) == grade
