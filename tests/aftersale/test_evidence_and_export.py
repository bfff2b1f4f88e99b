"""Evidence: the buyer's pictures kept with the case (also once the chat is pruned), and
the case's printable summary for a platform dispute."""

import openpyxl
import pytest

from aftersale.support import SHIPPED, the_case
from workbench import aftersale, conversations
from workbench.aftersale import cases
from workbench.aftersale.export import export_case
from workbench.changes import Refused
from workbench.paths import RESOURCES, images_dir

PHOTO = RESOURCES / "scenarios" / "flaw.png"
BUYER = "北方的狼2019"
FORMULA = '=HYPERLINK("x") 收到的睡衣袖口开线了'  # ascii: a formula a buyer typed


def buyer_says(store, clock, uid, text, kind="text"):
    changes = conversations.receive(store, conversations.Incoming(uid, BUYER, text, clock(),
                                                                  kind=kind))
    clock.advance(30)
    return changes


def test_the_buyers_pictures_are_kept_even_when_the_chat_is_pruned(demo_store, team, clock):
    store, agent = demo_store, team["xiaoman"]
    buyer_says(store, clock, "t1", "收到的睡衣袖口开线了")
    buyer_says(store, clock, "p1", str(PHOTO), kind="image")
    buyer_says(store, clock, "p2", str(PHOTO), kind="image")
    case_id = the_case(cases.open_case(store, SHIPPED, "换货", agent, clock(), cause="质量问题"))
    cases.attach_images(store, case_id, agent, clock())
    kept = aftersale.evidence(store, case_id)
    assert [(e.file, e.source, e.added_by_name) for e in kept] == [
        ("p1.png", "p1", "小满"), ("p2.png", "p2", "小满")]
    with pytest.raises(Refused, match="没有新的买家图片可以附加"):
        cases.attach_images(store, case_id, agent, clock())
    assert aftersale.history(store, case_id)[-1].note == "2 张"

    # The chat is pruned: its messages and its picture files are gone.
    store.conn.execute("DELETE FROM messages")
    for picture in images_dir(store.path).iterdir():
        picture.unlink()
    kept = aftersale.evidence(store, case_id)
    assert len(kept) == 2
    for item in kept:
        path = cases.evidence_path(store, case_id, item.file)
        assert path.read_bytes() == PHOTO.read_bytes()
        assert path.parent.name == aftersale.case_no(case_id)


def test_a_case_opened_from_a_picture_keeps_that_picture(demo_store, team, clock):
    store, agent = demo_store, team["xiaoman"]
    buyer_says(store, clock, "p0", str(PHOTO), kind="image")
    (message_id,) = buyer_says(store, clock, "p9", str(PHOTO), kind="image").messages
    case_id = the_case(cases.open_case(store, SHIPPED, "换货", agent, clock(), cause="质量问题",
                                       message_id=message_id))
    opened = aftersale.get(store, case_id)
    assert opened.message_id == message_id and opened.conversation_id is not None
    assert [e.source for e in aftersale.evidence(store, case_id)] == ["p9"]
    cases.attach_images(store, case_id, agent, clock())  # the earlier one, with one action
    assert [e.source for e in aftersale.evidence(store, case_id)] == ["p9", "p0"]


def test_a_message_of_another_buyer_is_refused(demo_store, team, clock):
    changes = conversations.receive(demo_store, conversations.Incoming(
        "x1", "晴天小鹿", "我的也坏了", clock()))
    with pytest.raises(Refused, match="不是这位买家的"):
        cases.open_case(demo_store, SHIPPED, "换货", team["xiaoman"], clock(),
                        message_id=next(iter(changes.messages)))


def test_the_dispute_summary_holds_the_case_order_history_chat_and_pictures(
        demo_store, team, clock, tmp_path):
    store, agent = demo_store, team["xiaoman"]
    buyer_says(store, clock, "t1", FORMULA)
    buyer_says(store, clock, "p1", str(PHOTO), kind="image")
    case_id = the_case(cases.open_case(store, SHIPPED, "换货", agent, clock(), cause="质量问题",
                                       note="袖口开线"))
    cases.attach_images(store, case_id, agent, clock())
    cases.take_step(store, case_id, "受理", agent, clock())
    path = tmp_path / "dispute.xlsx"
    assert export_case(store, case_id, path) == 2
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["售后单", "处理记录", "聊天记录", "图片证据"]
    summary = dict(book["售后单"].iter_rows(min_row=2, values_only=True))
    assert summary["售后单号"] == aftersale.case_no(case_id)
    assert (summary["订单号"], summary["买家"], summary["运费承担"]) == (SHIPPED, BUYER, "卖家")
    steps = [row[2] for row in book["处理记录"].iter_rows(min_row=2, values_only=True)]
    assert steps == ["新建", "附加图片", "受理"]
    chat = list(book["聊天记录"].iter_rows(min_row=2, values_only=True))
    assert chat[0][1:] == ("买家", FORMULA)
    assert book["聊天记录"]["C2"].data_type == "s"  # text, never a formula
    assert chat[1][2] == "[图片] p1.png"
    (picture,) = book["图片证据"].iter_rows(min_row=2, values_only=True)
    assert picture[1] == "p1.png" and picture[5].endswith(f"{aftersale.case_no(case_id)}/p1.png")
    assert book["处理记录"].page_setup.orientation == "landscape"
