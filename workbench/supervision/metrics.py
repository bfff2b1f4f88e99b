"""Service figures per agent and for the team, computed as docs/metrics.md defines them.

Everything is worked out from buyer and agent messages only: auto-replies, system lines
and internal notes are left out in the store query, so no figure can count them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from workbench import accounts
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.store import Store, settings
from workbench.store import metrics as rows
from workbench.supervision.rounds import SLOW_REPLY_S, Round, rounds_of

# The course's grading of enquiry conversion (a new agent's month is judged on it):
# below 50 % 不合格, 50–60 % 合格, 60–70 % 良好, 70 % and above 优秀.
CONVERSION_GRADES = ((0.70, "优秀"), (0.60, "良好"), (0.50, "合格"), (0.0, "不合格"))

DAY = 86400.0
# Buyer-days and conversation-days are keyed by one integer, id * DAY_SLOTS + day number:
# cheaper than tuples when a month holds hundreds of thousands of them.
DAY_SLOTS = 1 << 20
FIRST_REPLY_S = 30.0
LONGEST_WAIT_S = 120.0   # one shop's rule: never let a buyer wait over 120 s
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
# The team's banned list starts empty: the team writes its own (docs/standards.md has an
# example list). The service standard's checklist reads the same list.
DEFAULT_BANNED_WORDS: tuple[str, ...] = ()
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
        raise Refused(f"服务时间 {text!r} 的格式应为 08:00-24:00。",
                      f"Service hours {text!r} should look like 08:00-24:00.") from None
    if values[0] == values[1]:
        raise Refused("服务时间的开始和结束不能相同。",
                      "Service hours cannot start and end at the same time.")
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
    wait_120s_rate: float | None = None
    enquiry_conversion: float | None = None
    conversion_grade: str | None = None
    paid_conversion: float | None = None
    average_order_value: float | None = None
    messages_sent: int = 0
    # The counts behind the rates, for the dashboard and for checking by hand.
    sessions: int = 0
    rounds_in_hours: int = 0
    later_rounds_in_hours: int = 0
    enquiries: int = 0
    ordered: int = 0
    paid_in_window: int = 0
    paid_amount: float = 0.0

    JSON_KEYS = ("buyers_received", "first_response_mean_s", "first_response_median_s",
                 "avg_response_s", "first_reply_30s_rate", "three_minute_rate",
                 "wait_120s_rate", "enquiry_conversion", "conversion_grade",
                 "paid_conversion", "average_order_value", "messages_sent")

    def as_json(self) -> dict:
        return {key: getattr(self, key) for key in self.JSON_KEYS}


class SlowRound(NamedTuple):
    """(Quality-list items are NamedTuples: a month can list tens of thousands.)"""

    conversation_id: int
    buyer: str
    agent: str | None
    asked_at: float
    answered_at: float | None

    @property
    def wait(self) -> float | None:
        return None if self.answered_at is None else self.answered_at - self.asked_at


class MissingGoodbye(NamedTuple):
    conversation_id: int
    buyer: str
    agent: str | None
    last_at: float
    last_text: str


class BannedWord(NamedTuple):
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
    """Local calendar days and hours around a period. Where every day of the range is 24
    hours long (no daylight-saving change), plain arithmetic on the first midnight does;
    otherwise the day is found by bisection."""

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
        first = self.midnights[0]
        self.uniform = all(b - a == DAY for a, b in zip(self.midnights, self.midnights[1:],
                                                         strict=False)) and \
            all(h == first + 3600 * n for n, h in enumerate(self.hours))
        self.first = first

    def day(self, at: float) -> int:
        if self.uniform:
            return int((at - self.first) // DAY)
        return bisect.bisect_right(self.midnights, at) - 1

    def hour(self, at: float) -> int:
        if self.uniform:
            return int((at - self.first) % DAY // 3600)
        return (bisect.bisect_right(self.hours, at) - 1) % 24

    def since_midnight(self, at: float) -> float:
        if self.uniform:
            return (at - self.first) % DAY
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
        self.rounds_within_120s = 0
        self.later_rounds_in_hours = 0
        self.later_within_3min = 0
        self.received: set[int] = set()     # buyer-day keys
        self.enquiries: set[int] = set()    # buyer-day keys
        self.sent = 0

    def figures(self, conversions: _Conversions) -> Figures:
        received = len(self.received)
        enquiries = len(self.enquiries)
        ordered_here = len(self.enquiries & conversions.ordered)
        paid_keys = self.enquiries & conversions.paid.keys()
        paid_amount = round(sum(conversions.paid[key] for key in paid_keys), 2)
        enquiry_conversion = _rate(ordered_here, enquiries)
        return Figures(
            buyers_received=received,
            first_response_mean_s=_round(statistics.fmean(self.first_waits))
            if self.first_waits else None,
            first_response_median_s=_round(statistics.median(self.first_waits))
            if self.first_waits else None,
            avg_response_s=_round(statistics.fmean(self.waits)) if self.waits else None,
            first_reply_30s_rate=_rate(self.sessions_within_30s, self.sessions),
            three_minute_rate=_rate(self.later_within_3min, self.later_rounds_in_hours),
            wait_120s_rate=_rate(self.rounds_within_120s, self.rounds_in_hours),
            enquiry_conversion=enquiry_conversion,
            conversion_grade=conversion_grade(enquiry_conversion),
            paid_conversion=_rate(len(paid_keys), enquiries),
            average_order_value=round(paid_amount / len(paid_keys), 2) if paid_keys else None,
            messages_sent=self.sent, sessions=self.sessions,
            rounds_in_hours=self.rounds_in_hours,
            later_rounds_in_hours=self.later_rounds_in_hours, enquiries=enquiries,
            ordered=ordered_here, paid_in_window=len(paid_keys), paid_amount=paid_amount)


def conversion_grade(rate: float | None) -> str | None:
    """The course's grade of an enquiry conversion rate (None: nothing to grade)."""
    if rate is None:
        return None
    return next(name for floor, name in CONVERSION_GRADES if rate >= floor)


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
        raise Refused("请先登录。", "Sign in first.")
    if agent is None and not permissions.allowed(viewer.role, permissions.READ_ALL_FIGURES):
        agent = viewer.name
    only: int | None = None
    if agent is not None:
        account = accounts.by_name(store, agent)
        if account is None:
            raise Refused(f"没有客服账号 {agent}。", f"No agent account {agent}.")
        if account.id != viewer.id:
            permissions.require(viewer, permissions.READ_ALL_FIGURES)
        only = account.id
    if until <= since:
        raise Refused("统计时段的结束必须晚于开始。", "The period must end after it starts.")
    config = config or load_settings(store)
    return _compute(store, since, until, now, only, config)


