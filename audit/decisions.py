"""The editor's review loop: decisions read back from a triaged CSV, and the trend against earlier runs.

An editor opens `audit.csv` in a spreadsheet (or triages in the HTML page and exports the same CSV), sets
`status` to `accepted` (a real error, to fix) or `ignore` (a false alarm, or acceptable), or leaves it empty
(open), and writes a `note`. Fed back with `audit check --decisions reviewed.csv`:

- `ignore`d findings are suppressed (counted as suppressed, still carried in the CSV so the next file saved
  holds every decision);
- statuses and notes are carried into the new reports;
- rows whose finding is no longer found are reported as resolved;
- several reviewers' files are merged; where they disagree the finding stays open with status `conflict`
  and the disagreement is shown, never settled silently.

A decision belongs to a finding id (Finding.id: the rule and the sentence pair), so it follows the finding
wherever its lines move, and covers every occurrence of the same rule on the same sentence pair.

The trend against earlier runs is audit.compare.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from audit.cells import undefuse
from audit.errors import AuditError
from audit.io.decode import read_bytes
from audit.sheet import read_sheet
from audit.model import DocumentResult, Finding, Severity, file_name

ACCEPTED, IGNORE, OPEN, CONFLICT = "accepted", "ignore", "", "conflict"
# What an editor may type in the status column (any case); everything else is refused with its row.
STATUS_WORDS = {
    "": OPEN, "open": OPEN, "conflict": OPEN, "new": OPEN,
    "accepted": ACCEPTED, "accept": ACCEPTED,
    "ignore": IGNORE, "ignored": IGNORE,
}
ID_PATTERN = re.compile(r"[0-9a-f]{12}")
MAX_BYTES = 100 * 1024 * 1024


# --- ids --------------------------------------------------------------------------------------------


def content_id(code: str, source_text: str, target_text: str, expected: str, found: str) -> str:
    """Finding.id computed from a CSV row's cells: recovers an id cell a spreadsheet changed."""
    return Finding(code, "", Severity.INFO, "", source_text=source_text, target_text=target_text,
                   expected=expected, found=found).id


# --- reading one decisions file -------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """One row of a decisions file (or several rows merged): what a reviewer said about a finding id."""

    id: str
    status: str  # ACCEPTED, IGNORE or OPEN
    note: str = ""
    file: str = ""  # the article, as in the report the reviewer saw
    code: str = ""
    message: str = ""
    location: str = ""  # target_location, else source_location
    origin: str = ""  # "reviewed.csv row 7": the file and the spreadsheet row (the header is row 1)


def read_decisions(path: Path) -> list[Decision]:
    """The rows of a triaged audit CSV as Excel, LibreOffice or Google Sheets save it, or of the workbook itself
    (.xlsx, .ods): any encoding and delimiter a spreadsheet writes (audit.sheet). Columns are found by name, so
    an editor may reorder, hide or delete the others. Only `id` and `status` are required."""
    sheet = read_sheet(path, read_bytes(path, "a decisions file", MAX_BYTES), ("id", "status"))
    if "id" not in sheet.header:
        raise AuditError(f"{path}: not a decisions file: its first row has no 'id' column (use the audit CSV with its header)")
    if "status" not in sheet.header:
        raise AuditError(f"{path}: no 'status' column: use the audit CSV, whose last columns are status and note")
    columns = {name: index for index, name in reversed(list(enumerate(sheet.header)))}
    decisions = []
    for line, cells in sheet.rows:
        if not any(cell.strip() for cell in cells):
            continue
        row = {name: undefuse(cells[index]) if index < len(cells) else "" for name, index in columns.items()}
        status = _status(row.get("status", ""), path, line)
        finding_id = _row_id(row, cells[columns["id"]] if columns["id"] < len(cells) else "", path, line, status)
        if finding_id is None:
            continue
        decisions.append(Decision(
            id=finding_id, status=status, note=row.get("note", "").strip(), file=row.get("file", ""),
            code=row.get("code", ""), message=row.get("message", ""),
            location=row.get("target_location", "") or row.get("source_location", ""), origin=f"{path} row {line}",
        ))
    return decisions


def _status(cell: str, path: Path, line: int) -> str:
    word = cell.strip().lower()
    if word not in STATUS_WORDS:
        raise AuditError(f"{path} row {line}: unknown status {cell.strip()!r} (use accepted, ignore, or leave it empty)")
    return STATUS_WORDS[word]


def _row_id(row: dict[str, str], raw: str, path: Path, line: int, status: str) -> str | None:
    finding_id = raw.strip().lstrip("'").strip().lower()
    if ID_PATTERN.fullmatch(finding_id):
        return finding_id
    # A spreadsheet turned the id into a number (1.23457E+11): recompute it from the cells it hashes.
    if {"code", "source_text", "target_text", "expected", "found"} <= row.keys() and row["code"]:
        return content_id(row["code"], row["source_text"], row["target_text"], row["expected"], row["found"])
    if status == OPEN and not row.get("note", "").strip():
        return None  # nothing decided on this row: nothing lost
    raise AuditError(f"{path} row {line}: {raw.strip()!r} is not a finding id (12 hex digits; did the spreadsheet change it?)")


