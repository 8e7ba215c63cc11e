"""The bundled pinyin table (data/cedict-pinyin.tsv.gz) and the reading of pinyin as people write it."""

from __future__ import annotations

from audit.lexicon.build_pinyin import toneless
from audit.lexicon.cedict_pinyin import NAME_TOO, fold_pinyin, pinyin_table


def test_cedict_readings_lose_their_tones() -> None:
    assert toneless("guan1 xi5") == "guanxi"
    assert toneless("lu:4 se4") == "luse"
    assert toneless("A1 la1 bo2 · ren2") is None  # not plain syllables


def test_written_pinyin_folds_to_the_keys() -> None:
    assert fold_pinyin("Guānxì") == "guanxi" and fold_pinyin("lǜsè") == "luse" and fold_pinyin("lvse") == "luse"


def test_the_table_keeps_common_words_and_leaves_out_english_and_loanwords() -> None:
    table = pinyin_table()
    assert "谈判" in table.words("tanpan").split()
    for english in ("women", "banyan", "along"):  # English words of CC-CEDICT's glosses
        assert table.words(english) == ""
    for loanword in ("fengshui", "guanxi", "renminbi"):  # CC-CEDICT glosses these words with their pinyin
        assert table.words(loanword) == ""
    assert table.words("xiji").startswith(NAME_TOO)  # 袭击, and also 西吉 Xiji county
