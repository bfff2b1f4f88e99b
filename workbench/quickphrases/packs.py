"""Phrase pack files in and out: canonical JSON, CSV (UTF-8 or GBK), Qianniu's export, XLSX.

One import path serves the window, the CLI and the preload: read a file into a
:class:`PackFile` (through :mod:`workbench.filereader`: cut, malformed and empty files
refused whole), plan what it would change (:func:`plan`), then apply the plan in one
transaction. A bad row stops the import with file, row, column and reason before anything
is written. An import never empties a phrase's group or keywords because a cell is empty
or a column missing; ``（清空）`` does. Exports go through :mod:`workbench.filewriter`
(atomic, formula-safe). See docs/formats.md.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.accounts import Agent, permissions
from workbench.changes import Changes, Refused
from workbench.filereader import FileRefused, is_clear_mark, read_json, read_table
from workbench.filewriter import atomic_text, write_csv, write_xlsx
from workbench.quickphrases import (
    IMAGE_SUFFIXES,
    PERSONAL_PACK_PREFIX,
    Pack,
    Phrase,
    check_may_edit,
    check_phrase,
    from_rows,
    group_id_for,
    image_name,
    image_path,
    keep_image,
    pack_by_name,
    unknown_variables,
)
from workbench.store import Store, events
from workbench.store import phrases as phrase_rows
from workbench.textnorm import match_key

PACK_FORMAT = "workbench-phrase-pack"
PACK_FORMAT_VERSION = 1
QIANNIU_HEADER = ("快捷短语编码", "快捷短语", "快捷短语分组")
FORMATS = ("json", "csv", "qianniu", "xlsx")
MODES = ("append", "replace", "update")
# Our own table columns (CSV and XLSX), with the names trainers tend to use for them.
COLUMNS = {
    "code": ("编码", "快捷编码", "快捷短语编码", "code"),
    "text": ("短语", "内容", "快捷短语", "text"),
    "group": ("分组", "快捷短语分组", "group"),
    "keywords": ("关键词", "keywords"),
}
HEADER = ("编码", "短语", "分组", "关键词")
WIDTHS = (10, 60, 16, 20)


@dataclass(frozen=True)
class PackRow:
    row: int
    code: str
    text: str
    # None where the file says nothing (an empty cell, a missing column): an existing
    # phrase keeps its group or keywords, a new one has none. "" empties them on purpose.
    group: str | None = None
    keywords: str | None = None
    # A picture file resolved beside a JSON pack ("" for none); None where the file says
    # nothing (tables, a JSON phrase without "image"), so a phrase's picture stays.
    image: str | None = None


@dataclass
class PackFile:
    path: Path
    format: str
    rows: list[PackRow]
    name: str | None = None
    version: int = 1
    author: str = ""
    scope: str = "team"
    notes: list[str] = field(default_factory=list)


# --- reading ---------------------------------------------------------------------------

def read(path: Path) -> PackFile:
    """Read any supported pack file, checking every row."""
    path = Path(path)
    pack = _read_json(path) if path.suffix.lower() == ".json" else _read_table(path)
    _check_rows(pack)
    return pack


def _said(text: str) -> str | None:
    """What a table cell says for a field an import must never empty by accident."""
    if is_clear_mark(text):
        return ""
    return text or None


def _read_table(path: Path) -> PackFile:
    table = read_table(path, [name for names in COLUMNS.values() for name in names])
    columns = table.columns(COLUMNS, required=("code", "text"))
    keys = [match_key(h) for h in table.headers[:3]]
    qianniu = keys == [match_key(h) for h in QIANNIU_HEADER]
    fmt = "xlsx" if path.suffix.lower() in (".xlsx", ".xlsm") else "qianniu" if qianniu else "csv"

    def cell(cells: list[str], key: str) -> str:
        return cells[columns[key]] if key in columns else ""

    rows = [PackRow(row.number, cell(row.cells, "code"), cell(row.cells, "text"),
                    _said(cell(row.cells, "group")), _said(cell(row.cells, "keywords")))
            for row in table.rows]
    return PackFile(path, fmt, rows)


def _read_json(path: Path) -> PackFile:
    data = read_json(path)

    def fail(zh: str, en: str, row: int | None = None, column: str = "") -> FileRefused:
        return FileRefused(path, zh, en, row=row, column=column)

    if not isinstance(data, dict) or data.get("format") != PACK_FORMAT:
        raise fail(f"不是工作台的短语包（缺少 \"format\": \"{PACK_FORMAT}\"）",
                   f"not a workbench phrase pack (no \"format\": \"{PACK_FORMAT}\")")
    if not isinstance(data.get("format_version"), int) or \
            data["format_version"] > PACK_FORMAT_VERSION:
        raise fail("短语包格式版本不受支持，请升级工作台",
                   "this pack format version is not supported; upgrade the workbench")
    # null or a number is no name: str() would make a pack called "None".
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise fail("短语包缺少名称 name（应是一段文字）",
                   "the pack has no name (it should be text)")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise fail(f"版本号 version 应是整数，而不是“{version}”",
                   f"version should be a whole number, not {version!r}")
    rows: list[PackRow] = []

    def json_row(phrase, group_path: str) -> PackRow:
        number = len(rows) + 1
        if not isinstance(phrase, dict):
            raise fail("短语应是对象 {…}", "a phrase should be an object {…}", number)
        for key in ("code", "text"):
            if not isinstance(phrase.get(key, ""), str | int):
                raise fail(f"字段 {key} 应是文字", f"the field {key} should be text", number,
                           key)
        keywords = phrase.get("keywords")
        if keywords is not None:
            keywords = " ".join(map(str, keywords)) if isinstance(keywords, list) \
                else str(keywords)
        image = None  # no "image" key: the phrase keeps the picture it has
        if "image" in phrase:
            image = ""
            if phrase["image"]:
                image = str((path.parent / str(phrase["image"])).resolve())
                if not Path(image).is_file():
                    raise fail(f"找不到图片文件 {phrase['image']}",
                               f"the picture {phrase['image']} is missing", number, "image")
                # Checked on reading, so a dry run refuses what the import would.
                if Path(image).suffix.lower() not in IMAGE_SUFFIXES:
                    raise fail(f"{phrase['image']} 不是支持的图片格式"
                               f"（{'、'.join(IMAGE_SUFFIXES)}）",
                               f"{phrase['image']} is not a supported picture "
                               f"({', '.join(IMAGE_SUFFIXES)})", number, "image")
        return PackRow(number, str(phrase.get("code", "")).strip(),
                       str(phrase.get("text", "")), group_path, keywords, image)

    def walk(groups, parent: str) -> None:
        if not isinstance(groups, list):
            raise fail("groups 应是列表", "groups should be a list")
        for group in groups:
            if not isinstance(group, dict) or not str(group.get("name", "")).strip():
                raise fail("每个分组都要有名称 name", "every group needs a name",
                           len(rows) + 1)
            path_name = f"{parent}/{group['name']}" if parent else str(group["name"])
            phrases = group.get("phrases", [])
            if not isinstance(phrases, list):
                raise fail(f"分组“{path_name}”的 phrases 应是列表",
                           f"the phrases of group {path_name!r} should be a list")
            for phrase in phrases:
                rows.append(json_row(phrase, path_name))
            if group.get("groups"):
                if parent:
                    raise fail(f"分组“{path_name}”嵌套超过一层",
                               f"group {path_name!r} is nested more than one level deep")
                walk(group["groups"], path_name)

    top = data.get("phrases", [])
    if not isinstance(top, list):
        raise fail("phrases 应是列表", "phrases should be a list")
    for phrase in top:  # ungrouped phrases
        rows.append(json_row(phrase, ""))
    walk(data.get("groups", []), "")
    if not rows:
        raise fail("短语包里没有任何短语", "the pack holds no phrases")
    return PackFile(path, "json", rows, name=str(data["name"]).strip(), version=version,
                    author=str(data.get("author", "")), scope=data.get("scope", "team"))


def _check_rows(pack: PackFile) -> None:
    seen: dict[str, int] = {}
    code_column = "编码" if pack.format != "qianniu" else QIANNIU_HEADER[0]
    text_column = "短语" if pack.format != "qianniu" else QIANNIU_HEADER[1]
    for row in pack.rows:
        def refuse(zh: str, en: str, column: str, row=row) -> FileRefused:
            return FileRefused(pack.path, zh, en, row=row.row, column=column)

        if not row.code:
            raise refuse("快捷编码为空", "the code is empty", code_column)
        if any(ch.isspace() for ch in row.code):
            raise refuse(f"快捷编码“{row.code}”里有空格", f"the code {row.code!r} has spaces",
                         code_column)
        if not row.text.strip():
            raise refuse("短语内容为空", "the phrase text is empty", text_column)
        if is_clear_mark(row.text):
            raise refuse("短语内容不能清空；要删除短语，请用 replace 方式导入不含它的文件",
                         "a phrase's text cannot be cleared; to delete phrases, import a file "
                         "without them in replace mode", text_column)
        key = match_key(row.code)
        if key in seen:
            raise refuse(f"快捷编码“{row.code}”与第 {seen[key]} 行重复",
                         f"the code {row.code!r} repeats line {seen[key]}", code_column)
        seen[key] = row.row
        unknown = unknown_variables(row.text)
        if unknown:
            pack.notes.append(f"第 {row.row} 行含未知变量 " +
                              "、".join("{" + n + "}" for n in unknown) + "，发送时将原样显示")


# --- planning and applying ---------------------------------------------------------------

@dataclass
class ImportPlan:
    pack_name: str
    mode: str
    added: list[PackRow] = field(default_factory=list)
    updated: list[tuple[Phrase, PackRow]] = field(default_factory=list)
    removed: list[Phrase] = field(default_factory=list)
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"短语包“{self.pack_name}”（{self.mode}）：新增 {len(self.added)} 条，"
                f"更新 {len(self.updated)} 条，删除 {len(self.removed)} 条，"
                f"不变 {self.unchanged} 条")

    def details(self) -> list[str]:
        lines = [f"+ /{row.code} {row.text[:40]}" for row in self.added]
        lines += [f"~ /{row.code} {row.text[:40]}" for _, row in self.updated]
        lines += [f"- /{phrase.code} {phrase.text[:40]}" for phrase in self.removed]
        return lines + self.notes


def _target_name(pack: PackFile, scope: str, agent: Agent | None,
                 pack_name: str | None) -> str:
    """Personal phrases go to the agent's own pack; team files to their named pack."""
    if scope == "personal":
        if agent is None:
            raise Refused("导入个人短语需要指定客服（--as）。",
                          "Importing personal phrases needs the agent (--as).")
        return PERSONAL_PACK_PREFIX + agent.name
    if scope != "team":
        raise Refused(f"未知的范围 {scope}，可选 team、personal。",
                      f"Unknown scope {scope}; use team or personal.")
    return pack_name or pack.name or pack.path.stem


