"""Care for imported orders follows the orders' real times: a classic report without
发货时间 still gets its shipping care, and a history import does not flood the 关怀 list
with thanks for orders finished long ago (docs/customers.md, docs/formats-orders.md)."""

import datetime as dt

import pytest
from orders.order_files import CLASSIC_HEADER, classic_row, write_gbk

from workbench import accounts, orders, timefmt
from workbench.customers import care
from workbench.orders.importer import import_report

DAY = 86400.0
IMPORTED = "2026-12-04 09:30"


@pytest.fixture
def viewer(store, clock):
    clock.now = timefmt.parse(IMPORTED)
    return accounts.add(store, "xiaoman", "agent", clock(), "小满")


def report(tmp_path, *rows, name="orders.csv"):
    return write_gbk(tmp_path / name, CLASSIC_HEADER, list(rows))


def due_on(store, viewer, day: str, now: float) -> set[str]:
    """What `care due --date DAY` lists when run at ``now``."""
    return {item.subject for item in care.due(store, viewer, dt.date.fromisoformat(day), now)}


def shipped_row(order_id: str, status: str = "卖家已发货，等待买家确认"):
    return classic_row(order_id, "阿宝", status=status, created="2026-12-02 10:00:00",
                       paid_at="2026-12-02 10:05:00")


def test_a_shipped_order_from_the_classic_report_gets_its_shipping_care(store, viewer,
                                                                        clock, tmp_path):
    path = report(tmp_path, shipped_row("S1"))
    import_report(store, path, now=clock())
    # The classic report has no 发货时间: shipped when the import learned it.
    assert orders.get(store, "S1").shipped_at == clock()
    assert "shipped:S1" in due_on(store, viewer, "2026-12-04", clock())
    assert "shipped:S1" in due_on(store, viewer, "2026-12-05", clock())
    assert "arrived:S1" in due_on(store, viewer, "2026-12-06", clock())
    assert "signed:S1" in due_on(store, viewer, "2026-12-08", clock())
    assert "arrived:S1" not in due_on(store, viewer, "2026-12-05", clock())
    # Re-importing the same report later never moves it.
    later = clock() + 2 * DAY
    assert import_report(store, path, now=later).unchanged == 1
    assert orders.get(store, "S1").shipped_at == clock()


def test_an_order_is_shipped_when_an_import_first_sees_it_shipped(store, viewer, clock,
                                                                  tmp_path):
    import_report(store, report(tmp_path, shipped_row("S2", "买家已付款，等待卖家发货")),
                  now=clock())
    assert orders.get(store, "S2").shipped_at is None
    next_day = clock() + DAY
    import_report(store, report(tmp_path, shipped_row("S2"), name="later.csv"), now=next_day)
    assert orders.get(store, "S2").shipped_at == next_day
    assert "shipped:S2" in due_on(store, viewer, "2026-12-05", next_day)


def test_a_history_import_does_not_flood_the_care_list(store, viewer, clock, tmp_path):
    now = clock()
    path = report(
        tmp_path,
        classic_row("OLD", "阿宝", created="2026-08-01 10:00:00", paid_at="2026-08-01 10:05:00"),
        classic_row("LATE", "乙", created="2026-11-20 10:00:00", paid_at="2026-11-20 10:05:00"),
        classic_row("NEW", "丙", created="2026-12-01 10:00:00", paid_at="2026-12-01 10:05:00"))
    import_report(store, path, now=now)
    # Finished at the latest when the platform confirms by itself, at the latest now.
    assert orders.get(store, "OLD").finished_at == timefmt.parse("2026-08-11 10:05")
    assert orders.get(store, "LATE").finished_at == timefmt.parse("2026-11-30 10:05")
    assert orders.get(store, "NEW").finished_at == now
    today = due_on(store, viewer, "2026-12-04", now)
    assert {s for s in today if s.startswith(("reviewed", "visit"))} == {"reviewed:NEW"}
    assert {s for s in due_on(store, viewer, "2026-12-07", now)
            if s.startswith("visit")} == {"visit:LATE"}
    assert {s for s in due_on(store, viewer, "2026-12-15", now)
            if s.startswith("visit")} == {"visit:NEW"}
    # Re-importing the history later moves nothing.
    assert import_report(store, path, now=now + 30 * DAY).unchanged == 3
    assert orders.get(store, "NEW").finished_at == now


def test_a_finished_order_seen_shipped_before_is_finished_soon_after(store, viewer, clock,
                                                                      tmp_path):
    shipped_at = clock()
    import_report(store, report(tmp_path, shipped_row("A"), shipped_row("B")), now=shipped_at)
    # A: confirmed two days later; B: the next import comes a month later.
    finished = [classic_row(order_id, "阿宝", created="2026-12-02 10:00:00",
                            paid_at="2026-12-02 10:05:00") for order_id in ("A", "B")]
    import_report(store, report(tmp_path, finished[0], name="a.csv"), now=shipped_at + 2 * DAY)
    import_report(store, report(tmp_path, finished[1], name="b.csv"), now=shipped_at + 30 * DAY)
    assert orders.get(store, "A").finished_at == shipped_at + 2 * DAY
    assert orders.get(store, "B").finished_at == shipped_at + 10 * DAY
    assert "reviewed:A" in due_on(store, viewer, "2026-12-06", shipped_at + 2 * DAY)
    a_month_later = due_on(store, viewer, "2027-01-03", shipped_at + 30 * DAY)
    assert not {s for s in a_month_later if s.endswith(":B")}
