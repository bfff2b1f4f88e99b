"""Importing the products file and the size-chart file (docs/formats-products.md).

Both come as CSV (GBK or UTF-8) or XLSX through :mod:`workbench.filereader`, columns
matched by name. The import is all or nothing: any bad row stops it, naming the file, row,
column and cause, and nothing is written. Re-importing a file changes nothing; an empty
cell never blanks what the workbench knows (change it in the 商品 window instead). A size
chart in the file replaces that product's whole chart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.accounts import permissions
from workbench.changes import Changes
from workbench.filereader import (
    FileRefused,
    Row,
    Table,
    amount_problem,
    parse_amount,
    read_table,
)
from workbench.products import (
    IMAGE_SUFFIXES,
    image_name,
    index,
    keep_image,
    parse_hot,
    sizes,
)
from workbench.store import Store, events
from workbench.store import products as product_rows
from workbench.store.products import PRODUCT_FIELDS
from workbench.textnorm import match_key, split_list

CODE_NAMES = ("商品编码", "商家编码", "货号", "编码")
PRODUCT_HEADERS: dict[str, tuple[str, ...]] = {
    "code": CODE_NAMES,
    "title": ("商品名称", "宝贝标题", "标题", "名称"),
    "price": ("价格", "售价", "一口价"),
    "link": ("链接", "商品链接", "宝贝链接"),
    "image": ("图片", "主图", "商品图片"),
    "category": ("类目", "分类"),
    "specs": ("规格", "规格型号"),
    "material": ("材质", "面料", "材质面料"),
    "functions": ("功效", "功能", "功效功用"),
    "style": ("风格", "风格潮流"),
    "selling_points": ("卖点", "特点", "特性", "特性特点"),
    "related": ("关联商品", "配套商品", "关联推荐", "配套产品"),
    "stock": ("库存", "库存状态"),
    "hot": ("热销", "爆款"),
}
SIZE_HEADERS: dict[str, tuple[str, ...]] = {
    "code": CODE_NAMES,
    "size": ("尺码", "尺寸", "码数"),
    "height_min": ("身高下限",),
    "height_max": ("身高上限",),
    "weight_min": ("体重下限",),
    "weight_max": ("体重上限",),
}
TEXT_FIELDS = ("title", "link", "category", "specs", "material", "functions", "style",
               "selling_points", "stock")
PROGRESS_EVERY = 1000

Progress = Callable[[str, int, int], None]


class Cancelled(Exception):
    """The import was cancelled; nothing was written."""


@dataclass
class ImportResult:
    file: str
    sizes_file: str = ""
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    related: int = 0         # products whose matching products were set
    charts: int = 0          # products whose size chart was replaced
    size_rows: int = 0
    dry_run: bool = False

    @property
    def changes(self) -> Changes:
        changed = self.added or self.updated or self.related or self.charts
        return Changes(products=bool(changed) and not self.dry_run)

    def summary(self, lang: str = "zh") -> str:
        if lang == "en":
            head = "Dry run (nothing written)" if self.dry_run else "Imported"
            text = (f"{head}: {self.file}, {self.rows} rows: {self.added} added, "
                    f"{self.updated} updated, {self.unchanged} unchanged; matching products "
                    f"set for {self.related}.")
            if self.sizes_file:
                text += (f" {self.sizes_file}: {self.size_rows} rows, size charts replaced "
                         f"for {self.charts} products.")
            return text
        head = "预览（未写入）：" if self.dry_run else "导入完成："
        text = (f"{head}{self.file} 共 {self.rows} 行，新增 {self.added} 件，更新 "
                f"{self.updated} 件，未变 {self.unchanged} 件；设置关联商品 {self.related} 件。")
        if self.sizes_file:
            text += (f"尺码表 {self.sizes_file} 共 {self.size_rows} 行，"
                     f"更新了 {self.charts} 件商品的尺码表。")
        return text


@dataclass
class _ProductLine:
    row: Row
    key: str
    values: dict           # our field -> value, only for the cells that are not empty
    related: list[str] | None
    image_source: Path | None = None


@dataclass
class _Chart:
    first_row: Row
    code: str
    rows: list[sizes.SizeRow] = field(default_factory=list)
    size_keys: set[str] = field(default_factory=set)


def _no_progress(_phase: str, _done: int, _total: int) -> None:
    pass


def _never() -> bool:
    return False


# --- reading ---------------------------------------------------------------------------

def _refuse(table: Table, row: Row, columns: dict[str, int], name: str, zh: str,
            en: str) -> FileRefused:
    column = table.headers[columns[name]] if name in columns else ""
    return FileRefused(table.path, zh, en, row=row.number, column=column)


def read_products(path: Path, progress: Progress = _no_progress,
                  cancelled: Callable[[], bool] = _never) -> tuple[Table, list[_ProductLine]]:
    table = read_table(path, [name for names in PRODUCT_HEADERS.values() for name in names])
    columns = table.columns(PRODUCT_HEADERS, required=("code",))
    seen: dict[str, int] = {}
    lines = []
    for done, row in enumerate(table.rows):
        if done % PROGRESS_EVERY == 0:
            if cancelled():
                raise Cancelled
            progress("读取商品", done, len(table.rows))
        lines.append(_product_line(table, columns, row, seen))
    progress("读取商品", len(table.rows), len(table.rows))
    return table, lines


def _product_line(table: Table, columns: dict[str, int], row: Row, seen: dict[str, int]
                  ) -> _ProductLine:
    cell = {name: row.cells[index] for name, index in columns.items()}

    def refuse(name: str, zh: str, en: str) -> FileRefused:
        return _refuse(table, row, columns, name, zh, en)

    code = cell["code"]
    if not code:
        raise refuse("code", "缺少商品编码", "the product code is missing")
    key = match_key(code)
    if key in seen:
        raise refuse("code", f"商品编码 {code} 在第 {seen[key]} 行已经出现过",
                     f"the code {code} already appears on line {seen[key]}")
    seen[key] = row.number
    values: dict = {"code": code}
    for name in TEXT_FIELDS:
        if cell.get(name):
            values[name] = cell[name]
    price = cell.get("price")
    if price:
        try:
            values["price"] = parse_amount(price)
        except ValueError as error:
            raise refuse("price", *amount_problem(price, error, "价格", "price")) from None
    link = cell.get("link")
    if link and not link.lower().startswith(("http://", "https://")):
        raise refuse("link", "链接应以 http:// 或 https:// 开头",
                     "a link starts with http:// or https://")
    image = cell.get("image")
    image_source = None
    if image and "://" in image:
        values["image"] = image
    elif image:
        image_source = (table.path.parent / image).resolve()
        if image_source.suffix.lower() not in IMAGE_SUFFIXES:
            raise refuse("image", f"{image} 不是支持的图片格式",
                         f"{image} is not a supported picture")
        if not image_source.is_file():
            raise refuse("image", f"找不到图片文件 {image}（相对于商品文件所在的文件夹）",
                         f"no picture file {image} beside the products file")
    if cell.get("hot"):
        hot = parse_hot(cell["hot"])
        if hot is None:
            raise refuse("hot", f"热销应写 是 或 否，不是“{cell['hot']}”",
                         f"hot is yes or no, not {cell['hot']!r}")
        values["hot"] = hot
    related = split_list(cell["related"]) if cell.get("related") else None
    if related and key in {match_key(c) for c in related}:
        raise refuse("related", f"商品 {code} 不能和自己关联", f"{code} cannot match itself")
    return _ProductLine(row, key, values, related, image_source)


def _measure(text: str) -> float:
    """A chart cell in cm or kg; also ``160cm``, ``50kg``, or a weight in ``斤``."""
    plain = match_key(text)
    for unit, factor in (("厘米", 1), ("cm", 1), ("公分", 1), ("公斤", 1), ("千克", 1),
                         ("kg", 1), ("斤", 0.5)):
        if plain.endswith(unit):
            return float(plain.removesuffix(unit)) * factor
    return float(plain)


def _measures(table: Table, columns: dict[str, int], row: Row,
              measured: list[tuple[str, int | None]]) -> list[float | None]:
    """A row's ranges with units (``160cm``, ``100斤``); refuses what is not a number."""
    measures = []
    for name, column in measured:
        text = row.cells[column] if column is not None else ""
        try:
            measures.append(_measure(text) if text else None)
        except ValueError:
            raise _refuse(table, row, columns, name, f"“{text}”不是数字",
                          f"{text!r} is not a number") from None
    return measures


