import io
import json

import pytest

from supervision.logdata import line, write_jsonl
from workbench import accounts, cli

RECORDS = [
    line("k1", "买家甲", "buyer", "我想退货", "2025-11-20 10:00:00"),
    line("k1", "买家甲", "agent", "好的，退货地址发您", "2025-11-20 10:00:30", "xiaoman"),
    line("k2", "买家乙", "buyer", "退货运费谁出", "2025-11-21 09:00:00"),
    line("k2", "买家乙", "agent", "我们出", "2025-11-21 09:00:10", "ajie"),
]


@pytest.fixture
def run(monkeypatch, capsys, db_path, demo_store):
    def run(*args, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        status = cli.main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


@pytest.fixture
def imported(run, tmp_path):
    path = write_jsonl(tmp_path / "k.jsonl", RECORDS)
    status, out, err = run("logs", "import", str(path), "--as", "wang")
    assert status == 0, err
    assert "导入 4 条消息" in out
    return path


def test_search_json_has_the_total_and_the_newest_hits_with_the_log_fields(run, imported):
    status, out, _ = run("logs", "search", "退货", "--json", "--limit", "2", "--as", "wang")
    assert status == 0
    result = json.loads(out)
    assert result["total"] == 3
    assert [hit["text"] for hit in result["hits"]] == ["退货运费谁出", "好的，退货地址发您"]
    assert set(result["hits"][0]) == {"conversation", "buyer", "agent", "sender", "text",
                                      "time"}
    assert result["hits"][1]["agent"] == "xiaoman"
    status, out, _ = run("logs", "search", "退货", "--json", "--buyer", "乙", "--since",
                         "2025-11-21", "--until", "2025-11-21", "--as", "wang")
    assert json.loads(out)["total"] == 1


def test_an_agent_is_refused_another_agents_logs_on_the_command_line(run, imported):
    status, _, err = run("logs", "search", "退货")
    assert status == 1 and "--as" in err  # reading logs needs a proven account
    status, _, err = run("logs", "search", "退货", "--agent", "ajie", "--as", "xiaoman")
    assert status == 1 and "只有主管" in err
    status, out, _ = run("logs", "search", "退货", "--json", "--as", "xiaoman")
    assert {hit["conversation"] for hit in json.loads(out)["hits"]} == {"k1"}
    status, _, err = run("metrics", "--agent", "ajie", "--since", "2025-11-20", "--as",
                         "xiaoman")
    assert status == 1 and "只有主管" in err


def test_import_a_bad_line_and_skip_bad(run, tmp_path, demo_store):
    path = write_jsonl(tmp_path / "bad.jsonl", [RECORDS[0], "{oops", RECORDS[1]])
    status, _, err = run("logs", "import", str(path), "--as", "wang")
    assert status == 1 and "第 2 行" in err
    assert demo_store.conn.execute("SELECT count(*) FROM messages").fetchone()[0] == 0
    rejects = tmp_path / "bad-lines.jsonl"
    status, out, err = run("logs", "import", str(path), "--skip-bad", "--rejects",
                           str(rejects), "--as", "wang")
    assert status == 0 and "导入 2 条消息" in out and "第 2 行" in err
    assert rejects.read_text(encoding="utf-8") == "{oops\n"
    status, _, err = run("logs", "import", str(tmp_path / "missing.jsonl"), "--as", "wang")
    assert status == 1 and "找不到这个文件" in err


def test_an_agent_cannot_import(run, tmp_path):
    status, _, err = run("logs", "import", str(write_jsonl(tmp_path / "a.jsonl", RECORDS)),
                         "--as", "xiaoman")
    assert status == 1 and "只有主管" in err


def test_export_by_format(run, imported, tmp_path):
    out = tmp_path / "x.csv"
    status, printed, _ = run("logs", "export", "--out", str(out), "--query", "退货",
                             "--transcripts", "--as", "wang")
    assert status == 0 and printed.startswith("4\t")
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == (
        "conversation,buyer,agent,sender,text,time")
    status, printed, _ = run("logs", "export", "--out", str(tmp_path / "y.data"), "--format",
                             "jsonl", "--agent", "ajie", "--as", "wang")
    assert printed.startswith("2\t")


def test_metrics_json_shape(run, imported):
    status, out, _ = run("metrics", "--since", "2025-11-20", "--until", "2025-11-21",
                         "--json", "--as", "wang")
    assert status == 0
    report = json.loads(out)
    keys = {"buyers_received", "first_response_mean_s", "first_response_median_s",
            "avg_response_s", "first_reply_30s_rate", "three_minute_rate", "wait_120s_rate",
            "enquiry_conversion", "conversion_grade", "paid_conversion",
            "average_order_value", "messages_sent"}
    assert set(report) == {"team", "agents", "aftersale", "members"}  # docs/metrics.md
    assert set(report["team"]) == keys
    assert set(report["agents"]) == {"xiaoman", "ajie"}
    assert all(set(figures) == keys for figures in report["agents"].values())
    assert report["team"]["buyers_received"] == 2
    assert report["agents"]["ajie"]["first_response_mean_s"] == 10.0
    status, out, _ = run("metrics", "--since", "2025-11-20", "--until", "2025-11-21", "--as",
                         "xiaoman")
    assert status == 0 and out.splitlines()[0].split("\t")[1:] == ["团队", "xiaoman"]


def test_acting_as_an_account_with_a_password(run, demo_store, imported, clock, monkeypatch):
    wang = accounts.by_name(demo_store, "wang")
    accounts.set_password(demo_store, "wang", "boss-secret", wang, clock())
    monkeypatch.setenv("WORKBENCH_PASSWORD", "nope-nope")
    status, _, err = run("logs", "search", "退货", "--as", "wang")
    assert status == 1 and "不正确" in err
    monkeypatch.setenv("WORKBENCH_PASSWORD", "boss-secret")
    status, out, _ = run("logs", "search", "退货", "--as", "wang")
    assert status == 0 and out.startswith("共 3 条")


def message_count(store) -> int:
    return store.conn.execute("SELECT count(*) FROM messages").fetchone()[0]


NOT_LOGS = {
    "gbk": ("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS).encode("gbk"),
            "须为 UTF-8"),
    "binary": (bytes(range(256)) * 4, "不是文本文件"),
    "csv": (b"conversation,buyer,agent,sender,text,time\nk1,buyer,,buyer,hi,2025-11-20\n",
            "JSON"),
    "empty": (b"", "文件是空的"),
    "blank lines": (b"\n\n  \r\n", "文件是空的"),
    "cut character": ((json.dumps(RECORDS[0], ensure_ascii=False) + "\n"
                       + '{"conversation": "k1", "buyer": "买家甲"').encode()[:-2],
                      "不完整的字符"),
}


@pytest.mark.parametrize("skip_bad", [False, True], ids=["strict", "skip-bad"])
@pytest.mark.parametrize("case", NOT_LOGS)
def test_a_file_that_is_not_a_log_is_refused_in_one_line(run, tmp_path, demo_store, case,
                                                         skip_bad):
    content, reason = NOT_LOGS[case]
    path = tmp_path / "log.jsonl"
    path.write_bytes(content)
    status, out, err = run("logs", "import", str(path), "--as", "wang",
                           *(["--skip-bad"] if skip_bad else []))
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and reason in err and "Traceback" not in err
    if case == "csv" and skip_bad:
        assert "没有一行是有效的聊天记录" in err and "这不像 JSONL" in err
    assert err.startswith("log.jsonl")
    assert message_count(demo_store) == 0
    assert not (tmp_path / "log.jsonl.rejected.jsonl").exists()
    status, _, err = run("logs", "import", str(path), "--as", "wang", "--lang", "en")
    assert status == 1 and err.startswith("log.jsonl") and "nothing changed" in err


def test_a_last_line_cut_short_is_named(run, tmp_path, demo_store):
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS)
    path = tmp_path / "cut.jsonl"
    path.write_text(text[:-25], encoding="utf-8")
    status, _, err = run("logs", "import", str(path), "--as", "wang")
    assert status == 1 and "第 4 行" in err and "提前结束" in err
    status, out, err = run("logs", "import", str(path), "--as", "wang", "--skip-bad")
    assert status == 0 and "导入 3 条消息" in out and "提前结束" in err


