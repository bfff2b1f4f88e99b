"""`workbench training scenarios|play|report` (docs/training.md).

``play`` replays an agent's scripted lines against a scenario on a simulated clock and
prints the scorecard; it records the session as ``--as NAME``'s practice (proven by the
password) unless ``--dry-run``. ``report`` reads other people's results, so it acts as a
proven account too; the domain decides whose results that account may read.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from workbench.commandline import add_json_option, open_store, print_json, proven_account


def _moment(text: str) -> float:
    from workbench.supervision.commands import day_or_time

    return day_or_time(text)


def register(commands) -> None:
    training = commands.add_parser("training", help="scenarios, scripted practice, results")
    sub = training.add_subparsers(dest="training_command", required=True)

    listing = sub.add_parser("scenarios", help="the team's training scenarios")
    add_json_option(listing)
    listing.set_defaults(handler=_scenarios)

    play = sub.add_parser(
        "play", help="replay an agent's lines against a scenario and print the scorecard",
        description="Each line of the script is one message of the agent; '+SECONDS TEXT' "
                    "sends it SECONDS after the buyer's last message (or the agent's own "
                    "previous one, when later); a line without it waits 10 seconds.")
    play.add_argument("scenario", help="the scenario's key (or its title)")
    play.add_argument("--script", type=Path, required=True, metavar="FILE.txt")
    play.add_argument("--start", type=_moment, metavar="TIME",
                      help="when the buyer opens, 'YYYY-MM-DD HH:MM:SS' (default: now)")
    play.add_argument("--dry-run", action="store_true",
                      help="print the scorecard without recording the session")
    add_json_option(play)
    play.set_defaults(handler=_play)

    report = sub.add_parser("report", help="the class view: trainees, sessions, scores, trend")
    report.add_argument("--trainee", help="one trainee's sessions (account name)")
    report.add_argument("--out", type=Path, metavar="FILE.xlsx",
                        help="also write the class view to an XLSX file")
    add_json_option(report)
    report.set_defaults(handler=_report)


def _scenarios(args: argparse.Namespace) -> int:
    from workbench.training import scenarios

    with open_store(args) as store:
        found = scenarios.all_scenarios(store)
    if args.json:
        print_json([{**s.as_json(), "source": s.source} for s in found])
        return 0
    english = getattr(args, "lang", "zh") == "en"
    for s in found:
        if english:
            print(f"{s.key}\t{s.title}\t{s.situation}\t{s.time_limit_s // 60} min\t"
                  f"{len(s.key_points)} key points\t{s.source}")
        else:
            print(f"{s.key}\t{s.title}\t{s.situation}\t{s.time_limit_s // 60} 分钟\t"
                  f"{len(s.key_points)} 个要点\t{s.source_name}")
    return 0


def _play(args: argparse.Namespace) -> int:
    from workbench import standards
    from workbench.training import play, results, scenarios

    script = play.read_script(args.script)
    start = args.start if args.start is not None else time.time()
    with open_store(args) as store:
        trainee = None if args.dry_run else proven_account(args, store)
        scenario = scenarios.get(store, args.scenario)
        played = play.replay(scenario, script, start, trainee.name if trainee else None)
        card = play.scorecard(scenario, played, standards.load_standard(store),
                              trainee.name if trainee else None)
        if trainee is not None:
            results.record_session(store, trainee, card, time.time(), results.SCRIPT)
    if args.json:
        print_json(card.as_json(with_lines=True))
        return 0
    english = getattr(args, "lang", "zh") == "en"
    checklist = "—" if card.verdict.score is None else f"{card.verdict.score:g}"
    if english:
        print(f"{scenario.key}: score {card.score:g} (checklist {checklist}, key points "
              f"{card.points_hit}/{len(card.points)})")
    else:
        print(f"{scenario.title}：{card.score:g} 分（服务规范 {checklist}，要点 "
              f"{card.points_hit}/{len(card.points)}）")
    for point in card.points:
        mark = "✓" if point.covered else "✗"
        print(f"  {mark} {point.label}")
    failed = card.verdict.failed()
    if failed:
        names = ", ".join(failed) if english else "、".join(
            standards.RULES_BY_ID[rule].name for rule in failed)
        print(("  failed: " if english else "  未通过：") + names)
    if not english:
        for line in card.improvements():
            print(f"  改进：{line}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from workbench.training import results

    with open_store(args) as store:
        viewer = proven_account(args, store)
        if args.trainee:
            found = results.sessions(store, viewer, args.trainee)
            summary = None
        else:
            summary = results.class_report(store, viewer)
            found = None
        written = results.export_xlsx(store, viewer, args.out) if args.out else None
    if args.json:
        if summary is not None:
            print_json([_summary_json(row) for row in summary])
        else:
            print_json([_session_json(record) for record in found])
        return 0
    english = getattr(args, "lang", "zh") == "en"
    if summary is not None:
        for row in summary:
            average = "—" if row.average is None else f"{row.average:g}"
            trend = "—" if row.trend is None else f"{row.trend:+g}"
            speed = "—" if row.typing_speed is None else f"{row.typing_speed:g} " + (
                "chars/min" if english else "字/分钟")
            if english:
                print(f"{row.name}\t{row.sessions} sessions\taverage {average}\t"
                      f"trend {trend}\ttyping {speed}")
            else:
                print(f"{row.name}\t{row.trainee}\t{row.sessions} 次\t平均 {average}\t"
                      f"趋势 {trend}\t打字 {speed}")
    else:
        from workbench import timefmt

        for record in found:
            points = f"{record.points_hit}/{record.points_total}"
            print(f"{timefmt.minute(record.started_at)}\t{record.scenario_title}\t"
                  f"{record.score:g}\t" + (f"key points {points}" if english else f"要点 {points}"))
    if written is not None:
        print(f"wrote {args.out} ({written} sessions)" if english
              else f"已写入 {args.out}（{written} 次练习）")
    return 0


def _summary_json(row) -> dict:
    return {"trainee": row.name, "display_name": row.display_name, "sessions": row.sessions,
            "average": row.average, "latest": row.latest, "best": row.best,
            "trend": row.trend, "typing_speed": row.typing_speed,
            "typing_accuracy": row.typing_accuracy}


def _session_json(record) -> dict:
    from workbench.supervision.logfiles import format_time

    return {"trainee": record.trainee_name, "scenario": record.scenario_key,
            "title": record.scenario_title, "started_at": format_time(record.started_at),
            "score": record.score, "checklist_score": record.checklist_score,
            "points_hit": record.points_hit, "points_total": record.points_total,
            "within_time": bool(record.within_time), "source": record.source,
            "missed_points": record.missed_points, "failed_rules": record.failed_rules}
