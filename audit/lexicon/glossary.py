"""Glossaries: Chinese forms of an entity or term → the English renderings an editor accepts.

CSV columns: `chinese` (forms separated by `|`), `english` (accepted renderings separated by `|`,
preferred first), optional `type` (person, place, org, term) and `note`. The bundled news-name glossary
(`data/names.csv`) is loaded first; user glossaries given later override entries that share a form.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from audit.errors import InputError
from audit.io.decode import decode, read_bytes
from audit.normalize import normalize_zh

ENTRY_TYPES = ("person", "place", "org", "term")


@dataclass
class Entry:
    chinese: tuple[str, ...]  # as written in the glossary: shown to people
    english: tuple[str, ...]
    type: str = "term"
    note: str = ""
    origin: str = ""  # file:line the entry came from

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """Chinese forms as matched: normalized (Simplified, half-width)."""
        return tuple(dict.fromkeys(normalize_zh(form) for form in self.chinese))

    @cached_property
    def english_pattern(self) -> re.Pattern[str]:
        """Any accepted rendering as a whole word; possessives and hyphenated compounds still match."""
        forms = sorted(self.english, key=len, reverse=True)
        alternatives = "|".join(_english_form(form) for form in forms)
        return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")

    @property
    def preferred(self) -> str:
        return self.english[0]

    def found_in(self, english: str, *, ignore_case: bool = False) -> re.Match[str] | None:
        """Where an accepted rendering occurs; names are case-sensitive (May ≠ may), terms need not be."""
        pattern = self.english_pattern
        if ignore_case:
            pattern = re.compile(pattern.pattern, re.IGNORECASE)
        return pattern.search(_fold_quotes(english))


def _english_form(form: str) -> str:
    # "U.S." must match "U.S." and also "US"-less variants are listed separately; spaces match any run of space or hyphen.
    return r"[\s\-]+".join(re.escape(part) for part in form.split())


def _collapse(form: str) -> str:
    """One spelling for "Russia Ukraine", "Russia-Ukraine" and "Russia  Ukraine" when looking a form up."""
    return re.sub(r"[\s\-]+", " ", form)


def _fold_quotes(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class Mention:
    """An entry found in a Chinese text: which form, where (offsets into the normalized text)."""

    entry: Entry
    form: str
    start: int
    end: int


@dataclass
class Glossary:
    entries: list[Entry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_key: dict[str, Entry] = {}
        for entry in self.entries:
            self._index(entry)

    def _index(self, entry: Entry) -> None:
        for key in entry.keys:
            self._by_key[key] = entry
        self.__dict__.pop("_pattern", None)
        self.__dict__.pop("_english", None)

    def add(self, entries: Iterable[Entry]) -> None:
        """Add entries; a later entry wins for a Chinese form both share (user glossary over bundled)."""
        for entry in entries:
            self.entries.append(entry)
            self._index(entry)

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        keys = sorted(self._by_key, key=len, reverse=True)  # longest form first: 佛罗里达州 before 佛罗里达
        return re.compile("|".join(map(re.escape, keys))) if keys else None

    @cached_property
    def _english(self) -> tuple[re.Pattern[str] | None, dict[str, Entry]]:
        by_form: dict[str, Entry] = {}
        for entry in self._by_key.values():
            for form in entry.english:
                by_form.setdefault(_fold_quotes(form), entry)
        forms = sorted(by_form, key=len, reverse=True)
        if not forms:
            return None, by_form
        pattern = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(_english_form(f) for f in forms)})(?![A-Za-z])")
        return pattern, {_collapse(form): entry for form, entry in by_form.items()}

    def english_index(self, english: str) -> Iterator[Entry]:
        """Entries whose English rendering occurs in `english`, each once, in order of appearance."""
        pattern, by_form = self._english
        if pattern is None:
            return
        seen: set[int] = set()
        for match in pattern.finditer(_fold_quotes(english)):
            entry = by_form.get(_collapse(match.group()))
            if entry is not None and id(entry) not in seen:
                seen.add(id(entry))
                yield entry

    def words(self) -> frozenset[str]:
        """Normalized Chinese forms, for the word segmenter's dictionary."""
        return frozenset(self._by_key)

    def lookup(self, chinese: str) -> Entry | None:
        return self._by_key.get(normalize_zh(chinese))

    def blank_mentions(self, norm_zh: str) -> str:
        """The text with every mention blanked out (same length)."""
        if self._pattern is None:
            return norm_zh
        return self._pattern.sub(lambda m: " " * len(m.group()), norm_zh)

    def mentions(self, norm_zh: str) -> Iterator[Mention]:
        """Entries mentioned in normalized Chinese text, longest match first, left to right."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(norm_zh):
            yield Mention(self._by_key[match.group()], match.group(), match.start(), match.end())


def _reader(text: str, origin: str) -> csv.DictReader:
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = [name.strip().lower() for name in reader.fieldnames or []]
    if "chinese" not in fields or "english" not in fields:
        raise InputError(f"{origin}: a glossary needs the columns 'chinese' and 'english' (found: {', '.join(fields) or 'none'})")
    reader.fieldnames = fields
    return reader


def _entry(row: dict[str, str | None], where: str) -> Entry:
    chinese = _split_forms(row.get("chinese"))
    english = _split_forms(row.get("english"))
    if not chinese or not english:
        raise InputError(f"{where}: row needs both a Chinese form and an English rendering")
    kind = (row.get("type") or "term").strip().lower()
    if kind not in ENTRY_TYPES:
        raise InputError(f"{where}: unknown type {kind!r} (use {', '.join(ENTRY_TYPES)})")
    return Entry(chinese, english, kind, (row.get("note") or "").strip(), where)


def parse_csv(text: str, origin: str) -> list[Entry]:
    """Entries from glossary CSV text; a bad row is an error naming the row and the reason."""
    reader = _reader(text, origin)
    return [_entry(row, f"{origin}:{reader.line_num}") for row in reader]


def validate_files(paths: Iterable[Path]) -> tuple[list[str], int]:
    """Every problem in the given glossaries (not just the first), and how many entries were read."""
    problems: list[str] = []
    owner: dict[str, str] = {}
    count = 0
    for path in paths:
        try:
            reader = _reader(decode(read_bytes(path), path), str(path))
        except InputError as error:
            problems.append(str(error))
            continue
        for row in reader:
            where = f"{path}:{reader.line_num}"
            try:
                entry = _entry(row, where)
            except InputError as error:
                problems.append(str(error))
                continue
            count += 1
            for key in entry.keys:
                if len(key) < 2:
                    problems.append(f"{where}: single-character form {key!r} would match inside ordinary words")
                if key in owner:
                    problems.append(f"{where}: form {key!r} is already claimed by {owner[key]}")
                owner.setdefault(key, where)
    return problems, count


def _split_forms(cell: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in (cell or "").split("|") if part.strip()))


def bundled_entries() -> list[Entry]:
    text = resources.files("audit.lexicon").joinpath("data/names.csv").read_text(encoding="utf-8")
    return parse_csv(text, "bundled names.csv")


def load_glossary(paths: Iterable[Path] = (), *, bundled: bool = True) -> Glossary:
    glossary = Glossary(bundled_entries() if bundled else [])
    for path in paths:
        if path.suffix.lower() == ".tbx":
            from audit.lexicon.tbx import parse_tbx

            glossary.add(parse_tbx(read_bytes(path), str(path)))
        else:
            glossary.add(parse_csv(decode(read_bytes(path), path), str(path)))
    return glossary
