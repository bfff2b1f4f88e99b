"""After-sale cases (售后单): every refund, return, exchange, reissue, compensation and bad
review followed from the buyer's first word to the 回访.

The vocabulary (kinds, causes, the course's remedies by cause, who pays the return
postage), the case as the window and the command line read it, and the queries. The
steps and their rules are in :mod:`workbench.aftersale.machine` (the state machine) and
:mod:`workbench.aftersale.cases` (the operations); docs/aftersale.md tells it all.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench import timefmt
from workbench.changes import Refused
from workbench.store import Store
from workbench.store import aftersale as case_rows
from workbench.textnorm import lookup, match_key

# --- kinds, causes, remedies ---------------------------------------------------------

REFUND_ONLY = "仅退款"
RETURN_REFUND = "退货退款"
EXCHANGE = "换货"
REISSUE = "补发"
COMPENSATION = "退差价/补偿"
OUT_OF_STOCK = "缺货"
FOLLOW_UP = "仅跟进"  # ours: a bad review or complaint where no money or goods move
KINDS = (REFUND_ONLY, RETURN_REFUND, EXCHANGE, REISSUE, COMPENSATION, OUT_OF_STOCK, FOLLOW_UP)
COMPENSATIONS = ("运费", "价保", "折扣")

WRONG_ITEM = "发错货"
MISSING_ITEM = "发少货/漏发"
QUALITY = "质量问题"
LOGISTICS = "物流慢/破损/丢件"
NO_REASON = "七天无理由"
BAD_REVIEW = "差评"
COMPLAINT = "投诉"
CAUSES = (WRONG_ITEM, MISSING_ITEM, QUALITY, LOGISTICS, NO_REASON, BAD_REVIEW, COMPLAINT)

# The remedies offered first for a cause: the course's (发错货 → 退货、换货; 发少货 → 退款、
# 补发; 质量问题 → 退货、换货), in its order; the others are ours. The first is the default;
# the agent may choose any kind.
REMEDIES: dict[str | None, tuple[str, ...]] = {
    WRONG_ITEM: (RETURN_REFUND, EXCHANGE),
    MISSING_ITEM: (REFUND_ONLY, REISSUE),
    QUALITY: (RETURN_REFUND, EXCHANGE),
    LOGISTICS: (REISSUE, REFUND_ONLY, COMPENSATION),
    NO_REASON: (RETURN_REFUND, EXCHANGE),
    BAD_REVIEW: (FOLLOW_UP, COMPENSATION),
    COMPLAINT: (FOLLOW_UP, COMPENSATION),
    None: KINDS,
}
SELLER, BUYER = "卖家", "买家"
# Who pays the return postage: the seller for its own fault, the buyer for 七天无理由.
SELLER_FAULTS = (WRONG_ITEM, MISSING_ITEM, QUALITY, LOGISTICS)
RETURNING_KINDS = (RETURN_REFUND, EXCHANGE)
# Kinds that pay money back, and kinds that ship goods again.
PAYING_KINDS = (REFUND_ONLY, RETURN_REFUND, COMPENSATION, OUT_OF_STOCK)
SHIPPING_KINDS = (REISSUE, EXCHANGE, OUT_OF_STOCK)

# --- states and waiting points -------------------------------------------------------

PENDING, WORKING, RESOLVED, REFUSED, VISITED = "待处理", "处理中", "已解决", "已拒绝", "已回访"
STATES = (PENDING, WORKING, RESOLVED, REFUSED, VISITED)
WAIT_RETURN = "等买家寄回"
WAIT_WAREHOUSE = "等仓库收货"
WAIT_SHIPMENT = "等补发/换货发出"
WAIT_BUYER = "等买家确认"
WAIT_APPROVAL = "等主管审批"
WAITING = (WAIT_RETURN, WAIT_WAREHOUSE, WAIT_SHIPMENT, WAIT_BUYER, WAIT_APPROVAL)
SETTLED = (RESOLVED, REFUSED)
OPEN_WORD = "未结"  # the filter for cases still owing something
APPROVAL_ASKED, APPROVAL_GRANTED, APPROVAL_REFUSED = "待审批", "已批准", "已驳回"
# How the buyer took it at the 回访 (the course asks after the buyer's 满意度).
VISIT_OUTCOMES = ("满意", "一般", "不满意")

_KIND_WORDS = {
    **{kind: (kind, None) for kind in KINDS},
    "退款": (REFUND_ONLY, None), "refund": (REFUND_ONLY, None),
    "退货": (RETURN_REFUND, None), "return": (RETURN_REFUND, None),
    "exchange": (EXCHANGE, None), "reissue": (REISSUE, None), "resend": (REISSUE, None),
    "退差价": (COMPENSATION, None), "补偿": (COMPENSATION, None),
    "compensation": (COMPENSATION, None),
    "运费": (COMPENSATION, "运费"), "退运费": (COMPENSATION, "运费"),
    "postage": (COMPENSATION, "运费"),
    "价保": (COMPENSATION, "价保"), "price": (COMPENSATION, "价保"),
    "折扣": (COMPENSATION, "折扣"), "discount": (COMPENSATION, "折扣"),
    "stockout": (OUT_OF_STOCK, None), "out-of-stock": (OUT_OF_STOCK, None),
    "跟进": (FOLLOW_UP, None), "follow-up": (FOLLOW_UP, None),
}
_CAUSE_WORDS = {
    **{cause: cause for cause in CAUSES},
    "错发": WRONG_ITEM, "wrong": WRONG_ITEM, "wrong-item": WRONG_ITEM,
    "发少货": MISSING_ITEM, "漏发": MISSING_ITEM, "少发": MISSING_ITEM,
    "missing": MISSING_ITEM,
    "质量": QUALITY, "quality": QUALITY,
    "物流": LOGISTICS, "物流慢": LOGISTICS, "破损": LOGISTICS, "丢件": LOGISTICS,
    "logistics": LOGISTICS,
    "7天无理由": NO_REASON, "无理由": NO_REASON, "no-reason": NO_REASON,
    "7-day": NO_REASON,
    "bad-review": BAD_REVIEW, "review": BAD_REVIEW, "中差评": BAD_REVIEW,
    "complaint": COMPLAINT,
}
_STATE_WORDS = {
    **{state: state for state in (*STATES, *WAITING, OPEN_WORD)},
    "pending": PENDING, "working": WORKING, "resolved": RESOLVED, "refused": REFUSED,
    "visited": VISITED, "open": OPEN_WORD, "等补发": WAIT_SHIPMENT, "等换货发出": WAIT_SHIPMENT,
    "等审批": WAIT_APPROVAL,
}
_OUTCOME_WORDS = {
    **{outcome: outcome for outcome in VISIT_OUTCOMES},
    "satisfied": "满意", "happy": "满意", "neutral": "一般", "ok": "一般", "so-so": "一般",
    "unsatisfied": "不满意", "dissatisfied": "不满意", "unhappy": "不满意",
}
_KIND_BY_WORD = lookup(_KIND_WORDS)
_OUTCOME_BY_WORD = lookup(_OUTCOME_WORDS)
_CAUSE_BY_WORD = lookup(_CAUSE_WORDS)
_STATE_BY_WORD = lookup(_STATE_WORDS)


def parse_kind(text: str) -> tuple[str, str | None]:
    """The kind (and for 退差价/补偿 which one) a person wrote; refused if unknown."""
    found = _KIND_BY_WORD.get(match_key(text))
    if found is None:
        known = "、".join(KINDS)
        raise Refused(f"看不懂售后类型“{text}”；可用：{known}（补偿可写 运费、价保、折扣）。",
                      f"Unknown after-sale kind {text!r}; use one of {', '.join(KINDS)} "
                      "(or refund, return, exchange, reissue, postage, price, discount).")
    return found


def parse_cause(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    found = _CAUSE_BY_WORD.get(match_key(text))
    if found is None:
        raise Refused(f"看不懂售后原因“{text}”；可用：{'、'.join(CAUSES)}。",
                      f"Unknown cause {text!r}; use one of {', '.join(CAUSES)}.")
    return found


def parse_state(text: str) -> str:
    """A state, a waiting point, or 未结 — every case still owing something."""
    found = _STATE_BY_WORD.get(match_key(text))
    if found is None:
        known = "、".join((OPEN_WORD, *STATES, *WAITING))
        raise Refused(f"看不懂状态“{text}”；可用：{known}。",
                      f"Unknown state {text!r}; use open, pending, working, resolved, "
                      "refused, visited or a waiting point such as 等买家寄回.")
    return found


def parse_outcome(text: str) -> str:
    """A 回访's outcome as written — 满意 一般 不满意 — or satisfied, neutral, unsatisfied."""
    found = _OUTCOME_BY_WORD.get(match_key(text))
    if found is None:
        raise Refused(f"看不懂回访结果“{text}”；可用：{'、'.join(VISIT_OUTCOMES)}。",
                      f"Unknown outcome {text!r}; use satisfied, neutral or unsatisfied.")
    return found


