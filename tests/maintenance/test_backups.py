"""Backups: a checked copy by hand or every day, seven kept, and a restore that brings
back every message, order and remark the backup held."""

import datetime as dt

import pytest

from helpers import damage_middle
from workbench import accounts, conversations, maintenance, orders
from workbench.changes import Refused
from workbench.maintenance import KEEP
from workbench.store import Store, StoreError, integrity
from workbench.store.db import InstanceLock

ORDER = "3515313147329357906"


def contents(store) -> dict:
    conn = store.conn
    return {
        "messages": conn.execute("SELECT uid, text FROM messages ORDER BY id").fetchall(),
        "orders": conn.execute("SELECT id, status, flag FROM orders ORDER BY id").fetchall(),
        "remarks": conn.execute("SELECT order_id, content FROM remarks ORDER BY id").fetchall(),
    }


def as_tuples(held: dict) -> dict:
    return {name: [tuple(row) for row in rows] for name, rows in held.items()}


@pytest.fixture
def busy_shop(demo_store, clock):
    """The demo shop with a conversation and a remark, as a day's work leaves it."""
    changes = conversations.receive(demo_store, conversations.Incoming(
        uid="u-1", buyer="阿飞不飞", text="在吗？XL码有货吗😀", at=clock()))
    boss = accounts.by_name(demo_store, "wang")
    conversations.send(demo_store, next(iter(changes.conversations)), boss.id, "有的亲",
                       clock())
    orders.add_remark(demo_store, ORDER, boss, "改发顺丰", clock())
    return demo_store


def test_a_supervisor_backs_up_and_the_copy_holds_everything(busy_shop, tmp_path):
    out = tmp_path / "copy.sqlite3"
    made = maintenance.backup(busy_shop, accounts.by_name(busy_shop, "wang"), out)
    assert made.path == out and made.size == out.stat().st_size > 0
    assert integrity.check_file(out, thorough=True) == []
    assert not list(tmp_path.glob("*.partial*")) and not (tmp_path / "copy.sqlite3-wal").exists()
    copy = Store.open(out)
    try:
        assert as_tuples(contents(copy)) == as_tuples(contents(busy_shop))
    finally:
        copy.close()


def test_an_agent_may_not_copy_the_store_elsewhere(busy_shop, tmp_path):
    with pytest.raises(Refused) as refused:
        maintenance.backup(busy_shop, accounts.by_name(busy_shop, "xiaoman"),
                           tmp_path / "mine.sqlite3")
    assert "主管" in refused.value.zh and "supervisor" in refused.value.en
    assert not (tmp_path / "mine.sqlite3").exists()


def test_a_backup_into_a_missing_folder_is_refused_with_the_folder_named(busy_shop, tmp_path):
    with pytest.raises(Refused) as refused:
        maintenance.backup(busy_shop, accounts.by_name(busy_shop, "wang"),
                           tmp_path / "nowhere" / "copy.sqlite3")
    assert "nowhere" in refused.value.en and "不存在" in refused.value.zh


def test_the_first_start_of_a_day_backs_up_once_and_seven_are_kept(busy_shop, clock):
    day = 86400
    made = maintenance.daily_backup(busy_shop, clock())
    assert made is not None and made.path.parent == busy_shop.path.parent / "backups"
    assert maintenance.daily_backup(busy_shop, clock() + 3600) is None   # same day
    for number in range(1, 10):
        assert maintenance.daily_backup(busy_shop, clock() + number * day) is not None
    kept = maintenance.backups(busy_shop.path)
    assert len(kept) == KEEP
    newest = dt.datetime.fromtimestamp(kept[0].at)
    assert newest == dt.datetime.fromtimestamp(int(clock() + 9 * day))
    assert [b.at for b in kept] == sorted((b.at for b in kept), reverse=True)


