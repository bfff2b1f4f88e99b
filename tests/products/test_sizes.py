"""Size advice: every way buyers give height and weight, what only looks like one, and
sizes at and near the chart's boundaries (the course's 1-3 cm tolerance)."""

import pytest

from workbench import products
from workbench.changes import Refused
from workbench.products import sizes
from workbench.products.sizes import Body, SizeRow, advise, read_body, read_recent

# Shared boundaries, as many charts write them: S up to 160, M from 160.
CHART = [SizeRow("S", 150, 160, 40, 50), SizeRow("M", 160, 170, 50, 65),
         SizeRow("L", 170, 180, 65, 80)]


@pytest.mark.parametrize(("message", "height", "weight"), [
    ("这件连帽卫衣我身高162，体重52公斤，穿哪个码合适？", 162, 52),
    ("身高162,体重52公斤", 162, 52),  # ascii: as the seeds, NFKC-normalised, write it
    ("162cm 104斤", 162, 52),
    ("1米62 52kg", 162, 52),
    ("一米六二", 162, None),
    ("一米六二，一百零四斤", 162, 52),
    ("身高一米七五体重七十公斤", 175, 70),
    ("1.62m，52KG", 162, 52),
    ("１６２ｃｍ　５２ｋｇ", 162, 52),      # full-width, as some input methods type it
    ("身高：165 体重：110", 165, 55),      # a bare weight of 90 or more is 斤
    ("身高体重162/52", 162, 52),
    ("身高体重 170 120", 170, 60),
    ("我162，52kg", 162, 52),
    ("162 104斤穿什么码", 162, 52),
    ("体重一百二十斤", None, 60),
    ("一百二斤", None, 60),
    ("1米6，体重98斤", 160, 49),
    ("身高1.58", 158, None),
    ("身高162的话", 162, None),
    ("一米五八 九十八斤", 158, 49),
])
def test_every_common_form_of_height_and_weight_is_read(message, height, weight):
    body = read_body(message)
    assert (body.height_cm, body.weight_kg) == (height, weight)


@pytest.mark.parametrize("message", [
    "订单号3515313147329357901什么时候发货",
    "3515313147329357901",
    "这件129元，能便宜到99吗",
    "¥162 52",
    "手机13800001111",
    "52码有吗",
    "地址文三路88号3幢502",
    "2件一共258",
    "M码 160/80A 是什么意思",
    "这条围巾长一米吗",
    "尺码表发我看看",
    "物流单号78312345678901",
    "162元 52元",
])
def test_messages_that_only_look_like_measurements_give_none(message):
    assert read_body(message) == Body()
    advice = advise(CHART, read_body(message))
    assert advice.size is None and advice.reason == "消息里没有读到身高或体重。"


@pytest.mark.parametrize(("message", "height", "weight"), [
    ("腰围68cm，身高162，体重52kg", 162, 52),
    ("胸围100cm 身高165", 165, None),
    ("这件衣长是65cm吗？", None, None),
    ("裤长100厘米够吗", None, None),
    ("袖长和衣长是60cm和65cm吗", None, None),
    ("肩宽40公分，165cm 55kg", 165, 55),
    ("腿长90cm，身高170", 170, None),
    ("大腿围55cm，脚长24cm", None, None),
    ("头围56cm，领围38cm", None, None),
    ("臀围92-95cm，体重104斤", None, 52),
    ("胸围100 52kg", None, 52),            # not a bare height before the weight either
    ("衣服长65cm吗", None, None),
    ("三围86 64 90，身高一米六五", 165, None),
    ("裤长1米05够吗", None, None),
])
def test_a_length_named_as_another_measure_is_not_the_height(message, height, weight):
    body = read_body(message)
    assert (body.height_cm, body.weight_kg) == (height, weight)


def test_a_question_about_another_measure_keeps_the_height_given_before():
    body = read_recent(["这件衣长是65cm吗？", "身高162，体重52公斤"])   # newest first
    assert (body.height_cm, body.weight_kg) == (162, 52)
    assert advise(CHART, body).size == "M"


def test_measurements_spread_over_recent_messages_are_put_together():
    body = read_recent(["体重52公斤", "我身高162", "身高150体重40公斤"])   # newest first
    assert (body.height_cm, body.weight_kg) == (162, 52)


def sized(height, weight=None):
    advice = advise(CHART, Body(height, weight))
    return advice.size, advice.also


