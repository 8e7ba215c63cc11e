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
from functools import cached_property, lru_cache
from typing import Callable, Iterator

from audit.lexicon.dictionary import Dictionary, content_stem, load_dictionary
from audit.lexicon.entities import ADJECTIVE_ENDINGS, NAMED_KINDS, Entity, Lexicon, load_lexicon
from audit.lexicon import personal_names as people
from audit.lexicon.transliterate import TRANSLITERATION, similarity
from audit.quantities.calendar_names import MONTHS, WEEKDAYS
from audit.remembered import NEIGHBOURS, SENTENCES, WORDS, Remembered
from audit.text import HAN

# Calendar words are capitalised in English without naming anything (CLDR's English month and day names).
CALENDAR = frozenset(MONTHS + WEEKDAYS)
# How alike an English word must sound to a Chinese name to be its transliteration, by the name's length in
# characters: two syllables leave little to compare, so a short name needs a closer match (calibrated on the
# bundled glossary's people and places against their own renderings and against other entries' renderings).
SOUND_THRESHOLD = {2: 0.8, 3: 0.67}
SOUND_THRESHOLD_LONGER = 0.6
# An English name that sounds this much like a run of three characters or more of the Chinese is its transliteration
# (N002's threshold, calibrated on such runs): explaining a name asks less than proving a rendering right. A run of two
# leaves too little to compare: more than half of it must sound alike (萊德 sounds 0.5 like Hailun, 卡蒂 0.67 like Cardi;
# two syllables score 0, 1/3, 1/2, 2/3 or 1).
EXPLAINED_BY_SOUND = 0.5
EXPLAINED_BY_TWO = 0.6
# A name as English writes it: a capitalised word, joined by hyphens or apostrophes (Jean-Claude, O'Brien), or an
# acronym (NATO).
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)*|[A-Z]{2,}")


@dataclass(frozen=True, slots=True)
class Expected:
    """A name of the Chinese and what may render it."""

    start: int
    end: int
    chinese: str
    kind: str
    english: tuple[str, ...]
    source: str  # where the expectation comes from, said to the editor


@dataclass(frozen=True, slots=True)
class Written:
    """A capitalised word of the English, and the kind of entity it names when the lexicon knows it."""

    text: str
    start: int
    kind: str | None


def word_starts(text: str, lexicon: Lexicon, dictionary: Dictionary) -> frozenset[int]:
    """Where the words of the text start, cut as `expected_names` cuts it."""
    return _cut(text, lexicon, dictionary).starts


def said_words(text: str, lexicon: Lexicon, dictionary: Dictionary) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """The dictionary words of the text (`words_in`) that a reader may take it to say: every word of two characters
    or more, and a single character where the cut reads it as a word of its own; read inside a longer word, only
    what that word says too (北 "north" of 东北 "northeast"), not 后 "queen" of 其后 "afterwards" nor 川 "river" of
    川普 (Trump)."""
    words = dictionary.words_in(text)
    cut: dict[int, tuple[int, int]] | None = None  # character → the word of the cut holding it
    glosses: dict[tuple[int, int], tuple[str, ...]] = {}
    for start, end, stems in words:
        if end - start == 1:
            if cut is None:
                cut = {at: (first, first + size) for first, size in _cut(text, lexicon, dictionary).pieces
                       for at in range(first, first + size)}
                glosses = {(first, last): glossed for first, last, glossed in words}
            held = cut.get(start, (start, end))
            if held != (start, end):
                whole = glosses.get(held, ())
                stems = tuple(stem for stem in stems if any(other.startswith(stem) for other in whole))
        yield start, end, stems


