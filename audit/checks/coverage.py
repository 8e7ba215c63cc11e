"""Coverage inside a pair: a clause of the source with nothing of it in the translation, and the reverse."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.checks.completeness import _distribution, _log_ratio  # O003's length ratios: one way to measure them
from audit.lexicon.dictionary import content_stem, english_token_matches, load_dictionary
from audit.lexicon.evidence import Clause, PairEvidence, pair_evidence
from audit.model import AlignedDocument, AlignedPair, Finding, Severity
from audit.normalize import original_span
from audit.remembered import SENTENCES, Remembered

# A clause is reported when few of its units have a counterpart although the rest of the pair has many:
# the chance of that, were the clause translated, is binomial in its words with p the share of the pair's
# other units that have one (leaning on the article's share when the pair is short). The pair's length
# against the article's own length ratios (O003's robust z-score) weighs in: a translation short for its
# source makes an omission likelier (exp(LENGTH_WEIGHT · z)), a long one an addition. Set on NTREX-128's
# dev part (bench/inject_completeness.py: the chances of the clauses of 1,664 clean pairs against those of
# the pairs holding 192 deleted and 110 inserted comma clauses, each weight tried at the same false alarms):
# a weight of 4 finds 0.35 of the deletions (0.29 at 2) and 0.41 of the insertions (0.36) at one clause
# per 100 clean pairs. Each rule's thresholds are the chances that let about 0.2 (warning) and 1 (info) of its
# findings per 100 clean dev pairs through (O004's evidence leaves out function words, which makes room).
LENGTH_WEIGHT = 4.0
PRIOR_UNITS = 10  # the article's share weighs as much as this many units of the pair
CHARACTERS_PER_WORD = 2  # Chinese units are characters; a dictionary word holds about two
# A clause a neighbouring pair covers this well is rendered there (half the share of units with a
# counterpart in NTREX-128's dev pairs, 0.55), by the words of its English that its own Chinese does not
# explain (_unexplained): 说 / "said", 美方 / "U.S." recur in every pair and made deleted clauses look rendered next door.
NEIGHBOUR_SHARE = 0.25
MAX_SHARE = 0.9  # no pair is that literal: a share above it would make any miss look like an omission
# A binomial's chance of at most its mean is at least a half (its median is ⌊np⌋ or ⌈np⌉), less a margin
# for the rounding of the sum: a clause with as many counterparts as expected is rejected unsummed.
MEDIAN_CHANCE = 0.49
_SPEAKER = re.compile(r"\s*[:：]\s*[「『“\"]")  # a clause that introduces a quotation: 他说：「


# A pair's evidence, computed once per text pair and glossary (audit.remembered: the entry holds the glossary, so
# that no other glossary can take the id that keys it while it lives).
_EVIDENCE: Remembered[PairEvidence] = Remembered(SENTENCES)


def _evidence(pair: AlignedPair, ctx: Context) -> PairEvidence:
    return _EVIDENCE.get((pair.source_norm, pair.target_norm, id(ctx.glossary)), ctx.glossary,
                         lambda: pair_evidence(pair.source_norm, pair.target_norm, ctx.glossary))


@dataclass(frozen=True)
class _Article:
    """What both rules read of one article: its pairs with both sides (and their index), their evidence, the
    article's share of units with a counterpart on each side, and the pairs' length ratios (O003's)."""

    pairs: list[tuple[int, AlignedPair]]
    evidence: list[PairEvidence]
    share: dict[str, float]
    ratios: list[float]
    centre: float
    spread: float


_LAST: list[tuple[AlignedDocument, object, _Article]] = []  # O004 then O005 read the same article: built once


def _article(doc: AlignedDocument, ctx: Context) -> _Article:
    if _LAST and _LAST[0][0] is doc and _LAST[0][1] is ctx.glossary:
        return _LAST[0][2]
    both = [(i, p) for i, p in enumerate(doc.pairs) if p.source and p.target]
    evidence = [_evidence(p, ctx) for _, p in both]
    ratios = [_log_ratio(p) for _, p in both]
    article = _Article(both, evidence, {side: _share(evidence, side) for side in ("zh", "en")}, ratios,
                       *_distribution(ratios))
    _LAST[:] = [(doc, ctx.glossary, article)]
    return article


def _share(pairs: list[PairEvidence], side: str) -> float:
    """The article's share of units with a counterpart on one side."""
    clauses = [c for evidence in pairs for c in getattr(evidence, side)]
    units = sum(c.units for c in clauses)
    return sum(c.matched for c in clauses) / units if units else 0.5


def rate(units: int, matched: int, article_share: float) -> float:
    """The share of units with a counterpart expected of a clause, from the rest of its pair (`units` and
    `matched` of its other clauses), leaning on the article's share."""
    return min(MAX_SHARE, (matched + PRIOR_UNITS * article_share) / (units + PRIOR_UNITS))


def chance(words: int, found: int, share: float) -> float:
    """How likely a translated clause of `words` words would find at most `found` counterparts at this rate:
    the binomial chance of at most `found` among `words`."""
    return sum(math.comb(words, k) * share ** k * (1 - share) ** (words - k) for k in range(found + 1))


def _disjoint(found: list[tuple[float, Clause, tuple[bool, bool]]]) -> list[tuple[float, Clause, tuple[bool, bool]]]:
    """The likeliest omissions (lowest odds) first, each kept when it overlaps none kept before, in text order."""
    if len(found) < 2:
        return found  # most pairs: nothing, or one clause
    kept: list[tuple[float, Clause, tuple[bool, bool]]] = []
    for item in sorted(found, key=lambda item: item[0]):
        if all(item[1].end <= other.start or other.end <= item[1].start for _, other, _ in kept):
            kept.append(item)
    return sorted(kept, key=lambda item: item[1].start)


def _unexplained(pair: AlignedPair) -> str:
    """A pair's English with the words its own Chinese glosses blanked, one occurrence per place the Chinese
    says it (美方 once explains one "U.S." of two): what is left may render a neighbouring pair's clause."""
    places: dict[str, list[int]] = {}  # a stem's glossing words' spans, merged where they overlap: one place each
    for start, end, stems in load_dictionary().words_in(pair.source_norm):
        for stem in stems:
            spans = places.setdefault(stem, [])
            if spans and start < spans[-1]:
                spans[-1] = max(spans[-1], end)
            else:
                spans.append(end)
    budget = {stem: len(spans) for stem, spans in places.items()}
    text = pair.target_norm
    pieces, after = [], 0  # joined once: a slice per blanked word would be quadratic on one very long sentence
    for match in english_token_matches(text):
        stem = content_stem(match.group())
        if stem is not None and budget.get(stem, 0) > 0:
            budget[stem] -= 1
            pieces += [text[after:match.start()], " " * (match.end() - match.start())]
            after = match.end()
    return "".join(pieces) + text[after:]


class _CoverageRule(Rule):
    side: str  # "zh" or "en": the side whose clauses are judged
    length_sign: int  # 1: a short translation supports the finding (omission); -1: a long one (addition)
    per_word = 1
    min_units = 0
    min_rest = 0  # units the rest of the pair must hold to say how literal the pair is
    max_run = 1  # neighbouring clauses judged together as one stretch
    headline_info = False  # a finding in a headline is at most an info
    WARNING_CHANCE: float  # each rule's own: a finding's odds under it is a warning
    INFO_CHANCE: float  # and under this an info

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        for _index, pair, clause, odds in self.candidates(doc, ctx):
            warning = odds < self.WARNING_CHANCE and not (self.headline_info and pair.source[0].kind == "headline")
            yield self.report(pair, clause, Severity.WARNING if warning else Severity.INFO)

    def candidates(self, doc: AlignedDocument, ctx: Context) -> Iterator[tuple[int, AlignedPair, Clause, float]]:
        """The clauses, or stretches of up to `max_run` neighbouring clauses (with their pair, its index and the
        odds), whose chance of being translated with so few counterparts is under INFO_CHANCE, that overlap
        no likelier one, and that the neighbouring pairs do not render."""
        article = _article(doc, ctx)
        share, centre, spread = article.share[self.side], article.centre, article.spread
        for (index, pair), evidence, ratio in zip(article.pairs, article.evidence, article.ratios):
            clauses = getattr(evidence, self.side)
            if len(clauses) < 2:
                continue  # the whole sentence is the clause: the sentence rules judge it
            length = math.exp(self.length_sign * LENGTH_WEIGHT * (ratio - centre) / spread)
            units, matched = sum(c.units for c in clauses), sum(c.matched for c in clauses)
            likely = MEDIAN_CHANCE * length >= self.INFO_CHANCE
            found = []
            for first, last, run_units, run_matched in self.runs(clauses):
                if run_units < self.min_units or units - run_units < self.min_rest:
                    continue  # too short to judge; or the rest of the pair is ("As of now", "Reed said"): it
                    # cannot say how literal the pair is, and the clause is the sentence, the sentence rules' to judge
                expected = rate(units - run_units, matched - run_matched, share)
                words, hits = round(run_units / self.per_word), round(run_matched / self.per_word)
                if likely and hits >= words * expected:
                    continue  # as many as expected or more (most clauses): no need to sum the chance
                odds = chance(words, hits, expected) * length
                if odds < self.INFO_CHANCE:
                    run = clauses[first] if first == last else Clause(
                        clauses[first].start, clauses[last].end, run_units, run_matched)
                    found.append((odds, run, (first == 0, last == len(clauses) - 1)))
            for odds, run, edge in _disjoint(found):
                if not self.in_neighbour(doc.pairs, index, pair, run, edge, ctx):
                    yield index, pair, run, odds  # else the aligner cut inside a sentence: rendered next door

    def runs(self, clauses: tuple[Clause, ...]) -> list[tuple[int, int, int, int]]:
        """Each stretch of one to `max_run` neighbouring clauses, short of the whole sentence: its first and last
        clause, its units and matched units. A clause pasted in is cut at its commas and conjunctions ("trimmed
        with raffia fringing", "and topped with a white leather handle"), each piece too short to judge."""
        count = len(clauses)
        if self.max_run == 1:
            return [(place, place, clause.units, clause.matched) for place, clause in enumerate(clauses)]
        out = []
        for first in range(count):
            units = matched = 0
            for last in range(first, min(count, first + self.max_run)):
                units, matched = units + clauses[last].units, matched + clauses[last].matched
                if last - first + 1 < count:
                    out.append((first, last, units, matched))
        return out

    def in_neighbour(self, pairs: list[AlignedPair], index: int, pair: AlignedPair, clause: Clause,
                     edge: tuple[bool, bool], ctx: Context) -> bool:
        """Whether a clause at the start (end) of its pair has its counterpart in the pair before (after): in
        the words of that pair's English its own Chinese does not explain."""
        norm = pair.source_norm if self.side == "zh" else pair.target_norm
        # A speaker before a quotation (哈利斯告诉美联社：「…) is said in English after it, where the quotation
        # ends: in the pair after when it runs on into the next sentence.
        speaker = edge[0] and _SPEAKER.match(norm, clause.end) is not None
        for first, step in ((edge[0], -1), (edge[1] or speaker, 1)):
            at = index + step
            if not first or not 0 <= at < len(pairs):
                continue
            other = pairs[at]
            text = self.clause_text(pair, clause)
            found = (pair_evidence(text, _unexplained(other), ctx.glossary).zh if self.side == "zh"
                     else pair_evidence(other.source_norm, text, ctx.glossary).en)
            units = sum(c.units for c in found)
            if units and sum(c.matched for c in found) >= NEIGHBOUR_SHARE * units:
                return True
        return False

    def clause_text(self, pair: AlignedPair, clause: Clause) -> str:
        norm = pair.source_norm if self.side == "zh" else pair.target_norm
        return norm[clause.start:clause.end]

    def report(self, pair: AlignedPair, clause: Clause, severity: Severity) -> Finding:
        raise NotImplementedError


class OmittedClause(_CoverageRule):
    """A clause of the source has nothing of it in the translation, while the rest of the sentence does.

    Why: a clause dropped inside a sentence leaves no untranslated sentence behind; its words, numbers and
    names are simply missing from a translation that renders the rest word for word.
    Bad:  俄羅斯總統普京週二在莫斯科會見美國特使威特科夫，雙方討論了結束戰爭的和平計畫。 → "Russian President Putin met U.S. special envoy Witkoff in Moscow on Tuesday."
    Good: 俄羅斯總統普京週二在莫斯科會見美國特使威特科夫，雙方討論了結束戰爭的和平計畫。 → "Russian President Putin met U.S. special envoy Witkoff in Moscow on Tuesday, and the two sides discussed a peace plan to end the war."
    """

    code, name, severity = "O004", "omitted-clause", Severity.WARNING
    severity_note = "info when the evidence is weaker, and in a headline"
    side, length_sign = "zh", 1
    per_word = CHARACTERS_PER_WORD
    # An English headline is telegraphic, its Chinese spelled out ("WW1 Victoria Cross cleric celebrated" for
    # 第1次世界大战维多利亚十字勋章牧师，后人为他庆祝): NTREX dev's headlines hold 6 of this rule's 26 clean
    # findings in 92 of 1,665 pairs, five times a body sentence's rate.
    headline_info = True
    min_units = 6  # characters of dictionary words: a clause of one or two words is too short to judge
    WARNING_CHANCE = 0.00003  # NTREX dev: 0.24 warnings per 100 clean pairs, 0.28 of deleted clauses
    # 0.0003 before the neighbour test left out the words the neighbour's own Chinese explains (3 more clean
    # clauses through on dev).
    INFO_CHANCE = 0.00024  # NTREX dev: 1.44 infos per 100 clean pairs, 0.68 of deleted clauses at any severity

    def report(self, pair: AlignedPair, clause: Clause, severity: Severity) -> Finding:
        norm = pair.source_norm
        quoted = original_span(pair.source_text, norm, clause.start, clause.end) or norm[clause.start:clause.end]
        return self.finding(
            f"Clause not translated: 「{quoted}」 has no counterpart in the translation", pair, severity=severity,
            expected=f"a translation of 「{quoted}」", found="nothing of it", source_marks=(quoted,),
        )


class AddedClause(_CoverageRule):
    """A clause of the translation has nothing of it in the source, while the rest of the sentence does.

    Why: a phrase pasted from another article, or an editor's addition, sits inside a sentence that is
    otherwise faithful; an info when the clause is short and the evidence weak. Up to three neighbouring
    clauses are judged as one stretch, as a pasted phrase is cut at its commas and conjunctions.
    Bad:  俄羅斯總統普京週二在莫斯科會見美國特使威特科夫。 → "Russian President Putin met U.S. special envoy Witkoff in Moscow on Tuesday, after heavy rain flooded the county's coastal farms."
    Good: 俄羅斯總統普京週二在莫斯科會見美國特使威特科夫。 → "Russian President Putin met U.S. special envoy Witkoff in Moscow on Tuesday."
    """

    code, name, severity = "O005", "added-clause", Severity.WARNING
    severity_note = "info when the clause is short or the evidence weaker"
    side, length_sign = "en", -1
    min_units = 3  # content words
    # "As of now, [there are no signs of viewer fatigue]", "[...], Reed said": one word tells nothing. NTREX dev:
    # 2 of the 3 clean warnings, no inserted clause lost at warning (2 of 110 at info).
    min_rest = 2
    max_run = 3  # NTREX dev: 0.41 of inserted clauses at one finding per 100 clean pairs, 0.38 clause by clause
    WARNING_CHANCE = 0.000015  # NTREX dev: 0.12 warnings per 100 clean pairs, 0.28 of inserted clauses
    INFO_CHANCE = 0.0001  # NTREX dev: 0.54 infos per 100 clean pairs, 0.33 of inserted clauses at any severity

    def report(self, pair: AlignedPair, clause: Clause, severity: Severity) -> Finding:
        quoted = pair.target_norm[clause.start:clause.end]
        original = pair.target_text[clause.start:clause.end] if pair.target_text.find(quoted) < 0 else quoted
        return self.finding(
            f"Clause has no counterpart in the source: \"{original}\"", pair, severity=severity,
            expected="a source for this clause", found=original, target_marks=(original,),
        )
