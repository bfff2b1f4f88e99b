"""`workbench store check|backup|restore` as a supervisor types them."""

import json

import pytest

from helpers import damage_middle
from workbench import accounts, cli
from workbench.store import Store
from workbench.store.db import InstanceLock


@pytest.fixture
def db(demo_store, db_path):
    demo_store.close()
    return db_path


def run(capsys, *args):
    status = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_check_reports_a_sound_store(db, capsys):
    status, out, _ = run(capsys, "--db", db, "store", "check")
    assert status == 0 and out.startswith("完好 / sound")
    status, out, _ = run(capsys, "--db", db, "store", "check", "--json")
    assert status == 0 and json.loads(out)["sound"] is True


def test_check_reports_damage_with_its_reason_and_exit_1(db, capsys):
    damage_middle(db)
    status, out, err = run(capsys, "--db", db, "store", "check", "--json")
    report = json.loads(out)
    assert status == 1 and report["sound"] is False and report["problems"]
    status, out, _ = run(capsys, "--db", db, "store", "check")
    assert status == 1 and out.startswith("已损坏 / damaged") and len(out.splitlines()) == 1


def test_backup_needs_a_proven_supervisor(db, tmp_path, capsys):
    out_file = tmp_path / "copy.sqlite3"
    status, _, err = run(capsys, "--db", db, "store", "backup", "--out", out_file)
    assert status == 1 and "--as" in err and len(err.splitlines()) == 1
    status, _, err = run(capsys, "--db", db, "--lang", "en", "store", "backup", "--out",
                         out_file, "--as", "xiaoman")
    assert status == 1 and err.strip() == "Only a supervisor may back up or restore the store."
    status, out, _ = run(capsys, "--db", db, "store", "backup", "--out", out_file, "--as", "wang")
    assert status == 0 and out.strip().endswith(str(out_file))
    assert out_file.stat().st_size > 0


def test_restore_puts_the_backup_back_and_says_where_the_old_store_is(db, tmp_path, capsys,
                                                                      clock):
    copy = tmp_path / "copy.sqlite3"
    run(capsys, "--db", db, "store", "backup", "--out", copy, "--as", "wang")
    store = Store.open(db)
    accounts.add(store, "newcomer", "agent", clock())
    store.close()
    status, out, _ = run(capsys, "--db", db, "store", "restore", copy, "--as", "wang")
    assert status == 0 and "before-restore" in out
    store = Store.open(db)
    try:
        assert accounts.by_name(store, "newcomer") is None
    finally:
        store.close()


def test_restore_is_refused_in_one_line_while_the_window_runs(db, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite3"
    run(capsys, "--db", db, "store", "backup", "--out", copy, "--as", "wang")
    window = InstanceLock(db)
    window.acquire()
    try:
        status, _, err = run(capsys, "--db", db, "--lang", "en", "store", "restore", copy,
                             "--as", "wang")
    finally:
        window.release()
    assert status == 1 and len(err.splitlines()) == 1 and "close it first" in err