def expected_names(text: str, lexicon: Lexicon, dictionary: Dictionary, unblanked: str | None = None) -> tuple[Expected, ...]:
    """The lexicon's names in a normalised Chinese text (glossary mentions blanked out), read as words: the
    text is cut by forward maximum matching over the lexicon and the dictionary together, so a name inside
    a longer word is not one (南非 of 西南非洲 is cut 西南|非洲; 美 of 美元 is no name of two characters), nor one
    run on by single transliteration characters, nor one inside a title 《…》 (a work's title is translated as
    a whole, its words freely). `unblanked`: the text before the glossary mentions were blanked (see `_cut`).
    Remembered per text for the run (audit.remembered)."""
    return _EXPECTED.get((text, unblanked, id(lexicon), id(dictionary)), (lexicon, dictionary),
                         lambda: tuple(_expected_names(text, lexicon, dictionary, unblanked)))


_EXPECTED: Remembered[tuple[Expected, ...]] = Remembered(SENTENCES)


def _expected_names(text: str, lexicon: Lexicon, dictionary: Dictionary, unblanked: str | None) -> list[Expected]:
    found: list[Expected] = []
    if not lexicon.any_in(text):
        return _personal_names(text, found)  # no name of the lexicon to cut the text for
    cut = _cut(text, lexicon, dictionary, unblanked)
    titles = _title_spans(text)
    pieces = cut.pieces
    for k in cut.named:
        position, size = pieces[k]
        word = text[position:position + size]
        if not _inside_transliteration(text, position, position + size) \
                and not _run_on(text, pieces, k) and not any(a < position < b for a, b in titles):
            entity = lexicon.lookup(word)
            if entity is not None and entity.kind in NAMED_KINDS:
                found.append(Expected(position, position + size, word, entity.kind, entity.english, _said(entity)))
    return found + _personal_names(text, found)


# Where the expectation of a Chinese personal name comes from, said to the editor with its Wade–Giles form.
ROMANIZED = "pinyin"


def _personal_names(text: str, found: list[Expected]) -> list[Expected]:
    """Chinese personal names no lexicon lists, found by their context (audit.lexicon.personal_names)."""
    out = []
    for person in people.personal_names(text):
        if not any(e.start < person.end and person.start < e.end for e in found):
            pinyin, wade_giles = people.romanizations(person.name)
            out.append(Expected(person.start, person.end, person.name.chinese, "person", (pinyin, wade_giles),
                                f'{ROMANIZED}; Wade–Giles "{wade_giles}"'))
    return out


def may_stand_for(expected: Expected, written: Written) -> bool:
    """Whether an unexplained English name may be what the translation wrote for an unrendered Chinese name. A
    Chinese personal name is replaced by a romanized name (Wang Yu, Ying-chieh), not by a foreign one: 史畢斯
    beside "Spieth" is Taiwan's transliteration of Spieth, whatever its characters read as."""
    return not expected.source.startswith(ROMANIZED) or people.may_be_romanized(written.text)


def _inside_transliteration(text: str, start: int, end: int) -> bool:
    """A name spelled by sound, run on by more such characters, is a piece of a longer name: 西亞 (West Asia)
    of 加西亞 (Garcia), 湯姆 (Tom) of 湯姆布朗 (Thom Browne)."""
    if not all(char in TRANSLITERATION for char in text[start:end]):
        return False
    return any(char in TRANSLITERATION or char == "·" for char in text[start - 1:start] + text[end:end + 1])


RUN_ON = 2  # single transliteration characters beside a name that make it part of a longer one (瓦|德|拉|馬大: 3)


def _run_on(text: str, cut: tuple[tuple[int, int], ...], k: int) -> bool:
    """A name whose edge is a transliteration character, beside single characters of the same kind that no word
    claims, is a piece of a longer foreign name the lexicon does not know: 馬大 (Martha) of 瓦德拉馬|大幅
    (Valderrama). Two such characters at least, so that one preposition (位於德州) is not taken for one."""
    start, size = cut[k]
    end = start + size

    def singles(pieces: Iterator[tuple[int, int]]) -> int:
        count = 0
        for at, length in pieces:
            if length != 1 or text[at] not in TRANSLITERATION:
                break
            count += 1
        return count

    before = text[start] in TRANSLITERATION and singles(cut[j] for j in range(k - 1, -1, -1)) >= RUN_ON
    after = text[end - 1] in TRANSLITERATION and singles(cut[j] for j in range(k + 1, len(cut))) >= RUN_ON
    return before or after


