"""Order report files as the back office writes them, quirks included (for the tests)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

# The classic report: trailing spaces in some header names, as the real exports have.
CLASSIC_HEADER = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "总金额",
    "买家实际支付金额", "订单状态", "买家留言", "收货人姓名", "收货地址 ", "运送方式", "联系电话 ",
    "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类", "物流单号 ", "物流公司",
    "订单备注", "宝贝总数量", "店铺名称", "订单关闭原因", "退款金额",
]
# The newer names for the same things.
NEWER_HEADER = [
    "订单编号", "买家会员名", "买家实付金额", "总金额", "订单状态", "收货人姓名", "收货地址",
    "联系手机", "买家下单时间", "买家付款时间", "发货时间", "宝贝标题", "宝贝规格", "运单号",
    "物流公司", "订单备注",
]
ITEM_HEADER = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息",
               "备注", "订单状态", "商家编码"]


def classic_row(order_id: str, buyer: str, *, status: str = "交易成功", total: str = "129.00",
                paid: str = "129.00", created: str = "2025-11-20 10:01:02",
                paid_at: str = "2025-11-20 10:05:00", remark: str = "",
                phone: str = "13800001111", address: str = "上海市徐汇区漕溪北路 201 号",
                title: str = "纯棉连帽卫衣", refund: str = "0.00") -> list[str]:
    """One row the way the back office writes it: ="…" ids, ' phones."""
    return [f'="{order_id}"', buyer, "lu***@163.com", total, "0.00", total, paid, status, "",
            "陆晴", address, "快递", "", f"'{phone}", created, paid_at, title, "1",
            '="78312345678901"', "中通快递", remark, "1", "小满家居服旗舰店", "", refund]


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    """CSV with the ="…" cells left bare, as Excel-proofing exports write them."""
    lines = []
    for cells in [header, *rows]:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="")
        writer.writerow(["\x00" if c.startswith('="') else c for c in cells])
        line = out.getvalue()
        for cell in cells:
            if cell.startswith('="'):
                line = line.replace("\x00", cell, 1)
        lines.append(line)
    return "\r\n".join(lines) + "\r\n"


def write_gbk(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.write_bytes(csv_text(header, rows).encode("gbk"))
    return path


def write_utf8_bom(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + csv_text(header, rows).encode("utf-8"))
    return path
