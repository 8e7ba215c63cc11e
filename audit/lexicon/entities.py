"""The bundled entity lexicon: CC-CEDICT's proper nouns and CLDR's names (data/entities.tsv.gz).

Built by `python -m audit.lexicon.build_entities` (see there for sources and licences). Each Chinese name
maps to its kind (person, place, org, language, currency, office, other), its source (CC-CEDICT, CLDR) and its
English forms, demonyms and adjectives included. Loaded once per process through the user cache, as a
dict of raw lines: an entity is parsed only when a text mentions it.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from audit.lexicon import bundled
from audit.lexicon.cache import cached

FORMAT = "audit-entities/1"  # of the data file
CACHE_LAYOUT = 5  # of the user-cache entry: bumped when what `_parse` returns changes
DATA_FILE = "data/entities.tsv.gz"
# Kinds the name check accounts for; a currency (欧元 → euro) is a common noun in English.
NAMED_KINDS = ("person", "place", "org", "language", "other")


@dataclass(frozen=True)
class Entity:
    chinese: str
    kind: str
    source: str  # "CC-CEDICT", "CLDR" or "CLDR+CC-CEDICT"
    english: tuple[str, ...]

    @property
    def preferred(self) -> str:
        return self.english[0]


@dataclass(frozen=True)
class EntityMention:
    entity: Entity
    start: int
    end: int


class Lexicon:
    """Names by their normalised Chinese, each a raw row "kind\tsource\tforms" until a text mentions it."""

    def __init__(self, keys: str, rows: str, lengths: dict[str, tuple[int, ...]], generic: str,
                 surnames: dict[str, str], common: str, english_forms: str, english_rows: str,
                 beyond_dictionary: dict[str, tuple[int, ...]]) -> None:
        self.rows: dict[str, str] = dict(zip(keys.split("\n"), rows.split("\n")))
        self.lengths = lengths  # first character → lengths of the names starting with it, longest first
        # The same for the names that are no headword of the bundled dictionary (2,170 of 18,466): only these can
        # be longer than the longest dictionary word where they start (audit.checks.accounting's word cut).
        self.beyond_dictionary = beyond_dictionary
        self.generic = frozenset(generic.split("\n"))  # words too common among names to identify one
        self.surnames = surnames  # surname → CEDICT's romanisations, "|"-separated
        self._common = common
        self._english_blocks = (english_forms, english_rows)
        self._english: dict[str, str] | None = None
        self._asked: dict[str, tuple[str, tuple[str, ...]] | None] = {}
        self._beginnings: frozenset[str] | None = None

    @property
    def common(self) -> frozenset[str]:
        """Lower-case words of CEDICT's common-word glosses (Walker, President are words too)."""
        return _split_common(self._common)

    @property
    def english(self) -> dict[str, str]:
        """English form → "kind,kind…\tchinese|chinese…" of the entities that have it (Warren is a town and a
        person); built when the cache entry is (`english_index`), made a dict on first use."""
        if self._english is None:
            forms, rows = self._english_blocks
            self._english = dict(zip(forms.split("\n"), rows.split("\n")))
        return self._english

    def lookup(self, chinese: str) -> Entity | None:
        row = self.rows.get(chinese)
        return _entity(chinese, row) if row is not None else None

    @property
    def beginnings(self) -> frozenset[str]:
        """The first two characters of every name (every name has two or more): 10,828 pairs, made on first use
        (a few milliseconds, and only a run that scans needs them)."""
        if self._beginnings is None:
            self._beginnings = frozenset(key[:2] for key in self.rows)
        return self._beginnings

    def scan(self, text: str) -> Iterator[EntityMention]:
        """Names in a normalised Chinese text, leftmost-longest, not overlapping. Where no name begins with the
        next two characters (most places), the names' lengths are not tried one by one."""
        position, size_of, rows, beginnings = 0, self.lengths, self.rows, self.beginnings
        length = len(text)
        while position < length:
            if text[position:position + 2] in beginnings:
                for size in size_of[text[position]]:
                    form = text[position:position + size]
                    if len(form) == size and form in rows:
                        yield EntityMention(_entity(form, rows[form]), position, position + size)
                        position += size
                        break
                else:
                    position += 1
            else:
                position += 1

    def any_in(self, text: str) -> bool:
        """Whether a name occurs in the text at all (three sentences of four hold none once a glossary's names are
        blanked out: NTREX-128)."""
        return next(self.scan(text), None) is not None

    def english_entity(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """(kind, Chinese names) of what an English word or phrase names — "person" when any entity of that
        name is a person, since a person's name may stand for nothing else — (Bulgaria, Bulgarian, Paris), if the
        lexicon knows it: the form itself, or an adjective made from it by an English suffix (Scandinavian, Italian).
        Remembered: the same capitalised words are asked about in sentence after sentence."""
        known = self._asked.get(word, False)
        if known is False:
            if len(self._asked) >= _ASKED_SIZE:
                self._asked.clear()
            known = self._asked[word] = self._english_entity(word)
        return known

    def _english_entity(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        found = self.english.get(word)
        if found is None:
            for cut, ending in ADJECTIVE_ENDINGS:
                if word.endswith(cut) and len(word) - len(cut) >= 4:
                    found = self.english.get(word[: len(word) - len(cut)] + ending)
                    if found is not None:
                        break
        if found is None:
            return None
        kinds, _, keys = found.partition("\t")
        names = tuple(keys.split("|"))
        if "person" in kinds.split(","):
            return "person", names
        # Else the kind most of its entities have (the first of those tied): Comoros is 葛摩 and 科摩羅 (places) and
        # 科摩洛 (no kind said); West is 西洋 (a place) but 西方, 泰西 and 歐美 (no kind said).
        counted: dict[str, int] = {}  # a plain count: a Counter per word asked costs more than the counting
        for key in names:
            entity = self.lookup(key)
            if entity is not None:
                counted[entity.kind] = counted.get(entity.kind, 0) + 1
        return (max(counted, key=counted.__getitem__) if counted else kinds.split(",")[0]), names


_ASKED_SIZE = 65_536  # English words and phrases remembered, then the memo starts afresh


# English adjective endings and what they replace (Bulgarian → Bulgaria, Italian → Italy, Chilean → Chile,
# Kurdish → Kurd, Trump's → Trump): the regular patterns of English grammars' demonym tables; the
# irregular ones (French, Dutch) are forms of their own in the data.
ADJECTIVE_ENDINGS = (("n", ""), ("an", ""), ("ian", "y"), ("an", "a"), ("ean", "e"), ("ese", ""), ("ese", "a"), ("i", ""),
                     ("ish", ""), ("'s", ""))


@lru_cache(maxsize=4096)
def _entity(chinese: str, row: str) -> Entity:
    kind, source, forms = row.split("\t")
    return Entity(chinese, kind, source, tuple(forms.split("|")))


@lru_cache(maxsize=1)
def _split_common(text: str) -> frozenset[str]:
    return frozenset(text.split())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon, once per process: newline-joined blocks from the user cache (a dict of 20,000 rows
    marshals several times slower than two strings split)."""
    from audit.lexicon.dictionary import DATA_FILE as DICTIONARY_FILE

    data_file, dictionary_file = bundled(DATA_FILE), bundled(DICTIONARY_FILE)
    sources = [data_file, dictionary_file] if dictionary_file.is_file() else [data_file]
    return Lexicon(*cached(f"entities-{FORMAT.replace('/', '-')}-{CACHE_LAYOUT}", sources, lambda: _parse(data_file)))


def _parse(path: Path) -> tuple[str, str, dict[str, tuple[int, ...]], str, dict[str, str], str, str, str,
                                dict[str, tuple[int, ...]]]:
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    header, _, body = text.partition("\n")
    if not header.startswith(FORMAT + "\t"):
        raise ValueError(f"entity data is {header.split(chr(9))[0]!r}, expected {FORMAT!r}: rebuild it")
    keys: list[str] = []
    rows: list[str] = []
    generic: list[str] = []
    surnames: dict[str, str] = {}
    common = ""
    for line in body.splitlines():
        head, _, rest = line.partition("\t")
        if head.startswith("#"):
            continue
        if head == "generic":
            generic.append(rest)
        elif head == "common":
            common = rest
        elif head == "surname":
            key, _, names = rest.partition("\t")
            surnames[key] = names
        else:
            keys.append(head)
            rows.append(rest)
    from audit.lexicon.dictionary import load_dictionary

    headwords = load_dictionary().entries
    english = english_index(keys, rows)
    return ("\n".join(keys), "\n".join(rows), _lengths(keys), "\n".join(generic), surnames, common,
            "\n".join(english), "\n".join(english.values()), _lengths([key for key in keys if key not in headwords]))


def _lengths(keys: list[str]) -> dict[str, tuple[int, ...]]:
    """First character → lengths of the keys starting with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for key in keys:
        lengths.setdefault(key[0], set()).add(len(key))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


def english_index(keys: list[str], rows: list[str]) -> dict[str, str]:
    """English form → "kind,kind…\tchinese|chinese…" of the entities that have it. Built once into the user
    cache entry: over the 20,000 rows it was a tenth of a one-article audit when built at every start."""
    english: dict[str, str] = {}
    for key, row in zip(keys, rows):
        kind, _source, forms = row.split("\t")
        for form in forms.split("|"):
            known = english.get(form)
            if known is None:
                english[form] = f"{kind}\t{key}"
            else:
                kinds, _, names = known.partition("\t")
                kinds = kinds if kind in kinds.split(",") else f"{kinds},{kind}"
                english[form] = f"{kinds}\t{names}|{key}"
    return english