def test_messages_sharing_a_uid_are_conflicts_not_duplicates(run, tmp_path, demo_store):
    records = [dict(line("u1", "买家丙", "buyer", f"第 {n} 句话", f"2025-11-22 10:00:0{n}"),
                    uid="same-uid") for n in range(10)]
    path = write_jsonl(tmp_path / "uids.jsonl", records)
    status, _, err = run("logs", "import", str(path), "--as", "wang")
    assert status == 1 and "第 2 行" in err and "共 9 行冲突" in err
    assert message_count(demo_store) == 0

    status, out, err = run("logs", "import", str(path), "--as", "wang", "--skip-bad")
    assert status == 0 and "导入 1 条消息" in out and "冲突 9 条" in out
    assert "已有而跳过 0 条" in out
    rejected = (tmp_path / "uids.jsonl.rejected.jsonl").read_text(encoding="utf-8")
    assert [json.loads(r)["text"] for r in rejected.splitlines()] == [
        f"第 {n} 句话" for n in range(1, 10)]

    (tmp_path / "uids.jsonl.rejected.jsonl").unlink()
    again = write_jsonl(tmp_path / "again.jsonl", records[:1])
    status, out, _ = run("logs", "import", str(again), "--as", "wang")
    assert status == 0 and "已有而跳过 1 条" in out and "冲突" not in out


def test_a_changed_message_under_an_exported_uid_is_a_conflict(run, imported, tmp_path,
                                                              demo_store):
    out = tmp_path / "export.jsonl"
    assert run("logs", "export", "--out", str(out), "--as", "wang")[0] == 0
    records = [json.loads(r) for r in out.read_text(encoding="utf-8").splitlines()]
    status, printed, _ = run("logs", "import", str(out), "--as", "wang")
    assert status == 0 and "已有而跳过 4 条" in printed
    records[0]["text"] = "被改过的话"
    write_jsonl(out, records)
    status, _, err = run("logs", "import", str(out), "--as", "wang")
    assert status == 1 and "另一条内容不同的消息" in err and "共 1 行冲突" in err


def test_an_unwritable_reject_file_stops_the_import_in_one_line(run, tmp_path, demo_store):
    path = write_jsonl(tmp_path / "bad.jsonl", [RECORDS[0], "{oops", RECORDS[1]])
    status, out, err = run("logs", "import", str(path), "--skip-bad", "--rejects",
                           str(tmp_path / "no" / "such" / "rejects.jsonl"), "--as", "wang")
    assert status == 1 and out == "" and err.count("\n") == 1 and "不存在" in err
    assert message_count(demo_store) == 0


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "xlsx"])
def test_an_export_into_a_missing_folder_says_so_and_leaves_nothing(run, imported, tmp_path,
                                                                    fmt):
    out = tmp_path / "gone" / f"logs.{fmt}"
    status, printed, err = run("logs", "export", "--out", str(out), "--as", "wang")
    assert status == 1 and printed == "" and err.count("\n") == 1
    assert "gone 不存在" in err and not out.parent.exists()
