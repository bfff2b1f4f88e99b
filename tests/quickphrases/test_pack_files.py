"""Phrase packs as Qianniu, Excel and trainers write them, and the ways such files break."""

import csv
import io
import json

import pytest
from openpyxl import Workbook, load_workbook

from workbench import accounts, quickphrases
from workbench.filereader import FileRefused
from workbench.quickphrases import packs
from workbench.store import StoreError

TEAM_PACK = "团队通用话术"
FORMULAS = ["=HYPERLINK(\"http://x\",\"点我\")", "=cmd|' /C calc'!A0", "+86 电话", "@所有人",
            "-- 售后 --"]


def snapshot(store):
    return [tuple(row) for row in store.conn.execute(
        "SELECT pack_id, group_id, code, text, keywords, image FROM phrases ORDER BY id")]


def team(store) -> dict[str, quickphrases.Phrase]:
    return {p.code: p for p in quickphrases.visible(store, None) if p.pack_name == TEAM_PACK}


def qianniu_bytes(rows, encoding="gbk") -> bytes:
    """As Qianniu-side tools write it: CRLF, every field behind a tab."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(packs.QIANNIU_HEADER)
    writer.writerows([["\t" + cell for cell in row] for row in rows])
    return text.getvalue().encode(encoding)


def test_qianniu_file_matches_groups_and_codes_however_typed(tmp_path, phrase_store, clock):
    before = team(phrase_store)["hy"]
    source = tmp_path / "千牛.csv"
    source.write_bytes(qianniu_bytes([
        ("ＨＹ", "亲，在的！有什么可以帮您？", f"{before.group_path} "),
        ("xin", "新来的一句：稍等，马上为您查询", "售后／退换货")]))
    plan, _ = packs.import_file(phrase_store, source, mode="update", pack_name=TEAM_PACK,
                                now=clock())
    assert [row.code for _, row in plan.updated] == ["ＨＹ"] and len(plan.added) == 1
    phrases = team(phrase_store)
    assert "ＨＹ" not in phrases              # a code is a key: stored as matched
    assert phrases["hy"].text == "亲，在的！有什么可以帮您？"  # the text as written
    assert phrases["hy"].group_id == before.group_id  # the same group, not a new one
    assert phrases["xin"].group_path == "售后/退换货"


def test_a_code_is_found_however_it_is_typed(tmp_path, phrase_store, clock):
    from workbench import textsearch
    from workbench.quickphrases import search

    source = tmp_path / "fw.csv"
    source.write_bytes(qianniu_bytes([("ＳＦ", "顺丰包邮，放心下单", "")]))
    packs.import_file(phrase_store, source, mode="append", pack_name="新包", now=clock())
    for indexed in (False, True):
        if indexed:
            textsearch.load()
            search.index_pending(phrase_store)
        for query in ("sf", "SF", "ＳＦ", "ｓｆ", "/ＳＦ"):
            found = search.search(phrase_store, None, query, indexed=indexed)
            assert [p.text for p in found if p.code == "sf"] == ["顺丰包邮，放心下单"], \
                (query, indexed)


def test_a_gb18030_qianniu_xlsx_and_a_bom_csv_all_read(tmp_path, phrase_store, clock):
    gb = tmp_path / "gb.csv"
    gb.write_bytes(qianniu_bytes([("ji", "𠮷祥如意，欢迎下次光临", "")], "gb18030"))
    book = Workbook()
    book.active.append(list(packs.QIANNIU_HEADER))
    book.active.append(["ji", "𠮷祥如意，欢迎下次光临", None])
    xlsx = tmp_path / "qn.xlsx"
    book.save(xlsx)
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + "编码,短语\r\nji,𠮷祥如意，欢迎下次光临\r\n".encode())
    for source in (gb, xlsx, bom):
        plan, _ = packs.import_file(phrase_store, source, dry_run=True, now=clock())
        assert [(row.code, row.text) for row in plan.added] == [("ji", "𠮷祥如意，欢迎下次光临")]


def test_update_never_empties_a_group_or_keywords_and_the_clear_mark_does(
        tmp_path, phrase_store, clock):
    hy = team(phrase_store)["hy"]
    assert hy.group_path and hy.keywords
    source = tmp_path / "u.csv"
    source.write_text("编码,短语,分组,关键词\nhy,您好呀,,\n", encoding="utf-8")
    packs.import_file(phrase_store, source, mode="update", pack_name=TEAM_PACK, now=clock())
    after = team(phrase_store)["hy"]
    assert (after.text, after.group_path, after.keywords) == ("您好呀", hy.group_path, hy.keywords)

    source.write_text("编码,短语,分组,关键词\nhy,您好呀,（清空）,(清空)\n", encoding="utf-8")
    plan, _ = packs.import_file(phrase_store, source, mode="replace", pack_name=TEAM_PACK,
                                now=clock())
    cleared = team(phrase_store)["hy"]
    assert (cleared.group_path, cleared.keywords) == ("", "")
    assert [row.code for _, row in plan.updated] == ["hy"]


def test_the_clear_mark_cannot_empty_a_phrases_text(tmp_path, phrase_store, clock):
    source = tmp_path / "u.csv"
    source.write_text("编码,短语\nhy,（清空）\n", encoding="utf-8")
    with pytest.raises(FileRefused, match="短语内容不能清空"):
        packs.import_file(phrase_store, source, mode="update", pack_name=TEAM_PACK, now=clock())


CUT = {
    "open quote": ("编码,短语,分组\nhy,\"亲，您好\n", 2, "引号没有闭合"),
    "short row": ("编码,短语,分组\nhy,亲，您好,问候\ncm,亲\n", 3, "只有 2 列，表头有 3 列"),
    "long row": ("编码,短语,分组\nhy,亲,您好,问候\n", 2, "有 4 列，表头只有 3 列"),
    "missing column": ("编码,分组\nhy,问候\n", 1, "缺少必需的列：短语"),
    "header only": ("编码,短语,分组\n", 1, "只有表头"),
    "empty": ("", None, "文件是空的"),
}


@pytest.mark.parametrize("mode", ["update", "replace"])
@pytest.mark.parametrize("case", CUT)
def test_a_cut_or_malformed_pack_never_overwrites_a_phrase(tmp_path, phrase_store, clock,
                                                           case, mode):
    content, row, reason = CUT[case]
    source = tmp_path / "cut.csv"
    source.write_bytes(content.encode("gbk"))
    before = snapshot(phrase_store)
    with pytest.raises(FileRefused) as refused:
        packs.import_file(phrase_store, source, mode=mode, pack_name=TEAM_PACK, now=clock())
    assert refused.value.row == row and reason in str(refused.value)
    assert "\n" not in str(refused.value) and refused.value.en != refused.value.zh
    assert snapshot(phrase_store) == before


def test_a_character_cut_at_the_end_is_refused(tmp_path, phrase_store, clock):
    source = tmp_path / "cut.csv"
    source.write_bytes("编码,短语\nhy,亲，您好".encode("gbk")[:-1])
    with pytest.raises(FileRefused, match="不完整的字符"):
        packs.import_file(phrase_store, source, mode="update", pack_name=TEAM_PACK, now=clock())
    source.write_bytes("编码,短语\nhy,亲，您好呀呀呀".encode()[:-2])
    with pytest.raises(FileRefused, match="不完整的字符"):
        packs.import_file(phrase_store, source, mode="update", pack_name=TEAM_PACK, now=clock())


JSON_CASES = {
    "cut": ('{"format": "workbench-phrase-pack", "format_version": 1, "name": "x", "phr',
            "提前结束"),
    "no phrases": (json.dumps({"format": packs.PACK_FORMAT, "format_version": 1,
                               "name": "空包"}), "没有任何短语"),
    "bad version": (json.dumps({"format": packs.PACK_FORMAT, "format_version": 1,
                                "name": "x", "version": "二",
                                "phrases": [{"code": "a", "text": "b"}]}), "应是整数"),
    "binary": ("\x00\x01\x02", "不是文本文件"),
    "empty": ("  \n", "文件是空的"),
}


@pytest.mark.parametrize("case", JSON_CASES)
def test_bad_json_packs_are_refused_in_one_line(tmp_path, phrase_store, clock, case):
    content, reason = JSON_CASES[case]
    source = tmp_path / "pack.json"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        packs.import_file(phrase_store, source, now=clock())
    assert reason in str(refused.value) and "\n" not in str(refused.value)


# --- exports ------------------------------------------------------------------------------

@pytest.fixture
def formula_pack(phrase_store, clock):
    pack = quickphrases.pack_by_name(phrase_store, TEAM_PACK)
    trainer = accounts.by_name(phrase_store, "lin")
    for n, text in enumerate(FORMULAS):
        quickphrases.save_phrase(phrase_store, trainer, pack, f"f{n}", text, "=分组", "",
                                 clock())
    return pack


def test_csv_exports_write_formula_like_text_behind_a_quote(tmp_path, phrase_store,
                                                            formula_pack, clock):
    for fmt, encoding in (("csv", "utf-8-sig"), ("qianniu", "gb18030")):
        out = tmp_path / f"{fmt}.csv"
        packs.export(phrase_store, formula_pack, out, fmt)
        rows = list(csv.reader(io.StringIO(out.read_bytes().decode(encoding), newline="")))
        texts = {row[0]: row[1] for row in rows[1:]}
        assert [texts[f"f{n}"] for n in range(len(FORMULAS))] == ["'" + t for t in FORMULAS]
        assert {row[2] for row in rows[1:] if row[0] in texts and row[1] in
                ["'" + t for t in FORMULAS]} == {"'=分组"}
        plan, _ = packs.import_file(phrase_store, out, mode="replace", pack_name=TEAM_PACK,
                                    dry_run=True, now=clock())
        assert not plan.updated and not plan.added  # and reads back as it was
    first_line = (tmp_path / "qianniu.csv").read_bytes().split(b"\r\n")[0]
    assert first_line == "快捷短语编码,快捷短语,快捷短语分组".encode("gbk")  # ascii: csv


def test_xlsx_export_cells_are_strings(tmp_path, phrase_store, formula_pack):
    out = tmp_path / "p.xlsx"
    packs.export(phrase_store, formula_pack, out, "xlsx")
    cells = [cell for row in load_workbook(out).active.iter_rows() for cell in row
             if cell.value is not None]
    assert {cell.data_type for cell in cells} == {"s"}
    assert set(FORMULAS) <= {cell.value for cell in cells}


def test_an_export_into_a_missing_folder_leaves_nothing(tmp_path, phrase_store, formula_pack):
    for fmt in packs.FORMATS:
        with pytest.raises(StoreError) as failed:
            packs.export(phrase_store, formula_pack, tmp_path / "gone" / f"p.{fmt}", fmt)
        assert "不存在" in failed.value.zh and "\n" not in failed.value.zh
    assert not (tmp_path / "gone").exists()


def test_a_failed_json_export_leaves_no_pictures_behind(tmp_path, phrase_store, monkeypatch):
    pack = quickphrases.pack_by_name(phrase_store, TEAM_PACK)

    def broken(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(packs, "_as_json", broken)
    with pytest.raises(StoreError) as failed:
        packs.export(phrase_store, pack, tmp_path / "team.json", "json")
    assert "磁盘已满" in failed.value.zh
    assert sorted(p.name for p in tmp_path.iterdir() if "team" in p.name) == []


def test_codes_stored_as_written_before_are_made_keys_by_the_migration(phrase_store):
    from workbench.store import phrases as phrase_rows

    pack_id = team(phrase_store)["hy"].pack_id
    phrase_id = phrase_rows.insert_phrase(phrase_store, pack_id, None, "ＱＸ", "亲，请稍等", "",
                                          None, 99)
    phrase_rows.migrate_code_keys(phrase_store.conn)
    assert team(phrase_store)["qx"].id == phrase_id


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_json_pack_without_a_name_or_with_a_file_that_is_no_picture_is_refused(
        tmp_path, phrase_store, clock, dry_run):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    cases = {"name": ({"name": None, "phrases": [{"code": "a", "text": "b"}]}, "缺少名称"),
             "image": ({"name": "x", "phrases": [{"code": "a", "text": "b",
                                                 "image": "notes.txt"}]}, "不是支持的图片格式")}
    before = snapshot(phrase_store)
    for name, (data, reason) in cases.items():
        source = tmp_path / f"{name}.json"
        source.write_text(json.dumps({"format": packs.PACK_FORMAT, "format_version": 1,
                                      **data}), encoding="utf-8")
        # A dry run reads and checks exactly as the import does.
        with pytest.raises(FileRefused, match=reason):
            packs.import_file(phrase_store, source, dry_run=dry_run, now=clock())
    assert snapshot(phrase_store) == before
