"""The `workbench` command and its subcommands."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from workbench import paths
from workbench.commandline import GLOBAL_OPTIONS, WorkbenchParser, run_handler

# Each area adds its subcommands through ``register(subparsers)``; a parser it adds sets
# ``handler`` (a function of args returning the exit status). Keep these modules light:
# heavy imports (openpyxl, jieba) belong inside the handlers. Building their parsers takes
# ~15 ms, so the window's own commands (WINDOW_COMMANDS) start without them.
WINDOW_COMMANDS = ("run", "screenshot", "bench")
AREA_COMMANDS = (
    "workbench.quickphrases.commands",
    "workbench.orders.commands",
    "workbench.handover.commands",
    "workbench.supervision.commands",
    "workbench.accounts.commands",
    "workbench.router.commands",
    "workbench.maintenance.commands",
    "workbench.aftersale.commands",
    "workbench.standards.commands",
    "workbench.training.commands",
    "workbench.customers.commands",
    "workbench.products.commands",
)


SHOT_WIDTHS, SHOT_HEIGHTS = range(640, 7681), range(480, 4321)  # VGA up to 8K


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("expected WIDTHxHEIGHT, e.g. 1600x1000") from None
    if width not in SHOT_WIDTHS or height not in SHOT_HEIGHTS:
        raise argparse.ArgumentTypeError(
            f"{width}x{height} is outside 640x480 to 7680x4320 / 尺寸应在 640x480 到 "
            "7680x4320 之间")
    return width, height


def _speed(text: str) -> float:
    try:
        speed = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < speed <= 1000:
        raise argparse.ArgumentTypeError("the speed is above 0 (0.1: ten times faster)")
    return speed


def build_parser(areas: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``areas``, only the window's own commands."""
    parser = WorkbenchParser(prog="workbench", description="客服工作台 / agent workbench",
                             root=True)
    commands = parser.add_subparsers(dest="command")

    run = commands.add_parser("run", help="open the workbench window (the default)")
    run.add_argument("--speed", type=_speed, default=1.0,
                     help="simulator time scale: 1 real time, 0.1 ten times faster")
    run.add_argument("--demo", action="store_true",
                     help="give a new store the demo shop (the default store always gets "
                          "it; any other new store starts with the first-run dialog)")
    run.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    run.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)  # seconds; tests
    run.add_argument("--channel", choices=("simulator", "xmpp"), default="simulator",
                     help="where buyers come from: the built-in simulator, or team mode "
                          "over XMPP (see docs/team-mode.md)")

    shot = commands.add_parser("screenshot", help="render the window offscreen to a PNG")
    shot.add_argument("--out", type=Path, required=True, metavar="FILE.png")
    shot.add_argument("--size", type=_size, default=(1600, 1000), metavar="WIDTHxHEIGHT",
                      help="default 1600x1000")
    shot.add_argument("--demo", action="store_true",
                      help="give a new --db store the demo shop (without --db the shot is "
                           "always of the demo shop)")

    bench = commands.add_parser("bench", help="run benchmark scenarios and print figures")
    bench.add_argument("--json", action="store_true", help="one JSON object keyed by scenario")
    bench.add_argument("--smoke", action="store_true",
                       help="every scenario at a tiny size, to check that each still runs")
    bench.add_argument("scenarios", nargs="*", help="scenario names (default: all)")

    for module_name in AREA_COMMANDS if areas else ():
        importlib.import_module(module_name).register(commands)
    return parser


def commands(parser: argparse.ArgumentParser | None = None, path: tuple[str, ...] = ()
             ) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command that runs something, as (its words after ``workbench``, its parser)."""
    parser = parser or build_parser()
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, (*path, name)) or [((*path, name), sub)]
    return found


def usages() -> list[str]:
    """The root's usage and every command's, as each one's ``--help`` prints it
    (the README's command-line section; docs/cli.md)."""
    parser = build_parser()
    return [parser.format_usage(), *(sub.format_usage() for _, sub in commands(parser))]


def _command(argv: list[str]) -> str | None:
    """The subcommand ``argv`` names, if any (global options and their values skipped)."""
    tokens = iter(argv)
    for token in tokens:
        if token in GLOBAL_OPTIONS:  # each takes a value
            next(tokens, None)
        elif not token.startswith("-"):
            return token
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window_only = _command(argv) in (None, *WINDOW_COMMANDS) and not (
        {"-h", "--help"} & set(argv))
    args = build_parser(areas=not window_only).parse_args(argv)
    db_path = args.db or paths.default_db()
    command = args.command or "run"
    if command == "run":
        from workbench import app

        return app.run(db_path, args.lang, getattr(args, "speed", 1.0),
                       getattr(args, "exit_after_first_paint", False),
                       channel=getattr(args, "channel", "simulator"),
                       quit_after=getattr(args, "quit_after", None),
                       demo=args.db is None or getattr(args, "demo", False))
    if command == "screenshot":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from workbench.ui.screenshot import render

        return render(args.out, args.db, args.size, args.lang, demo=args.demo)
    if command == "bench":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        sys.path.insert(0, str(paths.RESOURCES.parent))
        from bench import runner

        return runner.main(args.scenarios, as_json=args.json, smoke=args.smoke,
                           lang=args.lang)
    return run_handler(args.handler, args)


if __name__ == "__main__":
    raise SystemExit(main())