def read_sizes(path: Path, cancelled: Callable[[], bool] = _never
               ) -> tuple[Table, dict[str, _Chart]]:
    table = read_table(path, [name for names in SIZE_HEADERS.values() for name in names])
    columns = table.columns(SIZE_HEADERS, required=("code", "size"))
    has_height = {"height_min", "height_max"} <= set(columns)
    has_weight = {"weight_min", "weight_max"} <= set(columns)
    if not (has_height or has_weight):
        raise FileRefused(table.path, "缺少身高下限/身高上限或体重下限/体重上限列",
                          "the height or the weight columns are missing", row=table.header_row)
    charts: dict[str, _Chart] = {}
    keys: dict[str, str] = {}      # code or size as written -> its key (they repeat)
    measured = [(name, columns.get(name)) for name in
                ("height_min", "height_max", "weight_min", "weight_max")]
    for done, row in enumerate(table.rows):
        if done % PROGRESS_EVERY == 0 and cancelled():
            raise Cancelled
        cells = row.cells
        code, size = cells[columns["code"]], cells[columns["size"]]
        if not code:
            raise _refuse(table, row, columns, "code", "缺少商品编码",
                          "the product code is missing")
        if not size:
            raise _refuse(table, row, columns, "size", "缺少尺码", "the size is missing")
        try:   # plain numbers, the usual case, in one go
            measures = [float(cells[c]) if c is not None and cells[c] else None
                        for _name, c in measured]
        except ValueError:
            measures = _measures(table, columns, row, measured)
        chart_row = sizes.SizeRow(size, *measures)
        problem = sizes.check_row(chart_row)
        if problem:
            raise FileRefused(table.path, problem, "the ranges of this size are not usable",
                              row=row.number)
        key = keys.get(code) or keys.setdefault(code, match_key(code))
        chart = charts.get(key) or charts.setdefault(key, _Chart(row, code))
        size_key = keys.get(size) or keys.setdefault(size, match_key(size))
        if size_key in chart.size_keys:
            raise _refuse(table, row, columns, "size", f"商品 {code} 的尺码 {size} 重复了",
                          f"size {size} of {code} appears twice")
        chart.size_keys.add(size_key)
        chart.rows.append(chart_row)
    return table, charts


