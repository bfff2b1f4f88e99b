"""Practice kept apart (练习模式): a practice session runs in a store of its own.

The practice store is a separate SQLite file in a ``practice`` folder beside the real
store (``<dir>/practice/<name>.sqlite3``, its pictures in ``<dir>/practice/images``),
made afresh for every session. So a practice conversation never enters the real store:
not its service figures, not its log search, not its handover, not its 质检. Only the
session's scores go to the real store (:func:`workbench.training.results.record_session`).

The practice store holds the trainee's account, the team's phrases (copied from the real
store), no automatic replies (the trainee greets and answers; the checklist judges the
trainee alone), and the scenario's buyer with the order in context. A window opened on it
is in 练习模式 by the marker :data:`workbench.training.PRACTICE_KEY`.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from workbench import accounts, conversations, orders, quickphrases
from workbench.changes import Changes
from workbench.conversations import reception
from workbench.standards import Line, Order, Transcript
from workbench.store import Store, settings
from workbench.training import PRACTICE_KEY
from workbench.training.play import Played, order_id
from workbench.training.scenarios import Scenario

PRACTICE_SCENARIO_KEY = "training.practice_scenario"
FOLDER = "practice"


def practice_path(real_store_path: Path) -> Path:
    """Where the practice store of the real store at ``real_store_path`` lives."""
    real_store_path = Path(real_store_path)
    return real_store_path.parent / FOLDER / f"{real_store_path.stem}.sqlite3"


def clear(path: Path) -> None:
    """Remove the previous session's practice store and pictures (the file is not open:
    the real window runs one practice session at a time)."""
    for leftover in (path, *(path.with_name(path.name + suffix)
                             for suffix in ("-wal", "-shm", ".lock"))):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    shutil.rmtree(path.parent / "images", ignore_errors=True)
    shutil.rmtree(path.parent / "phrases", ignore_errors=True)


@dataclass(frozen=True)
class Setup:
    """What a fresh practice store holds for the session."""

    trainee: accounts.Agent     # the trainee's account in the practice store
    buyer: str
    order_id: str | None


def prepare(practice: Store, real: Store, trainee: accounts.Agent, scenario: Scenario,
            now: float) -> Setup:
    """Fill a fresh practice store for one session of ``scenario`` starting ``now``."""
    folder = practice.path.parent / "phrases"
    folder.mkdir(parents=True, exist_ok=True)
    exported = []
    for number, pack in enumerate(quickphrases.all_packs(real)):
        if pack.scope == "team" or pack.agent_id == trainee.id:
            path = folder / f"pack{number}.json"
            quickphrases.packs.export(real, pack, path, "json")
            exported.append((pack, path))
    with practice.transaction():
        settings.put(practice, PRACTICE_KEY, "1")
        settings.put(practice, PRACTICE_SCENARIO_KEY, scenario.key)
        settings.put(practice, quickphrases.SHOP_NAME_KEY,
                     settings.get(real, quickphrases.SHOP_NAME_KEY, "") or "")
        settings.put(practice, reception.SETTINGS_KEY,
                     json.dumps({"greeting": "", "busy_reply_waiting": 0}))
        mine = accounts.add(practice, trainee.name, "agent", now, trainee.display_name)
        accounts.sign_in(practice, mine)
        for pack, path in exported:
            quickphrases.packs.import_file(
                practice, path, mode="replace", scope=pack.scope,
                agent=mine if pack.scope == "personal" else None, pack_name=pack.name, now=now)
        buyer_id = conversations.ensure_buyer(practice, scenario.buyer, scenario.tier, now)
        placed = None
        if scenario.order is not None and scenario.product is not None:
            placed = order_id(scenario, now)
            orders.record(practice, buyer_id, _order_fields(scenario, placed, now),
                          [{"title": scenario.product.title, "spec": scenario.product.spec,
                            "price": scenario.product.price,
                            "quantity": scenario.order.quantity}])
    return Setup(mine, scenario.buyer, placed)


PAID_STATUSES = ("WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS",
                 "TRADE_BUYER_SIGNED", "TRADE_FINISHED", "TRADE_CLOSED")
SHIPPED_STATUSES = ("SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED",
                    "TRADE_FINISHED")


def _order_fields(scenario: Scenario, placed: str, now: float) -> dict:
    context, product = scenario.order, scenario.product
    created = now - context.placed_minutes_ago * 60
    total = round((product.price or 0.0) * context.quantity, 2)
    paid = context.status in PAID_STATUSES
    return {"id": placed, "status": context.status, "total": total,
            "paid": total if paid else 0.0, "postage": 0.0, "refund": 0.0,
            "created_at": created, "paid_at": created + 60 if paid else None,
            "shipped_at": created + 3600 if context.status in SHIPPED_STATUSES else None,
            "receiver_name": context.receiver, "phone": context.phone,
            "address": context.address, "courier": context.courier or None,
            "tracking_no": context.tracking_no or None}


def buyer_pays(practice: Store, placed: str, now: float) -> Changes:
    """The simulated buyer pays the practice order (a branch said so)."""
    from workbench.store import orders as order_rows

    order = orders.get(practice, placed)
    if order is None or order.status != "WAIT_BUYER_PAY":
        return Changes()
    with practice.transaction():
        order_rows.update_orders(practice, ("status", "paid", "paid_at"),
                                 [("WAIT_SELLER_SEND_GOODS", order.total, now, placed)])
    return Changes(orders=frozenset({placed}))


def played(practice: Store, setup: Setup, started_at: float, ended_at: float,
           within_time: bool) -> Played:
    """The session as the practice store holds it, for the scorecard: the buyer's
    conversation (notes left out), with the order in context."""
    lines = []
    conversation = conversations.latest_for_buyer(practice, setup.buyer)
    if conversation is not None:
        for message in conversations.history(practice, conversation.id, limit=10_000):
            if message.sender == "note" or message.created_at > ended_at:
                continue
            name = setup.trainee.name if message.sender == "agent" else None
            lines.append(Line(message.created_at, message.sender, message.text, name,
                              message.kind))
    placed = []
    if setup.order_id is not None:
        order = orders.get(practice, setup.order_id)
        placed.append(Order(order.id, order.created_at, order.paid_at, order.address or ""))
    transcript = Transcript("练习-" + (settings.get(practice, PRACTICE_SCENARIO_KEY) or ""),
                            setup.trainee.name, tuple(lines), tuple(placed),
                            buyer=setup.buyer)
    return Played(transcript, started_at, ended_at, within_time)

