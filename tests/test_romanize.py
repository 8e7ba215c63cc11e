"""Romanizations of Chinese, Taiwanese, Hong Kong and Korean personal names (issue #13, items 1-2).

The names and their English come from the bundled data (CC-CEDICT's people, the bundled glossary's), not
from this file, except the brief's wrong renderings (王毅 "Wang Yu", 蔡英文 "Tsai Ying-chieh")."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from audit.lexicon.entities import load_lexicon
from audit.lexicon.glossary import load_glossary
from audit.lexicon.personal_names import name_of, romanizations
from audit.lexicon.romanize import rendering, romanized_word, sound_key, spells
from audit.lexicon.transliterate import TRANSLITERATION


def full_forms(chinese: str) -> list[str]:
    """The multi-word English forms the bundled glossary and CC-CEDICT give a person."""
    entry, entity = load_glossary().lookup(chinese), load_lexicon().lookup(chinese)
    forms = list(entry.english if entry else ()) + list(entity.english if entity else ())
    assert forms, f"{chinese} is in neither the glossary nor CC-CEDICT"
    return [form for form in forms if " " in form]


@pytest.mark.parametrize("chinese, family", [
    # mainland pinyin; Taiwan's Wade–Giles and its irregular spellings (Ing, je, jeou, Yu-ih); Hong Kong's
    # Cantonese; Korean (Revised Romanization and the English spellings of Korean names)
    ("王毅", "Chinese"), ("李强", "Chinese"), ("蔡英文", "Chinese"), ("柯文哲", "Chinese"), ("马英九", "Chinese"),
    ("赖清德", "Chinese"), ("卓荣泰", "Chinese"), ("侯友宜", "Chinese"), ("林佳龙", "Chinese"), ("陈建仁", "Chinese"),
    ("李家超", "Cantonese"), ("林郑月娥", "Cantonese"), ("黄之锋", "Cantonese"),
    ("金正恩", "Korean"), ("尹锡悦", "Korean"), ("李在明", "Korean"), ("文在寅", "Korean"), ("韩德洙", "Korean"),
    ("崔善姬", "Korean"),
])
def test_a_bundled_persons_full_name_is_a_romanization_of_its_characters(chinese: str, family: str) -> None:
    readings = [rendering(name_of(chinese), form) for form in full_forms(chinese)]
    found = [r for r in readings if r is not None and " " in r.text]
    assert found and found[0].family == family


@pytest.mark.parametrize("chinese, wrong", [("王毅", "Wang Yu"), ("蔡英文", "Tsai Ying-chieh"), ("金正恩", "Kim Jong Il"),
                                            ("李家超", "Lee Kwok-chiu")])
def test_a_surname_with_another_given_name_is_another_person(chinese: str, wrong: str) -> None:
    assert rendering(name_of(chinese), f"{wrong} told reporters.") is None


def test_the_surname_alone_or_after_an_english_given_name_renders_the_name() -> None:
    assert rendering(name_of("王毅"), "Wang said on Tuesday").text == "Wang"
    assert rendering(name_of("黄仁勋"), "Nvidia chief Jensen Huang said").text == "Huang"
    assert rendering(name_of("王毅"), "I said on Tuesday") is None  # the pronoun is no surname


def test_chinese_order_people_of_cc_cedict_are_rendered_and_told_apart() -> None:
    """Every CC-CEDICT person whose English puts a romanized surname first (Chinese order) is rendered by it,
    and another person with that surname and another given name is not taken for them."""
    lexicon = load_lexicon()
    people: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for chinese, row in lexicon.rows.items():
        kind, _source, forms = row.split("\t")
        first = forms.split("|")[0]
        if kind != "person" or not 2 <= len(chinese) <= 3 or chinese[0] not in lexicon.surnames \
                or all(c in TRANSLITERATION for c in chinese) or len(first.split()) != 2:
            continue
        name = name_of(chinese)
        if any(spells(first.split()[0], keys[:1]) for _family, keys in name.families):
            people[chinese[0]].append((chinese, first))
    named = [person for group in people.values() for person in group]
    assert len(named) > 300
    rendered = sum(rendering(name_of(chinese), english) is not None for chinese, english in named)
    assert rendered / len(named) >= 0.9
    rng, confused, compared = random.Random(3), 0, 0
    for group in people.values():
        for chinese, english in group:
            others = [e for c, e in group if len(c) == len(chinese) and e != english and not spells(e.split()[1], name_of(chinese).families[0][1][1:])]
            if others:
                compared += 1
                reading = rendering(name_of(chinese), rng.choice(others))
                confused += reading is not None and " " in reading.text
    assert compared > 100 and confused / compared <= 0.02


@pytest.mark.parametrize("spellings", [
    ("jiu", "chiu", "jeou"), ("xi", "hsi", "shyi"), ("ping", "pyng"), ("hua", "huah"), ("yi", "yih", "i"),
    ("cai", "tsai", "ts'ai"), ("xie", "hsieh"), ("xiu", "hsiu", "shiow"), ("li", "lee"), ("yun", "yoon"),
])
def test_sound_keys_fold_the_spellings_of_one_syllable(spellings: tuple[str, ...]) -> None:
    assert len({sound_key(spelling) for spelling in spellings}) == 1


@pytest.mark.parametrize("distinct", [("yi", "yu"), ("chen", "cheng"), ("wen", "chieh"), ("li", "lin")])
def test_sound_keys_keep_different_syllables_apart(distinct: tuple[str, str]) -> None:
    assert sound_key(distinct[0]) != sound_key(distinct[1])


@pytest.mark.parametrize("word, romanized", [("Yu", True), ("Ying-chieh", True), ("Jong Un", True), ("Spieth", False),
                                             ("Steinem", False), ("Berners-Lee", False), ("Parliament", False)])
def test_a_foreign_name_does_not_read_as_a_romanized_one(word: str, romanized: bool) -> None:
    assert romanized_word(word) is romanized


def test_the_editor_is_shown_the_pinyin_and_wade_giles_forms() -> None:
    assert romanizations(name_of("王毅")) == ("Wang Yi", "Wang I")
    assert romanizations(name_of("赖清德")) == ("Lai Qingde", "Lai Ching-te")