# --- writing ---------------------------------------------------------------------------

class _Rollback(Exception):
    def __init__(self, result: ImportResult):
        super().__init__()
        self.result = result


def import_files(store: Store, products_file: Path | str | None,
                 sizes_file: Path | str | None = None, *, now: float, agent,
                 dry_run: bool = False,
                 progress: Progress = _no_progress,
                 cancelled: Callable[[], bool] = _never) -> ImportResult:
    """Import the products file and/or the size-chart file, all or nothing.

    A dry run does everything but keep it. ``progress(phase, done, total)`` reports along
    the way; ``cancelled()`` returning True stops the import with nothing written. Call it
    outside any open transaction, so a dry run can roll back. Trainers and supervisors
    import (``agent``)."""
    permissions.require(agent, permissions.EDIT_PRODUCTS)
    table, lines = (read_products(Path(products_file), progress, cancelled)
                    if products_file else (None, []))
    size_table, charts = read_sizes(Path(sizes_file), cancelled) if sizes_file else (None, {})
    result = ImportResult(file=table.path.name if table else "",
                          sizes_file=size_table.path.name if size_table else "",
                          rows=len(lines), size_rows=len(size_table.rows) if size_table else 0)
    try:
        with store.transaction():
            added = _apply_products(store, table, lines, result, now, dry_run, progress,
                                    cancelled)
            if size_table is not None:
                _apply_charts(store, size_table, charts, result, added)
            events.record(store, now, agent.id, "products.import",
                          f"file:{result.file or result.sizes_file}",
                          {"sizes_file": result.sizes_file, "rows": result.rows,
                           "added": result.added, "updated": result.updated,
                           "related": result.related, "charts": result.charts})
            if cancelled():
                raise Cancelled
            if dry_run:
                result.dry_run = True
                raise _Rollback(result)
    except _Rollback as rollback:
        return rollback.result
    return result


