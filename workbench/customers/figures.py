"""Member figures (会员数据) of a period, as docs/metrics.md defines them.

A buyer becomes a member with their first purchase (the base tier is 普通会员). The course's
four figures for watching a member system come first: new members, the members' share of
sales, activity and churn. Then the repurchase rate, and how care did: how much was sent,
and the share of it followed by a purchase within seven days.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from workbench.accounts import permissions
from workbench.customers import DAY, PURCHASE_STATUSES, require
from workbench.store import Store
from workbench.store import customers as rows

CHURN_DAYS = 365
FOLLOW_DAYS = 7


LABELS = {
    "members": "会员数（期末）", "new_members": "新增会员", "new_member_rate": "新增会员率",
    "sales": "期间成交额", "member_sales": "会员消费额", "member_sales_share": "会员消费占比",
    "active_members": "活跃会员", "activity": "会员活跃度", "lapsed_members": "流失会员",
    "churn_rate": "会员流失率", "repeat_buyers": "复购买家", "buyers": "购买买家",
    "repurchase_rate": "复购率", "care_sent": "发出的关怀", "care_followed": "关怀后成交",
    "care_followed_rate": "关怀后 7 天内成交的比例",
}


@dataclass(frozen=True)
class MemberFigures:
    members: int                  # members at the period's end
    new_members: int
    new_member_rate: float | None
    sales: float                  # paid in the period, refunds taken off
    member_sales: float           # of it, bought by those already members
    member_sales_share: float | None
    active_members: int
    activity: float | None
    lapsed_members: int
    churn_rate: float | None
    repeat_buyers: int
    buyers: int
    repurchase_rate: float | None
    care_sent: int
    care_followed: int
    care_followed_rate: float | None

    def as_json(self) -> dict:
        return asdict(self)


def _rate(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def member_figures(store: Store, viewer, since: float, until: float) -> MemberFigures:
    """The shop's member figures for [since, until) (supervisors: they are the team's)."""
    require(viewer, permissions.READ_ALL_FIGURES, "只有主管可以查看会员数据。",
            "Only a supervisor reads the member figures.")
    firsts = rows.first_purchases(store, PURCHASE_STATUSES, until)
    members_at_start = sum(1 for at in firsts.values() if at < since)
    new_members = len(firsts) - members_at_start
    sales = member_sales = 0.0
    purchases: Counter[int] = Counter()
    for buyer_id, at, amount in rows.purchases_between(store, PURCHASE_STATUSES, since, until):
        sales += amount
        purchases[buyer_id] += 1
        if at > firsts[buyer_id]:
            member_sales += amount
    active = sum(1 for buyer_id in purchases if firsts[buyer_id] < since)
    lapsed = len(firsts) - rows.purchasers_between(store, PURCHASE_STATUSES,
                                                   until - CHURN_DAYS * DAY, until)
    repeat = sum(1 for n in purchases.values() if n >= 2)
    sent = rows.care_sent_between(store, since, until)
    followed = sum(1 for row in sent if rows.bought_within(
        store, PURCHASE_STATUSES, row["buyer_id"], row["at"], row["at"] + FOLLOW_DAYS * DAY))
    return MemberFigures(
        members=len(firsts), new_members=new_members,
        new_member_rate=_rate(new_members, len(firsts)),
        sales=round(sales, 2), member_sales=round(member_sales, 2),
        member_sales_share=_rate(member_sales, sales),
        active_members=active, activity=_rate(active, members_at_start),
        lapsed_members=lapsed, churn_rate=_rate(lapsed, len(firsts)),
        repeat_buyers=repeat, buyers=len(purchases),
        repurchase_rate=_rate(repeat, len(purchases)),
        care_sent=len(sent), care_followed=followed,
        care_followed_rate=_rate(followed, len(sent)))
