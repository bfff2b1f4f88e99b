"""The demo shop's people for training tests: the agent 小满 and the trainer 林老师."""

from __future__ import annotations

import pytest
from supervision.conftest import boss, load_logs  # noqa: F401 - fixtures shared as they are

from workbench import accounts


@pytest.fixture
def trainee(demo_store):
    return accounts.by_name(demo_store, "xiaoman")


@pytest.fixture
def trainer(demo_store):
    return accounts.by_name(demo_store, "lin")
