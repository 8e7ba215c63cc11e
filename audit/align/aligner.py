"""`align`: the article's sentences in beads, a window at a time; `bead_support` for rules that explain a bead."""

from __future__ import annotations

import bisect
import dataclasses
import math
from typing import Sequence

from audit.align.band import band, band_around, touches_edge
from audit.align.features import (GlossaryLike, Sentence, en_sentence, lexicon_of, paragraph_starts, prefix_sums, zh_length,
                                  zh_sentence)
from audit.align.matching import match_masks
from audit.align.params import DEFAULT, Params
from audit.align.scoring import Beads
from audit.align.search import EN_OFFSET, ZH_OFFSET, search
from audit.lexicon.dictionary import load_dictionary
from audit.model import AlignedPair, Segment

# A long article is aligned a window of sentences at a time, keeping the beads of its first COMMIT sentences;
# the last quarter is aligned again with the next window, so a bead near the cut sees its neighbours. On
# NTREX-128 as one article (2,132 / 2,008 sentences, bench/thresholds.py) windows of 250 to 1,000 give the very
# beads of the whole; what the window bounds is memory: one of 2,000 sentences peaks at 43 MB of the aligner's
# tables, one of 1,000 at 6 MB, so a window stays well inside the 300 MB an audit may take (README, Large input).
WINDOW = 2000
COMMIT = 1500


def align(
    source: Sequence[Segment], target: Sequence[Segment], glossary: GlossaryLike | None = None, *, params: Params = DEFAULT
) -> list[AlignedPair]:
    """Best-scoring sequence of beads covering every sentence of both sides once, in order.

    1-0 beads are Chinese sentences without an English partner (omissions), 0-1 beads English sentences
    without a Chinese one (additions). A bead's `score` is its confidence, 0 (unpaired, or no evidence) … 1.
    """
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [AlignedPair([s], [], 0.0) for s in source] + [AlignedPair([], [t], 0.0) for t in target]
    zh_starts, en_starts = paragraph_starts(source), paragraph_starts(target)
    paragraphs = sum(zh_starts) > 1 and sum(en_starts) > 1
    zh_chars, en_chars = prefix_sums(len(s.norm) for s in source), prefix_sums(len(t.norm) for t in target)
    pairs: list[AlignedPair] = []
    i0 = j0 = 0
    while True:
        i1 = min(n, i0 + WINDOW)
        # the English sentence where the Chinese window ends, by the share of characters still to align
        share = (zh_chars[i1] - zh_chars[i0]) / max(1, zh_chars[n] - zh_chars[i0])
        j1 = bisect.bisect_left(en_chars, en_chars[j0] + share * (en_chars[m] - en_chars[j0]))
        j1 = m if i1 == n else min(m, j0 + WINDOW, max(j1, j0 + 1))
        window = _align_window(source[i0:i1], target[j0:j1], zh_starts[i0:i1], en_starts[j0:j1], paragraphs,
                               glossary, params)
        if i1 == n and j1 == m:
            return pairs + window
        used_zh = used_en = 0
        for pair in window:  # keep the beads well inside the window; the rest is aligned again with the next
            if (i1 < n and used_zh + len(pair.source) > COMMIT) or (j1 < m and used_en + len(pair.target) > COMMIT):
                break
            pairs.append(pair)
            used_zh, used_en = used_zh + len(pair.source), used_en + len(pair.target)
        i0, j0 = i0 + used_zh, j0 + used_en


def _align_window(source: Sequence[Segment], target: Sequence[Segment], zh_starts: list[bool], en_starts: list[bool],
                  paragraphs: bool, glossary: GlossaryLike | None, params: Params) -> list[AlignedPair]:
    """`align` of a stretch of both sides (the whole article unless it is very long)."""
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [AlignedPair([s], [], 0.0) for s in source] + [AlignedPair([], [t], 0.0) for t in target]
    dictionary = load_dictionary()
    zh = [zh_sentence(s, start, dictionary, glossary, params.anchor_bits) for s, start in zip(source, zh_starts)]
    en = [en_sentence(t, start, glossary, params.anchor_bits) for t, start in zip(target, en_starts)]
    lo, hi = band(zh, en, params.band)
    for _ in range(4):
        beads = Beads(zh, en, match_masks(zh, en, lo, hi), params, paragraphs)
        path, gains = search(beads, lo, hi, n, m)
        # A path that runs along the band's edge may have been cut off by it: search again around it.
        if not touches_edge(path, lo, hi, m):
            break
        lo, hi = band_around(path, n, m, params.band)
    path, gains = _rejoin(path, gains, beads, source, target, glossary)
    return [AlignedPair(list(source[i - a:i]), list(target[j - b:j]), round(beads.confidence(i, a, j, b, gain), 3))
            for (i, a, j, b), gain in zip(path, gains)]


