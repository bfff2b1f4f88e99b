"""The window's quickphrases area."""