def _apply_products(store: Store, table: Table | None, lines: list[_ProductLine],
                    result: ImportResult, now: float, dry_run: bool, progress: Progress,
                    cancelled: Callable[[], bool]) -> set[str]:
    """Write the products; returns the keys of those that are new."""
    if table is None:
        return set()
    columns = table.columns(PRODUCT_HEADERS)
    existing = product_rows.products_by_keys(store, [line.key for line in lines])
    inserts, updates, touched = [], [], {}
    for done, line in enumerate(lines):
        if done % PROGRESS_EVERY == 0:
            if cancelled():
                raise Cancelled
            progress("写入商品", done, len(lines))
        values = dict(line.values)
        if line.image_source is not None:
            values["image"] = image_name(line.image_source) if dry_run else \
                keep_image(store, line.image_source)
        old = existing.get(line.key)
        if old is None:
            if "title" not in values:
                raise _refuse(table, line.row, columns, "title",
                              f"商品 {values['code']} 是新商品，需要商品名称",
                              f"{values['code']} is new and needs a title")
            merged = {name: values.get(name, "") for name in PRODUCT_FIELDS}
            merged["price"] = values.get("price")
            merged["hot"] = values.get("hot", 0)
            inserts.append((line.key, *(merged[n] for n in PRODUCT_FIELDS), now))
            result.added += 1
            touched[line.key] = merged
        elif any(old[name] != value for name, value in values.items()):
            merged = {name: values.get(name, old[name]) for name in PRODUCT_FIELDS}
            updates.append((line.key, *(merged[n] for n in PRODUCT_FIELDS), now, old["id"]))
            result.updated += 1
            touched[line.key] = merged
        else:
            result.unchanged += 1
    product_rows.insert_products(store, inserts)
    product_rows.update_products(store, updates)
    progress("写入商品", len(lines), len(lines))
    _apply_related(store, table, columns, lines, result)
    if touched:
        progress("建立搜索索引", 0, len(touched))
        ids = product_rows.ids_by_keys(store, list(touched))
        product_rows.index_products(store, (index.index_values(ids[key], merged)
                                            for key, merged in touched.items()),
                                    fresh=not updates)
    return {line.key for line in lines if line.key not in existing}


def _apply_related(store: Store, table: Table, columns: dict[str, int],
                   lines: list[_ProductLine], result: ImportResult) -> None:
    naming = [line for line in lines if line.related]
    if not naming:
        return
    keys = {match_key(code) for line in naming for code in line.related}
    ids = product_rows.ids_by_keys(store, sorted(keys | {line.key for line in naming}))
    for line in naming:
        missing = [code for code in line.related if match_key(code) not in ids]
        if missing:
            raise _refuse(table, line.row, columns, "related",
                          "关联商品 " + "、".join(missing) + " 既不在文件里，也不在工作台中",
                          "unknown matching products: " + ", ".join(missing))
        wanted = list(dict.fromkeys(ids[match_key(code)] for code in line.related))
        product_id = ids[line.key]
        if product_rows.listed_matches(store, product_id) != wanted:
            product_rows.set_matches(store, product_id, wanted)
            result.related += 1


def _apply_charts(store: Store, table: Table, charts: dict[str, _Chart],
                  result: ImportResult, new_keys: set[str]) -> None:
    """Replace the charts that differ; a product new in this import has none to read or
    clear."""
    columns = table.columns(SIZE_HEADERS)
    ids = product_rows.ids_by_keys(store, list(charts))
    for key, chart in charts.items():
        if key not in ids:
            raise _refuse(table, chart.first_row, columns, "code",
                          f"商品 {chart.code} 既不在商品文件里，也不在工作台中",
                          f"the product {chart.code} is neither in the products file nor in "
                          "the workbench")
    known = {ids[key] for key in charts if key not in new_keys}
    stored = product_rows.charts_of(store, list(known))
    replaced = []
    for key, chart in charts.items():
        product_id = ids[key]
        if stored.get(product_id, []) != chart.rows:   # size rows are tuples
            replaced.append((product_id, chart.rows))
    product_rows.replace_charts(
        store, [product_id for product_id, _rows in replaced if product_id in known],
        [(product_id, *row, n) for product_id, rows in replaced for n, row in enumerate(rows)])
    result.charts = len(replaced)
