"""`workbench orders ...`: import the back office's report, list, remark and flag orders.

Kept light to import: the order domain (and openpyxl) load inside the handlers.
"""

from __future__ import annotations

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


def register(commands) -> None:
    """Add this area's subparsers to ``commands``."""
    parser = commands.add_parser("orders", help="orders: import the order report, list, "
                                 "remark, flag")
    sub = parser.add_subparsers(dest="orders_command", required=True)

    imp = sub.add_parser("import", help="import the back office's order report (CSV/XLSX)")
    imp.add_argument("file", type=input_file, help="order report: CSV (GBK or UTF-8) or XLSX")
    imp.add_argument("--items", type=input_file, help="the line-item file that goes with it")
    imp.add_argument("--dry-run", action="store_true",
                     help="say what the import would do, change nothing")
    imp.set_defaults(handler=import_command)

    listing = sub.add_parser("list", help="list orders, newest first")
    listing.add_argument("--buyer", help="the buyer's nick (买家会员名)")
    listing.add_argument("--status", help="status as platform code or Chinese name")
    listing.add_argument("--flag", help="flag as number 0-5 or colour, such as 红 or red")
    add_json_option(listing)
    listing.set_defaults(handler=list_command)

    remark = sub.add_parser("remark", help="append a remark in the team format")
    remark.add_argument("order_id")
    remark.add_argument("text")
    _add_agent_alias(remark)
    remark.set_defaults(handler=remark_command)

    flag = sub.add_parser("flag", help="set the order's flag, as the team's policy allows")
    flag.add_argument("order_id")
    flag.add_argument("colour", help="number 0-5 or colour, such as 蓝 or blue")
    _add_agent_alias(flag)
    flag.add_argument("--remark", default="",
                      help="the remark the colour needs (appended with the flag)")
    flag.set_defaults(handler=flag_command)

    register_ = sub.add_parser("register", help="the 催付 register, newest first; --out "
                               "writes it with its summary table to a CSV or XLSX file")
    register_.add_argument("--since", help="from this day (YYYY-MM-DD)")
    register_.add_argument("--out", type=Path, help="export the register and its summary "
                           "table to this .csv or .xlsx file")
    register_.add_argument("--summary", action="store_true",
                           help="list the summary table instead of the register: the success "
                                "rate by reminder timing, channel and reason")
    add_json_option(register_)
    register_.set_defaults(handler=register_command)


def _add_agent_alias(parser) -> None:
    """``--agent NAME`` is ``--as NAME``: a remark signs with a proven account."""
    import argparse

    parser.add_argument("--agent", dest="as_agent", metavar="NAME", default=argparse.SUPPRESS,
                        help="the same as --as NAME: the account that signs, proven by its "
                             "password")


def _say(args, zh: str, en: str) -> None:
    print(en if args.lang == "en" else zh)


def import_command(args) -> int:
    from workbench.orders.importer import import_report

    for path in (args.file, args.items):
        if path is not None:
            require_file(path)
    with open_store(args) as store:
        proven_account(args, store)
        result = import_report(store, args.file, args.items, now=time.time(),
                               dry_run=args.dry_run)
    en = (f"{'Dry run (nothing written)' if result.dry_run else 'Imported'}: {result.file}, "
          f"{result.rows} rows: {result.added} added, {result.updated} updated, "
          f"{result.unchanged} unchanged; {result.new_buyers} new buyers; items replaced "
          f"for {result.item_orders} orders.")
    for diff in result.remark_differences:
        en += (f"\n  {diff.order_id}: remark in the file {diff.file_remark!r} differs from "
               f"the local remarks {diff.local_memo!r}; both kept.")
    _say(args, result.summary(), en)
    return 0


def _parse_filters(args):
    from workbench import orders

    status = flag = None
    if args.status:
        status = orders.parse_status(args.status)
        if status is None:
            known = ", ".join(orders.STATUS_NAMES)
            raise CommandFailed(f"看不懂订单状态“{args.status}”；可用：{known} 或其中文名。",
                                f"Unknown status {args.status!r}; use one of {known}.")
    if args.flag:
        flag = orders.parse_flag(args.flag)
        if flag is None:
            raise CommandFailed(f"看不懂旗帜“{args.flag}”；请用 0-5 或 灰/红/黄/绿/蓝/紫。",
                                f"Unknown flag {args.flag!r}; use 0-5 or a colour name.")
    return status, flag


def _time(at):
    from workbench import timefmt

    return timefmt.second(at) if at is not None else None


