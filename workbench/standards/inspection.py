"""Quality inspection (质检): a supervisor samples conversations, reads each against the
checklist, overrides a result, scores items by hand and comments; the agent then reads
their inspected conversations and acknowledges them.

The unit is one conversation on one local day. States: sampled (待质检) → done (已质检 when
the agent sees it; its results and score are kept as they were then) → acknowledged
(已确认 by the agent). A supervisor may reopen a done inspection.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from dataclasses import dataclass, replace

from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.standards import load_standard, transcripts
from workbench.standards.checklist import (
    FAIL,
    RESULTS,
    RULE_IDS,
    ManualItem,
    RuleResult,
    Standard,
    Transcript,
    Verdict,
    check,
    check_many,
    with_overrides,
)
from workbench.store import Store, events
from workbench.store import standards as rows

SAMPLED, DONE, ACKNOWLEDGED = "sampled", "done", "acknowledged"
STATES = {SAMPLED: "待质检", DONE: "已质检", ACKNOWLEDGED: "已确认"}
REASONS = {"random": "随机抽检", "slow": "慢回复", "banned": "违禁用语",
           "no_conversion": "未转化", "after_sale": "售后/差评"}
SLOW_RULES = ("first_reply_30s", "reply_3min", "wait_120s")
DEFAULT_PER_AGENT = 2
LABEL_CHARS = 30
COMMENT_CHARS = 2000
MAX_ITEM_WEIGHT = 100

def after_sale_conversations(store: Store, since: float, until: float) -> set[int]:
    """The conversations of buyers who had an after-sale case (a bad review included)
    opened in [since, until); the 售后/差评 filter also takes those whose buyer wrote an
    after-sale or bad-review word (the standard's 售后/差评用语) that day."""
    from workbench import aftersale

    return aftersale.conversations_with_cases(store, since, until)


# --- values ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Inspection:
    id: int
    conversation_id: int
    day: str
    agent_id: int | None
    agent_name: str | None
    buyer: str
    inspector_id: int | None
    inspector_name: str | None
    reason: str
    state: str
    comment: str
    score: float | None
    created_at: float
    inspected_at: float | None
    acknowledged_at: float | None

    @property
    def state_name(self) -> str:
        return STATES.get(self.state, self.state)

    @property
    def reason_name(self) -> str:
        return REASONS.get(self.reason, self.reason)


@dataclass(frozen=True)
class StoredItem:
    id: int
    item: ManualItem


@dataclass(frozen=True)
class Opened:
    """An inspection as the window shows it: the transcript's verdict with the
    supervisor's overrides and manual items applied."""

    inspection: Inspection
    verdict: Verdict
    overrides: dict[str, str]
    items: tuple[StoredItem, ...]

    @property
    def transcript(self) -> Transcript:
        return self.verdict.transcript


def _inspection(row) -> Inspection:
    return Inspection(**dict(row))


def get(store: Store, inspection_id: int) -> Inspection:
    row = rows.inspection(store, inspection_id)
    if row is None:
        raise Refused("这条质检记录已不存在。", "This inspection no longer exists.")
    return _inspection(row)


# --- sampling ----------------------------------------------------------------------------------

def matches(reason: str, transcript: Transcript, verdict: Verdict, after_sale: set[int],
            standard: Standard, until: float) -> bool:
    """Whether a transcript (checked with every rule on) belongs to a sampling filter."""
    if reason == "random":
        return True
    if reason == "slow":
        return any(verdict.results[rule].result == FAIL for rule in SLOW_RULES)
    if reason == "banned":
        return verdict.results["banned_words"].result == FAIL
    if reason == "no_conversion":
        asked = next((line.at for line in transcript.lines if line.sender == "buyer"), None)
        return asked is not None and not any(
            o.created_at is not None and asked <= o.created_at < until
            for o in transcript.orders)
    if reason == "after_sale":
        if transcript.conversation_id in after_sale:
            return True
        pattern = standard.patterns["after_sale_words"]
        return pattern is not None and any(
            line.sender == "buyer" and pattern.search(line.text) for line in transcript.lines)
    raise Refused(f"未知的抽检方式：{reason}", f"Unknown sampling filter: {reason}")


def sample(store: Store, by, since: float, until: float, now: float, *,
           per_agent: int = DEFAULT_PER_AGENT, reason: str = "random",
           seed: int | None = None) -> Changes:
    """Sample up to ``per_agent`` conversations per agent and day of [since, until), at
    random among those the filter ``reason`` selects and not inspected yet; each becomes
    an inspection waiting for the supervisor (待质检)."""
    permissions.require(by, permissions.INSPECT_CONVERSATIONS)
    if reason not in REASONS:
        raise Refused(f"未知的抽检方式：{reason}", f"Unknown sampling filter: {reason}")
    if per_agent < 1:
        raise Refused("每位客服每天至少抽 1 个会话。",
                      "Sample at least one conversation per agent.")
    days = transcripts.days_between(since, until)
    if not days:
        raise Refused("抽检时段的结束必须晚于开始。", "The period must end after it starts.")
    standard = load_standard(store)
    every_rule = replace(standard, disabled=frozenset())
    done = rows.inspected_keys(store, days[0], days[-1])
    agent_ids = {name: agent_id for agent_id, name in rows.agent_names(store).items()}
    rng = random.Random(seed)
    chosen: list[tuple[int, str, int]] = []
    for day in days:
        start, end = transcripts.day_bounds(day)
        found = transcripts.period(store, start, end)
        after_sale = after_sale_conversations(store, start, end) if reason == "after_sale" \
            else set()
        by_agent: dict[int, list[int]] = {}
        for transcript, verdict in zip(found, check_many(found, every_rule, now), strict=True):
            agent_id = agent_ids.get(transcript.agent) if transcript.agent else None
            if agent_id is None or (transcript.conversation_id, day) in done:
                continue
            if matches(reason, transcript, verdict, after_sale, every_rule, end):
                by_agent.setdefault(agent_id, []).append(transcript.conversation_id)
        for agent_id in sorted(by_agent):
            found = by_agent[agent_id]
            for conversation_id in rng.sample(found, min(per_agent, len(found))):
                chosen.append((conversation_id, day, agent_id))
    added = set()
    with store.transaction():
        for conversation_id, day, agent_id in chosen:
            added.add(rows.insert_inspection(store, conversation_id, day, agent_id, by.id,
                                             reason, now))
        events.record(store, now, by.id, "inspection.sample", "inspections",
                      {"reason": reason, "per_agent": per_agent, "days": [days[0], days[-1]],
                       "added": len(added)})
    return Changes(inspections=frozenset(added))


# --- reading -----------------------------------------------------------------------------------

def listing(store: Store, viewer, first_day: str | None = None, last_day: str | None = None,
            agent_id: int | None = None) -> list[Inspection]:
    """Inspections newest day first: all for a supervisor; for an agent only their own
    that are done (the ones still waiting are the supervisor's business)."""
    if viewer is None or not viewer.active:
        raise Refused("请先登录。", "Please sign in first.")
    if permissions.allowed(viewer.role, permissions.INSPECT_CONVERSATIONS):
        states = tuple(STATES)
    else:
        if agent_id is not None and agent_id != viewer.id:
            raise Refused("只能查看自己的质检结果。", "You may read only your own inspections.")
        agent_id, states = viewer.id, (DONE, ACKNOWLEDGED)
    return [_inspection(row) for row in rows.inspections(store, first_day, last_day, agent_id,
                                                         states)]


def waiting_acknowledgement(store: Store, agent) -> int:
    """How many of the agent's inspected conversations they have not acknowledged."""
    return len(rows.inspections(store, None, None, agent.id, (DONE,)))


def _may_read(viewer, found: Inspection) -> None:
    if viewer is None or not viewer.active:
        raise Refused("请先登录。", "Please sign in first.")
    if permissions.allowed(viewer.role, permissions.INSPECT_CONVERSATIONS):
        return
    if found.agent_id != viewer.id or found.state == SAMPLED:
        raise Refused("只能查看自己已质检的会话。", "You may read only your own inspected "
                      "conversations.")


def open_inspection(store: Store, viewer, inspection_id: int, now: float) -> Opened:
    """The inspection with its transcript and marks: worked out now while it waits,
    as it was completed once done."""
    found = get(store, inspection_id)
    _may_read(viewer, found)
    transcript = transcripts.conversation_on_day(store, found.conversation_id, found.day)
    if transcript is None:
        raise Refused("这个会话当天的消息已不存在。", "The conversation has no messages on that "
                      "day any more.")
    overrides = rows.overrides(store, inspection_id)
    items = tuple(StoredItem(row["id"], ManualItem(row["label"], row["score"], row["weight"]))
                  for row in rows.manual_items(store, inspection_id))
    if found.state == SAMPLED:
        standard = load_standard(store)
        verdict = with_overrides(check(transcript, standard, now), overrides, standard,
                                 [stored.item for stored in items])
    else:
        verdict = _from_snapshot(transcript, rows.inspection_results(store, inspection_id),
                                 found.score)
    return Opened(found, verdict, overrides, items)


def _snapshot(verdict: Verdict, items: Iterable[ManualItem]) -> str:
    lines = verdict.transcript.lines
    return json.dumps({
        "rules": {rule: {"result": r.result, "note": r.note,
                         "overridden_from": r.overridden_from,
                         "evidence": [[n, lines[n].at] for n in r.evidence]}
                  for rule, r in verdict.results.items()},
        "items": [{"label": i.label, "score": i.score, "weight": i.weight} for i in items],
    }, ensure_ascii=False)


def _from_snapshot(transcript: Transcript, text: str | None, kept: float | None) -> Verdict:
    """The results as completed; evidence found again by position and time (by time alone
    if messages were added to that day since)."""
    data = json.loads(text) if text else {"rules": {}}
    lines = transcript.lines
    results = {}
    for rule, entry in data["rules"].items():
        evidence = []
        for number, at in entry["evidence"]:
            if 0 <= number < len(lines) and lines[number].at == at:
                evidence.append(number)
            else:
                again = next((n for n, line in enumerate(lines) if line.at == at), None)
                if again is not None:
                    evidence.append(again)
        results[rule] = RuleResult(rule, entry["result"], tuple(evidence), entry["note"],
                                   entry["overridden_from"])
    return Verdict(transcript, results, kept)


# --- the supervisor's changes ------------------------------------------------------------------

def _editable(store: Store, by, inspection_id: int) -> Inspection:
    permissions.require(by, permissions.INSPECT_CONVERSATIONS)
    found = get(store, inspection_id)
    if found.state != SAMPLED:
        raise Refused("这条质检已完成；要修改请先重新打开。",
                      "This inspection is complete; reopen it to change it.")
    return found


def override(store: Store, by, inspection_id: int, rule: str, result: str | None,
             now: float) -> Changes:
    """Set a rule's result by hand (None gives the checker's answer back)."""
    if rule not in RULE_IDS:
        raise Refused(f"没有规则 {rule}。", f"There is no rule {rule}.")
    if result is not None and result not in RESULTS:
        raise Refused(f"结果只能是 {'、'.join(RESULTS)}。", f"A result is one of {RESULTS}.")
    with store.transaction():
        _editable(store, by, inspection_id)
        rows.set_override(store, inspection_id, rule, result)
        events.record(store, now, by.id, "inspection.override", f"inspection:{inspection_id}",
                      {"rule": rule, "result": result})
    return Changes(inspections=frozenset({inspection_id}))


def add_item(store: Store, by, inspection_id: int, label: str, score: float, weight: int,
             now: float) -> Changes:
    """A manual item (product knowledge, attitude …) scored 0–100 at a weight."""
    label = " ".join(label.split())
    if not label:
        raise Refused("请写明人工评分项的名称。", "Name the item you score.")
    if len(label) > LABEL_CHARS:
        raise Refused(f"评分项名称最多 {LABEL_CHARS} 个字。",
                      f"An item's name has at most {LABEL_CHARS} characters.")
    if not 0 <= score <= 100:
        raise Refused("人工评分应在 0 到 100 之间。", "A manual score is between 0 and 100.")
    if not 1 <= weight <= MAX_ITEM_WEIGHT:
        raise Refused(f"权重应在 1 到 {MAX_ITEM_WEIGHT} 之间。",
                      f"A weight is between 1 and {MAX_ITEM_WEIGHT}.")
    with store.transaction():
        _editable(store, by, inspection_id)
        rows.insert_manual_item(store, inspection_id, label, float(score), int(weight))
        events.record(store, now, by.id, "inspection.item", f"inspection:{inspection_id}",
                      {"label": label, "score": score, "weight": weight})
    return Changes(inspections=frozenset({inspection_id}))


def remove_item(store: Store, by, item_id: int, now: float) -> Changes:
    with store.transaction():
        inspection_id = rows.manual_item_owner(store, item_id)
        if inspection_id is None:
            return Changes()
        _editable(store, by, inspection_id)
        rows.delete_manual_item(store, item_id)
        events.record(store, now, by.id, "inspection.item_removed",
                      f"inspection:{inspection_id}", {"item": item_id})
    return Changes(inspections=frozenset({inspection_id}))


def set_comment(store: Store, by, inspection_id: int, comment: str, now: float) -> Changes:
    comment = comment.strip()
    if len(comment) > COMMENT_CHARS:
        raise Refused(f"点评最多 {COMMENT_CHARS} 个字。",
                      f"A comment has at most {COMMENT_CHARS} characters.")
    with store.transaction():
        found = _editable(store, by, inspection_id)
        if found.comment == comment:
            return Changes()
        rows.set_inspection_comment(store, inspection_id, comment)
        events.record(store, now, by.id, "inspection.comment", f"inspection:{inspection_id}",
                      {"comment": comment})
    return Changes(inspections=frozenset({inspection_id}))


def complete(store: Store, by, inspection_id: int, now: float) -> Changes:
    """Finish an inspection: its results and score are kept as they are now, and the
    agent sees it."""
    with store.transaction():
        _editable(store, by, inspection_id)
        opened = open_inspection(store, by, inspection_id, now)
        items = [stored.item for stored in opened.items]
        rows.complete_inspection(store, inspection_id, by.id, opened.verdict.score,
                                 _snapshot(opened.verdict, items), now)
        events.record(store, now, by.id, "inspection.complete", f"inspection:{inspection_id}",
                      {"score": opened.verdict.score})
    return Changes(inspections=frozenset({inspection_id}))


def reopen(store: Store, by, inspection_id: int, now: float) -> Changes:
    """Back to sampled (待质检) to change it (the agent's acknowledgement is cleared)."""
    permissions.require(by, permissions.INSPECT_CONVERSATIONS)
    with store.transaction():
        found = get(store, inspection_id)
        if found.state == SAMPLED:
            return Changes()
        rows.reopen_inspection(store, inspection_id)
        events.record(store, now, by.id, "inspection.reopen", f"inspection:{inspection_id}", {})
    return Changes(inspections=frozenset({inspection_id}))


def acknowledge(store: Store, by, inspection_id: int, now: float) -> Changes:
    """The inspected agent confirms they have read the result and the comment."""
    with store.transaction():
        found = get(store, inspection_id)
        if by is None or found.agent_id != by.id:
            raise Refused("只有被质检的客服本人可以确认。",
                          "Only the inspected agent acknowledges an inspection.")
        if found.state == ACKNOWLEDGED:
            return Changes()
        if found.state != DONE:
            raise Refused("这条质检还没有完成。", "This inspection is not complete yet.")
        rows.acknowledge_inspection(store, inspection_id, now)
        events.record(store, now, by.id, "inspection.acknowledge", f"inspection:{inspection_id}",
                      {})
    return Changes(inspections=frozenset({inspection_id}))
