"""The 催付 timing follows the course's table 4.1 row by row, with no boundary of our own;
the shop's policy chooses the readings of its ambiguous rows, and the rule text the
window shows is the one the code applied. Also the 总结优化表."""

import pytest

from workbench import accounts, conversations, orders, timefmt
from workbench.changes import Refused
from workbench.orders import reminders
from workbench.orders.reminders import ReminderPolicy
from workbench.store import orders as order_rows


def at(text):
    return timefmt.parse(text)


def window(placed, repeat=False, dispatch=(16, 0), **chosen):
    return reminders.window_for(at(placed), repeat, dispatch, ReminderPolicy(**chosen))


def spans(found):
    return (timefmt.minute(found.earliest),
            timefmt.minute(found.latest) if found.latest is not None else None)


@pytest.mark.parametrize(("placed", "earliest", "latest"), [
    # 上午11点前 → 当日15点前 (by default every order from midnight, read first)
    ("2025-11-24 00:00", "2025-11-24 00:00", "2025-11-24 15:00"),
    ("2025-11-24 05:59", "2025-11-24 05:59", "2025-11-24 15:00"),
    ("2025-11-24 06:00", "2025-11-24 06:00", "2025-11-24 15:00"),
    ("2025-11-24 10:59", "2025-11-24 10:59", "2025-11-24 15:00"),
    # 下午15点前 → 当日发货前 (the dispatch time, a setting)
    ("2025-11-24 11:00", "2025-11-24 11:00", "2025-11-24 16:00"),
    ("2025-11-24 14:59", "2025-11-24 14:59", "2025-11-24 16:00"),
    # 晚上22点前 → 次日中午前
    ("2025-11-24 15:00", "2025-11-24 15:00", "2025-11-25 12:00"),
    ("2025-11-24 21:59", "2025-11-24 21:59", "2025-11-25 12:00"),
    # 22:00–24:00 is in no row: by default the 00:00 row, 次日12点以后
    ("2025-11-24 22:00", "2025-11-25 12:00", None),
    ("2025-11-24 23:59", "2025-11-25 12:00", None),
])
def test_each_row_of_the_table_by_default(placed, earliest, latest):
    assert spans(window(placed)) == (earliest, latest)


def test_the_small_hours_as_the_00_00_row_read_two_ways():
    same_day = window("2025-11-24 01:30", small_hours="after_noon")
    assert spans(same_day) == ("2025-11-24 12:00", None)
    literal = window("2025-11-24 01:30", small_hours="after_next_noon")
    assert spans(literal) == ("2025-11-25 12:00", None)
    assert spans(window("2025-11-24 10:59", small_hours="after_noon")) == (
        "2025-11-24 12:00", None)                      # no 06:00: the whole 00:00–11:00
    assert spans(window("2025-11-24 11:00", small_hours="after_noon")) == (
        "2025-11-24 11:00", "2025-11-24 16:00")


def test_late_evening_as_the_22_00_row():
    assert spans(window("2025-11-24 22:30", late_evening="by_next_noon")) == (
        "2025-11-24 22:30", "2025-11-25 12:00")


def test_repeat_buyers_and_the_dispatch_setting():
    assert spans(window("2025-11-24 13:00", repeat=True)) == ("2025-11-26 13:00", None)
    assert spans(window("2025-11-24 13:00", dispatch=(17, 30))) == (
        "2025-11-24 13:00", "2025-11-24 17:30")


@pytest.mark.parametrize("chosen", [
    ReminderPolicy(), ReminderPolicy("after_noon", "by_next_noon"),
    ReminderPolicy("after_next_noon", "after_next_noon")])
def test_the_rule_text_shown_is_the_rule_applied(chosen):
    texts = reminders.rule_texts((17, 0), chosen)
    applied = [reminders.window_for(at(placed), False, (17, 0), chosen).rule
               for placed in ("2025-11-24 03:00", "2025-11-24 12:00", "2025-11-24 18:00",
                              "2025-11-24 23:00")]
    applied.append(reminders.window_for(at("2025-11-24 12:00"), True, (17, 0), chosen).rule)
    assert texts == applied
    assert "17:00" in texts[1]


