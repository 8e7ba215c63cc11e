"""English dates and clock times: "December 4 to 5, 2025", "the 6th", 2025-12-06, "the 1990s", "8:30 p.m.", noon."""

from __future__ import annotations

import re

from audit.quantities.calendar_names import MONTH_NUMBERS, MONTHS
from audit.quantities.records import DateRef, Quantity
from audit.quantities.scan import HAS_DIGIT, Scan, read_numeric_dates, words

_EN_MONTH = (
    rf"(?P<mon>{'|'.join(MONTHS)}|"
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
    r"|(?<![\d.,:$£€])(?P<h2>\d{1,2}):(?P<mi2>\d{2})(?::(?P<s2>[0-5]\d))?(?![\d:])"  # 13:09, 13:09:10
    r"|(?<![\d.,:$£€])(?P<h3>[0-2]\d)(?P<mi3>[0-5]\d)\s*(?:GMT|BST|UTC|EST|EDT|CET|hrs|hours\s+(?:GMT|local))\b"
    r"|\b(?P<w>noon|midday|midnight)\b"
)
_HAS_MONTH_WORD = words(name.capitalize() for name in MONTH_NUMBERS)
_HAS_TIME_WORD = words(["noon", "midday", "midnight"])


def read_dates(scan: Scan) -> None:
    """Dates of an English sentence, the most specific forms first."""
    read_numeric_dates(scan, _EN_ISO)
    for match in scan.matches(_EN_DECADE, HAS_DIGIT):
        if match.group("y"):  # "the 1990s" is compared as 1990; "the '90s" is left uncompared
            scan.add_date(DateRef(int(match.group("y")), None, None, match.group(0), *match.span()))
        else:
            scan.take(*match.span())
    for match in scan.matches(_EN_DATE, _HAS_MONTH_WORD):
        _en_date(scan, match)
    for match in scan.matches(_EN_DAY_ONLY, HAS_DIGIT):
        day = int(match.group("d"))
        scan.add_date(DateRef(None, None, day, match.group(0), *match.span()))


def _en_date(scan: Scan, match: re.Match[str]) -> None:
    month_word = match.group("mon").rstrip(".")
    month = MONTH_NUMBERS[month_word.lower()]
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
    if word not in MONTHS:
        return False
    if word in ("May", "March"):
        return bool(re.search(r"(?i)\b(?:in|of|since|until|by|from|early|late|mid-?|last|next|this|that|during|"
                              r"before|after|through|between|and|to|till|end|beginning|start)\s*-?\s*$", text[:start]))
    return True



def read_times(scan: Scan) -> None:
    """Clock times of an English sentence: "8:30 p.m." = 20.5, noon = 12."""
    for match in scan.matches(_EN_TIME, lambda s: HAS_DIGIT(s) or _HAS_TIME_WORD(s)):
        if match.group("w"):
            hour, minute = (0 if match.group("w").lower() == "midnight" else 12), 0
        else:
            hour = int(match.group("h") or match.group("h2") or match.group("h3"))
            minute = int(match.group("mi") or match.group("mi2") or match.group("mi3") or 0)
        if hour > 24 or minute >= 60:
            continue
        if match.group("ap") and match.group("ap").lower().startswith("p") and hour < 12:
            hour += 12
        seconds = int(match.group("s2") or 0)
        scan.add_quantity(Quantity(hour + minute / 60 + seconds / 3600, None, match.group(0), *match.span(), None, "time"))
