"""The case's steps as a small state machine (docs/aftersale.md draws it).

A case stands at a *position*: its state, and while 处理中 possibly a waiting point:

    待处理 → 处理中（等买家寄回 · 等仓库收货 · 等补发/换货发出 · 等买家确认 · 等主管审批）
           → 已解决 or 已拒绝 → 已回访

Each step names the positions it may start from and where it leads; some steps only fit
some kinds or causes, need a note, a tracking number or an amount, or a supervisor.
Pure data and functions: :mod:`workbench.aftersale.cases` applies them to the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.aftersale import (
    BAD_REVIEW,
    COMPLAINT,
    EXCHANGE,
    PAYING_KINDS,
    PENDING,
    REFUSED,
    RESOLVED,
    RETURNING_KINDS,
    SHIPPING_KINDS,
    VISITED,
    WAIT_APPROVAL,
    WAIT_BUYER,
    WAIT_RETURN,
    WAIT_SHIPMENT,
    WAIT_WAREHOUSE,
    WORKING,
    Case,
)
from workbench.changes import Refused
from workbench.textnorm import lookup, match_key

Position = tuple[str, str | None]
P_PENDING: Position = (PENDING, None)
P_WORKING: Position = (WORKING, None)
P_RETURN: Position = (WORKING, WAIT_RETURN)
P_WAREHOUSE: Position = (WORKING, WAIT_WAREHOUSE)
P_SHIPMENT: Position = (WORKING, WAIT_SHIPMENT)
P_BUYER: Position = (WORKING, WAIT_BUYER)
P_APPROVAL: Position = (WORKING, WAIT_APPROVAL)
P_RESOLVED: Position = (RESOLVED, None)
P_REFUSED: Position = (REFUSED, None)
P_VISITED: Position = (VISITED, None)

FREE = frozenset({P_PENDING, P_WORKING})  # waiting for nobody: the agent acts
WAITING_ON_OTHERS = frozenset({P_RETURN, P_WAREHOUSE, P_SHIPMENT, P_BUYER})
OPEN = FREE | WAITING_ON_OTHERS | {P_APPROVAL}
SETTLED = frozenset({P_RESOLVED, P_REFUSED})
ANY = OPEN | SETTLED | {P_VISITED}

# The course's four points for a bad review or a complaint, in order.
FOUR_POINTS = ("查明原因", "认真倾听", "安抚解释", "跟进处理")
REVIEW_CAUSES = frozenset({BAD_REVIEW, COMPLAINT})
OPENED = "新建"           # the first line of every history
SYNCED = "平台同步"       # a refund report moved the case
REVISED = "修改"          # kind, cause, amount or postage changed
EVIDENCE = "附加图片"


@dataclass(frozen=True)
class Rule:
    name: str
    english: str                          # the command line's other name for it
    froms: frozenset[Position]
    to: Position | None                   # None: the case stays where it is
    needs: frozenset[str] = frozenset()   # of "note", "tracking", "amount", "outcome"
    kinds: frozenset[str] | None = None   # None: every kind
    causes: frozenset[str] | None = None  # None: every cause
    supervisor: bool = False
    help: str = ""


def _rule(name, english, froms, to, needs=(), kinds=None, causes=None, supervisor=False,
          help=""):
    return Rule(name, english, frozenset(froms), to, frozenset(needs),
                frozenset(kinds) if kinds is not None else None,
                frozenset(causes) if causes is not None else None, supervisor, help)


RULES: tuple[Rule, ...] = (
    _rule("受理", "accept", {P_PENDING}, P_WORKING, help="接手处理这张售后单"),
    _rule("核对条件", "check", FREE, P_WORKING,
          help="核对退换货条件：七天内、吊牌完好、未使用"),
    *(_rule(point, english, FREE, P_WORKING, causes=REVIEW_CAUSES,
            help="差评/投诉处理的四个要点之一")
      for point, english in zip(FOUR_POINTS, ("find-cause", "listen", "soothe", "follow"),
                                strict=True)),
    _rule("发送退货地址", "send-address", FREE, P_RETURN, kinds=RETURNING_KINDS,
          help="把退货地址和要求发给买家，等买家寄回"),
    _rule("买家已寄回", "returned", {P_RETURN}, P_WAREHOUSE, needs={"tracking"},
          help="买家填写了退货快递单号"),
    _rule("仓库收货", "received", {P_WAREHOUSE}, None, needs={"note"},
          help="仓库收到退货：记下快递、单号和收到的东西"),
    _rule("安排发出", "arrange", FREE, P_SHIPMENT, kinds=SHIPPING_KINDS,
          help="通知仓库补发或发出换货"),
    _rule("已发出", "shipped", {P_SHIPMENT}, P_BUYER, needs={"tracking"},
          kinds=SHIPPING_KINDS, help="补发或换货已发出，已告诉买家单号"),
    _rule("提出方案", "propose", FREE, P_BUYER, needs={"note"},
          help="把处理方案告诉买家，等买家同意"),
    _rule("买家确认", "confirmed", {P_BUYER}, None, help="买家确认收到或同意方案"),
    _rule("申请审批", "ask-approval", FREE, P_APPROVAL, needs={"amount"},
          help="补偿或折扣超出客服权限，请主管审批"),
    _rule("批准", "approve", {P_APPROVAL}, P_WORKING, supervisor=True, help="主管批准"),
    _rule("驳回", "deny", {P_APPROVAL}, P_WORKING, needs={"note"}, supervisor=True,
          help="主管驳回，写明原因"),
    _rule("退款", "refund", FREE, P_RESOLVED, needs={"amount"}, kinds=PAYING_KINDS,
          help="退款给买家，售后单解决"),
    _rule("解决", "resolve", FREE | {P_BUYER}, P_RESOLVED, help="问题已解决"),
    _rule("拒绝", "refuse", FREE | WAITING_ON_OTHERS, P_REFUSED, needs={"note"},
          help="不符合条件：写明告诉买家的原因"),
    _rule("回访", "visit", SETTLED, P_VISITED, needs={"outcome"},
          help="回访买家：记下通话时间、结果和说明"),
    _rule("提醒买家", "remind", OPEN - {P_APPROVAL}, None, needs={"note"},
          help="提醒买家延长收货或填写退货单号"),
    _rule("记录评价", "review", OPEN | SETTLED, None, needs={"note"},
          causes={BAD_REVIEW}, help="记下评价内容和星级"),
    _rule("评价已修改", "review-changed", ANY, None, causes={BAD_REVIEW},
          help="买家自己修改或追加了评价"),
    _rule("备注", "note", ANY - {P_VISITED}, None, needs={"note"}, help="内部备注"),
)
BY_NAME = {rule.name: rule for rule in RULES}
_BY_WORD = lookup({**{r.name: r.name for r in RULES}, **{r.english: r.name for r in RULES}})


def rule(text: str) -> Rule:
    """The step a person named, in Chinese or by its English name."""
    name = _BY_WORD.get(match_key(text))
    if name is None:
        names = "、".join(r.name for r in RULES)
        raise Refused(f"没有名为“{text}”的售后步骤；可用：{names}。",
                      f"No after-sale step {text!r}; use one of "
                      f"{', '.join(r.english for r in RULES)}.")
    return BY_NAME[name]


def refusal(rule: Rule, case: Case) -> Refused | None:
    """Why this step does not fit this case where it stands now; None when it does."""
    here = case.waiting or case.state
    if case.position not in rule.froms:
        return Refused(f"售后单 {case.number} 现在是“{here}”，不能做“{rule.name}”。",
                       f"Case {case.number} is at {here}: the step {rule.english} is not "
                       "allowed from there.")
    if rule.kinds is not None and case.kind not in rule.kinds:
        return Refused(f"“{rule.name}”不适用于{case.kind}的售后单。",
                       f"The step {rule.english} does not apply to a {case.kind} case.")
    if rule.causes is not None and case.cause not in rule.causes:
        causes = "、".join(sorted(rule.causes))
        return Refused(f"“{rule.name}”只用于原因为{causes}的售后单。",
                       f"The step {rule.english} is only for cases caused by {causes}.")
    return None


def allowed(case: Case) -> list[Rule]:
    """The steps that fit the case now, in the order the window offers them."""
    return [r for r in RULES if refusal(r, case) is None]


def target(rule: Rule, case: Case, owes_refund: bool) -> Position:
    """Where the step leads this case."""
    if rule.to is not None:
        return rule.to
    if rule.name == "仓库收货":
        # An exchange ships the new item next; a return is refunded next.
        return P_SHIPMENT if case.kind == EXCHANGE else P_WORKING
    if rule.name == "买家确认":
        return P_WORKING if owes_refund else P_RESOLVED
    return case.position
