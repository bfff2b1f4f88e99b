"""What the buyer is told about their case, in our words: the return address and
requirements, reminders, the shipment of a reissue or exchange, why the case is refused.
Also the phrase variables {退货地址} and {售后单号}.

Nothing here (or anywhere in the workbench) offers money or gifts for changing a review:
the platforms forbid 诱导好评. A remedy is for the problem, never for the rating.
"""

from __future__ import annotations

from workbench.aftersale import BUYER, NO_REASON, SELLER, Case, open_case_of_buyer
from workbench.aftersale.policy import Policy, load
from workbench.store import Store

RETURN_ADDRESS = "退货地址"
CASE_NUMBER = "售后单号"


def postage_words(case: Case) -> str:
    if case.postage_payer == SELLER:
        return "这次寄回的运费由我们承担，请先垫付，退款时一并退给您。"
    if case.postage_payer == BUYER:
        return "七天无理由退换的寄回运费需要您承担，请您谅解。"
    return ""


def return_address(case: Case, policy: Policy) -> str:
    """The message sent with 发送退货地址."""
    return (f"亲，您的售后单号是 {case.number}。请把商品寄回：{policy.return_address}。"
            f"{policy.return_requirements}{postage_words(case)}"
            "寄出后请在退款申请里填写快递单号，或直接告诉我们。")


def remind_extend(case: Case) -> str:
    return (f"亲，售后单 {case.number} 还在处理中，为了不让订单自动确认收货，"
            "麻烦您在订单页点一下“延长收货”，谢谢配合！")


def remind_tracking(case: Case) -> str:
    return (f"亲，售后单 {case.number} 的商品寄出后，请在退款申请里填写退货快递单号，"
            "我们收到货会第一时间为您处理。")


def shipped(case: Case) -> str:
    what = "换货" if case.kind == "换货" else "补发的商品"
    courier = f"{case.reship_courier} " if case.reship_courier else ""
    return (f"亲，您的{what}已经发出了：{courier}{case.reship_tracking or ''}，"
            "请留意查收，收到后有任何问题随时联系我们。")


# How each unmet 退换货条件 (cases.CONDITIONS) is said to the buyer.
UNMET_WORDS = {"七天内": "已超过签收后七天", "吊牌完好": "吊牌已拆或不完整",
               "未使用": "商品有使用痕迹、影响二次销售"}


def refusal_reason(case: Case) -> str:
    """Why the case is refused, from its failed 退换货条件 check; empty without one."""
    if not case.check_failed:
        return ""
    unmet = [UNMET_WORDS.get(name, name) for name in case.check_failed.split("、")]
    rule = "七天无理由退换" if case.cause == NO_REASON else "退换货"
    return f"{'，'.join(unmet)}，不符合{rule}条件"


def refused(case: Case, reason: str) -> str:
    """The message sent with 拒绝 — the reason the buyer is told."""
    reason = reason.strip().rstrip("。！.!")  # ascii: the ends of a sentence
    return (f"亲，很抱歉，您的售后单 {case.number} 这次没法按您的申请办理：{reason}。"
            "给您带来不便，请您谅解；如有疑问，随时联系我们。")


def phrase_values(store: Store, buyer_id: int | None) -> dict[str, str]:
    """{退货地址} from the team's policy; {售后单号} of the buyer's latest open case."""
    values = {RETURN_ADDRESS: load(store).return_address}
    case = open_case_of_buyer(store, buyer_id) if buyer_id is not None else None
    if case is not None:
        values[CASE_NUMBER] = case.number
    return {name: value for name, value in values.items() if value}
