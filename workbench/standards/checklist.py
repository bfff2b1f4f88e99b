"""The course's service standard as a checklist: rules applied to one conversation's
transcript, each answering pass, fail or not applicable (na) with the messages that
decide it as evidence, and a 0–100 score from the supervisor's weights.

Nothing here touches the store or Qt: the 质检 window, ``workbench qa check`` and the
training scorecards all build a :class:`Transcript` and call :func:`check`. The rules
and their word lists are written out in docs/standards.md; keep the two in step.

Only human messages are replies: ``auto`` (automatic replies) and ``system`` lines never
answer a buyer, and notes are never part of a transcript.
"""

from __future__ import annotations

import contextlib
import gc
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from workbench.textnorm import match_key

PASS, FAIL, NA = "pass", "fail", "na"
RESULTS = (PASS, FAIL, NA)
RESULT_NAMES = {PASS: "通过", FAIL: "不通过", NA: "不适用"}

FIRST_REPLY_S = 30.0        # the first reply of a day's conversation
LATER_REPLY_S = 180.0       # every later reply
LONGEST_WAIT_S = 120.0      # no buyer waits longer than this
# Checked while it may still be going on (``now`` given): a transcript whose last message
# is more recent than this has not ended, so its goodbye is not judged yet.
QUIET_S = 1800.0
EXCLAMATION_MARKS = ("！", "!")
NEVER = float("inf")        # the wait of a question never answered
POLITE_FORM = "您"
PLAIN_FORM = "你"           # 你们 contains it, so it counts too


class Line(NamedTuple):
    """One message of a transcript. (A NamedTuple: a month's check builds millions.)"""

    at: float                  # epoch seconds
    sender: str                # buyer | agent | auto | system
    text: str
    agent: str | None = None   # the agent's account name, on agent lines
    kind: str = "text"         # text | image (an image's text is its file name)


class Order(NamedTuple):
    """An order of the conversation's buyer, for the rules about ordering and paying."""

    id: str
    created_at: float | None
    paid_at: float | None
    address: str = ""


@dataclass(frozen=True)
class Transcript:
    """What one check reads: a conversation's messages in time order, and the buyer's
    orders around it. ``conversation`` is the id people see (a log's id, or
    ``<store id>:<number>``); ``conversation_id`` the stored one, when there is one."""

    conversation: str
    agent: str | None
    lines: tuple[Line, ...]
    orders: tuple[Order, ...] = ()
    conversation_id: int | None = None
    buyer: str = ""


@dataclass(frozen=True)
class Rule:
    id: str
    name: str          # a short Chinese name, for lists
    standard: str      # the rule in one Chinese sentence, as the window shows it
    weight: int        # the default weight


RULES: tuple[Rule, ...] = (
    Rule("first_reply_30s", "首次响应30秒", "买家当天第一次发消息后，30 秒内有人工回复。", 15),
    Rule("reply_3min", "后续回复3分钟", "之后买家的每一轮提问，3 分钟内有人工回复。", 10),
    Rule("wait_120s", "等待不超120秒", "任何一轮提问，买家等待人工回复都不超过 120 秒。", 10),
    Rule("polite_address", "称呼用“您”", "客服的消息里不出现“你”（用“您”；“你们”也算“你”）。", 10),
    Rule("no_rhetorical", "不用反问句", "客服不用反问或不耐烦的问句。", 10),
    Rule("no_exclamation_on_objection", "异议时不用感叹号",
         "买家提出异议时，客服的回复里没有感叹号。", 5),
    Rule("no_auto_on_objection", "异议时不用自动回复", "买家提出异议时，没有自动回复去应答。", 5),
    Rule("banned_words", "不用违禁用语", "客服的消息里没有团队违禁用语。", 10),
    Rule("verify_address", "付款后核对地址", "买家在会话中付款后，客服核对了收货地址。", 10),
    Rule("recommend", "关联推荐", "售前会话中，客服推荐了相关的商品。", 5),
    Rule("review_invite", "引导好评", "买家下单或付款后，客服邀请买家给好评。", 5),
    Rule("goodbye", "礼貌告别", "会话结束时，客服致谢并交代发货或售后事项。", 5),
)
RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
DEFAULT_WEIGHTS: dict[str, int] = {rule.id: rule.weight for rule in RULES}
MAX_WEIGHT = 100

