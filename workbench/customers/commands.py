"""`workbench customers list|show|tiers|tag|recompute` and `workbench care due|export`.

Every command acts as a proven account (``--as NAME``): the files are the whole shop's,
and what the account may see (whole or masked phones) is decided by the domain.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from workbench.commandline import (
    CommandFailed,
    add_json_option,
    open_store,
    print_json,
    proven_account,
)


def register(commands) -> None:
    parser = commands.add_parser("customers", help="customer files, classes and member tiers")
    sub = parser.add_subparsers(dest="customers_command", required=True)

    listing = sub.add_parser("list", help="buyers, latest purchase first")
    listing.add_argument("--tier", help="member tier name, e.g. VIP")
    listing.add_argument("--class", dest="cls",
                         help="class or mark: enquirer, repeat, tagged, frequent, risk, "
                              "no_contact (or its Chinese name)")
    listing.add_argument("--tag", help="buyers carrying this tag")
    listing.add_argument("--search", default="", help="part of the nick")
    listing.add_argument("--limit", type=int, help="at most this many buyers")
    add_json_option(listing)
    listing.set_defaults(handler=list_command)

    show = sub.add_parser("show", help="one buyer's file")
    show.add_argument("nick")
    add_json_option(show)
    show.set_defaults(handler=show_command)

    tiers = sub.add_parser("tiers", help="the shop's member tiers, rules and rights")
    add_json_option(tiers)
    tiers.set_defaults(handler=tiers_command)

    tag = sub.add_parser("tag", help="add a tag to a buyer (打标)")
    tag.add_argument("nick")
    tag.add_argument("tag")
    tag.set_defaults(handler=tag_command)

    again = sub.add_parser("recompute", help="recompute every file, class and tier now")
    again.set_defaults(handler=recompute_command)

    care = commands.add_parser("care", help="customer care due along the orders' life")
    care_sub = care.add_subparsers(dest="care_command", required=True)
    due = care_sub.add_parser("due", help="care due on a day and not yet done")
    due.add_argument("--date", type=_date, help="YYYY-MM-DD (default: today)")
    due.add_argument("--mine", action="store_true",
                     help="only buyers whose conversation is yours")
    add_json_option(due)
    due.set_defaults(handler=care_due_command)

    export = care_sub.add_parser("export", help="the call/SMS list (XLSX) of the day's care "
                                 "for buyers the chat cannot reach")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--date", type=_date, help="YYYY-MM-DD (default: today)")
    export.add_argument("--mine", action="store_true")
    export.set_defaults(handler=care_export_command)


def _date(text: str) -> dt.date:
    import argparse

    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        # Usage errors are argparse's, in English like its own (exit status 2).
        raise argparse.ArgumentTypeError(f"not a date: {text!r}; use YYYY-MM-DD") from None
    if not dt.date(2000, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=5 * 366):
        raise argparse.ArgumentTypeError(f"{day} is outside 2000-01-01 to five years ahead")
    return day


def _say(args, zh: str, en: str) -> None:
    print(en if args.lang == "en" else zh)


def _time(at):
    from workbench import timefmt

    return timefmt.second(at) if at is not None else None


def _customer(store, nick: str):
    from workbench import customers

    found = customers.by_nick(store, nick)
    if found is None:
        raise CommandFailed(f"没有买家 {nick}。", f"No buyer {nick!r}.")
    return found


def list_command(args) -> int:
    from workbench import customers

    with open_store(args) as store:
        proven_account(args, store)
        shop = customers.policy(store)
        tier = mark = None
        if args.tier:
            tier = shop.rank_of(args.tier.strip())
            if tier is None:
                names = "、".join(t.name for t in shop.tiers)
                raise CommandFailed(f"没有会员等级“{args.tier}”；本店的等级：{names}。",
                                    f"No tier {args.tier!r}; the shop's tiers: {names}.")
        if args.cls:
            mark = customers.parse_class(args.cls)
            if mark is None:
                known = ", ".join(code for code, _, _ in customers.MARKS)
                raise CommandFailed(f"看不懂客户分类“{args.cls}”；可用：{known} 或其中文名。",
                                    f"Unknown class {args.cls!r}; use one of {known}.")
        if args.limit is not None and args.limit < 1:
            raise CommandFailed("--limit 至少为 1。", "--limit must be at least 1.")
        where = customers.CustomerFilter(text=args.search, tier=tier, mark=mark, tag=args.tag)
        now = time.time()
        total = customers.count(store, where, now, cap=2**62)
        found = customers.find(store, where, now, limit=args.limit or max(total, 1))
    if args.json:
        print_json([{"nick": c.nick, "tier": c.tier, "classes": c.classes, "orders": c.orders,
                     "paid_total": c.paid_total, "first_order_at": _time(c.first_order_at),
                     "last_order_at": _time(c.last_order_at), "chats": c.chats,
                     "tags": c.tags, "risk": c.risk_reason} for c in found])
        return 0
    for c in found:
        risk = f"  ⚠{c.risk_reason}" if c.risk_reason else ""
        print(f"{c.nick}  {c.tier}  {'、'.join(c.classes) or '—'}  {c.orders} 单  "
              f"¥{c.paid_total:.2f}  {_time(c.last_order_at) or '—'}  {c.chats}  "
              f"{'、'.join(c.tags)}{risk}")
    return 0


def show_command(args) -> int:
    from workbench import customers

    with open_store(args) as store:
        viewer = proven_account(args, store)
        found = customers.open_file(store, _customer(store, args.nick).buyer_id)
    c, phone = found.customer, customers.shown_phone(viewer, found.phone)
    tier = found.tier
    data = {
        "nick": c.nick, "tier": c.tier,
        "tier_rights": {"price": tier.price_rights, "service": tier.service_rights,
                        "exclusive": tier.exclusive_rights},
        "classes": c.classes,
        "risk": {"reason": c.risk_reason, "by": c.risk_by_name, "at": _time(c.risk_at)}
        if c.risky else None,
        "name": found.name, "gender": c.gender or "", "phone": phone,
        "source": c.source or "", "do_not_contact": bool(c.do_not_contact),
        "addresses": [{"address": a.address, "receiver_name": a.receiver_name,
                       "phone": customers.shown_phone(viewer, a.phone),
                       "last_used": _time(a.last_used), "orders": a.used}
                      for a in found.addresses],
        "orders": c.orders, "paid_total": c.paid_total, "items": c.items,
        "average_order": c.average_order, "first_order_at": _time(c.first_order_at),
        "last_order_at": _time(c.last_order_at), "repurchase_days": c.repurchase_days,
        "chats": c.chats, "last_chat_at": _time(c.last_chat_at), "tags": c.tags,
        "open_todos": found.open_todos,
        "latest_order": {"id": found.latest_order["id"],
                         "status": found.latest_order["status"],
                         "created_at": _time(found.latest_order["created_at"])}
        if found.latest_order else None,
        "notes": [{"text": n.text, "by": n.agent_name, "at": _time(n.at)} for n in found.notes],
        "history": [{"at": _time(h.at), "kind": h.kind, "old": _history_value(viewer, h, h.old),
                     "new": _history_value(viewer, h, h.new), "reason": h.reason,
                     "by": h.agent_name} for h in found.history],
    }
    if args.json:
        print_json(data)
        return 0
    lines = [f"{c.nick}（{c.tier}）{'  ' + '、'.join(c.classes) if c.classes else ''}"]
    if c.risky:
        lines.append(f"⚠ 风险买家：{c.risk_reason}（{c.risk_by_name}，{_time(c.risk_at)}）")
    average = f"¥{c.average_order:.2f}" if c.average_order else "—"
    lines += [f"姓名：{found.name or '—'}  性别：{c.gender or '—'}  电话：{phone or '—'}  "
              f"来源：{c.source or '—'}{'  勿扰' if c.do_not_contact else ''}",
              f"购买 {c.orders} 次，累计 ¥{c.paid_total:.2f}，{c.items} 件，客单价 "
              f"{average}；"
              f"首次 {_time(c.first_order_at) or '—'}，最近 {_time(c.last_order_at) or '—'}",
              f"咨询 {c.chats} 天，最近 {_time(c.last_chat_at) or '—'}；"
              f"标签：{'、'.join(c.tags) or '—'}；未完成待办 {found.open_todos}"]
    lines += [f"地址：{a.address}（{a.receiver_name or '—'}，"
              f"{customers.shown_phone(viewer, a.phone) or '—'}）" for a in found.addresses]
    lines += [f"备注：{n.text}—{n.agent_name}—{_time(n.at)}" for n in found.notes]
    lines += [f"{_time(h.at)}  {_masked_history(viewer, h)}" for h in found.history]
    print("\n".join(lines))
    return 0


def _history_value(viewer, entry, value):
    from workbench import customers

    return customers.shown_phone(viewer, value) if entry.kind == "field:phone" else value


def _masked_history(viewer, entry) -> str:
    from dataclasses import replace

    return replace(entry, old=_history_value(viewer, entry, entry.old),
                   new=_history_value(viewer, entry, entry.new)).describe()


def tiers_command(args) -> int:
    from workbench import customers
    from workbench.customers import tiers

    with open_store(args) as store:
        proven_account(args, store)
        shop = customers.policy(store)
        counts = customers.tier_counts(store)
    if args.json:
        print_json({"mode": shop.mode, "window_days": shop.window_days, "tiers": [
            {**tiers.to_json(shop)["tiers"][rank], "rank": rank, "buyers": counts.get(rank, 0)}
            for rank in range(len(shop.tiers))]})
        return 0
    print(shop.describe())
    for rank, tier in enumerate(shop.tiers):
        print(f"{tier.name}（{counts.get(rank, 0)} 位）升级：{tier.upgrade_rule()}；"
              f"保级：{tier.keep_rule()}；价格权益：{tier.price_rights or '—'}；"
              f"服务权益：{tier.service_rights or '—'}；专享权益：{tier.exclusive_rights or '—'}")
    return 0


def tag_command(args) -> int:
    from workbench import customers

    with open_store(args) as store:
        agent = proven_account(args, store)
        buyer = _customer(store, args.nick)
        customers.add_tag(store, buyer.buyer_id, agent, args.tag, time.time())
        tags = customers.get(store, buyer.buyer_id).tags
    _say(args, f"{args.nick} 的标签：{'、'.join(tags)}", f"Tags of {args.nick}: {', '.join(tags)}")
    return 0


def recompute_command(args) -> int:
    from workbench.customers.recompute import recompute

    with open_store(args) as store:
        agent = proven_account(args, store)
        result = recompute(store, time.time(), agent_id=agent.id)
    _say(args, f"已重算 {result.buyers} 位买家：{len(result.changed)} 位有变化，"
               f"{result.tier_changes} 位会员等级变了。",
         f"Recomputed {result.buyers} buyers: {len(result.changed)} changed, "
         f"{result.tier_changes} changed tier.")
    return 0


def care_due_command(args) -> int:
    from workbench import customers
    from workbench.customers import care

    with open_store(args) as store:
        viewer = proven_account(args, store)
        items = care.due(store, viewer, args.date or dt.date.today(), time.time(), args.mine)
    if args.json:
        print_json([{"subject": i.subject, "stage": i.stage, "stage_name": i.stage_name,
                     "buyer": i.nick, "order_id": i.order_id, "due_at": _time(i.due_at),
                     "expires_at": _time(i.expires_at), "channel": i.channel,
                     "reachable": i.reachable, "phone": customers.shown_phone(viewer, i.phone),
                     "assignee": i.assignee_name, "failed": i.failed, "text": i.text}
                    for i in items])
        return 0
    for i in items:
        failed = "  [发送失败]" if i.failed else ""
        print(f"{_time(i.due_at)}  {i.stage_name}  {i.nick}  {i.order_id or '—'}  {i.channel}"
              f"  {i.assignee_name or '—'}{failed}\n    {i.text}")
    return 0


def care_export_command(args) -> int:
    from workbench.customers import care

    with open_store(args) as store:
        viewer = proven_account(args, store)
        count, held_back = care.export(store, viewer, args.out, args.date or dt.date.today(),
                                       time.time(), args.mine)
    _say(args, f"已导出 {count} 条关怀到 {args.out}"
               + (f"；{held_back} 条缺少订单信息（如物流单号），没有导出" if held_back else ""),
         f"Exported {count} care items to {args.out}"
         + (f"; {held_back} lacking order details (such as the tracking number) were held "
            "back" if held_back else ""))
    return 0
