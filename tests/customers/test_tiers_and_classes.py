"""The four classes, and member tiers by the shop's rules: up, down, kept, with history."""

from dataclasses import replace

import pytest

from customers.conftest import agent, say
from workbench import conversations, customers, orders
from workbench.changes import Refused
from workbench.customers import tiers
from workbench.customers.recompute import recompute, refresh_for_orders, save_policy
from workbench.customers.tiers import Tier, TierPolicy

DAY = 86400.0
SILVER_GOLD = TierPolicy((Tier("普通"), Tier("银卡", 100, None, 60, None),
                          Tier("金卡", 300, None, 200, None)), tiers.UP_AND_DOWN, 30)


def test_each_class_follows_the_buyers_orders_chats_and_tags(shop, clock):
    def classes(nick):
        return customers.by_nick(shop, nick).classes

    assert classes("甲") == ["高复购老客"]          # three purchases
    assert classes("乙") == []                      # one purchase, three chat days
    assert classes("丙") == ["询单未购"]            # asked, never bought
    for day in ("2025-11-23 10:00", "2025-11-24 10:00"):
        say(shop, "乙", "到哪了", day)
    assert classes("乙") == ["高频咨询"]             # five chat days
    bing = customers.by_nick(shop, "丙")
    customers.set_tags(shop, bing.buyer_id, agent(shop, "xiaoman"), ["学生"], clock())
    assert classes("丙") == ["询单未购", "打标客户"]
    orders.record(shop, bing.buyer_id, {"id": "C1", "status": "TRADE_FINISHED",
                                        "total": 50.0, "paid": 50.0,
                                        "created_at": clock() - DAY}, [])
    refresh_for_orders(shop, ["C1"], clock())
    assert classes("丙") == ["打标客户"]             # bought now
    customers.set_tags(shop, bing.buyer_id, agent(shop, "xiaoman"), [], clock())
    assert classes("丙") == []


def test_the_list_filters_by_class_tier_tag_purchase_and_spend(shop, clock):
    def nicks(**where):
        return [c.nick for c in customers.find(shop, customers.CustomerFilter(**where),
                                               clock())]

    assert nicks() == ["乙", "甲", "丙"]                 # latest purchase first
    assert nicks(mark=customers.REPEAT) == ["甲"]
    assert nicks(mark=customers.ENQUIRER) == ["丙"]
    assert nicks(tier=1) == ["甲"]                      # 370 within a year: 高级
    assert nicks(bought="7d") == ["乙"] and nicks(bought="never") == ["丙"]
    assert nicks(bought="lapsed90") == []
    assert nicks(min_paid=100) == ["甲"]
    assert nicks(text="乙") == ["乙"]
    assert nicks(sort="paid") == ["甲", "乙", "丙"]
    customers.add_tag(shop, customers.by_nick(shop, "乙").buyer_id, agent(shop, "xiaoman"),
                      "急性子", clock())
    assert nicks(tag="急性子") == ["乙"]
    assert customers.known_tags(shop) == [("急性子", 1)]
    assert customers.count(shop, customers.CustomerFilter(), clock()) == 3


def test_nicks_are_found_anywhere_from_three_characters(store, clock):
    for nick in ("木子李家的猫", "李家小铺", "阿李"):
        conversations.ensure_buyer(store, nick, "普通", clock())
    recompute(store, clock())

    def nicks(text):
        return sorted(c.nick for c in customers.find(store, customers.CustomerFilter(text=text),
                                                     clock()))

    assert nicks("李家的") == ["木子李家的猫"]
    assert nicks("李家") == ["李家小铺"]                # two characters: the start of the nick
    assert nicks("阿") == ["阿李"]


def test_rank_goes_up_when_reached_and_down_only_below_the_keep_rule():
    assert SILVER_GOLD.rank_for(0, 120, 0) == 1
    assert SILVER_GOLD.rank_for(1, 350, 0) == 2
    assert SILVER_GOLD.rank_for(2, 250, 0) == 2     # below the upgrade rule, kept
    assert SILVER_GOLD.rank_for(2, 150, 0) == 1     # gold not kept, silver reached
    assert SILVER_GOLD.rank_for(2, 70, 0) == 1      # silver kept
    assert SILVER_GOLD.rank_for(2, 10, 0) == 0
    upgrade_only = replace(SILVER_GOLD, mode=tiers.UPGRADE_ONLY)
    assert upgrade_only.rank_for(2, 0, 0) == 2
    orders_rule = TierPolicy((Tier("普通"), Tier("常客", None, 3, None, 2)))
    assert orders_rule.rank_for(0, 9999, 2) == 0 and orders_rule.rank_for(0, 0, 3) == 1
    assert orders_rule.rank_for(1, 0, 2) == 1 and orders_rule.rank_for(1, 0, 1) == 0


