"""`workbench logs import|export|search` and `workbench metrics` (see workbench/cli.py).

They act as ``--as NAME``, proven by its password; the domain decides what that account
may read (an agent only their own conversations and figures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

from workbench.commandline import (
    CommandFailed,
    add_json_option,
    input_file,
    open_store,
    print_json,
    proven_account,
    require_file,
)

DEFAULT_DAYS = 7
FIGURE_LABELS = (
    ("buyers_received", "接待人数"), ("first_response_mean_s", "首次响应均值（秒）"),
    ("first_response_median_s", "首次响应中位数（秒）"), ("avg_response_s", "平均响应（秒）"),
    ("first_reply_30s_rate", "30秒应答率"), ("three_minute_rate", "三分钟响应率"),
    ("wait_120s_rate", "120秒内回复率"), ("enquiry_conversion", "询单转化率"),
    ("conversion_grade", "转化评级"), ("paid_conversion", "付款转化率"),
    ("average_order_value", "客单价"), ("messages_sent", "发送消息数"),
)


def day_or_time(text: str, end: bool = False) -> float:
    """``YYYY-MM-DD`` (a whole local day: its start, or with ``end`` the next day's start)
    or a date with a time of day (local, or ISO 8601 with an offset)."""
    try:
        if len(text.strip()) == 10:
            day = dt.date.fromisoformat(text.strip())
            if end:
                day += dt.timedelta(days=1)
            return dt.datetime(day.year, day.month, day.day).timestamp()
        return dt.datetime.fromisoformat(text.strip()).timestamp()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r}; use YYYY-MM-DD or 'YYYY-MM-DD HH:MM:SS'") from None


def _since(text: str) -> float:
    return day_or_time(text)


def _until(text: str) -> float:
    return day_or_time(text, end=True)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agent", help="conversations this agent (account name) took part in")
    parser.add_argument("--buyer", help="buyers whose nick contains this")
    parser.add_argument("--since", type=_since, help="from this day or time (local)")
    parser.add_argument("--until", type=_until, help="up to and including this day")
    parser.add_argument("--sender", choices=("buyer", "agent", "auto", "system"))
    parser.add_argument("--has-order", action="store_true", help="buyers with an order")
    parser.add_argument("--slow-reply", action="store_true",
                        help="conversations with a round answered after 3 minutes")


def register(commands) -> None:
    logs = commands.add_parser("logs", help="conversation logs: import, export, search")
    sub = logs.add_subparsers(dest="logs_command", required=True)

    importing = sub.add_parser("import", help="import a JSONL log (docs/formats-logs.md)")
    importing.add_argument("file", type=input_file)
    importing.add_argument("--skip-bad", action="store_true",
                           help="import the good lines, write the bad ones to a reject file")
    importing.add_argument("--rejects", help="the reject file (default FILE.rejected.jsonl)")
    importing.set_defaults(handler=_import)

    exporting = sub.add_parser("export", help="export messages to JSONL, CSV or XLSX")
    exporting.add_argument("--out", required=True)
    exporting.add_argument("--format", choices=("jsonl", "csv", "xlsx"),
                           help="default: from the file name, else jsonl")
    exporting.add_argument("--query", default="", help="only messages containing these words")
    exporting.add_argument("--transcripts", action="store_true",
                           help="whole conversations that hold a match")
    _add_filters(exporting)
    exporting.set_defaults(handler=_export)

    searching = sub.add_parser("search", help="search message text, newest first")
    searching.add_argument("query")
    searching.add_argument("--limit", type=int, default=20)
    searching.add_argument("--offset", type=int, default=0)
    searching.add_argument("--json", action="store_true",
                           help='{"total": N, "hits": [...]} with the log file fields')
    _add_filters(searching)
    searching.set_defaults(handler=_search)

    figures = commands.add_parser("metrics", help="service figures per agent and for the team")
    figures.add_argument("--agent", help="one agent's figures (account name)")
    figures.add_argument("--since", type=_since,
                         help=f"from this day (default: {DEFAULT_DAYS} days ago)")
    figures.add_argument("--until", type=_until, help="up to and including this day "
                         "(default: today)")
    figures.add_argument("--service-hours", help="e.g. 08:00-24:00 (default: the team's)")
    add_json_option(figures)
    figures.set_defaults(handler=_metrics)


def _log_filter(args, query: str = ""):
    from workbench.supervision.search import LogFilter

    return LogFilter(query=query, agent=args.agent, buyer=args.buyer, since=args.since,
                     until=args.until, sender=args.sender, has_order=args.has_order,
                     slow_reply=args.slow_reply)


def _progress(label: str):
    """A progress line on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int | None = None) -> None:
        share = f" {done * 100 // total}%" if total else f" {done}"
        print(f"\r{label}{share}", end="", file=sys.stderr, flush=True)

    return show


