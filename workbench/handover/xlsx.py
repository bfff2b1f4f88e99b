"""A handover sheet as a printable XLSX 交接表（openpyxl, loaded only here）.

Saved through :func:`workbench.filewriter.save_workbook`: atomically, and every text cell
a string, so a note or title beginning with ``=`` never runs as a formula.
"""

from __future__ import annotations

from pathlib import Path

from workbench import timefmt
from workbench.changes import Refused
from workbench.filewriter import save_workbook, xml_safe
from workbench.handover import exchange, sheets
from workbench.store import Store

HEADER = ("序号", "类别", "事项", "说明", "买家", "订单号", "到期", "接收人", "接收时间")
WIDTHS = (6, 9, 34, 40, 16, 22, 17, 10, 17)
TITLE_ROW = 1
INFO_ROW = 2
HEADER_ROW = 4


def _time(at: float | None) -> str:
    return timefmt.minute(at) if at else ""


def workbook(store: Store, sheet_id: int):
    """The 交接表 workbook of a sheet: a header block, one row per item, the notes and
    signature lines; landscape, fitted to the page width, the item header repeated."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet = sheets.get(store, sheet_id)
    if sheet is None:
        raise Refused(f"找不到交接单 {sheet_id}。", f"There is no handover sheet {sheet_id}.")
    entries = sheets.items(store, sheet_id)
    book = Workbook()
    page = book.active

    def put(row: int, column: int, value):
        """A cell; text made storable (control characters would stop openpyxl)."""
        return page.cell(row, column, xml_safe(value) if isinstance(value, str) else value)

    page.title = "交接表"
    last_column = get_column_letter(len(HEADER))
    shop = exchange.shop_name(store)
    put(TITLE_ROW, 1, f"{shop} 交接表".strip())
    page.merge_cells(f"A{TITLE_ROW}:{last_column}{TITLE_ROW}")
    page.cell(TITLE_ROW, 1).font = Font(size=16, bold=True)
    page.cell(TITLE_ROW, 1).alignment = Alignment(horizontal="center")
    info = (f"交接单 #{sheet.id}    班次：{sheet.shift or '—'}    交接人：{sheet.from_agent_name}"
            f"    接收人：{sheet.to_agent_name or '待定'}    交接时间：{_time(sheet.created_at)}"
            f"    状态：{sheet.state_name}"
            + (f"（全部接收于 {_time(sheet.acknowledged_at)}）" if sheet.acknowledged_at else ""))
    put(INFO_ROW, 1, info)
    page.merge_cells(f"A{INFO_ROW}:{last_column}{INFO_ROW}")

    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, (name, width) in enumerate(zip(HEADER, WIDTHS, strict=True), start=1):
        cell = put(HEADER_ROW, column, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E3EAF2")
        cell.border = border
        page.column_dimensions[get_column_letter(column)].width = width
    for number, item in enumerate(entries, start=1):
        values = (number, item.kind_name, item.title, item.detail or "", item.buyer_nick or "",
                  item.order_id or "", _time(item.due_at), item.acknowledged_by_name or "",
                  _time(item.acknowledged_at))
        row = HEADER_ROW + number
        for column, value in enumerate(values, start=1):
            # Order ids stay text, so a spreadsheet never turns them into numbers.
            cell = put(row, column, value)
            cell.border = border
            cell.alignment = wrap
    row = HEADER_ROW + len(entries) + 2
    put(row, 1, "本班重要信息：")
    page.cell(row, 1).font = Font(bold=True)
    put(row + 1, 1, sheet.notes or "（无）")
    page.merge_cells(f"A{row + 1}:{last_column}{row + 1}")
    page.cell(row + 1, 1).alignment = wrap
    put(row + 3, 1, "交接人签字：____________        接收人签字：____________"
                    "        日期：____________")
    page.merge_cells(f"A{row + 3}:{last_column}{row + 3}")

    page.freeze_panes = page.cell(HEADER_ROW + 1, 1)
    page.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    page.page_setup.orientation = "landscape"
    page.page_setup.paperSize = page.PAPERSIZE_A4
    page.page_setup.fitToWidth = 1
    page.page_setup.fitToHeight = 0
    page.sheet_properties.pageSetUpPr.fitToPage = True
    page.print_options.gridLines = False
    page.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    return book


def export(store: Store, sheet_id: int, path: Path) -> int:
    """Write the 交接表 of a sheet to ``path``; returns the number of item rows."""
    save_workbook(workbook(store, sheet_id), Path(path))
    return len(sheets.items(store, sheet_id))
