"""How much of each clause of a sentence pair has a counterpart on the other side.

A clause is what lies between the clause punctuation of its language: ，；：、 (and 。！？ within a bead of
several sentences) and quotation marks in Chinese; , ; : dashes, ellipses, brackets and quotation marks in English, and before the conjunctions that open a
clause. Its evidence is counted in *units*:

- Chinese: the characters of CC-CEDICT words of two characters or more (not function words: FUNCTION_TAGS),
  glossary names and numbers (a run
  of Latin letters kept in the Chinese counts two); a unit is matched when one of its English glosses
  (the aligner's stems), the name's English forms, or the number's value occurs in the English sentence.
- English: content words and numbers; matched when the stem is among the glosses of the words of the
  Chinese sentence (every CC-CEDICT word it contains, one character or more), a name's forms, or the
  number among its numbers. A capitalised word the Chinese does not gloss may be a transliterated name the
  dictionary cannot know: it counts for nothing either way, unless the Chinese holds no two characters of
  the transliteration table side by side, where such a name could be written (then it is a unit with no
  counterpart: a pasted "Frazier Climo" has nowhere to come from).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bisect import bisect_left
from functools import lru_cache

from audit.align import en_numbers, zh_number_spans
from audit.lexicon.dictionary import content_stem, content_stems, english_token_matches, load_dictionary
from audit.lexicon.transliterate import TRANSLITERATION
from audit.remembered import SENTENCES, WORDS
from audit.text import HAN

# A comma or colon between digits is part of a figure (30,000; 13:09), not a clause break.
_ZH_BREAK = re.compile(r"(?:[，；;：、。！？!?「」『』“”\"（）()《》—]|(?<!\d)[,:]|[,:](?!\d))+")
# Every break starts with a space or a punctuation mark: the lookahead before the alternatives rejects every
# other position at once, rather than trying each alternative there (a third less time to split a sentence). An
# ellipsis (… or ...) breaks as a dash does: "Did we leak...No, we did leak" is three clauses.
_EN_BREAK = re.compile(
    r"(?=[\s,;:()\[\]\"“”—–….])(?:\s*(?:[,;:()\[\]\"“”—–…]|\.{3})+\s*|\s+-\s+|\s+(?=(?:and|but|while|whereas|because|although|though|which|who|after|before|"
    r"since|unless|until|if|so that)\s))", re.IGNORECASE)
_HAN = re.compile(f"[{HAN}]")
# Two characters of the transliteration table side by side: where a foreign name may be written (0.60 of
# NTREX-128's Chinese sentences hold none). NTREX dev (bench/inject_completeness.py): inserted clauses found
# 0.33 -> 0.41 (warning 0.28 -> 0.33), clean findings unchanged; three characters found 0.45 with 0.06 more
# O005 infos per 100 clean pairs, two are kept: a name of two syllables is common (普京, 默克尔).
_TRANSLITERATED = re.compile("[" + re.escape("".join(sorted(TRANSLITERATION))) + "]{2}")
_OPENING = re.compile(r"\s*[（(]\s*")
_CLOSING = ("）", ")")  # the brackets _OPENING opens
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)
LATIN_WEIGHT = 2  # a Latin word kept in the Chinese (Mike Coupe) weighs about as much as a Chinese word
# English prepositions (a closed class: Huddleston & Pullum, The Cambridge Grammar of the English Language,
# ch. 7) that the dictionary's stop words leave in: Chinese says them with a particle, a word order or a
# localiser (之后, 期间) as often as with a word, so they are no evidence either way.
PREPOSITIONS = frozenset("""after before against through throughout per during across between among amid amidst
    within around until till since ahead toward towards despite via behind beyond along alongside upon inside outside
    near beside besides except unlike onto past underneath beneath""".split())


# jieba's tags (the ICTCLAS set its dictionary uses) of function words: adverbs, conjunctions, prepositions,
# pronouns, particles, measure words, localisers, modal particles and interjections (同时, 其他, 已经, 之后, 这样).
# Like the English prepositions above, they are said by a word order or left to the context as often as by a
# word: no evidence either way. NTREX dev, O004 at the same thresholds: 0.30 -> 0.18 warnings and 0.66 -> 0.54
# infos per 100 clean pairs, 0.32 -> 0.34 of deleted clauses.
FUNCTION_TAGS = frozenset("dcpruqyfe")


@lru_cache(maxsize=WORDS)
def function_word(word: str) -> bool:
    """Whether jieba's dictionary tags a Chinese word as a function word (FUNCTION_TAGS)."""
    from audit.lexicon.fast.jieba_posseg import tagger  # loads in about 30 ms from the user cache

    return tagger().tag(word)[:1] in FUNCTION_TAGS


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence pair's side, with its evidence of a counterpart on the other side."""

    start: int  # offsets into the side's normalized text
    end: int
    units: int
    matched: int


@dataclass(frozen=True, slots=True)
class PairEvidence:
    zh: tuple[Clause, ...]
    en: tuple[Clause, ...]


def spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The stretches of `text` between matches of `pattern`, stripped of spaces."""
    out, start = [], 0
    for match in [*pattern.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((start + lead, start + lead + len(piece.strip())))
        if match:
            start = match.end()
    return out


@lru_cache(maxsize=SENTENCES)
def zh_clauses(norm: str) -> tuple[tuple[int, int], ...]:
    """The clauses of a Chinese text, remembered: the clause and negation rules ask about the same sentences.
    A bracket holding no Chinese is part of the clause before it: it gives the original of a name the
    clause transliterates (尤文图斯 (Juventus)), the clause's evidence in the English."""
    out: list[tuple[int, int]] = []
    for start, end in spans(norm, _ZH_BREAK):
        if out and _HAN.search(norm, start, end) is None and _OPENING.fullmatch(norm, out[-1][1], start):
            closed = end + 1 if norm[end:end + 1] in _CLOSING else end  # the bracket closed, as a finding quotes it
            out[-1] = (out[-1][0], closed)
        else:
            out.append((start, end))
    return tuple(out)


@lru_cache(maxsize=SENTENCES)
def en_clauses(norm: str) -> tuple[tuple[int, int], ...]:
    return tuple(spans(norm, _EN_BREAK))


def pair_evidence(zh: str, en: str, glossary: object = None) -> PairEvidence:
    """The clauses of both sides of a pair (normalized texts) with their evidence; `glossary` is an
    audit.lexicon.glossary.Glossary (names and their English forms) or None."""
    dictionary = load_dictionary()
    zh_words = dictionary.words_in(zh, 1)
    words = _EnglishWords(en)
    en_stems = {stem for stem in map(content_stem, words.tokens) if stem is not None}
    en_keys = set(en_numbers(en, words.tokens))
    content = bytearray(len(zh))  # 1: a unit; 2: a matched unit
    units = [(start, end, stems) for start, end, stems in zh_words
             if end - start >= 2 and stems and not function_word(zh[start:end])]
    for start, end, _ in units:
        content[start:end] = b"\x01" * (end - start)
    for start, end, stems in units:  # a match marks its characters whatever overlaps them
        if not en_stems.isdisjoint(stems):
            content[start:end] = b"\x02" * (end - start)
    zh_stems = set(dictionary.stems_in(zh))  # remembered per text, as the name rule asks for them too
    for mention in glossary.mentions(zh) if glossary is not None else ():  # type: ignore[attr-defined]
        forms = {s for form in mention.entry.english for s in content_stems(form)}
        zh_stems |= forms
        content[mention.start:mention.end] = (b"\x02" if forms & en_stems else b"\x01") * (mention.end - mention.start)
    zh_keys, numbers = set(), {}
    for key, start, end in zh_number_spans(zh):  # 550万 is read as 5500000 and as 550: either found matches it
        zh_keys.add(key)
        numbers[(start, end)] = numbers.get((start, end), False) or key in en_keys
    for (start, end), found in numbers.items():
        content[start:end] = (b"\x02" if found else b"\x01") * (end - start)
    latin = [(m.start(), m.end(), content_stem(m.group())) for m in _LATIN.finditer(zh)]
    zh_stems |= {stem for _, _, stem in latin if stem}
    chinese = tuple(_zh_clause(start, end, content, latin, en_stems) for start, end in zh_clauses(zh))
    names = _TRANSLITERATED.search(zh) is not None
    english = tuple(_en_clause(words, start, end, zh_stems, zh_keys, names) for start, end in en_clauses(en))
    return PairEvidence(chinese, english)


def _zh_clause(start: int, end: int, content: bytearray, latin: list, en_stems: set[str]) -> Clause:  # type: ignore[type-arg]
    piece = content[start:end]
    units, matched = len(piece) - piece.count(0), piece.count(2)
    for a, b, stem in latin:
        if start <= a < end and stem:
            units += LATIN_WEIGHT
            matched += LATIN_WEIGHT if stem in en_stems else 0
    return Clause(start, end, units, matched)


class _EnglishWords:
    """The words of an English text, tokenized once for all its clauses, with each word's evidence stem: a
    clause's words are those that start inside it (no word runs across a clause break, whose characters are
    spaces and punctuation no word holds)."""

    def __init__(self, text: str) -> None:
        matches = english_token_matches(text)
        self.text = text
        self.starts = [match.start() for match in matches]
        self.tokens = [match.group() for match in matches]
        self.stems = list(map(_evidence_stem, self.tokens))
        for match in _ORDINAL.finditer(text):  # the "th" of 20th is no word: its number is the evidence (en_numbers)
            self.stems[bisect_left(self.starts, match.start() + 1)] = None

    def within(self, start: int, end: int) -> tuple[list[str], list[str | None]]:
        """The words that start in [start, end), and their evidence stems."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return self.tokens[first:last], self.stems[first:last]


def _en_clause(words: _EnglishWords, start: int, end: int, zh_stems: set[str], zh_keys: set[str], names: bool = True) -> Clause:
    tokens, stems = words.within(start, end)
    units = matched = 0
    for position, (token, stem) in enumerate(zip(tokens, stems)):
        if stem is None:
            continue
        if stem in zh_stems:
            units, matched = units + 1, matched + 1
        elif not (names and token[0].isupper() and (position or start)):  # a name the dictionary cannot know counts for nothing
            units += 1
    for key in en_numbers(words.text[start:end], tokens):
        units += 1
        matched += key in zh_keys
    return Clause(start, end, units, matched)


@lru_cache(maxsize=4096)
def _evidence_stem(token: str) -> str | None:
    """The token's content stem, None for a function word, a preposition, or a number word (its value is compared
    as a number: four, million, percent)."""
    lower = token.lower()
    if lower in PREPOSITIONS or lower in ("percent", "cent") or en_numbers(lower, [lower]):
        return None
    return content_stem(token)
