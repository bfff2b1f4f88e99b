"""Conversation logs in files: JSONL import (all-or-nothing, or skipping bad lines into a
reject file) and exports to JSONL, CSV and XLSX. The format is in docs/formats-logs.md.

An import reads the file through :func:`workbench.filereader.utf8_lines` (a GBK, binary,
cut or empty file is refused whole, in one line), validates every line before it writes
anything, then writes in one transaction; re-importing the same file adds nothing (each
message gets a stable uid), and a uid already used by a different message is a conflict,
never silently "already there". Exports go through :mod:`workbench.filewriter`:
atomic, and formula-safe in CSV and XLSX.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workbench import accounts, timefmt
from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.filereader import FileRefused, JsonProblem, json_ends_early, parse_json, utf8_lines
from workbench.filewriter import CsvWriter, atomic_text, write_xlsx
from workbench.store import Store, logs
from workbench.supervision import search
from workbench.textnorm import match_key

FIELDS = ("conversation", "buyer", "agent", "sender", "text", "time")
SENDERS = ("buyer", "agent", "auto", "system")
FORMATS = ("jsonl", "csv", "xlsx")
CSV_HEADER = ("conversation", "buyer", "agent", "sender", "text", "time")
XLSX_HEADER = ("会话", "买家", "客服", "发送方", "内容", "时间")
XLSX_WIDTHS = (24, 14, 10, 8, 60, 26)
PREVIEW_CHARS = 60
PROGRESS_EVERY = 2000
# Import progress is reported as per-mille of the whole job: reading and checking the
# lines takes this share, writing them the rest.
READ_SHARE = 0.8
# Times written to a file are whole seconds; a stored message may carry a fraction.
SAME_TIME_S = 1.0
# A message's time: from timefmt.EARLIEST (2000-01-01) to a day after now (clocks and
# time zones differ); anything else is a typo or a damaged line, and a time no calendar
# can show (year 1 with an offset) would break every export and listing afterwards.
LATEST_AHEAD_S = 86400.0


class Cancelled(Exception):
    """The user stopped a long import or export; nothing was written."""


@dataclass(frozen=True)
class BadLine:
    number: int
    reason: str
    raw: str
    reason_en: str = ""

    def message(self, lang: str = "zh") -> str:
        return self.reason_en if lang == "en" and self.reason_en else self.reason


@dataclass(frozen=True)
class Line:
    number: int
    conversation: str
    buyer: str
    agent: str | None
    sender: str
    text: str
    at: float
    uid: str | None
    raw: str = ""      # kept for a line with its own uid: a conflict goes to the reject file

    def same_message(self, sender: str, text: str, at: float) -> bool:
        return (self.sender, self.text) == (sender, text) and abs(self.at - at) < SAME_TIME_S


@dataclass
class ImportResult:
    lines: int = 0
    messages_added: int = 0
    duplicates: int = 0
    conflicts: int = 0      # lines whose uid another, different message already has
    conversations_added: int = 0
    agents_created: list[str] = field(default_factory=list)
    rejected: list[BadLine] = field(default_factory=list)
    reject_file: Path | None = None
    changes: Changes = field(default_factory=Changes)


# --- reading lines ---------------------------------------------------------------------

def parse_time(value) -> float:
    """ISO 8601 (an offset or Z is honoured) or ``YYYY-MM-DD HH:MM:SS``; without an offset
    the time is local. A date without a time of day is refused."""
    if not isinstance(value, str) or ":" not in value:
        raise ValueError
    return dt.datetime.fromisoformat(value.strip()).timestamp()


def format_time(at: float) -> str:
    """ISO 8601 local time with its offset, e.g. 2025-11-24T21:20:05+08:00."""
    return dt.datetime.fromtimestamp(at).astimezone().isoformat(timespec="seconds")


class LineError(ValueError):
    """What is wrong with one log line, in Chinese (``str``) and English."""

    def __init__(self, zh: str, en: str):
        super().__init__(zh)
        self.zh, self.en = zh, en


def parse_line(number: int, raw: str, now: float | None = None) -> Line:
    """One log line, or LineError saying what is wrong. ``sender`` is read as people
    write it (``Buyer``, full-width letters); texts are kept as written. A time before
    2000 or more than a day after ``now`` (default: the clock) is refused."""
    try:
        record = parse_json(raw)
    except JsonProblem as problem:
        raise LineError(problem.zh, problem.en) from None
    except json.JSONDecodeError as error:
        if json_ends_early(raw, error):
            raise LineError(f"这一行在第 {error.colno} 列提前结束：文件可能不完整",
                            f"the line ends early at column {error.colno}: the file may be "
                            "incomplete") from None
        raise LineError(f"不是有效的 JSON（{error.msg}，第 {error.colno} 列）",
                        f"not valid JSON ({error.msg}, column {error.colno})") from None
    if not isinstance(record, dict):
        raise LineError("每行应是一个 JSON 对象 {…}", "each line should be a JSON object {…}")
    missing = [name for name in FIELDS if name not in record]
    if missing:
        raise LineError("缺少字段 " + "、".join(missing), "missing fields " + ", ".join(missing))
    for name in ("conversation", "buyer", "text", "sender", "time"):
        if not isinstance(record[name], str):
            raise LineError(f"字段 {name} 应为字符串", f"the field {name} should be a string")
    conversation, buyer = record["conversation"].strip(), record["buyer"].strip()
    if not conversation:
        raise LineError("conversation 不能为空", "conversation is empty")
    if not buyer:
        raise LineError("buyer 不能为空", "buyer is empty")
    agent = record["agent"]
    if agent is not None and not isinstance(agent, str):
        raise LineError("字段 agent 应为字符串或 null",
                        "the field agent should be a string or null")
    agent = agent.strip() or None if agent is not None else None
    sender = match_key(record["sender"])
    if sender not in SENDERS:
        raise LineError(f"sender 应为 buyer、agent、auto 或 system，而不是 {record['sender']!r}",
                        f"sender should be buyer, agent, auto or system, not "
                        f"{record['sender']!r}")
    if sender == "agent" and agent is None:
        raise LineError("sender 为 agent 的消息必须给出 agent（客服账号名）",
                        "a message whose sender is agent must name the agent (account name)")
    try:
        at = parse_time(record["time"])
    except (ValueError, OverflowError, OSError):
        raise LineError(f"time 不是有效时间 {record['time']!r}"
                        "（应为 ISO 8601 或 YYYY-MM-DD HH:MM:SS）",
                        f"time is not a valid time {record['time']!r} (write ISO 8601 or "
                        "YYYY-MM-DD HH:MM:SS)") from None
    latest = (time.time() if now is None else now) + LATEST_AHEAD_S
    if not timefmt.EARLIEST <= at <= latest:
        raise LineError(f"time {record['time']!r} 不是合理的消息时间"
                        "（应在 2000-01-01 之后，且不晚于明天）",
                        f"time {record['time']!r} is not a plausible message time (it should "
                        "be after 2000-01-01 and no later than tomorrow)")
    uid = record.get("uid")
    uid = uid if isinstance(uid, str) and uid else None
    return Line(number, conversation, buyer, agent, sender, record["text"], at, uid,
                raw.rstrip("\r\n") if uid else "")


def _stable_uid(line: Line, seen: dict[tuple, int]) -> str:
    """The same line of the same file always gets the same uid, so re-imports add nothing;
    identical lines in one conversation are told apart by their order."""
    key = (line.conversation, line.sender, repr(line.at), line.text)
    seen[key] = seen.get(key, 0) + 1
    digest = hashlib.sha1("\x1f".join((*key, str(seen[key]))).encode("utf-8")).hexdigest()
    return f"log-{digest}"


def _read(path: Path, store: Store, own_uid: str, skip_bad: bool, now: float,
          progress: Callable[[int, int], None] | None,
          cancelled: Callable[[], bool] | None) -> tuple[list[Line], list[BadLine]]:
    size = max(path.stat().st_size, 1) if path.is_file() else 1
    good: list[Line] = []
    bad: list[BadLine] = []
    buyers: dict[str, str] = {}     # conversation -> buyer, in this file or the store
    for number, raw, done in utf8_lines(path):
        if number % PROGRESS_EVERY == 0:
            if cancelled and cancelled():
                raise Cancelled
            if progress:
                progress(done, size)
        if not raw.strip():
            continue
        try:
            line = parse_line(number, raw, now)
            expected = buyers.get(line.conversation)
            if expected is None:
                expected = _stored_buyer(store, own_uid, line.conversation) or line.buyer
                buyers[line.conversation] = expected
            if expected != line.buyer:
                raise LineError(f"会话 {line.conversation} 的买家是 {expected}，"
                                f"这一行却是 {line.buyer}",
                                f"the buyer of conversation {line.conversation} is "
                                f"{expected}, this line says {line.buyer}")
        except LineError as error:
            if not skip_bad:
                raise _bad_line(path, number, error.zh, error.en) from None
            bad.append(BadLine(number, error.zh, raw.rstrip("\r\n"), error.en))
            continue
        good.append(line)
    if not good:
        # Not one line is a message: a CSV, a report, another kind of file. Importing
        # nothing and rejecting everything would only hide that.
        first = bad[0]
        raise FileRefused(path, f"没有一行是有效的聊天记录（第 {first.number} 行："
                          f"{first.reason}），这不像 JSONL 聊天记录文件",
                          f"not one line is a valid log line (line {first.number}: "
                          f"{first.reason_en}); this does not look like a JSONL log")
    return good, bad


def _bad_line(path: Path, number: int, zh: str, en: str) -> FileRefused:
    return FileRefused(path, f"{zh}；改正后重新导入，或用 --skip-bad 跳过坏行",
                       f"{en}; correct it, or skip bad lines with --skip-bad", row=number)


def _conflicts(store: Store, lines: list[Line]) -> list[BadLine]:
    """Lines whose own uid belongs to a different message, stored or earlier in the file.
    Identical messages are no conflict: they are simply already there."""
    stored = logs.messages_by_uid(store, sorted({line.uid for line in lines if line.uid}))
    first: dict[str, Line] = {}
    found = []
    for line in lines:
        if not line.uid:
            continue
        held, earlier = stored.get(line.uid), first.get(line.uid)
        if held is not None and not line.same_message(held["sender"], held["text"],
                                                      held["created_at"]):
            found.append(BadLine(line.number, f"uid {line.uid} 已属于工作台里另一条内容不同的消息",
                                 line.raw, f"uid {line.uid} already belongs to a different "
                                 "message in the workbench"))
        elif earlier is not None and not line.same_message(earlier.sender, earlier.text,
                                                           earlier.at):
            found.append(BadLine(line.number, f"uid {line.uid} 与第 {earlier.number} 行相同，"
                                 "消息内容却不同", line.raw, f"uid {line.uid} is the uid of "
                                 f"line {earlier.number}, whose message is different"))
        else:
            first.setdefault(line.uid, line)
    return found


def _stored_buyer(store: Store, own_uid: str, conversation: str) -> str | None:
    local = _own_conversation(store, own_uid, conversation)
    if local is not None:
        return logs.conversation_buyer(store, local)
    row = logs.conversation_by_external_id(store, conversation)
    return row["buyer"] if row else None


def _own_conversation(store: Store, own_uid: str, conversation: str) -> int | None:
    """A conversation exported from this very store maps back to itself."""
    prefix, _, number = conversation.partition(":")
    if prefix == own_uid and number.isdigit() and logs.conversation_buyer(store, int(number)):
        return int(number)
    return None


# --- importing -----------------------------------------------------------------------

def import_jsonl(store: Store, path: Path, by, now: float, skip_bad: bool = False,
                 reject_path: Path | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Import a JSONL log file as ``by`` (a supervisor).

    A bad line stops the import with its number and reason, the store unchanged; with
    ``skip_bad`` the good lines are imported and the bad ones written unchanged to
    ``reject_path`` (default: ``<file>.rejected.jsonl`` beside it). ``progress(done,
    1000)`` says how far the whole job is, in per mille; ``cancelled()`` true stops with
    Cancelled, nothing written. Unknown fields are ignored.
    """
    permissions.require(by, permissions.IMPORT_LOGS)
    path = Path(path)
    own_uid = search.store_uid(store)
    reading = writing = None
    if progress is not None:
        def reading(done: int, total: int) -> None:
            progress(int(done / total * READ_SHARE * 1000), 1000)

        def writing(done: int, total: int) -> None:
            progress(int((READ_SHARE + done / total * (1 - READ_SHARE)) * 1000), 1000)
    lines, bad = _read(path, store, own_uid, skip_bad, now, reading, cancelled)
    conflicts = _conflicts(store, lines)
    if conflicts and not skip_bad:
        first = conflicts[0]
        raise _bad_line(path, first.number, f"{first.reason}（共 {len(conflicts)} 行冲突）",
                        f"{first.reason_en} ({len(conflicts)} conflicting lines)")
    if conflicts:
        clashing = {conflict.number for conflict in conflicts}
        lines = [line for line in lines if line.number not in clashing]
        bad = sorted(bad + conflicts, key=lambda item: item.number)
    result = ImportResult(lines=len(lines) + len(bad), rejected=bad, conflicts=len(conflicts))
    if bad:
        # Written before the store is, so an unwritable reject file stops the import whole.
        result.reject_file = reject_path or path.with_name(path.name + ".rejected.jsonl")
        with atomic_text(result.reject_file, newline="\n") as out:
            out.writelines(item.raw + "\n" for item in bad)
    if lines:
        _write(store, lines, own_uid, now, result, writing, cancelled)
    return result


