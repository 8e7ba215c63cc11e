"""Names the Chinese keeps in Latin letters: "Holly Willoughby", "BMW", or an original in brackets, 牛津 (Oxford).

Chinese news writes many foreign names as their own language spells them, alone or in brackets after a
transliteration. Such a name needs no translating, so an English that writes none of its words has left it out
or respelled it (拉姆 (Jon Rahm) → "John Ram"). N001 reports both (audit.checks.names).

A name counts as written when one of its words is: a surname alone ("Rothenberg" for Stuart Rothenberg) and
either spelling of an umlaut (Württemberg, Wuerttemberg) are English usage, and an acronym may be spelled out by
its initials (WWW, "World Wide Web") or with full stops (FBI, "F.B.I.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from audit.lexicon.dictionary import STOPWORDS
from audit.text import without_accents

_LETTER = "A-Za-z\u00c0-\u024f"
# A run of Latin words that begins with a capital (a name; not "tweet", "km"), joined by single spaces; its later
# words may be lower case (Juan de la Cruz, Swami's beach).
_NAME = re.compile(
    rf"(?<![{_LETTER}0-9@/.])[A-Z\u00c0-\u00de][{_LETTER}0-9'’.&\-]*(?: [{_LETTER}0-9][{_LETTER}0-9'’.&\-]*)*")
_WORD = re.compile(rf"[{_LETTER}0-9]+")
# German, Scandinavian and French letters that English writes as two (Wuerttemberg, Aeroe): folded both ways.
_TWO_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "œ": "oe"})
# Words left out of an acronym's initials ("International Court of Justice" → ICJ).
_NOT_INITIALS = frozenset(("of", "the", "and", "for", "de", "du", "la"))
# Two spellings of one name differ by a letter or two: Rahm / Ram 0.86, Pittsburgh / Pittsburg 0.95, Theresa /
# Teresa 0.92 (difflib's ratio, on the folded words). Below this the English name is another one; either way the
# name is reported, and the ratio only says which message fits.
RESPELLED = 0.75
# Letters of the name's word: a shorter one (Jon, Lee) is too often another word. Its respelling may have one
# fewer (Rahm, "Ram").
_RESPELLED_MIN = 4
# Letters of a word looked for inside the English run together (Dr.PawPaw, "Dr. PawPaw"): a shorter one is found
# inside other words by chance (Lee in "sleep").
_COMPACT_MIN = 5


@dataclass(frozen=True, slots=True)
class LatinName:
    """A name the Chinese writes in Latin letters, where it stands, and its words as they are looked up."""

    text: str
    start: int
    end: int
    words: tuple[str, ...]  # folded, without stop words and letters alone
    acronym: str  # the name when it is an acronym (BMW, ICJ), folded; else ""


def latin_names(chinese: str) -> list[LatinName]:
    """The names of a Chinese text written in Latin letters (not inside an address: www.bbc.com, @bbc)."""
    found = []
    for match in _NAME.finditer(chinese):
        text = match.group().rstrip(".'’-&")
        words = tuple(_fold(word) for at, word in enumerate(_WORD.findall(text)) if _content(word, at))
        if not words or chinese.startswith(("://", ".com", "@"), match.end()):
            continue
        letters = "".join(_WORD.findall(text))
        acronym = letters.lower() if letters.isupper() and 2 <= len(letters) <= 6 and letters.isalpha() else ""
        found.append(LatinName(text, match.start(), match.start() + len(text), words, acronym))
    return found


@dataclass(frozen=True, slots=True)
class _English:
    words: frozenset[str]
    compact: str  # the folded letters alone: F.B.I. is fbi, Dr. PawPaw is drpawpaw
    initials: str  # the first letters of its words, stop words of acronyms left out
    capitalised: tuple[str, ...]


@lru_cache(maxsize=64)  # a pair's English, its window's and the document's, asked about together: few, some large
def _english(text: str) -> _English:
    words = [_fold(word) for word in _WORD.findall(text)]
    return _English(
        frozenset(words) | {word[:-1] for word in words if word.endswith("s")},  # a plural or a possessive: WMPs, AMs'
        "".join(words), "".join(w[0] for w in words if w not in _NOT_INITIALS),
        tuple(dict.fromkeys(word for word in _WORD.findall(text) if word[0].isupper())),
    )


def written(name: LatinName, english: str) -> bool:
    """Whether the English writes one of the name's words, or its acronym by initials."""
    seen = _english(english)
    if name.acronym and name.acronym in seen.initials:
        return True
    return any(word in seen.words or _one_letter(word) in seen.words
               or (len(word) >= _COMPACT_MIN and word in seen.compact) for word in name.words)


def respelled(name: LatinName, english: str) -> tuple[str, str]:
    """The capitalised English word most like one of the name's words (at least RESPELLED alike, the name's word
    at least _RESPELLED_MIN letters long) and the word it respells; ("", "") when none is."""
    best, pair = RESPELLED, ("", "")
    for theirs in _english(english).capitalised:
        folded = _fold(theirs)
        for ours in name.words:
            if len(ours) < _RESPELLED_MIN or len(folded) < _RESPELLED_MIN - 1:
                continue
            ratio = SequenceMatcher(None, ours, folded).ratio()
            if ratio >= best:
                best, pair = ratio, (theirs, ours)
    if pair[1]:
        return pair[0], next(word for word in _WORD.findall(name.text) if _fold(word) == pair[1])
    return pair


def _content(word: str, at: int) -> bool:
    """Whether a word of a name is looked for: a capitalised word of two letters or more (the words in lower case
    are particles, "de" of Juan de la Cruz, or common nouns after it), and a stop word only inside the name
    (Theresa May, not "The" of The Guardian)."""
    if len(word) < 2 or not word[0].isupper():
        return False
    return at > 0 or word.lower() not in STOPWORDS


def _fold(word: str) -> str:
    """Lower case, umlauts written with two letters, accents dropped: Württemberg is wuerttemberg."""
    word = word.lower()
    if word.isascii():
        return word  # nearly every English word: nothing to fold
    return without_accents(word.translate(_TWO_LETTERS))


def _one_letter(word: str) -> str:
    """The other English spelling of a folded umlaut: wuerttemberg → wurttemberg."""
    return re.sub(r"([aou])e", r"\1", word) if "e" in word else word
