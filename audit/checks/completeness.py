"""Completeness: every source sentence translated, nothing added."""

from __future__ import annotations

import math
from typing import Iterator, Sequence

from audit.align import bead_support, edge_room, length_fit, piece_room
from audit.align.features import GlossaryLike
from audit.checks.base import Context, Rule
from audit.model import AlignedDocument, AlignedPair, Finding, Segment, Severity
from audit.text import HAN_RUN

_KIND_LABEL = {"headline": "Headline", "dateline": "Dateline", "body": "Sentence"}


class OmittedSentence(Rule):
    """A source sentence has no counterpart in the translation.

    Why: an omitted sentence, headline or dateline silently changes what readers are told.
    Bad:  雙方的會談預計於12月6日仍將繼續進行。 → (nothing)
    Good: 雙方的會談預計於12月6日仍將繼續進行。 → "Talks were expected to continue on December 6."
    """

    code, name, severity = "O001", "omitted-sentence", Severity.ERROR
    severity_note = "warning for a dateline, or a sentence of a paragraph otherwise translated"

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        pairs = doc.pairs
        for k, pair in enumerate(pairs):
            if pair.source and not pair.target:  # what its paragraph says of it needs the beads around it
                yield self._unpaired(pair, translated_paragraph(pairs, k))
            else:
                yield from self.check_pair(pair, ctx)

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if len(pair.source) > 1 and pair.target:
            yield from _absorbed(self, pair, ctx, source=True)
        if pair.source and not pair.target:
            yield self._unpaired(pair, None)

    def _unpaired(self, pair: AlignedPair, rendering: list[Segment] | None) -> Finding:
        kind = pair.source[0].kind
        expected = "a translation of this " + kind.replace("body", "sentence")
        if rendering:
            # One English sentence often renders two Chinese ones; when the dictionary finds none of this one's
            # words there, only the paragraph says where it went: worth a look, not a blocker.
            return self.finding(
                "Sentence not found in the translation of its paragraph (it may be rendered freely with its "
                "neighbour)", pair, severity=Severity.WARNING, expected=expected,
                found=" ".join(sentence.text for sentence in rendering))
        # A missing dateline loses a date, not content: worth a look, not a blocker.
        severity = Severity.WARNING if kind == "dateline" else None
        return self.finding(f"{_KIND_LABEL[kind]} not translated", pair, severity=severity, expected=expected)


class AddedSentence(Rule):
    """A sentence of the translation has no counterpart in the source.

    Why: added text is either an editor's insertion that must be approved or a sentence from another
    article pasted by mistake.
    Bad:  對此,俄方尚未做出回應。 → "Russia has not issued any response."
    Bad:  (nothing) → "The minister also resigned on Friday."
    Good: 對此,俄方尚未做出回應。 → "Russia has not issued any response."
    """

    code, name, severity = "O002", "added-sentence", Severity.WARNING

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if len(pair.target) > 1 and pair.source:
            yield from _absorbed(self, pair, ctx, source=False)
        if pair.target and not pair.source:
            yield self.finding("Sentence has no counterpart in the source", pair, found=pair.target_text)


# A sentence joined to a bead (2-1, 1-2, …) with less than UNSUPPORTED of its units translated on the other side,
# while another sentence of its side has at least SUPPORTED (the aligner's orphan floor): an omission or
# addition the alignment absorbed. Chance matches give a deleted sentence up to about 0.2 of its units (NTREX-128
# dev, English sentences deleted). MIN_UNITS: a sentence of one unit (「好。」, "Yes.") gives nothing to judge.
SUPPORTED = 0.25
UNSUPPORTED = 0.2
MIN_UNITS = 3
# An English sentence is not reported when the bead's lengths need it: without it, the bead's length ratio would
# be LENGTH_NEEDED standard deviations further from the length model's mean than with it (`audit.align.length_fit`).
# A clause of free translation split off as a sentence of its own whose words the dictionary does not connect with
# the Chinese makes the lengths fit; an added sentence makes them worse (NTREX-128 dev, English split at clause
# boundaries: 5 of 22 false reports, none of the inserted sentences). Not on the Chinese side: a deleted English
# sentence beside a long one (the 2-1 trap) leaves English that the orphaned Chinese seems to fit (it cost 2 of
# 99 such deletions on dev).
LENGTH_NEEDED = 2.0


