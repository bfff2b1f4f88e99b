"""Keeping the files current: figures, classes and tiers computed from orders and chats.

``recompute`` works out a set of buyers (or all) in one transaction: purchases, paid total,
items, first and last purchase, the usual repurchase interval, chat days, the classes, and
the tier the shop's rules give (a change of tier goes into the buyer's history). An order
import calls ``refresh_for_orders`` for the buyers it touched; each buyer message calls
``note_buyer_message``, which only moves the chat figures.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workbench import timefmt
from workbench.accounts import permissions
from workbench.changes import Changes
from workbench.customers import (
    DAY,
    PURCHASE_STATUSES,
    marks_of,
    policy,
    require,
)
from workbench.customers import tiers as tier_rules
from workbench.store import Store, events, settings
from workbench.store import customers as rows

PROGRESS_EVERY = 5000
IMPORT_REASON = "导入订单后按会员规则重算"
RULES_REASON = "按会员规则计算"
RULES_CHANGED_REASON = "会员规则调整后重算"


class Cancelled(Exception):
    """Someone stopped the recompute; nothing was written."""


@dataclass(frozen=True)
class Recomputed:
    buyers: int                  # files looked at
    changed: frozenset[int]      # files whose figures, classes or tier changed
    tier_changes: int

    @property
    def changes(self) -> Changes:
        return Changes(buyers=self.changed)


def _never() -> bool:
    return False


def recompute(store: Store, now: float, buyer_ids: Iterable[int] | None = None, *,
              reason: str = RULES_REASON, agent_id: int | None = None,
              progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] = _never) -> Recomputed:
    """Recompute the files of ``buyer_ids`` (None: every buyer) as of ``now``."""
    shop = policy(store)
    window_start = now - shop.window_days * DAY if shop.window_days else float("-inf")
    ids = sorted(set(buyer_ids)) if buyer_ids is not None else None
    scoped = ids is not None
    with store.transaction():
        created = rows.create_missing(store, ids)
        if scoped:
            rows.set_scope(store, ids)
        bought = {row[0]: row for row in
                  rows.purchase_figures(store, PURCHASE_STATUSES, window_start, scoped)}
        chats = {row[0]: (row[1], row[2]) for row in rows.chat_figures(store, scoped)}
        states = rows.file_states(store, scoped).fetchall()
        updates, renamed, history, tags = [], [], [], []
        changed: set[int] = set(created)
        width = len(rows.FIGURE_COLUMNS)
        for done, state in enumerate(states):
            if done % PROGRESS_EVERY == 0:
                if cancelled():
                    raise Cancelled
                if progress is not None:
                    progress(done, len(states))
            buyer_id = state[0]
            old = tuple(state[1:1 + width])
            risk_reason, no_contact, tags_json, shown_tier = state[1 + width:]
            figures = bought.get(buyer_id)
            orders = figures["orders"] if figures else 0
            first = figures["first_order_at"] if figures else None
            last = figures["last_order_at"] if figures else None
            interval = (last - first) / (orders - 1) / DAY if orders >= 2 else None
            chat_days, last_chat = chats.get(buyer_id, (0, None))
            buyer_tags = json.loads(tags_json or "[]")
            tags += [(tag, buyer_id) for tag in buyer_tags]
            old_rank = old[0]
            rank = shop.rank_for(old_rank, round(figures["window_paid"], 2) if figures else 0,
                                 figures["window_orders"] if figures else 0)
            new = (rank, old[1] if rank == old_rank else now,
                   marks_of(orders, chat_days, buyer_tags, bool(risk_reason), bool(no_contact)),
                   orders, round(figures["paid_total"], 2) if figures else 0,
                   (figures["items"] or 0) if figures else 0, first, last,
                   figures["window_orders"] if figures else 0,
                   round(figures["window_paid"], 2) if figures else 0,
                   round(interval, 1) if interval is not None else None,
                   last + interval * DAY if interval else None, chat_days, last_chat)
            name = shop.name(rank)
            if name != shown_tier:
                renamed.append((name, buyer_id))
                history.append((buyer_id, now, agent_id, "tier", shown_tier, name, reason))
            if new != old:
                updates.append((*new, buyer_id))
                changed.add(buyer_id)
            elif name != shown_tier:
                changed.add(buyer_id)
        rows.update_figures(store, updates)
        rows.set_buyer_tiers(store, renamed)
        rows.insert_history(store, history)
        rows.replace_tags(store, tags, scoped)
        if not scoped:
            rows.analyse(store)
        if progress is not None:
            progress(len(states), len(states))
    return Recomputed(len(states), frozenset(changed), len(history))


def refresh_for_orders(store: Store, order_ids: Iterable[str], now: float,
                       agent_id: int | None = None) -> Recomputed:
    """After an import: the buyers of these orders, recomputed."""
    order_ids = list(order_ids)
    with store.transaction():
        return recompute(store, now, rows.buyers_of_orders(store, order_ids),
                         reason=IMPORT_REASON, agent_id=agent_id)


def note_buyer_message(store: Store, buyer_id: int, at: float) -> None:
    """A buyer wrote: the chat days and last chat move on, and the classes with them. A
    buyer seen for the first time gets their whole file (and the tier the rules give)."""
    with store.transaction():
        state = rows.chat_state(store, buyer_id)
        if state is None:
            recompute(store, at, [buyer_id])
            return
        last = state["last_chat_at"]
        if last is not None and (at <= last or
                                 timefmt.local(at).date() == timefmt.local(last).date()):
            # The same day: only the last chat moves (and only its index is touched).
            if at > last:
                rows.note_chat(store, buyer_id, at)
            return
        chats = state["chats"] + 1
        marks = marks_of(state["orders"], chats, json.loads(state["tags"] or "[]"),
                         bool(state["risk_reason"]), bool(state["do_not_contact"]))
        rows.note_chat_day(store, buyer_id, chats, at, marks)


def save_policy(store: Store, agent, policy_: tier_rules.TierPolicy, now: float, *,
                progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] = _never) -> Recomputed:
    """Replace the shop's member tiers (supervisors only) and recompute every buyer by
    them, in one transaction: a buyer whose tier changes has it in their history."""
    require(agent, permissions.EDIT_MEMBER_TIERS, "会员等级规则只能由主管修改。",
            "Only a supervisor edits the member tiers.")
    policy_ = tier_rules.checked(policy_)
    with store.transaction():
        old = settings.get(store, tier_rules.TIERS_KEY)
        value = json.dumps(tier_rules.to_json(policy_), ensure_ascii=False)
        settings.put(store, tier_rules.TIERS_KEY, value)
        events.record(store, now, agent.id, "customers.tiers", "settings:" + tier_rules.TIERS_KEY,
                      {"old": json.loads(old) if old else None, "new": tier_rules.to_json(policy_)})
        return recompute(store, now, reason=RULES_CHANGED_REASON, agent_id=agent.id,
                         progress=progress, cancelled=cancelled)
