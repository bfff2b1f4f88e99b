"""`workbench todo ...` and `workbench handover ...` (see workbench/cli.py).

Kept light to import: the domain and openpyxl load inside the handlers.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from workbench.commandline import (
    CommandFailed,
    add_json_option,
    input_file,
    open_store,
    own_account,
    print_json,
    proven_account,
    require_file,
)

STATE_ALIASES = {"open": "open", "overdue": "overdue", "done": "done", "all": "all",
                 "未完成": "open", "已超时": "overdue", "已结束": "done", "全部": "all"}
RELATIVE = re.compile(r"^\+?(\d+(?:\.\d+)?)\s*([mhd]|min|分钟|小时|天)$", re.IGNORECASE)
UNIT_SECONDS = {"m": 60, "min": 60, "分钟": 60, "h": 3600, "小时": 3600, "d": 86400, "天": 86400}


def register(commands) -> None:
    import argparse

    todo = commands.add_parser("todo", help="待办 items: add, list")
    todo_sub = todo.add_subparsers(dest="todo_command", required=True)
    add = todo_sub.add_parser("add", help="add a todo (due in 24 hours unless --due says)")
    add.add_argument("title")
    add.add_argument("--buyer", metavar="B", help="the buyer's nick")
    add.add_argument("--order", metavar="O", help="an order id (links its buyer too)")
    add.add_argument("--due", metavar="TIME",
                     help="'YYYY-MM-DD HH:MM', ISO 8601, '+2h' / '30m' / '1d', or 'none'")
    add.add_argument("--remind", metavar="TIME", help="reminder time, same forms as --due")
    add.add_argument("--assignee", metavar="A",
                     help="an agent (login or display name), a shift name, or 'team'")
    add.add_argument("--priority", type=int, choices=(0, 1, 2), default=1)
    add.add_argument("--detail", default="")
    add.set_defaults(handler=_todo_add)

    listing = todo_sub.add_parser("list", help="list todos, soonest due first")
    listing.add_argument("--assignee", metavar="A",
                         help="an agent, a shift name, or 'team' (default: everyone's)")
    listing.add_argument("--state", metavar="S", default="open",
                         help="open (default), overdue, done, all, or a state such as 执行中")
    add_json_option(listing)
    listing.set_defaults(handler=_todo_list)

    handover = commands.add_parser("handover", help="shift handover sheets: sheet, import")
    handover_sub = handover.add_subparsers(dest="handover_command", required=True)
    sheet = handover_sub.add_parser(
        "sheet", help="build an agent's handover sheet and write it as a printable XLSX")
    sheet.add_argument("--agent", dest="as_agent", metavar="NAME", default=argparse.SUPPRESS,
                       help="the same as --as NAME: the outgoing agent, proven by password")
    sheet.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    sheet.add_argument("--to", metavar="NAME", help="the incoming agent (default: next shift)")
    sheet.add_argument("--shift", help="the shift name (default: the agent's shift)")
    sheet.add_argument("--notes", default="",
                       help="the shift's important information; \\n starts a new line")
    sheet.add_argument("--exchange", type=Path, metavar="FILE",
                       help="also write the file another workstation imports")
    sheet.add_argument("--sheet", type=int, metavar="ID",
                       help="write an existing sheet instead of building a new one")
    sheet.set_defaults(handler=_handover_sheet)

    imported = handover_sub.add_parser(
        "import", help="import a handover file written on another workstation")
    imported.add_argument("file", type=input_file)
    add_json_option(imported)
    imported.set_defaults(handler=_handover_import)


def parse_time(text: str, now: float) -> float | None:
    """A time from the command line; relative forms count from ``now``."""
    from workbench import timefmt

    text = text.strip()
    if text.lower() in ("none", "无", ""):
        return None
    match = RELATIVE.match(text)
    if match:
        return now + float(match.group(1)) * UNIT_SECONDS[match.group(2).lower()]
    try:
        return timefmt.parse(text)
    except ValueError:
        raise CommandFailed(f"无法识别的时间：{text}（例如 2025-11-25 18:00 或 +2h）",
                            f"Cannot read the time {text!r} (e.g. 2025-11-25 18:00 or +2h)") \
            from None


def _say(args, zh: str, en: str) -> None:
    print(en if args.lang == "en" else zh)


def _todo_add(args) -> int:
    from workbench import handover
    from workbench.store import people

    now = time.time()
    with open_store(args) as store:
        creator = proven_account(args, store)
        buyer_id = None
        if args.buyer:
            buyer = people.buyer_by_nick(store, args.buyer)
            if buyer is None:
                raise CommandFailed(f"找不到买家 {args.buyer}。", f"No buyer {args.buyer!r}.")
            buyer_id = buyer["id"]
        due = (parse_time(args.due, now) if args.due is not None
               else now + handover.PROMISE_HOURS * 3600)
        remind = parse_time(args.remind, now) if args.remind else None
        assignee = handover.resolve_assignee(store, args.assignee) if args.assignee else None
        changes = handover.add(store, args.title, creator, now, detail=args.detail,
                               priority=args.priority, buyer_id=buyer_id, order_id=args.order,
                               due_at=due, remind_at=remind, assignee=assignee)
        todo = handover.get(store, next(iter(changes.todos)))
        assert todo is not None
        due_text = _minute(todo.due_at)
        _say(args, f"已添加待办 #{todo.id}：{todo.title}"
                   f"（到期 {due_text}，负责：{todo.assignee_label}）",
             f"Added todo #{todo.id}: {todo.title} (due {due_text}, assignee "
             f"{todo.assignee_label})")
    return 0


def _minute(at: float | None) -> str:
    from workbench import timefmt

    return timefmt.minute(at) if at else "—"


def _states(text: str) -> tuple[str, ...]:
    from workbench import handover

    alias = STATE_ALIASES.get(text.strip().lower())
    if alias == "all":
        return handover.STATES
    if alias:
        return handover.VIEWS[alias]
    if text.strip() in handover.STATES:
        return (text.strip(),)
    raise CommandFailed(f"未知的状态 {text}：可用 open、overdue、done、all 或 "
                        + "、".join(handover.STATES) + "。",
                        f"Unknown state {text!r}: use open, overdue, done, all or one of "
                        + ", ".join(handover.STATES) + ".")


def _todo_list(args) -> int:
    from workbench import handover

    now = time.time()
    with open_store(args) as store:
        states = _states(args.state)
        # Nothing marks items overdue while no window is open: bring states up to date.
        handover.mark_overdue(store, now)
        reader = own_account(args, store)
        assignee = handover.resolve_assignee(store, args.assignee) if args.assignee else None
        if assignee is None or (assignee.kind == "agent" and assignee.agent_id != reader.id):
            proven_account(args, store)  # everyone's items, or another agent's: proven
        todos = handover.listing(store, states, assignee)
        if args.json:
            print_json([_as_json(todo) for todo in todos])
            return 0
        if not todos:
            _say(args, "没有符合条件的待办。", "No matching todos.")
            return 0
        for todo in todos:
            marks = {0: " ", 1: "!", 2: "‼"}[todo.priority]
            buyer = f"  @{todo.buyer_nick}" if todo.buyer_nick else ""
            order = f"  #{todo.order_id}" if todo.order_id else ""
            print(f"{todo.id:>5} {marks} {todo.state}  {_minute(todo.due_at):16}  "
                  f"{todo.assignee_label}  {todo.title}{buyer}{order}")
    return 0


def _as_json(todo) -> dict:
    from workbench.handover import exchange

    return {"id": todo.id, "title": todo.title, "detail": todo.detail, "state": todo.state,
            "priority": todo.priority, "due_at": exchange.iso(todo.due_at),
            "remind_at": exchange.iso(todo.remind_at), "assignee": todo.assignee_label,
            "assignee_kind": todo.assignee_kind, "buyer": todo.buyer_nick,
            "order": todo.order_id, "conversation": todo.conversation_id,
            "creator": todo.creator_name, "created_at": exchange.iso(todo.created_at)}


def _agent(store, name: str):
    from workbench import accounts

    agent = accounts.by_name(store, name)
    if agent is None:
        agent = next((a for a in accounts.all_agents(store) if a.display_name == name), None)
    if agent is None:
        raise CommandFailed(f"找不到客服 {name}。", f"No agent named {name!r}.")
    return agent


def _handover_sheet(args) -> int:
    from workbench.filewriter import check_target
    from workbench.handover import exchange, sheets, xlsx

    now = time.time()
    for target, suffix in ((args.out, ".xlsx"), (args.exchange, exchange.SUFFIX)):
        if target:
            check_target(Path(target), suffix)  # before the sheet is built, not after
    with open_store(args) as store:
        outgoing = proven_account(args, store)
        if args.sheet is not None:
            sheet = sheets.get(store, args.sheet)
            if sheet is None or sheet.from_agent_id != outgoing.id:
                raise CommandFailed(f"{outgoing.signature} 没有编号为 {args.sheet} 的交接单。",
                                    f"{outgoing.name} has no sheet {args.sheet}.")
            sheet_id = sheet.id
        else:
            incoming = _agent(store, args.to) if args.to else None
            sheet_id, _ = sheets.build(store, outgoing, now, shift=args.shift,
                                       to_agent_id=incoming.id if incoming else None,
                                       notes=args.notes.replace("\\n", "\n"))
        rows = xlsx.export(store, sheet_id, args.out)
        _say(args, f"交接单 #{sheet_id}：{rows} 项，已写入 {args.out}",
             f"Handover sheet #{sheet_id}: {rows} items written to {args.out}")
        if args.exchange:
            count = exchange.export(store, sheet_id, args.exchange, now)
            _say(args, f"交接文件（{count} 项）已写入 {args.exchange}",
                 f"Exchange file ({count} items) written to {args.exchange}")
    return 0


def _handover_import(args) -> int:
    from workbench.handover import exchange

    require_file(args.file)
    with open_store(args) as store:
        agent = proven_account(args, store)
        report, _ = exchange.import_file(store, args.file, agent, time.time())
        if args.json:
            print_json({"sheet": report.sheet_id, "from": report.from_agent,
                        "items": report.items, "todos": report.todos,
                        "buyers_missing": list(report.buyers_missing),
                        "orders_missing": list(report.orders_missing),
                        "receiver_missing": report.receiver_missing})
        else:
            print(report.summary())
    return 0
