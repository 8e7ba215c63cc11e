"""Sentence alignment: dynamic programming over scored beads, in a band that follows the text.

A bead pairs 1–3 Chinese sentences with 1–3 English ones (1-1, 2-1, 1-2, 2-2, 3-1, 1-3, 3-2, 2-3); a
sentence left alone is a 1-0 bead (an omission) or a 0-1 bead (an addition). A bead's gain is a damped
log-likelihood ratio (how much likelier its evidence is between translations than between unrelated
sentences), from several signals:

- lexical: each Chinese word (longest dictionary match; function words skipped) that has a translation
  among the bead's English words, and each English content word that translates one of its Chinese words
  (CC-CEDICT stems, `audit.lexicon.dictionary`); the chance of a match grows with the other side's size.
  Anchors weigh double: numbers (五 = five, 3億 = 300 million, 12月 = December), Latin tokens kept in the
  Chinese (Su-24), glossary names (普丁 → Putin);
- length: log(English characters / Chinese characters) ≈ 1.28 ± 0.19 in news (NTREX-128), a Gaussian
  against the spread of unrelated pairs (Gale & Church, fitted to Chinese–English);
- shape: a log prior per bead shape, lighter when the extra sentence is a fragment (「…？」他說。);
- orphans: a sentence of a many-side with almost nothing of its own translated costs extra (it is likelier
  an omission or addition than part of the bead); a bead never holds the same sentence twice;
- structure, as soft evidence: headline and dateline only with their like; paragraph starts with
  paragraph starts, when both sides have paragraphs.

Leaving a sentence unpaired has a fixed cost; an English sentence whose words are found in the Chinese
nearby (free translation moving a clause across a sentence boundary) costs more to leave unpaired.
The search runs in a band around a line through anchors (words found once on each side) and, between
them, through equal shares of characters; when the best path runs along the band's edge the band is
laid again around that path. Time and memory grow linearly with the article's length.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Protocol, Sequence

from audit.lexicon.dictionary import Dictionary, content_stem, content_stems, english_tokens, gloss_words, load_dictionary
from audit.model import AlignedPair, Segment
from audit.quantities.calendar_names import MONTH_NUMBERS
from audit.text import HAN_RUN

try:
    import cython
except ImportError:  # run as Python without Cython installed
    from audit import _cython as cython  # type: ignore[no-redef]


class _Glossary(Protocol):  # what the aligner needs of audit.lexicon.glossary.Glossary
    def mentions(self, norm_zh: str): ...  # type: ignore[no-untyped-def]


@dataclass(frozen=True)
class Params:
    """The bead score's model; rates measured and weights tuned on the dev part of NTREX-128 (bench/align.py).

    Each piece of evidence scores as a log-likelihood ratio: how much likelier it is between sentences
    that translate each other than between unrelated sentences nearby.
    """

    # The length model, measured on the dev part's gold beads (`python bench/align.py --fit`; the held-out part
    # gives 1.282, 0.190, 0.683): mean log(English characters / Chinese characters) of true beads, its
    # standard deviation, and the same spread between unrelated nearby sentences.
    log_ratio: float = 1.266
    sigma: float = 0.186
    sigma_random: float = 0.754
    # Share of units (words, anchors) with a translation on the other side: true pairs, unrelated pairs.
    zh_true: float = 0.53
    zh_random: float = 0.088
    en_true: float = 0.62
    en_random: float = 0.101
    # The random rates above hold against a sentence of typical size (units, anchors counted double); a
    # unit finds a chance translation the more easily the more units the other side of its bead has.
    typical_zh_bits: float = 16.7
    typical_en_bits: float = 13.8
    lexical_weight: float = 0.3  # units are not independent evidence: the ratio is damped
    length_weight: float = 1.0
    anchor_bits: int = 2  # an anchor (number, Latin token, glossary name) weighs as much as this many words
    skip: float = 3.0  # cost of a sentence without a partner
    # …plus this much when the sentence's words are found in nearby sentences of the other side (its
    # share of units translated by the best one or two adjacent sentences, beyond `echo_floor`): free
    # translation moves clauses across sentence boundaries, and such a sentence is no omission.
    # (On the Chinese side it cost omission recall on NTREX: news sentences share their topic words.)
    echo_zh: float = 0.0
    echo_en: float = 8.0
    echo_floor: float = 0.35
    # Log prior of a bead shape; 1-1 is by far the most common in news.
    shapes: dict[tuple[int, int], float] = field(
        default_factory=lambda: {(1, 1): 0.0, (2, 1): -2.5, (1, 2): -2.5, (2, 2): -5.0, (3, 1): -5.0, (1, 3): -5.0,
                                 (3, 2): -5.0, (2, 3): -5.0}
    )
    # A sentence of a many-side (2-1, 1-2, …) with less than orphan_floor of its units translated in the
    # bead costs up to `orphan`: it is likelier an omission or addition than part of the bead.
    orphan: float = 2.0
    orphan_floor: float = 0.25
    # A bead whose share of translated units is below weak_floor (chance is about 0.1) costs up to `weak`:
    # two unrelated sentences side by side are an omission and an addition, not a pair. Off: on NTREX it
    # raised false omissions in clean text more than it found wrong sentences (their pairs score low anyway).
    weak: float = 0.0
    weak_floor: float = 0.25
    # A fragment shorter than this many Chinese characters (or their English equivalent) costs less to
    # join to a neighbour: 「…？」他說。 split after the question mark is one sentence in spirit.
    short: float = 8.0
    kind_mismatch: float = 4.0  # headline or dateline against body text
    paragraph: float = 1.0  # paragraph start against paragraph start (both sides have paragraphs)
    band: int = 5  # half-width of the search band (laid again around the path where the path met its edge)


DEFAULT = Params()

# Words that glue Chinese sentences together without meaning an English sentence must show.
_ZH_STOP = frozenset(
    list("的了在是和与及而也都就将对于被把之其此这那个为以并或等中上下里地得着过还又再即则但却因所从到向让给由已该各每使有不没很会能要一名位些多更最我你他她它您")
    + "们 我们 他们 她们 你们 它们 咱们 自己 这些 这个 那些 那个 这样 那样 这种 那种 没有 不是 可以 已经 一些 一个 一名 一位 "
    "而且 但是 因为 所以 如果 虽然 就是 还是 以及 对于 关于 为了 其中 之一 之后 并且 或者 以来 这是 就会 也是 都是".split()
)
_ALNUM = re.compile(r"[A-Za-z0-9]")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")


# ---------------------------------------------------------------- numbers


_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000}
# (The lookahead changes no match, every one starts with a digit or a numeral: it lets the engine skip to
# the next such character instead of trying the whole pattern at every position.)
_ZH_NUMBER = re.compile(r"(?=[\d零〇一二两三四五六七八九十百千])(?:百分之)?(\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千]+)\s*([万亿]*)")
# A lone 五 is a number when a measure word follows it (五名, 五小时) or 第 precedes it.
_ZH_MEASURE = tuple("个名位人年月日天次岁项家架艘辆条件种点分秒周倍届场国座所只枚颗轮期号") + (
    "小时", "公里", "英里", "英尺", "英寸", "分钟", "美元", "英镑", "欧元", "公斤", "公尺", "世纪", "星期", "礼拜",
)
_EN_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)(?:\s*(thousand|million|billion|trillion|bn|m)\b)?", re.I)
_EN_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
    "billion": 1_000_000_000, "dozen": 12, "twice": 2, "half": 50, "second": 2, "third": 3, "fourth": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_EN_SCALE = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12, "bn": 10**9, "m": 10**6}
_MONTHS = MONTH_NUMBERS  # month names and abbreviations → 1–12, the package-wide list
_EN_NUMBER_WORDS = frozenset(_EN_WORDS) | frozenset(_MONTHS)
_DIGIT = re.compile(r"\d")  # every match of _EN_NUMBER holds one


def _zh_numeral(text: str) -> int | None:
    """一百二十 → 120, 两千 → 2000, 十二 → 12; None for what is not a plain numeral."""
    total, current = 0, 0
    for char in text:
        if char in _ZH_DIGITS:
            current = current * 10 + _ZH_DIGITS[char] if current and text[0] not in _ZH_UNITS else _ZH_DIGITS[char]
        elif char in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[char]
            current = 0
        else:
            return None
    return total + current


def _canonical(value: float) -> str:
    return f"#{value:g}" if value != int(value) else f"#{int(value)}"


_ZH_NUMBER_SUFFIX = "年月日号岁"


def zh_numbers(norm: str) -> list[str]:
    """Numbers of normalized Chinese text as keys (#2025, #12, #300000000); 一 alone is not a number."""
    return [key for key, _, _ in zh_number_spans(norm)]


def zh_number_spans(norm: str) -> list[tuple[str, int, int]]:
    """(key, start, end) of each number, the span taking in a date suffix: 2018年, 12月, 6日."""
    out = []
    for match in _ZH_NUMBER.finditer(norm):
        digits, big = match.groups()
        if digits[0].isdigit():
            value: float = float(digits.replace(",", ""))
        else:
            percent = match.group().startswith("百分之")
            before = norm[match.start() - 1:match.start()] if match.start() else ""
            numeral = _zh_numeral(digits)
            lone = len(digits) == 1 and not big and not percent
            if numeral is None or (lone and not norm.startswith(_ZH_MEASURE, match.end()) and before != "第"):
                continue
            if numeral == 1 and not big:
                continue
            value = numeral
        for char in big:
            value *= _ZH_BIG[char]
        end = match.end() + (norm[match.end():match.end() + 1] in _ZH_NUMBER_SUFFIX and match.end() < len(norm))
        if value != 1:
            out.append((_canonical(value), match.start(), end))
        if big and digits[0].isdigit():  # 3億 may be rendered "300 million" or "0.3 billion": keep the 3 too
            out.append((_canonical(float(digits.replace(",", ""))), match.start(), end))
    return out


def en_numbers(text: str, words: Sequence[str]) -> list[str]:
    """Numbers of English text as keys: digits, scaled (2.5 million), spelled out, month names."""
    out: list[str] = []
    for match in _EN_NUMBER.finditer(text) if _DIGIT.search(text) else ():
        value = float(match.group(1).replace(",", "")) if match.group(1).count(",") or "." in match.group(1) else float(match.group(1))
        scale = match.group(2)
        if scale:
            out.append(_canonical(value))
            value *= _EN_SCALE[scale.lower()]
        if value != 1:
            out.append(_canonical(value))
    if _EN_NUMBER_WORDS.isdisjoint(map(str.lower, words)):  # most sentences: no number word, no month
        return out
    previous = 0
    for word in words:
        lower = word.lower()
        if lower in _EN_WORDS:
            value = _EN_WORDS[lower]
            if lower in _EN_SCALE and previous:  # two million
                out.append(_canonical(previous * value))
            elif previous in (20, 30, 40, 50, 60, 70, 80, 90) and value < 10:  # twenty-five
                out.append(_canonical(previous + value))
            out.append(_canonical(value))
            previous = value
            continue
        previous = 0
        if lower in _MONTHS and word[0].isupper() and lower != "may" or word == "May":
            out.append(_canonical(_MONTHS[lower]))
    return out


# ---------------------------------------------------------------- sentence features


@dataclass
class _Sentence:
    length: int
    keys: list[tuple[str, ...]]  # one tuple of match keys per unit (word, number, name)
    weights: list[int]  # bits each unit occupies in a match mask
    bits: int  # total weight
    kind: str
    paragraph_start: bool
    text: str = ""


# Compiled (setup.py), the segmenter walks the text as C characters and counts with C integers.
@cython.locals(norm=str, position=cython.Py_ssize_t, length=cython.Py_ssize_t, end=cython.Py_ssize_t,
               anchors=cython.Py_ssize_t, size=cython.Py_ssize_t, longer=cython.Py_ssize_t, any_taken=cython.bint,
               char=cython.Py_UCS4, taken=bytearray)
def _zh_sentence(seg: Segment, start: bool, dictionary: Dictionary, glossary: _Glossary | None, anchor_bits: int) -> _Sentence:
    norm = seg.norm
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
    # Dictionary words, longest match first, left to right. `_Lexicon` bounds the slices worth a look by
    # their first two characters; a slice that overlaps a number or a name is no word.
    lexicon = _lexicon(dictionary)
    lexicon.index(norm)
    lookup, pairs, singles = lexicon.entries.get, lexicon.pairs.get, lexicon.singles.get
    stems_of, memo, ascii_starts = lexicon.stems.get, lexicon.stems, lexicon.ascii_starts
    add, anchors = keys.append, len(keys)
    position, length = 0, len(norm)
    any_taken = any(taken)  # most sentences have no number or name: no span to check then
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
            stems = singles(char)
            if stems is None:
                position += 1
                continue
            end = position + 1
        if stems:
            add(stems)
        position = end
    weights += [1] * (len(keys) - anchors)  # a word weighs 1
    return _capped(_Sentence(_zh_length(norm), keys, weights, sum(weights), seg.kind, start, norm))


class _Lexicon:
    """What the longest-match segmenter of `_zh_sentence` needs of a dictionary, one per dictionary.

    The segmenter tries only the slices that could be words, by their first two characters: the sizes of
    the words of two characters or more starting with each pair (`pairs`: bit k set for a word of k
    characters; no entry: only one character to try), and the words of one character (`singles`), with
    their stems (none for a function word). Both are filled a character at a time, for the characters of
    the text met so far (`index`): building them for the whole dictionary would cost a one-article run
    more than it saves."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary
        self.entries, self.longest = dictionary.entries, dictionary.longest
        self.words = sorted(self.entries)  # the words starting with a character are a run of these
        self.pairs: dict[str, int] = {}
        self.singles: dict[str, tuple[str, ...]] = {}
        self.indexed: set[str] = set()
        self.lock = threading.Lock()
        self.ascii_starts = frozenset(char for char in self.longest if char < "\x80")
        # Stems of the longer words met (none for a function word), by word: a memo bounded by the dictionary.
        self.stems: dict[str, tuple[str, ...]] = {}

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


_LEXICON: _Lexicon | None = None


def _lexicon(dictionary: Dictionary) -> _Lexicon:
    global _LEXICON
    lexicon = _LEXICON
    if lexicon is None or lexicon.dictionary is not dictionary:
        lexicon = _LEXICON = _Lexicon(dictionary)
    return lexicon


@lru_cache(maxsize=4096)
def _entry_stems(english: tuple[str, ...]) -> tuple[str, ...]:
    """Stems of the words of a glossary entry's English forms: Vladimir Putin → vladim, putin."""
    return tuple(dict.fromkeys(stem for form in english for stem in content_stems(form)))


def _zh_length(norm: str) -> int:
    """Characters, with a run of Latin letters or digits counted as about one character per three letters."""
    han = sum(map(len, HAN_RUN.findall(norm)))
    other = len(_ALNUM.findall(norm))
    return han + (other + 2) // 3


def _en_sentence(seg: Segment, start: bool, glossary: _Glossary | None, anchor_bits: int) -> _Sentence:
    # Names need nothing from the glossary here: they are content words, met by the Chinese side's stems.
    words = english_tokens(seg.norm)
    keys: list[tuple[str, ...]] = [(stem,) for stem in map(content_stem, words) if stem is not None]
    weights: list[int] = [1] * len(keys)
    numbers = en_numbers(seg.norm, words)
    if numbers:
        keys += [(key,) for key in numbers]
        weights += [anchor_bits] * len(numbers)
    return _capped(_Sentence(len(seg.norm), keys, weights, sum(weights), seg.kind, start, seg.norm))


# Units a sentence brings to matching, counted in mask bits. The longest sentence of NTREX-128 holds 91 (Chinese)
# and 73 (English): a cap of about three times that changes nothing in news, and keeps the match masks of a
# 200,000-character sentence (a file without sentence punctuation) from growing with its length squared.
MAX_BITS = 256


def _capped(sentence: _Sentence) -> _Sentence:
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


def _paragraph_starts(segments: Sequence[Segment]) -> list[bool]:
    return [i == 0 or segments[i - 1].paragraph != seg.paragraph for i, seg in enumerate(segments)]


# ---------------------------------------------------------------- matching


def _match_masks(zh: list[_Sentence], en: list[_Sentence], lo: list[int], hi: list[int]) -> tuple[list[dict[int, int]], list[dict[int, int]]]:
    """For each Chinese sentence k and nearby English sentence l: which units of k have a translation in
    l (bit mask over k's units) and which units of l translate a unit of k (bit mask over l's units)."""
    # Per key, the English sentences holding it in order (and the unit's mask in each): a Chinese unit looks
    # only at those inside its reach (bisect), so that a word met in every tenth sentence of a long article
    # costs the few sentences nearby, not all of them.
    index: dict[str, tuple[list[int], list[int]]] = {}
    for l, sentence in enumerate(en):
        bit = 0
        for unit_keys, weight in zip(sentence.keys, sentence.weights):
            mask = ((1 << weight) - 1) << bit
            for key in unit_keys:
                entry = index.get(key)
                if entry is None:
                    entry = index[key] = ([], [])
                entry[0].append(l)
                entry[1].append(mask)
            bit += weight
    nowhere: tuple[list[int], list[int]] = ([], [])
    zh_masks: list[dict[int, int]] = []
    en_masks: list[dict[int, int]] = []
    reach = 3  # a bead spans up to three sentences on either side
    for k, sentence in enumerate(zh):
        low = lo[max(0, k - reach)]
        high = hi[min(len(zh), k + 1 + reach)]
        z: dict[int, int] = {}
        e: dict[int, int] = {}
        bit = 0
        for unit_keys, weight in zip(sentence.keys, sentence.weights):
            mask = ((1 << weight) - 1) << bit
            for key in unit_keys:
                where, en_masks_of = index.get(key, nowhere)
                for position in range(bisect.bisect_left(where, low), bisect.bisect_left(where, high)):
                    l = where[position]
                    z[l] = z.get(l, 0) | mask
                    e[l] = e.get(l, 0) | en_masks_of[position]
            bit += weight
        zh_masks.append(z)
        en_masks.append(e)
    return zh_masks, en_masks


# ---------------------------------------------------------------- search


class _Beads:
    """Scores beads. Matched-unit counts are memoised per sentence and end point, so that the eight bead
    shapes tried at each cell of the search share their work."""

    def __init__(self, zh: list[_Sentence], en: list[_Sentence], masks: tuple[list[dict[int, int]], list[dict[int, int]]],
                 params: Params, paragraphs: bool) -> None:
        self.zh, self.en = zh, en
        self.zh_masks, self.en_masks = masks
        self.params = params
        self.paragraphs = paragraphs
        p = params
        self.zh_len, self.en_len = _prefix(s.length for s in zh), _prefix(s.length for s in en)
        self.zh_bits, self.en_bits = _prefix(s.bits for s in zh), _prefix(s.bits for s in en)
        # How short a sentence is, for the discount on joining a fragment to its neighbour (1: not short).
        en_per_zh = math.exp(p.log_ratio)
        self.zh_short = [min(1.0, s.length / p.short) for s in zh]
        self.en_short = [min(1.0, s.length / en_per_zh / p.short) for s in en]
        self.zh_body = [s.kind == "body" for s in zh]
        self.en_body = [s.kind == "body" for s in en]
        self.zh_start = [s.paragraph_start for s in zh]
        self.en_start = [s.paragraph_start for s in en]
        # Log-likelihood ratios of a unit matched / unmatched, by the size (bits) of the bead's other side.
        self.zh_llr = _llr_table(p.zh_true, p.zh_random, p.typical_en_bits)
        self.en_llr = _llr_table(p.en_true, p.en_random, p.typical_zh_bits)
        self.length_bonus = math.log(p.sigma_random / p.sigma)
        self.length_scale = 1.0 / (2 * p.sigma * p.sigma) - 1.0 / (2 * p.sigma_random * p.sigma_random)
        self._zh_memo: list[dict[int, tuple[int, int, int, int]]] = [{} for _ in zh]
        self._en_memo: list[dict[int, tuple[int, int, int, int]]] = [{} for _ in en]
        # A bead never holds the same sentence twice: a pasted duplicate is an addition (or omission).
        self.zh_repeat = [any(zh[k].text == zh[k - d].text for d in (1, 2) if k - d >= 0) for k in range(len(zh))]
        self.en_repeat = [any(en[l].text == en[l - d].text for d in (1, 2) if l - d >= 0) for l in range(len(en))]
        self.zh_skip = self._skip_costs(zh, self.zh_masks, _exact_copies(zh), params.echo_zh)
        self.en_skip = self._skip_costs(en, _transpose(self.en_masks, len(en)), _exact_copies(en), params.echo_en)

    def _skip_costs(self, sentences: list[_Sentence], masks: list[dict[int, int]], copies: set[int], echo: float) -> list[float]:
        """Cost of leaving each sentence unpaired: dearer when much of it is found in one or two adjacent
        sentences of the other side, unless it is a copy of another sentence of its own side."""
        p = self.params
        costs = []
        for k, sentence in enumerate(sentences):
            cost = p.skip
            if echo and sentence.bits and k not in copies and masks[k]:
                row = masks[k]
                best = max((row[l] | row.get(l + 1, 0)).bit_count() for l in row)
                share = best / sentence.bits
                if share > p.echo_floor:
                    cost += echo * (share - p.echo_floor) / (1 - p.echo_floor) * min(1.0, sentence.bits / 4)
            costs.append(cost)
        return costs

    def _zh_found(self, k: int, j: int) -> tuple[int, int, int, int]:
        """Units of Chinese sentence k translated in English j-1; j-2…j-1; j-3…j-1 (indices 1–3)."""
        memo = self._zh_memo[k]
        found = memo.get(j)
        if found is None:
            masks = self.zh_masks[k]
            one = masks.get(j - 1, 0)
            two = one | masks.get(j - 2, 0)
            three = two | masks.get(j - 3, 0)
            found = memo[j] = (0, one.bit_count(), two.bit_count(), three.bit_count())
        return found

    def _en_found(self, l: int, i: int) -> tuple[int, int, int, int]:
        """Units of English sentence l translated in Chinese i-1; i-2…i-1; i-3…i-1."""
        memo = self._en_memo[l]
        found = memo.get(i)
        if found is None:
            masks = self.en_masks
            one = masks[i - 1].get(l, 0) if i >= 1 else 0
            two = one | (masks[i - 2].get(l, 0) if i >= 2 else 0)
            three = two | (masks[i - 3].get(l, 0) if i >= 3 else 0)
            found = memo[i] = (0, one.bit_count(), two.bit_count(), three.bit_count())
        return found

    def gain(self, i: int, a: int, j: int, b: int, shape: float) -> float:
        """How much better the bead explains its sentences than chance (a damped log-likelihood ratio);
        `shape` is the log prior of its shape. The search's inner loop: `evidence` spelt out for speed."""
        p = self.params
        zh_memo, en_memo = self._zh_memo, self._en_memo
        zh_found = [(zh_memo[k].get(j) or self._zh_found(k, j))[b] for k in range(i - a, i)]
        en_found = [(en_memo[l].get(i) or self._en_found(l, i))[a] for l in range(j - b, j)]
        matched_zh, matched_en = sum(zh_found), sum(en_found)
        total_zh = self.zh_bits[i] - self.zh_bits[i - a]
        total_en = self.en_bits[j] - self.en_bits[j - b]
        hit_zh, miss_zh = self.zh_llr[total_en]
        hit_en, miss_en = self.en_llr[total_zh]
        lexical = matched_zh * (hit_zh - miss_zh) + total_zh * miss_zh + matched_en * (hit_en - miss_en) + total_en * miss_en
        deviation = math.log((self.en_len[j] - self.en_len[j - b] + 3) / (self.zh_len[i] - self.zh_len[i - a] + 1)) - p.log_ratio
        gain = p.lexical_weight * lexical + p.length_weight * (self.length_bonus - deviation * deviation * self.length_scale)
        if p.weak:
            coverage = (matched_zh + matched_en) / (total_zh + total_en) if total_zh + total_en else 0.0
            if coverage < p.weak_floor:
                gain -= p.weak * (p.weak_floor - coverage) / p.weak_floor
        if a > 1 or b > 1:
            if (a > 1 and any(self.zh_repeat[i - a + 1:i])) or (b > 1 and any(self.en_repeat[j - b + 1:j])):
                return -math.inf
            # A sentence of a one-side is never an orphan: only the many-side's penalties count.
            orphan = 0.0
            if a > 1:
                orphan += side_orphans(zh_found, [s.bits for s in self.zh[i - a:i]], p.orphan_floor)
            if b > 1:
                orphan += side_orphans(en_found, [s.bits for s in self.en[j - b:j]], p.orphan_floor)
            gain -= p.orphan * orphan
            # Joining a fragment to its neighbour costs less.
            shortest = min(self.zh_short[i - a:i]) if a > 1 else 1.0
            if b > 1:
                shortest = min(shortest, *self.en_short[j - b:j])
            shape *= shortest
        gain += shape
        if self.zh_body[i - a] != self.en_body[j - b]:
            gain -= p.kind_mismatch
        if self.paragraphs:
            if self.zh_start[i - a] != self.en_start[j - b]:
                gain -= p.paragraph
            if (a > 1 and any(self.zh_start[i - a + 1:i])) or (b > 1 and any(self.en_start[j - b + 1:j])):
                gain -= p.paragraph
        return gain

    def confidence(self, i: int, a: int, j: int, b: int, gain: float | None = None) -> float:
        """0…1 shown to people, from the bead's margin over leaving its sentences unpaired. On NTREX-128
        (dev part, clean and with wrong sentences pasted in) the share of exactly right beads is about 15 %
        below 0.27 (margin 2), 45 % below 0.5 (margin 4), 80 % below 0.88 (margin 8), 96 % over all.
        `gain`: the bead's gain when known (the search's), else computed."""
        if not a or not b:
            return 0.0
        if gain is None:
            gain = self.gain(i, a, j, b, self.params.shapes[(a, b)])
        margin = gain + sum(self.zh_skip[i - a:i]) + sum(self.en_skip[j - b:j])
        return 1.0 / (1.0 + math.exp(-(margin - 4.0) / 2.0))


def side_orphans(found: Sequence[int], units: Sequence[int], floor: float) -> float:
    """Orphan penalty of the many-side of a bead (2-1, 1-2, …): each sentence with less than `floor` of its
    units translated in the bead (`found` of `units`) is likelier an omission or addition glued to a
    neighbour's bead, the more so the less it has (a sentence of fewer than four units counts for less).
    Only against a sentence of the side that is translated: when none is, the bead has no lexical
    evidence to tell them apart (a short quotation, a name-free remark) and length alone decides."""
    penalty = 0.0
    supported = False
    for matched, size in zip(found, units):
        if not size:
            continue
        share = matched / size
        if share >= floor:
            supported = True
        else:
            penalty += (floor - share) / floor * min(1.0, size / 4)
    return penalty if supported else 0.0


def _transpose(masks: list[dict[int, int]], size: int) -> list[dict[int, int]]:
    """Masks indexed [k][l] → the same masks indexed [l][k]."""
    out: list[dict[int, int]] = [{} for _ in range(size)]
    for k, row in enumerate(masks):
        for l, mask in row.items():
            out[l][k] = mask
    return out


def _exact_copies(sentences: list[_Sentence]) -> set[int]:
    """Sentences whose text occurs more than once on their side (a pasted duplicate is an addition)."""
    seen: dict[str, list[int]] = {}
    for k, sentence in enumerate(sentences):
        seen.setdefault(sentence.text, []).append(k)
    return {k for group in seen.values() if len(group) > 1 for k in group}


def _prefix(values: Iterable[int]) -> list[int]:
    out = [0]
    for value in values:
        out.append(out[-1] + value)
    return out


class _LlrTable(dict):  # type: ignore[type-arg]
    """(found, not found) log-likelihood ratios of a unit, by the number of units on the bead's other side."""

    def __init__(self, true_rate: float, random_rate: float, typical_bits: float) -> None:
        super().__init__()
        self.true_rate, self.random_rate, self.typical_bits = true_rate, random_rate, typical_bits

    def __missing__(self, bits: int) -> tuple[float, float]:
        chance = 1 - (1 - self.random_rate) ** (max(bits, 1) / self.typical_bits)
        value = self[bits] = _unit_llr(self.true_rate, chance)
        return value


_LLR_TABLES: dict[tuple[float, float, float], _LlrTable] = {}


def _llr_table(true_rate: float, random_rate: float, typical_bits: float) -> _LlrTable:
    """One table per set of rates, shared by every alignment (its values depend on the rates alone)."""
    key = (true_rate, random_rate, typical_bits)
    table = _LLR_TABLES.get(key)
    if table is None:
        table = _LLR_TABLES[key] = _LlrTable(true_rate, random_rate, typical_bits)
    return table


def _unit_llr(true_rate: float, chance: float) -> tuple[float, float]:
    """Log-likelihood ratios of a unit found / not found on the other side of a bead."""
    chance = min(chance, 0.98)  # a huge sentence makes a chance match near-certain; keep both logs defined
    found = max(true_rate, chance + 0.01)
    return math.log(found / chance), math.log((1 - found) / (1 - chance))


# Sentences aligned in one search. A longer article (none of NTREX-128's reaches 100) is aligned a window at a
# time: each window's beads up to COMMIT sentences are kept and the next window starts where they end, so that
# time and memory stay linear in the article (a 48 MB file, a book) and bounded by the window.
WINDOW = 2000
COMMIT = 1500


def align(
    source: Sequence[Segment], target: Sequence[Segment], glossary: _Glossary | None = None, *, params: Params = DEFAULT
) -> list[AlignedPair]:
    """Best-scoring sequence of beads covering every sentence of both sides once, in order.

    1-0 beads are Chinese sentences without an English partner (omissions), 0-1 beads English sentences
    without a Chinese one (additions). A bead's `score` is its confidence, 0 (unpaired, or no evidence) … 1.
    """
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [AlignedPair([s], [], 0.0) for s in source] + [AlignedPair([], [t], 0.0) for t in target]
    zh_starts, en_starts = _paragraph_starts(source), _paragraph_starts(target)
    paragraphs = sum(zh_starts) > 1 and sum(en_starts) > 1
    zh_chars, en_chars = _prefix(len(s.norm) for s in source), _prefix(len(t.norm) for t in target)
    pairs: list[AlignedPair] = []
    i0 = j0 = 0
    while True:
        i1 = min(n, i0 + WINDOW)
        # the English sentence where the Chinese window ends, by the share of characters still to align
        share = (zh_chars[i1] - zh_chars[i0]) / max(1, zh_chars[n] - zh_chars[i0])
        j1 = bisect.bisect_left(en_chars, en_chars[j0] + share * (en_chars[m] - en_chars[j0]))
        j1 = m if i1 == n else min(m, j0 + WINDOW, max(j1, j0 + 1))
        window = _align_window(source[i0:i1], target[j0:j1], zh_starts[i0:i1], en_starts[j0:j1], paragraphs,
                               glossary, params)
        if i1 == n and j1 == m:
            return pairs + window
        used_zh = used_en = 0
        for pair in window:  # keep the beads well inside the window; the rest is aligned again with the next
            if (i1 < n and used_zh + len(pair.source) > COMMIT) or (j1 < m and used_en + len(pair.target) > COMMIT):
                break
            pairs.append(pair)
            used_zh, used_en = used_zh + len(pair.source), used_en + len(pair.target)
        i0, j0 = i0 + used_zh, j0 + used_en


def _align_window(source: Sequence[Segment], target: Sequence[Segment], zh_starts: list[bool], en_starts: list[bool],
                  paragraphs: bool, glossary: _Glossary | None, params: Params) -> list[AlignedPair]:
    """`align` of a stretch of both sides (the whole article unless it is very long)."""
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [AlignedPair([s], [], 0.0) for s in source] + [AlignedPair([], [t], 0.0) for t in target]
    dictionary = load_dictionary()
    zh = [_zh_sentence(s, start, dictionary, glossary, params.anchor_bits) for s, start in zip(source, zh_starts)]
    en = [_en_sentence(t, start, glossary, params.anchor_bits) for t, start in zip(target, en_starts)]
    lo, hi = _band(zh, en, params.band)
    for _ in range(4):
        beads = _Beads(zh, en, _match_masks(zh, en, lo, hi), params, paragraphs)
        path, gains = _search(beads, lo, hi, n, m)
        # A path that runs along the band's edge may have been cut off by it: search again around it.
        if not _touches_edge(path, lo, hi, m):
            break
        lo, hi = _band_around(path, n, m, params.band)
    return [AlignedPair(list(source[i - a:i]), list(target[j - b:j]), round(beads.confidence(i, a, j, b, gain), 3))
            for (i, a, j, b), gain in zip(path, gains)]


def _band(zh: list[_Sentence], en: list[_Sentence], width: int) -> tuple[list[int], list[int]]:
    """For each Chinese prefix length i (0…n): the range of English prefix lengths searched, around a
    line through the anchors (words found once on each side, in the same order) and, between anchors,
    through the points where both prefixes hold the same share of characters."""
    n, m = len(zh), len(en)
    points = [(0.0, 0.0)] + [(k + 0.5, l + 0.5) for k, l in _anchors(zh, en)] + [(float(n), float(m))]
    zh_len, en_len = _prefix(s.length for s in zh), _prefix(s.length for s in en)
    lo, hi = [], []
    segment, last = 0, -1
    for i in range(n + 1):
        while segment < len(points) - 2 and points[segment + 1][0] <= i:
            segment += 1
        if segment != last:  # what depends on the two points only, once per pair of points
            between = _Between(zh_len, en_len, *points[segment], *points[segment + 1])
            last = segment
        centre = between.at(i)
        lo.append(max(0, math.floor(centre - width)))
        hi.append(min(m, math.ceil(centre + width)))
    lo[0], hi[n] = 0, m
    for i in range(n - 1, -1, -1):  # keep both edges non-decreasing
        lo[i] = min(lo[i], lo[i + 1])
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
    return _connected(lo, hi)


def _connected(lo: list[int], hi: list[int]) -> tuple[list[int], list[int]]:
    """No gap between consecutive rows of the band (row i starts at or before the end of row i-1), so that
    every cell can be reached by leaving sentences unpaired. A narrow band around a steep line (one long
    Chinese sentence against many English ones) could otherwise leave no path at all."""
    for i in range(1, len(lo)):
        if lo[i] > hi[i - 1]:
            lo[i] = hi[i - 1]
    return lo, hi


class _Between:
    """The English position matching a Chinese prefix between two anchor points (x0, y0) and (x1, y1), by
    character share."""

    def __init__(self, zh_len: list[int], en_len: list[int], x0: float, y0: float, x1: float, y1: float) -> None:
        self.zh_len, self.en_len = zh_len, en_len
        self.zh_start = _characters_at(zh_len, x0)
        self.zh_span = _characters_at(zh_len, x1) - self.zh_start
        self.en_start = _characters_at(en_len, y0)
        self.en_span = _characters_at(en_len, y1) - self.en_start

    def at(self, i: int) -> float:
        """The English position matching Chinese prefix i."""
        zh_span, en_len = self.zh_span, self.en_len
        share = (self.zh_len[i] - self.zh_start) / zh_span if zh_span > 0 else 0.0
        share = min(1.0, max(0.0, share))
        target = self.en_start + share * self.en_span
        j = bisect.bisect_right(en_len, target) - 1
        if j >= len(en_len) - 1:
            return float(len(en_len) - 1)
        return j + (target - en_len[j]) / (en_len[j + 1] - en_len[j]) if en_len[j + 1] > en_len[j] else float(j)


def _characters_at(prefix: list[int], x: float) -> float:
    """Characters before fractional sentence position x."""
    whole = min(int(x), len(prefix) - 1)
    return prefix[whole] + (x - whole) * ((prefix[whole + 1] - prefix[whole]) if whole + 1 < len(prefix) else 0)


def _anchors(zh: list[_Sentence], en: list[_Sentence]) -> list[tuple[int, int]]:
    """(Chinese, English) sentence pairs sharing a key (a number, a Latin name, a word with a single
    translation) that occurs in as many sentences on each side, the k-th with the k-th; longest chain in
    the same order. Most such keys occur once; a long article that repeats its content (or quotes a figure
    again) pairs its occurrences in order, so that its band still follows the text."""
    zh_at: dict[str, list[int]] = {}
    for k, sentence in enumerate(zh):
        for unit in sentence.keys:
            if len(unit) == 1:
                _add_once(zh_at, unit[0], k)
    en_at: dict[str, list[int]] = {}
    for l, sentence in enumerate(en):
        for unit in sentence.keys:
            _add_once(en_at, unit[0], l)
    pairs = sorted(
        pair
        for key, ks in zh_at.items()
        if len(en_at.get(key, ())) == len(ks)
        for pair in zip(ks, en_at[key])
    )
    # longest chain increasing on both sides (patience sorting)
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for index, (k, l) in enumerate(pairs):
        position = bisect.bisect_left(tails, l)
        # a chain may not use two anchors of the same Chinese sentence
        if position > 0 and pairs[tail_index[position - 1]][0] == k:
            continue
        if position == len(tails):
            tails.append(l)
            tail_index.append(index)
        else:
            tails[position] = l
            tail_index[position] = index
        parent[index] = tail_index[position - 1] if position else -1
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = parent[index]
    return chain[::-1]


def _add_once(places: dict[str, list[int]], key: str, sentence: int) -> None:
    """Record that `sentence` holds `key` (sentences come in order: a repeat is the last one recorded)."""
    where = places.get(key)
    if where is None:
        places[key] = [sentence]
    elif where[-1] != sentence:
        where.append(sentence)


def _band_around(path: list[tuple[int, int, int, int]], n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """A band of the given half-width around a path (wherever the path went, the band follows)."""
    low = [m] * (n + 1)
    high = [0] * (n + 1)
    low[0] = high[0] = 0
    for i, a, j, b in path:
        for row in range(i - a, i + 1):
            low[row] = min(low[row], j - b, j)
            high[row] = max(high[row], j - b, j)
    lo = [max(0, value - width) for value in low]
    hi = [min(m, value + width) for value in high]
    for i in range(n - 1, -1, -1):  # keep both edges non-decreasing
        lo[i] = min(lo[i], lo[i + 1])
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
    return _connected(lo, hi)


# Compiled (setup.py), the search's counters and scores are C integers and doubles: the same arithmetic in the
# same order, to the last bit (IEEE doubles either way), several times faster than Python objects.
@cython.locals(i=cython.Py_ssize_t, j=cython.Py_ssize_t, a=cython.Py_ssize_t, b=cython.Py_ssize_t,
               low=cython.Py_ssize_t, high=cython.Py_ssize_t, first=cython.Py_ssize_t, last=cython.Py_ssize_t,
               up_lo=cython.Py_ssize_t, up_hi=cython.Py_ssize_t, z1_first=cython.Py_ssize_t,
               z2_first=cython.Py_ssize_t, z3_first=cython.Py_ssize_t, e_first=cython.Py_ssize_t,
               total_zh=cython.Py_ssize_t, total_en=cython.Py_ssize_t, matched_zh=cython.Py_ssize_t,
               matched_en=cython.Py_ssize_t, zh_length=cython.Py_ssize_t, many=cython.bint, bound=cython.bint,
               paragraphs=cython.bint, best=cython.double, previous=cython.double, gain=cython.double,
               candidate=cython.double, cap=cython.double, prior=cython.double, gap_en=cython.double,
               miss_en=cython.double, gap_zh=cython.double, miss_zh=cython.double, skip_up=cython.double,
               deviation=cython.double, coverage=cython.double, orphan=cython.double, shortest=cython.double,
               log_ratio=cython.double, lexical_weight=cython.double, length_weight=cython.double,
               length_bonus=cython.double, length_scale=cython.double, weak=cython.double, weak_floor=cython.double,
               orphan_weight=cython.double, kind_mismatch=cython.double, paragraph_cost=cython.double,
               length_most=cython.double, slack=cython.double, neg=cython.double, inf=cython.double,
               row_total=list, row_step=list, row_gain=list, previous_row=list, up=list, en_skip=list, zh_skip=list)
def _search(
    beads: _Beads, lo: list[int], hi: list[int], n: int, m: int, cells: list[tuple[int, int, int, int, float]] | None = None
) -> tuple[list[tuple[int, int, int, int]], list[float | None]]:
    """Dynamic programming over the band; the best path as (i, a, j, b): a bead of Chinese i-a…i-1
    and English j-b…j-1, and the gain of each of its beads (None for a sentence left unpaired).
    `cells`, when given, receives (i, a, j, b, gain) for every cell of the band whose best step is a bead,
    on the path or not (for tests).

    The bead gains are `_Beads.gain` spelt out once more: the sizes and lengths of each span of one side
    looked up per row or column, the matched-unit counts computed a row at a time, and a bead passed over
    as soon as a bound shows it cannot win. The arithmetic is the same, operation for operation, so that
    the result is the same to the last bit (tests/test_align_gain.py holds the two together)."""
    p = beads.params
    if not all(1 <= a <= 3 and 1 <= b <= 3 for a, b in p.shapes):
        raise ValueError(f"bead shapes span 1 to 3 sentences a side: {sorted(p.shapes)}")
    log = math.log
    log_ratio, lexical_weight, length_weight = p.log_ratio, p.lexical_weight, p.length_weight
    length_bonus, length_scale = beads.length_bonus, beads.length_scale
    weak, weak_floor, orphan_weight, orphan_floor = p.weak, p.weak_floor, p.orphan, p.orphan_floor
    kind_mismatch, paragraph_cost, paragraphs = p.kind_mismatch, p.paragraph, beads.paragraphs
    inf = math.inf
    neg = -inf
    # Once a bead's lexical and length evidence is known, the rest of its gain (penalties, and its shape's
    # prior times a fragment discount in 0…1) adds at most max(prior, 0) when no cost is negative: a bead
    # that cannot beat the cell's best so far even then is passed over. `slack` covers rounding (gains are
    # sums of a few dozen terms, totals stay far below 10⁹), so that no bead that could win is skipped.
    bound = min(p.orphan, p.weak, p.kind_mismatch, p.paragraph) >= 0 and p.short > 0
    slack = 1e-6
    # Before that, the length evidence is taken at its most (`length_most`: the expected length ratio
    # exactly), so that most beads are passed over before the logarithm of their length ratio is taken.
    # Rounding is monotonic, so a bead passed over here would fail the test after it as well.
    length_most = length_weight * length_bonus if bound and length_weight >= 0 and length_scale >= 0 else inf
    zh_skip, en_skip = beads.zh_skip, beads.en_skip
    zh_masks, en_masks = beads.zh_masks, beads.en_masks
    zh_units, en_units = [s.bits for s in beads.zh], [s.bits for s in beads.en]
    zh_short, en_short, zh_repeat, en_repeat = beads.zh_short, beads.en_short, beads.zh_repeat, beads.en_repeat
    zh_body, en_body, zh_start, en_start = beads.zh_body, beads.en_body, beads.zh_start, beads.en_start

    # What `_Beads._zh_found` and `_en_found` count (units found in the one, two, three sentences of the
    # other side before an end point: indices 1–3), computed a row at a time instead of memoised per call;
    # their orphan penalties (`side_orphans`) only for the few beads that get that far.
    nothing = (0, 0, 0, 0)

    def zh_found_row(k: int) -> tuple[int, list[tuple[int, ...]]]:
        """Counts of Chinese sentence k at every English end point j of the rows k+1 … k+3 that use it:
        (first j, counts)."""
        first, last = min(lo[k + 1:k + 4]), max(hi[k + 1:k + 4])
        out = [nothing] * (last - first + 1)
        masks = zh_masks[k]
        if masks:
            get = masks.get
            for j in {l + d for l in masks for d in (1, 2, 3)}:
                if first <= j <= last:
                    one = get(j - 1, 0)
                    two = one | get(j - 2, 0)
                    out[j - first] = (0, one.bit_count(), two.bit_count(), (two | get(j - 3, 0)).bit_count())
        return first, out

    def en_found_row(i: int) -> tuple[int, list[tuple[int, ...]]]:
        """Counts at Chinese end point i of the English sentences l that row i uses: (first l, counts)."""
        first, end = max(0, lo[i] - 3), hi[i]
        out = [nothing] * (end - first)
        one_masks = en_masks[i - 1]
        two_masks = en_masks[i - 2] if i >= 2 else {}
        three_masks = en_masks[i - 3] if i >= 3 else {}
        for l in {*one_masks, *two_masks, *three_masks}:
            if first <= l < end:
                one = one_masks.get(l, 0)
                two = one | two_masks.get(l, 0)
                out[l - first] = (0, one.bit_count(), two.bit_count(), (two | three_masks.get(l, 0)).bit_count())
        return first, out

    zh_side = _side_spans(n, 1, beads.zh_bits, beads.zh_len, beads.en_llr)
    en_side = _side_spans(m, 3, beads.en_bits, beads.en_len, beads.zh_llr)
    total: list[list[float]] = []
    step: list[list[tuple[int, int]]] = []
    gains: list[list[float]] = []  # of the bead taken into each cell (0.0 where a sentence is left unpaired)
    z_rows: list[tuple[int, list[tuple[int, ...]]]] = []
    for i in range(n + 1):
        low, high = lo[i], hi[i]
        row_total = [neg] * (high - low + 1)
        row_step = [(0, 0)] * (high - low + 1)
        row_gain = [0.0] * (high - low + 1)
        row_shapes = []
        if i >= 1:  # the counts of Chinese sentences i-1, i-2, i-3 and of English ones at this row
            z_rows = [zh_found_row(i - 1)] + z_rows[:2]
            (z1_first, z1), (z2_first, z2), (z3_first, z3) = (z_rows + [(0, None)] * 2)[:3]
            e_first, e_row = en_found_row(i)
            # Each shape with what it takes from this row and the row it starts on: the columns it can end
            # on (its start within that row's band), the totals there, the Chinese side's units, (hit -
            # miss, miss) of an English unit against them, and its characters.
            z_bits, z_len, z_llr = zh_side[i]
            for (a, b), prior in p.shapes.items():
                if a <= i:
                    gap_en, miss_en = z_llr[a]
                    row_shapes.append((a, b, prior, a > 1 or b > 1, max(prior, 0.0) + slack, lo[i - a] + b, hi[i - a] + b,
                                       total[i - a], z_bits[a], gap_en, miss_en, z_len[a]))
        up = total[i - 1] if i else None
        up_lo, up_hi = (lo[i - 1], hi[i - 1]) if i else (0, -1)
        skip_up = zh_skip[i - 1] if i else 0.0
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                row_total[0] = 0.0
                continue
            best, best_step = neg, (0, 0)
            if up_lo <= j <= up_hi:
                best, best_step = up[j - up_lo] - skip_up, (1, 0)
            if j > low and row_total[j - 1 - low] - en_skip[j - 1] > best:
                best, best_step = row_total[j - 1 - low] - en_skip[j - 1], (0, 1)
            if i == 0 or j == 0:
                row_total[j - low] = best
                row_step[j - low] = best_step
                continue
            e_bits, e_len, e_llr = en_side[j]
            # matched units of the sentences next to the cell (k = i-1, i-2, i-3; l = j-1, j-2, j-3)
            zf1 = z1[j - z1_first]
            zf2 = z2[j - z2_first] if z2 is not None else None
            zf3 = z3[j - z3_first] if z3 is not None else None
            ef1 = e_row[j - 1 - e_first]
            ef2 = e_row[j - 2 - e_first] if j >= 2 else None
            ef3 = e_row[j - 3 - e_first] if j >= 3 else None
            for a, b, prior, many, cap, first, last, previous_row, total_zh, gap_en, miss_en, zh_length in row_shapes:
                if j < first or j > last:
                    continue
                previous = previous_row[j - first]
                if previous == neg:
                    continue
                total_en = e_bits[b]
                gap_zh, miss_zh = e_llr[b]  # a Chinese unit's (hit - miss, miss) against the English side's size
                if a == 1:
                    matched_zh = zf1[b]
                elif a == 2:
                    matched_zh = zf2[b] + zf1[b]
                else:
                    matched_zh = zf3[b] + zf2[b] + zf1[b]
                if b == 1:
                    matched_en = ef1[a]
                elif b == 2:
                    matched_en = ef2[a] + ef1[a]
                else:
                    matched_en = ef3[a] + ef2[a] + ef1[a]
                gain = lexical_weight * (matched_zh * gap_zh + total_zh * miss_zh + matched_en * gap_en + total_en * miss_en)
                if previous + (gain + length_most) + cap <= best:
                    continue
                deviation = log(e_len[b] / zh_length) - log_ratio
                gain += length_weight * (length_bonus - deviation * deviation * length_scale)
                if bound and previous + gain + cap <= best:
                    continue
                # From here on, as `gain` has it (few beads get this far).
                if weak:
                    coverage = (matched_zh + matched_en) / (total_zh + total_en) if total_zh + total_en else 0.0
                    if coverage < weak_floor:
                        gain -= weak * (weak_floor - coverage) / weak_floor
                if many:
                    if (a > 1 and any(zh_repeat[i - a + 1:i])) or (b > 1 and any(en_repeat[j - b + 1:j])):
                        continue  # gain -inf: never better
                    orphan = 0.0
                    if a > 1:
                        orphan += side_orphans([zf2[b], zf1[b]] if a == 2 else [zf3[b], zf2[b], zf1[b]], zh_units[i - a:i], orphan_floor)
                    if b > 1:
                        orphan += side_orphans([ef2[a], ef1[a]] if b == 2 else [ef3[a], ef2[a], ef1[a]], en_units[j - b:j], orphan_floor)
                    gain -= orphan_weight * orphan
                    shortest = min(zh_short[i - a:i]) if a > 1 else 1.0
                    if b > 1:
                        shortest = min(shortest, *en_short[j - b:j])
                    gain += prior * shortest
                else:
                    gain += prior
                if zh_body[i - a] != en_body[j - b]:
                    gain -= kind_mismatch
                if paragraphs:
                    if zh_start[i - a] != en_start[j - b]:
                        gain -= paragraph_cost
                    if (a > 1 and any(zh_start[i - a + 1:i])) or (b > 1 and any(en_start[j - b + 1:j])):
                        gain -= paragraph_cost
                candidate = previous + gain
                if candidate > best:
                    best, best_step = candidate, (a, b)
                    row_gain[j - low] = gain
            row_total[j - low] = best
            row_step[j - low] = best_step
        total.append(row_total)
        step.append(row_step)
        gains.append(row_gain)
    if cells is not None:
        cells.extend((i, a, j, b, gains[i][j - lo[i]])
                     for i in range(n + 1) for j, (a, b) in enumerate(step[i], lo[i]) if a and b)
    path = []
    path_gains: list[float | None] = []
    i, j = n, m
    while i or j:
        a, b = step[i][j - lo[i]]
        if not a and not b:  # a cell no step reached: fail loudly rather than loop here for ever
            raise RuntimeError(f"alignment search reached no path to ({i}, {j})")
        path.append((i, a, j, b))
        path_gains.append(gains[i][j - lo[i]] if a and b else None)
        i, j = i - a, j - b
    path.reverse()
    path_gains.reverse()
    return path, path_gains


def _side_spans(size: int, offset: int, bits: list[int], length: list[int], llr: _LlrTable) -> list[tuple[list, ...]]:  # type: ignore[type-arg]
    """For each prefix length i of one side and each span size d (1–3) of the sentences i-d … i-1, what
    the search takes of it: its units, its characters (plus `offset`: +1 Chinese, +3 English, as in
    `_Beads.gain`), and (hit - miss, miss) of the other side's units against a span of its size."""
    gaps: dict[int, tuple[float, float]] = {}
    out = []
    for i in range(size + 1):
        d_bits, d_len, d_llr = row = ([None], [None], [None])  # indexed by d: nothing at 0
        for d in range(1, min(i, 3) + 1):
            units = bits[i] - bits[i - d]
            gap = gaps.get(units)
            if gap is None:
                hit, miss = llr[units]
                gap = gaps[units] = (hit - miss, miss)
            d_bits.append(units)
            d_len.append(length[i] - length[i - d] + offset)
            d_llr.append(gap)
        out.append(row)
    return out


def _touches_edge(path: list[tuple[int, int, int, int]], lo: list[int], hi: list[int], m: int) -> bool:
    """Whether the path runs along the band's edge somewhere (where the band, not the text, bent it)."""
    for i, a, j, b in path:
        for row, col in ((i, j), (i - a, j - b)):
            if (lo[row] > 0 and col <= lo[row]) or (hi[row] < m and col >= hi[row]):
                return True
    return False


def bead_support(pair: AlignedPair, glossary: _Glossary | None = None,
                 params: Params = DEFAULT) -> tuple[list[tuple[float, int]], list[tuple[float, int]]]:
    """For each sentence of a bead (Chinese ones, English ones): the share of its units (words, numbers,
    names, in mask bits) that have a translation on the other side of the bead, and how many it has. The
    evidence each sentence has of its own, as the aligner's orphan penalty weighs it, for rules to explain
    a bead with."""
    dictionary = load_dictionary()
    zh = [_zh_sentence(s, False, dictionary, glossary, params.anchor_bits) for s in pair.source]
    en = [_en_sentence(t, False, glossary, params.anchor_bits) for t in pair.target]
    zh_keys = {key for sentence in zh for unit in sentence.keys for key in unit}
    en_keys = {key for sentence in en for unit in sentence.keys for key in unit}
    return [_share(sentence, en_keys) for sentence in zh], [_share(sentence, zh_keys) for sentence in en]


def _share(sentence: _Sentence, other: set[str]) -> tuple[float, int]:
    found = sum(weight for unit, weight in zip(sentence.keys, sentence.weights) if not other.isdisjoint(unit))
    return (found / sentence.bits if sentence.bits else 0.0), sentence.bits


def warm_up() -> None:
    """Load the dictionary (and the segmenter's index of it) now rather than on the first alignment."""
    _lexicon(load_dictionary())
