import json

import pytest
from openpyxl import load_workbook

from workbench import cli, handover
from workbench.handover import sheets
from workbench.handover.commands import parse_time
from workbench.store import Store


@pytest.fixture
def db(demo_store, db_path):
    return str(db_path)


def run(capsys, *args):
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_todo_add_links_buyer_order_due_and_assignee(db, demo_store, capsys):
    status, out, _ = run(capsys, "--db", db, "todo", "add", "--as", "xiaoman", "补发袜子",
                         "--order", "3515313147329357908", "--due", "2030-01-02 18:00",
                         "--assignee", "ajie", "--priority", "2")
    assert status == 0 and "已添加待办" in out
    todo = next(t for t in handover.open_items(demo_store) if t.title == "补发袜子")
    assert (todo.buyer_nick, todo.order_id, todo.assignee_name, todo.priority) == \
        ("等快递等到花儿都谢了", "3515313147329357908", "阿杰", 2)
    assert todo.creator_name == "小满"


def test_todo_add_defaults_to_24_hours_and_takes_shift_or_team(db, demo_store, capsys):
    run(capsys, "--db", db, "todo", "add", "--as", "xiaoman", "夜班盘点", "--assignee", "晚班")
    run(capsys, "--db", db, "todo", "add", "--as", "xiaoman", "周会纪要", "--assignee", "team",
        "--buyer", "阿飞不飞")
    by_title = {t.title: t for t in handover.open_items(demo_store)}
    night = by_title["夜班盘点"]
    assert night.assignee_label == "晚班（班次）"
    assert night.due_at - night.created_at == pytest.approx(24 * 3600)
    assert (by_title["周会纪要"].assignee_label, by_title["周会纪要"].buyer_nick) == \
        ("全组", "阿飞不飞")


@pytest.mark.parametrize(("args", "reason"), [
    (["--buyer", "查无此人"], "找不到买家"),
    (["--order", "0000"], "找不到订单"),
    (["--assignee", "nobody"], "没有叫"),
    (["--due", "下周"], "无法识别的时间"),
])
def test_todo_add_refuses_with_one_line(db, capsys, args, reason):
    status, _, err = run(capsys, "--db", db, "todo", "add", "--as", "xiaoman", "x", *args)
    assert status == 1 and reason in err and err.count("\n") == 1


def test_todo_list_filters_by_assignee_and_state_as_json(db, demo_store, agent, clock, capsys):
    run(capsys, "--db", db, "todo", "add", "--as", "xiaoman", "阿杰的事", "--assignee", "ajie")
    run(capsys, "--db", db, "todo", "add", "--as", "xiaoman", "早就过期", "--due",
        "2001-01-01 00:00")
    status, _, err = run(capsys, "--db", db, "todo", "list", "--assignee", "ajie", "--json")
    assert status == 1 and "--as" in err  # another agent's items: only for a proven account
    status, out, _ = run(capsys, "--db", db, "todo", "list", "--assignee", "ajie", "--json",
                         "--as", "xiaoman")
    assert status == 0
    assert [t["title"] for t in json.loads(out)] == ["阿杰的事"]
    status, out, _ = run(capsys, "--db", db, "todo", "list", "--state", "overdue", "--json",
                         "--as", "xiaoman")
    listed = json.loads(out)
    # The command runs on the wall clock, after the demo shop's items (fake clock) fell due.
    assert listed[0]["title"] == "早就过期" and {t["state"] for t in listed} == {"超时"}
    status, out, _ = run(capsys, "--db", db, "todo", "list", "--as", "xiaoman")
    assert "阿杰的事" in out and "早就过期" in out and "给北方的狼2019" in out
    status, _, err = run(capsys, "--db", db, "--lang", "en", "todo", "list", "--state", "x")
    assert status == 1 and "Unknown state" in err


