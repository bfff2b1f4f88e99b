"""Size advice: read a buyer's height and weight from their message, propose the size from
the product's chart.

Buyers write their measurements many ways: ``身高162，体重52公斤``, ``162cm 104斤``,
``1米62 52kg``, ``1.62m``, ``一米六二``, ``一百零四斤``. A number counts only with a unit of
length or weight (``cm 厘米 公分 米 kg 公斤 千克 斤``) or after ``身高`` or ``体重``, and only
as a whole number of its own (never digits inside an order number or a phone number), so an
order number, a price (``129元``) or a size (``52码``) is never read as a measurement. A
length the buyer names as another measure (``腰围68cm``, ``这件衣长是65cm吗``, ``胸围100``) is
not the height either, so it neither gives one nor hides the height of an earlier message.

The chart: each size has a height range (cm) and/or a weight range (kg), both ends
included. The proposal is the size whose ranges hold the buyer; where height and weight
point at different sizes, the larger one (and the smaller is named). The course's
tolerance: measurements on the product page are taken by hand and may be 1-3 cm off, so a
buyer within 3 cm of a height boundary is also told the neighbouring size, and why. A
chart that does not cover the buyer says so rather than guessing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from workbench.changes import Refused
from workbench.store import Store
from workbench.store import products as product_rows

TOLERANCE_CM = 3.0
HEIGHT_RANGE = (50.0, 230.0)
WEIGHT_RANGE = (10.0, 200.0)
# A weight after 体重 without a unit: 斤 from this many on (体重104 is 52 kg), kg below.
BARE_WEIGHT_JIN_FROM = 90.0

class _Pattern:
    """A regular expression compiled on first use: compiling these takes a few
    milliseconds, which the window's start-up does not pay for a buyer yet to write."""

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_NUMERAL = "零〇一二两三四五六七八九十百"
# 一米六二 → 1米62: after 米 the digits are said one by one.
_METRE_WORDS = _Pattern(r"([一两二])米([零〇一二三四五六七八九])([零〇一二三四五六七八九])?")
_CHINESE_NUMBER = _Pattern(f"[{_NUMERAL}]+")
_NUMBER = r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)(?![\d.])"
_SEP = r"\s*[:：]?\s*(?:是|有|大概|大约|约|差不多)?\s*"

_METRES = _Pattern(r"(?<![\d.])([12])(?:米|m(?![a-z]))(\d{1,2})(?!\d)|"
                     r"(?<![\d.])([12]\.\d{1,2})\s*(?:米|m(?![a-z]))", re.IGNORECASE)
_CENTIMETRES = _Pattern(_NUMBER + r"\s*(?:cm|厘米|公分)", re.IGNORECASE)
_AFTER_HEIGHT = _Pattern(r"身高" + _SEP + _NUMBER + r"(?!\s*(?:cm|厘米|公分|米|m|斤|kg|公斤"
                           r"|千克|元|块|码|号|件))", re.IGNORECASE)
_KILOGRAMS = _Pattern(_NUMBER + r"\s*(?:kg|公斤|千克)", re.IGNORECASE)
_JIN = _Pattern(_NUMBER + r"\s*斤")
_AFTER_WEIGHT = _Pattern(r"体重" + _SEP + _NUMBER + r"(?!\s*(?:kg|公斤|千克|斤|cm|厘米|元|块"
                           r"|码|号|件))", re.IGNORECASE)
# A length named as another measure (腰围68cm, 衣长是65cm吗, 胸围100, 三围86/64/90) is not
# the height: these spans are blanked before the height and weight are read.
_MEASURE_NAME = (r"(?:[腰胸臀头领颈臂腿腕踝肩胯摆脚]围|[衣裤袖裙腿脚足裆臂手]长"
                 r"|[肩胸腰臀衣摆袖背领脚]宽|[袖腿裤]肥|裆深|前裆|后裆|下摆|裤口|袖口|脚口|领高|跟高|长度|宽度|围度"
                 r"|(?:衣服|裤子|袖子|裙子|外套|上衣|裤腿)的?[长宽])")
