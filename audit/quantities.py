"""Numbers, amounts and dates pulled out of Chinese and English news text, with their positions.

The number and date checks compare *values*, not strings: 1.2億 and "120 million" are one quantity,
12月6日 and "December 6" one date. This module knows nothing of checks; it only reads text.

Chinese input is expected already converted to Simplified with full-width digits and letters folded
to ASCII (the normalize stage does that); both ，。 and ASCII punctuation are accepted.

Both extractors work the same way: patterns are tried from the most specific (dates, times,
designations) to the least (plain numbers), and every character taken by one reading is closed to
the later ones, so the 6 of 12月6日 is a day and never also a number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Iterator


@dataclass(frozen=True)
class Quantity:
    """A number as written in a sentence, reduced to a value a check can compare.

    kind: "number", "percent" (value in percent), "fraction" (a share such as 三分之二, also in percent),
    "ordinal", "money", "measure", "model" (designations such as Su-24, F-16, MH17: the value is the
    number in it) or "time" (clock time in hours, 20:30 → 20.5). `unit` is a canonical unit or currency ("hour", "km",
    "USD", ...) or None for bare counts. `hedge` keeps words such as 近 / "nearly" out of the value.
    """

    value: float
    unit: str | None
    text: str
    start: int
    end: int
    hedge: str | None
    kind: str
    # The rounding step the wording implies: 1.2億 → 1e7, "120 million" → 1e6; 0 means exact.
    precision: float = 0.0
    # Written in words (五, 十二, "five") rather than digits: translators render these freely.
    spelled: bool = False


@dataclass(frozen=True)
class DateRef:
    """A calendar reference; the parts the text does not state (or inherit) are None."""

    year: int | None
    month: int | None
    day: int | None
    text: str
    start: int
    end: int


# ---------------------------------------------------------------- shared scanning machinery


_LATIN_WORD = re.compile(r"[A-Za-z]+")


class _Scan:
    """A text plus the characters already claimed by an earlier, more specific reading."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.used = bytearray(len(text))
        # The text with claimed characters blanked, so a later pattern neither sees nor straddles them.
        self.masked = text
        self.quantities: list[Quantity] = []
        self.dates: list[DateRef] = []
        self.holds: dict[str, bool] = {}  # whether the text holds one of these characters (see `_chars`)

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    def take(self, start: int, end: int) -> None:
        self.used[start:end] = b"\x01" * (end - start)
        self.masked = self.masked[:start] + "\x00" * (end - start) + self.masked[end:]

    @cached_property
    def words(self) -> frozenset[str]:
        """The Latin words of the text, as written and in lower case."""
        found = _LATIN_WORD.findall(self.text)
        return frozenset(found) | frozenset(w.lower() for w in found)

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        gate = _GATES.get(pattern)
        if gate is not None and not gate(self):
            return  # the pattern cannot match: spare its scan, most of the extractors' time
        for match in pattern.finditer(self.masked):
            if match.end() > match.start() and self.free(*match.span()):
                yield match

    def add_quantity(self, quantity: Quantity, span: tuple[int, int] | None = None) -> None:
        self.quantities.append(quantity)
        self.take(*(span or (quantity.start, quantity.end)))

    def add_date(self, date: DateRef) -> None:
        self.dates.append(date)
        self.take(date.start, date.end)

    def result(self, default: DateRef | None) -> tuple[list[Quantity], list[DateRef]]:
        quantities = sorted(self.quantities, key=lambda q: q.start)
        return quantities, _inherit(sorted(self.dates, key=lambda d: d.start), default)


def _inherit(dates: list[DateRef], default: DateRef | None) -> list[DateRef]:
    """A day on its own (3日, the second end of 12月2日至3日) takes the month and year last stated."""
    context = default
    out: list[DateRef] = []
    for date in dates:
        if date.day is not None and date.month is None and context is not None and context.month is not None:
            date = replace(date, month=context.month, year=date.year or context.year)
        if date.month is not None:
            context = date
        out.append(date)
    return out


def _decade(scan: _Scan, match: re.Match[str]) -> None:
    """1990年代, 20世纪90年代 ↔ "the 1990s": compared as the year 1990; 90年代 alone is left uncompared."""
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if groups.get("c") and groups.get("cd"):
        century, decade = _zh_int(groups["c"]), _zh_int(groups["cd"])
        year = (century - 1) * 100 + decade if century and decade is not None else None
    if year is not None:
        scan.add_date(DateRef(year, None, None, match.group(0), *match.span()))
    else:
        scan.take(*match.span())


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _valid_date(month: int | None, day: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


# ---------------------------------------------------------------- Chinese numerals

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000, "兆": 1e12}  # 兆 as Taiwan's news uses it: a trillion
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿兆"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def parse_chinese_number(text: str) -> tuple[float, float] | None:
    """Value and rounding step of 五, 十二, 两百, 三千五百, 一万, 3万5千, 1.2亿; None if not a number.

    Two bare digits in a row (三四, 十五六) are an approximate range, not a number: None.
    """
    tokens = re.findall(r"\d+(?:\.\d+)?|.", text.replace(",", ""))
    total = section = 0.0
    number: float | None = None
    previous = ""  # "digit", "zero", "small", "big"
    last_unit, decimals, precision = 1.0, 0, 0.0
    for token in tokens:
        if token[0].isdigit() or token in _CN_DIGITS:
            if previous == "digit":
                return None
            number = float(token) if token[0].isdigit() else float(_CN_DIGITS[token])
            decimals = _decimals(token) if token[0].isdigit() else 0
            previous = "zero" if number == 0 and not token[0].isdigit() else "digit"
        elif token in _CN_SMALL:
            if previous == "small":
                return None
            section += (1.0 if number is None else number) * _CN_SMALL[token]
            last_unit, number, previous = _CN_SMALL[token], None, "small"
            precision = last_unit * 10**-decimals
        elif token in _CN_BIG:
            section += number or 0.0
            if section == 0 and total == 0:
                return None
            unit = _CN_BIG[token]
            # 3万亿: the 万 already counted scales up with 亿; 1兆2000亿: the 兆 already counted stays.
            total = (total + section) * unit if total < unit and token != "万" else total + section * unit
            precision = _CN_BIG[token] * 10**-decimals if previous != "small" else precision * _CN_BIG[token]
            last_unit, number, section, previous = _CN_BIG[token], None, 0.0, "big"
        else:
            return None
    if number is not None and previous == "digit" and last_unit > 1:
        if number < 10 and not re.search(r"[零〇]|\d{2}", text[-2:]):
            number *= last_unit / 10  # 三千五 = 3500, 两万五 = 25000 (spoken shorthand)
            precision = last_unit / 10
        else:
            precision = 0.0  # 8万7,000: the trailing figure is exact
    value = total + section + (number or 0.0)
    has_big = any(c in text for c in _CN_BIG)
    return value, (precision if has_big else 0.0)


# ---------------------------------------------------------------- Chinese vocabulary

