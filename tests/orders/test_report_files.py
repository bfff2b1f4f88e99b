"""Order reports as the back office really writes them, and the ways such files break.

Every file here is written byte by byte the way the seller back office (GBK, CRLF, ="…"
ids, ' phones, trailing-space headers, full-width statuses), Excel (BOM, XLSX) or an
interrupted download (a cut row, a cut character, an open quote) leaves it.
"""

from __future__ import annotations

import openpyxl
import pytest

from orders.order_files import CLASSIC_HEADER, classic_row, csv_text, write_gbk
from workbench import orders
from workbench.filereader import FileRefused
from workbench.orders.importer import import_report

# The back office's own words, full-width punctuation and all.
BACK_OFFICE_STATUSES = {
    "等待买家付款": "WAIT_BUYER_PAY",
    "买家已付款，等待卖家发货": "WAIT_SELLER_SEND_GOODS",
    "卖家部分发货": "SELLER_CONSIGNED_PART",
    "卖家已发货，等待买家确认": "WAIT_BUYER_CONFIRM_GOODS",
    "买家已签收（货到付款）": "TRADE_BUYER_SIGNED",
    "交易成功": "TRADE_FINISHED",
    "交易关闭（付款后退款成功）": "TRADE_CLOSED",
    "交易关闭（付款前关闭）": "TRADE_CLOSED_BY_TAOBAO",
}
REMARKS = ["", "9.2珠，中通 礼物", "改地址：杭州市西湖区（买家来电）", "顺丰到付；送发圈×2",
           "=HYPERLINK(\"x\")要开发票",  # ascii: a formula
           "“加急”！周五前发"]


def snapshot(store) -> list[str]:
    return list(store.conn.iterdump())


def report_rows(count: int) -> list[list[str]]:
    statuses = list(BACK_OFFICE_STATUSES)
    rows = []
    for n in range(count):
        status = statuses[n % len(statuses)]
        unpaid = BACK_OFFICE_STATUSES[status] in orders.NEVER_PAID
        rows.append(classic_row(
            f"3515313147{n:07d}", f"买家{n % 40}号", status=status,
            paid="0.00" if unpaid else "129.00", paid_at="" if unpaid else "2025-11-20 10:05:00",
            remark=REMARKS[n % len(REMARKS)], phone=f"139{n:08d}"))
    return rows


def test_a_gbk_report_of_hundreds_of_rows_with_full_width_statuses(demo_store, clock,
                                                                   tmp_path):
    rows = report_rows(300)
    path = write_gbk(tmp_path / "ExportOrderList202511.csv", CLASSIC_HEADER, rows)
    assert "买家已付款，等待卖家发货".encode("gbk") in path.read_bytes()  # U+FF0C, as shipped

    result = import_report(demo_store, path, now=clock())
    assert (result.rows, result.added) == (300, 300)
    for row in rows:
        order = orders.get(demo_store, row[0][2:-1])
        assert order.status == BACK_OFFICE_STATUSES[row[7]]
        assert order.source_remark == (row[20] or None)  # kept exactly as written
        assert order.phone == row[13][1:] and order.address == row[10]
    before = snapshot(demo_store)

    again = import_report(demo_store, path, now=clock())
    assert (again.added, again.updated, again.unchanged) == (0, 0, 300)
    assert [line for line in snapshot(demo_store) if "orders.import" not in line] == [
        line for line in before if "orders.import" not in line]


def test_gb18030_bom_and_lf_variants_read_the_same(demo_store, clock, tmp_path):
    row = classic_row("1001", "𠮷野家的猫", status="卖家已发货，等待买家确认", remark="备注𠮷")
    text = csv_text(CLASSIC_HEADER, [row])
    gb18030 = tmp_path / "gb18030.csv"
    gb18030.write_bytes(text.encode("gb18030"))
    import_report(demo_store, gb18030, now=clock())
    order = orders.get(demo_store, "1001")
    assert (order.buyer_nick, order.source_remark) == ("𠮷野家的猫", "备注𠮷")

    bom_lf = tmp_path / "bom.csv"
    bom_lf.write_bytes(b"\xef\xbb\xbf" + text.replace("\r\n", "\n").encode("utf-8"))
    assert import_report(demo_store, bom_lf, now=clock()).unchanged == 1


