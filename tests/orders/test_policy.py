import json
from dataclasses import replace

import pytest

from workbench import accounts, orders
from workbench.changes import Refused
from workbench.orders import policy
from workbench.store import events, settings

ORDER = "3515313147329357902"


def supervisor(store):
    return accounts.by_name(store, "wang")


def test_the_default_policy_is_the_seeds_policy(demo_store):
    team = policy.load(demo_store)
    assert team.rule(1).meaning == "改地址、加赠品等常规备注"
    assert team.rule(4).meaning == "快递相关"
    assert team.rule(5).meaning == "更换款式、尺码或颜色"
    assert team.rule(2).forbidden
    assert team.rule(3).meaning == "催付后的备注"
    assert all(team.rule(flag).remark_required for flag in (1, 3, 4, 5))
    assert team.rule(1).describe() == "红旗：改地址、加赠品等常规备注（需同时写备注）"


def test_a_supervisor_changes_the_policy_and_it_is_kept_as_json(demo_store, clock, agent):
    team = policy.load(demo_store)
    changed = team.with_rule(replace(team.rule(2), forbidden=False, meaning="售后跟进",
                                     remark_required=False))
    changed = changed.with_rule(replace(changed.rule(4), forbidden=True, reason="快递改用紫旗"))
    policy.save(demo_store, supervisor(demo_store), changed, clock())
    stored = json.loads(settings.get(demo_store, policy.POLICY_KEY))
    assert stored["flags"]["2"]["meaning"] == "售后跟进"
    orders.set_flag(demo_store, ORDER, agent, 2, clock())
    assert orders.get(demo_store, ORDER).flag == 2
    with pytest.raises(Refused, match="快递改用紫旗"):
        orders.set_flag(demo_store, ORDER, agent, 4, clock(), remark="中通")
    (event,) = events.for_subject(demo_store, "settings:" + policy.POLICY_KEY)
    assert event["kind"] == "flag_policy.set"


def test_an_agent_may_not_change_the_policy(demo_store, clock, agent):
    team = policy.load(demo_store)
    with pytest.raises(Refused, match="只能由主管修改"):
        policy.save(demo_store, agent, team.with_rule(replace(team.rule(2), forbidden=False)),
                    clock())
    assert policy.load(demo_store) == policy.DEFAULT_POLICY


def test_no_flag_cannot_be_forbidden_and_meanings_are_required(demo_store, clock):
    team = policy.load(demo_store)
    with pytest.raises(Refused, match="不能禁用"):
        policy.save(demo_store, supervisor(demo_store),
                    team.with_rule(replace(team.rule(0), forbidden=True)), clock())
    with pytest.raises(Refused, match="请写明红旗的含义"):
        policy.save(demo_store, supervisor(demo_store),
                    team.with_rule(replace(team.rule(1), meaning="  ")), clock())


def test_an_unreadable_stored_policy_falls_back_to_the_default(demo_store):
    settings.put(demo_store, policy.POLICY_KEY, "{not json")
    assert policy.load(demo_store) == policy.DEFAULT_POLICY


def test_dispatch_time_is_a_supervisor_setting(demo_store, clock, agent):
    assert policy.dispatch_time(demo_store) == (16, 0)
    with pytest.raises(Refused):
        policy.set_dispatch_time(demo_store, agent, "17:30", clock())
    with pytest.raises(Refused, match="看不懂"):
        policy.set_dispatch_time(demo_store, supervisor(demo_store), "5pm", clock())
    policy.set_dispatch_time(demo_store, supervisor(demo_store), "17:30", clock())
    assert policy.dispatch_time(demo_store) == (17, 30)
