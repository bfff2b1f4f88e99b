"""Hand-written transcripts: ``talk((seconds, sender, text), ...)`` from a fixed morning."""

from __future__ import annotations

from workbench import timefmt
from workbench.standards import Line, Order, Transcript

START = timefmt.parse("2025-11-20 10:00:00")
AGENT = "xiaoman"


def at(seconds: float) -> float:
    return START + seconds


def talk(*lines: tuple, orders: tuple[Order, ...] = ()) -> Transcript:
    """Lines as (seconds after 10:00, sender, text); agent lines are 小满's."""
    return Transcript("c-1", AGENT, tuple(
        Line(at(seconds), sender, text, AGENT if sender == "agent" else None)
        for seconds, sender, text in lines), orders, buyer="阿宝")
