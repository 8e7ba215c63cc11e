"""A Chinese → English word dictionary for sentence alignment, derived from CC-CEDICT.

The aligner needs one thing from a dictionary: could this Chinese word and that English word be
translations of each other? So the bundled file keeps, for each Simplified headword of CC-CEDICT, the
*stems* of the content words of its English glosses (说 → say speak talk explain …), precomputed by
`python -m audit.lexicon.build_dictionary` so that loading is a split of two strings, not a parse.

CC-CEDICT: community-maintained, published by MDBG, licence CC BY-SA 4.0 (see data/CEDICT-LICENSE.txt);
the derived data file is distributed under the same licence.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from functools import lru_cache

from audit.lexicon import bundled
from audit.remembered import SENTENCES, WORDS

# Bumped whenever `english_stem` or the file layout changes: the data file must then be rebuilt.
FORMAT = "audit-cedict-stems/4"
DATA_FILE = "data/cedict-stems.txt.gz"
# Against the Snowball (Porter 2) stemmer on the 48,807 words of CC-CEDICT's glosses (bench/thresholds.py --only
# stems): 6 letters join 0.91 of the pairs of forms Snowball joins, with 432 pairs of different words joined per
# 1,000 words; 5 letters join 0.97 but 4× as many different words (1,784), 7 letters only 0.78 (180).
STEM_LENGTH = 6

def _table(name: str) -> dict[str, str]:
    """A generated `word<TAB>word` table of data/ (`#` header lines name its sources and generator)."""
    lines = bundled(name).read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


# Demonyms and their places meet under one stem (British ↔ Britain ↔ 英國): CC-CEDICT's X人 entries, CLDR's
# official languages and demonym suffixes on CLDR's territory names (audit/lexicon/build_english.py).
_DEMONYMS = _table("data/demonyms.tsv")
# Inflected forms whose regular stem is not their lemma's (went → go, children → child, died → die), from the
# SPECIALIST Lexicon's inflections through lemminflect (audit/lexicon/build_english.py, against `regular_stem`).
_IRREGULAR = _table("data/english-irregular.tsv")

# Function words carry no evidence that two sentences are translations of each other: the Snowball English stop
# list and the auxiliaries and closed-class words it sets aside (audit/lexicon/build_stopwords.py).
STOPWORDS = frozenset(_table("data/english-stopwords.tsv"))
# The enclitic forms of is/has, would/had, will, are, have and am (it's, they'd, it'll, we're, I've, I'm): a
# function word with one of them is one (a noun with 's is a possessive, and keeps its stem).
_CLITICS = frozenset(("s", "d", "ll", "re", "ve", "m"))

# Acronyms that news writes with dots or in capitals; folded to one spelling on both sides.
_ACRONYMS = {"us": "usa", "usa": "usa", "uk": "britain", "un": "un", "eu": "europe"}
# U.S. or U.N. (letters each followed by a period, two or more), else a word of letters and apostrophes. Written
# with the first letter outside the alternatives, so that the engine reads it once: the same tokens as
# `(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’]*`, in about two thirds of the time.
_WORD = re.compile(r"[A-Za-z](?:(?:\.[A-Za-z])+\.|[A-Za-z'’]*)")


@lru_cache(maxsize=WORDS)
def english_stem(word: str) -> str:
    """A crude, fast stem: demonyms to their place, irregular forms to their lemma, then `regular_stem`.

    Not linguistics, just a key under which `negotiations`, `negotiating` and `negotiate` meet. Cached: a run
    asks about the same few thousand words again and again (the negation rule calls it outside `content_stem`).
    """
    word = word.lower().replace("’", "'")
    word = _DEMONYMS.get(word, word)
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    word = word.replace("'", "")
    return regular_stem(_IRREGULAR.get(word, word))


def regular_stem(word: str) -> str:
    """The stem the regular suffix rules give a lower-case word, then its first STEM_LENGTH letters. The rules
    are the inflectional steps of Porter's English stemmer (Porter 2 / Snowball, step 1): a plural's -s, then
    -ly, then -ed or -ing where a vowel is left (thing and bring keep theirs) and a doubled consonant undone
    (running → run), so that buildings, building and build meet; a final e is dropped (make, making).
    build_english keeps, as irregular, the forms whose stem this is not their lemma's."""
    word = _without_plural(word)
    if word.endswith("ly") and len(word) > 5:
        word = word[:-2]
    word = _without_verbal(word)
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word[:STEM_LENGTH]


def _without_plural(word: str) -> str:
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_VOWEL = re.compile("[aeiouy]")
# Porter 2's doubles that -ed/-ing leave (stopped, running); not l, s or z (called, missed), nor after three
# letters or fewer (added, adding keep add).
_UNDOUBLE = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")


