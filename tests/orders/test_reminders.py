import pytest

from workbench import accounts, conversations, orders, timefmt
from workbench.changes import Refused
from workbench.orders import policy, reminders
from workbench.store import events

HOUR = 3600.0


def at(text: str) -> float:
    return timefmt.parse(text)


def place(store, order_id: str, placed: str, buyer: str = "犹豫的买家",
          status: str = "WAIT_BUYER_PAY") -> str:
    buyer_id = conversations.ensure_buyer(store, buyer, "普通", at(placed))
    orders.record(store, buyer_id, {"id": order_id, "status": status, "total": 99.0,
                                    "paid": 0.0, "created_at": at(placed),
                                    "paid_at": None if status == "WAIT_BUYER_PAY" else
                                    at(placed) + 60}, [{"title": "珊瑚绒睡袍"}])
    return order_id


@pytest.mark.parametrize(("placed", "earliest", "latest"), [
    ("2025-11-24 09:30", "2025-11-24 09:30", "2025-11-24 15:00"),   # before 11:00
    ("2025-11-24 13:00", "2025-11-24 13:00", "2025-11-24 16:00"),   # before 15:00: dispatch
    ("2025-11-24 18:00", "2025-11-24 18:00", "2025-11-25 12:00"),   # before 22:00
    ("2025-11-24 23:10", "2025-11-25 12:00", None),                 # 22–24: the 00:00 row
    # The course's table has no 06:00: by default 00:00–11:00 takes the first row that
    # fits, before 11:00 (test_reminder_table.py has every reading).
    ("2025-11-25 02:00", "2025-11-25 02:00", "2025-11-25 15:00"),
])
def test_the_window_follows_the_reminder_table(placed, earliest, latest):
    window = reminders.window_for(at(placed), repeat_buyer=False)
    assert window.earliest == at(earliest)
    assert window.latest == (at(latest) if latest else None)


def test_the_dispatch_time_setting_moves_the_afternoon_deadline(demo_store, clock):
    boss = accounts.by_name(demo_store, "wang")
    policy.set_dispatch_time(demo_store, boss, "17:30", clock())
    place(demo_store, "9001", "2025-11-24 13:00")
    check = reminders.check(demo_store, "9001", at("2025-11-24 17:00"))
    assert check.window.latest == at("2025-11-24 17:30")
    assert check.warnings == []


def test_a_buyer_with_two_purchases_is_reminded_48_hours_after_ordering(demo_store):
    place(demo_store, "9101", "2025-11-01 10:00", buyer="老顾客", status="TRADE_FINISHED")
    place(demo_store, "9102", "2025-11-10 10:00", buyer="老顾客", status="TRADE_FINISHED")
    place(demo_store, "9103", "2025-11-24 10:00", buyer="老顾客")
    check = reminders.check(demo_store, "9103", at("2025-11-24 14:00"))
    assert check.window.earliest == at("2025-11-26 10:00")
    assert "还没到催付时间" in check.warnings[0] and "2025-11-26 10:00" in check.warnings[0]
    assert reminders.check(demo_store, "9103", at("2025-11-26 10:30")).warnings == []


def test_reminding_too_late_or_too_early_is_warned(demo_store):
    place(demo_store, "9201", "2025-11-24 09:30")
    late = reminders.check(demo_store, "9201", at("2025-11-24 15:30"))
    assert late.warnings == [
        "已过催付时间：2025-11-24 09:30 下单，按催付时间表（11 点前下单，当天 15 点前催付）"
        "应在 2025-11-24 15:00 前催付。"]
    place(demo_store, "9202", "2025-11-24 23:30")
    early = reminders.check(demo_store, "9202", at("2025-11-25 08:00"))
    assert "还没到催付时间" in early.warnings[0] and "2025-11-25 12:00 以后" in early.warnings[0]


def test_the_register_records_and_a_second_reminder_is_warned(demo_store, agent, clock):
    place(demo_store, "9301", "2025-11-24 09:30")
    now = at("2025-11-24 10:00")
    assert reminders.check(demo_store, "9301", now).warnings == []
    changes = reminders.remind(demo_store, "9301", agent, now, reason="余额不足")
    assert changes.orders == {"9301"}
    (entry,) = reminders.register(demo_store)
    assert (entry.order_id, entry.agent_name, entry.channel, entry.reason, entry.outcome) == (
        "9301", "小满", "旺旺", "余额不足", reminders.SENT)
    assert entry.buyer_nick == "犹豫的买家" and entry.at == now
    assert orders.get(demo_store, "9301").reminder_count == 1

    colleague = accounts.by_name(demo_store, "ajie")
    again = reminders.check(demo_store, "9301", now + 600)
    assert again.warnings == [
        "这笔订单已于 2025-11-24 10:00 由小满通过旺旺催付过，结果：已提醒，等待付款。"
        "团队规定不要反复催付同一订单。"]
    reminders.remind(demo_store, "9301", colleague, now + 600, channel="电话")
    assert [r.agent_name for r in reminders.register(demo_store)] == ["阿杰", "小满"]
    kinds = [e["kind"] for e in events.for_subject(demo_store, "order:9301")]
    assert kinds == ["reminder.add", "reminder.add"]


def test_the_outcome_is_written_down_later(demo_store, agent):
    place(demo_store, "9401", "2025-11-24 09:30")
    reminders.remind(demo_store, "9401", agent, at("2025-11-24 10:00"))
    (entry,) = reminders.register(demo_store)
    reminders.update(demo_store, entry.id, agent, "忘记支付密码", "已付款", at("2025-11-24 11:00"))
    (entry,) = reminders.register(demo_store)
    assert (entry.reason, entry.outcome) == ("忘记支付密码", "已付款")
    assert events.for_subject(demo_store, "order:9401")[-1]["kind"] == "reminder.update"


