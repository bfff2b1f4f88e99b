"""Phrase pack files in and out: canonical JSON, CSV (UTF-8 or GBK), Qianniu's export, XLSX.

One import path serves the window, the CLI and the preload: read a file into a
:class:`PackFile`, plan what it would change (:func:`plan`), then apply the plan in one
transaction. A bad row stops the import with file, row, column and reason before anything
is written. See docs/formats.md.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from workbench.accounts import Agent, permissions
from workbench.changes import Changes, Refused
from workbench.quickphrases import (
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


class PackError(Refused):
    """A pack file that cannot be imported; the message names file, row, column, reason."""

    def __init__(self, path: Path, reason: str, row: int | None = None,
                 column: str | None = None):
        where = str(path)
        if row is not None:
            where += f" 第 {row} 行"
        if column:
            where += f" “{column}”列"
        super().__init__(f"{where}：{reason}。导入已取消，短语库没有任何改动。")
        self.row = row
        self.column = column


@dataclass(frozen=True)
class PackRow:
    row: int
    code: str
    text: str
    group: str = ""
    keywords: str = ""
    # A picture file resolved beside a JSON pack ("" for none); None where the format
    # has no pictures (tables), so an import from one leaves a phrase's picture alone.
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
    suffix = path.suffix.lower()
    if suffix == ".json":
        pack = _read_json(path)
    elif suffix in (".xlsx", ".xlsm"):
        pack = _read_xlsx(path)
    else:
        pack = _read_table(path, _table_rows_from_csv(path))
    _check_rows(pack)
    return pack


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PackError(path, f"无法读取文件（{error.strerror}）") from error
    for encoding in ("utf-8-sig", "gb18030"):  # gb18030 reads GBK and GB2312 too
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PackError(path, "无法识别文件编码，请存为 UTF-8 或 GBK")


def _clean(cell) -> str:
    """A cell as text: Excel-proofing tabs, =\"…\" wrappers and stray spaces removed."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip().lstrip("\t").strip()
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    return text


def _table_rows_from_csv(path: Path) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(_decode(path), newline="")))
    except csv.Error as error:
        raise PackError(path, f"CSV 格式错误（{error}）") from error


def _read_xlsx(path: Path) -> PackFile:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise PackError(path, f"不是可读的 XLSX 文件（{type(error).__name__}）") from error
    try:
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    pack = _read_table(path, rows)
    pack.format = "xlsx"
    return pack


def _read_table(path: Path, rows: list[list]) -> PackFile:
    if not rows:
        raise PackError(path, "文件是空的")
    header = [_clean(cell) for cell in rows[0]]
    qianniu = tuple(header[:3]) == QIANNIU_HEADER
    positions = {}
    for key, names in COLUMNS.items():
        found = next((i for i, name in enumerate(header) if name in names), None)
        if found is not None:
            positions[key] = found
    missing = [COLUMNS[key][0] for key in ("code", "text") if key not in positions]
    if missing:
        raise PackError(path, "缺少列 " + "、".join(missing) + f"；表头应为 {','.join(HEADER)}"
                        f" 或千牛的 {','.join(QIANNIU_HEADER)}", row=1)
    result = []
    for number, raw in enumerate(rows[1:], start=2):
        cells = [_clean(cell) for cell in raw]
        if not any(cells):
            continue  # blank lines at the end of exported files
        if len(cells) > len(header) and any(cells[len(header):]):
            raise PackError(path, f"列数不对：应有 {len(header)} 列，这一行有 {len(cells)} 列",
                            row=number)

        def cell(key: str, cells=cells) -> str:
            return cells[positions[key]] if key in positions and positions[key] < len(cells) \
                else ""

        result.append(PackRow(number, cell("code"), cell("text"), cell("group"),
                              cell("keywords")))
    return PackFile(path, "qianniu" if qianniu else "csv", result)


