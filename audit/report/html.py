"""A self-contained HTML report: side-by-side aligned text, highlighted discrepancies, filters.

It is also the editor's workspace: each finding has Accept / Ignore / Open buttons and a note, kept in the
browser's local storage and exported as the decisions CSV (the same columns and bytes as audit.csv, with
status and note filled in); j / k move from finding to finding with the sentence pair in view. A run over
several articles opens on an overview: a sortable table of articles with counts and a score, and charts of
findings by rule and by article (inline SVG); with earlier runs compared, what is new and what was resolved.

The page loads nothing from the network: its script and style (templates/report.js, report.css) are inlined at
render time, and a Content-Security-Policy allows only the page's own script (by hash), so even a mistake in
escaping could not run code smuggled in through article text.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import jinja2
from markupsafe import Markup, escape

from audit.cells import FORMULA_START, LEADING_SPACES
from audit.model import AlignedPair, DocumentResult, Finding, Segment, Severity, file_name
from audit.report.csv_report import csv_cells
from audit.report.overview import BarChart, ColumnChart, article_score, bar_chart, history_chart
from audit.report.rows import COLUMNS, ignored, reviewed_row

if TYPE_CHECKING:
    from audit.compare import PastFinding, Trend
    from audit.decisions import Decision, Review

TEMPLATE = "report.html.j2"
TEMPLATES = Path(__file__).parent / "templates"
SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass
class FindingView:
    id: str  # unique on the page: links marks to the finding they belong to
    finding: Finding
    source_excerpt: Markup = Markup()  # only for document findings, which have no pair to show
    target_excerpt: Markup = Markup()
    status: str = ""  # from the decisions files: accepted, ignore, conflict, "" (open)
    note: str = ""
    row: str = ""  # the finding's CSV cells as JSON: the page exports them with the decision
    order: int = 0  # its row in audit.csv, so the export keeps the CSV's order
    new: bool = False  # not in the earlier run compared with
    conflict: list[Decision] = field(default_factory=list)

    @property
    def sev(self) -> str:
        return self.finding.severity.label

    @property
    def ignored(self) -> bool:
        return self.status == "ignore"


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
        listed = [f.finding.severity for f in self.findings if not f.ignored]
        return max(listed).label if listed else ""


@dataclass
class DocView:
    anchor: str
    name: str
    counts: dict[str, int]
    suppressed: int
    doc_findings: list[FindingView]
    pairs: Iterable[PairView]  # those shown: all of them, or in a large run those with findings (made as written)
    number: int = 1
    pair_count: int = 0  # of the full alignment
    hidden_pairs: int = 0  # pairs without findings not shown (large runs)
    score: int = 100
    ignored: int = 0  # of the suppressed findings, those an ignore decision suppressed (the page can reopen them)
    new: int | None = None  # with a trend: findings new since the earlier run (None: not compared)
    resolved: int | None = None


@dataclass
class RuleView:
    code: str
    rule: str
    count: int


@dataclass
class ResolvedView:
    file: str
    code: str
    message: str
    location: str
    status: str = ""
    note: str = ""


@dataclass
class ConflictView:
    finding: FindingView
    decisions: list[Decision]


@dataclass
class TrendView:
    previous: str
    previous_generated: str
    new: int
    resolved: int
    unchanged: int
    not_audited: int
    resolved_items: list[ResolvedView]
    history: ColumnChart | None


@dataclass
class ReviewView:
    files: list[str]
    resolved: list[ResolvedView]
    conflicts: list[ConflictView]
    elsewhere: int


@dataclass
class PageView:
    docs: list[DocView]  # every article's head (counts, score), without its pairs
    sections: Iterable[DocView]  # every article in full, made one at a time as the page is written
    counts: dict[str, int]
    rules: list[RuleView]
    total_findings: int
    total_pairs: int
    suppressed: int
    ignored: int = 0  # of the suppressed findings, those an ignore decision suppressed (the page can reopen them)
    meta: dict[str, str] = field(default_factory=dict)
    on_page: int = 0  # findings on the page: the listed ones and those an ignore decision suppressed
    status_counts: dict[str, int] = field(default_factory=dict)
    review: ReviewView | None = None
    trend: TrendView | None = None
    by_rule: BarChart | None = None
    by_article: BarChart | None = None
    table: list[DocView] = field(default_factory=list)  # the overview's rows: the articles that need work first
    columns: tuple[str, ...] = COLUMNS  # of the exported decisions CSV: those of audit.csv
    # The export guards cells as the CSV writer does: audit.cells' sets, handed to the script as JSON.
    cell_guard: str = json.dumps({"formulaStart": FORMULA_START, "leadingSpaces": LEADING_SPACES})

    @property
    def overview(self) -> bool:
        return len(self.docs) > 1


def write_html_report(out: TextIO, results: Iterable[DocumentResult], meta: dict[str, str], review: Review | None = None,
                      trend: Trend | None = None) -> None:
    """The page, written as the template makes it: the articles' sections are built one at a time while it is
    written (`results` is read twice: the overview's counts, then the sections), never the whole page at once."""
    page_js, page_css = _assets()
    page = _page(results, meta, review, trend)
    for chunk in _environment().get_template(TEMPLATE).generate(page=page, page_js=page_js, page_css=page_css):
        out.write(chunk)


@lru_cache(maxsize=1)
def _assets() -> tuple[Markup, Markup]:
    """The page's own script and style, inlined as they are (no text from a report ever enters them)."""
    page_js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    page_css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    if "</script" in page_js.lower() or "</style" in page_css.lower():  # would end the inline element early
        raise ValueError("report.js or report.css contains a closing tag")
    return Markup(page_js), Markup(page_css)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiling the template costs ~100 ms of every cold start; jinja2 can keep the compiled form per user.
    Without a writable cache folder the template is simply compiled each time."""
    from audit.lexicon.cache import cache_dir

    folder = cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=_bytecode_cache(),
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


def _page(results: Iterable[DocumentResult], meta: dict[str, str], review: Review | None = None,
          trend: Trend | None = None) -> PageView:
    """Everything above the articles' sections, from one pass over the results; the sections themselves come
    from a second pass (`_sections`), as the page is written."""
    new_ids = trend.new_ids if trend else set()
    conflicts = review.conflicts if review else {}
    ids = (f"f{n}" for n in itertools.count(1))
    rows = itertools.count()
    docs: list[DocView] = []
    by_code: dict[str, Counter[str]] = {}
    rule_names: dict[str, str] = {}
    statuses: Counter[str] = Counter()
    first: dict[str, FindingView] = {}  # the first view of each finding reviewers disagree on
    suppressed = on_page = 0
    for number, result in enumerate(results, start=1):
        docs.append(_doc_head(number, result, review, trend))
        suppressed += result.suppressed
        for finding in result.findings:
            by_code.setdefault(finding.code, Counter())[finding.severity.label] += 1
        for item in _listed(result, ids, rows, review):
            finding = item.finding
            rule_names[finding.code] = finding.rule
            status = review.status(finding) if review else ""
            statuses["open" if status in ("", "conflict") else status] += 1
            if finding.id in conflicts and finding.id not in first:
                first[finding.id] = _view(result.name, item, review, new_ids, conflicts)
            on_page += 1
    counts = {sev.label: sum(c[sev.label] for c in by_code.values()) for sev in SEVERITIES}
    page = PageView(
        docs=docs,
        sections=_sections(results, review, trend, new_ids),
        counts=counts,
        rules=[RuleView(code, rule_names[code], sum(by_code.get(code, Counter()).values())) for code in sorted(rule_names)],
        total_findings=sum(counts.values()),
        total_pairs=sum(d.pair_count for d in docs),
        suppressed=suppressed,
        ignored=sum(d.ignored for d in docs),
        meta=dict(meta),
        on_page=on_page,
        status_counts={key: statuses[key] for key in ("open", "accepted", "ignore")},
        review=_review_view(review, first) if review else None,
        trend=_trend_view(trend) if trend else None,
    )
    if page.overview:
        page.table = sorted(docs, key=lambda d: (d.score, d.number))
        page.by_rule = bar_chart("Findings by rule", [
            (f"{code} {rule_names[code]}", f"{code} {rule_names[code]}", "", {sev.label: by_code[code][sev.label] for sev in SEVERITIES})
            for code in sorted(by_code)
        ], label_width=190)
        page.by_article = bar_chart("Findings by article", [
            (file_name(d.name), d.name, f"#{d.anchor}", d.counts) for d in docs
        ])
    return page


def _sections(results: Iterable[DocumentResult], review: Review | None, trend: Trend | None,
              new_ids: set[str]) -> Iterator[DocView]:
    """Each article's section in full (pairs, highlights, findings), made when the page reaches it; the
    findings are numbered as `_page` numbered them."""
    ids = (f"f{n}" for n in itertools.count(1))
    rows = itertools.count()
    conflicts = review.conflicts if review else {}
    for number, result in enumerate(results, start=1):
        view = partial(_view, result.name, review=review, new_ids=new_ids, conflicts=conflicts)
        yield _doc(_doc_head(number, result, review, trend), result, _listed(result, ids, rows, review), view)


@dataclass
class _Listed:
    """A finding's place on the page: its page id and its row in audit.csv. Its view (`_view`, with the CSV row
    as JSON and the highlights) is made only when the page reaches it."""

    finding: Finding
    id: str
    order: int


def _listed(result: DocumentResult, ids: Iterator[str], rows: Iterator[int], review: Review | None) -> list[_Listed]:
    """The document's findings in the order the page lists them (worst first), each with its page id and CSV row."""
    # The CSV's order: listed findings, then the ignored ones (audit.report.rows.rows).
    everything = result.findings + ignored(result, review)
    order = {id(f): next(rows) for f in everything}
    return [_Listed(finding, next(ids), order[id(finding)]) for finding in sorted(everything, key=_finding_order)]