# The word lists, written by us (docs/standards.md lists them). A supervisor edits them.
OBJECTION_WORDS = ("太贵", "好贵", "有点贵", "贵了", "便宜点", "便宜一点", "便宜些", "少点",
                   "再优惠", "优惠点", "考虑一下", "考虑考虑", "再看看", "再想想", "别家",
                   "别的店", "别人家", "其他店", "人家店", "投诉", "差评", "不满意", "太慢",
                   "还不发货", "骗人")
RHETORICAL_WORDS = ("难道", "不是说了", "不是说过", "我不是说", "不是告诉", "已经说了", "说过了",
                    "自己看", "自己不会看", "看不懂吗", "没看到吗", "没看见吗", "听不懂吗",
                    "还要我说", "说了多少遍", "到底要不要", "到底买不买", "有完没完", "怎么又问",
                    "懂不懂")
RECOMMEND_WORDS = ("推荐", "搭配", "配套", "一起买", "一起拍", "加购", "凑单", "套装", "同系列",
                   "还有一款", "另外一款", "这款也", "热销")
REVIEW_WORDS = ("好评", "五星", "5星", "评价", "晒图", "晒单", "追评")
THANKS_WORDS = ("谢谢", "感谢", "多谢")
CLOSING_WORDS = ("发货", "发出", "快递", "物流", "签收", "收货", "到货", "售后", "退换",
                 "随时联系", "随时找", "有问题", "有任何问题", "联系我们", "联系客服", "运费险",
                 "七天无理由")
AFTER_SALE_WORDS = ("退货", "退款", "换货", "退换", "破损", "坏了", "发错", "少发", "漏发",
                    "质量问题", "掉色", "开线", "售后", "投诉", "差评")
ORDERED_WORDS = ("拍了", "拍下", "已拍", "下单了", "已下单", "付款了", "已付款", "付了", "付好了",
                 "已付")
# The former built-in banned list, now only an example (a team's list starts empty).
EXAMPLE_BANNED_WORDS = ("不知道", "没办法", "不可能", "爱买不买", "随便你", "烦不烦", "不关我事",
                        "自己看")
ADDRESS_CHECK_WORDS = ("核对", "确认")

WORD_LISTS: dict[str, str] = {
    "banned_words": "违禁用语",
    "objection_words": "异议用语（买家）",
    "rhetorical_words": "反问/不耐烦用语（客服）",
    "recommend_words": "推荐用语",
    "review_words": "好评邀请用语",
    "thanks_words": "致谢用语",
    "closing_words": "发货/售后交代用语",
    "after_sale_words": "售后/差评用语（买家）",
    "ordered_words": "已下单用语（买家）",
}


@dataclass(frozen=True)
class Standard:
    """The team's checklist: each rule's weight, the rules switched off, the word lists."""

    weights: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    disabled: frozenset[str] = frozenset()
    banned_words: tuple[str, ...] = ()
    objection_words: tuple[str, ...] = OBJECTION_WORDS
    rhetorical_words: tuple[str, ...] = RHETORICAL_WORDS
    recommend_words: tuple[str, ...] = RECOMMEND_WORDS
    review_words: tuple[str, ...] = REVIEW_WORDS
    thanks_words: tuple[str, ...] = THANKS_WORDS
    closing_words: tuple[str, ...] = CLOSING_WORDS
    after_sale_words: tuple[str, ...] = AFTER_SALE_WORDS
    ordered_words: tuple[str, ...] = ORDERED_WORDS

    @property
    def enabled(self) -> tuple[str, ...]:
        """The rules that are checked, in the checklist's order."""
        return tuple(rule for rule in RULE_IDS if rule not in self.disabled)

    def weight(self, rule: str) -> int:
        return self.all_weights[rule]

    @cached_property
    def all_weights(self) -> dict[str, int]:
        """Every rule's weight, the default where none is set."""
        return {rule: int(self.weights.get(rule, DEFAULT_WEIGHTS[rule])) for rule in RULE_IDS}

    def words(self, name: str) -> tuple[str, ...]:
        return getattr(self, name)

    @cached_property
    def patterns(self) -> dict[str, re.Pattern | None]:
        """One compiled pattern per word list (None for an empty list)."""
        return {name: _any_word(self.words(name)) for name in WORD_LISTS}

    def is_objection(self, text: str, kind: str = "text") -> bool:
        """Whether a buyer message objects (bargains, hesitates, compares, complains): a
        text message holding one of the team's objection words. The one test of an
        objection, shared by the checklist and by the automatic replies, which hold back
        from an objecting buyer."""
        pattern = self.patterns["objection_words"]
        return pattern is not None and kind == "text" and pattern.search(text) is not None

    def as_json(self) -> dict:
        return {"weights": {rule: self.weight(rule) for rule in RULE_IDS},
                "disabled": sorted(self.disabled),
                **{name: list(self.words(name)) for name in WORD_LISTS}}

    @classmethod
    def from_json(cls, data: Mapping) -> Standard:
        """A stored standard; what it lacks keeps the default (a rule added later)."""
        weights = dict(DEFAULT_WEIGHTS)
        weights.update({rule: int(value) for rule, value in dict(data.get("weights", {})).items()
                        if rule in DEFAULT_WEIGHTS})
        lists = {name: tuple(str(word) for word in data[name])
                 for name in WORD_LISTS if isinstance(data.get(name), list)}
        disabled = frozenset(rule for rule in data.get("disabled", ()) if rule in DEFAULT_WEIGHTS)
        return cls(weights=weights, disabled=disabled, **lists)


