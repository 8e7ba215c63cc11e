"""Reference scoring: when a trusted reference translation exists, sentences that stray far from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedDocument, Finding, Segment, Severity


@dataclass
class PairScore:
    pair_index: int
    chrf: float
    hypothesis: str
    reference: str


def reference_scores(doc: AlignedDocument, reference: list[Segment]) -> list[PairScore]:
    """chrF of every translated pair against the reference sentences aligned to the same Chinese sentences."""
    from sacrebleu.metrics import CHRF

    from audit.align import align

    by_source: dict[int, list[str]] = {}
    for bead in align(doc.source, reference):
        for segment in bead.source:
            by_source[segment.index] = [r.text for r in bead.target]
    chrf = CHRF()
    scores = []
    for index, pair in enumerate(doc.pairs):
        if not pair.source or not pair.target:
            continue
        ref = " ".join(dict.fromkeys(t for s in pair.source for t in by_source.get(s.index, [])))
        if ref:
            scores.append(PairScore(index, chrf.sentence_score(pair.target_text, [ref]).score, pair.target_text, ref))
    return scores


def corpus_scores(scores: list[PairScore]) -> str:
    """Corpus BLEU and chrF with sacrebleu's signatures, so the numbers can be reproduced and compared."""
    from sacrebleu.metrics import BLEU, CHRF

    hypotheses = [s.hypothesis for s in scores]
    references = [[s.reference for s in scores]]
    bleu, chrf = BLEU(), CHRF()
    b, c = bleu.corpus_score(hypotheses, references), chrf.corpus_score(hypotheses, references)
    return f"BLEU {b.score:.1f} ({bleu.get_signature()}), chrF {c.score:.1f} ({chrf.get_signature()})"


class LowReferenceScore(Rule):
    """A sentence far from the reference translation (sentence chrF), when the user gives one.

    Why: with a trusted reference (an earlier approved version, a second translator), the sentences that
    differ most are where meaning most likely drifted; the lowest few are listed for review.
    Reference: "Talks were expected to continue on December 6."
    Bad:  雙方的會談預計於12月6日仍將繼續進行。 → "The two sides ended their meeting."
    Good: 雙方的會談預計於12月6日仍將繼續進行。 → "The talks were due to continue on December 6."
    """

    code, name, severity = "R001", "low-reference-score", Severity.INFO
    LOW_CHRF = 35.0  # below this a sentence shares little with the reference: worth a look
    LISTED = 5  # at most this many lowest-scoring sentences per document

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        reference = ctx.options.reference.get(doc.document.name)
        if reference is None:
            return
        scores = reference_scores(doc, reference)
        for score in sorted(scores, key=lambda s: s.chrf)[:self.LISTED]:
            if score.chrf >= self.LOW_CHRF:
                break
            yield self.finding(
                f"chrF {score.chrf:.1f} against the reference: compare the meaning", doc.pairs[score.pair_index],
                expected=score.reference, found=score.hypothesis,
            )
