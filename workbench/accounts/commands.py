"""`workbench accounts ...`: add, list, passwd, disable, failures (see workbench/cli.py).

Changes act as ``--as NAME``, proven by NAME's password (asked for, or read from
``WORKBENCH_PASSWORD``); the domain decides what that account may do. ``passwd NAME``
without ``--as`` is NAME changing their own password: the old one is the proof.
"""

from __future__ import annotations

import getpass
import sys
import time

from workbench import commandline
from workbench.commandline import (
    CommandFailed,
    add_json_option,
    ask_password,
    open_store,
    print_json,
    proven_account,
)


def new_password(args) -> str:
    """The new password: one line of stdin with --password-stdin, else asked twice."""
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = ask_password("新密码 / new password: ")
    if getpass.getpass("再输入一次 / again: ") != first:
        raise CommandFailed("两次输入的密码不一致。", "The two passwords differ.")
    return first


def register(commands) -> None:
    parser = commands.add_parser("accounts", help="agent accounts: add, list, passwd, disable, "
                                 "failures")
    sub = parser.add_subparsers(dest="accounts_command", required=True)

    add = sub.add_parser("add", help="create an account (the first one is a supervisor)")
    add.add_argument("name")
    add.add_argument("--role", choices=("agent", "supervisor", "trainer"), default="agent")
    add.add_argument("--display-name", default="", help="the name that signs messages")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the new password from the first line of stdin")
    add.set_defaults(handler=_add)

    listing = sub.add_parser("list", help="all accounts with role and state")
    add_json_option(listing)
    listing.set_defaults(handler=_list)

    passwd = sub.add_parser("passwd", help="set an account's password")
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true",
                        help="read the new password from the first line of stdin")
    passwd.set_defaults(handler=_passwd)

    disable = sub.add_parser("disable", help="stop an account from signing in")
    disable.add_argument("name")
    disable.set_defaults(handler=_disable)

    failures = sub.add_parser("failures", help="recent failed sign-ins and locks "
                              "(supervisors)")
    failures.add_argument("--days", type=_days, default=7,
                          help="how far back, 1 to 3650 (default 7)")
    add_json_option(failures)
    failures.set_defaults(handler=_failures)


def _add(args) -> int:
    from workbench import accounts

    with open_store(args) as store:
        first = not accounts.all_agents(store)
        by = None if first else proven_account(args, store)
        agent = accounts.create(store, args.name, args.role, new_password(args), time.time(),
                                by=by, display_name=args.display_name)
    if first and args.role != "supervisor":
        print("这是本店的第一个账号，已设为主管。 / The first account is a supervisor.",
              file=sys.stderr)
    print(f"{agent.name}\t{agent.role}")
    return 0


def _list(args) -> int:
    from workbench import accounts

    with open_store(args) as store:  # the shop's directory: no identity needed to read it
        rows = [{"name": a.name, "display_name": a.display_name, "role": a.role,
                 "active": bool(a.active),
                 "password": "demo" if accounts.is_demo(store, a)
                 else "none" if accounts.is_locked(store, a) else "set"}
                for a in accounts.all_agents(store)]
    if args.json:
        print_json(rows)
        return 0
    notes = {"demo": "演示账号，无需密码 / demo login, no password",
             "none": "未设密码，不能登录 / no password yet", "set": ""}
    for row in rows:
        state = "" if row["active"] else "已停用 / disabled"
        print("\t".join(part for part in (row["name"], row["display_name"], row["role"], state,
                                          notes[row["password"]]) if part))
    return 0


def _passwd(args) -> int:
    from workbench import accounts

    if not getattr(args, "as_agent", None):
        args.as_agent = args.name  # one's own password: the old one proves it is you
    with open_store(args) as store:
        by = proven_account(args, store)
        accounts.set_password(store, args.name, new_password(args), by, time.time())
    print(f"{args.name}：密码已更新 / password changed")
    return 0


def _disable(args) -> int:
    from workbench import accounts

    with open_store(args) as store:
        accounts.disable(store, args.name, proven_account(args, store), time.time())
    print(f"{args.name}：已停用 / disabled")
    return 0


def _failures(args) -> int:
    from workbench import timefmt
    from workbench.accounts import permissions, signins

    with open_store(args) as store:
        permissions.require(proven_account(args, store), permissions.MANAGE_ACCOUNTS)
        problems = signins.recent_problems(store, commandline.clock(), days=args.days)
    if args.json:
        print_json([{"at": timefmt.second(p.at), "kind": p.kind, "name": p.name,
                     "lock_s": p.lock_s} for p in problems])
        return 0
    for problem in problems:
        lock = signins.wait_text(problem.lock_s)[args.lang == "en"] if problem.lock_s else ""
        print("\t".join(part for part in (timefmt.second(problem.at), problem.kind,
                                          problem.name, lock) if part))
    return 0


def _days(text: str) -> float:
    import argparse

    try:
        days = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None
    if not 1 <= days <= 3650:
        raise argparse.ArgumentTypeError(f"{text} days is outside 1 to 3650")
    return days
