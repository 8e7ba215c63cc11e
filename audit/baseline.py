"""The baseline: today's findings recorded as known (`audit baseline`), so that `check --baseline FILE` reports
only new ones. A JSON file: the tool and each finding's id, code, file and message (the id decides; the rest is
for the reader). A finding recorded n times suppresses n findings of that id."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from audit import __version__
from audit.errors import AuditError, InputError
from audit.io.decode import decode_utf8, read_bytes
from audit.model import DocumentResult


def read_baseline(path: Path) -> Counter[str]:
    """How many times each finding id is recorded in the baseline at `path`."""
    if not path.exists():
        raise AuditError(f"{path}: baseline file not found (create it with 'audit baseline')")
    raw = read_bytes(path, "a baseline file")
    try:
        data = json.loads(decode_utf8(raw, path, "a baseline file"))
        return Counter(item["id"] for item in data["findings"])
    except (InputError, ValueError, KeyError, TypeError):
        raise AuditError(f"{path}: not a baseline file written by 'audit baseline'") from None


def render_baseline(results: list[DocumentResult]) -> str:
    """The baseline file recording every finding of `results`."""
    findings = [
        {"id": f.id, "code": f.code, "file": r.name, "message": f.message}
        for r in results for f in r.findings
    ]
    return json.dumps({"tool": f"audit {__version__}", "findings": findings}, ensure_ascii=False, indent=2) + "\n"


def drop_baselined(result: DocumentResult, baseline: Counter[str]) -> bool:
    """Findings recorded in the baseline are known and accepted: count them as suppressed, report the rest
    (each record used once). Whether any was dropped."""
    if not baseline:
        return False
    kept = []
    for finding in result.findings:
        if baseline[finding.id] > 0:
            baseline[finding.id] -= 1
            result.suppressed += 1
        else:
            kept.append(finding)
    dropped = len(kept) != len(result.findings)
    result.findings = kept
    return dropped
