"""The back office's refund report (退款管理 export): cases and their platform state,
imported idempotently; bad files refused with the file, row and cause."""

import csv
import io

import pytest

from aftersale.support import SHIPPED, SIGNED, UNPAID, the_case
from workbench import aftersale, handover, timefmt
from workbench.aftersale import CaseFilter, cases, refunds
from workbench.changes import Refused

HEADER = ("订单编号", "退款编号", "支付宝交易号", "订单付款时间", "宝贝标题", "买家实际支付金额",
          "买家退款金额", "手工退款/系统退款", "是否需要退货", "买家申请退款时间", "退款状态",
          "货物状态", "退货物流信息", "买家会员名称", "买家退款原因", "退款说明", "退款完结时间")
AGREE = "买家已经申请退款，等待卖家同意"


def row(order, refund_no, amount, state, *, paid="199.00", needs_return="是",
        reason="7天无理由退换货", applied="2025-11-24 09:00:00", finished="", logistics=""):
    return (f'="{order}"', f'="{refund_no}"', "2025112422001", "2025-11-20 10:00:00", "睡衣",
            paid, amount, "系统退款", needs_return, applied, state, "买家已收到货", logistics,
            "买家", reason, "", finished)


def report(tmp_path, rows, name="refunds.csv", header=HEADER, cut: int = 0):
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows((header, *rows))
    data = text.getvalue().encode("gbk")
    path = tmp_path / name
    path.write_bytes(data[:len(data) - cut] if cut else data)
    return path


def imported(store, path, agent, clock, **more):
    return refunds.import_report(store, path, agent, clock(), **more)


def by_refund(store, clock):
    return {c.refund_no: c for c in aftersale.find(store, CaseFilter(), clock())}


def test_a_report_opens_cases_at_the_platforms_state(demo_store, team, clock, tmp_path):
    store, agent = demo_store, team["xiaoman"]
    path = report(tmp_path, [
        row(SHIPPED, "R1", "199.00", AGREE),
        row(SIGNED, "R2", "50.00", "退款成功", paid="319.00", needs_return="否",
            reason="质量问题", finished="2025-11-24 12:00:00"),
        row("999999", "R3", "10.00", "退款成功"),
        row(UNPAID, "R4", "10.00", "退款关闭", paid="99.00"),
    ])
    result = imported(store, path, agent, clock)
    assert (result.rows, result.added, result.linked, result.updated, result.unchanged) == (
        4, 2, 0, 0, 0)
    assert result.unknown_orders == ["999999"] and result.unpaid_orders == [UNPAID]
    found = by_refund(store, clock)
    waiting, refunded = found["R1"], found["R2"]
    assert (waiting.kind, waiting.cause, waiting.state, waiting.postage_payer) == (
        "退货退款", "七天无理由", "待处理", "买家")
    assert waiting.platform_state == "WAIT_SELLER_AGREE" and waiting.amount == 199.0
    assert waiting.platform_state_name == AGREE
    assert waiting.opened_at == timefmt.parse("2025-11-24 09:00:00")  # the application
    assert handover.get(store, waiting.todo_id).is_open
    assert (refunded.kind, refunded.cause, refunded.state, refunded.refunded) == (
        "仅退款", "质量问题", "已解决", 50.0)
    assert refunded.due_at is None and refunded.todo_id is None  # nothing owed, no todo
    assert "跳过 1 行：订单不在工作台里" in result.summary()
    assert "1 rows whose order is not in the workbench" in result.summary("en")


def test_reimporting_changes_nothing_and_a_newer_report_moves_cases_on(demo_store, team, clock,
                                                                      tmp_path):
    store, agent = demo_store, team["xiaoman"]
    first = report(tmp_path, [row(SHIPPED, "R1", "199.00", AGREE)])
    imported(store, first, agent, clock)
    (case,) = by_refund(store, clock).values()
    lines = len(aftersale.history(store, case.id))
    again = imported(store, first, agent, clock)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    assert len(aftersale.history(store, case.id)) == lines
    clock.advance(3600)
    newer = report(tmp_path, [row(SHIPPED, "R1", "199.00", "卖家已经同意退款，等待买家退货")],
                   name="newer.csv")
    assert imported(store, newer, agent, clock).updated == 1
    assert aftersale.get(store, case.id).step_name == "等买家寄回"
    done = report(tmp_path, [row(SHIPPED, "R1", "199.00", "SUCCESS",
                                 finished="2025-11-25 10:00:00")], name="done.csv")
    imported(store, done, agent, clock)
    settled = aftersale.get(store, case.id)
    assert (settled.state, settled.refunded, settled.platform_state) == ("已解决", 199.0, "SUCCESS")
    # An older report imported afterwards never moves the case back.
    assert imported(store, newer, agent, clock).unchanged == 1
    assert aftersale.get(store, case.id).state == "已解决"
    assert aftersale.history(store, case.id)[-1].note == "退款 R1：SUCCESS"


