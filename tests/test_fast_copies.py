"""Our fast copies of library internals (audit/lexicon/fast) and the glossary matching give exactly what the
libraries and the regular expressions they replace give.

They run on the bundled text (the sample article, the NTREX excerpt, the format samples), in Traditional and in
Simplified, so they never skip; with `../shared` they also read the first NTREX documents.
"""

from __future__ import annotations

import logging
import random
import re

import pytest

from audit.lexicon.entry import collapse, english_form, fold_quotes
from audit.lexicon.glossary import Glossary
from audit.normalize import normalize_en, normalize_zh
from tests.conftest import NTREX, ROOT

EXCERPT = ROOT / "fixtures" / "ntrex-excerpt"


def _lines(path, limit: int = 10_000) -> list[str]:  # type: ignore[no-untyped-def]
    return path.read_text(encoding="utf-8", errors="replace").splitlines()[:limit] if path.exists() else []


def _bundled_chinese() -> list[str]:
    """Every line of the bundled fixtures that holds Chinese, as written."""
    lines = [line for path in sorted((ROOT / "fixtures").rglob("*")) if path.suffix in (".txt", ".md", ".csv", ".tsv")
             for line in _lines(path) if re.search(r"[\u4e00-\u9fff]", line)]
    return lines + _lines(NTREX / "newstest2019-ref.zho-TW.txt", 400) + _lines(NTREX / "newstest2019-ref.zho-CN.txt", 200)


@pytest.fixture(scope="module")
def chinese_sample() -> list[str]:
    lines = _bundled_chinese()
    assert len(lines) > 40  # the bundled text alone is enough
    return [normalize_zh(line) for line in lines] + lines[:50] + [
        "", " ", "abc 12.5 def", "Su-24戰機 F-16 和MH17", "\r\n你好\t世界", "特朗普与泽连斯基会谈", "博尔特尼科夫说",
    ]


def test_tagger_tags_as_jieba_posseg_does(chinese_sample: list[str], glossary: Glossary) -> None:
    import jieba
    from jieba.posseg import POSTokenizer

    from audit.lexicon.fast.jieba_posseg import PosTagger

    jieba.setLogLevel(logging.WARNING)
    words = glossary.words()
    tokenizer = jieba.Tokenizer()
    for word in sorted(words):
        tokenizer.add_word(word, freq=100000)
    reference = POSTokenizer(tokenizer)
    ours = PosTagger(words)
    for text in chinese_sample:
        assert list(ours.cut(text)) == [(p.word, p.flag) for p in reference.cut(text)], text


def test_pinyin_is_pypinyins(chinese_sample: list[str], glossary: Glossary) -> None:
    from pypinyin import lazy_pinyin as reference

    from audit.lexicon.fast.pypinyin_lazy import lazy_pinyin

    names = [form for entry in glossary.entries for form in entry.chinese]
    pieces = [text[i:i + n] for text in chinese_sample[:200] for i in range(0, len(text), 7) for n in (2, 4, 6)]
    for text in chinese_sample + names + pieces + ["唐纳德·特朗普", "〇", "123你好abc", "𠀀a"]:
        assert lazy_pinyin(text) == reference(text), text


def _opencc_and_ours():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    from audit.lexicon.fast.opencc_t2s import Converter

    return OpenCC("t2s"), Converter()


def test_conversion_is_opencc_s_own_on_real_news() -> None:
    reference, ours = _opencc_and_ours()
    lines = _bundled_chinese()
    assert [ours.convert(line) for line in lines] == [reference.convert(line) for line in lines]


def test_conversion_is_opencc_s_own_on_dense_phrase_text() -> None:
    """Random strings packed with dictionary phrases exercise the longest-match rules (藉藉端: 藉藉 wins, not 藉端)."""
    reference, ours = _opencc_and_ours()
    phrases, characters = list(ours.groups[0][0].table), list(ours.groups[0][1].table)
    rng = random.Random(7)
    texts = ["藉藉端", "乾乾淨淨，藉助於", "不瞭解", "頭髮和發展"]
    for _ in range(3000):
        text = "".join(rng.choice(phrases) if rng.random() < 0.5 else rng.choice(characters) for _ in range(rng.randrange(1, 10)))
        cut = rng.randrange(len(text) + 1)
        texts.append(text[cut:] + rng.choice(["", "，", " ", "-"]) + text[:cut])
    assert [ours.convert(t) for t in texts] == [reference.convert(t) for t in texts]


def test_glossary_matching_is_the_alternation_it_replaces(glossary: Glossary) -> None:
    """mentions/blank_mentions/english_index against the big regular expressions used before."""
    keys = sorted(glossary._by_key, key=len, reverse=True)
    chinese = re.compile("|".join(map(re.escape, keys)))
    by_form: dict[str, object] = {}
    for entry in glossary._by_key.values():
        for form in entry.english:
            by_form.setdefault(fold_quotes(form), entry)
    forms = sorted(by_form, key=len, reverse=True)
    english = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(english_form(f) for f in forms)})(?![A-Za-z])")
    collapsed = {collapse(f): e for f, e in by_form.items()}

    def english_entries(text: str) -> list[object]:
        seen: list[object] = []
        for match in english.finditer(fold_quotes(text)):
            entry = collapsed.get(collapse(match.group()))
            if entry is not None and all(entry is not s for s in seen):
                seen.append(entry)
        return seen

    zh = [normalize_zh(t) for t in _bundled_chinese()]
    en = [normalize_en(t) for t in _lines(EXCERPT / "newstest2019-src.eng.txt") + _lines(NTREX / "newstest2019-src.eng.txt", 600)]
    zh += ["".join(keys[k::97][:5]) for k in range(60)] + [keys[0][:-1], "民主党" + keys[5]]
    en += [" ".join(forms[k::89][:5]) for k in range(60)] + ["Witkoff's team", "Russia-Ukraine talks", "U.S.-led"]
    for text in zh:
        expected = [(glossary._by_key[m.group()], m.group(), m.start(), m.end()) for m in chinese.finditer(text)]
        assert [(m.entry, m.form, m.start, m.end) for m in glossary.mentions(text)] == expected, text
        assert glossary.blank_mentions(text) == chinese.sub(lambda m: " " * len(m.group()), text), text
    for text in en:
        assert list(glossary.english_index(text)) == english_entries(text), text