DEFAULT_STANDARD = Standard()


def _any_word(words: Iterable[str]) -> re.Pattern | None:
    words = [w for w in words if w]
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


class RuleResult(NamedTuple):
    """One rule's answer. ``evidence`` are positions in the transcript's ``lines``;
    ``note`` says why in Chinese; ``overridden_from`` is the checker's own answer when a
    supervisor changed it. (A NamedTuple: a month's check makes a million of them.)"""

    rule: str
    result: str
    evidence: tuple[int, ...] = ()
    note: str = ""
    overridden_from: str | None = None


@dataclass(frozen=True)
class ManualItem:
    """An item a supervisor scores by hand when inspecting: 0–100 points at a weight."""

    label: str
    score: float
    weight: int


@dataclass(frozen=True)
class Verdict:
    """A transcript checked: each enabled rule's result and the 0–100 score (None when no
    rule applied)."""

    transcript: Transcript
    results: dict[str, RuleResult]
    score: float | None

    def evidence_times(self, rule: str) -> list[float]:
        return [self.transcript.lines[i].at for i in self.results[rule].evidence]

    def failed(self) -> list[str]:
        return [rule for rule, result in self.results.items() if result.result == FAIL]

    def as_json(self) -> dict:
        """``{conversation, agent, score, rules: {rule: {result, evidence: [times]}}}``,
        times as ISO 8601 local time with offset, like the log files."""
        from workbench.supervision.logfiles import format_time

        lines = self.transcript.lines
        return {"conversation": self.transcript.conversation, "agent": self.transcript.agent,
                "score": self.score,
                "rules": {rule: {"result": r.result,
                                 "evidence": [format_time(lines[i].at) for i in r.evidence]}
                          for rule, r in self.results.items()}}


# --- checking --------------------------------------------------------------------------

def check(transcript: Transcript, standard: Standard = DEFAULT_STANDARD,
          now: float | None = None) -> Verdict:
    """Apply every enabled rule of ``standard`` to ``transcript``.

    Without ``now`` the transcript is complete: a question never answered fails the
    timing rules. With ``now`` (a conversation that may still be going on) a question
    whose limit has not passed yet is not judged, nor is the goodbye of a conversation
    quiet for less than half an hour."""
    facts = _Facts(transcript, standard, now)
    results = {rule: _CHECKS[rule](facts) for rule in standard.enabled}
    return Verdict(transcript, results, score(results, standard))


def check_many(transcripts: Iterable[Transcript], standard: Standard = DEFAULT_STANDARD,
               now: float | None = None) -> list[Verdict]:
    """:func:`check` for each transcript (a month of them at once)."""
    with gc_paused():
        return [check(transcript, standard, now) for transcript in transcripts]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off while a million small tuples are made: it would walk
    them all again and again (a third of the time) and find nothing to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def score(results: Mapping[str, RuleResult], standard: Standard = DEFAULT_STANDARD,
          manual: Iterable[ManualItem] = ()) -> float | None:
    """Σ weight × points ÷ Σ weight over the rules that applied and the manual items, as
    0–100 with one decimal: a passed rule is 100 points, a failed one 0."""
    earned = total = 0.0
    weights = standard.all_weights
    for rule, result in results.items():
        outcome = result[1]
        if outcome != NA:
            weight = weights[rule]
            total += weight
            if outcome == PASS:
                earned += weight
    for item in manual:
        total += item.weight
        earned += item.weight * item.score / 100
    return round(earned / total * 100, 1) if total else None


