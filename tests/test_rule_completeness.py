from __future__ import annotations

import dataclasses

from audit.checks.base import Context
from audit.checks.completeness import AddedSentence, OmittedSentence
from audit.model import AlignedPair, Severity
from tests.conftest import make_doc, make_pair


def test_omitted_sentence_and_added_sentence_are_findings() -> None:
    doc = make_doc([
        make_pair("雙方的會談預計於12月6日仍將繼續進行。", ""),
        make_pair("對此,俄方尚未做出回應。", "Russia has not issued any response."),
        make_pair("", "The minister also resigned on Friday."),
    ])
    [omitted] = list(OmittedSentence().run(doc, Context()))
    [added] = list(AddedSentence().run(doc, Context()))
    assert omitted.severity == Severity.ERROR and omitted.pair_index == 0 and omitted.target_loc is None
    assert added.severity == Severity.WARNING and added.pair_index == 2 and added.source_loc is None


def test_untranslated_dateline_is_a_warning_and_headline_an_error() -> None:
    dateline = make_pair("2025-12-11", "")
    dateline.source[0].kind = "dateline"
    headline = make_pair("美國企圖推動的烏俄和平協議沒有進展", "")
    headline.source[0].kind = "headline"
    findings = list(OmittedSentence().check_document(make_doc([headline, dateline]), Context()))
    assert [(f.message, f.severity) for f in findings] == [
        ("Headline not translated", Severity.ERROR), ("Dateline not translated", Severity.WARNING)]


def test_complete_translation_is_quiet() -> None:
    doc = make_doc([make_pair("對此,俄方尚未做出回應。", "Russia has not issued any response.")])
    assert list(OmittedSentence().check_document(doc, Context())) == []
    assert list(AddedSentence().check_document(doc, Context())) == []


def test_a_translation_far_shorter_than_the_article_norm_is_partial() -> None:
    from audit.checks.completeness import PartialTranslation

    zh = "隨後,12月4日至5日,美烏代表在佛羅里達州連續舉行會談,美方提出新的思路以彌合雙方分歧。"
    full = "Subsequently, from December 4 to 5, U.S. and Ukrainian representatives held consecutive meetings in Florida, where the U.S. proposed new ideas to bridge the gaps."
    [finding] = list(PartialTranslation().check_document(make_doc([make_pair(zh, "Talks followed.")]), Context()))
    assert finding.code == "O003" and finding.severity == Severity.WARNING
    assert list(PartialTranslation().check_document(make_doc([make_pair(zh, full)]), Context())) == []


def test_sample_and_real_news_have_no_partial_translations() -> None:
    from audit.checks.completeness import PartialTranslation
    from audit.pipeline import Auditor
    from audit.io.text import read_bilingual
    from audit.lexicon.glossary import Glossary
    from tests.conftest import SAMPLE

    result = Auditor(Glossary(), [PartialTranslation()]).run(read_bilingual(SAMPLE))
    assert result.findings == []


def _bead(zh: list[str], en: list[str]) -> AlignedPair:
    """A many-sentence bead of real sentences, each on its own line."""
    source = [make_pair(text, "", line=k + 1).source[0] for k, text in enumerate(zh)]
    target = [make_pair("", text, line=k + 1).target[0] for k, text in enumerate(en)]
    return AlignedPair(source, target)


def test_a_sentence_absorbed_into_a_bead_without_evidence_of_its_own_is_an_omission() -> None:
    """A deleted English sentence often leaves its Chinese glued to a neighbour's bead (2-1): that sentence,
    none of whose words the English renders, is reported where it stands."""
    pair = _bead(["對此,俄方尚未做出回應。", "雙方的會談預計於12月6日仍將繼續進行。"], ["Russia has not issued any response."])
    [finding] = list(OmittedSentence().check_pair(pair, Context()))
    assert finding.severity == Severity.WARNING and finding.source_loc.line == 2
    assert finding.source_text == "雙方的會談預計於12月6日仍將繼續進行。"


def test_two_sentences_rendered_as_one_are_quiet() -> None:
    pair = _bead(["對此,俄方尚未做出回應。", "雙方的會談預計於12月6日仍將繼續進行。"],
                 ["Russia has not issued any response, and the talks were expected to continue on December 6."])
    assert list(OmittedSentence().check_pair(pair, Context())) == []


# NTREX-128 telegraph.405401 (issue #17): one English sentence renders two Chinese ones; the dictionary connects none
# of the second's words (王室 "royal family") with its clause ("in his case of course the monarchy").
CROMWELL_ZH = ["Goldsmith 先生向週日電訊報 (Sunday Telegraph) 表示：「很多人將克倫威爾視為，或許在 19 世紀末比今天有更多人這樣認為，"
               "保護國會免受外來壓力的偉人。", "而這在他的情況下，自然是指來自王室的壓力。"]
CROMWELL_EN = ('Mr Goldsmith told The Sunday Telegraph: "Cromwell is regarded by many, perhaps more in the late 19th century '
               'than today, as a defender of parliament against external pressure')


def test_a_sentence_rendered_by_a_clause_its_neighbour_does_not_explain_is_quiet() -> None:
    pair = _bead(CROMWELL_ZH, [CROMWELL_EN + ", in his case of course the monarchy."])
    assert list(OmittedSentence().check_pair(pair, Context())) == []
    # Without that clause the English has no room for it: the sentence is reported.
    [finding] = list(OmittedSentence().check_pair(_bead(CROMWELL_ZH, [CROMWELL_EN + "."]), Context()))
    assert finding.source_text == CROMWELL_ZH[1]


