"""Promotions (促销活动): what the 促销活动执行手册 gives the agents, and the auto-replies
written for them.

A promotion has a name, a start and an end, its rules (活动细则), coupons and gifts, the
products it covers (none named: the whole shop) and, optionally, auto-replies that replace
the team's normal ones while it runs. The course's rule: when a 限时活动 ends, its
auto-reply must be swapped out at once. Here nothing has to be swapped by hand: reception
asks :func:`auto_replies_at` at the moment a buyer writes, so the normal replies are back
the second the promotion ends.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.store import Store, events
from workbench.store import products as product_rows
from workbench.textnorm import match_key, split_list

# The reception settings a promotion may replace, and what the 商品 window calls them.
AUTO_REPLIES = {"greeting": "欢迎语", "busy_reply": "忙碌时自动回复",
                "away_reply": "离开时自动回复", "queue_reply": "排队时自动回复"}


@dataclass(frozen=True)
class Promotion:
    id: int
    name: str
    starts_at: float
    ends_at: float
    rules: str
    coupons: str
    gifts: str
    codes: tuple[str, ...]         # the products it covers; empty for the whole shop
    auto_replies: dict[str, str]

    def running(self, now: float) -> bool:
        return self.starts_at <= now < self.ends_at

    def covers(self, code: str | None) -> bool:
        return not self.codes or (code is not None and match_key(code) in
                                  {match_key(c) for c in self.codes})


@dataclass(frozen=True)
class Draft:
    name: str
    starts_at: float
    ends_at: float
    rules: str = ""
    coupons: str = ""
    gifts: str = ""
    codes: tuple[str, ...] = ()
    auto_replies: dict[str, str] | None = None


def _from_row(row) -> Promotion:
    return Promotion(row["id"], row["name"], row["starts_at"], row["ends_at"], row["rules"],
                     row["coupons"], row["gifts"], tuple(split_list(row["codes"])),
                     json.loads(row["auto_replies"] or "{}"))


def all_promotions(store: Store) -> list[Promotion]:
    return [_from_row(row) for row in product_rows.promotions(store)]


def running(store: Store, now: float, code: str | None = None) -> list[Promotion]:
    """The promotions running at ``now`` (covering product ``code`` when given)."""
    found = [_from_row(row) for row in product_rows.running_promotions(store, now)]
    return [p for p in found if code is None or p.covers(code)]


def auto_replies_at(store: Store, now: float) -> dict[str, str]:
    """The auto-replies of the promotions running at ``now``, by reception setting; where
    two promotions write the same one, the one that started last wins."""
    replies: dict[str, str] = {}
    for promotion in running(store, now):
        for name, text in promotion.auto_replies.items():
            if name in AUTO_REPLIES and text.strip():
                replies.setdefault(name, text)
    return replies


def save(store: Store, agent, draft: Draft, now: float, promotion_id: int | None = None
         ) -> Changes:
    permissions.require(agent, permissions.EDIT_PRODUCTS)
    name = draft.name.strip()
    if not name:
        raise Refused("活动名称不能为空。", "The promotion needs a name.")
    if draft.ends_at <= draft.starts_at:
        raise Refused("活动的结束时间必须晚于开始时间。", "A promotion must end after it starts.")
    replies = {key: text.strip() for key, text in (draft.auto_replies or {}).items()
               if text.strip()}
    unknown = [key for key in replies if key not in AUTO_REPLIES]
    if unknown:
        raise ValueError(unknown)
    with store.transaction():
        keys = [match_key(code) for code in draft.codes]
        known = product_rows.ids_by_keys(store, keys)
        missing = [code for code, key in zip(draft.codes, keys, strict=True)
                   if key not in known]
        if missing:
            raise Refused("找不到活动商品：" + "、".join(missing) + "。",
                          "Unknown products: " + ", ".join(missing) + ".")
        values = (name, draft.starts_at, draft.ends_at, draft.rules.strip(),
                  draft.coupons.strip(), draft.gifts.strip(), "、".join(draft.codes),
                  json.dumps(replies, ensure_ascii=False))
        if promotion_id is None:
            promotion_id = product_rows.insert_promotion(store, values, now)
        else:
            product_rows.update_promotion(store, promotion_id, values, now)
        events.record(store, now, agent.id, "promotion.save", f"promotion:{promotion_id}",
                      {"name": name, "starts_at": draft.starts_at, "ends_at": draft.ends_at,
                       "auto_replies": replies})
    return Changes(products=True)


def delete(store: Store, agent, promotion_id: int, now: float) -> Changes:
    permissions.require(agent, permissions.EDIT_PRODUCTS)
    with store.transaction():
        product_rows.delete_promotion(store, promotion_id)
        events.record(store, now, agent.id, "promotion.delete", f"promotion:{promotion_id}",
                      {})
    return Changes(products=True)
