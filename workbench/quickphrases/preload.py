"""Preload: trainers' team packs shipped with the program or dropped into a shared folder
are imported at start when their version is newer than the store's. Personal phrases are
never touched: only team packs are preloaded."""

from __future__ import annotations

from pathlib import Path

from workbench.changes import Changes, Refused
from workbench.paths import RESOURCES
from workbench.quickphrases import pack_by_name, packs
from workbench.store import Store, settings

SHIPPED = RESOURCES / "phrase_packs"
FOLDER_KEY = "phrases.preload_folder"


def folders(store: Store) -> list[Path]:
    configured = settings.get(store, FOLDER_KEY)
    return [SHIPPED] + ([Path(configured)] if configured else [])


def set_folder(store: Store, folder: Path | None) -> None:
    settings.put(store, FOLDER_KEY, str(folder) if folder else "")


def preload(store: Store, now: float, sources: list[Path] | None = None
            ) -> tuple[list[str], list[str], Changes]:
    """Import newer team packs. Returns (what was imported, problems, changes).

    A damaged or unreadable file is reported and skipped; it never stops the start.
    """
    imported: list[str] = []
    problems: list[str] = []
    changes = Changes()
    for folder in sources if sources is not None else folders(store):
        if not folder.is_dir():
            if folder != SHIPPED:
                problems.append(f"预载文件夹 {folder} 不存在或无法访问。")
            continue
        for path in sorted(folder.glob("*.json")):
            try:
                pack = packs.read(path)
                if pack.scope != "team":
                    continue
                held = pack_by_name(store, pack.name or "")
                if held is not None and held.version >= pack.version:
                    continue
                plan = packs.plan(store, pack, mode="replace")
                changes |= packs.apply(store, pack, plan, now=now)
                imported.append(f"{plan.pack_name} v{pack.version}:{plan.summary()}")
            except Refused as problem:
                problems.append(str(problem))
    return imported, problems, changes
