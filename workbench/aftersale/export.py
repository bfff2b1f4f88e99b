"""A case's summary for a platform dispute (交易纠纷): one XLSX, printable (to paper or
PDF), with the case, the order, the history, the chat excerpt and the pictures kept."""

from __future__ import annotations

from pathlib import Path

from workbench import orders, timefmt
from workbench.aftersale import evidence as case_evidence
from workbench.aftersale import history, require
from workbench.aftersale.cases import evidence_path
from workbench.filewriter import XlsxBook
from workbench.store import Store
from workbench.store import aftersale as case_rows

# The chat from a week before the case was opened, up to this many messages.
CHAT_BEFORE_S = 7 * 86400
CHAT_LIMIT = 2000
SENDERS = {"buyer": "买家", "agent": "客服", "auto": "自动回复", "system": "系统"}


def _time(at: float | None) -> str:
    return timefmt.second(at) if at else ""


def _money(value: float | None) -> str:
    return f"¥{value:.2f}" if value is not None else ""


def summary_rows(store: Store, case_id: int) -> list[tuple[str, str]]:
    """The case and its order as label/value lines."""
    case = require(store, case_id)
    order = orders.get(store, case.order_id)
    lines = [
        ("售后单号", case.number), ("类型", case.kind_name), ("原因", case.cause or ""),
        ("状态", case.step_name), ("金额", _money(case.amount)),
        ("已退款", _money(case.refunded)), ("运费承担", case.postage_payer or ""),
        ("退货物流", " ".join(filter(None, (case.return_courier, case.return_tracking)))),
        ("仓库收货", f"{_time(case.received_at)} {case.received_note or ''}".strip()),
        ("补发/换货物流", " ".join(filter(None, (case.reship_courier, case.reship_tracking)))),
        ("退换货条件", case.check_note or ""),
        ("评价", f"{case.review_rating or ''}{'星 ' if case.review_rating else ''}"
                 f"{case.review_text or ''}".strip()),
        ("主管审批", f"{case.approval_state or ''} {_money(case.approval_amount)}".strip()),
        ("回访", " ".join(filter(None, (_time(case.visited_at), case.visit_outcome,
                                        case.visit_note)))),
        ("平台退款编号", case.refund_no or ""), ("平台退款状态", case.platform_state_name),
        ("开单", f"{_time(case.opened_at)} {case.opened_by_name or ''}".strip()),
        ("负责人", case.assignee_label), ("说明", case.note),
    ]
    if order is not None:
        lines += [
            ("订单号", order.id), ("买家", order.buyer_nick), ("订单状态", order.status_name),
            ("总金额", _money(order.total)), ("买家实付", _money(order.paid)),
            ("下单时间", _time(order.created_at)), ("付款时间", _time(order.paid_at)),
            ("发货时间", _time(order.shipped_at)),
            ("收货人", f"{order.receiver_name or ''} {order.phone or ''}".strip()),
            ("收货地址", order.address or ""),
            ("物流", " ".join(filter(None, (order.courier, order.tracking_no)))),
        ]
        for item in orders.items(store, order.id):
            lines.append(("宝贝", f"{item.title} {item.spec or ''} ×{item.quantity or 1} "
                                  f"{_money(item.price)}".strip()))
    return lines


def export_case(store: Store, case_id: int, path: Path) -> int:
    """Write the case's summary to ``path`` (XLSX); returns the chat lines written."""
    case = require(store, case_id)
    book = XlsxBook()
    book.sheet("售后单", ("项目", "内容"), widths=(16, 90))
    book.printable(landscape=False)
    for label, value in summary_rows(store, case_id):
        book.append((label, value))

    book.sheet("处理记录", ("时间", "客服", "步骤", "状态", "说明", "单号", "金额", "到期"),
               widths=(20, 10, 12, 16, 50, 20, 10, 20))
    book.printable()
    for step in history(store, case_id):
        book.append((_time(step.at), step.agent_name or "", step.step, step.position_name,
                     step.note, step.tracking or "", _money(step.amount), _time(step.due_at)))

    book.sheet("聊天记录", ("时间", "发送方", "内容"), widths=(20, 12, 100))
    book.printable()
    chat = case_rows.chat_excerpt(store, case.buyer_id, case.opened_at - CHAT_BEFORE_S,
                                  CHAT_LIMIT)
    for row in chat:
        who = SENDERS.get(row["sender"], row["sender"])
        if row["sender"] == "agent" and row["agent_name"]:
            who = f"客服 {row['agent_name']}"
        text = f"[图片] {row['text']}" if row["kind"] == "image" else row["text"]
        book.append((_time(row["created_at"]), who, text))

    book.sheet("图片证据", ("序号", "文件", "买家发送时间", "附加人", "附加时间", "保存位置"),
               widths=(6, 40, 20, 10, 20, 80))
    book.printable()
    for number, item in enumerate(case_evidence(store, case_id), start=1):
        book.append((number, item.file, _time(item.sent_at), item.added_by_name or "",
                     _time(item.added_at), str(evidence_path(store, case_id, item.file))))
    book.save(Path(path))
    return len(chat)