def default_kind(cause: str | None) -> str:
    return REMEDIES[cause][0]


def postage_payer(cause: str | None, kind: str) -> str | None:
    """Who pays the return postage by default: the seller when the fault is the shop's,
    the buyer for 七天无理由. None when nothing is sent back or it is still to agree."""
    if kind not in RETURNING_KINDS:
        return None
    if cause in SELLER_FAULTS:
        return SELLER
    if cause == NO_REASON:
        return BUYER
    return None


# --- the case ------------------------------------------------------------------------

def case_no(case_id: int) -> str:
    """The 售后单号 the buyer is told."""
    return f"SH{case_id:06d}"


def parse_case_id(text: str | int) -> int:
    """A case as written: ``12`` or ``SH000012``."""
    plain = match_key(str(text)).removeprefix("sh").removeprefix("#")
    if not plain.isdigit():
        raise Refused(f"看不懂售后单号“{text}”（例如 12 或 SH000012）。",
                      f"Cannot read the case number {text!r} (e.g. 12 or SH000012).")
    return int(plain)


@dataclass(frozen=True)
class Case:
    id: int
    order_id: str
    buyer_id: int
    buyer_nick: str
    conversation_id: int | None
    message_id: int | None
    kind: str
    compensation: str | None
    cause: str | None
    state: str
    waiting: str | None
    amount: float | None
    refunded: float | None
    refunded_at: float | None
    postage_payer: str | None
    return_courier: str | None
    return_tracking: str | None
    received_at: float | None
    received_note: str | None
    reship_courier: str | None
    reship_tracking: str | None
    check_ok: int | None
    check_note: str | None
    check_failed: str | None      # the conditions found unmet, 、-separated
    review_text: str | None
    review_rating: int | None
    review_changed_at: float | None
    approval_state: str | None
    approval_amount: float | None
    refund_no: str | None
    platform_state: str | None
    note: str
    opened_by: int | None
    opened_by_name: str | None
    opened_at: float
    updated_at: float | None
    due_at: float | None
    settled_at: float | None
    visited_at: float | None      # when the 回访 call was made
    visit_outcome: str | None
    visit_note: str | None
    late_steps: int
    todo_id: int | None
    assignee_kind: str | None
    assignee_id: int | None
    assignee_name: str | None
    assignee_shift: str | None

    @property
    def number(self) -> str:
        return case_no(self.id)

    @property
    def position(self) -> tuple[str, str | None]:
        return self.state, self.waiting

    @property
    def step_name(self) -> str:
        """Where the case stands: its waiting point when it waits, else its state."""
        return self.waiting or self.state

    @property
    def kind_name(self) -> str:
        return f"{self.kind}（{self.compensation}）" if self.compensation else self.kind

    @property
    def platform_state_name(self) -> str:
        """The platform's refund state in the back office's own words (kept as its code)."""
        from workbench.aftersale.refunds import PLATFORM_STATES  # refunds imports this

        words = PLATFORM_STATES.get(self.platform_state or "")
        return words[0] if words else self.platform_state or ""

    @property
    def is_open(self) -> bool:
        """Something is still owed (a step or the 回访): the case has a due time."""
        return self.due_at is not None

    def overdue(self, now: float) -> bool:
        return self.due_at is not None and now > self.due_at

    @property
    def assignee_label(self) -> str:
        """Who holds the case: its todo's assignee; a case that never had a todo (imported
        already settled) is its opener's."""
        if self.assignee_kind == "shift":
            return f"{self.assignee_shift}（班次）"
        if self.assignee_kind == "team":
            return "全组"
        if self.assignee_kind is None:
            return self.opened_by_name or "—"
        return self.assignee_name or "—"