# --- merging reviewers' files ---------------------------------------------------------------------


@dataclass
class Decisions:
    """Every file's rows merged by finding id."""

    entries: dict[str, Decision] = field(default_factory=dict)  # one per id; status OPEN where reviewers disagree
    conflicts: dict[str, list[Decision]] = field(default_factory=dict)  # id → the rows that disagree
    files: list[str] = field(default_factory=list)


def merge_decisions(files: Iterable[tuple[str, list[Decision]]]) -> Decisions:
    """Merge (name, rows) of several files: agreeing or empty statuses combine, different ones conflict.

    Notes are all kept (each distinct note once). A row left open says nothing, so it never conflicts.
    """
    merged = Decisions()
    rows_by_id: dict[str, list[Decision]] = {}
    for name, rows in files:
        merged.files.append(name)
        for row in rows:
            rows_by_id.setdefault(row.id, []).append(row if row.origin else replace(row, origin=name))
    for finding_id, rows in rows_by_id.items():
        statuses = list(dict.fromkeys(r.status for r in rows if r.status))
        notes = list(dict.fromkeys(r.note for r in rows if r.note))
        first = rows[0]
        if len(statuses) > 1:
            merged.conflicts[finding_id] = [r for r in rows if r.status]
        status = statuses[0] if len(statuses) == 1 else OPEN
        merged.entries[finding_id] = Decision(
            id=finding_id, status=status, note=" | ".join(notes), file=first.file, code=first.code,
            message=first.message, location=first.location, origin=", ".join(dict.fromkeys(r.origin for r in rows)),
        )
    return merged


def load_decisions(paths: Iterable[Path]) -> Decisions:
    return merge_decisions((str(path), read_decisions(path)) for path in paths)


# --- applying them to a run -----------------------------------------------------------------------


@dataclass
class Review:
    """What the decisions did to a run; the report writers show it."""

    decisions: Decisions
    ignored: dict[str, list[Finding]] = field(default_factory=dict)  # document → findings suppressed by `ignore`
    resolved: list[Decision] = field(default_factory=list)  # rows whose finding is no longer found
    elsewhere: int = 0  # rows about documents this run did not audit
    counts: Counter[str] = field(default_factory=Counter)  # open, accepted, ignored, conflict, resolved
    seen: set[str] = field(default_factory=set)  # ids of this run's findings (listed or ignored)

    def status(self, finding: Finding) -> str:
        """ACCEPTED, IGNORE, CONFLICT or OPEN for a finding of this run."""
        if finding.id in self.decisions.conflicts:
            return CONFLICT
        entry = self.decisions.entries.get(finding.id)
        return entry.status if entry else OPEN

    def note(self, finding: Finding) -> str:
        entry = self.decisions.entries.get(finding.id)
        return entry.note if entry else ""

    @property
    def conflicts(self) -> dict[str, list[Decision]]:
        """Disagreements about findings of this run (one about a finding since resolved no longer matters)."""
        return {i: rows for i, rows in self.decisions.conflicts.items() if i in self.seen}


    def take(self, result: DocumentResult) -> None:
        """Apply the decisions to one document as it comes: its `ignore`d findings suppressed (counted in its
        `suppressed`), the others counted by status."""
        kept = []
        for finding in result.findings:
            self.seen.add(finding.id)
            status = self.status(finding)
            if status == IGNORE:
                self.ignored.setdefault(result.name, []).append(finding)
                result.suppressed += 1
                self.counts["ignored"] += 1
            else:
                kept.append(finding)
                self.counts[status or "open"] += 1
        result.findings = kept

    def finish(self, names: Iterable[str]) -> None:
        """After the run's last document (`names`: every document audited): the decisions whose finding is
        gone are resolved, those about documents not audited are set aside."""
        audited = list(names)
        for entry in self.decisions.entries.values():
            if entry.id in self.seen:
                continue
            if entry.file and not any(same_document(entry.file, name) for name in audited):
                self.elsewhere += 1
            else:
                self.resolved.append(entry)
        self.counts["resolved"] = len(self.resolved)


def apply_decisions(results: list[DocumentResult], decisions: Decisions) -> Review:
    """Suppress `ignore`d findings (counted in each result's `suppressed`), and find what was resolved."""
    review = Review(decisions)
    for result in results:
        review.take(result)
    review.finish(result.name for result in results)
    return review


def same_document(a: str, b: str) -> bool:
    """The same article, even when named from another folder (`news/a.txt` and `a.txt`)."""
    return a == b or file_name(a) == file_name(b)
