"""The handover exchange file: a sheet carried to another workstation without a server.

The format is documented in docs/formats-handover.md. Import is all-or-nothing: any
problem (damaged file, wrong format, unknown field value, already imported) is a Refused
naming the file, the item and the field, and the store is left as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from workbench import accounts, handover, orders, timefmt
from workbench.accounts import Agent
from workbench.changes import Changes, Refused
from workbench.handover import Assignee, sheets, shifts
from workbench.store import Store, chat, events, people
from workbench.store import handover as sheet_rows

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
    return dt.datetime.fromtimestamp(at).astimezone().isoformat(timespec="seconds")


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
        raise Refused(f"找不到交接单 {sheet_id}。")
    pending = [item for item in sheets.items(store, sheet_id) if not item.acknowledged]
    if not pending:
        raise Refused(f"交接单 #{sheet_id} 已全部接收，没有需要带到其他工作台的事项。")
    entries = []
    for item in pending:
        entry = {"kind": item.kind, "title": item.title, "detail": item.detail or "",
                 "buyer": item.buyer_nick, "order": item.order_id, "due_at": iso(item.due_at)}
        if item.kind == "todo":
            todo = handover.get(store, int(item.ref)) if item.ref else None
            if todo is None:
                raise Refused(f"交接单 #{sheet_id} 的待办“{item.title}”已不存在。")
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


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failed write never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export(store: Store, sheet_id: int, path: Path, now: float) -> int:
    """Write the exchange file of a sheet; returns how many items it holds."""
    data = document(store, sheet_id, now)
    try:
        write_atomically(Path(path), json.dumps(data, ensure_ascii=False, indent=2)
                         .encode("utf-8"))
    except OSError as error:
        raise Refused(f"无法写入 {path}：{error.strerror or error}") from error
    return len(data["items"])


# ----------------------------------------------------------------------------- import

class _Checker:
    """Reads fields of the document, refusing with the file, item and field named."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, where: str, reason: str) -> Refused:
        return Refused(f"{self.name}{where}：{reason}。文件未导入，本机数据没有改动。")

    def text(self, block: dict, key: str, where: str, *, optional: bool = False,
             limit: int | None = None) -> str | None:
        value = block.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or (not optional and not value.strip()):
            raise self.fail(where, f"字段 {key} 应是非空文字")
        if limit and len(value) > limit:
            raise self.fail(where, f"字段 {key} 超过 {limit} 字")
        return value

    def time(self, block: dict, key: str, where: str, optional: bool = True) -> float | None:
        value = block.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise self.fail(where, f"字段 {key} 应是时间文字（如 2025-11-24T21:30:00+08:00）")
        try:
            return timefmt.parse(value)
        except ValueError:
            raise self.fail(where, f"字段 {key} 的时间“{value}”无法识别") from None

    def block(self, block: dict, key: str, where: str, optional: bool = False) -> dict | None:
        value = block.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, dict):
            raise self.fail(where, f"字段 {key} 缺失或格式不对")
        return value