def _without_verbal(word: str) -> str:
    """-ed or -ing off when the rest has a vowel; -eed only after one (agreed → agree, not speed → spe)."""
    if word.endswith("eed"):
        return word[:-1] if _VOWEL.search(word[:-3]) else word
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[:-len(suffix)]
            if not _VOWEL.search(base):
                return word
            return base[:-1] if base.endswith(_UNDOUBLE) and len(base) > 3 else base
    return word


def english_tokens(text: str) -> list[str]:
    """English words as written, U.S. and U.N. kept as one token."""
    return _WORD.findall(text)


def english_token_matches(text: str) -> list[re.Match[str]]:
    """The words of `english_tokens`, with their places."""
    return list(_WORD.finditer(text))


@lru_cache(maxsize=WORDS)
def content_stem(token: str) -> str | None:
    """The stem of a content word, None for a function word. U.S., US and USA all become `usa`."""
    if "." in token or (token.isupper() and len(token) > 1):
        folded = token.replace(".", "").lower()
        if folded in _ACRONYMS:
            return english_stem(_ACRONYMS[folded])
        if "." in token:
            return folded
    lower = token.lower().replace("’", "'")
    if len(lower) < 2 or function_word(lower):
        return None
    return english_stem(lower) or None  # by its form only: "note" is no "not", "evening" no "even"


def function_word(lower: str) -> bool:
    """Whether a lower-case word as written is a function word: a stop word, a stop word with an enclitic
    auxiliary (it'll, who'd), or a negative contraction (needn't: n't attaches to auxiliaries only)."""
    if lower in STOPWORDS:
        return True
    base, apostrophe, clitic = lower.partition("'")
    return bool(apostrophe) and (lower.endswith("n't") or (clitic in _CLITICS and base in STOPWORDS))


def content_stems(text: str) -> list[str]:
    """Stems of the content words of an English text, in order (repeats kept)."""
    out = []
    for token in english_tokens(text):
        stem = content_stem(token)
        if stem is not None:
            out.append(stem)
    return out


@dataclass(frozen=True)
class Dictionary:
    """Simplified Chinese word → stems of its English glosses (space-separated, split on demand)."""

    entries: dict[str, str]
    max_word: int
    # Longest headword starting with each character: the longest-match segmenter tries no longer slice.
    longest: dict[str, int]
    # Each character's headwords of three characters or more, by their second character (all of them, in one
    # string): a two-character slice that begins none is not extended, which spares half the scan's look-ups.
    continues: dict[str, str]
    # Every stem the glosses use, i.e. the English words CC-CEDICT knows; kept in the user cache with the
    # entries (collecting it from 114,000 glosses took 80 ms of every start).
    vocabulary: frozenset[str] = frozenset()
    _words_memo: dict[tuple[str, int], tuple[tuple[int, int, tuple[str, ...]], ...]] = field(
        default_factory=dict, repr=False, compare=False)
    _stems_memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _characters: dict[str, tuple[int, tuple[str, ...] | None, str]] = field(default_factory=dict, repr=False, compare=False)

    def stems(self, word: str) -> tuple[str, ...]:
        return gloss_words(self.entries.get(word, ""))

    def words_in(self, norm_zh: str, min_length: int = 1) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
        """Every dictionary word occurring in the text (overlaps included): (start, end, stems). Remembered per
        text: the name, clause and negation rules ask about the same sentences, and about each in several windows."""
        key = (norm_zh, min_length)
        found = self._words_memo.get(key)
        if found is None:
            if len(self._words_memo) >= _WORDS_MEMO_SIZE:
                self._words_memo.clear()
            found = self._words_memo[key] = self._scan(norm_zh, min_length)
        return found

    def stems_in(self, norm_zh: str) -> frozenset[str]:
        """The stems of every dictionary word of the text (remembered as `words_in` is)."""
        found = self._stems_memo.get(norm_zh)
        if found is None:
            if len(self._stems_memo) >= _WORDS_MEMO_SIZE:
                self._stems_memo.clear()
            stems: set[str] = set()
            for _start, _end, glossed in self.words_in(norm_zh):
                stems.update(glossed)  # a word at a time, not a stem at a time
            found = self._stems_memo[norm_zh] = frozenset(stems)
        return found

    def _scan(self, norm_zh: str, min_length: int) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
        """Every dictionary word of `min_length` (1 or 2) characters or more. At each start the one- and
        two-character words are looked up, and longer ones (up to the longest headword of the first character)
        only where a headword of three or more begins with those two characters. What the scan needs of a
        character is looked up once (`_character`). A list built in place: a generator's resumption per word
        cost as much as the look-ups."""
        entries, characters = self.entries, self._characters
        text_length = len(norm_zh)
        found = []
        for start, character in enumerate(norm_zh):
            known = characters.get(character)
            if known is None:
                known = characters[character] = self._character(character)
            most, stems, seconds = known
            if not most:
                continue  # no headword starts with it (spaces, digits, punctuation)
            if stems is not None and min_length == 1:
                found.append((start, start + 1, stems))
            if most == 1 or start + 2 > text_length:
                continue
            gloss = entries.get(norm_zh[start:start + 2])
            if gloss is not None:
                found.append((start, start + 2, gloss_words(gloss)))
            if most == 2 or norm_zh[start + 1] not in seconds:
                continue  # no longer headword begins with these two characters (most starts)
            for end in range(start + 3, min(start + most, text_length) + 1):
                gloss = entries.get(norm_zh[start:end])
                if gloss is not None:
                    found.append((start, end, gloss_words(gloss)))
        return tuple(found)

    def _character(self, character: str) -> tuple[int, tuple[str, ...] | None, str]:
        """The length of the longest headword `character` starts (0: none), its own stems when it is a headword,
        and the second characters of its headwords of three characters or more."""
        gloss = self.entries.get(character)
        return (self.longest.get(character, 0), None if gloss is None else gloss_words(gloss),
                self.continues.get(character, ""))