def test_the_payment_deadline_for_the_figures():
    def deadline(placed, **chosen):
        found = window(placed, **chosen)
        return timefmt.minute(reminders.payment_deadline(at(placed), found))

    assert deadline("2025-11-24 09:00") == "2025-11-25 00:00"    # never before the day ends
    assert deadline("2025-11-24 18:00") == "2025-11-25 12:00"    # by noon the next day
    assert deadline("2025-11-24 23:00") == "2025-11-26 00:00"    # the day reminding starts
    assert deadline("2025-11-24 23:00", late_evening="by_next_noon") == "2025-11-25 12:00"


def test_the_policy_is_a_supervisors_setting_and_check_follows_it(demo_store, agent, clock):
    boss = accounts.by_name(demo_store, "wang")
    with pytest.raises(Refused):
        reminders.save_policy(demo_store, agent, ReminderPolicy("after_noon"), clock())
    with pytest.raises(Refused, match="未知"):
        reminders.save_policy(demo_store, boss, ReminderPolicy("at_dawn"), clock())
    buyer_id = conversations.ensure_buyer(demo_store, "夜猫子", "普通", clock())
    orders.record(demo_store, buyer_id, {"id": "N-1", "status": "WAIT_BUYER_PAY", "total": 9,
                                         "paid": 0, "created_at": at("2025-11-24 02:00")}, [])
    assert reminders.check(demo_store, "N-1", at("2025-11-24 09:00")).warnings == []
    reminders.save_policy(demo_store, boss, ReminderPolicy("after_noon"), clock())
    assert reminders.load_policy(demo_store) == ReminderPolicy("after_noon")
    early = reminders.check(demo_store, "N-1", at("2025-11-24 09:00"))
    assert early.window.rule == "0 点以后下单，当天 12 点以后再催付"
    assert "2025-11-24 12:00 以后" in early.warnings[0]


def test_the_summary_table_counts_success_by_timing_channel_and_reason(demo_store, agent):
    def place(number, placed, buyer):
        buyer_id = conversations.ensure_buyer(demo_store, buyer, "普通", at(placed))
        orders.record(demo_store, buyer_id, {"id": f"R-{number}", "status": "WAIT_BUYER_PAY",
                                             "total": 9, "paid": 0, "created_at": at(placed)},
                      [])

    place(1, "2025-11-24 09:00", "甲")
    place(2, "2025-11-24 09:00", "乙")
    place(3, "2025-11-24 23:00", "丙")
    reminders.remind(demo_store, "R-1", agent, at("2025-11-24 10:00"), reason="余额不足")
    reminders.remind(demo_store, "R-2", agent, at("2025-11-24 16:00"), channel="电话",
                     reason="余额不足")
    reminders.remind(demo_store, "R-3", agent, at("2025-11-25 08:00"))
    # 甲 paid (as the next order report import would say).
    order_rows.update_orders(demo_store, ("status", "paid", "paid_at"),
                             [("WAIT_SELLER_SEND_GOODS", 9, at("2025-11-24 10:30"), "R-1")])
    (entry,) = [r for r in reminders.register(demo_store) if r.order_id == "R-3"]
    reminders.update(demo_store, entry.id, agent, "", reminders.PAID_OUTCOME,
                     at("2025-11-25 12:00"))
    table = {(r.dimension, r.value): (r.reminded, r.paid, r.rate)
             for r in reminders.summary(demo_store)}
    assert table == {
        ("催付时机", reminders.ON_TIME): (1, 1, 1.0),
        ("催付时机", reminders.TOO_LATE): (1, 0, 0.0),
        ("催付时机", reminders.TOO_EARLY): (1, 1, 1.0),
        ("催付方式", "旺旺"): (2, 2, 1.0),
        ("催付方式", "电话"): (1, 0, 0.0),
        ("未付原因", "余额不足"): (2, 1, 0.5),
        ("未付原因", reminders.NO_REASON): (1, 1, 1.0),
    }
    assert reminders.summary(demo_store, since=at("2025-11-25 00:00"))[0].reminded == 1
