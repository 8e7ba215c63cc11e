"""A self-contained HTML report: side-by-side aligned text, highlighted discrepancies, filters.

The page loads nothing from the network: CSS and JS are inline, and a Content-Security-Policy
allows only the page's own script (by hash), so even a mistake in escaping could not run code
smuggled in through article text.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from audit.model import AlignedPair, DocumentResult, Finding, Segment, Severity
from audit.report.atomic import write_atomic

TEMPLATE = "report.html.j2"
SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass
class FindingView:
    id: str  # unique on the page: links marks to the finding they belong to
    finding: Finding
    source_excerpt: Markup = Markup()  # only for document findings, which have no pair to show
    target_excerpt: Markup = Markup()

    @property
    def sev(self) -> str:
        return self.finding.severity.label


@dataclass
class SegmentView:
    line: int
    html: Markup


@dataclass
class PairView:
    number: int  # 1-based, as people count
    anchor: str
    kind: str
    kind_note: str  # "omission" / "addition" / ""
    score: float
    source: list[SegmentView]
    target: list[SegmentView]
    findings: list[FindingView]

    @property
    def worst(self) -> str:
        return max(f.finding.severity for f in self.findings).label if self.findings else ""


@dataclass
class DocView:
    anchor: str
    name: str
    counts: dict[str, int]
    suppressed: int
    doc_findings: list[FindingView]
    pairs: list[PairView]


@dataclass
class RuleView:
    code: str
    rule: str
    count: int


@dataclass
class PageView:
    docs: list[DocView]
    counts: dict[str, int]
    rules: list[RuleView]
    total_findings: int
    total_pairs: int
    suppressed: int
    meta: dict[str, str] = field(default_factory=dict)


def render_html(results: list[DocumentResult], meta: dict[str, str]) -> str:
    return _environment().get_template(TEMPLATE).render(page=_page(results, meta))


def write_html(results: list[DocumentResult], path: Path, meta: dict[str, str]) -> None:
    # Render fully before touching the disk: a rendering error leaves any old report intact.
    text = render_html(results, meta)
    write_atomic(path, text.encode("utf-8"))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["csp_hash"] = _csp_hash
    return env


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(str(script).encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _page(results: list[DocumentResult], meta: dict[str, str]) -> PageView:
    ids = (f"f{n}" for n in itertools.count(1))
    docs = [_doc(n, result, ids) for n, result in enumerate(results, start=1)]
    findings = [f for result in results for f in result.findings]
    codes = Counter(f.code for f in findings)
    rule_names = {f.code: f.rule for f in findings}
    return PageView(
        docs=docs,
        counts=_counts(findings),
        rules=[RuleView(code, rule_names[code], codes[code]) for code in sorted(codes)],
        total_findings=len(findings),
        total_pairs=sum(len(d.pairs) for d in docs),
        suppressed=sum(r.suppressed for r in results),
        meta=dict(meta),
    )


def _doc(number: int, result: DocumentResult, ids: Iterator[str]) -> DocView:
    anchor = f"doc-{number}"
    pairs = result.aligned.pairs
    by_pair: dict[int, list[FindingView]] = {}
    doc_findings: list[FindingView] = []
    for finding in sorted(result.findings, key=_finding_order):
        view = FindingView(next(ids), finding)
        if finding.pair_index is not None and 0 <= finding.pair_index < len(pairs):
            by_pair.setdefault(finding.pair_index, []).append(view)
        else:  # whole-document findings, and any pointing outside the alignment, are never lost
            view.source_excerpt = _highlight(finding.source_text, [(m, view) for m in finding.source_marks])
            view.target_excerpt = _highlight(finding.target_text, [(m, view) for m in finding.target_marks])
            doc_findings.append(view)
    return DocView(
        anchor=anchor,
        name=result.name,
        counts=_counts(result.findings),
        suppressed=result.suppressed,
        doc_findings=doc_findings,
        pairs=[_pair(i, pair, by_pair.get(i, []), anchor) for i, pair in enumerate(pairs)],
    )


def _pair(index: int, pair: AlignedPair, findings: list[FindingView], doc_anchor: str) -> PairView:
    source_marks = [(m, f) for f in findings for m in f.finding.source_marks]
    target_marks = [(m, f) for f in findings for m in f.finding.target_marks]
    note = "omission" if not pair.target else "addition" if not pair.source else ""
    return PairView(
        number=index + 1,
        anchor=f"{doc_anchor}-p{index + 1}",
        kind=pair.kind,
        kind_note=note,
        score=pair.score,
        # Same joiners as AlignedPair.source_text/target_text, so a mark may span two sentences.
        source=_segments(pair.source, "", source_marks),
        target=_segments(pair.target, " ", target_marks),
        findings=findings,
    )


def _segments(segments: list[Segment], joiner: str, marks: list[tuple[str, FindingView]]) -> list[SegmentView]:
    joined = joiner.join(s.text for s in segments)
    cover = _cover(joined, marks)
    views, start = [], 0
    for seg in segments:
        end = start + len(seg.text)
        views.append(SegmentView(seg.loc.line, _render(seg.text, cover[start:end])))
        start = end + len(joiner)
    return views


def _highlight(text: str, marks: list[tuple[str, FindingView]]) -> Markup:
    if text and not text.strip():  # e.g. a lone no-break space: name the characters, or nothing shows
        return Markup('<span class="invisible">{}</span>').format(" ".join(f"U+{ord(c):04X}" for c in text))
    return _render(text, _cover(text, marks))


Cover = list[dict[str, Severity]]


def _cover(text: str, marks: list[tuple[str, FindingView]]) -> Cover:
    """For each character, the findings (id → severity) whose marks cover it; overlaps are fine."""
    cover: Cover = [{} for _ in text]
    for needle, view in marks:
        if not needle:
            continue
        start = text.find(needle)
        while start != -1:
            for i in range(start, start + len(needle)):
                cover[i][view.id] = view.finding.severity
            start = text.find(needle, start + len(needle))
    return cover


def _render(text: str, cover: Cover) -> Markup:
    """Escape each run of text separately and wrap the covered runs: raw text is never inserted."""
    pieces: list[Markup] = []
    position = 0
    for key, run in itertools.groupby(cover, key=lambda c: tuple(sorted(c.items()))):
        length = len(list(run))
        piece = text[position : position + length]
        position += length
        if not key:
            pieces.append(escape(piece))
            continue
        worst = max(sev for _, sev in key).label
        pieces.append(
            Markup('<mark class="sev-{}" data-f="{}">{}</mark>').format(worst, " ".join(i for i, _ in key), piece)
        )
    return Markup("").join(pieces)


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity.label for f in findings)
    return {sev.label: counts[sev.label] for sev in SEVERITIES}


def _finding_order(finding: Finding) -> tuple[int, str]:
    return (-finding.severity, finding.code)
