"""Shared by the CLI subcommands: opening the store, failing with one clear line, JSON out."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator

from workbench import paths
from workbench.changes import Refused
from workbench.store import Store, StoreError


class CommandFailed(Exception):
    """Stops a subcommand with exit status 1 and a one-line reason in the chosen language."""

    def __init__(self, zh: str, en: str | None = None):
        super().__init__(zh)
        self.zh = zh
        self.en = en or zh

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@contextlib.contextmanager
def open_store(args) -> Iterator[Store]:
    """The store the command line names; CLI commands share it with a running window."""
    try:
        store = Store.open(args.db or paths.default_db())
    except StoreError as error:
        raise CommandFailed(error.zh, error.en) from error
    try:
        yield store
    finally:
        store.close()


def run_handler(handler, args) -> int:
    """Call a subcommand; refusals and store problems become one line on stderr, exit 1."""
    try:
        return handler(args) or 0
    except CommandFailed as failure:
        print(failure.message(args.lang), file=sys.stderr)
    except StoreError as error:
        print(error.message(args.lang), file=sys.stderr)
    except Refused as refusal:
        print(str(refusal), file=sys.stderr)
    return 1


def print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))
