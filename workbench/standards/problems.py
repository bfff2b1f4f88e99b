"""The daily problem sheet (问题单反馈表): each agent writes down the problems met and
the buyers' questions they could not answer, submits the sheet at the end of the day,
and the supervisor collects the day's sheets (汇总), answers the questions and exports
them to XLSX.

The questions nobody could answer are the raw material of new training scenarios:
:func:`training_questions` returns them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.store import Store, events
from workbench.store import standards as rows

PROBLEM, QUESTION = "problem", "question"
KINDS = {PROBLEM: "遇到的问题", QUESTION: "没答上的问题"}
TEXT_CHARS = 500
EXPORT_HEADER = ("日期", "客服", "类型", "内容", "主管解答", "提交时间", "汇总时间")


@dataclass(frozen=True)
class Entry:
    id: int
    sheet_id: int
    kind: str
    text: str
    answer: str
    created_at: float

    @property
    def kind_name(self) -> str:
        return KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Sheet:
    id: int | None              # None: nothing written that day yet
    agent_id: int
    agent_name: str
    day: str
    submitted_at: float | None
    collected_at: float | None
    collected_by: int | None
    entries: tuple[Entry, ...] = ()

    @property
    def state_name(self) -> str:
        if self.collected_at is not None:
            return "已汇总"
        return "已提交" if self.submitted_at is not None else "填写中"


@dataclass(frozen=True)
class Question:
    """A buyer's question an agent could not answer, as training material."""

    text: str
    answer: str
    agent: str
    day: str


def _sheet(row, entries) -> Sheet:
    return Sheet(**dict(row), entries=tuple(entries))


def sheet(store: Store, agent, day: str) -> Sheet:
    """The agent's sheet of that day (empty if nothing is written yet)."""
    row = rows.problem_sheet(store, agent.id, day)
    if row is None:
        return Sheet(None, agent.id, agent.name, day, None, None, None)
    return _sheet(row, (Entry(**dict(e)) for e in rows.problem_entries(store, [row["id"]])))


def sheets(store: Store, viewer, first_day: str | None = None, last_day: str | None = None,
           agent_id: int | None = None) -> list[Sheet]:
    """Sheets newest day first: every agent's for a supervisor, one's own otherwise."""
    if viewer is None or not viewer.active:
        raise Refused("请先登录。", "Please sign in first.")
    if not permissions.allowed(viewer.role, permissions.INSPECT_CONVERSATIONS):
        if agent_id is not None and agent_id != viewer.id:
            raise Refused("只能查看自己的问题单。", "You may read only your own problem sheets.")
        agent_id = viewer.id
    found = rows.problem_sheets(store, first_day, last_day, agent_id)
    entries: dict[int, list[Entry]] = {}
    for row in rows.problem_entries(store, [r["id"] for r in found]):
        entries.setdefault(row["sheet_id"], []).append(Entry(**dict(row)))
    return [_sheet(row, entries.get(row["id"], ())) for row in found]


def _own_open_sheet(store: Store, agent, day: str) -> int:
    row = rows.problem_sheet(store, agent.id, day)
    if row is None:
        return rows.insert_problem_sheet(store, agent.id, day)
    if row["collected_at"] is not None:
        raise Refused("这天的问题单主管已经汇总，不能再修改。",
                      "The supervisor has collected this day's sheet; it can no longer change.")
    return row["id"]


def add_entry(store: Store, agent, day: str, kind: str, text: str, now: float) -> Changes:
    """Write a problem or an unanswered question on one's own sheet of ``day``."""
    if kind not in KINDS:
        raise Refused(f"问题类型只能是 {'、'.join(KINDS.values())}。",
                      "The kind is a problem or a question.")
    text = text.strip()
    if not text:
        raise Refused("请写下问题的内容。", "Write what the problem or question was.")
    if len(text) > TEXT_CHARS:
        raise Refused(f"每条最多 {TEXT_CHARS} 个字。", f"At most {TEXT_CHARS} characters each.")
    with store.transaction():
        sheet_id = _own_open_sheet(store, agent, day)
        entry_id = rows.insert_problem_entry(store, sheet_id, kind, text, now)
        events.record(store, now, agent.id, "problem.add", f"problem_sheet:{sheet_id}",
                      {"entry": entry_id, "kind": kind, "text": text})
    return Changes(problem_sheets=frozenset({sheet_id}))


