from __future__ import annotations

from audit.checks.base import Context
from audit.checks.untranslated import TargetCopiesSource, UntranslatedChinese
from tests.conftest import make_doc, make_pair


def run(rule, pair):  # type: ignore[no-untyped-def]
    return list(rule.check_document(make_doc([pair]), Context()))


def test_chinese_left_in_the_english_is_an_error() -> None:
    pair = make_pair("烏方形容談判“艱難但富有成效”。", "Ukraine described the negotiations as “艱難但富有成效.”")
    [finding] = run(UntranslatedChinese(), pair)
    assert finding.found == "艱難但富有成效" and finding.target_marks == ("艱難但富有成效",)


def test_a_copied_target_is_one_finding_not_two() -> None:
    pair = make_pair("對此,俄方尚未做出回應。", "對此,俄方尚未做出回應。")
    assert [f.code for f in run(TargetCopiesSource(), pair)] == ["T002"]
    assert run(UntranslatedChinese(), pair) == []


def test_correct_translations_are_quiet() -> None:
    pair = make_pair("對此,俄方尚未做出回應。", "Russia has not issued any response.")
    assert run(UntranslatedChinese(), pair) == [] and run(TargetCopiesSource(), pair) == []


# ---- pinyin left in place of a translation ----

def test_pinyin_left_for_a_word_with_a_translation_is_a_warning() -> None:
    pair = make_pair("雙方的談判持續了三天。", "The tanpan between the two sides lasted three days.")
    [finding] = run(UntranslatedChinese(), pair)
    assert finding.severity.label == "warning" and finding.found == "tanpan"
    assert finding.source_marks == ("談判",) and finding.target_marks == ("tanpan",)


def test_pinyin_is_found_as_people_write_it() -> None:
    """Tone marks, syllables apart, v for ü: the forms pinyin takes in real text."""
    for written in ("tánpàn", "tan pan", "tan-pan"):
        pair = make_pair("雙方的談判持續了三天。", f"The {written} between the two sides lasted three days.")
        assert [f.found for f in run(UntranslatedChinese(), pair)] == [written]
    pair = make_pair("他們穿著綠色的襯衫。", "They wore lvse shirts.")
    assert [f.found for f in run(UntranslatedChinese(), pair)] == ["lvse"]


def test_pinyin_that_is_english_a_name_or_glossed_is_quiet() -> None:
    quiet = [
        ("他們請人看了風水。", "They had the feng shui checked."),  # a loanword CC-CEDICT glosses with it
        ("他住在和平路。", "He lives on Heping Road."),  # a capitalised romanization: a name
        ("北京的背景很複雜。", "Beijing has a complicated background."),  # 背景 beijing is also 北京 Beijing
        ("我們都在這裡。", "The women are all here."),  # an English word
        ("他沒有北京戶口。", "He has no Beijing hukou, or household registration."),  # translated beside it
        ("雙方的談判持續了三天。", "The negotiations between the two sides lasted three days."),
    ]
    for zh, en in quiet:
        assert run(UntranslatedChinese(), make_pair(zh, en)) == [], en


def test_a_romanized_word_whose_chinese_is_not_in_the_sentence_is_quiet() -> None:
    assert run(UntranslatedChinese(), make_pair("雙方會面持續了三天。", "The tanpan lasted three days.")) == []
