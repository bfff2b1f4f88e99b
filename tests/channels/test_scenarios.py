from workbench.channels import scenarios

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
