"""Importing the products file and the size-chart file: CSV (GBK or UTF-8) and XLSX, all or
nothing, idempotent, never blanking a field."""

import pytest

from products.catalog_files import (
    HOODIE,
    HOODIE_CHART,
    PANTS,
    PRODUCT_HEADER,
    SIZE_HEADER,
    write_csv,
    write_xlsx,
)
from workbench import accounts, products
from workbench.changes import Refused
from workbench.filereader import FileRefused
from workbench.products import importer, sizes


def count(store) -> int:
    return products.count(store)


def test_a_products_file_and_its_size_chart_come_in_as_written(catalog):
    hoodie = products.by_code(catalog, "HD-01")
    assert (hoodie.title, hoodie.price, hoodie.link, hoodie.category) == (
        "加绒连帽卫衣", 139.0, "https://shop.example.com/item/HD-01", "卫衣")
    assert (hoodie.specs, hoodie.material, hoodie.selling_points) == (
        "颜色：黑/灰；尺码：S/M/L", "棉80% 聚酯纤维20%", "内里加绒，冬天单穿不冷")
    assert [p.code for p in products.related(catalog, hoodie)] == ["PT-02"]
    assert [row.line() for row in sizes.chart(catalog, hoodie.id)] == [
        "S 150-160 40-50", "M 160-170 50-65", "L 170-180 65-80"]


def test_gbk_csv_and_xlsx_read_the_same(demo_store, trainer, tmp_path, clock):
    gbk = write_csv(tmp_path / "gbk.csv", PRODUCT_HEADER, [HOODIE, PANTS], encoding="gbk")
    result = importer.import_files(demo_store, gbk, None, now=clock(), agent=trainer)
    assert (result.added, result.related) == (2, 1)
    xlsx = write_xlsx(tmp_path / "same.xlsx", PRODUCT_HEADER, [
        [*HOODIE[:2], 139, *HOODIE[3:]], [*PANTS[:2], 99, *PANTS[3:]]])
    sizes_xlsx = write_xlsx(tmp_path / "sizes.xlsx", SIZE_HEADER,
                            [[code, size, *map(int, numbers)]
                             for code, size, *numbers in HOODIE_CHART])
    again = importer.import_files(demo_store, xlsx, sizes_xlsx, now=clock(), agent=trainer)
    assert (again.added, again.updated, again.unchanged, again.charts) == (0, 0, 2, 1)
    assert products.by_code(demo_store, "PT-02").price == 99.0


def test_importing_the_same_files_again_changes_nothing(catalog, trainer, products_file,
                                                        sizes_file, clock):
    before = catalog.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    result = importer.import_files(catalog, products_file, sizes_file, now=clock() + 60,
                                   agent=trainer)
    assert (result.added, result.updated, result.unchanged, result.related, result.charts) \
        == (0, 0, 2, 0, 0)
    assert not result.changes
    assert products.by_code(catalog, "HD-01").updated_at == clock()
    assert catalog.conn.execute("SELECT count(*) FROM events").fetchone()[0] == before + 1


def test_an_empty_cell_never_blanks_a_field(catalog, trainer, tmp_path, clock):
    update = write_csv(tmp_path / "prices.csv", ["商品编码", "价格", "材质", "关联商品"],
                       [["hd-01", "119", "", ""]])
    result = importer.import_files(catalog, update, None, now=clock(), agent=trainer)
    assert (result.updated, result.related) == (1, 0)
    hoodie = products.by_code(catalog, "HD-01")
    assert (hoodie.price, hoodie.material, hoodie.title) == (119.0, "棉80% 聚酯纤维20%",
                                                             "加绒连帽卫衣")
    assert [p.code for p in products.related(catalog, hoodie)] == ["PT-02"]