_ZH_CURRENCY = {
    "美元": "USD", "美金": "USD", "新台币": "TWD", "台币": "TWD", "人民币": "CNY", "港币": "HKD", "港元": "HKD",
    "欧元": "EUR", "日圆": "JPY", "日元": "JPY", "日币": "JPY", "英镑": "GBP", "卢布": "RUB", "澳元": "AUD",
    "澳币": "AUD", "加元": "CAD", "加币": "CAD", "韩元": "KRW", "韩圆": "KRW", "瑞郎": "CHF", "卢比": "INR",
    "元": "CUR", "块": "CUR", "镑": "GBP",
}
_ZH_UNITS = {
    "小时": "hour", "钟头": "hour", "分钟": "minute", "秒钟": "second", "秒": "second", "个星期": "week",
    "星期": "week", "礼拜": "week", "周": "week", "个月": "month", "天": "day", "年": "year", "岁": "year",
    "公里": "km", "千米": "km", "平方公里": "km2", "平方英里": "mi2", "平方米": "m2", "平方公尺": "m2",
    "公尺": "m", "厘米": "cm", "公分": "cm", "毫米": "mm", "米": "m", "英里": "mile", "哩": "mile",
    "英尺": "foot", "呎": "foot", "英寸": "inch", "吋": "inch", "公斤": "kg", "千克": "kg", "公克": "g",
    "克": "g", "公吨": "tonne", "吨": "tonne", "磅": "lb", "公升": "l", "升": "l", "加仑": "gallon",
    "摄氏度": "degree", "倍": "times", "度": "degree", "英亩": "acre", "公顷": "hectare", "海里": "nmi", "节": "knot",
}
# Classifiers that make a Chinese numeral a count (三名, 二十多人). 点 is left out on purpose (一点 is
# "a little"); 分 counts as points (领先四分 ↔ "four points ahead") unless a word goes on (分析, 分之, 十分).
_ZH_MEASURES = (
    "个 名 位 人 次 回 家 座 架次 架 艘 辆 件 项 条 起 场 届 枚 颗 只 头 匹 张 本 部 台 份 所 间 栋 层 户 组 支 队 "
    "种 类 轮 局 盘 票 席 例 宗 处 篇 首 幅 批 具 封 笔 道 片 瓶 杯 包 箱 袋 桶 国 州 省 市 县 季 集 代 任 期 "
    "大类 大 强 门 声 步 圈 球 分钟"
).split()
_ZH_HEDGES_BEFORE = (
    "将近 大约 大概 接近 至少 最少 最多 不到 不足 高达 多达 约莫 超过 逾 超 近 约 达 仅 上"
).split()
_ZH_VAGUE_BEFORE = re.compile(r"[数几上成好]$")

_ZH_POINTS = "分(?![析别开配子布裂享手散歧店行局会部队校院区站类成数化批期钟秒]|之(?!差))"  # 八分之差: eight points
_ZH_UNIT_ALT = "|".join(sorted(list(_ZH_CURRENCY) + list(_ZH_UNITS) + _ZH_MEASURES, key=len, reverse=True)) + "|" + _ZH_POINTS
_CN = f"[{_CN_CHARS}]"
_ZH_DAY_NUM = r"三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_ZH_MONTH_NUM = r"十[一二]?|[一二三四五六七八九]"
_ZH_SEP = r"\s*(?:[至到~\-—–、]|和|及|与|或)\s*"


# ---------------------------------------------------------------- Chinese dates and times

_ZH_ISO = re.compile(r"(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d.])")
_ZH_DECADE = re.compile(
    rf"(?<![\d.])(?:(?P<c>\d{{2}}|{_CN}+)\s*世纪\s*(?P<cd>\d0|[二三四五六七八九]十)\s*年代|(?P<y>\d{{4}})\s*年代|(?:\d{{2}}|{_CN}+)\s*年代)"
)
_ZH_DATE = re.compile(
    rf"""(?:
        民国\s*(?P<roc>\d{{1,3}}|{_CN}+)\s*年
      | (?<![\d.,])(?P<roc2>1(?:0[1-9]|[12]\d|30))\s*(?:年度|年(?!历史|前|来|之久|以上|以来|多|间|内))
      | (?<!\d)(?<!\d[.,])(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*(?:年(?!代|龄|纪|级)|(?={_ZH_SEP}\d{{4}}\s*年))
    )?\s*
    (?:(?<!\d)(?<!\d[.,])(?P<m>\d{{1,2}}|{_ZH_MONTH_NUM})\s*(?:月(?!份?[之内底前后来中间]*个)|(?={_ZH_SEP}\d{{1,2}}\s*月))(?:份)?)?\s*
    (?:(?<!\d)(?<!\d[.,])(?P<d>\d{{1,2}}|{_ZH_DAY_NUM})\s*(?:[日号]|(?={_ZH_SEP}\d{{1,2}}\s*[日号])))?""",
    re.VERBOSE,
)
_ZH_DAY_ONLY = re.compile(
    r"(?<=[今明昨前后本])\s*[（(]\s*(?P<d3>\d{1,2})\s*[）)]\s*日"  # 今(6)日, Taiwan's "today (the 6th)"
    r"|(?<![\d.,第周每])(?P<d>\d{1,2})\s*日(?![本圆元币语文军方籍商媒相经韩美俄中台产股报期])"
    r"|(?<![\d.,第周每])(?P<d2>\d{1,2})(?=\s*(?:[至到~\-—–、]|和|及|与)\s*\d{1,2}\s*日)"
)
# A 日 after these means a number of days, not a day of the month (为期3日, 7日内).
_ZH_DURATION_BEFORE = re.compile(r"(?:为期|连续|长达|近|约|逾|超过|过去|最近|短短|共|前|头|后|达|多|每)\s*$")
_ZH_DURATION_AFTER = re.compile(r"^\s*(?:内|以内|之内|后|之后|前|之前|来|以来|间|期间|左右)")
_ZH_CLOCK_PREFIX = r"上午|下午|晚上|晚间|凌晨|早上|早晨|清晨|中午|傍晚|深夜|午夜|夜间|夜里|当地时间|时间"
_ZH_TIME = re.compile(
    rf"(?<!\d)(?<!\d[.,])(?P<h>\d{{1,2}})\s*[:：]\s*(?P<mi>\d{{2}})(?![\d:])"
    rf"|(?<!\d)(?<!\d[.,])(?P<h2>\d{{1,2}})\s*[点时](?!间|期|候|代|段|刻|差|尚|装|事|局|任)(?:\s*(?P<mi2>\d{{1,2}}|{_CN}+)\s*分|\s*(?P<half>半))?"
    rf"|(?<!\d)(?P<h4>\d{{1,2}})\s*分\s*(?P<mi4>\d{{1,2}})\s*秒"  # 3分35秒 ↔ "3:35" on a match clock
    rf"|(?:{_ZH_CLOCK_PREFIX})\s*(?P<h3>{_ZH_DAY_NUM})\s*[点时](?:\s*(?P<mi3>{_CN}+)\s*分|\s*(?P<half3>半))?"
)


