"""Import of the back office's refund report (退款管理 export): cases and their platform
state, idempotently.

A row is matched to a case by its refund number (退款编号); a refund the workbench has not
seen is linked to the order's open case that has no refund number yet, else it opens a
new case. The platform's state moves the case forward (never back: an older report
re-imported changes nothing), and a 退款成功 records the refund. The layout is written in
docs/formats-aftersale.md. All or nothing: one transaction; a dry run writes nothing.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.accounts import Agent
from workbench.aftersale import (
    LOGISTICS,
    MISSING_ITEM,
    NO_REASON,
    QUALITY,
    REFUND_ONLY,
    RETURN_REFUND,
    SETTLED,
    VISITED,
    WRONG_ITEM,
    machine,
    policy,
    postage_payer,
    require,
)
from workbench.aftersale.cases import record_step, sync_todo
from workbench.changes import Changes
from workbench.filereader import (
    FileRefused,
    Table,
    amount_problem,
    parse_amount,
    parse_time,
    read_table,
)
from workbench.orders import NEVER_PAID
from workbench.store import Store
from workbench.store import aftersale as case_rows
from workbench.store import orders as order_rows
from workbench.textnorm import lookup, match_key

HEADERS: dict[str, tuple[str, ...]] = {
    "refund_no": ("退款编号", "退款单号"),
    "order_id": ("订单编号", "订单号"),
    "buyer": ("买家会员名称", "买家会员名", "买家昵称"),
    "paid": ("买家实际支付金额", "买家实付金额"),
    "amount": ("买家退款金额", "退款金额"),
    "needs_return": ("是否需要退货",),
    "reason": ("买家退款原因", "退款原因"),
    "explanation": ("退款说明", "买家退款说明"),
    "state": ("退款状态",),
    "applied_at": ("退款的申请时间", "买家申请退款时间", "申请时间"),
    "finished_at": ("退款完结时间", "完结时间"),
    "return_logistics": ("退货物流信息",),
}
REQUIRED = ("refund_no", "order_id", "amount", "state")
PROGRESS_EVERY = 500
EARLIEST = 946_684_800  # 2000-01-01 UTC
DAY_S = 86_400
SHOWN_SKIPPED = 10
SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
SPACE = re.compile(r"\s")

# The platform's refund states (退款状态): code, the back office's words, the case's
# position for it, and its rank (a case never moves back to a lower rank).
PLATFORM_STATES: dict[str, tuple[str, machine.Position, int]] = {
    "WAIT_SELLER_AGREE": ("买家已经申请退款，等待卖家同意", machine.P_PENDING, 0),
    "WAIT_BUYER_RETURN_GOODS": ("卖家已经同意退款，等待买家退货", machine.P_RETURN, 1),
    "WAIT_SELLER_CONFIRM_GOODS": ("买家已经退货，等待卖家确认收货", machine.P_WAREHOUSE, 2),
    "SELLER_REFUSE_BUYER": ("卖家拒绝退款", machine.P_REFUSED, 3),
    "CLOSED": ("退款关闭", machine.P_RESOLVED, 3),
    "SUCCESS": ("退款成功", machine.P_RESOLVED, 4),
}
SUCCESS = "SUCCESS"
RETURN_STATES = ("WAIT_BUYER_RETURN_GOODS", "WAIT_SELLER_CONFIRM_GOODS")
_STATE_WORDS = {
    **{code: code for code in PLATFORM_STATES},
    **{words: code for code, (words, _, _) in PLATFORM_STATES.items()},
    "等待卖家同意": "WAIT_SELLER_AGREE", "等待买家退货": "WAIT_BUYER_RETURN_GOODS",
    "等待卖家确认收货": "WAIT_SELLER_CONFIRM_GOODS", "卖家已拒绝": "SELLER_REFUSE_BUYER",
    "已拒绝": "SELLER_REFUSE_BUYER", "已关闭": "CLOSED", "已退款": SUCCESS,
}
_STATE_BY_WORD = lookup(_STATE_WORDS)
# Where a case stands, ranked like the platform's states.
POSITION_RANK = {machine.P_PENDING: 0, machine.P_WORKING: 1, machine.P_RETURN: 1,
                 machine.P_APPROVAL: 1, machine.P_BUYER: 1, machine.P_WAREHOUSE: 2,
                 machine.P_SHIPMENT: 2, machine.P_REFUSED: 3, machine.P_RESOLVED: 3,
                 machine.P_VISITED: 5}
# A refund reason (买家退款原因) read as one of our causes, by the words it holds.
REASON_WORDS = (
    (("七天无理由", "7天无理由", "不想要", "拍错", "多拍", "不喜欢"), NO_REASON),
    (("发错", "错发", "颜色/尺码与商品描述不符"), WRONG_ITEM),
    (("少件", "漏发", "少发", "缺件"), MISSING_ITEM),
    (("质量", "做工", "瑕疵", "破洞", "开线", "假货"), QUALITY),
    (("物流", "快递", "未收到", "没收到", "破损", "丢件"), LOGISTICS),
)
YES = {match_key(w) for w in ("是", "需要", "yes", "y", "true", "1")}

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The import was stopped; nothing was written."""


