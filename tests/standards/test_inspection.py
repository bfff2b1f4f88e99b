"""Quality inspection (质检) with sampling (N per agent per day at random, or by filter),
overrides, manual items, comments, completion as it was, the agent's acknowledgement,
and who may do what."""

import pytest
from supervision.logdata import line

from workbench import accounts, conversations, orders, standards, timefmt
from workbench.aftersale import cases
from workbench.changes import Refused
from workbench.standards import inspection
from workbench.store import people

D, D1 = "2025-11-20", "2025-11-21"
NOW = timefmt.parse("2025-11-23 12:00")


def chat(name, buyer, agent, day, hour, *, slow=False, text="好的亲，有问题随时联系，感谢支持"):
    """One short conversation: a question and 小满's or 阿杰's answer."""
    asked = f"{day} {hour:02d}:00:00"
    answered = f"{day} {hour:02d}:0{4 if slow else 0}:10"
    return [line(name, buyer, "buyer", "这款有M码吗", asked),
            line(name, buyer, "agent", text, answered, agent)]


@pytest.fixture
def shop(demo_store, load_logs):
    records = []
    for number in range(4):
        records += chat(f"x{number}", f"甲{number}", "xiaoman", D, 9 + number,
                        slow=number == 0)
    records += chat("x9", "甲9", "xiaoman", D1, 9)
    records += chat("j0", "乙0", "ajie", D, 10, text="不知道，亲")
    records += chat("j1", "乙1", "ajie", D, 11)
    records += [line("j2", "乙2", "buyer", "收到的衣服开线了，要退货", f"{D} 12:00:00"),
                line("j2", "乙2", "agent", "抱歉亲，马上给您处理，感谢反馈，售后随时联系",
                     f"{D} 12:00:20", "ajie")]
    load_logs(records)
    buyer_id = people.buyer_by_nick(demo_store, "甲1")["id"]
    orders.record(demo_store, buyer_id, {
        "id": "S-1", "status": "WAIT_SELLER_SEND_GOODS", "total": 59, "paid": 59,
        "created_at": timefmt.parse(f"{D} 10:30"), "paid_at": timefmt.parse(f"{D} 10:31")}, [])
    return demo_store


def boss(store):
    return accounts.by_name(store, "wang")


def day(text):
    return timefmt.parse(f"{text} 00:00")


def sampled(store, **options):
    inspection.sample(store, boss(store), day(D), day(D1), NOW, seed=7, **options)
    return inspection.listing(store, boss(store))


def buyers(found):
    return sorted(i.buyer for i in found)


def added(store, **options):
    """The buyers of the conversations one sampling added."""
    before = {i.id for i in inspection.listing(store, boss(store))}
    return buyers(i for i in sampled(store, **options) if i.id not in before)


def test_sampling_takes_n_per_agent_per_day_at_random_once(shop):
    found = sampled(shop, per_agent=2)
    assert sorted((i.agent_name, i.day) for i in found) == [
        ("ajie", D), ("ajie", D), ("xiaoman", D), ("xiaoman", D)]
    assert all(i.state == inspection.SAMPLED and i.reason == "random" for i in found)
    again = sampled(shop, per_agent=5)          # what was sampled is not sampled twice
    assert len(again) == 7 and len({(i.conversation_id, i.day) for i in again}) == 7


def test_sampling_by_filter(shop):
    assert added(shop, reason="slow", per_agent=5) == ["甲0"]
    wang = boss(shop)
    standards.save_standard(shop, wang, standards.Standard(banned_words=("不知道",)), NOW)
    assert added(shop, reason="banned", per_agent=5) == ["乙0"]
    # 甲1 ordered the same day: every other buyer of the day did not convert (甲0 and 乙0
    # are inspected already).
    assert added(shop, reason="no_conversion", per_agent=5) == ["乙1", "乙2", "甲2", "甲3"]


def test_after_sale_cases_come_from_words_and_from_cases(shop):
    assert added(shop, reason="after_sale", per_agent=5) == ["乙2"]
    # 甲1 wrote no after-sale word, but a case was opened on their order that day.
    cases.open_case(shop, "S-1", "仅退款", accounts.by_name(shop, "xiaoman"),
                    timefmt.parse(f"{D} 15:00"), cause="七天无理由")
    jia1 = conversations.latest_for_buyer(shop, "甲1")
    assert inspection.after_sale_conversations(shop, day(D), day(D1)) == {jia1.id}
    assert inspection.after_sale_conversations(shop, day(D1), day("2025-11-22")) == set()
    assert added(shop, reason="after_sale", per_agent=5) == ["甲1"]


def test_only_a_supervisor_samples_and_reads_every_inspection(shop):
    xiaoman = accounts.by_name(shop, "xiaoman")
    with pytest.raises(Refused, match="只有主管"):
        inspection.sample(shop, xiaoman, day(D), day(D1), NOW)
    with pytest.raises(Refused, match="至少抽 1"):
        inspection.sample(shop, boss(shop), day(D), day(D1), NOW, per_agent=0)