def test_a_paid_order_needs_no_reminder(demo_store, agent, clock):
    with pytest.raises(Refused, match="只有等待买家付款的订单才需要催付"):
        reminders.remind(demo_store, "3515313147329357902", agent, clock())
    assert reminders.register(demo_store) == []


def test_the_register_can_start_at_a_time(demo_store, agent):
    place(demo_store, "9501", "2025-11-20 09:30")
    place(demo_store, "9502", "2025-11-24 09:30")
    reminders.remind(demo_store, "9501", agent, at("2025-11-20 10:00"))
    reminders.remind(demo_store, "9502", agent, at("2025-11-24 10:00"))
    assert [r.order_id for r in reminders.register(demo_store, since=at("2025-11-24 00:00"))] == [
        "9502"]


def test_the_text_is_the_team_phrase_filled_for_this_order(demo_store, agent, clock):
    place(demo_store, "9601", "2025-11-24 09:30", buyer="阿飞不飞")
    order = orders.get(demo_store, "9601")
    text = reminders.text(demo_store, order, agent, clock())
    assert text.startswith("阿飞不飞您好，您拍下的宝贝还没有付款哦")


def test_without_the_team_phrase_our_own_wording_is_used(store, clock):
    agent = accounts.add(store, "solo", "agent", clock(), "独行")
    place(store, "9701", "2025-11-24 09:30", buyer="路人甲")
    text = reminders.text(store, orders.get(store, "9701"), agent, clock())
    assert text.startswith("路人甲您好，您在本店拍下的宝贝（订单号 9701）还没有付款哦")


def test_the_green_flag_is_found_by_its_meaning(demo_store, clock):
    assert reminders.green_flag(demo_store) == 3
    boss = accounts.by_name(demo_store, "wang")
    team = policy.load(demo_store)
    from dataclasses import replace

    team = team.with_rule(replace(team.rule(3), meaning="售后"))
    team = team.with_rule(replace(team.rule(5), meaning="催付后备注"))
    policy.save(demo_store, boss, team, clock())
    assert reminders.green_flag(demo_store) == 5


def test_the_register_exports_as_text_never_formulas(demo_store, agent, tmp_path):
    import csv

    import openpyxl

    from workbench.store import StoreError

    place(demo_store, "9701", "2025-11-24 09:30")
    reminders.remind(demo_store, "9701", agent, at("2025-11-24 10:00"), channel="电话",
                     reason="=HYPERLINK(\"http://x\",\"点我\")", outcome="+答应稍后付款")
    assert reminders.export_register(demo_store, tmp_path / "r.csv") == 1
    rows = list(csv.reader((tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == list(reminders.REGISTER_HEADERS)
    assert rows[1][1:7] == ['="9701"', "犹豫的买家", "小满", "电话",
                            "'=HYPERLINK(\"http://x\",\"点我\")", "'+答应稍后付款"]
    assert reminders.export_register(demo_store, tmp_path / "r.xlsx") == 1
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert {cell.data_type for cell in cells} == {"s"}
    assert sheet.cell(2, 6).value == "=HYPERLINK(\"http://x\",\"点我\")"
    with pytest.raises(StoreError):
        reminders.export_register(demo_store, tmp_path / "gone" / "r.csv")
    with pytest.raises(Refused, match=".csv 或 .xlsx"):
        reminders.export_register(demo_store, tmp_path / "r.pdf")


def test_the_exports_carry_the_summary_table(demo_store, agent, tmp_path):
    """The 总结优化表 goes out with the register: a sheet of its own in XLSX, a block after
    the register in CSV, from the same reminders as reminders.summary, formulas kept out."""
    import csv

    import openpyxl

    place(demo_store, "9701", "2025-11-24 09:30")
    place(demo_store, "9702", "2025-11-24 09:30", buyer="爽快的买家")
    reminders.remind(demo_store, "9701", agent, at("2025-11-24 10:00"), channel="电话",
                     reason="=cmd|' /C calc'!A0")
    reminders.remind(demo_store, "9702", agent, at("2025-11-24 16:00"), reason="余额不足",
                     outcome=reminders.PAID_OUTCOME)
    expected = sorted([["催付时机", "按时间表", 1, 0, 0.0], ["催付时机", "晚于时间表", 1, 1, 100.0],
                       ["催付方式", "旺旺", 1, 1, 100.0], ["催付方式", "电话", 1, 0, 0.0],
                       ["未付原因", "=cmd|' /C calc'!A0", 1, 0, 0.0],
                       ["未付原因", "余额不足", 1, 1, 100.0]])
    assert sorted(reminders.summary_cells(r) for r in reminders.summary(demo_store)) == expected

    assert reminders.export_register(demo_store, tmp_path / "r.xlsx") == 2
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["催付登记表", "总结优化表"]
    rows = [list(row) for row in book["总结优化表"].iter_rows(values_only=True)]
    assert rows[0] == list(reminders.SUMMARY_HEADERS)
    assert sorted(rows[1:]) == expected
    cells = [c for row in book["总结优化表"].iter_rows() for c in row
             if isinstance(c.value, str)]
    assert {c.data_type for c in cells} == {"s"}               # the reason is not a formula

    assert reminders.export_register(demo_store, tmp_path / "r.csv") == 2
    lines = list(csv.reader((tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0] == list(reminders.REGISTER_HEADERS) and len(lines[1]) == 8
    assert lines[3:6] == [[], ["总结优化表"], list(reminders.SUMMARY_HEADERS)]
    guarded = [[d, "'" + v if v.startswith("=") else v, str(n), str(p), str(r)]
               for d, v, n, p, r in expected]
    assert sorted(lines[6:]) == sorted(guarded)