_MEASURE_VALUE = (r"\d{1,3}(?:\.\d{1,2})?\s*(?:cm|厘米|公分|mm|毫米|米\d{0,2}|m(?![a-z])\d{0,2})?")
_MEASURE_SEP = r"\s*[:：]?\s*(?:是|有|为|在|大概|大约|约|差不多|只有)*\s*"
_OTHER_MEASURE = _Pattern(
    _MEASURE_NAME + _MEASURE_SEP + _MEASURE_VALUE
    + r"(?:\s*(?:[-~～到至/、]|和)\s*" + _MEASURE_VALUE + ")*"
    + "|3围" + _MEASURE_SEP + _MEASURE_VALUE + r"(?:\s*[-/,，、\s]\s*" + _MEASURE_VALUE + "){0,2}",
    re.IGNORECASE)
# 身高体重 162/52: both after one keyword.
_BOTH = _Pattern("身高体重" + _SEP + _NUMBER + r"\s*(cm|厘米|公分)?\s*[/,，、\s和]\s*" + _NUMBER
                   + r"\s*(kg|公斤|千克|斤)?", re.IGNORECASE)
# 162/52kg, 162 104斤: a bare height right before the weight.
_PAIR = _Pattern(_NUMBER + r"\s*[/,，、\s和]\s*" + _NUMBER + r"\s*(kg|公斤|千克|斤)?",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Body:
    height_cm: float | None = None
    weight_kg: float | None = None
    weight_assumed_jin: bool = False   # 体重104 without a unit, read as 斤

    def __bool__(self) -> bool:
        return self.height_cm is not None or self.weight_kg is not None

    def describe(self) -> str:
        """What the reply's {身高体重} says, such as ``身高162厘米、体重52公斤``."""
        parts = []
        if self.height_cm is not None:
            parts.append(f"身高{_number(self.height_cm)}厘米")
        if self.weight_kg is not None:
            parts.append(f"体重{_number(self.weight_kg)}公斤")
        return "、".join(parts)


class SizeRow(NamedTuple):
    """One size of a chart (a tuple: an import makes tens of thousands)."""

    size: str
    height_min: float | None = None
    height_max: float | None = None
    weight_min: float | None = None
    weight_max: float | None = None

    def holds_height(self, height: float) -> bool:
        return self.height_min is not None and self.height_min <= height <= self.height_max

    def holds_weight(self, weight: float) -> bool:
        return self.weight_min is not None and self.weight_min <= weight <= self.weight_max

    def line(self) -> str:
        """The row as the 商品 window edits it: M 160-165 48-55 (- for no range)."""
        def span(low, high):
            return f"{_number(low)}-{_number(high)}" if low is not None else "-"
        return f"{self.size} {span(self.height_min, self.height_max)} " \
               f"{span(self.weight_min, self.weight_max)}"


@dataclass(frozen=True)
class Advice:
    height_cm: float | None
    weight_kg: float | None
    size: str | None
    also: str | None
    reason: str
    reason_en: str

    def as_json(self, lang: str = "zh") -> dict:
        return {"height_cm": self.height_cm, "weight_kg": self.weight_kg, "size": self.size,
                "also": self.also, "reason": self.reason_en if lang == "en" else self.reason}


def _number(value: float) -> str:
    return f"{value:g}"


# --- reading the buyer -----------------------------------------------------------------

def _chinese_number(text: str) -> str:
    """A Chinese number in digits: ``一百零四`` is 104, ``一百二`` is 120; digits said
    one by one (``六二``) stay so."""
    if "十" not in text and "百" not in text:
        return "".join(str(_DIGITS[ch]) for ch in text)
    total, current, last_unit = 0, 0, 1
    for ch in text:
        if ch in "十百":
            last_unit = 10 if ch == "十" else 100
            total += (current or 1) * last_unit
            current = 0
        else:
            current = _DIGITS[ch]
    if current and last_unit == 100 and text[-2] != "零":
        current *= 10   # 一百二 is 120, as 一米六 is 160
    return str(total + current)


def normalise(text: str) -> str:
    """Full-width to ASCII, Chinese numbers to digits: what the patterns read."""
    text = unicodedata.normalize("NFKC", text)
    text = _METRE_WORDS.sub(lambda m: f"{_DIGITS[m[1]]}米{_DIGITS[m[2]]}"
                            + (str(_DIGITS[m[3]]) if m[3] else ""), text)
    return _CHINESE_NUMBER.sub(lambda m: _chinese_number(m[0]), text)


def _plausible(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _height(text: str) -> float | None:
    for match in _METRES.finditer(text):
        if match[1]:
            rest = match[2]
            value = int(match[1]) * 100 + (int(rest) * 10 if len(rest) == 1 else int(rest))
        else:
            value = float(match[3]) * 100
        if _plausible(value, HEIGHT_RANGE):
            return float(round(value, 1))
    for pattern in (_CENTIMETRES, _AFTER_HEIGHT):
        for match in pattern.finditer(text):
            value = float(match[1])
            if pattern is _AFTER_HEIGHT and value < 3:
                value *= 100    # 身高1.62
            if _plausible(value, HEIGHT_RANGE):
                return value
    return None


def _weight(text: str) -> tuple[float | None, bool]:
    for pattern, factor in ((_KILOGRAMS, 1.0), (_JIN, 0.5)):
        for match in pattern.finditer(text):
            value = float(match[1]) * factor
            if _plausible(value, WEIGHT_RANGE):
                return value, False
    for match in _AFTER_WEIGHT.finditer(text):
        value = float(match[1])
        jin = value >= BARE_WEIGHT_JIN_FROM
        value = value / 2 if jin else value
        if _plausible(value, WEIGHT_RANGE):
            return value, jin
    return None, False


def read_body(text: str) -> Body:
    """The height and weight a message gives, each None when it gives none. A length
    named as another measure such as 腰围 or 衣长 is never taken for the height."""
    plain = _OTHER_MEASURE.sub("；", normalise(text))
    both = _BOTH.search(plain)
    if both:
        height, weight = float(both[1]), float(both[3])
        unit = (both[4] or "").lower()
        jin = unit == "斤" or (not unit and weight >= BARE_WEIGHT_JIN_FROM)
        height = height * 100 if height < 3 else height
        return _plausible_body(height, weight / 2 if jin else weight, jin and not unit)
    height = _height(plain)
    weight, assumed = _weight(plain)
    if height is None and weight is not None:
        # 162/52kg, 162 104斤: a bare number right before the weight is the height.
        for match in _PAIR.finditer(plain):
            value = float(match[1])
            if match[3] and _plausible(value, (100.0, HEIGHT_RANGE[1])):
                height = value
                break
    return _plausible_body(height, weight, assumed)


def _plausible_body(height: float | None, weight: float | None, assumed: bool) -> Body:
    if height is not None and not _plausible(height, HEIGHT_RANGE):
        height = None
    if weight is None or not _plausible(weight, WEIGHT_RANGE):
        weight, assumed = None, False
    return Body(height, weight, assumed)


def read_recent(texts: list[str]) -> Body:
    """Height and weight from the buyer's recent messages, newest first: each taken from
    the newest message that gives it: ``身高162`` in one message, ``体重52公斤`` in the next."""
    height = weight = None
    assumed = False
    for text in texts:
        body = read_body(text)
        if height is None and body.height_cm is not None:
            height = body.height_cm
        if weight is None and body.weight_kg is not None:
            weight, assumed = body.weight_kg, body.weight_assumed_jin
        if height is not None and weight is not None:
            break
    return Body(height, weight, assumed)


# --- the chart -------------------------------------------------------------------------

def chart(store: Store, product_id: int) -> list[SizeRow]:
    """The product's chart, small sizes first."""
    rows = [SizeRow(*row) for row in product_rows.chart(store, product_id)]
    return ordered(rows)


def ordered(rows: list[SizeRow]) -> list[SizeRow]:
    """Small to large: by the height range, then the weight range (the file's order for
    sizes without either)."""
    def key(pair):
        position, row = pair
        return (row.height_min if row.height_min is not None else -1,
                row.weight_min if row.weight_min is not None else -1, position)
    return [row for _position, row in sorted(enumerate(rows), key=key)]


def check_row(row: SizeRow) -> str | None:
    """Why a chart row cannot be used, or None."""
    for low, high, what, bounds in ((row.height_min, row.height_max, "身高", HEIGHT_RANGE),
                                    (row.weight_min, row.weight_max, "体重", WEIGHT_RANGE)):
        if (low is None) != (high is None):
            return f"{what}下限和上限要么都写，要么都不写"
        if low is not None:
            if low > high:
                return f"{what}下限 {_number(low)} 大于上限 {_number(high)}"
            if not (_plausible(low, bounds) and _plausible(high, bounds)):
                unit = "厘米" if what == "身高" else "公斤"
                return f"{what}范围 {_number(low)}-{_number(high)} 不像{unit}数"
    if row.height_min is None and row.weight_min is None:
        return "身高和体重的范围至少要写一个"
    return None


def parse_lines(text: str) -> list[SizeRow]:
    """A chart as the 商品 window edits it: one size a line, ``尺码 身高 体重`` with each
    range written low-high (M 160-165 48-55) or - for none."""
    rows: list[SizeRow] = []
    for number, line in enumerate(text.splitlines(), start=1):
        parts = normalise(line).split()
        if not parts:
            continue
        if len(parts) != 3:
            raise Refused(f"尺码表第 {number} 行应为“尺码 身高范围 体重范围”，"
                          "例如 M 160-165 48-55。",
                          f"Size chart line {number} should read SIZE HEIGHT WEIGHT, "
                          "e.g. M 160-165 48-55.")
        try:
            height, weight = (_span(part) for part in parts[1:])
        except ValueError:
            raise Refused(f"尺码表第 {number} 行的范围看不懂：{line.strip()}",
                          f"Size chart line {number}: cannot read the ranges.") from None
        row = SizeRow(line.split()[0], *height, *weight)
        problem = check_row(row)
        if problem:
            raise Refused(f"尺码表第 {number} 行：{problem}。", f"Size chart line {number}: "
                          "the ranges are not usable.")
        rows.append(row)
    sizes = [row.size for row in rows]
    duplicates = sorted({size for size in sizes if sizes.count(size) > 1})
    if duplicates:
        raise Refused("尺码表里尺码重复：" + "、".join(duplicates) + "。",
                      "Sizes listed twice: " + ", ".join(duplicates) + ".")
    return rows


def _span(text: str) -> tuple[float | None, float | None]:
    if text in ("-", "—"):
        return None, None
    low, high = text.split("-", 1)
    return float(low), float(high)


def save_chart(store: Store, agent, product_id: int, rows: list[SizeRow], now: float):
    """Replace a product's chart (an empty list removes it)."""
    from workbench.accounts import permissions
    from workbench.changes import Changes
    from workbench.store import events

    permissions.require(agent, permissions.EDIT_PRODUCTS)
    with store.transaction():
        product = product_rows.product(store, product_id)
        if product is None:
            raise Refused("这件商品已不存在。", "This product no longer exists.")
        product_rows.replace_charts(store, [product_id], [
            (product_id, r.size, r.height_min, r.height_max, r.weight_min, r.weight_max, n)
            for n, r in enumerate(rows)])
        events.record(store, now, agent.id, "product.chart", f"product:{product['code']}",
                      {"sizes": [r.line() for r in rows]})
    return Changes(products=True)


# --- advice ------------------------------------------------------------------------------

def advise(rows: list[SizeRow], body: Body) -> Advice:
    """The size for ``body`` from the chart ``rows`` (see the module's doc)."""
    height, weight = body.height_cm, body.weight_kg

    def answer(size=None, also=None, zh="", en=""):
        return Advice(height, weight, size, also, zh, en)

    if not body:
        return answer(zh="消息里没有读到身高或体重。", en="The message gives no height or weight.")
    if not rows:
        return answer(zh="这件商品还没有尺码表，不能推荐尺码。",
                      en="This product has no size chart, so no size can be proposed.")
    rows = ordered(rows)
    by_height = [n for n, r in enumerate(rows) if height is not None and r.holds_height(height)]
    by_weight = [n for n, r in enumerate(rows) if weight is not None and r.holds_weight(weight)]
    charted_height = any(r.height_min is not None for r in rows)
    charted_weight = any(r.weight_min is not None for r in rows)
    use_height = height is not None and charted_height
    use_weight = weight is not None and charted_weight
    if not use_height and not use_weight:
        what = "身高" if height is not None else "体重"
        return answer(zh=f"尺码表没有按{what}分的尺码，不能推荐。",
                      en="The chart has no ranges for what the buyer gave.")
    uncovered = [_outside(rows, measure, value)
                 for measure, value, used, found in (("height", height, use_height, by_height),
                                                     ("weight", weight, use_weight, by_weight))
                 if used and not found]
    if uncovered:
        return answer(zh="；".join(zh for zh, _ in uncovered) + "，尺码表覆盖不到，请不要猜，"
                      "可以请买家提供更多尺寸或咨询主管。",
                      en="; ".join(en for _, en in uncovered).capitalize()
                      + ": the chart does not cover the buyer.")
    notes_zh: list[str] = []
    notes_en: list[str] = []
    also = None
    if use_height and use_weight:
        both = [n for n in by_height if n in by_weight]
        if both:
            chosen = both[-1]
        else:
            chosen = max(by_height[-1], by_weight[-1])
            smaller = min(by_height[-1], by_weight[-1])
            also = rows[smaller].size
            notes_zh.append(f"按身高是{rows[by_height[-1]].size}码，按体重是"
                            f"{rows[by_weight[-1]].size}码，建议选大的{rows[chosen].size}码")
            notes_en.append(f"height says {rows[by_height[-1]].size}, weight says "
                            f"{rows[by_weight[-1]].size}: the larger is proposed")
        candidates = both or []
    else:
        candidates = by_height if use_height else by_weight
        chosen = candidates[-1]
    if also is None and len(candidates) > 1:
        also = rows[candidates[-2]].size
        notes_zh.append(f"正好在{also}码和{rows[chosen].size}码的分界上，建议选大一码")
        notes_en.append(f"exactly on the boundary of {also} and {rows[chosen].size}: "
                        "the larger is proposed")
    if also is None and use_height:
        also, zh, en = _near_boundary(rows, chosen, height)
        if also:
            notes_zh.append(zh)
            notes_en.append(en)
    size = rows[chosen].size
    given_zh = body.describe() + ("（体重没写单位，按斤算）" if body.weight_assumed_jin else "")
    if height is not None and not charted_height:
        notes_zh.append("尺码表没有身高范围，只按体重推荐")
        notes_en.append("the chart has no height ranges: by weight only")
    if weight is not None and not charted_weight:
        notes_zh.append("尺码表没有体重范围，只按身高推荐")
        notes_en.append("the chart has no weight ranges: by height only")
    if height is None and charted_height:
        notes_zh.append("买家没说身高，只按体重推荐")
        notes_en.append("no height given: by weight only")
    if weight is None and charted_weight:
        notes_zh.append("买家没说体重，只按身高推荐")
        notes_en.append("no weight given: by height only")
    zh = f"{given_zh}，建议{size}码" + ("；" + "；".join(notes_zh) if notes_zh else "") + "。"
    en = f"Size {size} proposed" + ("; " + "; ".join(notes_en) if notes_en else "") + "."
    return answer(size, also, zh, en)


MEASURES = {"height": ("身高", "厘米", "cm"), "weight": ("体重", "公斤", "kg")}


def _outside(rows: list[SizeRow], measure: str, value: float) -> tuple[str, str]:
    """Why the chart does not cover a height or weight: its range, in both languages."""
    name, unit_zh, unit_en = MEASURES[measure]
    low = _number(min(v for r in rows if (v := getattr(r, f"{measure}_min")) is not None))
    high = _number(max(v for r in rows if (v := getattr(r, f"{measure}_max")) is not None))
    return (f"{name}{_number(value)}{unit_zh}不在尺码表的{low}-{high}{unit_zh}之内",
            f"{measure} {_number(value)} {unit_en} is outside the chart's {low}-{high} "
            f"{unit_en}")


def _near_boundary(rows: list[SizeRow], chosen: int, height: float
                   ) -> tuple[str | None, str, str]:
    """The neighbouring size when the height is within the tolerance of its range."""
    gaps = []
    if chosen + 1 < len(rows) and rows[chosen + 1].height_min is not None:
        gaps.append((rows[chosen + 1].height_min - height, chosen + 1))
    if chosen > 0 and rows[chosen - 1].height_max is not None:
        gaps.append((height - rows[chosen - 1].height_max, chosen - 1))
    near = [(max(gap, 0.0), n) for gap, n in gaps if gap <= TOLERANCE_CM]
    if not near:
        return None, "", ""
    gap, neighbour = min(near)
    name = rows[neighbour].size
    distance = f"只差{_number(gap)}厘米" if gap else "就在边上"
    return (name, f"身高离{name}码的范围{distance}，页面尺寸是手工测量的，有1-3厘米误差，"
                  f"也可以考虑{name}码",
            f"the height is {_number(gap)} cm from the range of {name}, within the 1-3 cm "
            f"measuring tolerance: {name} may fit too")


def advice_for(store: Store, product, text: str) -> Advice:
    """Read a buyer's message and propose the size of ``product`` (a Product)."""
    return advise(chart(store, product.id), read_body(text))
