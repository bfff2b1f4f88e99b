"""`workbench accounts ...`: add, list, passwd, disable (see workbench/cli.py).

Commands act as somebody: ``--as NAME`` (NAME's password is asked for, or read from the
``WORKBENCH_PASSWORD`` environment variable), or else the agent last signed in at this
workstation. The domain decides what that account may do.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time

from workbench.commandline import CommandFailed, open_store, print_json

PASSWORD_ENV = "WORKBENCH_PASSWORD"


def add_identity_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="as_agent", metavar="NAME",
                        help="act as this account (default: the agent last signed in here); "
                             f"its password is asked for or read from ${PASSWORD_ENV}")


def acting_agent(args, store):
    """Who runs this command: ``--as NAME`` after its password, or the signed-in agent."""
    from workbench import accounts

    name = getattr(args, "as_agent", None)
    if name:
        agent = accounts.by_name(store, name)
        password = ""
        if agent is not None and not accounts.is_demo(store, agent):
            password = os.environ.get(PASSWORD_ENV)
            if password is None:
                password = _prompt(f"{name} 的密码 / password: ")
        return accounts.authenticate(store, name, password)
    agent = accounts.current(store)
    if agent is None:
        raise CommandFailed("本机还没有登录过的账号，请用 --as 账号名 指明身份。",
                            "Nobody has signed in at this workstation; name yourself with --as.")
    if not agent.active:
        raise CommandFailed(f"账号 {agent.name} 已停用。", f"The account {agent.name} is disabled.")
    return agent


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise CommandFailed(f"需要密码：请在终端运行，或设置环境变量 {PASSWORD_ENV}。",
                            f"A password is needed: run in a terminal or set {PASSWORD_ENV}.")
    return getpass.getpass(label)


def new_password(args) -> str:
    """The new password: one line of stdin with --password-stdin, else asked twice."""
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = _prompt("新密码 / new password: ")
    if getpass.getpass("再输入一次 / again: ") != first:
        raise CommandFailed("两次输入的密码不一致。", "The two passwords differ.")
    return first


def register(commands) -> None:
    parser = commands.add_parser("accounts", help="agent accounts: add, list, passwd, disable")
    sub = parser.add_subparsers(dest="accounts_command", required=True)

    add = sub.add_parser("add", help="create an account (the first one is a supervisor)")
    add.add_argument("name")
    add.add_argument("--role", choices=("agent", "supervisor", "trainer"), default="agent")
    add.add_argument("--display-name", default="", help="the name that signs messages")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the new password from the first line of stdin")
    add_identity_option(add)
    add.set_defaults(handler=_add)

    listing = sub.add_parser("list", help="all accounts with role and state")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    passwd = sub.add_parser("passwd", help="set an account's password")
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true")
    add_identity_option(passwd)
    passwd.set_defaults(handler=_passwd)

    disable = sub.add_parser("disable", help="stop an account from signing in")
    disable.add_argument("name")
    add_identity_option(disable)
    disable.set_defaults(handler=_disable)


def _add(args) -> int:
    from workbench import accounts

    with open_store(args) as store:
        first = not accounts.all_agents(store)
        by = None if first else acting_agent(args, store)
        agent = accounts.create(store, args.name, args.role, new_password(args), time.time(),
                                by=by, display_name=args.display_name)
    if first and args.role != "supervisor":
        print("这是本店的第一个账号，已设为主管。 / The first account is a supervisor.",
              file=sys.stderr)
    print(f"{agent.name}\t{agent.role}")
    return 0


def _list(args) -> int:
    from workbench import accounts

    with open_store(args) as store:
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

    with open_store(args) as store:
        by = acting_agent(args, store)
        accounts.set_password(store, args.name, new_password(args), by, time.time())
    print(f"{args.name}：密码已更新 / password changed")
    return 0


def _disable(args) -> int:
    from workbench import accounts

    with open_store(args) as store:
        accounts.disable(store, args.name, acting_agent(args, store), time.time())
    print(f"{args.name}：已停用 / disabled")
    return 0
