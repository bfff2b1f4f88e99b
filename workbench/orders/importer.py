"""Import of the back office's order report (订单报表) and its line-item file.

The files come as CSV (GBK or UTF-8, with or without a BOM) or XLSX, with the quirks of
Excel-proofing: ids written ``="35153131473293579"``, phones with a leading ``'``, header
names with trailing spaces, and header names that changed over the years. Columns are
matched by name (see ``ORDER_HEADERS``, and docs/formats-orders.md for the whole mapping).

The import is all or nothing: any bad row stops it with the file, row, column and reason,
and a cancelled import leaves no trace. Re-importing a file updates the orders in place;
local remarks and flags are never touched, and a back office remark that differs from the
local remarks is kept beside them (``source_remark``) and reported.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workbench import conversations
from workbench.changes import Changes, Refused
from workbench.customers.recompute import refresh_for_orders
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
SUMMARY_DIFFERENCES = 20
XLSX_SUFFIXES = (".xlsx", ".xlsm")
# Excel turns long ids into 3.51531E+16, losing the digits for good.
SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
EXACT_FLOAT_LIMIT = 2 ** 53

Progress = Callable[[str, int, int], None]


class ReportError(Refused):
    """A file the import cannot take; names the file, row and column where it can."""

    def __init__(self, file: str, reason: str, row: int | None = None, column: str = ""):
        place = f"{file}"
        if row is not None:
            place += f"：第 {row} 行"
        if column:
            place += f"，“{column}”列"
        super().__init__(f"{place}：{reason}。导入已停止，工作台里的订单没有任何改动。")
        self.file, self.row, self.column, self.reason = file, row, column, reason


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


@dataclass
class _Table:
    """A file's header (as written, and cleaned) and its data rows (row number, cells)."""

    name: str
    headers: list[str]
    rows: list[tuple[int, list]]


def _no_progress(_phase: str, _done: int, _total: int) -> None:
    pass


def _never() -> bool:
    return False


# ---------------------------------------------------------------------------- reading files

def clean_cell(value) -> str:
    """A cell's text without the Excel-proofing wrappers ``="…"`` and a leading ``'``."""
    if value is None:
        return ""
    text = (value if isinstance(value, str) else str(value)).strip()
    if not text or text[0] not in "='":
        return text  # the usual case, kept fast: a report has hundreds of thousands of cells
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        text = text[2:-1]
    elif text.startswith("="):
        text = text[1:].strip('"')
    if text.startswith("'"):
        text = text[1:]
    return text.strip()


def clean_header(value) -> str:
    """A header name as matched: spaces (also full-width), ``=`` and quotes trimmed."""
    text = "" if value is None else str(value)
    return text.strip(" \t\r\n\u3000\ufeff=\"'")


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8):].decode("utf-8")
        except UnicodeDecodeError as error:
            raise ReportError(path.name, "文件以 UTF-8 标记开头，但内容不是 UTF-8"
                              f"（{error.reason}）") from error
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 is a superset of GBK, the back office's usual encoding.
        return raw.decode("gb18030")
    except UnicodeDecodeError as error:
        raise ReportError(path.name, "无法识别文件编码（应为 GBK 或 UTF-8 的 CSV，或 XLSX）"
                          ) from error


def _read_csv(path: Path) -> list[list]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ReportError(path.name, f"无法读取文件（{error.strerror}）") from error
    text = _decode(path, raw)
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ReportError(path.name, f"不是有效的 CSV 文件（{error}）") from error


def _xlsx_cell(value):
    """XLSX cells as the CSV path sees them, except that dates stay datetimes."""
    if isinstance(value, dt.datetime) or value is None:
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < EXACT_FLOAT_LIMIT:
            return str(int(value))
        return repr(value) if abs(value) < EXACT_FLOAT_LIMIT else f"{value:.6g}"
    return str(value)


