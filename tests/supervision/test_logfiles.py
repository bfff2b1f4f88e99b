import csv
import io
import json

import openpyxl
import pytest

from supervision.logdata import line, write_jsonl
from workbench import accounts
from workbench.changes import Refused
from workbench.store import Store
from workbench.supervision import logfiles, search
from workbench.supervision.search import LogFilter

GOOD = [
    line("w1", "买家甲", "buyer", "在吗", "2025-11-20 10:00:00", note="kept aside"),
    line("w1", "买家甲", "auto", "您好，马上来", "2025-11-20 10:00:01"),
    line("w1", "买家甲", "agent", "在的亲", "2025-11-20T10:00:20+08:00", "外援小周"),
    line("w2", "买家乙", "buyer", "发货了吗", "2025-11-20T03:00:00Z"),
]


def counts(store):
    return tuple(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("messages", "conversations", "buyers", "agents"))


def test_import_creates_conversations_buyers_and_locked_agents(demo_store, boss, tmp_path,
                                                                 clock):
    path = write_jsonl(tmp_path / "good.jsonl", GOOD)
    result = logfiles.import_jsonl(demo_store, path, boss, clock())
    assert (result.lines, result.messages_added, result.conversations_added) == (4, 4, 2)
    assert result.agents_created == ["外援小周"]
    assert accounts.is_locked(demo_store, accounts.by_name(demo_store, "外援小周"))
    transcript = search.transcript(demo_store, boss, next(iter(result.changes.conversations)))
    assert transcript.conversation in ("w1", "w2")
    stored = demo_store.conn.execute(
        "SELECT created_at FROM messages WHERE text = '发货了吗'").fetchone()[0]
    assert stored == logfiles.parse_time("2025-11-20T11:00:00+08:00")
    again = logfiles.import_jsonl(demo_store, path, boss, clock())
    assert (again.messages_added, again.duplicates, again.conversations_added) == (0, 4, 0)


def test_a_bad_line_stops_the_import_and_leaves_the_store_unchanged(demo_store, boss,
                                                                     tmp_path, clock):
    before = counts(demo_store)
    bad = [*GOOD[:2], line("w1", "买家甲", "agent", "没写是谁", "2025-11-20 10:01:00"), GOOD[3]]
    with pytest.raises(Refused, match=r"第 3 行：sender 为 agent 的消息必须给出 agent"):
        logfiles.import_jsonl(demo_store, write_jsonl(tmp_path / "bad.jsonl", bad), boss,
                              clock())
    assert counts(demo_store) == before


@pytest.mark.parametrize(("raw", "reason"), [
    ("{not json", "不是有效的 JSON"),
    ("[1, 2]", "JSON 对象"),
    (json.dumps({"conversation": "x", "buyer": "b", "sender": "buyer", "text": "t"}),
     "缺少字段 agent、time"),
    (json.dumps(line("x", "b", "robot", "t", "2025-11-20 10:00:00")), "sender 应为"),
    (json.dumps(line("x", "b", "buyer", "t", "昨天下午")), "time 不是有效时间"),
    (json.dumps(line("x", "b", "buyer", "t", "2025-11-20")), "time 不是有效时间"),
    (json.dumps(line("x", "b", "buyer", 5, "2025-11-20 10:00:00")), "text 应为字符串"),
    (json.dumps(line("w1", "别人", "buyer", "t", "2025-11-20 10:00:00")), "买家是 买家甲"),
    # A time no calendar shows in local time: every export failed after it was stored.
    *((json.dumps(line("x", "b", "buyer", "t", time)), "不是合理的消息时间") for time in (
        "0001-01-01T00:00:00-12:00", "9999-12-31T23:59:59+14:00", "1999-12-31 10:00:00")),
    (json.dumps(line("x", "b", "buyer", "t", "2025-11-20 10:00:00"))[:-1]
     + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "嵌套的层数太多"),
    # json.dumps writes a lone surrogate as the escape \\ud800: valid JSON, but no text.
    (json.dumps(line("x", "b", "buyer", "\ud800", "2025-11-20 10:00:00")), "无效字符"),
])
def test_each_kind_of_bad_line_is_named(demo_store, boss, tmp_path, clock, raw, reason):
    path = write_jsonl(tmp_path / "one.jsonl", [GOOD[0], raw])
    with pytest.raises(Refused) as refusal:
        logfiles.import_jsonl(demo_store, path, boss, clock())
    assert "第 2 行" in str(refusal.value) and reason in str(refusal.value)


