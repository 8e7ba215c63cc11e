"""The HTML report in a real headless browser: its script runs, filters work, injected code does not."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from tests.test_report_html import META, Node, parse, sample_results

from tests.rendered import write_html

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("chromium not installed: apt-get install chromium")
    return path


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    write_html(sample_results(), path, META)
    return path


def run(chromium: str, tmp_path: Path, *args: str) -> str:
    command = [chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def dump(chromium: str, tmp_path: Path, url: str) -> Node:
    return parse(run(chromium, tmp_path, "--dump-dom", url))


def test_script_runs_and_injected_code_does_not(chromium: str, tmp_path: Path, report: Path) -> None:
    dom = dump(chromium, tmp_path, report.as_uri())
    assert dom.one("body").attrs.get("data-ready") == "1"
    assert dom.one("head").one("title").text == "Translation audit report"  # the article's script would set "pwned"
    assert not dom.all("img")
    assert "<script>" in dom.one("tbody", id="doc-2-p1").one("td", cls="zh").text
    assert dom.one(id="shown-count").text == "8"


def test_address_presets_filters(chromium: str, tmp_path: Path, report: Path) -> None:
    dom = dump(chromium, tmp_path, report.as_uri() + "#sev=error")
    findings = dom.all("li", cls="finding")
    assert {f.attrs["data-sev"] for f in findings if "hidden" not in f.attrs} == {"error"}
    assert all("hidden" in f.attrs for f in findings if f.attrs["data-sev"] == "warning")
    assert dom.one(id="shown-count").text == "3"
    # The glossary warning's pair loses its colour and its highlight while warnings are hidden.
    pair = dom.one("tbody", id="doc-1-p6")
    assert pair.attrs["data-worst"] == "" and all("off" in m.classes for m in pair.all("mark"))


def test_only_pairs_with_findings(chromium: str, tmp_path: Path, report: Path) -> None:
    dom = dump(chromium, tmp_path, report.as_uri() + "#code=N001&only=1")
    shown = [p.attrs["id"] for p in dom.all("tbody", cls="pair") if "hidden" not in p.attrs]
    assert shown == ["doc-1-p5"]


def test_screenshot(chromium: str, tmp_path: Path, report: Path) -> None:
    shot = tmp_path / "report.png"
    run(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", report.as_uri())
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
