"""`workbench customers …` and `workbench care …` on the demo shop, as proven accounts."""

import json

import openpyxl
import pytest

from workbench import cli, customers, timefmt


def run(capsys, db_path, *args):
    status = cli.main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_list_as_json_has_the_fields_the_issue_names(demo_store, db_path, capsys):
    status, out, _ = run(capsys, db_path, "customers", "list", "--json", "--as", "xiaoman")
    assert status == 0
    listed = json.loads(out)
    assert len(listed) == 8
    assert set(listed[0]) == {"nick", "tier", "classes", "orders", "paid_total",
                              "first_order_at", "last_order_at", "chats", "tags", "risk"}
    coco = next(c for c in listed if c["nick"] == "Coco在路上")
    assert (coco["tier"], coco["orders"], coco["paid_total"], coco["tags"]) == (
        "VIP", 1, 319.0, ["偏爱浅色"])
    abao = next(c for c in listed if c["nick"] == "精打细算的阿宝")
    assert abao["risk"].startswith("曾以差评相要挟") and abao["classes"] == ["打标客户"]


@pytest.mark.parametrize(("args", "nicks"), [
    (("--tier", "VIP"), ["Coco在路上"]),
    (("--class", "risk"), ["精打细算的阿宝"]),
    (("--class", "打标客户"), ["Coco在路上", "精打细算的阿宝"]),
    (("--tag", "爱砍价"), ["精打细算的阿宝"]),
    (("--search", "晴天"), ["晴天小鹿"]),
])
def test_list_filters(demo_store, db_path, capsys, args, nicks):
    status, out, _ = run(capsys, db_path, "customers", "list", *args, "--json", "--as", "wang")
    assert status == 0 and [c["nick"] for c in json.loads(out)] == nicks


def test_list_refuses_what_it_does_not_know(demo_store, db_path, capsys):
    status, _, err = run(capsys, db_path, "--lang", "en", "customers", "list", "--tier", "黄金",
                         "--as", "wang")
    assert status == 1 and err.startswith("No tier '黄金'")
    status, _, err = run(capsys, db_path, "customers", "list", "--class", "whales", "--as",
                         "wang")
    assert status == 1 and "看不懂客户分类" in err
    status, _, err = run(capsys, db_path, "customers", "list")
    assert status == 1 and "--as" in err


def test_show_masks_phones_for_agents_and_not_for_supervisors(demo_store, db_path, capsys):
    status, out, _ = run(capsys, db_path, "customers", "show", "Coco在路上", "--json", "--as",
                         "xiaoman")
    assert status == 0
    shown = json.loads(out)
    assert shown["phone"] == "133****7777"
    assert [a["phone"] for a in shown["addresses"]] == ["133****7777"]
    assert (shown["gender"], shown["source"], shown["tier"]) == ("女", "老客推荐", "VIP")
    assert shown["tier_rights"]["price"] == "全店 95 折，单件包邮"
    assert shown["notes"][0]["by"] == "小满"
    status, out, _ = run(capsys, db_path, "customers", "show", "Coco在路上", "--json", "--as",
                         "wang")
    assert json.loads(out)["phone"] == "13300007777"
    status, out, _ = run(capsys, db_path, "customers", "show", "精打细算的阿宝", "--as", "xiaoman")
    assert status == 0 and "⚠ 风险买家：曾以差评相要挟" in out and "137****3333" in out
    status, _, err = run(capsys, db_path, "customers", "show", "没有这人", "--as", "xiaoman")
    assert status == 1 and "没有买家" in err


def test_tiers_lists_rules_rights_and_counts(demo_store, db_path, capsys):
    status, out, _ = run(capsys, db_path, "customers", "tiers", "--json", "--as", "xiaoman")
    shown = json.loads(out)
    assert status == 0 and shown["mode"] == "up_down" and shown["window_days"] == 365
    assert [(t["name"], t["buyers"]) for t in shown["tiers"]] == [
        ("普通", 3), ("高级", 4), ("VIP", 1), ("尊贵VIP", 0)]
    assert shown["tiers"][1]["upgrade_paid"] == 150
    status, out, _ = run(capsys, db_path, "customers", "tiers", "--as", "xiaoman")
    assert "高级（4 位）升级：消费满 ¥150 或 购买 2 次" in out


def test_tag_adds_a_tag_as_a_proven_account(demo_store, db_path, capsys):
    status, out, _ = run(capsys, db_path, "customers", "tag", "晴天小鹿", "学生党", "--as",
                         "xiaoman")
    assert status == 0 and out.strip() == "晴天小鹿 的标签：学生党"
    found = customers.by_nick(demo_store, "晴天小鹿")
    assert found.tags == ["学生党"] and found.classes == ["打标客户"]
    status, _, err = run(capsys, db_path, "customers", "tag", "晴天小鹿", "x" * 13, "--as",
                         "xiaoman")
    assert status == 1 and "最多 12 个字" in err
    status, _, err = run(capsys, db_path, "customers", "tag", "晴天小鹿", " ", "--as", "xiaoman")
    assert status == 1 and err.strip() == "标签不能为空。"


def test_recompute_reports_what_changed(demo_store, db_path, capsys):
    status, out, _ = run(capsys, db_path, "--lang", "en", "customers", "recompute", "--as",
                         "wang")
    # The command recomputes as of the real time, the demo shop was seeded at the test's.
    assert status == 0 and out.startswith("Recomputed 8 buyers: ")


def test_care_due_and_export(demo_store, db_path, capsys, tmp_path, clock):
    day = timefmt.local(clock()).date().isoformat()   # the demo shop's day
    status, out, _ = run(capsys, db_path, "care", "due", "--date", day, "--json", "--as",
                         "xiaoman")
    assert status == 0
    due = json.loads(out)
    assert {item["stage_name"] for item in due} >= {"付款关怀", "未付款提醒"}
    paid = next(item for item in due if item["buyer"] == "木子李家的猫")
    assert (paid["stage"], paid["channel"], paid["reachable"], paid["phone"]) == (
        "paid", "电话/短信", False, "139****2222")
    path = tmp_path / "calls.xlsx"
    status, out, _ = run(capsys, db_path, "care", "export", "--out", str(path), "--date", day,
                         "--as", "wang")
    assert status == 0 and out.startswith(f"已导出 {len(due)} 条关怀")
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert len(rows) == len(due) + 1 and "13900002222" in [row[4] for row in rows]
    status, out, _ = run(capsys, db_path, "care", "due", "--date", day, "--json", "--as",
                         "xiaoman")
    assert json.loads(out) == []
    with pytest.raises(SystemExit) as usage:
        run(capsys, db_path, "care", "due", "--date", "11/24", "--as", "xiaoman")
    assert usage.value.code == 2 and "use YYYY-MM-DD" in capsys.readouterr().err
