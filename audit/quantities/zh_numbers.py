"""Chinese numbers: counts, amounts, measures, percentages, shares (三分之二), ordinals and designations (苏-24)."""

from __future__ import annotations

import re

from audit.quantities.records import Quantity
from audit.quantities.scan import HAS_DIGIT, Scan, chars
from audit.text import HAN
from audit.quantities.zh_numerals import (ARABIC as _ARABIC, CN as _CN, CN_BIG, CN_CHARS as _CN_CHARS, CN_DIGITS as _CN_DIGITS,
                                          parse_chinese_number, parse_chinese_range)

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
    "公里/小时": "kmh", "英里/小时": "mph",
    **{prefix + name: symbol_prefix + symbol for prefix, symbol_prefix in (("千", "k"), ("兆", "M"))
       for name, symbol in (("瓦时", "Wh"), ("瓦", "W"), ("焦", "J"), ("帕", "Pa"), ("伏", "V"), ("赫", "Hz"))},
    "千卡": "kcal", "兆字节": "MB", "千字节": "kB",
}
# 千 and 兆 before these are the SI prefixes kilo and mega (GB 3100-1993, the Chinese names of SI units and
# prefixes), not the numbers 1,000 and 10^12: 500千瓦 is 500 kW. After a Chinese digit they stay numbers (三千米 is
# 3,000 metres).
_SI_UNIT_AFTER_PREFIX = "瓦|米|克|焦|帕|伏|赫|卡|字节"
_ZH_AND_A_HALF = re.compile("半(?P<unit>小时|钟头|个?月|个?星期)?")
_HAS_ZHI = chars("之")  # 三分之二: a share has 之
_HAS_LATIN = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SPEED_OF = {"mile": "mph", "km": "kmh"}
_ZH_PER_HOUR = re.compile(r"(?:每小时|时速)\s*(?:达|约|为|高达|逾|超过|仅)?\s*$")
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

# 分 counts points unless a word goes on (分析, 分钟) or it opens a share (三分之二: 之 and a numeral follow; 八分之差,
# "a margin of eight points", is points).
_ZH_POINTS = "分(?![析别开配子布裂享手散歧店行局会部队校院区站类成数化批期钟秒]|之\\s*[零〇一二两三四五六七八九十百千\\d])"
_ZH_UNIT_ALT = "|".join(sorted(list(_ZH_CURRENCY) + list(_ZH_UNITS) + _ZH_MEASURES, key=len, reverse=True)) + "|" + _ZH_POINTS
_ZH_MODEL = re.compile(
    r"(?<![A-Za-z\d])(?P<p>[A-Za-z]{1,6}\s?-?\s?)(?P<n>\d+)(?P<s>[A-Za-z]{0,2})(?![\d.,]\d)"
    r"|(?P<cp>(?:苏|歼|米格|图|伊尔|安|运|轰|直|东风|鹰击|红旗|卡|雅克|波音|空客|猎鹰|联盟|神舟|嫦娥|长征)\s?-?\s?)(?P<cn>\d+)(?![\d.,]\d)"
)
_ZH_FRACTION = re.compile(rf"(?![百千万]分之)(?P<den>{_CN}+|\d+)\s*分之\s*(?P<num>{_CN}+|\d+(?:\.\d+)?)")
_CN_NOT_PREFIX = rf"(?:(?![千兆](?:{_SI_UNIT_AFTER_PREFIX})){_CN}|(?<=[一二两三四五六七八九])[千兆])"
_ZH_NUMBER = re.compile(
    # A figure begun in digits may go on in digits after a magnitude (3万5千, 8万7,000); one begun in Chinese
    # numerals does not (每一百万15起 is "15 per million", not 1,000,015). The lookahead of every first character
    # rejects the other positions at once, rather than trying each alternative there (a third less time).
    rf"(?=[\d{_CN_CHARS}])(?P<core>(?:{_ARABIC})(?:\s?{_CN_NOT_PREFIX}|(?<=[十百千万亿兆])(?:{_ARABIC})|[多余](?=\s?[十百千万亿兆]))*"
    rf"|{_CN}(?:\s?{_CN_NOT_PREFIX}|[多余](?=\s?[十百千万亿兆]))*)"
)
# The far end of a range whose magnitude the near end shares: 12至14万 (the 12 is 120,000).
_ZH_RANGE_MAGNITUDE = re.compile(rf"^\s*(?:至|到|~|～|-|—|–)\s*(?:{_ARABIC}|[零〇一二两三四五六七八九十]+)\s*(?P<big>[十百千]?[万亿兆])")
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


