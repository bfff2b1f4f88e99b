"""Every test gets its own store in tmp_path and an offscreen Qt; never the user's data."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from helpers import FakeClock  # noqa: E402
from workbench import accounts, demo  # noqa: E402
from workbench.quickphrases import preload  # noqa: E402
from workbench.store import Store  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.sqlite3"


@pytest.fixture
def store(db_path: Path):
    opened = Store.open(db_path)
    yield opened
    opened.close()


@pytest.fixture
def demo_store(store: Store, clock: FakeClock) -> Store:
    """The demo shop as the window opens it: seeded, with the shipped phrases preloaded."""
    demo.seed_if_empty(store, clock())
    preload.preload(store, clock())
    return store


@pytest.fixture
def agent(demo_store: Store) -> accounts.Agent:
    signed_in = accounts.current(demo_store)
    assert signed_in is not None
    return signed_in
