"""Which units of each sentence have a translation in each nearby sentence of the other side (bit masks)."""

from __future__ import annotations

import bisect

from audit.align.features import Sentence
from audit.align.params import MAX_SPAN


def match_masks(zh: list[Sentence], en: list[Sentence], lo: list[int], hi: list[int]) -> tuple[list[dict[int, int]], list[dict[int, int]]]:
    """For each Chinese sentence k and nearby English sentence l: which units of k have a translation in
    l (bit mask over k's units) and which units of l translate a unit of k (bit mask over l's units)."""
    # Per key, the English sentences holding it in order (and the unit's mask in each): a Chinese unit looks
    # only at those inside its reach (bisect), so that a word met in every tenth sentence of a long article
    # costs the few sentences nearby, not all of them.
    index: dict[str, tuple[list[int], list[int]]] = {}
    for l, sentence in enumerate(en):
        bit = 0
        for unit_keys, weight in zip(sentence.keys, sentence.weights):
            mask = ((1 << weight) - 1) << bit
            for key in unit_keys:
                entry = index.get(key)
                if entry is None:
                    entry = index[key] = ([], [])
                entry[0].append(l)
                entry[1].append(mask)
            bit += weight
    nowhere: tuple[list[int], list[int]] = ([], [])
    zh_masks: list[dict[int, int]] = []
    en_masks: list[dict[int, int]] = []
    reach = MAX_SPAN  # a bead spans up to MAX_SPAN sentences on either side
    for k, sentence in enumerate(zh):
        low = lo[max(0, k - reach)]
        high = hi[min(len(zh), k + 1 + reach)]
        z: dict[int, int] = {}
        e: dict[int, int] = {}
        bit = 0
        for unit_keys, weight in zip(sentence.keys, sentence.weights):
            mask = ((1 << weight) - 1) << bit
            for key in unit_keys:
                where, en_masks_of = index.get(key, nowhere)
                for position in range(bisect.bisect_left(where, low), bisect.bisect_left(where, high)):
                    l = where[position]
                    z[l] = z.get(l, 0) | mask
                    e[l] = e.get(l, 0) | en_masks_of[position]
            bit += weight
        zh_masks.append(z)
        en_masks.append(e)
    return zh_masks, en_masks



def transpose(masks: list[dict[int, int]], size: int) -> list[dict[int, int]]:
    """Masks indexed [k][l] → the same masks indexed [l][k]."""
    out: list[dict[int, int]] = [{} for _ in range(size)]
    for k, row in enumerate(masks):
        for l, mask in row.items():
            out[l][k] = mask
    return out

