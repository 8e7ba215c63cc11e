from __future__ import annotations

from audit.checks.base import Context
from audit.checks.form import BlankParagraph
from audit.io.text import read_bilingual
from audit.model import AlignedDocument
from tests.conftest import SAMPLE, make_doc


def test_non_breaking_space_paragraph_in_the_sample_is_found() -> None:
    doc = read_bilingual(SAMPLE)
    [finding] = list(BlankParagraph().check_document(AlignedDocument(doc, [], [], []), Context()))
    assert finding.code == "F001" and finding.target_loc.line == 23  # type: ignore[union-attr]
    assert finding.message == "A paragraph that holds only a non-breaking space: delete it"  # in words, for editors
    assert finding.id == "49c9f36ac408"  # as in the editors' decisions files (fixtures/decisions): ids stay


def test_invisible_characters_are_named_in_words_and_counted() -> None:
    from audit.checks.form import invisible_in_words

    assert invisible_in_words("\u00a0\u00a0") == "2 non-breaking spaces"
    assert invisible_in_words("\u3000\u200b") == "a full-width space and a zero-width space"
    assert invisible_in_words("\u2060 \t") == "a word joiner, a space and a tab"  # Unicode's own name otherwise


def test_article_without_invisible_paragraphs_is_quiet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("對此,俄方尚未做出回應。\n\n\nRussia has not issued any response.\n", encoding="utf-8")
    doc = read_bilingual(path)
    assert list(BlankParagraph().check_document(AlignedDocument(doc, [], [], []), Context())) == []


def _doc_with_target(text: str):  # type: ignore[no-untyped-def]
    from audit.model import Block, Document, Location

    return AlignedDocument(Document("a.txt", [], [Block(text, Location("a.txt", 5))]), [], [], [])


def test_unbalanced_quote_is_found_and_balanced_paragraph_with_apostrophes_is_quiet() -> None:
    from audit.checks.form import UnbalancedQuotes

    bad = _doc_with_target("Ukraine described the negotiations as “difficult but productive.")
    [finding] = list(UnbalancedQuotes().check_document(bad, Context()))
    assert finding.found == "“" and finding.target_loc.line == 5  # type: ignore[union-attr]
    good = _doc_with_target(
        "In addition, the White House announced that Trump had terminated the previous administration’s “endless” aid "
        "to Ukraine, emphasizing that the U.S. would not give a “blank check” for the war."
    )
    assert list(UnbalancedQuotes().check_document(good, Context())) == []


def test_quote_spanning_two_sentences_of_one_paragraph_is_balanced() -> None:
    from audit.checks.form import UnbalancedQuotes

    doc = _doc_with_target("He said: “We are ready. We will continue.” Talks resumed.")
    assert list(UnbalancedQuotes().check_document(doc, Context())) == []


def test_doubled_word_but_not_grammatical_doubles() -> None:
    from audit.checks.form import DoubledWord
    from tests.conftest import make_pair

    [finding] = list(DoubledWord().check_document(make_doc([make_pair("此外,美國白宮宣布。", "In addition, the the White House announced.")]), Context()))
    assert finding.suggestion == "the the → the"
    quiet = make_pair("他說那件事已經發生。", "He said that that had had consequences.")
    assert list(DoubledWord().check_document(make_doc([quiet]), Context())) == []


def test_spacing_and_full_width_punctuation_in_english() -> None:
    from audit.checks.form import FullWidthPunctuation, Spacing
    from tests.conftest import make_pair

    spaced = _doc_with_target("U.S.\u00a0special  envoy Witkoff arrived.")
    assert [f.found for f in Spacing().check_document(spaced, Context())] == ["U+00A0", "doubled space"]
    assert list(Spacing().check_document(_doc_with_target("U.S. special envoy Witkoff arrived."), Context())) == []
    [finding] = list(FullWidthPunctuation().check_document(make_doc([make_pair("對此,俄方尚未做出回應。", "Russia has not issued any response。")]), Context()))
    assert finding.suggestion == "。 → ."
    assert list(FullWidthPunctuation().check_document(make_doc([make_pair("對此,俄方尚未做出回應。", "Russia has not issued any response.")]), Context())) == []


# ---------------------------------------------------------------- quotations over paragraphs, read with the source


def _paragraphs(pairs: list[tuple[str, str]]) -> AlignedDocument:
    """An article of one-sentence paragraphs, Chinese paragraph k translated by English paragraph k."""
    from audit.model import AlignedPair, Block, Document, Location, Segment
    from audit.normalize import normalize_en, normalize_zh

    source = [Segment(k, "zh", zh, normalize_zh(zh), Location("a.txt", k + 1), k) for k, (zh, _) in enumerate(pairs)]
    target = [Segment(k, "en", en, normalize_en(en), Location("a.txt", k + 1), k) for k, (_, en) in enumerate(pairs)]
    document = Document("a.txt", [Block(s.text, s.loc) for s in source], [Block(t.text, t.loc) for t in target])
    return AlignedDocument(document, source, target, [AlignedPair([s], [t]) for s, t in zip(source, target)])


def _quote_findings(doc: AlignedDocument) -> list[tuple[int, int, str]]:
    from audit.checks.form import UnbalancedQuotes

    findings = UnbalancedQuotes().check_document(doc, Context())
    return [(f.target_loc.line, f.target_loc.column, f.found) for f in findings]  # type: ignore[union-attr]


CLARK = [
    ("克拉克指出：「我們需要達成協議」。", '"We need a deal," Mr Clark said.'),
    ("「我們必須保住這些工作。」", '"We have to keep these jobs," he added.'),
]


