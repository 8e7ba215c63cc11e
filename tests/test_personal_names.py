"""Chinese personal names outside every lexicon, found by context and checked by romanization (issue #13, item 2)."""

from __future__ import annotations

import pytest

from audit.checks.base import Context
from audit.checks.names import NameMismatch
from audit.lexicon.glossary import Glossary
from audit.lexicon.personal_names import personal_names
from audit.model import Severity
from audit.normalize import normalize_zh
from tests.conftest import NTREX, make_doc, make_pair, ntrex_documents

# NTREX-128 line 629 (Simplified): North Korea's foreign minister, in no glossary and not in CC-CEDICT.
RI_ZH = "朝鲜外交部长李英浩表示，如果朝鲜无法信任美国，则绝不会进行核裁军。"
RI_EN = "North Korean Foreign Minister Ri Yong Ho says his nation will never disarm its nuclear weapons first if it can't trust Washington."


def name_findings(glossary: Glossary, zh: str, en: str) -> list:  # type: ignore[type-arg]
    return [f for f in NameMismatch().check_document(make_doc([make_pair(zh, en)]), Context(glossary))
            if f.severity >= Severity.WARNING]


def test_a_name_after_a_title_or_before_a_verb_of_saying_is_found() -> None:
    assert [p.name.chinese for p in personal_names(normalize_zh(RI_ZH))] == ["李英浩"]
    assert [p.name.chinese for p in personal_names(normalize_zh("他說這是一個好消息。"))] == []


def test_a_dictionary_word_or_a_dotted_foreign_name_is_no_personal_name() -> None:
    # 高度 (height) begins with the surname 高; 柯里斯·昆斯 is Chris Coons (NTREX-128)
    assert personal_names(normalize_zh("官員高度表示關切。")) == ()
    assert personal_names(normalize_zh("民主黨參議員柯里斯·昆斯表示反對。")) == ()


def test_a_korean_name_rendered_in_its_korean_reading_is_quiet(glossary: Glossary) -> None:
    assert name_findings(glossary, RI_ZH, RI_EN) == []


def test_a_wrong_given_name_is_an_error_saying_the_expected_romanization(glossary: Glossary) -> None:
    [finding] = name_findings(glossary, RI_ZH, RI_EN.replace("Ri Yong Ho", "Ri Su Yong"))
    assert finding.severity == Severity.ERROR and finding.found == "Ri Su Yong"  # the whole name, as the fix replaces it
    assert "李英浩" in finding.message and "pinyin" in finding.message and "Wade–Giles" in finding.message


def test_a_foreign_name_taiwan_spells_like_a_chinese_one_is_not_taken_for_a_wrong_romanization(glossary: Glossary) -> None:
    # NTREX-128: 史畢斯 is Spieth, 裴洛西 Pelosi; neither English name reads as a romanized Chinese name
    assert name_findings(glossary, "「你真的需要深入挖掘，並擔心自己的比賽。」史畢斯說道。",
                         '"You\'ve really just got to dig deep and worry about your own match," Spieth said.') == []


@pytest.mark.skipif(not NTREX.exists(), reason="needs ../shared/data/ntrex128")
def test_clean_ntrex_lines_with_a_personal_name_raise_no_name_error(glossary: Glossary) -> None:
    """Every NTREX-128 line where a personal name is found by context: its reference translation is right."""
    checked, errors = 0, []
    for _name, zh_lines, en_lines in ntrex_documents(NTREX):
        for zh, en in zip(zh_lines, en_lines):
            if personal_names(normalize_zh(zh)):
                checked += 1
                errors += [f.message for f in name_findings(glossary, zh, en) if f.severity == Severity.ERROR
                           and any(p.name.chinese in f.message for p in personal_names(normalize_zh(zh)))]
    assert checked >= 10 and errors == []
