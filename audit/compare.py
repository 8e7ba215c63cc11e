"""The trend: this run set against earlier runs' JSON reports (`audit check --compare audit.json`).

New, resolved and unchanged findings per document, against the latest earlier run, and every run's totals for a
small history. A finding counts as present in a run whether it was listed or suppressed by an `ignore` decision
(audit.decisions): the trend follows the text, decisions are shown beside it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from audit.decisions import Review, same_document
from audit.errors import AuditError, InputError
from audit.io.decode import decode_utf8, read_bytes
from audit.model import DocumentResult, Finding

MAX_BYTES = 200 * 1024 * 1024  # an audit.json of a 50 MB run is far smaller (pairs without findings are left out)
NOT_A_REPORT = "not a JSON report written by 'audit check -r json' (give --compare an earlier run's audit.json)"
JSON_TYPES = {int: "number", float: "number", bool: "true/false", str: "string", list: "array", type(None): "null"}
_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone one: JSON's "\\ud800" escape allows it, UTF-8 cannot write it


@dataclass(frozen=True)
class PastFinding:
    """A finding of an earlier run, as its JSON report recorded it."""

    id: str
    file: str
    code: str
    rule: str
    severity: str
    message: str
    location: str


@dataclass
class PastRun:
    label: str  # the JSON file
    generated: str
    findings: dict[str, list[PastFinding]]  # document → listed findings
    ignored: dict[str, list[PastFinding]]  # document → findings its decisions suppressed

    def counts(self) -> Counter[str]:
        return Counter(f.severity for found in self.findings.values() for f in found)


def load_previous(path: Path) -> PastRun:
    """An earlier run's audit.json (written by `audit check -r json`); anything else is one clear error."""
    data = _read_json(path)
    try:
        findings, ignored = {}, {}
        for document in data["documents"]:
            name = _text(document["file"])
            findings[name] = [_past(name, f) for f in document["findings"]]
            ignored[name] = [_past(name, f) for f in document.get("ignored", [])]
        return PastRun(str(path), _text(data.get("generated", "")), findings, ignored)
    except (KeyError, TypeError, AttributeError):
        raise AuditError(f"{path}: {NOT_A_REPORT}") from None


def _read_json(path: Path) -> Any:
    raw = read_bytes(path, "an audit.json", MAX_BYTES)
    try:
        text = decode_utf8(raw, path, "a JSON report")
    except InputError as error:
        raise AuditError(f"{error}: {NOT_A_REPORT}") from None
    try:
        data = json.loads(text)
    except RecursionError:  # thousands of nested brackets: no report of ours nests more than four deep
        raise AuditError(f"{path}: nested too deeply: {NOT_A_REPORT}") from None
    except ValueError:
        raise AuditError(f"{path}: {NOT_A_REPORT}") from None
    if not isinstance(data, dict):  # a bare number, string or list
        raise AuditError(f"{path}: holds a JSON {JSON_TYPES.get(type(data), 'value')}, not an object: {NOT_A_REPORT}")
    return data


def _past(document: Any, item: dict[str, Any]) -> PastFinding:
    return PastFinding(
        id=_text(item["id"]), file=_text(document), code=_text(item.get("code", "")), rule=_text(item.get("rule", "")),
        severity=_text(item.get("severity", "")), message=_text(item.get("message", "")),
        location=_text(item.get("target_location") or item.get("source_location") or ""),
    )


def _text(value: Any) -> str:
    """A text value of the report, safe to write anywhere: a lone surrogate becomes U+FFFD, as a decoder does
    with a broken byte. Anything but text is not what our writer puts there (TypeError: not our report)."""
    if not isinstance(value, str):
        raise TypeError(value)
    return _SURROGATE.sub("\ufffd", value)



@dataclass
class DocumentTrend:
    new: list[Finding] = field(default_factory=list)
    resolved: list[PastFinding] = field(default_factory=list)
    unchanged: int = 0
    compared: bool = True  # False: the document is not in the earlier run (all its findings are new)


@dataclass
class RunTotals:
    label: str
    generated: str
    errors: int
    warnings: int
    infos: int

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos


@dataclass
class Trend:
    """This run against the latest earlier one; `history` holds every run's totals, oldest first."""

    previous: str  # the JSON file compared with
    previous_generated: str
    documents: dict[str, DocumentTrend]
    history: list[RunTotals]
    not_audited: int = 0  # findings of the earlier run in documents this run did not audit

    @property
    def new_ids(self) -> set[str]:
        return {f.id for d in self.documents.values() for f in d.new}

    def total(self, what: str) -> int:
        if what == "unchanged":
            return sum(d.unchanged for d in self.documents.values())
        return sum(len(getattr(d, what)) for d in self.documents.values())


def compare(results: list[DocumentResult], previous: Iterable[PastRun | Path], review: Review | None = None) -> Trend:
    """New, resolved and unchanged findings since the latest earlier run (by `generated`, else the order given).

    A finding counts as present in a run whether it was listed or suppressed by an `ignore` decision: the trend
    follows the text, decisions are shown beside it. Counts keep duplicates (two identical findings are two).
    """
    runs = [p if isinstance(p, PastRun) else load_previous(p) for p in previous]
    if not runs:
        raise AuditError("compare needs at least one earlier JSON report")
    runs.sort(key=lambda r: r.generated)  # stable: equal stamps keep the order given
    last = runs[-1]
    ignored_now = review.ignored if review else {}
    documents: dict[str, DocumentTrend] = {}
    matched: set[str] = set()
    for result in results:
        now = result.findings + ignored_now.get(result.name, [])
        before_name = _match(result.name, last.findings)
        trend = DocumentTrend(compared=before_name is not None)
        before = last.findings.get(before_name, []) + last.ignored.get(before_name, []) if before_name else []
        if before_name:
            matched.add(before_name)
        left = Counter(f.id for f in before)
        for finding in now:
            if left[finding.id] > 0:
                left[finding.id] -= 1
                trend.unchanged += 1
            else:
                trend.new.append(finding)
        for past in before:
            if left[past.id] > 0:
                left[past.id] -= 1
                trend.resolved.append(past)
        documents[result.name] = trend
    not_audited = sum(len(found) for name, found in last.findings.items() if name not in matched)
    history = [RunTotals(r.label, r.generated, *_severity_counts(r.counts())) for r in runs]
    current = Counter(f.severity.label for r in results for f in r.findings)
    history.append(RunTotals("this run", "", *_severity_counts(current)))
    return Trend(last.label, last.generated, documents, history, not_audited)


def _match(name: str, names: dict[str, Any]) -> str | None:
    if name in names:
        return name
    candidates = [other for other in names if same_document(name, other)]
    return candidates[0] if len(candidates) == 1 else None


def _severity_counts(counts: Counter[str]) -> tuple[int, int, int]:
    return counts["error"], counts["warning"], counts["info"]
