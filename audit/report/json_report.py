"""JSON for programs: every document, its aligned pairs and its findings, with the tool and settings that made it.
In a large run (audit.run.is_large_run) a document lists only its pairs with findings, and `pairs_not_listed`
counts the others; the summaries always count every pair.

The shape is documented (and tested) by docs/json-schema.json. Keys keep a stable order, Chinese stays readable
(no \\u escapes), and each finding carries the flat row of the CSV report (audit.report.rows) plus structured
locations and the exact substrings to highlight. With decisions fed back, each document also lists the findings an
`ignore` decision suppressed, and a `review` object tells what the decisions did; with earlier runs given, a `trend`
object tells what is new, resolved and unchanged.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Any, Iterable, TextIO

from audit import __version__
from audit.model import AlignedPair, DocumentResult, Finding, Location, Segment, Severity
from audit.report.json_stream import Streamed, write_json
from audit.report.rows import ignored, reviewed_row

if TYPE_CHECKING:
    from audit.compare import PastFinding, Trend
    from audit.decisions import Decision, Review

TOOL_NAME = "audit"


def write_json_report(out: TextIO, results: Iterable[DocumentResult], meta: dict[str, str], review: Review | None = None,
                      trend: Trend | None = None) -> None:
    """The report, written one document at a time (`results` is read twice: the summary, then the documents)."""
    report: dict[str, Any] = {
        "tool": tool_info(meta),
        "generated": meta.get("generated", ""),
        "settings": meta.get("settings", ""),
    }
    if meta.get("signature"):
        report["signature"] = _signature(meta["signature"])
    documents, counts = _totals(results)
    report["summary"] = {"documents": documents, **counts}
    report["documents"] = Streamed(_document(result, review) for result in results)
    if review is not None:
        report["review"] = _review(review)
    if trend is not None:
        report["trend"] = _trend(trend)
    write_json(out, report, allow_nan=False)


def tool_info(meta: dict[str, str]) -> dict[str, str]:
    """Name and version from the run's `tool` stamp ("audit 0.1.0"), else this package's own."""
    name, _, version = meta.get("tool", "").strip().rpartition(" ")
    if not name:  # no stamp, or a stamp without a version
        return {"name": version or TOOL_NAME, "version": __version__}
    return {"name": name, "version": version}


def _signature(text: str) -> dict[str, Any]:
    from audit.signature import aligner_parameters, signature_fields

    return {"text": text, **signature_fields(text), "aligner_parameters": aligner_parameters()}


def location(loc: Location | None) -> dict[str, Any] | None:
    return {"path": loc.path, "line": loc.line, "column": loc.column} if loc else None


def _counts(results: Iterable[DocumentResult]) -> dict[str, int]:
    return _totals(results)[1]


def _totals(results: Iterable[DocumentResult]) -> tuple[int, dict[str, int]]:
    """How many documents, and the summary's counts, in one pass over the results."""
    severities: Counter[Severity] = Counter()
    documents = pairs = suppressed = 0
    for result in results:
        documents += 1
        severities.update(f.severity for f in result.findings)
        pairs += result.pair_count
        suppressed += result.suppressed
    return documents, {
        "pairs": pairs,
        "errors": severities[Severity.ERROR],
        "warnings": severities[Severity.WARNING],
        "infos": severities[Severity.INFO],
        "suppressed": suppressed,
    }


def _document(result: DocumentResult, review: Review | None) -> dict[str, Any]:
    """A document's object, its lists made item by item as they are written: one very long article's pairs and
    findings are never all held as JSON at once (json_stream writes the same bytes as dumping the lists whole)."""
    return {
        "file": result.name,
        "summary": _counts([result]),
        "pairs": Streamed(_pair(index, pair) for index, pair in result.numbered_pairs()),
        "pairs_not_listed": result.hidden_pairs,
        "findings": Streamed(_finding(result.name, finding, review) for finding in result.findings),
        "ignored": Streamed(_finding(result.name, finding, review) for finding in ignored(result, review)),
    }


def _pair(index: int, pair: AlignedPair) -> dict[str, Any]:
    score = float(pair.score)
    return {
        "index": index,
        "kind": pair.kind,
        "score": round(score, 4) if math.isfinite(score) else None,
        "source": [_segment(s) for s in pair.source],
        "target": [_segment(t) for t in pair.target],
    }


def _segment(segment: Segment) -> dict[str, Any]:
    return {"text": segment.text, **location(segment.loc)}  # type: ignore[dict-item]


def _finding(document: str, finding: Finding, review: Review | None = None) -> dict[str, Any]:
    return {
        **reviewed_row(document, finding, review),
        "pair_index": finding.pair_index,
        "source_marks": list(finding.source_marks),
        "target_marks": list(finding.target_marks),
        "locations": {"source": location(finding.source_loc), "target": location(finding.target_loc)},
    }


def _review(review: Review) -> dict[str, Any]:
    counts = review.counts
    return {
        "files": list(review.decisions.files),
        "counts": {key: counts[key] for key in ("open", "accepted", "ignored", "conflict", "resolved")},
        "elsewhere": review.elsewhere,
        "resolved": [_decision(d) for d in review.resolved],
        "conflicts": [
            {**_decision(review.decisions.entries[finding_id], status=False),
             "decisions": [{"origin": d.origin, "status": d.status, "note": d.note} for d in rows]}
            for finding_id, rows in review.conflicts.items()
        ],
    }


def _decision(decision: Decision, status: bool = True) -> dict[str, Any]:
    item = {"id": decision.id, "file": decision.file, "code": decision.code, "message": decision.message,
            "location": decision.location}
    if status:
        item |= {"status": decision.status, "note": decision.note}
    return item


def _trend(trend: Trend) -> dict[str, Any]:
    return {
        "previous": trend.previous,
        "previous_generated": trend.previous_generated,
        "counts": {key: trend.total(key) for key in ("new", "resolved", "unchanged")},
        "not_audited": trend.not_audited,
        "documents": [
            {"file": name, "compared": d.compared, "new": [f.id for f in d.new],
             "resolved": [_past(p) for p in d.resolved], "unchanged": d.unchanged}
            for name, d in trend.documents.items()
        ],
        "history": [
            {"label": t.label, "generated": t.generated, "errors": t.errors, "warnings": t.warnings, "infos": t.infos}
            for t in trend.history
        ],
    }


def _past(past: PastFinding) -> dict[str, str]:
    return {"id": past.id, "code": past.code, "rule": past.rule, "severity": past.severity,
            "message": past.message, "location": past.location}