def _title_spans(text: str) -> list[tuple[int, int]]:
    """Where the titles of works are: between 《 and 》."""
    if "《" not in text:
        return []  # most sentences: spare the search
    return [(found.start(), found.end()) for found in _TITLE.finditer(text)]


_TITLE = re.compile(r"《[^《》]*》")


def _said(entity: Entity) -> str:
    return "CLDR" if entity.source.startswith("CLDR") else entity.source


@dataclass(frozen=True)
class Cut:
    """A text cut into words (`_cut`), with what the name rules ask of it worked out once per sentence."""

    pieces: tuple[tuple[int, int], ...]  # (start, size) of each word
    named: tuple[int, ...]  # which pieces are names of the lexicon (two characters or more: the rest are words)

    @cached_property
    def starts(self) -> frozenset[int]:
        """Where the words start."""
        return frozenset(start for start, _size in self.pieces)


def _cut(text: str, lexicon: Lexicon, dictionary: Dictionary, unblanked: str | None = None) -> Cut:
    """(start, size) of each word, by forward maximum matching over the lexicon and the dictionary: at each
    position the longest name or word that starts there, and which words are names. The dictionary's words are read from `words_in`, which
    the coverage rule asks for too (remembered per text): of `unblanked`, the text before its glossary mentions
    were blanked out, when given; a word of that text is one of `text` unless it spans a blank (no word or name
    holds a space). Remembered: a sentence is cut for its own pair and for the glossary check of the same pair."""
    key = (text, id(lexicon), id(dictionary))
    found = _CUTS.get(key)
    if found is not None:
        return found
    words = dictionary.words_in(text if unblanked is None else unblanked)
    # start → size of the longest dictionary word there. Words come by start, then shorter first: the last one
    # at a start is the longest (a dict keeps the last value of a key). A word that spans a blank is dropped, and
    # so is every longer one at its start.
    if unblanked is not None and unblanked != text:
        longest = {start: end - start for start, end, _stems in words if end - start > 1 and " " not in text[start:end]}
    else:
        longest = {start: end - start for start, end, _stems in words}  # a one-character word: the default size
    # A name that is a headword of the dictionary is among `words` where it is written, so no longer than the
    # longest word there: only the other names are looked for (the bundled dictionary's indexed with the lexicon).
    rows = lexicon.rows
    lengths = lexicon.beyond_dictionary if dictionary is load_dictionary() else lexicon.lengths
    out: list[tuple[int, int]] = []
    named: list[int] = []
    position, length = 0, len(text)
    while position < length:
        size = longest.get(position, 1)
        for candidate in lengths.get(text[position], ()):  # longest first: only a longer name than the word counts
            if candidate <= size:
                break
            end = position + candidate
            if end <= length and text[position:end] in rows:
                size = candidate
                break
        if size > 1 and text[position:position + size] in rows:
            named.append(len(out))
        out.append((position, size))
        position += size
    if len(_CUTS) >= _CUTS_SIZE:
        _CUTS.clear()
    found = _CUTS[key] = Cut(tuple(out), tuple(named))
    return found


_CUTS: dict[tuple[str, int, int], Cut] = {}
_CUTS_SIZE = SENTENCES  # sentences remembered (audit.remembered), then the memo starts afresh


def written_names(english: str, lexicon: Lexicon, known_only: bool = False) -> tuple[Written, ...]:
    """Capitalised words and acronyms of the English, with the kind of what they name: the longest phrase of
    capitalised words the lexicon knows (Central America), else the word itself. `known_only`: only those whose
    kind the lexicon knows (most sentences ask no more: see NameMismatch._accounted). Remembered per text."""
    return _WRITTEN.get((english, id(lexicon), known_only), lexicon,
                        lambda: tuple(_written_names(english, lexicon, known_only)))


_WRITTEN: Remembered[tuple[Written, ...]] = Remembered(SENTENCES)