def test_a_refund_is_linked_to_the_orders_open_case(demo_store, team, clock, tmp_path):
    store, agent = demo_store, team["xiaoman"]
    case_id = the_case(cases.open_case(store, SHIPPED, "退货退款", agent, clock(),
                                       cause="质量问题"))
    cases.take_step(store, case_id, "受理", agent, clock())
    result = imported(store, report(tmp_path, [row(SHIPPED, "R7", "199.00", AGREE)]), agent,
                      clock)
    assert (result.added, result.linked) == (0, 1)
    linked = aftersale.get(store, case_id)
    # The platform is behind the agent: the link is kept, the case stays where it is.
    assert (linked.refund_no, linked.platform_state, linked.step_name) == (
        "R7", "WAIT_SELLER_AGREE", "处理中")
    assert aftersale.count(store, CaseFilter(), clock()) == 1


@pytest.mark.parametrize("state", [
    "买家已经申请退款，等待卖家同意", "买家已经申请退款,等待卖家同意",  # ascii: csv
    "WAIT_SELLER_AGREE", "等待卖家同意", "买家已经申请退款，等待卖家同意 "])
def test_the_state_is_read_however_it_is_written(state, demo_store, team, clock, tmp_path):
    path = report(tmp_path, [row(SHIPPED, "R1", "199.00", state)])
    imported(demo_store, path, team["xiaoman"], clock)
    (case,) = by_refund(demo_store, clock).values()
    assert case.platform_state == "WAIT_SELLER_AGREE" and case.state == "待处理"


def test_an_unknown_state_is_refused_with_its_row(demo_store, team, clock, tmp_path):
    path = report(tmp_path, [row(SHIPPED, "R1", "199.00", AGREE),
                             row(SIGNED, "R2", "10.00", "退款中途放弃", paid="319.00")])
    with pytest.raises(Refused) as refused:
        imported(demo_store, path, team["xiaoman"], clock)
    assert str(refused.value) == (
        "refunds.csv 第 3 行“退款状态”列：无法识别的退款状态“退款中途放弃”。"
        "文件没有导入，数据没有任何改动。")
    assert aftersale.count(demo_store, CaseFilter(), clock()) == 0


def test_a_truncated_report_is_refused_and_nothing_written(demo_store, team, clock, tmp_path):
    rows = [row(SHIPPED, "R1", "199.00", AGREE), row(SIGNED, "R2", "50.00", "退款成功",
                                                   paid="319.00", reason="质量问题")]
    whole = report(tmp_path, rows).read_bytes()
    # Cut in the last row: the row is short of cells.
    cut_row = tmp_path / "cut_row.csv"
    cut_row.write_bytes(whole[:whole.rindex("质量问题".encode("gbk"))])
    with pytest.raises(Refused, match="cut_row.csv 第 3 行：这一行只有 15 列，表头有 17 列"):
        imported(demo_store, cut_row, team["xiaoman"], clock)
    # Cut inside a Chinese character.
    cut_char = tmp_path / "cut_char.csv"
    cut_char.write_bytes(whole[:whole.rindex("质量问题".encode("gbk")) + 1])
    with pytest.raises(Refused, match="不完整的字符"):
        imported(demo_store, cut_char, team["xiaoman"], clock)
    assert aftersale.count(demo_store, CaseFilter(), clock()) == 0


