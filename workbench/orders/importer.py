"""Import of the back office's order report (订单报表) and its line-item file.

The files are read through :mod:`workbench.filereader` (CSV in GBK or UTF-8, with or
without a BOM, or XLSX; cut, malformed and empty files refused whole, naming the row), with
the quirks of Excel-proofing: ids written ``="35153131473293579"``, phones with a leading
``'``, header names with trailing spaces or full-width punctuation, and header names that
changed over the years. Columns are matched by name (see ``ORDER_HEADERS``, and
docs/formats-orders.md for the whole mapping).

The import is all or nothing: any bad row stops it with the file, row, column and reason,
and a cancelled import leaves no trace. Re-importing a file updates the orders in place;
an empty cell never empties a field (only ``（清空）`` does), local remarks and flags are
never touched, and a back office remark that differs from the local remarks is kept beside
them (``source_remark``) and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workbench import conversations
from workbench.changes import Changes
from workbench.customers.recompute import refresh_for_orders
from workbench.filereader import (
    FileRefused,
    Row,
    Table,
    amount_problem,
    is_clear_mark,
    parse_amount,
    parse_time,
    read_table,
)
from workbench.orders import codes, items_of, memo, memo_entries
from workbench.orders import remarks_of as local_remarks
from workbench.store import Store, events
from workbench.store import orders as order_rows

# Our field: the header names it goes by, the first found wins. Names not listed here
# (买家支付宝账号, 运送方式, 宝贝种类, 店铺名称, 订单关闭原因, 买家应付货款, …) are read
# and ignored.
ORDER_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("订单编号", "订单号"),
    "buyer": ("买家会员名",),
    "status": ("订单状态",),
    "total": ("总金额",),
    "paid": ("买家实际支付金额", "买家实付金额"),
    "postage": ("买家应付邮费",),
    "refund": ("退款金额",),
    "created_at": ("订单创建时间", "买家下单时间"),
    "paid_at": ("订单付款时间", "买家付款时间"),
    "shipped_at": ("发货时间",),
    "receiver_name": ("收货人姓名",),
    "address": ("收货地址",),
    "mobile": ("联系手机",),
    "phone": ("联系电话",),
    "courier": ("物流公司",),
    "tracking_no": ("物流单号", "运单号"),
    "buyer_message": ("买家留言",),
    "source_remark": ("订单备注",),
    "title": ("宝贝标题",),
    "spec": ("宝贝规格",),
    "quantity": ("宝贝总数量",),
}
ITEM_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("订单编号", "订单号"),
    "title": ("标题", "宝贝标题"),
    "price": ("价格",),
    "quantity": ("购买数量",),
    "spec": ("商品属性",),
    "package": ("套餐信息",),
    "seller_code": ("商家编码",),
    "external_code": ("外部系统编号",),
}
AMOUNTS = ("total", "paid", "postage", "refund")
TIMES = ("created_at", "paid_at", "shipped_at")
TEXTS = ("receiver_name", "address", "courier", "tracking_no", "buyer_message", "source_remark")
DEFAULT_TIER = "普通"
PROGRESS_EVERY = 500
DAY = 86400.0
SUMMARY_DIFFERENCES = 20
# Excel turns long ids into 3.51531E+16, losing the digits for good.
SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")

Progress = Callable[[str, int, int], None]


class Cancelled(Exception):
    """The agent cancelled the import; nothing was written."""


@dataclass(frozen=True)
class RemarkDifference:
    order_id: str
    file_remark: str
    local_memo: str


@dataclass
class ImportResult:
    file: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    item_orders: int = 0
    new_buyers: int = 0
    remark_differences: list[RemarkDifference] = field(default_factory=list)
    changed_ids: frozenset[str] = frozenset()
    dry_run: bool = False
    changed_buyers: frozenset[int] = frozenset()   # customer files recomputed

    @property
    def changes(self) -> Changes:
        if self.dry_run:
            return Changes()
        return Changes(orders=self.changed_ids, buyers=self.changed_buyers)

    def summary(self) -> str:
        head = "预览（未写入）：" if self.dry_run else "导入完成："
        text = (f"{head}{self.file} 共 {self.rows} 行，新增 {self.added} 单，"
                f"更新 {self.updated} 单，"
                f"未变 {self.unchanged} 单；新买家 {self.new_buyers} 位；"
                f"更新商品明细 {self.item_orders} 单。")
        if self.remark_differences:
            text += (f"\n有 {len(self.remark_differences)} 单的后台备注与工作台里的备注不同，"
                     "两者都已保留：")
            for diff in self.remark_differences[:SUMMARY_DIFFERENCES]:
                text += (f"\n· {diff.order_id}：后台“{diff.file_remark}”；"
                         f"工作台“{diff.local_memo}”")
            hidden = len(self.remark_differences) - SUMMARY_DIFFERENCES
            if hidden > 0:
                text += f"\n……另有 {hidden} 单"
        return text


def _no_progress(_phase: str, _done: int, _total: int) -> None:
    pass


def _never() -> bool:
    return False


# ---------------------------------------------------------------------------- reading files

def _known(headers: dict[str, tuple[str, ...]]) -> list[str]:
    return [name for names in headers.values() for name in names]


def read_report(path: Path) -> Table:
    """The order report as a checked table (see :func:`workbench.filereader.read_table`)."""
    return read_table(Path(path), _known(ORDER_HEADERS))


class _Cells:
    """One table's columns: reading a row's cells by our field names."""

    def __init__(self, table: Table, wanted: dict[str, tuple[str, ...]], required=("id",)):
        self.table = table
        self.wanted = wanted
        self.index = table.columns(wanted, required)
        self.header = {name: table.headers[i] for name, i in self.index.items()}

    def __contains__(self, name: str) -> bool:
        return name in self.index

    def get(self, row: Row, name: str) -> str:
        index = self.index.get(name)
        return row.cells[index] if index is not None else ""

    def refuse(self, row: Row | int, name: str, zh: str, en: str) -> FileRefused:
        number = row.number if isinstance(row, Row) else row
        return FileRefused(self.table.path, zh, en, row=number,
                           column=self.header.get(name) or self.wanted[name][0])


def _order_id(cells: _Cells, row: Row) -> str:
    text = cells.get(row, "id")
    if not text:
        raise cells.refuse(row, "id", "缺少订单编号", "the order id is missing")
    if SCIENTIFIC.match(text):
        raise cells.refuse(row, "id", f"订单编号“{text}”被 Excel 改成了科学计数法，原编号已丢失；"
                           "请使用后台导出的原始文件", f"the order id {text!r} was turned into "
                           "scientific notation by Excel and its digits are lost; use the file "
                           "as the back office exported it")
    if any(ch.isspace() for ch in text):
        raise cells.refuse(row, "id", f"订单编号“{text}”里有空格",
                           f"the order id {text!r} contains spaces")
    return text


def _quantity(cells: _Cells, row: Row, name: str) -> int:
    text = cells.get(row, name)
    try:
        # Read as an amount: no quantity is negative or above MAX_AMOUNT (10²³ would not
        # even fit the store's integers).
        value = parse_amount(text) if text else 1
        if value is None:
            raise ValueError(text)
        return int(value)
    except ValueError as error:  # "inf" is a float, not a quantity
        raise cells.refuse(row, name, *amount_problem(text, error, "数量", "quantity")
                           ) from None


@dataclass
class _OrderRow:
    row: int
    values: dict              # our column: value, only for cells that say something
    buyer: str | None
    item: tuple | None        # (title, spec, quantity) from the report's summary columns


def _read_orders(cells: _Cells, progress: Progress, cancelled: Callable[[], bool]
                 ) -> dict[str, _OrderRow]:
    table = cells.table

    def read(row: Row, name: str, parse: Callable[[str], object]) -> None:
        """An empty cell says nothing, so the field keeps its value. The mark （清空）
        empties it."""
        text = cells.get(row, name)
        if is_clear_mark(text):
            values[name] = None
        elif text:
            values[name] = parse(text)

    found: dict[str, _OrderRow] = {}
    total = len(table.rows)
    for done, row in enumerate(table.rows):
        if done % PROGRESS_EVERY == 0:
            if cancelled():
                raise Cancelled
            progress("读取订单", done, total)
        order_id = _order_id(cells, row)
        values: dict = {}
        for name in AMOUNTS:
            try:
                read(row, name, parse_amount)
            except ValueError as error:
                raise cells.refuse(row, name, *amount_problem(cells.get(row, name), error)
                                   ) from None
        for name in TIMES:
            try:
                read(row, name, parse_time)
            except ValueError:
                text = cells.get(row, name)
                raise cells.refuse(row, name, f"时间“{text}”看不懂，应为 yyyy-MM-dd HH:mm:ss",
                                   f"cannot read the time {text!r}; write yyyy-MM-dd HH:mm:ss"
                                   ) from None
        for name in TEXTS:
            read(row, name, str)
        phone = cells.get(row, "mobile") or cells.get(row, "phone")
        if is_clear_mark(phone):
            values["phone"] = None
        elif phone:
            values["phone"] = phone
        if "status" in cells:
            text = cells.get(row, "status")
            paid = bool(values.get("paid_at")) or (values.get("paid") or 0) > 0
            status = codes.parse_status(text, paid) if text else None
            if status is None:
                if text:
                    raise cells.refuse(row, "status", f"无法识别的订单状态“{text}”",
                                       f"unknown order status {text!r}")
                raise cells.refuse(row, "status", "缺少订单状态", "the order status is missing")
            values["status"] = status
        buyer = cells.get(row, "buyer") or None
        item = None
        title = cells.get(row, "title")
        if title:
            item = (title, cells.get(row, "spec"), _quantity(cells, row, "quantity"))
        # A later row of the same order wins, as the back office's latest word.
        found[order_id] = _OrderRow(row.number, values, buyer, item)
    progress("读取订单", total, total)
    return found


@dataclass
class _Items:
    cells: _Cells
    orders: dict[str, list[tuple]]   # order id: [(row, (title, spec, price, qty, code))]


def _read_items(table: Table, cancelled: Callable[[], bool]) -> _Items:
    cells = _Cells(table, ITEM_HEADERS, required=("id", "title"))
    found: dict[str, list[tuple]] = {}
    for done, row in enumerate(table.rows):
        if done % PROGRESS_EVERY == 0 and cancelled():
            raise Cancelled
        order_id = _order_id(cells, row)
        title = cells.get(row, "title")
        if not title:
            raise cells.refuse(row, "title", "缺少商品标题", "the item title is missing")
        try:
            price = parse_amount(cells.get(row, "price"))
        except ValueError as error:
            raise cells.refuse(row, "price", *amount_problem(cells.get(row, "price"), error,
                                                             "价格", "price")) from None
        quantity = _quantity(cells, row, "quantity")
        spec = ";".join(part for part in (cells.get(row, "spec"), cells.get(row, "package"))
                        if part)
        seller_code = cells.get(row, "seller_code") or cells.get(row, "external_code")
        found.setdefault(order_id, []).append((row.number,
                                               (title, spec, price, quantity, seller_code)))
    return _Items(cells, found)


# ---------------------------------------------------------------------------- writing

class _Rollback(Exception):
    def __init__(self, result: ImportResult):
        super().__init__()
        self.result = result


def import_report(store: Store, order_file: Path | str, items_file: Path | str | None = None,
                  *, now: float, agent_id: int | None = None, dry_run: bool = False,
                  progress: Progress = _no_progress,
                  cancelled: Callable[[], bool] = _never) -> ImportResult:
    """Import the order report (and its line items), all or nothing.

    ``dry_run`` does everything but keep it, so the result says what an import would do.
    ``progress(phase, done, total)`` reports along the way; ``cancelled()`` returning True
    stops the import (raising Cancelled) with nothing written. Call it outside any open
    transaction (the CLI and the import worker do), so a dry run can roll back.
    """
    cells = _Cells(read_report(Path(order_file)), ORDER_HEADERS)
    report = _read_orders(cells, progress, cancelled)
    items = None
    if items_file:
        items = _read_items(read_table(Path(items_file), _known(ITEM_HEADERS)), cancelled)
    try:
        with store.transaction():
            result = _apply(store, cells, report, items, now, progress, cancelled)
            if items is not None:
                result.item_orders = _apply_items(store, items, report, result)
            result.changed_ids = frozenset(result.changed_ids)
            result.changed_buyers = refresh_for_orders(store, result.changed_ids, now,
                                                       agent_id).changed
            events.record(store, now, agent_id, "orders.import",
                          f"file:{cells.table.path.name}",
                          {"items_file": items.cells.table.path.name if items else None,
                           "rows": result.rows, "added": result.added,
                           "updated": result.updated, "unchanged": result.unchanged,
                           "items": result.item_orders,
                           "remark_differences": [d.order_id for d in
                                                  result.remark_differences]})
            if cancelled():
                raise Cancelled
            if dry_run:
                result.dry_run = True
                raise _Rollback(result)
    except _Rollback as rollback:
        return rollback.result
    return result


def _apply(store: Store, cells: _Cells, report: dict[str, _OrderRow], items, now: float,
           progress: Progress, cancelled: Callable[[], bool]) -> ImportResult:
    result = ImportResult(file=cells.table.path.name, rows=len(cells.table.rows))
    ids = list(report)
    existing = order_rows.raw_orders(store, ids)
    nicks = sorted({r.buyer for r in report.values() if r.buyer})
    buyers = order_rows.buyer_ids(store, nicks)
    for nick in nicks:
        if nick not in buyers:
            buyers[nick] = conversations.ensure_buyer(store, nick, DEFAULT_TIER, now)
            result.new_buyers += 1
    local = local_remarks(store, [i for i in ids if i in existing])
    with_items = order_rows.orders_with_items(store, ids)

    inserts, updates, summary_items = [], [], []
    changed = set()
    for done, (order_id, line) in enumerate(report.items()):
        if done % PROGRESS_EVERY == 0:
            if cancelled():
                raise Cancelled
            progress("写入订单", done, len(report))
        values = dict(line.values)
        if line.buyer:
            values["buyer_id"] = buyers[line.buyer]
        old = existing.get(order_id)
        values |= _learned_times(values, old, now)
        entries = local.get(order_id, []) if old is not None else []
        file_remark = (values.get("source_remark") or "").strip()
        if entries and file_remark in (memo([r.formatted() for r in entries]),
                                       memo(memo_entries(old["source_remark"], entries))):
            # Our own export carries the whole memo (the old back office remark, then our
            # entries): the back office remark has not changed.
            values["source_remark"] = old["source_remark"]
        elif entries and file_remark and file_remark != (old["source_remark"] or "").strip():
            # The back office remark changed while we have remarks of our own: keep both
            # and say so (an unchanged one was reported when it first differed).
            result.remark_differences.append(RemarkDifference(
                order_id, file_remark, memo([r.formatted() for r in entries])))
        if old is None:
            if "buyer_id" not in values:
                raise cells.refuse(line.row, "buyer", f"订单 {order_id} 是新订单，需要买家会员名",
                                   f"order {order_id} is new and needs the buyer's nick")
            if "status" not in values:
                raise cells.refuse(line.row, "status", f"订单 {order_id} 是新订单，需要订单状态",
                                   f"order {order_id} is new and needs its status")
            inserts.append(values | {"id": order_id, "flag": 0})
            result.added += 1
            changed.add(order_id)
        else:
            if any(old[name] != value for name, value in values.items()):
                updates.append(values | {"id": order_id})
                result.updated += 1
                changed.add(order_id)
            else:
                result.unchanged += 1
        if items is None and line.item and order_id not in with_items:
            title, spec, quantity = line.item
            summary_items.append((order_id, title, spec, None, quantity, ""))
            changed.add(order_id)
    for rows in _same_columns(inserts):
        names = tuple(rows[0])
        order_rows.insert_orders(store, names, (tuple(r[n] for n in names) for r in rows))
    for rows in _same_columns(updates):
        names = tuple(n for n in rows[0] if n != "id")
        order_rows.update_orders(store, names, (tuple(r[n] for n in names) + (r["id"],)
                                                for r in rows))
    order_rows.replace_items(store, [], summary_items)
    progress("写入订单", len(report), len(report))
    result.changed_ids = changed
    return result


def _learned_times(values: dict, old, now: float) -> dict:
    """The shipping and finishing times the report does not give, as best known.

    The classic report has no 发货时间 and no report has a finishing time. An order seen
    shipped (and not finished) without a shipping time was shipped at the latest when the
    import learned it: ``now``. A finished order without a finishing time was finished at
    the latest ``now``, and at the latest the platform's automatic confirmation after its
    latest known time (shipped, paid or created), whichever is earlier: an old order
    imported today keeps its old times, and its care has long passed. A time once known is
    kept: re-importing never moves it."""
    def known(name: str):
        if name in values:
            return values[name]
        return old[name] if old is not None else None

    status = known("status")
    if status in codes.IN_TRANSIT and known("shipped_at") is None:
        return {"shipped_at": now}
    if status == codes.FINISHED and known("finished_at") is None:
        times = [known(name) for name in ("created_at", "paid_at", "shipped_at")]
        last = max((time for time in times if time is not None), default=None)
        if last is None:
            return {"finished_at": now}
        return {"finished_at": min(now, last + codes.AUTO_CONFIRM_DAYS * DAY)}
    return {}


def _same_columns(rows: list[dict]) -> Iterator[list[dict]]:
    """Rows grouped by their set of columns, so each group is one executemany."""
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    yield from groups.values()


def _apply_items(store: Store, items: _Items, report: dict[str, _OrderRow],
                 result: ImportResult) -> int:
    ids = list(items.orders)
    known = set(order_rows.raw_orders(store, ids))
    for order_id, lines in items.orders.items():
        if order_id not in known and order_id not in report:
            raise items.cells.refuse(lines[0][0], "id",
                                     f"订单 {order_id} 既不在订单报表里，也不在工作台中",
                                     f"order {order_id} is neither in the order report nor "
                                     "in the workbench")
    stored = items_of(store, ids)
    replaced = []
    for order_id, lines in items.orders.items():
        fresh = [item for _row, item in lines]
        current = [(i.title, i.spec or "", i.price, i.quantity, i.seller_code or "")
                   for i in stored[order_id]]
        if current != fresh:
            replaced.append(order_id)
    order_rows.replace_items(store, replaced, ((order_id, *item) for order_id in replaced
                                               for _row, item in items.orders[order_id]))
    result.changed_ids = set(result.changed_ids) | set(replaced)
    return len(replaced)