def _read_json(path: Path) -> PackFile:
    try:
        data = json.loads(_decode(path))
    except json.JSONDecodeError as error:
        raise PackError(path, f"JSON 格式错误（{error.msg}）", row=error.lineno) from error
    if not isinstance(data, dict) or data.get("format") != PACK_FORMAT:
        raise PackError(path, f"不是工作台的短语包（缺少 \"format\": \"{PACK_FORMAT}\"）")
    if not isinstance(data.get("format_version"), int) or \
            data["format_version"] > PACK_FORMAT_VERSION:
        raise PackError(path, "短语包格式版本不受支持，请升级工作台")
    if not str(data.get("name", "")).strip():
        raise PackError(path, "短语包缺少名称 name")
    rows: list[PackRow] = []

    def json_row(phrase, group_path: str) -> PackRow:
        if not isinstance(phrase, dict):
            raise PackError(path, "短语应是对象", row=len(rows) + 1)
        keywords = phrase.get("keywords", [])
        image = ""  # a JSON phrase without "image" has no picture
        if phrase.get("image"):
            image = str((path.parent / str(phrase["image"])).resolve())
            if not Path(image).is_file():
                raise PackError(path, f"找不到图片文件 {phrase['image']}", len(rows) + 1,
                                "image")
        return PackRow(len(rows) + 1, str(phrase.get("code", "")).strip(),
                       str(phrase.get("text", "")), group_path,
                       " ".join(keywords) if isinstance(keywords, list) else str(keywords),
                       image)

    def walk(groups, parent: str) -> None:
        if not isinstance(groups, list):
            raise PackError(path, "groups 应是列表")
        for group in groups:
            if not isinstance(group, dict) or not str(group.get("name", "")).strip():
                raise PackError(path, "每个分组都要有名称 name", row=len(rows) + 1)
            path_name = f"{parent}/{group['name']}" if parent else str(group["name"])
            for phrase in group.get("phrases", []):
                rows.append(json_row(phrase, path_name))
            if group.get("groups"):
                if parent:
                    raise PackError(path, f"分组“{path_name}”嵌套超过一层")
                walk(group["groups"], path_name)

    for phrase in data.get("phrases", []):  # ungrouped phrases
        rows.append(json_row(phrase, ""))
    walk(data.get("groups", []), "")
    return PackFile(path, "json", rows, name=str(data["name"]).strip(),
                    version=int(data.get("version", 1)), author=str(data.get("author", "")),
                    scope=data.get("scope", "team"))


def _check_rows(pack: PackFile) -> None:
    seen: dict[str, int] = {}
    column = "编码" if pack.format != "qianniu" else QIANNIU_HEADER[0]
    for row in pack.rows:
        if not row.code:
            raise PackError(pack.path, "快捷编码为空", row.row, column)
        if any(ch.isspace() for ch in row.code):
            raise PackError(pack.path, f"快捷编码“{row.code}”里有空格", row.row, column)
        if not row.text.strip():
            text_column = "短语" if pack.format != "qianniu" else QIANNIU_HEADER[1]
            raise PackError(pack.path, "短语内容为空", row.row, text_column)
        if row.code in seen:
            raise PackError(pack.path, f"快捷编码“{row.code}”与第 {seen[row.code]} 行重复",
                            row.row, column)
        seen[row.code] = row.row
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
            raise Refused("导入个人短语需要指定客服（--agent）。")
        return PERSONAL_PACK_PREFIX + agent.name
    if scope != "team":
        raise Refused(f"未知的范围 {scope}，可选 team、personal。")
    return pack_name or pack.name or pack.path.stem


