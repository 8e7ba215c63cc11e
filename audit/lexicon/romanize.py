"""Romanizations of Chinese, Taiwanese and Korean personal names, compared by a tolerant sound key.

A name (surname + given name, 王毅, 蔡英文, 金正恩) may be written in English in Hanyu Pinyin (Wang Yi, Xi
Jinping: surname first, given name joined), Wade–Giles as Taiwan uses it (Tsai Ing-wen, Ko Wen-je: given
name hyphenated, apostrophes and umlauts dropped), Taiwan's other spellings (Gwoyeu Romatzyh's Ma
Ying-jeou, MPS II's Wang Jin-pyng, Yu Shyi-kun, Lu Shiow-yen) or, for a Korean name, the Revised
Romanization and the spellings Korean names take in English (Kim Jong Un, Yoon Suk Yeol, Park). Taiwan's
spellings are too irregular to list, so every syllable is reduced to a sound key that keeps what tells
two syllables apart (the vowels, the final nasal) and folds what the systems spell differently: voiced
and voiceless stops (Te/De), the affricates (ch, ts, tz, j, q, zh, z, c), the sibilants (hs, x, sh, s),
r and l, an h after a vowel (Hsieh, Yih, Huah), y and w inside a syllable (Shyi, Pyng, Shiow), doubled
vowels and English's ee/oo (Lee, Yoon, Soo). A name is rendered when its surname and given name spell out
its characters' keys in one family (Chinese or Korean), in either order.

Sources: pinyin from pypinyin (as everywhere in the audit), surnames' readings from CC-CEDICT (its
"surname Shan" of 单, "surname Kim" of 金), Wade–Giles and the Korean readings from data/romanization.tsv.gz
(built by audit.lexicon.build_romanization, which says where each comes from).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from audit.lexicon import bundled
from audit.lexicon.cache import cached
from audit.lexicon.transliterate import pinyin_of
from audit.remembered import WORDS
from audit.text import without_accents

FORMAT = "audit-romanization/1"  # of the data file
CACHE_LAYOUT = 2  # of the user-cache entry: bumped when what `_parse` returns changes
DATA_FILE = "data/romanization.tsv.gz"
# Longest spelling of one syllable looked at when a given name is written joined (Jinping, Yingjiu): the
# longest romanized syllables (Wade–Giles ch'uang, RR myeong) have six letters, GR's tonal ones seven.
LONGEST_SYLLABLE = 7

# Initial spellings of all systems, longest first, and the sound class each folds to (see the docstring).
_INITIALS = (
    ("tch", "C"), ("ts", "C"), ("tz", "C"), ("dz", "C"), ("ch", "C"), ("zh", "C"), ("jj", "C"), ("j", "C"),
    ("q", "C"), ("z", "C"), ("c", "C"), ("hs", "S"), ("sh", "S"), ("ss", "S"), ("sz", "S"), ("x", "S"),
    ("s", "S"), ("kk", "K"), ("kh", "K"), ("g", "K"), ("k", "K"), ("pp", "P"), ("ph", "P"), ("b", "P"),
    ("p", "P"), ("tt", "T"), ("th", "T"), ("d", "T"), ("t", "T"), ("r", "L"), ("l", "L"), ("m", "M"),
    ("n", "N"), ("f", "F"), ("h", "H"), ("w", "W"),
)
# Finals Taiwan's systems spell with their tone (Gwoyeu Romatzyh jeou, shiow) folded to their vowel.
_FINALS = (("eou", "iu"), ("iou", "iu"), ("iow", "iu"), ("ow", "ou"))
_LETTERS = re.compile(r"[^a-z]")
_DOUBLED_VOWEL = re.compile(r"([aeiou])\1+")
# A capitalised word of English that may be a name or part of one (Ing-wen, Jong-un, O'Neill is no matter).
_WORD = re.compile(r"[A-Z][a-z]*(?:[-'’][A-Za-z][a-z]*)*")


@lru_cache(maxsize=WORDS)
def sound_key(spelling: str) -> str:
    """The tolerant key of one romanized syllable: `Tsai`, `cai` and `ts'ai` → `Cai`; `jeou`, `jiu`, `chiu` → `Ciu`."""
    text = _LETTERS.sub("", without_accents(spelling).lower().replace("ee", "i").replace("oo", "u").replace("ck", "k").replace("v", "u"))
    head = ""
    for spelling_, sound in _INITIALS:
        if text.startswith(spelling_):
            head, text = sound, text[len(spelling_):]
            break
    if not head and text.startswith("y"):  # a glide: yi, ying → i, ing; yu → u; ya, you, yeol → ia, iou, ieol
        text = text[1:] if text[1:2] in ("i", "u") else "i" + text[1:]
    if text.startswith("y"):
        text = "i" + text[1:]
    text = re.sub(r"(?<=[aeiou])h|r(?=$|[^aeiou])", "", text)  # Hsieh, Yih, Huah; Park (박 bak)
    text = text.replace("y", "i").replace("w", "u")
    for spelled, folded in _FINALS:
        text = text.replace(spelled, folded)
    return head + _DOUBLED_VOWEL.sub(r"\1", text)




@dataclass(frozen=True)
class Tables:
    wade_giles: dict[str, str]  # pinyin syllable → Wade–Giles
    readings: dict[str, dict[str, str]]  # "ko" (Korean), "yue" (Cantonese) → character → its spellings, "|"-separated


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The tables, once per process: newline-joined blocks from the user cache after the first run (parsing the
    file, or unmarshalling dicts of 20,000 entries, costs several times more than splitting six strings)."""
    path = bundled(DATA_FILE)
    blocks = cached(f"romanization-{FORMAT.replace('/', '-')}-{CACHE_LAYOUT}", [path], lambda: _parse(path))
    wade_giles, korean, cantonese = (dict(zip(keys.split("\n"), values.split("\n"))) for keys, values in blocks)
    return Tables(wade_giles, {"ko": korean, "yue": cantonese})