def test_ascii_and_full_width_spellings_of_a_status_are_one_status(demo_store, clock,
                                                                  tmp_path):
    rows = [classic_row("2001", "甲", status="买家已付款,等待卖家发货"),  # ascii: csv
            classic_row("2002", "乙", status="交易关闭(付款后退款成功)"),  # ascii: hand-typed
            classic_row("2003", "丙", status="ＴＲＡＤＥ＿ＦＩＮＩＳＨＥＤ"),
            classic_row("2004", "丁", status="买家已付款，等待卖家发货 ")]
    import_report(demo_store, write_gbk(tmp_path / "a.csv", CLASSIC_HEADER, rows), now=clock())
    assert [orders.get(demo_store, i).status for i in ("2001", "2002", "2003", "2004")] == [
        "WAIT_SELLER_SEND_GOODS", "TRADE_CLOSED", "TRADE_FINISHED", "WAIT_SELLER_SEND_GOODS"]


def test_headers_with_full_width_spaces_and_brackets_are_matched(demo_store, clock, tmp_path):
    header = ["订单编号\u3000", "买家会员名 ", "订单状态", "收货地址 ", "总金额"]
    path = tmp_path / "b.csv"
    path.write_bytes(("\r\n".join([",".join(header), '="3001",小鹿,交易成功,杭州,10.00'])
                      + "\r\n").encode("gbk"))
    import_report(demo_store, path, now=clock())
    assert orders.get(demo_store, "3001").address == "杭州"


# --- update never blanks ------------------------------------------------------------------

def test_empty_cells_never_empty_a_field_and_the_clear_mark_does(demo_store, clock, tmp_path):
    path = tmp_path / "r.csv"
    write_gbk(path, CLASSIC_HEADER, [classic_row("4001", "买家", remark="要发票")])
    import_report(demo_store, path, now=clock())

    blank = classic_row("4001", "买家", remark="", phone="", address="")
    write_gbk(path, CLASSIC_HEADER, [blank])
    assert import_report(demo_store, path, now=clock()).updated == 0
    order = orders.get(demo_store, "4001")
    assert (order.source_remark, order.phone, order.address) == (
        "要发票", "13800001111", "上海市徐汇区漕溪北路 201 号")

    cleared = classic_row("4001", "买家", remark="（清空）", phone="(清空)", address="")
    cleared[13] = "(清空)"  # the phone column, without the Excel-proofing quote
    write_gbk(path, CLASSIC_HEADER, [cleared])
    assert import_report(demo_store, path, now=clock()).updated == 1
    order = orders.get(demo_store, "4001")
    assert (order.source_remark, order.phone, order.address) == (
        None, None, "上海市徐汇区漕溪北路 201 号")


def test_a_report_missing_columns_leaves_those_fields_alone(demo_store, clock, tmp_path):
    path = write_gbk(tmp_path / "full.csv", CLASSIC_HEADER, [classic_row("4101", "买家")])
    import_report(demo_store, path, now=clock())
    short = tmp_path / "short.csv"
    short.write_text("订单编号,订单状态\n4101,交易成功\n", encoding="utf-8")
    import_report(demo_store, short, now=clock())
    assert orders.get(demo_store, "4101").address == "上海市徐汇区漕溪北路 201 号"


# --- files that end early or lie ----------------------------------------------------------

def full_report(tmp_path, rows: int = 3) -> bytes:
    path = write_gbk(tmp_path / "full.csv", CLASSIC_HEADER,
                     [classic_row(str(5000 + n), f"买家{n}") for n in range(rows)])
    return path.read_bytes()


def cut_inside_last_row(raw: bytes) -> bytes:
    """As an interrupted download leaves it: the last row ends after its 13th cell."""
    last_start = raw.rstrip(b"\r\n").rfind(b"\r\n") + 2
    cells = raw[last_start:].split(b",")
    return raw[:last_start] + b",".join(cells[:13])


def cut_character(raw: bytes) -> bytes:
    """Cut between the two bytes of a GBK character near the end."""
    last = raw.rstrip(b"\r\n")
    for end in range(len(last) - 1, 0, -1):
        if last[end - 1] >= 0x81:  # the lead byte of a two-byte character
            try:
                last[:end - 1].decode("gbk")
            except UnicodeDecodeError:
                continue
            return last[:end]
    raise AssertionError("no Chinese near the end")