def test_handover_sheet_writes_the_xlsx_and_the_exchange_file_that_imports_elsewhere(
        db, tmp_path, capsys, clock):
    out = tmp_path / "交接表.xlsx"
    carried = tmp_path / "sheet.handover.json"
    status, printed, err = run(capsys, "--db", db, "handover", "sheet", "--agent", "xiaoman",
                               "--out", str(out), "--to", "ajie", "--notes", "顺丰停发",
                               "--exchange", str(carried))
    assert status == 0, err
    assert "3 项" in printed
    page = load_workbook(out).active
    assert [page.cell(row, 3).value for row in range(5, 8)] == [
        "给北方的狼2019回复顺丰补差价金额", "核实韵达 43123456789008 为什么三天没更新", "顺丰停发"]

    other = tmp_path / "other.sqlite3"
    from workbench import demo

    opened = Store.open(other)
    demo.seed_if_empty(opened, clock())
    opened.close()
    status, printed, err = run(capsys, "--db", str(other), "handover", "import", str(carried),
                               "--json", "--as", "ajie")
    assert status == 0, err
    report = json.loads(printed)
    assert (report["items"], report["todos"], report["from"]) == (3, 2, "小满")
    status, _, err = run(capsys, "--db", str(other), "handover", "import", str(carried),
                         "--as", "ajie")
    assert status == 1 and "已经导入过" in err


def test_handover_sheet_can_write_an_existing_sheet(db, demo_store, agent, clock, tmp_path,
                                                    capsys, monkeypatch):
    sheet_id, _ = sheets.build(demo_store, agent, clock())
    status, printed, _ = run(capsys, "--db", db, "handover", "sheet", "--agent", "小满",
                             "--sheet", str(sheet_id), "--out", str(tmp_path / "a.xlsx"))
    assert status == 0 and f"#{sheet_id}" in printed
    assert len(sheets.visible(demo_store, agent)) == 1
    monkeypatch.setenv("WORKBENCH_PASSWORD", "guessing")
    status, _, err = run(capsys, "--db", db, "handover", "sheet", "--agent", "nobody",
                         "--out", str(tmp_path / "b.xlsx"))
    assert status == 1 and "账号或密码不正确" in err


def test_times_on_the_command_line():
    assert parse_time("+2h", 1000.0) == 1000.0 + 7200
    assert parse_time("30m", 0.0) == 1800
    assert parse_time("1d", 0.0) == 86400
    assert parse_time("none", 5.0) is None


@pytest.mark.parametrize("due", ["+99999999999h", "+999999999999999999999d",
                                 "9999-12-31 23:59", "1970-01-02 00:00"])
def test_todo_add_refuses_an_absurd_due_and_writes_nothing(db, demo_store, capsys, due):
    before = len(handover.listing(demo_store, handover.STATES, None))
    status, out, err = run(capsys, "--db", db, "todo", "add", "--as", "xiaoman", "x",
                           "--due", due)
    assert status == 1 and out == ""
    assert "到期时间超出范围" in err and err.count("\n") == 1 and "crash.log" not in err
    assert len(handover.listing(demo_store, handover.STATES, None)) == before


def test_an_absurd_due_already_stored_never_breaks_the_lists(db, demo_store, agent, clock,
                                                             capsys):
    from workbench.store import todos as todo_rows

    todo_id = next(iter(handover.add(demo_store, "旧数据", agent, clock()).todos))
    todo_rows.update(demo_store, todo_id, {"due_at": 8.64e25}, clock())
    status, out, err = run(capsys, "--db", db, "todo", "list", "--as", "xiaoman")
    assert status == 0 and "9999-12-31 23:59" in out and "旧数据" in out, err
    status, out, err = run(capsys, "--db", db, "todo", "list", "--as", "xiaoman", "--json")
    assert status == 0 and "9999-12-31" in out, err
    status, _, err = run(capsys, "--db", db, "handover", "sheet", "--agent", "xiaoman",
                         "--out", db + ".xlsx")
    assert status == 0, err