def _buy(store, buyer_id: int, order_id: str, paid: float, at: float) -> None:
    orders.record(store, buyer_id, {"id": order_id, "status": "TRADE_FINISHED",
                                    "total": paid, "paid": paid, "created_at": at}, [])
    refresh_for_orders(store, [order_id], at)


def test_tiers_go_up_and_down_with_the_window_and_history(shop, clock):
    wang = agent(shop, "wang")
    save_policy(shop, wang, SILVER_GOLD, clock())
    buyer = conversations.ensure_buyer(shop, "丁", "VIP", clock())
    start = clock()
    _buy(shop, buyer, "D1", 120, start)
    assert customers.get(shop, buyer).tier == "银卡"
    _buy(shop, buyer, "D2", 200, start + DAY)
    assert customers.get(shop, buyer).tier == "金卡"
    recompute(shop, start + 30.5 * DAY)    # D1 left the window: 200 keeps gold
    assert customers.get(shop, buyer).tier == "金卡"
    recompute(shop, start + 40 * DAY)      # nothing left in the window
    lowered = customers.open_file(shop, buyer)
    assert lowered.customer.tier == "普通" and lowered.customer.tier_since == start + 40 * DAY
    history = [(h.old, h.new, h.reason) for h in reversed(lowered.history) if h.kind == "tier"]
    # The channel said VIP; the shop's rules decide from the first purchase on.
    assert history == [("VIP", "银卡", "导入订单后按会员规则重算"),
                       ("银卡", "金卡", "导入订单后按会员规则重算"),
                       ("金卡", "普通", "按会员规则计算")]


def test_in_upgrade_only_mode_a_tier_is_never_lost(shop, clock):
    save_policy(shop, agent(shop, "wang"), replace(SILVER_GOLD, mode=tiers.UPGRADE_ONLY), clock())
    buyer = conversations.ensure_buyer(shop, "丁", "普通", clock())
    _buy(shop, buyer, "D1", 350, clock())
    recompute(shop, clock() + 400 * DAY)
    assert customers.get(shop, buyer).tier == "金卡"


def test_the_badge_shows_the_tier_the_rules_give_not_the_channels(shop, clock):
    say(shop, "新客", "你好", "2025-11-24 12:00")
    assert conversations.latest_for_buyer(shop, "新客").buyer_tier == "普通"
    jia = customers.by_nick(shop, "甲")
    assert jia.tier == "高级"       # 370 in a year, the default rules


def test_changing_the_rules_recomputes_everyone_and_keeps_who_changed_it(shop, clock):
    wang = agent(shop, "wang")
    renamed = replace(tiers.DEFAULT_POLICY, tiers=(
        tiers.DEFAULT_POLICY.tiers[0], replace(tiers.DEFAULT_POLICY.tiers[1], name="银牌会员"),
        *tiers.DEFAULT_POLICY.tiers[2:]))
    result = save_policy(shop, wang, renamed, clock())
    jia = customers.open_file(shop, customers.by_nick(shop, "甲").buyer_id)
    assert jia.customer.tier == "银牌会员" and result.tier_changes == 1
    latest = jia.history[0]
    assert (latest.old, latest.new, latest.reason, latest.agent_name) == (
        "高级", "银牌会员", "会员规则调整后重算", "王主管")
    assert customers.policy(shop).tiers[1].name == "银牌会员"


def test_only_a_supervisor_edits_the_tiers(shop, clock):
    with pytest.raises(Refused, match="只能由主管"):
        save_policy(shop, agent(shop, "xiaoman"), SILVER_GOLD, clock())
    assert customers.policy(shop) == tiers.DEFAULT_POLICY


@pytest.mark.parametrize(("policy", "words"), [
    (TierPolicy((Tier("普通"),)), "2 到 8 级"),
    (TierPolicy((Tier("普通"), Tier("普通", 10))), "不能重复"),
    (TierPolicy((Tier("普通"), Tier("银 卡", 10))), "不能有空格"),
    (TierPolicy((Tier("普通"), Tier("银卡"))), "需要升级条件"),
    (TierPolicy((Tier("普通"), Tier("银卡", 100, None, 150))), "保级条件不能高于升级条件"),
    (TierPolicy((Tier("普通"), Tier("银卡", 300), Tier("金卡", 100))), "不能低于银卡"),
    (TierPolicy((Tier("普通"), Tier("银卡", -1))), "负数"),
    (TierPolicy((Tier("普通"), Tier("银卡", 10)), "sometimes"), "成长模式"),
])
def test_bad_rules_are_refused(policy, words):
    with pytest.raises(Refused, match=words):
        tiers.checked(policy)


def test_a_damaged_saved_policy_falls_back_to_the_default():
    assert tiers.parse("{not json") == tiers.DEFAULT_POLICY
    assert tiers.parse('{"tiers": [{"name": "only"}]}') == tiers.DEFAULT_POLICY


def test_every_class_and_mark_has_its_own_index():
    from workbench.store import customers as rows

    assert sorted(bit for _, bit, _ in customers.MARKS) == list(rows.MARK_BITS)
