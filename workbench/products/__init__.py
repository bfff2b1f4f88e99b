"""Product knowledge (商品知识库): what the agent needs to answer about a product without
searching elsewhere.

The course's lesson on product knowledge names six things an agent must know of every item:
the specs (规格型号), functions (功效功用), material (材质面料), matching products (配套产品),
style (风格潮流) and selling points (特性特点). A product keeps them beside its code,
title, price, link, image, category, stock state and hot-item mark. Size charts, couriers
and promotions live in the modules of this package (``sizes``, ``couriers``,
``promotions``); files come in through ``importer``.

Trainers and supervisors change the knowledge (EDIT_PRODUCTS); every agent reads it.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.conversations import cards
from workbench.store import Store, events, settings
from workbench.store import products as product_rows
from workbench.textnorm import match_key

RELATED_LIMIT = 8
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")
TEMPLATES_KEY = "products.templates"
CONTEXT_MESSAGES = 50   # how far back the conversation is read for the product it is about
# What a 热销 cell may say, by match_key.
HOT_WORDS = {"1": 1, "是": 1, "热销": 1, "爆款": 1, "y": 1, "yes": 1, "true": 1, "√": 1,
             "0": 0, "否": 0, "不是": 0, "n": 0, "no": 0, "false": 0, "×": 0}


@dataclass(frozen=True)
class Product:
    id: int
    code: str
    title: str
    price: float | None
    link: str
    image: str          # a file name in the images folder, or an address (not fetched)
    category: str
    specs: str          # 规格型号
    material: str       # 材质面料
    functions: str      # 功效功用
    style: str          # 风格潮流
    selling_points: str  # 特性特点 / 卖点
    stock: str          # as the shop writes it: 有货, 缺货, 预售 7 天…
    hot: int
    updated_at: float | None

    @property
    def price_text(self) -> str:
        return f"¥{self.price:.2f}" if self.price is not None else ""

    def card(self) -> cards.Card:
        return cards.Card(self.title, self.price, self.link)

    def knowledge(self) -> list[tuple[str, str]]:
        """The course's product knowledge that is filled in, as (label, text)."""
        named = (("规格", self.specs), ("材质", self.material), ("功效", self.functions),
                 ("风格", self.style), ("卖点", self.selling_points))
        return [(label, text) for label, text in named if text]


@dataclass(frozen=True)
class Draft:
    """A product as the 商品 window edits it: texts as typed, related products by code."""

    code: str
    title: str
    price: float | None = None
    link: str = ""
    image: str = ""
    category: str = ""
    specs: str = ""
    material: str = ""
    functions: str = ""
    style: str = ""
    selling_points: str = ""
    stock: str = ""
    hot: int = 0
    related: tuple[str, ...] = ()


def from_row(row) -> Product:
    return Product(**{name: row[name] for name in Product.__dataclass_fields__})


def get(store: Store, product_id: int) -> Product | None:
    row = product_rows.product(store, product_id)
    return from_row(row) if row else None


def by_code(store: Store, code: str) -> Product | None:
    row = product_rows.product_by_key(store, match_key(code))
    return from_row(row) if row else None


def by_ids(store: Store, ids: list[int]) -> list[Product]:
    """The products of ``ids`` in that order."""
    found = {row["id"]: from_row(row) for row in product_rows.products_by_ids(store, ids)}
    return [found[i] for i in ids if i in found]


def search(store: Store, query: str, limit: int = 100) -> list[Product]:
    """Products for the 商品 tab's search box (see ``products.index``)."""
    from workbench.products import index

    return by_ids(store, index.search_ids(store, query, limit))


def count(store: Store) -> int:
    return product_rows.count_products(store)


def page(store: Store, limit: int, offset: int = 0) -> list[Product]:
    """Every product by code, a page at a time (the 商品 window's list)."""
    return [from_row(row) for row in product_rows.products_page(store, limit, offset)]


def related(store: Store, product: Product, limit: int = RELATED_LIMIT) -> list[Product]:
    """Its matching products (配套 / 关联推荐): those it names, then those that name it."""
    return [from_row(row) for row in product_rows.related(store, product.id, limit)]


def related_codes(store: Store, product: Product) -> list[str]:
    """The codes this product names itself, as the 商品 window edits them."""
    return [p.code for p in by_ids(store, product_rows.listed_matches(store, product.id))]