def plan(store: Store, pack: PackFile, *, mode: str = "append", scope: str = "team",
         agent: Agent | None = None, pack_name: str | None = None) -> ImportPlan:
    """What importing ``pack`` would change; nothing is written.

    Without ``agent`` the import acts for the workstation (CLI, preload); with one, the
    team's rules apply: team packs need a trainer or supervisor.
    """
    if mode not in MODES:
        raise Refused(f"未知的导入方式 {mode}，可选 {'、'.join(MODES)}。",
                      f"Unknown import mode {mode}; use {', '.join(MODES)}.")
    name = _target_name(pack, scope, agent, pack_name)
    target = pack_by_name(store, name)
    if target is not None and agent is not None:
        check_may_edit(agent, target)
    elif scope == "team" and agent is not None:
        permissions.require(agent, permissions.EDIT_TEAM_PHRASES)
    # Codes are matched as people type them: ＨＹ, HY and hy are one code.
    existing = {match_key(p.code): p
                for p in from_rows(phrase_rows.pack_phrases(store, target.id))} \
        if target else {}
    result = ImportPlan(name, mode, notes=list(pack.notes))
    for row in pack.rows:
        current = existing.get(match_key(row.code))
        if current is None or mode == "replace":
            if current is not None and _same(current, row):
                result.unchanged += 1
            elif current is not None:
                result.updated.append((current, row))
            else:
                result.added.append(row)
        elif mode == "append":
            raise FileRefused(pack.path, f"快捷编码“{row.code}”在短语包“{name}”里已存在"
                              "（要覆盖请用 update 或 replace）",
                              f"the code {row.code!r} is already in the pack {name!r} (use "
                              "update or replace to overwrite it)", row=row.row, column="编码")
        elif _same(current, row):
            result.unchanged += 1
        else:
            result.updated.append((current, row))
    if mode == "replace":
        codes = {match_key(row.code) for row in pack.rows}
        result.removed = [p for key, p in existing.items() if key not in codes]
    return result


