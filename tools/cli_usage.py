"""Print the README's command-line block: every command's usage as its --help prints it
(at 80 columns, as in a pipe). `tests/test_cli_grammar.py` checks the README against it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ["COLUMNS"] = "80"

from workbench import cli  # noqa: E402

if __name__ == "__main__":
    print("".join(cli.usages()), end="")
