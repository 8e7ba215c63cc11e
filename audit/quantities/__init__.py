"""Numbers, amounts and dates pulled out of Chinese and English news text, with their positions.

The number and date checks compare *values*, not strings: 1.2億 and "120 million" are one quantity,
12月6日 and "December 6" one date. This package knows nothing of checks; it only reads text.

Chinese input is expected already converted to Simplified with full-width digits and letters folded
to ASCII (the normalize stage does that); both ，。 and ASCII punctuation are accepted.

The public functions, each cached per text (the number and date rules, and the aligner, read every sentence):

- `extract_zh(text)`, `extract_en(text)` → (quantities, dates) in text order, as `Quantity` and `DateRef`;
- `days_zh(text)`, `days_en(text)` → weekdays and relative days as `DayRef`;
- `parse_chinese_number("3万5千")` → (35000.0, 1000.0), `parse_english_number("twenty-five")` → 25.0;
- `carried_over(piece, source)`: a Latin name of the translation that the Chinese carries as written;
- `english_value(quantity)`, `in_wording_of(value, quantity)`, `format_date(date)`, `original_span(...)`: what
  the checks print;
- `MONTHS`, `MONTH_NUMBERS`, `WEEKDAYS`: the one list of month and weekday names.

One module per job: `scan` (the machinery every reader shares), `zh_numerals`, `zh_numbers`, `zh_dates`,
`en_numbers` (digits), `en_words` (numbers in words), `en_dates`, `days`, `render`, `calendar_names`, `records`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from audit.normalize import original_offsets, original_span
from audit.quantities import en_dates, en_numbers, en_words, zh_dates, zh_numbers
from audit.quantities.calendar_names import MONTH_NUMBERS, MONTHS, WEEKDAYS
from audit.quantities.days import days_en, days_zh
from audit.quantities.en_words import parse_english_number
from audit.quantities.records import DateRef, DayRef, Quantity
from audit.quantities.render import carried_over, english_value, format_date, in_wording_of
from audit.quantities.scan import Scan
from audit.quantities.zh_numerals import parse_chinese_number
from audit.remembered import SENTENCES

__all__ = [
    "MONTHS", "MONTH_NUMBERS", "WEEKDAYS", "DateRef", "DayRef", "Quantity", "carried_over", "clear_caches", "days_en", "days_zh",
    "english_value", "extract_en", "extract_zh", "format_date", "in_wording_of", "original_offsets", "original_span",
    "parse_chinese_number", "parse_english_number",
]

# The readers of each language, in the order they claim text: a later reader skips what an earlier one took.
_READERS: dict[str, tuple[Callable[[Scan], None], ...]] = {
    "zh": (zh_numbers.skip_glosses, zh_dates.read_dates, zh_dates.read_times, zh_numbers.read_numbers),
    "en": (en_dates.read_dates, en_dates.read_times, en_numbers.read_models, en_words.read_fractions,
           en_numbers.read_digit_numbers, en_words.read_decades, en_words.read_spelled_numbers,
           en_words.read_ordinal_words, en_words.read_multipliers),
}


def extract_zh(text: str, default: DateRef | None = None) -> tuple[list[Quantity], list[DateRef]]:
    """Quantities and dates of a Chinese (Simplified, ASCII-digit) sentence, in text order.

    `default`: the date a bare day (3日) takes its month and year from when the sentence states none.
    """
    quantities, dates = _extract(text, "zh", default)
    return list(quantities), list(dates)


def extract_en(text: str, default: DateRef | None = None) -> tuple[list[Quantity], list[DateRef]]:
    """Quantities and dates of an English sentence, in text order."""
    quantities, dates = _extract(text, "en", default)
    return list(quantities), list(dates)


@lru_cache(maxsize=SENTENCES)  # the number and date rules both read every pair, both sides: extract once
def _extract(text: str, lang: str, default: DateRef | None) -> tuple[tuple[Quantity, ...], tuple[DateRef, ...]]:
    scan = Scan(text)
    for read in _READERS[lang]:
        read(scan)
    return scan.result(default)


def clear_caches() -> None:
    """Forget every text read (benches measuring a first pass over new text)."""
    _extract.cache_clear()
