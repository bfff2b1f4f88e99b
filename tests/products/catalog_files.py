"""Products and size-chart files as shops write them (for the tests)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

PRODUCT_HEADER = ["商品编码", "商品名称", "价格", "链接", "类目", "规格", "材质", "卖点",
                  "关联商品"]
SIZE_HEADER = ["商品编码", "尺码", "身高下限", "身高上限", "体重下限", "体重上限"]
HOODIE = ["HD-01", "加绒连帽卫衣", "￥139.00", "https://shop.example.com/item/HD-01", "卫衣",
          "颜色：黑/灰；尺码：S/M/L", "棉80% 聚酯纤维20%", "内里加绒，冬天单穿不冷", "PT-02"]
PANTS = ["PT-02", "束脚运动裤", "99", "https://shop.example.com/item/PT-02", "裤子",
         "尺码：S/M/L", "棉95% 氨纶5%", "松紧腰头", ""]
HOODIE_CHART = [["HD-01", "S", "150", "160", "40", "50"],
                ["HD-01", "M", "160", "170", "50", "65"],
                ["HD-01", "L", "170", "180", "65", "80"]]


def write_csv(path: Path, header: list[str], rows: list[list[str]],
              encoding: str = "utf-8") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
