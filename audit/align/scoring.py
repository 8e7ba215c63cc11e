"""An article's beads scored: the tables the bead gain reads (prefix sums, unit counts, costs of leaving a
sentence unpaired), and the confidence shown to people. The gain of a bead is `audit.align.search`'s, from these
tables; tests/test_align_gain.py scores beads again by the formula written plainly and holds the search to it."""

from __future__ import annotations

import math

from audit.align.features import Sentence, prefix_sums
from audit.align.matching import transpose
from audit.align.params import MAX_SPAN, Params
from audit.align.search import ZH_OFFSET, bead_gain, length_gain, lexical_gain

class Beads:
    """The tables a bead's gain is computed from, for one article."""

    def __init__(self, zh: list[Sentence], en: list[Sentence], masks: tuple[list[dict[int, int]], list[dict[int, int]]],
                 params: Params, paragraphs: bool) -> None:
        self.zh, self.en = zh, en
        self.zh_masks, self.en_masks = masks
        self.params = params
        self.paragraphs = paragraphs
        p = params
        self.zh_len, self.en_len = prefix_sums(s.length for s in zh), prefix_sums(s.length for s in en)
        self.zh_bits, self.en_bits = prefix_sums(s.bits for s in zh), prefix_sums(s.bits for s in en)
        self.zh_units, self.en_units = [s.bits for s in zh], [s.bits for s in en]
        # How short a sentence is, for the discount on joining a fragment to its neighbour (1: not short).
        en_per_zh = math.exp(p.log_ratio)
        self.zh_short = [min(1.0, s.length / p.short) for s in zh]
        self.en_short = [min(1.0, s.length / en_per_zh / p.short) for s in en]
        self.zh_body = [s.kind == "body" for s in zh]
        self.en_body = [s.kind == "body" for s in en]
        self.zh_start = [s.paragraph_start for s in zh]
        self.en_start = [s.paragraph_start for s in en]
        # Log-likelihood ratios of a unit matched / unmatched, by the size (bits) of the bead's other side.
        self.zh_llr = llr_table(p.zh_true, p.zh_random, p.typical_en_bits)
        self.en_llr = llr_table(p.en_true, p.en_random, p.typical_zh_bits)
        self.length_terms = length_terms(p)
        # A bead never holds the same sentence twice: a pasted duplicate is an addition (or omission).
        self.zh_repeat = [any(zh[k].text == zh[k - d].text for d in (1, 2) if k - d >= 0) for k in range(len(zh))]
        self.en_repeat = [any(en[l].text == en[l - d].text for d in (1, 2) if l - d >= 0) for l in range(len(en))]
        self.zh_skip = self._skip_costs(zh, self.zh_masks, _exact_copies(zh), params.echo_zh)
        self.en_skip = self._skip_costs(en, transpose(self.en_masks, len(en)), _exact_copies(en), params.echo_en)

    def _skip_costs(self, sentences: list[Sentence], masks: list[dict[int, int]], copies: set[int], echo: float) -> list[float]:
        """Cost of leaving each sentence unpaired: dearer when much of it is found in one or two adjacent
        sentences of the other side, unless it is a copy of another sentence of its own side."""
        p = self.params
        costs = []
        for k, sentence in enumerate(sentences):
            cost = p.skip
            if echo and sentence.bits and k not in copies and masks[k]:
                row = masks[k]
                best = max((row[l] | row.get(l + 1, 0)).bit_count() for l in row)
                share = best / sentence.bits
                if share > p.echo_floor:
                    cost += echo * (share - p.echo_floor) / (1 - p.echo_floor) * min(1.0, sentence.bits / 4)
            costs.append(cost)
        return costs

    def gain(self, i: int, a: int, j: int, b: int) -> float:
        """The gain of the bead of Chinese i-a…i-1 and English j-b…j-1, each input of the formula computed for this
        bead alone (the search computes them a row at a time; tests/test_align_gain.py holds the two equal)."""
        p = self.params
        spans = range(1, MAX_SPAN + 1)
        zh_found = [_found([self.zh_masks[k].get(j - d, 0) for d in spans])[b] for k in range(i - a, i)]
        en_found = [_found([self.en_masks[i - d].get(l, 0) if i >= d else 0 for d in spans])[a] for l in range(j - b, j)]
        total_zh = self.zh_bits[i] - self.zh_bits[i - a]
        total_en = self.en_bits[j] - self.en_bits[j - b]
        hit_zh, miss_zh = self.zh_llr[total_en]
        hit_en, miss_en = self.en_llr[total_zh]
        evidence = lexical_gain(sum(zh_found), total_zh, hit_zh - miss_zh, miss_zh, sum(en_found), total_en,
                                hit_en - miss_en, miss_en, p.lexical_weight)
        zh_chars = self.zh_len[i] - self.zh_len[i - a]
        evidence += length_gain(self.en_len[j] - self.en_len[j - b], zh_chars, p.log_ratio, p.length_weight,
                                *self.length_terms[zh_chars])
        return bead_gain(evidence, self, i, a, j, b, zh_found, en_found, p.shapes[(a, b)])

    def confidence(self, i: int, a: int, j: int, b: int, gain: float) -> float:
        """0…1 shown to people, from the bead's margin over leaving its sentences unpaired. On NTREX-128
        (dev part, clean and with wrong sentences pasted in) the share of exactly right beads is about 15 %
        below 0.27 (margin 2), 45 % below 0.5 (margin 4), 80 % below 0.88 (margin 8), 96 % over all.
        `gain`: the bead's gain, as the search found it (tests/test_align_gain.py holds it to the formula)."""
        if not a or not b:
            return 0.0
        margin = gain + sum(self.zh_skip[i - a:i]) + sum(self.en_skip[j - b:j])
        return 1.0 / (1.0 + math.exp(-(margin - 4.0) / 2.0))


