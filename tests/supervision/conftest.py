"""Logs for supervision tests, written as JSONL and loaded through the real import."""

from __future__ import annotations

import pytest

from supervision.logdata import write_jsonl
from workbench import accounts
from workbench.supervision import logfiles, search


@pytest.fixture
def boss(demo_store):
    return accounts.by_name(demo_store, "wang")


@pytest.fixture
def load_logs(demo_store, boss, tmp_path, clock):
    """load_logs(records) imports the records and brings the search index up to date."""
    counter = iter(range(1000))

    def load(records, **options):
        path = write_jsonl(tmp_path / f"log{next(counter)}.jsonl", records)
        result = logfiles.import_jsonl(demo_store, path, boss, clock(), **options)
        search.catch_up(demo_store)
        return result

    return load
