"""Practice results in the real store: only the scores, read by trainers and supervisors
for everybody and by an agent for themselves; the class view's trend; its XLSX export."""

import json

import openpyxl
import pytest

from training.scenario_helpers import GOOD_SCRIPT, START, UNPAID
from workbench import accounts
from workbench.changes import Refused
from workbench.training import play, results, typing_speed


def played_card(trainee, script=GOOD_SCRIPT, start=START):
    played = play.replay(UNPAID, play.parse_script(script), start, trainee.name)
    return play.scorecard(UNPAID, played, trainee=trainee.name)


@pytest.fixture
def ajie(demo_store):
    return accounts.by_name(demo_store, "ajie")


def test_a_session_keeps_its_scores_and_nothing_of_the_conversation(demo_store, trainee,
                                                                     clock):
    card = played_card(trainee)
    changes = results.record_session(demo_store, trainee, card, clock())
    assert changes.training_results == {trainee.id}
    (record,) = results.sessions(demo_store, trainee)
    assert (record.scenario_key, record.score, record.checklist_score) == ("pay_test", 77.1, 87.5)
    assert (record.points_hit, record.points_total, record.within_time) == (2, 3, 1)
    assert record.missed_points == ["关联推荐"]
    assert record.failed_rules == ["recommend", "review_invite"]
    stored = json.loads(record.card)
    assert set(stored) == {"checklist", "points", "duration_s"}
    assert "花呗" not in record.card                  # no message text is kept


def test_the_trend_compares_the_latest_sessions_with_those_before():
    assert results.trend([]) is None and results.trend([50]) is None
    assert results.trend([50, 70]) == 20
    assert results.trend([50, 60, 70]) == 10          # the last one against the one before
    assert results.trend([40, 50, 60, 70, 80, 90]) == 30
    assert results.trend([90, 80, 70, 60]) == -20


def test_the_class_view_lists_agents_with_their_sessions_trend_and_typing(
        demo_store, trainee, trainer, ajie, clock):
    for n, script in enumerate(("+40 你好", GOOD_SCRIPT)):
        card = played_card(trainee, script, START + n * 600)
        results.record_session(demo_store, trainee, card, clock())
    passage = typing_speed.passages()[0]
    typing_speed.record(demo_store, ajie, typing_speed.measure(
        passage, passage.text, START, START + 60), clock())
    report = {row.name: row for row in results.class_report(demo_store, trainer)}
    assert set(report) == {"xiaoman", "ajie"}         # the agents (nobody else has results)
    first, second = (r.score for r in results.sessions(demo_store, trainer, "xiaoman"))
    mine = report["xiaoman"]
    assert (mine.sessions, mine.latest, mine.best) == (2, second, second)
    assert first < 50 < second and mine.trend == round(second - first, 1)
    assert report["ajie"].sessions == 0 and report["ajie"].typing_speed == len(passage.text)


def test_an_agent_reads_only_their_own_results(demo_store, trainee, ajie, boss, clock):
    results.record_session(demo_store, ajie, played_card(ajie), clock())
    results.record_session(demo_store, trainee, played_card(trainee), clock())
    assert [r.trainee_name for r in results.sessions(demo_store, trainee)] == ["xiaoman"]
    assert [r.name for r in results.class_report(demo_store, trainee)] == ["xiaoman"]
    with pytest.raises(Refused, match="只能查看自己的练习成绩"):
        results.sessions(demo_store, trainee, "ajie")
    assert len(results.sessions(demo_store, boss)) == 2


def test_the_class_view_exports_to_xlsx(demo_store, trainee, trainer, clock, tmp_path):
    results.record_session(demo_store, trainee, played_card(trainee), clock(), results.SCRIPT)
    path = tmp_path / "class.xlsx"
    assert results.export_xlsx(demo_store, trainer, path) == 1
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["学员", "练习记录", "打字测试"]
    trainees = list(book["学员"].values)
    assert trainees[0] == results.CLASS_HEADER
    assert ("小满", "xiaoman", 1, 77.1, 77.1, 77.1) == trainees[1][:6]
    session = list(book["练习记录"].values)[1]
    assert session[2:] == ("付款练习", 77.1, 87.5, "2/3", "是", "脚本回放", "关联推荐")