def _written_names(english: str, lexicon: Lexicon, known_only: bool) -> list[Written]:
    spans = [match.span() for match in _NAME_WORD.finditer(english)]
    entity = lexicon.english_entity
    out: list[Written] = []
    i, count = 0, len(spans)
    while i < count:
        start = spans[i][0]
        last = i  # the last word written together with this one (one space or a hyphen between), four words at most
        while last + 1 < count and last - i < 3 and english[spans[last][1]:spans[last + 1][0]] in (" ", "-"):
            last += 1
        for end in range(last, i - 1, -1):  # the longest phrase the lexicon knows, else the word alone
            phrase = english[start:spans[end][1]]
            known = entity(phrase)
            if known is None and end > i:  # a name of several words in an English compound: Diego Garcia-based
                phrase = _compound_head(phrase, lexicon)
                known = entity(phrase) if phrase else None
            if known is not None or end == i:
                break
        if known is not None:
            out.append(Written(phrase, start, known[0]))
        elif "-" in phrase or not known_only:  # a word nothing names, unless a part of a compound is known
            out += _compound(phrase, start, lexicon)
        i = end + 1
    return out


COMPOUND_TAIL = 4  # letters of an English word after a name's hyphen (-based, -born, -owned); Jae-in, Ing-wen are names


def _compound_head(phrase: str, lexicon: Lexicon) -> str:
    """The phrase without the English word after its last hyphen (Diego Garcia of Diego Garcia-based), or ""."""
    head, _, tail = phrase.rpartition("-")
    return head if head and tail.islower() and len(tail) >= COMPOUND_TAIL and tail in lexicon.common else ""


def _compound(word: str, start: int, lexicon: Lexicon) -> list[Written]:
    """A hyphenated word no name has, read as the names it is made of: an English compound of a name and an English
    word (CEDICT's glosses: Tongliao-based, Kremlin-backed) is that name; two names joined (Taishan-American) are
    each a name when the lexicon knows one of them."""
    if "-" not in word:
        return [Written(word, start, None)]
    head, tail = word.split("-", 1)
    if tail.islower() and len(tail) >= COMPOUND_TAIL and tail in lexicon.common:
        known = lexicon.english_entity(head)
        return [Written(head, start, known[0] if known else None)]
    parts = word.split("-")
    if all(part.lower() in lexicon.common for part in parts):
        return [Written(word, start, None)]  # a compound of English words (North-East, Anglo-Saxon) names nothing
    kinds = [lexicon.english_entity(part) for part in parts]
    if all(part[:1].isupper() for part in parts) and any(kinds):
        places = [start + sum(len(before) + 1 for before in parts[:k]) for k in range(len(parts))]
        return [Written(part, at, kind[0] if kind else None) for part, at, kind in zip(parts, places, kinds)]
    return [Written(word, start, None)]


