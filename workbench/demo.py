"""The demo shop seeded into an empty store, so `make run` shows a working shop at once.

Its phrases come from the shipped team pack, which the preload imports into every store.
"""

from __future__ import annotations

import json

from workbench import accounts, conversations, handover, orders, quickphrases
from workbench.paths import RESOURCES
from workbench.store import Store, settings

DEMO_FILE = RESOURCES / "demo" / "shop.json"
HOUR = 3600.0


def seed_if_empty(store: Store, now: float) -> bool:
    """Seed the demo shop when the store has no agents yet; True if it did."""
    if accounts.all_agents(store):
        return False
    shop = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    with store.transaction():
        settings.put(store, quickphrases.SHOP_NAME_KEY, shop["shop"])
        for spec in shop["agents"]:
            agent = accounts.add(store, spec["name"], spec["role"], now, spec["display_name"])
            if spec.get("signed_in"):
                accounts.sign_in(store, agent)
        for nick in shop["buyers"]:
            conversations.ensure_buyer(store, nick, "普通", now)
        for spec in shop["orders"]:
            _seed_order(store, spec, now)
        signed_in = accounts.current(store)
        assert signed_in is not None
        for spec in shop["todos"]:
            buyer_id = conversations.ensure_buyer(store, spec["buyer"], "普通", now)
            handover.add(store, spec["title"], signed_in, now, priority=spec["priority"],
                         buyer_id=buyer_id, order_id=spec.get("order"),
                         due_at=now + spec["due_hours"] * HOUR)
        _seed_customers(store, shop, now)
        from workbench.products import demo as products_demo  # only for a new demo store

        products_demo.seed(store, accounts.by_name(store, "wang"), now)
    return True


def _seed_customers(store: Store, shop: dict, now: float) -> None:
    """The shop's member tiers (every buyer's tier follows from them) and a few files."""
    from workbench import customers  # only for a new demo store
    from workbench.customers import recompute, tiers

    supervisor = next(a for a in accounts.all_agents(store) if a.role == "supervisor")
    signed_in = accounts.current(store)
    recompute.save_policy(store, supervisor, tiers.from_json(shop["member_tiers"]), now)
    for spec in shop["customers"]:
        buyer_id = conversations.ensure_buyer(store, spec["buyer"], "普通", now)
        customers.edit(store, buyer_id, signed_in, now, gender=spec.get("gender", ""),
                       source=spec.get("source", ""))
        customers.set_tags(store, buyer_id, signed_in, spec.get("tags", []), now)
        if spec.get("risk"):
            customers.set_risk(store, buyer_id, supervisor, spec["risk"], now)
        if spec.get("note"):
            customers.add_note(store, buyer_id, signed_in, spec["note"], now)


def _seed_order(store: Store, spec: dict, now: float) -> None:
    created = now - spec["hours_ago"] * HOUR
    paid = spec["status"] not in ("WAIT_BUYER_PAY", "TRADE_CLOSED_BY_TAOBAO")
    shipped = spec["status"] in ("SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS",
                                 "TRADE_BUYER_SIGNED", "TRADE_FINISHED")
    fields = {
        "id": spec["id"], "status": spec["status"], "total": spec["total"],
        "paid": spec["paid"], "postage": spec.get("postage", 0), "refund": spec.get("refund", 0),
        "created_at": created, "paid_at": created + 600 if paid else None,
        "shipped_at": created + 20 * HOUR if shipped else None,
        # The buyer confirmed three days after the parcel left.
        "finished_at": created + 92 * HOUR if spec["status"] == "TRADE_FINISHED" else None,
        "receiver_name": spec["receiver_name"], "phone": spec["phone"],
        "address": spec["address"], "courier": spec.get("courier"),
        "tracking_no": spec.get("tracking_no"), "buyer_message": spec.get("buyer_message"),
    }
    buyer_id = conversations.ensure_buyer(store, spec["buyer"], "普通", now)
    orders.record(store, buyer_id, fields, spec["items"])
