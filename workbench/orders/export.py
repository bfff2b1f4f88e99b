"""Export of the order list to CSV or XLSX, in the back office's column names.

The columns carry the classic report names, so an exported file can be imported again
(the remark column holds the whole memo). CSV is UTF-8 with a BOM, which Excel opens
correctly, and ids are written ``="…"`` as the back office does so Excel keeps every digit.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from workbench import orders, timefmt
from workbench.changes import Refused
from workbench.orders import Order, OrderFilter
from workbench.store import Store
from workbench.store import orders as order_rows

HEADERS = ("订单编号", "买家会员名", "订单状态", "总金额", "买家实际支付金额", "买家应付邮费",
           "退款金额", "订单创建时间", "订单付款时间", "发货时间", "收货人姓名", "联系手机",
           "收货地址", "物流公司", "物流单号", "买家留言", "宝贝标题", "订单备注", "旗帜",
           "催付次数")
BATCH = 1000


def _time(at: float | None) -> str:
    return timefmt.second(at) if at is not None else ""


def _amount(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else ""


def _rows(store: Store, where: OrderFilter, now: float) -> Iterator[list[str]]:
    cursor = order_rows.find_orders(store, **where.query(now))
    while batch := [Order(**row) for row in cursor.fetchmany(BATCH)]:
        ids = [o.id for o in batch]
        remarks = orders.remarks_of(store, ids)
        items = orders.items_of(store, ids)
        for order in batch:
            memo = orders.memo(orders.memo_entries(order.source_remark, remarks[order.id]))
            yield [order.id, order.buyer_nick, order.status_name, _amount(order.total),
                   _amount(order.paid), _amount(order.postage), _amount(order.refund),
                   _time(order.created_at), _time(order.paid_at), _time(order.shipped_at),
                   order.receiver_name or "", order.phone or "", order.address or "",
                   order.courier or "", order.tracking_no or "", order.buyer_message or "",
                   ",".join(i.title for i in items[order.id]), memo,
                   orders.FLAG_NAMES.get(order.flag, str(order.flag)),
                   str(order.reminder_count)]


def export(store: Store, where: OrderFilter, path: Path | str, now: float,
           progress: Callable[[int, int], None] = lambda done, total: None,
           cancelled: Callable[[], bool] = lambda: False) -> int:
    """Write the orders matching ``where`` to ``path`` (.csv or .xlsx); returns how many.

    The file appears only when complete: a cancelled or failed export leaves nothing.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise Refused(f"只能导出为 .csv 或 .xlsx 文件，而不是“{path.name}”。",
                      f"Export to a .csv or .xlsx file, not {path.name!r}.")
    total = orders.count(store, where, now)
    partial = path.with_name(path.name + ".part")
    written = 0
    try:
        if suffix == ".csv":
            with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(HEADERS)
                for row in _rows(store, where, now):
                    row[0] = f'="{row[0]}"'
                    writer.writerow(row)
                    written += 1
                    _tick(written, total, progress, cancelled)
        else:
            import openpyxl  # only when an XLSX is written

            book = openpyxl.Workbook(write_only=True)
            sheet = book.create_sheet("订单")
            sheet.append(list(HEADERS))
            for row in _rows(store, where, now):
                sheet.append(row)
                written += 1
                _tick(written, total, progress, cancelled)
            book.save(partial)
        os.replace(partial, path)
    except OSError as error:
        raise Refused(f"无法写入 {path}：{error.strerror}",
                      f"Cannot write {path}: {error.strerror}") from error
    finally:
        if partial.exists():
            partial.unlink()
    progress(written, total)
    return written


class Cancelled(Exception):
    """The agent cancelled the export; no file was left behind."""


def _tick(written: int, total: int, progress, cancelled) -> None:
    if written % BATCH == 0:
        if cancelled():
            raise Cancelled
        progress(written, total)