class EnglishText:
    """An English text (’ read as ') with its words indexed: a form is tried only where its first word is
    written, never by a search of the whole text per name, so accounting for the names of a sentence is linear
    in its length however many names it holds (a 200,000-character sentence as much as a headline)."""

    def __init__(self, text: str) -> None:
        self.text = text.replace("’", "'")
        self._starts: dict[str, list[int]] | None = None
        self._words: frozenset[str] | None = None
        self._phrases: list[str] | None = None
        self._sounds: dict[str, bool] = {}

    @property
    def starts(self) -> dict[str, list[int]]:
        """Each run of ASCII letters not preceded by a letter → where it is written."""
        if self._starts is None:
            starts: dict[str, list[int]] = {}
            for match in _RUN.finditer(self.text):
                starts.setdefault(match.group(), []).append(match.start())
            self._starts = starts
        return self._starts

    @property
    def words(self) -> frozenset[str]:
        """The words (letters and apostrophes: Trump's) that start where a run of letters starts."""
        if self._words is None:
            text = self.text
            self._words = frozenset(_WORD.match(text, at).group() for at in sorted({a for p in self.starts.values() for a in p}))
        return self._words

    @property
    def phrases(self) -> list[str]:
        """Capitalised words and pairs of neighbouring ones: what a transliteration is compared with. An English word
        (CEDICT's glosses) before a name is a title, no transliteration: "Senator" of "Senator Bernie …" sounds like
        桑德斯 (Sanders); "May" of "Theresa May" is a name."""
        if self._phrases is None:
            found = list(_NAME_WORD.finditer(self.text))
            words = [match.group() for match in found]
            common = load_lexicon().common
            titles = {k for k, match in enumerate(found[:-1])
                      if words[k].lower() in common and self.text[match.end():found[k + 1].start()] == " "}
            self._phrases = [w for k, w in enumerate(words) if k not in titles] + [f"{a} {b}" for a, b in zip(words, words[1:])]
        return self._phrases

    def search(self, pattern: re.Pattern[str], first: str) -> re.Match[str] | None:
        """The first match of a pattern (one that starts with `(?<![A-Za-z])` and a word beginning with `first`),
        tried only where that word's first run of letters is written."""
        run = _RUN_PREFIX.match(first)
        if run is None:
            return pattern.search(self.text)  # starts with a digit or an accented letter: rare, searched whole
        for at in self.starts.get(run.group(), ()):
            found = pattern.match(self.text, at)
            if found:
                return found
        return None

    def sounds_like(self, chinese: str) -> bool:
        """Whether a capitalised word or pair of the text sounds like the Chinese name (remembered per name)."""
        known = self._sounds.get(chinese)
        if known is None:
            threshold = SOUND_THRESHOLD.get(len(chinese), SOUND_THRESHOLD_LONGER)
            known = self._sounds[chinese] = any(similarity(chinese, phrase) >= threshold for phrase in self.phrases)
        return known


def english_text(text: str) -> EnglishText:
    """The English of a sentence (or of a pair's window), indexed: remembered per text for the run, its index and
    what was asked of it (the sounds of names) with it."""
    return _ENGLISH.get(text, None, lambda: EnglishText(text))


_ENGLISH: Remembered[EnglishText] = Remembered(NEIGHBOURS)
_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z]+")
_RUN_PREFIX = re.compile(r"[A-Za-z]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def renders(expected: Expected, english: EnglishText, lexicon: Lexicon, names_of: Callable[[str], frozenset[str]]) -> bool:
    """Whether the English renders the name: a form, an adjective of one, a distinctive word of a longer
    form (Welle of Deutsche Welle, not University), its acronym, or a word that sounds like it. A compound
    of two names (中美 "China-USA") is rendered when each part is, by any name of its entity (`names_of`:
    USA → United States, U.S., American…)."""
    if expected.source.startswith(ROMANIZED):  # a Chinese personal name, or a foreign one Taiwan spells like one (裴洛西 Pelosi)
        return people.rendered(expected.chinese, english.text) or \
            not people.surname_in(expected.chinese, english.text) and english.sounds_like(expected.chinese)
    for form in _names_of(expected.english):
        if _has_form(form, english):
            return True
        parts = form.split("-")
        if len(parts) == 2 and all(part[:1].isupper() for part in parts) \
                and all(any(_has_form(name, english) for name in names_of(part) | {part}) for part in parts):
            return True
        words = form.replace("-", " ").split()
        if len(words) > 1:
            initials = "".join(w[0] for w in words if w[0].isupper())
            if len(initials) >= 2 and initials.isalpha() and initials in english.starts:
                return True
            if any(_has_word(word, english, expected, form) for word in words if _distinctive(word, lexicon)):
                return True
    # Sound decides only for a name spelled by sound: 王毅 "Wang Yu" sounds like Wang Yi but is someone else.
    return all(char in TRANSLITERATION for char in expected.chinese) and english.sounds_like(expected.chinese)


def times_written(expected: Expected, english: EnglishText) -> int:
    """How many times the English writes a form of the name, or an adjective or demonym of one (Bolivia, Bolivian)."""
    places: set[int] = set()
    for form in _names_of(expected.english):
        places.update(found.start() for found in _form_pattern(form).finditer(english.text))
        if form[-1:].isalpha() and " " not in form:
            for word in _derived(form):
                places.update(found.start() for found in word_pattern(word).finditer(english.text) if _base(word) == form)
    return len(places)


def _names_of(forms: tuple[str, ...]) -> list[str]:
    """The forms that are names, not CC-CEDICT's descriptions of one (Liupanshui prefecture-level city in Guizhou,
    kept after Liupanshui by the lexicon's builder: the name, then lower-case words): a word of the description
    (Guizhou) renders another name. Hillary Clinton after Hillary is a name."""
    return [form for form in forms
            if not any(form.startswith(other + " ") and form[len(other) + 1].islower() for other in forms if other != form)]


@lru_cache(maxsize=WORDS)
def _form_pattern(form: str) -> re.Pattern[str]:
    pattern = r"[\s\-]+".join(re.escape(part) for part in form.split())
    return re.compile(rf"(?<![A-Za-z]){pattern}(?![a-z])")


def _has_form(form: str, english: EnglishText) -> bool:
    if english.search(_form_pattern(form), form):
        return True
    return form[-1:].isalpha() and " " not in form and any(
        word in english.words and _base(word) == form for word in _derived(form))


@lru_cache(maxsize=WORDS)
def _derived(form: str) -> tuple[str, ...]:
    """The words `_base` may take back to the form (Bulgarian, Bulgaria's for Bulgaria; Italian for Italy)."""
    out = [form + "'s"]
    for cut, ending in ADJECTIVE_ENDINGS:
        if form.endswith(ending):
            out.append(form[: len(form) - len(ending)] + cut)
    return tuple(out + [word + "s" for word in out if word.endswith("an")])


def _base(word: str) -> str:
    """The forms an adjective may come from: Bulgarian → Bulgaria, Macedonians → Macedonia; only the first
    that differs is needed here."""
    if word.endswith("ans"):
        word = word[:-1]  # a demonym's plural (Americans, Macedonians)
    for cut, ending in ADJECTIVE_ENDINGS:
        if word.endswith(cut) and len(word) - len(cut) >= 4:
            return word[: len(word) - len(cut)] + ending
    return word


def _distinctive(word: str, lexicon: Lexicon) -> bool:
    return len(word) >= 3 and word[0].isupper() and word not in lexicon.generic


@lru_cache(maxsize=WORDS)
def word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![a-z])")


