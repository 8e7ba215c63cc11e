"""How the checks show what the readers found: a figure or a date in English words."""

from __future__ import annotations

import re

from audit.quantities.calendar_names import MONTHS
from audit.quantities.records import DateRef, Quantity


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
    figure = f"{_figure(quantity.bounds[0])}–{_figure(quantity.bounds[1])}" if quantity.bounds else _figure(value)
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
    "times": "times", "acre": "acres", "hectare": "hectares", "mph": "mph", "kmh": "km/h", "mi2": "square miles",
    "nmi": "nautical miles", "knot": "knots", "l": "litres", "gallon": "gallons",
    **{symbol: symbol for symbol in ("kWh", "MWh", "kW", "MW", "kJ", "MJ", "kPa", "MPa", "kV", "MV", "kHz", "MHz",
                                     "kcal", "MB", "kB", "Wh", "W", "J", "Pa", "V", "Hz")},
}


def in_wording_of(value: float, other: Quantity) -> str | None:
    """`value` written the way `other` is (its currency, scale word and unit kept): 85 in the wording of "92 miles
    per hour" is "85 miles per hour", 120 million in that of "$1.3 billion" is "$0.12 billion". None when `other`
    is not one figure in digits."""
    digits = list(_DIGITS.finditer(other.text))
    if other.spelled or len(digits) != 1 or other.kind not in ("number", "measure", "money", "percent"):
        return None
    written = float(digits[0].group().replace(",", ""))
    scale = other.value / written if written else 1.0
    figure = value / scale
    if scale > 1 and abs(figure) < 1:
        return None  # "$0.12 billion": say "$120 million" instead
    shown = f"{figure:,.6f}".rstrip("0").rstrip(".") if "," in digits[0].group() else _plain(figure).replace(",", "")
    return other.text[: digits[0].start()] + shown + other.text[digits[0].end():]


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


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
    parts = []
    if date.month:
        parts.append(MONTHS[date.month - 1] + (f" {date.day}" if date.day else ""))
    elif date.day:
        parts.append(f"the {_ordinal(date.day)}")
    if date.year:
        parts.append(str(date.year))
    return ", ".join(parts) if date.day and date.month else " ".join(parts)


def carried_over(piece: str, source: str) -> bool:
    """Whether a Latin-script piece of the translation stands in the Chinese as written: a name carried over
    (向 Sunday Times 表示 ↔ "the Sunday Times", 四角地區 (Four Corners)), not a rendering of a figure or a day."""
    return re.search(rf"(?<![A-Za-z]){re.escape(piece)}(?![A-Za-z])", source) is not None
