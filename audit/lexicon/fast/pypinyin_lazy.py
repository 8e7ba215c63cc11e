"""`pypinyin.lazy_pinyin(text)` (plain style), without importing pypinyin on every run.

Importing pypinyin costs about 200 ms (a 47,000-phrase dict literal, a prefix set trained on it, every
output style's tables), a fifth of a pre-commit hook's budget, to spell out a handful of names. pypinyin
turns text into pinyin word by word: it splits the text into runs of Han characters and others, cuts the
Han runs into phrases of its phrase dictionary by forward maximum matching (`pypinyin.seg.mmseg`, strict
mode: single characters between phrases), and converts each word on its own. So the pinyin of a text is
the pinyin of its words, one after the other, and the words come only from the phrase list.

The first run asks pypinyin itself for the plain pinyin of every phrase and every character it knows and
keeps them in the user cache (`audit.lexicon.cache`); later runs cut the text the same way, with a binary
search in the sorted phrase list, and look the words up. tests/test_fast_copies.py compares the two.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import groupby
from importlib.util import find_spec
from pathlib import Path

from audit.lexicon.cache import cached
from audit.lexicon.fast.blocks import NO_WORD, Packed, WordBlocks, pack

FORMAT = "audit-pinyin/3"  # 3: phrases in UTF-8 blocks by first character (`blocks`), characters as one sorted string


def _sources() -> list[Path]:
    spec = find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pypinyin is not installed")
    base = Path(list(spec.submodule_search_locations)[0])
    return [base / name for name in ("__init__.py", "phrases_dict.py", "pinyin_dict.py", "constants.py", "core.py",
                                     "converter.py", "seg/mmseg.py", "seg/simpleseg.py")]


def _build() -> tuple[str, str, Packed, str, str]:
    """The pattern pypinyin uses to tell Han characters from the rest, every phrase (sorted) with its pinyin,
    and every single Han character (sorted, one string) with its pinyin. A pinyin is tab-separated syllables;
    lists are newline-separated (strings load far faster from the cache than a dict of 40,000 entries)."""
    from pypinyin import lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

    def joined(text: str) -> str:
        items = lazy_pinyin(text)
        if not items or any(not item or "\t" in item or "\n" in item for item in items):
            raise ValueError(f"pypinyin gave {items!r} for {text!r}: not storable as tab-separated text")
        return "\t".join(items)

    phrases = sorted(PHRASES_DICT)
    readings = [joined(phrase) for phrase in phrases]
    characters = sorted(chr(code) for code in PINYIN_DICT if RE_HANS.match(chr(code)))
    return FORMAT, RE_HANS.pattern, pack(phrases, readings), "".join(characters), "\n".join(map(joined, characters))


class _Pinyin:
    def __init__(self) -> None:
        data = cached(f"pinyin-{FORMAT.replace('/', '-')}", _sources(), _build)
        if data[0] != FORMAT:
            data = _build()
        _, pattern, phrases, characters, readings = data
        self.han = re.compile(pattern)
        self.phrases = WordBlocks(phrases)
        self.characters = characters
        self._character_readings = readings
        self._split_readings: list[str] = []

    def _phrase(self, word: str) -> tuple[bool, int]:
        """(is `word` the start of some phrase, its index in the list if it is one, else -1)."""
        index = self.phrases.find(word)
        return index != NO_WORD, max(index, -1)

    def _character(self, char: str) -> str | None:
        """The pinyin of a single Han character, None when pypinyin has none."""
        i = bisect_left(self.characters, char)
        if i == len(self.characters) or self.characters[i] != char:
            return None
        if not self._split_readings:
            self._split_readings = self._character_readings.split("\n")
        return self._split_readings[i]

    def words(self, run: str) -> list[str]:
        """pypinyin.seg.mmseg.Seg(no_non_phrases=True).cut: forward maximum matching over phrases."""
        out: list[str] = []
        remain = run
        while remain:
            last_valid = ""
            last_index = 0
            for index in range(len(remain)):
                word = remain[:index + 1]
                prefix, _ = found = self._phrase(word)
                if prefix:
                    if found[1] >= 0:
                        last_valid, last_index = word, index + 1
                else:
                    if last_valid:
                        out.append(last_valid)
                        remain = remain[last_index:]
                    else:
                        out.append(remain[0])
                        remain = remain[1:]
                    break
            else:
                if last_valid:
                    out.append(last_valid)
                    remain = remain[last_index:]
                else:
                    out.extend(remain)
                    break
        return out

    def reading(self, word: str) -> list[str]:
        """The pinyin of one word of the cut: a phrase, or a single character."""
        text = self.phrases.value(word)
        if text is None and len(word) == 1:
            text = self._character(word)
        if text is None:
            return [word]  # a Han character pypinyin has no reading for: kept as written
        return text.split("\t")

    def lazy_pinyin(self, text: str) -> list[str]:
        out: list[str] = []
        for run in _runs(text, self.han):
            if not self.han.match(run):
                if run:
                    out.append(run)
                continue
            for word in self.words(run):
                out.extend(self.reading(word))
        return out


def _runs(chars: str, han: re.Pattern[str]) -> list[str]:
    """The text cut into runs of Han characters and runs of the rest (as pypinyin.seg.simpleseg._seg)."""
    return ["".join(run) for _, run in groupby(chars, key=lambda c: bool(han.match(c)))]


@lru_cache(maxsize=1)
def _instance() -> _Pinyin:
    return _Pinyin()


def lazy_pinyin(text: str) -> list[str]:
    """The same list as `pypinyin.lazy_pinyin(text)`."""
    return _instance().lazy_pinyin(text)
