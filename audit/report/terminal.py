"""Terminal output: `path:line:col: CODE message` lines (as compilers print them) and a summary."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

from audit.model import DocumentResult, Severity

if TYPE_CHECKING:
    from audit.decisions import Review, Trend


def finding_lines(results: list[DocumentResult]) -> list[str]:
    lines = []
    for result in results:
        for f in result.findings:
            where = str(f.location) if f.location else result.name
            suggestion = f" [{f.suggestion}]" if f.suggestion else ""
            lines.append(f"{where}: {f.code} {f.severity.label}: {f.message}{suggestion}")
    return lines


def summary(results: list[DocumentResult]) -> str:
    counts = Counter(f.severity for r in results for f in r.findings)
    pairs = sum(r.pair_count for r in results)
    suppressed = sum(r.suppressed for r in results)
    parts = [f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    tail = f", {suppressed} suppressed" if suppressed else ""
    return f"{len(results)} document{'s' if len(results) != 1 else ''}, {pairs} aligned pairs: {', '.join(parts)}{tail}"


def print_report(results: list[DocumentResult], out: TextIO, *, quiet: bool = False) -> None:
    for line in finding_lines(results):
        print(line, file=out)
    if not quiet:
        print(summary(results), file=out)


def review_lines(review: Review | None = None, trend: Trend | None = None) -> list[str]:
    """What the decisions did and what changed since the earlier run, one line each (after the summary)."""
    lines = []
    if review is not None:
        c = review.counts
        parts = [f"{c['accepted']} accepted", f"{c['ignored']} ignored (suppressed)", f"{c['open']} open",
                 f"{c['resolved']} resolved"]
        if c["conflict"]:
            parts.append(f"{c['conflict']} in conflict")
        lines.append(f"decisions ({', '.join(review.decisions.files)}): {', '.join(parts)}")
        if review.elsewhere:
            lines.append(f"decisions: {review.elsewhere} about documents not audited in this run (kept, not applied)")
    if trend is not None:
        stamp = f", {trend.previous_generated}" if trend.previous_generated else ""
        lines.append(
            f"since {trend.previous}{stamp}: {trend.total('new')} new, {trend.total('resolved')} resolved, "
            f"{trend.total('unchanged')} unchanged"
        )
    return lines


def conflict_lines(review: Review | None) -> list[str]:
    """One line per finding on which reviewers disagree: where it is, and who said what."""
    if review is None:
        return []
    lines = []
    for finding_id, rows in review.conflicts.items():
        entry = review.decisions.entries[finding_id]
        said = "; ".join(f"{row.origin} says {row.status}" for row in rows)
        where = entry.location or entry.file
        lines.append(f"{where}: {entry.code} {finding_id}: decisions disagree: {said} (left open, status conflict)")
    return lines
