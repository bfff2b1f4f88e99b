"""`workbench aftersale open|list|step|import|export`, acting as a proven account, and
the after-sale figures in `workbench metrics`."""

import json

import openpyxl

from aftersale.support import SHIPPED, SIGNED, UNPAID
from aftersale.test_refunds import AGREE, report, row
from workbench import accounts, aftersale, cli


def run(capsys, db_path, *args):
    status = cli.main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_open_step_and_list_as_json(demo_store, db_path, capsys):
    status, out, _ = run(capsys, db_path, "aftersale", "open", "--order", SHIPPED, "--kind",
                         "换货", "--cause", "质量", "--note", "袖口开线", "--as", "xiaoman")
    assert status == 0
    case_id = int(out)
    status, out, _ = run(capsys, db_path, "aftersale", "step", str(case_id), "accept",
                         "--as", "ajie")
    assert status == 0 and out.startswith(f"{aftersale.case_no(case_id)}：处理中（")
    status, out, _ = run(capsys, db_path, "aftersale", "list", "--json", "--as", "xiaoman")
    (listed,) = json.loads(out)
    assert set(listed) == {"id", "order", "buyer", "kind", "cause", "state", "amount",
                           "opened_at", "due_at", "assignee", "history"}
    assert (listed["id"], listed["order"], listed["buyer"], listed["kind"], listed["cause"],
            listed["state"], listed["amount"], listed["assignee"]) == (
        case_id, SHIPPED, "北方的狼2019", "换货", "质量问题", "处理中", None, "小满")
    assert [(h["by"], h["step"], h["note"]) for h in listed["history"]] == [
        ("小满", "新建", "袖口开线"), ("阿杰", "受理", "")]
    assert len(listed["opened_at"]) == 19 and listed["due_at"] > listed["opened_at"]


def test_list_filters_by_state_kind_and_overdue(demo_store, db_path, capsys):
    for kind in ("换货", "仅退款"):
        run(capsys, db_path, "aftersale", "open", "--order", SHIPPED, "--kind", kind,
            "--as", "xiaoman")
    status, out, _ = run(capsys, db_path, "aftersale", "list", "--kind", "refund", "--json",
                         "--as", "xiaoman")
    assert [c["kind"] for c in json.loads(out)] == ["仅退款"]
    status, out, _ = run(capsys, db_path, "aftersale", "list", "--state", "待处理",
                         "--as", "xiaoman")
    assert status == 0 and len(out.splitlines()) == 2 and "SH0000" in out
    status, out, _ = run(capsys, db_path, "aftersale", "list", "--overdue", "--json",
                         "--as", "xiaoman")
    assert json.loads(out) == []


def test_a_failed_check_is_recorded_and_gives_the_refusal_its_reason(demo_store, db_path,
                                                                      capsys):
    _, out, _ = run(capsys, db_path, "aftersale", "open", "--order", SIGNED, "--kind", "return",
                    "--cause", "七天无理由", "--as", "xiaoman")
    case_id = out.strip()
    status, _, err = run(capsys, db_path, "aftersale", "step", case_id, "check", "--unmet",
                         "脏了", "--as", "xiaoman", "--lang", "en")
    assert status == 1 and err == ("Unknown return condition '脏了'; use within-days, tags "
                                   "or unused.\n")
    status, _, _ = run(capsys, db_path, "aftersale", "step", case_id, "check", "--unmet",
                       "unused，七天内", "--as", "xiaoman")
    assert status == 0
    status, out, _ = run(capsys, db_path, "aftersale", "step", case_id, "refuse",
                         "--as", "xiaoman")
    assert status == 0 and out == f"{aftersale.case_no(int(case_id))}：已拒绝\n"
    status, out, _ = run(capsys, db_path, "aftersale", "list", "--json", "--as", "xiaoman")
    (listed,) = json.loads(out)
    assert [h["note"] for h in listed["history"]][-2:] == [
        "七天内：否；吊牌完好：是；未使用：否",
        "已超过签收后七天，商品有使用痕迹、影响二次销售，不符合七天无理由退换条件"]


def test_the_visit_takes_its_outcome_time_and_notes(demo_store, db_path, capsys):
    _, out, _ = run(capsys, db_path, "aftersale", "open", "--order", SHIPPED, "--kind", "refund",
                    "--as", "xiaoman")
    case_id = out.strip()
    run(capsys, db_path, "aftersale", "step", case_id, "refund", "--amount", "20",
        "--as", "xiaoman")
    status, _, err = run(capsys, db_path, "aftersale", "step", case_id, "visit", "--note", "好",
                         "--as", "xiaoman")
    assert status == 1 and "需要结果" in err
    status, _, err = run(capsys, db_path, "aftersale", "step", case_id, "visit", "--outcome",
                         "满意", "--at", "昨天", "--as", "xiaoman", "--lang", "en")
    assert status == 1 and err == "Cannot read the time '昨天' (e.g. 2025-11-24 14:30).\n"
    status, _, err = run(capsys, db_path, "aftersale", "step", case_id, "visit", "--outcome",
                         "neutral", "--at", "2020-01-01 09:00", "--as", "xiaoman")
    assert status == 1 and "不能早于开单时间" in err
    status, out, _ = run(capsys, db_path, "aftersale", "step", case_id, "visit", "--outcome",
                         "neutral", "--note", "物流慢了点", "--as", "xiaoman")
    assert status == 0 and out.endswith("：已回访\n")
    case = aftersale.get(demo_store, int(case_id))
    assert (case.visit_outcome, case.visit_note) == ("一般", "物流慢了点")
    _, out, _ = run(capsys, db_path, "aftersale", "list", "--json", "--as", "xiaoman")
    note = json.loads(out)[0]["history"][-1]["note"]
    assert note.startswith("一般 · 通话 ") and note.endswith(" · 物流慢了点")


