"""The flow for one document: segment → align → check, a section at a time (audit.sections). Reading happens
before, reporting after."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import Callable, Iterable

from audit.checks.base import Context, Options, Rule
from audit.checks.limits import DocumentBound
from audit.lexicon.glossary import Glossary
from audit.model import AlignedDocument, Document, DocumentResult, Finding
from audit.sections import SECTION_SENTENCES, sections

SUPPRESS_MARKER = "audit-ignore"

Keep = Callable[[DocumentResult], DocumentResult]


@dataclass
class Auditor:
    """Holds what every document of a run shares: the glossary and the selected rules."""

    glossary: Glossary
    rules: list[Rule]
    options: Options = field(default_factory=Options)
    section_sentences: int = SECTION_SENTENCES  # a longer article is audited in sections of this many sentences

    def run(self, document: Document, keep: Keep | None = None) -> DocumentResult:
        """The document's findings. An article longer than a section is checked section by section, so rules that
        look at the whole document (consistency, the names' document pass, coverage's calibration) see one
        section at a time; pair numbers, lines and columns are the article's own. `keep` shrinks each section's
        result to what the caller keeps (audit.run.compact_result), so a long article's pairs are let go as it
        goes, and its paragraphs too (audit.sections, `release`): such a caller never reads them again."""
        results = (self._check(section.aligned, section.restore_paragraphs)
                   for section in sections(document, self.glossary, self.section_sentences, release=keep is not None))
        return merge_sections(document, (keep(result) if keep else result for result in results))

    def _check(self, aligned: AlignedDocument, done: Callable[[], None]) -> DocumentResult:
        context = Context(self.glossary, self.options)
        findings: list[Finding] = []
        for rule in self.rules:
            findings.extend(rule.run(aligned, context))
        kept = [f for f in findings if not _suppressed(f, aligned)]
        kept.sort(key=_order)
        done()
        return DocumentResult(aligned, kept, suppressed=len(findings) - len(kept))


def merge_sections(document: Document, results: Iterable[DocumentResult]) -> DocumentResult:
    """The results of a document's sections, in order, as the document's one result: the only one as it is;
    several with their pairs numbered through (each finding's `pair_index` too), each rule kept to its bound for
    one document (audit.checks.limits). A section result compacted by `keep` makes the whole result compacted (its
    pairs listed by `pair_indices`, its sentences counted)."""
    parts = iter(results)
    first = next(parts)
    second = next(parts, None)
    if second is None:
        return first
    findings: list[Finding] = []
    merged = AlignedDocument(document, [], [], [])
    indices: list[int] = []
    sentences = [0, 0]
    suppressed = offset = 0
    compacted = False
    bound = DocumentBound()
    for result in chain((first, second), parts):
        admitted = bound.admit(result.findings)
        numbered = result.numbered_pairs()
        if result.pair_indices is not None and len(admitted) < len(result.findings):
            wanted = {f.pair_index for f in admitted}  # a compacted result keeps only the pairs its findings are at
            numbered = [(index, pair) for index, pair in numbered if index in wanted]
        for finding in admitted:
            if finding.pair_index is not None:
                finding.pair_index += offset
        findings.extend(admitted)
        indices.extend(index + offset for index, _ in numbered)
        merged.pairs.extend(pair for _, pair in numbered)
        merged.source.extend(result.aligned.source)
        merged.target.extend(result.aligned.target)
        counts = result.sentences or (len(result.aligned.source), len(result.aligned.target))
        sentences = [sentences[0] + counts[0], sentences[1] + counts[1]]
        suppressed += result.suppressed
        offset += result.pair_count
        compacted = compacted or result.pair_indices is not None or result.sentences is not None
    findings += bound.summaries()
    findings.sort(key=_order)
    if not compacted:
        return DocumentResult(merged, findings, suppressed)
    shell = Document(document.name, [], [], prealigned=document.prealigned)
    return DocumentResult(AlignedDocument(shell, [], [], merged.pairs), findings, suppressed, pair_indices=indices,
                          total_pairs=offset, sentences=(sentences[0], sentences[1]))


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