def _same(phrase: Phrase, row: PackRow) -> bool:
    """The row would change nothing: what it does not say is kept, groups match by name."""
    if row.image is None:
        image = phrase.image
    else:
        image = image_name(Path(row.image)) if row.image else None
    same_group = row.group is None or match_key(phrase.group_path) == match_key(row.group)
    same_keywords = row.keywords is None or phrase.keywords == row.keywords
    return phrase.text == row.text and same_group and same_keywords and phrase.image == image


def apply(store: Store, pack: PackFile, import_plan: ImportPlan, *, scope: str = "team",
          agent: Agent | None = None, now: float) -> Changes:
    """Carry out a plan in one transaction."""
    with store.transaction():
        target = pack_by_name(store, import_plan.pack_name)
        if target is None:
            owner = agent.id if scope == "personal" and agent else None
            pack_id = phrase_rows.insert_pack(store, import_plan.pack_name, pack.version,
                                              pack.author, scope, owner, now)
        else:
            pack_id = target.id
            version = pack.version if import_plan.mode != "append" else max(pack.version,
                                                                             target.version)
            phrase_rows.update_pack(store, pack_id, version, pack.author or target.author or "",
                                    now)
        if import_plan.mode == "replace":
            for phrase in import_plan.removed:
                phrase_rows.delete_phrase(store, phrase.id)
        group = _grouper(store, pack_id)
        for phrase, row in import_plan.updated:
            check_phrase(row.code, row.text)
            group_id = phrase.group_id if row.group is None else group(row)
            keywords = phrase.keywords if row.keywords is None else row.keywords
            phrase_rows.update_phrase(store, phrase.id, group_id, match_key(row.code), row.text,
                                      keywords,
                                      _image(store, row, phrase.image))
        start = len(phrase_rows.pack_phrases(store, pack_id))
        for offset, row in enumerate(import_plan.added):
            check_phrase(row.code, row.text)
            phrase_rows.insert_phrase(store, pack_id, group(row), match_key(row.code), row.text,
                                      row.keywords or "", _image(store, row, None),
                                      start + offset)
        events.record(store, now, agent.id if agent else None, "phrases.import",
                      f"pack:{import_plan.pack_name}",
                      {"file": str(pack.path), "summary": import_plan.summary()})
    return Changes(phrases=True)


