"""The store and the disk misbehave under the real command line and the real window, each
run in a process of its own: another program holds the write lock, the disk fills, the
folder is read-only, the file is damaged in the middle or empty, a write is killed.

Every case asserts the exit status, one line that says what happened (never a
traceback), and that the store's bytes are unchanged or the operation whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import damage_middle
from workbench import conversations, demo
from workbench.quickphrases import preload
from workbench.store import Store, integrity

BUSY_MS = "300"   # how long a write waits for the lock here (5 s for users)
# Qt's offscreen platform says this on every window it shows; it is not ours to fix.
QT_NOISE = ("This plugin does not support propagateSizeHints()",)
HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO settings (key, value) VALUES ('held', 'by another program')")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


def environment(home: Path) -> dict:
    return dict(os.environ, WORKBENCH_HOME=str(home), QT_QPA_PLATFORM="offscreen",
                WORKBENCH_BUSY_TIMEOUT_MS=BUSY_MS, WORKBENCH_LANG="en")


def workbench(home: Path, *args, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbench.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          env=environment(home))


def said(result) -> list[str]:
    """What the process said on stderr, without Qt's own noise."""
    return [line for line in result.stderr.splitlines()
            if line.strip() and line.strip() not in QT_NOISE]


def assert_one_line(result, status: int, *words: str) -> str:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode == status, result.stderr
    lines = said(result)
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def message_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM messages").fetchone()[0]
    finally:
        conn.close()


