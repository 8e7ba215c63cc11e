"""The records the readers hand to the checks: a quantity, a calendar date, a day named by weekday or offset."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
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
    # An approximate range written as one figure (一万六七千 = 16,000–17,000, 三四十 = 30–40): its lowest and
    # highest value; `value` is then the middle and `precision` the width.
    bounds: tuple[float, float] | None = None

    @property
    def rounded(self) -> bool:
        """Whether the wording admits a rounded value: hedged (约, 近, 多, "about"), an approximate range, or a
        decimal of a magnitude word (1.2亿, "3.5 million"). 14万 and "140,000" are exact: 140,000 and no other."""
        return self.hedge is not None or self.bounds is not None or (self.precision > 0 and "." in self.text)


@dataclass(frozen=True)
class DateRef:
    """A calendar reference; the parts the text does not state (or inherit) are None."""

    year: int | None
    month: int | None
    day: int | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DayRef:
    """A day named by its weekday (週二, "Tuesday") or counted from the day of writing (昨天, "yesterday")."""

    weekday: int | None  # 0 = Monday … 6 = Sunday
    offset: int | None  # days after the day of writing: -1 = yesterday
    text: str
    start: int
    end: int