def _image(store: Store, row: PackRow, kept: str | None) -> str | None:
    """A JSON row's picture; where the file says none, a phrase keeps the one it had."""
    if row.image is None:
        return kept
    return keep_image(store, Path(row.image)) if row.image else None


def _grouper(store: Store, pack_id: int) -> Callable[[PackRow], int | None]:
    """A row's group id, found or created once per spelling: thousands of rows share a
    few dozen groups."""
    found: dict[str, int | None] = {}

    def group(row: PackRow) -> int | None:
        if not row.group:
            return None
        key = match_key(row.group)
        if key not in found:
            found[key] = group_id_for(store, pack_id, row.group)
        return found[key]

    return group


def import_file(store: Store, path: Path, *, mode: str = "append", scope: str = "team",
                agent: Agent | None = None, pack_name: str | None = None, dry_run: bool = False,
                now: float) -> tuple[ImportPlan, Changes]:
    """The one import path: read, check, plan, and unless ``dry_run`` apply."""
    pack = read(Path(path))
    import_plan = plan(store, pack, mode=mode, scope=scope, agent=agent, pack_name=pack_name)
    if dry_run:
        return import_plan, Changes()
    return import_plan, apply(store, pack, import_plan, scope=scope, agent=agent, now=now)


# --- writing ---------------------------------------------------------------------------

