"""Finding products as the agent types: by code, by any part of the title or the other
texts, and by pinyin initials (lmwy finds 连帽卫衣).

The index holds each text as overlapping two-character tokens (纯棉卫衣 → 纯棉 棉卫 卫衣 衣),
so a query is a phrase of its own two-character tokens: every substring is found, Chinese
needs no word segmenter (jieba stays out of imports), and building the index for 20 000
products takes a fraction of a second. A one-character query is a prefix of the tokens.
Each field ends on a one-character token, so no match runs from one field into the next.
"""

from __future__ import annotations

import functools
import unicodedata

from workbench.paths import RESOURCES
from workbench.store import Store
from workbench.store import products as product_rows
from workbench.textnorm import match_key

INITIALS_TABLE = RESOURCES / "products" / "pinyin_initials.txt"
_initial_of: dict[str, str] | None = None


def _plain(text: str) -> str:
    """Lower case, NFKC, letters and digits only (what tokens are made of)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return "".join(filter(str.isalnum, text.lower()))


def tokens(*fields: str) -> str:
    """The index form of ``fields``: each field's two-character tokens, fields one after
    the other."""
    return " ".join(filter(None, map(_field_tokens, fields)))


@functools.lru_cache(maxsize=4096)
def _field_tokens(field: str) -> str:
    """One field's tokens; cached, because a catalog repeats its categories, materials and
    specs from product to product."""
    plain = _plain(field)
    return " ".join([*map(str.__add__, plain, plain[1:]), plain[-1]]) if plain else ""


def _initials_table() -> dict[str, str]:
    """Each Chinese character's pinyin initial (its most common reading), from the table
    ``tools/pinyin_initials.py`` writes out of pypinyin: a lookup, with no pypinyin to
    import (0.3 s) and a hundred times faster than its phrase-aware conversion."""
    global _initial_of
    if _initial_of is None:
        table = {}
        for line in INITIALS_TABLE.read_text(encoding="utf-8").splitlines():
            letter, _, chars = line.partition(":")
            table.update(dict.fromkeys(chars, letter))
        _initial_of = table
    return _initial_of


def initials(text: str) -> str:
    """连帽卫衣T恤 → lmwyt x: Chinese characters by their pinyin initial, the rest as is."""
    table = _initials_table()
    return "".join(table.get(ch, ch) for ch in _plain(text))


def index_row(product) -> tuple[int, str, str, str]:
    """(id, title tokens, body tokens, initials tokens) for the search index."""
    return index_values(product.id, product.__dict__)


def index_values(product_id: int, values: dict) -> tuple[int, str, str, str]:
    """The same from a product's fields by name (an import has them so)."""
    body = (values["category"], values["specs"], values["material"], values["functions"],
            values["style"], values["selling_points"])
    return (product_id, tokens(values["code"], values["title"]), tokens(*body),
            tokens(initials(values["title"])))


def _phrase(part: str) -> str | None:
    plain = _plain(part)
    if not plain:
        return None
    if len(plain) == 1:
        return f'"{plain}"*'
    return '"' + " ".join(plain[i:i + 2] for i in range(len(plain) - 1)) + '"'


def match_expression(query: str, columns: str = "{title body}") -> str | None:
    """Every space-separated part of ``query`` must occur; a part in Latin letters and
    digits may also be pinyin initials of the title."""
    clauses = []
    for part in query.split():
        phrase = _phrase(part)
        if phrase is None:
            continue
        clause = f"{columns} : {phrase}"
        if _plain(part).isascii():
            clause = f"({clause} OR initials : {phrase})"
        clauses.append(clause)
    return " AND ".join(clauses) or None


def search_ids(store: Store, query: str, limit: int) -> list[int]:
    """Ids of the products matching ``query``, best first: codes beginning with it, then
    title hits, then hits in the other texts. An empty query lists hot items first."""
    query = query.strip()
    if not query:
        return [row["id"] for row in product_rows.first_products(store, limit)]
    found: dict[int, None] = dict.fromkeys(
        product_rows.code_prefix_ids(store, match_key(query), limit))
    for columns in ("title", "{title body}"):
        if len(found) >= limit:
            break
        match = match_expression(query, columns)
        if match:
            found.update(dict.fromkeys(product_rows.index_hit_ids(store, match, limit)))
    return list(found)[:limit]
