"""The handover exchange file: a sheet carried to another workstation without a server.

The format is documented in docs/formats-handover.md. The file is read through
:mod:`workbench.filereader` (UTF-8 only; empty, binary, cut and malformed files refused)
and written through :mod:`workbench.filewriter` (atomically). Import is all-or-nothing:
any problem (damaged file, wrong format, unknown field value, already imported) is a
refusal naming the file, the item and the field, and the store is left as it was. Kinds,
states and assignee kinds are read through :func:`workbench.textnorm.match_key`.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from workbench import accounts, handover, orders, timefmt
from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.filereader import FileRefused, read_json
from workbench.filewriter import atomic_text
from workbench.handover import Assignee, sheets, shifts
from workbench.store import Store, events, people
from workbench.store import handover as sheet_rows
from workbench.textnorm import match_key

FORMAT = "workbench-handover"
VERSION = 1
SUFFIX = ".handover.json"
MAX_BYTES = 20 * 1024 * 1024
TITLE_LIMIT = 500


@dataclass(frozen=True)
class ImportReport:
    sheet_id: int
    from_agent: str
    items: int
    todos: int
    buyers_missing: tuple[str, ...] = field(default_factory=tuple)
    orders_missing: tuple[str, ...] = field(default_factory=tuple)
    receiver_missing: str | None = None

    def summary(self) -> str:
        lines = [f"已导入交接单 #{self.sheet_id}（来自 {self.from_agent}）："
                 f"{self.items} 项，其中待办 {self.todos} 项。"]
        if self.buyers_missing:
            lines.append("本机找不到这些买家，相关事项未关联买家："
                         + "、".join(self.buyers_missing))
        if self.orders_missing:
            lines.append("本机找不到这些订单，相关事项未关联订单："
                         + "、".join(self.orders_missing))
        if self.receiver_missing:
            lines.append(f"本机没有接收人 {self.receiver_missing}，交接单由下一位接班客服接收。")
        return "\n".join(lines)


# ----------------------------------------------------------------------------- export

def iso(at: float | None) -> str | None:
    if at is None:
        return None
    return timefmt.local(at).astimezone().isoformat(timespec="seconds")


def _canonical(document: dict) -> bytes:
    body = {key: value for key, value in document.items() if key != "checksum"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def checksum(document: dict) -> str:
    return "sha256:" + hashlib.sha256(_canonical(document)).hexdigest()


def _agent_ref(store: Store, agent_id: int | None) -> dict | None:
    row = people.agent_by_id(store, agent_id) if agent_id is not None else None
    return {"name": row["name"], "display_name": row["display_name"]} if row else None


def _todo_block(store: Store, todo: handover.Todo) -> dict:
    creator = _agent_ref(store, todo.creator_id)
    if todo.assignee_kind == "agent":
        ref = _agent_ref(store, todo.assignee_id) or {}
        assignee = {"kind": "agent", "name": ref.get("name")}
    elif todo.assignee_kind == "shift":
        assignee = {"kind": "shift", "shift": todo.assignee_shift}
    else:
        assignee = {"kind": "team"}
    return {"priority": todo.priority, "state": todo.state, "detail": todo.detail,
            "remind_at": iso(todo.remind_at), "created_at": iso(todo.created_at),
            "creator": creator["name"] if creator else None, "assignee": assignee,
            "conversation": todo.conversation_id is not None}


def document(store: Store, sheet_id: int, now: float) -> dict:
    """The exchange document of a sheet: its items not yet received."""
    sheet = sheets.get(store, sheet_id)
    if sheet is None:
        raise Refused(f"找不到交接单 {sheet_id}。", f"There is no handover sheet {sheet_id}.")
    pending = [item for item in sheets.items(store, sheet_id) if not item.acknowledged]
    if not pending:
        raise Refused(f"交接单 #{sheet_id} 已全部接收，没有需要带到其他工作台的事项。",
                      f"Handover sheet #{sheet_id} has been received in full: nothing is left "
                      "to carry to another workstation.")
    entries = []
    for item in pending:
        entry = {"kind": item.kind, "title": item.title, "detail": item.detail or "",
                 "buyer": item.buyer_nick, "order": item.order_id, "due_at": iso(item.due_at)}
        if item.kind == "todo":
            todo = handover.get(store, int(item.ref)) if item.ref else None
            if todo is None:
                raise Refused(f"交接单 #{sheet_id} 的待办“{item.title}”已不存在。",
                              f"The todo {item.title!r} of handover sheet #{sheet_id} no "
                              "longer exists.")
            entry["todo"] = _todo_block(store, todo)
        entries.append(entry)
    result = {
        "format": FORMAT, "version": VERSION, "exported_at": iso(now),
        "shop": shop_name(store),
        "sheet": {"uid": sheet.uid or uuid.uuid4().hex, "shift": sheet.shift,
                  "from_agent": _agent_ref(store, sheet.from_agent_id),
                  "to_agent": _agent_ref(store, sheet.to_agent_id),
                  "notes": sheet.notes, "created_at": iso(sheet.created_at)},
        "items": entries,
    }
    result["checksum"] = checksum(result)
    return result


def shop_name(store: Store) -> str:
    from workbench import quickphrases
    from workbench.store import settings

    return settings.get(store, quickphrases.SHOP_NAME_KEY, "") or ""


def export(store: Store, sheet_id: int, path: Path, now: float) -> int:
    """Write the exchange file of a sheet; returns how many items it holds. The file
    appears whole or not at all."""
    data = document(store, sheet_id, now)
    with atomic_text(Path(path)) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=2))
    return len(data["items"])


# ----------------------------------------------------------------------------- import

class _Checker:
    """Reads fields of the document, refusing with the file, item and field named.
    ``where`` is a place in the document: (Chinese, English)."""

    SHEET = ("交接单信息", "the sheet")

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: tuple[str, str] | None, zh: str, en: str) -> FileRefused:
        if where:
            zh, en = f"{where[0]}，{zh}", f"{where[1]}: {en}"
        return FileRefused(self.path, zh, en)

    def text(self, block: dict, key: str, where, *, optional: bool = False,
             limit: int | None = None) -> str | None:
        value = block.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or (not optional and not value.strip()):
            raise self.fail(where, f"字段 {key} 应是非空文字", f"the field {key} should be text")
        if limit and len(value) > limit:
            raise self.fail(where, f"字段 {key} 超过 {limit} 字",
                            f"the field {key} is longer than {limit} characters")
        return value

    def time(self, block: dict, key: str, where, optional: bool = True) -> float | None:
        value = block.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(where, f"字段 {key} 应是时间文字（如 2025-11-24T21:30:00+08:00）",
                            f"the field {key} should be a time (2025-11-24T21:30:00+08:00)")
        try:
            return timefmt.parse(value)
        except ValueError:
            raise self.fail(where, f"字段 {key} 的时间“{value}”无法识别",
                            f"cannot read the time {value!r} of the field {key}") from None

    def block(self, block: dict, key: str, where, optional: bool = False) -> dict | None:
        value = block.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, dict):
            raise self.fail(where, f"字段 {key} 缺失或格式不对",
                            f"the field {key} is missing or malformed")
        return value

    def name(self, block: dict, key: str, names, where) -> None:
        """A field naming one of ``names`` (a kind, a state), as written in any width or
        case; stored back as the canonical name."""
        value = block.get(key)
        found = next((name for name in names if match_key(name) == match_key(value)), None)
        if value is None or found is None:
            raise self.fail(where, f"字段 {key} 的值“{value}”未知",
                            f"unknown value {value!r} of the field {key}")
        block[key] = found


def read(path: Path) -> dict:
    """Load and check an exchange file; FileRefused says what is wrong and where."""
    path = Path(path)
    check = _Checker(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_json says why the file cannot be read
    if size > MAX_BYTES:
        raise check.fail(None, f"文件过大（{size} 字节），不像是交接文件",
                         f"the file is too large ({size} bytes) to be a handover file")
    document = read_json(path, utf8_only=True)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise check.fail(None, "不是工作台的交接文件", "this is not a workbench handover file")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise check.fail(None, f"格式版本“{version}”无效", f"invalid format version {version!r}")
    if version > VERSION:
        raise check.fail(None, f"由更新版本的工作台导出（格式版本 {version}，本机支持 {VERSION}），"
                         "请先升级工作台", f"exported by a newer workbench (format version "
                         f"{version}, this one reads {VERSION}); upgrade the workbench first")
    if document.get("checksum") != checksum(document):
        raise check.fail(None, "校验值不符，文件在导出后被改动或已损坏",
                         "the checksum does not match: the file was changed or damaged after "
                         "the export")
    where = check.SHEET
    sheet = check.block(document, "sheet", where)
    check.text(sheet, "uid", where, limit=100)
    check.block(sheet, "from_agent", where)
    check.text(sheet["from_agent"], "name", ("交接单的交接人", "the sheet's from_agent"))
    if sheet.get("to_agent") is not None:
        check.text(check.block(sheet, "to_agent", where), "name",
                   ("交接单的接收人", "the sheet's to_agent"))
    check.text(sheet, "shift", where, optional=True, limit=50)
    check.text(sheet, "notes", where, optional=True)
    check.time(sheet, "created_at", where, optional=False)
    entries = document.get("items")
    if not isinstance(entries, list) or not entries:
        raise check.fail(("items", "items"), "没有任何交接事项", "there are no items")
    for number, entry in enumerate(entries, start=1):
        _check_item(check, entry, (f"第 {number} 项", f"item {number}"))
    return document


def _check_item(check: _Checker, entry, where: tuple[str, str]) -> None:
    if not isinstance(entry, dict):
        raise check.fail(where, "格式不对", "malformed")
    check.name(entry, "kind", sheets.KIND_NAMES, where)
    kind = entry["kind"]
    check.text(entry, "title", where, limit=TITLE_LIMIT)
    check.text(entry, "detail", where, optional=True)
    check.text(entry, "buyer", where, optional=True, limit=100)
    check.text(entry, "order", where, optional=True, limit=64)
    check.time(entry, "due_at", where)
    if kind in ("order", "reminder") and not entry.get("order"):
        raise check.fail(where, "订单类事项缺少字段 order", "an order item has no field order")
    if kind != "todo":
        return
    todo = check.block(entry, "todo", where)
    of_todo = (f"{where[0]}的待办", f"the todo of {where[1]}")
    priority = todo.get("priority")
    if priority not in handover.PRIORITY_NAMES:
        raise check.fail(where, f"字段 todo.priority 应是 0、1 或 2，而不是“{priority}”",
                         f"the field todo.priority should be 0, 1 or 2, not {priority!r}")
    check.name(todo, "state", handover.STATES, of_todo)
    if len(" ".join(entry["title"].split())) > handover.TITLE_LIMIT:
        raise check.fail(where, f"待办标题超过 {handover.TITLE_LIMIT} 字",
                         f"the todo title is longer than {handover.TITLE_LIMIT} characters")
    check.text(todo, "detail", of_todo, optional=True)
    check.text(todo, "creator", of_todo, optional=True)
    check.time(todo, "remind_at", of_todo)
    check.time(todo, "created_at", of_todo)
    assignee = check.block(todo, "assignee", of_todo)
    check.name(assignee, "kind", handover.ASSIGNEE_KINDS, of_todo)
    if not isinstance(todo.get("conversation", False), bool):
        raise check.fail(where, "字段 todo.conversation 应是 true 或 false",
                         "the field todo.conversation should be true or false")


def import_file(store: Store, path: Path, agent: Agent,
                now: float) -> tuple[ImportReport, Changes]:
    """Recreate the sheet of an exchange file here, linking the buyers and orders this
    store knows and reporting the others. All or nothing."""
    path = Path(path)
    document = read(path)
    check = _Checker(path)
    sheet = document["sheet"]
    with store.transaction():
        if sheet_rows.sheet_by_uid(store, sheet["uid"]) is not None:
            raise check.fail(None, "这份交接单已经导入过", "this sheet was imported before")
        sender = accounts.by_name(store, sheet["from_agent"]["name"])
        if sender is None:
            name = sheet["from_agent"]["name"]
            raise check.fail(check.SHEET, f"交接人“{name}”不在本机的客服名单里；请先为 TA 建立账号"
                             "再导入", f"the agent {name!r} who handed over has no account "
                             "here; create it, then import")
        receiver_name = (sheet.get("to_agent") or {}).get("name")
        receiver = accounts.by_name(store, receiver_name) if receiver_name else None
        if receiver is not None and receiver.id == sender.id:
            receiver = None
        sheet_id = sheet_rows.insert_sheet(store, {
            "uid": sheet["uid"], "shift": sheet.get("shift"), "from_agent_id": sender.id,
            "to_agent_id": receiver.id if receiver else None, "notes": sheet.get("notes") or "",
            "created_at": timefmt.parse(sheet["created_at"]),
            "origin": f"import:{path.name}"})
        missing_buyers: set[str] = set()
        missing_orders: set[str] = set()
        changes = Changes()
        todos = 0
        for number, entry in enumerate(document["items"], start=1):
            buyer = people.buyer_by_nick(store, entry["buyer"]) if entry.get("buyer") else None
            if entry.get("buyer") and buyer is None:
                missing_buyers.add(entry["buyer"])
            order = orders.get(store, entry["order"]) if entry.get("order") else None
            if entry.get("order") and order is None:
                missing_orders.add(entry["order"])
            ref: str | None = None
            if entry["kind"] == "todo":
                try:
                    todo_id = _recreate_todo(store, entry, sender, buyer, order, agent, now)
                except FileRefused:
                    raise
                except Refused as refused:
                    # The todo rules (a due time out of range, say) refuse in the words of
                    # the todo window; an import names the file and the item as well.
                    raise check.fail((f"第 {number} 项", f"item {number}"),
                                     refused.zh.rstrip("。"), refused.en.rstrip(".")) from None
                changes |= Changes(todos=frozenset({todo_id}))
                ref = str(todo_id)
                todos += 1
            elif entry["kind"] == "conversation" and buyer is not None:
                found = handover.conversation_for_buyer(store, buyer["id"])
                ref = str(found) if found is not None else None
            elif entry["kind"] in ("order", "reminder") and order is not None:
                ref = order.id
            sheet_rows.insert_item(store, {
                "sheet_id": sheet_id, "kind": entry["kind"], "ref": ref,
                "title": entry["title"], "detail": entry.get("detail") or "",
                "buyer_nick": entry.get("buyer"), "order_id": entry.get("order"),
                "due_at": timefmt.parse(entry["due_at"]) if entry.get("due_at") else None})
        events.record(store, now, agent.id, "handover.import", f"handover:{sheet_id}",
                      {"file": path.name, "uid": sheet["uid"], "items": len(document["items"])})
    report = ImportReport(sheet_id, sender.signature, len(document["items"]), todos,
                          tuple(sorted(missing_buyers)), tuple(sorted(missing_orders)),
                          receiver_name if receiver_name and receiver is None else None)
    return report, changes


def _recreate_todo(store: Store, entry: dict, sender: Agent, buyer, order, agent: Agent,
                   now: float) -> int:
    block = entry["todo"]
    creator = (accounts.by_name(store, block["creator"]) if block.get("creator") else None) \
        or sender
    wanted = block["assignee"]
    assignee = Assignee.agent(sender.id)
    if wanted["kind"] == "team":
        assignee = Assignee.team()
    elif wanted["kind"] == "shift" and wanted.get("shift") and \
            shifts.find(store, wanted["shift"]) is not None:
        assignee = Assignee.of_shift(wanted["shift"])
    elif wanted["kind"] == "agent" and wanted.get("name"):
        holder = accounts.by_name(store, wanted["name"])
        if holder is not None:
            assignee = Assignee.agent(holder.id)
    detail = block.get("detail") or ""
    notes = []
    if entry.get("buyer") and buyer is None:
        notes.append(f"买家 {entry['buyer']} 在本机找不到")
    if entry.get("order") and order is None:
        notes.append(f"订单 {entry['order']} 在本机找不到")
    if notes:
        detail = (detail + "\n" if detail else "") + "（" + "；".join(notes) + "）"
    conversation_id = None
    buyer_id = order.buyer_id if order is not None else (buyer["id"] if buyer else None)
    if block.get("conversation") and buyer_id is not None:
        conversation_id = handover.conversation_for_buyer(store, buyer_id)
    changes = handover.add(
        store, entry["title"], creator, now, detail=detail, priority=block["priority"],
        buyer_id=buyer_id, conversation_id=conversation_id,
        order_id=order.id if order is not None else None,
        due_at=timefmt.parse(entry["due_at"]) if entry.get("due_at") else None,
        remind_at=timefmt.parse(block["remind_at"]) if block.get("remind_at") else None,
        assignee=assignee)
    (todo_id,) = changes.todos
    events.record(store, now, agent.id, "todo.import", f"todo:{todo_id}",
                  {"from": sender.signature, "created_at": block.get("created_at")})
    if block["state"] != "未执行":
        handover.set_state(store, todo_id, block["state"], agent, now)
    return todo_id