def with_overrides(verdict: Verdict, overrides: Mapping[str, str],
                   standard: Standard = DEFAULT_STANDARD,
                   manual: Iterable[ManualItem] = ()) -> Verdict:
    """The verdict after a supervisor's changes: results overridden (the checker's own
    answer kept in ``overridden_from``) and the score with the manual items."""
    results = {}
    for rule, result in verdict.results.items():
        wanted = overrides.get(rule)
        if wanted is not None and wanted != result.result:
            result = result._replace(result=wanted, overridden_from=result.result)
        results[rule] = result
    return Verdict(verdict.transcript, results, score(results, standard, manual))


def local_day(at: float) -> tuple[int, int]:
    """The local calendar day of a moment, as (year, day of year)."""
    moment = time.localtime(at)
    return moment.tm_year, moment.tm_yday


class _Facts:
    """What several rules need, worked out once per transcript."""

    def __init__(self, transcript: Transcript, standard: Standard, now: float | None):
        self.transcript = transcript
        self.standard = standard
        self.now = now
        self.lines = lines = transcript.lines
        self.patterns = standard.patterns
        # Rounds: a buyer's run of messages and the first human agent message after it.
        rounds: list[tuple[int, int | None]] = []
        agent_text: list[int] = []
        agents = 0
        last_buyer = -1
        question = None
        for number, line in enumerate(lines):
            sender = line.sender
            if sender == "buyer":
                last_buyer = number
                if question is None:
                    question = number
            elif sender == "agent":
                agents += 1
                if line.kind == "text":
                    agent_text.append(number)
                if question is not None:
                    rounds.append((question, number))
                    question = None
        if question is not None:
            rounds.append((question, None))
        self.rounds = rounds
        self.agent_text = agent_text
        self.has_agent = agents > 0
        self.last_buyer = last_buyer
        # The first round of each local day is held to the first-reply limit.
        firsts = []
        seen_day = None
        for round_ in rounds:
            day = local_day(lines[round_[0]].at)
            if day != seen_day:
                firsts.append(round_)
                seen_day = day
        self.first_rounds = firsts
        self._objections: list[tuple[list[int], list[int]]] | None = None

    # timing ---------------------------------------------------------------------------

    def late(self, round_: tuple[int, int | None], limit: float) -> bool | None:
        """True when the round was answered later than ``limit`` (or never), False when
        in time, None while it is still open and the limit has not passed."""
        question, answer = round_
        asked = self.lines[question].at
        if answer is not None:
            return self.lines[answer].at - asked > limit
        if self.now is not None and self.now - asked <= limit:
            return None
        return True

    def wait(self, round_: tuple[int, int | None]) -> float:
        question, answer = round_
        if answer is None:
            return NEVER
        return self.lines[answer].at - self.lines[question].at

    # words ----------------------------------------------------------------------------

    def agent_lines_matching(self, pattern: re.Pattern | None) -> list[int]:
        if pattern is None:
            return []
        lines = self.lines
        return [n for n in self.agent_text if pattern.search(lines[n].text)]

    def buyer_says(self, pattern: re.Pattern | None) -> list[int]:
        if pattern is None:
            return []
        return [n for n, line in enumerate(self.lines) if line.sender == "buyer"
                and line.kind == "text" and pattern.search(line.text)]

    @property
    def objections(self) -> list[tuple[list[int], list[int]]]:
        """(the objecting buyer messages, the agent and auto messages answering them) for
        each buyer run holding an objection: a run answers until the buyer writes again
        after a human reply."""
        if self._objections is None:
            self._objections = []
            if self.patterns["objection_words"] is not None:
                is_objection = self.standard.is_objection
                current: tuple[list[int], list[int]] | None = None
                in_run = False
                for number, line in enumerate(self.lines):
                    sender = line.sender
                    if sender == "buyer":
                        hit = is_objection(line.text, line.kind)
                        if not in_run:
                            current = None
                        if hit:
                            if current is None:
                                current = ([], [])
                                self._objections.append(current)
                            current[0].append(number)
                        in_run = True
                    elif sender in ("agent", "auto"):
                        if current is not None:
                            current[1].append(number)
                        if sender == "agent":
                            in_run = False
        return self._objections

    def span(self) -> tuple[float, float]:
        return self.lines[0].at, self.lines[-1].at


