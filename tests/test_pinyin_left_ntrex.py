"""T001 on real news (the bundled NTREX-128 excerpt): quiet on the professional translation, and it finds a
word of each sentence left in pinyin where its translation stood."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from audit.align_gold import load_ntrex
from audit.checks.untranslated import UntranslatedChinese
from audit.lexicon.dictionary import content_stem, load_dictionary
from audit.normalize import normalize_zh
from tests.conftest import ROOT
from tests.test_rule_untranslated import make_pair, run

EXCERPT = ROOT / "fixtures" / "ntrex-excerpt"
LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")


def pairs() -> list[tuple[str, str]]:
    return [(zh, en) for _, zh_lines, en_lines in load_ntrex(EXCERPT) for zh, en in zip(zh_lines, en_lines)]


def test_the_professional_translation_has_no_pinyin_left() -> None:
    found = [(en, f.message) for zh, en in pairs() for f in run(UntranslatedChinese(), make_pair(zh, en))]
    assert found == []


def test_a_translated_word_put_back_into_pinyin_is_found() -> None:
    """Each sentence's first CC-CEDICT word whose translation is a lower-case English word of the sentence,
    replaced by the word's pinyin (pypinyin's reading, which is not the data T001 reads)."""
    dictionary, tried, found = load_dictionary(), 0, 0
    for zh, en in pairs():
        norm = normalize_zh(zh)
        for start, end, stems in dictionary.words_in(norm, min_length=2):
            match = next((m for m in LOWER_WORD.finditer(en) if content_stem(m.group()) in stems), None)
            if match:
                left = en[:match.start()] + "".join(lazy_pinyin(norm[start:end])) + en[match.end():]
                tried += 1
                found += any(f.found and f.found.isascii() for f in run(UntranslatedChinese(), make_pair(zh, left)))
                break
    assert tried >= 20 and found / tried >= 0.85, (found, tried)
