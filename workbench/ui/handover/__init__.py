"""The window's handover area."""
