"""End to end: the README's main command on the bundled sample, and bad input."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE


def audit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], list[dict[str, str]], Path]:
    out = tmp_path_factory.mktemp("reports")
    result = audit("check", str(SAMPLE), "--out", str(out))
    with open(out / "audit.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return result, rows, out


def test_sample_findings_are_exactly_the_known_errors(sample_run) -> None:  # type: ignore[no-untyped-def]
    result, rows, _ = sample_run
    assert result.returncode == 1, result.stderr  # an error-level finding fails the run
    found = {(r["code"], r["severity"], r["source_location"] or r["target_location"]) for r in rows}
    path = str(SAMPLE)
    assert found == {
        ("N001", "error", f"{path}:7:1"),  # 威特科夫 → "Whitaker"
        ("O001", "error", f"{path}:1:1"),  # headline not translated
        ("O001", "warning", f"{path}:3:1"),  # dateline not translated
        ("C001", "warning", f"{path}:7:122"),  # 普丁 and 普京 in one source
        ("F001", "warning", f"{path}:23:1"),  # the lone non-breaking space paragraph
    }
    [name] = [r for r in rows if r["code"] == "N001"]
    assert (name["expected"].split(" / ")[0], name["found"], name["suggestion"]) == ("Witkoff", "Whitaker", "Whitaker → Witkoff")
    assert name["target_location"] == f"{path}:19:1"
    assert not [r for r in rows if r["code"] in ("U001", "D001")]  # every number and date in the sample agrees


def test_sample_writes_both_reports_and_a_terminal_summary(sample_run) -> None:  # type: ignore[no-untyped-def]
    result, _, out = sample_run
    assert (out / "audit.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    html = (out / "audit.html").read_text(encoding="utf-8")
    assert "Whitaker" in html and "威特科夫" in html
    assert f"{SAMPLE}:19:1: N001 error" in result.stdout
    assert "1 document, " in result.stdout and "2 errors, 3 warnings" in result.stdout


def test_fail_on_and_rule_selection_drive_the_exit_code(tmp_path: Path) -> None:
    assert audit("check", str(SAMPLE), "--out", str(tmp_path), "--select", "F").returncode == 0
    assert audit("check", str(SAMPLE), "--out", str(tmp_path), "--select", "F", "--fail-on", "warning").returncode == 1


def test_pair_of_files(tmp_path: Path) -> None:
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text("此外,美國白宮於12月2日宣布,川普已終止對烏克蘭的援助。\n", encoding="utf-8")
    en.write_text("In addition, on December 2, the White House announced that Trump had ended aid to Ukraine.\n", encoding="utf-8")
    result = audit("check", "--source", str(zh), "--target", str(en), "--out", str(tmp_path / "r"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "missing.txt"], "missing.txt: no such file"),
        (["check"], "nothing to audit"),
        (["check", "--source", "a.txt"], "--source and --target go together"),
        (["check", str(SAMPLE), "--fail-on", "fatal"], "unknown severity"),
        (["check", str(SAMPLE), "--select", "Z999"], "unknown rule code"),
    ],
)
def test_usage_and_input_errors_are_one_line_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = audit(*args, "--out", str(tmp_path / "r"), cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and not (tmp_path / "r").exists()


def test_a_severity_override_for_an_unknown_rule_is_an_error(tmp_path: Path) -> None:
    (tmp_path / ".audit.toml").write_text('severity = { O002 = "info", N01 = "info" }\n', encoding="utf-8")
    result = audit("check", str(SAMPLE), "--out", str(tmp_path / "r"), cwd=tmp_path)
    assert result.returncode == 2 and "unknown rule code 'N01' in 'severity'" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "r").exists()


def test_a_bad_file_is_skipped_and_reported_and_strict_keeps_the_previous_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert audit("check", str(SAMPLE), "--out", str(out)).returncode == 1
    before = (out / "audit.csv").read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    strict = audit("check", str(SAMPLE), str(bad), "--out", str(out), "--strict")
    assert strict.returncode == 2 and "binary data" in strict.stderr
    assert (out / "audit.csv").read_bytes() == before  # nothing rewritten by a run that stopped
    lenient = audit("check", str(bad), str(SAMPLE), "--out", str(tmp_path / "r"))
    assert lenient.returncode == 2  # input errors outrank findings
    assert lenient.stderr.strip() == f"audit: error: {bad}: binary data, not a text file (skipped)"
    assert "Whitaker" in (tmp_path / "r" / "audit.csv").read_text(encoding="utf-8-sig")  # the good file was audited


def test_rules_lists_every_rule_with_its_code() -> None:
    listing = audit("rules").stdout
    for code in ("N001", "N002", "U001", "D001", "C001", "O001", "O002", "F001"):
        assert code in listing


def test_version_is_the_package_version() -> None:
    from audit import __version__

    done = audit("--version")
    assert (done.returncode, done.stdout) == (0, f"audit (zh-en-audit) {__version__}\n")


def test_a_file_of_another_kind_is_one_line_with_an_article_english_wants(tmp_path: Path) -> None:
    (tmp_path / "Makefile").write_text("all:\n", encoding="utf-8")
    done = audit("check", "Makefile", "--no-report", cwd=tmp_path)
    assert done.returncode == 2
    assert "audit: error: Makefile: cannot audit an extensionless file (audited: .txt" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["check", "hook"])
def test_a_mistyped_format_stops_before_the_audit(command: str, tmp_path: Path) -> None:
    """`--format csv` (a report name, not a line style) is refused at once: no finding lines, no reports."""
    args = [command, str(SAMPLE), "--format", "csv"] + (["--out", str(tmp_path / "rep")] if command == "check" else [])
    result = audit(*args)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["audit: error: unknown --format 'csv' (use text, github)"]
    assert result.stdout == ""
    assert not (tmp_path / "rep").exists()
