"""Practice results in the real store: one row per session with its scores (never the
practice conversation), and the trainer's class view — trainees, sessions, scores and
their trend — with its XLSX export.

Who reads what: trainers and supervisors everybody's results; anybody else only their own.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from pathlib import Path

from workbench import accounts, timefmt
from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.store import Store, events
from workbench.store import training as rows
from workbench.training.play import Scorecard

WINDOW, SCRIPT = "window", "script"
SOURCE_NAMES = {WINDOW: "窗口练习", SCRIPT: "脚本回放"}
TREND_SESSIONS = 3       # the trend compares the latest sessions with as many before them


@dataclass(frozen=True)
class SessionRecord:
    id: int
    trainee_id: int
    trainee_name: str
    trainee_display: str
    scenario_key: str
    scenario_title: str
    started_at: float
    ended_at: float
    score: float
    checklist_score: float | None
    points_hit: int
    points_total: int
    within_time: int
    source: str
    card: str

    @property
    def trainee(self) -> str:
        return self.trainee_display or self.trainee_name

    @property
    def missed_points(self) -> list[str]:
        return [p["label"] for p in json.loads(self.card).get("points", ()) if not p["covered"]]

    @property
    def failed_rules(self) -> list[str]:
        return [rule for rule, r in json.loads(self.card).get("checklist", {}).items()
                if r["result"] == "fail"]


def record_session(store: Store, trainee, card: Scorecard, now: float,
                   source: str = WINDOW) -> Changes:
    """Keep a session's scores for the trainee (who played it)."""
    if trainee is None or not trainee.active:
        raise Refused("请先登录。", "Please sign in first.")
    summary = {
        "checklist": {rule: {"result": r.result, "note": r.note}
                      for rule, r in card.verdict.results.items()},
        "points": [{"label": p.label, "covered": p.covered} for p in card.points],
        "duration_s": card.duration_s,
    }
    values = {"trainee_id": trainee.id, "scenario_key": card.scenario.key,
              "scenario_title": card.scenario.title, "started_at": card.played.started_at,
              "ended_at": card.played.ended_at, "score": card.score,
              "checklist_score": card.verdict.score, "points_hit": card.points_hit,
              "points_total": len(card.points), "within_time": int(card.played.within_time),
              "source": source, "card": json.dumps(summary, ensure_ascii=False)}
    with store.transaction():
        session_id = rows.insert_session(store, values)
        events.record(store, now, trainee.id, "training.session", f"training_session:{session_id}",
                      {"scenario": card.scenario.key, "score": card.score})
    return Changes(training_results=frozenset({trainee.id}))


def visible_trainee(store: Store, viewer, name: str | None) -> int | None:
    """Whose results ``viewer`` asks for: anybody's (None: everybody's) for a trainer or a
    supervisor; their own for everyone else."""
    if viewer is None or not viewer.active:
        raise Refused("请先登录。", "Please sign in first.")
    target = None
    if name is not None:
        target = accounts.by_name(store, name) or accounts.by_display_name(store, name)
        if target is None:
            raise Refused(f"没有账号 {name}。", f"There is no account {name}.")
    if permissions.allowed(viewer.role, permissions.READ_TRAINING_RESULTS):
        return None if target is None else target.id
    if target is not None and target.id != viewer.id:
        raise Refused("只能查看自己的练习成绩；查看其他人的需要培训师或主管。",
                      "You may read only your own results; others' need a trainer or a "
                      "supervisor.")
    return viewer.id


def sessions(store: Store, viewer, trainee: str | None = None, since: float | None = None,
             until: float | None = None) -> list[SessionRecord]:
    """The sessions ``viewer`` may read, oldest first."""
    trainee_id = visible_trainee(store, viewer, trainee)
    return [SessionRecord(**dict(row)) for row in rows.sessions(store, trainee_id, since, until)]


# --- the class view ----------------------------------------------------------------------------

