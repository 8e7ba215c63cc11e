"""One flat row per finding: the shared shape of the CSV and JSON reports (column order is stable)."""

from __future__ import annotations

from audit.model import DocumentResult, Finding, Location

COLUMNS = (
    "id", "file", "code", "rule", "severity", "message", "source_text", "target_text", "source_location",
    "target_location", "expected", "found", "suggestion",
)


def _loc(loc: Location | None) -> str:
    return str(loc) if loc else ""


def finding_row(document: str, finding: Finding) -> dict[str, str]:
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
    }


def rows(results: list[DocumentResult]) -> list[dict[str, str]]:
    return [finding_row(result.name, f) for result in results for f in result.findings]
