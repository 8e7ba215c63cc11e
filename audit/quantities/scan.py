"""The scanning machinery both languages' readers share.

Patterns are tried from the most specific (dates, times, designations) to the least (plain numbers), and
every character taken by one reading is closed to the later ones, so the 6 of 12月6日 is a day and never also
a number. A gate (a cheap test that a pattern cannot match) spares most patterns' scans on most sentences.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cached_property
from typing import Callable, Iterable, Iterator

from audit.quantities.records import DateRef, Quantity

_LATIN_WORD = re.compile(r"[A-Za-z]+")


class Scan:
    """A text plus the characters already claimed by an earlier, more specific reading."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.used = bytearray(len(text))
        # The text with claimed characters blanked, so a later pattern neither sees nor straddles them.
        self.masked = text
        self.quantities: list[Quantity] = []
        self.dates: list[DateRef] = []
        self.holds: dict[str, bool] = {}  # whether the text holds one of these characters (see `chars`)

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

    def matches(self, pattern: re.Pattern[str], gate: "Gate | None" = None) -> Iterator[re.Match[str]]:
        """The pattern's non-empty matches over characters no earlier reading took."""
        if gate is not None and not gate(self):
            return  # the pattern cannot match: spare its scan, most of the extractors' time
        for match in pattern.finditer(self.masked):
            if match.end() > match.start() and self.free(*match.span()):
                yield match

    def add_quantity(self, quantity: Quantity, span: tuple[int, int] | None = None) -> None:
        """Keep the reading; a figure too long to have a value (309 digits and more read as float infinity) is
        taken from the text but kept as no quantity: nothing downstream can compare or print it."""
        if math.isfinite(quantity.value):
            self.quantities.append(quantity)
        self.take(*(span or (quantity.start, quantity.end)))

    def add_date(self, date: DateRef) -> None:
        self.dates.append(date)
        self.take(date.start, date.end)

    def result(self, default: DateRef | None) -> tuple[tuple[Quantity, ...], tuple[DateRef, ...]]:
        quantities = sorted(self.quantities, key=lambda q: q.start)
        return tuple(quantities), tuple(_inherit(sorted(self.dates, key=lambda d: d.start), default))


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


def number(text: str) -> float:
    """The value of a figure in digits with optional thousands commas; any length is safe (float('1e400') is inf,
    never an OverflowError)."""
    return float(text.replace(",", ""))


def decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def valid_date(month: int | None, day: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def read_numeric_dates(scan: Scan, pattern: re.Pattern[str]) -> None:
    """Dates written in digits year first (2023-02-11; 2023/2/11), `pattern`'s groups being year, month, day:
    one reading for both languages, which write them alike."""
    for match in scan.matches(pattern, HAS_DIGIT):
        year, month, day = (int(g) for g in match.groups())
        if valid_date(month, day):
            scan.add_date(DateRef(year, month, day, match.group(0), *match.span()))


# ---------------------------------------------------------------- gates: cheap tests that a pattern cannot match

Gate = Callable[[Scan], bool]


def chars(characters: str) -> Gate:
    """Whether the text holds one of the characters: looked for once per text (digits gate seven patterns)."""
    pattern = re.compile(f"[{re.escape(characters)}]")

    def gate(scan: Scan) -> bool:
        holds = scan.holds.get(characters)
        if holds is None:
            holds = scan.holds[characters] = pattern.search(scan.text) is not None
        return holds

    return gate


def words(wanted_words: Iterable[str]) -> Gate:
    """Whether the text holds one of the Latin words (as written or in lower case)."""
    wanted = frozenset(wanted_words)
    return lambda scan: not wanted.isdisjoint(scan.words)


HAS_DIGIT = chars("0123456789")
