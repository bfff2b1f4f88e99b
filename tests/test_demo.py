from workbench import accounts, handover, orders
from workbench.store import people


def test_demo_shop_has_signed_in_agent_orders_in_every_state_and_todos(demo_store):
    assert accounts.current(demo_store).display_name == "小满"
    statuses = set()
    for number in range(1, people.count_buyers(demo_store) + 1):
        statuses |= {order.status for order in orders.for_buyer(demo_store, number)}
    assert statuses == set(orders.STATUS_NAMES)
    assert len(handover.open_items(demo_store)) >= 2


def test_demo_is_seeded_only_into_an_empty_store(demo_store, clock):
    from workbench import demo

    assert demo.seed_if_empty(demo_store, clock()) is False
    assert len(accounts.all_agents(demo_store)) == 4
