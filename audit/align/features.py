"""What the aligner measures of each sentence: its units (dictionary words, numbers, names) and its length.

A Chinese sentence's units are its dictionary words (longest match, function words skipped), numbers, Latin
tokens and glossary names; an English sentence's are its content-word stems and numbers. A unit is a tuple of
match keys (a Chinese word's English stems); anchors (numbers, Latin tokens, names) weigh `anchor_bits`.
Compiled (setup.py), the segmenter walks the text as C characters.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Protocol, Sequence

from audit.align.numbers import EN_NUMBER_WORDS, en_number_word, en_numbers, zh_number_spans
from audit.lexicon.dictionary import Dictionary, content_stem, content_stems, english_tokens, gloss_words
from audit.lexicon.transliterate import TRANSLITERATION
from audit.model import Segment
from audit.remembered import Remembered
from audit.text import HAN_RUN

try:
    import cython
except ImportError:  # run as Python without Cython installed
    from audit import _cython as cython  # type: ignore[no-redef]


class GlossaryLike(Protocol):  # what the aligner needs of audit.lexicon.glossary.Glossary
    def mentions(self, norm_zh: str): ...  # type: ignore[no-untyped-def]


# Words that glue Chinese sentences together without meaning an English sentence must show.
_ZH_STOP = frozenset(
    list("的了在是和与及而也都就将对于被把之其此这那个为以并或等中上下里地得着过还又再即则但却因所从到向让给由已该各每使有不没很会能要一名位些多更最我你他她它您")
    + "们 我们 他们 她们 你们 它们 咱们 自己 这些 这个 那些 那个 这样 那样 这种 那种 没有 不是 可以 已经 一些 一个 一名 一位 "
    "而且 但是 因为 所以 如果 虽然 就是 还是 以及 对于 关于 为了 其中 之一 之后 并且 或者 以来 这是 就会 也是 都是".split()
)
_ALNUM = re.compile(r"[A-Za-z0-9]")
# Three or more characters of Xinhua's transliteration table in a row spell a foreign name by sound (博尔特尼科夫):
# read a character at a time, they would bring glosses that no translation holds (斯 "Slovakia", 克 "gram").
_SOUND_RUN = re.compile(f"[{''.join(sorted(TRANSLITERATION))}]{{3,}}")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")


@dataclass
class Sentence:
    length: int
    keys: list[tuple[str, ...]]  # one tuple of match keys per unit (word, number, name)
    weights: list[int]  # bits each unit occupies in a match mask
    bits: int  # total weight
    kind: str
    paragraph_start: bool
    text: str = ""


# A sentence's units are remembered per text (up to this many texts a side, then afresh): the rules that explain
# a bead (bead_support) measure again the sentences the aligner measured, and an article's sentences recur (a
# revision audited again, the same text in several files). The units of 2,048 news sentences take about 3 MB.
UNITS_MEMO = 2048
_ZH_UNITS: Remembered[Sentence] = Remembered(UNITS_MEMO)
_EN_UNITS: Remembered[Sentence] = Remembered(UNITS_MEMO)


def _placed(units: Sentence, kind: str, start: bool) -> Sentence:
    """A remembered sentence's units for one of its occurrences. The lists are shared: no stage changes a
    Sentence's lists once it is made (`_capped` makes new ones)."""
    return Sentence(units.length, units.keys, units.weights, units.bits, kind, start, units.text)


def zh_sentence(seg: Segment, start: bool, dictionary: Dictionary, glossary: GlossaryLike | None, anchor_bits: int) -> Sentence:
    """The units of a Chinese sentence (module docstring)."""
    units = _ZH_UNITS.get((seg.norm, id(dictionary), id(glossary), anchor_bits), (dictionary, glossary),
                          lambda: _zh_units(seg.norm, lexicon_of(dictionary), glossary, anchor_bits))
    return _placed(units, seg.kind, start)


# Compiled (setup.py), the segmenter walks the text as C characters and counts with C integers.
@cython.locals(norm=str, position=cython.Py_ssize_t, length=cython.Py_ssize_t, end=cython.Py_ssize_t,
               anchors=cython.Py_ssize_t, size=cython.Py_ssize_t, longer=cython.Py_ssize_t, any_taken=cython.bint,
               char=cython.Py_UCS4, taken=bytearray)