@dataclass(frozen=True)
class RefundRow:
    line: int
    refund_no: str
    order_id: str
    amount: float
    paid: float | None
    state: str          # platform code
    state_text: str     # as written
    needs_return: bool | None
    reason: str
    explanation: str
    applied_at: float | None
    finished_at: float | None
    return_logistics: str


@dataclass
class RefundImport:
    file: str
    rows: int = 0
    added: int = 0
    linked: int = 0
    updated: int = 0
    unchanged: int = 0
    unknown_orders: list[str] = field(default_factory=list)
    unpaid_orders: list[str] = field(default_factory=list)
    case_ids: set[int] = field(default_factory=set)
    todo_ids: set[int] = field(default_factory=set)
    dry_run: bool = False

    @property
    def changes(self) -> Changes:
        if self.dry_run:
            return Changes()
        return Changes(aftersale=frozenset(self.case_ids), todos=frozenset(self.todo_ids))

    def summary(self, lang: str = "zh") -> str:
        if lang == "en":
            text = (f"{'Dry run (nothing written)' if self.dry_run else 'Imported'}: "
                    f"{self.file}, {self.rows} rows: {self.added} new cases, {self.linked} "
                    f"linked to open cases, {self.updated} updated, {self.unchanged} "
                    "unchanged.")
            if self.unknown_orders:
                text += (f" Skipped {len(self.unknown_orders)} rows whose order is not in "
                         f"the workbench (import the order report first): "
                         f"{', '.join(self.unknown_orders[:SHOWN_SKIPPED])}.")
            if self.unpaid_orders:
                text += (f" Skipped {len(self.unpaid_orders)} rows whose order is unpaid "
                         f"here: {', '.join(self.unpaid_orders[:SHOWN_SKIPPED])}.")
            return text
        head = "预览（未写入）：" if self.dry_run else "导入完成："
        text = (f"{head}{self.file} 共 {self.rows} 行：新建售后单 {self.added} 张，"
                f"关联到已有售后单 {self.linked} 张，更新 {self.updated} 张，"
                f"未变 {self.unchanged} 张。")
        if self.unknown_orders:
            text += (f"\n跳过 {len(self.unknown_orders)} 行：订单不在工作台里（请先导入订单报表）："
                     + "、".join(self.unknown_orders[:SHOWN_SKIPPED]))
        if self.unpaid_orders:
            text += (f"\n跳过 {len(self.unpaid_orders)} 行：订单在工作台里是未付款状态："
                     + "、".join(self.unpaid_orders[:SHOWN_SKIPPED]))
        return text


def parse_platform_state(text: str) -> str | None:
    return _STATE_BY_WORD.get(match_key(text))


_REASON_KEYS = tuple((tuple(match_key(w) for w in words), cause)
                     for words, cause in REASON_WORDS)


@functools.lru_cache(maxsize=1024)
def cause_of(reason: str) -> str | None:
    """Our cause for a refund reason (a report repeats a few dozen reasons)."""
    key = match_key(reason)
    for words, cause in _REASON_KEYS:
        if any(word in key for word in words):
            return cause
    return None


# --- reading -------------------------------------------------------------------------

def read_rows(path: Path) -> list[RefundRow]:
    """The report's rows, checked; refused (nothing written) at the first bad one."""
    table = read_table(path, known_headers=HEADERS["refund_no"])
    columns = table.columns(HEADERS, REQUIRED)
    found: dict[str, RefundRow] = {}
    for row in table.rows:
        parsed = _parse(table, columns, row.number, row.cells)
        found[parsed.refund_no] = parsed  # a later row of the same refund wins
    return list(found.values())