# A name given in Latin script in parentheses, as Taiwan's news adds the original: 《60分钟》(60 Minutes). It restates
# the Chinese name beside it; its words and figures state nothing of their own.
_LATIN_GLOSS = re.compile(rf"[（(](?=[^()（）]*[A-Za-z]{{2}})[^()（）{HAN}]*[)）]")


def skip_glosses(scan: Scan) -> None:
    """Close the Latin-script glosses in parentheses to every later reading."""
    for match in scan.matches(_LATIN_GLOSS, _HAS_LATIN):
        scan.take(*match.span())


def read_numbers(scan: Scan) -> None:
    """Numbers of a Chinese sentence: shares and designations before plain figures."""
    for match in scan.matches(_ZH_FRACTION, _HAS_ZHI):
        _zh_fraction(scan, match)
    for match in scan.matches(_ZH_MODEL, HAS_DIGIT):
        _zh_model(scan, match)
    for match in scan.matches(_ZH_NUMBER):
        quantity = _zh_quantity(scan.text, match)
        if quantity is not None and scan.free(quantity.start, quantity.end):
            scan.add_quantity(quantity)


def _zh_fraction(scan: Scan, match: re.Match[str]) -> None:
    """三分之二, 5分之1: a share, kept as a percentage so that it also meets "20%" or "one in five"."""
    den, num = (parse_chinese_number(match.group(g)) for g in ("den", "num"))
    if den is None or num is None or not den[0] or num[0] > den[0]:
        scan.take(*match.span())
        return
    hedge = next((h for h in _ZH_HEDGES_BEFORE if scan.text[: match.start()].rstrip().endswith(h)), None)
    scan.add_quantity(Quantity(num[0] / den[0] * 100, None, match.group(0), *match.span(), hedge, "fraction", spelled=True))


def _zh_model(scan: Scan, match: re.Match[str]) -> None:
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
    reading = _zh_value(core.replace("多", "").replace("余", "").replace(" ", ""), text[core_end : core_end + 16])
    if reading is None:
        return None
    value, precision, bounds = reading
    kind, currency, start, hedge = _zh_prefix(text, match.start())
    suffix = _ZH_SUFFIX.match(text[core_end : core_end + 10])
    unit, kind, word = _zh_suffix_kind(suffix, kind, core)
    if currency and unit in (None, "CUR"):
        unit = currency  # 新台币1.2亿元: the currency named before the figure
    if spelled and not _zh_spelled_ok(core, kind, unit, word):
        return None
    if kind == "percent" and suffix and suffix.group("cheng"):
        value, precision = value * 10, precision * 10  # 两成 = 20%, 七八成 = 70–80%
        bounds = (bounds[0] * 10, bounds[1] * 10) if bounds else None
    if unit in _SPEED_OF and _ZH_PER_HOUR.search(text[max(0, start - 6) : start]):
        unit = _SPEED_OF[unit]  # 每小时 85 英里, 时速120公里: a speed
    end = core_end + (suffix.end() if suffix and (word or kind == "percent") else 0)
    half = _ZH_AND_A_HALF.match(text, end) if unit in _ZH_TIME_UNITS or word == "个" else None
    if half:  # 两年半, 三个半月: and a half
        value, end = value + 0.5, half.end()
        named = half.group("unit") or ""
        unit = unit or _ZH_UNITS.get(named) or _ZH_UNITS.get("个" + named)
    hedge = hedge or hedge_inside or (suffix.group("hedge") or suffix.group("after") if suffix else None)
    quantity_kind = kind or ("money" if unit in _ZH_CURRENCY.values() else "measure" if unit else "number")
    return Quantity(value, unit, text[start:end].rstrip(), start, end, hedge, quantity_kind, precision, spelled, bounds)


def _zh_value(core: str, after: str) -> tuple[float, float, tuple[float, float] | None] | None:
    """Value, rounding step and bounds of a number's core (its text from the digits to the last magnitude).

    An approximate range (一万六七千) has bounds; a figure that opens a range whose other end carries the magnitude
    (12至14万, 3到5千万) takes that magnitude: both ends are read as written at it.
    """
    parsed = parse_chinese_number(core)
    if parsed is None:
        bounds = parse_chinese_range(core)
        return None if bounds is None else ((bounds[0] + bounds[1]) / 2, bounds[1] - bounds[0], bounds)
    value, precision = parsed
    shared = _ZH_RANGE_MAGNITUDE.match(after)
    if shared and not any(c in core for c in CN_BIG):
        scale = parse_chinese_number("1" + shared.group("big"))
        if scale is not None:
            value, precision = value * scale[0], precision * scale[0]
    return value, precision, None


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