def test_restore_brings_back_what_the_backup_held_and_keeps_the_store_beside(
        busy_shop, clock, tmp_path):
    boss = accounts.by_name(busy_shop, "wang")
    held = as_tuples(contents(busy_shop))
    out = tmp_path / "monday.sqlite3"
    maintenance.backup(busy_shop, boss, out)
    conversations.receive(busy_shop, conversations.Incoming(
        uid="u-later", buyer="阿飞不飞", text="后来的消息", at=clock() + 60))
    later = as_tuples(contents(busy_shop))
    db_path = busy_shop.path
    busy_shop.close()

    done = maintenance.restore(db_path, out, lambda store: accounts.by_name(store, "wang"))

    assert done.kept == db_path.with_name(db_path.name + ".before-restore")
    restored = Store.open(db_path)
    try:
        assert restored.checked_by == "record"   # checked while staged
        assert as_tuples(contents(restored)) == held
    finally:
        restored.close()
    before = Store.open(done.kept)
    try:
        assert as_tuples(contents(before)) == later
    finally:
        before.close()
    assert not list(db_path.parent.glob(".*partial*"))
    # A second restore keeps the first one's 'before' too.
    again = maintenance.restore(db_path, out, lambda store: accounts.by_name(store, "wang"))
    assert again.kept.name.endswith(".before-restore-2") and done.kept.exists()


def test_restore_is_refused_while_a_window_holds_the_store(busy_shop, tmp_path):
    out = tmp_path / "copy.sqlite3"
    maintenance.backup(busy_shop, accounts.by_name(busy_shop, "wang"), out)
    window_lock = InstanceLock(busy_shop.path)
    window_lock.acquire()
    before = busy_shop.path.read_bytes()
    try:
        with pytest.raises(Refused) as refused:
            maintenance.restore(busy_shop.path, out, lambda s: accounts.by_name(s, "wang"))
    finally:
        window_lock.release()
    assert "关闭窗口" in refused.value.zh and "close it first" in refused.value.en
    assert busy_shop.path.read_bytes() == before


def test_restore_refuses_a_damaged_backup_and_changes_nothing(busy_shop, tmp_path):
    out = tmp_path / "copy.sqlite3"
    maintenance.backup(busy_shop, accounts.by_name(busy_shop, "wang"), out)
    damage_middle(out)
    db_path = busy_shop.path
    busy_shop.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError) as refused:
        maintenance.restore(db_path, out, lambda s: accounts.by_name(s, "wang"))
    assert refused.value.kind == "damaged" and "nothing was changed" in refused.value.en
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(".")) == []


def test_the_store_is_not_restored_onto_itself(busy_shop):
    db_path = busy_shop.path
    busy_shop.close()
    before = db_path.read_bytes()
    with pytest.raises(Refused, match="这就是正在使用的数据文件"):
        maintenance.restore(db_path, db_path.parent / "." / db_path.name,
                            lambda s: accounts.by_name(s, "wang"))
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + ".before-restore").exists()


def test_an_agent_may_not_restore(busy_shop, tmp_path):
    out = tmp_path / "copy.sqlite3"
    maintenance.backup(busy_shop, accounts.by_name(busy_shop, "wang"), out)
    db_path = busy_shop.path
    busy_shop.close()
    with pytest.raises(Refused):
        maintenance.restore(db_path, out, lambda s: accounts.by_name(s, "xiaoman"))
    assert not db_path.with_name(db_path.name + ".before-restore").exists()


def test_a_damaged_store_is_restored_with_the_supervisor_proven_by_the_backup(
        busy_shop, tmp_path):
    out = tmp_path / "copy.sqlite3"
    maintenance.backup(busy_shop, accounts.by_name(busy_shop, "wang"), out)
    db_path = busy_shop.path
    busy_shop.close()
    damage_middle(db_path)
    damaged = db_path.read_bytes()
    done = maintenance.restore(db_path, out, lambda s: accounts.by_name(s, "wang"))
    assert done.kept.read_bytes() == damaged   # kept exactly as it was
    Store.open(db_path).close()


def test_check_says_sound_or_damaged_without_writing(busy_shop, tmp_path):
    db_path = busy_shop.path
    busy_shop.close()
    assert maintenance.check(db_path).sound
    damage_middle(db_path)
    before = db_path.read_bytes()
    health = maintenance.check(db_path)
    assert not health.sound and health.problems
    assert db_path.read_bytes() == before
