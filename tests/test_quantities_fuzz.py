"""Any figure, however long, in any of the places a figure stands: the readers and the number and date rules never
fail (#15: a figure of 309 digits or more read as float infinity and raised OverflowError)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checks.base import Context
from audit.checks.dates import DateMismatch
from audit.checks.numbers import NumberMismatch
from audit.quantities import english_value, extract_en, extract_zh, format_date
from tests.seed_pairs import bead

# What stands before and after a figure in the two languages: ordinals, dates, magnitudes, units, shares, designations.
ZH_BEFORE = ["", "第", "約", "蘇-", "百分之", "US$", "民國", "1分之"]
ZH_AFTER = ["", "年", "月", "日", "萬", "億元", "公里", "人", "%", "分之1", "點", "成", ".5億"]
EN_BEFORE = ["", "$", "about ", "Su-", "December ", "one in ", "the "]
EN_AFTER = ["", "th", " million", "%", " km", " people", ":30", "s", " to 5 million"]

# A run of digits of any length up to 1,000 (past the 309 at which a float overflows), starting with any digit.
digits = st.builds(lambda first, length, last: first + "9" * length + last,
                   st.sampled_from("0123456789"), st.integers(min_value=0, max_value=1000), st.sampled_from("0123456789"))


def _readable(text: str, lang: str) -> None:
    quantities, dates = (extract_zh if lang == "zh" else extract_en)(text)
    for quantity in quantities:
        assert math.isfinite(quantity.value)
        assert english_value(quantity)
    for date in dates:
        format_date(date)


@settings(max_examples=150, deadline=None)
@given(digits, digits, st.sampled_from(ZH_BEFORE), st.sampled_from(ZH_AFTER), st.sampled_from(EN_BEFORE),
       st.sampled_from(EN_AFTER))
def test_any_figure_is_read_and_compared_without_failing(zh_figure: str, en_figure: str, zh_before: str,
                                                          zh_after: str, en_before: str, en_after: str) -> None:
    zh = f"他說{zh_before}{zh_figure}{zh_after}。"
    en = f"He said {en_before}{en_figure}{en_after}."
    _readable(zh, "zh")
    _readable(en, "en")
    pair = bead(zh, en)
    for rule in (NumberMismatch(), DateMismatch()):
        for finding in rule.check_pair(pair, Context()):
            assert finding.message