def _view(document: str, item: _Listed, review: Review | None, new_ids: set[str],
          conflicts: dict[str, list[Decision]]) -> FindingView:
    finding = item.finding
    row = reviewed_row(document, finding, review)
    return FindingView(
        item.id, finding, status=row["status"], note=row["note"],
        row=json.dumps(csv_cells(row), ensure_ascii=False), order=item.order, new=finding.id in new_ids,
        conflict=list(conflicts.get(finding.id, [])),
    )


def _doc_head(number: int, result: DocumentResult, review: Review | None = None, trend: Trend | None = None) -> DocView:
    """An article's counts and score: its row in the overview, and the head of its section."""
    counts = _counts(result.findings)
    doc_trend = trend.documents.get(result.name) if trend else None
    compared = doc_trend is not None and doc_trend.compared
    return DocView(
        anchor=f"doc-{number}",
        name=result.name,
        counts=counts,
        suppressed=result.suppressed,
        ignored=len(ignored(result, review)),
        doc_findings=[],
        pairs=[],
        number=number,
        score=article_score(counts["error"], counts["warning"], result.pair_count),
        pair_count=result.pair_count,
        hidden_pairs=result.hidden_pairs,
        new=len(doc_trend.new) if doc_trend is not None else None,
        resolved=len(doc_trend.resolved) if compared else None,
    )


