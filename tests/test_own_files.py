"""Our own files (reports, decisions, glossaries) are passed over with a note, never audited as articles."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from audit.io.discover import find_jobs
from audit.io.ownfiles import AUDIT_CSV, BASELINE, DECISIONS, GLOSSARY, HTML_REPORT, JSON_REPORT, SARIF_REPORT, own_file_note
from tests.conftest import ROOT, SAMPLE

DECISIONS_DIR = ROOT / "fixtures" / "decisions"
GLOSSARY_CSV = ROOT / "fixtures" / "glossaries" / "newsroom.csv"


def audit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every report of a real run on the sample, and its baseline."""
    out = tmp_path_factory.mktemp("reports")
    done = audit("check", str(SAMPLE), "-r", "csv", "-r", "json", "-r", "sarif", "-r", "html", "--out", str(out), cwd=ROOT)
    assert done.returncode == 1, done.stderr
    assert audit("baseline", str(SAMPLE), "-o", str(out / "baseline.json"), cwd=ROOT).returncode == 0
    return out


@pytest.mark.parametrize("name, note", [
    ("seed-audit.csv", AUDIT_CSV),  # as written, status empty
    ("seed-reviewed.libreoffice.csv", DECISIONS),  # saved by LibreOffice: comma, UTF-8 without BOM
    ("seed-reviewed.libreoffice-semicolon.csv", DECISIONS),  # all text quoted, semicolons
    ("seed-reviewed.libreoffice-utf16.csv", DECISIONS),  # UTF-16 with tabs
    ("seed-reviewed-second.libreoffice.csv", DECISIONS),
])
def test_audit_csvs_and_decisions_are_recognised_as_editors_save_them(name: str, note: str) -> None:
    assert own_file_note(DECISIONS_DIR / name) == note


def test_reports_glossaries_and_baselines_are_recognised(reports: Path) -> None:
    assert own_file_note(reports / "audit.csv") == AUDIT_CSV
    assert own_file_note(reports / "audit.json") == JSON_REPORT
    assert own_file_note(reports / "audit.sarif") == SARIF_REPORT
    assert own_file_note(reports / "audit.html") == HTML_REPORT
    assert own_file_note(reports / "baseline.json") == BASELINE
    assert own_file_note(GLOSSARY_CSV) == GLOSSARY


def test_articles_and_other_files_are_not_ours() -> None:
    assert own_file_note(SAMPLE) is None
    for table in (ROOT / "fixtures" / "formats").rglob("*.[ct]sv"):
        assert own_file_note(table) is None, table


def test_own_files_in_a_folder_are_passed_over_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "decisions").mkdir()
    for decisions in DECISIONS_DIR.glob("*.csv"):
        shutil.copy(decisions, tmp_path / "decisions")
    shutil.copy(GLOSSARY_CSV, tmp_path / "glossary.csv")
    shutil.copy(SAMPLE, tmp_path / "story.txt")
    found = find_jobs([tmp_path])
    assert [job.paths[0].name for job in found.jobs] == ["story.txt"]
    notes = {p.path.name: p.note for p in found.passed if p.own}
    assert notes["glossary.csv"] == GLOSSARY
    assert notes["seed-reviewed.libreoffice.csv"] == DECISIONS
    assert len(notes) == 6


def test_a_decisions_file_named_alone_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = audit("check", str(DECISIONS_DIR / "seed-reviewed.libreoffice.csv"), "--out", str(tmp_path), cwd=ROOT)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines()[-1] == (
        f"audit: error: {DECISIONS_DIR / 'seed-reviewed.libreoffice.csv'}: {DECISIONS}; nothing else to audit")
    assert "Traceback" not in done.stderr


def test_named_beside_an_article_a_decisions_file_is_a_note_and_the_article_is_audited(tmp_path: Path) -> None:
    reviewed = DECISIONS_DIR / "seed-reviewed.libreoffice.csv"
    done = audit("check", str(SAMPLE), str(reviewed), "--out", str(tmp_path / "out"), cwd=ROOT)
    assert done.returncode == 1, done.stderr
    assert f"audit: passed over {reviewed}: {DECISIONS}" in done.stderr
    assert "1 document," in done.stdout  # the decisions file is not a second document


def test_the_readme_trend_workflow_does_not_audit_earlier_reports(tmp_path: Path) -> None:
    """`audit check news/ -o reports/DATE --compare reports/EARLIER/audit.json`, run from the content folder."""
    (tmp_path / "news").mkdir()
    shutil.copy(SAMPLE, tmp_path / "news" / "story.txt")
    first = audit("check", ".", "-r", "csv", "-r", "json", "-o", "reports/2025-12-08", cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    second = audit("check", ".", "-r", "csv", "-r", "json", "-o", "reports/2025-12-15",
                   "--compare", "reports/2025-12-08/audit.json", cwd=tmp_path)
    assert second.returncode == 1, second.stderr
    assert "0 new, 0 resolved, 5 unchanged" in second.stdout
    assert "1 document," in second.stdout
    report = json.loads((tmp_path / "reports" / "2025-12-15" / "audit.json").read_text(encoding="utf-8"))
    assert [d["file"] for d in report["documents"]] == ["news/story.txt"]


def test_an_out_folder_with_glob_characters_excludes_itself(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "story.txt")
    for _ in range(2):  # the second run finds the first run's reports inside the folder it audits
        done = audit("check", ".", "-r", "csv", "-o", "rep[1]", cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert "1 document," in done.stdout
        assert "rep[1]" not in done.stderr  # excluded by its name, not even passed over with a note
