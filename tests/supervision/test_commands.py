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
    assert status == 1 and "找不到文件" in err


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
            "avg_response_s", "first_reply_30s_rate", "three_minute_rate",
            "enquiry_conversion", "paid_conversion", "messages_sent"}
    assert set(report) == {"team", "agents", "members"}
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
