from __future__ import annotations

import pytest

from audit.checks.base import Context
from audit.checks.coverage import AddedClause, OmittedClause
from audit.lexicon.evidence import en_clauses, pair_evidence, zh_clauses
from audit.lexicon.glossary import load_glossary
from audit.model import Block, Document, Location, Severity
from audit.normalize import normalize_en, normalize_zh
from tests.conftest import NTREX, SAMPLE, make_doc, make_pair, ntrex_documents

ZH = "俄羅斯總統普京週二在莫斯科會見美國特使威特科夫，雙方討論了結束戰爭的和平計畫。"
FULL = ("Russian President Putin met U.S. special envoy Witkoff in Moscow on Tuesday, and the two sides discussed "
        "a peace plan to end the war.")


def _run(rule: OmittedClause | AddedClause, zh: str, en: str) -> list:
    return rule.run(make_doc([make_pair(zh, en)]), Context(load_glossary()))


def test_clauses_split_at_clause_punctuation_and_conjunctions() -> None:
    zh = normalize_zh(ZH)
    assert [zh[a:b] for a, b in zh_clauses(zh)] == ["俄罗斯总统普京周二在莫斯科会见美国特使威特科夫", "双方讨论了结束战争的和平计划"]
    en = normalize_en(FULL)
    assert [en[a:b] for a, b in en_clauses(en)][-1] == "and the two sides discussed a peace plan to end the war."


def test_an_ellipsis_breaks_an_english_clause_as_a_dash_does() -> None:
    """"Did we leak...No, we did leak": each side of the ellipsis is a clause (its negation is its own)."""
    for text in ("Did we leak...No, we did leak.", "Did we leak… No, we did leak."):
        en = normalize_en(text)
        assert [en[a:b] for a, b in en_clauses(en)] == ["Did we leak", "No", "we did leak."]
    en = normalize_en("U.S. officials met Mr. Smith on Friday.")
    assert len(en_clauses(en)) == 1  # the full stops of abbreviations break nothing


def test_a_comma_or_colon_inside_a_figure_breaks_no_clause() -> None:
    """NTREX's Chinese writes 30,000 and 13:09 with ASCII marks, which elsewhere do break clauses."""
    zh = normalize_zh("高達 30,000 人在 13:09 抵達,他說:好。")
    assert [zh[a:b] for a, b in zh_clauses(zh)] == ["高达 30,000 人在 13:09 抵达", "他说", "好"]


def test_prepositions_and_number_words_are_no_clause_evidence() -> None:
    """"after" is said by a word order or 之後 as often as by a word; "four" is compared as a number."""
    en = normalize_en("The two countries signed the agreement after the summit, and four million people benefit.")
    evidence = pair_evidence(normalize_zh("兩國在峰會後簽署了協議，約四百萬人受惠。"), en)
    after = next(c for c in evidence.en if en[c.start:c.end] == "after the summit")
    assert (after.units, after.matched) == (1, 1)



def test_an_ordinal_suffix_is_no_word_of_its_own() -> None:
    """The "th" of 20th is no content word that could lack a counterpart: its number is the evidence."""
    en = normalize_en("The 20th summit opened, and the 3rd round began.")
    evidence = pair_evidence(normalize_zh("第20屆峰會開幕，第3輪開始。"), en)
    first, second = evidence.en
    assert (first.units, first.matched) == (3, 3)  # 20, summit, opened
    assert second.units == 3  # 3, round, began



def test_a_name_counts_only_where_the_chinese_could_transliterate_it() -> None:
    """A capitalised word no gloss explains is a unit with no counterpart when the Chinese holds no two
    transliteration characters side by side (a pasted "Frazier Climo" has nowhere to come from), and nothing
    either way when it does (克利莫 may be its transliteration, which the dictionary cannot know)."""
    en = normalize_en("Police arrested the driver on Friday, said Frazier Climo of Livingston.")
    alone = pair_evidence(normalize_zh("警方在週五逮捕了司機。"), en).en[1]
    assert (alone.units, alone.matched) == (4, 0)  # said, Frazier, Climo, Livingston
    named = pair_evidence(normalize_zh("警方在週五逮捕了司機，克利莫表示。"), en).en[1]
    assert (named.units, named.matched) == (1, 1)  # said (表示); the names count for nothing