def _parse(table: Table, columns: dict[str, int], line: int, cells: list[str]) -> RefundRow:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None else ""

    def refuse(name: str, zh: str, en: str) -> FileRefused:
        return FileRefused(table.path, zh, en, row=line, column=table.headers[columns[name]])

    ids = {}
    for name, words in (("refund_no", ("退款编号", "refund number")),
                        ("order_id", ("订单编号", "order id"))):
        text = cell(name)
        if not text:
            raise refuse(name, f"缺少{words[0]}", f"the {words[1]} is missing")
        if SCIENTIFIC.match(text) or SPACE.search(text):
            raise refuse(name, f"{words[0]}“{text}”不完整（被 Excel 改成了科学计数法或有空格），"
                         "请使用后台导出的原始文件",
                         f"the {words[1]} {text!r} is damaged (Excel's scientific "
                         "notation, or a space); use the file as the back office wrote it")
        ids[name] = text
    amounts = {}
    for name in ("amount", "paid"):
        text = cell(name)
        try:
            amounts[name] = parse_amount(text) if name in columns else None
        except ValueError as error:
            raise refuse(name, *amount_problem(text, error)) from None
    if amounts["amount"] is None or amounts["amount"] < 0:
        raise refuse("amount", "缺少退款金额", "the refund amount is missing")
    if amounts["paid"] is not None and amounts["amount"] > amounts["paid"]:
        raise refuse("amount", f"退款金额 {amounts['amount']:.2f} 超过买家实付 "
                     f"{amounts['paid']:.2f}",
                     f"the refund {amounts['amount']:.2f} is above the "
                     f"{amounts['paid']:.2f} paid")
    state_text = cell("state")
    state = parse_platform_state(state_text)
    if state is None:
        raise refuse("state", f"无法识别的退款状态“{state_text}”",
                     f"unknown refund state {state_text!r}")
    times = {}
    for name in ("applied_at", "finished_at"):
        text = cell(name)
        try:
            times[name] = parse_time(text) if name in columns else None
        except ValueError:
            raise refuse(name, f"时间“{text}”看不懂，应为 yyyy-MM-dd HH:mm:ss",
                         f"cannot read the time {text!r} (yyyy-MM-dd HH:mm:ss)") from None
        # A report is exported after its refunds: a time later than tomorrow (9999-12-31)
        # or before the platforms existed is a damaged cell, and would sort a case forever.
        if times[name] is not None and not EARLIEST <= times[name] <= time.time() + DAY_S:
            raise refuse(name, f"时间“{text}”不合理（应在 2000-01-01 之后，且不晚于明天）",
                         f"the time {text!r} is out of range (2000-01-01 to tomorrow)")
    if times["applied_at"] and times["finished_at"] and \
            times["finished_at"] < times["applied_at"]:
        raise refuse("finished_at", "退款完结时间早于申请时间",
                     "the refund finished before it was applied for")
    needs = cell("needs_return")
    return RefundRow(line, ids["refund_no"], ids["order_id"], amounts["amount"],
                     amounts["paid"], state, state_text,
                     (match_key(needs) in YES) if needs else None, cell("reason"),
                     cell("explanation"), times["applied_at"], times["finished_at"],
                     cell("return_logistics"))


# --- writing -------------------------------------------------------------------------

