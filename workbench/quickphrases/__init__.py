"""Quick phrases (快捷短语): team packs preloaded by trainers, personal phrases, variables.

Team phrases are the company's wording: agents use them but only trainers and supervisors
change them. Every agent may keep personal phrases in a pack of their own.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from workbench import orders, timefmt
from workbench.accounts import Agent, permissions
from workbench.changes import Changes, Refused
from workbench.store import Store, events, settings
from workbench.store import phrases as phrase_rows
from workbench.textnorm import match_key

SHOP_NAME_KEY = "shop_name"
VARIABLES = ("买家", "客服", "店铺", "订单号", "收货地址", "物流单号", "时间", "退货地址",
             "售后单号", "快递", "时效")
VARIABLE = re.compile(r"\{([^{}\s]{1,12})\}")
PERSONAL_PACK_PREFIX = "个人短语·"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")


@dataclass(frozen=True)
class Phrase:
    id: int
    pack_id: int
    pack_name: str
    scope: str
    owner_id: int | None
    group_id: int | None
    group_name: str | None
    parent_group_name: str | None
    code: str
    text: str
    image: str | None
    keywords: str
    position: int
    use_count: int
    last_used_at: float | None

    @property
    def group_path(self) -> str:
        """The group as a trainer writes it：售后/退换货 for a nested group."""
        if self.parent_group_name:
            return f"{self.parent_group_name}/{self.group_name}"
        return self.group_name or ""


@dataclass(frozen=True)
class Pack:
    id: int
    name: str
    version: int
    author: str | None
    scope: str
    agent_id: int | None


def from_rows(rows) -> list[Phrase]:
    """Phrases from query rows."""
    return [Phrase(**row) for row in rows]


def visible(store: Store, agent: Agent | None, most_used: bool = False) -> list[Phrase]:
    """Team phrases and this agent's personal ones, in panel order (or most used first)."""
    return from_rows(phrase_rows.visible_phrases(store, agent.id if agent else None, most_used))


def all_phrases(store: Store) -> list[Phrase]:
    """Every team phrase (no personal ones): what a workstation shares."""
    return visible(store, None)


def get(store: Store, phrase_id: int) -> Phrase | None:
    row = phrase_rows.phrase(store, phrase_id)
    return Phrase(**row) if row else None


def all_packs(store: Store) -> list[Pack]:
    return [Pack(**row) for row in phrase_rows.packs(store)]


def pack_by_name(store: Store, name: str) -> Pack | None:
    row = phrase_rows.pack_by_name(store, name)
    return Pack(**row) if row else None


def group_paths(store: Store, agent: Agent | None) -> list[str]:
    """Group paths the agent sees, parents before their children, in panel order."""
    paths: list[str] = []
    for row in phrase_rows.visible_groups(store, agent.id if agent else None):
        if row["parent_group_name"] and row["parent_group_name"] not in paths:
            paths.append(row["parent_group_name"])
        path = (f"{row['parent_group_name']}/{row['group_name']}" if row["parent_group_name"]
                else row["group_name"])
        if path not in paths:
            paths.append(path)
    return paths


# --- images ----------------------------------------------------------------------------

def images_folder(store: Store) -> Path:
    return store.path.parent / "phrase_images"


def image_path(store: Store, phrase: Phrase) -> Path | None:
    return images_folder(store) / phrase.image if phrase.image else None


def image_name(source: Path) -> str:
    """The stored name of a picture: its content hash, so the same picture is kept once."""
    try:
        digest = hashlib.sha1(source.read_bytes()).hexdigest()[:16]
    except OSError as error:
        raise Refused(f"找不到图片 {source}（{error.strerror}）。",
                      f"Cannot read the picture {source} ({error.strerror}).") from error
    return digest + source.suffix.lower()


def keep_image(store: Store, source: Path) -> str:
    """Copy a picture for a phrase into the data dir; returns the name to store."""
    if source.suffix.lower() not in IMAGE_SUFFIXES:
        raise Refused(f"{source.name} 不是支持的图片格式（{'、'.join(IMAGE_SUFFIXES)}）。",
                      f"{source.name} is not a supported picture ({', '.join(IMAGE_SUFFIXES)}).")
    name = image_name(source)
    target = images_folder(store) / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return name


# --- editing ---------------------------------------------------------------------------

def check_may_edit(agent: Agent | None, pack: Pack) -> None:
    """Team packs need a trainer or supervisor; a personal pack only its owner."""
    if pack.scope == "team":
        permissions.require(agent, permissions.EDIT_TEAM_PHRASES)
    elif agent is None or pack.agent_id != agent.id:
        raise Refused("只能修改自己的个人短语。", "Only your own personal phrases can be changed.")


def check_phrase(code: str, text: str) -> None:
    """The rules every stored phrase follows; the editor and imports share them."""
    if not code:
        raise Refused("快捷编码不能为空。", "The code cannot be empty.")
    if any(ch.isspace() for ch in code):
        raise Refused(f"快捷编码“{code}”里不能有空格。", f"The code {code!r} cannot hold spaces.")
    if not text.strip():
        raise Refused(f"短语“{code}”的内容不能为空。", f"The text of phrase {code!r} is empty.")


def unknown_variables(text: str) -> list[str]:
    return [name for name in VARIABLE.findall(text) if name not in VARIABLES]


