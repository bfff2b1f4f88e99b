"""Chinese reads as Chinese: find (and fix) ASCII punctuation inside Chinese text.

A character of ``, ! ? : ;`` counts as Chinese punctuation written in ASCII when the nearest
non-space character on either side of it is Chinese (a Han character or Chinese
punctuation); a pair of brackets ``( )`` does when the text just outside it is Chinese.

Checked (``problems``) and fixed (``--fix``): the string literals of our Python code
(raw strings are patterns, not text, and are left alone), the shipped JSON files under
``resources/`` and the Chinese source texts of the translation file. Used by
``tests/test_fullwidth.py``; run ``python tools/fullwidth.py --fix`` after an editor has
turned ``，`` into ``,``.
"""

from __future__ import annotations

import html
import io
import re
import sys
import tokenize
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FULL_WIDTH = {",": "\uff0c", "!": "\uff01", "?": "\uff1f", ":": "\uff1a", ";": "\uff1b",
              "(": "\uff08", ")": "\uff09"}
SOURCES = ("workbench", "tests", "bench", "tools")
SHIPPED_JSON = "resources"
TRANSLATIONS = "resources/translations"
# A literal whose ASCII punctuation is syntax (the commas of CSV lines, the brackets of a
# Qt file filter) says so on its line: ``# ascii: csv``.
ASCII_PRAGMA = "# ascii:"
# Tests and benchmarks write files in the back office's formats.
FIXTURE_FOLDERS = ("tests", "bench")
TS_SOURCE = re.compile(r"(<source>)(.*?)(</source>)", re.S)


def is_chinese(char: str) -> bool:
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF or char in "\u201c\u201d\u2018\u2019\u2026\u2014")


def _neighbour(text: str, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(text) and text[index] in " \t":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _touches_chinese(text: str, index: int) -> bool:
    return any(is_chinese(c) for c in (_neighbour(text, index, -1), _neighbour(text, index, 1))
               if c)


def ascii_in_chinese(text: str) -> list[int]:
    """Positions of ASCII punctuation that belongs to Chinese text."""
    found = {i for i, c in enumerate(text) if c in ",!?:;" and _touches_chinese(text, i)
             and text[i:i + 2] != ";;" and text[i - 1:i + 1] != ";;"}  # Qt's filter list
    if text.rstrip().rstrip("\"'").endswith(("。", "！", "？")):
        # A Chinese sentence: a comma joining its clauses is full-width even where the
        # words beside it are options or numbers (--limit 至少为 1,--offset 不能为负。);
        # only a thousands separator (1,000) stays.
        depth = 0  # an f-string's {fields} are code, not the sentence
        for i, c in enumerate(text):
            depth += (c == "{") - (c == "}")
            if c == "," and depth <= 0 and not (
                    text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit()):
                found.add(i)
    opened: list[int] = []
    for i, c in enumerate(text):
        if c == "(":
            opened.append(i)
        elif c == ")" and opened:
            # Brackets belong to the text around them: 已签收(货到付款) is Chinese,
            # "Reception (接待)" is English naming a Chinese word.
            start = opened.pop()
            if text[start + 1:start + 2] == "*":
                continue  # a file dialog's patterns: 图片 (*.png *.jpg) is syntax for Qt
            if is_chinese(_neighbour(text, start, -1) or "a") or \
                    is_chinese(_neighbour(text, i, 1) or "a"):
                found |= {start, i}
    return sorted(found)


def fix_text(text: str) -> str:
    positions = set(ascii_in_chinese(text))
    if not positions:
        return text
    out: list[str] = []
    skip_spaces = False
    for i, c in enumerate(text):
        if i in positions:
            # Full-width punctuation carries its own space: drop the ASCII spaces around it.
            while out and out[-1] == " ":
                out.pop()
            out.append(FULL_WIDTH[c])
            skip_spaces = True
        elif c == " " and skip_spaces:
            continue
        else:
            out.append(c)
            skip_spaces = False
    return "".join(out)


# --- where the texts are ---------------------------------------------------------------

def _python_strings(source: str) -> Iterator[tuple[int, int, str]]:
    """(start offset, end offset, literal) of each non-raw string literal."""
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.STRING:
            continue
        prefix = re.match(r"[A-Za-z]*", token.string).group(0).lower()
        if "r" in prefix or "b" in prefix:
            continue
        if ASCII_PRAGMA in token.line:
            continue
        start = offsets[token.start[0] - 1] + token.start[1]
        end = offsets[token.end[0] - 1] + token.end[1]
        yield start, end, token.string


def python_files() -> list[Path]:
    return sorted(p for folder in SOURCES for p in (ROOT / folder).rglob("*.py"))


def shipped_json() -> list[Path]:
    return sorted((ROOT / SHIPPED_JSON).rglob("*.json"))


def translation_files() -> list[Path]:
    return sorted((ROOT / TRANSLATIONS).glob("*.ts"))


def _looks_like_file(literal: str) -> bool:
    """Lines of a file (line breaks, Excel's ="…" ids): in a test, its commas are CSV's;
    in our code, a person decides."""
    return "\\n" in literal or "\\r" in literal or '="' in literal


def _fix_python(source: str) -> str:
    pieces, last = [], 0
    for start, end, literal in _python_strings(source):
        pieces.append(source[last:start])
        pieces.append(literal if _looks_like_file(literal) else fix_text(literal))
        last = end
    pieces.append(source[last:])
    return "".join(pieces)


def _fix_ts(text: str) -> str:
    def fixed(match: re.Match) -> str:
        plain = html.unescape(match.group(2))
        return match.group(1) + html.escape(fix_text(plain), quote=False) + match.group(3)

    return TS_SOURCE.sub(fixed, text)


def problems() -> list[str]:
    """Each text with ASCII punctuation in Chinese, as ``file:line: text``."""
    found = []

    def report(path: Path, source: str, start: int, text: str) -> None:
        for index in ascii_in_chinese(text):
            line = source.count("\n", 0, start + index) + 1
            snippet = text[max(0, index - 12):index + 12].replace("\n", " ")
            found.append(f"{path.relative_to(ROOT)}:{line}: {snippet}")

    for path in python_files():
        source = path.read_text(encoding="utf-8")
        fixture = path.relative_to(ROOT).parts[0] in FIXTURE_FOLDERS
        for start, _end, literal in _python_strings(source):
            if not (fixture and _looks_like_file(literal)):
                report(path, source, start, literal)
    for path in shipped_json():
        source = path.read_text(encoding="utf-8")
        report(path, source, 0, source)
    for path in translation_files():
        source = path.read_text(encoding="utf-8")
        for match in TS_SOURCE.finditer(source):
            report(path, source, match.start(2), html.unescape(match.group(2)))
    return found


def fix_all() -> int:
    changed = 0
    for path, fixer in ([(p, _fix_python) for p in python_files()]
                        + [(p, fix_text) for p in shipped_json()]
                        + [(p, _fix_ts) for p in translation_files()]):
        before = path.read_text(encoding="utf-8")
        after = fixer(before)
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed += 1
    return changed


if __name__ == "__main__":
    if "--fix" in sys.argv:
        print(f"fixed {fix_all()} files")
    for problem in problems():
        print(problem)