def test_a_size_chart_file_replaces_the_whole_chart_of_its_products(catalog, trainer,
                                                                   tmp_path, clock):
    chart = write_csv(tmp_path / "new.csv", SIZE_HEADER, [["HD-01", "均码", "155", "175",
                                                           "", ""]])
    result = importer.import_files(catalog, None, chart, now=clock(), agent=trainer)
    assert result.charts == 1 and result.file == ""
    assert [row.line() for row in sizes.chart(catalog, products.by_code(catalog, "HD-01").id)] \
        == ["均码 155-175 -"]


def test_a_dry_run_writes_nothing(demo_store, trainer, products_file, sizes_file, clock):
    before = count(demo_store)
    result = importer.import_files(demo_store, products_file, sizes_file, now=clock(),
                                   agent=trainer, dry_run=True)
    assert result.dry_run and (result.added, result.charts) == (2, 1)
    assert count(demo_store) == before and products.by_code(demo_store, "HD-01") is None
    assert result.summary().startswith("预览（未写入）")


def test_agents_may_not_import(demo_store, products_file, clock):
    agent = accounts.by_name(demo_store, "xiaoman")
    with pytest.raises(Refused, match="培训师或主管"):
        importer.import_files(demo_store, products_file, None, now=clock(), agent=agent)
    assert products.by_code(demo_store, "HD-01") is None


def test_a_product_picture_beside_the_file_is_kept_in_the_data_dir(demo_store, trainer,
                                                                  tmp_path, clock):
    picture = tmp_path / "hoodie.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 40)
    path = write_csv(tmp_path / "pictures.csv", ["商品编码", "商品名称", "图片"],
                     [["HD-01", "加绒连帽卫衣", "hoodie.png"],
                      ["HD-02", "卫衣", "https://img.example.com/hd02.jpg"]])
    importer.import_files(demo_store, path, None, now=clock(), agent=trainer)
    kept = products.image_path(demo_store, products.by_code(demo_store, "HD-01"))
    assert kept is not None and kept.read_bytes() == picture.read_bytes()
    web = products.by_code(demo_store, "HD-02")
    assert web.image == "https://img.example.com/hd02.jpg"
    assert products.image_path(demo_store, web) is None   # never fetched


SHIRT = ["SH-03", "条纹衬衫", "89", "https://shop.example.com/item/SH-03", "衬衫", "", "", "",
         ""]


@pytest.mark.parametrize(("header", "rows", "message"), [
    (["商品名称", "价格"], [["卫衣", "1"]], "缺少必需的列：商品编码"),
    (PRODUCT_HEADER, [HOODIE, ["", *SHIRT[1:]]], "第 3 行“商品编码”列：缺少商品编码"),
    (PRODUCT_HEADER, [HOODIE, [*SHIRT[:2], "一百", *SHIRT[3:]]],
     "第 3 行“价格”列：价格“一百”不是数字"),
    (PRODUCT_HEADER, [HOODIE, [*SHIRT[:2], "-5", *SHIRT[3:]]], "第 3 行“价格”列：价格不能是负数"),
    (PRODUCT_HEADER, [HOODIE, [*SHIRT[:2], "1" + "0" * 23, *SHIRT[3:]]],
     "第 3 行“价格”列：价格“1" + "0" * 23 + "”超出合理范围"),
    (PRODUCT_HEADER, [HOODIE, HOODIE], "第 3 行“商品编码”列：商品编码 HD-01 在第 2 行已经出现过"),
    (PRODUCT_HEADER, [HOODIE, [*SHIRT[:3], "shop.example.com/x", *SHIRT[4:]]],
     "第 3 行“链接”列：链接应以 http:// 或 https:// 开头"),
    (PRODUCT_HEADER, [HOODIE, PANTS, [*SHIRT[:8], "XX-9"]],
     "第 4 行“关联商品”列：关联商品 XX-9 既不在文件里，也不在工作台中"),
    (PRODUCT_HEADER, [HOODIE, [*PANTS[:8], "pt-02"]],
     "第 3 行“关联商品”列：商品 PT-02 不能和自己关联"),
    (["商品编码", "价格"], [["WY-2301", "119"], ["NEW-1", "10"]],
     "第 3 行：商品 NEW-1 是新商品，需要商品名称"),
    (["商品编码", "商品名称", "热销"], [["NEW-1", "卫衣", "也许"]],
     "第 2 行“热销”列：热销应写 是 或 否"),
])
def test_a_bad_products_file_is_refused_with_its_row_and_nothing_is_written(
        demo_store, trainer, tmp_path, clock, header, rows, message):
    path = write_csv(tmp_path / "bad.csv", header, rows)
    before = count(demo_store)
    with pytest.raises(FileRefused) as refused:
        importer.import_files(demo_store, path, None, now=clock(), agent=trainer)
    assert message in str(refused.value)
    assert str(refused.value).endswith("文件没有导入，数据没有任何改动。")
    assert count(demo_store) == before
    assert products.by_code(demo_store, "WY-2301").price == 129.0