CUT_FILES = {
    "row cut short": (cut_inside_last_row, 4, "只有 13 列，表头有 25 列"),
    "character cut": (cut_character, None, "不完整的字符"),
    "open quote": (lambda raw: raw.rstrip(b"\r\n") + b'\r\n="5999","\xc2\xf2\xbc\xd2,', 5,
                   "引号没有闭合"),
    "unquoted comma": (lambda raw: raw + raw.splitlines()[-1].replace(b"\xc9\xcf\xba\xa3",
                                                                      b"\xc9\xcf,\xba\xa3")
                       + b"\r\n", 5, "有 26 列，表头只有 25 列"),
}


@pytest.mark.parametrize("case", CUT_FILES)
def test_a_cut_or_malformed_report_is_refused_whole(demo_store, clock, tmp_path, case):
    damage, row, reason = CUT_FILES[case]
    path = tmp_path / "ExportOrderList.csv"
    path.write_bytes(damage(full_report(tmp_path)))
    before = snapshot(demo_store)
    with pytest.raises(FileRefused) as refused:
        import_report(demo_store, path, now=clock())
    assert refused.value.row == row and reason in str(refused.value)
    assert str(refused.value).startswith("ExportOrderList.csv")
    assert "没有任何改动" in str(refused.value) and "nothing changed" in refused.value.en
    assert snapshot(demo_store) == before


def test_a_cut_row_never_wipes_an_order_already_there(demo_store, clock, tmp_path):
    raw = full_report(tmp_path)
    path = tmp_path / "again.csv"
    path.write_bytes(raw)
    import_report(demo_store, path, now=clock())
    path.write_bytes(cut_inside_last_row(raw))
    with pytest.raises(FileRefused, match="文件可能在这里被截断"):
        import_report(demo_store, path, now=clock())
    assert orders.get(demo_store, "5002").address == "上海市徐汇区漕溪北路 201 号"


EMPTY_FILES = {
    "no bytes": (b"", "文件是空的"),
    "only blank lines": (b"\r\n\r\n  \r\n", "文件是空的"),
    "only a BOM": (b"\xef\xbb\xbf", "文件是空的"),
    "header only": (",".join(CLASSIC_HEADER).encode("gbk") + b"\r\n", "只有表头"),
    "binary": (b"PK\x03\x04\x00\x00\x08\x00" * 20, "不是文本文件"),
    "damaged utf-8": ("订单编号,买家会员名,订单状态\n1,小鹿,交易成功\n".encode()  # ascii: csv
                      + b"\xff\xfe2,x,y\n", "文件可能已损坏"),
}


@pytest.mark.parametrize("case", EMPTY_FILES)
def test_empty_binary_and_damaged_files_are_refused(demo_store, clock, tmp_path, case):
    content, reason = EMPTY_FILES[case]
    path = tmp_path / "orders.csv"
    path.write_bytes(content)
    before = snapshot(demo_store)
    with pytest.raises(FileRefused, match=reason):
        import_report(demo_store, path, now=clock())
    assert snapshot(demo_store) == before


def test_a_missing_required_column_names_the_header_found(demo_store, clock, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text("订单编号,价格\n1,2\n", encoding="utf-8")
    good = write_gbk(tmp_path / "r.csv", CLASSIC_HEADER, [classic_row("1", "甲")])
    with pytest.raises(FileRefused, match="缺少必需的列：标题（文件的表头是：订单编号、价格）"):
        import_report(demo_store, good, path, now=clock())


def test_an_xlsx_report_with_formulas_and_numbers(demo_store, clock, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["订单编号 ", "买家会员名", "订单状态", "订单备注", "联系手机"])
    sheet.append(['="35153131473290001"', "阿飞", "买家已付款，等待卖家发货", "=要开发票",
                  13800001111])
    for cell in ("A2", "D2"):  # text cells that begin with "=", as tools save them
        sheet[cell].data_type = "s"
    path = tmp_path / "orders.xlsx"
    book.save(path)
    import_report(demo_store, path, now=clock())
    order = orders.get(demo_store, "35153131473290001")
    assert (order.status, order.source_remark, order.phone) == (
        "WAIT_SELLER_SEND_GOODS", "=要开发票", "13800001111")


def test_a_damaged_xlsx_is_refused(demo_store, clock, tmp_path):
    path = tmp_path / "orders.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(FileRefused, match="无法打开 XLSX 文件"):
        import_report(demo_store, path, now=clock())
