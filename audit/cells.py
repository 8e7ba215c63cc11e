"""Cells as spreadsheets read them: which text would run as a formula or turn into a number, and its guard.

The one source of truth for the CSV writer (audit.report.csv_report), the HTML page's decisions export (which
receives these sets from Python at render time) and the decisions reader, which undoes the guard.

What runs as a formula, checked rather than assumed (tests/test_report_csv.py opens the cells in LibreOffice):
LibreOffice Calc 7.4 opening a CSV runs only cells starting with `=` (with or without its "trim spaces" option);
Excel and Google Sheets also run `+`, `-` and `@` as formula starts, and OWASP's list adds tab, carriage return
and line feed. A space before the `=` (" =1+1") is text in LibreOffice and Excel, but an importer that trims
leading spaces would hand a formula on, so such cells are guarded too: the apostrophe costs nothing. Full-width
signs (＝, ＋) start no formula in any of them (LibreOffice tested; Excel keeps a full-width ＝ as text), so
they are left alone.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Spaces an importer may trim before reading a cell: space, no-break space, ideographic space.
LEADING_SPACES = (" ", "\u00a0", "\u3000")
# A spreadsheet reads these finding ids as numbers (123456789012, 1234e5678901) and writes them back changed.
NUMERIC_ID = re.compile(r"\d+(?:[eE]\d+)?")


def runs_as_formula(cell: str) -> bool:
    """True when a spreadsheet (or an importer that trims leading spaces) would run the cell as a formula."""
    return cell.lstrip("".join(LEADING_SPACES))[:1] in FORMULA_START if cell else False


def defuse(cell: str) -> str:
    """Prefix a would-be formula with an apostrophe, as OWASP recommends; spreadsheets show it as text."""
    return "'" + cell if runs_as_formula(cell) else cell


def guard_id(finding_id: str) -> str:
    """The id as written in a CSV cell: one a spreadsheet would turn into a number gets a leading '."""
    return "'" + finding_id if NUMERIC_ID.fullmatch(finding_id) else finding_id


def undefuse(cell: str) -> str:
    """Undo `defuse` and `guard_id`: `'=x` was `=x`, and `'0123…` an id kept as text."""
    if cell.startswith("'") and (runs_as_formula(cell[1:]) or NUMERIC_ID.fullmatch(cell[1:])):
        return cell[1:]
    return cell
