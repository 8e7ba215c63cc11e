"""Bounds on what one rule may report for one document, so that no input can make a run or its reports
grow without limit (a fuzzed 15 KB article once gave 4,300 F002 findings and 670 MB of reports).

A rule's findings are taken one by one, as the rule yields them: at most `PER_PAIR` are listed for one sentence
pair (or one paragraph, for findings about the whole text such as F002's); what is left over becomes one
summary finding saying how many more there are. After `PER_DOCUMENT` findings the rule is not asked for more
(a rule gone wild on hostile input costs no more than its first findings), and one finding says so. A long
article audited in sections (audit.sections) is one document: `DocumentBound` keeps each rule to `PER_DOCUMENT`
findings over all its sections, so what a run holds of one article until its reports is bounded too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Hashable, Iterable

from audit.model import Finding

# On NTREX-128 (123 documents, 1,997 segments, all rules, bundled glossary) no rule gives more than 4 findings
# for one pair or for one document: the caps leave real articles untouched by a wide margin.
PER_PAIR = 10
PER_DOCUMENT = 200


def bounded(findings: Iterable[Finding]) -> list[Finding]:
    """The findings, capped per pair and per document, each overflow summed up in one finding."""
    kept: list[Finding] = []
    per_place: dict[Hashable, int] = {}  # a dict, not a Counter: built for every rule and document, most find nothing
    first_dropped: dict[Hashable, Finding] = {}  # place → its first finding past the cap
    stopped = False
    stream = iter(findings)
    for seen, finding in enumerate(stream, start=1):
        place = _place(finding)
        per_place[place] = per_place.get(place, 0) + 1
        if per_place[place] > PER_PAIR:
            first_dropped.setdefault(place, finding)
        else:
            kept.append(finding)
        if seen == PER_DOCUMENT:  # the rule is not asked for more
            stopped = next(stream, None) is not None
            break
    kept += [_summary(first, per_place[place] - PER_PAIR, stopped) for place, first in first_dropped.items()]
    return kept + [_document_summary(kept[0])] if stopped else kept


class DocumentBound:
    """`PER_DOCUMENT` findings of each rule over the sections of one article, taken in reading order; past it,
    one finding says the rule's findings were cut (as `bounded` says it of one section)."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._first_over: dict[str, Finding] = {}  # code → its first finding past the bound

    def admit(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings of one section still within their rule's bound."""
        kept = []
        for finding in findings:
            count = self._counts[finding.code] = self._counts.get(finding.code, 0) + 1
            if count <= PER_DOCUMENT:
                kept.append(finding)
            else:
                self._first_over.setdefault(finding.code, finding)
        return kept

    def summaries(self) -> list[Finding]:
        """One finding for each rule whose findings were cut."""
        return [_document_summary(first) for first in self._first_over.values()]


def _place(finding: Finding) -> Hashable:
    """A sentence pair, or for a finding placed at no pair, the paragraph (text) it is about."""
    if finding.pair_index is not None:
        return finding.pair_index
    return (finding.source_text, finding.target_text)


def _summary(first: Finding, count: int, stopped: bool) -> Finding:
    """One finding for the `count` findings not listed at a place (or more, when the rule was `stopped`),
    located as the first of them."""
    where = "sentence pair" if first.pair_index is not None else "paragraph"
    more = f"{'at least ' if stopped else ''}{count} more"
    return replace(first, message=f"{more} {first.code} finding{'s' if count != 1 or stopped else ''} in this {where} "
                   f"not listed (at most {PER_PAIR} are listed per {where})",
                   expected="", found="", suggestion="", source_marks=(), target_marks=())


def _document_summary(example: Finding) -> Finding:
    """The finding that says the rule was stopped, about the whole document."""
    return Finding(example.code, example.rule, example.severity,
                   f"more than {PER_DOCUMENT} {example.code} findings in this document: only the first {PER_DOCUMENT} "
                   "are listed (is this a news article?)")
