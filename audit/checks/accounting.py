"""Every name accounted for, both ways, in one sentence pair (the lexicon half of N001).

Chinese → English: each name of the Chinese that the glossary does not cover (CC-CEDICT's proper nouns,
CLDR's territories, cities and languages; see audit.lexicon.entities) must be rendered in the English: one
of its English forms, a demonym or adjective made from one, a distinctive word of a longer name, or a
word that sounds like the Chinese (a transliteration). English → Chinese: each capitalised word of the
English must be explained by the Chinese: a form of a name the Chinese mentions, a name whose Chinese
the source contains, a dictionary translation of a Chinese word, Latin letters kept in the Chinese, a
transliteration that sounds like a run of the Chinese, or a capitalised common word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from audit.lexicon.dictionary import Dictionary, content_stem
from audit.lexicon.entities import ADJECTIVE_ENDINGS, NAMED_KINDS, Entity, Lexicon
from audit.lexicon.transliterate import TRANSLITERATION, similarity

# Calendar words are capitalised in English without naming anything (CLDR's English month and day names).
CALENDAR = frozenset("January February March April May June July August September October November December "
                     "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# How alike an English word must sound to a Chinese name to be its transliteration, by the name's length in
# characters: two syllables leave little to compare, so a short name needs a closer match (calibrated on the
# bundled glossary's people and places against their own renderings and against other entries' renderings).
SOUND_THRESHOLD = {2: 0.8, 3: 0.67}
SOUND_THRESHOLD_LONGER = 0.6
# An English name that sounds this much like a run of the Chinese is its transliteration (N002's threshold):
# explaining a name asks less than proving a rendering right.
EXPLAINED_BY_SOUND = 0.5
# Characters Chinese spells foreign names with: a word of two or more of them may be a transliteration.
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)*|[A-Z]{2,}")


@dataclass(frozen=True)
class Expected:
    """A name of the Chinese and what may render it."""

    start: int
    end: int
    chinese: str
    kind: str
    english: tuple[str, ...]
    source: str  # where the expectation comes from, said to the editor


@dataclass(frozen=True)
class Written:
    """A capitalised word of the English, and the kind of entity it names when the lexicon knows it."""

    text: str
    start: int
    kind: str | None


def word_starts(text: str, lexicon: Lexicon, dictionary: Dictionary) -> set[int]:
    """Where the words of the text start, cut as `expected_names` cuts it."""
    starts, position = set(), 0
    while position < len(text):
        starts.add(position)
        position += _longest_word(text, position, lexicon, dictionary)
    return starts


def expected_names(text: str, lexicon: Lexicon, dictionary: Dictionary) -> list[Expected]:
    """The lexicon's names in a normalised Chinese text (glossary mentions blanked out), read as words: the
    text is cut by forward maximum matching over the lexicon and the dictionary together, so a name inside
    a longer word is not one (南非 of 西南非洲 is cut 西南|非洲; 美 of 美元 is no name of two characters)."""
    found: list[Expected] = []
    position, rows = 0, lexicon.rows
    while position < len(text):
        size = _longest_word(text, position, lexicon, dictionary)
        word = text[position:position + size]
        if size >= 2 and word in rows and not _inside_transliteration(text, position, position + size):
            entity = lexicon.lookup(word)
            if entity is not None and entity.kind in NAMED_KINDS:
                found.append(Expected(position, position + size, word, entity.kind, entity.english, _said(entity)))
        position += size
    return found


def _inside_transliteration(text: str, start: int, end: int) -> bool:
    """A name spelled by sound, run on by more such characters, is a piece of a longer name: 西亞 (West Asia)
    of 加西亞 (Garcia), 湯姆 (Tom) of 湯姆布朗 (Thom Browne)."""
    if not all(char in TRANSLITERATION for char in text[start:end]):
        return False
    return any(char in TRANSLITERATION or char == "·" for char in text[start - 1:start] + text[end:end + 1])


def _said(entity: Entity) -> str:
    return "CLDR" if entity.source.startswith("CLDR") else entity.source


def _longest_word(text: str, position: int, lexicon: Lexicon, dictionary: Dictionary) -> int:
    longest = max(lexicon.lengths.get(text[position], (1,))[0], dictionary.longest.get(text[position], 1))
    for size in range(min(longest, len(text) - position), 1, -1):
        word = text[position:position + size]
        if word in lexicon.rows or word in dictionary.entries:
            return size
    return 1


def written_names(english: str, lexicon: Lexicon) -> list[Written]:
    """Capitalised words and acronyms of the English, with the kind of what they name: the longest phrase of
    capitalised words the lexicon knows (Central America), else the word itself."""
    words = list(_NAME_WORD.finditer(english))
    out: list[Written] = []
    i = 0
    while i < len(words):
        for span in range(min(4, len(words) - i), 0, -1):
            group = words[i:i + span]
            if span > 1 and not all(english[a.end():b.start()] in (" ", "-") for a, b in zip(group, group[1:])):
                continue
            phrase = english[group[0].start():group[-1].end()]
            known = lexicon.english_entity(phrase)
            if known is not None or span == 1:
                out.append(Written(phrase, group[0].start(), known[0] if known else None))
                i += span
                break
    return out


def renders(expected: Expected, english: str, lexicon: Lexicon, names_of: Callable[[str], frozenset[str]]) -> bool:
    """Whether the English renders the name: a form, an adjective of one, a distinctive word of a longer
    form (Welle of Deutsche Welle, not University), its acronym, or a word that sounds like it. A compound
    of two names (中美 "China-USA") is rendered when each part is, by any name of its entity (`names_of`:
    USA → United States, U.S., American…)."""
    folded = english.replace("’", "'")
    for form in expected.english:
        if _has_form(form, folded):
            return True
        parts = form.split("-")
        if len(parts) == 2 and all(part[:1].isupper() for part in parts) \
                and all(any(_has_form(name, folded) for name in names_of(part) | {part}) for part in parts):
            return True
        words = form.replace("-", " ").split()
        if len(words) > 1:
            initials = "".join(w[0] for w in words if w[0].isupper())
            if len(initials) >= 2 and re.search(rf"(?<![A-Za-z]){initials}(?![A-Za-z])", folded):
                return True
            if any(_has_word(word, folded, expected, form) for word in words if _distinctive(word, lexicon)):
                return True
    # Sound decides only for a name spelled by sound: 王毅 "Wang Yu" sounds like Wang Yi but is someone else.
    return all(char in TRANSLITERATION for char in expected.chinese) and _sounds_like(expected.chinese, folded)


def _has_form(form: str, english: str) -> bool:
    pattern = r"[\s\-]+".join(re.escape(part) for part in form.split())
    if re.search(rf"(?<![A-Za-z]){pattern}(?![a-z])", english):
        return True
    return form[-1:].isalpha() and " " not in form and any(
        _base(word) == form for word in re.findall(rf"(?<![A-Za-z]){re.escape(form[:4])}[A-Za-z']*", english))


def _base(word: str) -> str:
    """The forms an adjective may come from: Bulgarian → Bulgaria; only the first that differs is needed here."""
    for cut, ending in ADJECTIVE_ENDINGS:
        if word.endswith(cut) and len(word) - len(cut) >= 4:
            return word[: len(word) - len(cut)] + ending
    return word


def _distinctive(word: str, lexicon: Lexicon) -> bool:
    return len(word) >= 3 and word[0].isupper() and word not in lexicon.generic


def _has_word(word: str, english: str, expected: Expected, form: str) -> bool:
    """A word of a longer form, as a word of the English. A person's surname written first (Wang Yi) counts
    alone only when no other capitalised word follows it: "Wang Yu" is another person."""
    for match in re.finditer(rf"(?<![A-Za-z]){re.escape(word)}(?![a-z])", english):
        if expected.kind == "person" and form.split()[0] == word:
            following = re.match(r"[\s\-]+([A-Z][a-z]*)", english[match.end():])
            if following and following.group(1) not in form:
                continue
        return True
    return False


def _sounds_like(chinese: str, english: str) -> bool:
    threshold = SOUND_THRESHOLD.get(len(chinese), SOUND_THRESHOLD_LONGER)
    words = _NAME_WORD.findall(english)
    phrases = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    return any(similarity(chinese, phrase) >= threshold for phrase in phrases)


@dataclass(frozen=True)
class Source:
    """What the Chinese side of a pair (and its neighbours, when the alignment is ours) can explain."""

    text: str  # normalised Chinese, neighbours included
    forms: frozenset[str]  # English forms of every name it mentions (glossary and lexicon), and their words
    names: tuple[str, ...]  # the lexicon names it mentions, as written in Chinese
    stems: frozenset[str]  # stems of the dictionary translations of its words
    runs: tuple[str, ...]  # runs of two or more characters that may spell a foreign name


def explained(written: Written, source: Source, lexicon: Lexicon, sentence_start: bool, title: bool) -> bool:
    """Whether the Chinese accounts for a capitalised English word (see the module's docstring)."""
    plain = re.sub(r"'(?:s|ve|re|ll|d|m|t)$", "", written.text.replace("’", "'"))  # Trump's, We've
    if plain in source.forms or _base(plain) in source.forms or plain in CALENDAR:
        return True
    if any(word in source.forms for word in plain.split()):
        return True
    known = lexicon.english_entity(plain)
    if known is not None and any(key in source.text or any(name in key for name in source.names) for key in known[1]):
        return True  # the source names it, or a name of the source is part of its Chinese (万圣节 of 万圣节前夕 Halloween)
    if plain.lower() in source.text.lower():
        return True  # kept in Latin letters in the Chinese
    stems = {content_stem(word) for word in plain.split()}
    if stems & source.stems:
        return True
    if known is None and (plain.isupper() or plain.lower() in lexicon.common and (sentence_start or title)):
        return True  # an acronym nothing names, or a common word capitalised to start a sentence or as a title (Mr Corbyn)
    if known is not None and known[0] != "person":
        return False  # the lexicon knows how Chinese writes this place or body (圭亚那 for Guyana): sound is no excuse
    return any(similarity(run, plain) >= EXPLAINED_BY_SOUND for run in source.runs)


@lru_cache(maxsize=4096)
def form_words(forms: tuple[str, ...]) -> frozenset[str]:
    """Forms and their words: a surname alone (Trump), a part of a place name (York of New York)."""
    out = set(forms)
    for form in forms:
        out.update(word for word in form.replace("-", " ").split() if word[:1].isupper())
    return frozenset(out)
