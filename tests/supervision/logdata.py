"""Log lines for supervision tests, written as JSONL for the real import."""

from __future__ import annotations

import json
from pathlib import Path


def line(conversation, buyer, sender, text, time, agent=None, **extra):
    return {"conversation": conversation, "buyer": buyer, "agent": agent, "sender": sender,
            "text": text, "time": time, **extra}


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False))
                            + "\n" for r in records), encoding="utf-8")
    return path
