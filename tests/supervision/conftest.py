"""Logs for supervision tests, written as JSONL and loaded through the real import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench import accounts
from workbench.supervision import logfiles, search


def line(conversation, buyer, sender, text, time, agent=None, **extra):
    return {"conversation": conversation, "buyer": buyer, "agent": agent, "sender": sender,
            "text": text, "time": time, **extra}


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False))
                            + "\n" for r in records), encoding="utf-8")
    return path


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
