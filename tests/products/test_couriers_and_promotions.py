"""The courier table behind {快递} and {时效}, and promotions whose auto-replies give way to
the normal ones the moment they end."""

import pytest

from workbench import accounts, conversations, orders, quickphrases
from workbench.changes import Refused
from workbench.conversations import Incoming, reception
from workbench.products import couriers, promotions

HOUR = 3600.0
# The demo shop's buyers: 晴天小鹿 (中通, 上海), 北方的狼2019 (中通, 黑龙江),
# Coco在路上 (顺丰速运, 北京), 木子李家的猫 (no courier yet, 广东).


def values_for(store, nick, now):
    buyer_id = conversations.ensure_buyer(store, nick, "普通", now)
    return quickphrases.context_values(store, buyer_id, nick, "小满", now)


@pytest.mark.parametrize(("nick", "courier", "days"), [
    ("晴天小鹿", "中通快递", "1-2天"),        # 上海 is in 江苏、浙江、上海
    ("北方的狼2019", "中通快递", "3-5天"),    # 黑龙江: the rate for 其他
    ("Coco在路上", "顺丰速运", "2-3天"),
    ("木子李家的猫", "中通快递", "2-3天"),    # no courier on the order: the shop's default
    ("从没下过单", "中通快递", "3-5天"),      # no order, no address
])
def test_courier_and_days_fill_the_phrase_variables(demo_store, clock, nick, courier, days):
    values = values_for(demo_store, nick, clock())
    assert (values["快递"], values["时效"]) == (courier, days)
    text = quickphrases.fill("亲，默认发{快递}，到您那里一般{时效}。", values)
    assert text == f"亲，默认发{courier}，到您那里一般{days}。"


def test_phrases_may_use_the_courier_variables(demo_store, clock):
    trainer = accounts.by_name(demo_store, "lin")
    pack = quickphrases.pack_by_name(demo_store, "团队通用话术")
    quickphrases.save_phrase(demo_store, trainer, pack, "kdsx", "发{快递}，一般{时效}到哦",
                             "快递", "", clock())
    assert any(p.code == "kdsx" for p in quickphrases.all_phrases(demo_store))


def test_an_order_travels_with_its_courier_or_the_shops_default(demo_store):
    shipping = couriers.for_order(demo_store, orders.get(demo_store, "3515313147329357904"))
    assert (shipping.courier.name, shipping.chosen_by_order, shipping.days) == (
        "中通快递", True, "3-5天")
    assert shipping.courier.tracking_link("78312345678904") == \
        "https://track.example.com/zto?no=78312345678904"
    unsent = couriers.for_order(demo_store, orders.get(demo_store, "3515313147329357902"))
    assert (unsent.courier.name, unsent.chosen_by_order, unsent.rate.fee) == (
        "中通快递", False, 8.0)


def test_a_courier_missing_from_the_table_is_named_but_has_no_days(demo_store, clock):
    buyer = conversations.ensure_buyer(demo_store, "寄EMS的买家", "普通", clock())
    orders.record(demo_store, buyer, {"id": "E-1", "status": "WAIT_BUYER_CONFIRM_GOODS",
                                      "courier": "EMS", "address": "西藏拉萨"}, [])
    values = values_for(demo_store, "寄EMS的买家", clock())
    assert values["快递"] == "EMS" and "时效" not in values
    assert couriers.for_order(demo_store, orders.get(demo_store, "E-1")) is None


def test_no_courier_table_no_courier_variables(store, clock):
    assert couriers.phrase_values(store, None) == {}
    values = quickphrases.context_values(store, None, "买家", "小满", clock())
    assert "快递" not in values and "时效" not in values


def test_couriers_are_edited_with_rate_lines(demo_store, clock):
    supervisor = accounts.by_name(demo_store, "wang")
    rates = couriers.parse_rate_lines("江浙沪 6 1-2\n新疆、西藏 20 6\n其他 - -")
    assert rates == (couriers.Rate("江浙沪", 6, 1, 2), couriers.Rate("新疆、西藏", 20, 6, 6),
                     couriers.Rate("其他"))
    couriers.save(demo_store, supervisor, couriers.Draft(
        "极兔速递", "https://track.example.com/jt?no={单号}", "956025", True, "", rates),
        clock())
    added = couriers.named(demo_store, "极兔")
    assert added.is_default and couriers.default(demo_store).name == "极兔速递"
    assert [c.name for c in couriers.all_couriers(demo_store) if c.is_default] == ["极兔速递"]
    assert added.rate_for("浙江省杭州市西湖区").days == "1-2天"   # 江浙沪 is 江苏 浙江 上海
    assert added.rate_for("西藏拉萨").days == "6天"
    assert added.rate_for("北京市").region == "其他"
    couriers.delete(demo_store, supervisor, added.id, clock())
    assert couriers.named(demo_store, "极兔速递") is None