def test_a_last_sentence_rendered_by_a_stretch_of_clauses_is_quiet() -> None:
    """NTREX rt.com.91334, two sentences' English merged: the English's last clause ("but that it was consensual")
    has one unit; the stretch of clauses to the first with three holds nothing of the first sentence."""
    zh = ["瑪尤佳聲稱羅納度在發生此事件後對她下跪，並告訴她自己是「99% 的好人」，只是被「1%」的另一面拖累。",
          "文件上說羅納度承認雙方進行了性行為，但兩情相願。"]
    en = ('Mayorga claims Ronaldo fell to his knees after the alleged incident and told her he was "99 percent" a '
          '"good guy" let down by the "one percent."')
    rendered = en + "; the documents claim that Ronaldo confirmed the pair had sex, but that it was consensual."
    assert list(OmittedSentence().check_pair(_bead(zh, [rendered]), Context())) == []
    [finding] = list(OmittedSentence().check_pair(_bead(zh, [en]), Context()))
    assert finding.source_text == zh[1]


def test_an_english_sentence_absorbed_into_a_bead_is_an_addition() -> None:
    pair = _bead(["對此,俄方尚未做出回應。"], ["Russia has not issued any response.", "The minister also resigned on Friday."])
    [finding] = list(AddedSentence().check_pair(pair, Context()))
    assert finding.target_loc.line == 12 and finding.target_text == "The minister also resigned on Friday."


def test_a_clause_split_off_as_a_sentence_is_quiet_when_the_lengths_need_it() -> None:
    """A free translation's second sentence whose words the dictionary does not connect with the Chinese (NTREX
    scotsman.133791, its English cut at a clause boundary): without it the English would be far too short."""
    pair = _bead(["Scott Arfield 在 Declan Gallagher 將球傳給了 Scott Robinson 之後未能及時反應，即便 Robinson 本可輕鬆擊敗 Menga。"],
                 ["Scott Arfield did not react as Declan Gallagher slotted the ball to Scott Robinson.",
                  "Who kept his cool to pick out Menga for a simple finish."])
    assert list(AddedSentence().check_pair(pair, Context())) == []


# ---------------------------------------------------------------- an unpaired sentence and its paragraph


def _in_paragraphs(pair: AlignedPair, zh: int, en: int) -> AlignedPair:
    """The bead with its Chinese sentences in paragraph `zh` and its English ones in paragraph `en`."""
    return AlignedPair([dataclasses.replace(s, paragraph=zh) for s in pair.source],
                       [dataclasses.replace(t, paragraph=en) for t in pair.target])


def _omissions(pairs: list[AlignedPair]) -> list[tuple[str, Severity]]:
    return [(f.source_text, f.severity) for f in OmittedSentence().run(make_doc(pairs), Context())]


def test_a_sentence_of_an_otherwise_translated_paragraph_is_a_warning_quoting_the_paragraph() -> None:
    """One English sentence often renders two Chinese ones; when the dictionary finds none of the second's words
    in it, the paragraph still says where it went (NTREX telegraph.405401, zh line 15, issue #17)."""
    before = _in_paragraphs(make_pair("對此,俄方尚未做出回應。", "Russia has not issued any response."), 0, 0)
    translated = _in_paragraphs(make_pair("烏克蘭總統澤倫斯基週四表示，他已準備好會面。",
                                          "Ukrainian President Zelensky said on Thursday he was ready to meet."), 1, 1)
    unpaired = _in_paragraphs(make_pair("這在他看來自然是好事。", ""), 1, 1)
    after = _in_paragraphs(make_pair("雙方的會談預計於12月6日仍將繼續進行。", "Talks were expected to continue on December 6."), 2, 2)
    [finding] = OmittedSentence().run(make_doc([before, translated, unpaired, after]), Context())
    assert finding.severity == Severity.WARNING and "its paragraph" in finding.message
    assert finding.found == "Ukrainian President Zelensky said on Thursday he was ready to meet."


def test_a_paragraph_left_out_whole_is_an_error() -> None:
    first = _in_paragraphs(make_pair("對此,俄方尚未做出回應。", "Russia has not issued any response."), 0, 0)
    left_out = _in_paragraphs(make_pair("這在他看來自然是好事。", ""), 1, 1)
    last = _in_paragraphs(make_pair("雙方的會談預計於12月6日仍將繼續進行。", "Talks were expected to continue on December 6."), 2, 1)
    assert _omissions([first, left_out, last]) == [("這在他看來自然是好事。", Severity.ERROR)]


def test_paragraphs_that_do_not_correspond_leave_the_omission_an_error() -> None:
    """The English paragraph around the gap also renders the next Chinese paragraph: the paragraphs say nothing."""
    translated = _in_paragraphs(make_pair("對此,俄方尚未做出回應。", "Russia has not issued any response."), 0, 0)
    unpaired = _in_paragraphs(make_pair("這在他看來自然是好事。", ""), 0, 0)
    next_paragraph = _in_paragraphs(make_pair("雙方的會談預計於12月6日仍將繼續進行。",
                                              "Talks were expected to continue on December 6."), 1, 0)
    assert _omissions([translated, unpaired, next_paragraph]) == [("這在他看來自然是好事。", Severity.ERROR)]
