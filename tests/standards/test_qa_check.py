"""`workbench qa check` and the transcripts it reads: stored conversations of a period
(a round belongs to the day it starts), a log file never stored, and who may check what."""

import io
import json
import re

import pytest
from supervision.logdata import line, write_jsonl

from workbench import accounts, cli, orders, standards
from workbench.standards import transcripts
from workbench.store import people

D, D1 = "2025-11-20", "2025-11-21"
ADDRESS = "上海市徐汇区漕溪北路 88 号"
RECORDS = [
    # s1: 甲 with 小满, pays at 10:02 and the address is confirmed.
    line("s1", "甲", "buyer", "在吗，这款有M码吗", f"{D} 10:00:00"),
    line("s1", "甲", "auto", "您好，欢迎光临", f"{D} 10:00:01"),
    line("s1", "甲", "agent", "亲，有的，这款也可以搭配同系列的睡裤", f"{D} 10:00:15", "xiaoman"),
    line("s1", "甲", "buyer", "拍了", f"{D} 10:02:00"),
    line("s1", "甲", "agent", f"跟您核对一下收货地址：{ADDRESS}", f"{D} 10:02:30", "xiaoman"),
    line("s1", "甲", "agent", "感谢支持，今天发货，收到满意给个好评哦", f"{D} 10:02:40", "xiaoman"),
    # s2: 乙 with 阿杰: slow, and impolite.
    line("s2", "乙", "buyer", "什么时候发货", f"{D} 11:00:00"),
    line("s2", "乙", "agent", "你自己看详情页", f"{D} 11:04:00", "ajie"),
    # s3: 丁 with 小满 across midnight.
    line("s3", "丁", "buyer", "还在吗", f"{D} 23:59:30"),
    line("s3", "丁", "buyer", "急", f"{D1} 00:00:05"),
    line("s3", "丁", "agent", "在的亲", f"{D1} 00:00:10", "xiaoman"),
    line("s3", "丁", "buyer", "好的，谢谢", f"{D1} 09:00:00"),
    line("s3", "丁", "agent", "不客气，有问题随时联系，感谢光临", f"{D1} 09:00:20", "xiaoman"),
]


@pytest.fixture
def shop(demo_store, load_logs):
    load_logs(RECORDS)
    buyer_id = people.buyer_by_nick(demo_store, "甲")["id"]
    orders.record(demo_store, buyer_id, {
        "id": "Q-1", "status": "WAIT_SELLER_SEND_GOODS", "total": 59, "paid": 59,
        "created_at": stamp(f"{D} 10:01:50"), "paid_at": stamp(f"{D} 10:02:10"),
        "address": ADDRESS}, [])
    return demo_store


def stamp(text):
    from workbench import timefmt

    return timefmt.parse(text)


@pytest.fixture
def run(monkeypatch, capsys, db_path, shop):
    def run(*args):
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        status = cli.main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def by_conversation(records):
    return {record["conversation"]: record for record in records}


def test_a_round_belongs_to_the_day_it_starts(shop):
    boss = accounts.by_name(shop, "wang")
    first = {t.conversation: t for t in transcripts.stored(
        shop, boss, stamp(f"{D} 00:00"), stamp(f"{D1} 00:00"))}
    assert set(first) == {"s1", "s2", "s3"}
    assert [line.text for line in first["s3"].lines] == ["还在吗", "急", "在的亲"]
    second = {t.conversation: t for t in transcripts.stored(
        shop, boss, stamp(f"{D1} 00:00"), stamp("2025-11-22 00:00"))}
    assert [line.text for line in second["s3"].lines] == [
        "好的，谢谢", "不客气，有问题随时联系，感谢光临"]
    verdict = standards.check(first["s3"])
    assert verdict.results["first_reply_30s"].result == standards.FAIL   # 40 s
    assert verdict.results["wait_120s"].result == standards.PASS


def test_a_transcript_is_the_agent_who_answered_and_carries_the_buyers_orders(shop):
    boss = accounts.by_name(shop, "wang")
    found = {t.conversation: t for t in transcripts.stored(
        shop, boss, stamp(f"{D} 00:00"), stamp(f"{D1} 00:00"))}
    assert (found["s1"].agent, found["s2"].agent, found["s3"].agent) == (
        "xiaoman", "ajie", "xiaoman")
    assert [o.id for o in found["s1"].orders] == ["Q-1"]
    assert standards.check(found["s1"]).results["verify_address"].result == standards.PASS


