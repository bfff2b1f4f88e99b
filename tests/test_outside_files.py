"""The shared pieces every import and export goes through: workbench.filereader and
workbench.filewriter, on the byte patterns real files have."""

import csv
import io
import os
import subprocess
import sys

import openpyxl
import pytest

from workbench import filereader, filewriter
from workbench.filereader import FileRefused
from workbench.store import StoreError


def write(tmp_path, name: str, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16"])
def test_every_encoding_the_back_office_writes_reads_the_same(tmp_path, encoding):
    text = "订单编号,订单状态\r\n1,买家已付款，等待卖家发货\r\n"  # ascii: csv
    table = filereader.read_table(write(tmp_path, "a.csv", text.encode(encoding)))
    assert table.headers == ["订单编号", "订单状态"]
    assert table.rows == [filereader.Row(2, ["1", "买家已付款，等待卖家发货"])]


def test_damaged_utf8_is_refused_not_read_as_gbk(tmp_path):
    raw = "编号,内容\n1,一段足够长的中文内容\n".encode() + b"2,\xff\xfe\n"  # ascii: csv
    with pytest.raises(FileRefused) as refused:
        filereader.read_table(write(tmp_path, "a.csv", raw))
    assert refused.value.row == 3 and "文件可能已损坏" in str(refused.value)


def test_utf8_lines_refuse_gbk_binary_cut_and_empty(tmp_path):
    good = write(tmp_path, "ok.jsonl", "\ufeff{\"a\": \"中文\"}\r\n\n{}\n".encode())
    assert [(n, text) for n, text, _done in filereader.utf8_lines(good)] == [
        (1, '{"a": "中文"}\r\n'), (2, "\n"), (3, "{}\n")]
    cases = {"gbk.jsonl": ("{}\n{\"a\": \"中文\"}\n".encode("gbk"), "须为 UTF-8", 2),
             "bin.jsonl": (b"\x00\x01\x02", "不是文本文件", None),
             "cut.jsonl": ("{}\n{\"a\": \"中文".encode()[:-1], "不完整的字符", None),
             "empty.jsonl": (b"\n \n", "文件是空的", None)}
    for name, (content, reason, row) in cases.items():
        with pytest.raises(FileRefused) as refused:
            list(filereader.utf8_lines(write(tmp_path, name, content)))
        assert reason in str(refused.value) and refused.value.row == row, name


def test_json_cut_short_says_so(tmp_path):
    with pytest.raises(FileRefused, match="提前结束"):
        filereader.read_json(write(tmp_path, "a.json", b'{"a": [1, 2'))
    with pytest.raises(FileRefused, match="不是有效的 JSON"):
        filereader.read_json(write(tmp_path, "b.json", b'{"a" 1}'))


def test_the_clear_mark_in_any_width():
    assert filereader.is_clear_mark("（清空）") and filereader.is_clear_mark(" (清空) ")
    assert not filereader.is_clear_mark("") and not filereader.is_clear_mark("清空")


def test_csv_cells_that_could_be_formulas_get_a_quote_and_ids_keep_their_digits():
    out = io.StringIO(newline="")
    writer = filewriter.CsvWriter(out)
    writer.writerow(["=1+1", "+86", "-x", "@a", "\tt", "\rr", "正常", 12, -5, None,
                     filewriter.long_number("35153131473293579"),
                     filewriter.long_number("=HYPERLINK(1)")])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == [
        "'=1+1", "'+86", "'-x", "'@a", "'\tt", "'\rr", "正常", "12", "-5", "",
        '="35153131473293579"', "'=HYPERLINK(1)"]


def test_a_styled_workbook_is_saved_with_string_cells(tmp_path):
    book = openpyxl.Workbook()
    book.active["A1"] = "=SUM(1,2)"
    book.active["B1"] = 3
    filewriter.save_workbook(book, tmp_path / "b.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "b.xlsx").active
    assert (sheet["A1"].data_type, sheet["A1"].value, sheet["B1"].value) == ("s", "=SUM(1,2)", 3)


def test_a_discarded_book_leaves_no_temporary_files(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with filewriter.XlsxBook() as book:
        book.sheet("s", ["a"])
        book.append(["x"])
    assert list(tmp_path.iterdir()) == []


def test_the_partial_file_of_a_killed_export_goes_at_the_next_export(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f".out.csv.{dead}.part"
    stale.write_text("half", encoding="utf-8")
    live = tmp_path / f".out.csv.{os.getppid()}.part"  # a running writer's is left alone
    live.write_text("busy", encoding="utf-8")
    filewriter.write_csv(tmp_path / "out.csv", ["a"], [["1"]])
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "out.csv"]


def test_a_write_that_fails_leaves_the_old_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")

    def rows():
        yield ["1"]
        raise OSError(28, "No space left on device")

    with pytest.raises(StoreError) as failed:
        filewriter.write_csv(target, ["a"], rows())
    assert "磁盘已满" in failed.value.zh
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    assert target.read_text(encoding="utf-8") == "old"


def test_json_too_deep_or_with_a_lone_surrogate_is_refused_with_its_line(tmp_path):
    with pytest.raises(FileRefused, match="嵌套的层数太多") as refused:
        filereader.read_json(write(tmp_path, "deep.json", b"[" * 100_000 + b"]" * 100_000))
    assert "deep.json" in str(refused.value)
    # A surrogate pair is a character; a lone one (here on line 3) is none.
    raw = b'{"a": "\\ud83d\\ude00",\n "b": "\\\\ud800",\n "c": ["x", "\\ud800"]}'
    with pytest.raises(FileRefused, match="无效字符") as refused:
        filereader.read_json(write(tmp_path, "s.json", raw))
    assert refused.value.row == 3
    assert filereader.read_json(write(tmp_path, "ok.json", raw.split(b",\n \"c")[0] + b"}")) == {
        "a": "\U0001F600", "b": "\\ud800"}


def test_a_folder_a_missing_file_and_no_name_are_each_said(tmp_path):
    assert filereader.file_problem(tmp_path)[0] == "这是一个文件夹，不是文件"
    assert filereader.file_problem(tmp_path / "none.csv")[0] == "找不到这个文件"
    assert filereader.file_problem("")[0] == "没有给出文件名"
    path = write(tmp_path, "a.csv", b"x\n1\n")
    assert filereader.require_file(path) == path
    with pytest.raises(FileRefused, match="这是一个文件夹"):
        filereader.require_file(tmp_path)


def test_an_xlsx_formula_without_a_value_is_refused_with_row_and_column(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["编号", "金额", "留言"])
    book.active.append(["1", 10, "好"])
    book.active.append(["2", "=5*2", "好"])   # openpyxl writes the formula, never its value
    book.save(tmp_path / "f.xlsx")
    with pytest.raises(FileRefused, match="公式，但没有计算出的值") as refused:
        filereader.read_table(tmp_path / "f.xlsx")
    assert (refused.value.row, refused.value.column) == (3, "金额")
    book.active["B3"] = 10                      # no formula left: read as before
    book.save(tmp_path / "f.xlsx")
    assert filereader.read_table(tmp_path / "f.xlsx").rows[1].cells == ["2", "10", "好"]


def test_amounts_refuse_negative_and_absurd_numbers():
    assert filereader.parse_amount("10000000") == 10_000_000
    for text, negative in (("-10", True), ("-0.5", True), ("10000000.01", False),
                           ("99999999999999999999999", False), ("¥1,000,000,000", False)):
        with pytest.raises(filereader.AmountOutOfRange) as refused:
            filereader.parse_amount(text)
        assert refused.value.negative == negative
    zh, en = filereader.amount_problem("-5", filereader.AmountOutOfRange("-5", True), "价格",
                                       "price")
    assert (zh, en) == ("价格不能是负数", "the price cannot be negative")
