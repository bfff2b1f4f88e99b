"""A sheet carried between two workstations: export, import, and damaged files."""

import json

import pytest
from openpyxl import load_workbook

from workbench import accounts, conversations, demo, handover, orders
from workbench.changes import Refused
from workbench.handover import Assignee, exchange, sheets, xlsx
from workbench.store import Store, StoreError

NEW_ORDER = "3515313147329399999"


@pytest.fixture
def other_store(tmp_path, clock):
    """The second workstation: the same team and shop, but without the newest buyer."""
    opened = Store.open(tmp_path / "other.sqlite3")
    demo.seed_if_empty(opened, clock())
    yield opened
    opened.close()


@pytest.fixture
def sheet_id(demo_store, agent, clock):
    """小满's sheet for 阿杰：the demo todos, one for a buyer and order only this store has,
    a shift item, and notes."""
    now = clock()
    buyer_id = conversations.ensure_buyer(demo_store, "新来的小熊", "普通", now)
    orders.record(demo_store, buyer_id, {"id": NEW_ORDER, "status": "WAIT_SELLER_SEND_GOODS",
                                         "total": 66.0, "created_at": now}, [])
    handover.add(demo_store, "给新来的小熊补发袜子", agent, now, detail="少发一双", priority=2,
                 order_id=NEW_ORDER, due_at=now + 7200, remind_at=now + 3600)
    (started,) = handover.add(demo_store, "核对晚班库存", agent, now,
                              assignee=Assignee.of_shift("晚班")).todos
    handover.set_state(demo_store, started, "执行中", agent, now)
    ajie = accounts.by_name(demo_store, "ajie")
    made, _ = sheets.build(demo_store, agent, now, shift="晚班", to_agent_id=ajie.id,
                           notes="顺丰今天停发\n新品 20 点上架")
    return made


def snapshot(store):
    return list(store.conn.iterdump())


def test_xlsx_export_is_a_readable_交接表_with_one_row_per_item(demo_store, sheet_id, tmp_path):
    out = tmp_path / "交接表.xlsx"
    assert xlsx.export(demo_store, sheet_id, out) == 6
    page = load_workbook(out).active
    assert page.title == "交接表"
    assert page["A1"].value == "小满家居服旗舰店 交接表"
    assert "交接人：小满" in page["A2"].value and "接收人：阿杰" in page["A2"].value
    header = [cell.value for cell in page[xlsx.HEADER_ROW]]
    assert header == list(xlsx.HEADER)
    rows = [[cell.value for cell in row] for row in
            page.iter_rows(min_row=xlsx.HEADER_ROW + 1, max_row=xlsx.HEADER_ROW + 6)]
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5, 6]
    assert [row[1] for row in rows] == ["待办"] * 4 + ["备注"] * 2
    new_todo = next(row for row in rows if row[2] == "给新来的小熊补发袜子")
    assert new_todo[4:6] == ["新来的小熊", NEW_ORDER]  # the order id stays text
    assert "紧急" in new_todo[3] and new_todo[7] is None
    assert page.print_title_rows == f"${xlsx.HEADER_ROW}:${xlsx.HEADER_ROW}"
    assert page.page_setup.orientation == "landscape"
    values = [cell.value for row in page.iter_rows() for cell in row if cell.value]
    assert "顺丰今天停发\n新品 20 点上架" in values


def test_xlsx_shows_who_received_what_and_when(demo_store, sheet_id, tmp_path, clock):
    ajie = accounts.by_name(demo_store, "ajie")
    first = sheets.items(demo_store, sheet_id)[0]
    sheets.acknowledge(demo_store, sheet_id, [first.id], ajie, clock())
    xlsx.export(demo_store, sheet_id, tmp_path / "s.xlsx")
    page = load_workbook(tmp_path / "s.xlsx").active
    row = [cell.value for cell in page[xlsx.HEADER_ROW + 1]]
    assert row[7] == "阿杰" and row[8]
    assert "部分接收" in page["A2"].value


