import datetime as dt
import json

import pytest

from workbench import accounts
from workbench.changes import Refused
from workbench.handover import shifts
from workbench.handover.shifts import Shift
from workbench.store import settings


def at(hour: int, minute: int = 0, day: int = 24) -> float:
    return dt.datetime(2025, 11, day, hour, minute).timestamp()


def test_the_default_schedule_has_a_day_and_an_overnight_shift(demo_store):
    day, night = shifts.schedule(demo_store)
    assert day.label == "白班 09:00–18:00"
    assert night.label == "晚班 18:00–次日 01:00"
    assert night.overnight and not day.overnight


@pytest.mark.parametrize(("moment", "expected"), [
    (at(9), "白班"), (at(17, 59), "白班"), (at(18), "晚班"), (at(23, 30), "晚班"),
    (at(0, 30, day=25), "晚班"), (at(1, 0, day=25), None), (at(5), None),
])
def test_the_shift_running_at_a_moment(demo_store, moment, expected):
    found = shifts.shift_at(shifts.schedule(demo_store), moment)
    assert (found.name if found else None) == expected


def test_an_overnight_shift_window_spans_midnight():
    night = Shift("晚班", "18:00", "01:00")
    assert night.window(at(0, 30, day=25)) == (at(18), at(1, 0, day=25))
    assert night.window(at(20)) == (at(18), at(1, 0, day=25))


def test_a_supervisor_sets_the_schedule_kept_as_json_in_settings(demo_store, clock):
    wang = accounts.by_name(demo_store, "wang")
    schedule = [Shift("早班", "08:00", "16:00", ("xiaoman",)),
                Shift("夜班", "16:00", "00:30", ("ajie",))]
    shifts.set_schedule(demo_store, schedule, wang, clock())
    stored = json.loads(settings.get(demo_store, shifts.SCHEDULE_KEY))
    assert stored[1] == {"name": "夜班", "start": "16:00", "end": "00:30", "agents": ["ajie"]}
    assert shifts.schedule(demo_store) == schedule
    xiaoman = accounts.by_name(demo_store, "xiaoman")
    assert shifts.shift_of(demo_store, xiaoman, at(3)).name == "早班"  # listed, not running


def test_an_agent_cannot_change_the_schedule(demo_store, agent, clock):
    with pytest.raises(Refused, match="主管"):
        shifts.set_schedule(demo_store, [Shift("x", "09:00", "10:00")], agent, clock())


@pytest.mark.parametrize(("entries", "reason"), [
    ([{"name": "", "start": "09:00", "end": "18:00"}], "没有名称"),
    ([{"name": "白班", "start": "9点", "end": "18:00"}], "HH:MM"),
    ([{"name": "白班", "start": "09:00", "end": "09:00"}], "相同"),
    ([{"name": "a", "start": "09:00", "end": "18:00"},
      {"name": "a", "start": "18:00", "end": "20:00"}], "重复"),
])
def test_a_wrong_schedule_is_refused_saying_which_shift(entries, reason):
    with pytest.raises(Refused, match=reason):
        shifts.parse(entries)


def test_an_unknown_agent_in_a_shift_is_refused(demo_store, clock):
    wang = accounts.by_name(demo_store, "wang")
    with pytest.raises(Refused, match="不存在"):
        shifts.set_schedule(demo_store, [Shift("白班", "09:00", "18:00", ("ghost",))], wang,
                            clock())


def test_a_damaged_setting_falls_back_to_the_default(demo_store):
    settings.put(demo_store, shifts.SCHEDULE_KEY, "{not json")
    assert [s.name for s in shifts.schedule(demo_store)] == ["白班", "晚班"]
