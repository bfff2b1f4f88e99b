import sqlite3

import pytest

from workbench import accounts
from workbench.store import Store, StoreError, schema


def test_new_store_is_migrated_with_wal_and_foreign_keys(store):
    assert store.version == schema.LATEST
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_corrupt_file_is_refused_and_left_untouched(db_path):
    garbage = b"this is not a database" * 100
    db_path.write_bytes(garbage)
    with pytest.raises(StoreError) as refused:
        Store.open(db_path, exclusive=True)
    assert "已损坏" in refused.value.zh and "damaged" in refused.value.en
    assert db_path.read_bytes() == garbage


def test_damaged_sqlite_pages_are_refused_and_left_untouched(db_path, clock):
    store = Store.open(db_path)
    accounts.add(store, "xiaoman", "agent", clock())
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the schema page
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as refused:
        Store.open(db_path)
    assert "已损坏" in refused.value.zh
    assert db_path.read_bytes() == bytes(data)


def test_second_instance_on_the_same_store_is_refused(db_path):
    first = Store.open(db_path, exclusive=True)
    try:
        with pytest.raises(StoreError) as refused:
            Store.open(db_path, exclusive=True)
        assert "另一个工作台" in refused.value.zh
    finally:
        first.close()
    Store.open(db_path, exclusive=True).close()  # free again once the first has closed


def test_store_newer_than_the_program_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError) as refused:
        Store.open(db_path)
    assert "升级" in refused.value.zh


def test_older_store_is_migrated_keeping_its_data(db_path, clock):
    conn = sqlite3.connect(db_path, isolation_level=None)
    schema.migrate(conn, target=schema.LATEST - 1)
    conn.execute("INSERT INTO agents (name, display_name, role, created_at) "
                 "VALUES ('ajie', '阿杰', 'agent', 1)")
    conn.close()
    store = Store.open(db_path)
    try:
        assert store.version == schema.LATEST
        assert accounts.by_name(store, "ajie").display_name == "阿杰"
    finally:
        store.close()


def test_transaction_rolls_back_everything_on_error(store, clock):
    with pytest.raises(RuntimeError), store.transaction():
        accounts.add(store, "xiaoman", "agent", clock())
        raise RuntimeError("crash in the middle")
    assert accounts.all_agents(store) == []
