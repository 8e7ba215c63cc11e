"""Cells as spreadsheets read them: which text would run as a formula or turn into a number, and its guard.

The one source of truth for the CSV writer (audit.report.csv_report), the HTML page's decisions export (which
receives the set from Python at render time) and the decisions reader, which undoes the guard.
"""

from __future__ import annotations

import re

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets (OWASP's
# "CSV Injection" list: = + - @, and tab and carriage return, after which some importers start the formula).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet reads these finding ids as numbers (123456789012, 1234e5678901) and writes them back changed.
NUMERIC_ID = re.compile(r"\d+(?:[eE]\d+)?")


def defuse(cell: str) -> str:
    """Prefix a would-be formula with an apostrophe, as OWASP recommends; spreadsheets show it as text."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def guard_id(finding_id: str) -> str:
    """The id as written in a CSV cell: one a spreadsheet would turn into a number gets a leading '."""
    return "'" + finding_id if NUMERIC_ID.fullmatch(finding_id) else finding_id


def undefuse(cell: str) -> str:
    """Undo `defuse` and `guard_id`: `'=x` was `=x`, and `'0123…` an id kept as text."""
    if cell.startswith("'") and (defuse(cell[1:]) != cell[1:] or NUMERIC_ID.fullmatch(cell[1:])):
        return cell[1:]
    return cell
