import datetime as dt

import openpyxl
import pytest

from orders.order_files import (
    CLASSIC_HEADER,
    ITEM_HEADER,
    NEWER_HEADER,
    classic_row,
    write_gbk,
    write_utf8_bom,
)
from workbench import filereader, orders, timefmt
from workbench.filereader import FileRefused
from workbench.orders.importer import Cancelled, import_report
from workbench.store import events, people


def snapshot(store) -> list[str]:
    """Everything in the store, to show an import left no trace."""
    return list(store.conn.iterdump())


def test_gbk_report_with_excel_proofing_quirks(demo_store, agent, clock, gbk_report):
    result = import_report(demo_store, gbk_report, now=clock(), agent_id=agent.id)
    assert (result.added, result.updated, result.unchanged, result.new_buyers) == (3, 0, 0, 1)

    order = orders.get(demo_store, "35153131473293579")
    assert order.buyer_nick == "晴天小鹿"  # matched to the known buyer
    assert order.status == "TRADE_FINISHED"
    assert order.phone == "13800001111"  # the leading ' is gone
    assert order.address == "上海市徐汇区漕溪北路 201 号"  # header "收货地址 " matched
    assert order.paid_at == timefmt.parse("2025-11-20 10:05:00")  # header "订单付款时间 "
    assert order.created_at == timefmt.parse("2025-11-20 10:01:02")
    assert order.tracking_no == "78312345678901"
    assert order.source_remark == "9.2珠，中通 礼物"
    assert [(i.title, i.quantity) for i in orders.items(demo_store, order.id)] == [
        ("纯棉连帽卫衣", 1)]

    unpaid = orders.get(demo_store, "35153131473293580")
    assert unpaid.status == "WAIT_BUYER_PAY" and unpaid.paid_at is None
    assert people.buyer_by_nick(demo_store, "新来的买家") is not None
    assert orders.get(demo_store, "35153131473293581").status == "TRADE_CLOSED"
    assert result.changes.orders == {"35153131473293579", "35153131473293580",
                                     "35153131473293581"}
    (event,) = [e for e in events.for_subject(demo_store, "file:ExportOrderList.csv")]
    assert event["kind"] == "orders.import"


def test_utf8_with_bom_and_the_newer_header_names(demo_store, clock, tmp_path):
    row = ["35153131473299999", "Coco在路上", "88.50", "98.50", "卖家已发货，等待买家确认", "高可",
           "北京市朝阳区望京街 10 号", "13700005555", "2025-11-22 20:15:00", "2025-11-22 20:16:30",
           "2025-11-23 11:00:00", "珊瑚绒睡袍", "颜色：灰；尺码：L", "SF1234567890", "顺丰速运", ""]
    path = write_utf8_bom(tmp_path / "orders-2025.csv", NEWER_HEADER, [row])
    result = import_report(demo_store, path, now=clock())
    assert result.added == 1
    order = orders.get(demo_store, "35153131473299999")
    assert (order.paid, order.total) == (88.5, 98.5)
    assert order.status == "WAIT_BUYER_CONFIRM_GOODS"
    assert order.created_at == timefmt.parse("2025-11-22 20:15:00")
    assert order.paid_at == timefmt.parse("2025-11-22 20:16:30")
    assert order.shipped_at == timefmt.parse("2025-11-23 11:00:00")
    assert (order.courier, order.tracking_no) == ("顺丰速运", "SF1234567890")
    (item,) = orders.items(demo_store, order.id)
    assert (item.title, item.spec) == ("珊瑚绒睡袍", "颜色：灰；尺码：L")


