"""The window's supervision area."""
