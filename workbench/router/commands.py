"""`workbench router --config FILE`: run the team router until stopped."""

from __future__ import annotations

from pathlib import Path


def register(commands) -> None:
    p = commands.add_parser("router", help="run the team router (team mode over XMPP)")
    p.add_argument("--config", type=Path, required=True, metavar="FILE",
                   help="router config file (TOML)")
    p.add_argument("--verbose", action="store_true", help="log every routing decision")
    p.set_defaults(handler=_run)


def _run(args) -> int:
    from workbench.router import service

    return service.run(args.config, verbose=args.verbose)