def _has_word(word: str, english: EnglishText, expected: Expected, form: str) -> bool:
    """A word of a longer form, as a word of the English. A person's surname written first (Wang Yi) counts
    alone only when no other capitalised word follows it: "Wang Yu" is another person."""
    pattern, text = _plural_pattern(word), english.text
    run = _RUN_PREFIX.match(word)
    places = sorted([*english.starts.get(run.group(), ()), *english.starts.get(run.group() + "s", ())]) if run \
        else [m.start() for m in pattern.finditer(text)]
    for at in places:
        match = pattern.match(text, at)
        if match is None:
            continue
        if expected.kind == "person" and form.split()[0] == word:
            following = _FOLLOWING.match(text, match.end())
            if following and following.group(1) not in form:
                continue
        return True
    return False


_FOLLOWING = re.compile(r"[\s\-]+([A-Z][a-z]*)")


@lru_cache(maxsize=WORDS)
def _plural_pattern(word: str) -> re.Pattern[str]:
    """A word of a name, also as a plural: "the Clintons" names Hillary Clinton's family, her among them."""
    return re.compile(rf"(?<![A-Za-z]){re.escape(word)}s?(?![a-z])")


@dataclass(frozen=True)
class Explains:
    """What one Chinese sentence can explain (worked out once per sentence, shared by the windows around it)."""

    forms: frozenset[str]  # English forms of every name it mentions (glossary and lexicon), and their words
    names: frozenset[str]  # the lexicon names it mentions, as written in Chinese
    stems: frozenset[str]  # stems of the dictionary translations of its words
    runs: tuple[str, ...]  # distinct runs of two or more characters that may spell a foreign name


