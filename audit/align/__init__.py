"""Sentence alignment: dynamic programming over scored beads, in a band that follows the text.

A bead pairs 1–3 Chinese sentences with 1–3 English ones (1-1, 2-1, 1-2, 2-2, 3-1, 1-3, 3-2, 2-3), or one with
four (4-1, 1-4: free translation joins and splits sentences); a
sentence left alone is a 1-0 bead (an omission) or a 0-1 bead (an addition). A bead's gain is a damped
log-likelihood ratio (how much likelier its evidence is between translations than between unrelated
sentences), from several signals:

- lexical: each Chinese word (longest dictionary match; function words skipped) that has a translation
  among the bead's English words, and each English content word that translates one of its Chinese words
  (CC-CEDICT stems, `audit.lexicon.dictionary`); the chance of a match grows with the other side's size.
  Anchors weigh double: numbers (五 = five, 3億 = 300 million, 12月 = December), Latin tokens kept in the
  Chinese (Su-24), glossary names (普丁 → Putin);
- length: log(English characters / Chinese characters) ≈ 1.27 ± 0.19 in news (NTREX-128), a Gaussian
  against the spread of unrelated pairs (Gale & Church, fitted to Chinese–English), wider for short sentences
  (± 0.29 under 10 Chinese characters);
- shape: a log prior per bead shape, lighter when the extra sentence is a fragment (「…？」他說。);
- orphans: a sentence of a many-side with almost nothing of its own translated costs extra (it is likelier
  an omission or addition than part of the bead); a bead never holds the same sentence twice;
- structure, as soft evidence: headline and dateline only with their like; paragraph starts with
  paragraph starts, and a bead that joins two paragraphs of one side costs as much as a sentence left
  unpaired, when both sides have paragraphs.

Leaving a sentence unpaired has a fixed cost; an English sentence whose words are found in the Chinese
nearby (free translation moving a clause across a sentence boundary) costs more to leave unpaired.
After the search, a Chinese sentence left unpaired beside a bead joins it when the bead's English has, on its
side, a clause that holds nothing of the bead's Chinese and the lengths admit it there (`edge_room`): one
English sentence rendering two Chinese ones whose words the dictionary misses. An English sentence left
unpaired joins one when it holds words of a clause of the bead's Chinese that the bead's English leaves
unrendered (`piece_room`): a long sentence translated as two.
The search runs in a band around a line through anchors (words found once on each side) and, between
them, through equal shares of characters; when the best path runs along the band's edge the band is
laid again around that path. Time and memory grow linearly with the article's length.

Modules, in the order the work is done: `features` (what is measured of each sentence: units, lengths;
`numbers` for its number keys), `band` (where the search looks), `matching` (which units meet across),
`scoring` (the article's tables and any bead's gain, with `search`'s formula), `search` (the dynamic
programming; compiled with `features` by setup.py), `aligner` (windows over long articles, the public entry).
"""

from audit.align.aligner import align, bead_support, edge_room, length_fit, piece_room, warm_up
from audit.align.numbers import en_numbers, zh_number_spans, zh_numbers
from audit.align.params import DEFAULT, Params

__all__ = ["DEFAULT", "Params", "align", "bead_support", "edge_room", "en_numbers", "length_fit", "piece_room", "warm_up", "zh_number_spans", "zh_numbers"]
