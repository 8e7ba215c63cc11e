"""English numbers in digits: counts, amounts ("US$1.2 billion"), measures ("5 km"), percentages, ordinals ("3rd"),
designations ("Su-24", "F-16"), and the currency, scale, unit and hedge words around any figure."""

from __future__ import annotations

import re

from audit.quantities.calendar_names import MONTH_NUMBERS
from audit.quantities.records import DateRef, Quantity
from audit.quantities.scan import HAS_DIGIT, Scan, decimals, number

EN_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_SHORT_SCALES = {"bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12, "m": 1e6, "mn": 1e6, "k": 1e3}
_EN_CURRENCY_PREFIX = {
    "US$": "USD", "NT$": "TWD", "HK$": "HKD", "A$": "AUD", "C$": "CAD", "S$": "SGD", "R$": "BRL", "$": "USD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "RMB": "CNY", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "Rs": "INR",
}
_EN_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "won": "KRW", "rupees": "INR",
    "roubles": "RUB", "rubles": "RUB", "francs": "CHF", "pesos": "MXN", "rand": "ZAR", "ringgit": "MYR",
}
_EN_UNITS = {
    "hours": "hour", "hour": "hour", "hrs": "hour", "hr": "hour", "minutes": "minute", "minute": "minute",
    "mins": "minute", "seconds": "second", "second": "second", "days": "day", "day": "day", "weeks": "week",
    "week": "week", "months": "month", "month": "month", "years": "year", "year": "year", "yrs": "year",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "square miles": "mi2",
    "square metres": "m2", "square meters": "m2", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "m": "m", "cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm",
    "miles": "mile", "mile": "mile", "feet": "foot", "foot": "foot", "ft": "foot", "inches": "inch",
    "inch": "inch", "kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg", "kilogram": "kg",
    "grams": "g", "g": "g", "tonnes": "tonne", "tonne": "tonne", "tons": "tonne", "ton": "tonne",
    "lbs": "lb", "lb": "lb", "litres": "l", "liters": "l", "gallons": "gallon", "degrees": "degree",
    "degree": "degree", "°C": "degree", "°F": "degree", "°": "degree", "C": "degree", "F": "degree",
    "acres": "acre", "hectares": "hectare", "nautical miles": "nmi", "knots": "knot", "mph": "mph", "km/h": "kmh",
    "miles per hour": "mph", "miles an hour": "mph", "kilometres per hour": "kmh", "kilometers per hour": "kmh",
    "km per hour": "kmh", "kilometres an hour": "kmh", "kilometers an hour": "kmh",
    # SI units with the prefixes kilo and mega (the BIPM's SI Brochure names and symbols), as 千瓦, 兆瓦 are read
    **{f"{prefix}{name}{plural}": symbol_prefix + symbol for prefix, symbol_prefix in (("kilo", "k"), ("mega", "M"))
       for name, symbol in (("watt-hour", "Wh"), ("watt", "W"), ("joule", "J"), ("pascal", "Pa"), ("volt", "V"),
                            ("hertz", "Hz")) for plural in (("", "s") if name != "hertz" else ("",))},
    **{symbol: symbol for symbol in ("kWh", "MWh", "kW", "MW", "kJ", "MJ", "kPa", "MPa", "kV", "kHz", "MHz")},
    "kilocalories": "kcal", "kcal": "kcal", "megabytes": "MB", "MB": "MB", "kilobytes": "kB", "kB": "kB",
}
_EN_HEDGE = re.compile(
    r"(?i)\b(more than|over|nearly|about|almost|around|some|roughly|approximately|at least|up to|less than|"
    r"fewer than|under|close to|just over|just under|an estimated|upwards of|as many as|as much as|only|"
    r"estimated|approx\.)\s+(?:the\s+)?$"
)
_EN_MODEL = re.compile(r"(?<![\w$£€.])(?P<p>[A-Z][A-Za-z]{0,5})(?:-| )?(?P<n>\d+)(?P<s>[A-Za-z]{0,2})\b(?![,.]\d)")
# Where a capitalised word stands for its sentence's start rather than for a name: "Mid-2018", "Top-10" open a
# sentence; "Su-24" inside one is a designation.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘'(\[]\s*)$")
_EN_NUMBER = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d])")
_EN_SCALE_AFTER = re.compile(r"^(?:\s*-?\s*(?P<scale>hundred|thousand|million|billion|trillion)\b|(?P<short>bn|b|tn|trn|mn|m|k)\b)", re.I)
_EN_PERCENT_AFTER = re.compile(r"^\s*(?:%|-?per\s?cent\b|-?percent\b|pc\b|(?:-| )?percentage\s+points?\b|points?\s+percent)", re.I)
_EN_ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th)\b")
_EN_UNIT_ALT = "|".join(re.escape(u) for u in sorted(list(_EN_UNITS) + list(_EN_CURRENCY_WORDS), key=len, reverse=True))
_EN_UNIT_AFTER = re.compile(rf"^(?:\s*|-)(?P<unit>{_EN_UNIT_ALT})(?![A-Za-z])(?P<old>-old)?")
_EN_RANGE_SCALE = re.compile(r"^\s*(?:-|–|—|to|and|or)\s*(?:US\$|\$|£|€)?\d[\d,]*(?:\.\d+)?\s*-?\s*"
                             r"(?P<scale>thousand|million|billion|trillion|bn|tn)\b", re.I)
