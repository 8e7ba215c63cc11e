"""Terminal output: `path:line:col: CODE message` lines (as compilers print them) and a summary."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

from audit.console import emit
from audit.model import DocumentResult, Severity

if TYPE_CHECKING:
    from audit.compare import Trend
    from audit.decisions import Review


STYLES = ("text", "github")
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def finding_lines(results: list[DocumentResult], style: str = "text") -> list[str]:
    """One line per finding: `path:line:col: CODE severity: message [fix]`, or GitHub Actions annotations.

    Sorted by file, line and column, as a compiler's are (a pair's Chinese and English files each in their
    place); a line that would say exactly what another says is printed once."""
    keyed = []
    for result in results:
        for f in result.findings:
            suggestion = f" [{f.suggestion}]" if f.suggestion else ""
            loc = f.location
            key = (loc.path, loc.line, loc.column) if loc else (result.name, 0, 0)
            if style == "github":
                where = f"file={_gh(loc.path, True)},line={loc.line},col={loc.column}," if loc else ""
                title = _gh(f"{f.code} {f.rule}", True)
                keyed.append((key, f"::{_GITHUB_LEVEL[f.severity]} {where}title={title}::{_gh(f.message + suggestion)}"))
            else:
                where = str(loc) if loc else result.name
                keyed.append((key, f"{where}: {f.code} {f.severity.label}: {f.message}{suggestion}"))
    return list(dict.fromkeys(line for _, line in sorted(keyed)))


def _gh(text: str, prop: bool = False) -> str:
    """GitHub's workflow-command escaping (properties also escape : and ,)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def document_table(results: list[DocumentResult]) -> list[str]:
    """Per-document counts, worst first, for runs over several articles."""
    rows = []
    for r in results:
        counts = Counter(f.severity for f in r.findings)
        rows.append((counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO], r.pair_count, r.name))
    rows.sort(key=lambda row: (-row[0], -row[1], row[4]))
    width = max((len(row[4]) for row in rows), default=8)
    lines = [f"{'document':<{width}}  {'pairs':>6}  {'errors':>6}  {'warnings':>8}  {'infos':>5}"]
    lines += [f"{name:<{width}}  {pairs:>6}  {e:>6}  {w:>8}  {i:>5}" for e, w, i, pairs, name in rows]
    return lines


def summary(results: list[DocumentResult]) -> str:
    counts = Counter(f.severity for r in results for f in r.findings)
    pairs = sum(r.pair_count for r in results)
    suppressed = sum(r.suppressed for r in results)
    parts = [f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    tail = f", {suppressed} suppressed" if suppressed else ""
    return f"{len(results)} document{'s' if len(results) != 1 else ''}, {pairs} aligned pairs: {', '.join(parts)}{tail}"


def print_report(results: list[DocumentResult], out: TextIO, *, quiet: bool = False, style: str = "text") -> None:
    """The finding lines, then (unless `quiet`) the per-document table and the summary; control characters in
    file names and text are shown escaped (`console.printable`)."""
    for line in finding_lines(results, style):
        emit(line, out)
    if not quiet and style == "text":
        if len(results) > 1:
            for line in document_table(results):
                emit(line, out)
        emit(summary(results), out)


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
