"""Guessing passwords: five failures in fifteen minutes lock the account for a growing
while (at most fifteen minutes); everything is in the audit log. Time is a FakeClock."""

import pytest

from workbench import accounts
from workbench.accounts import passwords, signins
from workbench.changes import Refused
from workbench.store import accounts as audit
from workbench.store import events


def kinds(store, agent) -> list[str]:
    return [row["kind"] for row in events.for_subject(store, f"agent:{agent.id}")]


def fail(store, clock, name="boss", times=1) -> Refused:
    for _ in range(times):
        with pytest.raises(Refused) as refused:
            accounts.log_in(store, name, "wrong-guess", clock())
    return refused.value


@pytest.fixture
def boss(store, clock):
    return accounts.create(store, "boss", "supervisor", "right-one", clock())


def test_five_failures_lock_the_account_and_the_lock_is_not_a_password_check(
        store, clock, boss, monkeypatch):
    assert fail(store, clock, times=4).message() == "账号或密码不正确。"
    fifth = fail(store, clock)
    assert "30 秒后再试" in fifth.message() and "30 s" in fifth.message("en")

    checked = []
    monkeypatch.setattr(passwords, "verify", lambda *args: checked.append(args) or True)
    clock.advance(29)
    with pytest.raises(Refused, match="已暂时锁定，请 1 秒后再试") as locked:
        accounts.log_in(store, "boss", "right-one", clock())
    assert "locked; try again in 1 s" in locked.value.message("en")
    assert checked == []  # refused without looking at the password
    assert accounts.current(store) is None
    monkeypatch.undo()

    clock.advance(1)
    assert accounts.log_in(store, "boss", "right-one", clock()).name == "boss"
    assert kinds(store, boss) == ["account.add", *["account.login_failed"] * 5,
                                  "account.locked", "account.login_blocked", "account.login"]
    # A success starts the count again: one more failure does not lock.
    assert fail(store, clock).message() == "账号或密码不正确。"


def test_the_wait_doubles_with_each_further_failure_up_to_fifteen_minutes(store, clock, boss):
    fail(store, clock, times=5)
    waits = []
    for _ in range(7):
        until = signins.locked_until(store, f"agent:{boss.id}", clock())
        waits.append(until - clock())
        clock.advance(waits[-1])
        fail(store, clock)
    assert waits == [30, 60, 120, 240, 480, 900, 900]
    assert signins.lock_seconds(5000) == signins.LONGEST_LOCK_S
    # Fifteen quiet minutes after the lock: a fresh start.
    clock.advance(900 + 15 * 60 + 1)
    fail(store, clock, times=4)
    assert signins.locked_until(store, f"agent:{boss.id}", clock()) is None


def test_failures_older_than_fifteen_minutes_do_not_count(store, clock, boss):
    fail(store, clock, times=4)
    clock.advance(15 * 60 + 1)
    fail(store, clock, times=4)
    assert accounts.log_in(store, "boss", "right-one", clock()).name == "boss"


def test_a_new_password_from_a_supervisor_lifts_the_lock(store, clock, boss):
    amy = accounts.create(store, "amy", "agent", "amy-pass", clock(), by=boss)
    fail(store, clock, name="amy", times=5)
    with pytest.raises(Refused, match="锁定"):
        accounts.log_in(store, "amy", "amy-pass", clock())
    accounts.set_password(store, "amy", "amy-new-pass", boss, clock())
    assert accounts.log_in(store, "amy", "amy-new-pass", clock()).name == "amy"
    assert "account.passwd" in kinds(store, amy)


def test_unknown_names_are_locked_too_and_say_the_same(store, clock, boss):
    first = fail(store, clock, name="nobody")
    assert first.message() == "账号或密码不正确。"
    fail(store, clock, name="nobody", times=4)
    with pytest.raises(Refused, match="锁定"):
        accounts.log_in(store, "nobody", "anything", clock())
    # The real account is not affected by someone guessing another name.
    assert accounts.log_in(store, "boss", "right-one", clock()).name == "boss"


def test_a_disabled_account_is_refused_and_the_attempt_logged(demo_store, clock):
    wang = accounts.by_name(demo_store, "wang")
    accounts.disable(demo_store, "ajie", wang, clock())
    ajie = accounts.by_name(demo_store, "ajie")
    with pytest.raises(Refused, match="已停用") as refused:
        accounts.authenticate(demo_store, "ajie", "", clock())
    assert "disabled" in refused.value.message("en")
    assert kinds(demo_store, ajie)[-1] == audit.DISABLED


def test_the_last_active_supervisor_cannot_be_disabled(demo_store, clock):
    wang = accounts.by_name(demo_store, "wang")
    with pytest.raises(Refused, match="最后一个") as refused:
        accounts.disable(demo_store, "wang", wang, clock())
    assert "last active supervisor" in refused.value.message("en")
    assert accounts.by_name(demo_store, "wang").active


def test_the_supervisor_sees_recent_problems_newest_first(store, clock, boss):
    fail(store, clock, name="nobody")
    clock.advance(60)
    fail(store, clock, times=5)
    clock.advance(5)
    with pytest.raises(Refused):
        accounts.log_in(store, "boss", "right-one", clock())
    problems = signins.recent_problems(store, clock())
    assert [(p.kind, p.name) for p in problems[:3]] == [
        ("blocked", "boss"), ("locked", "boss"), ("failed", "boss")]
    assert problems[1].lock_s == 30
    assert (problems[-1].kind, problems[-1].name) == ("failed", "nobody")
    clock.advance(8 * 86400)
    assert signins.recent_problems(store, clock()) == []