@dataclass(frozen=True)
class Step:
    """One line of the case's history."""

    id: int
    case_id: int
    at: float
    agent_id: int | None
    agent_name: str | None
    step: str
    state: str
    waiting: str | None
    note: str
    tracking: str | None
    amount: float | None
    due_at: float | None

    @property
    def position_name(self) -> str:
        return self.waiting or self.state


@dataclass(frozen=True)
class Evidence:
    id: int
    case_id: int
    file: str
    source: str | None
    sent_at: float | None
    added_by: int | None
    added_by_name: str | None
    added_at: float


@dataclass(frozen=True)
class CaseFilter:
    """What the 售后 window and `workbench aftersale list` filter by."""

    agent_id: int | None = None   # cases this agent holds (None: the team's)
    state: str | None = None      # a state, a waiting point or 未结
    kind: str | None = None
    cause: str | None = None
    overdue: bool = False
    awaiting_approval: bool = False
    order_id: str | None = None
    buyer: str = ""               # part of the buyer's nick or of the order id

    def query(self, now: float) -> dict:
        states: tuple[str, ...] = ()
        waiting = None
        if self.state in WAITING:
            waiting = self.state
        elif self.state in STATES:
            states = (self.state,)
        if self.awaiting_approval and waiting is None and states in ((), (WORKING,)):
            # Asked and still waiting: a refund report may have moved a case on meanwhile.
            states, waiting = (), WAIT_APPROVAL
        return {"agent_id": self.agent_id, "states": states, "waiting": waiting,
                "open_only": self.state == OPEN_WORD, "kind": self.kind, "cause": self.cause,
                "overdue_at": now if self.overdue else None,
                "approval": APPROVAL_ASKED if self.awaiting_approval else None,
                "order_id": self.order_id, "buyer": self.buyer.strip()}


