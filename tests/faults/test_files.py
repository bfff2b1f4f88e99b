"""Outside files against the real command line: kill -9 during every import, files cut
short or malformed, exports that cannot be written.

Each case runs ``workbench`` in a subprocess, as a user would, and asserts its exit
status, a message of one line without a traceback, and the store afterwards: exactly as
before, or (for a kill that came after the commit) the import whole. The helpers live
here, not in a conftest: tests/faults is shared with the store's fault suite.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from orders.order_files import csv_text

from workbench import demo
from workbench.handover import exchange
from workbench.quickphrases import packs, preload
from workbench.store import Store
from workbench.supervision import search

CLI_TIMEOUT_S = 120
POLL_S = 0.002
# The import's transaction has spilled this much into the WAL: it is writing, not done.
WRITING_WAL_BYTES = 256 * 1024
# Big enough that the import's one transaction runs for a good while on a slow machine.
ORDERS = 12000
PHRASES = 12000
LOG_LINES = 40000
SHEET_ITEMS = 30000
# What a command changes besides its import stays out of the comparison: the audit log's
# entry for the account proven by --as.
VOLATILE = ("sqlite_sequence", 'INSERT INTO "events"')


# --- helpers ------------------------------------------------------------------------------

def cli(db: Path, home: Path, *args: str) -> subprocess.Popen:
    """The real command line, in its own process, on ``db``."""
    env = {**os.environ, "WORKBENCH_HOME": str(home), "WORKBENCH_LANG": "zh"}
    env.pop("WORKBENCH_PASSWORD", None)
    return subprocess.Popen([sys.executable, "-m", "workbench.cli", "--db", str(db), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=CLI_TIMEOUT_S)
    return process.returncode, out, err


def contents(db: Path) -> list[str]:
    """Everything the store holds, as SQL, without what no import decides."""
    store = Store.open(db)
    try:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [line for line in store.conn.iterdump()
                if not any(word in line for word in VOLATILE)]
    finally:
        store.close()


def count(db: Path, sql: str, *params) -> int:
    store = Store.open(db)
    try:
        return store.conn.execute(sql, params).fetchone()[0]
    finally:
        store.close()


def wal_size(db: Path) -> int:
    try:
        return db.with_name(db.name + "-wal").stat().st_size
    except FileNotFoundError:
        return 0


def kill_while_writing(process: subprocess.Popen, db: Path) -> bool:
    """SIGKILL the process once its transaction is spilling into the WAL; False if it
    ended first."""
    deadline = time.monotonic() + CLI_TIMEOUT_S
    while process.poll() is None and time.monotonic() < deadline:
        if wal_size(db) > WRITING_WAL_BYTES:
            process.send_signal(signal.SIGKILL)
            process.communicate(timeout=CLI_TIMEOUT_S)
            return True
        time.sleep(POLL_S)
    process.communicate(timeout=CLI_TIMEOUT_S)
    return False


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err.strip()


@pytest.fixture
def shop(tmp_path: Path, clock) -> Path:
    """A demo shop's store file, closed, for the command line to open."""
    db = tmp_path / "shop.sqlite3"
    store = Store.open(db)
    demo.seed_if_empty(store, clock())
    preload.preload(store, clock())  # the shipped team pack, as the window's first start
    search.store_uid(store)  # made once, at a store's first log import or export
    store.close()
    return db


# --- the big files ------------------------------------------------------------------------

REPORT_HEADER = ["订单编号", "买家会员名", "订单状态", "总金额", "买家实际支付金额", "收货人姓名",
                 "收货地址 ", "联系手机", "订单创建时间", "订单付款时间 ", "订单备注"]


def order_report(folder: Path, rows: int = ORDERS) -> Path:
    """The back office's report: GBK, CRLF, ="…" ids, ' phones, full-width statuses."""
    lines = [[f'="8800{n:08d}"', f"买家{n % 500}", "买家已付款，等待卖家发货", "129.00", "129.00",
              "陆晴", f"杭州市西湖区文三路 {n} 号", f"'139{n:08d}", "2025-11-20 10:00:00",
              "2025-11-20 10:05:00", f"第 {n} 单：送发圈"] for n in range(rows)]
    path = folder / "ExportOrderList.csv"
    path.write_bytes(csv_text(REPORT_HEADER, lines).encode("gbk"))
    return path