def export(store: Store, pack: Pack, path: Path, fmt: str) -> int:
    """Write a pack in ``fmt``; returns the number of phrases written. The file appears
    whole or not at all, and no text cell can become a formula."""
    if fmt not in FORMATS:
        raise Refused(f"未知的导出格式 {fmt}，可选 {'、'.join(FORMATS)}。",
                      f"Unknown export format {fmt}; use {', '.join(FORMATS)}.")
    path = Path(path)
    phrases = from_rows(phrase_rows.pack_phrases(store, pack.id))
    rows = [(p.code, p.text, p.group_path, p.keywords) for p in phrases]
    if fmt == "json":
        _write_json(store, pack, phrases, path)
    elif fmt == "csv":
        write_csv(path, HEADER, rows)
    elif fmt == "qianniu":
        # Qianniu reads GBK; gb18030 writes the same bytes for every GBK character and
        # still has a byte sequence for the rare one GBK lacks.
        write_csv(path, QIANNIU_HEADER, [r[:3] for r in rows], encoding="gb18030")
    else:
        write_xlsx(path, "快捷短语", HEADER, rows, WIDTHS)
    return len(phrases)


def _write_json(store: Store, pack: Pack, phrases: list[Phrase], path: Path) -> None:
    """The pack's JSON and, beside it, a folder of its pictures; neither is left behind
    when the export fails."""
    folder = path.with_name(path.stem + "_images")
    created = not folder.exists()
    try:
        with atomic_text(path) as handle:
            images = _export_images(store, phrases, folder)
            handle.write(json.dumps(_as_json(pack, phrases, images), ensure_ascii=False,
                                    indent=2))
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def _export_images(store: Store, phrases: list[Phrase], folder: Path) -> dict[int, str]:
    """Copy phrase pictures into a folder beside the JSON; phrase id → relative path."""
    written = {}
    for phrase in phrases:
        source = image_path(store, phrase)
        if source is not None and source.is_file():
            folder.mkdir(exist_ok=True)
            shutil.copyfile(source, folder / source.name)
            written[phrase.id] = f"{folder.name}/{source.name}"
    return written


def _as_json(pack: Pack, phrases: list[Phrase], images: dict[int, str]) -> dict:
    groups: dict[str, dict] = {}
    ungrouped = []
    top: list[dict] = []
    for phrase in phrases:
        entry = {"code": phrase.code, "text": phrase.text}
        if phrase.keywords:
            entry["keywords"] = phrase.keywords.split()
        if phrase.id in images:
            entry["image"] = images[phrase.id]
        if not phrase.group_name:
            ungrouped.append(entry)
            continue
        parent_name = phrase.parent_group_name or phrase.group_name
        if parent_name not in groups:
            groups[parent_name] = {"name": parent_name}
            top.append(groups[parent_name])
        holder = groups[parent_name]
        if phrase.parent_group_name:
            children = holder.setdefault("groups", [])
            child = next((g for g in children if g["name"] == phrase.group_name), None)
            if child is None:
                child = {"name": phrase.group_name}
                children.append(child)
            holder = child
        holder.setdefault("phrases", []).append(entry)
    return {"format": PACK_FORMAT, "format_version": PACK_FORMAT_VERSION, "name": pack.name,
            "version": pack.version, "author": pack.author or "", "scope": pack.scope,
            "phrases": ungrouped, "groups": top}