def _result(rule: str, result: str, evidence: Iterable[int] = (), note: str = "") -> RuleResult:
    return RuleResult(rule, result, tuple(sorted(set(evidence))) if evidence else (), note)


def _round_evidence(rounds) -> list[int]:
    return [n for question, answer in rounds for n in (question, answer) if n is not None]


def _timed(rule: str, facts: _Facts, rounds, limit: float, what: str) -> RuleResult:
    if not rounds:
        return _result(rule, NA, note=f"没有{what}")
    judged, slow = [], []
    for round_ in rounds:
        late = facts.late(round_, limit)
        if late is not None:
            judged.append(round_)
            if late:
                slow.append(round_)
    if not judged:
        return _result(rule, NA, note="还在等待回复，未到时限")
    if slow:
        never = sum(1 for _, answer in slow if answer is None)
        note = f"{len(slow)} 轮超过 {limit:g} 秒" + (f"（其中 {never} 轮没有人工回复）"
                                                  if never else "")
        return _result(rule, FAIL, _round_evidence(slow), note)
    slowest = max(judged, key=facts.wait)
    return _result(rule, PASS, _round_evidence([slowest]),
                   f"最慢一轮 {facts.wait(slowest):g} 秒")


def _first_reply_30s(facts: _Facts) -> RuleResult:
    rule = "first_reply_30s"
    if not facts.first_rounds:
        return _result(rule, NA, note="买家没有发消息")
    return _timed(rule, facts, facts.first_rounds, FIRST_REPLY_S, "买家的提问")


def _reply_3min(facts: _Facts) -> RuleResult:
    firsts = set(facts.first_rounds)
    later = [r for r in facts.rounds if r not in firsts]
    return _timed("reply_3min", facts, later, LATER_REPLY_S, "首轮之后的提问")


def _wait_120s(facts: _Facts) -> RuleResult:
    return _timed("wait_120s", facts, facts.rounds, LONGEST_WAIT_S, "买家的提问")


def _agent_words(rule: str, facts: _Facts, found: list[int], what: str) -> RuleResult:
    if not facts.has_agent:
        return _result(rule, NA, note="没有人工回复")
    if found:
        return _result(rule, FAIL, found, f"{len(found)} 条消息{what}")
    return _result(rule, PASS)


def _polite_address(facts: _Facts) -> RuleResult:
    lines = facts.lines
    found = [n for n in facts.agent_text if PLAIN_FORM in lines[n].text]
    return _agent_words("polite_address", facts, found, "用了“你”")


def _no_rhetorical(facts: _Facts) -> RuleResult:
    found = facts.agent_lines_matching(facts.patterns["rhetorical_words"])
    return _agent_words("no_rhetorical", facts, found, "用了反问或不耐烦的说法")


def _banned_words(facts: _Facts) -> RuleResult:
    pattern = facts.patterns["banned_words"]
    if pattern is None:
        return _result("banned_words", NA, note="团队还没有设置违禁用语")
    return _agent_words("banned_words", facts, facts.agent_lines_matching(pattern),
                        "含违禁用语")


def _on_objection(rule: str, facts: _Facts, offending, what: str) -> RuleResult:
    objections = facts.objections
    if not objections:
        return _result(rule, NA, note="买家没有提出异议")
    lines = facts.lines
    found: list[int] = []
    for objecting, answers in objections:
        bad = [n for n in answers if offending(lines[n])]
        if bad:
            found += objecting + bad
    if found:
        count = sum(1 for n in found if lines[n].sender != "buyer")
        return _result(rule, FAIL, found, f"{count} 条{what}")
    return _result(rule, PASS, [n for objecting, _ in objections for n in objecting])


def _no_exclamation_on_objection(facts: _Facts) -> RuleResult:
    def offending(line: Line) -> bool:
        return line.sender == "agent" and line.kind == "text" and \
            any(mark in line.text for mark in EXCLAMATION_MARKS)

    return _on_objection("no_exclamation_on_objection", facts, offending,
                         "回复异议的消息用了感叹号")


