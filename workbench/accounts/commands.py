"""`workbench ...` subcommands of this area (see workbench/cli.py)."""

from __future__ import annotations


def register(commands) -> None:
    """Add this area's subparsers to ``commands``."""
