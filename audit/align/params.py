"""The aligner's parameters: the bead score's rates, weights and costs, with where each value comes from."""

from __future__ import annotations

from dataclasses import dataclass, field


# The most sentences a bead holds on one side: free translation splits a long Chinese sentence into up to four
# English ones (and joins up to four short ones), as in the literary and news samples.
MAX_SPAN = 4


@dataclass(frozen=True)
class Params:
    """The bead score's model; rates measured and weights tuned on the dev part of NTREX-128 (bench/align.py).

    Each piece of evidence scores as a log-likelihood ratio: how much likelier it is between sentences
    that translate each other than between unrelated sentences nearby.
    """

    # The length model, measured on the dev part's gold beads (`python bench/align.py --fit`): mean log(English
    # characters / Chinese characters) of true beads (held-out: 1.282), and its spread between unrelated nearby
    # sentences (held-out: 0.683). The spread of true beads shrinks as they grow (Gale & Church 1993: the length
    # of a translation varies as the length of its source): its variance is `variance` plus `variance_per_char`
    # over the Chinese characters + 1, from least squares on the dev part's beads (held-out: 0.006 + 0.88 / …;
    # standard deviation 0.29 under 10 characters, 0.18 at 30–40, 0.13 over 90; one spread for all was 0.186).
    # The spread is never taken below the one measured over all beads (`sigma`, held-out 0.190): a free
    # translation's long sentences vary more than NTREX's (the seed article: a clause moved to the next English
    # sentence left it unpaired).
    log_ratio: float = 1.266
    sigma: float = 0.186
    variance: float = 0.0154
    variance_per_char: float = 0.522
    sigma_random: float = 0.754
    # Share of units (words, anchors) with a translation on the other side: true pairs, unrelated pairs.
    zh_true: float = 0.53
    zh_random: float = 0.088
    en_true: float = 0.62
    en_random: float = 0.101
    # The random rates above hold against a sentence of typical size (units, anchors counted double); a
    # unit finds a chance translation the more easily the more units the other side of its bead has.
    typical_zh_bits: float = 16.7
    typical_en_bits: float = 13.8
    lexical_weight: float = 0.3  # units are not independent evidence: the ratio is damped
    length_weight: float = 1.0
    anchor_bits: int = 2  # an anchor (number, Latin token, glossary name) weighs as much as this many words
    skip: float = 3.0  # cost of a sentence without a partner
    # …plus this much when the sentence's words are found in nearby sentences of the other side (its
    # share of units translated by the best one or two adjacent sentences, beyond `echo_floor`): free
    # translation moves clauses across sentence boundaries, and such a sentence is no omission.
    # (On the Chinese side it cost omission recall on NTREX: news sentences share their topic words.)
    echo_zh: float = 0.0
    echo_en: float = 8.0
    echo_floor: float = 0.35
    # Log prior of a bead shape; 1-1 is by far the most common in news. 4-1 and 1-4 (free translation joining or
    # splitting sentences): NTREX's dev part gives the same numbers from -6 to -9 (its five such beads found
    # either way); -7.5, the step of the smaller shapes, left a sentence of four merged ones unaligned
    # (tests/test_align.py), -7 does not.
    shapes: dict[tuple[int, int], float] = field(
        default_factory=lambda: {(1, 1): 0.0, (2, 1): -2.5, (1, 2): -2.5, (2, 2): -5.0, (3, 1): -5.0, (1, 3): -5.0,
                                 (3, 2): -5.0, (2, 3): -5.0, (4, 1): -7.0, (1, 4): -7.0}
    )
    # A sentence of a many-side (2-1, 1-2, …) with less than orphan_floor of its units translated in the
    # bead costs up to `orphan`: it is likelier an omission or addition than part of the bead.
    orphan: float = 2.0
    orphan_floor: float = 0.25
    # A bead whose share of translated units is below weak_floor (chance is about 0.1) costs up to `weak`:
    # two unrelated sentences side by side are an omission and an addition, not a pair. Off: on NTREX it
    # raised false omissions in clean text more than it found wrong sentences (their pairs score low anyway).
    weak: float = 0.0
    weak_floor: float = 0.25
    # A fragment shorter than this many Chinese characters (or their English equivalent) costs less to
    # join to a neighbour: 「…？」他說。 split after the question mark is one sentence in spirit.
    short: float = 8.0
    kind_mismatch: float = 4.0  # headline or dateline against body text
    paragraph: float = 1.0  # a bead's first sentences, one a paragraph start and one not (both sides have paragraphs)
    # A bead holding the end of one paragraph and the start of the next on one side costs as much as leaving a
    # sentence unpaired (`skip`): the Chinese of a deleted English paragraph glued to its neighbour's bead is
    # then no cheaper than reported. At 1.0 (as `paragraph`), NTREX-128 as pairs of files of paragraphs with
    # the paragraph beside the longest deleted (bench/inject_sentences.py) lost 3 of 99 (dev) and 1 of 24
    # (held-out) that way; at 2.0 1 of 99; at 3.0 none, no other number of that bench moving.
    paragraph_inside: float = 3.0
    band: int = 5  # half-width of the search band (laid again around the path where the path met its edge)


DEFAULT = Params()
