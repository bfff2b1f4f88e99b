"""A private Prosody on 127.0.0.1 for tests, benchmarks and trying team mode on one machine.

Everything lives in one folder: the generated config, a throwaway certificate authority and
server certificate, the data dir and the log. Accounts are created with ``prosodyctl``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

CONFIG = """\
-- Generated for a private test server: loopback only, no server-to-server traffic.
run_as_root = true
daemonize = false
pidfile = "{folder}/prosody.pid"
data_path = "{folder}/data"
log = {{ {{ levels = {{ min = "warn" }}, to = "file", filename = "{folder}/prosody.log" }} }}
interfaces = {{ "127.0.0.1" }}
c2s_ports = {{ {port} }}
c2s_direct_tls_ports = {{ }}
s2s_ports = {{ }}
certificates = "{folder}/certs"
authentication = "internal_hashed"
storage = "internal"
c2s_require_encryption = {require_tls}
modules_enabled = {{ "roster", "saslauth", "tls", "disco", "ping", "mam", "offline" }}
modules_disabled = {{ "s2s", "admin_socket" }}
default_archive_policy = true
archive_expires_after = "never"
storage_archive_item_limit = 10000000
max_archive_query_results = 500

VirtualHost "{domain}"
    ssl = {{ key = "{folder}/server.key", certificate = "{folder}/server.crt" }}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certificates(folder: Path, domain: str) -> Path:
    """A private CA and a server certificate for ``domain`` signed by it; returns the CA file."""
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj",
             "/CN=workbench test CA", "-keyout", "ca.key", "-out", "ca.crt", cwd=folder)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={domain}",
             "-keyout", "server.key", "-out", "server.csr", cwd=folder)
    (folder / "san.cnf").write_text(f"subjectAltName=DNS:{domain}\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
             "-CAcreateserial", "-days", "30", "-extfile", "san.cnf", "-out", "server.crt",
             cwd=folder)
    return folder / "ca.crt"


@dataclass
class ProsodyServer:
    folder: Path
    domain: str = "shop.test"
    require_tls: bool = True
    port: int = 0
    ca_file: Path | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def config_path(self) -> Path:
        return self.folder / "prosody.cfg.lua"

    def prepare(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "data").mkdir(exist_ok=True)
        (self.folder / "certs").mkdir(exist_ok=True)
        self.port = self.port or free_port()
        self.ca_file = make_certificates(self.folder, self.domain)
        self.config_path.write_text(CONFIG.format(
            folder=self.folder, port=self.port, domain=self.domain,
            require_tls="true" if self.require_tls else "false"))

    def add_user(self, user: str, password: str) -> str:
        """Create ``user@domain`` (a bare local name) and return the JID."""
        subprocess.run(["prosodyctl", "--config", str(self.config_path), "register", user,
                        self.domain, password], check=True, capture_output=True, timeout=30)
        return f"{user}@{self.domain}"

    def add_users(self, users: list[str], password: str, parallel: int = 8) -> None:
        """Many accounts: prosodyctl is one short process per account, so run a few at once."""
        pending = list(users)
        while pending:
            batch, pending = pending[:parallel], pending[parallel:]
            processes = [subprocess.Popen(
                ["prosodyctl", "--config", str(self.config_path), "register", user,
                 self.domain, password], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                for user in batch]
            for process in processes:
                _, error = process.communicate(timeout=60)
                if process.returncode != 0:
                    raise RuntimeError(f"prosodyctl register failed: {error.decode()}")

    def start(self, timeout: float = 15.0) -> None:
        log = open(self.folder / "stdout.log", "ab")  # noqa: SIM115 - kept by the process
        self.process = subprocess.Popen(
            ["prosody", "--config", str(self.config_path), "-F"], stdout=log,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"prosody exited: {self.log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)  # polling a port that is not open yet
        raise RuntimeError(f"prosody did not listen on {self.port}: {self.log_tail()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def log_tail(self) -> str:
        parts = []
        for name in ("stdout.log", "prosody.log"):
            path = self.folder / name
            if path.exists():
                parts.append(path.read_text(errors="replace")[-2000:])
        return "\n".join(parts)


def prosody_available() -> bool:
    return shutil.which("prosody") is not None and shutil.which("prosodyctl") is not None