def _write(store: Store, lines: list[Line], own_uid: str, now: float, result: ImportResult,
           progress, cancelled) -> None:
    by_conversation: dict[str, list[Line]] = {}
    for line in lines:
        by_conversation.setdefault(line.conversation, []).append(line)
    seen: dict[tuple, int] = {}
    changed: set[int] = set()
    with store.transaction():
        agent_ids: dict[str, int] = {}
        for name in sorted({line.agent for line in lines if line.agent}):
            if accounts.by_name(store, name) is None:
                result.agents_created.append(name)
            agent_ids[name] = accounts.ensure_agent(store, name, now)
        nicks = sorted({line.buyer for line in lines})
        known = logs.buyer_ids(store, nicks)
        logs.insert_buyers(store, (nick for nick in nicks if nick not in known), now)
        buyer_ids = logs.buyer_ids(store, nicks)
        written = 0
        for key, group in by_conversation.items():
            if cancelled and cancelled():
                raise Cancelled
            group.sort(key=lambda line: (line.at, line.number))
            last = group[-1]
            preview = " ".join(last.text.split())[:PREVIEW_CHARS]
            conversation_id = _own_conversation(store, own_uid, key)
            if conversation_id is None:
                row = logs.conversation_by_external_id(store, key)
                conversation_id = row["id"] if row else None
            if conversation_id is None:
                serving = next((line.agent for line in reversed(group) if line.agent), None)
                conversation_id = logs.insert_imported_conversation(
                    store, key, buyer_ids[group[0].buyer],
                    agent_ids[serving] if serving else None, group[0].at, last.at, preview)
                result.conversations_added += 1
            else:
                logs.extend_conversation(store, conversation_id, last.at, preview)
            added = logs.insert_messages(store, (
                (line.uid or _stable_uid(line, seen), conversation_id, line.sender,
                 agent_ids[line.agent] if line.sender == "agent" else None, line.text, line.at)
                for line in group))
            result.messages_added += added
            if added:
                changed.add(conversation_id)
            written += len(group)
            if progress:
                progress(written, len(lines))
    result.duplicates = len(lines) - result.messages_added
    result.changes = Changes(conversations=frozenset(changed))