def import_report(store: Store, path: Path, agent: Agent, now: float, *,
                  dry_run: bool = False, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> RefundImport:
    """Import a refund report (see the module's doc); new cases are the agent's. A dry
    run does all the work, says what it would do, and rolls it back."""
    path = Path(path)
    rows = read_rows(path)
    result = RefundImport(path.name, rows=len(rows), dry_run=dry_run)
    try:
        with store.transaction():
            _write(store, path, rows, agent, now, result,
                   progress or (lambda _done, _total: None), cancelled or (lambda: False))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result


class _DryRun(Exception):
    """Rolls a dry run's transaction back."""


def _write(store: Store, path: Path, rows: list[RefundRow], agent: Agent, now: float,
           result: RefundImport, progress: Progress, cancelled: Callable[[], bool]) -> None:
    known = case_rows.cases_by_refund_no(store, [r.refund_no for r in rows])
    order_ids = list({r.order_id for r in rows})
    raw = order_rows.raw_orders(store, order_ids)
    unlinked = case_rows.unlinked_open_cases(store, order_ids)
    rules = policy.load(store)
    for done, row in enumerate(rows):
        if done % PROGRESS_EVERY == 0:
            if cancelled():
                raise Cancelled
            progress(done, len(rows))
        order = raw.get(row.order_id)
        if order is None:
            result.unknown_orders.append(row.order_id)
            continue
        if order["status"] in NEVER_PAID:
            result.unpaid_orders.append(row.order_id)
            continue
        existing = known.get(row.refund_no) or unlinked.get(row.order_id)
        _check_within_paid(store, path, row, order, existing["id"] if existing else None)
        if row.refund_no in known:
            if _update(store, known[row.refund_no], row, agent, rules, now, result):
                result.updated += 1
            else:
                result.unchanged += 1
        elif row.order_id in unlinked:
            _update(store, unlinked.pop(row.order_id), row, agent, rules, now, result)
            result.linked += 1
        else:
            _add(store, row, order, agent, rules, now, result)
    progress(len(rows), len(rows))


def _check_within_paid(store: Store, path: Path, row: RefundRow, order,
                       case_id: int | None) -> None:
    """A refund is at most what the buyer paid less what the order's other cases refunded
    (earlier rows of this file included: they are written already). The file's own
    实付 column was checked when read; this is the order as the workbench knows it."""
    paid = order["paid"] if order["paid"] is not None else (order["total"] or 0.0)
    left = round(paid - case_rows.refunded_on_order(store, row.order_id, case_id), 2)
    if row.amount > left + 0.005:
        raise FileRefused(
            path, f"退款金额 {row.amount:.2f} 超过订单 {row.order_id} 还能退的 {left:.2f}"
            f"（买家实付 {paid:.2f}，其他售后单已退 {paid - left:.2f}）",
            f"the refund {row.amount:.2f} is above the {left:.2f} left to refund on order "
            f"{row.order_id} ({paid:.2f} paid, {paid - left:.2f} refunded by other cases)",
            row=row.line)


def _kind(row: RefundRow) -> str:
    if row.needs_return is None:
        return RETURN_REFUND if row.state in RETURN_STATES else REFUND_ONLY
    return RETURN_REFUND if row.needs_return else REFUND_ONLY


def _add(store: Store, row: RefundRow, order, agent: Agent, rules: policy.Policy,
         now: float, result: RefundImport) -> None:
    _, position, _ = PLATFORM_STATES[row.state]
    cause = cause_of(row.reason)
    settled_at = (row.finished_at or now) if position[0] in SETTLED else None
    due = rules.due(position[0], position[1], cause, now)
    success = row.state == SUCCESS
    kind = _kind(row)
    case_id = case_rows.insert_case(store, {
        "order_id": row.order_id, "buyer_id": order["buyer_id"], "kind": kind,
        "cause": cause, "state": position[0], "waiting": position[1], "amount": row.amount,
        "refunded": row.amount if success else None,
        "refunded_at": settled_at if success else None,
        "postage_payer": postage_payer(cause, kind),
        "return_tracking": row.return_logistics or None,
        "refund_no": row.refund_no, "platform_state": row.state,
        "note": " ".join(f"{row.reason} {row.explanation}".split()), "opened_by": agent.id,
        "holder_id": agent.id,
        "opened_at": row.applied_at or now, "updated_at": now, "due_at": due,
        "settled_at": settled_at})
    record_step(store, case_id, agent, now, machine.SYNCED, position, due,
                note=f"退款 {row.refund_no}：{row.state_text}", amount=row.amount)
    if due is not None:  # only a case that owes something has a todo
        result.todo_ids |= sync_todo(store, require(store, case_id), agent, now).todos
    result.case_ids.add(case_id)
    result.added += 1


def _update(store: Store, existing, row: RefundRow, agent: Agent, rules: policy.Policy,
            now: float, result: RefundImport) -> bool:
    """Bring a known case up to the platform's state; False when nothing changed."""
    if existing["platform_state"] == row.state and existing["refund_no"] == row.refund_no:
        return False
    old_rank = PLATFORM_STATES[existing["platform_state"]][2] \
        if existing["platform_state"] in PLATFORM_STATES else -1
    _, position, rank = PLATFORM_STATES[row.state]
    values: dict = {"refund_no": row.refund_no, "updated_at": now}
    if rank < old_rank:
        # An older report: the case already knows better. Only the link is recorded.
        if existing["refund_no"] == row.refund_no:
            return False
        case_rows.update_case(store, existing["id"], values)
        result.case_ids.add(existing["id"])
        return True
    values["platform_state"] = row.state
    here = (existing["state"], existing["waiting"])
    moved = POSITION_RANK.get(position, 0) > POSITION_RANK.get(here, 0) and here[0] != VISITED
    case = require(store, existing["id"])
    if moved:
        due = rules.due(position[0], position[1], case.cause, now)
        values |= {"state": position[0], "waiting": position[1], "due_at": due}
        if position[0] in SETTLED:
            values["settled_at"] = row.finished_at or now
    if row.state == SUCCESS and not existing["refunded"]:
        values |= {"refunded": row.amount, "refunded_at": row.finished_at or now}
    case_rows.update_case(store, existing["id"], values)
    after = (values.get("state", here[0]), values.get("waiting", here[1]))
    record_step(store, existing["id"], agent, now, machine.SYNCED, after,
                values.get("due_at", case.due_at),
                note=f"退款 {row.refund_no}：{row.state_text}",
                amount=row.amount if row.state == SUCCESS else None)
    result.todo_ids |= sync_todo(store, require(store, existing["id"]), agent, now).todos
    result.case_ids.add(existing["id"])
    return True
