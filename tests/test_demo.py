from workbench import accounts, handover, orders, quickphrases
from workbench.store import people

REQUIRED_GROUPS = {"问候", "尺码", "色差", "气味", "议价", "质量", "包邮", "快递", "货到付款",
                   "发货", "结束语", "错发漏发", "质量问题", "退换货", "物流慢", "评价回复"}


def test_demo_shop_has_signed_in_agent_orders_in_every_state_phrases_and_todos(demo_store):
    assert accounts.current(demo_store).display_name == "小满"
    statuses = set()
    for number in range(1, people.count_buyers(demo_store) + 1):
        statuses |= {order.status for order in orders.for_buyer(demo_store, number)}
    assert statuses == set(orders.STATUS_NAMES)
    groups = {phrase.group_name for phrase in quickphrases.all_phrases(demo_store)}
    assert REQUIRED_GROUPS <= groups
    assert len(handover.open_items(demo_store)) >= 2


def test_demo_is_seeded_only_into_an_empty_store(demo_store, clock):
    from workbench import demo

    assert demo.seed_if_empty(demo_store, clock()) is False
    assert len(accounts.all_agents(demo_store)) == 4