def test_xlsx_report(demo_store, clock, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["订单编号 ", "买家会员名", "订单状态", "总金额", "买家实际支付金额",
                  "订单创建时间", "订单付款时间"])
    sheet.append(["35153131473290001", "阿飞不飞", "WAIT_BUYER_PAY", 59, 0,
                  dt.datetime(2025, 11, 23, 9, 0), None])
    sheet.append(["'35153131473290002", "阿飞不飞", "交易成功", 59.9, 59.9,
                  "2025-11-01 08:00:00", "2025/11/01 08:03"])
    path = tmp_path / "orders.xlsx"
    book.save(path)
    result = import_report(demo_store, path, now=clock())
    assert result.added == 2
    first = orders.get(demo_store, "35153131473290001")
    assert (first.status, first.total, first.created_at) == (
        "WAIT_BUYER_PAY", 59.0, dt.datetime(2025, 11, 23, 9, 0).timestamp())
    second = orders.get(demo_store, "35153131473290002")
    assert second.paid_at == timefmt.parse("2025-11-01 08:03")


def test_reimport_is_idempotent_and_keeps_local_remarks_and_flags(demo_store, agent, clock,
                                                                 gbk_report):
    import_report(demo_store, gbk_report, now=clock())
    order_id = "35153131473293580"
    orders.set_flag(demo_store, order_id, agent, 1, clock(), remark="改地址到杭州")
    before = snapshot(demo_store)

    clock.advance(3600)
    again = import_report(demo_store, gbk_report, now=clock())
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert again.changes.orders == frozenset()
    after = [line for line in snapshot(demo_store) if "orders.import" not in line]
    assert after == [line for line in before if "orders.import" not in line]
    assert orders.get(demo_store, order_id).flag == 1
    assert [r.content for r in orders.remarks(demo_store, order_id)] == ["改地址到杭州"]


def test_reimport_updates_changed_orders_without_touching_flags(demo_store, agent, clock,
                                                               tmp_path):
    path = tmp_path / "a.csv"
    write_gbk(path, CLASSIC_HEADER, [classic_row("1001", "新买家", status="等待买家付款",
                                                 paid="0", paid_at="")])
    import_report(demo_store, path, now=clock())
    orders.set_flag(demo_store, "1001", agent, 3, clock(), remark="已催付")
    write_gbk(path, CLASSIC_HEADER, [classic_row("1001", "新买家",
                                                 status="买家已付款，等待卖家发货",
                                                 paid_at="2025-11-20 12:00:00")])
    result = import_report(demo_store, path, now=clock())
    assert (result.added, result.updated) == (0, 1)
    order = orders.get(demo_store, "1001")
    assert (order.status, order.flag) == ("WAIT_SELLER_SEND_GOODS", 3)
    assert len(orders.items(demo_store, "1001")) == 1  # the summary item is not doubled


def test_a_differing_back_office_remark_is_kept_and_reported(demo_store, agent, clock,
                                                            tmp_path):
    path = write_gbk(tmp_path / "a.csv", CLASSIC_HEADER, [classic_row("1002", "新买家")])
    import_report(demo_store, path, now=clock())
    orders.add_remark(demo_store, "1002", agent, "送发圈", clock())
    write_gbk(path, CLASSIC_HEADER, [classic_row("1002", "新买家", remark="仓库：缺货改期")])
    result = import_report(demo_store, path, now=clock())
    (difference,) = result.remark_differences
    assert difference.order_id == "1002"
    assert difference.file_remark == "仓库：缺货改期"
    assert difference.local_memo.startswith("送发圈—小满—")
    assert "后台备注与工作台里的备注不同" in result.summary()
    assert orders.get(demo_store, "1002").source_remark == "仓库：缺货改期"
    assert [r.content for r in orders.remarks(demo_store, "1002")] == ["送发圈"]


BAD_ROWS = [
    ("missing id", {"order_id": ""}, "订单编号", "缺少订单编号"),
    ("excel mangled id", {"order_id": "3.51531E+16"}, "订单编号", "科学计数法"),
    ("amount", {"total": "12元9角"}, "总金额", "不是数字"),
    ("date", {"created": "2025-13-45 10:00:00"}, "订单创建时间", "看不懂"),
    ("status", {"status": "买家在犹豫"}, "订单状态", "无法识别"),
    ("endless amount", {"total": "inf"}, "总金额", "不是数字"),
    ("negative amount", {"total": "-10"}, "总金额", "金额不能是负数"),
    ("absurd amount", {"paid": "1" + "0" * 23}, "买家实际支付金额", "超出合理范围"),
]