def translated_paragraph(pairs: Sequence[AlignedPair], k: int) -> list[Segment] | None:
    """The English of the paragraph of the unpaired Chinese sentence `pairs[k]` when the rest of that paragraph
    is translated as a paragraph: its other sentences are paired, with the sentences of one English paragraph
    that renders no other Chinese. None otherwise (a whole paragraph left out, or paragraphs that do not
    correspond there)."""
    paragraph = pairs[k].source[0].paragraph
    first = last = k
    while first > 0 and _only_in(pairs[first - 1], paragraph):
        first -= 1
    while last + 1 < len(pairs) and _only_in(pairs[last + 1], paragraph):
        last += 1
    english = [sentence for pair in pairs[first:last + 1] for sentence in pair.target]
    if not english or len({sentence.paragraph for sentence in english}) > 1:
        return None
    rendering = english[0].paragraph
    beside = [pairs[q] for q in (first - 1, last + 1) if 0 <= q < len(pairs)]
    if any(sentence.paragraph == rendering for pair in beside for sentence in pair.target):
        return None  # the English paragraph also renders Chinese of another paragraph
    return english


def _only_in(pair: AlignedPair, paragraph: int) -> bool:
    """Whether the bead holds Chinese sentences of this paragraph and of no other."""
    return bool(pair.source) and all(sentence.paragraph == paragraph for sentence in pair.source)


def absorbed_sentences(pair: AlignedPair, glossary: GlossaryLike | None = None) -> tuple[list[Segment], list[Segment]]:
    """The sentences of a many-side bead (Chinese ones, English ones) that have no evidence of their own in
    it: what O001 and O002 report of a bead, and what bench/align.py counts as their findings."""
    if not (pair.source and pair.target) or (len(pair.source) == 1 and len(pair.target) == 1):
        return [], []
    zh_support, en_support = bead_support(pair, glossary)
    en_absorbed = _unsupported(pair.target, en_support)
    if en_absorbed:
        _, en_needed = length_fit(pair)
        needed = {id(sentence) for sentence, need in zip(pair.target, en_needed) if need >= LENGTH_NEEDED}
        en_absorbed = [sentence for sentence in en_absorbed if id(sentence) not in needed]
        en_absorbed = _continuing(pair, en_absorbed, glossary)
    zh_absorbed = _rendered_aside(pair, _unsupported(pair.source, zh_support), glossary)
    return zh_absorbed, en_absorbed


def _rendered_aside(pair: AlignedPair, absorbed: list[Segment], glossary: GlossaryLike | None) -> list[Segment]:
    """The absorbed Chinese sentences of a bead save those a stretch of its English's clauses renders
    (`audit.align.edge_room`: on the sentence's side for a first or last one, any clause for one between)."""
    side = pair.source
    return [sentence for sentence in absorbed
            if not edge_room([s for s in side if s is not sentence], sentence, pair.target,
                             False if sentence is side[0] else True if sentence is side[-1] else None, glossary)]


def _continuing(pair: AlignedPair, absorbed: list[Segment], glossary: GlossaryLike | None) -> list[Segment]:
    """The absorbed English sentences of a bead save a first or last one that renders the stretch of the
    Chinese's clauses on its side that the rest of the English leaves unrendered (`audit.align.piece_room`)."""
    side = pair.target
    return [sentence for sentence in absorbed
            if sentence is not side[0] and sentence is not side[-1]
            or not piece_room([t for t in side if t is not sentence], sentence, pair.source, sentence is side[-1], glossary)]


def _unsupported(sentences: list[Segment], support: list[tuple[float, int]]) -> list[Segment]:
    if len(sentences) < 2 or max(share for share, _ in support) < SUPPORTED:
        return []
    return [sentence for sentence, (share, units) in zip(sentences, support)
            if share < UNSUPPORTED and units >= MIN_UNITS]


