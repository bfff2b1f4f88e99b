"""How times are written: stored as epoch seconds, shown in local time."""

from __future__ import annotations

import datetime as dt


def local(at: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(at)


def minute(at: float) -> str:
    return local(at).strftime("%Y-%m-%d %H:%M")


def second(at: float) -> str:
    return local(at).strftime("%Y-%m-%d %H:%M:%S")


def parse(text: str) -> float:
    """Read `YYYY-MM-DD HH:MM[:SS]` (local time) or ISO 8601 with an offset."""
    return dt.datetime.fromisoformat(text.strip()).timestamp()
