"""The typing test on an injected clock: characters per minute and accuracy against the
standard of 60 字/分钟."""

import pytest

from workbench.changes import Refused
from workbench.training import typing_speed
from workbench.training.typing_speed import Passage

PASSAGE = Passage("t", "测试", "您好，欢迎光临本店。")   # 10 characters


def test_speed_counts_correct_characters_a_minute():
    result = typing_speed.measure(PASSAGE, "您好，欢迎光临本店。", 100.0, 110.0)
    assert (result.typed, result.correct, result.accuracy) == (10, 10, 1.0)
    assert result.speed == 60.0 and result.passed              # exactly the standard
    slower = typing_speed.measure(PASSAGE, "您好，欢迎光临本店。", 100.0, 112.0)
    assert slower.speed == 50.0 and not slower.passed


def test_mistakes_cost_accuracy_and_speed_and_spaces_do_not_count():
    result = typing_speed.measure(PASSAGE, "您好 ，欢迎光林本店。\n", 0.0, 6.0)
    assert (result.typed, result.correct) == (10, 9)
    assert result.accuracy == 0.9 and result.speed == 90.0
    half = typing_speed.measure(PASSAGE, "您好，欢迎", 0.0, 5.0)
    assert (half.typed, half.correct, half.accuracy, half.speed) == (5, 5, 1.0, 60.0)


def test_nothing_typed_or_no_time_is_refused():
    with pytest.raises(Refused, match="还没有输入"):
        typing_speed.measure(PASSAGE, "  ", 0.0, 5.0)
    with pytest.raises(Refused, match="大于 0 秒"):
        typing_speed.measure(PASSAGE, "您好", 5.0, 5.0)


def test_the_shipped_passages_are_ours_and_long_enough():
    passages = typing_speed.passages()
    assert len(passages) >= 3 and all(len(p.text) >= 80 for p in passages)
    assert typing_speed.passage(passages[0].key) == passages[0]


def test_results_are_kept_and_read_by_their_owner(demo_store, trainee, clock):
    result = typing_speed.measure(PASSAGE, PASSAGE.text, 0.0, 8.0)
    typing_speed.record(demo_store, trainee, result, clock())
    (kept,) = typing_speed.results(demo_store, trainee)
    assert (kept.agent, kept.speed, kept.accuracy, kept.passed) == ("小满", 75.0, 1.0, True)


def test_an_implausible_speed_is_refused_and_never_recorded(demo_store, trainee, clock):
    # 10 characters in 2 seconds is 300 a minute: the ceiling itself is accepted.
    assert typing_speed.measure(PASSAGE, PASSAGE.text, 0.0, 2.0).speed == \
        typing_speed.MAX_PLAUSIBLE_CPM
    # One character typed, a wait, the rest pasted: refused, wrong characters included.
    with pytest.raises(Refused, match="超过了可信的上限"):
        typing_speed.measure(PASSAGE, PASSAGE.text, 0.0, 1.9)
    with pytest.raises(Refused, match="超过了可信的上限"):
        typing_speed.measure(PASSAGE, "错" * 10, 0.0, 1.0)
    # The store takes no such result, however it was made (the audit's 2120 字/分钟).
    pasted = typing_speed.TypingResult("t", 0.0, 3.0, 106, 106, 1.0, 2120.0)
    with pytest.raises(Refused, match="不予记录"):
        typing_speed.record(demo_store, trainee, pasted, clock())
    with pytest.raises(Refused, match="不完整"):
        typing_speed.record(demo_store, trainee, pasted.__class__("t", 0.0, 0.0, 1, 1, 1.0, 1.0),
                            clock())
    assert typing_speed.results(demo_store, trainee) == []
