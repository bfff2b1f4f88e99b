"""The demo shop seeded into an empty store, so `make run` shows a working shop at once.

Its phrases come from the shipped team pack, which the preload imports into every store.
"""

from __future__ import annotations

import json

from workbench import accounts, conversations, handover, orders, quickphrases
from workbench.paths import RESOURCES
from workbench.products import demo as products_demo
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
        for nick, tier in shop["buyer_tiers"].items():
            conversations.ensure_buyer(store, nick, tier, now)
        for spec in shop["orders"]:
            _seed_order(store, spec, now)
        signed_in = accounts.current(store)
        assert signed_in is not None
        for spec in shop["todos"]:
            buyer_id = conversations.ensure_buyer(store, spec["buyer"], "普通", now)
            handover.add(store, spec["title"], signed_in, now, priority=spec["priority"],
                         buyer_id=buyer_id, order_id=spec.get("order"),
                         due_at=now + spec["due_hours"] * HOUR)
        products_demo.seed(store, accounts.by_name(store, "wang"), now)
    return True


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
        "receiver_name": spec["receiver_name"], "phone": spec["phone"],
        "address": spec["address"], "courier": spec.get("courier"),
        "tracking_no": spec.get("tracking_no"), "buyer_message": spec.get("buyer_message"),
    }
    buyer_id = conversations.ensure_buyer(store, spec["buyer"], "普通", now)
    orders.record(store, buyer_id, fields, spec["items"])
