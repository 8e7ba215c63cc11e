"""The bead gain — the one formula the search maximises and every explanation of a bead reads — and the search.

A bead's gain is a damped log-likelihood ratio, how much likelier its evidence is between translations than
between unrelated sentences, in three parts that the search takes one at a time (a bead that cannot win is
passed over as soon as a bound shows it):

1. `lexical_gain`: each unit (word, number, name) of either side found or not found on the other side, weighed
   by the chance of a match against a side of that size (`scoring.LlrTable`);
2. `length_gain`: log(English characters / Chinese characters) against the ratio of true beads, a Gaussian
   against the spread of unrelated pairs (Gale & Church);
3. `bead_gain`: the rest — the shape's prior (lighter for a fragment), orphans of a many-side, a weak bead,
   headline or dateline against body text, paragraph starts.

`search` calls these functions in its loop, and tests/test_align_gain.py scores the beads it weighed again with
them, their inputs computed plainly, bead by bead. Compiled (setup.py), the search's counters and scores are C integers and doubles and the three
functions are C calls: the same arithmetic in the same order, to the last bit (IEEE doubles either way).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Sequence

from audit.align.params import MAX_SPAN

try:
    import cython
except ImportError:  # run as Python without Cython installed
    from audit import _cython as cython  # type: ignore[no-redef]

if TYPE_CHECKING:
    from audit.align.scoring import Beads, LlrTable


@cython.ccall
@cython.locals(matched_zh=cython.Py_ssize_t, total_zh=cython.Py_ssize_t, gap_zh=cython.double, miss_zh=cython.double,
               matched_en=cython.Py_ssize_t, total_en=cython.Py_ssize_t, gap_en=cython.double, miss_en=cython.double,
               weight=cython.double)
@cython.returns(cython.double)
def lexical_gain(matched_zh: int, total_zh: int, gap_zh: float, miss_zh: float, matched_en: int, total_en: int,
                 gap_en: float, miss_en: float, weight: float) -> float:
    """The units' evidence: `matched` of `total` units of each side found on the other side, each found unit
    scoring `gap + miss` (its log-likelihood ratio found) and each other `miss` (not found); damped by `weight`."""
    return weight * (matched_zh * gap_zh + total_zh * miss_zh + matched_en * gap_en + total_en * miss_en)


# Characters added to each side's length before their ratio is taken (about one Chinese word's worth).
ZH_OFFSET = 1
EN_OFFSET = 3


@cython.ccall
@cython.locals(en_chars=cython.Py_ssize_t, zh_chars=cython.Py_ssize_t, log_ratio=cython.double, weight=cython.double,
               bonus=cython.double, scale=cython.double, deviation=cython.double)
@cython.returns(cython.double)
def length_gain(en_chars: int, zh_chars: int, log_ratio: float, weight: float, bonus: float, scale: float) -> float:
    """The length evidence: how far log(English / Chinese characters) is from the expected `log_ratio`, as a
    log ratio of two Gaussians (`bonus` at the expected ratio, falling by `scale` times the squared deviation;
    both depend on the Chinese side's length: `scoring.LengthTerms`).
    A few characters are added to each side (`EN_OFFSET`, `ZH_OFFSET`): a fragment is not judged on a ratio
    of tiny numbers."""
    deviation = math.log((en_chars + EN_OFFSET) / (zh_chars + ZH_OFFSET)) - log_ratio
    return weight * (bonus - deviation * deviation * scale)


@cython.ccall
@cython.locals(evidence=cython.double, i=cython.Py_ssize_t, a=cython.Py_ssize_t, j=cython.Py_ssize_t,
               b=cython.Py_ssize_t, prior=cython.double, gain=cython.double, coverage=cython.double,
               orphans=cython.double, shortest=cython.double, units=cython.Py_ssize_t)
@cython.returns(cython.double)
def bead_gain(evidence: float, beads: Beads, i: int, a: int, j: int, b: int, zh_found: list[int], en_found: list[int],
              prior: float) -> float:
    """The gain of the bead of Chinese i-a…i-1 and English j-b…j-1, from its evidence (`lexical_gain` +
    `length_gain`), the units of each of its sentences found on the other side (`zh_found`, `en_found`) and
    its shape's log prior; -inf for a bead that would hold a sentence twice."""
    p = beads.params
    gain = evidence
    if p.weak:
        units = (beads.zh_bits[i] - beads.zh_bits[i - a]) + (beads.en_bits[j] - beads.en_bits[j - b])
        coverage = (sum(zh_found) + sum(en_found)) / units if units else 0.0
        if coverage < p.weak_floor:
            gain -= p.weak * (p.weak_floor - coverage) / p.weak_floor
    if a > 1 or b > 1:
        if (a > 1 and any(beads.zh_repeat[i - a + 1:i])) or (b > 1 and any(beads.en_repeat[j - b + 1:j])):
            return -math.inf  # a pasted duplicate is an addition (or omission), never half of a bead
        # A sentence of a one-side is never an orphan: only the many-side's penalties count.
        orphans = 0.0
        if a > 1:
            orphans += side_orphans(zh_found, beads.zh_units[i - a:i], p.orphan_floor)
        if b > 1:
            orphans += side_orphans(en_found, beads.en_units[j - b:j], p.orphan_floor)
        gain -= p.orphan * orphans
        # Joining a fragment to its neighbour costs less.
        shortest = min(beads.zh_short[i - a:i]) if a > 1 else 1.0
        if b > 1:
            shortest = min(shortest, *beads.en_short[j - b:j])
        gain += prior * shortest
    else:
        gain += prior
    if beads.zh_body[i - a] != beads.en_body[j - b]:
        gain -= p.kind_mismatch
    if beads.paragraphs:
        if beads.zh_start[i - a] != beads.en_start[j - b]:
            gain -= p.paragraph
        if (a > 1 and any(beads.zh_start[i - a + 1:i])) or (b > 1 and any(beads.en_start[j - b + 1:j])):
            gain -= p.paragraph_inside
    return gain


@cython.locals(i=cython.Py_ssize_t, j=cython.Py_ssize_t, a=cython.Py_ssize_t, b=cython.Py_ssize_t,
               low=cython.Py_ssize_t, high=cython.Py_ssize_t, first=cython.Py_ssize_t, last=cython.Py_ssize_t,
               up_lo=cython.Py_ssize_t, up_hi=cython.Py_ssize_t, z1_first=cython.Py_ssize_t,
               z2_first=cython.Py_ssize_t, z3_first=cython.Py_ssize_t, z4_first=cython.Py_ssize_t, e_first=cython.Py_ssize_t,
               total_zh=cython.Py_ssize_t, total_en=cython.Py_ssize_t, matched_zh=cython.Py_ssize_t,
               matched_en=cython.Py_ssize_t, zh_length=cython.Py_ssize_t, bound=cython.bint,
               best=cython.double, previous=cython.double, gain=cython.double,
               candidate=cython.double, cap=cython.double, prior=cython.double, gap_en=cython.double,
               miss_en=cython.double, gap_zh=cython.double, miss_zh=cython.double, skip_up=cython.double,
               log_ratio=cython.double, lexical_weight=cython.double, length_weight=cython.double,
               length_bonus=cython.double, length_scale=cython.double, length_bounded=cython.bint,
               length_most=cython.double, slack=cython.double, neg=cython.double, inf=cython.double,
               row_total=list, row_step=list, row_gain=list, previous_row=list, up=list, en_skip=list, zh_skip=list,
               terms=tuple)
def search(
    beads: Beads, lo: list[int], hi: list[int], n: int, m: int, cells: list[tuple[int, int, int, int, float]] | None = None
) -> tuple[list[tuple[int, int, int, int]], list[float | None]]:
    """Dynamic programming over the band; the best path as (i, a, j, b): a bead of Chinese i-a…i-1
    and English j-b…j-1, and the gain of each of its beads (None for a sentence left unpaired).
    `cells`, when given, receives (i, a, j, b, gain) for every cell of the band whose best step is a bead,
    on the path or not (for tests).

    Each bead is scored by `lexical_gain`, `length_gain` and `bead_gain`; what the loop adds is speed: the
    sizes and lengths of each span of one side looked up per row or column, the matched-unit counts computed
    a row at a time, and a bead passed over as soon as a bound shows it cannot win (tests/test_align_gain.py
    checks the gains of the path and of every cell against the formula computed bead by bead)."""
    p = beads.params
    if not all(1 <= a <= MAX_SPAN and 1 <= b <= MAX_SPAN for a, b in p.shapes):
        raise ValueError(f"bead shapes span 1 to {MAX_SPAN} sentences a side: {sorted(p.shapes)}")
    log_ratio, lexical_weight, length_weight = p.log_ratio, p.lexical_weight, p.length_weight
    length_terms = beads.length_terms
    inf = math.inf
    neg = -inf
    # Once a bead's lexical and length evidence is known, the rest of its gain (penalties, and its shape's
    # prior times a fragment discount in 0…1) adds at most max(prior, 0) when no cost is negative: a bead
    # that cannot beat the cell's best so far even then is passed over. `slack` covers rounding (gains are
    # sums of a few dozen terms, totals stay far below 10⁹), so that no bead that could win is skipped.
    bound = min(p.orphan, p.weak, p.kind_mismatch, p.paragraph, p.paragraph_inside) >= 0 and p.short > 0
    slack = 1e-6
    # Before that, the length evidence is taken at its most (`length_most`, per shape and row: the expected
    # length ratio exactly), so that most beads are passed over before the logarithm of their length ratio is
    # taken. Rounding is monotonic, so a bead passed over here would fail the test after it as well.
    length_bounded = bound and length_weight >= 0
    zh_skip, en_skip = beads.zh_skip, beads.en_skip
    zh_masks, en_masks = beads.zh_masks, beads.en_masks

    # The units of each sentence found in the one … MAX_SPAN sentences of the other side before an end point
    # (indices 1–MAX_SPAN; the union of the masks, nearest first), computed a row at a time; their orphan penalties (`side_orphans`) only for the few beads that get that far.
    nothing = (0,) * (MAX_SPAN + 1)
    spans = range(1, MAX_SPAN + 1)

    def zh_found_row(k: int) -> tuple[int, list[tuple[int, ...]]]:
        """Counts of Chinese sentence k at every English end point j of the rows k+1 … k+MAX_SPAN that use
        it: (first j, counts)."""
        first, last = min(lo[k + 1:k + 1 + MAX_SPAN]), max(hi[k + 1:k + 1 + MAX_SPAN])
        out = [nothing] * (last - first + 1)
        masks = zh_masks[k]
        if masks:
            get = masks.get
            for j in {l + d for l in masks for d in spans}:
                if first <= j <= last:  # the union of the masks, counted as it grows: most of the search's time is in these rows
                    one = get(j - 1, 0)
                    two = one | get(j - 2, 0)
                    three = two | get(j - 3, 0)
                    out[j - first] = (0, one.bit_count(), two.bit_count(), three.bit_count(),
                                      (three | get(j - 4, 0)).bit_count())
        return first, out

    def en_found_row(i: int) -> tuple[int, list[tuple[int, ...]]]:
        """Counts at Chinese end point i of the English sentences l that row i uses: (first l, counts)."""
        first, end = max(0, lo[i] - MAX_SPAN), hi[i]
        out = [nothing] * (end - first)
        one_masks, two_masks, three_masks, four_masks = [en_masks[i - d] if i >= d else {} for d in spans]
        for l in {*one_masks, *two_masks, *three_masks, *four_masks}:
            if first <= l < end:  # the same, for an English sentence
                one = one_masks.get(l, 0)
                two = one | two_masks.get(l, 0)
                three = two | three_masks.get(l, 0)
                out[l - first] = (0, one.bit_count(), two.bit_count(), three.bit_count(),
                                  (three | four_masks.get(l, 0)).bit_count())
        return first, out

    zh_side = _side_spans(n, beads.zh_bits, beads.zh_len, beads.en_llr)
    en_side = _side_spans(m, beads.en_bits, beads.en_len, beads.zh_llr)
    total: list[list[float]] = []
    step: list[list[tuple[int, int]]] = []
    gains: list[list[float]] = []  # of the bead taken into each cell (0.0 where a sentence is left unpaired)
    z_rows: list[tuple[int, list[tuple[int, ...]]]] = []
    for i in range(n + 1):
        low, high = lo[i], hi[i]
        row_total = [neg] * (high - low + 1)
        row_step = [(0, 0)] * (high - low + 1)
        row_gain = [0.0] * (high - low + 1)
        row_shapes = []
        if i >= 1:  # the counts of Chinese sentences i-1 … i-4 and of English ones at this row
            z_rows = [zh_found_row(i - 1)] + z_rows[:MAX_SPAN - 1]
            (z1_first, z1), (z2_first, z2), (z3_first, z3), (z4_first, z4) = (z_rows + [(0, None)] * 3)[:4]
            e_first, e_row = en_found_row(i)
            # Each shape with what it takes from this row and the row it starts on: the columns it can end
            # on (its start within that row's band), the totals there, the Chinese side's units, (hit -
            # miss, miss) of an English unit against them, its characters and their length terms.
            z_bits, z_len, z_llr = zh_side[i]
            for (a, b), prior in p.shapes.items():
                if a <= i:
                    gap_en, miss_en = z_llr[a]
                    terms = length_terms[z_len[a]]
                    length_most = length_weight * terms[0] if length_bounded and terms[1] >= 0 else inf
                    row_shapes.append((a, b, prior, max(prior, 0.0) + slack, lo[i - a] + b, hi[i - a] + b,
                                       total[i - a], z_bits[a], gap_en, miss_en, z_len[a], terms, length_most))
        up = total[i - 1] if i else None
        up_lo, up_hi = (lo[i - 1], hi[i - 1]) if i else (0, -1)
        skip_up = zh_skip[i - 1] if i else 0.0
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                row_total[0] = 0.0
                continue
            best, best_step = neg, (0, 0)
            if up_lo <= j <= up_hi:
                best, best_step = up[j - up_lo] - skip_up, (1, 0)
            if j > low and row_total[j - 1 - low] - en_skip[j - 1] > best:
                best, best_step = row_total[j - 1 - low] - en_skip[j - 1], (0, 1)
            if i == 0 or j == 0:
                row_total[j - low] = best
                row_step[j - low] = best_step
                continue
            e_bits, e_len, e_llr = en_side[j]
            # matched units of the sentences next to the cell (k = i-1 … i-4; l = j-1 … j-4)
            zf1 = z1[j - z1_first]
            zf2 = z2[j - z2_first] if z2 is not None else None
            zf3 = z3[j - z3_first] if z3 is not None else None
            zf4 = z4[j - z4_first] if z4 is not None else None
            ef1 = e_row[j - 1 - e_first]
            ef2 = e_row[j - 2 - e_first] if j >= 2 else None
            ef3 = e_row[j - 3 - e_first] if j >= 3 else None
            ef4 = e_row[j - 4 - e_first] if j >= 4 else None
            for (a, b, prior, cap, first, last, previous_row, total_zh, gap_en, miss_en, zh_length, terms,
                 length_most) in row_shapes:
                if j < first or j > last:
                    continue
                previous = previous_row[j - first]
                if previous == neg:
                    continue
                total_en = e_bits[b]
                gap_zh, miss_zh = e_llr[b]  # a Chinese unit's (hit - miss, miss) against the English side's size
                matched_zh = (zf1[b] if a == 1 else zf2[b] + zf1[b] if a == 2 else zf3[b] + zf2[b] + zf1[b] if a == 3
                              else zf4[b] + zf3[b] + zf2[b] + zf1[b])
                matched_en = (ef1[a] if b == 1 else ef2[a] + ef1[a] if b == 2 else ef3[a] + ef2[a] + ef1[a] if b == 3
                              else ef4[a] + ef3[a] + ef2[a] + ef1[a])
                gain = lexical_gain(matched_zh, total_zh, gap_zh, miss_zh, matched_en, total_en, gap_en, miss_en,
                                    lexical_weight)
                if previous + (gain + length_most) + cap <= best:
                    continue
                length_bonus, length_scale = terms
                gain += length_gain(e_len[b], zh_length, log_ratio, length_weight, length_bonus, length_scale)
                if bound and previous + gain + cap <= best:
                    continue
                # The rest of the gain (few beads get this far), with the counts of each sentence.
                gain = bead_gain(gain, beads, i, a, j, b, [zf[b] for zf in (zf4, zf3, zf2, zf1)[MAX_SPAN - a:]],
                                 [ef[a] for ef in (ef4, ef3, ef2, ef1)[MAX_SPAN - b:]], prior)
                if gain == neg:
                    continue
                candidate = previous + gain
                if candidate > best:
                    best, best_step = candidate, (a, b)
                    row_gain[j - low] = gain
            row_total[j - low] = best
            row_step[j - low] = best_step
        total.append(row_total)
        step.append(row_step)
        gains.append(row_gain)
    if cells is not None:
        cells.extend((i, a, j, b, gains[i][j - lo[i]])
                     for i in range(n + 1) for j, (a, b) in enumerate(step[i], lo[i]) if a and b)
    path = []
    path_gains: list[float | None] = []
    i, j = n, m
    while i or j:
        a, b = step[i][j - lo[i]]
        if not a and not b:  # a cell no step reached: fail loudly rather than loop here for ever
            raise RuntimeError(f"alignment search reached no path to ({i}, {j})")
        path.append((i, a, j, b))
        path_gains.append(gains[i][j - lo[i]] if a and b else None)
        i, j = i - a, j - b
    path.reverse()
    path_gains.reverse()
    return path, path_gains


def _side_spans(size: int, bits: list[int], length: list[int], llr: LlrTable) -> list[tuple[list, ...]]:  # type: ignore[type-arg]
    """For each prefix length i of one side and each span size d (1–MAX_SPAN) of the sentences i-d … i-1, what
    the search takes of it: its units, its characters, and (hit - miss, miss) of the other side's units
    against a span of its size."""
    gaps: dict[int, tuple[float, float]] = {}
    out = []
    for i in range(size + 1):
        d_bits, d_len, d_llr = row = ([None], [None], [None])  # indexed by d: nothing at 0
        for d in range(1, min(i, MAX_SPAN) + 1):
            units = bits[i] - bits[i - d]
            gap = gaps.get(units)
            if gap is None:
                hit, miss = llr[units]
                gap = gaps[units] = (hit - miss, miss)
            d_bits.append(units)
            d_len.append(length[i] - length[i - d])
            d_llr.append(gap)
        out.append(row)
    return out


def side_orphans(found: Sequence[int], units: Sequence[int], floor: float) -> float:
    """Orphan penalty of the many-side of a bead (2-1, 1-2, …): each sentence with less than `floor` of its
    units translated in the bead (`found` of `units`) is likelier an omission or addition glued to a
    neighbour's bead, the more so the less it has (a sentence of fewer than four units counts for less).
    Only against a sentence of the side that is translated: when none is, the bead has no lexical
    evidence to tell them apart (a short quotation, a name-free remark) and length alone decides."""
    penalty = 0.0
    supported = False
    for matched, size in zip(found, units):
        if not size:
            continue
        share = matched / size
        if share >= floor:
            supported = True
        else:
            penalty += (floor - share) / floor * min(1.0, size / 4)
    return penalty if supported else 0.0
