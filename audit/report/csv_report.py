"""CSV for spreadsheets: UTF-8 with BOM (Excel then shows Chinese), stable columns, formulas defused."""

from __future__ import annotations

import csv
import io
from audit.model import DocumentResult
from audit.report.rows import COLUMNS, rows

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """Prefix a would-be formula with an apostrophe, as OWASP recommends; spreadsheets show it as text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def render_csv(results: list[DocumentResult]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows(results):
        writer.writerow({key: defuse(value) for key, value in row.items()})
    return buffer.getvalue()

