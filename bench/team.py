"""Team mode through a real Prosody on loopback: 200 buyers, 10 agent workbenches.

Each agent is a full main window (offscreen) in a process of its own, logged in over XMPP
with TLS; the router is `workbench router` in its own process; the 200 buyers are plain
slixmpp clients in this process. Buyers send 20 messages per second in total for 60 s; an
agent process reports each buyer message when its window's models have it. The second run
kills the router (SIGKILL) half-way and starts it again.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BUYERS = 200
AGENTS = 10
RATE = 20.0          # buyer messages per second, all buyers together
DURATION_S = float(os.environ.get("WORKBENCH_BENCH_TEAM_SECONDS", 60))  # shorter for a try
DRAIN_S = 30.0       # how long to wait for the last messages before calling them lost


@dataclass(frozen=True)
class Size:
    buyers: int = BUYERS
    agents: int = AGENTS
    seconds: float = DURATION_S


SMOKE = Size(buyers=4, agents=1, seconds=1.0)
PASSWORD = "bench-password"


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Shop:
    """A Prosody with the accounts, the router config and the agent processes."""

    def __init__(self, folder: Path, size: Size):
        from workbench.router.prosody import ProsodyServer

        self.folder = folder
        self.size = size
        folder.mkdir(parents=True, exist_ok=True)
        self.server = ProsodyServer(folder / "prosody")
        self.server.prepare()
        self.server.add_users(["service"] + [f"agent{n:02d}" for n in range(size.agents)]
                              + [f"buyer{n:03d}" for n in range(size.buyers)], PASSWORD)
        self.server.start()
        self.service = f"service@{self.server.domain}"
        (folder / "password").write_text(PASSWORD)
        agents = "".join(f'[[agents]]\njid = "agent{n:02d}@{self.server.domain}"\n'
                         f"capacity = {size.buyers // size.agents + 5}\n"
                         for n in range(size.agents))
        self.config = folder / "router.toml"
        self.config.write_text(
            f'[service]\njid = "{self.service}"\npassword_file = "password"\n'
            f'server = "127.0.0.1"\nport = {self.server.port}\n'
            f'ca_file = "{self.server.ca_file}"\ndatabase = "router.sqlite3"\n'
            f'log_file = "router.log"\n\n{agents}', encoding="utf-8")
        self.router = None
        self.agents = []
        self.seen: dict[int, list[float]] = {}
        self.ready = 0

    async def start_router(self) -> None:
        self.router = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "workbench.cli", "router", "--config", str(self.config),
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)

    async def start_agents(self) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_PASSWORD=PASSWORD)
        for n in range(self.size.agents):
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bench._team_agent", str(self.folder / f"agent{n}.db"),
                f"agent{n:02d}@{self.server.domain}", self.service, str(self.server.port),
                str(self.server.ca_file), stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE, stderr=open(self.folder / f"agent{n}.err", "wb"),
                env=env,
                cwd=str(Path(__file__).resolve().parent.parent))
            self.agents.append(process)
            asyncio.ensure_future(self._read(process))

    async def _read(self, process) -> None:
        while line := await process.stdout.readline():
            parts = line.decode().split()
            if parts[:1] == ["ready"]:
                self.ready += 1
            elif parts[:1] == ["seen"]:
                self.seen.setdefault(int(parts[1]), []).append(float(parts[2]))

    async def stop(self) -> None:
        for process in self.agents:
            process.stdin.close()
        for process in self.agents:
            try:
                await asyncio.wait_for(process.wait(), 15)
            except TimeoutError:
                process.kill()
                await process.wait()
        if self.router and self.router.returncode is None:
            self.router.terminate()
            await self.router.wait()
        self.server.stop()


async def _until(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def _buyers(shop: Shop) -> list:
    import slixmpp

    from workbench.channels.xmpp_client import configure_tls

    clients = []
    for n in range(shop.size.buyers):
        client = slixmpp.ClientXMPP(f"buyer{n:03d}@{shop.server.domain}/bench", PASSWORD)
        configure_tls(client, True, shop.server.ca_file)
        client.add_event_handler("session_start", lambda _e, c=client: c.send_presence())
        clients.append(client)
    for start in range(0, shop.size.buyers, 20):   # in waves, so logins do not time out on 2 cores
        batch = clients[start:start + 20]
        for client in batch:
            client.connect("127.0.0.1", shop.server.port)
        await asyncio.gather(*(c.wait_until("session_start", 60) for c in batch))
    return clients


async def _one_run(kill_router_at: float | None, size: Size) -> dict[str, float]:
    from workbench.channels.xmpp_client import release

    with tempfile.TemporaryDirectory() as scratch:
        keep = os.environ.get("WORKBENCH_BENCH_TEAM_KEEP")  # a folder to look at afterwards
        shop = Shop(Path(keep) / str(kill_router_at) if keep else Path(scratch), size)
        try:
            await shop.start_router()
            await shop.start_agents()
            if not await _until(lambda: shop.ready >= size.agents, 120):
                raise RuntimeError(f"only {shop.ready} of {size.agents} agents came up")
            clients = await _buyers(shop)
            total = int(RATE * size.seconds)
            router_cpu = _cpu_seconds(shop.router.pid)
            started = time.monotonic()
            killed = False
            for seq in range(total):
                due = started + seq / RATE
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                if kill_router_at is not None and not killed and \
                        time.monotonic() - started >= kill_router_at:
                    shop.router.kill()
                    await shop.router.wait()
                    await shop.start_router()
                    killed = True
                client = clients[seq % size.buyers]
                client.make_message(shop.service, mbody=f"bench {seq} {time.time():.6f}",
                                    mtype="chat").send()
            await _until(lambda: len(shop.seen) >= total, DRAIN_S)
            router_cpu = _cpu_seconds(shop.router.pid) - router_cpu
            for client in clients:
                client.disconnect(wait=1.0)
            await _until(lambda: all(c.transport is None for c in clients), 10)
            for client in clients:
                release(client)
        finally:
            await shop.stop()
    if os.environ.get("WORKBENCH_BENCH_TEAM_KEEP"):
        import json

        (shop.folder / "seen.json").write_text(json.dumps(shop.seen))
    missing = sorted(set(range(total)) - set(shop.seen))
    if missing:
        print(f"lost {len(missing)}: first {missing[:10]}, last {missing[-10:]}",
              file=sys.stderr)
    latencies = [values[0] for values in shop.seen.values()]
    return {
        "sent": total,
        "p50_ms": round(statistics.median(latencies), 1) if latencies else -1,
        "p99_ms": round(_percentile(latencies, 0.99), 1) if latencies else -1,
        "lost": total - len(shop.seen),
        "duplicated": sum(len(v) - 1 for v in shop.seen.values()),
        "max_ms": round(max(latencies), 1) if latencies else -1,
        # Only meaningful without a restart (a new process starts from zero).
        "router_cpu_ms_per_message": round(router_cpu * 1000 / total, 2),
    }


def run(smoke: bool = False) -> dict[str, float]:
    """The smoke run is one agent and four buyers for a second, without the restart."""
    size = SMOKE if smoke else Size()
    steady = asyncio.run(_one_run(None, size))
    figures = {
        "buyers": size.buyers, "agents": size.agents, "messages": steady["sent"],
        "p50_ms": steady["p50_ms"], "p99_ms": steady["p99_ms"],
        "lost": steady["lost"], "duplicated": steady["duplicated"],
        "router_cpu_ms_per_message": steady["router_cpu_ms_per_message"],
    }
    if smoke:
        return figures
    restart = asyncio.run(_one_run(size.seconds / 2, size))
    return figures | {
        "restart_lost": restart["lost"], "restart_duplicated": restart["duplicated"],
        "restart_p50_ms": restart["p50_ms"], "restart_p99_ms": restart["p99_ms"],
        "restart_max_ms": restart["max_ms"],
    }
