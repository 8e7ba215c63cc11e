"""D001 date-mismatch: a date of the source disagrees with the dates of the translation."""

from __future__ import annotations

import re
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedPair, Finding, Severity
from audit.quantities import DateRef, Quantity, extract_en, extract_zh, format_date, original_span

_FIELDS = ("year", "month", "day")


def _shared(a: DateRef, b: DateRef) -> list[str]:
    """The parts both dates state: a day-only reference is compared on its day alone."""
    return [f for f in _FIELDS if getattr(a, f) is not None and getattr(b, f) is not None]


def agrees(a: DateRef, b: DateRef) -> bool:
    shared = _shared(a, b)
    return bool(shared) and all(getattr(a, f) == getattr(b, f) for f in shared)


def conflicts(a: DateRef, b: DateRef) -> bool:
    shared = _shared(a, b)
    return bool(shared) and any(getattr(a, f) != getattr(b, f) for f in shared)


def _year_like(quantities: list[Quantity]) -> list[DateRef]:
    """Plain four-digit figures the extractor did not take for years ("Act 3017") still clash with a source year."""
    return [DateRef(int(q.value), None, None, q.text, q.start, q.end) for q in quantities
            if q.kind == "number" and re.fullmatch(r"\d{4}", q.text)]


def _year_as_number(date: DateRef, quantities: list[Quantity]) -> bool:
    """2018年 is matched by a 2018 the English reader sees as a plain number ("the 2018 team")."""
    stated = [f for f in _FIELDS if getattr(date, f) is not None]
    return stated == ["year"] and any(q.value == date.year and q.kind not in ("percent", "money") for q in quantities)


def _day_as_ordinal(date: DateRef, quantities: list[Quantity]) -> bool:
    """6日 with no month is matched by "the 6th" however the English puts it."""
    return date.month is None and date.day is not None and any(
        q.kind == "ordinal" and q.value == date.day for q in quantities)


def _accounted_for(date: DateRef, target_dates: list[DateRef], quantities: list[Quantity]) -> bool:
    return any(agrees(date, t) for t in target_dates) or _year_as_number(date, quantities) or \
        _day_as_ordinal(date, quantities)


def corrected(source: DateRef, found: DateRef) -> DateRef:
    """The target date with the parts the source states put right."""
    return DateRef(source.year or found.year, source.month or found.month, source.day or found.day,
                   found.text, found.start, found.end)


def _likeliest(date: DateRef, clashing: list[DateRef], source_dates: list[DateRef]) -> DateRef:
    """The target date most likely meant for `date`: one no other source date accounts for, sharing
    the most parts with it and differing in the fewest ("December 4 to 6" for 5日 is the 6, not the 4)."""

    def rank(target: DateRef) -> tuple[bool, int, int]:
        claimed = any(agrees(other, target) for other in source_dates if other is not date)
        shared = _shared(date, target)
        differing = sum(getattr(date, f) != getattr(target, f) for f in shared)
        return (claimed, -len(shared), differing)

    return min(clashing, key=rank)


class DateMismatch(Rule):
    """A date in the source disagrees with every date in the translation.

    Why: a wrong day, month or year puts an event at the wrong time, which readers cannot detect.
    Bad:  12月4日至5日,美烏代表在佛羅里達州連續舉行會談 → "from December 4 to 6, ... held meetings"
    Good: 12月4日至5日,美烏代表在佛羅里達州連續舉行會談 → "from December 4 to 5, ... held meetings"
    """

    code, name, severity = "D001", "date-mismatch", Severity.ERROR

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        _, source_dates = extract_zh(pair.source_norm)
        quantities, target_dates = extract_en(pair.target_norm)
        for date in source_dates:
            if _accounted_for(date, target_dates, quantities):
                continue
            clashing = [t for t in target_dates + _year_like(quantities) if conflicts(date, t)]
            if clashing:
                yield self._mismatch(pair, date, _likeliest(date, clashing, source_dates))

    def _mismatch(self, pair: AlignedPair, date: DateRef, found: DateRef) -> Finding:
        expected = format_date(date)
        right = format_date(corrected(date, found))
        source_mark = original_span(pair.source_text, pair.source_norm, date.start, date.end)
        target_mark = original_span(pair.target_text, pair.target_norm, found.start, found.end)
        shown = source_mark or date.text
        return self.finding(
            f"date {shown} ({expected}) is rendered as {format_date(found)}",
            pair,
            expected=f"{expected} ({shown})",
            found=format_date(found),
            suggestion=f"{format_date(found)} → {right}",
            source_marks=(source_mark,) if source_mark else (),
            target_marks=(target_mark,) if target_mark else (),
        )