# A Chinese sentence left unpaired beside a bead is rendered there when the bead's English has, on the sentence's
# side, a stretch of clauses (from its edge inwards, to the first of EDGE_UNITS units or more) of whose units at
# most EDGE_FOUND are found in the bead's own Chinese, and the bead's length ratio with the sentence joined is
# within EDGE_FIT standard deviations of the model's: one English sentence renders two Chinese ones and the
# dictionary misses the words of one (王室 "the monarchy"). A deleted sentence beside a bead finds the bead's
# English explained by its Chinese to the edge, or the lengths short. NTREX-128 dev, 1-0 Chinese sentences beside
# a bead (English clauses split as O005 splits them): measured in the README's Alignment section; the bench's
# deleted sentences lose none at these values.
EDGE_UNITS = 3
EDGE_FOUND = 0.2
EDGE_FIT = 1.5


def edge_room(rest: Sequence[Segment], sentence: Segment, english: Sequence[Segment], after: bool | None,
              glossary: GlossaryLike | None = None, params: Params = DEFAULT) -> bool:
    """Whether the Chinese `sentence`, beside the bead of Chinese `rest` and English `english` (after it when
    `after`; inside it, between two of its sentences, when None), is rendered by the stretch of the English's
    clauses on its side (any one clause when None; `EDGE_UNITS`, `EDGE_FOUND`, `EDGE_FIT`)."""
    dictionary = load_dictionary()
    keys = {key for s in rest for unit in zh_sentence(s, False, dictionary, glossary, params.anchor_bits).keys
            for key in unit}
    if _unrendered(rest, sentence, english, after, keys, glossary, params) is None:
        return False
    chinese = sum(zh_length(s.norm) for s in rest) + zh_length(sentence.norm)
    return abs(_deviation(chinese, sum(len(t.norm) for t in english), params)) <= EDGE_FIT


# An English sentence left unpaired beside a bead continues it (a long sentence translated as two) when the bead's
# Chinese has, on its side, a stretch of clauses the bead's English leaves unrendered (`EDGE_UNITS`, `EDGE_FOUND`,
# as above), some of the sentence's own units (more than PIECE_FOUND) are found in that stretch, and the lengths
# fit (`EDGE_FIT`). A sentence inserted from another document finds nothing there: on NTREX-128 dev, of the
# inserted and replacing sentences left 0-1 beside such a stretch, those that the lengths admit have none of their
# units found there ("I hope they are safe." beside 因此未對流浪採取積極攻勢), and without this condition two of
# 194 inserted sentences were joined (README, Alignment).
PIECE_FOUND = 0.0


def piece_room(rest: Sequence[Segment], sentence: Segment, chinese: Sequence[Segment], after: bool,
               glossary: GlossaryLike | None = None, params: Params = DEFAULT) -> bool:
    """Whether the English `sentence`, beside the bead of English `rest` and Chinese `chinese` (after it when
    `after`), renders the stretch of the Chinese's clauses on its side that `rest` leaves unrendered
    (`PIECE_FOUND`) and the lengths admit it there (`EDGE_FIT`)."""
    keys = {key for t in rest for unit in en_sentence(t, False, glossary, params.anchor_bits).keys for key in unit}
    stretch = _unrendered(rest, sentence, chinese, after, keys, glossary, params)
    if stretch is None:
        return False
    own = en_sentence(sentence, False, glossary, params.anchor_bits)
    if _share(own, {key for unit in stretch.keys for key in unit})[0] <= PIECE_FOUND:
        return False
    english = sum(len(t.norm) for t in rest) + len(sentence.norm)
    return abs(_deviation(sum(zh_length(s.norm) for s in chinese), english, params)) <= EDGE_FIT


def _unrendered(rest: Sequence[Segment], sentence: Segment, other: Sequence[Segment], after: bool | None,
                keys: set[str], glossary: GlossaryLike | None, params: Params) -> Sentence | None:
    """The units of the stretch of the bead side `other`'s clauses on the side of `sentence` (from the edge
    after or before `rest` inwards, to the first of `EDGE_UNITS` units; any one clause when `after` is None)
    of which at most `EDGE_FOUND` are found among `rest`'s `keys`; None when there is none, or when the
    sentence is of another paragraph than `rest`."""
    from audit.lexicon.evidence import en_clauses, zh_clauses  # they need audit.align's number readers

    if any(s.paragraph != sentence.paragraph for s in rest):
        return None
    chinese = other[0].lang == "zh"
    norm = ("" if chinese else " ").join(s.norm for s in other)
    clauses = zh_clauses(norm) if chinese else en_clauses(norm)
    if len(clauses) < 2:
        return None
    if after is None:
        stretches = list(clauses)
    else:
        edge = clauses[::-1] if after else clauses
        stretches = [(min(edge[0][0], edge[k][0]), max(edge[0][1], edge[k][1])) for k in range(len(edge) - 1)]
    dictionary = load_dictionary()
    for start, end in stretches:
        part = dataclasses.replace(other[0], norm=norm[start:end])
        units = (zh_sentence(part, False, dictionary, glossary, params.anchor_bits) if chinese
                 else en_sentence(part, False, glossary, params.anchor_bits))
        if units.bits >= EDGE_UNITS:
            if _share(units, keys)[0] <= EDGE_FOUND:
                return units
            if after is not None:
                return None
    return None


