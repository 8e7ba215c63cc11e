"""Chinese numerals: 五, 十二, 两百, 三千五百, 一万, 3万5千, 1.2亿 as values with the rounding step their wording implies."""

from __future__ import annotations

import re

from audit.quantities.scan import decimals as _decimals_of

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000, "兆": 1e12}  # 兆 as Taiwan's news uses it: a trillion
CN_CHARS = "零〇一二两三四五六七八九十百千万亿兆"
CN = f"[{CN_CHARS}]"  # one character of a Chinese numeral, as a pattern
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # a figure in digits, as a pattern


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
        if token[0].isdigit() or token in CN_DIGITS:
            if previous == "digit":
                return None
            number = float(token) if token[0].isdigit() else float(CN_DIGITS[token])
            decimals = _decimals_of(token) if token[0].isdigit() else 0
            previous = "zero" if number == 0 and not token[0].isdigit() else "digit"
        elif token in _CN_SMALL:
            if previous == "small":
                return None
            section += (1.0 if number is None else number) * _CN_SMALL[token]
            last_unit, number, previous = _CN_SMALL[token], None, "small"
            precision = last_unit * 10**-decimals
        elif token in CN_BIG:
            section += number or 0.0
            if section == 0 and total == 0:
                return None
            unit = CN_BIG[token]
            # 3万亿: the 万 already counted scales up with 亿; 1兆2000亿: the 兆 already counted stays.
            total = (total + section) * unit if total < unit and token != "万" else total + section * unit
            precision = CN_BIG[token] * 10**-decimals if previous != "small" else precision * CN_BIG[token]
            last_unit, number, section, previous = CN_BIG[token], None, 0.0, "big"
        else:
            return None
    if number is not None and previous == "digit" and last_unit > 1:
        if number < 10 and not re.search(r"[零〇]|\d{2}", text[-2:]):
            number *= last_unit / 10  # 三千五 = 3500, 两万五 = 25000 (spoken shorthand)
            precision = last_unit / 10
        else:
            precision = 0.0  # 8万7,000: the trailing figure is exact
    value = total + section + (number or 0.0)
    has_big = any(c in text for c in CN_BIG)
    return value, (precision if has_big else 0.0)



def zh_int(text: str | None) -> int | None:
    """An Arabic or Chinese numeral as int; 二〇二五 read digit by digit."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in CN_DIGITS for c in text):
        return int("".join(str(CN_DIGITS[c]) for c in text))
    parsed = parse_chinese_number(text)
    return int(parsed[0]) if parsed else None


_NEIGHBOURS = re.compile("[一二两三四五六七八][二三四五六七八九]")


def parse_chinese_range(text: str) -> tuple[float, float] | None:
    """Lowest and highest value of an approximate number written with two neighbouring digits (一万六七千 = 16,000–
    17,000, 十五六 = 15–16, 三四十 = 30–40); None for anything else.

    The form GB/T 15835-2011 (出版物上数字的用法) gives for an approximate number (概数): two neighbouring
    numbers written together, without a 顿号 (GB/T 15834-2011).
    """
    pair = _NEIGHBOURS.search(text)
    if pair is None or CN_DIGITS[pair.group()[1]] != CN_DIGITS[pair.group()[0]] + 1:
        return None
    low = parse_chinese_number(text[: pair.start()] + pair.group()[0] + text[pair.end():])
    high = parse_chinese_number(text[: pair.start()] + pair.group()[1] + text[pair.end():])
    return (low[0], high[0]) if low is not None and high is not None else None
