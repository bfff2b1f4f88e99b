"""Finding products, their matching products, the product a conversation is about, and
editing them."""

import pytest

from workbench import accounts, conversations, orders, products
from workbench.changes import Refused
from workbench.conversations import Incoming, cards
from workbench.products import index


def codes(found) -> list[str]:
    return [p.code for p in found]


@pytest.mark.parametrize(("query", "expected"), [
    ("卫衣", ["HD-01", "WY-2301"]),
    ("连帽", ["HD-01", "WY-2301"]),
    ("绒连", ["HD-01"]),             # any part of a title, not only whole words
    ("hd", ["HD-01"]),               # a code prefix
    ("pt-0", ["PT-02"]),
    ("2301", ["WY-2301"]),           # any part of a code
    ("lmwy", ["HD-01", "WY-2301"]),  # pinyin initials of 连帽卫衣
    ("jrl", ["HD-01"]),              # 加绒连
    ("卫衣 加绒", ["HD-01"]),         # every part must occur
    ("冬天单穿", ["HD-01"]),          # the selling points are searched too
    ("莫代尔", ["JJF-118"]),          # and the material
    ("不存在的东西", []),
    ('"OR NEAR(', []),               # search syntax typed by a user is only text
])
def test_search_by_words_codes_and_pinyin_initials(catalog, query, expected):
    assert sorted(codes(products.search(catalog, query))) == expected


def test_codes_come_first_then_titles_then_other_texts(catalog):
    assert codes(products.search(catalog, "wy"))[0] == "WY-2301"
    found = codes(products.search(catalog, "家居"))
    # 家居 is in the titles of JJF-118 and WZ-5, and in ZS-1's category only.
    assert sorted(found[:2]) == ["JJF-118", "WZ-5"] and found[2:] == ["ZS-1"]


def test_an_empty_search_lists_hot_items_first(catalog):
    hot = [p.hot for p in products.search(catalog, "")]
    assert hot == sorted(hot, reverse=True) and hot[0] == 1


def test_matching_products_go_both_ways(catalog):
    hoodie, pants = products.by_code(catalog, "HD-01"), products.by_code(catalog, "PT-02")
    assert codes(products.related(catalog, hoodie)) == ["PT-02"]
    assert codes(products.related(catalog, pants)) == ["HD-01"]   # named by the hoodie
    assert products.related_codes(catalog, pants) == []


def test_an_orders_items_bring_their_matching_products(demo_store):
    # 晴天小鹿 bought WY-2301 in size S (seller code WY-2301-S).
    items = orders.items(demo_store, "3515313147329357901")
    assert products.for_item(demo_store, items[0]).code == "WY-2301"
    assert codes(products.related_to_order(demo_store, "3515313147329357901")) == [
        "JJF-118", "WZ-5"]
    # The pyjamas go with slippers, which the order already holds, and socks.
    assert codes(products.for_order(demo_store, "3515313147329357908")) == ["WZ-5", "TX-38"]
    assert "TX-38" not in codes(products.related_to_order(demo_store, "3515313147329357908"))


def test_an_item_without_a_known_code_is_found_by_its_title(demo_store, clock):
    buyer = conversations.ensure_buyer(demo_store, "新买家", "普通", clock())
    orders.record(demo_store, buyer, {"id": "T-1", "status": "WAIT_BUYER_PAY"},
                  [{"title": "珊瑚绒睡袍", "seller_code": "OLD-CODE"}])
    assert codes(products.for_order(demo_store, "T-1")) == ["SP-77"]


def receive(store, text, at, kind="text", buyer="晴天小鹿"):
    changes = conversations.receive(store, Incoming(f"m{at}", buyer, text, at, kind))
    return next(iter(changes.conversations))


