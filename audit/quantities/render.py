"""How the checks show what the readers found: a figure or a date in English words, and the original text
behind a span of the normalised one."""

from __future__ import annotations

import re
import unicodedata

from audit.quantities.calendar_names import MONTHS
from audit.quantities.records import DateRef, Quantity


def original_span(original: str, norm: str, start: int, end: int) -> str | None:
    """The text of original[start:end] when `norm` is a same-length normalisation of `original`.

    Conversion to Simplified and width folding keep lengths in practice; when they did not, fall back to
    finding the normalised text itself in the original (digits usually survive unchanged).
    """
    piece = norm[start:end]
    if len(original) == len(norm) and _digits(original[start:end]) == _digits(piece):
        return original[start:end]
    if piece and piece in original:
        return piece
    digits = re.search(r"\d[\d,.]*", piece)
    return digits.group(0) if digits and digits.group(0) in original else None


def _digits(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())


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
    figure = _figure(value)
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
    "times": "times", "acre": "acres", "hectare": "hectares",
}


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
