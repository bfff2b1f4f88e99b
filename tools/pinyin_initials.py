"""Write ``resources/products/pinyin_initials.txt``: every Chinese character pypinyin knows,
grouped by the initial of its most common reading, one line per letter: the letter, a
colon, then its characters.

The product search indexes pinyin initials for thousands of titles at import time; reading
this small table keeps pypinyin (and the 0.3 s it takes to import) out of imports and out
of the window. Run it again after upgrading pypinyin; a test compares the two.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "resources" / "products" / "pinyin_initials.txt"


def initials_by_letter() -> dict[str, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    letters: dict[str, list[str]] = {}
    for code, readings in sorted(pinyin_dict.items()):
        letter = unicodedata.normalize("NFD", readings)[0].lower()
        if code <= 0xFFFF and "a" <= letter <= "z":
            letters.setdefault(letter, []).append(chr(code))
    return {letter: "".join(chars) for letter, chars in sorted(letters.items())}


def main() -> int:
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text("".join(f"{letter}:{chars}\n" for letter, chars in
                             initials_by_letter().items()), encoding="utf-8")
    print(TABLE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
