"""Fixtures of the order tests: report files with the back office's quirks."""

from __future__ import annotations

from pathlib import Path

import pytest

from orders.order_files import CLASSIC_HEADER, classic_row, write_gbk


@pytest.fixture
def gbk_report(tmp_path: Path) -> Path:
    rows = [
        classic_row("35153131473293579", "晴天小鹿", remark="9.2珠，中通 礼物"),
        classic_row("35153131473293580", "新来的买家", status="等待买家付款", paid="0.00",
                    paid_at="", created="2025-11-21 09:30:00", phone="13912345678"),
        classic_row("35153131473293581", "木子李家的猫", status="TRADE_CLOSED",
                    refund="129.00"),
    ]
    return write_gbk(tmp_path / "ExportOrderList.csv", CLASSIC_HEADER, rows)
