"""The flow for one document: segment → align → check. Reading happens before, reporting after."""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.align import align
from audit.checks.base import Context, Options, Rule
from audit.lexicon.glossary import Glossary
from audit.model import AlignedDocument, AlignedPair, Document, DocumentResult, Finding, Segment
from audit.segment import segment_blocks

SUPPRESS_MARKER = "audit-ignore"


@dataclass
class Auditor:
    """Holds what every document of a run shares: the glossary and the selected rules."""

    glossary: Glossary
    rules: list[Rule]
    options: Options = field(default_factory=Options)

    def run(self, document: Document) -> DocumentResult:
        source = segment_blocks(document.source, "zh")
        target = segment_blocks(document.target, "en")
        pairs = _unit_pairs(source, target) if document.prealigned else align(source, target, self.glossary)
        aligned = AlignedDocument(document, source, target, pairs)
        context = Context(self.glossary, self.options)
        findings: list[Finding] = []
        for rule in self.rules:
            findings.extend(rule.run(aligned, context))
        kept = [f for f in findings if not _suppressed(f, aligned)]
        kept.sort(key=_order)
        return DocumentResult(aligned, kept, suppressed=len(findings) - len(kept))


def _unit_pairs(source: list[Segment], target: list[Segment]) -> list[AlignedPair]:
    """Pairs given by the input format: the sentences of unit k on both sides form one bead (grouped in one
    pass: a file of many units costs in proportion to its size, not to units × sentences)."""
    units: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for segment in source:
        units.setdefault(segment.paragraph, ([], []))[0].append(segment)
    for segment in target:
        units.setdefault(segment.paragraph, ([], []))[1].append(segment)
    return [AlignedPair(*units[unit], 0.0) for unit in sorted(units)]


def _suppressed(finding: Finding, aligned: AlignedDocument) -> bool:
    """An inline `audit-ignore` (all rules) or `audit-ignore[N001,D001]` marker on the target sentence's line."""
    loc = finding.target_loc
    if loc is None or finding.pair_index is None:
        return False
    for segment in aligned.pairs[finding.pair_index].target:
        text = segment.text
        at = text.find(SUPPRESS_MARKER)
        if at < 0:
            continue
        rest = text[at + len(SUPPRESS_MARKER):]
        if not rest.startswith("["):
            return True
        codes = {c.strip().upper() for c in rest[1:rest.find("]")].split(",")}
        if finding.code in codes:
            return True
    return False


def _order(finding: Finding) -> tuple[int, int, str]:
    """Whole-document findings first, then in reading order of the aligned pairs."""
    return (-1 if finding.pair_index is None else finding.pair_index, -finding.severity, finding.code)
