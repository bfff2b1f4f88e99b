import pytest

from workbench import accounts, orders, timefmt
from workbench.orders import RemarkRefused
from workbench.store import events

ORDER = "3515313147329357902"


def test_remark_is_appended_in_the_team_format(demo_store, agent, clock):
    orders.add_remark(demo_store, ORDER, agent, "9.2珠，中通  礼物", clock())
    (remark,) = orders.remarks(demo_store, ORDER)
    assert remark.formatted() == f"9.2珠，中通 礼物—小满—{timefmt.minute(clock())}"


def test_remarks_by_several_agents_keep_their_order_and_authors(demo_store, agent, clock):
    colleague = accounts.by_name(demo_store, "ajie")
    orders.add_remark(demo_store, ORDER, agent, "送发圈", clock())
    clock.advance(60)
    orders.add_remark(demo_store, ORDER, colleague, "改顺丰", clock())
    assert [r.agent_name for r in orders.remarks(demo_store, ORDER)] == ["小满", "阿杰"]


def test_memo_over_1000_bytes_is_refused_and_nothing_is_stored(demo_store, agent, clock):
    orders.add_remark(demo_store, ORDER, agent, "长" * 320, clock())  # 988 bytes with signature
    with pytest.raises(RemarkRefused, match="1000 字节"):
        orders.add_remark(demo_store, ORDER, agent, "再加一条", clock())
    assert len(orders.remarks(demo_store, ORDER)) == 1


def test_empty_remark_is_refused(demo_store, agent, clock):
    with pytest.raises(RemarkRefused):
        orders.add_remark(demo_store, ORDER, agent, "   ", clock())


def test_flag_change_is_recorded_in_history_and_audit_log(demo_store, agent, clock):
    # Blue needs a remark under the team's default policy; it goes in with the flag.
    orders.set_flag(demo_store, ORDER, agent, 4, clock(), remark="改发中通")
    assert orders.get(demo_store, ORDER).flag == 4
    (change,) = orders.flag_history(demo_store, ORDER)
    assert (change["old_flag"], change["new_flag"], change["agent_name"]) == (0, 4, "小满")
    assert [e["kind"] for e in events.for_subject(demo_store, f"order:{ORDER}")] == [
        "remark.add", "flag.set"]


def test_unknown_flag_is_refused(demo_store, agent, clock):
    with pytest.raises(RemarkRefused):
        orders.set_flag(demo_store, ORDER, agent, 42, clock())


def test_an_agent_corrects_their_own_latest_entry_within_five_minutes(demo_store, agent, clock):
    orders.add_remark(demo_store, ORDER, agent, "送发圈", clock())
    clock.advance(orders.REMARK_EDIT_WINDOW_S - 1)
    mine = orders.editable_remark(demo_store, ORDER, agent, clock())
    orders.edit_remark(demo_store, mine.id, agent, "送发圈两个", clock())
    (remark,) = orders.remarks(demo_store, ORDER)
    assert remark.content == "送发圈两个" and remark.edited_at == clock()
    # The entry keeps the time it was written.
    assert remark.formatted().endswith(timefmt.minute(clock() - orders.REMARK_EDIT_WINDOW_S + 1))
    edit = events.for_subject(demo_store, f"order:{ORDER}")[-1]
    assert edit["kind"] == "remark.edit"
    assert '"old": "送发圈"' in edit["detail"] and '"new": "送发圈两个"' in edit["detail"]


def test_an_entry_older_than_five_minutes_is_refused(demo_store, agent, clock):
    orders.add_remark(demo_store, ORDER, agent, "送发圈", clock())
    (remark,) = orders.remarks(demo_store, ORDER)
    clock.advance(orders.REMARK_EDIT_WINDOW_S + 1)
    assert orders.editable_remark(demo_store, ORDER, agent, clock()) is None
    with pytest.raises(RemarkRefused, match="超过 5 分钟"):
        orders.edit_remark(demo_store, remark.id, agent, "改了", clock())
    assert orders.remarks(demo_store, ORDER)[0].content == "送发圈"


def test_editing_another_agents_entry_is_refused(demo_store, agent, clock):
    colleague = accounts.by_name(demo_store, "ajie")
    orders.add_remark(demo_store, ORDER, colleague, "改顺丰", clock())
    (theirs,) = orders.remarks(demo_store, ORDER)
    assert orders.editable_remark(demo_store, ORDER, agent, clock()) is None
    with pytest.raises(RemarkRefused, match="阿杰写的，只能由本人修改"):
        orders.edit_remark(demo_store, theirs.id, agent, "改中通", clock())
    assert orders.remarks(demo_store, ORDER)[0].content == "改顺丰"