def test_skip_bad_imports_the_good_lines_and_writes_the_bad_ones_aside(demo_store, boss,
                                                                        tmp_path, clock):
    records = [GOOD[0], "{broken", GOOD[2], line("w9", "买家丙", "buyer", "x", "soon")]
    path = write_jsonl(tmp_path / "mixed.jsonl", records)
    result = logfiles.import_jsonl(demo_store, path, boss, clock(), skip_bad=True)
    assert result.messages_added == 2
    assert [bad.number for bad in result.rejected] == [2, 4]
    assert result.rejected[0].reason.startswith("不是有效的 JSON")
    assert result.rejected[1].reason.startswith("time 不是有效时间")
    assert result.reject_file == tmp_path / "mixed.jsonl.rejected.jsonl"
    assert result.reject_file.read_text(encoding="utf-8").splitlines() == [
        "{broken", json.dumps(records[3], ensure_ascii=False)]


def test_only_a_supervisor_imports(demo_store, tmp_path, clock):
    path = write_jsonl(tmp_path / "good.jsonl", GOOD)
    with pytest.raises(Refused, match="只有主管"):
        logfiles.import_jsonl(demo_store, path, accounts.by_name(demo_store, "xiaoman"), clock())


def test_a_cancelled_import_writes_nothing(demo_store, boss, tmp_path, clock, monkeypatch):
    monkeypatch.setattr(logfiles, "PROGRESS_EVERY", 1)
    before = counts(demo_store)
    path = write_jsonl(tmp_path / "good.jsonl", GOOD)
    seen = []
    with pytest.raises(logfiles.Cancelled):
        logfiles.import_jsonl(demo_store, path, boss, clock(),
                              progress=lambda done, total: seen.append(done),
                              cancelled=lambda: len(seen) >= 2)
    assert counts(demo_store) == before


def test_exports_round_trip_and_re_importing_our_own_export_adds_nothing(
        demo_store, boss, load_logs, tmp_path, clock):
    load_logs(GOOD)
    out = tmp_path / "out.jsonl"
    assert logfiles.export(demo_store, boss, LogFilter(), out) == 4
    records = [json.loads(row) for row in out.read_text(encoding="utf-8").splitlines()]
    assert {r["conversation"] for r in records} == {"w1", "w2"}
    assert set(records[0]) == {*logfiles.FIELDS, "uid"}
    assert logfiles.import_jsonl(demo_store, out, boss, clock()).messages_added == 0

    other = Store.open(tmp_path / "other.sqlite3")
    try:
        first = accounts.create(other, "boss", "supervisor", "secret-9", clock())
        result = logfiles.import_jsonl(other, out, first, clock())
        assert result.messages_added == 4
        search.catch_up(other)
        hits = search.search(other, first, LogFilter(query="发货")).hits
        expected = next(r for r in records if r["text"] == "发货了吗")
        del expected["uid"]
        assert [h.message.record() for h in hits] == [expected]
    finally:
        other.close()


def test_exports_to_csv_and_xlsx_keep_text_as_text(demo_store, boss, load_logs, tmp_path):
    load_logs([line("f", "买家丁", "buyer", "=SUM（A1:A2）发货", "2025-11-20 10:00:00"),
               line("f", "买家丁", "agent", "好的\n已发", "2025-11-20 10:00:09", "xiaoman")])
    csv_out, xlsx_out = tmp_path / "out.csv", tmp_path / "out.xlsx"
    assert logfiles.export(demo_store, boss, LogFilter(buyer="买家丁"), csv_out) == 2
    text = csv_out.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"), newline="")))
    assert [r[4] for r in rows[1:]] == ["好的\n已发", "'=SUM（A1:A2）发货"]  # never a formula
    assert logfiles.export(demo_store, boss, LogFilter(buyer="买家丁"), xlsx_out) == 2
    sheet = openpyxl.load_workbook(xlsx_out).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("会话", "买家", "客服")
    assert [r[4] for r in rows[1:]] == ["好的\n已发", "=SUM（A1:A2）发货"]
    assert {cell.data_type for row in sheet.iter_rows() for cell in row
            if cell.value is not None} == {"s"}


def test_exports_of_whole_transcripts(demo_store, boss, load_logs, tmp_path):
    load_logs(GOOD)
    out = tmp_path / "whole.jsonl"
    assert logfiles.export(demo_store, boss, LogFilter(query="在的"), out,
                           transcripts=True) == 3
    assert not (tmp_path / "whole.jsonl.part").exists()
    with pytest.raises(Refused, match="不支持"):
        logfiles.export(demo_store, boss, LogFilter(), tmp_path / "x.pdf")


def test_an_agent_exports_only_their_own_conversations(demo_store, load_logs, tmp_path):
    load_logs([*GOOD, line("mine", "买家戊", "agent", "我来", "2025-11-20 10:00:00", "xiaoman")])
    xiaoman = accounts.by_name(demo_store, "xiaoman")
    out = tmp_path / "mine.jsonl"
    assert logfiles.export(demo_store, xiaoman, LogFilter(), out) == 1
    with pytest.raises(Refused, match="只有主管"):
        logfiles.export(demo_store, xiaoman, LogFilter(agent="外援小周"), out)