def _entry_and_sheet(store: Store, entry_id: int):
    entry = rows.problem_entry(store, entry_id)
    if entry is None:
        raise Refused("这一条已不存在。", "This entry no longer exists.")
    return entry, rows.problem_sheet_by_id(store, entry["sheet_id"])


def remove_entry(store: Store, agent, entry_id: int, now: float) -> Changes:
    with store.transaction():
        entry, owner = _entry_and_sheet(store, entry_id)
        if owner["agent_id"] != agent.id:
            raise Refused("只能删除自己问题单上的条目。", "You may remove only your own entries.")
        _own_open_sheet(store, agent, owner["day"])
        rows.delete_problem_entry(store, entry_id)
        events.record(store, now, agent.id, "problem.remove", f"problem_sheet:{owner['id']}",
                      {"entry": entry_id, "text": entry["text"]})
    return Changes(problem_sheets=frozenset({owner["id"]}))


def submit(store: Store, agent, day: str, now: float) -> Changes:
    """Hand the day's sheet to the supervisor (it can still be added to until collected)."""
    with store.transaction():
        current = sheet(store, agent, day)
        if not current.entries:
            raise Refused("问题单还是空的：没有问题也可以写一条“无”。",
                          "The sheet is empty: write one line, even if it is “none”.")
        if current.collected_at is not None:
            raise Refused("这天的问题单主管已经汇总。", "The supervisor has already collected it.")
        rows.submit_problem_sheet(store, current.id, now)
        events.record(store, now, agent.id, "problem.submit", f"problem_sheet:{current.id}", {})
    return Changes(problem_sheets=frozenset({current.id}))


def collect(store: Store, by, day: str, now: float) -> Changes:
    """The supervisor collects (汇总) the day's submitted sheets."""
    permissions.require(by, permissions.INSPECT_CONVERSATIONS)
    with store.transaction():
        collected = rows.collect_problem_sheets(store, day, by.id, now)
        if not collected:
            raise Refused(f"{day} 没有待汇总的问题单。",
                          f"No submitted sheet to collect for {day}.")
        events.record(store, now, by.id, "problem.collect", f"problem_day:{day}",
                      {"sheets": collected})
    return Changes(problem_sheets=frozenset(collected))


def answer(store: Store, by, entry_id: int, text: str, now: float) -> Changes:
    """The supervisor writes the answer the team should give (for training too)."""
    permissions.require(by, permissions.INSPECT_CONVERSATIONS)
    text = text.strip()
    with store.transaction():
        entry, owner = _entry_and_sheet(store, entry_id)
        if entry["answer"] == text:
            return Changes()
        rows.set_problem_answer(store, entry_id, text)
        events.record(store, now, by.id, "problem.answer", f"problem_sheet:{owner['id']}",
                      {"entry": entry_id, "answer": text})
    return Changes(problem_sheets=frozenset({owner["id"]}))


def export_xlsx(store: Store, by, path: Path, first_day: str | None = None,
                last_day: str | None = None) -> int:
    """The submitted sheets of the days as one XLSX sheet (one row per entry); how many
    rows were written."""
    from workbench import timefmt
    from workbench.filewriter import XlsxBook

    permissions.require(by, permissions.INSPECT_CONVERSATIONS)
    book = XlsxBook()
    book.sheet("问题单反馈表", EXPORT_HEADER, (12, 12, 14, 50, 40, 18, 18))
    count = 0
    for found in sheets(store, by, first_day, last_day):
        if found.submitted_at is None:
            continue
        for entry in found.entries:
            book.append([found.day, found.agent_name, entry.kind_name, entry.text, entry.answer,
                         timefmt.minute(found.submitted_at),
                         timefmt.minute(found.collected_at) if found.collected_at else ""])
            count += 1
    book.save(path)
    return count


def training_questions(store: Store, first_day: str | None = None,
                       last_day: str | None = None) -> list[Question]:
    """The buyers' questions agents could not answer, from submitted sheets, oldest day
    first: material for new training scenarios (with the supervisor's answer, if any)."""
    found = rows.problem_sheets(store, first_day, last_day, None)
    submitted = {row["id"]: row for row in found if row["submitted_at"] is not None}
    questions = [Question(row["text"], row["answer"], submitted[row["sheet_id"]]["agent_name"],
                          submitted[row["sheet_id"]]["day"])
                 for row in rows.problem_entries(store, list(submitted))
                 if row["kind"] == QUESTION]
    return sorted(questions, key=lambda q: q.day)
