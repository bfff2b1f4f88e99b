"""Print the README's command-line block: every command's usage as its --help prints it
(at 80 columns, as in a pipe); ``--write`` puts it into README.md.
`tests/test_cli_grammar.py` checks the README against it."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ["COLUMNS"] = "80"

from workbench import cli  # noqa: E402

README = Path(__file__).resolve().parent.parent / "README.md"

if __name__ == "__main__":
    block = "".join(cli.usages())
    if "--write" in sys.argv:
        text = README.read_text(encoding="utf-8")
        text = re.sub(r"(^## Command line\n\n```\n)(.*?)(^```$)",
                      lambda m: m.group(1) + block + m.group(3), text, count=1,
                      flags=re.S | re.M)
        README.write_text(text, encoding="utf-8")
    else:
        print(block, end="")
