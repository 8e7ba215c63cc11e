from __future__ import annotations

from audit.checks.base import Context
from audit.checks.consistency import SourceVariants
from audit.lexicon.glossary import Glossary
from tests.conftest import make_doc, make_pair


def test_two_variants_of_one_name_in_a_source_are_reported_once(glossary: Glossary) -> None:
    doc = make_doc([
        make_pair("俄羅斯總統普丁與美國特使會談。", "Russian President Putin held talks with the U.S. envoy.", line=7),
        make_pair("普京在會後公開強硬表態。", "Following the meeting, Putin publicly expressed a firm stance.", line=8),
    ])
    [finding] = list(SourceVariants().check_document(doc, Context(glossary)))
    assert finding.code == "C001" and finding.source_marks == ("普丁", "普京")
    assert "both name Putin" in finding.message and finding.source_loc.line == 8  # type: ignore[union-attr]


def test_traditional_and_simplified_script_of_one_spelling_are_consistent(glossary: Glossary) -> None:
    doc = make_doc([
        make_pair("烏克蘭總統澤連斯基重申立場。", "Ukrainian President Zelensky reiterated his position."),
        make_pair("泽连斯基表示期待进一步磋商。", "Zelensky said he looked forward to further talks."),
    ])
    assert list(SourceVariants().check_document(doc, Context(glossary))) == []


def test_one_person_spelled_two_ways_in_the_translation(glossary: Glossary) -> None:
    from audit.checks.consistency import InconsistentRendering

    pairs = [
        make_pair("澤連斯基重申立場。", "Zelensky reiterated his position."),
        make_pair("澤連斯基表示期待磋商。", "Zelensky said he looked forward to talks."),
        make_pair("澤連斯基隨後離開。", "Zelenskyy then left."),
    ]
    [finding] = list(InconsistentRendering().run(make_doc(pairs), Context(glossary)))
    assert finding.suggestion == "Zelenskyy → Zelensky" and finding.pair_index == 2
    same = [make_pair("澤連斯基重申立場。", "Volodymyr Zelensky reiterated his position."), make_pair("澤連斯基隨後離開。", "Zelensky then left.")]
    assert list(InconsistentRendering().check_document(make_doc(same), Context(glossary))) == []
