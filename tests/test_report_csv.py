from __future__ import annotations

import csv
import io

from audit.cells import defuse
from audit.model import Finding, Location, Severity
from audit.report.csv_report import render_csv
from audit.report.rows import COLUMNS
from tests.test_report_terminal import result_with


def test_csv_has_stable_columns_and_keeps_chinese() -> None:
    finding = Finding("N001", "name-mismatch", Severity.ERROR, '威特科夫 rendered "Whitaker"; expected "Witkoff"',
                      source_text="美國特使威特科夫", target_text="U.S. special envoy Whitaker",
                      source_loc=Location("a.txt", 7, 1), target_loc=Location("a.txt", 19, 1),
                      expected="Witkoff", found="Whitaker", suggestion="Whitaker → Witkoff")
    text = render_csv([result_with([finding])])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0].keys()) == COLUMNS
    assert rows[0]["source_text"] == "美國特使威特科夫" and rows[0]["suggestion"] == "Whitaker → Witkoff"
    assert rows[0]["target_location"] == "a.txt:19:1" and rows[0]["severity"] == "error"


def test_cells_that_would_run_as_formulas_are_defused() -> None:
    for evil in ("=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert defuse(evil) == "'" + evil
    assert defuse("Witkoff") == "Witkoff" and defuse("") == ""
    finding = Finding("O002", "added-sentence", Severity.WARNING, "Sentence has no counterpart", found="=1+1")
    assert "'=1+1" in render_csv([result_with([finding])])
