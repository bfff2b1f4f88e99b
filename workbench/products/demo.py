"""The demo shop's catalog: its products and size charts (imported through the same path
as any shop's files), its couriers and promotions."""

from __future__ import annotations

import json

from workbench.paths import RESOURCES
from workbench.products import couriers, importer, promotions
from workbench.store import Store

DEMO = RESOURCES / "demo"
HOUR = 3600.0


def seed(store: Store, editor, now: float) -> None:
    """``editor``: an account allowed to edit products (the demo shop's supervisor)."""
    importer.import_files(store, DEMO / "products.csv", DEMO / "sizes.csv", now=now,
                          agent=editor)
    extra = json.loads((DEMO / "products.json").read_text(encoding="utf-8"))
    for spec in extra["couriers"]:
        couriers.save(store, editor, couriers.Draft(
            spec["name"], spec["tracking_url"], spec["contact"], spec.get("default", False),
            spec.get("note", ""), couriers.parse_rate_lines("\n".join(spec["rates"]))), now)
    for spec in extra["promotions"]:
        starts = now + spec["starts_hours"] * HOUR
        promotions.save(store, editor, promotions.Draft(
            spec["name"], starts, starts + spec["hours"] * HOUR, spec["rules"], spec["coupons"],
            spec["gifts"], tuple(spec["codes"]), spec.get("auto_replies")), now)