def _parse(path: Path) -> tuple[tuple[str, str], ...]:
    header, _, body = gzip.decompress(path.read_bytes()).decode("utf-8").partition("\n")
    if not header.startswith(FORMAT + "\t"):
        raise ValueError(f"romanization data is {header.split(chr(9))[0]!r}, expected {FORMAT!r}: rebuild it")
    columns: dict[str, tuple[list[str], list[str]]] = {"wg": ([], []), "ko": ([], []), "yue": ([], [])}
    for line in body.splitlines():
        kind, key, value = line.split("\t")
        columns[kind][0].append(key)
        columns[kind][1].append(value)
    return tuple(("\n".join(keys), "\n".join(values)) for keys, values in columns.values())


# The families of spellings a name is read in, each a whole: a name is not half Korean, half pinyin.
FAMILIES = {"Chinese": "", "Korean": "ko", "Cantonese": "yue"}


@dataclass(frozen=True)
class Name:
    """A Chinese personal name and the sound keys each of its characters may take, by family of spellings."""

    chinese: str
    surname: str  # its first one or two characters
    families: tuple[tuple[str, tuple[frozenset[str], ...]], ...]  # (family, keys per character)


@lru_cache(maxsize=4096)
def name_keys(chinese: str, surname: str, surname_readings: str = "") -> Name:
    """The keys of a name whose surname is `surname` (`surname_readings`: CC-CEDICT's, "|"-separated, added to
    every family: its "surname Kim (Korean)", "surname Shan" of 单). Chinese: pinyin and Wade–Giles (and the
    Taiwan spellings the key folds); Korean and Cantonese where every character has a reading."""
    table = tables()
    extra = frozenset(sound_key(reading) for reading in surname_readings.split("|") if reading)
    families = []
    for family, code in FAMILIES.items():
        keys = []
        for char in chinese:
            if code:
                found = table.readings[code].get(char)
                spellings: tuple[str, ...] = tuple(found.split("|")) if found else ()
            else:
                syllables = pinyin_of(char)
                spellings = syllables + tuple(table.wade_giles.get(s, s) for s in syllables)
            keys.append(frozenset(sound_key(s) for s in spellings))
        if len(surname) == 1:
            keys[0] |= extra
        if all(keys):
            families.append((family, tuple(keys)))
    return Name(chinese, surname, tuple(families))


def spells(text: str, keys: tuple[frozenset[str], ...]) -> bool:
    """Whether a written name part (Ing-wen, Jinping, Jong Un, Ouyang) spells these characters' keys in order,
    its syllables split by hyphens, spaces or apostrophes, or joined."""
    parts = [p for p in re.split(r"[-\s'’]+", text) if p]
    if len(parts) == len(keys):
        return all(sound_key(part) in allowed for part, allowed in zip(parts, keys))
    return _fits("".join(parts).lower(), keys)


