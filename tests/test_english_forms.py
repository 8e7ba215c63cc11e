"""The stemmer's English tables (data/english-irregular.tsv, data/demonyms.tsv): generated from real lexicons by
audit/lexicon/build_english.py, and what they make meet."""

from __future__ import annotations

import pytest

from audit.lexicon import bundled
from audit.lexicon.dictionary import _DEMONYMS, _IRREGULAR, STOPWORDS, content_stem, english_stem, regular_stem


@pytest.mark.parametrize("name", ["data/english-irregular.tsv", "data/demonyms.tsv"])
def test_tables_name_their_sources_and_generator(name):
    header = [line for line in bundled(name).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any("audit.lexicon.build_english" in line for line in header)
    assert any("lemminflect" in line or "CC-CEDICT" in line for line in header)


@pytest.mark.parametrize("form, lemma", [("went", "go"), ("children", "child"), ("brought", "bring"),
                                         ("died", "die"), ("women", "woman"), ("criteria", "criterion")])
def test_irregular_forms_meet_their_lemma(form, lemma):
    assert english_stem(form) == english_stem(lemma)


@pytest.mark.parametrize("demonym, place", [("British", "Britain"), ("Syrians", "Syria"), ("Afghan", "Afghanistan"),
                                            ("Lebanese", "Lebanon"), ("Canadian", "Canada"), ("Swiss", "Switzerland"),
                                            ("English", "England"), ("Thai", "Thailand"), ("Dutch", "Netherlands"),
                                            ("Danish", "Denmark"), ("Germans", "Germany")])
def test_demonyms_meet_their_place(demonym, place):
    assert english_stem(demonym) == english_stem(place)


def test_demonyms_take_the_lexicons_plural():
    """The SPECIALIST Lexicon's plurals (Frenchmen, Germans), none for a word English keeps alike, and a home
    language (CLDR's likely territory) only where it names the people: Dutch, Danish, not Hindi or Urdu."""
    assert english_stem("Frenchmen") == english_stem("Frenchman") and english_stem("Germans") == english_stem("German")
    assert not {"polishes", "guyaneses", "senegaleses", "chineses", "swisses"} & set(_DEMONYMS)
    assert not {"hindi", "swahili", "urdu", "hebrew", "pashto"} & set(_DEMONYMS)


def test_irregular_table_holds_only_what_the_regular_rules_miss():
    # every entry changes the stem (else it is dead weight), and no regular word maps to another word
    assert all(regular_stem(form) != regular_stem(lemma) for form, lemma in _IRREGULAR.items())
    assert "leaves" not in _IRREGULAR  # leave's third person and leaf's plural: the regular rules serve one of them
    assert "walked" not in _IRREGULAR and "nations" not in _IRREGULAR


def test_demonyms_are_not_places_of_their_own():
    assert "pak" not in _DEMONYMS and "green" not in _DEMONYMS  # Pak-istan, Green-land: no demonym
    assert all(place != demonym for demonym, place in _DEMONYMS.items())


@pytest.mark.parametrize("words", [("thing", "things"), ("bring", "brings", "brought"), ("running", "run", "runs"),
                                   ("buildings", "building", "build"), ("stopped", "stop"), ("agreed", "agree"),
                                   ("negotiations", "negotiating", "negotiate")])
def test_forms_of_one_word_meet(words):
    assert len({english_stem(word) for word in words}) == 1


@pytest.mark.parametrize("word, stem", [("thing", "thing"), ("bring", "bring"), ("string", "string"), ("added", "add"),
                                        ("speed", "speed")])
def test_suffix_rules_leave_a_vowel_and_a_short_stem_whole(word, stem):
    assert english_stem(word) == stem  # not "th", "br", "str", "ad", "spe"


def test_stopwords_are_generated_from_named_sources():
    lines = bundled("data/english-stopwords.tsv").read_text(encoding="utf-8").splitlines()
    assert any("audit.lexicon.build_stopwords" in line for line in lines if line.startswith("#"))
    sources = {line.split("\t")[1] for line in lines if not line.startswith("#")}
    assert sources == {"snowball", "snowball-aside", "snowball-common", "compound"}
    assert {"the", "of", "would", "will", "whether", "someone"} <= STOPWORDS


@pytest.mark.parametrize("word, collides_with", [("note", "not"), ("noted", "not"), ("evening", "even"),
                                                 ("shoulder", "should"), ("seen", "see"), ("others", "other")])
def test_a_word_is_a_function_word_by_its_form_not_its_stem(word, collides_with):
    # the stem of a content word may be spelt like a stop word's; the word stays evidence
    assert english_stem(word) == english_stem(collides_with)  # the stems do collide
    assert content_stem(word) is not None
    assert content_stem(word) == english_stem(word)


@pytest.mark.parametrize("word", ["it'll", "who'd", "there'll", "needn't", "daren't", "it’s", "whether", "May"])
def test_contractions_of_function_words_are_function_words(word):
    assert content_stem(word) is None


def test_a_possessive_keeps_its_noun():
    assert content_stem("Trump's") == english_stem("Trump")
    assert content_stem("US") == content_stem("U.S.") == "usa"  # the country, read before the pronoun "us"


def test_cedict_notation_is_no_gloss_stem_but_stays_an_english_word():
    from audit.lexicon.build_dictionary import CEDICT_NOTATION, sense_stems
    from audit.lexicon.dictionary import load_dictionary

    assert sense_stems("to hit sb; lit. to beat sth, esp. with a stick") == [english_stem("hit"), english_stem("beat"),
                                                                           english_stem("stick")]
    vocabulary = load_dictionary().vocabulary
    assert not {"sb", "sth", "abbr"} & vocabulary
    assert "fig" not in load_dictionary().stems("一丘之貉")  # "jackals of the same tribe; fig. they are all as bad"
    assert {content_stem(word) for word in ("old", "used", "kind", "see")} <= vocabulary  # 老 old, 用 use, 种 kind, 看 see
    assert "lit" in CEDICT_NOTATION and content_stem("lit") is not None  # the English word (a lit fuse) is a word