def _zh_units(norm: str, lexicon: Lexicon, glossary: GlossaryLike | None, anchor_bits: int) -> Sentence:
    keys: list[tuple[str, ...]] = []
    weights: list[int] = []
    taken = bytearray(len(norm))
    if glossary is not None:
        for mention in glossary.mentions(norm):  # a name: its accepted English forms, as word stems
            stems = _entry_stems(tuple(mention.entry.english))
            if stems:
                keys.append(stems)
                weights.append(anchor_bits)
            taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    for key, first, end in zh_number_spans(norm):
        keys.append((key,))
        weights.append(anchor_bits)
        taken[first:end] = b"\x01" * (end - first)
    for match in _LATIN.finditer(norm):
        stem = content_stem(match.group())
        if stem is not None:
            keys.append((stem,))
            weights.append(anchor_bits)
    # Dictionary words, longest match first, left to right. `Lexicon` bounds the slices worth a look by
    # their first two characters; a slice that overlaps a number or a name is no word.
    lexicon.index(norm)
    lookup, pairs, singles = lexicon.entries.get, lexicon.pairs.get, lexicon.singles.get
    stems_of, memo, ascii_starts = lexicon.stems.get, lexicon.stems, lexicon.ascii_starts
    add, anchors = keys.append, len(keys)
    position, length = 0, len(norm)
    any_taken = any(taken)  # most sentences have no number or name: no span to check then
    sounds = _spelled_by_sound(norm)  # characters of a name spelled by sound: not words on their own
    while position < length:
        char = norm[position]
        if (char < "\x80" and char not in ascii_starts) or (any_taken and taken[position]):
            position += 1  # spaces, punctuation, Latin letters and digits mostly start no word: quick
            continue
        stems = None
        pair = norm[position:position + 2]
        sizes = pairs(pair)
        if sizes is not None:  # a word of two characters or more starts with this pair
            longer = sizes >> 3  # the sizes of three or more, longest first
            while longer:
                size = longer.bit_length() + 2
                longer ^= 1 << (size - 3)
                end = position + size
                if end > length:
                    continue
                word = norm[position:end]
                stems = stems_of(word)
                if stems is None:
                    gloss = lookup(word)
                    if gloss is None:
                        continue
                    stems = memo[word] = () if word in _ZH_STOP else gloss_words(gloss)
                if any_taken and any(taken[position:end]):
                    stems = None
                    continue
                break
            if stems is None:  # two
                end = position + 2
                stems = stems_of(pair)
                if stems is None:
                    gloss = lookup(pair)
                    if gloss is not None:
                        stems = memo[pair] = () if pair in _ZH_STOP else gloss_words(gloss)
                if any_taken and taken[position + 1]:
                    stems = None
        if stems is None:  # one (not taken: see above)
            stems = singles(char) if sounds is None or not sounds[position] else None
            if stems is None:
                position += 1
                continue
            end = position + 1
        if stems:
            add(stems)
        position = end
    weights += [1] * (len(keys) - anchors)  # a word weighs 1
    return _capped(Sentence(zh_length(norm), keys, weights, sum(weights), "", False, norm))


