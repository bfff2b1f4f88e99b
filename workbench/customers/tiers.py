"""Member tiers (会员体系): the shop's tiers, how a buyer moves up and down, each tier's rights.

The course's two growth modes: upgrade-only (tiers only go up) and up-and-down. A tier
above the base is *reached* when the buyer's purchases inside the window (paid total, or
number of orders) meet its upgrade rule; in the up-and-down mode a buyer *keeps* a tier
while the window's purchases still meet its keep rule (set lower than the upgrade rule so
that a buyer on the edge does not flap), and otherwise falls to the highest tier they
still keep or reach. Stored as JSON in the team's settings; only a
supervisor edits it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

from workbench.changes import Refused

TIERS_KEY = "customers.tiers"
UPGRADE_ONLY = "upgrade"
UP_AND_DOWN = "up_down"
MODES = {UPGRADE_ONLY: "升级模式", UP_AND_DOWN: "升降级模式"}
MAX_TIERS = 8
NAME_LIMIT = 10
RIGHTS_LIMIT = 200


@dataclass(frozen=True)
class Tier:
    name: str
    upgrade_paid: float | None = None     # paid total inside the window that reaches it
    upgrade_orders: int | None = None     # or this many purchases inside the window
    keep_paid: float | None = None        # 升降级模式: kept while the window still has this
    keep_orders: int | None = None
    price_rights: str = ""                # 价格权益
    service_rights: str = ""              # 服务权益
    exclusive_rights: str = ""            # 专享权益

    def reached(self, paid: float, orders: int) -> bool:
        return _meets(self.upgrade_paid, self.upgrade_orders, paid, orders)

    def kept(self, paid: float, orders: int) -> bool:
        keep_paid = self.upgrade_paid if self.keep_paid is None else self.keep_paid
        keep_orders = self.upgrade_orders if self.keep_orders is None else self.keep_orders
        return _meets(keep_paid, keep_orders, paid, orders)

    def upgrade_rule(self) -> str:
        return _rule(self.upgrade_paid, self.upgrade_orders)

    def keep_rule(self) -> str:
        return _rule(self.keep_paid, self.keep_orders)


def _meets(paid_rule: float | None, orders_rule: int | None, paid: float, orders: int) -> bool:
    return ((paid_rule is not None and paid >= paid_rule)
            or (orders_rule is not None and orders >= orders_rule))


def _rule(paid: float | None, orders: int | None) -> str:
    parts = []
    if paid is not None:
        parts.append(f"消费满 ¥{paid:g}")
    if orders is not None:
        parts.append(f"购买 {orders} 次")
    return " 或 ".join(parts) or "—"


@dataclass(frozen=True)
class TierPolicy:
    tiers: tuple[Tier, ...]
    mode: str = UP_AND_DOWN
    window_days: int = 365           # 0: purchases of all time count

    @property
    def base(self) -> Tier:
        return self.tiers[0]

    def name(self, rank: int) -> str:
        return self.tiers[min(max(rank, 0), len(self.tiers) - 1)].name

    def rank_of(self, name: str) -> int | None:
        return next((n for n, tier in enumerate(self.tiers) if tier.name == name), None)

    def rank_for(self, current: int, paid: float, orders: int) -> int:
        """The tier a buyer at ``current`` holds with ``paid`` and ``orders`` inside the
        window: up to the highest tier reached; in 升降级模式 down to the highest tier
        still kept (or reached) when the current one is no longer kept."""
        current = min(max(current, 0), len(self.tiers) - 1)
        reached = max((n for n in range(1, len(self.tiers))
                       if self.tiers[n].reached(paid, orders)), default=0)
        if reached >= current or self.mode == UPGRADE_ONLY:
            return max(reached, current)
        kept = max((n for n in range(1, current + 1) if self.tiers[n].kept(paid, orders)),
                   default=0)
        return max(reached, kept)

    def describe(self) -> str:
        window = f"近 {self.window_days} 天" if self.window_days else "全部时间"
        return f"{MODES.get(self.mode, self.mode)}，按{window}的购买计算"


# Our default: the course's four names, thresholds for a small apparel shop.
DEFAULT_POLICY = TierPolicy((
    Tier("普通", price_rights="店铺公开活动价", service_rights="标准售后，7 天无理由退换",
         exclusive_rights="会员日活动提醒"),
    Tier("高级", 300, 2, 200, 1, price_rights="全店 98 折",
         service_rights="咨询优先接待", exclusive_rights="新品试穿名额"),
    Tier("VIP", 1000, 5, 600, 3, price_rights="全店 95 折，单件包邮",
         service_rights="专属客服，退换货运费险", exclusive_rights="新品预售优先购买"),
    Tier("尊贵VIP", 3000, 10, 2000, 6, price_rights="全店 9 折，全年包邮",
         service_rights="专属客服，售后优先处理", exclusive_rights="生日礼物，线下活动邀请"),
))


def to_json(policy: TierPolicy) -> dict:
    return {"mode": policy.mode, "window_days": policy.window_days,
            "tiers": [asdict(tier) for tier in policy.tiers]}


def from_json(data: dict) -> TierPolicy:
    fields = set(Tier.__dataclass_fields__)
    return TierPolicy(tuple(Tier(**{k: v for k, v in entry.items() if k in fields})
                            for entry in data["tiers"]),
                      str(data.get("mode", UP_AND_DOWN)), int(data.get("window_days", 365)))


def parse(text: str | None) -> TierPolicy:
    """The stored policy; the default when none was saved or it cannot be read."""
    if not text:
        return DEFAULT_POLICY
    try:
        return checked(from_json(json.loads(text)))
    except (ValueError, KeyError, TypeError, Refused):
        return DEFAULT_POLICY


def checked(policy: TierPolicy) -> TierPolicy:
    """The policy with its texts trimmed, or Refused saying what is wrong with it."""
    tiers = tuple(replace(t, name=t.name.strip(), price_rights=" ".join(t.price_rights.split()),
                          service_rights=" ".join(t.service_rights.split()),
                          exclusive_rights=" ".join(t.exclusive_rights.split()))
                  for t in policy.tiers)
    if not 2 <= len(tiers) <= MAX_TIERS:
        raise Refused(f"会员等级应有 2 到 {MAX_TIERS} 级。",
                      f"A shop has 2 to {MAX_TIERS} member tiers.")
    if policy.mode not in MODES:
        raise Refused("成长模式只能是升级模式或升降级模式。",
                      "The growth mode is either upgrade-only or up-and-down.")
    if not 0 <= policy.window_days <= 3650:
        raise Refused("统计窗口应在 0 到 3650 天之间（0 表示全部时间）。",
                      "The window is 0 to 3650 days (0 means all time).")
    names = [t.name for t in tiers]
    for name in names:
        if not name or len(name) > NAME_LIMIT or any(ch.isspace() for ch in name):
            raise Refused(f"等级名称“{name}”不合适：不能为空、不能有空格，最多 {NAME_LIMIT} 个字。",
                          f"Tier name {name!r}: not empty, no spaces, at most {NAME_LIMIT} "
                          "characters.")
    if len(set(names)) != len(names):
        raise Refused("等级名称不能重复。", "Tier names must differ.")
    for tier in tiers:
        for rights in (tier.price_rights, tier.service_rights, tier.exclusive_rights):
            if len(rights) > RIGHTS_LIMIT:
                raise Refused(f"{tier.name}的权益说明最多 {RIGHTS_LIMIT} 个字。",
                              f"The rights of {tier.name} take at most {RIGHTS_LIMIT} "
                              "characters.")
        for value in (tier.upgrade_paid, tier.keep_paid, tier.upgrade_orders, tier.keep_orders):
            if value is not None and value < 0:
                raise Refused(f"{tier.name}的规则不能是负数。",
                              f"The rules of {tier.name} cannot be negative.")
    previous = tiers[1] if len(tiers) > 1 else None
    for tier in tiers[1:]:
        if tier.upgrade_paid is None and tier.upgrade_orders is None:
            raise Refused(f"{tier.name}需要升级条件：消费金额或购买次数，至少写一项。",
                          f"{tier.name} needs an upgrade rule: a paid total or a number of "
                          "orders.")
        if _exceeds(tier.keep_paid, tier.upgrade_paid) or _exceeds(tier.keep_orders,
                                                                    tier.upgrade_orders):
            raise Refused(f"{tier.name}的保级条件不能高于升级条件。",
                          f"The keep rule of {tier.name} cannot exceed its upgrade rule.")
        if tier is not previous and (_exceeds(previous.upgrade_paid, tier.upgrade_paid) or
                                     _exceeds(previous.upgrade_orders, tier.upgrade_orders)):
            raise Refused(f"{tier.name}的升级条件不能低于{previous.name}。",
                          f"The upgrade rule of {tier.name} cannot be below {previous.name}'s.")
        previous = tier
    return replace(policy, tiers=tiers)


def _exceeds(value: float | None, limit: float | None) -> bool:
    return value is not None and limit is not None and value > limit