def _no_auto_on_objection(facts: _Facts) -> RuleResult:
    return _on_objection("no_auto_on_objection", facts, lambda line: line.sender == "auto",
                         "自动回复应答了异议")


def _states_address(text: str, address_key: str) -> bool:
    if address_key:
        return address_key in match_key(text)
    return "地址" in text and any(word in text for word in ADDRESS_CHECK_WORDS)


def _verify_address(facts: _Facts) -> RuleResult:
    rule = "verify_address"
    start, end = facts.span()
    paid = [o for o in facts.transcript.orders if o.paid_at is not None
            and start <= o.paid_at <= end]
    if not paid:
        return _result(rule, NA, note="会话中买家没有付款")
    lines = facts.lines
    confirmed: list[int] = []
    missing: list[str] = []
    for order in paid:
        after = order.created_at if order.created_at is not None else start
        key = match_key(order.address)
        found = next((n for n in facts.agent_text
                      if lines[n].at >= after and _states_address(lines[n].text, key)), None)
        if found is None:
            missing.append(order.id)
        else:
            confirmed.append(found)
    if missing:
        return _result(rule, FAIL, confirmed, "没有核对订单 " + "、".join(missing) + " 的地址")
    return _result(rule, PASS, confirmed)


def _after_sale(facts: _Facts) -> bool:
    return bool(facts.buyer_says(facts.patterns["after_sale_words"]))


def _recommend(facts: _Facts) -> RuleResult:
    rule = "recommend"
    if not facts.has_agent:
        return _result(rule, NA, note="没有人工回复")
    if _after_sale(facts):
        return _result(rule, NA, note="售后会话不要求推荐")
    found = facts.agent_lines_matching(facts.patterns["recommend_words"])
    if found:
        return _result(rule, PASS, found[:1])
    return _result(rule, FAIL, note="没有推荐相关商品")


def _review_invite(facts: _Facts) -> RuleResult:
    rule = "review_invite"
    start, end = facts.span()
    ordered = any((o.created_at is not None and start <= o.created_at <= end)
                  or (o.paid_at is not None and start <= o.paid_at <= end)
                  for o in facts.transcript.orders)
    said = facts.buyer_says(facts.patterns["ordered_words"])
    if not (ordered or said) or not facts.has_agent:
        return _result(rule, NA, note="会话中买家没有下单或付款")
    found = facts.agent_lines_matching(facts.patterns["review_words"])
    if found:
        return _result(rule, PASS, found[:1])
    return _result(rule, FAIL, said[:1], "买家下单后没有邀请好评")


def _goodbye(facts: _Facts) -> RuleResult:
    rule = "goodbye"
    if not facts.has_agent:
        return _result(rule, NA, note="没有人工回复")
    if facts.now is not None and facts.now - facts.lines[-1].at < QUIET_S:
        return _result(rule, NA, note="会话还在进行")
    closing = [n for n in facts.agent_text if n > facts.last_buyer]
    if not closing:
        return _result(rule, FAIL, [facts.last_buyer] if facts.last_buyer >= 0 else [],
                       "买家最后的消息没有得到告别回复")
    text = "".join(facts.lines[n].text for n in closing)
    thanks = facts.patterns["thanks_words"]
    informs = facts.patterns["closing_words"]
    missing = []
    if thanks is None or not thanks.search(text):
        missing.append("致谢")
    if informs is None or not informs.search(text):
        missing.append("发货或售后交代")
    if missing:
        return _result(rule, FAIL, closing, "结束语缺少" + "和".join(missing))
    return _result(rule, PASS, closing)


_CHECKS = {
    "first_reply_30s": _first_reply_30s,
    "reply_3min": _reply_3min,
    "wait_120s": _wait_120s,
    "polite_address": _polite_address,
    "no_rhetorical": _no_rhetorical,
    "no_exclamation_on_objection": _no_exclamation_on_objection,
    "no_auto_on_objection": _no_auto_on_objection,
    "banned_words": _banned_words,
    "verify_address": _verify_address,
    "recommend": _recommend,
    "review_invite": _review_invite,
    "goodbye": _goodbye,
}
assert tuple(_CHECKS) == RULE_IDS