@pytest.mark.parametrize(("text", "message"), [
    ("江苏 8", "应为“地区 运费 天数”"),
    ("江苏 八元 1-2", "看不懂"),
    ("江苏 8 3-1", "不对"),
])
def test_rate_lines_that_cannot_be_read_are_refused(text, message):
    with pytest.raises(Refused, match=message):
        couriers.parse_rate_lines(text)


def test_agents_do_not_edit_couriers(demo_store, clock):
    with pytest.raises(Refused):
        couriers.save(demo_store, accounts.by_name(demo_store, "ajie"),
                      couriers.Draft("极兔速递"), clock())


# --- promotions ------------------------------------------------------------------------

GREETING = "您好，欢迎光临{店铺}！限时秒杀今晚24点结束，连帽卫衣只要99元~"
NORMAL = reception.ReceptionSettings().greeting


def greeting_for(store, agent, nick, at):
    changes = conversations.receive(store, Incoming(f"{nick}-{at}", nick, "在吗", at))
    conversation_id = next(iter(changes.conversations))
    values = {"店铺": "小满家居服旗舰店"}
    uids, _ = reception.after_buyer_message(store, conversation_id, agent, at, values)
    return conversations.message_by_uid(store, uids[0]).text


def test_a_promotions_auto_reply_switches_back_to_the_normal_one_when_it_ends(
        demo_store, agent, clock):
    supervisor = accounts.by_name(demo_store, "wang")
    start = clock()
    promotions.save(demo_store, supervisor, promotions.Draft(
        "限时秒杀", start, start + 2 * HOUR, "卫衣99元", codes=("WY-2301",),
        auto_replies={"greeting": GREETING}), start)
    clock.advance(HOUR)
    assert greeting_for(demo_store, agent, "甲", clock()) == \
        "您好，欢迎光临小满家居服旗舰店！限时秒杀今晚24点结束，连帽卫衣只要99元~"
    clock.advance(HOUR - 1)
    assert "限时秒杀" in greeting_for(demo_store, agent, "乙", clock())
    clock.advance(1)    # the promotion's last second is over
    assert greeting_for(demo_store, agent, "丙", clock()) == \
        "您好，欢迎光临小满家居服旗舰店！客服马上为您服务，请稍候~"
    assert NORMAL.startswith("您好，欢迎光临{店铺}！客服马上")


def test_a_promotion_replaces_only_the_replies_it_writes(demo_store, agent, clock):
    supervisor = accounts.by_name(demo_store, "wang")
    now = clock()
    promotions.save(demo_store, supervisor, promotions.Draft(
        "双十二", now - HOUR, now + HOUR, auto_replies={"busy_reply": "活动太火爆，稍等哦~",
                                                      "greeting": " "}), now)
    team = reception.settings_at(demo_store, now)
    assert team.busy_reply == "活动太火爆，稍等哦~" and team.greeting == NORMAL
    assert reception.settings_at(demo_store, now + HOUR).busy_reply == \
        reception.ReceptionSettings().busy_reply
    assert reception.load_settings(demo_store).busy_reply != "活动太火爆，稍等哦~"


def test_the_latest_started_promotion_wins_where_two_write_the_same_reply(demo_store, clock):
    supervisor = accounts.by_name(demo_store, "wang")
    now = clock()
    for name, start in (("早的", now - 2 * HOUR), ("晚的", now - HOUR)):
        promotions.save(demo_store, supervisor, promotions.Draft(
            name, start, now + HOUR, auto_replies={"greeting": name}), now)
    assert promotions.auto_replies_at(demo_store, now) == {"greeting": "晚的"}


def test_running_promotions_and_the_products_they_cover(demo_store, clock):
    now = clock()
    # The demo shop runs 暖冬季满减 for the whole shop; 元旦限时秒杀 comes in 20 days.
    assert [p.name for p in promotions.running(demo_store, now)] == ["暖冬季满减"]
    later = now + 20 * 24 * HOUR + 60
    assert [p.name for p in promotions.running(demo_store, later, "WY-2301")] == ["元旦限时秒杀"]
    assert promotions.running(demo_store, later, "SP-77") == []
    assert promotions.auto_replies_at(demo_store, later)["greeting"].startswith(
        "您好，欢迎光临{店铺}！元旦限时秒杀")


@pytest.mark.parametrize(("draft", "message"), [
    (promotions.Draft(" ", 0, 10), "活动名称不能为空"),
    (promotions.Draft("秒杀", 10, 10), "结束时间必须晚于开始时间"),
    (promotions.Draft("秒杀", 0, 10, codes=("NOPE-1",)), "找不到活动商品：NOPE-1"),
])
def test_a_promotion_that_cannot_run_is_refused(demo_store, clock, draft, message):
    with pytest.raises(Refused, match=message):
        promotions.save(demo_store, accounts.by_name(demo_store, "lin"), draft, clock())


def test_agents_do_not_write_promotions(demo_store, clock):
    with pytest.raises(Refused):
        promotions.save(demo_store, accounts.by_name(demo_store, "xiaoman"),
                        promotions.Draft("秒杀", 0, 10), clock())