def write_log(path: Path, messages: int) -> Path:
    """A JSONL log of ``messages`` lines, ten to a conversation."""
    with open(path, "w", encoding="utf-8") as out:
        for number in range(messages):
            buyer = number % 2 == 0
            out.write(json.dumps({
                "conversation": f"fault-{number // 10}", "buyer": f"买家{number // 10}",
                "agent": None if buyer else "xiaoman", "sender": "buyer" if buyer else "agent",
                "text": f"第{number}条：这件衣服什么时候发货，能不能快一点😀",
                "time": f"2025-11-01 {10 + number // 3600 % 10}:{number // 60 % 60:02d}:"
                        f"{number % 60:02d}"}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


def make_shop(path: Path, messages: int = 20) -> Path:
    """The demo shop with a few conversations, closed cleanly as a day's work leaves it."""
    store = Store.open(path)
    try:
        now = time.time()
        demo.seed_if_empty(store, now)
        preload.preload(store, now)
        with store.transaction():
            for number in range(messages):
                conversations.receive(store, conversations.Incoming(
                    uid=f"m-{number}", buyer=f"买家{number % 40}",
                    text=f"在吗？第{number}个问题", at=now + number))
    finally:
        store.close()
    return path


@pytest.fixture
def shop(tmp_path) -> Path:
    return make_shop(tmp_path / "shop.sqlite3")


@contextlib.contextmanager
def lock_held_by_another_program(db: Path):
    with subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout.readline().strip() == "held"
        yield holder
        holder.stdin.close()
        holder.wait(timeout=30)


@contextlib.contextmanager
def small_disk(folder: Path, size: str):
    """A tmpfs of ``size`` mounted on ``folder`` (root only), unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("a disk that fills needs a small tmpfs, and mounting one needs root")
    folder.mkdir(parents=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                   check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


# --- another program holds the write lock -------------------------------------------------

def test_a_cli_write_waits_for_the_lock_then_says_another_program_holds_it(home, shop):
    before = digest(shop)
    with lock_held_by_another_program(shop):
        result = workbench(home, "--db", shop, "todo", "add", "回访阿飞", "--as", "xiaoman")
        assert_one_line(result, 1, "Another program holds the store", "nothing was saved")
        reading = workbench(home, "--db", shop, "accounts", "list")
        assert reading.returncode == 0 and "wang" in reading.stdout   # reading goes on
    assert digest(shop) == before
    result = workbench(home, "--db", shop, "todo", "list", "--as", "xiaoman", "--json")
    assert "回访阿飞" not in result.stdout


def test_a_window_started_under_the_lock_runs_and_closes_without_a_traceback(home, shop):
    before = digest(shop)
    with lock_held_by_another_program(shop):
        result = workbench(home, "--db", shop, "run", "--speed", "0.01", "--quit-after", "4")
    assert "Traceback" not in result.stderr and "Segmentation" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert said(result) == []          # the window said it in its bar, not on stderr
    assert digest(shop) == before
    assert not (home / "crash.log").exists()
    check = workbench(home, "--db", shop, "store", "check")
    assert check.returncode == 0


def test_a_screenshot_under_the_lock_ends_in_one_line(home, shop, tmp_path):
    before = digest(shop)
    out = tmp_path / "shot.png"
    with lock_held_by_another_program(shop):
        result = workbench(home, "--db", shop, "screenshot", "--out", out, timeout=30)
    assert_one_line(result, 1, "Another program holds the store")
    assert not out.exists()
    assert digest(shop) == before
    assert not (home / "crash.log").exists()


# --- the disk fills, the folder is read-only --------------------------------------------------

def test_a_full_disk_undoes_the_import_whole(home, tmp_path):
    with small_disk(tmp_path / "disk", "3m") as disk:
        db = make_shop(tmp_path / "made.sqlite3")
        (disk / "shop.sqlite3").write_bytes(db.read_bytes())
        db = disk / "shop.sqlite3"
        log = write_log(tmp_path / "day.jsonl", 4000)
        room = os.statvfs(disk)
        (disk / "filler").write_bytes(b"\0" * (room.f_bavail * room.f_frsize - 64 * 1024))
        messages = message_count(db)
        result = workbench(home, "--db", db, "logs", "import", log, "--as", "wang")
        assert_one_line(result, 1, "The disk is full", "undone as a whole")
        (disk / "filler").unlink()
        assert workbench(home, "--db", db, "store", "check").returncode == 0
        assert message_count(db) == messages    # not one line of the import
        assert workbench(home, "--db", db, "logs", "import", log, "--as", "wang"
                         ).returncode == 0        # with room again, it goes in whole
        assert message_count(db) == messages + 4000


def test_a_read_only_folder_is_said_in_one_line_and_left_alone(home, tmp_path):
    with small_disk(tmp_path / "disk", "4m") as disk:
        db = disk / "shop.sqlite3"
        db.write_bytes(make_shop(tmp_path / "made.sqlite3").read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        before = digest(db)
        result = workbench(home, "--db", db, "todo", "add", "回访", "--as", "xiaoman")
        assert_one_line(result, 1, "read-only")
        window = workbench(home, "--db", db, "run", "--quit-after", "1")
        assert_one_line(window, 1, "read-only")
        assert digest(db) == before


# --- damage ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [
    ("todo", "add", "回访", "--as", "xiaoman"),
    ("accounts", "list"),
    ("logs", "search", "在吗", "--as", "wang"),
    ("run", "--quit-after", "1"),
], ids=["todo-add", "accounts-list", "logs-search", "window"])
def test_damage_in_the_middle_is_found_before_anything_is_written(home, shop, command):
    damage_middle(shop)
    before = digest(shop)
    result = workbench(home, "--db", shop, *command)
    assert_one_line(result, 1, "damaged", "restore a backup")
    assert digest(shop) == before


def test_a_damaged_store_is_not_imported_into_and_check_says_why(home, shop, tmp_path):
    damage_middle(shop)
    before = digest(shop)
    result = workbench(home, "--db", shop, "logs", "import", write_log(tmp_path / "a.jsonl", 10),
                       "--as", "wang")
    assert_one_line(result, 1, "damaged")
    check = workbench(home, "--db", shop, "store", "check")
    assert check.returncode == 1 and check.stdout.startswith("damaged: ")
    assert digest(shop) == before


@pytest.mark.parametrize("command", [("accounts", "list"), ("run", "--quit-after", "1")],
                         ids=["cli", "window"])
def test_an_empty_store_file_is_not_initialised(home, tmp_path, command):
    db = tmp_path / "empty.sqlite3"
    db.write_bytes(b"")
    result = workbench(home, "--db", db, *command)
    assert_one_line(result, 1, "empty (0 bytes)")
    assert db.read_bytes() == b""


# --- a write killed half-way ---------------------------------------------------------------

def test_an_import_killed_half_way_leaves_the_store_whole(home, shop, tmp_path):
    log = write_log(tmp_path / "big.jsonl", 20_000)
    before = message_count(shop)
    wal = shop.with_name(shop.name + "-wal")
    with subprocess.Popen([sys.executable, "-m", "workbench.cli", "--db", str(shop), "logs",
                           "import", str(log), "--as", "wang"], env=environment(home),
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if wal.exists() and wal.stat().st_size > 1_000_000:   # it is writing
                break
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL      # killed, not finished
    assert integrity.check_file(shop, thorough=True) == []
    assert message_count(shop) in (before, before + 20_000)
    again = workbench(home, "--db", shop, "logs", "import", log, "--as", "wang")
    assert again.returncode == 0, again.stderr
    assert message_count(shop) == before + 20_000


# --- the file system around the command line -----------------------------------------------

def test_an_export_into_a_missing_folder_is_one_line(home, shop, tmp_path):
    result = workbench(home, "--db", shop, "logs", "export", "--out",
                       tmp_path / "missing" / "out.jsonl", "--as", "wang")
    assert_one_line(result, 1, "missing")
    assert not (tmp_path / "missing").exists()


def test_a_reader_that_goes_away_ends_the_search_quietly(home, tmp_path):
    shop = make_shop(tmp_path / "busy.sqlite3", messages=3000)   # more than a pipe holds
    with subprocess.Popen([sys.executable, "-m", "workbench.cli", "--db", str(shop), "logs",
                           "search", "在吗", "--as", "wang", "--limit", "3000"],
                          env=environment(home), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as process:
        assert process.stdout.readline()   # `| head -1`: read one line, then go away
        process.stdout.close()
        error = process.stderr.read()
        assert process.wait(timeout=60) == 0
    assert "Traceback" not in error and "BrokenPipe" not in error and error.strip() == ""


def test_a_number_out_of_range_is_one_line(home, shop):
    result = workbench(home, "--db", shop, "logs", "search", "在吗", "--as", "wang",
                       "--offset", "10000000000000000000")
    assert_one_line(result, 1, "out of range")
