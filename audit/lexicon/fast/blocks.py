"""A sorted word list kept as one block of text per first character, each block split into words only when a
word of it is first looked up.

jieba's dictionary holds 349,000 words and pypinyin's phrase list 47,000; splitting them whole took 30–50 ms
of every start, while one article looks up words of a few hundred first characters. The blocks come from the
user cache (`audit.lexicon.cache`) as UTF-8 bytes, which marshal loads at memory speed (as strings, marshal
would decode all of them: another 10–20 ms); a block is decoded when it is split.

The words are in code point order, so each character's words are one run of the list: a word keeps its index
in the whole list (`start` of its block + its place in the block), and arrays parallel to the list (jieba's
frequencies and tags) are indexed as before.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import groupby
from typing import Sequence

NO_WORD = -1  # no word starts with the fragment
PREFIX_ONLY = -2  # words start with the fragment, none is the fragment itself

# First character → (index in the whole list of its first word, its words newline-joined,
# their values newline-joined or empty), as UTF-8.
Packed = dict[str, tuple[int, bytes, bytes]]


def pack(words: Sequence[str], values: Sequence[str] | None = None) -> Packed:
    """`words` (sorted, non-empty, without newlines) as blocks, with `values` (parallel to them) beside."""
    packed: Packed = {}
    start = 0
    for first, run in groupby(range(len(words)), key=lambda i: words[i][0]):
        indices = list(run)
        packed[first] = (start, "\n".join(words[i] for i in indices).encode("utf-8"),
                         "\n".join(values[i] for i in indices).encode("utf-8") if values is not None else b"")
        start += len(indices)
    return packed


class WordBlocks:
    """Look-ups in a packed word list: the index of a word, whether a fragment starts some word, a word's value."""

    def __init__(self, packed: Packed) -> None:
        self.packed = packed
        self._words: dict[str, list[str]] = {}
        self._values: dict[str, list[str]] = {}

    def _block(self, first: str) -> list[str]:
        words = self._words.get(first)
        if words is None:
            entry = self.packed.get(first)
            words = self._words[first] = entry[1].decode("utf-8").split("\n") if entry is not None else []
        return words

    def find(self, fragment: str) -> int:
        """The word's index in the whole list (`fragment` is not empty); PREFIX_ONLY when only longer words start with the fragment;
        NO_WORD when none does."""
        words = self._block(fragment[0])
        i = bisect_left(words, fragment)
        if i < len(words) and words[i].startswith(fragment):
            return self.packed[fragment[0]][0] + i if words[i] == fragment else PREFIX_ONLY
        return NO_WORD

    def value(self, word: str) -> str | None:
        """The value stored beside the word, None when it is no word of the list."""
        index = self.find(word)
        if index < 0:
            return None
        start, _, joined = self.packed[word[0]]
        values = self._values.get(word[0])
        if values is None:
            values = self._values[word[0]] = joined.decode("utf-8").split("\n")
        return values[index - start]