def _read_xlsx(path: Path) -> list[list]:
    import openpyxl  # only when an XLSX is imported

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ReportError(path.name, f"无法打开 XLSX 文件（{error}）") from error
    try:
        sheet = book.active
        return [[_xlsx_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def read_table(path: Path) -> _Table:
    path = Path(path)
    if path.suffix.lower() == ".xls":
        raise ReportError(path.name, "不支持旧版 Excel（.xls）文件，"
                          "请在 Excel 里另存为 .xlsx 或 CSV")
    lines = _read_xlsx(path) if path.suffix.lower() in XLSX_SUFFIXES else _read_csv(path)
    header_at = next((n for n, cells in enumerate(lines)
                      if any(clean_header(c) for c in cells)), None)
    if header_at is None:
        raise ReportError(path.name, "文件是空的，没有表头")
    headers = [clean_header(c) for c in lines[header_at]]
    rows = []
    for number, cells in enumerate(lines[header_at + 1:], start=header_at + 2):
        if any(cells) and any(str(c).strip() for c in cells if c):
            rows.append((number, list(cells)))
    return _Table(path.name, headers, rows)


def _columns(table: _Table, wanted: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Our field to the column index where the file has it."""
    found = {}
    for name, aliases in wanted.items():
        for alias in aliases:
            if alias in table.headers:
                found[name] = table.headers.index(alias)
                break
    return found


# ------------------------------------------------------------------------- reading values

def parse_amount(text: str) -> float | None:
    """An amount such as ``129.00``, ``¥1,299.00`` or ``129元``; None when empty."""
    plain = text.replace("¥", "").replace("¥", "").replace("元", "").replace(",", "").strip()
    if not plain:
        return None
    value = float(plain)  # ValueError for what is not a number
    if not math.isfinite(value):
        raise ValueError(text)
    return value


_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


def parse_time(value) -> float | None:
    """``yyyy-MM-dd HH:mm:ss`` (also with / and without seconds, as Excel re-saves it)."""
    if isinstance(value, dt.datetime):
        return value.timestamp()
    text = clean_cell(value).replace("/", "-")
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text).timestamp()
    except ValueError:
        pass
    for pattern in _TIME_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).timestamp()
        except ValueError:
            continue
    raise ValueError(text)


def _order_id(table: _Table, row: int, column: str, value) -> str:
    text = clean_cell(value)
    if not text:
        raise ReportError(table.name, "缺少订单编号", row, column)
    if SCIENTIFIC.match(text):
        raise ReportError(table.name, f"订单编号“{text}”被 Excel 改成了科学计数法，原编号已丢失；"
                          "请使用后台导出的原始文件", row, column)
    if any(ch.isspace() for ch in text):
        raise ReportError(table.name, f"订单编号“{text}”里有空格", row, column)
    return text


@dataclass
class _OrderRow:
    row: int
    values: dict              # our column: value, only for columns the file has
    buyer: str | None
    item: tuple | None        # (title, spec, quantity) from the report's summary columns


def _read_orders(table: _Table, progress: Progress, cancelled: Callable[[], bool]
                 ) -> dict[str, _OrderRow]:
    columns = _columns(table, ORDER_HEADERS)
    if "id" not in columns:
        raise ReportError(table.name, f"找不到“订单编号”列（表头：{'、'.join(table.headers)}）")
    header = {name: table.headers[index] for name, index in columns.items()}

    def cell(cells: list, name: str):
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    found: dict[str, _OrderRow] = {}
    total = len(table.rows)
    for done, (row, cells) in enumerate(table.rows):
        if done % PROGRESS_EVERY == 0:
            if cancelled():
                raise Cancelled
            progress("读取订单", done, total)
        order_id = _order_id(table, row, header["id"], cell(cells, "id"))
        values: dict = {}
        for name in AMOUNTS:
            if name in columns:
                text = clean_cell(cell(cells, name))
                try:
                    values[name] = parse_amount(text)
                except ValueError:
                    raise ReportError(table.name, f"金额“{text}”不是数字", row,
                                      header[name]) from None
        for name in TIMES:
            if name in columns:
                raw = cell(cells, name)
                try:
                    values[name] = parse_time(raw)
                except ValueError:
                    raise ReportError(table.name, f"时间“{clean_cell(raw)}”看不懂，应为 "
                                      "yyyy-MM-dd HH:mm:ss", row, header[name]) from None
        for name in TEXTS:
            if name in columns:
                values[name] = clean_cell(cell(cells, name)) or None
        if "mobile" in columns or "phone" in columns:
            values["phone"] = (clean_cell(cell(cells, "mobile"))
                               or clean_cell(cell(cells, "phone")) or None)
        if "status" in columns:
            text = clean_cell(cell(cells, "status"))
            paid = bool(values.get("paid_at")) or (values.get("paid") or 0) > 0
            status = codes.parse_status(text, paid) if text else None
            if status is None:
                reason = "缺少订单状态" if not text else f"无法识别的订单状态“{text}”"
                raise ReportError(table.name, reason, row, header["status"])
            values["status"] = status
        buyer = clean_cell(cell(cells, "buyer")) or None
        item = None
        title = clean_cell(cell(cells, "title"))
        if title:
            quantity_text = clean_cell(cell(cells, "quantity"))
            try:
                quantity = int(float(quantity_text)) if quantity_text else 1
            except ValueError:
                raise ReportError(table.name, f"数量“{quantity_text}”不是数字", row,
                                  header["quantity"]) from None
            item = (title, clean_cell(cell(cells, "spec")), quantity)
        # A later row of the same order wins, as the back office's latest word.
        found[order_id] = _OrderRow(row, values, buyer, item)
    progress("读取订单", total, total)
    return found


@dataclass
class _Items:
    file: str
    id_header: str
    orders: dict[str, list[tuple]]   # order id: [(row, (title, spec, price, qty, code))]


def _read_items(table: _Table, cancelled: Callable[[], bool]) -> _Items:
    columns = _columns(table, ITEM_HEADERS)
    for required, name in (("id", "订单编号"), ("title", "标题")):
        if required not in columns:
            raise ReportError(table.name, f"找不到“{name}”列（表头：{'、'.join(table.headers)}）")
    header = {name: table.headers[index] for name, index in columns.items()}

    def cell(cells: list, name: str) -> str:
        index = columns.get(name)
        return clean_cell(cells[index]) if index is not None and index < len(cells) else ""

    found: dict[str, list[tuple]] = {}
    for done, (row, cells) in enumerate(table.rows):
        if done % PROGRESS_EVERY == 0 and cancelled():
            raise Cancelled
        order_id = _order_id(table, row, header["id"], cells[columns["id"]]
                             if columns["id"] < len(cells) else None)
        title = cell(cells, "title")
        if not title:
            raise ReportError(table.name, "缺少商品标题", row, header["title"])
        try:
            price = parse_amount(cell(cells, "price"))
        except ValueError:
            raise ReportError(table.name, f"价格“{cell(cells, 'price')}”不是数字", row,
                              header["price"]) from None
        quantity_text = cell(cells, "quantity")
        try:
            quantity = int(float(quantity_text)) if quantity_text else 1
        except ValueError:
            raise ReportError(table.name, f"购买数量“{quantity_text}”不是数字", row,
                              header["quantity"]) from None
        spec = ";".join(part for part in (cell(cells, "spec"), cell(cells, "package")) if part)
        seller_code = cell(cells, "seller_code") or cell(cells, "external_code")
        found.setdefault(order_id, []).append((row, (title, spec, price, quantity, seller_code)))
    return _Items(table.name, header["id"], found)


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
    order_table = read_table(Path(order_file))
    report = _read_orders(order_table, progress, cancelled)
    items = _read_items(read_table(Path(items_file)), cancelled) if items_file else None
    try:
        with store.transaction():
            result = _apply(store, order_table, report, items, now, progress, cancelled)
            if items is not None:
                result.item_orders = _apply_items(store, items, report, result)
            result.changed_ids = frozenset(result.changed_ids)
            result.changed_buyers = refresh_for_orders(store, result.changed_ids, now,
                                                       agent_id).changed
            events.record(store, now, agent_id, "orders.import", f"file:{order_table.name}",
                          {"items_file": items.file if items is not None else None,
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


def _apply(store: Store, table: _Table, report: dict[str, _OrderRow], items, now: float,
           progress: Progress, cancelled: Callable[[], bool]) -> ImportResult:
    result = ImportResult(file=table.name, rows=len(table.rows))
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
    columns = _columns(table, ORDER_HEADERS)
    buyer_header = table.headers[columns["buyer"]] if "buyer" in columns else "买家会员名"
    status_header = table.headers[columns["status"]] if "status" in columns else "订单状态"

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
                raise ReportError(table.name, f"订单 {order_id} 是新订单，需要买家会员名",
                                  line.row, buyer_header)
            if "status" not in values:
                raise ReportError(table.name, f"订单 {order_id} 是新订单，需要订单状态",
                                  line.row, status_header)
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
            raise ReportError(items.file, f"订单 {order_id} 既不在订单报表里，也不在工作台中",
                              lines[0][0], items.id_header)
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