def test_a_dropped_clause_is_reported_quoting_it() -> None:
    [finding] = _run(OmittedClause(), ZH, "Russian President Putin met U.S. special envoy Witkoff in Moscow on Tuesday.")
    assert finding.code == "O004" and finding.severity == Severity.WARNING
    assert finding.source_marks == ("雙方討論了結束戰爭的和平計畫",) and finding.pair_index == 0


def test_a_clause_from_elsewhere_is_reported_quoting_it() -> None:
    en = FULL.replace(" and the two sides", " after heavy rain flooded the county's coastal farms, and the two sides")
    [finding] = _run(AddedClause(), ZH, en)
    assert finding.code == "O005" and "heavy rain flooded" in finding.message


def test_a_faithful_translation_is_quiet() -> None:
    assert _run(OmittedClause(), ZH, FULL) == [] and _run(AddedClause(), ZH, FULL) == []
    evidence = pair_evidence(normalize_zh(ZH), normalize_en(FULL), load_glossary())
    assert all(clause.matched for clause in evidence.zh + evidence.en)


def test_a_clause_rendered_in_the_next_pair_is_no_omission() -> None:
    """The aligner may cut inside a long sentence (1-1 then 1-2): the clause is translated next door."""
    first = make_pair(ZH, "Russian President Putin met U.S. special envoy Witkoff in Moscow on Tuesday.")
    second = make_pair("烏方表示歡迎。", "The two sides discussed a peace plan to end the war. Ukraine welcomed it.", line=2)
    assert OmittedClause().run(make_doc([first, second]), Context(load_glossary())) == []


def test_the_sample_article_is_quiet() -> None:
    from audit.io.text import read_bilingual
    from audit.pipeline import Auditor

    result = Auditor(load_glossary(), [OmittedClause(), AddedClause()]).run(read_bilingual(SAMPLE))
    assert result.findings == []