def _rejoin(path: list[tuple[int, int, int, int]], gains: list[float | None], beads: Beads, source: Sequence[Segment],
            target: Sequence[Segment], glossary: GlossaryLike | None) -> tuple[list[tuple[int, int, int, int]], list[float | None]]:
    """The search's path with each unpaired sentence that a neighbouring bead renders (a Chinese one:
    `edge_room`; an English one: `piece_room`) joined to that bead, the better-scoring one when both do."""
    out: list[tuple[int, int, int, int]] = []
    out_gains: list[float | None] = []
    q = 0
    while q < len(path):
        i, a, j, b = path[q]
        options = []
        if a + b == 1:
            before = out[-1] if out else None
            after = path[q + 1] if q + 1 < len(path) else None
            if before and _joinable(before, (a, b, i - 1 if a else j - 1), beads, source, target, glossary):
                joined = (i, before[1] + a, j, before[3] + b)
                options.append((beads.gain(*joined), -1, joined))
            if after and _joinable(after, (a, b, i - 1 if a else j - 1), beads, source, target, glossary):
                joined = (after[0], after[1] + a, after[2], after[3] + b)
                options.append((beads.gain(*joined), 1, joined))
        best = max((option for option in options if option[0] > -math.inf), default=None)
        if best is None:
            out.append(path[q])
            out_gains.append(gains[q])
        elif best[1] < 0:  # into the bead before
            out[-1], out_gains[-1] = best[2], best[0]
        else:  # into the bead after, which is then taken
            out.append(best[2])
            out_gains.append(best[0])
            q += 1
        q += 1
    return out, out_gains


def _joinable(bead: tuple[int, int, int, int], orphan: tuple[int, int, int], beads: Beads, source: Sequence[Segment],
              target: Sequence[Segment], glossary: GlossaryLike | None) -> bool:
    """Whether the unpaired sentence (1, 0, k): Chinese sentence k, (0, 1, k): English sentence k, may join the
    bead (i, a, j, b) beside it (`edge_room`, `piece_room`)."""
    i, a, j, b = bead
    zh, en, k = orphan
    if not a or not b or (a + zh, b + en) not in beads.params.shapes:
        return False
    if zh:
        return edge_room(source[i - a:i], source[k], target[j - b:j], i <= k, glossary, beads.params)
    return piece_room(target[j - b:j], target[k], source[i - a:i], j <= k, glossary, beads.params)


def bead_support(pair: AlignedPair, glossary: GlossaryLike | None = None,
                 params: Params = DEFAULT) -> tuple[list[tuple[float, int]], list[tuple[float, int]]]:
    """For each sentence of a bead (Chinese ones, English ones): the share of its units (words, numbers,
    names, in mask bits) that have a translation on the other side of the bead, and how many it has. The
    evidence each sentence has of its own, as the aligner's orphan penalty weighs it, for rules to explain
    a bead with."""
    dictionary = load_dictionary()
    zh = [zh_sentence(s, False, dictionary, glossary, params.anchor_bits) for s in pair.source]
    en = [en_sentence(t, False, glossary, params.anchor_bits) for t in pair.target]
    zh_keys = {key for sentence in zh for unit in sentence.keys for key in unit}
    en_keys = {key for sentence in en for unit in sentence.keys for key in unit}
    return [_share(sentence, en_keys) for sentence in zh], [_share(sentence, zh_keys) for sentence in en]


def length_fit(pair: AlignedPair, params: Params = DEFAULT) -> tuple[list[float], list[float]]:
    """For each sentence of a bead (Chinese ones, English ones): how far the bead's length ratio is from the
    length model's mean without that sentence, beyond how far it is with it (in standard deviations of the
    model's log ratio). Large when the sentence is needed to make the lengths fit: the bead's other side
    then holds its translation, whatever the dictionary finds."""
    zh = [zh_length(s.norm) for s in pair.source]
    en = [len(t.norm) for t in pair.target]
    whole = abs(_deviation(sum(zh), sum(en), params))
    return ([abs(_deviation(sum(zh) - size, sum(en), params)) - whole for size in zh],
            [abs(_deviation(sum(zh), sum(en) - size, params)) - whole for size in en])


def _deviation(zh_chars: int, en_chars: int, params: Params) -> float:
    """log(English / Chinese characters) against the length model, in its standard deviations, as the
    bead gain reads it (`search.length_gain`)."""
    variance = max(params.variance + params.variance_per_char / (zh_chars + ZH_OFFSET), params.sigma * params.sigma)
    return (math.log((en_chars + EN_OFFSET) / (zh_chars + ZH_OFFSET)) - params.log_ratio) / math.sqrt(variance)


def _share(sentence: Sentence, other: set[str]) -> tuple[float, int]:
    found = sum(weight for unit, weight in zip(sentence.keys, sentence.weights) if not other.isdisjoint(unit))
    return (found / sentence.bits if sentence.bits else 0.0), sentence.bits


def warm_up() -> None:
    """Load the dictionary (and the segmenter's index of it) now rather than on the first alignment."""
    lexicon_of(load_dictionary())