def _doc(head: DocView, result: DocumentResult, listed: list[_Listed], view: Callable[[_Listed], FindingView]) -> DocView:
    """The article's section: its head, its pairs with their findings and highlights, and its other findings."""
    pairs = result.numbered_pairs()  # with their index in the full alignment: a large run keeps some only
    shown = {index for index, _ in pairs}
    by_pair: dict[int, list[_Listed]] = {}
    for item in listed:
        finding = item.finding
        if finding.pair_index is not None and finding.pair_index in shown:
            by_pair.setdefault(finding.pair_index, []).append(item)
        else:  # whole-document findings, and any pointing outside the alignment, are never lost
            doc_view = view(item)
            doc_view.source_excerpt = _highlight(finding.source_text, [(m, doc_view) for m in _places(finding, "source")])
            doc_view.target_excerpt = _highlight(finding.target_text, [(m, doc_view) for m in _places(finding, "target")])
            head.doc_findings.append(doc_view)
    head.pairs = _PairViews(pairs, by_pair, view, head.anchor)
    return head


@dataclass
class _PairViews:
    """An article's pairs as the page shows them, each made (its findings' views, its highlighted text) when the
    template reaches it: one very long article's pairs are never all rendered at once."""

    pairs: list[tuple[int, AlignedPair]]
    by_pair: dict[int, list[_Listed]]
    view: Callable[[_Listed], FindingView]
    anchor: str

    def __bool__(self) -> bool:
        return bool(self.pairs)

    def __iter__(self) -> Iterator[PairView]:
        for index, pair in self.pairs:
            yield _pair(index, pair, [self.view(item) for item in self.by_pair.get(index, [])], self.anchor)