def _absorbed(rule: Rule, pair: AlignedPair, ctx: Context, *, source: bool) -> Iterator[Finding]:
    """Findings for the sentences of a many-side bead that have no evidence of their own."""
    zh_absorbed, en_absorbed = absorbed_sentences(pair, ctx.glossary)  # type: ignore[arg-type]
    for sentence in zh_absorbed if source else en_absorbed:
        if source:
            yield rule.finding(
                "Sentence likely not translated: almost none of its words is found in the English aligned with it",
                pair, severity=Severity.WARNING, source_loc=sentence.loc, source_text=sentence.text,
                expected="a translation of this sentence", found=pair.target_text)
        else:
            yield rule.finding(
                "Sentence likely has no counterpart in the source: almost none of its words is found in the Chinese "
                "aligned with it", pair, target_loc=sentence.loc, target_text=sentence.text, found=sentence.text)


# Prior for the English/Chinese length ratio in news (NTREX-128, 1,997 pairs): median 2.9, log σ 0.26.
_PRIOR_LOG_RATIO = math.log(2.9)
_PRIOR_SPREAD = 0.26
_MIN_CHINESE = 30  # Han characters; short sentences ("Big if true," he tweeted) vary too much to judge


class PartialTranslation(Rule):
    """A translation far shorter than its source, compared with the rest of the article.

    Why: a clause or half a sentence dropped inside a sentence leaves no unaligned sentence behind; only
    the length gives it away.
    Format: units
    Bad:  美國白宮於12月2日宣布,川普已終止前任政府對烏克蘭的“無休止”援助,理由是擔心資金被濫用,並強調不會為這場戰爭“開空白支票”。 → "On December 2, the White House made an announcement."
    Good: 美國白宮於12月2日宣布,川普已終止前任政府對烏克蘭的“無休止”援助,理由是擔心資金被濫用,並強調不會為這場戰爭“開空白支票”。 → "On December 2, the White House announced that Trump had terminated the previous administration’s “endless” aid to Ukraine, citing concerns over potential misuse of funds and emphasizing that the U.S. would not give a “blank check” for the war."
    """

    code, name, severity = "O003", "partial-translation", Severity.WARNING
    MAX_DEVIATION = 4.0  # robust z-score below which a pair is an outlier

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        ratios = [(p, _log_ratio(p)) for p in doc.pairs if p.source and p.target]
        centre, spread = _distribution([r for _, r in ratios])
        for pair, ratio in ratios:
            chinese = round(_chinese_length(pair.source_norm))
            if _han(pair.source_norm) < _MIN_CHINESE:
                continue
            z = (ratio - centre) / spread
            if z < -self.MAX_DEVIATION:
                expected = round(chinese * math.exp(centre))
                yield self.finding(
                    f"Translation is much shorter than its source ({len(pair.target_norm)} characters for "
                    f"{chinese} Chinese; about {expected} expected): part of it may be missing",
                    pair, expected=f"~{expected} characters", found=f"{len(pair.target_norm)} characters",
                )


def _chinese_length(text: str) -> float:
    """Han characters, plus Latin text kept in the Chinese ((Il faut bien le faire), Sainsbury's) at its
    English weight: it needs no more room in the translation than it takes in the source."""
    han = _han(text)
    other = len(text.replace(" ", "")) - han
    return han + other / math.exp(_PRIOR_LOG_RATIO)


def _han(text: str) -> int:
    return sum(map(len, HAN_RUN.findall(text)))  # runs, not characters: a third of the time


def _log_ratio(pair: AlignedPair) -> float:
    return math.log(max(1, len(pair.target_norm)) / max(1.0, _chinese_length(pair.source_norm)))


def _distribution(values: list[float]) -> tuple[float, float]:
    """Median and a robust spread of the article's own ratios, leaning on the news prior when it is short."""
    if len(values) < 8:
        return _PRIOR_LOG_RATIO, _PRIOR_SPREAD
    ordered = sorted(values)
    median = ordered[len(ordered) // 2]
    mad = sorted(abs(v - median) for v in values)[len(values) // 2] * 1.4826
    return median, max(mad, _PRIOR_SPREAD)
