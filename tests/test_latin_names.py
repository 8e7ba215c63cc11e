"""Names the Chinese keeps in Latin letters must be written in the English (N001, audit.checks.latin_names).

The sentences are NTREX-128's (zh-TW, and the English it translates), whose English writes three such names
otherwise than the Chinese: the real discrepancies the mechanism was built to find."""

from __future__ import annotations

import pytest

from audit.checks.base import Context
from audit.checks.latin_names import latin_names, respelled, written
from audit.checks.names import NameMismatch
from audit.lexicon.glossary import Glossary
from audit.model import Severity
from tests.conftest import make_doc, make_pair

RAHM_ZH = "他交棒給同鄉拉姆 (Jon Rahm)，拉姆在星期天的個人賽以贏 2 洞剩 1 洞擊敗美國高爾夫傳奇老虎伍茲。"
RAHM_EN = "He passes the torch to his fellow countryman John Ram who took down US golf legend Tiger Woods 2&1 in singles play on Sunday."
BMW_ZH = "例如 BMW 稱，將在英國脫歐後關閉位於牛津 (Oxford) 的 Mini 車廠。"
BMW_EN = "BMW, for example, says it will close its Mini plant in Oxford for a month following Brexit."


def findings(pairs: list[tuple[str, str]], glossary: Glossary) -> list:  # type: ignore[type-arg]
    return list(NameMismatch().check_document(make_doc([make_pair(zh, en, 2 * k + 1) for k, (zh, en) in enumerate(pairs)]),
                                              Context(glossary)))


def test_names_in_latin_letters_are_found_in_chinese_text() -> None:
    found = latin_names("消息稱電視玉女 Holly Willoughby 與 BMW 在 www.bbc.com 和一條 tweet 中表示，牛津 (Oxford) 的 The Guardian 報導")
    assert [(name.text, name.words, name.acronym) for name in found] == [
        ("Holly Willoughby", ("holly", "willoughby"), ""), ("BMW", ("bmw",), "bmw"), ("Oxford", ("oxford",), ""),
        ("The Guardian", ("guardian",), ""),
    ]  # not an address, nor a word in lower case (tweet); a stop word beginning a name is not looked for


@pytest.mark.parametrize("chinese, english", [
    ("巴登符騰堡 (Baden-Württemberg) 級", "the Wuerttemberg-class frigates"),  # an umlaut written with two letters
    ("巴登符騰堡 (Baden-Wuerttemberg) 級", "the Wurttemberg-class frigates"),  # or with one
    ("如果 FBI 對", "the newly requested F.B.I. investigation"),  # an acronym with full stops
    ("WWW 的發明人", "the inventor of the World Wide Web"),  # or spelled out
    ("支持 WMP 的選項", "the Commission favoured Welsh Parliament Members or WMPs"),  # a plural
    ("與特蕾莎·梅 (Theresa May) 相像", "this quasi-Teresa-May character"),  # one word of the name is enough
    ("品牌 Dr.PawPaw 等", "brands such as Revlon and Dr. PawPaw"),  # written apart
])
def test_a_name_is_written_in_english_usage(chinese: str, english: str) -> None:
    [name] = latin_names(chinese)
    assert written(name, english)


def test_a_respelling_is_told_from_a_missing_name() -> None:
    [rahm] = latin_names(RAHM_ZH)
    assert not written(rahm, RAHM_EN) and respelled(rahm, RAHM_EN) == ("Ram", "Rahm")
    [willoughby] = latin_names("電視玉女 Holly Willoughby 表示")
    assert respelled(willoughby, "TV's golden girl admitted during a tense meeting") == ("", "")


def test_a_respelled_name_is_a_warning_with_the_source_spelling(glossary: Glossary) -> None:
    [finding] = [f for f in findings([(RAHM_ZH, RAHM_EN)], glossary) if "Latin" in f.message]
    assert finding.severity == Severity.WARNING and finding.expected == "Rahm" and finding.target_marks == ("Ram",)
    assert findings([(RAHM_ZH, RAHM_EN.replace("John Ram", "Jon Rahm"))], glossary) == []


def test_an_original_in_brackets_makes_a_missing_name_a_warning(glossary: Glossary) -> None:
    """牛津 alone left out is information (translators elide places); with its original given, a warning, once."""
    assert findings([(BMW_ZH, BMW_EN)], glossary) == []
    [finding] = findings([(BMW_ZH, BMW_EN.replace(" in Oxford", ""))], glossary)
    assert finding.severity == Severity.WARNING and '"Oxford", as the Chinese gives it' in finding.message
    [finding] = findings([(BMW_ZH.replace(" (Oxford)", ""), BMW_EN.replace(" in Oxford", ""))], glossary)
    assert finding.severity == Severity.INFO


def test_a_latin_name_left_out_is_a_warning_unless_the_translation_names_it_elsewhere(glossary: Glossary) -> None:
    zh, en = BMW_ZH, BMW_EN.replace("its Mini plant", "its plant")
    [finding] = findings([(zh, en)], glossary)
    assert finding.severity == Severity.WARNING and finding.message.startswith("name missing: Mini (kept in Latin letters")
    later = ("Mini 車廠的工人表示擔憂。", "Workers at the Mini plant said they were worried.")
    [finding] = findings([(zh, en), ("英國的汽車業正在衰退。", "Britain's car industry is in decline."), later], glossary)
    assert finding.severity == Severity.INFO and "names it elsewhere" in finding.message


def test_an_original_in_brackets_respelled_is_said_so(glossary: Glossary) -> None:
    """NTREX's English (the text its Chinese translates) writes Pittsburg where the Chinese gives Pittsburgh."""
    zh = "最近重劃匹茲堡 (Pittsburgh) 選區將民主黨代表 Conor Lamb 拉進來，他去年春天的補選中贏得另一區的席次。"
    en = "This recently redrawn suburban Pittsburg district pits Democrat Rep. Conor Lamb - who won his seat in another district in a special election last spring."
    [finding] = [f for f in findings([(zh, en)], glossary) if f.severity >= Severity.WARNING]
    assert finding.message == '匹茲堡 rendered "Pittsburg"; expected "Pittsburgh", as the Chinese gives it'
    assert finding.target_marks == ("Pittsburg",)
    assert findings([(zh, en.replace("Pittsburg", "Pittsburgh"))], glossary) == []


def test_an_acronym_no_glossary_names_may_be_a_common_noun_translated(glossary: Glossary) -> None:
    """CEO and IPO are common nouns Chinese news writes in Latin letters; NATO is a name the glossary holds."""
    found = findings([("該公司 CEO 週二表示，將在明年 IPO。", "The company's chief executive said on Tuesday it would list next year.")],
                     glossary)
    assert sorted((f.expected, f.severity) for f in found) == [("CEO", Severity.INFO), ("IPO", Severity.INFO)]
    [finding] = findings([("他說 NATO 將在明年擴大。", "He said membership would grow next year.")], glossary)
    assert finding.severity == Severity.WARNING and finding.expected == "NATO"
    [finding] = findings([("他說 NATO 將在明年擴大。", "He said the alliance would grow next year.")], glossary)
    assert finding.severity == Severity.INFO and '"alliance" stands for it' in finding.message
