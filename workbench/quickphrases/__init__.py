"""Quick phrases (快捷短语): team packs preloaded by trainers, personal phrases, search."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from workbench import orders, timefmt
from workbench.changes import Changes, Refused
from workbench.store import Store, settings
from workbench.store import phrases as phrase_rows

PACK_FORMAT = "workbench-phrase-pack"
PACK_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Phrase:
    id: int
    pack_id: int
    pack_name: str
    scope: str
    group_id: int | None
    group_name: str | None
    code: str
    text: str
    image: str | None
    keywords: str
    position: int
    use_count: int
    last_used_at: float | None


class PackError(Refused):
    """A pack file that cannot be imported; the message names the place and the reason."""


def load_json_pack(path: Path) -> dict:
    """Read a canonical JSON pack (see docs/formats.md) and check its shape."""
    try:
        pack = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackError(f"{path}:无法读取短语包:{error}") from error
    if not isinstance(pack, dict) or pack.get("format") != PACK_FORMAT:
        raise PackError(f"{path}:不是工作台的短语包(缺少 format: {PACK_FORMAT})。")
    if pack.get("format_version", 0) > PACK_FORMAT_VERSION:
        raise PackError(f"{path}:短语包格式版本过新,请升级工作台。")
    return pack


def import_pack(store: Store, pack: dict, now: float, agent_id: int | None = None) -> Changes:
    """Replace the pack of the same name with this one, all or nothing."""
    with store.transaction():
        existing = phrase_rows.pack_by_name(store, pack["name"])
        if existing:
            pack_id = existing["id"]
            phrase_rows.clear_pack(store, pack_id)
            phrase_rows.update_pack(store, pack_id, pack.get("version", 1),
                                    pack.get("author", ""), now)
        else:
            pack_id = phrase_rows.insert_pack(
                store, pack["name"], pack.get("version", 1), pack.get("author", ""),
                pack.get("scope", "team"), agent_id, now)
        for position, group in enumerate(pack.get("groups", [])):
            _import_group(store, pack_id, group, None, position)
    return Changes(phrases=True)


def _import_group(store: Store, pack_id: int, group: dict, parent_id: int | None,
                  position: int) -> None:
    group_id = phrase_rows.insert_group(store, pack_id, group["name"], parent_id, position)
    for index, phrase in enumerate(group.get("phrases", [])):
        phrase_rows.insert_phrase(store, pack_id, group_id, phrase["code"], phrase["text"],
                                  " ".join(phrase.get("keywords", [])), phrase.get("image"),
                                  index)
    for index, child in enumerate(group.get("groups", [])):
        _import_group(store, pack_id, child, group_id, index)


def all_phrases(store: Store) -> list[Phrase]:
    return [Phrase(**row) for row in phrase_rows.all_phrases(store)]


def matches(phrase: Phrase, query: str) -> bool:
    """A plain match on the code prefix or a substring of text or group."""
    query = query.strip().lower()
    return (not query or phrase.code.lower().startswith(query) or query in phrase.text
            or query in (phrase.group_name or ""))


def note_use(store: Store, phrase_id: int, now: float) -> Changes:
    with store.transaction():
        phrase_rows.note_use(store, phrase_id, now)
    # Usage counts change no panel's content, so nothing needs refreshing.
    return Changes()


VARIABLE = re.compile(r"\{([^{}\s]{1,8})\}")
SHOP_NAME_KEY = "shop_name"


def context_values(store: Store, buyer_id: int | None, buyer_nick: str, agent_name: str,
                   now: float) -> dict[str, str]:
    """Values for {买家}, {客服}, {店铺}, {订单号}, … from the buyer and their latest order."""
    latest = orders.for_buyer(store, buyer_id)[0] if buyer_id is not None else None
    values = {
        "买家": buyer_nick,
        "客服": agent_name,
        "店铺": settings.get(store, SHOP_NAME_KEY, "") or "",
        "时间": timefmt.minute(now),
    }
    if latest is not None:
        values |= {"订单号": latest.id, "收货地址": latest.address or "",
                   "物流单号": latest.tracking_no or ""}
    return {name: value for name, value in values.items() if value}


def fill(text: str, values: dict[str, str]) -> str:
    """Replace known variables; a missing one stays visible as {名称}."""
    return VARIABLE.sub(lambda match: values.get(match[1], match[0]), text)
