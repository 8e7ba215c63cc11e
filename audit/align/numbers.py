"""Numbers as match keys for the aligner: the same value written in Chinese and in English meets as one key."""

from __future__ import annotations

import re
from typing import Sequence

from audit.quantities.calendar_names import MONTH_NUMBERS

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000}
# (The lookahead changes no match, every one starts with a digit or a numeral: it lets the engine skip to
# the next such character instead of trying the whole pattern at every position.)
_ZH_NUMBER = re.compile(r"(?=[\d零〇一二两三四五六七八九十百千])(?:百分之)?(\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千]+)\s*([万亿]*)")
# A lone 五 is a number when a measure word follows it (五名, 五小时) or 第 precedes it.
_ZH_MEASURE = tuple("个名位人年月日天次岁项家架艘辆条件种点分秒周倍届场国座所只枚颗轮期号") + (
    "小时", "公里", "英里", "英尺", "英寸", "分钟", "美元", "英镑", "欧元", "公斤", "公尺", "世纪", "星期", "礼拜",
)
_EN_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)(?:\s*(thousand|million|billion|trillion|bn|m)\b)?", re.I)
_EN_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
    "billion": 1_000_000_000, "dozen": 12, "twice": 2, "half": 50, "second": 2, "third": 3, "fourth": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_EN_SCALE = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12, "bn": 10**9, "m": 10**6}
_MONTHS = MONTH_NUMBERS  # month names and abbreviations → 1–12, the package-wide list
EN_NUMBER_WORDS = frozenset(_EN_WORDS) | frozenset(_MONTHS)  # every word `en_numbers` may read, lower case
_DIGIT = re.compile(r"\d")  # every match of _EN_NUMBER holds one


def _zh_numeral(text: str) -> int | None:
    """一百二十 → 120, 两千 → 2000, 十二 → 12; None for what is not a plain numeral."""
    total, current = 0, 0
    for char in text:
        if char in _ZH_DIGITS:
            current = current * 10 + _ZH_DIGITS[char] if current and text[0] not in _ZH_UNITS else _ZH_DIGITS[char]
        elif char in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[char]
            current = 0
        else:
            return None
    return total + current


def _canonical(value: float) -> str:
    return f"#{value:g}" if value != int(value) else f"#{int(value)}"


_ZH_NUMBER_SUFFIX = "年月日号岁"
# 十分 alone is the adverb "very, completely" (CC-CEDICT), by far its commonest use in news; ten minutes is
# written 十分钟.
_ZH_ADVERB = "十分"


def zh_numbers(norm: str) -> list[str]:
    """Numbers of normalized Chinese text as keys (#2025, #12, #300000000); 一 alone is not a number."""
    return [key for key, _, _ in zh_number_spans(norm)]


def zh_number_spans(norm: str) -> list[tuple[str, int, int]]:
    """(key, start, end) of each number, the span taking in a date suffix: 2018年, 12月, 6日."""
    out = []
    for match in _ZH_NUMBER.finditer(norm):
        digits, big = match.groups()
        if digits[0].isdigit():
            value: float = float(digits.replace(",", ""))
        else:
            percent = match.group().startswith("百分之")
            before = norm[match.start() - 1:match.start()] if match.start() else ""
            numeral = _zh_numeral(digits)
            lone = len(digits) == 1 and not big and not percent
            if numeral is None or (lone and not norm.startswith(_ZH_MEASURE, match.end()) and before != "第"):
                continue
            if numeral == 1 and not big:
                continue
            if digits == "十" and not big and norm.startswith(_ZH_ADVERB, match.start()) and norm[match.end() + 1:match.end() + 2] != "钟":
                continue
            value = numeral
        for char in big:
            value *= _ZH_BIG[char]
        end = match.end() + (norm[match.end():match.end() + 1] in _ZH_NUMBER_SUFFIX and match.end() < len(norm))
        if value != 1:
            out.append((_canonical(value), match.start(), end))
        if big and digits[0].isdigit():  # 3億 may be rendered "300 million" or "0.3 billion": keep the 3 too
            out.append((_canonical(float(digits.replace(",", ""))), match.start(), end))
    return out


def en_numbers(text: str, words: Sequence[str]) -> list[str]:
    """Numbers of English text as keys: digits, scaled (2.5 million), spelled out, month names."""
    out: list[str] = []
    for match in _EN_NUMBER.finditer(text) if _DIGIT.search(text) else ():
        value = float(match.group(1).replace(",", "")) if match.group(1).count(",") or "." in match.group(1) else float(match.group(1))
        scale = match.group(2)
        if scale:
            out.append(_canonical(value))
            value *= _EN_SCALE[scale.lower()]
        if value != 1:
            out.append(_canonical(value))
    if EN_NUMBER_WORDS.isdisjoint(map(str.lower, words)):  # most sentences: no number word, no month
        return out
    previous = 0
    for word in words:
        lower = word.lower()
        if lower in _EN_WORDS:
            value = _EN_WORDS[lower]
            if lower in _EN_SCALE and previous:  # two million
                out.append(_canonical(previous * value))
            elif previous in (20, 30, 40, 50, 60, 70, 80, 90) and value < 10:  # twenty-five
                out.append(_canonical(previous + value))
            out.append(_canonical(value))
            previous = value
            continue
        previous = 0
        if _month(word, lower):
            out.append(_canonical(_MONTHS[lower]))
    return out


def _month(word: str, lower: str) -> bool:
    """A month's name (capitalised; "may" is the verb)."""
    return lower in _MONTHS and word[0].isupper() and lower != "may" or word == "May"


def en_number_word(word: str) -> bool:
    """Whether `en_numbers` reads this word as a number or a month (its value is that number's key)."""
    lower = word.lower()
    return lower in _EN_WORDS or lower in _EN_SCALE or _month(word, lower)

