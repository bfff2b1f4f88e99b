"""Care along an order's life: each stage falls due at its time (injected clock), is listed
until it expires, never for a buyer who opted out; sent, skipped, failed and exported."""

import datetime as dt

import openpyxl
import pytest

from workbench import accounts, conversations, customers, orders, quickphrases, timefmt
from workbench.changes import Refused
from workbench.conversations import Incoming
from workbench.customers import care
from workbench.customers.recompute import recompute
from workbench.orders import reminders
from workbench.store import settings

HOUR = 3600.0
DAY = 24 * HOUR
T = "2025-11-10 10:00"


@pytest.fixture
def team(store, clock):
    clock.now = timefmt.parse(T)
    for name, role, shown in (("wang", "supervisor", "王主管"), ("xiaoman", "agent", "小满"),
                              ("ajie", "agent", "阿杰")):
        accounts.add(store, name, role, clock(), shown)
    settings.put(store, quickphrases.SHOP_NAME_KEY, "小满家居服")
    return {a.name: a for a in accounts.all_agents(store)}


def order(store, nick: str, order_id: str, status: str, **times) -> int:
    buyer_id = conversations.ensure_buyer(store, nick, "普通", 0)
    orders.record(store, buyer_id, {
        "id": order_id, "status": status, "total": 99.0, "paid": 99.0, "phone": "13800001111",
        "courier": "中通快递", "tracking_no": "7831", "receiver_name": "陆晴",
        "created_at": times.get("created_at", times.get("paid_at", 0) - HOUR), **times},
        [{"title": "纯棉睡衣", "price": 99.0}])
    return buyer_id


def chat(store, nick: str, agent_id: int | None, at: float) -> int:
    changes = conversations.receive(store, Incoming(uid=f"{nick}{at}", buyer=nick, text="在吗",
                                                    at=at), agent_id=agent_id)
    return next(iter(changes.conversations))


def due_subjects(store, viewer, at: float, mine: bool = False) -> dict[str, float]:
    day = timefmt.local(at).date()
    return {item.subject: item.due_at for item in care.due(store, viewer, day, at, mine)}


t = timefmt.parse(T)
# stage, order status, the order's times, the subject
STAGE_CASES = [
    ("unpaid", "WAIT_BUYER_PAY", {"created_at": t}, "unpaid:O"),
    ("paid", "WAIT_SELLER_SEND_GOODS", {"paid_at": t}, "paid:O"),
    ("shipped", "WAIT_BUYER_CONFIRM_GOODS", {"paid_at": t - DAY, "shipped_at": t}, "shipped:O"),
    ("arrived", "WAIT_BUYER_CONFIRM_GOODS", {"paid_at": t - 3 * DAY,
                                              "shipped_at": t - 48 * HOUR}, "arrived:O"),
    ("signed", "TRADE_BUYER_SIGNED", {"paid_at": t - 5 * DAY, "shipped_at": t - 96 * HOUR},
     "signed:O"),
    ("reviewed", "TRADE_FINISHED", {"paid_at": t - 9 * DAY, "shipped_at": t - 8 * DAY,
                                    "finished_at": t}, "reviewed:O"),
    ("visit", "TRADE_FINISHED", {"paid_at": t - 20 * DAY, "shipped_at": t - 18 * DAY,
                                 "finished_at": t - 7 * DAY}, "visit:O"),
]


@pytest.mark.parametrize(("stage", "status", "times", "subject"), STAGE_CASES)
def test_each_stage_is_due_at_its_time_until_it_expires(store, team, stage, status, times,
                                                        subject):
    viewer = team["xiaoman"]
    buyer_id = order(store, "甲", "O", status, **times)
    recompute(store, t)
    expiry = care.STAGE_BY_CODE[stage].expiry_hours * HOUR
    assert due_subjects(store, viewer, t - 2 * HOUR)[subject] == t     # due later today
    assert subject in due_subjects(store, viewer, t + expiry - HOUR)    # still worth sending
    assert subject not in due_subjects(store, viewer, t - 26 * HOUR)    # not yet the day
    assert subject not in due_subjects(store, viewer, t + expiry + HOUR)  # expired
    customers.set_do_not_contact(store, buyer_id, viewer, True, t)
    assert subject not in due_subjects(store, viewer, t - 2 * HOUR)


def test_the_repurchase_reminder_comes_after_the_buyers_usual_interval(store, team):
    viewer = team["xiaoman"]
    order(store, "乙", "R1", "TRADE_FINISHED", paid_at=t - 60 * DAY)
    order(store, "乙", "R2", "TRADE_FINISHED", paid_at=t - 30 * DAY)
    recompute(store, t)
    subject = f"repurchase:{customers.by_nick(store, '乙').buyer_id}:R2"
    assert due_subjects(store, viewer, t)[subject] == pytest.approx(t - HOUR)
    assert subject not in due_subjects(store, viewer, t - 2 * DAY)
    order(store, "乙", "R3", "TRADE_FINISHED", paid_at=t)          # bought again
    recompute(store, t)
    assert not [s for s in due_subjects(store, viewer, t) if s.startswith("repurchase")]