def _compute(store: Store, since: float, until: float, now: float, only: int | None,
             config: MetricSettings) -> Report:
    days = LocalDays(since - LOOKBACK_S, until + LOOKAHEAD_S)
    day_of, hour_of = days.day, days.hour
    # Most periods have no daylight-saving change: then days and hours are plain
    # arithmetic, written out in the loop (a month is some 300 000 messages).
    uniform, first_midnight = days.uniform, days.first
    names = rows.agent_names(store)
    team = _Tally()
    tallies: dict[int, _Tally] = defaultdict(_Tally)
    report = Report(since, until, config, Figures(), {})
    found = _Found()
    first_message: dict[int, float] = {}   # buyer-day key -> the buyer's first message
    banned = _any_word(config.banned_words)
    buyer_hours, agent_hours = report.buyer_messages_by_hour, report.agent_messages_by_hour
    goodbye_check = found.goodbye_check
    team_received = team.received

    messages = rows.human_messages(store, since - LOOKBACK_S, until + LOOKAHEAD_S)
    people = rows.conversation_people(store, since - LOOKBACK_S, {m[0] for m in messages})
    found.people = people
    for conversation, sender, agent_id, at, message_id, text in messages:
        if not since <= at < until:
            continue
        buyer, serving = people[conversation]
        if uniform:
            offset = at - first_midnight
            day = int(offset // DAY)
            hour = int(offset % DAY // 3600)
        else:
            day, hour = day_of(at), hour_of(at)
        key = conversation * DAY_SLOTS + day
        last = goodbye_check.get(key)
        if last is None:
            last = goodbye_check[key] = [None, None, "", at]
        last[3] = at
        buyer_day = buyer * DAY_SLOTS + day
        if sender == "buyer":
            if buyer_day not in first_message:
                first_message[buyer_day] = at
            if only is None or serving == only:
                buyer_hours[hour] += 1
            continue
        last[0], last[1], last[2] = agent_id, at, text
        if only is None or agent_id == only:
            team_received.add(buyer_day)
            team.sent += 1
            agent_hours[hour] += 1
            if banned is not None and banned.search(text):
                words = tuple(w for w in config.banned_words if w and w in text)
                found.banned.append((message_id, conversation, agent_id, at, words, text))
        if agent_id is not None:
            tally = tallies[agent_id]
            tally.received.add(buyer_day)
            tally.sent += 1

    # A buyer-day is received only if the buyer wrote that day as well as the agent.
    for tally in (team, *tallies.values()):
        tally.received = {key for key in tally.received if key in first_message}

    open_at, close_at = config.service_window
    wraps = close_at <= open_at
    wait_counts, slow = found.wait_counts, found.slow
    session_days: set[int] = set()
    for one in rounds_of(messages):
        conversation, asked_at, answered_at, answered_by = one
        offset = asked_at - first_midnight
        day = int(offset // DAY) if uniform else day_of(asked_at)
        key = conversation * DAY_SLOTS + day
        first_of_day = key not in session_days
        if first_of_day:
            session_days.add(key)
        if not since <= asked_at < until:
            continue
        who = answered_by if answered_by is not None else people[conversation][1]
        if only is not None and who != only:
            continue
        targets = (team, tallies[who]) if who is not None else (team,)
        # Every buyer who wrote is an enquiry, answered or not.
        enquiry = people[conversation][0] * DAY_SLOTS + day
        for tally in targets:
            tally.enquiries.add(enquiry)
        wait = None if answered_at is None else answered_at - asked_at
        waited = now - asked_at
        # A session's first round: the first reply, counted once it came or 30 s passed.
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
            for bucket, (limit, _) in enumerate(WAIT_BUCKETS):
                if limit is None or wait <= limit:
                    wait_counts[bucket] += 1
                    break
        # Rounds asked within service hours, each judged once answered or overdue: the
        # 120-second figure over all of them, the three-minute rate over the later rounds
        # (a session's first round has the 30-second rate).
        seconds = offset % DAY if uniform else days.since_midnight(asked_at)
        in_hours = (seconds >= open_at or seconds < close_at) if wraps \
            else open_at <= seconds < close_at
        if not in_hours:
            continue
        if wait is not None or waited > LONGEST_WAIT_S:
            within = wait is not None and wait <= LONGEST_WAIT_S
            for tally in targets:
                tally.rounds_in_hours += 1
                tally.rounds_within_120s += within
        if wait is not None or waited > SLOW_REPLY_S:
            within = wait is not None and wait <= SLOW_REPLY_S
            if not first_of_day:
                for tally in targets:
                    tally.later_rounds_in_hours += 1
                    tally.later_within_3min += within
            if not within:
                slow.append((one, who))

    conversions = _conversions(store, days, since, until, first_message)
    report.team = team.figures(conversions)
    report.agents = {names.get(agent_id, str(agent_id)): tally.figures(conversions)
                     for agent_id, tally in sorted(tallies.items())
                     if only is None or agent_id == only}
    report.wait_distribution = [(label, count) for (_, label), count in
                                zip(WAIT_BUCKETS, found.wait_counts, strict=True)]
    _lists(store, report, names, found, config, now,
           lambda agent_id: only is None or agent_id == only)
    return report


def _any_word(words) -> re.Pattern | None:
    """One pattern for a word list, so most messages are passed over in C."""
    words = [w for w in words if w]
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


class _Found:
    """Per-conversation facts and the raw quality lists, gathered in one pass."""

    def __init__(self) -> None:
        self.people: dict[int, tuple] = {}   # conversation -> (buyer, assigned agent)
        self.wait_counts = [0] * len(WAIT_BUCKETS)
        self.slow: list[tuple[Round, int | None]] = []
        # conversation-day key -> [last agent id, its time, its text, last human message]
        self.goodbye_check: dict[tuple[int, int], list] = {}
        self.banned: list[tuple] = []


class _Conversions(NamedTuple):
    ordered: set[int]            # buyer-days with an order after the day's first message
    paid: dict[int, float]       # those paid within the 催付 window -> the amount paid


def _conversions(store: Store, days: LocalDays, since: float, until: float,
                 first_message: dict[int, float]) -> _Conversions:
    """Buyer-days with an order placed after the day's first message, the same day; and
    those among them paid within the order's 催付 window (orders/reminders.py), with the
    amount paid."""
    from workbench.orders import policy, reminders

    dispatch, chosen = policy.dispatch_time(store), reminders.load_policy(store)
    placed = rows.orders_created(store, since, until + DAY)
    purchases = rows.purchases(store, {order[0] for order in placed})
    ordered: set[int] = set()
    paid: dict[int, float] = {}
    for buyer, created, paid_at, amount, is_purchase in placed:
        day = days.day(created)
        key = buyer * DAY_SLOTS + day
        asked = first_message.get(key)
        if asked is None or created < asked:
            continue
        ordered.add(key)
        if paid_at is None:
            continue
        # Paid the same day is always within the window; later payments ask the table.
        if days.day(paid_at) != day:
            repeat = purchases.get(buyer, 0) - is_purchase >= reminders.REPEAT_BUYER_PURCHASES
            window = reminders.window_for(created, repeat, dispatch, chosen)
            if paid_at > reminders.payment_deadline(created, window):
                continue
        paid[key] = paid.get(key, 0.0) + (amount or 0.0)
    return _Conversions(ordered, paid)


def _lists(store: Store, report: Report, names: dict[int, str], found: _Found,
           config: MetricSettings, now: float, counts) -> None:
    goodbye = _any_word(config.goodbye_words)
    missing = []
    for key, (agent_id, at, text, last) in found.goodbye_check.items():
        if agent_id is not None and counts(agent_id) and now - last >= QUIET_S \
                and (goodbye is None or not goodbye.search(text)):
            missing.append((key // DAY_SLOTS, agent_id, at, text))
    buyers = {found.people[c][0] for c in
              [r.conversation_id for r, _ in found.slow] + [m[0] for m in missing]
              + [b[1] for b in found.banned]}
    nicks = rows.buyer_nicks(store, buyers)

    def buyer(conversation: int) -> str:
        return nicks.get(found.people[conversation][0], "")

    report.slow_rounds = sorted(
        (SlowRound(r.conversation_id, buyer(r.conversation_id), names.get(who), r.asked_at,
                   r.answered_at) for r, who in found.slow), key=lambda s: s.asked_at)
    report.missing_goodbyes = sorted(
        (MissingGoodbye(c, buyer(c), names.get(a), at, text) for c, a, at, text in missing),
        key=lambda m: m.last_at)
    report.banned_words = [BannedWord(mid, c, buyer(c), names.get(a), at, words, text)
                           for mid, c, a, at, words, text in found.banned]
