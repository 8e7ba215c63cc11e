from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from audit.cells import defuse, undefuse
from audit.model import Finding, Location, Severity
from tests.rendered import render_csv
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


def test_a_formula_behind_leading_spaces_is_guarded_full_width_signs_are_text() -> None:
    for evil in (" =1+1", "  =1+1", "\u00a0=1+1", "\u3000@SUM(A1)", " -2", "\n=1+1"):
        assert defuse(evil) == "'" + evil and undefuse(defuse(evil)) == evil
    for text in ("\uff1d1+1", "\uff0b1", "a=1", "   ", "'quoted", "Witkoff = envoy"):
        assert defuse(text) == text and undefuse(text) == text


HOSTILE = ("=1+1", " =1+1", "\u3000=1+1", "\uff1d1+1", "\uff0b1+1", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\n=1+1", "=-1")


def libreoffice_formulas(csv_path: Path, folder: Path) -> list[str]:
    """The cells LibreOffice Calc runs as formulas when it opens the CSV (its Text CSV import, UTF-8, comma)."""
    openpyxl = pytest.importorskip("openpyxl")
    command = ["soffice", "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
               "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(folder), str(csv_path)]
    subprocess.run(command, capture_output=True, timeout=180, check=True)
    sheet = openpyxl.load_workbook(folder / (csv_path.stem + ".xlsx")).active
    return [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed: apt-get install libreoffice-calc-nogui")
def test_libreoffice_runs_no_cell_of_the_csv_report(tmp_path: Path) -> None:
    findings = [Finding("O002", "added-sentence", Severity.WARNING, cell, found=cell, expected=cell) for cell in HOSTILE]
    report = tmp_path / "audit.csv"
    report.write_bytes(render_csv([result_with(findings)]).encode("utf-8-sig"))
    assert libreoffice_formulas(report, tmp_path) == []
    # The same cells unguarded: LibreOffice runs the `=` ones (so the check above can fail), and only those.
    raw = tmp_path / "raw.csv"
    raw.write_text("cell\n" + "".join(f'"{cell}"\n' for cell in HOSTILE), encoding="utf-8")
    assert sorted(libreoffice_formulas(raw, tmp_path)) == ["=-1", "=1+1"]
