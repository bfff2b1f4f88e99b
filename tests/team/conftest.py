"""Team mode against a real Prosody on 127.0.0.1.

One Prosody for the whole test session (generated config, data dir, free port, private CA),
stopped at the end. Each test gets its own accounts (created with prosodyctl), so offline
messages and archives of one test never reach another. asyncio runs inside Qt's event loop
through qasync, as in the app, so ``qtbot.waitUntil`` drives slixmpp too.

Buyers are independent slixmpp clients, not the workbench's code.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
import qasync

from team.team_support import Team, create_accounts, team_numbers
from workbench.router.prosody import ProsodyServer, prosody_available


@pytest.fixture(scope="session")
def prosody(tmp_path_factory):
    if not prosody_available():
        # `make test` installs it; a bare `pytest` on a machine without it cannot run these.
        pytest.fail("Prosody is not installed: run `make test` (or apt-get install prosody)")
    server = ProsodyServer(tmp_path_factory.mktemp("prosody"))
    server.prepare()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def qloop(qapp):
    """The qasync loop on the test QApplication, marked running as it is in the app."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    loop.stop()
    loop.close()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def make_team(prosody, qloop, qtbot, tmp_path):
    """``make_team(agents=[...], buyers=[...], extra=[...])`` -> Team with fresh accounts."""
    teams: list[Team] = []

    def make(agents=("a1", "a2"), buyers=("b1",), extra=()) -> Team:
        prefix = f"t{next(team_numbers)}"
        team = Team(qtbot, prosody, tmp_path, prefix, list(agents), list(buyers), list(extra))
        create_accounts(prosody, [f"{prefix}{name}" for name in
                                  ("service", *agents, *buyers, *extra)])
        teams.append(team)
        return team

    yield make
    for team in teams:
        team.close()


@pytest.fixture
def router_process(tmp_path):
    """Start `workbench router` as its own process; killed with SIGKILL when asked."""
    processes: list[subprocess.Popen] = []

    def start(config: Path) -> subprocess.Popen:
        log = open(tmp_path / "router.log", "ab")  # noqa: SIM115 - closed below
        process = subprocess.Popen(
            [sys.executable, "-m", "workbench.cli", "router", "--config", str(config)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)
