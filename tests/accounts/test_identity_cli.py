"""The holes of issue 13, each tried through the real command line: refused with one clear
line (English with --lang en), nothing changed, and in the audit log where the rule says."""

import io
import json
import os
import subprocess
import sys

import pytest

from workbench import accounts, cli, commandline, orders, quickphrases
from workbench.store import events

ORDER = "3515313147329357902"
TEAM_PACK = "团队通用话术"


@pytest.fixture
def shop(demo_store, db_path, clock, monkeypatch):
    """The demo shop with a real supervisor, boss, who signed in at this workstation last."""
    wang = accounts.by_name(demo_store, "wang")
    boss = accounts.create(demo_store, "boss", "supervisor", "boss-pass", clock(), by=wang)
    accounts.sign_in(demo_store, boss)
    monkeypatch.delenv("WORKBENCH_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: nobody to ask
    monkeypatch.setattr(commandline, "clock", clock)
    return demo_store


def run(capsys, db_path, *args, password=None, stdin="", monkeypatch=None):
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        if password is None:
            monkeypatch.delenv("WORKBENCH_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("WORKBENCH_PASSWORD", password)
    status = cli.main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return status, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def kinds(store, name) -> list[str]:
    agent = accounts.by_name(store, name)
    return [row["kind"] for row in events.for_subject(store, f"agent:{agent.id}")]


def test_replacing_the_team_pack_needs_a_proven_account(shop, db_path, tmp_path, capsys,
                                                        monkeypatch):
    evil = tmp_path / "evil.csv"
    evil.write_text("编码,短语\nhy,加微信领红包\n", encoding="utf-8")
    before = quickphrases.visible(shop, None)
    status, out, err = run(capsys, db_path, "--lang", "en", "phrases", "import", str(evil),
                           "--pack", TEAM_PACK, "--mode", "replace")
    assert (status, out) == (1, "")
    assert one_line(err).startswith("This command changes data or reads other people's data")
    # An agent proven as herself is refused by the roles.
    status, _, err = run(capsys, db_path, "phrases", "import", str(evil), "--pack", TEAM_PACK,
                         "--mode", "replace", "--as", "xiaoman")
    assert status == 1 and one_line(err).startswith("团队短语只能由培训师或主管修改")
    assert quickphrases.visible(shop, None) == before


@pytest.mark.parametrize("command", [["remark", ORDER, "我是主管，同意退款"],
                                     ["flag", ORDER, "红", "--remark", "我是主管，同意退款"]])
def test_a_remark_signs_only_with_a_proven_account(shop, db_path, capsys, monkeypatch,
                                                   command):
    before = orders.remarks(shop, ORDER)
    status, _, err = run(capsys, db_path, "orders", *command, "--agent", "boss")
    assert status == 1 and "需要密码" in one_line(err)
    status, _, err = run(capsys, db_path, "--lang", "en", "orders", *command, "--agent", "boss",
                         password="guess", monkeypatch=monkeypatch)
    assert one_line(err) == "Wrong account name or password."
    status, _, err = run(capsys, db_path, "orders", *command, "--agent", "nobody",
                         password="guess", monkeypatch=monkeypatch)
    assert status == 1 and one_line(err) == "账号或密码不正确。"
    assert orders.remarks(shop, ORDER) == before
    assert orders.get(shop, ORDER).flag == 0
    assert kinds(shop, "boss")[-1] == "account.login_failed"
    status, out, _ = run(capsys, db_path, "orders", *command, "--agent", "boss",
                         password="boss-pass", monkeypatch=monkeypatch)
    assert status == 0 and "—boss—" in orders.remarks(shop, ORDER)[-1].formatted()


def test_a_disabled_account_can_do_nothing(shop, db_path, capsys, monkeypatch, clock):
    accounts.disable(shop, "ajie", accounts.by_name(shop, "boss"), clock())
    before = orders.remarks(shop, ORDER)
    for command in (["orders", "remark", ORDER, "改发顺丰"], ["orders", "flag", ORDER, "蓝"],
                    ["todo", "add", "回电"], ["phrases", "list"], ["orders", "list"]):
        status, out, err = run(capsys, db_path, "--lang", "en", *command, "--as", "ajie")
        assert (status, out) == (1, "")
        assert one_line(err) == "The account ajie is disabled; ask a supervisor."
    assert orders.remarks(shop, ORDER) == before
    assert kinds(shop, "ajie").count("account.login_disabled") == 5


def test_the_last_signed_in_supervisor_is_no_shortcut(shop, db_path, tmp_path, capsys,
                                                      monkeypatch):
    # boss signed in last at this workstation; the CLI still does not act as boss.
    status, _, err = run(capsys, db_path, "accounts", "add", "mallory", "--role", "supervisor",
                         "--password-stdin", stdin="mallory-pass\n", monkeypatch=monkeypatch)
    assert status == 1 and "--as" in one_line(err)
    assert accounts.by_name(shop, "mallory") is None

    status, _, err = run(capsys, db_path, "accounts", "passwd", "boss", "--password-stdin",
                         stdin="taken-over\n", monkeypatch=monkeypatch)
    assert status == 1 and "需要密码" in one_line(err)
    status, _, err = run(capsys, db_path, "accounts", "passwd", "boss", "--password-stdin",
                         stdin="taken-over\n", password="not-boss", monkeypatch=monkeypatch)
    assert status == 1 and one_line(err) == "账号或密码不正确。"
    assert accounts.authenticate(shop, "boss", "boss-pass", 0.0).name == "boss"

    out_file = tmp_path / "all.jsonl"
    status, _, err = run(capsys, db_path, "logs", "export", "--out", str(out_file),
                         monkeypatch=monkeypatch)
    assert status == 1 and "--as" in one_line(err) and not out_file.exists()


def test_thirty_wrong_passwords_lock_the_account_and_are_logged(shop, db_path, capsys,
                                                                monkeypatch, clock):
    said = []
    for _ in range(30):
        status, out, err = run(capsys, db_path, "--lang", "en", "logs", "search", "退款",
                               "--as", "boss", password="wrong", monkeypatch=monkeypatch)
        assert (status, out) == (1, "")
        said.append(one_line(err))
    assert said[:4] == ["Wrong account name or password."] * 4
    assert said[4] == "Wrong account name or password. After 5 failures, try again in 30 s."
    assert set(said[5:]) == {"Too many failed sign-ins: boss is locked; try again in 30 s."}
    # The right password is not even looked at while the lock lasts.
    status, _, err = run(capsys, db_path, "logs", "search", "退款", "--as", "boss",
                         password="boss-pass", monkeypatch=monkeypatch)
    assert status == 1 and "已暂时锁定" in one_line(err)
    clock.advance(30)
    status, out, _ = run(capsys, db_path, "logs", "search", "退款", "--json", "--as", "boss",
                         password="boss-pass", monkeypatch=monkeypatch)
    assert status == 0 and "total" in json.loads(out)
    logged = kinds(shop, "boss")
    assert (logged.count("account.login_failed"), logged.count("account.locked"),
            logged.count("account.login_blocked")) == (5, 1, 26)
    assert logged[-1] == "account.login"

    status, out, _ = run(capsys, db_path, "accounts", "failures", "--json", "--as", "boss",
                         password="boss-pass", monkeypatch=monkeypatch)
    listed = json.loads(out)
    assert status == 0 and {p["kind"] for p in listed} == {"failed", "locked", "blocked"}
    status, _, err = run(capsys, db_path, "--lang", "en", "accounts", "failures", "--as",
                         "xiaoman", monkeypatch=monkeypatch)
    assert status == 1 and one_line(err) == "Only a supervisor may manage accounts."


def test_refusals_are_in_english_with_lang_en_wherever_it_is_given(shop, db_path, capsys,
                                                                   monkeypatch):
    for args in (["--lang", "en", "orders", "remark", ORDER, " ", "--as", "xiaoman"],
                 ["orders", "remark", ORDER, " ", "--as", "xiaoman", "--lang", "en"],
                 ["orders", "remark", "--lang", "en", ORDER, " ", "--agent", "xiaoman"]):
        status, _, err = run(capsys, db_path, *args)
        assert status == 1 and one_line(err) == "A remark cannot be empty."


def test_exit_status_two_is_a_usage_error(shop, db_path, capsys):
    with pytest.raises(SystemExit) as usage:
        cli.main(["--db", str(db_path), "orders", "remark", ORDER])
    assert usage.value.code == 2
    assert "usage: workbench orders remark" in capsys.readouterr().err


def test_handover_sheet_takes_as_like_every_command(shop, db_path, tmp_path, capsys):
    out_file = tmp_path / "sheet.xlsx"
    status, out, err = run(capsys, db_path, "handover", "sheet", "--out", str(out_file),
                           "--as", "xiaoman")
    assert status == 0, err
    assert out_file.exists()


def workbench(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def test_screenshot_takes_db_before_or_after_the_command(shop, db_path, tmp_path):
    shop.close()  # the screenshot opens the store as the window does
    after, before = tmp_path / "after.png", tmp_path / "before.png"
    result = workbench("screenshot", "--out", str(after), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    result = workbench("--db", str(db_path), "screenshot", "--out", str(before))
    assert result.returncode == 0, result.stderr
    assert after.stat().st_size > 10_000 and before.stat().st_size > 10_000


def test_a_screenshot_of_a_store_without_accounts_is_refused(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    result = workbench("--lang", "en", "screenshot", "--out", str(tmp_path / "x.png"),
                       "--db", str(empty))
    assert result.returncode == 1
    assert result.stderr.startswith("This shop has no account yet")
    assert not (tmp_path / "x.png").exists()

