"""Service figures per agent and for the team, computed as docs/metrics.md defines them.

Everything is worked out from buyer and agent messages only: auto-replies, system lines
and internal notes are left out in the store query, so no figure can count them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from workbench import accounts
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.store import Store, settings
from workbench.store import metrics as rows
from workbench.supervision.rounds import SLOW_REPLY_S, Round, rounds_of

DAY = 86400.0
FIRST_REPLY_S = 30.0
# How far before the period rounds are traced back, and how long after it answers are
# looked for: a question asked in the period and answered more than a day after its end
# counts as unanswered.
LOOKBACK_S = DAY
LOOKAHEAD_S = DAY
# A conversation-day with no message for this long is over: only then is a missing
# goodbye reported.
QUIET_S = 1800.0
SERVICE_HOURS_KEY = "metrics.service_hours"
GOODBYE_WORDS_KEY = "metrics.goodbye_words"
BANNED_WORDS_KEY = "metrics.banned_words"
DEFAULT_SERVICE_HOURS = "08:00-24:00"
DEFAULT_GOODBYE_WORDS = ("再见", "拜拜", "欢迎下次光临", "期待您再次光临", "祝您生活愉快",
                         "感谢您的支持", "有问题随时", "随时联系")
DEFAULT_BANNED_WORDS = ("不知道", "没办法", "不可能", "自己看", "爱买不买", "随便你",
                        "你懂不懂", "烦不烦", "不关我事")
WAIT_BUCKETS = ((30, "≤30秒"), (60, "30秒–1分"), (180, "1–3分"), (300, "3–5分"),
                (600, "5–10分"), (None, ">10分"))


@dataclass(frozen=True)
class MetricSettings:
    service_hours: str = DEFAULT_SERVICE_HOURS
    goodbye_words: tuple[str, ...] = DEFAULT_GOODBYE_WORDS
    banned_words: tuple[str, ...] = DEFAULT_BANNED_WORDS

    @property
    def service_window(self) -> tuple[float, float]:
        return parse_service_hours(self.service_hours)


def parse_service_hours(text: str) -> tuple[float, float]:
    """``HH:MM-HH:MM`` as seconds after local midnight; the end may be 24:00, and an end
    before the start means the hours run past midnight."""
    try:
        start, end = (part.strip() for part in text.split("-"))
        values = []
        for part in (start, end):
            hours, minutes = (int(x) for x in part.split(":"))
            if not (0 <= hours <= 24 and 0 <= minutes < 60) or (hours == 24 and minutes):
                raise ValueError
            values.append(hours * 3600.0 + minutes * 60)
    except ValueError:
        raise Refused(f"服务时间 {text!r} 的格式应为 08:00-24:00。") from None
    if values[0] == values[1]:
        raise Refused("服务时间的开始和结束不能相同。")
    return values[0], values[1]


def load_settings(store: Store) -> MetricSettings:
    def words(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        stored = settings.get(store, key)
        return tuple(json.loads(stored)) if stored else default

    return MetricSettings(settings.get(store, SERVICE_HOURS_KEY) or DEFAULT_SERVICE_HOURS,
                          words(GOODBYE_WORDS_KEY, DEFAULT_GOODBYE_WORDS),
                          words(BANNED_WORDS_KEY, DEFAULT_BANNED_WORDS))


def save_settings(store: Store, by, value: MetricSettings) -> None:
    """Team settings: only a supervisor changes them."""
    permissions.require(by, permissions.EDIT_TEAM_SETTINGS)
    parse_service_hours(value.service_hours)
    with store.transaction():
        settings.put(store, SERVICE_HOURS_KEY, value.service_hours)
        for key, words in ((GOODBYE_WORDS_KEY, value.goodbye_words),
                           (BANNED_WORDS_KEY, value.banned_words)):
            clean = [w.strip() for w in words if w.strip()]
            settings.put(store, key, json.dumps(clean, ensure_ascii=False))


# --- results -------------------------------------------------------------------------

@dataclass
class Figures:
    """One agent's (or the team's) figures; None where there was nothing to measure."""

    buyers_received: int = 0
    first_response_mean_s: float | None = None
    first_response_median_s: float | None = None
    avg_response_s: float | None = None
    first_reply_30s_rate: float | None = None
    three_minute_rate: float | None = None
    enquiry_conversion: float | None = None
    paid_conversion: float | None = None
    messages_sent: int = 0
    # The counts behind the rates, for the dashboard and for checking by hand.
    sessions: int = 0
    rounds_in_hours: int = 0
    ordered_same_day: int = 0
    paid_same_day: int = 0

    JSON_KEYS = ("buyers_received", "first_response_mean_s", "first_response_median_s",
                 "avg_response_s", "first_reply_30s_rate", "three_minute_rate",
                 "enquiry_conversion", "paid_conversion", "messages_sent")

    def as_json(self) -> dict:
        return {key: getattr(self, key) for key in self.JSON_KEYS}


@dataclass(frozen=True)
class SlowRound:
    conversation_id: int
    buyer: str
    agent: str | None
    asked_at: float
    answered_at: float | None

    @property
    def wait(self) -> float | None:
        return None if self.answered_at is None else self.answered_at - self.asked_at


@dataclass(frozen=True)
class MissingGoodbye:
    conversation_id: int
    buyer: str
    agent: str | None
    last_at: float
    last_text: str


@dataclass(frozen=True)
class BannedWord:
    message_id: int
    conversation_id: int
    buyer: str
    agent: str | None
    at: float
    words: tuple[str, ...]
    text: str


@dataclass
class Report:
    since: float
    until: float
    settings: MetricSettings
    team: Figures
    agents: dict[str, Figures]
    buyer_messages_by_hour: list[int] = field(default_factory=lambda: [0] * 24)
    agent_messages_by_hour: list[int] = field(default_factory=lambda: [0] * 24)
    wait_distribution: list[tuple[str, int]] = field(default_factory=list)
    slow_rounds: list[SlowRound] = field(default_factory=list)
    missing_goodbyes: list[MissingGoodbye] = field(default_factory=list)
    banned_words: list[BannedWord] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"team": self.team.as_json(),
                "agents": {name: figures.as_json() for name, figures in self.agents.items()}}


# --- local days ----------------------------------------------------------------------

class LocalDays:
    """Local calendar days and hours around a period, found by bisection (fast and right
    on days whose length is not 24 hours)."""

    def __init__(self, start: float, end: float):
        day = dt.date.fromtimestamp(start) - dt.timedelta(days=1)
        last = dt.date.fromtimestamp(end) + dt.timedelta(days=1)
        self.midnights: list[float] = []
        self.hours: list[float] = []
        while day <= last:
            midnight = dt.datetime(day.year, day.month, day.day)
            self.midnights.append(midnight.timestamp())
            self.hours += [(midnight + dt.timedelta(hours=h)).timestamp() for h in range(24)]
            day += dt.timedelta(days=1)

    def day(self, at: float) -> int:
        return bisect.bisect_right(self.midnights, at) - 1

    def hour(self, at: float) -> int:
        return (bisect.bisect_right(self.hours, at) - 1) % 24

    def since_midnight(self, at: float) -> float:
        return at - self.midnights[self.day(at)]


# --- computing -----------------------------------------------------------------------

class _Tally:
    """What one agent (or the team) collects before the figures are worked out."""

    def __init__(self) -> None:
        self.first_waits: list[float] = []
        self.sessions = 0
        self.sessions_within_30s = 0
        self.waits: list[float] = []
        self.rounds_in_hours = 0
        self.rounds_within_3min = 0
        self.received: set[tuple[int, int]] = set()     # (buyer, day)
        self.sent = 0

    def figures(self, ordered: set[tuple[int, int]], paid: set[tuple[int, int]]) -> Figures:
        received = len(self.received)
        ordered_here = len(self.received & ordered)
        paid_here = len(self.received & paid)
        return Figures(
            buyers_received=received,
            first_response_mean_s=_round(statistics.fmean(self.first_waits))
            if self.first_waits else None,
            first_response_median_s=_round(statistics.median(self.first_waits))
            if self.first_waits else None,
            avg_response_s=_round(statistics.fmean(self.waits)) if self.waits else None,
            first_reply_30s_rate=_rate(self.sessions_within_30s, self.sessions),
            three_minute_rate=_rate(self.rounds_within_3min, self.rounds_in_hours),
            enquiry_conversion=_rate(ordered_here, received),
            paid_conversion=_rate(paid_here, received),
            messages_sent=self.sent, sessions=self.sessions,
            rounds_in_hours=self.rounds_in_hours, ordered_same_day=ordered_here,
            paid_same_day=paid_here)


def _round(value: float) -> float:
    return round(value, 1)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def report(store: Store, viewer, since: float, until: float, now: float,
           agent: str | None = None, config: MetricSettings | None = None) -> Report:
    """The figures of [since, until) as ``viewer`` may see them.

    A supervisor sees the team and every agent; anybody else only their own figures
    (asking for another agent's is refused). With ``agent`` the team figures cover that
    agent's work only."""
    if viewer is None or not viewer.active:
        raise Refused("请先登录。")
    if agent is None and not permissions.allowed(viewer.role, permissions.READ_ALL_FIGURES):
        agent = viewer.name
    only: int | None = None
    if agent is not None:
        account = accounts.by_name(store, agent)
        if account is None:
            raise Refused(f"没有客服账号 {agent}。")
        if account.id != viewer.id:
            permissions.require(viewer, permissions.READ_ALL_FIGURES)
        only = account.id
    if until <= since:
        raise Refused("统计时段的结束必须晚于开始。")
    config = config or load_settings(store)
    return _compute(store, since, until, now, only, config)


def _compute(store: Store, since: float, until: float, now: float, only: int | None,
             config: MetricSettings) -> Report:
    days = LocalDays(since - LOOKBACK_S, until + LOOKAHEAD_S)
    names = rows.agent_names(store)
    team = _Tally()
    tallies: dict[int, _Tally] = defaultdict(_Tally)
    report = Report(since, until, config, Figures(), {})
    found = _Found()
    first_message: dict[tuple[int, int], float] = {}  # (buyer, day) -> first buyer message
    conversations: dict[int, list[tuple]] = defaultdict(list)

    def counts(agent_id: int | None) -> bool:
        return only is None or agent_id == only

    for message_id, conversation, buyer, serving, sender, agent_id, at, text in \
            rows.human_messages(store, since - LOOKBACK_S, until + LOOKAHEAD_S):
        conversations[conversation].append((conversation, sender, agent_id, at))
        found.buyer_of[conversation] = buyer
        found.serving[conversation] = serving
        if not since <= at < until:
            continue
        day = days.day(at)
        last = found.goodbye_check.setdefault((conversation, day), [None, None, "", at])
        last[3] = at
        if sender == "buyer":
            first_message.setdefault((buyer, day), at)
            if counts(serving):
                report.buyer_messages_by_hour[days.hour(at)] += 1
            continue
        last[:3] = [agent_id, at, text]
        if counts(agent_id):
            team.received.add((buyer, day))
            team.sent += 1
            report.agent_messages_by_hour[days.hour(at)] += 1
            words = tuple(word for word in config.banned_words if word and word in text)
            if words:
                found.banned.append((message_id, conversation, agent_id, at, words, text))
        if agent_id is not None:
            tallies[agent_id].received.add((buyer, day))
            tallies[agent_id].sent += 1

    # A buyer-day is received only if the buyer wrote that day as well as the agent.
    for tally in (team, *tallies.values()):
        tally.received = {key for key in tally.received if key in first_message}

    hours = config.service_window
    for conversation, messages in conversations.items():
        days_seen: set[int] = set()
        for one in rounds_of(messages):
            day = days.day(one.asked_at)
            first_of_day = day not in days_seen
            days_seen.add(day)
            if not since <= one.asked_at < until:
                continue
            who = one.answered_by if one.answered_by is not None \
                else found.serving[conversation]
            if counts(who):
                targets = [team] + ([tallies[who]] if who is not None else [])
                _tally_round(one, who, targets, first_of_day, now, days, hours, found)

    ordered, paid = _conversions(store, days, since, until, first_message)
    report.team = team.figures(ordered, paid)
    report.agents = {names.get(agent_id, str(agent_id)): tally.figures(ordered, paid)
                     for agent_id, tally in sorted(tallies.items()) if counts(agent_id)}
    report.wait_distribution = [(label, count) for (_, label), count in
                                zip(WAIT_BUCKETS, found.wait_counts, strict=True)]
    _lists(store, report, names, found, config, now, counts)
    return report


class _Found:
    """Per-conversation facts and the raw quality lists, gathered in one pass."""

    def __init__(self) -> None:
        self.buyer_of: dict[int, int] = {}
        self.serving: dict[int, int | None] = {}
        self.wait_counts = [0] * len(WAIT_BUCKETS)
        self.slow: list[tuple[Round, int | None]] = []
        # (conversation, day) -> [last agent id, its time, its text, last human message]
        self.goodbye_check: dict[tuple[int, int], list] = {}
        self.banned: list[tuple] = []


def _in_hours(seconds: float, hours: tuple[float, float]) -> bool:
    start, end = hours
    return start <= seconds < end if start < end else seconds >= start or seconds < end


def _tally_round(one: Round, who: int | None, targets: list[_Tally], first_of_day: bool,
                 now: float, days: LocalDays, hours: tuple[float, float],
                 found: _Found) -> None:
    wait = one.wait
    waited = now - one.asked_at
    if first_of_day and (wait is not None or waited > FIRST_REPLY_S):
        for tally in targets:
            tally.sessions += 1
            if wait is not None:
                tally.first_waits.append(wait)
                if wait <= FIRST_REPLY_S:
                    tally.sessions_within_30s += 1
    if wait is not None:
        for tally in targets:
            tally.waits.append(wait)
        bucket = next(n for n, (limit, _) in enumerate(WAIT_BUCKETS)
                      if limit is None or wait <= limit)
        found.wait_counts[bucket] += 1
    if _in_hours(days.since_midnight(one.asked_at), hours) and \
            (wait is not None or waited > SLOW_REPLY_S):
        within = wait is not None and wait <= SLOW_REPLY_S
        for tally in targets:
            tally.rounds_in_hours += 1
            tally.rounds_within_3min += within
        if not within:
            found.slow.append((one, who))


def _conversions(store: Store, days: LocalDays, since: float, until: float,
                 first_message: dict[tuple[int, int], float]
                 ) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Buyer-days with an order placed after the day's first message, the same day; and
    those among them whose order was also paid that day."""
    ordered: set[tuple[int, int]] = set()
    paid: set[tuple[int, int]] = set()
    for buyer, created, paid_at in rows.orders_created(store, since, until + DAY):
        key = (buyer, days.day(created))
        asked = first_message.get(key)
        if asked is None or created < asked:
            continue
        ordered.add(key)
        if paid_at is not None and days.day(paid_at) == key[1]:
            paid.add(key)
    return ordered, paid


def _lists(store: Store, report: Report, names: dict[int, str], found: _Found,
           config: MetricSettings, now: float, counts) -> None:
    missing = [(conversation, agent_id, at, text)
               for (conversation, _), (agent_id, at, text, last) in found.goodbye_check.items()
               if agent_id is not None and counts(agent_id) and now - last >= QUIET_S
               and not any(word and word in text for word in config.goodbye_words)]
    buyers = {found.buyer_of[c] for c in
              [r.conversation_id for r, _ in found.slow] + [m[0] for m in missing]
              + [b[1] for b in found.banned]}
    nicks = rows.buyer_nicks(store, buyers)

    def buyer(conversation: int) -> str:
        return nicks.get(found.buyer_of[conversation], "")

    report.slow_rounds = sorted(
        (SlowRound(r.conversation_id, buyer(r.conversation_id), names.get(who), r.asked_at,
                   r.answered_at) for r, who in found.slow), key=lambda s: s.asked_at)
    report.missing_goodbyes = sorted(
        (MissingGoodbye(c, buyer(c), names.get(a), at, text) for c, a, at, text in missing),
        key=lambda m: m.last_at)
    report.banned_words = [BannedWord(mid, c, buyer(c), names.get(a), at, words, text)
                           for mid, c, a, at, words, text in found.banned]