def test_the_unpaid_reminder_follows_the_payment_reminder_table(store, team):
    viewer = team["xiaoman"]
    night = timefmt.parse("2025-11-09 23:30")
    order(store, "甲", "N", "WAIT_BUYER_PAY", created_at=night)
    recompute(store, night)
    # Placed at night: not before 12:00 the next day.
    assert due_subjects(store, viewer, t)["unpaid:N"] == timefmt.parse("2025-11-10 12:00")
    reminders.remind(store, "N", viewer, t)
    assert "unpaid:N" not in due_subjects(store, viewer, t)      # already chased


def test_sending_goes_through_the_buyers_conversation_and_is_recorded(store, team, clock):
    viewer = team["xiaoman"]
    order(store, "甲", "O", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    conversation_id = chat(store, "甲", viewer.id, t - HOUR)
    (item,) = care.due(store, viewer, timefmt.local(t).date(), t)
    assert item.reachable and item.channel == "旺旺" and item.assignee_name == "小满"
    assert item.text.startswith("甲您好，订单 O 已经付款成功")
    message, changes = care.send(store, "paid:O", viewer, t)
    assert (message.conversation_id, message.sender, message.status) == (
        conversation_id, "agent", "sending")
    assert message.text == item.text and conversation_id in changes.conversations
    assert care.due(store, viewer, timefmt.local(t).date(), t) == []
    with pytest.raises(Refused, match="已由小满已发送"):
        care.send(store, "paid:O", viewer, t)
    # The channel reports a failure: the item is back, marked, and can be sent again.
    conversations.set_status(store, message.uid, "failed")
    (again,) = care.due(store, viewer, timefmt.local(t).date(), t)
    assert again.failed
    care.send(store, "paid:O", viewer, t + 60, text="甲您好，付款收到啦，谢谢！")
    assert care.due(store, viewer, timefmt.local(t).date(), t) == []


def test_an_unpaid_reminder_sent_goes_into_the_payment_register(store, team):
    viewer = team["xiaoman"]
    order(store, "甲", "U", "WAIT_BUYER_PAY", created_at=t)
    chat(store, "甲", viewer.id, t)
    care.send(store, "unpaid:U", viewer, t)
    (entry,) = reminders.register(store)
    assert (entry.order_id, entry.agent_name, entry.channel) == ("U", "小满", "旺旺")


def test_skipped_care_leaves_the_list_with_its_reason(store, team):
    viewer = team["xiaoman"]
    order(store, "甲", "O", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    care.skip(store, "paid:O", viewer, t, "买家刚在旺旺里道过谢")
    assert care.due(store, viewer, timefmt.local(t).date(), t) == []
    (done,) = care.due(store, viewer, timefmt.local(t).date(), t, include_done=True)
    assert done.subject == "paid:O"


def test_nothing_is_sent_to_a_buyer_without_a_conversation_or_who_opted_out(store, team):
    viewer = team["xiaoman"]
    buyer_id = order(store, "甲", "O", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    with pytest.raises(Refused, match="没有旺旺会话") as refused:
        care.send(store, "paid:O", viewer, t)
    assert refused.value.en.startswith("甲 has no conversation")
    chat(store, "甲", viewer.id, t)
    customers.set_do_not_contact(store, buyer_id, viewer, True, t)
    with pytest.raises(Refused, match="要求不要主动联系"):
        care.send(store, "paid:O", viewer, t)
    orders.record(store, buyer_id, {"id": "P", "status": "TRADE_FINISHED"}, [])
    with pytest.raises(Refused, match="状态已经变了"):
        care.send(store, "paid:P", viewer, t)


def test_mine_is_the_buyers_whose_conversation_is_mine(store, team):
    xiaoman, ajie = team["xiaoman"], team["ajie"]
    order(store, "甲", "O1", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    order(store, "乙", "O2", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    order(store, "丙", "O3", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    chat(store, "甲", xiaoman.id, t)
    chat(store, "乙", ajie.id, t)
    assert set(due_subjects(store, xiaoman, t, mine=True)) == {"paid:O1"}
    assert set(due_subjects(store, ajie, t, mine=True)) == {"paid:O2"}
    assert set(due_subjects(store, xiaoman, t)) == {"paid:O1", "paid:O2", "paid:O3"}


def test_the_call_list_has_the_unreachable_buyers_with_phones_by_role(store, team, tmp_path):
    order(store, "甲", "O1", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    order(store, "乙", "O2", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    chat(store, "乙", team["xiaoman"].id, t)
    day = timefmt.local(t).date()
    agent_file = tmp_path / "agent.xlsx"
    assert care.export(store, team["xiaoman"], agent_file, day, t) == (1, 0)
    sheet = openpyxl.load_workbook(agent_file).active
    header, row = [[cell.value for cell in line] for line in sheet.iter_rows()]
    assert header == list(care.EXPORT_HEADER)
    assert row[1:7] == ["付款关怀", "甲", "陆晴", "138****1111", "O1", "普通"]
    assert set(due_subjects(store, team["xiaoman"], t)) == {"paid:O2"}   # exported: done
    order(store, "丙", "O3", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    care.export(store, team["wang"], tmp_path / "wang.xlsx", day, t)
    rows = list(openpyxl.load_workbook(tmp_path / "wang.xlsx").active.iter_rows(values_only=True))
    assert rows[1][4] == "13800001111"
    with pytest.raises(Refused, match="没有需要"):
        care.export(store, team["wang"], tmp_path / "none.xlsx", day, t)
    assert not (tmp_path / "none.xlsx").exists()


def test_a_text_the_order_cannot_fill_is_held_back_from_the_call_list(store, team, tmp_path):
    """A shipped order without its tracking number yet: its 发货提醒 would reach the buyer
    as "{快递} {物流单号}"; it stays on the list instead."""
    order(store, "甲", "O1", "WAIT_BUYER_CONFIRM_GOODS", paid_at=t - HOUR, shipped_at=t,
          courier=None, tracking_no=None)
    order(store, "乙", "O2", "WAIT_BUYER_CONFIRM_GOODS", paid_at=t - HOUR, shipped_at=t)
    day = timefmt.local(t).date()
    out = tmp_path / "care.xlsx"
    assert care.export(store, team["wang"], out, day, t) == (1, 1)
    texts = [row[7] for row in openpyxl.load_workbook(out).active.iter_rows(
        min_row=2, values_only=True)]
    assert len(texts) == 1 and "中通快递 7831" in texts[0] and "{" not in texts[0]
    assert set(due_subjects(store, team["wang"], t)) == {"shipped:O1"}
    with pytest.raises(Refused, match="1 条关怀缺少快递、物流单号，无法导出"):
        care.export(store, team["wang"], tmp_path / "again.xlsx", day, t)
    assert not (tmp_path / "again.xlsx").exists()


def test_stages_are_switched_on_per_shop_by_a_supervisor(store, team):
    order(store, "甲", "O", "WAIT_SELLER_SEND_GOODS", paid_at=t)
    stages = care.load_settings(store)
    off = dict(stages, paid=care.StageSetting(False, stages["paid"].template, 0))
    with pytest.raises(Refused, match="只能由主管"):
        care.save_settings(store, team["xiaoman"], off, t)
    care.save_settings(store, team["wang"], off, t)
    assert due_subjects(store, team["xiaoman"], t) == {}
    on = dict(off, paid=care.StageSetting(True, "{买家}，付款收到了，明天发货~", 2))
    care.save_settings(store, team["wang"], on, t)
    (item,) = care.due(store, team["xiaoman"], timefmt.local(t).date(), t)
    assert (item.text, item.due_at) == ("甲，付款收到了，明天发货~", t + 2 * HOUR)


@pytest.mark.parametrize(("template", "words"), [
    ("{买家}您好{优惠券}", "不认识的变量"), ("", "请写好模板"), ("好" * 301, "最多 300 个字"),
])
def test_bad_templates_are_refused(store, team, template, words):
    stages = care.load_settings(store)
    with pytest.raises(Refused, match=words):
        care.save_settings(store, team["wang"],
                           {"paid": care.StageSetting(True, template, 0)}, t)
    assert care.load_settings(store) == stages


def test_a_variable_without_a_value_must_be_filled_before_sending(store, team):
    viewer = team["xiaoman"]
    order(store, "甲", "S", "WAIT_BUYER_CONFIRM_GOODS", paid_at=t - DAY, shipped_at=t,
          tracking_no=None)
    chat(store, "甲", viewer.id, t)
    item = care.current(store, "shipped:S", viewer, t)
    assert "{物流单号}" in item.text
    with pytest.raises(Refused, match="没填的变量"):
        care.send(store, "shipped:S", viewer, t)
    care.send(store, "shipped:S", viewer, t, text=item.text.replace("{物流单号}", "稍后告诉您"))


def test_the_day_can_be_looked_ahead(store, team):
    order(store, "甲", "A", "WAIT_BUYER_CONFIRM_GOODS", paid_at=t - DAY, shipped_at=t)
    tomorrow = timefmt.local(t).date() + dt.timedelta(days=2)
    items = care.due(store, team["xiaoman"], tomorrow, t)
    assert [i.stage for i in items] == ["shipped", "arrived"]