def _review_view(review: Review, first: dict[str, FindingView]) -> ReviewView:
    return ReviewView(
        files=list(review.decisions.files),
        resolved=[_resolved(d) for d in review.resolved],
        conflicts=[ConflictView(first[i], rows) for i, rows in review.conflicts.items() if i in first],
        elsewhere=review.elsewhere,
    )


def _resolved(decision: Decision) -> ResolvedView:
    return ResolvedView(decision.file, decision.code, decision.message, decision.location, decision.status, decision.note)


def _trend_view(trend: Trend) -> TrendView:
    resolved = [_past(p) for d in trend.documents.values() for p in d.resolved]
    runs = [(_short_date(t.generated) or t.label, f"{t.label} {t.generated}".strip(),
             {"error": t.errors, "warning": t.warnings, "info": t.infos}) for t in trend.history]
    if runs:
        runs[-1] = ("this run", "this run", runs[-1][2])
    return TrendView(
        previous=trend.previous, previous_generated=trend.previous_generated, new=trend.total("new"),
        resolved=trend.total("resolved"), unchanged=trend.total("unchanged"), not_audited=trend.not_audited,
        resolved_items=resolved, history=history_chart(runs) if len(runs) > 1 else None,
    )


def _past(past: PastFinding) -> ResolvedView:
    return ResolvedView(past.file, past.code, past.message, past.location)


def _short_date(stamp: str) -> str:
    return stamp[:10] if len(stamp) >= 10 and stamp[4:5] == "-" else stamp


def _pair(index: int, pair: AlignedPair, findings: list[FindingView], doc_anchor: str) -> PairView:
    source_marks = [(m, f) for f in findings for m in _places(f.finding, "source")]
    target_marks = [(m, f) for f in findings for m in _places(f.finding, "target")]
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


Place = str | tuple[int, int]  # a text to find, or [start, end) offsets in the pair's text


def _places(finding: Finding, side: str) -> tuple[Place, ...]:
    """What to highlight on one side: the finding's offsets where its rule gave them, else its marks' text."""
    spans = finding.source_spans if side == "source" else finding.target_spans
    return spans or (finding.source_marks if side == "source" else finding.target_marks)


def _segments(segments: list[Segment], joiner: str, marks: list[tuple[Place, FindingView]]) -> list[SegmentView]:
    joined = joiner.join(s.text for s in segments)
    cover = _cover(joined, marks)
    views, start = [], 0
    for seg in segments:
        end = start + len(seg.text)
        views.append(SegmentView(seg.loc.line, _render(seg.text, cover[start:end])))
        start = end + len(joiner)
    return views


def _highlight(text: str, marks: list[tuple[Place, FindingView]]) -> Markup:
    if text and not text.strip():  # e.g. a lone no-break space: name the characters, or nothing shows
        return Markup('<span class="invisible">{}</span>').format(" ".join(f"U+{ord(c):04X}" for c in text))
    return _render(text, _cover(text, marks))


Cover = list[dict[str, Severity]]


def _cover(text: str, marks: list[tuple[Place, FindingView]]) -> Cover:
    """For each character, the findings (id → severity) whose marks cover it; overlaps are fine."""
    cover: Cover = [{} for _ in text]
    for needle, view in marks:
        if isinstance(needle, tuple):
            for i in range(max(needle[0], 0), min(needle[1], len(text))):
                cover[i][view.id] = view.finding.severity
            continue
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
