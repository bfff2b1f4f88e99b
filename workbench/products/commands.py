"""`workbench products ...`: import the products and size-chart files, search, propose a size.

Kept light to import: the product domain (and openpyxl) load inside the handlers.
"""

from __future__ import annotations

import time

from workbench.commandline import (
    CommandFailed,
    add_json_option,
    input_file,
    open_store,
    own_account,
    print_json,
    proven_account,
    require_file,
)


def register(commands) -> None:
    """Add this area's subparsers to ``commands``."""
    parser = commands.add_parser("products", help="product knowledge: import, search, "
                                 "size advice")
    sub = parser.add_subparsers(dest="products_command", required=True)

    imp = sub.add_parser("import", help="import the products file (CSV/XLSX), and a size chart")
    imp.add_argument("file", type=input_file, help="products file: CSV (GBK or UTF-8) or XLSX")
    imp.add_argument("--sizes", type=input_file, help="the size-chart file that goes with it")
    imp.set_defaults(handler=import_command)

    search = sub.add_parser("search", help="find products by words, code or pinyin initials")
    search.add_argument("query")
    add_json_option(search)
    search.set_defaults(handler=search_command)

    size = sub.add_parser("size", help="read a buyer's height and weight, propose the size")
    size.add_argument("code", help="the product's code (商品编码)")
    size.add_argument("--text", required=True, help="the buyer's message")
    add_json_option(size)
    size.set_defaults(handler=size_command)


def _say(args, zh: str, en: str) -> None:
    print(en if args.lang == "en" else zh)


def import_command(args) -> int:
    from workbench.products import importer

    for path in (args.file, args.sizes):
        if path is not None:
            require_file(path)
    with open_store(args) as store:
        agent = proven_account(args, store)
        result = importer.import_files(store, args.file, args.sizes, now=time.time(),
                                       agent=agent)
    _say(args, result.summary("zh"), result.summary("en"))
    return 0


def search_command(args) -> int:
    from workbench import products

    with open_store(args) as store:
        own_account(args, store)
        found = products.search(store, args.query)
        related = {p.id: [r.code for r in products.related(store, p)] for p in found}
    if args.json:
        print_json([{"code": p.code, "title": p.title, "price": p.price, "link": p.link,
                     "specs": p.specs, "related": related[p.id]} for p in found])
        return 0
    for product in found:
        print(f"{product.code}  {product.title}  {product.price_text}  {product.specs}")
    return 0


def size_command(args) -> int:
    from workbench import products
    from workbench.products import sizes

    with open_store(args) as store:
        own_account(args, store)
        product = products.by_code(store, args.code)
        if product is None:
            raise CommandFailed(f"找不到商品 {args.code}。", f"No product {args.code}.")
        advice = sizes.advice_for(store, product, args.text)
    if args.json:
        print_json(advice.as_json(args.lang))
        return 0
    reason = advice.reason_en if args.lang == "en" else advice.reason
    if advice.size is None:
        print(reason)
    else:
        also = f" / {advice.also}" if advice.also else ""
        print(f"{advice.size}{also}  {reason}")
    return 0