@pytest.mark.parametrize(("case", "change", "column", "reason"), BAD_ROWS,
                         ids=[case[0] for case in BAD_ROWS])
def test_a_bad_row_stops_the_import_and_leaves_the_store_unchanged(
        demo_store, clock, tmp_path, case, change, column, reason):
    good = classic_row("2001", "第一位新买家")
    bad = classic_row(change.pop("order_id", "2002"), "第二位新买家", **change)
    path = write_gbk(tmp_path / "bad.csv", CLASSIC_HEADER, [good, bad])
    before = snapshot(demo_store)
    with pytest.raises(FileRefused) as refused:
        import_report(demo_store, path, now=clock())
    error = refused.value
    assert (error.path.name, error.row) == ("bad.csv", 3)
    assert error.column.strip() == column
    assert reason in error.reason
    assert "bad.csv 第 3 行" in str(error) and "没有任何改动" in str(error)
    assert error.en != error.zh and "line 3" in error.en
    assert snapshot(demo_store) == before


def test_a_row_refused_while_writing_undoes_the_buyers_already_created(demo_store, clock,
                                                                      tmp_path):
    rows = [classic_row("3001", "刚出现的买家"), classic_row("3002", "")]
    path = write_gbk(tmp_path / "nobuyer.csv", CLASSIC_HEADER, rows)
    before = snapshot(demo_store)
    with pytest.raises(FileRefused, match="第 3 行“买家会员名”列"):
        import_report(demo_store, path, now=clock())
    assert snapshot(demo_store) == before
    assert people.buyer_by_nick(demo_store, "刚出现的买家") is None


def test_a_file_without_an_order_id_column_is_refused(demo_store, clock, tmp_path):
    path = write_gbk(tmp_path / "x.csv", ["编号", "金额"], [["1", "2"]])
    with pytest.raises(FileRefused, match="缺少必需的列：订单编号"):
        import_report(demo_store, path, now=clock())