def plan(store: Store, pack: PackFile, *, mode: str = "append", scope: str = "team",
         agent: Agent | None = None, pack_name: str | None = None) -> ImportPlan:
    """What importing ``pack`` would change; nothing is written.

    Without ``agent`` the import acts for the workstation (CLI, preload); with one, the
    team's rules apply: team packs need a trainer or supervisor.
    """
    if mode not in MODES:
        raise Refused(f"未知的导入方式 {mode}，可选 {'、'.join(MODES)}。")
    name = _target_name(pack, scope, agent, pack_name)
    target = pack_by_name(store, name)
    if target is not None and agent is not None:
        check_may_edit(agent, target)
    elif scope == "team" and agent is not None:
        permissions.require(agent, permissions.EDIT_TEAM_PHRASES)
    existing = {p.code: p for p in from_rows(phrase_rows.pack_phrases(store, target.id))} \
        if target else {}
    result = ImportPlan(name, mode, notes=list(pack.notes))
    for row in pack.rows:
        current = existing.get(row.code)
        if current is None or mode == "replace":
            if current is not None and _same(current, row):
                result.unchanged += 1
            elif current is not None:
                result.updated.append((current, row))
            else:
                result.added.append(row)
        elif mode == "append":
            raise PackError(pack.path, f"快捷编码“{row.code}”在短语包“{name}”里已存在"
                            "(要覆盖请用 update 或 replace)", row.row, "编码")
        elif _same(current, row):
            result.unchanged += 1
        else:
            result.updated.append((current, row))
    if mode == "replace":
        codes = {row.code for row in pack.rows}
        result.removed = [p for p in existing.values() if p.code not in codes]
    return result


def _same(phrase: Phrase, row: PackRow) -> bool:
    if row.image is None:
        image = phrase.image
    else:
        image = image_name(Path(row.image)) if row.image else None
    return (phrase.text, phrase.group_path, phrase.keywords, phrase.image) == (
        row.text, row.group, row.keywords, image)


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
        for phrase, row in import_plan.updated:
            check_phrase(row.code, row.text)
            phrase_rows.update_phrase(store, phrase.id, _group(store, pack_id, row), row.code,
                                      row.text, row.keywords, _image(store, row, phrase.image))
        start = len(phrase_rows.pack_phrases(store, pack_id))
        for offset, row in enumerate(import_plan.added):
            phrase_rows.insert_phrase(store, pack_id, _group(store, pack_id, row), row.code,
                                      row.text, row.keywords, _image(store, row, None),
                                      start + offset)
        events.record(store, now, agent.id if agent else None, "phrases.import",
                      f"pack:{import_plan.pack_name}",
                      {"file": str(pack.path), "summary": import_plan.summary()})
    return Changes(phrases=True)


def _image(store: Store, row: PackRow, kept: str | None) -> str | None:
    """A JSON row's picture; tables carry none, so a phrase keeps the one it had."""
    if row.image is None:
        return kept
    return keep_image(store, Path(row.image)) if row.image else None


def _group(store: Store, pack_id: int, row: PackRow) -> int | None:
    return group_id_for(store, pack_id, row.group) if row.group else None


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
    """Write a pack in ``fmt``; returns the number of phrases written."""
    if fmt not in FORMATS:
        raise Refused(f"未知的导出格式 {fmt}，可选 {'、'.join(FORMATS)}。")
    phrases = from_rows(phrase_rows.pack_phrases(store, pack.id))
    rows = [(p.code, p.text, p.group_path, p.keywords) for p in phrases]
    try:
        if fmt == "json":
            images = _export_images(store, phrases, path)
            path.write_text(json.dumps(_as_json(pack, phrases, images), ensure_ascii=False,
                                       indent=2), encoding="utf-8")
        elif fmt == "csv":
            _write_csv(path, HEADER, rows, "utf-8-sig")
        elif fmt == "qianniu":
            # Qianniu reads GBK; gb18030 writes the same bytes for every GBK character and
            # still has a byte sequence for the rare one GBK lacks.
            _write_csv(path, QIANNIU_HEADER, [r[:3] for r in rows], "gb18030")
        else:
            _write_xlsx(path, rows)
    except OSError as error:
        raise Refused(f"无法写入 {path}：{error.strerror}") from error
    return len(phrases)


def _write_csv(path: Path, header, rows, encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _write_xlsx(path: Path, rows) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "快捷短语"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)


def _export_images(store: Store, phrases: list[Phrase], path: Path) -> dict[int, str]:
    """Copy phrase pictures into a folder beside the JSON; phrase id → relative path."""
    folder = path.with_name(path.stem + "_images")
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
