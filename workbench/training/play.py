"""Playing a scenario and scoring it: the simulated buyer's branches, a scripted replay on
a simulated clock (``workbench training play``), and the scorecard — the service
standard's checklist plus the scenario's key points, with what to improve.

Qt-free: the practice window's channel asks the same :class:`Buyer` what to say, and its
session is scored by the same :func:`scorecard`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from workbench import standards
from workbench.filereader import FileRefused, read_text
from workbench.standards import Line, Order, Standard, Transcript, Verdict
from workbench.textnorm import match_key
from workbench.training.scenarios import Branch, Scenario

OPENING_GAP_S = 3.0      # between the buyer's opening lines, in a replay
BUYER_REPLY_S = 15.0     # the buyer's answer comes this long after the agent's line
DEFAULT_REPLY_S = 10.0   # a script line without +SECONDS
CHECKLIST_SHARE = 0.5    # the session's score: half the checklist, half the key points
_SCRIPT_LINE = re.compile(r"^\+(\d+(?:\.\d+)?)\s+(\S.*)$")


@dataclass
class Buyer:
    """The simulated buyer of one session: each branch answers once, in the scenario's
    order; when none matches, the next default reply; then nothing. After a branch that
    ends the conversation the buyer says no more."""

    scenario: Scenario
    used: set[int] = field(default_factory=set)
    defaults_used: int = 0
    done: bool = False

    def respond(self, agent_text: str) -> Branch | None:
        if self.done:
            return None
        key = match_key(agent_text)
        for number, branch in enumerate(self.scenario.branches):
            if number not in self.used and branch.matches(key):
                self.used.add(number)
                self.done = branch.ends
                return branch
        if self.defaults_used < len(self.scenario.default):
            self.defaults_used += 1
            return Branch((), self.scenario.default[self.defaults_used - 1])
        return None


# --- scripts ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ScriptLine:
    number: int            # the line in the file, for messages
    seconds: float         # after the buyer's last message (or the agent's, if later)
    text: str


def parse_script(text: str, path: Path | None = None) -> list[ScriptLine]:
    """The agent's lines: one message per line, ``+SECONDS TEXT`` to say when it is sent;
    blank lines and lines starting with ``#`` are skipped."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("+"):
            matched = _SCRIPT_LINE.match(line)
            if matched is None:
                raise FileRefused(path or Path("-"), "应写成“+秒数 内容”，例如 +20 您好",
                                  "write +SECONDS TEXT, for example +20 hello", row=number)
            found.append(ScriptLine(number, float(matched.group(1)), matched.group(2)))
        else:
            found.append(ScriptLine(number, DEFAULT_REPLY_S, line))
    if not found:
        raise FileRefused(path or Path("-"), "脚本里没有客服的消息", "the script holds no lines")
    return found


def read_script(path: Path) -> list[ScriptLine]:
    return parse_script(read_text(path), path)


# --- a replay on a simulated clock ---------------------------------------------------------

@dataclass(frozen=True)
class Played:
    """A session as it happened: its transcript, when it began and ended, and whether the
    agent finished within the scenario's time limit."""

    transcript: Transcript
    started_at: float
    ended_at: float
    within_time: bool


def order_id(scenario: Scenario, started_at: float) -> str:
    """The practice order's number (LX for 练习) is never a real one."""
    return f"LX{int(started_at)}"


def replay(scenario: Scenario, script: list[ScriptLine], start: float,
           trainee: str | None = None) -> Played:
    """Play ``script`` against the scenario's buyer. The buyer opens at ``start``; each
    line goes out its seconds after the buyer's last message (or after the agent's own
    previous line, when the buyer had nothing to say since); the buyer answers
    BUYER_REPLY_S later. Lines past the time limit are never sent."""
    buyer = Buyer(scenario)
    lines: list[Line] = []
    at = start
    for number, text in enumerate(scenario.opening):
        at = start + number * OPENING_GAP_S
        lines.append(Line(at, "buyer", text))
    deadline = start + scenario.time_limit_s
    paid_at = None
    within_time = True
    for entry in script:
        at = lines[-1].at + entry.seconds
        if at > deadline:
            within_time = False
            break
        lines.append(Line(at, "agent", entry.text, trainee or "trainee"))
        answer = buyer.respond(entry.text)
        if answer is not None:
            lines.append(Line(at + BUYER_REPLY_S, "buyer", answer.reply))
            if answer.pays and paid_at is None:
                paid_at = at + BUYER_REPLY_S
    ended_at = deadline if not within_time else lines[-1].at
    transcript = Transcript(f"练习-{scenario.key}", trainee or "trainee", tuple(lines),
                            _orders(scenario, start, paid_at), buyer=scenario.buyer)
    return Played(transcript, start, ended_at, within_time)