def inspect_slow_one(store):
    (found,) = sampled(store, reason="slow")
    return found


def test_the_supervisor_overrides_scores_by_hand_comments_and_completes(shop, clock):
    wang = boss(shop)
    target = inspect_slow_one(shop)
    opened = inspection.open_inspection(shop, wang, target.id, NOW)
    assert opened.verdict.results["first_reply_30s"].result == standards.FAIL
    assert [line.sender for line in opened.transcript.lines] == ["buyer", "agent"]
    automatic = opened.verdict.score
    inspection.override(shop, wang, target.id, "first_reply_30s", standards.PASS, NOW)
    inspection.add_item(shop, wang, target.id, "产品知识", 60, 20, NOW)
    inspection.set_comment(shop, wang, target.id, "回复太慢，下次先发一句“稍等”", NOW)
    opened = inspection.open_inspection(shop, wang, target.id, NOW)
    result = opened.verdict.results["first_reply_30s"]
    assert (result.result, result.overridden_from) == (standards.PASS, standards.FAIL)
    assert [s.item.label for s in opened.items] == ["产品知识"]
    assert opened.verdict.score != automatic
    inspection.override(shop, wang, target.id, "first_reply_30s", None, NOW)
    assert inspection.open_inspection(shop, wang, target.id, NOW).verdict.results[
        "first_reply_30s"].result == standards.FAIL
    inspection.override(shop, wang, target.id, "first_reply_30s", standards.PASS, NOW)
    final = inspection.open_inspection(shop, wang, target.id, NOW).verdict.score
    inspection.complete(shop, wang, target.id, NOW)
    done = inspection.get(shop, target.id)
    assert (done.state, done.score, done.comment) == (inspection.DONE, final,
                                                      "回复太慢，下次先发一句“稍等”")
    # Kept as completed: a later change of the standard does not rewrite it.
    standards.save_standard(shop, wang, standards.Standard(
        disabled=frozenset({"first_reply_30s"})), NOW)
    kept = inspection.open_inspection(shop, wang, target.id, NOW)
    assert kept.verdict.score == final
    assert kept.verdict.results["first_reply_30s"].overridden_from == standards.FAIL
    assert kept.verdict.results["wait_120s"].evidence == (0, 1)
    with pytest.raises(Refused, match="重新打开"):
        inspection.set_comment(shop, wang, target.id, "改", NOW)


def test_the_agent_sees_their_inspected_conversations_and_acknowledges(shop):
    wang, xiaoman = boss(shop), accounts.by_name(shop, "xiaoman")
    ajie = accounts.by_name(shop, "ajie")
    target = inspect_slow_one(shop)
    assert inspection.listing(shop, xiaoman) == []          # still waiting: not hers yet
    with pytest.raises(Refused, match="只能查看自己已质检"):
        inspection.open_inspection(shop, xiaoman, target.id, NOW)
    inspection.set_comment(shop, wang, target.id, "注意首次响应", NOW)
    inspection.complete(shop, wang, target.id, NOW)
    assert inspection.waiting_acknowledgement(shop, xiaoman) == 1
    (mine,) = inspection.listing(shop, xiaoman)
    assert mine.comment == "注意首次响应"
    assert inspection.open_inspection(shop, xiaoman, mine.id, NOW).verdict.results
    with pytest.raises(Refused, match="本人"):
        inspection.acknowledge(shop, ajie, mine.id, NOW)
    with pytest.raises(Refused, match="只能查看自己已质检"):
        inspection.open_inspection(shop, ajie, mine.id, NOW)
    changes = inspection.acknowledge(shop, xiaoman, mine.id, NOW + 60)
    assert changes.inspections == {mine.id}
    assert inspection.get(shop, mine.id).state == inspection.ACKNOWLEDGED
    assert inspection.waiting_acknowledgement(shop, xiaoman) == 0
    inspection.reopen(shop, wang, mine.id, NOW + 120)
    assert inspection.get(shop, mine.id).acknowledged_at is None


def test_changes_are_refused_to_agents_and_checked(shop):
    target = inspect_slow_one(shop)
    xiaoman = accounts.by_name(shop, "xiaoman")
    with pytest.raises(Refused, match="只有主管"):
        inspection.override(shop, xiaoman, target.id, "first_reply_30s", "pass", NOW)
    wang = boss(shop)
    with pytest.raises(Refused, match="没有规则"):
        inspection.override(shop, wang, target.id, "speed", "pass", NOW)
    with pytest.raises(Refused, match="0 到 100"):
        inspection.add_item(shop, wang, target.id, "态度", 120, 10, NOW)
    with pytest.raises(Refused, match="名称"):
        inspection.add_item(shop, wang, target.id, "  ", 80, 10, NOW)
    with pytest.raises(Refused, match="还没有完成"):
        inspection.acknowledge(shop, xiaoman, target.id, NOW)
