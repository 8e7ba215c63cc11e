"""One definition of a Han character for every stage (audit.text)."""

from __future__ import annotations

from audit.checks.base import Context
from audit.checks.untranslated import UntranslatedChinese
from audit.io.text import script_of
from audit.normalize import original_span, normalize_zh
from audit.text import HAN_RUN
from tests.conftest import make_pair


def test_han_runs_take_every_block_of_ideographs_and_no_symbols() -> None:
    # Extension A 㐀, the main block, a compatibility ideograph 豈, Extension B 𠮷 (a family name); not the
    # Yijing hexagram ䷀ that sits between Extension A and the main block, nor kana or full-width letters.
    assert HAN_RUN.findall("㐀中文豈𠮷 ䷀ かな ＡＢ") == ["㐀中文豈𠮷"]


def test_a_name_in_extension_b_is_chinese_left_in_the_english() -> None:
    [finding] = UntranslatedChinese().check_pair(make_pair("吉野家的老闆𠮷田表示", "The owner of Yoshinoya, 𠮷田, said"), Context())
    assert finding.found == "𠮷田"
    assert script_of("𠮷田說") == "zh"


def test_original_span_gives_the_traditional_text_behind_a_simplified_span() -> None:
    original = "烏克蘭總統澤連斯基"
    norm = normalize_zh(original)
    assert original_span(original, norm, 5, 9) == "澤連斯基"
