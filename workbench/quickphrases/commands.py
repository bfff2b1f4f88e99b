"""`workbench phrases import|export|list|search`."""

from __future__ import annotations

import time
from pathlib import Path

from workbench.commandline import (
    CommandFailed,
    add_json_option,
    input_file,
    open_store,
    own_account,
    print_json,
    proven_account,
    require_file,
)

EXPORT_SUFFIXES = {".json": "json", ".xlsx": "xlsx", ".csv": "csv"}


def register(commands) -> None:
    phrases = commands.add_parser("phrases", help="quick phrases: import, export, list, search")
    actions = phrases.add_subparsers(dest="phrases_command", required=True)

    load = actions.add_parser("import", help="import a phrase pack (JSON, CSV, Qianniu, XLSX)")
    load.add_argument("file", type=input_file)
    load.add_argument("--scope", choices=("team", "personal"), default="team")
    load.add_argument("--pack", help="target team pack (default: the JSON's name or the file "
                      "name)")
    load.add_argument("--mode", choices=("append", "replace", "update"), default="append")
    load.add_argument("--dry-run", action="store_true", help="list what would change, write "
                      "nothing")
    load.set_defaults(handler=import_pack)

    save = actions.add_parser("export", help="write a pack to a file")
    save.add_argument("file", type=Path)
    save.add_argument("--format", choices=("json", "csv", "qianniu", "xlsx"),
                      help="default: from the file's suffix")
    save.add_argument("--pack", help="default: the first team pack")
    save.set_defaults(handler=export_pack)

    listing = actions.add_parser("list", help="list team phrases (and your own)")
    add_json_option(listing)
    listing.set_defaults(handler=list_phrases)

    find = actions.add_parser("search", help="search phrases as the panel does")
    find.add_argument("query")
    add_json_option(find)
    find.set_defaults(handler=search_phrases)


def _reader(args, store):
    """Team phrases are for everyone; the caller's own are added when we know who it is."""
    from workbench import accounts

    if getattr(args, "as_agent", None) or accounts.current(store) is not None:
        return own_account(args, store)
    return None


def import_pack(args) -> int:
    from workbench.quickphrases import packs

    require_file(args.file)
    with open_store(args) as store:
        plan, _ = packs.import_file(store, args.file, mode=args.mode, scope=args.scope,
                                    agent=proven_account(args, store), pack_name=args.pack,
                                    dry_run=args.dry_run, now=time.time())
        print(("(dry run) " if args.dry_run else "") + plan.summary())
        if args.dry_run:
            for line in plan.details():
                print("  " + line)
        else:
            for note in plan.notes:
                print("  " + note)
    return 0


def export_pack(args) -> int:
    from workbench import quickphrases
    from workbench.quickphrases import packs

    fmt = args.format or EXPORT_SUFFIXES.get(args.file.suffix.lower())
    if fmt is None:
        raise CommandFailed("请用 --format 指定导出格式（json、csv、qianniu、xlsx）。",
                            "Choose the format with --format (json, csv, qianniu, xlsx).")
    with open_store(args) as store:
        reader = own_account(args, store)
        team = [p for p in quickphrases.all_packs(store) if p.scope == "team"]
        pack = quickphrases.pack_by_name(store, args.pack) if args.pack else \
            (team[0] if team else None)
        if pack is None or (pack.scope != "team" and pack.agent_id != reader.id):
            raise CommandFailed(f"没有短语包 {args.pack or '（团队）'}。",
                                f"No phrase pack {args.pack or '(team)'}.")
        count = packs.export(store, pack, args.file, fmt)
    print(f"{count} phrases → {args.file}" if args.lang == "en"
          else f"已导出 {count} 条短语 → {args.file}")
    return 0


def _as_json(phrase) -> dict:
    return {"code": phrase.code, "text": phrase.text, "group": phrase.group_path,
            "scope": phrase.scope, "pack": phrase.pack_name,
            "keywords": phrase.keywords.split(), "use_count": phrase.use_count}


def _print(phrases, as_json: bool) -> None:
    if as_json:
        print_json([_as_json(p) for p in phrases])
        return
    for phrase in phrases:
        print(f"/{phrase.code}\t[{phrase.group_path}]\t{phrase.text}")


def list_phrases(args) -> int:
    from workbench import quickphrases

    with open_store(args) as store:
        _print(quickphrases.visible(store, _reader(args, store)), args.json)
    return 0


def search_phrases(args) -> int:
    from workbench import textsearch
    from workbench.quickphrases import search

    textsearch.load()  # a one-off command may wait for jieba; the window never does
    with open_store(args) as store:
        search.index_pending(store)
        _print(search.search(store, _reader(args, store), args.query, indexed=True),
               args.json)
    return 0
