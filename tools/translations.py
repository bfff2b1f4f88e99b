"""`make translations`: collect the window's texts into the .ts files, then compile them.

Chinese is the source language. The core and the first areas share
``resources/translations/workbench_en.ts``; an area with a file of its own
(``resources/translations/<area>_en.ts``, for the code in ``workbench/ui/<area>/``) keeps
its texts there, so areas written side by side never touch one file. New texts arrive
unfinished: translate them in the .ts, then run this again. No source locations are
written, so moving code does not rewrite the files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
CORE = "workbench_en.ts"


def sources() -> dict[Path, list[Path]]:
    """Each .ts file and the Python files whose texts it holds."""
    ui = ROOT / "workbench" / "ui"
    own = {ts: ui / ts.name.removesuffix("_en.ts") for ts in FOLDER.glob("*_en.ts")
           if ts.name != CORE}
    claimed = set(own.values())
    core = [*(ROOT / "workbench").glob("*.py"), *ui.glob("*.py")]
    core += [p for folder in ui.iterdir() if folder.is_dir() and folder not in claimed
             for p in folder.glob("*.py")]
    result = {FOLDER / CORE: sorted(core)}
    for ts, folder in own.items():
        result[ts] = sorted(folder.glob("*.py"))
    return result


def main() -> int:
    tools = Path(sys.executable).parent
    for ts, files in sources().items():
        subprocess.run([str(tools / "pyside6-lupdate"), *map(str, files), "-locations", "none",
                        "-no-obsolete", "-ts", str(ts)], check=True)
        subprocess.run([str(tools / "pyside6-lrelease"), str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
