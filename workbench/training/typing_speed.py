"""The typing test (打字测试): copy a passage written by us, measured in Chinese
characters per minute and accuracy against the course's standard of 60 字/分钟.

Counting (docs/training.md): whitespace is not counted; ``typed`` is every other
character typed, ``correct`` the characters that line up with the passage (the longest
matching runs, in order); accuracy = correct ÷ typed; speed = correct ÷ minutes, so every
wrong character costs speed. The standard is met at 60 correct characters a minute.

A result typed faster than ``MAX_PLAUSIBLE_CPM`` characters a minute is refused, by
:func:`measure` and again by :func:`record`: nobody types that fast, so the text came
from somewhere else (pasted, dropped) and the figure would measure nothing.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from workbench.changes import Changes, Refused
from workbench.filereader import read_text
from workbench.paths import RESOURCES
from workbench.store import Store, events
from workbench.store import training as rows

PASSAGES_FILE = RESOURCES / "training" / "typing.json"
STANDARD_CPM = 60.0
# Above the fastest keyboard typists of Chinese (competition 五笔 typists reach about
# 200 a minute): a faster result did not come from typing.
MAX_PLAUSIBLE_CPM = 300.0
_SPACES = dict.fromkeys(map(ord, " \t\r\n\u3000"), None)


@dataclass(frozen=True)
class Passage:
    key: str
    title: str
    text: str


def passages(path: Path = PASSAGES_FILE) -> list[Passage]:
    return [Passage(p["key"], p["title"], p["text"]) for p in json.loads(read_text(path))]


def passage(key: str) -> Passage:
    found = next((p for p in passages() if p.key == key), None)
    if found is None:
        raise Refused(f"没有打字材料 {key}。", f"There is no typing passage {key}.")
    return found


@dataclass(frozen=True)
class TypingResult:
    passage_key: str
    started_at: float
    seconds: float
    typed: int
    correct: int
    accuracy: float       # 0–1
    speed: float          # correct characters per minute

    @property
    def passed(self) -> bool:
        return self.speed >= STANDARD_CPM


@dataclass(frozen=True)
class TypingRecord(TypingResult):
    id: int = 0
    agent_id: int = 0
    agent_name: str = ""
    agent_display: str = ""

    @property
    def agent(self) -> str:
        return self.agent_display or self.agent_name


def measure(source: Passage, typed: str, started_at: float, finished_at: float) -> TypingResult:
    """Score what was typed against the passage, timed from the first keystroke."""
    seconds = round(finished_at - started_at, 1)
    wanted, written = source.text.translate(_SPACES), typed.translate(_SPACES)
    if not written:
        raise Refused("还没有输入内容。", "Nothing was typed.")
    if seconds <= 0:
        raise Refused("用时必须大于 0 秒。", "The time taken must be more than 0 seconds.")
    matcher = difflib.SequenceMatcher(None, wanted, written, autojunk=False)
    correct = sum(block.size for block in matcher.get_matching_blocks())
    result = TypingResult(source.key, started_at, seconds, len(written), correct,
                          round(correct / len(written), 4), round(correct * 60 / seconds, 1))
    check_plausible(result)
    return result


def check_plausible(result: TypingResult) -> None:
    """Refuse a result no typist could have typed: more than ``MAX_PLAUSIBLE_CPM``
    characters a minute (every character entered counts, right or wrong), or figures that
    do not add up."""
    if result.seconds <= 0 or result.typed <= 0 or not 0 <= result.correct <= result.typed:
        raise Refused("打字测试结果不完整，不予记录。",
                      "The typing test result is incomplete and was not recorded.")
    rate = result.typed * 60 / result.seconds
    if rate > MAX_PLAUSIBLE_CPM or result.speed > MAX_PLAUSIBLE_CPM:
        raise Refused(
            f"每分钟 {rate:.0f} 字，超过了可信的上限（每分钟 {MAX_PLAUSIBLE_CPM:g} 字），"
            "不予记录：文字不是逐字输入的（例如粘贴）。请重新逐字输入。",
            f"{rate:.0f} characters a minute is above the plausible limit of "
            f"{MAX_PLAUSIBLE_CPM:g}, so it was not recorded: the text was not typed (pasted, "
            "say). Please type it again.")


def record(store: Store, agent, result: TypingResult, now: float) -> Changes:
    """Keep one's own typing test (an implausible result is refused)."""
    if agent is None or not agent.active:
        raise Refused("请先登录。", "Please sign in first.")
    check_plausible(result)
    values = {"agent_id": agent.id, "passage_key": result.passage_key,
              "started_at": result.started_at, "seconds": result.seconds,
              "typed": result.typed, "correct": result.correct, "accuracy": result.accuracy,
              "speed": result.speed}
    with store.transaction():
        test_id = rows.insert_typing_test(store, values)
        events.record(store, now, agent.id, "training.typing", f"typing_test:{test_id}",
                      {"speed": result.speed, "accuracy": result.accuracy})
    return Changes(training_results=frozenset({agent.id}))


def results(store: Store, viewer, agent: str | None = None, since: float | None = None,
            until: float | None = None) -> list[TypingRecord]:
    """The typing tests ``viewer`` may read, oldest first."""
    from workbench.training.results import visible_trainee

    agent_id = visible_trainee(store, viewer, agent)
    return [TypingRecord(**dict(row)) for row in rows.typing_tests(store, agent_id, since, until)]