def test_export_then_import_recreates_the_items_and_reports_what_is_missing(
        demo_store, other_store, sheet_id, tmp_path, clock):
    path = tmp_path / f"sheet{exchange.SUFFIX}"
    assert exchange.export(demo_store, sheet_id, path, clock()) == 6
    clock.advance(3600)
    ajie = accounts.by_name(other_store, "ajie")
    report, changes = exchange.import_file(other_store, path, ajie, clock())

    assert report.buyers_missing == ("新来的小熊",)
    assert report.orders_missing == (NEW_ORDER,)
    assert (report.items, report.todos, report.from_agent) == (6, 4, "小满")
    assert "新来的小熊" in report.summary() and NEW_ORDER in report.summary()
    sheet = sheets.get(other_store, report.sheet_id)
    assert (sheet.from_agent_name, sheet.to_agent_name, sheet.shift) == ("小满", "阿杰", "晚班")
    assert sheet.notes == "顺丰今天停发\n新品 20 点上架" and sheet.origin.startswith("import:")
    recreated = {t.title: t for t in (handover.get(other_store, i) for i in changes.todos)}
    known = recreated["核实韵达 43123456789008 为什么三天没更新"]
    assert (known.buyer_nick, known.order_id, known.priority) == \
        ("等快递等到花儿都谢了", "3515313147329357908", 2)
    unknown = recreated["给新来的小熊补发袜子"]
    assert unknown.buyer_id is None and unknown.order_id is None
    assert "新来的小熊" in unknown.detail and NEW_ORDER in unknown.detail
    assert unknown.remind_at is not None and unknown.assignee_name == "小满"
    shift_todo = recreated["核对晚班库存"]
    assert (shift_todo.state, shift_todo.assignee_label) == ("执行中", "晚班（班次）")

    # The incoming agent receives it there like any local sheet.
    sheets.acknowledge(other_store, report.sheet_id, None, ajie, clock())
    assert all(handover.get(other_store, t).assignee_name == "阿杰" for t in changes.todos)
    assert sheets.get(other_store, report.sheet_id).state_name == "已接收"


def test_the_same_file_is_imported_only_once(demo_store, other_store, sheet_id, tmp_path,
                                             clock):
    path = tmp_path / "sheet.handover.json"
    exchange.export(demo_store, sheet_id, path, clock())
    ajie = accounts.by_name(other_store, "ajie")
    exchange.import_file(other_store, path, ajie, clock())
    before = snapshot(other_store)
    with pytest.raises(Refused, match="已经导入过"):
        exchange.import_file(other_store, path, ajie, clock())
    assert snapshot(other_store) == before


