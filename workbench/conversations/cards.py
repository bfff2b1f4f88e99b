"""Product cards (商品卡片): a message kind ('card') that shows a product's title, price,
picture and link.

A card travels and is stored as plain text, readable wherever only text goes (a buyer's
XMPP client, log search, exports): its title, its price and its link, one a line. The
window paints the same text as a card, with the product's picture when the shop has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KIND = "card"
TITLE_PREFIX = "【商品】"
PRICE_PREFIX = "价格：¥"
LINK = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


@dataclass(frozen=True)
class Card:
    title: str
    price: float | None = None
    link: str = ""


def text(card: Card) -> str:
    """The card as it is sent and stored."""
    lines = [TITLE_PREFIX + " ".join(card.title.split())]
    if card.price is not None:
        lines.append(f"{PRICE_PREFIX}{card.price:.2f}")
    if card.link:
        lines.append(card.link.strip())
    return "\n".join(lines)


def parse(message_text: str) -> Card:
    """A card back from its text; what does not read as a price or link is left out."""
    lines = [line.strip() for line in message_text.splitlines() if line.strip()]
    title = lines[0].removeprefix(TITLE_PREFIX).strip() if lines else ""
    price = None
    link = ""
    for line in lines[1:]:
        if line.startswith(PRICE_PREFIX):
            try:
                price = float(line.removeprefix(PRICE_PREFIX))
            except ValueError:
                price = None
        elif not link and LINK.fullmatch(line):
            link = line
    return Card(title, price, link)


def preview(message_text: str) -> str:
    """The conversation list's line for a card."""
    return "[商品] " + parse(message_text).title


def links(message_text: str) -> list[str]:
    """The web addresses in a message (a buyer may paste a product's link)."""
    return LINK.findall(message_text)