def test_refusals_are_one_line_in_either_language(demo_store, db_path, capsys):
    status, _, err = run(capsys, db_path, "aftersale", "open", "--order", UNPAID, "--kind",
                         "仅退款", "--amount", "10", "--as", "xiaoman")
    assert status == 1 and err.count("\n") == 1 and "买家没有付款" in err
    status, _, err = run(capsys, db_path, "aftersale", "open", "--order", SHIPPED, "--kind",
                         "refund", "--amount", "500", "--as", "xiaoman", "--lang", "en")
    assert status == 1 and err == ("The amount ¥500.00 is above what the order can still "
                                   "refund (¥199.00 of ¥199.00 paid).\n")
    _, out, _ = run(capsys, db_path, "aftersale", "open", "--order", SHIPPED, "--kind", "换货",
                    "--as", "xiaoman")
    status, _, err = run(capsys, db_path, "aftersale", "step", out.strip(), "回访", "--note",
                         "好", "--as", "xiaoman", "--lang", "en")
    assert status == 1 and err.count("\n") == 1 and "not allowed" in err
    status, _, err = run(capsys, db_path, "aftersale", "open", "--order", SHIPPED, "--kind",
                         "换货")
    assert status == 1 and "--as" in err


def test_a_password_is_needed_for_a_real_account(demo_store, db_path, capsys, monkeypatch,
                                                 clock):
    accounts.create(demo_store, "mei", "agent", "s3cret-pass", clock(),
                    by=accounts.by_name(demo_store, "wang"))
    monkeypatch.setenv("WORKBENCH_PASSWORD", "wrong")
    status, _, err = run(capsys, db_path, "aftersale", "list", "--as", "mei")
    assert status == 1
    monkeypatch.setenv("WORKBENCH_PASSWORD", "s3cret-pass")
    status, _, _ = run(capsys, db_path, "aftersale", "list", "--as", "mei")
    assert status == 0


def test_import_and_export(demo_store, db_path, tmp_path, capsys):
    path = report(tmp_path, [row(SHIPPED, "R1", "199.00", AGREE)])
    status, out, _ = run(capsys, db_path, "aftersale", "import", str(path), "--dry-run",
                         "--as", "xiaoman")
    assert status == 0 and out.startswith("预览（未写入）")
    status, out, _ = run(capsys, db_path, "aftersale", "import", str(path), "--as", "xiaoman",
                         "--lang", "en")
    assert status == 0 and "1 new cases" in out
    status, out, _ = run(capsys, db_path, "aftersale", "list", "--json", "--as", "wang")
    (case,) = json.loads(out)
    target = tmp_path / "case.xlsx"
    status, out, _ = run(capsys, db_path, "aftersale", "export", f"SH{case['id']:06d}",
                         "--out", str(target), "--as", "wang")
    assert status == 0 and target.exists()
    sheet = openpyxl.load_workbook(target)["售后单"]
    assert sheet["B2"].value == f"SH{case['id']:06d}"
    # The platform's state in the back office's words, as the agent knows it, not its code.
    assert {"平台退款状态": AGREE}.items() <= {r[0].value: r[1].value for r in sheet.rows}.items()
    status, _, err = run(capsys, db_path, "aftersale", "import", str(tmp_path / "none.csv"),
                         "--as", "xiaoman")
    assert status == 1 and "找不到这个文件" in err


def test_metrics_carry_the_after_sale_figures(demo_store, db_path, capsys):
    run(capsys, db_path, "aftersale", "open", "--order", SHIPPED, "--kind", "换货",
        "--as", "xiaoman")
    status, out, _ = run(capsys, db_path, "metrics", "--json", "--as", "wang")
    assert status == 0
    cases = json.loads(out)["aftersale"]
    assert cases["team"]["opened"] == 1 and cases["agents"]["xiaoman"]["opened"] == 1
    status, out, _ = run(capsys, db_path, "metrics", "--as", "wang")
    assert "售后开单数\t1\t1" in out and "退款率" in out


def test_an_excel_export_under_another_name_is_refused_before_anything_is_written(
        demo_store, db_path, tmp_path, capsys):
    """handover sheet, aftersale export, training report and care export write XLSX: a
    name ending in .csv would be an Excel file that opens as garbage."""
    status, out, _ = run(capsys, db_path, "aftersale", "open", "--order", SHIPPED, "--kind",
                         "换货", "--as", "xiaoman")
    case = aftersale.case_no(int(out))
    target = tmp_path / "out.csv"
    for command in (["handover", "sheet", "--as", "xiaoman"],
                    ["aftersale", "export", case, "--as", "wang"],
                    ["training", "report", "--as", "wang"],
                    ["care", "export", "--as", "wang"]):
        status, _, err = run(capsys, db_path, *command, "--out", str(target))
        assert status == 1 and "这里写出的是 .xlsx 文件" in err, command
        assert not target.exists()
