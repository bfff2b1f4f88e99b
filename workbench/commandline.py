"""Shared by every subcommand: the grammar, who is acting, opening the store, one error path.

The grammar (docs/cli.md): the global options ``--db``, ``--lang`` and ``--as`` are
accepted before or after the subcommand, on every command; exit status 0 means done, 1
refused or failed (one line on stderr, in English with ``--lang en``), 2 a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from workbench import paths
from workbench.changes import Refused
from workbench.store import Store, StoreError

PASSWORD_ENV = "WORKBENCH_PASSWORD"
LANG_ENV = "WORKBENCH_LANG"
clock = time.time  # when sign-ins happen; tests move it by hand


class CommandFailed(Exception):
    """Stops a subcommand with exit status 1 and a one-line reason in the chosen language."""

    def __init__(self, zh: str, en: str | None = None):
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


GLOBAL_OPTIONS = ("--db", "--lang", "--as")


class UsageWithoutGlobals(argparse.HelpFormatter):
    """A subcommand's usage line leaves out the global options, which the root's usage
    shows once; its help still lists them."""

    def add_usage(self, usage, actions, groups, prefix=None):
        actions = [action for action in actions
                   if not set(action.option_strings) & set(GLOBAL_OPTIONS)]
        super().add_usage(usage, actions, groups, prefix)


class WorkbenchParser(argparse.ArgumentParser):
    """Every parser of the command line, so that the global options are accepted before
    the subcommand (the root parser holds their defaults) and after it (a subcommand's
    parser sets them only when given)."""

    def __init__(self, *args, root: bool = False, **kwargs):
        if not root:
            kwargs.setdefault("formatter_class", UsageWithoutGlobals)
        super().__init__(*args, **kwargs)
        def default(value):
            return value if root else argparse.SUPPRESS
        group = self.add_argument_group("global options")
        group.add_argument("--db", type=Path, default=default(None),
                           help="store file (default: the user data dir; WORKBENCH_HOME "
                                "overrides the dir)")
        group.add_argument("--lang", choices=("zh", "en"),
                           default=default(os.environ.get(LANG_ENV, "zh")),
                           help="language of the window and messages (default zh)")
        group.add_argument("--as", dest="as_agent", metavar="NAME", default=default(None),
                           help=f"act as this account; its password is asked for or read "
                                f"from ${PASSWORD_ENV}")


def input_file(text: str) -> Path:
    """The argparse type of a file a command reads. An empty argument is a usage error:
    as a Path it would be ".", the current folder, which the user never named."""
    if not text.strip():
        raise argparse.ArgumentTypeError("文件名是空的 / the file name is empty")
    return Path(text)


def require_file(path: Path) -> None:
    """Stops the command when ``path`` is a folder or missing, before any password is
    asked for; every command that reads a file says it the same way."""
    from workbench.filereader import require_file

    require_file(path)


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of lines")


# --- who is acting -----------------------------------------------------------------------

def proven_account(args, store: Store):
    """The account a command that changes something (or reads beyond the caller's own
    data) acts as: ``--as NAME``, proven by its password. Disabled and locked-out accounts
    are refused by :func:`workbench.accounts.authenticate`."""
    from workbench import accounts

    name = getattr(args, "as_agent", None)
    if not name:
        raise CommandFailed(
            "这个命令会修改数据或查看他人的数据，需要证明身份：请加 --as 账号名"
            f"（密码在终端输入，或放在环境变量 {PASSWORD_ENV} 里）。",
            "This command changes data or reads other people's data: name yourself with "
            f"--as NAME (the password is asked for, or read from ${PASSWORD_ENV}).")
    agent = accounts.by_name(store, name) or accounts.by_display_name(store, name)
    password = ""
    if agent is None or not accounts.is_demo(store, agent):
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            password = ask_password(f"{name} 的密码 / password for {name}: ")
    return accounts.authenticate(store, name, password, clock())


def own_account(args, store: Store):
    """For reading one's own data: ``--as NAME`` when given (proven), else the agent last
    signed in at this workstation."""
    from workbench import accounts

    if getattr(args, "as_agent", None):
        return proven_account(args, store)
    agent = accounts.current(store)
    if agent is None:
        raise CommandFailed("本机还没有登录过的账号，请用 --as 账号名 指明身份。",
                            "Nobody has signed in at this workstation; name yourself with --as.")
    if not agent.active:
        raise CommandFailed(f"账号 {agent.name} 已停用。", f"The account {agent.name} is disabled.")
    return agent


def ask_password(label: str) -> str:
    if not sys.stdin.isatty():
        raise CommandFailed(f"需要密码：请在终端运行，或设置环境变量 {PASSWORD_ENV}。",
                            f"A password is needed: run in a terminal or set {PASSWORD_ENV}.")
    return getpass.getpass(label)


# --- the store and the error path -----------------------------------------------------------

@contextlib.contextmanager
def open_store(args) -> Iterator[Store]:
    """The store the command line names; CLI commands share it with a running window."""
    store = Store.open(args.db or paths.default_db())
    try:
        yield store
    finally:
        store.close()


def run_handler(handler, args) -> int:
    """Call a subcommand. Refusals and the machine's troubles become one line on stderr
    and exit status 1; a bug is logged and also said in one line, never a traceback."""
    from workbench import faults

    lang = getattr(args, "lang", "zh")
    try:
        return handler(args) or 0
    except (CommandFailed, StoreError, Refused) as failure:
        message = failure.message(lang)
    except BrokenPipeError:
        # The reader went away (`workbench logs search … | head`): stop quietly.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        message = "已取消。" if lang != "en" else "Cancelled."
    except Exception as error:  # noqa: BLE001 - the one place every error ends
        known = faults.as_store_error(error, getattr(args, "db", None))
        message = known.message(lang) if known else faults.report_bug(error, lang)
    print(message, file=sys.stderr)
    return 1


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))
