"""The simulated buyer's branches, scripted replays on a simulated clock, and the
scorecard: the checklist plus the scenario's key points, with what to improve."""

import dataclasses

import pytest

from training.scenario_helpers import ADDRESS, GOOD_SCRIPT, START, UNPAID
from workbench import standards
from workbench.filereader import FileRefused
from workbench.training import play
from workbench.training.scenarios import Branch


def replay(script: str, scenario=UNPAID):
    played = play.replay(scenario, play.parse_script(script), START, "xiaoman")
    return played, play.scorecard(scenario, played, trainee="xiaoman")


def seconds(played):
    return [(round(line.at - START), line.sender) for line in played.transcript.lines]


def test_each_branch_answers_once_in_order_then_the_defaults_then_nothing():
    buyer = play.Buyer(UNPAID)
    assert buyer.respond("您好，有什么顾虑吗？").reply == "怕买大了"
    assert buyer.respond("还有什么顾虑吗").reply == "嗯"          # that branch is used up
    assert buyer.respond("能退换").reply == "那还行"
    assert buyer.respond("好的").reply == "好"
    assert buyer.respond("好的") is None                          # nothing left to say
    paying = buyer.respond("花呗也可以")
    assert (paying.reply, paying.pays, paying.ends) == ("那我现在付", True, False)


def test_the_first_matching_branch_wins_and_words_match_as_people_write_them():
    scenario = dataclasses.replace(UNPAID, branches=(
        Branch(("m码",), "那就M码"), Branch(("码",), "哪个码")))
    buyer = play.Buyer(scenario)
    assert buyer.respond("建议您拍Ｍ码").reply == "那就M码"        # full-width, upper case
    assert buyer.respond("这个码").reply == "哪个码"


def test_after_an_ending_branch_the_buyer_says_no_more():
    buyer = play.Buyer(UNPAID)
    assert buyer.respond("核对一下地址").ends
    assert buyer.respond("还有问题吗") is None


def test_a_script_line_is_sent_its_seconds_after_the_buyers_last_message():
    lines = play.parse_script("+10 您好\n\n# a comment\n在的\n+2.5 好")
    assert [(line.seconds, line.text, line.number) for line in lines] == [
        (10.0, "您好", 1), (play.DEFAULT_REPLY_S, "在的", 4), (2.5, "好", 5)]
    played, _ = replay(GOOD_SCRIPT)
    assert seconds(played) == [
        (0, "buyer"), (3, "buyer"),
        (13, "agent"), (28, "buyer"),       # the buyer answers 15 s after the agent
        (48, "agent"), (63, "buyer"),
        (78, "agent"), (93, "buyer"),
        (113, "agent"), (128, "buyer"),
        (138, "agent")]                     # the buyer has said all: no answer
    assert played.within_time and played.ended_at == START + 138
    assert played.transcript.orders[0].paid_at == START + 93      # the paying branch


def test_with_no_answer_the_next_line_counts_from_the_agents_own():
    played, _ = replay("+10 谢谢\n+10 谢谢\n+10 谢谢\n+10 谢谢")
    # Two default answers, then the buyer is silent.
    assert seconds(played)[2:] == [(13, "agent"), (28, "buyer"), (38, "agent"), (53, "buyer"),
                                   (63, "agent"), (73, "agent")]


@pytest.mark.parametrize(("script", "row"), [("+x 您好", 1), ("您好\n+5", 2), ("# only", 1)])
def test_a_bad_script_is_refused_naming_the_line(script, row):
    with pytest.raises(FileRefused) as refused:
        play.parse_script(script)
    assert refused.value.row == (None if script.startswith("#") else row)


def test_a_good_session_scores_the_checklist_and_the_key_points(tmp_path):
    played, card = replay(GOOD_SCRIPT)
    results = {rule: r.result for rule, r in card.verdict.results.items()}
    assert results["first_reply_30s"] == results["reply_3min"] == results["wait_120s"] == "pass"
    assert results["verify_address"] == "pass"        # paid during the session, address said
    assert results["recommend"] == results["review_invite"] == "fail"
    assert results["goodbye"] == "pass"
    assert results["no_exclamation_on_objection"] == "na"
    # Applicable weights 80, passed 70 (recommend 5 and review_invite 5 failed).
    assert card.verdict.score == 87.5
    assert [(p.label, p.covered) for p in card.points] == [
        ("问出原因", True), ("给出付款办法", True), ("关联推荐", False)]
    assert [played.transcript.lines[n].text for n in card.points[1].evidence] == ["可以用花呗分期"]
    assert card.score == round(0.5 * 87.5 + 0.5 * 200 / 3, 1) == 77.1
    improve = card.improvements()
    assert improve[0] == "要点“关联推荐”没有做到：顺带推荐一件搭配的"
    assert any(line.startswith("按规范做到“关联推荐”") for line in improve)
    assert len(improve) == 3


def test_timing_rules_run_on_the_simulated_clock():
    _, card = replay("+40 您好，有什么顾虑吗\n+130 不合适可以退换\n+200 可以用花呗",
                     dataclasses.replace(UNPAID, time_limit_s=900))
    results = card.verdict.results
    assert results["first_reply_30s"].result == "fail"
    assert card.verdict.evidence_times("first_reply_30s") == [START, START + 43]
    assert results["wait_120s"].result == "fail"
    assert results["reply_3min"].result == "fail"
    # The round answered after 200 s, and the buyer's last answer, never replied to.
    assert card.verdict.evidence_times("reply_3min") == [START + 203, START + 403, START + 418]


def test_lines_past_the_time_limit_are_never_sent():
    played, card = replay("+10 您好\n+100 有什么顾虑吗\n+200 可以用花呗")
    assert not played.within_time
    assert played.ended_at == START + UNPAID.time_limit_s
    assert [line.text for line in played.transcript.lines if line.sender == "agent"] == [
        "您好", "有什么顾虑吗"]
    assert card.improvements()[-1] == "在 5 分钟的时限内完成接待。"
    assert not card.points[1].covered


def test_without_payment_the_address_rule_does_not_apply_and_rude_words_fail():
    _, card = replay("+5 你好！\n+5 难道你自己不会看吗")
    results = card.verdict.results
    assert results["verify_address"].result == "na"
    assert results["polite_address"].result == "fail"
    assert results["no_rhetorical"].result == "fail"
    assert card.verdict.score is not None and card.score < 50


def test_the_scorecard_as_json_carries_the_qa_check_shape_and_the_key_points():
    _, card = replay(GOOD_SCRIPT)
    data = card.as_json(with_lines=True)
    assert set(data["checklist"]) == {"conversation", "agent", "score", "rules"}
    assert data["checklist"]["rules"]["verify_address"]["result"] == "pass"
    assert data["key_points"][2] == {"label": "关联推荐", "covered": False, "evidence": [],
                                     "tip": "顺带推荐一件搭配的"}
    assert (data["points_hit"], data["points_total"], data["score"]) == (2, 3, 77.1)
    assert data["lines"][-1]["text"] == "谢谢您，今天发货，有问题随时联系"
    assert f"跟您核对一下地址：{ADDRESS}" in [line["text"] for line in data["lines"]]


def test_the_teams_standard_is_applied(demo_store):
    standard = dataclasses.replace(standards.DEFAULT_STANDARD, banned_words=("运费险",))
    played, _ = replay(GOOD_SCRIPT)
    card = play.scorecard(UNPAID, played, standard)
    assert card.verdict.results["banned_words"].result == "fail"
