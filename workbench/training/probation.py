"""Probation (考核期): a new agent's first month, graded as the course grades it.

The month starts on the day a supervisor sets (入职日期), else on the day the account was
made, and runs one calendar month: started 2025-11-24, its last day is 2025-12-23. Over
that month (up to today while it runs) the dashboard shows the enquiry conversion with
the course's grade (below 50 % fails, 70 % and above is the best grade), the checklist's average
score, the best typing speed, and the practice sessions with their average.
"""

from __future__ import annotations

import calendar
import datetime as dt
import statistics
from dataclasses import dataclass

from workbench import accounts
from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.store import Store, events
from workbench.store import training as rows

# Ended probations stay on the dashboard this many days after their last day.
SHOWN_AFTER_END_DAYS = 31


def month_after(day: dt.date) -> dt.date:
    """The same day a month later (the month's last day where it has no such day)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _midnight(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day).timestamp()


@dataclass(frozen=True)
class Probation:
    agent_id: int
    name: str
    display_name: str
    first_day: dt.date
    last_day: dt.date           # the month's last day (inclusive)
    today: dt.date

    @property
    def agent(self) -> str:
        return self.display_name or self.name

    @property
    def ended(self) -> bool:
        return self.today > self.last_day

    @property
    def days_left(self) -> int:
        """Days still to go, today included (0 once ended)."""
        return max(0, (self.last_day - self.today).days + 1)

    def period(self, now: float) -> tuple[float, float]:
        """[start, end) of what has happened so far of the month."""
        return _midnight(self.first_day), min(now, _midnight(self.last_day) + 86400.0)


@dataclass(frozen=True)
class ProbationFigures:
    probation: Probation
    enquiries: int
    enquiry_conversion: float | None
    grade: str | None
    checked: int
    checklist_average: float | None
    typing_speed: float | None
    typing_accuracy: float | None
    practice_sessions: int
    practice_average: float | None

    def as_json(self) -> dict:
        p = self.probation
        return {"agent": p.name, "first_day": p.first_day.isoformat(),
                "last_day": p.last_day.isoformat(), "ended": p.ended, "days_left": p.days_left,
                "enquiries": self.enquiries, "enquiry_conversion": self.enquiry_conversion,
                "grade": self.grade, "checked": self.checked,
                "checklist_average": self.checklist_average, "typing_speed": self.typing_speed,
                "typing_accuracy": self.typing_accuracy,
                "practice_sessions": self.practice_sessions,
                "practice_average": self.practice_average}


def first_day(store: Store, agent) -> dt.date:
    """The probation's first day: as a supervisor set it, else the account's creation."""
    stored = rows.probation_start(store, agent.id)
    if stored:
        return dt.date.fromisoformat(stored)
    created = rows.agent_created_at(store, agent.id)
    return dt.date.fromtimestamp(created) if created else dt.date.today()


def probation_of(store: Store, agent, now: float) -> Probation:
    start = first_day(store, agent)
    return Probation(agent.id, agent.name, agent.display_name, start,
                     month_after(start) - dt.timedelta(days=1), dt.date.fromtimestamp(now))


def set_first_day(store: Store, by, name: str, day: str, now: float) -> Changes:
    """A supervisor sets when an agent's probation started (入职日期)."""
    permissions.require(by, permissions.MANAGE_ACCOUNTS)
    agent = accounts.by_name(store, name) or accounts.by_display_name(store, name)
    if agent is None:
        raise Refused(f"没有账号 {name}。", f"There is no account {name}.")
    try:
        parsed = dt.date.fromisoformat(day.strip())
    except ValueError:
        raise Refused(f"日期 {day} 应写成 YYYY-MM-DD。", f"Write the day {day} as YYYY-MM-DD.")\
            from None
    with store.transaction():
        rows.put_probation_start(store, agent.id, parsed.isoformat(), by.id, now)
        events.record(store, now, by.id, "probation.start", f"agent:{agent.id}",
                      {"day": parsed.isoformat()})
    return Changes(training_results=frozenset({agent.id}))


def on_probation(store: Store, viewer, now: float) -> list[Probation]:
    """Whose probation the dashboard shows: for a supervisor, every active agent whose month
    runs now, lies ahead or ended less than SHOWN_AFTER_END_DAYS ago; for anybody else,
    their own."""
    if viewer is None or not viewer.active:
        raise Refused("请先登录。", "Please sign in first.")
    if not permissions.allowed(viewer.role, permissions.READ_ALL_FIGURES):
        return [probation_of(store, viewer, now)]
    today = dt.date.fromtimestamp(now)
    found = [probation_of(store, agent, now) for agent in accounts.all_agents(store)
             if agent.role == "agent" and agent.active]
    return sorted((p for p in found
                   if (today - p.last_day).days <= SHOWN_AFTER_END_DAYS),
                  key=lambda p: (p.ended, p.first_day, p.name))


def figures(store: Store, viewer, now: float) -> list[ProbationFigures]:
    """The probation figures of everyone ``viewer`` may see (reads a month of work per
    agent: run it off the GUI thread)."""
    from workbench import standards
    from workbench.standards import transcripts
    from workbench.supervision import metrics
    from workbench.training import results, typing_speed

    found = []
    standard = standards.load_standard(store)
    for probation in on_probation(store, viewer, now):
        since, until = probation.period(now)
        enquiries, conversion, grade, checked, average = 0, None, None, 0, None
        if until > since:
            team = metrics.report(store, viewer, since, until, now, agent=probation.name).team
            enquiries, conversion, grade = (team.enquiries, team.enquiry_conversion,
                                            team.conversion_grade)
            scores = [v.score for v in standards.check_many(
                transcripts.period(store, since, until, probation.name), standard, now)
                if v.score is not None]
            checked = len(scores)
            average = round(statistics.fmean(scores), 1) if scores else None
        month_end = _midnight(probation.last_day) + 86400.0
        tests = typing_speed.results(store, viewer, probation.name, _midnight(
            probation.first_day), month_end)
        best = max(tests, key=lambda t: t.speed, default=None)
        played = results.sessions(store, viewer, probation.name, _midnight(probation.first_day),
                                  month_end)
        found.append(ProbationFigures(
            probation, enquiries, conversion, grade, checked, average,
            best.speed if best else None, best.accuracy if best else None, len(played),
            round(statistics.fmean(r.score for r in played), 1) if played else None))
    return found
