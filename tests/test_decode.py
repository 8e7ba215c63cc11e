"""Bytes → text in one module (audit/io/decode.py): each kind of file a user gives, as Windows tools save it.

Settings, baselines and earlier JSON reports are UTF-8 by their format's specification: saved by Notepad they
start with a byte-order mark, which is passed over; bytes that are not UTF-8 are one line naming the byte.
Articles and sheets are read by the same module; the legacy code pages are tried in one place.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from audit.baseline import read_baseline
from audit.compare import load_previous
from audit.config import load_settings
from audit.errors import AuditError, InputError
from audit.io.decode import decode, decode_utf8, legacy_readings, peek
from audit.io.discover import find_jobs
from audit.model import Severity
from audit.sheet import decode_csv
from tests.conftest import ROOT

SAMPLE = ROOT / "fixtures" / "seed-article.txt"
BOM = b"\xef\xbb\xbf"
# Traditional Chinese of NTREX-128 (the bundled excerpt): what a Taiwanese newsroom saves in Big5.
TRADITIONAL = (ROOT / "fixtures" / "ntrex-excerpt" / "newstest2019-ref.zho-TW.txt").read_text(encoding="utf-8")


def test_settings_saved_with_a_byte_order_mark_are_read(tmp_path: Path) -> None:
    (tmp_path / ".audit.toml").write_bytes(BOM + 'ignore = ["N002"]\nfail-on = "warning"\n'.encode())
    settings = load_settings(tmp_path)
    assert settings.ignore == ["N002"] and settings.fail_on is Severity.WARNING


def test_settings_not_utf8_are_one_line_naming_the_byte(tmp_path: Path) -> None:
    (tmp_path / ".audit.toml").write_bytes('ignore = ["N002"] # 不\n'.encode("big5"))
    with pytest.raises(InputError, match=r"\.audit\.toml: not UTF-8 \(byte 20\), as a TOML file must be$"):
        load_settings(tmp_path)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "audit", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_a_baseline_and_a_report_edited_in_notepad_are_still_read(tmp_path: Path) -> None:
    """The sample's baseline and JSON report, saved again with a BOM: the baseline still suppresses every
    finding, and the earlier run is still compared."""
    assert _run("baseline", str(SAMPLE), "-o", "base.json", cwd=tmp_path).returncode == 0
    assert _run("check", str(SAMPLE), "-r", "json", "-o", "first", cwd=tmp_path).returncode == 1
    for name in ("base.json", "first/audit.json"):
        (tmp_path / name).write_bytes(BOM + (tmp_path / name).read_bytes())
    assert sum(read_baseline(tmp_path / "base.json").values()) == 5
    assert sum(len(found) for found in load_previous(tmp_path / "first" / "audit.json").findings.values()) == 5
    again = _run("check", str(SAMPLE), "--baseline", "base.json", "--no-report", cwd=tmp_path)
    assert again.returncode == 0 and "5 suppressed" in again.stdout


def test_a_report_that_is_not_utf8_is_named_with_the_byte(tmp_path: Path) -> None:
    report = tmp_path / "audit.json"
    report.write_bytes(json.dumps({"tool": "普京"}, ensure_ascii=False).encode("gb18030"))
    with pytest.raises(AuditError, match=r"not UTF-8 \(byte 10\), as a JSON report must be"):
        load_previous(report)
    assert decode_utf8(BOM + b"{}", report, "a JSON report") == "{}"


def test_big5_is_found_by_the_look_and_named_by_the_reader(tmp_path: Path) -> None:
    """An article saved in Big5 is found as an article (peek reads the legacy code page), and its reader stops
    naming the encoding to pass; a decisions sheet takes the legible reading on its own."""
    data = TRADITIONAL.encode("big5", errors="replace")
    assert set(legacy_readings(data)) == {"big5", "gb18030"}  # both decode: only legibility tells them apart
    assert peek(data[:4001]).startswith(TRADITIONAL[:100])  # cut inside a character: read up to it
    with pytest.raises(InputError, match="it decodes as BIG5: try --encoding big5"):
        decode(data, Path("story.txt"))
    assert decode(data, Path("story.txt"), "big5") == decode_csv(data, "sheet.csv")
    article = tmp_path / "story.txt"
    article.write_bytes(data + "\n\nThe English half.\n".encode())
    assert [job.kind for job in find_jobs([tmp_path]).jobs] == ["text"]
