from __future__ import annotations

from audit.checks.base import Context
from audit.checks.terminology import GlossaryTerm
from audit.lexicon.glossary import load_glossary
from tests.conftest import ROOT, make_doc, make_pair

GLOSSARY = load_glossary([ROOT / "fixtures" / "glossaries" / "newsroom.csv"], bundled=False)
ZH = "同日,美國與烏克蘭持續就俄烏“和平計畫”進行討論。"


def test_term_rendered_otherwise_is_a_warning() -> None:
    pair = make_pair(ZH, "On the same day, the United States and Ukraine continued discussions on the Russia-Ukraine peace scheme.")
    [finding] = list(GlossaryTerm().check_document(make_doc([pair]), Context(GLOSSARY)))
    assert finding.code == "G001" and finding.source_marks == ("和平計畫",) and finding.suggestion == "use “peace plan”"


def test_term_followed_in_any_case_is_quiet() -> None:
    pair = make_pair(ZH, "On the same day, the United States and Ukraine continued discussions on the Russia-Ukraine “Peace Plan.”")
    assert list(GlossaryTerm().check_document(make_doc([pair]), Context(GLOSSARY))) == []


def test_names_are_not_terms() -> None:
    pair = make_pair("美國特使威特科夫抵達。", "U.S. special envoy Whitaker arrived.")
    assert list(GlossaryTerm().check_document(make_doc([pair]), Context(GLOSSARY))) == []  # N001's business