def test_the_product_in_context_is_the_last_card_then_a_pasted_link_then_the_order(
        catalog, agent, clock):
    now = clock()
    conversation = receive(catalog, "在吗", now)
    assert products.in_context(catalog, conversation) is None
    assert products.in_context(catalog, conversation, "3515313147329357901").code == \
        "WY-2301"
    hoodie = products.by_code(catalog, "HD-01")
    conversations.send(catalog, conversation, agent.id, cards.text(hoodie.card()), now + 1,
                       kind="card")
    assert products.in_context(catalog, conversation, "3515313147329357901").code == "HD-01"
    receive(catalog, "这个呢 https://shop.example.com/item/PT-02 有货吗", now + 2)
    assert products.in_context(catalog, conversation).code == "PT-02"
    pajamas = products.by_code(catalog, "FL-9")
    receive(catalog, cards.text(pajamas.card()), now + 3, kind="card")
    assert products.in_context(catalog, conversation).code == "FL-9"


def test_trainers_edit_products_and_the_search_follows(catalog, trainer, clock):
    hoodie = products.by_code(catalog, "HD-01")
    draft = products.Draft("HD-01", "加绒连帽卫衣 冬季款", 149.0, hoodie.link,
                           specs="尺码：S/M/L/XL", related=("WZ-5", "pt-02"), hot=1)
    assert products.save(catalog, trainer, draft, clock(), hoodie.id).products
    edited = products.by_code(catalog, "HD-01")
    assert (edited.title, edited.price, edited.hot, edited.material) == (
        "加绒连帽卫衣 冬季款", 149.0, 1, "")
    assert products.related_codes(catalog, edited) == ["WZ-5", "PT-02"]
    assert codes(products.search(catalog, "冬季款")) == ["HD-01"]
    added = products.Draft("HD-09", "儿童卫衣", 59.0)
    products.save(catalog, trainer, added, clock())
    assert codes(products.search(catalog, "儿童卫")) == ["HD-09"]
    products.delete(catalog, trainer, products.by_code(catalog, "HD-09").id, clock())
    assert products.search(catalog, "儿童卫") == []


@pytest.mark.parametrize(("draft", "message"), [
    (products.Draft("", "卫衣"), "商品编码不能为空"),
    (products.Draft("X-1", " "), "需要商品名称"),
    (products.Draft("X-1", "卫衣", -1.0), "价格不能是负数"),
    (products.Draft("hd-01", "卫衣"), "商品编码 hd-01 已被“加绒连帽卫衣”使用"),
    (products.Draft("X-1", "卫衣", related=("X-1",)), "不能和自己关联"),
    (products.Draft("X-1", "卫衣", related=("NOPE",)), "找不到关联商品：NOPE"),
])
def test_a_product_that_breaks_the_rules_is_refused(catalog, trainer, clock, draft, message):
    with pytest.raises(Refused, match=message):
        products.save(catalog, trainer, draft, clock())


def test_agents_read_products_but_do_not_change_them(catalog, clock):
    agent = accounts.by_name(catalog, "xiaoman")
    with pytest.raises(Refused, match="培训师或主管"):
        products.save(catalog, agent, products.Draft("X-1", "卫衣"), clock())
    assert products.search(catalog, "卫衣")


def test_a_card_is_its_title_price_and_link_as_text():
    card = cards.Card("加绒连帽卫衣", 139.0, "https://shop.example.com/item/HD-01")
    assert cards.text(card) == ("【商品】加绒连帽卫衣\n价格：¥139.00\n"
                                "https://shop.example.com/item/HD-01")
    assert cards.parse(cards.text(card)) == card
    assert cards.parse("【商品】 只有名字") == cards.Card("只有名字")
    assert conversations.preview("card", cards.text(card)) == "[商品] 加绒连帽卫衣"


def test_the_shipped_pinyin_initials_match_pypinyin():
    import pinyin_initials

    shipped = index.INITIALS_TABLE.read_text(encoding="utf-8")
    assert shipped == "".join(f"{letter}:{chars}\n" for letter, chars in
                              pinyin_initials.initials_by_letter().items()), \
        "run `python tools/pinyin_initials.py` after upgrading pypinyin"
    assert index.initials("连帽卫衣T恤") == "lmwytx"