def _fits(letters: str, keys: tuple[frozenset[str], ...]) -> bool:
    if not keys:
        return not letters
    for size in range(1, min(LONGEST_SYLLABLE, len(letters)) + 1):
        if sound_key(letters[:size]) in keys[0] and _fits(letters[size:], keys[1:]):
            return True
    return False


@dataclass(frozen=True)
class Reading:
    """How a name is written in the English, when it is."""

    text: str  # as written: "Tsai Ing-wen", "Wang"
    family: str  # "Chinese", "Korean" or "Cantonese"


def rendering(name: Name, english: str) -> Reading | None:
    """The name as the English writes it: the surname with the given name after it (Wang Yi, Kim Jong Un) or
    before it (Yi Wang), or the surname alone where no capitalised word follows it (Wang said; Jensen Huang,
    an English given name). A surname followed by a given name of other sounds (Wang Yu, Tsai Ying-chieh) is
    another person."""
    words = list(_WORD.finditer(english))
    for family, keys in name.families:
        surname_keys, given_keys = keys[:len(name.surname)], keys[len(name.surname):]
        for index, word in enumerate(words):
            if len(word.group()) < 2 or not spells(_bare(word.group()), surname_keys):  # "I" is a pronoun
                continue
            following = _following(english, words[index + 1:index + 1 + len(given_keys)], word.end())
            if not following:
                return Reading(_bare(word.group()), family)
            for given_start, given_end in following:
                if spells(_bare(english[given_start:given_end]), given_keys):
                    return Reading(english[word.start():given_end], family)
    return None


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _following(english: str, after: list[re.Match[str]], end: int) -> list[tuple[int, int]]:
    """Spans of the capitalised words right after a surname, taken one, then two together (Jong, Jong Un)."""
    spans: list[tuple[int, int]] = []
    for word in after:
        if english[end:word.start()] not in (" ", "-"):
            break
        spans.append((after[0].start(), word.end()))
        end = word.end()
    return spans


def surname_written(name: Name, english: str) -> bool:
    """Whether a capitalised word of the English spells the name's surname in any family."""
    return any(len(word) >= 2 and spells(_bare(word), keys[:len(name.surname)])
               for word in _WORD.findall(english) for _family, keys in name.families)


@lru_cache(maxsize=1)
def _every_syllable() -> frozenset[str]:
    """The key of every syllable any family spells: pinyin, Wade–Giles, Korean and Cantonese readings."""
    table = tables()
    spellings = set(table.wade_giles) | set(table.wade_giles.values())
    for readings in table.readings.values():
        for found in set(readings.values()):  # 20,000 characters share a few thousand readings
            spellings.update(found.split("|"))
    return frozenset(sound_key(spelling) for spelling in spellings)


# A written part of a name (Ying-chieh, Yu, Jinping) holds at most this many syllables: a given name has two.
MOST_SYLLABLES_PER_PART = 3


@lru_cache(maxsize=4096)
def romanized_word(word: str) -> bool:
    """Whether a word reads as a romanized East Asian name (Yu, Ying-chieh, Jong Un), each of its parts one to
    three syllables of some family; Spieth, Steinem and Ms do not."""
    every = _every_syllable()
    parts = [p.lower() for p in re.split(r"[-\s'’]+", word) if p]
    return bool(parts) and all(
        any(_fits(part, (every,) * count) for count in range(1, MOST_SYLLABLES_PER_PART + 1)) for part in parts)


def written(name: Name, system: str) -> str:
    """The name spelled in a system, for a message: pinyin `Wang Yi`, Wade–Giles `Tsai Ying-wen`."""
    syllables = [pinyin_of(char)[0] for char in name.chinese]
    if system == "Wade–Giles":
        table = tables().wade_giles
        syllables = [table.get(s, s).replace("'", "") for s in syllables]
        surname, given = syllables[:len(name.surname)], syllables[len(name.surname):]
        return " ".join(filter(None, ["".join(surname).capitalize(), "-".join(given).capitalize()]))
    surname, given = syllables[:len(name.surname)], syllables[len(name.surname):]
    return " ".join(filter(None, ["".join(surname).capitalize(), "".join(given).capitalize()]))