def for_card(store: Store, card: cards.Card) -> Product | None:
    """The product a card shows: by its link, else by its title."""
    row = (product_rows.product_by_link(store, card.link) if card.link else None) or \
        product_rows.product_by_title(store, card.title)
    return from_row(row) if row else None


def for_item(store: Store, item) -> Product | None:
    """The product an order item is: by its seller code (WY-2301-S is WY-2301 in size S),
    else by its title."""
    code = match_key(item.seller_code or "")
    while code:
        row = product_rows.product_by_key(store, code)
        if row:
            return from_row(row)
        if "-" not in code:
            break
        code = code.rsplit("-", 1)[0]
    row = product_rows.product_by_title(store, item.title) if item.title else None
    return from_row(row) if row else None


def for_order(store: Store, order_id: str) -> list[Product]:
    """The products of an order's items, each once, in the order's order."""
    from workbench import orders

    found: dict[int, Product] = {}
    for item in orders.items(store, order_id):
        product = for_item(store, item)
        if product is not None:
            found.setdefault(product.id, product)
    return list(found.values())


def related_to_order(store: Store, order_id: str, limit: int = RELATED_LIMIT) -> list[Product]:
    """What goes with an order's items: their matching products not already in it."""
    bought = for_order(store, order_id)
    owned = {p.id for p in bought}
    found: dict[int, Product] = {}
    for product in bought:
        for match in related(store, product, limit):
            if match.id not in owned:
                found.setdefault(match.id, match)
    return list(found.values())[:limit]


def in_context(store: Store, conversation_id: int | None,
               order_id: str | None = None) -> Product | None:
    """The product the conversation is about: the last card sent or received, or a link to
    one of the shop's products that a buyer pasted; else the first item of the order the
    agent has open."""
    from workbench import conversations

    if conversation_id is not None:
        for message in reversed(conversations.history(store, conversation_id,
                                                      limit=CONTEXT_MESSAGES)):
            if message.kind == "card":
                found = for_card(store, cards.parse(message.text))
                if found:
                    return found
            elif message.kind == "text" and message.sender in ("buyer", "agent"):
                for link in cards.links(message.text):
                    row = product_rows.product_by_link(store, link)
                    if row:
                        return from_row(row)
    if order_id:
        bought = for_order(store, order_id)
        if bought:
            return bought[0]
    return None


# --- editing ---------------------------------------------------------------------------

def parse_hot(text: str) -> int | None:
    """A 热销 cell: 1 or 0, None when it is not a yes or no."""
    return HOT_WORDS.get(match_key(text)) if text.strip() else 0


def check_draft(draft: Draft) -> None:
    if not draft.code.strip():
        raise Refused("商品编码不能为空。", "The product code cannot be empty.")
    if not draft.title.strip():
        raise Refused(f"商品 {draft.code} 需要商品名称。",
                      f"Product {draft.code} needs a title.")
    if draft.price is not None and draft.price < 0:
        raise Refused(f"商品 {draft.code} 的价格不能是负数。",
                      f"The price of {draft.code} cannot be negative.")


def save(store: Store, agent, draft: Draft, now: float, product_id: int | None = None
         ) -> Changes:
    """Add a product, or change product ``product_id``; its matching products are replaced
    by ``draft.related`` (codes of products that exist)."""
    from workbench.products import index

    permissions.require(agent, permissions.EDIT_PRODUCTS)
    check_draft(draft)
    code = draft.code.strip()
    image = draft.image.strip()
    if image and "://" not in image and Path(image).is_absolute():
        image = keep_image(store, Path(image))   # a picture chosen on this computer
    values = (code, draft.title.strip(), draft.price, draft.link.strip(), image,
              draft.category.strip(), draft.specs.strip(), draft.material.strip(),
              draft.functions.strip(), draft.style.strip(), draft.selling_points.strip(),
              draft.stock.strip(), 1 if draft.hot else 0)
    with store.transaction():
        clash = product_rows.product_by_key(store, match_key(code))
        if clash is not None and clash["id"] != product_id:
            raise Refused(f"商品编码 {code} 已被“{clash['title']}”使用。",
                          f"The code {code} is already used by another product.")
        related_ids = _related_ids(store, code, draft.related)
        if product_id is None:
            product_id = product_rows.insert_product(store, match_key(code), values, now)
            kind = "product.add"
        else:
            product_rows.update_products(store, [(match_key(code), *values, now, product_id)])
            kind = "product.edit"
        product_rows.set_matches(store, product_id, related_ids)
        product = get(store, product_id)
        assert product is not None
        product_rows.index_products(store, [index.index_row(product)])
        events.record(store, now, agent.id, kind, f"product:{code}", {"title": product.title})
    return Changes(products=True)


