import io
import json

import pytest

from workbench import accounts, cli
from workbench.accounts import passwords, permissions
from workbench.changes import Refused
from workbench.store import people


def test_the_first_account_is_a_supervisor_and_later_ones_need_one(store, clock):
    boss = accounts.create(store, "boss", "agent", "secret-1", clock())
    assert boss.role == "supervisor"
    with pytest.raises(Refused, match="只有主管"):
        accounts.create(store, "amy", "agent", "secret-2", clock(), by=None)
    amy = accounts.create(store, "amy", "agent", "secret-2", clock(), by=boss,
                          display_name="艾米")
    assert (amy.role, amy.signature) == ("agent", "艾米")
    with pytest.raises(Refused, match="只有主管"):
        accounts.create(store, "bob", "agent", "secret-3", clock(), by=amy)
    with pytest.raises(Refused, match="已存在"):
        accounts.create(store, "amy", "trainer", "secret-4", clock(), by=boss)


def test_passwords_are_kept_only_as_salted_scrypt_hashes(store, clock):
    boss = accounts.create(store, "boss", "supervisor", "same-password", clock())
    amy = accounts.create(store, "amy", "agent", "same-password", clock(), by=boss)
    stored = [people.agent_password_hash(store, a.id) for a in (boss, amy)]
    assert all(s.startswith("scrypt$") and "same-password" not in s for s in stored)
    assert stored[0] != stored[1]  # a salt per account


def test_wrong_password_is_refused_and_the_right_one_signs_in(store, clock):
    accounts.create(store, "boss", "supervisor", "right-one", clock())
    with pytest.raises(Refused, match="账号或密码不正确"):
        accounts.log_in(store, "boss", "wrong-one", clock())
    with pytest.raises(Refused, match="账号或密码不正确"):
        accounts.log_in(store, "nobody", "right-one", clock())
    assert accounts.current(store) is None
    assert accounts.log_in(store, "boss", "right-one", clock()).name == "boss"
    assert accounts.current(store).name == "boss"


def test_demo_accounts_sign_in_without_password_until_one_is_set(demo_store, clock):
    wang = accounts.by_name(demo_store, "wang")
    assert accounts.is_demo(demo_store, wang)
    assert accounts.log_in(demo_store, "wang", "", clock()).name == "wang"
    accounts.set_password(demo_store, "wang", "now-real", wang, clock())
    assert not accounts.is_demo(demo_store, wang)
    with pytest.raises(Refused):
        accounts.log_in(demo_store, "wang", "", clock())


def test_only_supervisors_set_other_peoples_passwords_and_disable_accounts(demo_store, clock):
    xiaoman = accounts.by_name(demo_store, "xiaoman")
    wang = accounts.by_name(demo_store, "wang")
    accounts.set_password(demo_store, "xiaoman", "mine-only", xiaoman, clock())
    with pytest.raises(Refused, match="只有主管"):
        accounts.set_password(demo_store, "ajie", "not-mine", xiaoman, clock())
    with pytest.raises(Refused, match="只有主管"):
        accounts.disable(demo_store, "ajie", xiaoman, clock())
    accounts.disable(demo_store, "ajie", wang, clock())
    with pytest.raises(Refused, match="已停用"):
        accounts.log_in(demo_store, "ajie", "", clock())
    assert "ajie" not in [a.name for a in accounts.active_agents(demo_store)]
    with pytest.raises(Refused, match="最后一个"):
        accounts.disable(demo_store, "wang", wang, clock())


def test_a_disabled_supervisor_is_granted_nothing(demo_store, clock):
    wang = accounts.by_name(demo_store, "wang")
    accounts.create(demo_store, "zhou", "supervisor", "second-boss", clock(), by=wang)
    accounts.disable(demo_store, "wang", wang, clock())
    with pytest.raises(Refused):
        permissions.require(accounts.by_name(demo_store, "wang"), permissions.READ_ALL_LOGS)


def test_imported_agents_are_locked_until_a_password_is_set(demo_store, clock):
    agent_id = accounts.ensure_agent(demo_store, "外包小李", clock())
    assert accounts.ensure_agent(demo_store, "外包小李", clock()) == agent_id
    imported = accounts.by_id(demo_store, agent_id)
    assert imported.role == "agent" and accounts.is_locked(demo_store, imported)
    with pytest.raises(Refused, match="还没有设置密码"):
        accounts.log_in(demo_store, "外包小李", "", clock())
    assert not passwords.verify("", passwords.LOCKED)