@pytest.mark.parametrize(("height", "weight", "size", "also"), [
    (165, 57, "M", None),          # the middle of M: nothing else to say
    (160, 50, "M", "S"),           # on the shared boundary: the larger, the smaller named
    (170, 65, "L", "M"),
    (168, 60, "M", "L"),           # 2 cm from L: the tolerance names it
    (167, 60, "M", "L"),           # 3 cm
    (166.5, 60, "M", None),        # 3.5 cm: beyond the tolerance
    (153, 45, "S", None),          # 7 cm from M
    (150, 40, "S", None),          # the smallest size's lower end: no smaller size
    (180, 80, "L", None),          # the largest size's upper end
    (165, 75, "L", "M"),           # height says M, weight says L: the larger
])
def test_sizes_at_and_near_the_chart_boundaries(height, weight, size, also):
    assert sized(height, weight) == (size, also)


def test_the_reason_says_why_a_neighbouring_size_is_named():
    near = advise(CHART, Body(168, 60))
    assert near.reason == ("身高168厘米、体重60公斤，建议M码；身高离L码的范围只差2厘米，"
                           "页面尺寸是手工测量的，有1-3厘米误差，也可以考虑L码。")
    assert "1-3 cm measuring tolerance" in near.reason_en
    split = advise(CHART, Body(165, 75))
    assert "按身高是M码，按体重是L码，建议选大的L码" in split.reason


@pytest.mark.parametrize(("body", "reason"), [
    (Body(145, 45), "身高145厘米不在尺码表的150-180厘米之内"),
    (Body(185, 70), "身高185厘米不在尺码表的150-180厘米之内"),
    (Body(165, 90), "体重90公斤不在尺码表的40-80公斤之内"),
])
def test_a_chart_that_does_not_cover_the_buyer_says_so_rather_than_guessing(body, reason):
    advice = advise(CHART, body)
    assert advice.size is None and advice.also is None
    assert advice.reason.startswith(reason) and "不要猜" in advice.reason


def test_one_measurement_is_enough_and_the_reason_says_which():
    by_height = advise(CHART, Body(165, None))
    assert by_height.size == "M" and "买家没说体重，只按身高推荐" in by_height.reason
    by_weight = advise(CHART, Body(None, 70))
    assert by_weight.size == "L" and "只按体重推荐" in by_weight.reason


def test_a_chart_by_height_only_answers_by_height():
    kids = [SizeRow("110", 100, 110), SizeRow("120", 110, 120), SizeRow("130", 120, 130)]
    assert advise(kids, read_body("孩子身高1米15，体重20公斤")).size == "120"
    assert advise(kids, read_body("体重20公斤")).size is None


def test_no_chart_no_guess():
    advice = advise([], Body(162, 52))
    assert advice.size is None and advice.reason == "这件商品还没有尺码表，不能推荐尺码。"


def test_advice_for_a_stored_product_reads_its_chart(catalog):
    hoodie = products.by_code(catalog, "HD-01")
    advice = sizes.advice_for(catalog, hoodie, "我身高162，体重52公斤")
    assert advice.as_json() == {"height_cm": 162, "weight_kg": 52, "size": "M", "also": "S",
                                "reason": advice.reason}


def test_a_chart_is_edited_as_lines(catalog, trainer, clock):
    hoodie = products.by_code(catalog, "HD-01")
    rows = sizes.parse_lines("S 150-160 40-50\n\nM 160-170 -\nXL - 70-90")
    assert rows == [SizeRow("S", 150, 160, 40, 50), SizeRow("M", 160, 170),
                    SizeRow("XL", None, None, 70, 90)]
    assert catalog and sizes.save_chart(catalog, trainer, hoodie.id, rows, clock()).products
    assert [r.line() for r in sizes.chart(catalog, hoodie.id)] == [
        "XL - 70-90", "S 150-160 40-50", "M 160-170 -"]


@pytest.mark.parametrize(("text", "message"), [
    ("M 160-170", "应为“尺码 身高范围 体重范围”"),
    ("M 170-160 50-60", "身高下限 170 大于上限 160"),
    ("M 高-170 50-60", "范围看不懂"),
    ("M 160-170 50-60\nM 170-180 60-70", "尺码重复：M"),
])
def test_a_chart_that_cannot_be_used_is_refused(text, message):
    with pytest.raises(Refused, match=message):
        sizes.parse_lines(text)
