"""The band of the search: for each Chinese prefix, the English prefixes worth trying.

The band follows a line through anchors (keys found in as many sentences on each side, in order) and, between
them, through equal shares of characters; when the best path runs along its edge, it is laid again around it.
"""

from __future__ import annotations

import bisect
import math

from audit.align.features import Sentence, prefix_sums

def band(zh: list[Sentence], en: list[Sentence], width: int) -> tuple[list[int], list[int]]:
    """For each Chinese prefix length i (0…n): the range of English prefix lengths searched, around a
    line through the anchors (words found once on each side, in the same order) and, between anchors,
    through the points where both prefixes hold the same share of characters."""
    n, m = len(zh), len(en)
    points = [(0.0, 0.0)] + [(k + 0.5, l + 0.5) for k, l in _anchors(zh, en)] + [(float(n), float(m))]
    zh_len, en_len = prefix_sums(s.length for s in zh), prefix_sums(s.length for s in en)
    lo, hi = [], []
    segment, last = 0, -1
    for i in range(n + 1):
        while segment < len(points) - 2 and points[segment + 1][0] <= i:
            segment += 1
        if segment != last:  # what depends on the two points only, once per pair of points
            between = _Between(zh_len, en_len, *points[segment], *points[segment + 1])
            last = segment
        centre = between.at(i)
        lo.append(max(0, math.floor(centre - width)))
        hi.append(min(m, math.ceil(centre + width)))
    lo[0], hi[n] = 0, m
    for i in range(n - 1, -1, -1):  # keep both edges non-decreasing
        lo[i] = min(lo[i], lo[i + 1])
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
    return _connected(lo, hi)


def _connected(lo: list[int], hi: list[int]) -> tuple[list[int], list[int]]:
    """No gap between consecutive rows of the band (row i starts at or before the end of row i-1), so that
    every cell can be reached by leaving sentences unpaired. A narrow band around a steep line (one long
    Chinese sentence against many English ones) could otherwise leave no path at all."""
    for i in range(1, len(lo)):
        if lo[i] > hi[i - 1]:
            lo[i] = hi[i - 1]
    return lo, hi


class _Between:
    """The English position matching a Chinese prefix between two anchor points (x0, y0) and (x1, y1), by
    character share."""

    def __init__(self, zh_len: list[int], en_len: list[int], x0: float, y0: float, x1: float, y1: float) -> None:
        self.zh_len, self.en_len = zh_len, en_len
        self.zh_start = _characters_at(zh_len, x0)
        self.zh_span = _characters_at(zh_len, x1) - self.zh_start
        self.en_start = _characters_at(en_len, y0)
        self.en_span = _characters_at(en_len, y1) - self.en_start

    def at(self, i: int) -> float:
        """The English position matching Chinese prefix i."""
        zh_span, en_len = self.zh_span, self.en_len
        share = (self.zh_len[i] - self.zh_start) / zh_span if zh_span > 0 else 0.0
        share = min(1.0, max(0.0, share))
        target = self.en_start + share * self.en_span
        j = bisect.bisect_right(en_len, target) - 1
        if j >= len(en_len) - 1:
            return float(len(en_len) - 1)
        return j + (target - en_len[j]) / (en_len[j + 1] - en_len[j]) if en_len[j + 1] > en_len[j] else float(j)


def _characters_at(prefix: list[int], x: float) -> float:
    """Characters before fractional sentence position x."""
    whole = min(int(x), len(prefix) - 1)
    return prefix[whole] + (x - whole) * ((prefix[whole + 1] - prefix[whole]) if whole + 1 < len(prefix) else 0)


def _anchors(zh: list[Sentence], en: list[Sentence]) -> list[tuple[int, int]]:
    """(Chinese, English) sentence pairs sharing a key (a number, a Latin name, a word with a single
    translation) that occurs in as many sentences on each side, the k-th with the k-th; longest chain in
    the same order. Most such keys occur once; a long article that repeats its content (or quotes a figure
    again) pairs its occurrences in order, so that its band still follows the text."""
    zh_at: dict[str, list[int]] = {}
    for k, sentence in enumerate(zh):
        for unit in sentence.keys:
            if len(unit) == 1:
                _add_once(zh_at, unit[0], k)
    en_at: dict[str, list[int]] = {}
    for l, sentence in enumerate(en):
        for unit in sentence.keys:
            _add_once(en_at, unit[0], l)
    pairs = sorted(
        pair
        for key, ks in zh_at.items()
        if len(en_at.get(key, ())) == len(ks)
        for pair in zip(ks, en_at[key])
    )
    # longest chain increasing on both sides (patience sorting)
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for index, (k, l) in enumerate(pairs):
        position = bisect.bisect_left(tails, l)
        # a chain may not use two anchors of the same Chinese sentence
        if position > 0 and pairs[tail_index[position - 1]][0] == k:
            continue
        if position == len(tails):
            tails.append(l)
            tail_index.append(index)
        else:
            tails[position] = l
            tail_index[position] = index
        parent[index] = tail_index[position - 1] if position else -1
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = parent[index]
    return chain[::-1]


def _add_once(places: dict[str, list[int]], key: str, sentence: int) -> None:
    """Record that `sentence` holds `key` (sentences come in order: a repeat is the last one recorded)."""
    where = places.get(key)
    if where is None:
        places[key] = [sentence]
    elif where[-1] != sentence:
        where.append(sentence)


def band_around(path: list[tuple[int, int, int, int]], n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """A band of the given half-width around a path (wherever the path went, the band follows)."""
    low = [m] * (n + 1)
    high = [0] * (n + 1)
    low[0] = high[0] = 0
    for i, a, j, b in path:
        for row in range(i - a, i + 1):
            low[row] = min(low[row], j - b, j)
            high[row] = max(high[row], j - b, j)
    lo = [max(0, value - width) for value in low]
    hi = [min(m, value + width) for value in high]
    for i in range(n - 1, -1, -1):  # keep both edges non-decreasing
        lo[i] = min(lo[i], lo[i + 1])
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
    return _connected(lo, hi)




def touches_edge(path: list[tuple[int, int, int, int]], lo: list[int], hi: list[int], m: int) -> bool:
    """Whether the path runs along the band's edge somewhere (where the band, not the text, bent it)."""
    for i, a, j, b in path:
        for row, col in ((i, j), (i - a, j - b)):
            if (lo[row] > 0 and col <= lo[row]) or (hi[row] < m and col >= hi[row]):
                return True
    return False