# Sentences a run keeps the answers of, then starts afresh (audit.remembered.SENTENCES: a section's worth of one
# side), so the rules of one section share them. A sentence's stems are a set of about 5.6 KB: the 20,000 held
# before took 112 MB on text that never repeats (bench/stress.py --distinct), 2,048 take at most 12 MB.
_WORDS_MEMO_SIZE = SENTENCES


@lru_cache(maxsize=WORDS)
def gloss_words(gloss: str) -> tuple[str, ...]:
    """The stems of one dictionary gloss (a space-separated line of the bundled data), cached: glosses recur."""
    return tuple(gloss.split())


@lru_cache(maxsize=1)
def load_dictionary() -> Dictionary:
    """The bundled dictionary, loaded once per process: about 40 ms from the user cache
    (audit.lexicon.cache), about 90 ms from the gzip file it is built from."""
    from audit.lexicon.cache import cached

    data_file = bundled(DATA_FILE)
    sources = [data_file] if data_file.is_file() else []
    words, glosses, longest, continues, max_word, vocabulary = cached(
        f"cedict-{FORMAT.replace('/', '-')}-{CACHE_LAYOUT}", sources, _compact)
    return Dictionary(dict(zip(words.split("\n"), glosses.split("\n"))), max_word, longest, continues, vocabulary)


CACHE_LAYOUT = 3  # of `_compact`'s tuple: bumped when it changes, so that no older entry is read


def _compact() -> tuple[str, str, dict[str, int], dict[str, str], int, frozenset[str]]:
    """The parsed dictionary in the form that loads fastest: two newline-joined blocks (a split and a zip are
    faster than marshal's own dict), the indexes, and the vocabulary."""
    dictionary = _parse_bundled()
    return ("\n".join(dictionary.entries), "\n".join(dictionary.entries.values()), dictionary.longest,
            dictionary.continues, dictionary.max_word, dictionary.vocabulary)


def _parse_bundled() -> Dictionary:
    raw = bundled(DATA_FILE).read_bytes()
    return parse_dictionary(gzip.decompress(raw).decode("utf-8"))


def parse_dictionary(text: str) -> Dictionary:
    """The data file: a header line, `#` comment lines, a blank line, then the headwords one a line,
    a blank line, and their gloss stems one a line in the same order (two blocks split fast)."""
    header, _, rest = text.partition("\n")
    if not header.startswith(FORMAT + "\t"):
        raise ValueError(f"dictionary data is {header.split(chr(9))[0]!r}, expected {FORMAT!r}: rebuild it")
    _comments, _, rest = rest.partition("\n\n")
    words, _, glosses = rest.removesuffix("\n").partition("\n\n")  # the last gloss may be empty
    word_list, gloss_list = words.split("\n"), glosses.split("\n")
    if len(word_list) != len(gloss_list):
        raise ValueError(f"dictionary data is damaged: {len(word_list)} words, {len(gloss_list)} glosses")
    longest: dict[str, int] = {}
    seconds: dict[str, set[str]] = {}
    for word in word_list:
        if len(word) > longest.get(word[0], 0):
            longest[word[0]] = len(word)
        if len(word) > 2:
            seconds.setdefault(word[0], set()).add(word[1])
    continues = {first: "".join(sorted(found)) for first, found in seconds.items()}
    return Dictionary(dict(zip(word_list, gloss_list)), max(longest.values(), default=1), longest, continues,
                      frozenset(" ".join(gloss_list).split()))
