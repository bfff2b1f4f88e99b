import json
import subprocess
import sys

from orders.order_files import CLASSIC_HEADER, classic_row, write_gbk
from workbench import cli, orders, timefmt


def run(capsys, db_path, *args):
    status = cli.main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_import_then_list_as_json(demo_store, db_path, gbk_report, capsys):
    status, out, _ = run(capsys, db_path, "orders", "import", str(gbk_report), "--as", "xiaoman")
    assert status == 0 and "新增 3 单" in out
    status, out, _ = run(capsys, db_path, "orders", "list", "--buyer", "晴天小鹿", "--json")
    listed = json.loads(out)
    assert [o["id"] for o in listed] == ["35153131473293579", "3515313147329357901"]
    first = listed[0]
    assert (first["buyer"], first["status"], first["flag"], first["paid"]) == (
        "晴天小鹿", "TRADE_FINISHED", 0, 129.0)
    assert first["remarks"] == [] and first["source_remark"] == "9.2珠，中通 礼物"
    assert first["created_at"] == "2025-11-20 10:01:02"


def test_dry_run_changes_nothing(demo_store, db_path, gbk_report, capsys):
    status, out, _ = run(capsys, db_path, "orders", "import", str(gbk_report), "--dry-run",
                           "--as", "xiaoman")
    assert status == 0 and out.startswith("预览")
    assert orders.get(demo_store, "35153131473293579") is None


def test_a_bad_file_fails_with_file_row_and_column(demo_store, db_path, tmp_path, capsys):
    path = write_gbk(tmp_path / "bad.csv", CLASSIC_HEADER,
                     [classic_row("1", "甲"), classic_row("2", "乙", paid="九十")])
    status, _, err = run(capsys, db_path, "orders", "import", str(path), "--as", "xiaoman")
    assert status == 1
    assert "bad.csv 第 3 行“买家实际支付金额”列：金额“九十”不是数字" in err
    assert orders.get(demo_store, "1") is None


def test_remark_and_flag_from_the_command_line(demo_store, db_path, capsys):
    order = "3515313147329357902"
    status, out, _ = run(capsys, db_path, "orders", "remark", order, "改发顺丰", "--agent", "ajie")
    assert status == 0 and out.startswith("已追加备注：改发顺丰—阿杰—")
    status, _, _ = run(capsys, db_path, "orders", "flag", order, "蓝", "--agent", "ajie")
    assert status == 0
    status, out, _ = run(capsys, db_path, "orders", "list", "--flag", "blue", "--json")
    (listed,) = json.loads(out)
    assert listed["id"] == order and listed["flag"] == 4
    assert listed["remarks"][0].startswith("改发顺丰—阿杰—")


def test_flag_policy_refusals_on_the_command_line(demo_store, db_path, capsys):
    order = "3515313147329357902"
    status, _, err = run(capsys, db_path, "orders", "flag", order, "2", "--agent", "xiaoman")
    assert status == 1 and "团队规定黄旗不可使用" in err
    status, _, err = run(capsys, db_path, "orders", "flag", order, "紫", "--agent", "xiaoman")
    assert status == 1 and "需同时写一条备注" in err
    status, out, _ = run(capsys, db_path, "orders", "flag", order, "紫", "--agent", "小满",
                         "--remark", "改 L 码")
    assert status == 0 and "紫旗" in out
    assert orders.get(demo_store, order).flag == 5


def test_list_filters_by_status_in_chinese_or_code(demo_store, db_path, capsys):
    _, by_name, _ = run(capsys, db_path, "orders", "list", "--status", "等待买家付款", "--json")
    _, by_code, _ = run(capsys, db_path, "orders", "list", "--status", "WAIT_BUYER_PAY",
                        "--json")
    assert [o["id"] for o in json.loads(by_name)] == ["3515313147329357906"]
    assert by_name == by_code
    status, _, err = run(capsys, db_path, "orders", "list", "--status", "飞了")
    assert status == 1 and "看不懂订单状态" in err


def test_unknown_agent_and_language(demo_store, db_path, capsys, monkeypatch):
    monkeypatch.setenv("WORKBENCH_PASSWORD", "guessing")
    status, _, err = run(capsys, db_path, "--lang", "en", "orders", "remark",
                         "3515313147329357902", "x", "--agent", "nobody")
    assert status == 1 and err.strip() == "Wrong account name or password."


def test_plain_list_shows_one_line_per_order(demo_store, db_path, capsys):
    status, out, _ = run(capsys, db_path, "orders", "list", "--buyer", "阿飞不飞")
    assert status == 0
    (line,) = out.splitlines()
    assert line.startswith("3515313147329357906  阿飞不飞  等待买家付款  ¥0.00  灰")


