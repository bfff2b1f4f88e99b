"""`workbench store check|backup|restore` (see workbench/cli.py and docs/maintenance.md).

``check`` reads the file only and needs no account: it must work on a damaged store,
where no password can be checked. ``backup`` and ``restore`` act as a supervisor proven
by ``--as NAME``.
"""

from __future__ import annotations

from pathlib import Path

from workbench import paths
from workbench.commandline import (
    add_json_option,
    input_file,
    open_store,
    print_json,
    proven_account,
)


def register(commands) -> None:
    parser = commands.add_parser("store", help="the store file: check, backup, restore")
    sub = parser.add_subparsers(dest="store_command", required=True)

    check = sub.add_parser("check", help="read the whole store and say whether it is sound "
                                         "(exit 0) or damaged (exit 1)")
    add_json_option(check)
    check.set_defaults(handler=_check)

    backup = sub.add_parser("backup", help="copy the store to FILE (safe while the window "
                                           "runs)")
    backup.add_argument("--out", type=Path, required=True)
    backup.set_defaults(handler=_backup)

    restore = sub.add_parser("restore", help="put a backup in the place of the store (the "
                                             "window must be closed)")
    restore.add_argument("file", type=input_file)
    restore.set_defaults(handler=_restore)


def _db(args) -> Path:
    return args.db or paths.default_db()


def _check(args) -> int:
    from workbench import maintenance

    health = maintenance.check(_db(args))
    if args.json:
        print_json(health.record())
    elif health.sound:
        print(f"sound: {health.path}" if args.lang == "en" else f"完好：{health.path}")
    elif health.problems[0] in maintenance.NO_STORE:
        # Nothing to call damaged: there is no store file at the path.
        from workbench.store import integrity

        reason = integrity.describe(health.problems[0], args.lang)
        print(f"no store: {health.path}: {reason}" if args.lang == "en"
              else f"没有数据文件：{health.path}：{reason}")
    else:
        from workbench.store import integrity

        reason = integrity.describe(health.problems[0], args.lang)
        print(f"damaged: {health.path}: {reason}" if args.lang == "en"
              else f"已损坏：{health.path}：{reason}")
    return 0 if health.sound else 1


def _backup(args) -> int:
    from workbench import maintenance

    with open_store(args) as store:
        made = maintenance.backup(store, proven_account(args, store), args.out)
    print(f"{made.size}\t{made.path}")
    return 0


def _restore(args) -> int:
    from workbench import maintenance

    done = maintenance.restore(_db(args), args.file, lambda store: proven_account(args, store))
    english = args.lang == "en"
    print(f"restored: {done.backup} → {_db(args)}" if english
          else f"已恢复：{done.backup} → {_db(args)}")
    if done.kept:
        print(f"the store as it was is kept as: {done.kept}" if english
              else f"原来的数据文件保存在：{done.kept}")
    return 0