def _related_ids(store: Store, code: str, related: tuple[str, ...]) -> list[int]:
    keys = [match_key(c) for c in related if c.strip()]
    if match_key(code) in keys:
        raise Refused(f"商品 {code} 不能和自己关联。", f"Product {code} cannot match itself.")
    known = product_rows.ids_by_keys(store, keys)
    missing = [c for c in related if c.strip() and match_key(c) not in known]
    if missing:
        raise Refused("找不到关联商品：" + "、".join(missing) + "。",
                      "Unknown matching products: " + ", ".join(missing) + ".")
    return list(dict.fromkeys(known[key] for key in keys))


def delete(store: Store, agent, product_id: int, now: float) -> Changes:
    permissions.require(agent, permissions.EDIT_PRODUCTS)
    product = get(store, product_id)
    if product is None:
        raise Refused("这件商品已不存在。", "This product no longer exists.")
    with store.transaction():
        product_rows.delete_product(store, product_id)
        events.record(store, now, agent.id, "product.delete", f"product:{product.code}",
                      {"title": product.title})
    return Changes(products=True)


# --- pictures --------------------------------------------------------------------------

def images_folder(store: Store) -> Path:
    return store.path.parent / "product_images"


def image_path(store: Store, product: Product) -> Path | None:
    """The product's picture on this computer; None for none, or for an address (a
    picture on the web is not fetched)."""
    if not product.image or "://" in product.image:
        return None
    path = images_folder(store) / product.image
    return path if path.is_file() else None


def image_name(source: Path) -> str:
    """The stored name of a picture: its content hash (as a phrase's picture is named), so
    one picture is kept once."""
    from workbench.quickphrases import image_name as hashed_name

    if source.suffix.lower() not in IMAGE_SUFFIXES:
        raise Refused(f"{source.name} 不是支持的图片格式（{'、'.join(IMAGE_SUFFIXES)}）。",
                      f"{source.name} is not a supported picture ({', '.join(IMAGE_SUFFIXES)}).")
    return hashed_name(source)


def keep_image(store: Store, source: Path) -> str:
    """Copy a product picture into the data dir; the name to store."""
    name = image_name(source)
    target = images_folder(store) / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return name


# --- the size reply templates ------------------------------------------------------------

@dataclass(frozen=True)
class Templates:
    """The team's replies proposing a size. Variables: {尺码} {商品} {备选尺码} {身高体重}."""

    size: str = "亲，按您{身高体重}，这款{商品}建议选{尺码}码哦~"
    size_also: str = ("亲，按您{身高体重}，这款{商品}建议选{尺码}码；您正好在两个尺码之间，"
                      "页面尺寸是手工测量的，会有1-3厘米误差，喜欢宽松些也可以选{备选尺码}码哦~")


TEMPLATE_VARIABLES = ("尺码", "商品", "备选尺码", "身高体重")


def load_templates(store: Store) -> Templates:
    raw = settings.get(store, TEMPLATES_KEY)
    values = json.loads(raw) if raw else {}
    known = {f.name for f in fields(Templates)}
    return Templates(**{k: v for k, v in values.items() if k in known and v})


def save_templates(store: Store, agent, templates: Templates, now: float) -> Changes:
    from workbench.quickphrases import VARIABLE

    permissions.require(agent, permissions.EDIT_PRODUCTS)
    for text in (templates.size, templates.size_also):
        if not text.strip():
            raise Refused("尺码回复模板不能为空。", "A size reply template cannot be empty.")
        unknown = [n for n in VARIABLE.findall(text) if n not in TEMPLATE_VARIABLES]
        if unknown:
            raise Refused("模板里有未知的变量：" + "、".join("{" + n + "}" for n in unknown)
                          + "。可用：" + "、".join("{" + n + "}" for n in TEMPLATE_VARIABLES),
                          "Unknown variables in the template: " + ", ".join(unknown))
    with store.transaction():
        settings.put(store, TEMPLATES_KEY, json.dumps(asdict(templates), ensure_ascii=False))
        events.record(store, now, agent.id, "products.templates", "team", asdict(templates))
    return Changes(products=True, settings=frozenset({TEMPLATES_KEY}))
