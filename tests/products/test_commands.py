"""`workbench products import | search | size` and their JSON."""

import json

from products.catalog_files import PRODUCT_HEADER, write_csv
from workbench import cli, products


def run(capsys, db_path, *args):
    status = cli.main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_import_as_a_trainer_then_search_as_json(demo_store, db_path, products_file,
                                                 sizes_file, capsys):
    status, out, _ = run(capsys, db_path, "products", "import", str(products_file), "--sizes",
                         str(sizes_file), "--as", "lin")
    assert status == 0
    assert out.strip() == ("导入完成：products.csv 共 2 行，新增 2 件，更新 0 件，未变 0 件；"
                           "设置关联商品 1 件。尺码表 sizes.csv 共 3 行，更新了 1 件商品的尺码表。")
    status, out, _ = run(capsys, db_path, "products", "search", "lmwy", "--json")
    assert status == 0
    found = json.loads(out)
    assert [item["code"] for item in found] == ["WY-2301", "HD-01"]
    assert found[1] == {"code": "HD-01", "title": "加绒连帽卫衣", "price": 139.0,
                        "link": "https://shop.example.com/item/HD-01",
                        "specs": "颜色：黑/灰；尺码：S/M/L", "related": ["PT-02"]}


def test_size_as_json_with_the_size_or_null_and_a_reason(catalog, db_path, capsys):
    status, out, _ = run(capsys, db_path, "products", "size", "HD-01", "--text",
                         "一米六五，一百一十斤", "--json")
    assert status == 0
    assert json.loads(out) == {
        "height_cm": 165, "weight_kg": 55, "size": "M", "also": None,
        "reason": "身高165厘米、体重55公斤，建议M码。"}
    status, out, _ = run(capsys, db_path, "--lang", "en", "products", "size", "HD-01",
                         "--text", "订单号3515313147329357901", "--json")
    assert json.loads(out) == {"height_cm": None, "weight_kg": None, "size": None,
                               "also": None, "reason": "The message gives no height or weight."}
    status, out, _ = run(capsys, db_path, "products", "size", "PT-02", "--text", "162cm 52kg")
    assert status == 0 and out.strip() == "这件商品还没有尺码表，不能推荐尺码。"
    status, out, _ = run(capsys, db_path, "products", "size", "hd-01", "--text", "162cm 52kg")
    assert out.strip().startswith("M / S  身高162厘米、体重52公斤，建议M码")


def test_size_does_not_take_a_waist_or_chest_for_the_height(demo_store, db_path, capsys):
    status, out, _ = run(capsys, db_path, "products", "size", "WY-2301", "--text",
                         "腰围68cm，身高162，体重52kg", "--json")
    advice = json.loads(out)
    assert status == 0
    assert (advice["height_cm"], advice["weight_kg"], advice["size"]) == (162, 52, "M")
    status, out, _ = run(capsys, db_path, "products", "size", "WY-2301", "--text",
                         "胸围100cm 身高165", "--json")
    advice = json.loads(out)
    assert (advice["height_cm"], advice["weight_kg"]) == (165, None)
    assert advice["size"] is not None


def test_an_unknown_product_fails_in_one_line(catalog, db_path, capsys):
    status, _, err = run(capsys, db_path, "--lang", "en", "products", "size", "NOPE",
                         "--text", "162cm")
    assert status == 1 and err.strip() == "No product NOPE."


def test_agents_cannot_import_and_a_bad_file_changes_nothing(demo_store, db_path, tmp_path,
                                                             products_file, capsys):
    status, _, err = run(capsys, db_path, "--lang", "en", "products", "import",
                         str(products_file), "--as", "xiaoman")
    assert status == 1 and err.strip() == (
        "Only trainers and supervisors change products, size charts, couriers and promotions.")
    bad = write_csv(tmp_path / "bad.csv", PRODUCT_HEADER[:3], [["X-1", "卫衣", "九十九"]])
    status, _, err = run(capsys, db_path, "--lang", "en", "products", "import", str(bad),
                         "--as", "wang")
    assert status == 1
    english = "bad.csv line 2 column “价格”: the price '九十九' is not a number."  # ascii: en
    assert err.strip() == english + " The file was not imported; nothing changed."
    assert products.by_code(demo_store, "X-1") is None


def test_import_needs_a_proven_account(demo_store, db_path, products_file, capsys):
    status, _, err = run(capsys, db_path, "products", "import", str(products_file))
    assert status == 1 and "--as" in err
