"""What build_dictionary takes from a CC-CEDICT sense: no bare affixes, only the name of a proper noun."""

from __future__ import annotations

import pytest

from audit.lexicon.build_dictionary import sense_stems
from audit.lexicon.dictionary import load_dictionary


@pytest.mark.parametrize("sense", ["(bound form) having; with; -ful; -ed; -al (as in 有意[you3 yi4] intentional)",
                                   "(bound form) not; un-", "to ... -ize"])
def test_a_bare_affix_is_no_word(sense):
    assert not {"ful", "ed", "al", "un", "iz", "ize"} & set(sense_stems(sense))


def test_a_hyphenated_word_keeps_its_parts():
    assert sense_stems("anti-aircraft gun") == sense_stems("anti aircraft gun")


@pytest.mark.parametrize("sense, name, place", [
    ("Chenggong or Chengkung town in Taitung County 臺東縣|台东县[Tai2 dong1 Xian4], southeast Taiwan",
     ["chengg", "chengk"], "taiwan"),
    ("Sydney, capital of New South Wales, Australia (Tw)", ["sydney"], "austra"),
    ("Xiaomi, Chinese electronics company founded in 2010", ["xiaomi"], "china"),
])
def test_a_proper_noun_gives_its_name_only(sense, name, place):
    assert sense_stems(sense, proper=True) == name
    assert place in sense_stems(sense)  # read as a common word's sense, the place would be evidence


def test_a_proper_nouns_lowercase_sense_is_read_whole():
    assert sense_stems("quack", proper=True) == ["quack"]  # 江湖醫生 Jiang1 hu2…: CC-CEDICT capitalises it


def test_accents_are_read_as_english_news_writes_them():
    assert sense_stems("Ōsaka, a city and prefecture in Japan", proper=True) == ["osaka"]


def test_common_words_lose_their_place_name_senses():
    dictionary = load_dictionary()
    assert "taitun" not in dictionary.stems("成功") and "succes" in dictionary.stems("成功")
    assert "有" in dictionary.entries and dictionary.stems("有") == ()  # a word still, glossed by function words and suffixes
