"""Glossaries: Chinese forms of an entity or term → the English renderings an editor accepts.

CSV columns: `chinese` (forms separated by `|`), `english` (accepted renderings separated by `|`,
preferred first), optional `type` (person, place, org, term) and `note`. The bundled news-name glossary
(`data/names.csv`) is loaded first; user glossaries given later override entries that share a form.
"""

from __future__ import annotations

import csv
import io
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

from audit.errors import InputError
from audit.io.decode import decode, read_bytes
from audit.io.delimited import sniff_delimiter
from audit.lexicon import bundled
from audit.lexicon.entry import ENTRY_TYPES, Entry, collapse, english_form, fold_quotes
from audit.lexicon.tbx import parse_tbx
from audit.normalize import normalize_zh
from audit.remembered import SENTENCES


@dataclass(frozen=True, slots=True)
class Mention:
    """An entry found in a Chinese text: which form, where (offsets into the normalized text)."""

    entry: Entry
    form: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EnglishMention:
    """An entry found in an English text: the rendering as written (’ read as '), where (offsets into the text)."""

    entry: Entry
    text: str
    start: int
    end: int


@dataclass
class Glossary:
    entries: list[Entry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_key: dict[str, Entry] = {}
        self._mention_memo: dict[str, tuple[Mention, ...]] = {}
        self._english_memo: dict[str, tuple[EnglishMention, ...]] = {}
        for entry in self.entries:
            self._index(entry)

    def _index(self, entry: Entry) -> None:
        for key in entry.keys:
            self._by_key[key] = entry
        for name in ("_chinese_index", "_english", "_words"):
            self.__dict__.pop(name, None)
        self._mention_memo: dict[str, tuple[Mention, ...]] = {}
        self._english_memo: dict[str, tuple[EnglishMention, ...]] = {}

    def add(self, entries: Iterable[Entry]) -> None:
        """Add entries; a later entry wins for a Chinese form both share (user glossary over bundled)."""
        for entry in entries:
            self.entries.append(entry)
            self._index(entry)

    @cached_property
    def _chinese_index(self) -> dict[str, tuple[int, ...]]:
        """First character → lengths of the forms starting with it, longest first.

        Matching with this index is what a regex alternation of all forms, longest first, does (leftmost
        match, then the longest form there, then on after it), without compiling a pattern of thousands
        of alternatives on every run (tens of milliseconds of a pre-commit hook)."""
        lengths: dict[str, set[int]] = {}
        for key in self._by_key:
            lengths.setdefault(key[0], set()).add(len(key))
        return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}

    @cached_property
    def _english(self) -> tuple[_EnglishForms | None, dict[str, Entry]]:
        by_form: dict[str, Entry] = {}
        for entry in self._by_key.values():
            for form in entry.english:
                by_form.setdefault(fold_quotes(form), entry)
        forms = sorted(by_form, key=len, reverse=True)
        if not forms:
            return None, by_form
        return _EnglishForms(forms), {collapse(form): entry for form, entry in by_form.items()}

    def english_index(self, english: str) -> Iterator[Entry]:
        """Entries whose English rendering occurs in `english`, each once, in order of appearance."""
        seen: dict[int, Entry] = {}
        for mention in self.english_mentions(english):
            seen.setdefault(id(mention.entry), mention.entry)
        return iter(seen.values())

    def english_mentions(self, english: str) -> tuple[EnglishMention, ...]:
        """Every rendering of an entry in `english`, repeats included, left to right, longest form first
        ("North Korean" is one mention, not "North Korea" + "Korean"): what counting how often the English
        names an entity needs."""
        found = self._english_memo.get(english)  # a repeat (most calls) answered here, without a further call
        return found if found is not None else _remembered(self._english_memo, english, self._scan_english)

    def _scan_english(self, english: str) -> Iterator[EnglishMention]:
        forms, by_form = self._english
        if forms is None:
            return
        for matched in forms.finditer(fold_quotes(english)):
            entry = by_form.get(collapse(matched.group()))
            if entry is not None:
                yield EnglishMention(entry, matched.group(), matched.start(), matched.end())

    def words(self) -> frozenset[str]:
        """Normalized Chinese forms, for the word segmenter's dictionary."""
        words = self.__dict__.get("_words")
        if words is None:
            words = self.__dict__["_words"] = frozenset(self._by_key)
        return words  # type: ignore[no-any-return]

    def lookup(self, chinese: str) -> Entry | None:
        return self._by_key.get(normalize_zh(chinese))

    def blank_mentions(self, norm_zh: str) -> str:
        """The text with every mention blanked out (same length)."""
        pieces, after = [], 0  # joined once: a slice per mention would be quadratic on one very long sentence
        for mention in self._mentions(norm_zh):
            pieces += [norm_zh[after:mention.start], " " * (mention.end - mention.start)]
            after = mention.end
        return "".join(pieces) + norm_zh[after:]

    def mentions(self, norm_zh: str) -> Iterator[Mention]:
        """Entries mentioned in normalized Chinese text, longest match first, left to right."""
        return iter(self._mentions(norm_zh))

    def _mentions(self, norm_zh: str) -> tuple[Mention, ...]:
        found = self._mention_memo.get(norm_zh)  # a repeat (most calls) answered here, without a further call
        return found if found is not None else _remembered(self._mention_memo, norm_zh, self._scan)

    def _scan(self, text: str) -> Iterator[Mention]:
        index, by_key = self._chinese_index, self._by_key
        position, length = 0, len(text)
        while position < length:
            for size in index.get(text[position], ()):
                form = text[position:position + size]
                entry = by_key.get(form) if len(form) == size else None
                if entry is not None:
                    yield Mention(entry, form, position, position + size)
                    position += size
                    break
            else:
                position += 1


