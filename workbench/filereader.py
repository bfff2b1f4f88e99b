"""Reading the files the shop brings: one strict path for every import.

Order reports, item files, phrase packs, refund reports, product files and size charts
arrive as CSV (GBK/GB18030 or UTF-8, with or without a BOM, CRLF or LF) or XLSX, written
by the back office, Qianniu, Excel or WPS. Whatever reads them goes through here, so they
all refuse the same things the same way, naming the file, the row and the likely cause:

* an empty file, a binary file, an encoding we cannot read;
* a multi-byte character cut at the end (an interrupted download);
* a quote left open, a row with fewer or more cells than the header;
* a required column missing (the message lists the header as found);
* a folder or an empty name given for the file (:func:`require_file`);
* JSON nested too deeply to read, or text holding a lone surrogate (``"\\ud800"``);
* an XLSX formula cell without a value (a file written by a script, never opened in
  Excel: its formula was never calculated);
* an amount that is negative or above :data:`MAX_AMOUNT`.

Headers are matched through :func:`workbench.textnorm.match_key` (full-width or ASCII
punctuation, trailing spaces, ``="…"`` wrappers); cells are returned as the file wrote
them, only unwrapped from Excel-proofing (``="001"``, a leading ``'`` or tab).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from workbench.changes import Refused
from workbench.textnorm import match_key

XLSX_SUFFIXES = (".xlsx", ".xlsm")
HEADER_SEARCH_ROWS = 10        # a title line or two may stand above the header
BINARY_PROBE_BYTES = 8192
EXACT_FLOAT_LIMIT = 2 ** 53
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # the back office's dates
_TIME_FORMATS = (TIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%d")
# An update never empties a field because its cell is empty or its column missing (a cut
# or partial file would wipe data); a cell holding exactly this empties it on purpose.
# Matched through match_key, so （清空） and (清空) both count.
CLEAR_MARK = "（清空）"
_CLEAR_KEY = match_key(CLEAR_MARK)
# A UTF-8 file showing this many bytes of non-ASCII text before a byte that is not UTF-8
# is damaged UTF-8, not GBK (GBK text is not valid UTF-8 for more than a character or two).
UTF8_EVIDENCE_BYTES = 12
_ASCII = bytes(range(128))
# No price, total, refund or quantity of a shop's file is this large: a bigger number is
# a typo or a damaged cell (10²³ would even overflow the store's integers).
MAX_AMOUNT = 10_000_000
# A UTF-16 surrogate alone: JSON can write one as an escape, no UTF-8 text can hold it,
# and the store could not save it.
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


class FileRefused(Refused):
    """A file that cannot be imported as it is. Nothing was written."""

    def __init__(self, path: Path | str, zh: str, en: str, row: int | None = None,
                 column: str = ""):
        name = Path(path).name or str(path)  # "." has no name of its own
        place_zh, place_en = name, name
        if row is not None:
            place_zh += f" 第 {row} 行"
            place_en += f" line {row}"
        if column:
            place_zh += f"“{column}”列"
            place_en += f" column “{column}”"
        super().__init__(f"{place_zh}：{zh}。文件没有导入，数据没有任何改动。",
                         f"{place_en}: {en}. The file was not imported; nothing changed.")
        self.path, self.row, self.column = Path(path), row, column
        self.reason, self.reason_en = zh, en  # the cause alone, for a caller's own sentence


@dataclass(frozen=True)
class Row:
    number: int          # the line (CSV) or row (XLSX) number, as a spreadsheet shows it
    cells: list[str]


@dataclass
class Table:
    path: Path
    headers: list[str]   # as written, unwrapped
    header_row: int
    rows: list[Row]      # data rows; blank lines left out

    def columns(self, wanted: dict[str, Iterable[str]], required: Iterable[str] = ()
                ) -> dict[str, int]:
        """Our field -> the index of the first of its names the header has.

        Refuses when a field of ``required`` is missing, naming it and the header found."""
        keys = [match_key(h) for h in self.headers]
        found: dict[str, int] = {}
        for field, names in wanted.items():
            for name in names:
                if match_key(name) in keys:
                    found[field] = keys.index(match_key(name))
                    break
        missing = [next(iter(wanted[field])) for field in required if field not in found]
        if missing:
            shown = "、".join(h for h in self.headers if h) or "（空）"
            raise FileRefused(self.path,
                              f"缺少必需的列：{'、'.join(missing)}（文件的表头是：{shown}）",
                              f"required columns missing: {', '.join(missing)} "
                              f"(the header is: {', '.join(h for h in self.headers if h)})",
                              row=self.header_row)
        return found


def clean_cell(value: object) -> str:
    """A cell's text without Excel-proofing: ``="…"``, a leading ``'`` or tab, spaces.

    Any other text beginning with ``=`` is kept as written: a phrase or remark may well
    begin so, and our own exports write it behind a ``'``."""
    if value is None:
        return ""
    text = (value if isinstance(value, str) else str(value)).strip()
    if not text or text[0] not in "='\t":
        return text  # the usual case, kept fast: reports have hundreds of thousands of cells
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        return text[2:-1].strip()
    return text.lstrip("'\t").strip()