class Source:
    """What the Chinese side of a pair (and its neighbours, when the alignment is ours) can explain. What its
    sentences mention (`Explains`: a scan of each for names, its dictionary words) is worked out only when a word
    is not explained by the text itself (`explained`'s first tests): most capitalised words are names whose
    Chinese the text holds (Britain of 英国), so most windows are never scanned."""

    def __init__(self, texts: list[str], parts: Callable[[], list[Explains]], lexicon: Lexicon, dictionary: Dictionary) -> None:
        self.texts = texts
        self.text = " ".join(texts)  # normalised Chinese, neighbours included
        self.latin = "\n".join(_LATIN.findall(self.text)).lower()  # what the Chinese writes in Latin letters
        self._parts = parts
        self._merged: Explains | None = None
        self._holds: dict[str, bool] = {}
        self._lexicon, self._dictionary = lexicon, dictionary
        self._translations: frozenset[str] | None = None

    @property
    def translations(self) -> frozenset[str]:
        """Stems of the dictionary translations of the words that name nothing (英國's gloss "United Kingdom of Great
        Britain…" names a country; 聯賽's "league" translates). Worked out when first asked: only a name of several
        words asks."""
        if self._translations is None:
            rows = self._lexicon.rows
            self._translations = frozenset(stem for text in self.texts
                                           for start, end, stems in said_words(text, self._lexicon, self._dictionary)
                                           if text[start:end] not in rows for stem in stems)
        return self._translations

    @property
    def merged(self) -> Explains:
        """The window's sentences' Explains as one (worked out on first use)."""
        if self._merged is None:
            parts = self._parts()
            self._merged = Explains(
                frozenset().union(*(part.forms for part in parts)), frozenset().union(*(part.names for part in parts)),
                frozenset().union(*(part.stems for part in parts)),
                tuple(dict.fromkeys(run for part in parts for run in part.runs)))
        return self._merged

    @property
    def forms(self) -> frozenset[str]:
        return self.merged.forms

    def holds(self, chinese: str) -> bool:
        """Whether the text contains a Chinese name (remembered: the same names are asked about again and again)."""
        known = self._holds.get(chinese)
        if known is None:
            known = self._holds[chinese] = chinese in self.text
        return known

    def names_part_of(self, chinese: str) -> bool:
        """Whether a name the text mentions is part of this Chinese (万圣节 of 万圣节前夕 Halloween)."""
        names, size = self.merged.names, len(chinese)
        return any(chinese[i:j] in names for i in range(size) for j in range(i + 2, size + 1))


_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9 .'&\-]*")


def explained(written: Written, source: Source, lexicon: Lexicon, plainly_capitalised: Callable[[Written], bool]) -> bool:
    """Whether the Chinese accounts for a capitalised English word (see the module's docstring). The tests that
    read the Chinese text alone come first, those that need what its sentences mention (`Source.merged`) after:
    any of them explains the word, so their order changes only the cost. `plainly_capitalised`: whether the word
    is capitalised because it starts a sentence or is a title before a name (asked only of a common word)."""
    plain = _CONTRACTION.sub("", written.text.replace("’", "'"))  # Trump's, We've
    known = lexicon.english_entity(plain)
    if plain in CALENDAR or known is not None and any(source.holds(key) for key in known[1]):
        return True  # a calendar word; or the source names it
    if plain.lower() in source.latin:
        return True  # kept in Latin letters in the Chinese
    if known is None and (plain.isupper() or plain.lower() in lexicon.common and plainly_capitalised(written)):
        return True  # an acronym nothing names, or a common word capitalised to start a sentence or as a title (Mr Corbyn)
    forms = source.forms
    if plain in forms or _base(plain) in forms:
        return True
    if known is not None and any(source.names_part_of(key) for key in known[1]):
        return True  # a name of the source is part of its Chinese (万圣节 of 万圣节前夕 Halloween)
    if _words_explained(plain.split(), source, lexicon, known is None or known[0] == "person"):
        return True
    if people.explains(plain, source.text):
        return True  # a romanization of a Chinese personal name of the source (Ing-wen of 蔡英文)
    if known is not None and known[0] in ("place", "org"):
        return False  # the lexicon knows how Chinese writes this place or body (圭亚那 for Guyana): sound is no excuse
    if known is not None and known[0] == "person" and not any(all(c in TRANSLITERATION for c in key) for key in known[1]):
        return False  # a person Chinese writes by characters of meaning (劉雲山 Liu Yunshan, 三島由紀夫): not by sound
    runs = source.merged.runs
    if known is not None and known[0] != "person":
        # A word that also names a concept or language (West: 西方 "the West") said by a run that sounds as alike
        # as a rendering must: 威斯特, Kanye West.
        return any(similarity(run, plain) >= SOUND_THRESHOLD.get(len(run), SOUND_THRESHOLD_LONGER) for run in runs)
    return any(similarity(run, plain) >= (EXPLAINED_BY_SOUND if len(run) > 2 else EXPLAINED_BY_TWO) for run in runs)


