import csv

import openpyxl
import pytest

from workbench import orders, timefmt
from workbench.changes import Refused
from workbench.orders import export, importer, reminders
from workbench.orders.export import Cancelled
from workbench.orders.importer import import_report

HOUR = 3600.0


def ids(store, now, **where):
    return [o.id for o in orders.find(store, orders.OrderFilter(**where), now)]


def test_filters_by_status_flag_buyer_and_date(demo_store, agent, clock):
    now = clock()
    assert ids(demo_store, now, status="TRADE_CLOSED") == ["3515313147329357909"]
    assert ids(demo_store, now, buyer="Coco") == ["3515313147329357907", "3515313147329357909"]
    orders.set_flag(demo_store, "3515313147329357907", agent, 1, now, remark="补发票")
    assert ids(demo_store, now, flag=1) == ["3515313147329357907"]
    recent = ids(demo_store, now, since=now - 4 * HOUR)
    assert recent == ["3515313147329357905", "3515313147329357902"]
    assert ids(demo_store, now, until=now - 600 * HOUR) == ["3515313147329357909"]
    assert orders.count(demo_store, orders.OrderFilter(buyer="%"), now) == 0


def test_unpaid_for_more_than_n_hours_and_not_yet_reminded(demo_store, agent, clock):
    now = clock()
    # The demo's unpaid order was placed 5 hours ago.
    assert ids(demo_store, now, unpaid_hours=4) == ["3515313147329357906"]
    assert ids(demo_store, now, unpaid_hours=6) == []
    reminders.remind(demo_store, "3515313147329357906", agent, now)
    assert ids(demo_store, now, unpaid_hours=4) == []


def test_export_csv_can_be_imported_again(demo_store, agent, clock, tmp_path):
    orders.add_remark(demo_store, "3515313147329357902", agent, "礼盒包装", clock())
    path = tmp_path / "orders.csv"
    assert export.export(demo_store, orders.OrderFilter(), path, clock()) == 9
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["订单编号", "买家会员名", "订单状态"]
    row = next(r for r in rows if r[0] == '="3515313147329357902"')
    assert row[2] == "买家已付款，等待卖家发货"
    assert row[17] == f"礼盒包装—小满—{timefmt.minute(clock())}"
    result = import_report(demo_store, path, now=clock())
    assert (result.added, result.updated, result.remark_differences) == (0, 0, [])


def test_export_xlsx_with_a_filter(demo_store, clock, tmp_path):
    path = tmp_path / "unpaid.xlsx"
    where = orders.OrderFilter(status="WAIT_BUYER_PAY")
    assert export.export(demo_store, where, path, clock()) == 1
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "3515313147329357906" and rows[1][1] == "阿飞不飞"
    assert importer.read_report(path).headers[0] == "订单编号"


def test_export_refuses_other_file_types(demo_store, clock, tmp_path):
    with pytest.raises(Refused, match=".csv 或 .xlsx"):
        export.export(demo_store, orders.OrderFilter(), tmp_path / "x.txt", clock())


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_cancelled_export_leaves_no_file(demo_store, clock, tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(export, "BATCH", 2)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / f"orders{suffix}").write_bytes(b"the last export")
    with pytest.raises(Cancelled):
        export.export(demo_store, orders.OrderFilter(), folder / f"orders{suffix}", clock(),
                      cancelled=lambda: True)
    assert [p.name for p in folder.iterdir()] == [f"orders{suffix}"]
    assert (folder / f"orders{suffix}").read_bytes() == b"the last export"


FORMULAS = ["=HYPERLINK(\"http://x\",\"click\")", "=cmd|' /C calc'!A0", "+1+2", "@SUM(A1)",
            "-2+3"]


def remarked_orders(store, clock, tmp_path) -> list[str]:
    """Orders whose back office remark is a formula, as a careless or hostile hand wrote."""
    path = tmp_path / "evil.csv"
    lines = ["订单编号,买家会员名,订单状态,订单备注"]  # ascii: csv
    for n, text in enumerate(FORMULAS):
        quoted = '"' + text.replace('"', '""') + '"'
        lines.append(f'="77{n}",晴天小鹿,交易成功,{quoted}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_report(store, path, now=clock())
    return [f"77{n}" for n in range(len(FORMULAS))]


def test_csv_export_writes_formula_like_text_behind_a_quote(demo_store, clock, tmp_path):
    remarked_orders(demo_store, clock, tmp_path)
    path = tmp_path / "orders.csv"
    export.export(demo_store, orders.OrderFilter(buyer="晴天小鹿"), path, clock())
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    remarks = {row[0]: row[17] for row in rows[1:]}
    for n, text in enumerate(FORMULAS):
        assert remarks[f'="77{n}"'] == "'" + text
    # ... and reads back as the remark it was.
    assert import_report(demo_store, path, now=clock()).updated == 0


def test_xlsx_export_cells_are_text_never_formulas(demo_store, clock, tmp_path):
    remarked_orders(demo_store, clock, tmp_path)
    path = tmp_path / "orders.xlsx"
    export.export(demo_store, orders.OrderFilter(buyer="晴天小鹿"), path, clock())
    sheet = openpyxl.load_workbook(path).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert {cell.data_type for cell in cells} == {"s"}
    assert {row[17].value for row in sheet.iter_rows(min_row=2)} >= set(FORMULAS)


def test_export_into_a_missing_folder_or_onto_a_folder_says_so(demo_store, clock, tmp_path):
    from workbench.store import StoreError

    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError) as missing:
        export.export(demo_store, orders.OrderFilter(), tmp_path / "nowhere" / "o.csv",
                      clock())
    assert "nowhere 不存在" in missing.value.zh and "\n" not in missing.value.zh
    assert "does not exist" in missing.value.en
    (tmp_path / "taken.xlsx").mkdir()
    with pytest.raises(StoreError) as folder:
        export.export(demo_store, orders.OrderFilter(), tmp_path / "taken.xlsx", clock())
    assert "是一个文件夹" in folder.value.zh
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "taken.xlsx"])
    assert list((tmp_path / "taken.xlsx").iterdir()) == []
