"""The team's scenarios: the shipped ones cover the course's practice situations and
play; trainers and supervisors edit them, agents cannot; a 问题单 question starts one."""

import dataclasses

import pytest

from workbench.changes import Refused
from workbench.standards import problems
from workbench.training import scenarios
from workbench.training.scenarios import Branch, KeyPoint, Scenario

COURSE_SITUATIONS = {"size_advice", "too_expensive", "think_it_over", "cheaper_elsewhere",
                     "free_shipping", "urge_shipping", "wrong_item", "bad_review_threat",
                     "unpaid_reminder"}


def small(key="my_case", **changes):
    base = Scenario(key=key, title="试一试", buyer="小试", opening=("在吗",),
                    branches=(Branch(("在的",), "好的"),),
                    key_points=(KeyPoint("打招呼", ("您好",), "先问好"),))
    return dataclasses.replace(base, **changes)


def test_the_shipped_scenarios_cover_the_course_and_are_each_playable(demo_store):
    shipped = scenarios.shipped()
    assert {s.key for s in shipped} == COURSE_SITUATIONS
    for scenario in shipped:
        scenarios.check(scenario)                      # each would save as it is
        assert scenario.source == scenarios.SHIPPED
        assert scenario.opening and scenario.key_points and scenario.branches
        assert scenarios.from_json(scenario.as_json(), scenario.source) == scenario
    listed = scenarios.all_scenarios(demo_store)
    assert [s.situation for s in listed] == sorted(
        (s.situation for s in listed), key=scenarios.SITUATIONS.index)


def test_a_scenario_is_found_by_key_or_title(demo_store):
    assert scenarios.get(demo_store, "too_expensive").title == "太贵了"
    assert scenarios.get(demo_store, "太贵了").key == "too_expensive"
    with pytest.raises(Refused, match="没有情景"):
        scenarios.get(demo_store, "nothing")


def test_a_trainer_saves_an_edit_over_a_shipped_one_and_a_new_one(demo_store, trainer, clock):
    edited = dataclasses.replace(scenarios.get(demo_store, "size_advice"), title="尺码（改）")
    changes = scenarios.save(demo_store, trainer, edited, clock())
    assert changes.scenarios == {"size_advice"}
    assert scenarios.get(demo_store, "size_advice").title == "尺码（改）"
    assert scenarios.get(demo_store, "size_advice").source == scenarios.TEAM
    scenarios.save(demo_store, trainer, small(), clock())
    keys = [s.key for s in scenarios.all_scenarios(demo_store)]
    assert "my_case" in keys and keys.count("size_advice") == 1


def test_a_supervisor_may_edit_and_an_agent_may_not(demo_store, boss, trainee, clock):
    scenarios.save(demo_store, boss, small(), clock())
    with pytest.raises(Refused, match="培训师或主管"):
        scenarios.save(demo_store, trainee, small(title="改掉"), clock())
    with pytest.raises(Refused, match="培训师或主管"):
        scenarios.archive(demo_store, trainee, "my_case", clock())
    assert scenarios.get(demo_store, "my_case").title == "试一试"


def test_archiving_hides_a_scenario_even_a_shipped_one(demo_store, trainer, clock):
    scenarios.archive(demo_store, trainer, "free_shipping", clock())
    assert "free_shipping" not in {s.key for s in scenarios.all_scenarios(demo_store)}
    shipped = next(s for s in scenarios.shipped() if s.key == "free_shipping")
    scenarios.save(demo_store, trainer, shipped, clock())      # saving it again brings it back
    assert "free_shipping" in {s.key for s in scenarios.all_scenarios(demo_store)}


@pytest.mark.parametrize(("changes", "says"), [
    ({"key": "Bad Key"}, "编号"),
    ({"title": ""}, "标题"),
    ({"opening": ()}, "开场白"),
    ({"key_points": ()}, "要点"),
    ({"key_points": (KeyPoint("没有词", ()),)}, "关键词"),
    ({"branches": (Branch(("钱",), ""),)}, "分支"),
    ({"branches": (Branch(("花呗",), "我付", pays=True),)}, "没有订单"),
    ({"time_limit_s": 30}, "时限"),
    ({"situation": "售外"}, "场景"),
])
def test_what_cannot_be_played_is_refused_saying_what_to_fix(demo_store, trainer, clock,
                                                             changes, says):
    with pytest.raises(Refused, match=says) as refused:
        scenarios.save(demo_store, trainer, small(**changes), clock())
    assert refused.value.en != refused.value.zh
    assert "my_case" not in {s.key for s in scenarios.all_scenarios(demo_store)}


def test_blank_lines_and_words_are_dropped_when_saved(demo_store, trainer, clock):
    scenarios.save(demo_store, trainer, small(
        opening=("  在吗 ", ""), key_points=(KeyPoint(" 打招呼 ", ("您好", " ")),
                                             KeyPoint("", ()))), clock())
    saved = scenarios.get(demo_store, "my_case")
    assert saved.opening == ("在吗",)
    assert saved.key_points == (KeyPoint("打招呼", ("您好",), ""),)


def test_a_question_from_the_problem_sheet_becomes_a_draft(demo_store, trainee, boss,
                                                          trainer, clock):
    problems.add_entry(demo_store, trainee, "2025-11-20", problems.QUESTION,
                       "这款羽绒服能机洗吗？", clock())
    problems.submit(demo_store, trainee, "2025-11-20", clock())
    entry = problems.sheet(demo_store, trainee, "2025-11-20").entries[0]
    problems.answer(demo_store, boss, entry.id, "不建议机洗，可以干洗或手洗", clock())
    question = problems.training_questions(demo_store)[0]
    draft = scenarios.from_question(question, scenarios.new_key(demo_store, "question"))
    assert draft.key == "question"
    assert draft.opening == ("这款羽绒服能机洗吗？",)
    assert draft.key_points[0].tip == "不建议机洗，可以干洗或手洗"
    assert "xiaoman" in draft.persona
    with pytest.raises(Refused, match="关键词"):      # the trainer adds the words first
        scenarios.save(demo_store, trainer, draft, clock())
    point = dataclasses.replace(draft.key_points[0], words=("干洗", "手洗"))
    scenarios.save(demo_store, trainer, dataclasses.replace(draft, key_points=(point,)), clock())
    assert scenarios.new_key(demo_store, "question") == "question_2"
