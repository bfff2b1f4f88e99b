"""`workbench aftersale open|list|step|import|export` (see workbench/cli.py).

Each acts as ``--as NAME``, proven by its password. Kept light to import: the domain and
openpyxl load inside the handlers.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from workbench.commandline import (
    CommandFailed,
    add_json_option,
    input_file,
    open_store,
    print_json,
    proven_account,
    require_file,
)


def _amount(text: str) -> float:
    from workbench.filereader import amount_problem, parse_amount

    try:
        value = parse_amount(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(amount_problem(text, error)[1]) from None
    if value is None:
        raise argparse.ArgumentTypeError(f"not an amount: {text!r} (e.g. 25 or 25.50)")
    return value


def register(commands) -> None:
    parser = commands.add_parser("aftersale", help="after-sale cases (售后单): open, list, "
                                 "step, import the refund report, export for a dispute")
    sub = parser.add_subparsers(dest="aftersale_command", required=True)

    opening = sub.add_parser("open", help="open a case on an order; prints its id")
    opening.add_argument("--order", required=True, metavar="ID")
    opening.add_argument("--kind", required=True, metavar="KIND",
                         help="仅退款 退货退款 换货 补发 退差价/补偿 运费 价保 折扣 缺货 仅跟进 "
                              "— or refund, return, exchange, reissue, compensation")
    opening.add_argument("--cause", metavar="CAUSE",
                         help="发错货 发少货/漏发 质量问题 物流慢/破损/丢件 七天无理由 差评 投诉")
    opening.add_argument("--amount", type=_amount, metavar="X")
    opening.add_argument("--note", default="", metavar="TEXT")
    opening.set_defaults(handler=_open)

    listing = sub.add_parser("list", help="list cases: owing something soonest due first")
    listing.add_argument("--state", metavar="S",
                         help="未结/open, a state (待处理 处理中 已解决 已拒绝 已回访) or a "
                              "waiting point (等买家寄回 …)")
    listing.add_argument("--kind", metavar="K")
    listing.add_argument("--overdue", action="store_true", help="only cases past their due time")
    add_json_option(listing)
    listing.set_defaults(handler=_list)

    step = sub.add_parser("step", help="take a step of a case (see docs/aftersale.md)")
    step.add_argument("case", metavar="ID", help="the case: 12 or SH000012")
    step.add_argument("step", metavar="STEP", help="受理 核对条件 发送退货地址 买家已寄回 "
                      "仓库收货 安排发出 已发出 提出方案 买家确认 申请审批 批准 驳回 退款 解决 "
                      "拒绝 回访 … — or the English name: accept, refund, visit and so on")
    step.add_argument("--note", default="", metavar="TEXT")
    step.add_argument("--tracking", default="", metavar="NO")
    step.add_argument("--amount", type=_amount, metavar="X")
    step.add_argument("--unmet", action="append", default=[], metavar="COND",
                      help="a condition the check (核对条件) found not met — 七天内 "
                           "吊牌完好 未使用 — or within-days, tags, unused; repeat it or "
                           "separate with commas")
    step.add_argument("--outcome", metavar="O",
                      help="the outcome of a call (回访) as 满意 一般 不满意 or "
                           "satisfied, neutral, unsatisfied")
    step.add_argument("--at", metavar="TIME",
                      help="when the call (回访) was made, YYYY-MM-DD HH:MM (default: now)")
    step.set_defaults(handler=_step)

    imported = sub.add_parser("import", help="import the back office's refund report "
                              "(退款管理 export, CSV or XLSX; docs/formats-aftersale.md)")
    imported.add_argument("file", type=input_file)
    imported.add_argument("--dry-run", action="store_true",
                          help="say what the import would do, change nothing")
    imported.set_defaults(handler=_import)

    exported = sub.add_parser("export", help="write a case's printable summary for a "
                              "platform dispute (交易纠纷)")
    exported.add_argument("case", metavar="ID")
    exported.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    exported.set_defaults(handler=_export)


def _say(args, zh: str, en: str) -> None:
    print(en if args.lang == "en" else zh)


def _open(args) -> int:
    from workbench import aftersale
    from workbench.aftersale import cases

    kind, compensation = aftersale.parse_kind(args.kind)
    cause = aftersale.parse_cause(args.cause)
    with open_store(args) as store:
        agent = proven_account(args, store)
        changes = cases.open_case(store, args.order, kind, agent, time.time(), cause=cause,
                                  compensation=compensation, amount=args.amount,
                                  note=args.note)
    print(next(iter(changes.aftersale)))
    return 0


def _time(at: float | None) -> str | None:
    from workbench import timefmt

    return timefmt.second(at) if at else None


def as_json(case, steps) -> dict:
    return {"id": case.id, "order": case.order_id, "buyer": case.buyer_nick,
            "kind": case.kind, "cause": case.cause, "state": case.step_name,
            "amount": case.amount, "opened_at": _time(case.opened_at),
            "due_at": _time(case.due_at), "assignee": case.assignee_label,
            "history": [{"at": _time(s.at), "by": s.agent_name, "step": s.step,
                         "note": s.note} for s in steps]}


def _list(args) -> int:
    from workbench import aftersale

    state = aftersale.parse_state(args.state) if args.state else None
    kind = aftersale.parse_kind(args.kind)[0] if args.kind else None
    now = time.time()
    with open_store(args) as store:
        proven_account(args, store)
        found = aftersale.find(store, aftersale.CaseFilter(state=state, kind=kind,
                                                           overdue=args.overdue), now)
        steps = aftersale.histories(store, [c.id for c in found]) if args.json else {}
    if args.json:
        print_json([as_json(case, steps[case.id]) for case in found])
        return 0
    for case in found:
        amount = f"¥{case.amount:.2f}" if case.amount is not None else "—"
        print(f"{case.id}\t{case.number}\t{case.order_id}\t{case.buyer_nick}\t{case.kind_name}"
              f"\t{case.cause or '—'}\t{case.step_name}\t{amount}"
              f"\t{aftersale.clock_words(case, now) or '—'}\t{case.assignee_label}")
    return 0


def _step(args) -> int:
    from workbench import aftersale
    from workbench.aftersale import cases

    case_id = aftersale.parse_case_id(args.case)
    unmet = [name for text in args.unmet for name in re.split(r"[,，、\s]+", text) if name]
    check = cases.ConditionCheck.unmet(unmet) if args.unmet else None
    outcome = aftersale.parse_outcome(args.outcome) if args.outcome else None
    with open_store(args) as store:
        agent = proven_account(args, store)
        cases.take_step(store, case_id, args.step, agent, time.time(), note=args.note,
                        tracking=args.tracking, amount=args.amount, check=check,
                        outcome=outcome, called_at=_call_time(args.at))
        case = aftersale.require(store, case_id)
    due_zh = f"（{aftersale.when(case.due_at)} 到期）" if case.due_at else ""
    due_en = f" (due {aftersale.when(case.due_at)})" if case.due_at else ""
    _say(args, f"{case.number}：{case.step_name}{due_zh}",
         f"{case.number}: {case.step_name}{due_en}")
    return 0


def _call_time(text: str | None) -> float | None:
    from workbench import timefmt

    if text is None:
        return None
    try:
        return timefmt.parse(text)
    except ValueError:
        raise CommandFailed(f"看不懂时间“{text}”（例如 2025-11-24 14:30）。",
                            f"Cannot read the time {text!r} (e.g. 2025-11-24 14:30).") from None


def _import(args) -> int:
    from workbench.aftersale import refunds

    require_file(args.file)
    with open_store(args) as store:
        agent = proven_account(args, store)
        result = refunds.import_report(store, args.file, agent, time.time(),
                                       dry_run=args.dry_run)
    print(result.summary(args.lang))
    return 0


def _export(args) -> int:
    from workbench import aftersale
    from workbench.aftersale.export import export_case

    case_id = aftersale.parse_case_id(args.case)
    with open_store(args) as store:
        proven_account(args, store)
        lines = export_case(store, case_id, args.out)
    _say(args, f"已导出 {aftersale.case_no(case_id)} 到 {args.out}（聊天 {lines} 条）",
         f"Exported {aftersale.case_no(case_id)} to {args.out} ({lines} chat lines)")
    return 0
