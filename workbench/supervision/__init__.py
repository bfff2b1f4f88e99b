"""Supervision: conversation log search, imports and exports, service figures.

Modules: ``search`` (the index, searches, transcripts), ``logfiles`` (JSONL import, exports
to JSONL/CSV/XLSX), ``metrics`` (service figures and quality lists), ``rounds`` (dialogue
rounds shared by both). All Qt-free; permissions are checked here, not in the window.
"""