def _found(masks: list[int]) -> tuple[int, ...]:
    """(0, units found in the nearest sentence, in the nearest two, …): from the mask of a sentence's units
    found in each sentence of the other side, nearest first."""
    out, union = [0], 0
    for mask in masks:
        union |= mask
        out.append(union.bit_count())
    return tuple(out)


def _exact_copies(sentences: list[Sentence]) -> set[int]:
    """Sentences whose text occurs more than once on their side (a pasted duplicate is an addition)."""
    seen: dict[str, list[int]] = {}
    for k, sentence in enumerate(sentences):
        seen.setdefault(sentence.text, []).append(k)
    return {k for group in seen.values() if len(group) > 1 for k in group}


class LlrTable(dict):  # type: ignore[type-arg]
    """(found, not found) log-likelihood ratios of a unit, by the number of units on the bead's other side."""

    def __init__(self, true_rate: float, random_rate: float, typical_bits: float) -> None:
        super().__init__()
        self.true_rate, self.random_rate, self.typical_bits = true_rate, random_rate, typical_bits

    def __missing__(self, bits: int) -> tuple[float, float]:
        chance = 1 - (1 - self.random_rate) ** (max(bits, 1) / self.typical_bits)
        value = self[bits] = _unit_llr(self.true_rate, chance)
        return value


_LLR_TABLES: dict[tuple[float, float, float], LlrTable] = {}


class LengthTerms(dict):  # type: ignore[type-arg]
    """(bonus, scale) of `search.length_gain` by the Chinese side's characters: the log ratio of the two
    Gaussians' heights, and the difference of their 1 / (2 variance), the true beads' variance shrinking with
    the Chinese side's length (`Params.variance`, `variance_per_char`)."""

    def __init__(self, variance: float, per_char: float, floor: float, sigma_random: float) -> None:
        super().__init__()
        self.variance, self.per_char, self.floor, self.random = variance, per_char, floor, sigma_random * sigma_random

    def __missing__(self, zh_chars: int) -> tuple[float, float]:
        variance = max(self.variance + self.per_char / (zh_chars + ZH_OFFSET), self.floor)
        value = self[zh_chars] = (0.5 * math.log(self.random / variance), 0.5 / variance - 0.5 / self.random)
        return value


_LENGTH_TERMS: dict[tuple[float, float, float, float], LengthTerms] = {}


def length_terms(params: Params) -> LengthTerms:
    """One table per length model, shared by every alignment."""
    key = (params.variance, params.variance_per_char, params.sigma, params.sigma_random)
    table = _LENGTH_TERMS.get(key)
    if table is None:
        table = _LENGTH_TERMS[key] = LengthTerms(params.variance, params.variance_per_char, params.sigma * params.sigma,
                                                 params.sigma_random)
    return table


def llr_table(true_rate: float, random_rate: float, typical_bits: float) -> LlrTable:
    """One table per set of rates, shared by every alignment (its values depend on the rates alone)."""
    key = (true_rate, random_rate, typical_bits)
    table = _LLR_TABLES.get(key)
    if table is None:
        table = _LLR_TABLES[key] = LlrTable(true_rate, random_rate, typical_bits)
    return table


def _unit_llr(true_rate: float, chance: float) -> tuple[float, float]:
    """Log-likelihood ratios of a unit found / not found on the other side of a bead."""
    chance = min(chance, 0.98)  # a huge sentence makes a chance match near-certain; keep both logs defined
    found = max(true_rate, chance + 0.01)
    return math.log(found / chance), math.log((1 - found) / (1 - chance))


# Sentences aligned in one search. A longer article (none of NTREX-128's reaches 100) is aligned a window at a
# time: each window's beads up to COMMIT sentences are kept and the next window starts where they end, so that
