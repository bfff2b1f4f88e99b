"""The daily problem sheet (问题单反馈表) is filled by each agent, submitted, collected by
the supervisor, answered, exported to XLSX, and its questions handed on as training
material."""

import openpyxl
import pytest

from workbench import accounts
from workbench.changes import Refused
from workbench.standards import problems

D, D1 = "2025-11-20", "2025-11-21"


@pytest.fixture
def people(demo_store):
    return (accounts.by_name(demo_store, "wang"), accounts.by_name(demo_store, "xiaoman"),
            accounts.by_name(demo_store, "ajie"))


def test_an_agent_fills_and_submits_the_days_sheet(demo_store, people, clock):
    _, xiaoman, _ = people
    assert problems.sheet(demo_store, xiaoman, D).entries == ()
    with pytest.raises(Refused, match="还是空的"):
        problems.submit(demo_store, xiaoman, D, clock())
    problems.add_entry(demo_store, xiaoman, D, problems.PROBLEM, "赠品库存不够，买家问了三次",
                       clock())
    problems.add_entry(demo_store, xiaoman, D, problems.QUESTION, "羊绒和羊毛混纺能机洗吗",
                       clock())
    with pytest.raises(Refused, match="内容"):
        problems.add_entry(demo_store, xiaoman, D, problems.QUESTION, "   ", clock())
    sheet = problems.sheet(demo_store, xiaoman, D)
    assert [(e.kind_name, e.text) for e in sheet.entries] == [
        ("遇到的问题", "赠品库存不够，买家问了三次"), ("没答上的问题", "羊绒和羊毛混纺能机洗吗")]
    assert sheet.state_name == "填写中"
    problems.submit(demo_store, xiaoman, D, clock())
    assert problems.sheet(demo_store, xiaoman, D).state_name == "已提交"


def test_an_agent_reads_and_changes_only_their_own_sheets(demo_store, people, clock):
    _, xiaoman, ajie = people
    problems.add_entry(demo_store, xiaoman, D, problems.QUESTION, "能开专票吗", clock())
    (entry,) = problems.sheet(demo_store, xiaoman, D).entries
    with pytest.raises(Refused, match="自己问题单"):
        problems.remove_entry(demo_store, ajie, entry.id, clock())
    with pytest.raises(Refused, match="只能查看自己"):
        problems.sheets(demo_store, ajie, agent_id=xiaoman.id)
    assert problems.sheets(demo_store, ajie) == []
    with pytest.raises(Refused, match="只有主管"):
        problems.collect(demo_store, xiaoman, D, clock())
    problems.remove_entry(demo_store, xiaoman, entry.id, clock())
    assert problems.sheet(demo_store, xiaoman, D).entries == ()


def test_the_supervisor_collects_answers_and_exports(demo_store, people, clock, tmp_path):
    wang, xiaoman, ajie = people
    problems.add_entry(demo_store, xiaoman, D, problems.QUESTION, "=能开专票吗", clock())
    problems.add_entry(demo_store, ajie, D, problems.PROBLEM, "系统卡顿", clock())
    problems.add_entry(demo_store, ajie, D1, problems.QUESTION, "偏远地区包邮吗", clock())
    problems.submit(demo_store, xiaoman, D, clock())
    problems.submit(demo_store, ajie, D, clock())
    with pytest.raises(Refused, match="没有待汇总"):
        problems.collect(demo_store, wang, D1, clock())     # 阿杰 has not submitted D+1
    changes = problems.collect(demo_store, wang, D, clock())
    assert len(changes.problem_sheets) == 2
    assert {s.state_name for s in problems.sheets(demo_store, wang, D, D)} == {"已汇总"}
    with pytest.raises(Refused, match="已经汇总"):
        problems.add_entry(demo_store, xiaoman, D, problems.PROBLEM, "补一条", clock())
    question = problems.sheet(demo_store, xiaoman, D).entries[0]
    problems.answer(demo_store, wang, question.id, "可以，下单后留言税号", clock())
    path = tmp_path / "问题单.xlsx"
    assert problems.export_xlsx(demo_store, wang, path, D, D1) == 2   # D+1 not submitted
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0] == problems.EXPORT_HEADER
    assert sorted(r[:5] for r in rows[1:]) == [
        (D, "ajie", "遇到的问题", "系统卡顿", None),
        (D, "xiaoman", "没答上的问题", "=能开专票吗", "可以，下单后留言税号")]
    cell = next(c for c in openpyxl.load_workbook(path).active["D"] if c.value == "=能开专票吗")
    assert cell.data_type == "s"                              # text, never a formula


def test_unanswered_questions_are_training_material(demo_store, people, clock):
    wang, xiaoman, ajie = people
    problems.add_entry(demo_store, xiaoman, D1, problems.QUESTION, "孕妇能穿吗", clock())
    problems.add_entry(demo_store, ajie, D, problems.QUESTION, "能寄到国外吗", clock())
    problems.add_entry(demo_store, ajie, D, problems.PROBLEM, "打印机坏了", clock())
    problems.add_entry(demo_store, ajie, D1, problems.QUESTION, "还没提交的", clock())
    for agent, day in ((xiaoman, D1), (ajie, D)):
        problems.submit(demo_store, agent, day, clock())
    found = problems.training_questions(demo_store)
    assert [(q.day, q.agent, q.text) for q in found] == [
        (D, "ajie", "能寄到国外吗"), (D1, "xiaoman", "孕妇能穿吗")]
    assert [q.text for q in problems.training_questions(demo_store, D1, D1)] == ["孕妇能穿吗"]
