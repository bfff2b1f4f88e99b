import json

import pytest

from workbench.channels import scenarios
from workbench.filereader import FileRefused

REQUIRED = {"size", "colour", "bargain", "courier", "address_change", "unpaid",
            "quality_photo", "slow_delivery"}


def test_scenarios_cover_the_situations_agents_meet():
    loaded = scenarios.load_all()
    assert REQUIRED <= {s.id for s in loaded}
    assert len({s.buyer for s in loaded}) == len(loaded)


def test_quality_complaint_carries_a_photo_that_exists():
    scenario = scenarios.load(scenarios.SCENARIO_DIR / "quality_photo.json")
    photos = [step.image for step in scenario.opening if step.image]
    assert photos and all(photo.is_file() for photo in photos)


def test_buyer_answers_by_rule_once_then_falls_back_then_falls_silent():
    script = scenarios.BuyerScript(scenarios.load(scenarios.SCENARIO_DIR / "size.json"))
    assert script.respond("建议您选 M码") == "好的，那我就拍M码了，今天能发吗？"
    assert script.respond("M码") == "嗯嗯，那到底选哪个码呢？"  # that rule is spent
    assert script.respond("好的") == "好的，谢谢"
    assert script.respond("还有别的吗") is None


def test_rule_words_match_however_the_agent_types_them():
    script = scenarios.BuyerScript(scenarios.load(scenarios.SCENARIO_DIR / "size.json"))
    assert script.respond("建议您选 Ｍ 码") == "好的，那我就拍M码了，今天能发吗？"


def test_a_gbk_scenario_file_is_read(tmp_path):
    path = tmp_path / "gbk.json"
    path.write_bytes(json.dumps({"id": "g", "title": "退款", "buyer": "老顾客",
                                 "opening": ["我要退款，怎么操作？"]},
                                ensure_ascii=False).encode("gbk"))
    scenario = scenarios.load(path)
    assert (scenario.buyer, scenario.opening[0].text) == ("老顾客", "我要退款，怎么操作？")


BAD_SCENARIOS = {
    "cut": ('{"id": "x", "title": "半截', "提前结束"),
    "empty": ("", "文件是空的"),
    "no buyer": (json.dumps({"id": "x", "title": "t", "opening": ["在吗"]}), "字段 buyer"),
    "no opening": (json.dumps({"id": "x", "title": "t", "buyer": "b", "opening": []}),
                   "字段 opening"),
    "missing picture": (json.dumps({"id": "x", "title": "t", "buyer": "b",
                                    "opening": [{"image": "nowhere.png"}]}), "找不到图片"),
    "bad rule": (json.dumps({"id": "x", "title": "t", "buyer": "b", "opening": ["在吗"],
                             "rules": [{"when": "M码", "reply": "好"}]}), "字段 when"),
}


@pytest.mark.parametrize("case", BAD_SCENARIOS)
def test_a_bad_scenario_file_is_refused_naming_the_file(tmp_path, case):
    content, reason = BAD_SCENARIOS[case]
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        scenarios.load(path)
    assert str(refused.value).startswith("bad.json") and reason in str(refused.value)
    assert refused.value.en != refused.value.zh
