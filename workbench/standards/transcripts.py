"""Transcripts for the checklist: stored conversations of a period, one conversation on
one day (what 质检 samples), or a log file in the logs-import format (not stored).

A conversation of a period is its messages in the period, except that a round (a buyer's
question and the first agent reply to it) belongs wholly to the period it starts in: a
question asked at 23:59 and answered at 00:01 is answered on the day it was asked, and
the next day's transcript starts after that answer. Answers are looked for up to a day
after the period. Notes are never read.

Whose a transcript is: the agent who wrote most of its human replies (on a tie, the one
who wrote last); with no human reply, the agent the conversation is assigned to.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from workbench import accounts
from workbench.accounts import permissions
from workbench.changes import Refused
from workbench.filereader import FileRefused, utf8_lines
from workbench.standards.checklist import Line, Order, Transcript, gc_paused
from workbench.store import Store
from workbench.store import standards as rows

DAY = 86400.0
LOOKAHEAD_S = DAY
# Line(...) without its Python-level __new__: a month's check builds a million of them.
_line = tuple.__new__


def day_of(at: float) -> str:
    """The local day of a moment, ``YYYY-MM-DD``."""
    return dt.date.fromtimestamp(at).isoformat()


def day_bounds(day: str) -> tuple[float, float]:
    """[start, end) of a local day given as ``YYYY-MM-DD``."""
    date = dt.date.fromisoformat(day)
    following = date + dt.timedelta(days=1)
    return (dt.datetime(date.year, date.month, date.day).timestamp(),
            dt.datetime(following.year, following.month, following.day).timestamp())


def days_between(since: float, until: float) -> list[str]:
    """The local days that [since, until) touches."""
    if until <= since:
        return []
    first, last = dt.date.fromtimestamp(since), dt.date.fromtimestamp(until - 1e-6)
    return [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def visible_agent(store: Store, viewer, agent: str | None) -> str | None:
    """The agent whose transcripts ``viewer`` asks for: anyone's for a supervisor, only
    their own for everybody else (asking for another agent's is refused)."""
    if viewer is None or not viewer.active:
        raise Refused("请先登录。", "Please sign in first.")
    if agent is not None and accounts.by_name(store, agent) is None:
        raise Refused(f"没有客服账号 {agent}。", f"There is no account {agent}.")
    if permissions.allowed(viewer.role, permissions.READ_ALL_LOGS):
        return agent
    if agent is not None and agent != viewer.name:
        raise Refused("只能检查自己接待的会话；检查其他客服的会话需要主管权限。",
                      "You may check only your own conversations; checking others' needs a "
                      "supervisor.")
    return viewer.name


def stored(store: Store, viewer, since: float, until: float,
           agent: str | None = None) -> list[Transcript]:
    """The stored conversations with a message in [since, until) that ``viewer`` may
    check, each as its transcript of the period; ``agent`` keeps that agent's only."""
    agent = visible_agent(store, viewer, agent)
    if until <= since:
        raise Refused("检查时段的结束必须晚于开始。", "The period must end after it starts.")
    return period(store, since, until, agent)


def period(store: Store, since: float, until: float, agent: str | None = None,
           conversation_id: int | None = None) -> list[Transcript]:
    """Transcripts of [since, until) without a permission check (callers check)."""
    with gc_paused():
        return _period(store, since, until, agent, conversation_id)


def _period(store: Store, since: float, until: float, agent: str | None,
            conversation_id: int | None) -> list[Transcript]:
    from workbench.supervision.search import conversation_key, store_uid

    messages = rows.period_messages(store, since - LOOKAHEAD_S, until + LOOKAHEAD_S,
                                    conversation_id)
    ids = {m[0] for m in messages}
    if conversation_id is None:
        facts = rows.conversations_active(store, since)
        missing = ids - facts.keys()
        if missing:
            facts.update(rows.conversation_facts(store, missing))
        only_buyer = None
    else:
        facts = rows.conversation_facts(store, ids)
        only_buyer = facts[conversation_id][0] if facts else None
    names = rows.agent_names(store)
    orders: dict[int, list[Order]] = defaultdict(list)
    for buyer_id, order_id, created, paid_at, address, _paid in rows.buyer_orders(
            store, since - DAY, until + LOOKAHEAD_S, only_buyer):
        orders[buyer_id].append(Order(order_id, created, paid_at, address))
    own_uid = store_uid(store)
    found = []
    for conversation, lines, writers in _conversations(messages, since, until, names):
        buyer_id, assigned, external_id, nick = facts[conversation]
        whose = _whose(writers, names.get(assigned) if assigned is not None else None)
        if agent is not None and whose != agent:
            continue
        start, end = lines[0].at, lines[-1].at
        relevant = tuple(o for o in orders.get(buyer_id, ())
                         if _within(o.created_at, start, end) or _within(o.paid_at, start, end)
                         or _within(o.created_at, start, until))
        found.append(Transcript(conversation_key(own_uid, conversation, external_id), whose,
                                lines, relevant, conversation, nick))
    return found


def conversation_on_day(store: Store, conversation_id: int, day: str) -> Transcript | None:
    """One conversation's transcript of one local day (what a 质检 inspection reads)."""
    start, end = day_bounds(day)
    found = period(store, start, end, conversation_id=conversation_id)
    return found[0] if found else None


def _within(at: float | None, start: float, end: float) -> bool:
    return at is not None and start <= at <= end


def _conversations(messages: list[tuple], since: float, until: float,
                   names: dict[int, str]):
    """(conversation id, lines, agent names in the order they wrote) per conversation,
    each round in the period it starts in. ``messages`` come in time order."""
    groups: dict[int, list[tuple]] = {}
    for message in messages:
        group = groups.get(message[0])
        if group is None:
            groups[message[0]] = [message]
        else:
            group.append(message)
    for conversation in sorted(groups):
        yield from _cut(conversation, groups[conversation], since, until, names)


def _cut(conversation: int, group: list[tuple], since: float, until: float,
         names: dict[int, str]):
    lines: list[Line] = []
    writers: list[str] = []
    carried = False        # a round started before the period is still open
    open_question = False
    for _, sender, agent_id, kind, text, at in group:
        if at < since:
            if sender in ("buyer", "agent"):
                carried = sender == "buyer"
            continue
        if carried:
            # The rest of a round that started before the period belongs to that period.
            carried = sender != "agent"
            continue
        # After the period only what finishes a round still open is read.
        if at >= until and not open_question:
            break
        name = names.get(agent_id) if agent_id is not None else None
        lines.append(_line(Line, (at, sender, text, name, kind)))
        if sender == "buyer":
            open_question = True
        elif sender == "agent":
            open_question = False
            if name is not None:
                writers.append(name)
            if at >= until:
                break
    if lines and lines[0].at < until:
        yield conversation, tuple(lines), writers


def _whose(writers: list[str], assigned: str | None) -> str | None:
    if not writers:
        return assigned
    counts: dict[str, int] = {}
    for name in writers:
        counts[name] = counts.get(name, 0) + 1
    if len(counts) == 1:
        return writers[0]
    most = max(counts.values())
    return next(name for name in reversed(writers) if counts[name] == most)


# --- log files -------------------------------------------------------------------------------

def from_log_file(path: Path) -> list[Transcript]:
    """The conversations of a JSONL log file (docs/formats-logs.md), read through the
    log import's own reader and line parser (UTF-8 only, every line checked the same)
    and never stored. A bad line refuses the whole file, naming the line, as the import
    does. Log files carry no orders."""
    from workbench.supervision.logfiles import LineError, parse_line

    path = Path(path)
    by_conversation: dict[str, list] = defaultdict(list)
    buyers: dict[str, str] = {}
    for number, raw, _done in utf8_lines(path):
        if not raw.strip():
            continue
        try:
            line = parse_line(number, raw)
        except LineError as error:
            raise FileRefused(path, error.zh, error.en, row=number) from None
        expected = buyers.setdefault(line.conversation, line.buyer)
        if expected != line.buyer:
            reason = f"会话 {line.conversation} 的买家是 {expected}，这一行却是 {line.buyer}"
            raise FileRefused(path, reason, f"conversation {line.conversation} belongs to "
                              f"{expected}, this line names {line.buyer}", row=number)
        by_conversation[line.conversation].append(line)
    if not by_conversation:
        raise FileRefused(path, "文件里没有消息", "the file holds no messages")
    found = []
    for key, group in by_conversation.items():
        group.sort(key=lambda line: (line.at, line.number))
        lines = tuple(Line(line.at, line.sender, line.text,
                           line.agent if line.sender == "agent" else None) for line in group)
        writers = [line.agent for line in lines if line.sender == "agent" and line.agent]
        serving = next((line.agent for line in reversed(group) if line.agent), None)
        found.append(Transcript(key, _whose(writers, serving), lines, buyer=buyers[key]))
    return found


def only_visible(store: Store, viewer, transcripts: Iterable[Transcript],
                 agent: str | None = None) -> list[Transcript]:
    """Keep what ``viewer`` may check (and, with ``agent``, that agent's)."""
    agent = visible_agent(store, viewer, agent)
    return [t for t in transcripts if agent is None or t.agent == agent]
