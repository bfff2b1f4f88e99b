"""The courier table (物流信息): company, fee by region, typical days, tracking link, contact.

The course lists what an agent must know of every courier: the company, its prices, speed,
contact and how to track a parcel. Rates are by region: a region lists provinces, such as
``江苏、浙江、上海``; the region ``其他`` or ``全国`` covers every address no other names.
The phrase variables {快递} and {时效} and the order sidebar read this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.accounts import permissions
from workbench.changes import Changes, Refused
from workbench.store import Store, events
from workbench.store import products as product_rows
from workbench.textnorm import match_key, split_list

ELSEWHERE = ("其他", "其它", "全国", "默认")
# Shorthands the trade writes for groups of provinces.
REGION_SHORTHANDS = {"江浙沪": ("江苏", "浙江", "上海"), "港澳台": ("香港", "澳门", "台湾")}
TRACKING_PLACEHOLDER = "{单号}"


@dataclass(frozen=True)
class Rate:
    region: str
    fee: float | None = None
    days_min: int | None = None
    days_max: int | None = None

    @property
    def provinces(self) -> list[str]:
        names = []
        for part in split_list(self.region.replace(" ", "、")):
            names.extend(REGION_SHORTHANDS.get(part, (part,)))
        return names

    @property
    def elsewhere(self) -> bool:
        return any(match_key(name) in map(match_key, ELSEWHERE) for name in self.provinces)

    def covers(self, address: str) -> bool:
        place = match_key(address)
        return any(place.startswith(match_key(name)) for name in self.provinces)

    @property
    def days(self) -> str:
        """Typical days as the buyer reads them (2-3天), or empty."""
        if self.days_min is None:
            return ""
        if self.days_max is None or self.days_max == self.days_min:
            return f"{self.days_min}天"
        return f"{self.days_min}-{self.days_max}天"

    def line(self) -> str:
        """As the 商品 window edits it: region, fee, days (江苏、浙江、上海 8 1-2)."""
        fee = f"{self.fee:g}" if self.fee is not None else "-"
        days = self.days.removesuffix("天") or "-"
        return f"{self.region} {fee} {days}"


@dataclass(frozen=True)
class Courier:
    id: int
    name: str
    tracking_url: str
    contact: str
    is_default: int
    note: str
    rates: tuple[Rate, ...] = ()

    def rate_for(self, address: str | None) -> Rate | None:
        """The rate of the region the address lies in, else the rate for the rest."""
        if address:
            found = next((r for r in self.rates if not r.elsewhere and r.covers(address)), None)
            if found:
                return found
        return next((r for r in self.rates if r.elsewhere), None)

    def tracking_link(self, tracking_no: str | None) -> str:
        if tracking_no and TRACKING_PLACEHOLDER in self.tracking_url:
            return self.tracking_url.replace(TRACKING_PLACEHOLDER, tracking_no)
        return self.tracking_url.replace(TRACKING_PLACEHOLDER, "")


@dataclass(frozen=True)
class Draft:
    name: str
    tracking_url: str = ""
    contact: str = ""
    is_default: bool = False
    note: str = ""
    rates: tuple[Rate, ...] = ()


def all_couriers(store: Store) -> list[Courier]:
    rates: dict[int, list[Rate]] = {}
    for row in product_rows.rates(store):
        rates.setdefault(row["courier_id"], []).append(
            Rate(row["region"], row["fee"], row["days_min"], row["days_max"]))
    return [Courier(**dict(row), rates=tuple(rates.get(row["id"], ())))
            for row in product_rows.couriers(store)]


def named(store: Store, name: str | None) -> Courier | None:
    """The courier an order names, also when the order writes a longer name (顺丰速运)."""
    key = match_key(name)
    if not key:
        return None
    known = all_couriers(store)
    return next((c for c in known if match_key(c.name) == key), None) or next(
        (c for c in known if match_key(c.name) in key or key in match_key(c.name)), None)


def default(store: Store) -> Courier | None:
    known = all_couriers(store)
    return next((c for c in known if c.is_default), known[0] if known else None)


@dataclass(frozen=True)
class Shipping:
    """How an order travels (or would): the courier, and its rate to the address."""

    courier: Courier
    rate: Rate | None
    chosen_by_order: bool      # the order names it; otherwise it is the shop's default

    @property
    def days(self) -> str:
        return self.rate.days if self.rate else ""


def for_order(store: Store, order) -> Shipping | None:
    """How the order travels: the courier it names, else the shop's default. None when
    the table is empty, or lacks the courier the order names."""
    named_courier = order.courier if order is not None and order.courier else None
    courier = named(store, named_courier) if named_courier else default(store)
    if courier is None:
        return None
    return Shipping(courier, courier.rate_for(order.address if order is not None else None),
                    named_courier is not None)


def phrase_values(store: Store, order) -> dict[str, str]:
    """{快递} and {时效} for the buyer's latest order (or the shop's default courier)."""
    shipping = for_order(store, order)
    if shipping is None:
        return {"快递": order.courier} if order is not None and order.courier else {}
    values = {"快递": order.courier if shipping.chosen_by_order else shipping.courier.name}
    if shipping.days:
        values["时效"] = shipping.days
    return values


# --- editing ---------------------------------------------------------------------------

def parse_rate_lines(text: str) -> tuple[Rate, ...]:
    """Rates as the 商品 window edits them: one region a line, ``地区 运费 时效天数``
    such as ``江苏、浙江、上海 8 1-2``; - for a fee or days not known."""
    rates = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) < 3:
            raise Refused(f"运费第 {number} 行应为“地区 运费 天数”，例如 江苏、浙江 8 1-2。",
                          f"Rate line {number} should read REGION FEE DAYS, e.g. 江苏 8 1-2.")
        region, fee_text, days_text = " ".join(parts[:-2]), parts[-2], parts[-1]
        try:
            fee = None if fee_text == "-" else float(fee_text.lstrip("¥￥"))
            if days_text == "-":
                low = high = None
            else:
                low_text, _, high_text = days_text.removesuffix("天").partition("-")
                low, high = int(low_text), int(high_text or low_text)
        except ValueError:
            raise Refused(f"运费第 {number} 行的运费或天数看不懂：{line.strip()}",
                          f"Rate line {number}: cannot read the fee or the days.") from None
        if (fee is not None and fee < 0) or (low is not None and not 0 <= low <= high):
            raise Refused(f"运费第 {number} 行的运费或天数不对：{line.strip()}",
                          f"Rate line {number}: the fee or the days are wrong.")
        rates.append(Rate(region, fee, low, high))
    return tuple(rates)


def save(store: Store, agent, draft: Draft, now: float, courier_id: int | None = None
         ) -> Changes:
    permissions.require(agent, permissions.EDIT_PRODUCTS)
    name = draft.name.strip()
    if not name:
        raise Refused("快递公司名称不能为空。", "The courier needs a name.")
    url = draft.tracking_url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise Refused("查件链接应以 http:// 或 https:// 开头。",
                      "The tracking link starts with http:// or https://.")
    with store.transaction():
        clash = next((c for c in all_couriers(store)
                      if match_key(c.name) == match_key(name) and c.id != courier_id), None)
        if clash is not None:
            raise Refused(f"已经有快递公司“{clash.name}”。", f"{clash.name} is already listed.")
        if draft.is_default:
            product_rows.clear_default_courier(store)
        fields = (name, url, draft.contact.strip(), 1 if draft.is_default else 0,
                  draft.note.strip())
        if courier_id is None:
            courier_id = product_rows.insert_courier(store, *fields)
        else:
            product_rows.update_courier(store, courier_id, *fields)
        product_rows.replace_rates(store, courier_id, [
            (r.region, r.fee, r.days_min, r.days_max) for r in draft.rates])
        events.record(store, now, agent.id, "courier.save", f"courier:{name}",
                      {"rates": [r.line() for r in draft.rates]})
    return Changes(products=True)


def delete(store: Store, agent, courier_id: int, now: float) -> Changes:
    permissions.require(agent, permissions.EDIT_PRODUCTS)
    with store.transaction():
        product_rows.delete_courier(store, courier_id)
        events.record(store, now, agent.id, "courier.delete", f"courier:{courier_id}", {})
    return Changes(products=True)
