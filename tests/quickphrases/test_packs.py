"""Every pack format in and out, and every bad input leaving the store as it was."""

import csv
import io
import json

import pytest
from openpyxl import Workbook, load_workbook

from workbench import quickphrases
from workbench.filereader import FileRefused
from workbench.quickphrases import packs
from workbench.store import phrases as phrase_rows

TEAM_PACK = "团队通用话术"


def snapshot(store):
    return [tuple(row) for row in store.conn.execute(
        "SELECT pack_id, group_id, code, text, keywords FROM phrases ORDER BY id")]


def write_qianniu(path, rows):
    """As Qianniu-side tools write it: GBK, every field behind a tab so Excel leaves it be."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(["快捷短语编码", "快捷短语", "快捷短语分组"])
    writer.writerows([["\t" + cell for cell in row] for row in rows])
    path.write_bytes(text.getvalue().encode("gbk"))


def test_qianniu_gbk_file_with_tab_prefixed_fields_is_read(tmp_path, phrase_store, clock):
    source = tmp_path / "千牛短语.csv"
    write_qianniu(source, [("dd", "亲，订单已经为您备注好了", "售后"),
                           ("bb", "宝贝今天发出，请留意物流", "")])
    plan, _ = packs.import_file(phrase_store, source, now=clock())
    assert plan.pack_name == "千牛短语" and len(plan.added) == 2
    imported = {p.code: p for p in quickphrases.visible(phrase_store, None)
                if p.pack_name == "千牛短语"}
    assert imported["dd"].text == "亲，订单已经为您备注好了"
    assert imported["dd"].group_path == "售后" and imported["bb"].group_path == ""


def test_utf8_csv_with_bom_and_our_columns(tmp_path, phrase_store, clock):
    source = tmp_path / "尺码话术.csv"
    source.write_text("编码,短语,分组,关键词\nxl,这款偏大一码,尺码/偏大,偏大 大码\n",
                      encoding="utf-8-sig")
    packs.import_file(phrase_store, source, now=clock())
    (phrase,) = [p for p in quickphrases.visible(phrase_store, None) if p.code == "xl"]
    assert (phrase.group_path, phrase.keywords) == ("尺码/偏大", "偏大 大码")


@pytest.mark.parametrize("fmt, suffix", [("json", ".json"), ("csv", ".csv"),
                                         ("qianniu", ".csv"), ("xlsx", ".xlsx")])
def test_every_format_round_trips(tmp_path, phrase_store, clock, fmt, suffix):
    team = quickphrases.pack_by_name(phrase_store, TEAM_PACK)
    out = tmp_path / f"export{suffix}"
    written = packs.export(phrase_store, team, out, fmt)
    before = {(p.code, p.text, p.group_path) for p in quickphrases.visible(phrase_store, None)}
    assert written == len(before)
    plan, _ = packs.import_file(phrase_store, out, mode="replace", pack_name=TEAM_PACK,
                                now=clock())
    after = {(p.code, p.text, p.group_path) for p in quickphrases.visible(phrase_store, None)}
    assert after == before
    assert not plan.added and not plan.removed
    # Qianniu's format has no keyword column: the phrases keep theirs.
    assert not plan.updated and plan.unchanged == written


def test_qianniu_export_is_gbk_with_the_exact_header(tmp_path, phrase_store):
    out = tmp_path / "qn.csv"
    packs.export(phrase_store, quickphrases.pack_by_name(phrase_store, TEAM_PACK), out,
                 "qianniu")
    first_line = out.read_bytes().split(b"\r\n")[0]
    assert first_line.decode("gbk") == "快捷短语编码,快捷短语,快捷短语分组"  # ascii: csv


def test_xlsx_export_is_readable_by_openpyxl(tmp_path, phrase_store):
    out = tmp_path / "phrases.xlsx"
    packs.export(phrase_store, quickphrases.pack_by_name(phrase_store, TEAM_PACK), out, "xlsx")
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("编码", "短语", "分组", "关键词")
    assert ("hy" in {row[0] for row in rows[1:]})


BAD_FILES = {
    "empty text": ("编码,短语,分组\nok,好的,\nbad,,问候\n", 3, "短语", "内容为空"),
    "duplicate code": ("编码,短语\nxx,一\nyy,二\nxx,三\n", 4, "编码", "与第 2 行重复"),
    "code with spaces": ("编码,短语\nx y,好\n", 2, "编码", "空格"),
    "wrong columns": ("名字,话\na,b\n", 1, None, "缺少必需的列：编码、短语"),
    "extra cells": ("编码,短语\na,b,c,d\n", 2, None, "这一行有 4 列，表头只有 2 列"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_row_stops_the_import_naming_row_column_and_reason(tmp_path, phrase_store, clock,
                                                                case):
    content, row, column, reason = BAD_FILES[case]
    source = tmp_path / "bad.csv"
    source.write_text(content, encoding="utf-8")
    before = snapshot(phrase_store)
    with pytest.raises(FileRefused) as refused:
        packs.import_file(phrase_store, source, now=clock())
    message = str(refused.value)
    assert message.startswith(f"bad.csv 第 {row} 行") and reason in message
    if column:
        assert f"“{column}”列" in message
    assert snapshot(phrase_store) == before


def test_unknown_encoding_is_refused(tmp_path, phrase_store, clock):
    source = tmp_path / "utf16.csv"
    source.write_bytes("编码,短语\nhy,你好\n".encode("utf-16-le"))  # no BOM to tell
    before = snapshot(phrase_store)
    with pytest.raises(FileRefused, match="不是文本文件"):
        packs.import_file(phrase_store, source, now=clock())
    source.write_bytes("编码,短语\nhy,你好\n".encode("gbk") + b"\x80\x80\n")
    with pytest.raises(FileRefused, match="无法识别文件编码"):
        packs.import_file(phrase_store, source, now=clock())
    assert snapshot(phrase_store) == before
    source.write_bytes("编码,短语\nhy,你好\n".encode("utf-16"))  # with a BOM: Excel's "Unicode"
    plan, _ = packs.import_file(phrase_store, source, dry_run=True, now=clock())
    assert [row.text for row in plan.added] == ["你好"]


def test_append_refuses_a_code_already_in_the_pack(tmp_path, phrase_store, clock):
    source = tmp_path / "more.csv"
    source.write_text("编码,短语\nnew1,新的\nhy,重复的问候\n", encoding="utf-8")
    before = snapshot(phrase_store)
    with pytest.raises(FileRefused, match="已存在"):
        packs.import_file(phrase_store, source, pack_name=TEAM_PACK, now=clock())
    assert snapshot(phrase_store) == before


def test_update_changes_by_code_and_adds_new_ones(tmp_path, phrase_store, clock):
    source = tmp_path / "update.csv"
    source.write_text("编码,短语,分组\nhy,您好呀,问候\nzz,新增的一条,问候\n", encoding="utf-8")
    count = phrase_rows.count(phrase_store)
    plan, _ = packs.import_file(phrase_store, source, mode="update", pack_name=TEAM_PACK,
                                now=clock())
    assert [row.code for _, row in plan.updated] == ["hy"] and len(plan.added) == 1
    texts = {p.code: p.text for p in quickphrases.visible(phrase_store, None)}
    assert texts["hy"] == "您好呀" and texts["zz"] == "新增的一条" and "cm" in texts
    assert phrase_rows.count(phrase_store) == count + 1


def test_replace_removes_what_the_file_no_longer_has(tmp_path, phrase_store, clock):
    source = tmp_path / "replace.csv"
    source.write_text("编码,短语,分组\nhy,您好,问候\n", encoding="utf-8")
    plan, _ = packs.import_file(phrase_store, source, mode="replace", pack_name=TEAM_PACK,
                                now=clock())
    assert plan.removed and "cm" in {p.code for p in plan.removed}
    team = [p for p in quickphrases.visible(phrase_store, None) if p.pack_name == TEAM_PACK]
    assert [p.code for p in team] == ["hy"]


def test_dry_run_lists_the_changes_and_writes_nothing(tmp_path, phrase_store, clock):
    source = tmp_path / "update.csv"
    source.write_text("编码,短语\nhy,您好呀\nzz,新增\n", encoding="utf-8")
    before = snapshot(phrase_store)
    plan, _ = packs.import_file(phrase_store, source, mode="update", pack_name=TEAM_PACK,
                                dry_run=True, now=clock())
    assert "新增 1 条" in plan.summary() and "更新 1 条" in plan.summary()
    assert "+ /zz 新增" in plan.details() and "~ /hy 您好呀" in plan.details()
    assert snapshot(phrase_store) == before


def test_xlsx_import(tmp_path, phrase_store, clock):
    workbook = Workbook()
    workbook.active.append(["编码", "短语", "分组"])
    workbook.active.append(["x1", "XLSX 里的短语", "测试"])
    workbook.active.append([42, "数字编码也行", "测试"])
    source = tmp_path / "pack.xlsx"
    workbook.save(source)
    packs.import_file(phrase_store, source, now=clock())
    codes = {p.code for p in quickphrases.visible(phrase_store, None) if p.pack_name == "pack"}
    assert codes == {"x1", "42"}


def test_json_pack_with_bad_nesting_is_refused(tmp_path, phrase_store, clock):
    source = tmp_path / "deep.json"
    source.write_text(json.dumps({
        "format": packs.PACK_FORMAT, "format_version": 1, "name": "深", "groups": [
            {"name": "a", "groups": [{"name": "b", "groups": [
                {"name": "c", "phrases": [{"code": "x", "text": "y"}]}]}]}]}),
        encoding="utf-8")
    with pytest.raises(FileRefused, match="嵌套超过一层"):
        packs.import_file(phrase_store, source, now=clock())


def test_unknown_variables_are_noted_on_import(tmp_path, phrase_store, clock):
    source = tmp_path / "vars.csv"
    source.write_text("编码,短语\nv1,\"{买家}您好,{优惠码}\"\n", encoding="utf-8")
    plan, _ = packs.import_file(phrase_store, source, dry_run=True, now=clock())
    assert any("{优惠码}" in note for note in plan.notes)


def test_phrase_pictures_travel_with_json_packs(tmp_path, phrase_store, clock):
    team = quickphrases.pack_by_name(phrase_store, TEAM_PACK)
    (cm,) = [p for p in quickphrases.visible(phrase_store, None) if p.code == "cm"]
    picture = quickphrases.image_path(phrase_store, cm)
    assert picture.is_file()  # the shipped size chart
    out = tmp_path / "team.json"
    packs.export(phrase_store, team, out, "json")
    entry = next(p for g in json.loads(out.read_text(encoding="utf-8"))["groups"]
                 for p in g.get("phrases", []) if p["code"] == "cm")
    assert (out.parent / entry["image"]).read_bytes() == picture.read_bytes()
    plan, _ = packs.import_file(phrase_store, out, mode="replace", now=clock())
    assert not plan.updated and not plan.added


def test_a_table_import_keeps_a_phrases_picture(tmp_path, phrase_store, clock):
    source = tmp_path / "update.csv"
    source.write_text("编码,短语,分组\ncm,新的尺码话术,尺码\n", encoding="utf-8")
    packs.import_file(phrase_store, source, mode="update", pack_name=TEAM_PACK, now=clock())
    (cm,) = [p for p in quickphrases.visible(phrase_store, None) if p.code == "cm"]
    assert cm.text == "新的尺码话术" and cm.image


def test_a_missing_picture_stops_a_json_import(tmp_path, phrase_store, clock):
    source = tmp_path / "pack.json"
    source.write_text(json.dumps({
        "format": packs.PACK_FORMAT, "format_version": 1, "name": "图包",
        "phrases": [{"code": "p", "text": "看图", "image": "nowhere.png"}]}), encoding="utf-8")
    with pytest.raises(FileRefused, match="找不到图片"):
        packs.import_file(phrase_store, source, now=clock())