@pytest.mark.parametrize("rule", [OmittedClause, AddedClause])
def test_real_news_raises_few_warnings(rule: type[OmittedClause]) -> None:
    excerpt = SAMPLE.parent / "ntrex-excerpt"
    zh = (excerpt / "newstest2019-ref.zho-TW.txt").read_text(encoding="utf-8").splitlines()
    en = (excerpt / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    doc = make_doc([make_pair(z, e, line) for line, (z, e) in enumerate(zip(zh, en), 1)])
    warnings = [f for f in rule().run(doc, Context(load_glossary())) if f.severity >= Severity.WARNING]
    assert len(warnings) <= len(zh) // 100 + 1, [f.message for f in warnings]


def test_a_bracketed_original_belongs_to_the_clause_that_transliterates_it() -> None:
    zh = normalize_zh("他現任義大利足球隊尤文圖斯 (Juventus) 的前鋒，被控強暴一名女性。")
    # with its closing bracket, so that a finding quoting the clause quotes the bracket whole
    assert [zh[a:b] for a, b in zh_clauses(zh)] == ["他现任义大利足球队尤文图斯 (Juventus)", "的前锋", "被控强暴一名女性"]
    aside = normalize_zh("他說（據報導）會來。")  # Chinese in the bracket: a clause of its own
    assert [aside[a:b] for a, b in zh_clauses(aside)] == ["他说", "据报导", "会来"]


def test_a_number_read_two_ways_is_matched_by_either() -> None:
    """550萬 is 5,500,000 and, as written, 550: "5.5 million" renders it."""
    zh = normalize_zh("聯合國估計，有超過 550 萬名敘利亞公民逃離該國。")
    evidence = pair_evidence(zh, "The UN estimates that more than 5.5 million Syrians have fled the country.")
    number = zh.index("550")
    [clause] = [c for c in evidence.zh if c.start <= number < c.end]
    assert clause.matched >= len("550 万") + len("叙利亚")


def test_a_pasted_clause_cut_at_its_conjunction_is_judged_whole() -> None:
    """NTREX bbc.381790 line 2 with a phrase of another article pasted in: each piece ("trimmed with raffia
    fringing", "and topped with a white leather handle") is too short to judge alone, the two together are not."""
    zh = "一些議員對於將他們的稱號改為威爾斯國會成員 (Member of the Welsh Parliament, MWP) 這一建議感到驚愕。"
    en = ("There is consternation among some AMs at a suggestion their title should change to MWPs (Member of the "
          "Welsh Parliament), trimmed with raffia fringing and topped with a white leather handle.")
    [finding] = _run(AddedClause(), zh, en)
    assert finding.target_marks == ("trimmed with raffia fringing and topped with a white leather handle.",)
    assert _run(AddedClause(), zh, en.split(", trimmed")[0] + ".") == []


def test_function_words_are_no_clause_evidence() -> None:
    """同時 "at the same time" and 其他 "other" (jieba: conjunction, pronoun) are said by the context as often as by
    a word: only 議員, 提出, 替代 and 稱號 are units of the clause."""
    evidence = pair_evidence(normalize_zh("議員同時也提出其他替代稱號"), "AMs are suggesting alternative options")
    assert [(c.units, c.matched) for c in evidence.zh] == [(8, 4)]



needs_ntrex = pytest.mark.skipif(not NTREX.exists(), reason="needs ../shared/data/ntrex128")


def _warnings_on(rule: OmittedClause | AddedClause, name: str, line: int) -> list:
    """The rule's warnings on a line of an NTREX document audited as an article: each line a paragraph of each
    side, segmented and aligned."""
    from audit.pipeline import Auditor

    zh, en = next((zh, en) for doc, zh, en in ntrex_documents(NTREX) if doc == name)
    document = Document(name, [Block(text, Location(name, i + 1)) for i, text in enumerate(zh)],
                        [Block(text, Location(name, i + 1)) for i, text in enumerate(en) if text])
    result = Auditor(load_glossary(), [rule]).run(document)
    return [f for f in result.findings if f.severity >= Severity.WARNING and f.location.line == line]


@needs_ntrex
@pytest.mark.parametrize("name, line", [("nytimes.184825", 4), ("cnn.304521", 4)])
def test_a_clause_beside_a_one_word_rest_is_not_judged_an_addition(name: str, line: int) -> None:
    """"As of now, [there are no signs of viewer fatigue]" (目前觀眾還看不膩), "[He came to the sideline and just
    kind of collapsed there," Reed said] (他跑到場邊倒下): the rest of the pair cannot say how literal it is."""
    assert not _warnings_on(AddedClause(), name, line)



@needs_ntrex
def test_a_speaker_before_a_quotation_is_found_after_it_in_the_next_pair() -> None:
    """哈利斯告訴美聯社：「我們根本沒時間自保。 is said in English where the quotation ends, a sentence later:
    "...I think," Haris told Associated Press (NTREX telegraph.405422, line 10)."""
    assert not _warnings_on(OmittedClause(), "telegraph.405422", 10)


@needs_ntrex
def test_a_clause_a_telegraphic_headline_leaves_out_is_at_most_an_info() -> None:
    """Bernard Vann：第 1 次世界大戰維多利亞十字勳章牧師，後人為他慶祝 → "Bernard Vann: WW1 Victoria Cross cleric
    celebrated" (NTREX bbc.381692, line 1): a headline is adapted, not translated clause by clause."""
    assert not _warnings_on(OmittedClause(), "bbc.381692", 1)


def test_a_clause_the_next_pair_says_of_its_own_chinese_is_not_rendered_there() -> None:
    """The next pair's English says the clause's words, but its own Chinese says them too: they render that
    Chinese, and the clause dropped from the first pair is still an omission."""
    first = make_pair(ZH, "Russian President Putin met U.S. special envoy Witkoff in Moscow on Tuesday.")
    second = make_pair("雙方討論了和平計畫，烏方表示歡迎。", "The two sides discussed the peace plan, and Ukraine welcomed it.", line=2)
    findings = OmittedClause().run(make_doc([first, second]), Context(load_glossary()))
    assert [f.source_marks for f in findings] == [("雙方討論了結束戰爭的和平計畫",)]
