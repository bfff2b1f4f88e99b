"""Fixtures of the after-sale tests: the demo shop's team and a policy with a return
address."""

from __future__ import annotations

import pytest

from aftersale.support import ADDRESS
from workbench import accounts
from workbench.aftersale import policy


@pytest.fixture
def team(demo_store):
    return {name: accounts.by_name(demo_store, name) for name in ("xiaoman", "ajie", "wang")}


@pytest.fixture
def with_address(demo_store, team, clock):
    policy.save(demo_store, team["wang"], policy.Policy(return_address=ADDRESS), clock())
    return demo_store