def read(path: Path) -> dict:
    """Load and check an exchange file; Refused says what is wrong and where."""
    path = Path(path)
    check = _Checker(path.name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise Refused(f"无法读取 {path}：{error.strerror or error}") from error
    if len(data) > MAX_BYTES:
        raise check.fail("", f"文件过大（{len(data)} 字节），不像是交接文件")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise check.fail("", "不是 UTF-8 文本，文件可能已损坏") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise check.fail(f" 第 {error.lineno} 行第 {error.colno} 列",
                         f"JSON 格式错误（{error.msg}），文件可能已损坏或不完整") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise check.fail("", "不是工作台的交接文件")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise check.fail("", f"格式版本“{version}”无效")
    if version > VERSION:
        raise check.fail("", f"由更新版本的工作台导出（格式版本 {version}，本机支持 {VERSION}），"
                         "请先升级工作台")
    if document.get("checksum") != checksum(document):
        raise check.fail("", "校验值不符，文件在导出后被改动或已损坏")
    sheet = check.block(document, "sheet", " 交接单信息")
    where = " 交接单信息"
    check.text(sheet, "uid", where, limit=100)
    check.block(sheet, "from_agent", where)
    check.text(sheet["from_agent"], "name", where + "(from_agent)")
    if sheet.get("to_agent") is not None:
        check.text(check.block(sheet, "to_agent", where), "name", where + "(to_agent)")
    check.text(sheet, "shift", where, optional=True, limit=50)
    check.text(sheet, "notes", where, optional=True)
    check.time(sheet, "created_at", where, optional=False)
    entries = document.get("items")
    if not isinstance(entries, list) or not entries:
        raise check.fail(" items", "没有任何交接事项")
    for number, entry in enumerate(entries, start=1):
        _check_item(check, entry, f" 第 {number} 项")
    return document


def _check_item(check: _Checker, entry, where: str) -> None:
    if not isinstance(entry, dict):
        raise check.fail(where, "格式不对")
    kind = entry.get("kind")
    if kind not in sheets.KIND_NAMES:
        raise check.fail(where, f"字段 kind 的值“{kind}”未知")
    check.text(entry, "title", where, limit=TITLE_LIMIT)
    check.text(entry, "detail", where, optional=True)
    check.text(entry, "buyer", where, optional=True, limit=100)
    check.text(entry, "order", where, optional=True, limit=64)
    check.time(entry, "due_at", where)
    if kind in ("order", "reminder") and not entry.get("order"):
        raise check.fail(where, "订单类事项缺少字段 order")
    if kind != "todo":
        return
    todo = check.block(entry, "todo", where)
    if todo.get("priority") not in handover.PRIORITY_NAMES:
        raise check.fail(where, "字段 todo.priority 应是 0、1 或 2，"
                                f"而不是“{todo.get('priority')}”")
    if todo.get("state") not in handover.STATES:
        raise check.fail(where, f"字段 todo.state 的值“{todo.get('state')}”未知")
    if len(" ".join(entry["title"].split())) > handover.TITLE_LIMIT:
        raise check.fail(where, f"待办标题超过 {handover.TITLE_LIMIT} 字")
    check.text(todo, "detail", where + "(todo)", optional=True)
    check.text(todo, "creator", where + "(todo)", optional=True)
    check.time(todo, "remind_at", where + "(todo)")
    check.time(todo, "created_at", where + "(todo)")
    assignee = check.block(todo, "assignee", where + "(todo)")
    if assignee.get("kind") not in handover.ASSIGNEE_KINDS:
        raise check.fail(where, f"字段 todo.assignee.kind 的值“{assignee.get('kind')}”未知")
    if not isinstance(todo.get("conversation", False), bool):
        raise check.fail(where, "字段 todo.conversation 应是 true 或 false")


def import_file(store: Store, path: Path, agent: Agent,
                now: float) -> tuple[ImportReport, Changes]:
    """Recreate the sheet of an exchange file here, linking the buyers and orders this
    store knows and reporting the others. All or nothing."""
    path = Path(path)
    document = read(path)
    check = _Checker(path.name)
    sheet = document["sheet"]
    with store.transaction():
        if sheet_rows.sheet_by_uid(store, sheet["uid"]) is not None:
            raise check.fail("", "这份交接单已经导入过")
        sender = accounts.by_name(store, sheet["from_agent"]["name"])
        if sender is None:
            raise check.fail(" 交接单信息", f"交接人“{sheet['from_agent']['name']}”不在本机的"
                             "客服名单里；请先为 TA 建立账号再导入")
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
        for entry in document["items"]:
            buyer = people.buyer_by_nick(store, entry["buyer"]) if entry.get("buyer") else None
            if entry.get("buyer") and buyer is None:
                missing_buyers.add(entry["buyer"])
            order = orders.get(store, entry["order"]) if entry.get("order") else None
            if entry.get("order") and order is None:
                missing_orders.add(entry["order"])
            ref: str | None = None
            if entry["kind"] == "todo":
                todo_id = _recreate_todo(store, entry, sender, buyer, order, agent, now)
                changes |= Changes(todos=frozenset({todo_id}))
                ref = str(todo_id)
                todos += 1
            elif entry["kind"] == "conversation" and buyer is not None:
                found = chat.open_conversation_for_buyer(store, buyer["id"])
                ref = str(found["id"]) if found else None
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
        detail = (detail + "\n" if detail else "") + "(" + ";".join(notes) + ")"
    conversation_id = None
    buyer_id = order.buyer_id if order is not None else (buyer["id"] if buyer else None)
    if block.get("conversation") and buyer_id is not None:
        found = chat.open_conversation_for_buyer(store, buyer_id)
        conversation_id = found["id"] if found else None
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