def personal_pack(store: Store, agent: Agent, now: float) -> Pack:
    """The agent's personal pack, created on first use."""
    name = PERSONAL_PACK_PREFIX + agent.name
    with store.transaction():
        if phrase_rows.pack_by_name(store, name) is None:
            phrase_rows.insert_pack(store, name, 1, agent.signature, "personal", agent.id, now)
    pack = pack_by_name(store, name)
    assert pack is not None
    return pack


def group_id_for(store: Store, pack_id: int, path: str) -> int | None:
    """The id of group ``parent/child`` (or ``name``) in a pack, created if missing.

    Names match as people write them (``售后`` and ``售后 ``, ``／`` and ``/``), so an
    import never makes a second group for a differently typed name."""
    names = [part.strip() for part in path.replace("／", "/").split("/") if part.strip()][:2]
    parent_id = None
    existing = phrase_rows.groups(store, pack_id)
    for name in names:
        found = next((g for g in existing if match_key(g["name"]) == match_key(name)
                      and g["parent_id"] == parent_id), None)
        if found is None:
            position = sum(1 for g in existing if g["parent_id"] == parent_id)
            parent_id = phrase_rows.insert_group(store, pack_id, name, parent_id, position)
            existing = phrase_rows.groups(store, pack_id)
        else:
            parent_id = found["id"]
    return parent_id


def save_phrase(store: Store, agent: Agent | None, pack: Pack, code: str, text: str,
                group: str, keywords: str, now: float, phrase_id: int | None = None,
                image: str | None = None) -> Changes:
    """Add a phrase to ``pack``, or change phrase ``phrase_id``; refuses unknown variables.

    ``image`` is the name :func:`keep_image` gave a picture, or None for none.
    """
    code = code.strip()
    check_may_edit(agent, pack)
    check_phrase(code, text)
    code = match_key(code)  # a code is a key: stored as matched (see docs/formats.md)
    unknown = unknown_variables(text)
    if unknown:
        raise Refused("未知的变量：" + "、".join("{" + n + "}" for n in unknown) +
                      "。可用的变量：" + "、".join("{" + n + "}" for n in VARIABLES),
                      "Unknown variables: " + ", ".join("{" + n + "}" for n in unknown) +
                      ". Known: " + ", ".join("{" + n + "}" for n in VARIABLES))
    with store.transaction():
        clash = next((p for p in from_rows(phrase_rows.pack_phrases(store, pack.id))
                      if match_key(p.code) == match_key(code) and p.id != phrase_id), None)
        if clash is not None:
            raise Refused(f"快捷编码“{code}”已被“{clash.text[:20]}”使用。",
                          f"The code {code!r} is taken by {clash.text[:20]!r}.")
        group_id = group_id_for(store, pack.id, group) if group.strip() else None
        if phrase_id is None:
            position = len(phrase_rows.pack_phrases(store, pack.id))
            phrase_id = phrase_rows.insert_phrase(store, pack.id, group_id, code, text,
                                                  keywords.strip(), image, position)
            kind = "phrase.add"
        else:
            phrase_rows.update_phrase(store, phrase_id, group_id, code, text, keywords.strip(),
                                      image)
            kind = "phrase.edit"
        events.record(store, now, agent.id if agent else None, kind, f"phrase:{phrase_id}",
                      {"pack": pack.name, "code": code})
    return Changes(phrases=True)


def delete_phrase(store: Store, agent: Agent | None, phrase_id: int, now: float) -> Changes:
    phrase = get(store, phrase_id)
    if phrase is None:
        raise Refused("这条短语已不存在。", "This phrase no longer exists.")
    pack = next(p for p in all_packs(store) if p.id == phrase.pack_id)
    check_may_edit(agent, pack)
    with store.transaction():
        phrase_rows.delete_phrase(store, phrase_id)
        events.record(store, now, agent.id if agent else None, "phrase.delete",
                      f"phrase:{phrase_id}", {"pack": pack.name, "code": phrase.code})
    return Changes(phrases=True)


def note_use(store: Store, phrase_id: int, now: float) -> Changes:
    with store.transaction():
        phrase_rows.note_use(store, phrase_id, now)
    # Usage counts reorder only the 常用优先 view, which re-reads on its next search.
    return Changes()


# --- variables -------------------------------------------------------------------------

def context_values(store: Store, buyer_id: int | None, buyer_nick: str, agent_name: str,
                   now: float) -> dict[str, str]:
    """Values for {买家}, {客服}, {店铺}, {订单号}，… from the buyer and their latest order;
    {退货地址} and {售后单号} from the after-sale policy and the buyer's open case."""
    from workbench.aftersale.wording import phrase_values

    latest = orders.for_buyer(store, buyer_id) if buyer_id is not None else []
    values = {
        "买家": buyer_nick,
        "客服": agent_name,
        "店铺": settings.get(store, SHOP_NAME_KEY, "") or "",
        "时间": timefmt.minute(now),
    }
    if latest:
        values |= {"订单号": latest[0].id, "收货地址": latest[0].address or "",
                   "物流单号": latest[0].tracking_no or ""}
    values |= phrase_values(store, buyer_id)
    from workbench.products import couriers  # off the start-up path

    values |= couriers.phrase_values(store, latest[0] if latest else None)  # {快递} {时效}
    return {name: value for name, value in values.items() if value}


def fill(text: str, values: dict[str, str]) -> str:
    """Replace known variables; a missing one stays visible as {名称}."""
    return VARIABLE.sub(lambda match: values.get(match[1], match[0]), text)


def unfilled(text: str) -> list[str]:
    """Variables still standing in a message about to be sent."""
    return [name for name in VARIABLE.findall(text) if name in VARIABLES]
