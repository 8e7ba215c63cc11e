"""JSON for programs: every document, its aligned pairs and its findings, with the tool and settings that made it.

The shape is documented (and tested) by docs/json-schema.json. Keys keep a stable order, Chinese stays readable
(no \\u escapes), and each finding carries the flat row of the CSV report (audit.report.rows) plus structured
locations and the exact substrings to highlight.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

from audit import __version__
from audit.model import AlignedPair, DocumentResult, Finding, Location, Segment, Severity
from audit.report.atomic import write_atomic
from audit.report.rows import finding_row

TOOL_NAME = "audit"


def render_json(results: list[DocumentResult], meta: dict[str, str]) -> str:
    report = {
        "tool": tool_info(meta),
        "generated": meta.get("generated", ""),
        "settings": meta.get("settings", ""),
        "summary": {"documents": len(results), **_counts(results)},
        "documents": [_document(result) for result in results],
    }
    return json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(results: list[DocumentResult], path: Path, meta: dict[str, str]) -> None:
    # Render fully before touching the disk: a rendering error leaves any old report intact.
    write_atomic(path, render_json(results, meta).encode("utf-8"))


def tool_info(meta: dict[str, str]) -> dict[str, str]:
    """Name and version from the run's `tool` stamp ("audit 0.1.0"), else this package's own."""
    name, _, version = meta.get("tool", "").strip().rpartition(" ")
    if not name:  # no stamp, or a stamp without a version
        return {"name": version or TOOL_NAME, "version": __version__}
    return {"name": name, "version": version}


def location(loc: Location | None) -> dict[str, Any] | None:
    return {"path": loc.path, "line": loc.line, "column": loc.column} if loc else None


def _counts(results: list[DocumentResult]) -> dict[str, int]:
    severities = Counter(f.severity for r in results for f in r.findings)
    return {
        "pairs": sum(len(r.aligned.pairs) for r in results),
        "errors": severities[Severity.ERROR],
        "warnings": severities[Severity.WARNING],
        "infos": severities[Severity.INFO],
        "suppressed": sum(r.suppressed for r in results),
    }


def _document(result: DocumentResult) -> dict[str, Any]:
    return {
        "file": result.name,
        "summary": _counts([result]),
        "pairs": [_pair(index, pair) for index, pair in enumerate(result.aligned.pairs)],
        "findings": [_finding(result.name, finding) for finding in result.findings],
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


def _finding(document: str, finding: Finding) -> dict[str, Any]:
    return {
        **finding_row(document, finding),
        "pair_index": finding.pair_index,
        "source_marks": list(finding.source_marks),
        "target_marks": list(finding.target_marks),
        "locations": {"source": location(finding.source_loc), "target": location(finding.target_loc)},
    }