def _spelled_by_sound(norm: str) -> bytearray | None:
    """The characters of the text that are in a run of `_SOUND_RUN` (None: there is none)."""
    marked = None
    for match in _SOUND_RUN.finditer(norm):
        marked = marked or bytearray(len(norm))
        marked[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    return marked


class Lexicon:
    """What the longest-match segmenter of `zh_sentence` needs of a dictionary, one per dictionary.

    The segmenter tries only the slices that could be words, by their first two characters: the sizes of
    the words of two characters or more starting with each pair (`pairs`: bit k set for a word of k
    characters; no entry: only one character to try), and the words of one character (`singles`), with
    their stems (none for a function word). Both are filled a character at a time, for the characters of
    the text met so far (`index`): building them for the whole dictionary would cost a one-article run
    more than it saves."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary
        self.entries, self.longest = dictionary.entries, dictionary.longest
        # Function words of _ZH_STOP that CC-CEDICT has no entry for (已经, 自己, 虽然, 这种…) are words too:
        # split into characters, 已经 would bring 经's glosses ("classic, sacred, book") as content to match.
        missing = [word for word in _ZH_STOP if len(word) > 1 and word not in self.entries]
        self.words = sorted([*self.entries, *missing])  # the words starting with a character are a run of these
        self.pairs: dict[str, int] = {}
        self.singles: dict[str, tuple[str, ...]] = {}
        self.indexed: set[str] = set()
        self.lock = threading.Lock()
        self.ascii_starts = frozenset(char for char in self.longest if char < "\x80")
        # Stems of the longer words met (none for a function word), by word: a memo bounded by the dictionary.
        self.stems: dict[str, tuple[str, ...]] = dict.fromkeys(missing, ())

    def index(self, text: str) -> None:
        """Make `pairs` and `singles` complete for the words starting with a character of the text."""
        indexed = self.indexed
        if indexed.issuperset(text):
            return
        words, entries, longest, pairs, singles = self.words, self.entries, self.longest, self.pairs, self.singles
        with self.lock:  # a character is marked indexed once its words are in (threads see it whole or not at all)
            for char in set(text).difference(indexed):
                most = longest.get(char, 0)
                if most:
                    start = bisect.bisect_left(words, char)
                    stop = bisect.bisect_left(words, chr(ord(char) + 1), start) if ord(char) < 0x10FFFF else len(words)
                    for word in words[start:stop]:
                        size = len(word)
                        if size > 1:
                            pairs[word[:2]] = pairs.get(word[:2], 0) | 1 << size
                        else:
                            singles[word] = () if word in _ZH_STOP else gloss_words(entries[word])
                indexed.add(char)


_LEXICON: Lexicon | None = None


def lexicon_of(dictionary: Dictionary) -> Lexicon:
    global _LEXICON
    lexicon = _LEXICON
    if lexicon is None or lexicon.dictionary is not dictionary:
        lexicon = _LEXICON = Lexicon(dictionary)
    return lexicon


@lru_cache(maxsize=4096)
def _entry_stems(english: tuple[str, ...]) -> tuple[str, ...]:
    """Stems of the words of a glossary entry's English forms: Vladimir Putin → vladim, putin."""
    return tuple(dict.fromkeys(stem for form in english for stem in content_stems(form)))


def zh_length(norm: str) -> int:
    """Characters, with a run of Latin letters or digits counted as about one character per three letters."""
    han = sum(map(len, HAN_RUN.findall(norm)))
    other = len(_ALNUM.findall(norm))
    return han + (other + 2) // 3


# "one" is a function word to the aligner, as 一 is on the Chinese side (_ZH_STOP; no number key either).
_ONE = "one"
# The stems of the words the number reader may read: only a sentence with one of these is asked (`en_number_word`).
_NUMBER_STEMS = frozenset(filter(None, map(content_stem, EN_NUMBER_WORDS)))


def en_sentence(seg: Segment, start: bool, glossary: GlossaryLike | None, anchor_bits: int) -> Sentence:
    """The units of an English sentence (module docstring), remembered per text as `zh_sentence`'s are."""
    # Names need nothing from the glossary here: they are content words, met by the Chinese side's stems.
    units = _EN_UNITS.get((seg.norm, anchor_bits), None, lambda: _en_units(seg.norm, anchor_bits))
    return _placed(units, seg.kind, start)


def _en_units(norm: str, anchor_bits: int) -> Sentence:
    # A spelled number or a month is one unit, its number key ("two" is #2 as 兩 is), not also a word.
    words = english_tokens(norm)
    stems = [stem for stem in map(content_stem, words) if stem is not None and stem != _ONE]
    if not _NUMBER_STEMS.isdisjoint(stems):  # rare: only then is each word asked
        read = {stem for word, stem in zip(words, map(content_stem, words)) if stem in _NUMBER_STEMS and en_number_word(word)}
        stems = [stem for stem in stems if stem not in read]
    keys: list[tuple[str, ...]] = [(stem,) for stem in stems]
    weights: list[int] = [1] * len(keys)
    numbers = en_numbers(norm, words)
    if numbers:
        keys += [(key,) for key in numbers]
        weights += [anchor_bits] * len(numbers)
    return _capped(Sentence(len(norm), keys, weights, sum(weights), "", False, norm))


# Units a sentence brings to matching, counted in mask bits. The longest sentence of NTREX-128 holds 91 (Chinese)
# and 73 (English): a cap of about three times that changes nothing in news, and keeps the match masks of a
# 200,000-character sentence (a file without sentence punctuation) from growing with its length squared.
MAX_BITS = 256


def _capped(sentence: Sentence) -> Sentence:
    """The sentence with only its first units up to MAX_BITS (a huge sentence's first few hundred words
    stand for it: they meet the first words of its translation)."""
    if sentence.bits <= MAX_BITS:
        return sentence
    bits = kept = 0
    for kept, weight in enumerate(sentence.weights):
        if bits + weight > MAX_BITS:
            break
        bits += weight
    sentence.keys, sentence.weights, sentence.bits = sentence.keys[:kept], sentence.weights[:kept], bits
    return sentence


def paragraph_starts(segments: Sequence[Segment]) -> list[bool]:
    return [i == 0 or segments[i - 1].paragraph != seg.paragraph for i, seg in enumerate(segments)]



def prefix_sums(values: Iterable[int]) -> list[int]:
    """0, then the running totals: the sum of items k…i-1 is out[i] - out[k]."""
    out = [0]
    for value in values:
        out.append(out[-1] + value)
    return out
