"""`workbench training scenarios|play|report`: a scripted session scored on a simulated
clock, recorded for the proven account; the class report for those who may read it."""

import io
import json

import openpyxl
import pytest

from workbench import accounts, cli
from workbench.training import results, scenarios

SCRIPT = """\
+8 您好，在的，很高兴为您服务
+20 根据您的身高体重，建议您拍M码，版型偏宽松
+30 不合适的话七天无理由退换，还有运费险
+20 谢谢您的支持，今天下午发货，可以搭配同系列的裤子一起买
"""


@pytest.fixture
def run(monkeypatch, capsys, db_path, demo_store):
    def run(*args):
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        status = cli.main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


@pytest.fixture
def script(tmp_path):
    path = tmp_path / "agent.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def test_scenarios_lists_the_teams_scenarios(run):
    status, out, _ = run("training", "scenarios", "--json")
    assert status == 0
    listed = json.loads(out)
    assert {s["key"] for s in listed} == {s.key for s in scenarios.shipped()}
    size = next(s for s in listed if s["key"] == "size_advice")
    assert size["source"] == "shipped" and size["key_points"][0]["words"]
    status, out, _ = run("training", "scenarios")
    assert any(line.startswith("size_advice\t尺码建议\t售前\t5 分钟") for line in out.splitlines())


def test_play_replays_the_script_and_prints_the_scorecard(run, script, demo_store):
    status, out, err = run("training", "play", "size_advice", "--script", str(script),
                           "--start", "2025-11-24 10:00:00", "--json", "--as", "xiaoman")
    assert status == 0, err
    card = json.loads(out)
    assert set(card["checklist"]) == {"conversation", "agent", "score", "rules"}
    rules = card["checklist"]["rules"]
    assert rules["first_reply_30s"]["result"] == "pass"
    assert [t[11:19] for t in rules["first_reply_30s"]["evidence"]] == ["10:00:00", "10:00:11"]
    assert rules["recommend"]["result"] == rules["goodbye"]["result"] == "pass"
    assert [(p["label"], p["covered"]) for p in card["key_points"]] == [
        ("给出明确的尺码", True), ("说明退换保障", True), ("关联推荐", True)]
    assert card["score"] == 100.0 and card["improve"] == []
    assert [line["sender"] for line in card["lines"]][:4] == ["buyer", "buyer", "agent", "buyer"]
    xiaoman = accounts.by_name(demo_store, "xiaoman")
    (record,) = results.sessions(demo_store, xiaoman)
    assert (record.scenario_key, record.score, record.source) == ("size_advice", 100.0, "script")


def test_a_late_and_impolite_script_says_what_to_improve(run, tmp_path, demo_store):
    path = tmp_path / "late.txt"
    path.write_text("+45 你好\n+10 M码\n", encoding="utf-8")
    status, out, _ = run("training", "play", "尺码建议", "--script", str(path), "--dry-run")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("尺码建议：") and "要点 1/3" in lines[0]
    assert "  ✗ 说明退换保障" in lines
    assert any(line.startswith("  未通过：首次响应30秒、") for line in lines)
    assert any("改进：要点“说明退换保障”没有做到" in line for line in lines)
    assert results.sessions(demo_store, accounts.by_name(demo_store, "wang")) == []


def test_play_needs_a_proven_account_a_known_scenario_and_a_good_script(run, script, tmp_path):
    status, _, err = run("training", "play", "size_advice", "--script", str(script))
    assert status == 1 and "--as" in err
    status, _, err = run("training", "play", "nothing", "--script", str(script), "--dry-run",
                         "--lang", "en")
    assert status == 1 and "There is no scenario nothing" in err
    bad = tmp_path / "bad.txt"
    bad.write_text("您好\n+abc 在的\n", encoding="utf-8")
    status, _, err = run("training", "play", "size_advice", "--script", str(bad), "--dry-run")
    assert status == 1 and "第 2 行" in err


def test_report_is_the_class_view_for_a_trainer_and_ones_own_for_an_agent(run, script,
                                                                          tmp_path):
    for name in ("xiaoman", "ajie"):
        assert run("training", "play", "size_advice", "--script", str(script), "--as", name)[0] == 0
    status, out, _ = run("training", "report", "--json", "--as", "lin")
    rows = {row["trainee"]: row for row in json.loads(out)}
    assert status == 0 and set(rows) == {"xiaoman", "ajie"}
    assert rows["ajie"]["sessions"] == 1 and rows["ajie"]["average"] == 100.0
    status, out, _ = run("training", "report", "--json", "--as", "xiaoman")
    assert [row["trainee"] for row in json.loads(out)] == ["xiaoman"]
    status, _, err = run("training", "report", "--trainee", "ajie", "--as", "xiaoman")
    assert status == 1 and "只能查看自己的练习成绩" in err
    status, out, _ = run("training", "report", "--trainee", "ajie", "--json", "--as", "wang")
    (session,) = json.loads(out)
    assert (session["scenario"], session["score"], session["missed_points"]) == (
        "size_advice", 100.0, [])
    path = tmp_path / "class.xlsx"
    status, out, _ = run("training", "report", "--out", str(path), "--as", "lin")
    assert status == 0 and "2 次练习" in out
    assert openpyxl.load_workbook(path)["练习记录"].max_row == 3