def phrase_file(folder: Path, rows: int = PHRASES) -> Path:
    """Qianniu's phrase CSV: GBK, its exact header, fields behind a tab."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(packs.QIANNIU_HEADER)
    writer.writerows([f"\tq{n}", f"\t亲，第 {n} 句话术，感谢您的耐心等待", f"\t分组{n % 20}"]
                     for n in range(rows))
    path = folder / "千牛快捷短语.csv"
    path.write_bytes(text.getvalue().encode("gbk"))
    return path


def log_file(folder: Path, lines: int = LOG_LINES) -> Path:
    path = folder / "logs.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(lines):
            out.write(json.dumps({"conversation": f"c{n // 10}", "buyer": f"买家{n // 10}",
                                  "agent": None, "sender": "buyer", "text": f"第 {n} 条：在吗？",
                                  "time": f"2025-11-20 10:{n // 60 % 60:02d}:{n % 60:02d}"},
                                 ensure_ascii=False) + "\n")
    return path


def exchange_file(folder: Path, items: int = SHEET_ITEMS) -> tuple[Path, str]:
    """A handover exchange file from 小满's workstation, checksum and all."""
    uid = uuid.uuid4().hex
    document = {
        "format": exchange.FORMAT, "version": exchange.VERSION,
        "exported_at": "2025-11-24T21:30:00+08:00", "shop": "小满家居服旗舰店",
        "sheet": {"uid": uid, "shift": "晚班", "from_agent": {"name": "xiaoman",
                                                             "display_name": "小满"},
                  "to_agent": None, "notes": "顺丰今天停发",
                  "created_at": "2025-11-24T21:30:00+08:00"},
        "items": [{"kind": "note", "title": f"第 {n} 件事：回访买家", "detail": "",
                   "buyer": None, "order": None, "due_at": None} for n in range(items)],
    }
    document["checksum"] = exchange.checksum(document)
    path = folder / "交接单.handover.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path, uid


# --- kill -9 in the middle of every import ------------------------------------------------

def import_orders(tmp_path):
    return (["orders", "import", str(order_report(tmp_path)), "--as", "xiaoman"],
            "SELECT count(*) FROM orders WHERE id LIKE '8800%'", ORDERS)


def import_phrases(tmp_path):
    return (["phrases", "import", str(phrase_file(tmp_path)), "--as", "lin"],
            "SELECT count(*) FROM phrases p JOIN phrase_packs k ON k.id = p.pack_id "
            "WHERE k.name = '千牛快捷短语'", PHRASES)


def import_logs(tmp_path):
    return (["logs", "import", str(log_file(tmp_path)), "--as", "wang"],
            "SELECT count(*) FROM messages WHERE text LIKE '第 % 条：在吗？'", LOG_LINES)


def import_sheet(tmp_path):
    path, uid = exchange_file(tmp_path)
    return (["handover", "import", str(path), "--as", "ajie"],
            f"SELECT count(*) FROM handover_items i JOIN handover_sheets s ON s.id = i.sheet_id "
            f"WHERE s.uid = '{uid}'", SHEET_ITEMS)


IMPORTS = {"orders": import_orders, "phrases": import_phrases, "logs": import_logs,
           "handover": import_sheet}


@pytest.mark.parametrize("importer", IMPORTS)
def test_kill_9_while_an_import_writes_leaves_the_store_as_before_or_whole(
        shop, tmp_path, importer):
    args, whole, expected = IMPORTS[importer](tmp_path)
    before = contents(shop)
    process = cli(shop, tmp_path, *args)
    killed = kill_while_writing(process, shop)
    assert killed, "the import ended before it could be killed: make its file bigger"
    assert process.returncode == -signal.SIGKILL
    if contents(shop) == before:
        # Nothing of it was kept, and the store still works: the same import runs whole.
        status, _out, err = finish(cli(shop, tmp_path, *args))
        assert status == 0, err
    assert count(shop, whole) == expected


# --- files cut short, malformed, or not what they claim ----------------------------------

def cut_mid_row(raw: bytes) -> bytes:
    """An interrupted download: the last row stops after its third cell."""
    last = raw.rstrip(b"\r\n").rfind(b"\r\n") + 2
    return raw[:last] + b",".join(raw[last:].split(b",")[:3])


def cut_character(raw: bytes) -> bytes:
    """The last Chinese character cut after its first byte (GBK or UTF-8)."""
    end = len(raw.rstrip(b"\r\n\"}"))
    while raw[end - 1] < 0x80:
        end -= 1
    while raw[end - 1] >= 0x80:
        end -= 1
    return raw[:end + 1]


def small(maker, *args):
    return lambda folder: maker(folder, *args)