def is_clear_mark(text: str) -> bool:
    """The cell says to empty the field on purpose (see :data:`CLEAR_MARK`)."""
    # Asked of every cell of a report: most are plainly not the mark, and say so cheaply.
    return "清空" in text and match_key(text) == _CLEAR_KEY


# --- bytes and text ----------------------------------------------------------------------

def read_bytes(path: Path) -> bytes:
    """The file's bytes; refused when unreadable or empty (also only blanks)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise _unreadable(path, error) from None
    if not raw.strip(b" \t\r\n\x00" + codecs.BOM_UTF8):
        raise _empty(path)
    return raw


def file_problem(path: Path | str | None) -> tuple[str, str] | None:
    """Why ``path`` cannot be read as a file, (zh, en), or None when it is a file: every
    command that takes a file asks this before it starts, so each says the same."""
    if path is None or not str(path).strip():
        return "没有给出文件名", "no file name was given"
    path = Path(path)
    if path.is_dir():
        return "这是一个文件夹，不是文件", "this is a folder, not a file"
    if not path.exists():
        return "找不到这个文件", "no such file"
    return None


def require_file(path: Path | str | None) -> Path:
    """``path`` when it is a file to read; else FileRefused saying it is a folder, missing
    or not given."""
    problem = file_problem(path)
    if problem is not None:
        raise FileRefused(str(path or ""), *problem)
    return Path(path)


def _unreadable(path: Path, error: OSError) -> FileRefused:
    if isinstance(error, IsADirectoryError):
        return FileRefused(path, "这是一个文件夹，不是文件", "this is a folder, not a file")
    if isinstance(error, FileNotFoundError):
        return FileRefused(path, "找不到这个文件", "no such file")
    reason = error.strerror or str(error)
    return FileRefused(path, f"无法读取文件（{reason}）", f"cannot read the file ({reason})")


def _empty(path: Path) -> FileRefused:
    return FileRefused(path, "文件是空的", "the file is empty")


def decode(path: Path, raw: bytes) -> str:
    """Text from UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(path, raw, "utf-16")
    if raw.startswith(codecs.BOM_UTF8):
        return _decode(path, raw[len(codecs.BOM_UTF8):], "utf-8")
    if b"\x00" in raw[:BINARY_PROBE_BYTES]:
        raise _binary(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        # After Chinese that was UTF-8, a bad byte is damage, not another encoding: a cut
        # download when it is at the end, else a damaged file (read as GBK it would import
        # as nonsense). After only ASCII, the bytes may as well be GBK.
        if _utf8_before(raw, error):
            if _cut_at_end(raw, error):
                raise _cut_file(path) from None
            raise _not_utf8(path, raw.count(b"\n", 0, error.start) + 1, True) from None
    # GB18030 is a superset of GBK and GB2312, the back office's usual encodings.
    return _decode(path, raw, "gb18030")


def read_text(path: Path) -> str:
    """A text file in UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030."""
    return decode(path, read_bytes(path))


def read_utf8(path: Path) -> str:
    """A text file that must be UTF-8 (JSON lines, TOML, our own exchange files); a BOM
    is tolerated. Anything else is refused naming the line of the first bad byte."""
    raw = read_bytes(path)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    if b"\x00" in raw[:BINARY_PROBE_BYTES]:
        raise _binary(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if _cut_at_end(raw, error):
            raise _cut_file(path) from None
        raise _not_utf8(path, raw.count(b"\n", 0, error.start) + 1,
                        _utf8_before(raw, error)) from None


def utf8_lines(path: Path) -> Iterator[tuple[int, str, int]]:
    """A UTF-8 text file line by line, for files too large to hold twice (JSON lines):
    (line number, text with its line break, bytes read so far). The refusals of
    :func:`read_utf8`, raised at the line where the file goes wrong; an empty file is
    refused once it has been read through."""
    path = Path(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, also when the caller stops
    except OSError as error:
        raise _unreadable(path, error) from None
    with handle:
        if b"\x00" in handle.read(BINARY_PROBE_BYTES):
            raise _binary(path)
        handle.seek(0)
        done = non_ascii = 0
        said_something = False
        for number, raw in enumerate(handle, start=1):
            done += len(raw)
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                if _cut_at_end(raw, error) and not raw.endswith(b"\n"):
                    raise _cut_file(path) from None
                before = raw[:error.start].translate(None, _ASCII)
                raise _not_utf8(path, number, non_ascii + len(before) >= UTF8_EVIDENCE_BYTES
                                ) from None
            if not raw.isascii():
                non_ascii += len(raw.translate(None, _ASCII))
            said_something = said_something or not text.isspace()
            yield number, text, done
    if not said_something:
        raise _empty(path)


def read_json(path: Path, utf8_only: bool = False) -> object:
    """A JSON document; refused naming line and column where it is malformed or cut."""
    text = read_utf8(path) if utf8_only else read_text(path)
    try:
        return parse_json(text)
    except JsonProblem as problem:
        raise FileRefused(path, problem.zh, problem.en, row=problem.line) from None
    except json.JSONDecodeError as error:
        at = f"第 {error.lineno} 行第 {error.colno} 列"
        at_en = f"line {error.lineno} column {error.colno}"
        if json_ends_early(text, error):
            raise FileRefused(path, f"JSON 在{at}提前结束：文件可能不完整（下载或复制中断）",
                              f"the JSON ends early at {at_en}: the file may be incomplete"
                              ) from None
        raise FileRefused(path, f"不是有效的 JSON（{error.msg}，{at}）",
                          f"not valid JSON ({error.msg}, {at_en})") from None


class JsonProblem(ValueError):
    """JSON that parses but cannot be used: nested too deeply, or a lone surrogate."""

    def __init__(self, zh: str, en: str, line: int | None = None):
        super().__init__(zh)
        self.zh, self.en, self.line = zh, en, line


def parse_json(text: str) -> object:
    """``json.loads`` with the refusals every JSON reader shares (JSON files and each
    line of a JSONL file): JsonProblem for nesting too deep for Python to read (a
    RecursionError otherwise) and for a lone surrogate (``"\\ud800"``: valid JSON, but
    no text; the store would fail on it). JSONDecodeError as ``json.loads`` raises it."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise JsonProblem("JSON 嵌套的层数太多，无法读取：文件已损坏或不是工作台的文件",
                          "the JSON is nested too deeply to read: the file is damaged or "
                          "not a workbench file") from None
    # Only an escape can put a surrogate in the text: without "\u" there is none to seek.
    if "\\u" in text and _holds_surrogate(value):
        raise JsonProblem("文本里有一个无效字符（单独的代理码位，如 \\ud800），不是有效的文字",
                          "the text holds an invalid character (a lone surrogate such as "
                          "\\ud800)", _surrogate_line(text))
    return value


def _holds_surrogate(value: object) -> bool:
    """Any string in ``value`` (keys too) holds a lone surrogate; walked without recursion."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if not item.isascii() and _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def _surrogate_line(text: str) -> int | None:
    """The line of the first string holding a lone surrogate (a JSON string never spans
    lines, so each string literal can be read alone)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if "\\u" not in line:
            continue
        for literal in _JSON_STRING.findall(line):
            if "\\u" in literal and _SURROGATE.search(json.loads(literal)):
                return number
    return None


def json_ends_early(text: str, error: json.JSONDecodeError) -> bool:
    """The JSON text stops before it is complete (a cut file or line): a string open to
    the end, or a value missing at the very end."""
    return error.msg.startswith("Unterminated string") or error.pos >= len(text.rstrip())


def _decode(path: Path, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        if _cut_at_end(raw, error):
            raise _cut_file(path) from None
        raise FileRefused(path, "无法识别文件编码，请存为 UTF-8 或 GBK",
                          "unknown text encoding; save the file as UTF-8 or GBK") from None


def _cut_at_end(raw: bytes, error: UnicodeDecodeError) -> bool:
    """The bytes that fail are a character's beginning with its end missing."""
    return error.end >= len(raw.rstrip(b"\r\n")) and error.start >= len(raw) - 4


def _utf8_before(raw: bytes, error: UnicodeDecodeError) -> bool:
    """The text before the bad byte shows the file is UTF-8 (see UTF8_EVIDENCE_BYTES), or
    the bad byte is a character cut at the very end after some UTF-8 text."""
    before = raw[:error.start]
    if before.isascii():
        return False
    non_ascii = len(before.translate(None, _ASCII))
    return non_ascii >= UTF8_EVIDENCE_BYTES or error.start >= len(raw) - 4


def _not_utf8(path: Path, line: int, damaged: bool) -> FileRefused:
    """A byte that is not UTF-8 on ``line``: ``damaged`` when the text before it shows
    the file is UTF-8 (see UTF8_EVIDENCE_BYTES)."""
    if damaged:
        return FileRefused(path, "文件是 UTF-8 编码，但这里有一个无法识别的字节：文件可能已损坏，"
                           "请重新导出", "the file is UTF-8 but this line holds a byte that is "
                           "not: the file may be damaged; export it again", row=line)
    return FileRefused(path, "这里有不是 UTF-8 的字节：文件须为 UTF-8 编码"
                       "（GBK 文件请另存为 UTF-8）",
                       "a byte that is not UTF-8: the file must be UTF-8 (save a GBK file as "
                       "UTF-8)", row=line)


def _binary(path: Path) -> FileRefused:
    return FileRefused(path, "这不是文本文件（含有二进制内容），请选择 CSV、XLSX 或 JSON 文件",
                       "this is not a text file (it holds binary data)")


def _cut_file(path: Path) -> FileRefused:
    return FileRefused(path, "文件末尾有一个不完整的字符：文件可能没有下载完整，请重新导出",
                       "the last character is cut: the file may be incomplete; export it again")


# --- tables ------------------------------------------------------------------------------

def read_table(path: Path, known_headers: Iterable[str] = ()) -> Table:
    """A CSV or XLSX file as header and rows, checked row by row (see the module's doc).

    The header is the first row that holds one of ``known_headers`` (within the first
    few rows), else the first row that is not blank."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise FileRefused(path, "不支持旧版 Excel（.xls）文件，请在 Excel 里另存为 .xlsx 或 CSV",
                          "old Excel (.xls) files are not supported; save as .xlsx or CSV")
    unvalued: list[tuple[int, int]] = []
    if suffix in XLSX_SUFFIXES:
        lines, unvalued = _xlsx_lines(path)
        strict = False  # a spreadsheet's rows cannot be cut; its short rows are blank cells
    else:
        lines = _csv_lines(path)
        strict = True
    header_at = _header_index(lines, {match_key(name) for name in known_headers})
    if header_at is None:
        raise FileRefused(path, "文件是空的，没有表头", "the file is empty, it has no header")
    number, header = lines[header_at]
    headers = [clean_cell(cell) for cell in header]
    while headers and not headers[-1]:
        headers.pop()  # Excel pads a header with empty cells
    for row_number, column in unvalued:
        if row_number > number and column < len(headers):
            raise FileRefused(path, "这个单元格是公式，但没有计算出的值（文件由程序生成，"
                              "没有在 Excel 里打开保存过）：请在 Excel 里打开并保存，"
                              "或把公式换成数值", "this cell is a formula without a value "
                              "(the file was written by a program and never saved by Excel): "
                              "open and save it in Excel, or replace the formula by its value",
                              row=row_number, column=headers[column] or _letter(column))
    rows = []
    for number_, cells in lines[header_at + 1:]:
        if not "".join(cells).strip():   # a blank line (one join: faster than any())
            continue
        if strict:
            _check_width(path, number_, cells, len(headers))
        # clean_cell, its usual case inlined: a big file has a million cells.
        cleaned = [text if not (text := cell.strip()) or text[0] not in "='\t"
                   else clean_cell(text) for cell in cells[:len(headers)]]
        cleaned += [""] * (len(headers) - len(cleaned))
        rows.append(Row(number_, cleaned))
    if not rows:
        # Refused like an empty file: an import of nothing (a replace in particular) would
        # only ever be a mistake.
        raise FileRefused(path, "文件只有表头，没有任何数据行", "the file has a header but no "
                          "rows", row=number)
    return Table(path, headers, number, rows)


def _header_index(lines: list[tuple[int, list[str]]], known: set[str]) -> int | None:
    first = None
    for index, (_number, cells) in enumerate(lines[:HEADER_SEARCH_ROWS]):
        if not any(clean_cell(cell) for cell in cells):
            continue
        if first is None:
            first = index
        if known & {match_key(clean_cell(cell)) for cell in cells}:
            return index
    if first is None:
        first = next((i for i, (_n, cells) in enumerate(lines)
                      if any(clean_cell(cell) for cell in cells)), None)
    return first


def _check_width(path: Path, number: int, cells: list[str], width: int) -> None:
    if len(cells) < width:
        raise FileRefused(
            path, f"这一行只有 {len(cells)} 列，表头有 {width} 列：文件可能在这里被截断"
            "（下载不完整），或这一行少了分隔的逗号",
            f"this row has {len(cells)} cells but the header has {width}: the file may be "
            "cut here (an incomplete download), or a comma is missing", row=number)
    if len(cells) > width and any(cell.strip() for cell in cells[width:]):
        raise FileRefused(
            path, f"这一行有 {len(cells)} 列，表头只有 {width} 列：可能有未加引号的逗号",
            f"this row has {len(cells)} cells but the header only {width}: probably a comma "
            "without quotes", row=number)


def _csv_lines(path: Path) -> list[tuple[int, list[str]]]:
    text = read_text(path)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines = []
    start = 1
    try:
        for cells in reader:
            lines.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        if "end of data" in str(error):
            raise FileRefused(path, "引号没有闭合：从这一行开始的内容一直到文件末尾都在引号里，"
                              "文件可能被截断或这里少了一个引号",
                              "a quote is never closed: from this line to the end of the file "
                              "everything is inside it; the file may be cut", row=start) from None
        raise FileRefused(path, f"不是有效的 CSV（{error}）", f"not a valid CSV ({error})",
                          row=reader.line_num) from None
    return lines


def _xlsx_lines(path: Path) -> tuple[list[tuple[int, list[str]]], list[tuple[int, int]]]:
    """The first sheet's rows as text, and the (row, column index) of each formula cell
    without a value: read with its values only, such a cell is merely empty."""
    import openpyxl  # only when an XLSX is imported

    read_bytes(path)  # the same refusals for a missing or empty file
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise _damaged_xlsx(path, error) from None
    try:
        sheet = book.worksheets[0]
        values = list(sheet.iter_rows(values_only=True))
        has_formulas = _has_formulas(book, sheet)
    finally:
        book.close()
    lines = [(number, [_xlsx_text(value) for value in row])
             for number, row in enumerate(values, start=1)]
    if not has_formulas:
        return lines, []
    return lines, _unvalued_formulas(path, values)


def _damaged_xlsx(path: Path, error: Exception) -> FileRefused:
    return FileRefused(path, f"无法打开 XLSX 文件（{type(error).__name__}）：文件可能已损坏",
                       f"cannot open the XLSX file ({type(error).__name__}); it may be "
                       "damaged")


_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_SCAN_BYTES = 1 << 20


def _has_formulas(book, sheet) -> bool:
    """Whether the sheet's XML holds a formula: a scan of its bytes, far cheaper than
    reading the sheet a second time, which only a sheet with formulas needs."""
    try:
        stream = book._archive.open(sheet._worksheet_path)  # noqa: SLF001
    except (AttributeError, KeyError, OSError):
        return True  # cannot tell: read it again, as if it had formulas
    with stream:
        tail = b""
        while chunk := stream.read(_SCAN_BYTES):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def _unvalued_formulas(path: Path, values: list[tuple]) -> list[tuple[int, int]]:
    """The cells that hold a formula and, read for values, nothing."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # noqa: BLE001 - as in _xlsx_lines
        raise _damaged_xlsx(path, error) from None
    found = []
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        for number, (formulas, cached) in enumerate(zip(rows, values, strict=False), start=1):
            for column, formula in enumerate(formulas):
                if _is_formula(formula) and (column >= len(cached) or cached[column] is None):
                    found.append((number, column))
    finally:
        book.close()
    return found


def _is_formula(value: object) -> bool:
    """A cell read with its formulas: ``=…`` text, or an array or data-table formula."""
    if isinstance(value, str):
        return value.startswith("=")
    return value is not None and not isinstance(value, (int, float, dt.datetime, dt.date,
                                                        dt.time, dt.timedelta))


def _letter(column: int) -> str:
    """A column index as a spreadsheet names it: 0 → A, 26 → AA."""
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _xlsx_text(value: object) -> str:
    """A spreadsheet cell as the same text its CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime(TIME_FORMAT)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < EXACT_FLOAT_LIMIT:
            return str(int(value))
        return repr(value) if abs(value) < EXACT_FLOAT_LIMIT else f"{value:.6g}"
    return str(value)


# --- values ------------------------------------------------------------------------------

class AmountOutOfRange(ValueError):
    """A number that reads but is no amount: negative, or above :data:`MAX_AMOUNT`."""

    def __init__(self, text: str, negative: bool):
        super().__init__(text)
        self.negative = negative


def parse_amount(text: str) -> float | None:
    """An amount such as ``129.00``, ``¥1,299.00``, ``￥129`` or ``129元``; None when empty.
    Raises ValueError for what is not an amount, AmountOutOfRange (a ValueError) for a
    negative one or one above :data:`MAX_AMOUNT`; :func:`amount_problem` words either."""
    if text.isascii() and text.replace(".", "", 1).isdigit():
        value = float(text)  # the usual 129.00, without normalising hundreds of thousands
    else:
        plain = match_key(text).replace("¥", "").replace("元", "").replace(",", "")
        if not plain:
            return None
        value = float(plain)
        if not math.isfinite(value):
            raise ValueError(text)
        if value < 0:
            raise AmountOutOfRange(text, negative=True)
    if value > MAX_AMOUNT:
        raise AmountOutOfRange(text, negative=False)
    return value


def amount_problem(text: str, error: ValueError, word: str = "金额",
                   word_en: str = "amount") -> tuple[str, str]:
    """Why ``text`` is refused as an amount (zh, en), for a refusal naming its cell."""
    if isinstance(error, AmountOutOfRange) and error.negative:
        return f"{word}不能是负数", f"the {word_en} cannot be negative"
    if isinstance(error, AmountOutOfRange):
        return (f"{word}“{text}”超出合理范围（最多 {MAX_AMOUNT}）",
                f"the {word_en} {text!r} is out of range (at most {MAX_AMOUNT})")
    return f"{word}“{text}”不是数字", f"the {word_en} {text!r} is not a number"


def parse_time(text: str) -> float | None:
    """``yyyy-MM-dd HH:mm:ss`` (also with ``/`` and without seconds, as Excel re-saves it)
    as a timestamp; None when empty. Raises ValueError for what is not a time."""
    plain = clean_cell(text).replace("/", "-")
    if not plain:
        return None
    try:
        return dt.datetime.fromisoformat(plain).timestamp()
    except ValueError:
        pass
    for pattern in _TIME_FORMATS:
        try:
            return dt.datetime.strptime(plain, pattern).timestamp()
        except ValueError:
            continue
    raise ValueError(text)