def _rewrite(path, change):
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    document["checksum"] = exchange.checksum(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _set_priority(document):
    document["items"][0]["todo"]["priority"] = 7


def _set_kind(document):
    document["items"][2]["kind"] = "telegram"


def _set_due(document):
    document["items"][1]["due_at"] = "明天下午"


def _set_sender(document):
    document["sheet"]["from_agent"]["name"] = "stranger"


def _drop_items(document):
    document["items"] = []


@pytest.mark.parametrize(("damage", "reason"), [
    (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "提前结束"),
    (lambda p: p.write_bytes(p.read_bytes().replace(b'":', b'"', 1)), "不是有效的 JSON"),
    (lambda p: p.write_bytes(p.read_text(encoding="utf-8").encode("gb18030")), "须为 UTF-8"),
    (lambda p: p.write_bytes(b""), "文件是空的"),
    (lambda p: p.write_text(p.read_text(encoding="utf-8").replace("核对晚班库存", "核对早班库存"),
                            encoding="utf-8"), "校验值不符"),
    (lambda p: p.write_bytes(b"\xff\xfe\x00garbage"), "不是文本文件"),
    (lambda p: p.write_text('{"format": "something-else"}', encoding="utf-8"),
     "不是工作台的交接文件"),
    (lambda p: _rewrite(p, lambda d: d.update(version=2)), "更新版本"),
    (lambda p: _rewrite(p, _set_priority), "第 1 项，字段 todo.priority"),
    (lambda p: _rewrite(p, _set_kind), "第 3 项，字段 kind"),
    (lambda p: _rewrite(p, _set_due), "第 2 项，字段 due_at"),
    (lambda p: _rewrite(p, _set_sender), "stranger"),
    (lambda p: _rewrite(p, _drop_items), "没有任何交接事项"),
])
def test_a_damaged_file_is_refused_clearly_and_leaves_the_store_unchanged(
        demo_store, other_store, sheet_id, tmp_path, clock, damage, reason):
    path = tmp_path / "sheet.handover.json"
    exchange.export(demo_store, sheet_id, path, clock())
    damage(path)
    before = snapshot(other_store)
    with pytest.raises(Refused) as refused:
        exchange.import_file(other_store, path, accounts.by_name(other_store, "ajie"), clock())
    assert reason in str(refused.value)
    assert str(refused.value).startswith("sheet.handover.json")
    assert "数据没有任何改动" in str(refused.value) and "\n" not in str(refused.value)
    assert refused.value.en.startswith("sheet.handover.json")
    assert snapshot(other_store) == before


def test_a_failure_half_way_through_the_import_rolls_everything_back(
        demo_store, other_store, sheet_id, tmp_path, clock, monkeypatch):
    path = tmp_path / "sheet.handover.json"
    exchange.export(demo_store, sheet_id, path, clock())
    before = snapshot(other_store)
    calls = []
    real_add = handover.add

    def failing_add(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise Refused("磁盘出了点问题")
        return real_add(*args, **kwargs)

    monkeypatch.setattr(handover, "add", failing_add)
    with pytest.raises(Refused):
        exchange.import_file(other_store, path, accounts.by_name(other_store, "ajie"), clock())
    assert len(calls) == 3
    assert snapshot(other_store) == before


def test_a_fully_received_sheet_has_nothing_to_carry(demo_store, sheet_id, tmp_path, clock):
    sheets.acknowledge(demo_store, sheet_id, None, accounts.by_name(demo_store, "ajie"), clock())
    with pytest.raises(Refused, match="已全部接收"):
        exchange.export(demo_store, sheet_id, tmp_path / "x.json", clock())


def test_the_xlsx_keeps_formula_like_text_as_text(demo_store, agent, clock, tmp_path):
    handover.add(demo_store, "=HYPERLINK(\"http://x\",\"点我\")", agent, clock(),
                 detail="=cmd|' /C calc'!A0")
    made, _ = sheets.build(demo_store, agent, clock(), notes="+86 转 @值班\x07主管")
    out = tmp_path / "交接表.xlsx"
    xlsx.export(demo_store, made, out)
    page = load_workbook(out).active
    cells = [cell for row in page.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert cells and {cell.data_type for cell in cells} == {"s"}
    values = {cell.value for cell in cells}
    assert {"=HYPERLINK(\"http://x\",\"点我\")", "+86 转 @值班 主管"} <= values
    assert any("=cmd|' /C calc'!A0" in value for value in values)
    assert page.print_title_rows == f"${xlsx.HEADER_ROW}:${xlsx.HEADER_ROW}"  # layout kept
    assert page.merged_cells.ranges and page.freeze_panes == f"A{xlsx.HEADER_ROW + 1}"


@pytest.mark.parametrize("kind", ["xlsx", "exchange"])
def test_an_export_into_a_missing_folder_says_so_and_leaves_nothing(
        demo_store, sheet_id, tmp_path, clock, kind):
    out = tmp_path / "gone" / f"sheet.{kind}"
    with pytest.raises(StoreError) as failed:
        if kind == "xlsx":
            xlsx.export(demo_store, sheet_id, out)
        else:
            exchange.export(demo_store, sheet_id, out, clock())
    assert "gone 不存在" in failed.value.zh and "does not exist" in failed.value.en
    assert not out.parent.exists()


def test_a_failed_export_leaves_the_previous_file_whole(demo_store, sheet_id, tmp_path, clock,
                                                       monkeypatch):
    out = tmp_path / "sheet.handover.json"
    out.write_text("the previous export", encoding="utf-8")

    real_dumps = json.dumps

    def full_disk(*args, **kwargs):
        if kwargs.get("indent"):  # the file's text, not the checksum's
            raise OSError(28, "No space left on device")
        return real_dumps(*args, **kwargs)

    monkeypatch.setattr(exchange.json, "dumps", full_disk)
    with pytest.raises(StoreError) as failed:
        exchange.export(demo_store, sheet_id, out, clock())
    assert "磁盘已满" in failed.value.zh
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_conversations_on_the_sheet_find_the_buyers_conversation_where_it_is_imported(
        demo_store, other_store, agent, tmp_path, clock):
    """A served conversation and a todo tied to a conversation: on the receiving
    workstation both point at that buyer's conversation there."""
    now = clock()
    for store, uid in ((demo_store, "m1"), (other_store, "m9")):
        conversations.receive(store, conversations.Incoming(uid, "晴天小鹿", "在吗", now))
    (served,) = {c.id for c in conversations.all_conversations(demo_store)
                 if c.buyer_nick == "晴天小鹿"}
    conversations.send(demo_store, served, agent.id, "在的亲", now + 5)
    buyer_id = conversations.get(demo_store, served).buyer_id
    handover.add(demo_store, "回复晴天小鹿的尺码问题", agent, now, buyer_id=buyer_id,
                 conversation_id=served)
    made, _ = sheets.build(demo_store, agent, now + 60)
    path = tmp_path / f"sheet{exchange.SUFFIX}"
    exchange.export(demo_store, made, path, now + 60)
    ajie = accounts.by_name(other_store, "ajie")
    report, changes = exchange.import_file(other_store, path, ajie, now + 120)

    there = conversations.latest_for_buyer(other_store, "晴天小鹿").id
    items = sheets.items(other_store, report.sheet_id)
    assert [item.ref for item in items if item.kind == "conversation"] == [str(there)]
    todo = next(handover.get(other_store, t) for t in changes.todos
                if handover.get(other_store, t).title == "回复晴天小鹿的尺码问题")
    assert todo.conversation_id == there


def test_a_todo_the_rules_refuse_is_named_by_file_and_item(
        demo_store, other_store, sheet_id, tmp_path, clock):
    path = tmp_path / "sheet.handover.json"
    exchange.export(demo_store, sheet_id, path, clock())
    _rewrite(path, lambda d: d["items"][1].update(due_at="9999-12-31T23:59:59+00:00"))
    before = snapshot(other_store)
    with pytest.raises(Refused) as refused:
        exchange.import_file(other_store, path, accounts.by_name(other_store, "ajie"), clock())
    assert str(refused.value).startswith("sheet.handover.json：第 2 项，到期时间超出范围")
    assert refused.value.en.startswith("sheet.handover.json: item 2: The due time is out of")
    assert snapshot(other_store) == before
