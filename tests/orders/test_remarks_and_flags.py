import pytest

from workbench import accounts, orders, timefmt
from workbench.orders import RemarkRefused
from workbench.store import events

ORDER = "3515313147329357902"


def test_remark_is_appended_in_the_team_format(demo_store, agent, clock):
    orders.add_remark(demo_store, ORDER, agent, "9.2珠,中通  礼物", clock())
    (remark,) = orders.remarks(demo_store, ORDER)
    assert remark.formatted() == f"9.2珠,中通 礼物—小满—{timefmt.minute(clock())}"


def test_remarks_by_several_agents_keep_their_order_and_authors(demo_store, agent, clock):
    colleague = accounts.by_name(demo_store, "ajie")
    orders.add_remark(demo_store, ORDER, agent, "送发圈", clock())
    clock.advance(60)
    orders.add_remark(demo_store, ORDER, colleague, "改顺丰", clock())
    assert [r.agent_name for r in orders.remarks(demo_store, ORDER)] == ["小满", "阿杰"]


def test_memo_over_1000_bytes_is_refused_and_nothing_is_stored(demo_store, agent, clock):
    orders.add_remark(demo_store, ORDER, agent, "长" * 320, clock())  # 988 bytes with signature
    with pytest.raises(RemarkRefused, match="1000 字节"):
        orders.add_remark(demo_store, ORDER, agent, "再加一条", clock())
    assert len(orders.remarks(demo_store, ORDER)) == 1


def test_empty_remark_is_refused(demo_store, agent, clock):
    with pytest.raises(RemarkRefused):
        orders.add_remark(demo_store, ORDER, agent, "   ", clock())


def test_flag_change_is_recorded_in_history_and_audit_log(demo_store, agent, clock):
    # Blue needs a remark under the team's default policy; it goes in with the flag.
    orders.set_flag(demo_store, ORDER, agent, 4, clock(), remark="改发中通")
    assert orders.get(demo_store, ORDER).flag == 4
    (change,) = orders.flag_history(demo_store, ORDER)
    assert (change["old_flag"], change["new_flag"], change["agent_name"]) == (0, 4, "小满")
    assert [e["kind"] for e in events.for_subject(demo_store, f"order:{ORDER}")] == [
        "remark.add", "flag.set"]


def test_unknown_flag_is_refused(demo_store, agent, clock):
    with pytest.raises(RemarkRefused):
        orders.set_flag(demo_store, ORDER, agent, 42, clock())
