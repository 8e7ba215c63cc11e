"""CSV for spreadsheets: UTF-8 with BOM (Excel then shows Chinese), stable columns, formulas defused.

It is also the editor's worksheet: `status` and `note` are the last columns, and the file saved after triage
is read back by `audit check --decisions` (audit.decisions).
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Iterable, TextIO

from audit.cells import defuse, guard_id
from audit.model import DocumentResult
from audit.report.rows import COLUMNS, rows

if TYPE_CHECKING:
    from audit.decisions import Review


def csv_cells(row: dict[str, str]) -> dict[str, str]:
    """A row as written: formulas defused, and an id that a spreadsheet would read as a number kept text."""
    cells = {key: defuse(value) for key, value in row.items()}
    cells["id"] = guard_id(row["id"])
    return cells


def write_csv(out: TextIO, results: Iterable[DocumentResult], review: Review | None = None) -> None:
    """The rows written as they are made, one finding at a time."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows(results, review):
        writer.writerow(csv_cells(row))
