"""The name rules stay quiet on correct translations (issue #13): each case below is a real NTREX-128 line pair
(or the lexicon entry behind one) that was reported before the phenomenon was fixed, not a sentence-shaped list."""

from __future__ import annotations

import pytest

from audit.checks.base import Context
from audit.checks.names import NameMismatch
from audit.lexicon.entities import load_lexicon
from audit.lexicon.glossary import Glossary
from audit.model import Severity
from tests.conftest import make_doc, make_pair


def run(glossary: Glossary, zh: str, en: str) -> list:  # type: ignore[type-arg]
    return list(NameMismatch().check_document(make_doc([make_pair(zh, en)]), Context(glossary)))


def test_cedict_references_resolve_to_the_english_of_what_they_refer_to() -> None:
    lexicon = load_lexicon()
    assert "Texas" in lexicon.lookup("德州").english  # abbr. for 德克薩斯州, Texas
    hillary = lexicon.lookup("希拉蕊")  # Taiwan equivalent of 希拉里
    assert hillary is not None and hillary.kind == "person" and hillary.english[0] == "Hillary"
    assert lexicon.lookup("龙门").english[0] == "Longmen"  # "Longmen county in Huizhou": the name, not the description


def test_calendar_words_currencies_and_offices_are_no_names_to_expect() -> None:
    lexicon = load_lexicon()
    assert lexicon.lookup("十月") is None and lexicon.lookup("礼拜六") is None  # October, Saturday: dates
    assert lexicon.lookup("美金").kind == "currency"  # US dollar, CLDR's currency
    assert lexicon.lookup("国会").kind == "office"  # Parliament (UK), Congress (US), Diet (Japan)…
    assert lexicon.lookup("格力").kind == "org"  # Gree (brand): a company's name, not a place's


@pytest.mark.parametrize("zh, en", [
    # a lexicon name read inside a longer transliteration, a title, an office of any country
    ("我們在瓦德拉馬大幅領先。", "We had a big lead at Valderrama, said Bjorn, after watching the Class of 2018 win."),
    ("《2017 年威爾斯地方政府法案》予以威爾斯國會更改其名稱的權力。",
     "The Government of Wales Act 2017 gave the Welsh assembly the power to change its name."),
    # the Chinese gives the original in Latin letters and the English writes it
    ("密克羅尼西亞飛機墜機：飛機墜入潟湖，新幾內亞航空 (Air Niugini) 現在表示有一人失蹤",
     "Micronesia plane crash: Air Niugini now says one man missing after lagoon plane crash"),
    # a demonym's plural, a generic word in lower case, a family by its plural
    ("馬其頓公民就更改國家名稱法案進行公投", "Macedonians go to polls in referendum on changing country's name"),
    ("他們大抵同意會力促朝鮮半島無核化。", "They agreed in broad terms to work towards the nuclear-free Korean peninsula."),
    ("她說：「我認為他針對希拉蕊和民主黨所做出的這些說法和行徑，讓他自己失去了資格。」",
     '"I think that he disqualifies himself with those statements and the manner in which he went after the Clintons '
     'and the Democrats," she said.'),
])
def test_correct_translations_get_no_name_finding_at_warning_or_above(glossary: Glossary, zh: str, en: str) -> None:
    assert [f.message for f in run(glossary, zh, en) if f.severity >= Severity.WARNING] == []


def test_a_name_inside_a_longer_transliteration_is_not_expected(glossary: Glossary) -> None:
    found = run(glossary, "我們在瓦德拉馬大幅領先。", "We had a big lead at Valderrama, after watching the Class of 2018 win.")
    assert not any("馬大" in f.message for f in found)


def test_a_brand_is_not_replaced_by_a_language(glossary: Glossary) -> None:
    """格力 (Gree) in 英格力, Johnny English: the brand is an organisation, "English" no organisation."""
    found = run(glossary, "我尤其喜歡當英格力身穿整套中世紀盔甲逼近直升機時，轉子葉片卻不小心敲到了他的頭盔。",
                "I loved Johnny English approaching a helicopter while dressed in a medieval suit of armour.")
    assert not any(f.severity == Severity.ERROR for f in found)


def test_the_latin_original_must_be_written_whole(glossary: Glossary) -> None:
    """"Rapid Haifa" keeps a word of 維也納快速 (Rapid Vienna) but not the city: still a wrong name."""
    found = run(glossary, "在那之前，流浪將在禮拜四的歐洲聯賽本場迎戰維也納快速 (Rapid Vienna)。",
                "Before then, Rangers host Rapid Haifa in the Europa League on Thursday.")
    assert any(f.found == "Haifa" and f.severity == Severity.ERROR for f in found)


def test_a_pronoun_opening_a_sentence_is_no_stand_in(glossary: Glossary) -> None:
    """"He" is also He Lifeng's surname in the glossary: the name written in its place is Whitaker."""
    [finding] = run(glossary, "他說，威特科夫週二抵達", "He said Whitaker arrived on Tuesday")
    assert finding.found == "Whitaker" and finding.severity == Severity.ERROR
