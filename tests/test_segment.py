from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from audit.io.text import read_bilingual
from audit.lexicon.fast.jieba_posseg import tagger
from audit.segment import _word_before, segment_blocks, split_en, split_zh
from tests.conftest import SAMPLE


def test_chinese_sentences_end_at_stops_and_keep_closing_quotes() -> None:
    text = "烏方形容談判“艱難但富有成效”,俄方則表示願意。他說:“我們準備好了!”隨後離開;會談結束"
    assert [s for _, s in split_zh(text)] == [
        "烏方形容談判“艱難但富有成效”,俄方則表示願意。",
        "他說:“我們準備好了!”",
        "隨後離開;",
        "會談結束",
    ]


def test_english_sentences_survive_abbreviations_and_quotes() -> None:
    text = (
        "Mr. Smith met Dr. J. K. Rowling in the U.S. on Dec. 6. The U.S. proposed new approaches. "
        "Ukraine described the talks as “difficult but productive.” Russia, said No. 2 official Lavrov, agreed."
    )
    assert [s for _, s in split_en(text)] == [
        "Mr. Smith met Dr. J. K. Rowling in the U.S. on Dec. 6.",
        "The U.S. proposed new approaches.",
        "Ukraine described the talks as “difficult but productive.”",
        "Russia, said No. 2 official Lavrov, agreed.",
    ]


def test_us_at_the_end_of_a_sentence_still_ends_it() -> None:
    assert len(split_en("Aid was cut by the U.S. The decision affects talks.")) == 2


def test_sample_segments_have_kinds_lines_and_columns() -> None:
    doc = read_bilingual(SAMPLE)
    zh = segment_blocks(doc.source, "zh")
    en = segment_blocks(doc.target, "en")
    assert (len(zh), len(en)) == (18, 18)
    assert [s.kind for s in zh[:3]] == ["headline", "dateline", "body"]
    assert zh[3].text.startswith("同日") and (zh[3].loc.line, zh[3].loc.column) == (5, 47)
    assert zh[4].norm.startswith("此前,12月2日晚至3日凌晨,俄罗斯总统普丁")  # simplified for matching
    assert zh[4].text.startswith("此前,12月2日晚至3日凌晨,俄羅斯總統普丁")  # original for display
    assert en[2].text.startswith("Earlier, from the evening") and en[2].loc.line == 19
    assert all(s.kind == "body" for s in en)


def test_the_tagger_keeps_glossary_names_whole() -> None:
    text = "俄罗斯总统普丁与美国特使威特科夫会谈"
    assert "威特科夫" not in [word for word, _ in tagger(frozenset()).cut(text)]  # 威 | 特科夫
    assert "威特科夫" in [word for word, _ in tagger(frozenset({"威特科夫"})).cut(text)]


@given(st.text(alphabet="aZ. .U", max_size=30))
def test_the_word_before_a_full_stop_is_what_an_end_anchored_search_finds(text: str) -> None:
    """The abbreviation test reads the word before a full stop backwards: the same word as the pattern
    `[A-Za-z][A-Za-z.]*$` over the text before it, without scanning the paragraph for each stop."""
    for dot in range(len(text) + 1):
        found = re.search(r"([A-Za-z][A-Za-z.]*)$", text[:dot])
        assert _word_before(text, dot) == (found.group(1) if found else "")
