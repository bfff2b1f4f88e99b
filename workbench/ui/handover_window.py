"""This area's windows and menu entries, added to the main window by ``install``."""

from __future__ import annotations


def install(window) -> None:
    """Add menus, actions and shortcuts to ``window`` (a MainWindow)."""