def _orders(scenario: Scenario, start: float, paid_at: float | None) -> tuple[Order, ...]:
    context = scenario.order
    if context is None:
        return ()
    created = start - context.placed_minutes_ago * 60
    if context.status != "WAIT_BUYER_PAY":
        paid_at = created + 60 if paid_at is None else paid_at
    return (Order(order_id(scenario, start), created, paid_at, context.address),)


# --- the scorecard -----------------------------------------------------------------------------

@dataclass(frozen=True)
class PointResult:
    label: str
    covered: bool
    evidence: tuple[int, ...]   # the transcript's lines that cover it (the first one)
    tip: str


@dataclass(frozen=True)
class Scorecard:
    scenario: Scenario
    trainee: str | None
    played: Played
    verdict: Verdict
    points: tuple[PointResult, ...]
    score: float

    @property
    def points_hit(self) -> int:
        return sum(point.covered for point in self.points)

    @property
    def duration_s(self) -> float:
        return round(self.played.ended_at - self.played.started_at, 1)

    def improvements(self) -> list[str]:
        """What to do better, in Chinese: the missed key points, the failed rules, the
        time limit."""
        found = [f"要点“{p.label}”没有做到" + (f"：{p.tip}" if p.tip else "。")
                 for p in self.points if not p.covered]
        for rule in self.verdict.failed():
            result = self.verdict.results[rule]
            spec = standards.RULES_BY_ID[rule]
            found.append(f"按规范做到“{spec.name}”：{spec.standard}"
                         + (f"（{result.note}）" if result.note else ""))
        if not self.played.within_time:
            found.append(f"在 {self.scenario.time_limit_s // 60} 分钟的时限内完成接待。")
        return found

    def as_json(self, with_lines: bool = False) -> dict:
        from workbench.supervision.logfiles import format_time

        lines = self.played.transcript.lines
        data = {
            "scenario": self.scenario.key, "title": self.scenario.title,
            "trainee": self.trainee, "score": self.score,
            "checklist": self.verdict.as_json(),
            "key_points": [{"label": p.label, "covered": p.covered,
                            "evidence": [format_time(lines[n].at) for n in p.evidence],
                            "tip": p.tip} for p in self.points],
            "points_hit": self.points_hit, "points_total": len(self.points),
            "within_time": self.played.within_time, "duration_s": self.duration_s,
            "time_limit_s": self.scenario.time_limit_s, "improve": self.improvements(),
        }
        if with_lines:
            data["lines"] = [{"at": format_time(line.at), "sender": line.sender,
                              "text": line.text} for line in lines]
        return data


def key_points(scenario: Scenario, transcript: Transcript) -> tuple[PointResult, ...]:
    """Each key point, covered when a human reply of the agent holds one of its words."""
    replies = [(number, match_key(line.text)) for number, line in enumerate(transcript.lines)
               if line.sender == "agent" and line.kind == "text"]
    results = []
    for point in scenario.key_points:
        first = next((number for number, key in replies if point.covered_by(key)), None)
        results.append(PointResult(point.label, first is not None,
                                   () if first is None else (first,), point.tip))
    return tuple(results)


def scorecard(scenario: Scenario, played: Played, standard: Standard = standards.DEFAULT_STANDARD,
              trainee: str | None = None) -> Scorecard:
    """The session scored: the checklist over the whole (ended) conversation and the key
    points; the score is their mean (the key points alone when no rule applied)."""
    verdict = standards.check(played.transcript, standard)
    points = key_points(scenario, played.transcript)
    share = 100.0 * sum(p.covered for p in points) / len(points) if points else 100.0
    if verdict.score is None:
        score = share
    else:
        score = CHECKLIST_SHARE * verdict.score + (1 - CHECKLIST_SHARE) * share
    return Scorecard(scenario, trainee, played, verdict, points, round(score, 1))
