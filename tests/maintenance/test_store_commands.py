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
    assert status == 0 and out.startswith("完好：") and "sound:" not in out
    status, out, _ = run(capsys, "--db", db, "--lang", "en", "store", "check")
    assert status == 0 and out.startswith("sound: ") and "完好" not in out
    status, out, _ = run(capsys, "--db", db, "store", "check", "--json")
    assert status == 0 and json.loads(out)["sound"] is True


def test_check_reports_damage_with_its_reason_and_exit_1(db, capsys):
    damage_middle(db)
    status, out, err = run(capsys, "--db", db, "store", "check", "--json")
    report = json.loads(out)
    assert status == 1 and report["sound"] is False and report["problems"]
    status, out, _ = run(capsys, "--db", db, "store", "check")
    assert status == 1 and out.startswith("已损坏：") and len(out.splitlines()) == 1
    assert "damaged:" not in out
    status, out, _ = run(capsys, "--db", db, "--lang", "en", "store", "check")
    assert status == 1 and out.startswith("damaged: ") and "已损坏" not in out


@pytest.mark.parametrize(("lang", "said", "unsaid"), [
    ("zh", "已损坏：", "empty file"), ("en", "damaged: ", "空文件")])
def test_check_says_the_reason_in_the_chosen_language_only(tmp_path, capsys, lang, said,
                                                           unsaid):
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    status, out, _ = run(capsys, "--db", empty, "--lang", lang, "store", "check")
    assert status == 1 and out.startswith(said) and unsaid not in out
    assert ("空文件（0 字节）" if lang == "zh" else "empty file (0 bytes)") in out
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database at all", encoding="utf-8")
    status, out, _ = run(capsys, "--db", text, "--lang", lang, "store", "check")
    assert status == 1
    assert ("不是 SQLite 数据文件" if lang == "zh" else "not an SQLite file") in out


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


@pytest.mark.parametrize(("lang", "said", "unsaid"), [
    ("zh", "不是 SQLite 数据文件", "not an SQLite file"),
    ("en", "not an SQLite file", "不是 SQLite 数据文件")])
def test_restore_refuses_a_file_that_is_not_a_store_in_the_chosen_language(
        db, tmp_path, capsys, lang, said, unsaid):
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database at all", encoding="utf-8")
    status, out, err = run(capsys, "--db", db, "--lang", lang, "store", "restore", notes,
                           "--as", "wang")
    assert status == 1 and out == "" and len(err.splitlines()) == 1
    assert said in err and unsaid not in err


@pytest.mark.parametrize(("lang", "missing", "folder", "unsaid"), [
    ("zh", "没有数据文件：", "这是一个文件夹，不是数据文件", ("已损坏", "SQLite", "no such")),
    ("en", "no store: ", "is a folder", ("damaged", "文件", "Is a directory"))])
def test_check_of_no_file_or_a_folder_says_so_not_damaged(tmp_path, capsys, lang, missing,
                                                          folder, unsaid):
    status, out, _ = run(capsys, "--db", tmp_path / "nodir" / "x.sqlite3", "--lang", lang,
                         "store", "check")
    assert status == 1 and out.startswith(missing) and len(out.splitlines()) == 1
    assert ("文件不存在" if lang == "zh" else "no such file") in out
    status, out, _ = run(capsys, "--db", tmp_path, "--lang", lang, "store", "check")
    assert status == 1 and out.startswith(missing) and folder in out
    assert not any(word in out for word in unsaid)
    status, out, _ = run(capsys, "--db", tmp_path, "store", "check", "--json")
    assert json.loads(out)["problems"] == ["is a folder"]


def test_restoring_the_store_onto_itself_is_refused_and_moves_nothing(db, tmp_path, capsys):
    before = db.read_bytes()
    status, out, err = run(capsys, "--db", db, "store", "restore", db, "--as", "wang")
    assert status == 1 and out == "" and len(err.splitlines()) == 1
    assert "就是正在使用的数据文件" in err
    status, _, err = run(capsys, "--db", db, "--lang", "en", "store", "restore",
                         tmp_path / ".." / tmp_path.name / db.name, "--as", "wang")
    assert status == 1 and "is the store itself" in err
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*before-restore*"))
