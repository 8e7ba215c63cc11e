"""Per-text results remembered for the whole run: an article's sentences recur (a revision audited again beside
the last one, copies of a wire story), and what a rule works out of a sentence is the same each time."""

from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

V = TypeVar("V")

# Texts a memory keeps, then starts afresh: a section's worth of one side (audit.sections, 2,000 sentences), so the
# rules of one section share them, as the dictionary's memories do (a sentence's stems, which what a sentence explains
# holds, are a set of about 5.6 KB). Each per-text memory and cache of the package is bounded by it; at 4,096 (two
# sections) a 48 MB article of text that never repeats peaked at 314 MB (bench/stress.py --distinct).
SENTENCES = 2048
# What only the sentences around a pair share within one document (its window's texts, indexed): a pair remembered
# whole (above) no longer asks for them when it recurs, and each holds a sentence's index or stems (kilobytes).
NEIGHBOURS = 64
# Words (or names, glosses, a word's patterns) a per-word cache keeps, least recently used first let go: twice the
# whole English vocabulary of NTREX-128's 1,997 sentences (8,089 words), so a news run keeps every word it meets; on
# text that never repeats (bench/stress.py --distinct) the caches sized 65,536 and 200,000 grew with the input.
WORDS = 16_384


class Remembered(Generic[V]):
    """Values by key, made on first use and forgotten all at once past `size` keys (a few MB at most: one run's
    sentences). A key may hold the id of an object that is no hashable value (a glossary, the dictionary): that
    object is kept with the value, so that no other object can take its id while the entry lives."""

    def __init__(self, size: int) -> None:
        self._found: dict[Hashable, tuple[object, V]] = {}
        self._size = size

    def get(self, key: Hashable, pins: object, make: Callable[[], V]) -> V:
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= self._size:
                self._found.clear()
            found = self._found[key] = (pins, make())
        return found[1]
