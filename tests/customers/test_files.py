"""The customer file: built from imported orders and chats, edited in one place with
history, phones by role, the risk mark for supervisors only."""

import pytest

from customers.conftest import agent, say
from workbench import accounts, aftersale, customers, timefmt
from workbench.aftersale import cases
from workbench.changes import Refused
from workbench.customers.recompute import recompute


def test_the_file_is_built_from_imported_orders_and_chats(shop):
    jia = customers.by_nick(shop, "甲")
    # A1 100 + A2 200-50 + A3 120; the unpaid A4 and the refunded A5 are no purchases.
    assert (jia.orders, jia.paid_total, jia.items) == (3, 370.0, 5)
    assert jia.first_order_at == timefmt.parse("2025-06-01 10:00:00")
    assert jia.last_order_at == timefmt.parse("2025-11-01 10:00:00")
    assert jia.average_order == pytest.approx(123.33)
    interval = (timefmt.parse("2025-11-01 10:00") - timefmt.parse("2025-06-01 10:00")) / 2
    assert jia.repurchase_days == round(interval / 86400, 1)
    assert (jia.chats, jia.last_chat_at) == (0, None)
    yi = customers.by_nick(shop, "乙")
    assert (yi.orders, yi.paid_total, yi.items) == (1, 89.0, 1)
    # Four messages on three local days.
    assert (yi.chats, yi.last_chat_at) == (3, timefmt.parse("2025-11-22 21:00"))
    bing = customers.by_nick(shop, "丙")
    assert (bing.orders, bing.paid_total, bing.chats) == (0, 0.0, 1)


def test_a_full_recompute_gives_what_the_imports_and_chats_kept_current(shop, clock):
    before = {c.buyer_id: c for c in customers.find(shop, customers.CustomerFilter(), clock())}
    result = recompute(shop, clock())
    assert result.buyers == 3 and result.changed == frozenset()
    after = {c.buyer_id: c for c in customers.find(shop, customers.CustomerFilter(), clock())}
    assert after == before


def test_the_file_shows_addresses_latest_order_and_open_todos(shop):
    from workbench import handover

    jia = customers.by_nick(shop, "甲")
    handover.add(shop, "回复甲的尺码问题", agent(shop, "xiaoman"),
                 timefmt.parse("2025-11-24 10:00"), buyer_id=jia.buyer_id)
    found = customers.open_file(shop, jia.buyer_id)
    assert [a.address for a in found.addresses] == ["上海市徐汇区漕溪北路 201 号",
                                                   "上海市徐汇区漕溪北路 9 号"]
    assert found.addresses[0].used == 4     # A1, A3, A4 and A5
    assert found.name == "陆晴" and found.phone == "13800001111"
    assert found.latest_order["id"] == "A4" and found.open_todos == 1
    assert found.tier.name == customers.policy(shop).name(found.customer.tier_rank)


def test_a_new_chat_day_counts_once_and_updates_the_last_chat(shop):
    say(shop, "乙", "发货了吗", "2025-11-22 22:00")
    assert customers.by_nick(shop, "乙").chats == 3
    say(shop, "乙", "还在吗", "2025-11-24 08:00")
    yi = customers.by_nick(shop, "乙")
    assert (yi.chats, yi.last_chat_at) == (4, timefmt.parse("2025-11-24 08:00"))


def test_fields_are_edited_in_one_place_with_history(shop, clock):
    xiaoman = agent(shop, "xiaoman")
    jia = customers.by_nick(shop, "甲")
    changes = customers.save_file(shop, jia.buyer_id, xiaoman, clock(),
                                  {"name": "陆 晴", "gender": "女", "phone": "13811112222",
                                   "source": "老客推荐"}, ["老客", "送礼"], True)
    assert jia.buyer_id in changes.buyers
    found = customers.open_file(shop, jia.buyer_id)
    c = found.customer
    assert (c.name, c.gender, c.phone, c.source, c.tags, c.do_not_contact) == (
        "陆 晴", "女", "13811112222", "老客推荐", ["老客", "送礼"], 1)
    assert found.phone == "13811112222"
    lines = [h.describe() for h in found.history]
    assert "姓名：（空） → 陆 晴" in lines and "性别：（空） → 女" in lines
    assert "标签：（空） → 老客，送礼" in lines and "勿扰：否 → 是" in lines
    assert {h.agent_name for h in found.history if h.kind != "tier"} == {"小满"}
    # Saving the same values again changes nothing and writes no history.
    customers.save_file(shop, jia.buyer_id, xiaoman, clock(),
                        {"name": "陆 晴", "gender": "女", "phone": "13811112222",
                         "source": "老客推荐"}, ["老客", "送礼"], True)
    assert len(customers.open_file(shop, jia.buyer_id).history) == len(found.history)