_CONTRACTION = re.compile(r"'(?:s|ve|re|ll|d|m|t)$")


def _words_explained(words: list[str], source: Source, lexicon: Lexicon, any_word: bool) -> bool:
    """Whether the words of a name are a form of a name the source mentions (a surname alone: Trump) or a dictionary
    translation of a word of it. A person is named by any of their names. A place or body of several words needs
    one of them said, and every other that is no English word (CEDICT's glosses) said too or spelled by sound:
    Yakeshi City is not explained by the city of 墨西哥城 (Mexico City), while Premier League renders 超級聯賽
    (Super League) freely."""
    if any_word or len(words) == 1:
        return any(word in source.forms or content_stem(word) in source.merged.stems for word in words)
    # A generic word (Great, City) shared with a name of the source (Great Britain, Mexico City) says nothing of this
    # one: it must translate a word of the source that names nothing.
    said = [content_stem(word) in source.translations if word in lexicon.generic
            else word in source.forms or content_stem(word) in source.merged.stems for word in words]
    if not any(said):
        return False
    return all(known or word.lower() in lexicon.common or _sounds_like_run(word, source)
               for word, known in zip(words, said))


def _sounds_like_run(word: str, source: Source) -> bool:
    """A word of a name that sounds like a run of the Chinese as closely as a rendering must (Carolina of
    南卡羅萊納州, South Carolina, where 南 says South)."""
    return any(similarity(run, word) >= SOUND_THRESHOLD.get(len(run), SOUND_THRESHOLD_LONGER) for run in source.merged.runs)


def glossed_in_latin(text: str, name: Expected, english: EnglishText) -> bool:
    """Whether the Chinese follows the name, within its term, with an original in Latin letters in brackets that
    the English writes: 新幾內亞航空 (Air Niugini), 肖恩·曼德斯 (Shawn Mendes), 巴登符騰堡 (Baden-Württemberg).
    The translator rendered the name by its original spelling, not by the lexicon's English. Every word of the
    original (in ASCII letters: Württemberg may be written Wuerttemberg) must be there: "Rapid Haifa" does not
    render 維也納快速 (Rapid Vienna)."""
    words = [word for word in _LATIN_WORD.findall(latin_gloss(text, name.end)) if word.isascii()]
    return bool(words) and all(word in english.starts for word in words)


def latin_gloss(text: str, end: int) -> str:
    """The original in Latin letters that the Chinese gives in brackets after a name ending at `end`, within its
    term (新幾內亞航空 (Air Niugini)); "" when there is none."""
    found = _LATIN_GLOSS.match(text, end)
    return found.group(1).strip() if found else ""


GLOSS_AFTER = 4  # characters of the term between a name and its original in brackets (航空, ·曼德斯)
_LATIN_GLOSS = re.compile(rf"[{HAN}·]{{0,{GLOSS_AFTER}}}\s*[(（]\s*([A-Za-z][^()（）]*)[)）]")
_LATIN_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=4096)
def form_words(forms: tuple[str, ...]) -> frozenset[str]:
    """Forms and their words: a surname alone (Trump), a part of a place name (York of New York)."""
    out = set(forms)
    for form in forms:
        out.update(word for word in form.replace("-", " ").split() if word[:1].isupper())
    return frozenset(out)