def get(store: Store, case_id: int) -> Case | None:
    row = case_rows.case(store, case_id)
    return Case(**row) if row else None


def require(store: Store, case_id: int) -> Case:
    case = get(store, case_id)
    if case is None:
        raise Refused(f"找不到售后单 {case_no(case_id)}。",
                      f"No after-sale case {case_no(case_id)}.")
    return case


def for_order(store: Store, order_id: str) -> list[Case]:
    """The order's cases, newest first."""
    return [Case(**row) for row in case_rows.cases_of_order(store, order_id)]


def find(store: Store, where: CaseFilter, now: float, limit: int = -1,
         offset: int = 0) -> list[Case]:
    """Cases matching ``where``: those owing something soonest due first, then the
    settled ones newest first."""
    # Positional: the window builds a page on every filter change. The store's columns
    # come in the order of Case's fields (a test checks).
    return [Case(*row) for row in case_rows.find_cases(store, limit, offset,
                                                       **where.query(now))]


def count(store: Store, where: CaseFilter, now: float) -> int:
    return case_rows.count_cases(store, **where.query(now))


def awaiting_approval(store: Store, now: float) -> tuple[int, int]:
    """The team's cases waiting for a supervisor's decision, and how many of them are
    overdue (what the supervisors' 待办 panel says)."""
    return (count(store, CaseFilter(awaiting_approval=True), now),
            count(store, CaseFilter(awaiting_approval=True, overdue=True), now))


def history(store: Store, case_id: int) -> list[Step]:
    return [Step(**row) for row in case_rows.steps(store, case_id)]


def histories(store: Store, case_ids: list[int]) -> dict[int, list[Step]]:
    found: dict[int, list[Step]] = {case_id: [] for case_id in case_ids}
    for row in case_rows.steps_of_cases(store, case_ids):
        found[row["case_id"]].append(Step(**row))
    return found


def evidence(store: Store, case_id: int) -> list[Evidence]:
    return [Evidence(**row) for row in case_rows.evidence(store, case_id)]


def open_case_of_buyer(store: Store, buyer_id: int) -> Case | None:
    """The buyer's latest case still owing something (for {售后单号})."""
    row = case_rows.latest_open_case_of_buyer(store, buyer_id)
    return Case(**row) if row else None


def conversations_with_cases(store: Store, since: float, until: float) -> set[int]:
    """Where 质检's 售后/差评 sample looks: the conversations of buyers who had a case
    opened in [since, until)."""
    return case_rows.conversations_of_cases_opened(store, since, until)


def clock_words(case: Case, now: float) -> str:
    """The case's clock as the lists show it: time left, or how long overdue."""
    if case.due_at is None:
        return ""
    left = case.due_at - now
    words = _duration(abs(left))
    return f"超时 {words}" if left < 0 else f"剩 {words}"


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days}天{hours}小时"
    if hours:
        return f"{hours}小时{minutes:02d}分"
    return f"{minutes}分"


def when(at: float | None) -> str:
    return timefmt.minute(at) if at else ""
