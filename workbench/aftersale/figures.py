"""After-sale figures for supervisors, per agent and for the team, as docs/metrics.md
("After-sale figures") defines them. `workbench metrics` and the dashboard's 售后 tab show
them.

A case belongs to the agent who opened it (an imported case to whoever imported it); a
refund to the agent who made it; an approval to the agent who asked for it.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from workbench import accounts
from workbench.accounts import permissions
from workbench.aftersale import BAD_REVIEW, CAUSES, KINDS
from workbench.changes import Refused
from workbench.store import Store
from workbench.store import aftersale as case_rows

HOUR = 3600.0
NO_CAUSE = "未注明"


@dataclass
class CaseFigures:
    opened: int = 0
    opened_by_kind: dict[str, int] = field(default_factory=dict)
    opened_by_cause: dict[str, int] = field(default_factory=dict)
    refunded_orders: int = 0
    paid_orders: int = 0
    refund_rate: float | None = None
    settled: int = 0
    resolve_median_hours: float | None = None
    overdue: int = 0
    overdue_share: float | None = None
    bad_reviews: int = 0
    bad_reviews_followed: int = 0
    bad_review_follow_share: float | None = None
    approvals_asked: int = 0
    approvals_granted: int = 0

    def as_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class FiguresReport:
    since: float
    until: float
    team: CaseFigures
    agents: dict[str, CaseFigures]

    def as_json(self) -> dict:
        return {"team": self.team.as_json(),
                "agents": {name: f.as_json() for name, f in self.agents.items()}}


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def report(store: Store, viewer, since: float, until: float, now: float,
           agent: str | None = None) -> FiguresReport:
    """The figures of [since, until) as ``viewer`` may see them: a supervisor the team and
    every agent, anybody else only their own. With ``agent``, the team's figures are that
    agent's."""
    if viewer is None or not viewer.active:
        raise Refused("请先登录。", "Sign in first.")
    if agent is None and not permissions.allowed(viewer.role, permissions.READ_ALL_FIGURES):
        agent = viewer.name
    only = None
    if agent is not None:
        account = accounts.by_name(store, agent)
        if account is None:
            raise Refused(f"没有客服账号 {agent}。", f"No account {agent}.")
        if account.id != viewer.id and not permissions.allowed(
                viewer.role, permissions.READ_ALL_FIGURES):
            raise Refused("只有主管可以查看团队和其他客服的服务数据。",
                          "Only a supervisor may read the team's or another agent's figures.")
        only = account.id
    if until <= since:
        raise Refused("统计时段的结束必须晚于开始。", "The period must end after it starts.")
    return compute(store, since, until, now, only)


def compute(store: Store, since: float, until: float, now: float,
            only: int | None = None) -> FiguresReport:
    names = {a.id: a.name for a in accounts.all_agents(store)}
    tallies: dict[int | None, _Tally] = defaultdict(_Tally)
    team = _Tally()

    def add(agent_id: int | None, fill) -> None:
        if only is None or agent_id == only:
            fill(team)
            fill(tallies[agent_id])

    for row in case_rows.opened_between(store, since, until):
        add(row["opened_by"], lambda t, row=row: t.opened(row, now))
    for row in case_rows.settled_between(store, since, until):
        add(row["opened_by"], lambda t, row=row: t.hours.append(
            (row["settled_at"] - row["opened_at"]) / HOUR))
    for row in case_rows.refunds_between(store, since, until):
        add(row["agent_id"], lambda t, row=row: t.refunded.add(row["order_id"]))
    for row in case_rows.approval_steps_between(store, since, until):
        add(row["asked_by"], lambda t, row=row: t.approval(row["step"]))
    paid = case_rows.paid_orders_between(store, since, until)
    agents = {names.get(agent_id, "?"): tally.figures(paid)
              for agent_id, tally in sorted(tallies.items(), key=lambda kv: kv[0] or 0)
              if agent_id is not None}
    return FiguresReport(since, until, team.figures(paid), agents)


class _Tally:
    def __init__(self) -> None:
        self.kinds: Counter[str] = Counter()
        self.causes: Counter[str] = Counter()
        self.overdue = 0
        self.bad_reviews = 0
        self.followed = 0
        self.hours: list[float] = []
        self.refunded: set[str] = set()
        self.asked = 0
        self.granted = 0

    def opened(self, row, now: float) -> None:
        self.kinds[row["kind"]] += 1
        self.causes[row["cause"] or NO_CAUSE] += 1
        late_now = row["due_at"] is not None and now > row["due_at"]
        if row["late_steps"] or late_now:
            self.overdue += 1
        if row["cause"] == BAD_REVIEW:
            self.bad_reviews += 1
            if row["visited_at"] is not None or row["review_changed_at"] is not None:
                self.followed += 1

    def approval(self, step: str) -> None:
        if step == "申请审批":
            self.asked += 1
        else:
            self.granted += 1

    def figures(self, paid_orders: int) -> CaseFigures:
        opened = sum(self.kinds.values())
        return CaseFigures(
            opened=opened,
            opened_by_kind={k: self.kinds[k] for k in KINDS if self.kinds[k]},
            opened_by_cause={c: self.causes[c] for c in (*CAUSES, NO_CAUSE) if self.causes[c]},
            refunded_orders=len(self.refunded), paid_orders=paid_orders,
            refund_rate=_rate(len(self.refunded), paid_orders),
            settled=len(self.hours),
            resolve_median_hours=round(statistics.median(self.hours), 1)
            if self.hours else None,
            overdue=self.overdue, overdue_share=_rate(self.overdue, opened),
            bad_reviews=self.bad_reviews, bad_reviews_followed=self.followed,
            bad_review_follow_share=_rate(self.followed, self.bad_reviews),
            approvals_asked=self.asked, approvals_granted=self.granted)


# The figures `workbench metrics` prints, with their Chinese names.
FIGURE_LABELS = (
    ("opened", "售后开单数"), ("refund_rate", "退款率"),
    ("resolve_median_hours", "解决用时中位数（小时）"), ("overdue_share", "超时占比"),
    ("bad_reviews", "差评单数"), ("bad_review_follow_share", "差评跟进率"),
    ("approvals_asked", "申请审批"), ("approvals_granted", "批准"),
)


def text_lines(report: FiguresReport) -> list[str]:
    """The figures as tab-separated lines: the team, then each agent; then the cases
    opened by kind and by cause."""
    columns = [("团队", report.team), *report.agents.items()]
    lines = ["\t".join(["售后", *(name for name, _ in columns)])]
    for key, label in FIGURE_LABELS:
        lines.append("\t".join([label, *(_cell(getattr(f, key)) for _, f in columns)]))
    for key, names in (("opened_by_kind", KINDS), ("opened_by_cause", (*CAUSES, NO_CAUSE))):
        for name in names:
            counts = [getattr(f, key).get(name, 0) for _, f in columns]
            if any(counts):
                lines.append("\t".join([f"  {name}", *map(str, counts)]))
    return lines


def _cell(value) -> str:
    return "—" if value is None else str(value)
