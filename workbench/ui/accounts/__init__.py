"""The window's accounts area: the first-run dialog, account management, one's own password."""
