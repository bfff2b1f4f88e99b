"""How times are written: stored as epoch seconds, shown in local time."""

from __future__ import annotations

import datetime as dt
import math

# The times a person may set on an item (a todo's due or reminder): from 2000 (old
# items may be recorded late) to this many years ahead of now. Anything further is a
# typo, and past year 9999 not even a date.
SANE_YEARS = 5
EARLIEST = 946_684_800.0  # 2000-01-01 00:00 UTC
_YEAR = 365.25 * 86400


def local(at: float) -> dt.datetime:
    """The local time of ``at``; a stored time no calendar can hold (an absurd due
    written before it was checked) is clamped to the first or last representable
    moment, so listings that show it never break."""
    try:
        return dt.datetime.fromtimestamp(at)
    except (OverflowError, ValueError, OSError):
        if isinstance(at, (int, float)) and not math.isnan(at) and at < 0:
            return dt.datetime(1, 1, 1)
        return dt.datetime(9999, 12, 31, 23, 59, 59)


def in_sane_range(at: float, now: float) -> bool:
    """Whether ``at`` is a time a person could mean: a finite number from
    :data:`EARLIEST` to :data:`SANE_YEARS` years after ``now``."""
    return (isinstance(at, (int, float)) and math.isfinite(at)
            and EARLIEST <= at <= now + SANE_YEARS * _YEAR)


def minute(at: float) -> str:
    return local(at).strftime("%Y-%m-%d %H:%M")


def second(at: float) -> str:
    return local(at).strftime("%Y-%m-%d %H:%M:%S")


def parse(text: str) -> float:
    """Read `YYYY-MM-DD HH:MM[:SS]` (local time) or ISO 8601 with an offset."""
    return dt.datetime.fromisoformat(text.strip()).timestamp()
