"""Chinese dates and clock times: 2025年12月6日, 12月4日至5日, 民国114年, 1990年代, 今(6)日, 下午2点半, 20:30."""

from __future__ import annotations

import re

from audit.quantities.records import DateRef, Quantity
from audit.quantities.scan import HAS_DIGIT, Scan, chars, read_numeric_dates, valid_date
from audit.quantities.zh_numerals import CN as _CN, zh_int as _zh_int

_ZH_DAY_NUM = r"三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_ZH_MONTH_NUM = r"十[一二]?|[一二三四五六七八九]"
_ZH_SEP = r"\s*(?:[至到~\-—–、]|和|及|与|或)\s*"
_ZH_ISO = re.compile(r"(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d.])")
_ZH_DECADE = re.compile(
    rf"(?<![\d.])(?:(?P<c>\d{{2}}|{_CN}+)\s*世纪\s*(?P<cd>\d0|[二三四五六七八九]十)\s*年代|(?P<y>\d{{4}})\s*年代|(?:\d{{2}}|{_CN}+)\s*年代)"
)
# Every part of a date is optional, so the pattern matches the empty string at every character, and each of those
# empty matches cost a turn of the scanning loop. A date (or the spaces before one) starts with one of these
# characters: the lookahead passes over every other place at once, with the same non-empty matches.
_ZH_DATE_STARTS = r"(?=[\s\d民〇零一二三四五六七八九十])"
_ZH_DATE = re.compile(
    rf"""{_ZH_DATE_STARTS}(?:
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
    rf"(?<![\d:])(?<!\d[.,])(?P<h>\d{{1,2}})\s*[:：]\s*(?P<mi>\d{{2}})(?:[:：](?P<s>[0-5]\d))?(?![\d:])"  # 13:09:10
    rf"|(?<!\d)(?<!\d[.,])(?P<h2>\d{{1,2}})\s*[点时](?!间|期|候|代|段|刻|差|尚|装|事|局|任)(?:\s*(?P<mi2>\d{{1,2}}|{_CN}+)\s*分|\s*(?P<half>半))?"
    rf"|(?<!\d)(?P<h4>\d{{1,2}})\s*分\s*(?P<mi4>\d{{1,2}})\s*秒"  # 3分35秒 ↔ "3:35" on a match clock
    rf"|(?:{_ZH_CLOCK_PREFIX})\s*(?P<h3>{_ZH_DAY_NUM})\s*[点时](?:\s*(?P<mi3>{_CN}+)\s*分|\s*(?P<half3>半))?"
)
# The gates, made once (each `chars` compiles its pattern): a date has 年, 月, 日 or 号, a decade 代, a clock time 点,
# 时, a colon or 分.
_HAS_DECADE, _HAS_DATE_WORD, _HAS_DAY, _HAS_CLOCK = chars("代"), chars("年月日号"), chars("日"), chars("点时:：分")


def _decade(scan: Scan, match: re.Match[str]) -> None:
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


def read_dates(scan: Scan) -> None:
    """Dates of a Chinese sentence, the most specific forms first."""
    read_numeric_dates(scan, _ZH_ISO)
    for match in scan.matches(_ZH_DECADE, _HAS_DECADE):
        _decade(scan, match)
    for match in scan.matches(_ZH_DATE, _HAS_DATE_WORD):
        _zh_date(scan, match)
    for match in scan.matches(_ZH_DAY_ONLY, _HAS_DAY):
        _zh_day_only(scan, match)


def _zh_date(scan: Scan, match: re.Match[str]) -> None:
    if not match.group(0).strip() or not (match.group("y") or match.group("m") or match.group("roc") or match.group("roc2")):
        return  # a bare day is read by _zh_day_only, which knows more about 日
    year = _zh_int(match.group("y"))
    roc = _zh_int(match.group("roc") or match.group("roc2"))
    if roc is not None:
        year = roc + 1911
    if match.group("y") and not (1000 <= (year or 0) <= 2199):
        return
    month, day = _zh_int(match.group("m")), _zh_int(match.group("d"))
    if not valid_date(month, day):
        return
    start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
    end = match.end() - (len(match.group(0)) - len(match.group(0).rstrip()))
    scan.add_date(DateRef(year, month, day, scan.text[start:end], start, end))


def _zh_day_only(scan: Scan, match: re.Match[str]) -> None:
    text = scan.text
    if not match.group("d3") and _ZH_DURATION_BEFORE.search(text[max(0, match.start() - 3) : match.start()]):
        return
    if match.group("d") and _ZH_DURATION_AFTER.match(text[match.end() : match.end() + 3]):
        return
    day = int(match.group("d") or match.group("d2") or match.group("d3"))
    if valid_date(None, day):
        scan.add_date(DateRef(None, None, day, match.group(0), *match.span()))


def read_times(scan: Scan) -> None:
    """Clock times of a Chinese sentence (下午2点 = 14:00, so that it reads as "2 p.m." does)."""
    for match in scan.matches(_ZH_TIME, _HAS_CLOCK):
        hour = _zh_int(match.group("h") or match.group("h2") or match.group("h3") or match.group("h4"))
        minute = _zh_int(match.group("mi") or match.group("mi2") or match.group("mi3") or match.group("mi4")) or 0
        if match.group("half") or match.group("half3"):
            minute = 30
        if hour is None or hour > 24 or minute >= 60 or (match.group("h4") and hour >= 60):
            continue
        spelled = bool(match.group("h3"))
        seconds = int(match.group("s") or 0)
        if hour < 12 and re.search(r"(?:下午|晚上|晚间|傍晚|夜间|夜里)\s*$", scan.text[max(0, match.start() - 4) : match.start()]):
            hour += 12  # 下午 2 点 = 14:00, so that it reads the same as "2 p.m."
        scan.add_quantity(Quantity(hour + minute / 60 + seconds / 3600, None, match.group(0), *match.span(), None, "time",
                                   spelled=spelled))