def test_qa_check_json_over_stored_conversations(run):
    status, out, err = run("qa", "check", "--since", D, "--until", D, "--json", "--as", "wang")
    assert status == 0, err
    records = by_conversation(json.loads(out))
    assert set(records) == {"s1", "s2", "s3"}
    slow = records["s2"]
    assert set(slow) == {"conversation", "agent", "score", "rules"}
    assert slow["agent"] == "ajie"
    assert slow["rules"]["first_reply_30s"]["result"] == "fail"
    assert [t[11:19] for t in slow["rules"]["first_reply_30s"]["evidence"]] == [
        "11:00:00", "11:04:00"]
    assert slow["rules"]["polite_address"]["result"] == "fail"
    assert slow["rules"]["no_rhetorical"]["result"] == "fail"
    assert records["s1"]["rules"]["verify_address"] == {
        "result": "pass", "evidence": [records["s1"]["rules"]["verify_address"]["evidence"][0]]}
    assert records["s1"]["score"] == 100.0


def test_qa_check_narrows_to_an_agent_and_prints_a_line_each(run):
    status, out, _ = run("qa", "check", "--since", D, "--until", D, "--agent", "ajie",
                         "--as", "wang")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("s2\tajie\t") and "称呼用“您”" in lines[0]
    assert lines[-1].startswith("共 1 个会话")
    status, out, _ = run("qa", "check", "--since", D, "--until", D, "--agent", "ajie",
                         "--as", "wang", "--lang", "en")
    assert "failed: first_reply_30s, wait_120s, polite_address" in out


def test_an_agent_checks_only_their_own_conversations(run):
    status, out, _ = run("qa", "check", "--json", "--as", "xiaoman")
    assert status == 0
    assert {r["conversation"] for r in json.loads(out)} == {"s1", "s3"}
    status, _, err = run("qa", "check", "--agent", "ajie", "--as", "xiaoman")
    assert status == 1 and "只能检查自己" in err
    status, _, err = run("qa", "check")
    assert status == 1 and "--as" in err


def test_qa_check_a_log_file_without_storing_it(run, tmp_path, shop):
    path = write_jsonl(tmp_path / "other.jsonl", [
        line("f1", "戊", "buyer", "能便宜点吗", f"{D} 15:00:00"),
        line("f1", "戊", "auto", "客服马上就来", f"{D} 15:00:01"),
        line("f1", "戊", "agent", "亲！已经最低了！", f"{D} 15:00:20", "ajie"),
    ])
    before = shop.conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    status, out, err = run("qa", "check", "--file", str(path), "--json", "--as", "wang")
    assert status == 0, err
    (record,) = json.loads(out)
    assert (record["conversation"], record["agent"]) == ("f1", "ajie")
    assert record["rules"]["no_auto_on_objection"]["result"] == "fail"
    assert record["rules"]["no_exclamation_on_objection"]["result"] == "fail"
    assert record["rules"]["verify_address"]["result"] == "na"   # a log has no orders
    assert shop.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == before
    status, out, _ = run("qa", "check", "--file", str(path), "--json", "--as", "xiaoman")
    assert json.loads(out) == []                                 # 阿杰's, not hers


def test_a_bad_log_file_is_refused_with_its_line(run, tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", [
        line("f1", "戊", "buyer", "在吗", f"{D} 15:00:00"),
        line("f1", "戊", "agent", "在的", f"{D} 15:00:20"),       # an agent line names nobody
    ])
    status, out, err = run("qa", "check", "--file", str(path), "--as", "wang")
    assert status == 1 and out == ""
    assert "bad.jsonl 第 2 行" in err and "agent" in err
    status, _, err = run("qa", "check", "--file", str(path), "--as", "wang", "--lang", "en")
    assert status == 1 and "bad.jsonl line 2" in err
    assert not re.search(r"[\u4e00-\u9fff]", err.replace("戊", "")), err
    status, _, err = run("qa", "check", "--file", str(tmp_path / "missing.jsonl"), "--as",
                         "wang", "--lang", "en")
    assert status == 1 and "no such file" in err


def test_a_log_file_is_read_as_strictly_as_logs_import_reads_it(run, tmp_path):
    record = line("f1", "戊", "buyer", "在吗", f"{D} 15:00:00")
    gbk = tmp_path / "gbk.jsonl"
    gbk.write_bytes((json.dumps(record, ensure_ascii=False) + "\n").encode("gbk"))
    status, _, err = run("qa", "check", "--file", str(gbk), "--as", "wang")
    assert status == 1 and "gbk.jsonl 第 1 行" in err and "UTF-8" in err
    lone = tmp_path / "lone.jsonl"   # json.dumps writes the lone surrogate as \\ud800
    lone.write_text("".join(json.dumps(r) + "\n" for r in (record, {**record, "text": "\ud800"})),
                    encoding="ascii")
    status, _, err = run("qa", "check", "--file", str(lone), "--as", "wang")
    assert status == 1 and "lone.jsonl 第 2 行" in err and "无效字符" in err