def test_quote_left_open_where_the_source_closes_is_a_stray_though_the_next_paragraph_opens_one() -> None:
    from audit.checks.form import unbalanced

    bad = _paragraphs([(CLARK[0][0], '"We need a deal, Mr Clark said.'), CLARK[1]])
    assert _quote_findings(bad) == [(1, 1, '"')]
    # Without the source, the open quote reads as a quotation continued by the next paragraph.
    assert unbalanced(bad.document.target) == []
    assert _quote_findings(_paragraphs(CLARK)) == []
    curly = _paragraphs([(CLARK[0][0], "“We need a deal, Mr Clark said."),
                         (CLARK[1][0], "“We have to keep these jobs,” he added.")])
    assert _quote_findings(curly) == [(1, 1, "“")]


def test_quotation_over_paragraphs_is_quiet_when_the_source_runs_it_over_paragraphs_too() -> None:
    goldsmith = [
        ("Goldsmith 先生表示：「很多人將克倫威爾視為保護國會免受外來壓力的偉人。",
         'Mr Goldsmith said: "Cromwell is regarded by many as a defender of parliament against external pressure.'),
        ("「這是否為歷史的真相，則是史學上持續多年仍然無解的爭論。」",
         '"Whether that is a wholly accurate representation is the subject of continuing historical debate."'),
    ]
    assert _quote_findings(_paragraphs(goldsmith)) == []
    curly = [(zh, en.replace(': "', ": “").replace('"W', "“W").replace('."', ".”")) for zh, en in goldsmith]
    assert _quote_findings(_paragraphs(curly)) == []


def test_closing_quote_missing_where_the_source_closes_is_not_taken_by_a_later_quotation() -> None:
    dialogue = [
        ("男人：「那到底是什麼東西？」", 'Man: "What in the world is that?"'),
        ("Rogers：「這是一個蓋革計數器，用來找到好像鈾之類的放射性礦物。",
         'Rogers: "It\'s a Geiger Counter, used to locate radioactive minerals, such as uranium.'),
        ("當你戴上這對耳機，你可以確實聽到這些礦物放射性原子的作用。」",
         'When you put these earphones on, you can actually hear the effects of the atoms given off by the radioactivity '
         'in the minerals."'),
    ]
    assert _quote_findings(_paragraphs(dialogue)) == []
    broken = [(dialogue[0][0], 'Man: "What in the world is that?')] + dialogue[1:]
    assert _quote_findings(_paragraphs(broken)) == [(1, 6, '"')]


def test_said_inside_the_quotation_is_caught_when_the_next_paragraph_quotes_again() -> None:
    kennedy = [
        ("「我的意思是，當然，」甘迺迪說。", '"I mean, of course, said Kennedy.'),
        ("「我們會看看聯邦調查局找到什麼。」", '"We will see what the FBI finds."'),
    ]
    assert _quote_findings(_paragraphs(kennedy)) == [(1, 1, '"')]
    kennedy[0] = (kennedy[0][0], '"I mean, of course," said Kennedy.')
    assert _quote_findings(_paragraphs(kennedy)) == []


def test_source_without_quotation_marks_says_nothing_about_the_translation() -> None:
    from audit.checks.form import closes_its_quotes

    assert closes_its_quotes("克拉克指出：「我們需要達成協議」。") and closes_its_quotes('他說 "OK" 就走了。')
    assert not closes_its_quotes("他表示，他感到很幸運。")  # no quotation: could be a quotation's middle paragraph
    assert not closes_its_quotes("Goldsmith 先生表示：「很多人將克倫威爾視為偉人。")
    assert not closes_its_quotes("當你戴上這對耳機，你可以聽到原子的作用。」")


def test_a_source_paragraph_split_over_two_english_paragraphs_may_carry_its_quotation_over() -> None:
    from audit.checks.form import closed_paragraphs
    from audit.model import AlignedPair, Block, Document, Location, Segment
    from audit.normalize import normalize_en, normalize_zh

    zh = "她說：「他很安靜，不愛炫耀。派丁頓熊對他來說好像是真的。」"
    en = ['"He was quite a quiet man, and he wasn\'t a boastful person.', '"Paddington was so real to him," she said.']
    source = [Segment(0, "zh", zh, normalize_zh(zh), Location("a.txt", 1), 0)]
    target = [Segment(k, "en", text, normalize_en(text), Location("a.txt", k + 3), k) for k, text in enumerate(en)]
    document = Document("a.txt", [Block(zh, source[0].loc)], [Block(t.text, t.loc) for t in target])
    doc = AlignedDocument(document, source, target, [AlignedPair(source, target)])
    assert closed_paragraphs(doc) == set() and _quote_findings(doc) == []


def test_a_doubled_capitalised_word_is_a_slip_unless_the_chinese_doubles_the_name() -> None:
    from audit.checks.form import DoubledWord
    from tests.conftest import make_pair

    def found(zh: str, en: str) -> list[str]:
        return [f.found for f in DoubledWord().check_document(make_doc([make_pair(zh, en)]), Context())]

    assert found("這是那家酒店。", "The the hotel was full.") == ["The the"]  # at a sentence start too
    assert found("意大利隊贏了。", "Italy Italy won.") == ["Italy Italy"]
    assert found("受困於 Roa Roa 酒店的其他人。", "Others trapped at the Roa Roa Hotel.") == []
    assert found("他們飛往波拉波拉島。", "They flew to Bora Bora.") == []
    assert found("他常常謝謝大家。", "Bora Bora is far.") == ["Bora Bora"]  # 常常 is no doubled name