def _import(args) -> int:
    from pathlib import Path

    from workbench.supervision import logfiles

    path = args.file
    require_file(path)
    with open_store(args) as store:
        by = proven_account(args, store)
        result = logfiles.import_jsonl(
            store, path, by, time.time(), skip_bad=args.skip_bad,
            reject_path=Path(args.rejects) if args.rejects else None,
            progress=_progress("导入 / importing"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"导入 {result.messages_added} 条消息，新会话 {result.conversations_added} 个；"
          f"已有而跳过 {result.duplicates} 条。 / imported {result.messages_added} messages, "
          f"{result.conversations_added} new conversations, {result.duplicates} already there.")
    if result.conflicts:
        print(f"冲突 {result.conflicts} 条：uid 已属于另一条内容不同的消息，没有导入。"
              f" / {result.conflicts} conflicts: their uid belongs to a different message; "
              "not imported.")
    if result.agents_created:
        print("新建客服账号（未设密码，需主管用 accounts passwd 设置后才能登录）："
              + "、".join(result.agents_created))
    for bad in result.rejected:
        print(f"第 {bad.number} 行 / line {bad.number}: {bad.message(args.lang)}",
              file=sys.stderr)
    if result.reject_file:
        print(f"{len(result.rejected)} 行已写入 / lines written to {result.reject_file}",
              file=sys.stderr)
    return 0


def _export(args) -> int:
    from pathlib import Path

    from workbench.supervision import logfiles, search

    with open_store(args) as store:
        viewer = proven_account(args, store)
        if args.query.strip():
            search.catch_up(store, _progress("索引 / indexing"))
        count = logfiles.export(store, viewer, _log_filter(args, args.query), Path(args.out),
                                args.format, transcripts=args.transcripts)
    print(f"{count}\t{args.out}")
    return 0


def _search(args) -> int:
    from workbench.supervision import search

    if args.limit < 1 or args.offset < 0:
        raise CommandFailed("--limit 至少为 1，--offset 不能为负。",
                            "--limit must be at least 1 and --offset not negative.")
    with open_store(args) as store:
        viewer = proven_account(args, store)
        search.catch_up(store, _progress("索引 / indexing"))
        result = search.search(store, viewer, _log_filter(args, args.query), args.limit,
                               args.offset)
    if args.json:
        print_json({"total": result.total, "hits": [h.message.record() for h in result.hits]})
        return 0
    from workbench import timefmt

    print(f"共 {result.total} 条 / {result.total} matches")
    for hit in result.hits:
        message = hit.message
        who = message.agent if message.sender == "agent" else message.buyer
        text = " ".join(message.text.split())
        print(f"{timefmt.second(message.at)}  [{message.conversation}] "
              f"{search.SENDER_NAMES[message.sender]} {who or ''}: {text}")
    return 0


def _metrics(args) -> int:
    from workbench.aftersale import figures as aftersale_figures
    from workbench.supervision import metrics

    now = time.time()
    today = dt.date.today()
    until = args.until or day_or_time((today + dt.timedelta(days=1)).isoformat())
    since = args.since or day_or_time((today - dt.timedelta(days=DEFAULT_DAYS - 1)).isoformat())
    with open_store(args) as store:
        viewer = proven_account(args, store)
        config = metrics.load_settings(store)
        if args.service_hours:
            metrics.parse_service_hours(args.service_hours)
            config = metrics.MetricSettings(args.service_hours, config.goodbye_words,
                                            config.banned_words)
        report = metrics.report(store, viewer, since, until, now, agent=args.agent,
                                config=config)
        cases = aftersale_figures.report(store, viewer, since, until, now, agent=args.agent)
        members = _member_figures(store, viewer, since, until, args.agent)
    if args.json:
        extra = {"members": members.as_json()} if members is not None else {}
        print_json(report.as_json() | {"aftersale": cases.as_json()} | extra)
        return 0
    columns = [("团队", report.team.as_json())] + [
        (name, figures.as_json()) for name, figures in report.agents.items()]
    print("\t".join(["", *(name for name, _ in columns)]))
    for key, label in FIGURE_LABELS:
        print("\t".join([label, *(_cell(values[key]) for _, values in columns)]))
    print("\n".join(["", *aftersale_figures.text_lines(cases)]))
    if members is not None:
        from workbench.customers.figures import LABELS

        print()
        for key, value in members.as_json().items():
            print(f"{LABELS[key]}\t{_cell(value)}")
    return 0


def _member_figures(store, viewer, since: float, until: float, agent: str | None):
    """The shop's member figures (docs/metrics.md), for supervisors looking at the team."""
    from workbench.accounts import permissions
    from workbench.customers.figures import member_figures

    if agent or not permissions.allowed(viewer.role, permissions.READ_ALL_FIGURES):
        return None
    return member_figures(store, viewer, since, until)


def _cell(value) -> str:
    return "—" if value is None else str(value)
