"""The demo shop's orders the after-sale tests use, and small helpers."""

from __future__ import annotations

SHIPPED = "3515313147329357904"        # 北方的狼2019, ¥199 paid, shipped
SIGNED = "3515313147329357907"         # Coco在路上, ¥319 paid, signed for
NOT_SHIPPED = "3515313147329357902"    # 木子李家的猫, ¥248 paid, waiting for dispatch
UNPAID = "3515313147329357906"         # 阿飞不飞, waiting for payment
CLOSED_UNPAID = "3515313147329357903"  # 精打细算的阿宝, closed before payment
REFUNDED = "3515313147329357909"       # Coco在路上, ¥159 paid, refunded in the back office
ADDRESS = "浙江省杭州市余杭区仓前街道 8 号 小满家居服售后组"
HOUR = 3600.0


def the_case(changes) -> int:
    (case_id,) = changes.aftersale
    return case_id
