"""Damage is found before anything is written; a store in trouble says so in one line."""

import sqlite3

import pytest

from helpers import damage_middle
from workbench import accounts
from workbench.store import Store, StoreError, integrity


@pytest.fixture
def filled(db_path, clock):
    """A closed store with enough pages that its middle holds real data."""
    store = Store.open(db_path)
    for number in range(300):
        accounts.add(store, f"agent{number:03d}", "agent", clock(), "客服" * 40)
    store.close()
    return db_path


def test_a_clean_close_lets_the_next_open_skip_the_full_check(filled):
    assert integrity.record_path(filled).exists()
    store = Store.open(filled)
    try:
        assert store.checked_by == "record"
    finally:
        store.close()


def test_a_changed_file_is_checked_in_full(filled):
    conn = sqlite3.connect(filled)   # another program writes to it
    conn.execute("UPDATE agents SET display_name = 'x' WHERE id = 1")
    conn.commit()
    conn.close()
    store = Store.open(filled)
    try:
        assert store.checked_by == "full"
    finally:
        store.close()


def test_damage_in_the_middle_is_refused_at_open_and_the_file_left_as_it_was(filled):
    damage_middle(filled)
    before = filled.read_bytes()
    with pytest.raises(StoreError) as refused:
        Store.open(filled)
    assert refused.value.kind == "damaged"
    assert "已损坏" in refused.value.zh and "damaged" in refused.value.en
    assert "\n" not in refused.value.zh and "\n" not in refused.value.en
    assert filled.read_bytes() == before
    assert not integrity.record_path(filled).exists()


def test_an_empty_file_is_refused_not_initialised(db_path):
    db_path.write_bytes(b"")
    with pytest.raises(StoreError) as refused:
        Store.open(db_path, exclusive=True)
    assert "0 字节" in refused.value.zh and "0 bytes" in refused.value.en
    assert db_path.read_bytes() == b""


def test_a_malformed_error_on_the_way_turns_the_store_read_only(store, clock):
    with pytest.raises(StoreError) as failed, store.transaction():
        accounts.add(store, "xiaoman", "agent", clock())
        raise sqlite3.DatabaseError("database disk image is malformed")
    assert failed.value.kind == "damaged"
    assert accounts.all_agents(store) == []
    with pytest.raises(StoreError) as refused:
        accounts.add(store, "ajie", "agent", clock())
    assert "只读" in refused.value.zh and "read-only" in refused.value.en
    store.close()
    assert not integrity.record_path(store.path).exists()   # the next open checks in full


def test_a_commit_sqlite_already_undid_ends_in_one_error_not_two(store, clock):
    """A full disk makes SQLite roll back by itself; ROLLBACK must not then fail with
    'cannot rollback - no transaction is active'."""
    with pytest.raises(StoreError) as failed, store.transaction() as conn:
        accounts.add(store, "xiaoman", "agent", clock())
        conn.execute("ROLLBACK")
        raise sqlite3.OperationalError("database or disk is full")
    assert failed.value.kind == "full"
    assert "磁盘已满" in failed.value.zh and "undone as a whole" in failed.value.en
    assert not store.conn.in_transaction
    assert accounts.all_agents(store) == []
    accounts.add(store, "ajie", "agent", clock())   # the store goes on working
    assert [a.name for a in accounts.all_agents(store)] == ["ajie"]


def test_a_lock_held_by_another_program_says_so_after_the_wait(db_path, clock, monkeypatch):
    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT_MS", "50")
    store = Store.open(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as failed:
            accounts.add(store, "xiaoman", "agent", clock())
        assert failed.value.kind == "locked"
        assert "另一个程序" in failed.value.zh and "Another program" in failed.value.en
    finally:
        other.execute("ROLLBACK")
        other.close()
    accounts.add(store, "xiaoman", "agent", clock())
    store.close()


def test_a_new_store_that_cannot_be_made_leaves_no_empty_file(tmp_path, monkeypatch):
    noted = integrity.note_open

    def full_disk(path, opening):   # the first step after connecting fails
        if opening:
            raise sqlite3.OperationalError("database or disk is full")
        noted(path, opening)
    monkeypatch.setattr(integrity, "note_open", full_disk)
    path = tmp_path / "new.sqlite3"
    with pytest.raises(StoreError) as failed:
        Store.open(path)
    assert failed.value.kind == "full"
    assert not path.exists()          # else the next open would refuse it as cut off
    monkeypatch.undo()
    Store.open(path).close()