_MEMO_SIZE = SENTENCES  # texts remembered per glossary: one article's sentences are looked up by several rules
T = TypeVar("T")


def _remembered(memo: dict[str, tuple[T, ...]], text: str, scan: Callable[[str], Iterator[T]]) -> tuple[T, ...]:
    """What `scan` finds in `text`, remembered: each sentence is looked up by several rules. The memo keeps the
    newer half of its texts when it is full."""
    found = memo.get(text)
    if found is None:
        found = memo[text] = tuple(scan(text))
        if len(memo) > _MEMO_SIZE:
            for key in list(memo)[: _MEMO_SIZE // 2]:
                del memo[key]
    return found


class _EnglishForms:
    """What `(?<![A-Za-z])(?:form1|form2|…)(?![A-Za-z])` (forms longest first, spaces matching any run of
    spaces and hyphens) finds with `finditer`, without compiling that pattern of thousands of alternatives.

    At each position not preceded by a letter, the forms whose first word is written there are tried in
    the alternation's order, each with its own small pattern (the same lookarounds): the first that matches
    wins, and the search goes on after it, as the alternation's would.
    """

    def __init__(self, forms: list[str]) -> None:
        self.forms = forms
        self.by_start: dict[str, list[int]] = {}  # first word → the forms (by order) that start with it
        lengths: dict[str, set[int]] = {}
        for order, form in enumerate(forms):
            first = form.split()[0]
            self.by_start.setdefault(first, []).append(order)
            lengths.setdefault(first[0], set()).add(len(first))
        self.lengths = {char: tuple(sorted(found)) for char, found in lengths.items()}
        self.patterns: dict[int, re.Pattern[str]] = {}
        # Where a form may start, never preceded by a letter: a first character of some form with the letters that
        # follow it (no start is preceded by a letter, so none is skipped by reading them); or, for the few forms
        # that begin in lower case (coast guard, al-Assad), their first word itself: any lower-case word could
        # begin with such a character (two starts in three on NTREX-128's English were of that kind).
        lower = sorted({form.split()[0] for form in forms if form[0] in _LOWER}, key=lambda word: (-len(word), word))
        others = "".join(re.escape(char) for char in sorted(lengths) if char not in _LOWER)
        starts = ([rf"[{others}][A-Za-z]*"] if others else []) + ([f"(?=(?:{'|'.join(map(re.escape, lower))}))"] if lower else [])
        self.starts = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(starts)})")

    def _pattern(self, order: int) -> re.Pattern[str]:
        pattern = self.patterns.get(order)
        if pattern is None:
            pattern = self.patterns[order] = re.compile(rf"(?<![A-Za-z])(?:{english_form(self.forms[order])})(?![A-Za-z])")
        return pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        length, lengths, by_start = len(text), self.lengths, self.by_start
        position = 0  # where the search goes on: after the last match
        for start in self.starts.finditer(text):
            if start.start() < position:
                continue
            position = start.start()
            sizes = lengths[text[position]]
            # A first word that ends inside the run of letters read here is followed by a letter, where its form's
            # pattern wants a space, a hyphen or no letter: only words as long as the run or longer can match.
            candidates: list[int] = []
            for size in sizes[bisect_left(sizes, start.end() - position):]:
                if position + size > length:
                    break
                orders = by_start.get(text[position:position + size])
                if orders:
                    candidates.extend(orders)
            for order in sorted(candidates):
                match = self._pattern(order).match(text, position)
                if match:
                    yield match
                    position = match.end()
                    break


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _reader(text: str, origin: str) -> csv.DictReader:
    reader = csv.DictReader(io.StringIO(text), delimiter=sniff_delimiter(text, origin))
    try:
        fields = [name.strip().lower() for name in reader.fieldnames or []]
    except csv.Error as error:
        raise InputError(f"{origin}:1: not readable as CSV ({error}; a cell holds at most 128 KB of text)") from None
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


