"""One flat row per finding: the shared shape of the CSV and JSON reports (column order is stable).

The last two columns belong to the editor: `status` (accepted, ignore, empty = open; conflict when merged
reviewers disagree) and `note`. They are empty unless decisions were fed back (audit.decisions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from audit.model import DocumentResult, Finding, Location

if TYPE_CHECKING:
    from audit.decisions import Review

COLUMNS = (
    "id", "file", "code", "rule", "severity", "message", "source_text", "target_text", "source_location",
    "target_location", "expected", "found", "suggestion", "status", "note",
)


def _loc(loc: Location | None) -> str:
    return str(loc) if loc else ""


def finding_row(document: str, finding: Finding, status: str = "", note: str = "") -> dict[str, str]:
    return {
        "id": finding.id,
        "file": document,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": finding.message,
        "source_text": finding.source_text,
        "target_text": finding.target_text,
        "source_location": _loc(finding.source_loc),
        "target_location": _loc(finding.target_loc),
        "expected": finding.expected,
        "found": finding.found,
        "suggestion": finding.suggestion,
        "status": status,
        "note": note,
    }


def reviewed_row(document: str, finding: Finding, review: Review | None) -> dict[str, str]:
    if review is None:
        return finding_row(document, finding)
    return finding_row(document, finding, review.status(finding), review.note(finding))


def ignored(result: DocumentResult, review: Review | None) -> list[Finding]:
    """The document's findings that an `ignore` decision suppressed (still carried, so the decision is kept)."""
    return review.ignored.get(result.name, []) if review else []


def rows(results: Iterable[DocumentResult], review: Review | None = None) -> Iterator[dict[str, str]]:
    """Every listed finding, then each document's ignored ones: the CSV a reviewer saves holds every decision."""
    for result in results:
        for finding in result.findings:
            yield reviewed_row(result.name, finding, review)
        for finding in ignored(result, review):
            yield reviewed_row(result.name, finding, review)
