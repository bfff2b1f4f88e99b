"""Export of the order list to CSV or XLSX, in the back office's column names.

The columns carry the classic report names, so an exported file can be imported again
(the remark column holds the whole memo). CSV is UTF-8 with a BOM, which Excel opens
correctly, and ids are written ``="…"`` as the back office does so Excel keeps every digit.
Written through :mod:`workbench.filewriter`: atomically, and a remark beginning with ``=``
stays text (a leading ``'`` in CSV, a string cell in XLSX).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from workbench import orders, timefmt
from workbench.changes import Refused
from workbench.filewriter import long_number, write_csv, write_xlsx
from workbench.orders import Order, OrderFilter
from workbench.store import Store
from workbench.store import orders as order_rows

HEADERS = ("订单编号", "买家会员名", "订单状态", "总金额", "买家实际支付金额", "买家应付邮费",
           "退款金额", "订单创建时间", "订单付款时间", "发货时间", "收货人姓名", "联系手机",
           "收货地址", "物流公司", "物流单号", "买家留言", "宝贝标题", "订单备注", "旗帜",
           "催付次数")
# Column widths of the XLSX, in characters: ids and times are long, remarks longer.
WIDTHS = (20, 14, 16, 9, 9, 9, 9, 19, 19, 19, 10, 13, 30, 10, 16, 20, 24, 30, 6, 8)
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
    Text cells never become formulas (see :mod:`workbench.filewriter`).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise Refused(f"只能导出为 .csv 或 .xlsx 文件，而不是“{path.name}”。",
                      f"Orders are exported to .csv or .xlsx files, not {path.name!r}.")
    total = orders.count(store, where, now)
    written = 0

    def rows() -> Iterator[list[str]]:
        nonlocal written
        for row in _rows(store, where, now):
            yield row
            written += 1
            if written % BATCH == 0:
                if cancelled():
                    raise Cancelled
                progress(written, total)

    if suffix == ".csv":
        write_csv(path, HEADERS, ([long_number(row[0]), *row[1:]] for row in rows()))
    else:
        write_xlsx(path, "订单", HEADERS, rows(), WIDTHS)
    progress(written, total)
    return written


class Cancelled(Exception):
    """The agent cancelled the export; no file was left behind."""