def test_the_installed_command_runs(demo_store, db_path):
    result = subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db_path),
                             "orders", "list", "--json"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert len(listed) == 9
    assert listed[0]["created_at"] == timefmt.second(
        max(o.created_at for o in orders.find(demo_store, orders.OrderFilter(), 0)))


def test_the_register_is_listed_and_exported(demo_store, db_path, tmp_path, capsys, clock):
    from workbench import accounts
    from workbench.orders import reminders

    reminders.remind(demo_store, "3515313147329357906", accounts.by_name(demo_store, "xiaoman"),
                     clock(), channel="短信", reason="忘记付款")
    status, out, _ = run(capsys, db_path, "orders", "register", "--json", "--as", "wang")
    assert status == 0
    assert [(r["order"], r["channel"], r["reason"]) for r in json.loads(out)] == [
        ("3515313147329357906", "短信", "忘记付款")]
    out_file = tmp_path / "register.csv"
    status, out, _ = run(capsys, db_path, "orders", "register", "--out", str(out_file),
                         "--as", "wang", "--lang", "en")
    assert status == 0 and out.startswith("1 reminders written")
    assert "忘记付款" in out_file.read_text(encoding="utf-8-sig")
    status, _, err = run(capsys, db_path, "orders", "register", "--out",
                         str(tmp_path / "gone" / "r.csv"), "--as", "wang")
    assert status == 1 and err.count("\n") == 1 and "不存在" in err
    status, _, err = run(capsys, db_path, "orders", "register", "--since", "昨天", "--as", "wang")
    assert status == 1 and "YYYY-MM-DD" in err


def test_the_register_command_gives_the_summary_table(demo_store, db_path, tmp_path, capsys,
                                                       clock):
    import openpyxl

    from workbench import accounts
    from workbench.orders import reminders

    xiaoman = accounts.by_name(demo_store, "xiaoman")
    reminders.remind(demo_store, "3515313147329357906", xiaoman, clock(), channel="短信",
                     reason="余额不足", outcome=reminders.PAID_OUTCOME)
    status, out, _ = run(capsys, db_path, "orders", "register", "--summary", "--json",
                         "--as", "wang")
    assert status == 0
    table = {(r["dimension"], r["value"]): (r["reminded"], r["paid"], r["rate"])
             for r in json.loads(out)}
    assert table[("催付方式", "短信")] == (1, 1, 1.0)
    assert table[("未付原因", "余额不足")] == (1, 1, 1.0)
    assert len([key for key in table if key[0] == "催付时机"]) == 1
    status, out, _ = run(capsys, db_path, "orders", "register", "--summary", "--as", "wang")
    assert status == 0 and "催付方式  短信  1  1  100.0%" in out.splitlines()
    # --out writes both tables; asking for --summary as well is refused, not ignored.
    out_file = tmp_path / "register.xlsx"
    status, out, _ = run(capsys, db_path, "orders", "register", "--out", str(out_file),
                         "--as", "wang")
    assert status == 0 and "总结优化表" in out
    book = openpyxl.load_workbook(out_file)
    assert book.sheetnames == ["催付登记表", "总结优化表"]
    assert ("催付方式", "短信", 1, 1, 100.0) in list(book["总结优化表"].iter_rows(values_only=True))
    status, _, err = run(capsys, db_path, "orders", "register", "--summary", "--out",
                         str(tmp_path / "again.xlsx"), "--as", "wang", "--lang", "en")
    assert status == 1 and "summary table already" in err
    assert not (tmp_path / "again.xlsx").exists()


def test_a_folder_or_an_empty_name_is_said_so_by_every_import(demo_store, db_path, tmp_path,
                                                              capsys):
    report = write_gbk(tmp_path / "r.csv", CLASSIC_HEADER, [classic_row("1", "甲")])
    for args in (["orders", "import", str(tmp_path)],
                 ["orders", "import", str(report), "--items", str(tmp_path)],
                 ["products", "import", str(tmp_path)],
                 ["aftersale", "import", str(tmp_path)],
                 ["logs", "import", str(tmp_path)],
                 ["store", "restore", str(tmp_path)]):
        status, _, err = run(capsys, db_path, *args, "--as", "wang")
        assert status == 1 and "这是一个文件夹，不是文件" in err, args
    try:
        status = cli.main(["--db", str(db_path), "phrases", "import", "", "--as", "wang"])
    except SystemExit as usage:
        status = usage.code
    assert status == 2 and "文件名是空的" in capsys.readouterr().err
