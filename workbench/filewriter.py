"""Writing the files the shop takes away: atomically, and never with a live formula.

Shops open every export in Excel or WPS. A text beginning with ``=`` (a phrase, a remark,
a buyer's message) must never arrive there as a formula: ``=HYPERLINK(...)`` or
``=cmd|' /C calc'!A0`` would run. So:

* every XLSX text cell is stored as a string (openpyxl would store ``=…`` as a formula);
* every CSV text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets a leading ``'``, which spreadsheets show as text and do not evaluate.

Every export writes a temporary file in the target folder and renames it over the
target only when complete: a failed or cancelled export leaves nothing behind, and an
existing file is replaced whole or not at all (an export killed outright leaves a hidden
``.NAME.PID.part``, removed by the next export of that file). A folder that does not
exist, a full disk or a denied permission raise :class:`workbench.store.StoreError` with
one clear line.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from workbench.faults import os_error
from workbench.store.db import StoreError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Digits(str):
    """Digits written ``="…"`` on purpose: see :func:`long_number`."""


def long_number(text: str) -> str:
    """A long number such as an order id, written the back office's way ``="…"`` in CSV so
    that Excel keeps every digit (it would show 3.51531E+16). Only plain digits are
    wrapped: anything else is ordinary text, formula guard included."""
    if text.isascii() and text.isdigit():
        return _Digits(f'="{text}"')
    return text


def csv_text(value: object) -> object:
    """A CSV cell that a spreadsheet shows as the text it is; numbers stay numbers."""
    if isinstance(value, _Digits):
        return str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def xml_safe(text: str) -> str:
    """XLSX is XML: control characters other than tab and line breaks cannot be stored."""
    return "".join(ch if ch in "\t\n\r" or ord(ch) >= 32 else " " for ch in text)


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed to it when the block ends without error."""
    path = Path(path)
    check_target(path)
    _remove_stale_parts(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        yield partial
        os.replace(partial, path)
    except OSError as error:
        raise os_error(error, path) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def check_target(path: Path, suffix: str | None = None) -> None:
    """Refuse at once a target that cannot be written: its folder is missing, or it is a
    folder itself, or (with ``suffix``) its name says another format than the one written.
    Work that writes the store before it exports checks first."""
    path = Path(path)
    if not path.parent.is_dir():
        raise StoreError(f"文件夹 {path.parent} 不存在，无法写入 {path.name}；什么都没有写入。",
                         f"The folder {path.parent} does not exist; {path.name} was not "
                         "written.")
    if path.is_dir():
        raise os_error(IsADirectoryError(21, "Is a directory", str(path)), path)
    if suffix and not path.name.lower().endswith(suffix):
        raise StoreError(f"{path.name}：这里写出的是 {suffix} 文件，请用 {suffix} 结尾的文件名；"
                         "什么都没有写入。",
                         f"{path.name}: this writes a {suffix} file; give a name ending in "
                         f"{suffix}. Nothing was written.")


def _remove_stale_parts(path: Path) -> None:
    """Partial files an export killed outright (power cut, kill -9) left beside ``path``:
    their writer is gone, so they are removed before the next export of the same file."""
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.part"):
        pid = stale.name[len(path.name) + 2:-len(".part")]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                stale.unlink()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


@contextlib.contextmanager
def atomic_text(path: Path, encoding: str = "utf-8", newline: str | None = None
                ) -> Iterator[IO[str]]:
    """Write a text file all at once: its handle, then the rename."""
    with atomic_path(path) as partial:
        try:
            with open(partial, "w", encoding=encoding, newline=newline) as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise os_error(error, path) from error


class CsvWriter:
    """``csv.writer`` whose text cells can never become formulas."""

    def __init__(self, handle: IO[str], **options):
        self._writer = csv.writer(handle, **options)

    def writerow(self, cells: Iterable[object]) -> None:
        self._writer.writerow([csv_text(cell) for cell in cells])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def write_csv(path: Path, header: Iterable[str], rows: Iterable[Iterable[object]],
              encoding: str = "utf-8-sig") -> None:
    """A whole CSV file (UTF-8 with a BOM by default, so Excel reads Chinese right)."""
    with atomic_text(path, encoding=encoding, newline="") as handle:
        writer = CsvWriter(handle)
        writer.writerow(header)
        writer.writerows(rows)


class XlsxBook:
    """A workbook whose text cells are always strings; ``save`` writes it atomically.

    Streams (openpyxl's write-only mode), so exports of many rows stay small in memory.
    Use it as a context manager where rows come from work that may stop (a cancel, an
    error): leaving the block without saving lets go of the half-written sheets."""

    def __init__(self):
        import openpyxl  # only when something is exported

        self._book = openpyxl.Workbook(write_only=True)
        self._sheet = None

    def __enter__(self) -> XlsxBook:
        return self

    def __exit__(self, *_exc) -> None:
        self.discard()

    def discard(self) -> None:
        """Let go of an unsaved book: close its sheets' streams, remove their temporary
        files. Nothing after a save."""
        for sheet in self._book.worksheets:
            writer = getattr(sheet, "_writer", None)
            if writer is None or sheet.closed:
                continue
            with contextlib.suppress(Exception):  # a stream broken by the failure itself
                sheet.close()
            with contextlib.suppress(Exception):
                writer.cleanup()

    def sheet(self, title: str, header: Iterable[str] = (),
              widths: Iterable[float] = ()) -> None:
        """Start a sheet; following ``append`` calls add rows to it."""
        self._sheet = self._book.create_sheet(title[:31])
        for column, width in enumerate(widths, start=1):
            from openpyxl.utils import get_column_letter

            self._sheet.column_dimensions[get_column_letter(column)].width = width
        header = list(header)
        if header:
            self.append(header, bold=True)

    def append(self, values: Iterable[object], bold: bool = False) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for value in values:
            if isinstance(value, str) or value is None:
                cell = WriteOnlyCell(self._sheet, value=xml_safe(value or ""))
                cell.data_type = "s"  # never a formula
            elif isinstance(value, dt.datetime):
                cell = WriteOnlyCell(self._sheet, value=value)
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            else:
                cell = WriteOnlyCell(self._sheet, value=value)
            if bold:
                from openpyxl.styles import Font

                cell.font = Font(bold=True)
            cells.append(cell)
        self._sheet.append(cells)

    def printable(self, landscape: bool = True, title_rows: int = 1) -> None:
        """Print the current sheet fitted to the page width, its first rows repeated on
        every page (a summary sent along with a dispute, or printed to PDF)."""
        setup = self._sheet.page_setup
        setup.orientation = "landscape" if landscape else "portrait"
        setup.paperSize = "9"  # A4
        setup.fitToWidth, setup.fitToHeight = 1, 0
        self._sheet.sheet_properties.pageSetUpPr.fitToPage = True
        if title_rows:
            self._sheet.print_title_rows = f"1:{title_rows}"

    def save(self, path: Path) -> None:
        try:
            check_target(path, ".xlsx")  # an Excel file named .csv opens as garbage
            with atomic_path(path) as partial:
                self._book.save(partial)
        finally:
            self.discard()


def write_xlsx(path: Path, title: str, header: Iterable[str], rows: Iterable[Iterable[object]],
               widths: Iterable[float] = ()) -> None:
    """A whole one-sheet XLSX (see :class:`XlsxBook`); nothing is left if ``rows`` fails."""
    with XlsxBook() as book:
        book.sheet(title, header, widths)
        for row in rows:
            book.append(row)
        book.save(path)


def save_workbook(book, path: Path) -> None:
    """A workbook built cell by cell (styles, merged cells, print layout), saved atomically
    with every text cell made a string: openpyxl stores a text beginning with ``=`` as a
    formula. Write texts through :func:`xml_safe`; openpyxl refuses control characters."""
    check_target(path, ".xlsx")
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    with atomic_path(path) as partial:
        book.save(partial)
