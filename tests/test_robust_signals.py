"""The command under stress from outside: reports it cannot write, a reader that goes away, signals, hostile
file names. Findings are never lost, nothing is half done, and nothing a file name holds reaches the terminal raw."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

ARTICLE = SAMPLE.read_text(encoding="utf-8")
COMMAND = [sys.executable, "-m", "audit"]


def audit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_out_under_a_regular_file_prints_the_findings_and_one_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "blocker").write_text("a file", encoding="utf-8")
    result = audit("check", "a.txt", "--out", "blocker/reports", cwd=tmp_path)
    assert result.returncode == 2
    assert "N001 error" in result.stdout and "1 document, 18 aligned pairs" in result.stdout  # the findings survive
    assert result.stderr == "audit: error: blocker/reports: cannot create this folder (Not a directory): nothing written; the findings are printed above\n"


def test_a_reader_that_goes_away_ends_the_output_quietly_and_reports_are_still_written(tmp_path: Path) -> None:
    for number in range(40):  # enough finding lines to fill the pipe's buffer many times over
        (tmp_path / f"a{number:02}.txt").write_text(ARTICLE, encoding="utf-8")
    process = subprocess.Popen([*COMMAND, "check", ".", "--out", "out"], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    error = process.stderr.read()
    assert process.wait(timeout=300) == 1 and first.startswith("a00.txt:")
    assert error == ""  # no BrokenPipeError, no "Exception ignored"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["audit.csv", "audit.html"]


def test_control_characters_in_file_names_are_shown_escaped(tmp_path: Path) -> None:
    name = "evil\x1b]0;owned\x07\nfake.txt:1:1: N001 error: forged.txt"
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    result = audit("check", name, "--no-report", cwd=tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert all(line.startswith("evil\\x1b]0;owned\\x07\\x0afake.txt") for line in result.stdout.splitlines()[:5])
    missing = audit("check", "gone\x1b[2J.txt", "--no-report", cwd=tmp_path)
    assert missing.returncode == 2 and missing.stderr == "audit: error: gone\\x1b[2J.txt: no such file or folder\n"


def _children(pid: int) -> set[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return {int(child) for child in handle.read().split()}
    except OSError:
        return set()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the worker processes")
@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_a_parallel_run_ends_it_cleanly(tmp_path: Path, signum: int, code: int) -> None:
    for number in range(60):
        (tmp_path / f"a{number:02}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "audit.csv").write_bytes(b"previous run")
    process = subprocess.Popen([*COMMAND, "check", ".", "--jobs", "2", "--out", "out"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    workers = _children(process.pid)
    assert len(workers) >= 2, "the workers never started"
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    assert process.returncode == code
    assert err == "audit: interrupted; no report written\n", err  # one line, no traceback from any process
    assert (tmp_path / "out" / "audit.csv").read_bytes() == b"previous run"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["audit.csv"]
    time.sleep(0.3)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists() and _state(pid) != "Z"]  # workers gone


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


# A run whose workers take a second to start (their signal set-up delayed), so that the pool is ended while they
# are still starting: the window in which a worker once handled SIGTERM with the handler it inherited from the main
# process, and printed a traceback (a race seen under load).
SLOW_START = """
import sys, time
import audit.run
from audit.cli import main
set_up = audit.run._worker_signals
def slow() -> None:
    time.sleep(1.0)
    set_up()
audit.run._worker_signals = slow
sys.argv = ["audit", "check", ".", "--jobs", "2", "--out", "out"]
main()
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the worker processes")
def test_workers_still_starting_end_silently(tmp_path: Path) -> None:
    for number in range(20):
        (tmp_path / f"a{number:02}.txt").write_text(ARTICLE, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-c", SLOW_START], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    assert len(_children(process.pid)) >= 2, "the workers never started"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143
    assert err == "audit: interrupted; no report written\n", err