@pytest.mark.parametrize(("rows", "message"), [
    ([["XX-1", "M", "160", "170", "50", "60"]], "商品 XX-1 既不在商品文件里，也不在工作台中"),
    ([["HD-01", "M", "170", "160", "50", "60"]], "第 2 行：身高下限 170 大于上限 160"),
    ([["HD-01", "M", "160", "", "50", "60"]], "身高下限和上限要么都写，要么都不写"),
    ([["HD-01", "M", "", "", "", ""]], "身高和体重的范围至少要写一个"),
    ([["HD-01", "M", "1.6", "1.7", "50", "60"]], "身高范围 1.6-1.7 不像厘米数"),
    ([["HD-01", "M", "160", "170", "50", "60"], ["HD-01", "m", "170", "180", "60", "70"]],
     "第 3 行“尺码”列：商品 HD-01 的尺码 m 重复了"),
    ([["HD-01", "M", "高", "170", "50", "60"]], "第 2 行“身高下限”列：“高”不是数字"),
    ([["HD-01", "", "160", "170", "50", "60"]], "缺少尺码"),
])
def test_a_bad_size_chart_is_refused_and_the_products_file_with_it(
        demo_store, trainer, products_file, tmp_path, clock, rows, message):
    chart = write_csv(tmp_path / "bad_sizes.csv", SIZE_HEADER, rows)
    with pytest.raises(FileRefused) as refused:
        importer.import_files(demo_store, products_file, chart, now=clock(), agent=trainer)
    assert message in str(refused.value)
    assert products.by_code(demo_store, "HD-01") is None   # all or nothing


def test_a_size_chart_needs_the_height_or_the_weight_columns(demo_store, trainer, tmp_path,
                                                             clock):
    chart = write_csv(tmp_path / "sizes.csv", ["商品编码", "尺码", "胸围"], [["HD-01", "M", "90"]])
    with pytest.raises(FileRefused, match="缺少身高下限/身高上限或体重下限/体重上限列"):
        importer.import_files(demo_store, None, chart, now=clock(), agent=trainer)


def test_chart_cells_may_carry_their_units(catalog, trainer, tmp_path, clock):
    chart = write_csv(tmp_path / "units.csv", SIZE_HEADER,
                      [["HD-01", "M", "160cm", "170厘米", "100斤", "65kg"]])
    importer.import_files(catalog, None, chart, now=clock(), agent=trainer)
    assert sizes.chart(catalog, products.by_code(catalog, "HD-01").id) == [
        sizes.SizeRow("M", 160, 170, 50, 65)]


def test_a_cut_download_is_refused_by_the_file_reader(demo_store, trainer, tmp_path, clock):
    path = tmp_path / "cut.csv"
    path.write_bytes("商品编码,商品名称\r\nHD-01,加绒卫".encode()[:-1])  # ascii: csv
    with pytest.raises(FileRefused, match="不完整的字符"):
        importer.import_files(demo_store, path, None, now=clock(), agent=trainer)
