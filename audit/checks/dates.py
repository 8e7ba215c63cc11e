"""D001 date-mismatch: a date of the source disagrees with the dates of the translation."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedDocument, AlignedPair, Finding, Severity
from audit.quantities import (WEEKDAYS, DateRef, DayRef, Quantity, carried_over, days_en, days_zh, extract_en,
                              extract_zh, format_date, original_offsets, original_span)

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
        if not source_dates:
            return  # every finding is about a date of the source (most sentences have none)
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
        source_at = original_offsets(pair.source_text, pair.source_norm, date.start, date.end)
        target_at = original_offsets(pair.target_text, pair.target_norm, found.start, found.end)
        source_mark = pair.source_text[source_at[0]:source_at[1]] if source_at else None
        target_mark = pair.target_text[target_at[0]:target_at[1]] if target_at else None
        shown = source_mark or date.text
        return self.finding(
            f"date {shown} ({expected}) is rendered as {format_date(found)}",
            pair,
            expected=f"{expected} ({shown})",
            found=format_date(found),
            suggestion=f"{format_date(found)} → {right}",
            source_marks=(source_mark,) if source_mark else (),
            target_marks=(target_mark,) if target_mark else (),
            source_spans=(source_at,) if source_at else (),
            target_spans=(target_at,) if target_at else (),
        )


_OFFSET_NAMES = {-2: "the day before yesterday", -1: "yesterday", 0: "today", 1: "tomorrow", 2: "the day after tomorrow"}


def _name(day: DayRef) -> str:
    return WEEKDAYS[day.weekday] if day.weekday is not None else _OFFSET_NAMES[day.offset or 0]


def _unpaired(source: list[DayRef], target: list[DayRef]) -> tuple[list[DayRef], list[DayRef]]:
    """Days of each side that the other side does not name as well (as multisets: 週二…週二 needs two Tuesdays)."""
    left, right = list(source), list(target)
    for day in source:
        twin = next((t for t in right if (t.weekday, t.offset) == (day.weekday, day.offset)), None)
        if twin is not None:
            left.remove(day)
            right.remove(twin)
    return left, right


def dateline(doc: AlignedDocument) -> dt.date | None:
    """The day of writing, from the article's dateline (its own line, e.g. 2025-12-11), if it states a full date."""
    for segment in doc.source + doc.target:
        if segment.kind != "dateline":
            continue
        dates = (extract_zh if segment.lang == "zh" else extract_en)(segment.norm)[1]
        for date in dates:
            if date.year and date.month and date.day:
                try:
                    return dt.date(date.year, date.month, date.day)
                except ValueError:
                    continue
    return None


class DayMismatch(Rule):
    """A weekday or a day counted from the day of writing (週二, 昨天) disagrees with the translation.

    Why: "on Wednesday" for 週二, or "yesterday" for 今天, moves an event by a day, and wire copy turns
    dates into weekdays and back, where such slips are made. When the article has a dateline, 昨天 is
    also checked against the weekday or date the English gives instead (a warning: the dateline may be
    the day of publication, a day after the writing).
    Bad:  川普週二在白宮表示 → "Trump said at the White House on Wednesday"
    Good: 川普週二在白宮表示 → "Trump said at the White House on Tuesday"
    """

    code, name, severity = "D002", "day-mismatch", Severity.ERROR
    severity_note = "warning when 昨天 or a weekday is read against the dateline, or a weekday does not fit its date"

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        written = dateline(doc)
        for pair in doc.pairs:
            if pair.source and pair.target:
                yield from self._check(pair, written)

    def _check(self, pair: AlignedPair, written: dt.date | None) -> Iterator[Finding]:
        chinese, english = days_zh(pair.source_norm), days_en(pair.target_norm)
        if not chinese and not english:
            return  # neither side names a day (most pairs): nothing to pair or to read against a date
        named = [d for d in english if not carried_over(d.text, pair.source_norm)]  # Sunday Times
        source, target = _unpaired(chinese, named)
        weekdays = [d for d in target if d.weekday is not None]
        relative = [d for d in target if d.offset is not None]
        for day in source:
            if day.weekday is not None and weekdays:
                yield self._mismatch(pair, day, weekdays.pop(0), _name(day))
            elif day.offset is not None and relative:
                yield self._mismatch(pair, day, relative.pop(0), _name(day))
            elif written is not None:
                yield from self._against_dateline(pair, day, written, weekdays, relative)
        yield from self._against_dates(pair, weekdays, written)

    def _against_dates(self, pair: AlignedPair, weekdays: list[DayRef], written: dt.date | None) -> Iterator[Finding]:
        """"Sunday, September 29, 2018" where the source's date 2018年9月29日 was a Saturday."""
        if not weekdays:
            return
        year = next((d.year for d in extract_zh(pair.source_norm)[1] if d.year), written.year if written else None)
        dates = [d for d in extract_en(pair.target_norm)[1] if d.month and d.day]
        for day in weekdays:
            date = next((d for d in dates if 0 <= d.start - day.end <= 3), None)
            if date is None or not (date.year or year):
                continue
            try:
                meant = dt.date(date.year or year or 0, date.month or 0, date.day or 0)
            except ValueError:
                continue
            if meant.weekday() != day.weekday:
                found = pair.target_norm[day.start:day.end]
                right = WEEKDAYS[meant.weekday()]
                yield self.finding(
                    f"{format_date(DateRef(meant.year, meant.month, meant.day, '', 0, 0))} is a {right}, not a {found}",
                    pair, severity=Severity.WARNING, expected=right, found=found, suggestion=f"{found} → {right}",
                    target_marks=(found,),
                )

    def _against_dateline(self, pair: AlignedPair, day: DayRef, written: dt.date, weekdays: list[DayRef],
                          relative: list[DayRef]) -> Iterator[Finding]:
        """昨天 against "on Tuesday" (or 週二 against "yesterday"): one of them names the day by the dateline."""
        if day.offset is not None and weekdays:
            meant = written + dt.timedelta(days=day.offset)
            found = weekdays.pop(0)
            if found.weekday != meant.weekday():
                expected = f"{WEEKDAYS[meant.weekday()]}, {meant:%B} {meant.day}"
                yield self._mismatch(pair, day, found, expected, written)
        elif day.weekday is not None and relative:
            found = relative.pop(0)
            if (written + dt.timedelta(days=found.offset or 0)).weekday() != day.weekday:
                yield self._mismatch(pair, day, found, _name(day), written)

    def _mismatch(self, pair: AlignedPair, day: DayRef, found: DayRef, expected: str,
                  written: dt.date | None = None) -> Finding:
        shown = original_span(pair.source_text, pair.source_norm, day.start, day.end) or day.text
        found_text = pair.target_norm[found.start:found.end]
        note = f" (dateline {written.isoformat()})" if written else ""
        return self.finding(
            f"{shown} ({expected}){note} is rendered as {found_text}", pair,
            severity=Severity.WARNING if written else None,
            expected=f"{expected} ({shown})", found=found_text, suggestion=f"{found_text} → {expected}",
            source_marks=(shown,), target_marks=(found_text,),
        )
