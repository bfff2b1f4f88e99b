"""`workbench qa check`: the service standard's checklist over stored conversations or a
log file (docs/standards.md). It acts as ``--as NAME``, proven by its password; an agent
checks only their own conversations (decided in the domain)."""

from __future__ import annotations

import argparse
import time

from workbench.commandline import (
    add_json_option,
    input_file,
    open_store,
    print_json,
    proven_account,
    require_file,
)
from workbench.supervision.commands import day_or_time

EARLIEST = 0.0


def _since(text: str) -> float:
    return day_or_time(text)


def _until(text: str) -> float:
    return day_or_time(text, end=True)


def register(commands) -> None:
    qa = commands.add_parser("qa", help="the service standard's checklist (质检)")
    sub = qa.add_subparsers(dest="qa_command", required=True)
    checking = sub.add_parser(
        "check", help="score conversations against the checklist",
        description="Score stored conversations (of a period, default: all) or, with "
                    "--file, a JSONL log in the logs-import format without storing it.")
    checking.add_argument("--since", type=_since, help="from this day or time (local)")
    checking.add_argument("--until", type=_until, help="up to and including this day")
    checking.add_argument("--agent", help="only this agent's conversations (account name)")
    checking.add_argument("--file", type=input_file, metavar="LOG.jsonl",
                          help="check a log file (docs/formats-logs.md) instead of the store")
    add_json_option(checking)
    checking.set_defaults(handler=_check)


def _check(args: argparse.Namespace) -> int:
    from workbench import standards
    from workbench.standards import transcripts

    now = time.time()
    since = args.since if args.since is not None else EARLIEST
    until = args.until if args.until is not None else now + transcripts.DAY
    if args.file is not None:
        require_file(args.file)
    with open_store(args) as store:
        viewer = proven_account(args, store)
        standard = standards.load_standard(store)
        if args.file is not None:
            found = [t for t in transcripts.only_visible(
                store, viewer, transcripts.from_log_file(args.file), args.agent)
                if since <= t.lines[0].at < until]
            verdicts = standards.check_many(found, standard)
        else:
            found = transcripts.stored(store, viewer, since, until, args.agent)
            verdicts = standards.check_many(found, standard, now)
    if args.json:
        print_json([verdict.as_json() for verdict in verdicts])
        return 0
    english = getattr(args, "lang", "zh") == "en"
    for verdict in verdicts:
        transcript = verdict.transcript
        score = "—" if verdict.score is None else f"{verdict.score:g}"
        failed = verdict.failed()
        if english:
            outcome = ("failed: " + ", ".join(failed)) if failed else "all passed"
        else:
            names = "、".join(standards.RULES_BY_ID[rule].name for rule in failed)
            outcome = ("不通过：" + names) if failed else "全部通过"
        print(f"{transcript.conversation}\t{transcript.agent or '—'}\t{score}\t{outcome}")
    scored = [v.score for v in verdicts if v.score is not None]
    average = f"{sum(scored) / len(scored):.1f}" if scored else "—"
    print(f"共 {len(verdicts)} 个会话，平均 {average} 分 / {len(verdicts)} conversations, "
          f"average {average}")
    return 0
