"""OpenCC's Traditional → Simplified conversion (opencc-python-reimplemented 0.1.7's `OpenCC("t2s")`), faster.

It reads OpenCC's own tables through a private attribute (`OpenCC._dict_chain_data`) and follows its matching
rules; pyproject.toml pins the exact version, and tests/test_fast_copies.py holds the two equal on the bundled
articles (and NTREX when present) and on random phrase-dense text.
"""

from __future__ import annotations

import re
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

CACHE_LAYOUT = 1  # of the tables' user-cache entry: bumped when `_build` or `_Table` changes


class _Table(NamedTuple):
    longest: int  # key lengths
    shortest: int
    table: dict[str, str]
    by_char: dict[str, tuple[int, ...]]  # first character → lengths of the keys it starts, longest first
    characters: dict[int, str]  # the one-character keys, as a str.translate table


class Converter:
    """OpenCC's t2s conversion (opencc-python-reimplemented: its tables, its rules), several times faster.

    OpenCC converts each piece of text between separators by dictionary groups; within a group it finds the
    longest key anywhere in the piece (the leftmost of equal length), converts it, and treats what lies to
    either side the same way with keys no longer than that one; what no key of a dictionary matches goes on
    to the next dictionary of the group. OpenCC searches every length at every position; here each
    character knows the lengths of the keys that start with it, and a dictionary of single characters is a
    translation table. The result is the same: tested against OpenCC itself on real and random text.
    """

    def __init__(self) -> None:
        from audit.lexicon.cache import cached

        split, groups = cached(f"opencc-t2s-{CACHE_LAYOUT}", self.sources(), self._build)
        self.split = re.compile(*split).split
        self.groups = [[_Table(*table) for table in group] for group in groups]

    @staticmethod
    def sources() -> list[Path]:
        """What the tables are built from: OpenCC's code, its t2s configuration and dictionaries, and this module."""
        spec = find_spec("opencc")
        if spec is None or spec.origin is None:
            raise ImportError("opencc (opencc-python-reimplemented) is not installed")
        package = Path(spec.origin).parent
        return [Path(__file__), package / "opencc.py", package / "config" / "t2s.json",
                package / "dictionary" / "TSPhrases.txt", package / "dictionary" / "TSCharacters.txt"]

    @classmethod
    def _build(cls) -> tuple[tuple[str, int], list[list[_Table]]]:
        """OpenCC's t2s tables prepared for `_convert`, kept in the user cache (`audit.lexicon.cache`): reading
        OpenCC's dictionaries and preparing them took 11-20 CPU-ms of every start, loading them 6-9."""
        from opencc import OpenCC

        opencc = OpenCC("t2s")
        pattern = opencc.split_chars_re
        # As plain tuples: marshal writes no NamedTuple.
        return (pattern.pattern, int(pattern.flags)), [[tuple(cls._prepare(*table)) for table in group]  # type: ignore[misc]
                                                       for group in opencc._dict_chain_data]

    @staticmethod
    def _prepare(longest: int, shortest: int, table: dict[str, str]) -> _Table:
        first = {key: value.split(" ")[0] for key, value in table.items()}  # of several renderings, OpenCC's first
        lengths: dict[str, set[int]] = {}
        for key in first:
            lengths.setdefault(key[0], set()).add(len(key))
        by_char = {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}
        return _Table(longest, shortest, first, by_char, {ord(key): value for key, value in first.items() if len(key) == 1})

    def convert(self, text: str) -> str:
        pieces = self.split(text)
        for index in range(0, len(pieces), 2):  # odd indices are the separators, kept as they are
            for group in self.groups:
                if pieces[index]:
                    pieces[index] = self._convert(pieces[index], group)
        return "".join(pieces)

    @staticmethod
    def _convert(text: str, group: list[_Table]) -> str:
        out: list[str] = []
        work: list[tuple[str, int, int] | str] = [(text, 0, 0)]  # (piece, dictionary, length limit) or output
        while work:
            item = work.pop()
            if isinstance(item, str):
                out.append(item)
                continue
            piece, level, hint = item
            longest, shortest, table, by_char, characters = group[level]
            if longest == 1 and level + 1 == len(group):
                out.append(piece.translate(characters))  # keys of one character and no dictionary after: a table
                continue
            size = len(piece)
            limit = min(size, longest, hint or longest)
            best, at = 0, 0
            for i, char in enumerate(piece):
                for length in by_char.get(char, ()):
                    if length <= best:
                        break
                    if shortest <= length <= min(limit, size - i) and piece[i:i + length] in table:
                        best, at = length, i
                        break
            if best:
                if at + best < len(piece):
                    work.append((piece[at + best:], level, best))
                work.append(table[piece[at:at + best]])
                if at:
                    work.append((piece[:at], level, best))
            elif level + 1 < len(group):
                work.append((piece, level + 1, 0))
            else:
                out.append(piece)
        return "".join(out)
