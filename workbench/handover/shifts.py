"""Shifts (班次): the team's schedule, kept as JSON in the settings table.

A shift has a name, a start and an end (local ``HH:MM``); an end not after the start
means the next day (晚班 18:00–次日 01:00). A shift may list the agents who work it
(login names); an agent on no listed shift belongs to whichever shift is running.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from workbench import timefmt
from workbench.accounts import Agent, permissions
from workbench.changes import Changes, Refused
from workbench.store import Store, events, people, settings

SCHEDULE_KEY = "handover.shifts"
TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Shift:
    name: str
    start: str
    end: str
    agents: tuple[str, ...] = ()

    @property
    def overnight(self) -> bool:
        return self.end <= self.start

    @property
    def label(self) -> str:
        return f"{self.name} {self.start}–{'次日 ' if self.overnight else ''}{self.end}"

    def window(self, when: float) -> tuple[float, float]:
        """The occurrence of this shift running at ``when``, or else the latest one that
        started before it."""
        moment = timefmt.local(when)
        start_h, start_m = _hm(self.start)
        end_h, end_m = _hm(self.end)
        start = moment.replace(hour=start_h, minute=start_m, second=0, microsecond=0)
        if start > moment:
            start -= dt.timedelta(days=1)
        end = start.replace(hour=end_h, minute=end_m)
        if self.overnight:
            end += dt.timedelta(days=1)
        return start.timestamp(), end.timestamp()

    def contains(self, when: float) -> bool:
        start, end = self.window(when)
        return start <= when < end

    def as_json(self) -> dict:
        return {"name": self.name, "start": self.start, "end": self.end,
                "agents": list(self.agents)}


DEFAULT_SCHEDULE = (Shift("白班", "09:00", "18:00"), Shift("晚班", "18:00", "01:00"))


def _hm(text: str) -> tuple[int, int]:
    hours, minutes = text.split(":")
    return int(hours), int(minutes)


def parse(data) -> list[Shift]:
    """Check a schedule given as a list of {name, start, end, agents}; Refused says what is
    wrong, shift by shift."""
    if not isinstance(data, list):
        raise Refused("班次表应是一个列表。", "The shift schedule must be a list.")
    result: list[Shift] = []
    for number, entry in enumerate(data, start=1):
        where = f"第 {number} 个班次"
        if not isinstance(entry, dict):
            raise Refused(f"{where}格式不对。", f"Shift {number} is not in the right form.")
        name = str(entry.get("name", "")).strip()
        if not name:
            raise Refused(f"{where}没有名称。", f"Shift {number} has no name.")
        if any(shift.name == name for shift in result):
            raise Refused(f"班次名称“{name}”重复了。", f"The shift name {name!r} appears twice.")
        times = []
        for key, word in (("start", "开始"), ("end", "结束")):
            value = str(entry.get(key, "")).strip()
            if len(value) == 4 and value[1] == ":":
                value = "0" + value
            if not TIME_PATTERN.match(value):
                raise Refused(f"{where}（{name}）的{word}时间“{value}”应写成 HH:MM，如 09:00。",
                              f"Shift {number} ({name}): the {key} time {value!r} must be "
                              "HH:MM, e.g. 09:00.")
            times.append(value)
        if times[0] == times[1]:
            raise Refused(f"{where}（{name}）的开始和结束时间相同。",
                          f"Shift {number} ({name}) starts and ends at the same time.")
        agents = entry.get("agents", [])
        if not isinstance(agents, list) or not all(isinstance(a, str) for a in agents):
            raise Refused(f"{where}（{name}）的客服名单格式不对。",
                          f"Shift {number} ({name}): the list of agents is not in the right form.")
        result.append(Shift(name, times[0], times[1],
                            tuple(a.strip() for a in agents if a.strip())))
    return result


def schedule(store: Store) -> list[Shift]:
    """The team's shifts; the default 白班/晚班 until a supervisor sets them."""
    text = settings.get(store, SCHEDULE_KEY)
    if not text:
        return list(DEFAULT_SCHEDULE)
    try:
        return parse(json.loads(text))
    except (ValueError, Refused):
        # A hand-edited setting that no longer parses: work on with the defaults.
        return list(DEFAULT_SCHEDULE)


def set_schedule(store: Store, shifts: list[Shift], agent: Agent, now: float) -> Changes:
    """Replace the schedule (supervisors only)."""
    permissions.require(agent, permissions.EDIT_TEAM_SETTINGS)
    checked = parse([shift.as_json() for shift in shifts])
    for shift in checked:
        for name in shift.agents:
            if people.agent_by_name(store, name) is None:
                raise Refused(f"班次“{shift.name}”里的客服“{name}”不存在。",
                              f"Shift {shift.name!r} names an agent who does not exist: {name}.")
    text = json.dumps([shift.as_json() for shift in checked], ensure_ascii=False)
    with store.transaction():
        settings.put(store, SCHEDULE_KEY, text)
        events.record(store, now, agent.id, "shifts.set", f"settings:{SCHEDULE_KEY}",
                      {"shifts": [shift.label for shift in checked]})
    return Changes()


def find(store: Store, name: str) -> Shift | None:
    return next((shift for shift in schedule(store) if shift.name == name), None)


def shift_at(shifts: list[Shift], when: float) -> Shift | None:
    return next((shift for shift in shifts if shift.contains(when)), None)


def shift_of(store: Store, agent: Agent, now: float) -> Shift | None:
    """The agent's shift: the one listing them (the running one if several), else the
    shift running now."""
    shifts = schedule(store)
    listed = [shift for shift in shifts if agent.name in shift.agents]
    if listed:
        return next((shift for shift in listed if shift.contains(now)), listed[0])
    return shift_at(shifts, now)