def test_only_the_latest_own_entry_may_be_corrected(demo_store, agent, clock):
    orders.add_remark(demo_store, ORDER, agent, "第一条", clock())
    orders.add_remark(demo_store, ORDER, agent, "第二条", clock())
    first = orders.remarks(demo_store, ORDER)[0]
    with pytest.raises(RemarkRefused, match="最新的一条"):
        orders.edit_remark(demo_store, first.id, agent, "改第一条", clock())


def test_a_correction_that_would_pass_the_limit_is_refused(demo_store, agent, clock):
    orders.add_remark(demo_store, ORDER, agent, "短", clock())
    (remark,) = orders.remarks(demo_store, ORDER)
    with pytest.raises(RemarkRefused, match="1000 字节"):
        orders.edit_remark(demo_store, remark.id, agent, "长" * 400, clock())


def test_the_back_office_remark_counts_towards_the_limit(demo_store, agent, clock, tmp_path):
    from orders.order_files import CLASSIC_HEADER, classic_row, write_gbk
    from workbench.orders.importer import import_report

    path = write_gbk(tmp_path / "r.csv", CLASSIC_HEADER,
                     [classic_row("7001", "甲", remark="旧" * 300)])  # 900 bytes
    import_report(demo_store, path, now=clock())
    assert orders.memo_size_with(demo_store, "7001", agent, "", clock()) == 900
    size = orders.memo_size_with(demo_store, "7001", agent, "送发圈", clock())
    assert size == 900 + 1 + len(f"送发圈—小满—{timefmt.minute(clock())}".encode())
    with pytest.raises(RemarkRefused, match="上限 1000 字节"):
        orders.add_remark(demo_store, "7001", agent, "再送一个发圈和一张贺卡" * 3, clock())


def test_a_forbidden_colour_is_refused_with_the_reason(demo_store, agent, clock):
    with pytest.raises(RemarkRefused, match="不能插黄旗：团队规定黄旗不可使用"):
        orders.set_flag(demo_store, ORDER, agent, 2, clock(), remark="随便")
    assert orders.get(demo_store, ORDER).flag == 0
    assert orders.remarks(demo_store, ORDER) == []


def test_a_colour_that_needs_a_remark_says_its_meaning(demo_store, agent, clock):
    assert orders.needs_remark(demo_store, ORDER, agent, 5, clock())
    with pytest.raises(RemarkRefused, match="紫旗表示“更换款式、尺码或颜色”"):
        orders.set_flag(demo_store, ORDER, agent, 5, clock())
    assert orders.get(demo_store, ORDER).flag == 0


def test_a_remark_just_written_by_the_same_agent_satisfies_the_policy(demo_store, agent,
                                                                     clock):
    orders.add_remark(demo_store, ORDER, agent, "改 L 码", clock())
    clock.advance(60)
    assert not orders.needs_remark(demo_store, ORDER, agent, 5, clock())
    orders.set_flag(demo_store, ORDER, agent, 5, clock())
    assert orders.get(demo_store, ORDER).flag == 5
    colleague = accounts.by_name(demo_store, "ajie")
    assert orders.needs_remark(demo_store, ORDER, colleague, 4, clock())


def test_clearing_the_flag_needs_no_remark(demo_store, agent, clock):
    orders.set_flag(demo_store, ORDER, agent, 1, clock(), remark="加赠品")
    clock.advance(3600)
    orders.set_flag(demo_store, ORDER, agent, 0, clock())
    assert [(c["old_flag"], c["new_flag"]) for c in orders.flag_history(demo_store, ORDER)] == [
        (0, 1), (1, 0)]


def test_the_memo_counter_counts_the_entry_being_typed(demo_store, agent, clock):
    entry = f"送发圈—小满—{timefmt.minute(clock())}"
    assert orders.memo_size_with(demo_store, ORDER, agent, "送发圈", clock()) == len(
        entry.encode())


def test_order_summary_for_the_buyer_masks_the_phone(demo_store):
    text = orders.summary(demo_store, orders.get(demo_store, ORDER))
    assert "莫代尔家居服套装（颜色：雾霾蓝；尺码：M） ×2" in text
    assert "139****2222" in text and "13900002222" not in text
    assert "广东省深圳市南山区科技园南路 9 号" in text
