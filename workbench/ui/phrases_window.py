"""The 短语 menu: manage phrases, import and export packs, the preload folder."""

from __future__ import annotations


def install(window) -> None:
    """Add the 短语 menu to ``window``."""