def test_an_unknown_layout_is_refused_naming_the_missing_columns(demo_store, team, clock,
                                                                tmp_path):
    header = ("订单编号", "退款编号", "金额", "状态")
    path = report(tmp_path, [(SHIPPED, "R1", "1", AGREE)], header=header)
    with pytest.raises(Refused, match="缺少必需的列：买家退款金额、退款状态") as refused:
        imported(demo_store, path, team["xiaoman"], clock)
    assert "required columns missing" in refused.value.en


def test_a_refund_above_what_was_paid_is_refused(demo_store, team, clock, tmp_path):
    path = report(tmp_path, [row(SHIPPED, "R1", "299.00", AGREE)])
    with pytest.raises(Refused,
                       match="第 2 行“买家退款金额”列：退款金额 299.00 超过买家实付 199.00"):
        imported(demo_store, path, team["xiaoman"], clock)


def test_refunds_above_what_the_order_leaves_are_refused_whoever_says_what_was_paid(
        demo_store, team, clock, tmp_path):
    """The order as the workbench knows it (paid 199.00) bounds the refunds, whatever the
    file's 实付 column says or whether it has one; earlier rows and other cases count."""
    agent = team["xiaoman"]
    inflated = report(tmp_path, [row(SHIPPED, "R1", "500.00", AGREE, paid="600.00")],
                      name="inflated.csv")
    with pytest.raises(Refused, match="inflated.csv 第 2 行：退款金额 500.00 超过订单 "
                                      f"{SHIPPED} 还能退的 199.00") as refused:
        imported(demo_store, inflated, agent, clock)
    assert "above the 199.00 left to refund" in refused.value.en
    without_paid = tmp_path / "without_paid.csv"
    without_paid.write_bytes(report(tmp_path, [
        row(SHIPPED, "R1", "150.00", "退款成功", finished="2025-11-24 12:00:00"),
        row(SHIPPED, "R2", "100.00", "退款成功", finished="2025-11-24 13:00:00")],
        header=tuple(h if h != "买家实际支付金额" else "备用" for h in HEADER)).read_bytes())
    with pytest.raises(Refused, match="第 3 行：退款金额 100.00 超过订单 .* 还能退的 49.00"):
        imported(demo_store, without_paid, agent, clock)
    assert aftersale.count(demo_store, CaseFilter(), clock()) == 0  # nothing of it kept
    # The same refund imported again is not counted twice against itself.
    once = report(tmp_path, [row(SHIPPED, "R1", "199.00", "退款成功",
                                 finished="2025-11-24 12:00:00")], name="once.csv")
    imported(demo_store, once, agent, clock)
    assert imported(demo_store, once, agent, clock).unchanged == 1


@pytest.mark.parametrize(("applied", "finished", "says"), [
    ("9999-12-31 00:00:00", "", "时间“9999-12-31 00:00:00”不合理"),
    ("1970-01-02 00:00:00", "", "不合理（应在 2000-01-01 之后"),
    ("2025-11-24 09:00:00", "2025-11-23 09:00:00", "退款完结时间早于申请时间")])
def test_times_no_refund_had_are_refused(demo_store, team, clock, tmp_path, applied,
                                         finished, says):
    path = report(tmp_path, [row(SHIPPED, "R1", "99.00", "退款成功" if finished else AGREE,
                                 applied=applied, finished=finished)])
    with pytest.raises(Refused, match=says):
        imported(demo_store, path, team["xiaoman"], clock)
    assert aftersale.count(demo_store, CaseFilter(), clock()) == 0


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(demo_store, team, clock, tmp_path):
    path = report(tmp_path, [row(SHIPPED, "R1", "199.00", AGREE)])
    result = imported(demo_store, path, team["xiaoman"], clock, dry_run=True)
    assert result.added == 1 and result.summary().startswith("预览（未写入）")
    assert aftersale.count(demo_store, CaseFilter(), clock()) == 0
    assert handover.open_items(demo_store)[-1].title.startswith("核实韵达")


def test_reasons_are_read_as_causes():
    assert refunds.cause_of("7天无理由退换货") == "七天无理由"
    assert refunds.cause_of("卖家发错货") == "发错货"
    assert refunds.cause_of("少件/漏发") == "发少货/漏发"
    assert refunds.cause_of("质量问题") == "质量问题"
    assert refunds.cause_of("快递一直未送到") == "物流慢/破损/丢件"
    assert refunds.cause_of("其他") is None