def test_a_file_in_neither_gbk_nor_utf8_is_refused(demo_store, clock, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes("订单编号\n".encode("gbk") + b"\x80\x80\n1\n")
    with pytest.raises(FileRefused, match="编码"):
        import_report(demo_store, path, now=clock())


def test_headers_written_as_excel_formulas_are_matched(demo_store, clock, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text('="订单编号",买家会员名 ,="订单状态"\n="4001",甲,交易成功\n', encoding="utf-8")
    assert import_report(demo_store, path, now=clock()).added == 1
    assert orders.get(demo_store, "4001").status == "TRADE_FINISHED"


def test_line_items_replace_the_summary_and_are_idempotent(demo_store, clock, gbk_report,
                                                          tmp_path):
    items = write_gbk(tmp_path / "ExportOrderDetailList.csv", ITEM_HEADER, [
        ['="35153131473293579"', "纯棉连帽卫衣 宽松款", "129.00", "1", "", "颜色：燕麦色；尺码：S",
         "", "", "交易成功", "WY-2301-S"],
        ['="35153131473293579"', "发圈", "0.00", "2", "GIFT-01", "", "赠品", "", "交易成功", ""],
    ])
    result = import_report(demo_store, gbk_report, items, now=clock())
    assert result.item_orders == 1
    stored = orders.items(demo_store, "35153131473293579")
    assert [(i.title, i.spec, i.price, i.quantity, i.seller_code) for i in stored] == [
        ("纯棉连帽卫衣 宽松款", "颜色：燕麦色；尺码：S", 129.0, 1, "WY-2301-S"),
        ("发圈", "赠品", 0.0, 2, "GIFT-01"),
    ]
    assert import_report(demo_store, gbk_report, items, now=clock()).item_orders == 0
    assert len(orders.items(demo_store, "35153131473293579")) == 2


def test_line_items_of_an_unknown_order_are_refused(demo_store, clock, gbk_report, tmp_path):
    items = write_gbk(tmp_path / "items.csv", ITEM_HEADER, [
        ['="999"', "不存在的订单的宝贝", "1", "1", "", "", "", "", "", ""]])
    before = snapshot(demo_store)
    with pytest.raises(FileRefused, match="items.csv 第 2 行“订单编号”列"):
        import_report(demo_store, gbk_report, items, now=clock())
    assert snapshot(demo_store) == before


def test_dry_run_reports_and_writes_nothing(demo_store, clock, gbk_report):
    before = snapshot(demo_store)
    result = import_report(demo_store, gbk_report, now=clock(), dry_run=True)
    assert (result.added, result.dry_run) == (3, True)
    assert result.summary().startswith("预览")
    assert snapshot(demo_store) == before


def test_cancel_at_the_last_moment_leaves_no_trace(demo_store, clock, gbk_report):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= 3  # reading, writing, then just before the commit

    before = snapshot(demo_store)
    with pytest.raises(Cancelled):
        import_report(demo_store, gbk_report, now=clock(), cancelled=cancelled)
    assert len(calls) == 3
    assert snapshot(demo_store) == before


def test_progress_is_reported_for_reading_and_writing(demo_store, clock, tmp_path):
    rows = [classic_row(str(5000 + n), f"买家{n}") for n in range(1200)]
    path = write_gbk(tmp_path / "big.csv", CLASSIC_HEADER, rows)
    seen = []
    import_report(demo_store, path, now=clock(), progress=lambda *p: seen.append(p))
    assert ("读取订单", 500, 1200) in seen and ("读取订单", 1200, 1200) in seen
    assert ("写入订单", 1000, 1200) in seen and seen[-1] == ("写入订单", 1200, 1200)


def test_cells_lose_their_excel_wrappers():
    assert filereader.clean_cell('="0123"') == "0123"
    assert filereader.clean_cell("'13800001111") == "13800001111"
    assert filereader.clean_cell("  text ") == "text"
    assert filereader.clean_cell(' ="收货地址 " ') == "收货地址"
    assert filereader.clean_cell("=SUM(A1)发货") == "=SUM(A1)发货"  # ascii: a formula
    assert filereader.parse_amount("¥1,299.00") == 1299.0
    assert filereader.parse_amount("￥129") == 129.0
    assert filereader.parse_amount("") is None


def test_an_unchanged_back_office_remark_is_not_reported_again(demo_store, agent, clock,
                                                              gbk_report):
    import_report(demo_store, gbk_report, now=clock())
    orders.add_remark(demo_store, "35153131473293579", agent, "送发圈", clock())
    result = import_report(demo_store, gbk_report, now=clock())
    assert result.remark_differences == [] and result.updated == 0
    order = orders.get(demo_store, "35153131473293579")
    lines = orders.memo_entries(order.source_remark, orders.remarks(demo_store, order.id))
    assert lines[0] == "9.2珠，中通 礼物" and lines[1].startswith("送发圈—小满—")


def test_an_old_excel_file_is_refused_with_advice(demo_store, clock, tmp_path):
    path = tmp_path / "orders.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(FileRefused, match="另存为 .xlsx 或 CSV"):
        import_report(demo_store, path, now=clock())


@pytest.mark.parametrize(("quantity", "reason"), [("1" + "0" * 23, "数量“1" + "0" * 23
                                                   + "”超出合理范围"), ("-5", "数量不能是负数")])
def test_an_absurd_item_quantity_is_refused_with_its_cell(demo_store, clock, gbk_report,
                                                          tmp_path, quantity, reason):
    items = write_gbk(tmp_path / "items.csv", ITEM_HEADER, [
        ['="35153131473293579"', "卫衣", "129.00", quantity, "", "", "", "", "交易成功", ""]])
    with pytest.raises(FileRefused, match=f"items.csv 第 2 行“购买数量”列：{reason}"):
        import_report(demo_store, gbk_report, items, now=clock())