def _zh_int(text: str | None) -> int | None:
    """An Arabic or Chinese numeral as int; 二〇二五 read digit by digit."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    parsed = parse_chinese_number(text)
    return int(parsed[0]) if parsed else None


def _zh_dates(scan: _Scan) -> None:
    for match in scan.matches(_ZH_ISO):
        year, month, day = (int(g) for g in match.groups())
        if _valid_date(month, day):
            scan.add_date(DateRef(year, month, day, match.group(0), *match.span()))
    for match in scan.matches(_ZH_DECADE):
        _decade(scan, match)
    for match in scan.matches(_ZH_DATE):
        _zh_date(scan, match)
    for match in scan.matches(_ZH_DAY_ONLY):
        _zh_day_only(scan, match)


def _zh_date(scan: _Scan, match: re.Match[str]) -> None:
    if not match.group(0).strip() or not (match.group("y") or match.group("m") or match.group("roc") or match.group("roc2")):
        return  # a bare day is read by _zh_day_only, which knows more about 日
    year = _zh_int(match.group("y"))
    roc = _zh_int(match.group("roc") or match.group("roc2"))
    if roc is not None:
        year = roc + 1911
    if match.group("y") and not (1000 <= (year or 0) <= 2199):
        return
    month, day = _zh_int(match.group("m")), _zh_int(match.group("d"))
    if not _valid_date(month, day):
        return
    start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
    end = match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))
    scan.add_date(DateRef(year, month, day, scan.text[start:end], start, end))


def _zh_day_only(scan: _Scan, match: re.Match[str]) -> None:
    text = scan.text
    if not match.group("d3") and _ZH_DURATION_BEFORE.search(text[max(0, match.start() - 3) : match.start()]):
        return
    if match.group("d") and _ZH_DURATION_AFTER.match(text[match.end() : match.end() + 3]):
        return
    day = int(match.group("d") or match.group("d2") or match.group("d3"))
    if _valid_date(None, day):
        scan.add_date(DateRef(None, None, day, match.group(0), *match.span()))


def _zh_times(scan: _Scan) -> None:
    for match in scan.matches(_ZH_TIME):
        hour = _zh_int(match.group("h") or match.group("h2") or match.group("h3") or match.group("h4"))
        minute = _zh_int(match.group("mi") or match.group("mi2") or match.group("mi3") or match.group("mi4")) or 0
        if match.group("half") or match.group("half3"):
            minute = 30
        if hour is None or hour > 24 or minute >= 60 or (match.group("h4") and hour >= 60):
            continue
        spelled = bool(match.group("h3"))
        if hour < 12 and re.search(r"(?:下午|晚上|晚间|傍晚|夜间|夜里)\s*$", scan.text[max(0, match.start() - 4) : match.start()]):
            hour += 12  # 下午 2 点 = 14:00, so that it reads the same as "2 p.m."
        scan.add_quantity(Quantity(hour + minute / 60, None, match.group(0), *match.span(), None, "time", spelled=spelled))


# ---------------------------------------------------------------- Chinese numbers

_ZH_MODEL = re.compile(
    r"(?<![A-Za-z\d])(?P<p>[A-Za-z]{1,6}\s?-?\s?)(?P<n>\d+)(?P<s>[A-Za-z]{0,2})(?![\d.,]\d)"
    r"|(?P<cp>(?:苏|歼|米格|图|伊尔|安|运|轰|直|东风|鹰击|红旗|卡|雅克|波音|空客|猎鹰|联盟|神舟|嫦娥|长征)\s?-?\s?)(?P<cn>\d+)(?![\d.,]\d)"
)
_ZH_FRACTION = re.compile(rf"(?![百千万]分之)(?P<den>{_CN}+|\d+)\s*分之\s*(?P<num>{_CN}+|\d+(?:\.\d+)?)")
_ZH_NUMBER = re.compile(
    rf"(?P<core>(?:{_ARABIC}|{_CN})(?:\s?{_CN}|(?<=[十百千万亿兆])(?:{_ARABIC})|[多余](?=\s?[十百千万亿兆]))*)"
)
_ZH_SIGNS = {"US$": "USD", "NT$": "TWD", "HK$": "HKD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "CUR"}
_ZH_PREFIX = re.compile(
    r"(?:(?P<pct>百分之)|(?P<ord>第)|(?P<sign>US\$|NT\$|HK\$|[$€£¥])"
    r"|(?P<word>新台币|台币|人民币|美金|美元|港币|港元|欧元|日圆|日元|日币|英镑))\s*$"
)


def _zh_prefix(text: str, start: int) -> tuple[str, str | None, int, str | None]:
    """(kind from 百分之 / 第 / a currency, currency, where the quantity starts, hedge) from what precedes it."""
    before = text[max(0, start - 8) : start]
    kind, currency = "", None
    prefix = _ZH_PREFIX.search(before)
    if prefix:
        kind = "percent" if prefix.group("pct") else "ordinal" if prefix.group("ord") else "money"
        currency = _ZH_SIGNS.get(prefix.group("sign") or "") or _ZH_CURRENCY.get(prefix.group("word") or "")
        before = before[: prefix.start()]
        start -= len(prefix.group(0))
    hedge = next((h for h in _ZH_HEDGES_BEFORE if before.rstrip().endswith(h)), None)
    return kind, currency, start, hedge


_ZH_SUFFIX = re.compile(
    rf"^\s*(?P<hedge>多|余|来|几)?\s*(?:(?P<pct>%|％|﹪|个?百分点)|(?P<cheng>成)(?![为了不功员立长果本绩就交熟型])"
    rf"|(?P<unit>{_ZH_UNIT_ALT}))?(?P<after>以上|左右|上下)?"
)
# Units of time: 一年, 一天 are "a year", "a day" as often as "one"; physical units are not.
# 增加一倍 means "doubled", not "one time".
_ZH_TIME_UNITS = {"hour", "minute", "second", "week", "month", "day", "year", "times"}


def _zh_numbers(scan: _Scan) -> None:
    for match in scan.matches(_ZH_FRACTION):
        _zh_fraction(scan, match)
    for match in scan.matches(_ZH_MODEL):
        _zh_model(scan, match)
    for match in scan.matches(_ZH_NUMBER):
        quantity = _zh_quantity(scan.text, match)
        if quantity is not None and scan.free(quantity.start, quantity.end):
            scan.add_quantity(quantity)


def _zh_fraction(scan: _Scan, match: re.Match[str]) -> None:
    """三分之二, 5分之1: a share, kept as a percentage so that it also meets "20%" or "one in five"."""
    den, num = (parse_chinese_number(match.group(g)) for g in ("den", "num"))
    if den is None or num is None or not den[0] or num[0] > den[0]:
        scan.take(*match.span())
        return
    hedge = next((h for h in _ZH_HEDGES_BEFORE if scan.text[: match.start()].rstrip().endswith(h)), None)
    scan.add_quantity(Quantity(num[0] / den[0] * 100, None, match.group(0), *match.span(), hedge, "fraction", spelled=True))


def _zh_model(scan: _Scan, match: re.Match[str]) -> None:
    prefix = match.group("p") or match.group("cp")
    if re.fullmatch(r"(?i)(?:no|us|nt|hk)\s?", prefix or ""):
        return  # No.3, US$: not designations
    number = match.group("n") or match.group("cn")
    scan.add_quantity(Quantity(float(number), None, match.group(0), *match.span(), None, "model"))


def _zh_quantity(text: str, match: re.Match[str]) -> Quantity | None:
    core = match.group("core").rstrip()
    core_end = match.start() + len(core)
    if _ZH_VAGUE_BEFORE.search(text[max(0, match.start() - 1) : match.start()]) and not core[0].isdigit():
        return None  # 数十年, 几百人, 上千名, 成千上万: "decades", "hundreds", no figure to compare
    spelled = not any(c.isdigit() for c in core)
    hedge_inside = "多" if "多" in core else ("余" if "余" in core else None)
    parsed = parse_chinese_number(core.replace("多", "").replace("余", "").replace(" ", ""))
    if parsed is None:
        return None
    value, precision = parsed
    kind, currency, start, hedge = _zh_prefix(text, match.start())
    suffix = _ZH_SUFFIX.match(text[core_end : core_end + 10])
    unit, kind, word = _zh_suffix_kind(suffix, kind, core)
    if currency and unit in (None, "CUR"):
        unit = currency  # 新台币1.2亿元: the currency named before the figure
    if spelled and not _zh_spelled_ok(core, kind, unit, word):
        return None
    if kind == "percent" and suffix and suffix.group("cheng"):
        value *= 10  # 两成 = 20%
    end = core_end + (suffix.end() if suffix and (word or kind == "percent") else 0)
    hedge = hedge or hedge_inside or (suffix.group("hedge") or suffix.group("after") if suffix else None)
    quantity_kind = kind or ("money" if unit in _ZH_CURRENCY.values() else "measure" if unit else "number")
    return Quantity(value, unit, text[start:end].rstrip(), start, end, hedge, quantity_kind, precision, spelled)


def _zh_suffix_kind(suffix: re.Match[str] | None, kind: str, core: str) -> tuple[str | None, str, str | None]:
    """Unit, kind and the unit or classifier word that follows a number (None if none does)."""
    if suffix is None:
        return None, kind, None
    if suffix.group("pct"):
        return None, "percent", suffix.group("pct")
    if suffix.group("cheng") and len(core) == 1 and (core in _CN_DIGITS or core.isdigit()):
        return None, "percent", "成"
    word = suffix.group("unit")
    if word is None:
        return None, kind, None
    unit = _ZH_CURRENCY.get(word) or _ZH_UNITS.get(word)
    return unit, (kind or ("money" if word in _ZH_CURRENCY else "")), word


def _zh_spelled_ok(core: str, kind: str, unit: str | None, word: str | None) -> bool:
    """A Chinese numeral counts only as a quantity: after 第/百分之, or before a unit or classifier.

    A lone 一 is the article "a" (一架 ≈ "a"); 十分, 二手, 万一, 千万 are words, not numbers.
    """
    if core[0] not in "一二两三四五六七八九十":
        return False
    if kind in ("percent", "ordinal"):
        return True
    if word is None:
        return any(c in core for c in "百千万亿")  # 三千, 两万 stand on their own
    if core == "一":
        return unit is not None and unit not in _ZH_TIME_UNITS
    if word == "分":
        return core not in ("十", "一")  # 十分 = "very"; 一分 is "a point" as often as a point scored
    return not (core == "二" and word == "次")  # 二次 = "secondary"


_LATIN_NUMBER_WORD = re.compile(r"(?i)(?<![A-Za-z])(?:one|two|three|four|five|six|seven|eight|nine|ten)")


def extract_zh(text: str, default: DateRef | None = None) -> tuple[list[Quantity], list[DateRef]]:
    """Quantities and dates of a Chinese (Simplified, ASCII-digit) sentence, in text order."""
    quantities, dates = _extract_zh(text, default)
    return list(quantities), list(dates)


@lru_cache(maxsize=4096)  # the number and date rules both read every pair: extract once
def _extract_zh(text: str, default: DateRef | None) -> tuple[tuple[Quantity, ...], tuple[DateRef, ...]]:
    scan = _Scan(text)
    _zh_dates(scan)
    _zh_times(scan)
    _zh_numbers(scan)
    if _LATIN_NUMBER_WORD.search(text):
        _en_spelled_numbers(scan)  # 四角地區 (Four Corners): an English gloss in the Chinese states the number too
    quantities, dates = scan.result(default)
    return tuple(quantities), tuple(dates)


# ---------------------------------------------------------------- English vocabulary

_EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_SHORT_SCALES = {"bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12, "m": 1e6, "mn": 1e6, "k": 1e3}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100, "thousandth": 1000,
}
_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_EN_CURRENCY_PREFIX = {
    "US$": "USD", "NT$": "TWD", "HK$": "HKD", "A$": "AUD", "C$": "CAD", "S$": "SGD", "R$": "BRL", "$": "USD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "RMB": "CNY", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "Rs": "INR",
}
_EN_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "won": "KRW", "rupees": "INR",
    "roubles": "RUB", "rubles": "RUB", "francs": "CHF", "pesos": "MXN", "rand": "ZAR", "ringgit": "MYR",
}
_EN_UNITS = {
    "hours": "hour", "hour": "hour", "hrs": "hour", "hr": "hour", "minutes": "minute", "minute": "minute",
    "mins": "minute", "seconds": "second", "second": "second", "days": "day", "day": "day", "weeks": "week",
    "week": "week", "months": "month", "month": "month", "years": "year", "year": "year", "yrs": "year",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "square miles": "mi2",
    "square metres": "m2", "square meters": "m2", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "m": "m", "cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm",
    "miles": "mile", "mile": "mile", "feet": "foot", "foot": "foot", "ft": "foot", "inches": "inch",
    "inch": "inch", "kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg", "kilogram": "kg",
    "grams": "g", "g": "g", "tonnes": "tonne", "tonne": "tonne", "tons": "tonne", "ton": "tonne",
    "lbs": "lb", "lb": "lb", "litres": "l", "liters": "l", "gallons": "gallon", "degrees": "degree",
    "degree": "degree", "°C": "degree", "°F": "degree", "°": "degree", "C": "degree", "F": "degree",
    "acres": "acre", "hectares": "hectare", "nautical miles": "nmi", "knots": "knot", "mph": "mph", "km/h": "kmh",
}
_EN_HEDGE = re.compile(
    r"(?i)\b(more than|over|nearly|about|almost|around|some|roughly|approximately|at least|up to|less than|"
    r"fewer than|under|close to|just over|just under|an estimated|upwards of|as many as|as much as|only|"
    r"estimated|approx\.)\s+(?:the\s+)?$"
)
_EN_WORD = "|".join(sorted(list(_EN_ONES) + list(_EN_TENS) + list(_EN_SCALES) + ["dozen"], key=len, reverse=True))
_EN_SPELLED = re.compile(
    rf"(?i)\b(?:an?\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"(?:{_EN_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_EN_WORD}))*\b"
)
_EN_ORDINAL_WORD = re.compile(
    rf"(?i)\b(?:(?:{'|'.join(_EN_TENS)})-)?(?:{'|'.join(sorted(_EN_ORDINALS, key=len, reverse=True))})\b"
)
_EN_MONTH = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])"
)
_EN_DAY_SUFFIX = r"(?:st|nd|rd|th)?"
_EN_DATE_SEP = r"\s*(?:-|–|—|to|and|through|until|till|&|into)\s*"
_EN_DATE = re.compile(
    rf"""(?:(?P<d0>\d{{1,2}}){_EN_DAY_SUFFIX}{_EN_DATE_SEP}(?=\d{{1,2}}{_EN_DAY_SUFFIX}\s+(?:of\s+)?[A-Z]))?
    (?:(?:the\s+)?(?P<d1>\d{{1,2}}){_EN_DAY_SUFFIX}\s+(?:of\s+)?)?
    {_EN_MONTH}
    (?:\s+(?:the\s+)?(?P<d2>\d{{1,2}}){_EN_DAY_SUFFIX}(?![\d,.]\d|\s*(?:%|per|million|billion|people|:)|[ap]\.?m\b)
        (?:{_EN_DATE_SEP}(?P<d3>\d{{1,2}}){_EN_DAY_SUFFIX}(?![\d:])(?!\s+(?:of\s+)?[A-Z][a-z]{{2}}))?)?
    (?:,?\s+(?:of\s+)?(?P<y>\d{{4}})(?!\d|,\d))?""",
    re.VERBOSE,
)
_EN_DAY_ONLY = re.compile(r"(?i)\b(?:on|by|until|since|from)\s+the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:century|time|minute|round|place|floor|anniversary|day|year|week|of))")
_EN_ISO = re.compile(r"(?<![\d/])(\d{4})-(\d{2})-(\d{2})(?![\d/])")
_EN_DECADE = re.compile(r"(?<![\d,.])(?:(?P<y>\d{3}0)|'\d0)s\b")
_EN_TIME = re.compile(
    r"(?i)(?<![\d.,:$£€])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o'clock)"
    r"|(?<![\d.,:$£€])(?P<h2>\d{1,2}):(?P<mi2>\d{2})(?![\d:])"
    r"|(?<![\d.,:$£€])(?P<h3>[0-2]\d)(?P<mi3>[0-5]\d)\s*(?:GMT|BST|UTC|EST|EDT|CET|hrs|hours\s+(?:GMT|local))\b"
    r"|\b(?P<w>noon|midday|midnight)\b"
)
_EN_MODEL = re.compile(r"(?<![\w$£€.])(?P<p>[A-Z][A-Za-z]{0,5})(?:-| )?(?P<n>\d+)(?P<s>[A-Za-z]{0,2})\b(?![,.]\d)")
_EN_NOT_MODEL = re.compile(
    r"(?i)^(?:mid|pre|post|early|late|top|under|over|and|the|in|on|at|of|to|by|for|since|from|about|around|"
    r"nearly|some|than|no|number|nos?|article|section|chapter|page|route|room|game|week|day|year|round|stage|"
    r"level|class|grade|group|level|phase|ward|term|episode|season|part|act|step|gate|platform|line|flight|"
    r"version|world|top|us|usd|eur|gbp|rs|rmb|nt|hk|a|c|s|r|covid|sars|mers|h|u|i|or|up|with|aged|age|was|were|"
    r"is|are|be|been|had|has|have|said|says|just|only|almost|over|more|less|fewer|least|all|his|her|its|their|"
    r"our|my|your|this|that|these|those|last|next|first|every|each|per|as|than|then|when|while|after|before|"
    r"between|into|among|during|until|within|without|around|across|through|against|toward|towards|via|plus|"
    r"minus|times|out|off|down|up|it|he|she|they|we|you|who|which|what|where|why|how|but|so|if|because|"
    r"though|although|also|still|yet|even|ever|never|not|now|today|tonight|yesterday|tomorrow|ago|later|"
    r"earlier|once|twice|thrice|half|quarter|third|some|any|many|much|most|few|several|other|another|such|"
    r"own|same|both|either|neither|lost|won|beat|scored|led|trailed|leads|killed|injured|dead|reached|hit|"
    r"rose|fell|gained|dropped|jumped|climbed|hits|reach|reaches|aged|down|win|lose|draw|tie|vs)$"
)
_EN_NUMBER = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d])")
_EN_SCALE_AFTER = re.compile(r"^(?:\s*-?\s*(?P<scale>hundred|thousand|million|billion|trillion)\b|(?P<short>bn|b|tn|trn|mn|m|k)\b)", re.I)
_EN_PERCENT_AFTER = re.compile(r"^\s*(?:%|-?per\s?cent\b|-?percent\b|pc\b|(?:-| )?percentage\s+points?\b|points?\s+percent)", re.I)
_EN_ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th)\b")
_EN_UNIT_ALT = "|".join(re.escape(u) for u in sorted(list(_EN_UNITS) + list(_EN_CURRENCY_WORDS), key=len, reverse=True))
_EN_UNIT_AFTER = re.compile(rf"^(?:\s*|-)(?P<unit>{_EN_UNIT_ALT})(?![A-Za-z])(?P<old>-old)?")
_EN_CURRENCY_BEFORE = re.compile(r"(?P<cur>US\$|NT\$|HK\$|A\$|C\$|S\$|R\$|\$|£|€|¥|RMB|USD|EUR|GBP|Rs\.?)\s*$")
_EN_YEAR_BLOCKERS = re.compile(r"(?i)^\s*(?:people|troops|soldiers|men|women|children|workers|members|residents|homes|jobs|cases|votes|units|times|feet|metres|meters)\b")


# ---------------------------------------------------------------- English dates and times


def _en_dates(scan: _Scan) -> None:
    for match in scan.matches(_EN_ISO):
        year, month, day = (int(g) for g in match.groups())
        if _valid_date(month, day):
            scan.add_date(DateRef(year, month, day, match.group(0), *match.span()))
    for match in scan.matches(_EN_DECADE):
        _decade(scan, match)
    for match in scan.matches(_EN_DATE):
        _en_date(scan, match)
    for match in scan.matches(_EN_DAY_ONLY):
        day = int(match.group("d"))
        scan.add_date(DateRef(None, None, day, match.group(0), *match.span()))


def _en_date(scan: _Scan, match: re.Match[str]) -> None:
    month_word = match.group("mon").rstrip(".")
    month = _EN_MONTHS[month_word.lower()]
    days = [int(d) for d in (match.group("d0"), match.group("d1"), match.group("d2"), match.group("d3")) if d]
    year = int(match.group("y")) if match.group("y") else None
    if not days and year is None and not _bare_month_ok(scan.text, match.start(), month_word):
        return
    scan.take(*match.span())  # an impossible day (September 39) is kept: it is a typo to report
    for day, (start, end) in _en_day_spans(match) or [(None, match.span())]:
        scan.dates.append(DateRef(year, month, day, scan.text[start:end], start, end))


def _en_day_spans(match: re.Match[str]) -> list[tuple[int, tuple[int, int]]]:
    """Each day of "December 4 to 5" with its own span: "December 4" and "5"."""
    spans = []
    for group in ("d0", "d1", "d2", "d3"):
        if match.group(group):
            if group in ("d0", "d3"):
                span = match.span(group)
            elif group == "d1":
                span = (match.start(group), match.end())
            else:
                span = (match.start(), match.end("y") if match.group("y") and not match.group("d3") else match.end(group))
            spans.append((int(match.group(group)), span))
    return spans


def _bare_month_ok(text: str, start: int, word: str) -> bool:
    """A month name with no day or year: abbreviations never, May and March only after a preposition."""
    if word.lower() not in ("january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december"):
        return False
    if word in ("May", "March"):
        return bool(re.search(r"(?i)\b(?:in|of|since|until|by|from|early|late|mid-?|last|next|this|that|during|"
                              r"before|after|through|between|and|to|till|end|beginning|start)\s*-?\s*$", text[:start]))
    return True


def _en_times(scan: _Scan) -> None:
    for match in scan.matches(_EN_TIME):
        if match.group("w"):
            hour, minute = (0 if match.group("w").lower() == "midnight" else 12), 0
        else:
            hour = int(match.group("h") or match.group("h2") or match.group("h3"))
            minute = int(match.group("mi") or match.group("mi2") or match.group("mi3") or 0)
        if hour > 24 or minute >= 60:
            continue
        if match.group("ap") and match.group("ap").lower().startswith("p") and hour < 12:
            hour += 12
        scan.add_quantity(Quantity(hour + minute / 60, None, match.group(0), *match.span(), None, "time"))


# ---------------------------------------------------------------- English numbers


def parse_english_number(text: str) -> float | None:
    """Value of "twenty-five", "one hundred and twenty", "a dozen", "five million"; None if malformed."""
    words = re.split(r"[\s-]+", text.lower().strip())
    total = current = 0.0
    previous = ""
    for word in words:
        if word in ("a", "an", "and"):
            continue
        if word in _EN_ONES:
            if previous in ("one", "ten") or (previous == "tens" and _EN_ONES[word] >= 10):
                return None
            current += _EN_ONES[word]
            previous = "ten" if _EN_ONES[word] >= 10 else "one"
        elif word in _EN_TENS:
            if previous in ("one", "ten", "tens"):
                return None
            current += _EN_TENS[word]
            previous = "tens"
        elif word == "dozen":
            current = (current or 1) * 12
            previous = "scale"
        elif word == "hundred":
            current = (current or 1) * 100
            previous = "hundred"
        else:
            total += (current or 1) * _EN_SCALES[word]
            current, previous = 0.0, "scale"
    return total + current


def _en_prefix(text: str, start: int) -> tuple[str | None, int, str | None]:
    """(currency, start including the currency sign, hedge) for a number starting at `start`."""
    currency = None
    match = _EN_CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
    if match:
        currency = _EN_CURRENCY_PREFIX[match.group("cur").rstrip(".")]
        start -= len(match.group(0))
    hedge = _EN_HEDGE.search(text[max(0, start - 20) : start])
    return currency, start, (hedge.group(1).lower() if hedge else None)


def _en_suffix(text: str, end: int, currency: str | None) -> tuple[float, str, str | None, int]:
    """Scale factor, kind, unit and new end from what follows a number (million, %, km, -year-old)."""
    scale, kind, unit = 1.0, "number", currency
    match = _EN_SCALE_AFTER.match(text[end:])
    if match and (match.group("scale") or match.group("short").lower() in ("bn", "b", "tn", "trn", "mn")
                  or (match.group("short") and currency)):
        word = (match.group("scale") or match.group("short")).lower()
        scale = _EN_SCALES.get(word) or _EN_SHORT_SCALES[word]
        end += match.end()
    percent = _EN_PERCENT_AFTER.match(text[end:])
    if percent:
        return scale, "percent", None, end + percent.end()
    unit_match = _EN_UNIT_AFTER.match(text[end:])
    if unit_match and not currency:
        word = unit_match.group("unit")
        unit = _EN_CURRENCY_WORDS.get(word.lower()) or _EN_UNITS.get(word) or _EN_UNITS.get(word.lower())
        kind = "money" if word.lower() in _EN_CURRENCY_WORDS else "measure"
        end += unit_match.end()
    if currency:
        kind = "money"
    return scale, kind, unit, end


def _en_digit_numbers(scan: _Scan) -> None:
    for match in scan.matches(_EN_NUMBER):
        text, raw = scan.text, match.group("num")
        ordinal = _EN_ORDINAL_SUFFIX.match(text[match.end() :])
        if ordinal:
            value = _number(raw)
            scan.add_quantity(Quantity(value, None, raw + ordinal.group(0), match.start(), match.end() + ordinal.end(), None, "ordinal"))
            continue
        currency, start, hedge = _en_prefix(text, match.start())
        scale, kind, unit, end = _en_suffix(text, match.end(), currency)
        value = _number(raw) * scale
        if _en_is_year(raw, kind, currency, text[end:]):
            scan.add_date(DateRef(int(raw), None, None, raw, *match.span()))
            continue
        precision = scale * 10 ** -_decimals(raw) if scale >= 1000 else 0.0
        scan.add_quantity(Quantity(value, unit, text[start:end], start, end, hedge, kind, precision))


def _en_is_year(raw: str, kind: str, currency: str | None, after: str) -> bool:
    """A bare 1900–2099 in English news is a year (in 2025, the 2018 elections) unless it counts something."""
    if not re.fullmatch(r"(?:19|20)\d\d", raw) or kind != "number" or currency:
        return False
    return not _EN_YEAR_BLOCKERS.match(after)


def _en_spelled_numbers(scan: _Scan) -> None:
    for match in scan.matches(_EN_SPELLED):
        for value, first, last in _en_spelled_runs(match):
            currency, start, hedge = _en_prefix(scan.text, first)
            _, kind, unit, end = _en_suffix(scan.text, last, currency)
            words = scan.text[first:end].lower()
            scale = max((v for w, v in _EN_SCALES.items() if w in words and v >= 1000), default=0.0)
            decade = re.match(r"^\s+decades?\b", scan.text[end:])
            if decade:
                value, unit, kind, end = value * 10, "year", "measure", end + decade.end()
            precision = scale if scale >= 1e6 else 0.0
            scan.add_quantity(Quantity(value, unit, scan.text[start:end], start, end, hedge, kind, precision, True))


def _en_spelled_runs(match: re.Match[str]) -> Iterator[tuple[float, int, int]]:
    """(value, start, end) of each number in a run of number words, longest first: "twenty-five" is one,
    "one and four" two, and "four one-sided" is four (then the "one" of a compound, also read)."""
    words = [(match.start() + w.start(), match.start() + w.end(), w.group().lower())
             for w in re.finditer(r"[A-Za-z]+", match.group(0))]
    i = 0
    while i < len(words):
        if words[i][2] == "and":
            i += 1
            continue
        for j in range(len(words) - 1, i - 1, -1):
            if words[j][2] in ("and", "a", "an") and j > i:
                continue  # a number ends on a number word
            value = parse_english_number(match.string[words[i][0]:words[j][1]])
            if value is not None and (j > i or words[i][2] not in ("a", "an")):
                yield value, words[i][0], words[j][1]
                i = j + 1
                break
        else:
            i += 1


_EN_PARTS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_EN_FEW = {w: v for w, v in _EN_ONES.items() if 1 <= v <= 10}
_EN_PART = "|".join(_EN_PARTS)
_EN_FEW_WORD = "|".join(_EN_FEW)
_EN_FRACTION = re.compile(
    # "a third of" (but "a third term" is an ordinal), "one-fifth", "two thirds", "one in five", "1 out of 10"
    rf"(?i)\b(?:(?P<a>an?)\s+(?P<ad>{_EN_PART})(?=\s+of\b)"
    rf"|(?P<n>{_EN_FEW_WORD}|\d)[\s-]+(?P<d>{_EN_PART})s?\b(?!-final)"
    rf"|(?<![\d,.])(?P<n2>{_EN_FEW_WORD}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d2>{_EN_FEW_WORD}|\d{{1,3}})\b(?![,.]\d))"
)


def _en_fractions(scan: _Scan) -> None:
    """Shares, as percentages: "two-thirds" = 66.7, "one in five" = 20 (三分之二, 5分之1, 兩成)."""
    for match in scan.matches(_EN_FRACTION):
        groups = match.groupdict()
        if groups["a"]:
            num, den = 1.0, float(_EN_PARTS[groups["ad"].lower()])
        elif groups["n"]:
            num, den = _en_small(groups["n"]), float(_EN_PARTS[groups["d"].lower()])
        else:
            num, den = _en_small(groups["n2"]), _en_small(groups["d2"])
        if not den or num > den:
            continue
        _, start, hedge = _en_prefix(scan.text, match.start())
        scan.add_quantity(Quantity(num / den * 100, None, scan.text[start:match.end()], start, match.end(), hedge,
                                   "fraction", spelled=not match.group(0)[0].isdigit()))


def _en_small(word: str) -> float:
    return float(word) if word.isdigit() else float(_EN_FEW[word.lower()])


_EN_DECADE_WORD = re.compile(r"(?i)\b(?:a|one|the\s+(?:past|last|previous|next|following))\s+decade\b")


def _en_decades(scan: _Scan) -> None:
    """"a decade", "the past decade" = 10 years (十年); "decades" alone is no number."""
    for match in scan.matches(_EN_DECADE_WORD):
        scan.add_quantity(Quantity(10.0, "year", match.group(0), *match.span(), None, "measure", spelled=True))


_EN_MULTIPLIERS = {"twice": 2, "double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "triple": 3, "tripled": 3,
                   "triples": 3, "tripling": 3, "threefold": 3, "quadruple": 4, "quadrupled": 4, "twofold": 2}
_EN_MULTIPLIER = re.compile(rf"(?i)\b(?:{'|'.join(_EN_MULTIPLIERS)})\b")


def _en_multipliers(scan: _Scan) -> None:
    """"double", "twice", "tripled" ↔ 兩倍, 三倍."""
    for match in scan.matches(_EN_MULTIPLIER):
        value = float(_EN_MULTIPLIERS[match.group(0).lower()])
        scan.add_quantity(Quantity(value, "times", match.group(0), *match.span(), None, "number", spelled=True))


_EN_NUMBER_COMPOUND = re.compile(r"(?i)\b(?P<n>two|three|four|five|six)(?:somes?|balls?)\b")


def _en_number_compounds(scan: _Scan) -> None:
    """"foursomes", "fourballs" (四人賽, 四球): one word that still states a number."""
    for match in scan.matches(_EN_NUMBER_COMPOUND):
        value = float(_EN_ONES[match.group("n").lower()])
        scan.add_quantity(Quantity(value, None, match.group(0), *match.span(), None, "number", spelled=True))


def _en_ordinal_words(scan: _Scan) -> None:
    for match in scan.matches(_EN_ORDINAL_WORD):
        parts = re.split(r"-", match.group(0).lower())
        value = sum(_EN_TENS.get(p, 0) for p in parts[:-1]) + _EN_ORDINALS[parts[-1]]
        scan.add_quantity(Quantity(float(value), None, match.group(0), *match.span(), None, "ordinal", spelled=True))


def _en_models(scan: _Scan) -> None:
    for match in scan.matches(_EN_MODEL):
        prefix = match.group("p")
        if not (prefix.isupper() and len(prefix) > 1) and (
                _EN_NOT_MODEL.match(prefix) or _EN_MONTHS.get(prefix.lower().rstrip("."))):
            continue
        if " " in match.group(0) and not prefix.isupper():
            continue  # "Boeing 737" reads as a number; "Su-24", "F 16", "MH17" as designations
        scan.add_quantity(Quantity(float(match.group("n")), None, match.group(0), *match.span(), None, "model"))


def extract_en(text: str, default: DateRef | None = None) -> tuple[list[Quantity], list[DateRef]]:
    """Quantities and dates of an English sentence, in text order."""
    quantities, dates = _extract_en(text, default)
    return list(quantities), list(dates)


@lru_cache(maxsize=4096)
def _extract_en(text: str, default: DateRef | None) -> tuple[tuple[Quantity, ...], tuple[DateRef, ...]]:
    scan = _Scan(text)
    _en_dates(scan)
    _en_times(scan)
    _en_models(scan)
    _en_fractions(scan)
    _en_digit_numbers(scan)
    _en_decades(scan)
    _en_spelled_numbers(scan)
    _en_number_compounds(scan)
    _en_ordinal_words(scan)
    _en_multipliers(scan)
    quantities, dates = scan.result(default)
    return tuple(quantities), tuple(dates)


# ---------------------------------------------------------------- cheap tests that a pattern cannot match

_Gate = Callable[[_Scan], bool]


def _chars(chars: str) -> _Gate:
    """Whether the text holds one of the characters: looked for once per text (digits gate seven patterns)."""
    pattern = re.compile(f"[{re.escape(chars)}]")

    def gate(scan: _Scan) -> bool:
        holds = scan.holds.get(chars)
        if holds is None:
            holds = scan.holds[chars] = pattern.search(scan.text) is not None
        return holds

    return gate


def _words(words: Iterable[str]) -> _Gate:
    wanted = frozenset(words)
    return lambda scan: not wanted.isdisjoint(scan.words)


_MONTH_WORDS = [w.capitalize() for w in _EN_MONTHS]
_HAS_DIGIT = _chars("0123456789")
_HAS_TIME_WORD = _words(["noon", "midday", "midnight"])
_GATES: dict[re.Pattern[str], _Gate] = {
    _ZH_ISO: _HAS_DIGIT, _ZH_DECADE: _chars("代"), _ZH_DATE: _chars("年月日号"), _ZH_DAY_ONLY: _chars("日"),
    _ZH_TIME: _chars("点时:：分"), _ZH_FRACTION: _chars("之"), _ZH_MODEL: _HAS_DIGIT,
    _EN_ISO: _HAS_DIGIT, _EN_DECADE: _HAS_DIGIT, _EN_DATE: _words(_MONTH_WORDS),
    _EN_DAY_ONLY: _HAS_DIGIT, _EN_TIME: lambda scan: _HAS_DIGIT(scan) or _HAS_TIME_WORD(scan),
    _EN_MODEL: _HAS_DIGIT, _EN_NUMBER: _HAS_DIGIT, _EN_DECADE_WORD: _words(["decade"]),
    _EN_NUMBER_COMPOUND: _words(n + end for n in ("two", "three", "four", "five", "six") for end in ("some", "somes", "ball", "balls")),
    _EN_MULTIPLIER: _words(_EN_MULTIPLIERS), _EN_ORDINAL_WORD: _words(_EN_ORDINALS),
    _EN_SPELLED: _words(list(_EN_ONES) + list(_EN_TENS) + list(_EN_SCALES) + ["dozen"]),
    _EN_FRACTION: _words([*_EN_PARTS, *(part + "s" for part in _EN_PARTS), "in", "of"]),
}


# ---------------------------------------------------------------- days by name: weekdays and 昨天 / "yesterday"


@dataclass(frozen=True)
class DayRef:
    """A day named by its weekday (週二, "Tuesday") or counted from the day of writing (昨天, "yesterday")."""

    weekday: int | None  # 0 = Monday … 6 = Sunday
    offset: int | None  # days after the day of writing: -1 = yesterday
    text: str
    start: int
    end: int


_ZH_WEEKDAY_NUMBER = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# 一周三次 is "three times a week", not a Wednesday: no numeral or 每 before 周.
_ZH_WEEKDAY = re.compile(r"(?:星期|礼拜|(?<![一二两三四五六七八九十每几数个])周)(?P<w>[一二三四五六日天])")
_ZH_RELATIVE_DAYS = {
    "今天": 0, "今日": 0, "今晚": 0, "今早": 0, "今晨": 0, "今夜": 0, "昨天": -1, "昨日": -1, "昨晚": -1,
    "昨夜": -1, "明天": 1, "明日": 1, "明晚": 1, "前天": -2, "后天": 2,
}
_ZH_RELATIVE = re.compile("|".join(_ZH_RELATIVE_DAYS))
_ZH_DAY_CHARS = re.compile("[期拜周今昨明前后y]")  # in every word above (y: an English weekday in the Chinese)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_WEEKDAY = re.compile(rf"\b(?P<w>{'|'.join(WEEKDAYS)})s?\b")
_EN_RELATIVE_DAYS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "today": 0, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
}
_EN_RELATIVE = re.compile(rf"(?i)\b(?:{'|'.join(_EN_RELATIVE_DAYS)})\b")


def days_zh(text: str) -> list[DayRef]:
    """Weekdays and relative days of a Chinese (Simplified) sentence, in text order."""
    if not _ZH_DAY_CHARS.search(text):
        return []  # none of the words can be there (most sentences)
    found = [DayRef(_ZH_WEEKDAY_NUMBER[m.group("w")], None, m.group(0), *m.span()) for m in _ZH_WEEKDAY.finditer(text)]
    found += [DayRef(None, _ZH_RELATIVE_DAYS[m.group(0)], m.group(0), *m.span()) for m in _ZH_RELATIVE.finditer(text)]
    found += _weekdays_written(text)  # an English gloss names its weekday too: 向 Sunday Times 表示 ↔ "the Sunday Times"
    return sorted(found, key=lambda d: d.start)


def _weekdays_written(text: str) -> list[DayRef]:
    return [DayRef(WEEKDAYS.index(m.group("w")), None, m.group(0), *m.span()) for m in _EN_WEEKDAY.finditer(text)]


def days_en(text: str) -> list[DayRef]:
    """Weekdays and relative days of an English sentence ("on Tuesday", "yesterday"), in text order."""
    lower = text.lower()
    if not ("day" in lower or "ight" in lower or "orrow" in lower or "this" in lower):
        return []  # weekdays, today, tonight, last night, tomorrow, this morning: none can be there
    found = _weekdays_written(text)
    found += [DayRef(None, _EN_RELATIVE_DAYS[m.group(0).lower()], m.group(0), *m.span()) for m in _EN_RELATIVE.finditer(text)]
    return sorted(found, key=lambda d: d.start)


# ---------------------------------------------------------------- helpers for the checks


def original_span(original: str, norm: str, start: int, end: int) -> str | None:
    """The text of original[start:end] when `norm` is a same-length normalisation of `original`.

    Conversion to Simplified and width folding keep lengths in practice; when they did not, fall back to
    finding the normalised text itself in the original (digits usually survive unchanged).
    """
    piece = norm[start:end]
    if len(original) == len(norm) and _digits(original[start:end]) == _digits(piece):
        return original[start:end]
    if piece and piece in original:
        return piece
    digits = re.search(r"\d[\d,.]*", piece)
    return digits.group(0) if digits and digits.group(0) in original else None


def _digits(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())


def english_value(quantity: Quantity) -> str:
    """How the quantity reads in English figures: 1.2億 → "120 million", 20% → "20%"."""
    value = quantity.value
    if quantity.kind == "percent":
        return f"{_plain(value)}%"
    if quantity.kind == "fraction":
        return _fraction(value)
    if quantity.kind == "time":
        hour, minute = int(value), round((value % 1) * 60)
        return f"{hour:02d}:{minute:02d}"
    if quantity.kind == "ordinal":
        return _ordinal(int(value))
    if quantity.kind == "model":
        return re.sub(r"\d+", _plain(value), quantity.text, count=1)
    figure = _figure(value)
    if quantity.kind == "money" and quantity.unit in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[quantity.unit] + figure
    if quantity.unit in _UNIT_NAMES:
        return f"{figure} {_UNIT_NAMES[quantity.unit]}"
    return figure


_CURRENCY_SIGNS = {"USD": "US$", "TWD": "NT$", "HKD": "HK$", "CNY": "RMB ", "EUR": "€", "GBP": "£", "JPY": "¥"}
_UNIT_NAMES = {
    "hour": "hours", "minute": "minutes", "second": "seconds", "day": "days", "week": "weeks", "month": "months",
    "year": "years", "km": "km", "m": "m", "cm": "cm", "mm": "mm", "kg": "kg", "g": "g", "tonne": "tonnes",
    "mile": "miles", "foot": "feet", "inch": "inches", "lb": "lb", "degree": "degrees", "km2": "km²", "m2": "m²",
    "times": "times", "acre": "acres", "hectare": "hectares",
}


def _fraction(percent: float) -> str:
    """66.67 → "2/3", as the share is written; a share of no small denominator as a percentage."""
    for den in range(2, 11):
        num = percent * den / 100
        if abs(num - round(num)) < 1e-6:
            return f"{round(num)}/{den}"
    return f"{_plain(round(percent, 1))}%"


def _figure(value: float) -> str:
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if value >= scale:
            return f"{_plain(value / scale)} {word}"
    return _plain(value) if value < 10_000 else f"{value:,.0f}"


def _plain(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def format_date(date: DateRef) -> str:
    """English rendering of what a DateRef states: "December 6, 2025", "December", "the 6th"."""
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    parts = []
    if date.month:
        parts.append(months[date.month - 1] + (f" {date.day}" if date.day else ""))
    elif date.day:
        parts.append(f"the {_ordinal(date.day)}")
    if date.year:
        parts.append(str(date.year))
    return ", ".join(parts) if date.day and date.month else " ".join(parts)
