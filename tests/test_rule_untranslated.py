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
