"""The `workbench` command and its subcommands."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from workbench import paths
from workbench.commandline import WorkbenchParser, run_handler

# Each area adds its subcommands through ``register(subparsers)``; a parser it adds sets
# ``handler`` (a function of args returning the exit status). Keep these modules light:
# heavy imports (openpyxl, jieba) belong inside the handlers. Building their parsers takes
# ~15 ms, so the window's own commands (WINDOW_COMMANDS) start without them.
WINDOW_COMMANDS = ("run", "screenshot", "bench")
GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--lang", "--as")
AREA_COMMANDS = (
    "workbench.quickphrases.commands",
    "workbench.orders.commands",
    "workbench.handover.commands",
    "workbench.supervision.commands",
    "workbench.accounts.commands",
    "workbench.router.commands",
    "workbench.products.commands",
)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("expected WIDTHxHEIGHT, e.g. 1600x1000") from None
    return width, height


def build_parser(areas: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``areas``, only the window's own commands."""
    parser = WorkbenchParser(prog="workbench", description="客服工作台 / agent workbench",
                             root=True)
    commands = parser.add_subparsers(dest="command")

    run = commands.add_parser("run", help="open the workbench window (the default)")
    run.add_argument("--speed", type=float, default=1.0,
                     help="simulator time scale: 1 real time, 0.1 ten times faster")
    run.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    run.add_argument("--channel", choices=("simulator", "xmpp"), default="simulator",
                     help="where buyers come from: the built-in simulator, or team mode "
                          "over XMPP (see docs/team-mode.md)")

    shot = commands.add_parser("screenshot", help="render the window offscreen to a PNG")
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--size", type=_size, default=(1600, 1000))

    bench = commands.add_parser("bench", help="run benchmark scenarios and print figures")
    bench.add_argument("--json", action="store_true", help="one JSON object keyed by scenario")
    bench.add_argument("--smoke", action="store_true",
                       help="every scenario at a tiny size, to check that each still runs")
    bench.add_argument("scenarios", nargs="*", help="scenario names (default: all)")

    for module_name in AREA_COMMANDS if areas else ():
        importlib.import_module(module_name).register(commands)
    return parser


def _command(argv: list[str]) -> str | None:
    """The subcommand ``argv`` names, if any (global options and their values skipped)."""
    tokens = iter(argv)
    for token in tokens:
        if token in GLOBAL_OPTIONS_WITH_VALUE:
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
                       channel=getattr(args, "channel", "simulator"))
    if command == "screenshot":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from workbench.ui.screenshot import render

        return render(args.out, args.db, args.size, args.lang)
    if command == "bench":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        sys.path.insert(0, str(paths.RESOURCES.parent))
        from bench import runner

        return runner.main(args.scenarios, as_json=args.json, smoke=args.smoke)
    return run_handler(args.handler, args)


if __name__ == "__main__":
    raise SystemExit(main())
