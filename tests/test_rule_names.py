from __future__ import annotations

from audit.checks.base import Context
from audit.checks.names import NameMismatch, UnknownName
from audit.lexicon.glossary import Glossary
from audit.model import Severity
from tests.conftest import make_doc, make_pair

SAMPLE_ZH = "此前,12月2日晚至3日凌晨,俄羅斯總統普丁與美國特使威特科夫以及總統川普女婿庫什納舉行近五小時的會談。"
SAMPLE_EN = (
    "Earlier, from the evening of December 2 into the early hours of December 3, Russian President Vladimir Putin "
    "held nearly five hours of talks with U.S. special envoy Whitaker and President Trump’s son-in-law Jared Kushner."
)


def run(rule, pairs, glossary):  # type: ignore[no-untyped-def]
    return list(rule.check_document(make_doc(pairs), Context(glossary)))


def test_wrong_name_in_the_sample_is_an_error_with_the_fix(glossary: Glossary) -> None:
    [finding] = run(NameMismatch(), [make_pair(SAMPLE_ZH, SAMPLE_EN)], glossary)
    assert finding.code == "N001" and finding.severity == Severity.ERROR
    assert finding.message == '威特科夫 rendered "Whitaker"; expected "Witkoff"'
    assert finding.suggestion == "Whitaker → Witkoff"
    assert finding.source_marks == ("威特科夫",) and finding.target_marks == ("Whitaker",)


def test_correct_translation_of_the_same_sentence_is_quiet(glossary: Glossary) -> None:
    fixed = SAMPLE_EN.replace("Whitaker", "Steve Witkoff")
    assert run(NameMismatch(), [make_pair(SAMPLE_ZH, fixed)], glossary) == []


def test_accepted_spelling_variants_are_quiet(glossary: Glossary) -> None:
    zh = "烏克蘭總統澤連斯基則重申,俄烏和平協議沒有簡單的解決方案。"
    for spelling in ("Zelensky", "Zelenskyy", "Volodymyr Zelensky"):
        en = f"Ukrainian President {spelling} emphasized that there is no simple solution to a peace agreement."
        assert run(NameMismatch(), [make_pair(zh, en)], glossary) == []


def test_simplified_source_and_mainland_variant_are_matched(glossary: Glossary) -> None:
    zh = "普京在会后公开强硬表态,表示俄罗斯无法接受欧洲的修改。"
    en = "Following the meeting, Putin publicly declared that Russia could not accept European modifications."
    assert run(NameMismatch(), [make_pair(zh, en)], glossary) == []


def test_a_name_one_sentence_away_is_alignment_slack_not_an_error(glossary: Glossary) -> None:
    pairs = [
        make_pair("普京在會後公開強硬表態。", "Following the meeting, he publicly expressed a firm stance."),
        make_pair("他表示俄羅斯已做好準備。", "Putin said Russia was prepared."),
    ]
    assert run(NameMismatch(), pairs, glossary) == []


def test_a_person_dropped_without_a_substitute_is_only_a_warning(glossary: Glossary) -> None:
    zh = "庫什納也出席了會談。"
    en = "The president's son-in-law also attended the talks."
    [finding] = run(NameMismatch(), [make_pair(zh, en)], glossary)
    assert finding.severity == Severity.WARNING and "not found" in finding.message


def test_elided_place_is_quiet_but_a_substituted_place_is_flagged(glossary: Glossary) -> None:
    elided = make_pair("此外,美國白宮於12月2日宣布援助終止。", "In addition, on December 2, the White House announced the end of aid.")
    assert run(NameMismatch(), [elided], glossary) == []
    swapped = make_pair("美烏代表在佛羅里達州連續舉行會談。", "U.S. and Ukrainian representatives held consecutive meetings in Texas.")
    [finding] = run(NameMismatch(), [swapped], glossary)
    assert finding.found == "Texas" and finding.suggestion == "Texas → Florida"


def test_unknown_transliterated_name_rendered_as_someone_else_is_a_warning(glossary: Glossary) -> None:
    bad = make_pair("發言人博爾特尼科夫表示,談判將繼續。", "Spokesman Kushner said the negotiations would continue.")
    good = make_pair("發言人博爾特尼科夫表示,談判將繼續。", "Spokesman Bortnikov said the negotiations would continue.")
    findings = run(UnknownName(), [bad], glossary)
    assert [f.found for f in findings] == ["Kushner"]
    assert run(UnknownName(), [good], glossary) == []