_EN_CURRENCY_BEFORE = re.compile(r"(?P<cur>US\$|NT\$|HK\$|A\$|C\$|S\$|R\$|\$|£|€|¥|RMB|USD|EUR|GBP|Rs\.?)\s*$")
_EN_YEAR_BLOCKERS = re.compile(r"(?i)^\s*(?:people|troops|soldiers|men|women|children|workers|members|residents|homes|jobs|cases|votes|units|times|feet|metres|meters)\b")


def en_prefix(text: str, start: int) -> tuple[str | None, int, str | None]:
    """(currency, start including the currency sign, hedge) for a number starting at `start`."""
    currency = None
    match = _EN_CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
    if match:
        currency = _EN_CURRENCY_PREFIX[match.group("cur").rstrip(".")]
        start -= len(match.group(0))
    hedge = _EN_HEDGE.search(text[max(0, start - 20) : start])
    return currency, start, (hedge.group(1).lower() if hedge else None)


def en_suffix(text: str, end: int, currency: str | None) -> tuple[float, str, str | None, int]:
    """Scale factor, kind, unit and new end from what follows a number (million, %, km, -year-old)."""
    scale, kind, unit = 1.0, "number", currency
    match = _EN_SCALE_AFTER.match(text[end:])
    if match and (match.group("scale") or match.group("short").lower() in ("bn", "b", "tn", "trn", "mn")
                  or (match.group("short") and currency)):
        word = (match.group("scale") or match.group("short")).lower()
        scale = EN_SCALES.get(word) or _EN_SHORT_SCALES[word]
        end += match.end()
    else:
        shared = _EN_RANGE_SCALE.match(text[end:])
        if shared:  # "12 to 14 million": the near end is written at the far end's scale
            scale = EN_SCALES.get(shared.group("scale").lower()) or _EN_SHORT_SCALES[shared.group("scale").lower()]
    percent = _EN_PERCENT_AFTER.match(text[end:])
    if percent:
        return scale, "percent", None, end + percent.end()
    unit_match = _EN_UNIT_AFTER.match(text[end:])
    if unit_match and not currency:
        word = unit_match.group("unit")
        unit = _EN_CURRENCY_WORDS.get(word.lower()) or _EN_UNITS.get(word) or _EN_UNITS.get(word.lower())
        kind = "money" if word.lower() in _EN_CURRENCY_WORDS else "measure"
        end += unit_match.end()
    if currency:
        kind = "money"
    return scale, kind, unit, end


def read_digit_numbers(scan: Scan) -> None:
    """Figures written in digits, with what stands around them; a bare 1900–2099 is taken as a year."""
    for match in scan.matches(_EN_NUMBER, HAS_DIGIT):
        text, raw = scan.text, match.group("num")
        ordinal = _EN_ORDINAL_SUFFIX.match(text[match.end() :])
        if ordinal:
            value = number(raw)
            scan.add_quantity(Quantity(value, None, raw + ordinal.group(0), match.start(), match.end() + ordinal.end(), None, "ordinal"))
            continue
        currency, start, hedge = en_prefix(text, match.start())
        scale, kind, unit, end = en_suffix(text, match.end(), currency)
        value = number(raw) * scale
        if _en_is_year(raw, kind, currency, text[end:]):
            scan.add_date(DateRef(int(raw), None, None, raw, *match.span()))
            continue
        precision = scale * 10 ** -decimals(raw) if scale >= 1000 else 0.0
        scan.add_quantity(Quantity(value, unit, text[start:end], start, end, hedge, kind, precision))


def _en_is_year(raw: str, kind: str, currency: str | None, after: str) -> bool:
    """A bare 1900–2099 in English news is a year (in 2025, the 2018 elections) unless it counts something."""
    if not re.fullmatch(r"(?:19|20)\d\d", raw) or kind != "number" or currency:
        return False
    return not _EN_YEAR_BLOCKERS.match(after)


def read_models(scan: Scan) -> None:
    """Designations: "Su-24", "F 16", "MH17" (the value is the number in them)."""
    for match in scan.matches(_EN_MODEL, HAS_DIGIT):
        prefix = match.group("p")
        if " " in match.group(0) and not prefix.isupper():
            continue  # "Boeing 737" reads as a number; "Su-24", "F 16", "MH17" as designations
        if not (prefix.isupper() and len(prefix) > 1) and (
                prefix.lower() in MONTH_NUMBERS or prefix in _EN_CURRENCY_PREFIX
                or _SENTENCE_START.search(scan.text[: match.start()])):
            continue  # "Oct-2018", "Rs500"; a capitalised word at a sentence's start may be any word ("Mid-2018")
        scan.add_quantity(Quantity(float(match.group("n")), None, match.group(0), *match.span(), None, "model"))