def _rows(reader: csv.DictReader, origin: str) -> Iterator[dict[str, str | None]]:
    """The rows, with the csv module's own errors (a cell over its 128 KB field limit, a NUL byte) made input
    errors that name the line."""
    try:
        yield from reader
    except csv.Error as error:
        raise InputError(f"{origin}:{reader.line_num + 1}: not readable as CSV ({error}; a cell holds at most 128 KB of text)") from None


def parse_csv(text: str, origin: str) -> list[Entry]:
    """Entries from glossary CSV text; a bad row is an error naming the row and the reason."""
    reader = _reader(text, origin)
    return [_entry(row, f"{origin}:{reader.line_num}") for row in _rows(reader, origin)]


def _file_entries(path: Path) -> tuple[list[Entry], list[str]]:
    """The entries of one glossary file (CSV, TSV or TBX), and the problems of rows that give none."""
    if path.suffix.lower() == ".tbx":
        from audit.lexicon.tbx import parse_tbx

        skipped: list[str] = []
        return parse_tbx(read_bytes(path), str(path), skipped), skipped
    reader = _reader(decode(read_bytes(path), path), str(path))
    entries, problems = [], []
    try:
        for row in _rows(reader, str(path)):
            try:
                entries.append(_entry(row, f"{path}:{reader.line_num}"))
            except InputError as error:
                problems.append(str(error))
    except InputError as error:  # the file cannot be read on from here
        problems.append(str(error))
    return entries, problems


def validate_files(paths: Iterable[Path]) -> tuple[list[str], int]:
    """Every problem in the given glossaries (not just the first), and how many entries were read."""
    problems: list[str] = []
    owner: dict[str, str] = {}
    count = 0
    for path in paths:
        try:
            entries, bad_rows = _file_entries(path)
        except InputError as error:
            problems.append(str(error))
            continue
        problems += bad_rows
        count += len(entries)
        for entry in entries:
            for key in entry.keys:
                if len(key) < 2:
                    problems.append(f"{entry.origin}: single-character form {key!r} would match inside ordinary words")
                if key in owner:
                    problems.append(f"{entry.origin}: form {key!r} is already claimed by {owner[key]}")
                owner.setdefault(key, entry.origin)
    return problems, count


def _split_forms(cell: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in (cell or "").split("|") if part.strip()))


BUNDLED_LAYOUT = 1  # of the bundled glossary's user-cache entry: bumped when `_bundled_rows` changes


def bundled_entries() -> list[Entry]:
    """The bundled glossary, its forms already normalized: parsed and converted to Simplified once into the user
    cache (`audit.lexicon.cache`): done at each start, it took 20-35 of a one-article audit's CPU-ms, now 6-9."""
    from audit.lexicon.cache import cached
    from audit.normalize import conversion_sources

    data_file = bundled("data/names.csv")
    # Rebuilt when the file, the reading of a row (this module) or the making of a key (entry.py, normalize) changes.
    sources = [data_file, Path(__file__), Path(__file__).with_name("entry.py"), *conversion_sources()]
    rows = cached(f"names-{BUNDLED_LAYOUT}", sources, lambda: _bundled_rows(data_file))
    entries = []
    for chinese, english, kind, note, origin, keys in rows:
        entry = Entry(chinese, english, kind, note, origin)  # tuples: marshal keeps them so
        entry.__dict__["keys"] = keys  # `Entry.keys` (a cached_property) as computed when the cache was built
        entries.append(entry)
    return entries


def _bundled_rows(data_file: Path) -> list[tuple[tuple[str, ...], tuple[str, ...], str, str, str, tuple[str, ...]]]:
    entries = parse_csv(data_file.read_text(encoding="utf-8"), "bundled names.csv")
    return [(e.chinese, e.english, e.type, e.note, e.origin, e.keys) for e in entries]


def load_glossary(paths: Iterable[Path] = (), *, bundled: bool = True) -> Glossary:
    glossary = Glossary(bundled_entries() if bundled else [])
    for path in paths:
        if path.suffix.lower() == ".tbx":
            glossary.add(parse_tbx(read_bytes(path), str(path)))
        else:
            glossary.add(parse_csv(decode(read_bytes(path), path), str(path)))
    return glossary