def run_cli(monkeypatch, capsys, db_path, *args, stdin="", env_password=None):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    if env_password is not None:
        monkeypatch.setenv("WORKBENCH_PASSWORD", env_password)
    else:
        monkeypatch.delenv("WORKBENCH_PASSWORD", raising=False)
    status = cli.main(["--db", str(db_path), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_cli_add_list_passwd_disable(monkeypatch, capsys, db_path):
    status, out, err = run_cli(monkeypatch, capsys, db_path, "accounts", "add", "boss",
                               "--password-stdin", stdin="boss-pass\n")
    assert status == 0 and "supervisor" in out and "主管" in err
    # Nobody signed in yet: the second add must say who is acting.
    status, _, err = run_cli(monkeypatch, capsys, db_path, "accounts", "add", "amy",
                             "--password-stdin", stdin="amy-pass\n")
    assert status == 1 and "--as" in err
    status, _, err = run_cli(monkeypatch, capsys, db_path, "accounts", "add", "amy",
                             "--password-stdin", "--as", "boss", stdin="amy-pass\n",
                             env_password="wrong")
    assert status == 1 and "不正确" in err
    status, out, _ = run_cli(monkeypatch, capsys, db_path, "accounts", "add", "amy",
                             "--role", "trainer", "--password-stdin", "--as", "boss",
                             stdin="amy-pass\n", env_password="boss-pass")
    assert status == 0 and out.strip() == "amy\ttrainer"
    status, out, _ = run_cli(monkeypatch, capsys, db_path, "accounts", "list", "--json")
    listed = json.loads(out)
    assert [(a["name"], a["role"], a["password"]) for a in listed] == [
        ("boss", "supervisor", "set"), ("amy", "trainer", "set")]
    status, _, _ = run_cli(monkeypatch, capsys, db_path, "accounts", "passwd", "amy",
                           "--password-stdin", "--as", "amy", stdin="amy-new-pass\n",
                           env_password="amy-pass")
    assert status == 0
    status, _, err = run_cli(monkeypatch, capsys, db_path, "accounts", "disable", "boss",
                             "--as", "amy", env_password="amy-new-pass")
    assert status == 1 and "只有主管" in err
    status, _, _ = run_cli(monkeypatch, capsys, db_path, "accounts", "disable", "amy",
                           "--as", "boss", env_password="boss-pass")
    assert status == 0
    status, out, _ = run_cli(monkeypatch, capsys, db_path, "accounts", "list")
    assert "已停用" in out.splitlines()[1]


def test_cli_list_marks_demo_logins(monkeypatch, capsys, demo_store, db_path):
    status, out, _ = run_cli(monkeypatch, capsys, db_path, "accounts", "list")
    assert status == 0
    assert all("演示账号" in line for line in out.splitlines())


def test_cli_short_password_is_refused(monkeypatch, capsys, db_path):
    status, _, err = run_cli(monkeypatch, capsys, db_path, "accounts", "add", "boss",
                             "--password-stdin", stdin="abc\n")
    assert status == 1 and "至少" in err


@pytest.mark.parametrize(("name", "display_name", "words"), [
    ("x" * 33, "", "最多 32 个字"), ("amy", "艾" * 33, "最多 32 个字"),
    ("=HYPERLINK(1)", "", "像公式"), ("@amy", "", "像公式"),
    ("amy", "-1", "像公式"), ("amy", "+艾米", "像公式"),
])
def test_a_name_too_long_or_like_a_formula_is_refused(store, clock, name, display_name, words):
    boss = accounts.create(store, "boss", "supervisor", "secret-1", clock())
    with pytest.raises(Refused, match=words):
        accounts.create(store, name, "agent", "secret-2", clock(), by=boss,
                        display_name=display_name)
    assert [a.name for a in accounts.all_agents(store)] == ["boss"]
    assert accounts.create(store, "y" * 32, "agent", "secret-2", clock(), by=boss).name == "y" * 32
