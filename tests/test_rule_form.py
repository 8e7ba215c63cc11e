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
    assert "U+00A0" in finding.message


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