def list_command(args) -> int:
    from workbench import orders

    status, flag = _parse_filters(args)
    with open_store(args) as store:
        own_account(args, store)
        where = orders.OrderFilter(status=status, flag=flag, nick=args.buyer)
        found = orders.find(store, where, time.time())
        ids = [o.id for o in found]
        remarks = orders.remarks_of(store, ids)
        items = orders.items_of(store, ids)
    if args.json:
        print_json([_as_json(o, remarks[o.id], items[o.id]) for o in found])
        return 0
    for order in found:
        created = _time(order.created_at) or "—"
        print(f"{order.id}  {order.buyer_nick}  {order.status_name}  "
              f"¥{order.paid or 0:.2f}  {orders.FLAG_NAMES.get(order.flag, order.flag)}  "
              f"{created}  {len(remarks[order.id])}")
    return 0


def _as_json(order, remarks, items) -> dict:
    from workbench import orders

    return {
        "id": order.id, "buyer": order.buyer_nick, "status": order.status,
        "status_name": order.status_name, "flag": order.flag,
        "flag_name": orders.FLAG_NAMES.get(order.flag, ""),
        "total": order.total, "paid": order.paid, "postage": order.postage,
        "refund": order.refund, "created_at": _time(order.created_at),
        "paid_at": _time(order.paid_at), "shipped_at": _time(order.shipped_at),
        "receiver_name": order.receiver_name, "phone": order.phone, "address": order.address,
        "courier": order.courier, "tracking_no": order.tracking_no,
        "buyer_message": order.buyer_message, "source_remark": order.source_remark,
        "remarks": [r.formatted() for r in remarks],
        "items": [{"title": i.title, "spec": i.spec, "price": i.price,
                   "quantity": i.quantity, "seller_code": i.seller_code} for i in items],
        "reminders": order.reminder_count,
    }


def remark_command(args) -> int:
    from workbench import orders

    with open_store(args) as store:
        agent = proven_account(args, store)
        orders.add_remark(store, args.order_id, agent, args.text, time.time())
        entry = orders.remarks(store, args.order_id)[-1].formatted()
    _say(args, f"已追加备注：{entry}", f"Remark added: {entry}")
    return 0


def flag_command(args) -> int:
    from workbench import orders

    flag = orders.parse_flag(args.colour)
    if flag is None:
        raise CommandFailed(f"看不懂旗帜“{args.colour}”；请用 0-5 或 灰/红/黄/绿/蓝/紫。",
                            f"Unknown flag {args.colour!r}; use 0-5 or a colour name.")
    with open_store(args) as store:
        agent = proven_account(args, store)
        rule = orders.flag_rule(store, flag)
        orders.set_flag(store, args.order_id, agent, flag, time.time(), remark=args.remark)
    _say(args, f"订单 {args.order_id} 已设为 {rule.describe()}",
         f"Order {args.order_id} flag set to {flag} ({rule.describe()}).")
    return 0


def register_command(args) -> int:
    import datetime as dt

    from workbench.orders import reminders

    since = None
    if args.since:
        try:
            since = dt.datetime.strptime(args.since, "%Y-%m-%d").timestamp()
        except ValueError:
            raise CommandFailed(f"看不懂日期“{args.since}”，应为 YYYY-MM-DD。",
                                f"Cannot read the date {args.since!r}; write YYYY-MM-DD.") from None
    if args.summary and args.out:
        raise CommandFailed("--out 写出的文件已含总结优化表，不必再加 --summary。",
                            "The file --out writes holds the summary table already; leave "
                            "out --summary.")
    with open_store(args) as store:
        proven_account(args, store)  # the register holds every agent's reminders
        if args.out:
            count = reminders.export_register(store, args.out, since)
            _say(args, f"已导出 {count} 条催付记录和总结优化表到 {args.out}",
                 f"{count} reminders written to {args.out}, with the summary table")
            return 0
        if args.summary:
            totals = reminders.summary(store, since)
        else:
            entries = reminders.register(store, since)
    if args.summary:
        if args.json:
            print_json([{"dimension": r.dimension, "value": r.value, "reminded": r.reminded,
                         "paid": r.paid, "rate": r.rate} for r in totals])
            return 0
        for r in totals:
            rate = "—" if r.rate is None else f"{r.rate * 100:.1f}%"
            print(f"{r.dimension}  {r.value}  {r.reminded}  {r.paid}  {rate}")
        return 0
    if args.json:
        print_json([{"at": _time(e.at), "order": e.order_id, "buyer": e.buyer_nick,
                     "agent": e.agent_name, "channel": e.channel, "reason": e.reason,
                     "outcome": e.outcome, "order_status": e.order_status} for e in entries])
        return 0
    for e in entries:
        print(f"{_time(e.at)}  {e.order_id}  {e.buyer_nick}  {e.agent_name or ''}  "
              f"{e.channel or ''}  {e.reason or ''}  {e.outcome or ''}")
    return 0