# --- exporting -----------------------------------------------------------------------

def format_of(path: Path, fmt: str | None) -> str:
    fmt = (fmt or path.suffix.lstrip(".") or "jsonl").lower()
    if fmt not in FORMATS:
        raise Refused(f"不支持的导出格式 {fmt}：可选 jsonl、csv、xlsx。",
                      f"Unsupported export format {fmt}: use jsonl, csv or xlsx.")
    return fmt


def collect(store: Store, viewer, flt: search.LogFilter, transcripts: bool = False,
            cancelled: Callable[[], bool] | None = None) -> Iterable[search.LogMessage]:
    """What an export writes: the matching messages newest first, or with ``transcripts``
    every conversation holding a match, whole and in order."""
    if not transcripts:
        yield from search.iter_messages(store, viewer, flt)
        return
    for conversation_id in search.matching_conversations(store, viewer, flt):
        if cancelled and cancelled():
            raise Cancelled
        yield from search.transcript(store, viewer, conversation_id).messages


def export(store: Store, viewer, flt: search.LogFilter, out: Path, fmt: str | None = None,
           transcripts: bool = False, progress: Callable[[int], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> int:
    """Write the messages ``viewer`` may read that match ``flt``; returns how many.

    The file is written beside its target and renamed at the end, so a failed or
    cancelled export leaves no half-written file."""
    out = Path(out)
    fmt = format_of(out, fmt)
    messages = collect(store, viewer, flt, transcripts, cancelled)
    return write_messages(messages, out, fmt, progress, cancelled)


def write_messages(messages: Iterable[search.LogMessage], out: Path, fmt: str,
                   progress: Callable[[int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> int:
    """Write ``messages`` to ``out`` atomically; text never becomes a formula."""
    count = 0

    def rows():
        nonlocal count
        for message in messages:
            count += 1
            if count % PROGRESS_EVERY == 0:
                if cancelled and cancelled():
                    raise Cancelled
                if progress:
                    progress(count)
            yield message

    if fmt == "jsonl":
        with atomic_text(out, newline="\n") as handle:
            for message in rows():
                record = {**message.record(), "uid": message.uid}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        # UTF-8 with a byte-order mark, so Excel opens Chinese text correctly.
        with atomic_text(out, encoding="utf-8-sig", newline="") as handle:
            writer = CsvWriter(handle)
            writer.writerow(CSV_HEADER)
            for message in rows():
                record = message.record()
                writer.writerow([record[name] or "" for name in CSV_HEADER])
    else:
        write_xlsx(out, "聊天记录", XLSX_HEADER, map(_xlsx_row, rows()), XLSX_WIDTHS)
    return count


def _xlsx_row(message: search.LogMessage) -> list[str]:
    record = message.record()
    return [record["conversation"], record["buyer"], record["agent"] or "",
            search.SENDER_NAMES.get(message.sender, message.sender), message.text,
            record["time"]]