BAD_FILES = {
    # importer: (command, --as, make the good file, damage, what the message says)
    "orders cut row": ("orders", "xiaoman", small(order_report, 3), cut_mid_row,
                       "第 4 行：这一行只有 3 列"),
    "orders cut character": ("orders", "xiaoman", small(order_report, 3), cut_character,
                             "不完整的字符"),
    "orders open quote": ("orders", "xiaoman", small(order_report, 3),
                          lambda raw: raw + '="1","买家'.encode("gbk"), "引号没有闭合"),
    "orders unquoted comma": ("orders", "xiaoman", small(order_report, 3),
                              lambda raw: raw.replace("西湖区".encode("gbk"),
                                                      "西湖,区".encode("gbk"), 1),  # ascii: csv
                              "有 12 列，表头只有 11 列：可能有未加引号的逗号"),
    "orders missing column": ("orders", "xiaoman", small(order_report, 3),
                              lambda raw: raw.replace("订单编号".encode("gbk"), b"id", 1),
                              "缺少必需的列：订单编号"),
    "orders header only": ("orders", "xiaoman", small(order_report, 3),
                           lambda raw: raw[:raw.index(b"\r\n") + 2], "只有表头"),
    "orders empty": ("orders", "xiaoman", small(order_report, 3), lambda raw: b"",
                     "文件是空的"),
    "phrases open quote": ("phrases", "lin", small(phrase_file, 3),
                           lambda raw: raw + '\tq9,"亲，没写完'.encode("gbk"), "引号没有闭合"),
    "phrases cut character": ("phrases", "lin", small(phrase_file, 3), cut_character,
                              "不完整的字符"),
    "phrases binary": ("phrases", "lin", small(phrase_file, 3),
                       lambda raw: b"PK\x03\x04\x00\x00" + raw, "不是文本文件"),
    "logs gbk": ("logs", "wang", small(log_file, 3),
                 lambda raw: raw.decode().encode("gbk"), "须为 UTF-8"),
    "logs csv": ("logs", "wang", small(log_file, 3),
                 lambda raw: b"conversation,buyer,sender,text\nc1,b,buyer,hi\n", "JSON"),
    "logs empty": ("logs", "wang", small(log_file, 3), lambda raw: b"\n\n", "文件是空的"),
    "handover cut": ("handover", "ajie", lambda folder: exchange_file(folder, 3)[0],
                     lambda raw: raw[:len(raw) * 2 // 3], "提前结束"),
    "handover changed": ("handover", "ajie", lambda folder: exchange_file(folder, 3)[0],
                         lambda raw: raw.replace("回访".encode(), "拜访".encode(), 1),
                         "校验值不符"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_cut_or_malformed_file_is_refused_in_one_line_and_changes_nothing(shop, tmp_path,
                                                                          case):
    command, agent, make, damage, reason = BAD_FILES[case]
    path = make(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    before = contents(shop)
    status, out, err = finish(cli(shop, tmp_path, command, "import", str(path), "--as", agent))
    assert status == 1 and out == ""
    message = one_line(err)
    assert message.startswith(path.name) and reason in message
    assert message.endswith("文件没有导入，数据没有任何改动。")
    assert contents(shop) == before


def test_a_router_config_that_is_not_utf8_is_one_line(tmp_path):
    config = tmp_path / "router.toml"
    config.write_bytes('[service]\njid = "客服@shop.test"\n'.encode("gbk"))
    status, _out, err = finish(cli(tmp_path / "unused.sqlite3", tmp_path, "router",
                                   "--config", str(config)))
    assert status == 1 and "第 2 行" in one_line(err) and "UTF-8" in err


# --- exports that cannot be written -------------------------------------------------------

EXPORTS = {
    "orders register": lambda out: ["orders", "register", "--out", str(out), "--as", "wang"],
    "logs": lambda out: ["logs", "export", "--out", str(out), "--as", "wang"],
    "phrases": lambda out: ["phrases", "export", str(out), "--format", "qianniu", "--as",
                            "lin"],
    "handover sheet": lambda out: ["handover", "sheet", "--out", str(out), "--notes",
                                   "夜班注意", "--as", "xiaoman"],
}


@pytest.mark.parametrize("where", ["missing folder", "onto a folder"])
@pytest.mark.parametrize("export", EXPORTS)
def test_an_export_that_cannot_be_written_is_one_line_and_leaves_nothing(shop, tmp_path,
                                                                         export, where):
    folder = tmp_path / "exports"
    folder.mkdir()
    if where == "missing folder":
        out = folder / "gone" / "export.xlsx"
        reason = "不存在"
    else:
        out = folder / "export.csv"
        out.mkdir()
        reason = "是一个文件夹"
    before = contents(shop)
    status, printed, err = finish(cli(shop, tmp_path, *EXPORTS[export](out)))
    assert status == 1 and reason in one_line(err)
    assert [p.name for p in folder.iterdir()] == ([] if where == "missing folder"
                                                  else ["export.csv"])
    assert contents(shop) == before  # the handover sheet is not built without its file


def test_kill_9_during_an_export_leaves_the_previous_file_whole(shop, tmp_path):
    status, _out, err = finish(cli(shop, tmp_path, "logs", "import", str(log_file(tmp_path)),
                                   "--as", "wang"))
    assert status == 0, err
    out = tmp_path / "exports" / "logs.csv"
    out.parent.mkdir()
    out.write_text("the export of yesterday\n", encoding="utf-8")
    process = cli(shop, tmp_path, "logs", "export", "--out", str(out), "--as", "wang")
    deadline = time.monotonic() + CLI_TIMEOUT_S
    while process.poll() is None and time.monotonic() < deadline:
        parts = list(out.parent.glob(".logs.csv.*.part"))
        if parts and parts[0].stat().st_size > WRITING_WAL_BYTES:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(POLL_S)
    process.communicate(timeout=CLI_TIMEOUT_S)
    assert process.returncode == -signal.SIGKILL, "the export ended before it could be killed"
    assert out.read_text(encoding="utf-8") == "the export of yesterday\n"
    # The next export replaces the file whole and clears what the killed one left.
    status, printed, err = finish(cli(shop, tmp_path, "logs", "export", "--out", str(out),
                                      "--as", "wang"))
    assert status == 0 and printed.startswith(f"{LOG_LINES}\t"), err
    assert [p.name for p in out.parent.iterdir()] == ["logs.csv"]