@pytest.mark.parametrize(("fields", "words"), [
    ({"gender": "未知"}, "性别"), ({"phone": "138****1111"}, "完整的号码"),
    ({"phone": "电话号码"}, "不像电话"), ({"source": "很" * 31}, "最多 30 个字"),
])
def test_bad_field_values_are_refused_and_nothing_is_saved(shop, clock, fields, words):
    jia = customers.by_nick(shop, "甲")
    with pytest.raises(Refused, match=words):
        customers.save_file(shop, jia.buyer_id, agent(shop, "xiaoman"), clock(), fields,
                            ["新标签"], True)
    assert customers.by_nick(shop, "甲").tags == []


def test_notes_are_signed_and_dated(shop, clock):
    jia = customers.by_nick(shop, "甲")
    customers.add_note(shop, jia.buyer_id, agent(shop, "xiaoman"), "穿 M 码，喜欢浅色", clock())
    (note,) = customers.open_file(shop, jia.buyer_id).notes
    assert (note.text, note.agent_name, note.at) == ("穿 M 码，喜欢浅色", "小满", clock())
    with pytest.raises(Refused, match="不能为空"):
        customers.add_note(shop, jia.buyer_id, agent(shop, "xiaoman"), "  ", clock())


def test_phones_are_whole_for_supervisors_and_masked_for_agents(shop):
    assert customers.shown_phone(agent(shop, "wang"), "13800001111") == "13800001111"
    assert customers.shown_phone(agent(shop, "xiaoman"), "13800001111") == "138****1111"
    assert customers.shown_phone(agent(shop, "xiaoman"), "12345") == "*****"
    assert customers.shown_phone(None, "13800001111") == "138****1111"


def test_only_a_supervisor_sets_and_lifts_the_risk_mark_with_a_reason(shop, clock):
    jia = customers.by_nick(shop, "甲")
    xiaoman, wang = agent(shop, "xiaoman"), agent(shop, "wang")
    with pytest.raises(Refused, match="只能由主管") as refused:
        customers.set_risk(shop, jia.buyer_id, xiaoman, "职业差评", clock())
    assert refused.value.en == "Only a supervisor sets or lifts the risk mark."
    with pytest.raises(Refused, match="原因"):
        customers.set_risk(shop, jia.buyer_id, wang, " ", clock())
    customers.set_risk(shop, jia.buyer_id, wang, "疑似职业差评师", clock())
    marked = customers.by_nick(shop, "甲")
    assert (marked.risk_reason, marked.risk_by_name, marked.risk_at) == (
        "疑似职业差评师", "王主管", clock())
    assert marked.marks & customers.RISK
    with pytest.raises(Refused):
        customers.lift_risk(shop, jia.buyer_id, xiaoman, "误会", clock())
    customers.lift_risk(shop, jia.buyer_id, wang, "核实是误会", clock())
    lifted = customers.open_file(shop, jia.buyer_id)
    assert not lifted.customer.risky and not lifted.customer.marks & customers.RISK
    assert [h.describe() for h in lifted.history][:2] == [
        "风险标记：疑似职业差评师 → （空）（核实是误会）", "风险标记：（空） → 疑似职业差评师"]


def test_the_card_has_the_figures_the_chat_header_shows(shop):
    bing = customers.by_nick(shop, "丙")
    card = customers.card(shop, bing.buyer_id)
    assert card.customer.classes == ["询单未购"] and card.last_order is None
    jia = customers.card(shop, customers.by_nick(shop, "甲").buyer_id)
    assert (jia.customer.paid_total, jia.customer.orders) == (370.0, 3)
    assert jia.last_order["id"] == "A4" and jia.open_todos == 0


def test_an_open_after_sale_case_shows_on_the_card(shop, clock):
    jia = customers.by_nick(shop, "甲")
    assert customers.card(shop, jia.buyer_id).badges == []
    changes = cases.open_case(shop, "A3", "仅退款", accounts.by_name(shop, "xiaoman"), clock(),
                              cause="七天无理由")
    case_id = next(iter(changes.aftersale))
    (badge,) = customers.card(shop, jia.buyer_id).badges
    assert badge.kind == "aftersale" and badge.text.startswith(f"售后 {aftersale.case_no(case_id)}")
