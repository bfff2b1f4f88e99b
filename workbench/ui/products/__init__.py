"""The window's products area."""
