"""Our own files — audit reports, decisions files, glossaries, baselines — told from articles by their header.

An audit CSV has the columns of `audit.report.rows.COLUMNS`, whatever a spreadsheet did to it (another
delimiter, quotes, UTF-16, a BOM); a triaged copy of it (a status filled in) is a decisions file. A glossary
has `chinese` and `english` columns with `type` or `note` beside them (audit.lexicon.glossary). The JSON,
SARIF and HTML reports and the baseline name the tool in their first lines. Read as an article, any of these
gives findings that mean nothing, so discovery passes them over and says what the file is for.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from audit.io.decode import peek
from audit.report.rows import COLUMNS

_HEAD_BYTES = 16 * 1024
# Enough of the audit CSV's columns to tell it from any article table; a spreadsheet may drop or add others.
_REPORT_COLUMNS = frozenset(COLUMNS[:6])  # id, file, code, rule, severity, message
_GLOSSARY_COLUMNS = frozenset(("chinese", "english"))
_GLOSSARY_EXTRAS = frozenset(("type", "note"))
_JSON_REPORT = re.compile(r'"tool"\s*:\s*\{\s*"name"\s*:\s*"audit"')
_SARIF_REPORT = re.compile(r'"driver"\s*:\s*\{\s*"name"\s*:\s*"audit"')
_BASELINE = re.compile(r'"tool"\s*:\s*"audit ')
_HTML_REPORT = re.compile(r'<meta name="generator" content="audit ')

DECISIONS = "this is a decisions file: use --decisions"
AUDIT_CSV = "this is an audit report (CSV): triage it and give it with --decisions"
GLOSSARY = "this is a glossary: use --glossary"
JSON_REPORT = "this is an audit report (JSON): give it with --compare to see what changed"
SARIF_REPORT = "this is an audit report (SARIF), for code-scanning tools"
HTML_REPORT = "this is an audit report (HTML): open it in a browser"
BASELINE = "this is a baseline: use --baseline"


def own_file_note(path: Path) -> str | None:
    """What our file `path` is for (a one-line note), or None when it is not one of ours."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".tsv", ".json", ".sarif", ".html", ".htm"):
        return None
    head = _head(path)
    if suffix in (".csv", ".tsv"):
        return _table_note(head)
    if suffix == ".html" or suffix == ".htm":
        return HTML_REPORT if _HTML_REPORT.search(head) else None
    if _SARIF_REPORT.search(head):
        return SARIF_REPORT
    if _JSON_REPORT.search(head):
        return JSON_REPORT
    return BASELINE if _BASELINE.search(head) else None


def _head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(_HEAD_BYTES)
    except OSError:
        return ""  # the reader says what is wrong with it
    return peek(data)


def _table_note(head: str) -> str | None:
    lines = head.splitlines()
    if not lines:
        return None
    delimiter = max(",;\t", key=lines[0].count)
    rows = list(csv.reader(io.StringIO("\n".join(lines[:-1] or lines)), delimiter=delimiter))
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    names = set(header)
    if _REPORT_COLUMNS <= names:
        status = header.index("status") if "status" in names else None
        decided = status is not None and any(len(row) > status and row[status].strip() for row in rows[1:])
        return DECISIONS if decided else AUDIT_CSV
    if _GLOSSARY_COLUMNS <= names and names & _GLOSSARY_EXTRAS:
        return GLOSSARY
    return None