@dataclass(frozen=True)
class TraineeSummary:
    agent_id: int
    name: str
    display_name: str
    sessions: int
    average: float | None
    latest: float | None
    best: float | None
    trend: float | None          # the latest sessions' mean minus the mean before them
    typing_speed: float | None   # the best typing test, characters per minute
    typing_accuracy: float | None

    @property
    def trainee(self) -> str:
        return self.display_name or self.name


def trend(scores: list[float]) -> float | None:
    """The mean of the latest k scores minus the mean of the k before them, k being
    TREND_SESSIONS or half the sessions if fewer; None with fewer than two sessions."""
    k = min(TREND_SESSIONS, len(scores) // 2)
    if k == 0:
        return None
    return round(statistics.fmean(scores[-k:]) - statistics.fmean(scores[-2 * k:-k]), 1)


def class_report(store: Store, viewer) -> list[TraineeSummary]:
    """Every trainee ``viewer`` may see: each active agent, and anybody with results."""
    from workbench.training import typing_speed

    trainee_id = visible_trainee(store, viewer, None)
    by_trainee: dict[int, list[SessionRecord]] = {}
    for record in sessions(store, viewer):
        by_trainee.setdefault(record.trainee_id, []).append(record)
    best_typing = {}
    for test in typing_speed.results(store, viewer):
        held = best_typing.get(test.agent_id)
        if held is None or test.speed > held.speed:
            best_typing[test.agent_id] = test
    people = [agent for agent in accounts.all_agents(store)
              if (trainee_id is None or agent.id == trainee_id)
              and ((agent.role == "agent" and agent.active) or agent.id in by_trainee
                   or agent.id in best_typing)]
    found = []
    for agent in people:
        scores = [record.score for record in by_trainee.get(agent.id, ())]
        test = best_typing.get(agent.id)
        found.append(TraineeSummary(
            agent.id, agent.name, agent.display_name, len(scores),
            round(statistics.fmean(scores), 1) if scores else None,
            scores[-1] if scores else None, max(scores) if scores else None, trend(scores),
            test.speed if test else None, test.accuracy if test else None))
    return found


CLASS_HEADER = ("客服", "账号", "练习次数", "平均分", "最近得分", "最高分", "趋势",
                "打字速度（字/分钟）", "打字准确率")
SESSION_HEADER = ("开始时间", "客服", "情景", "得分", "规范得分", "要点", "时限内", "来源",
                  "没做到的要点")
TYPING_HEADER = ("时间", "客服", "速度（字/分钟）", "准确率", "用时（秒）", "达标")


def export_xlsx(store: Store, viewer, path: Path) -> int:
    """The class view as XLSX: trainees, every session, every typing test; returns how
    many sessions were written."""
    from workbench.filewriter import XlsxBook
    from workbench.training import typing_speed

    book = XlsxBook()
    book.sheet("学员", CLASS_HEADER, (12, 12, 10, 10, 10, 10, 10, 18, 12))
    for row in class_report(store, viewer):
        book.append([row.trainee, row.name, row.sessions, row.average, row.latest, row.best,
                     row.trend, row.typing_speed,
                     None if row.typing_accuracy is None else round(row.typing_accuracy, 3)])
    book.sheet("练习记录", SESSION_HEADER, (18, 12, 20, 8, 10, 8, 8, 10, 40))
    records = sessions(store, viewer)
    for record in records:
        book.append([timefmt.minute(record.started_at), record.trainee, record.scenario_title,
                     record.score, record.checklist_score,
                     f"{record.points_hit}/{record.points_total}",
                     "是" if record.within_time else "否",
                     SOURCE_NAMES.get(record.source, record.source),
                     "、".join(record.missed_points)])
    book.sheet("打字测试", TYPING_HEADER, (18, 12, 16, 10, 10, 8))
    for test in typing_speed.results(store, viewer):
        book.append([timefmt.minute(test.started_at), test.agent, test.speed,
                     round(test.accuracy, 3), test.seconds, "是" if test.passed else "否"])
    book.save(path)
    return len(records)
