"""The window's orders area."""
