"""Reports are all-or-nothing: an interrupted or failed run never leaves half a report, nor loses the last one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audit.config import Settings
from audit.io.text import read_bilingual
from audit.report import atomic
from audit.run import audit_documents, meta, render_reports, write_reports
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    run = audit_documents([("sample", lambda: read_bilingual(SAMPLE))], Settings())
    return render_reports(run.results, ["csv", "html", "json", "sarif"], meta(Settings()))


def test_a_crash_while_writing_leaves_the_old_report_and_no_temp_file(tmp_path: Path, rendered, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "audit.csv").write_bytes(b"old report")
    real_fsync = os.fsync

    def crash(fd: int) -> None:  # the data is half on its way to disk when the machine "dies"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(OSError):
        write_reports(rendered, tmp_path)
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert (tmp_path / "audit.csv").read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["audit.csv"]  # no .tmp left behind


def test_written_reports_are_complete_and_readable_by_others(tmp_path: Path, rendered) -> None:  # type: ignore[no-untyped-def]
    written = write_reports(rendered, tmp_path)
    for path in written:
        assert path.read_bytes() == rendered[path.name]
        assert path.stat().st_mode & 0o044  # group/other may read, unlike mkstemp's 0600


def test_reports_render_before_any_is_written(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from audit.report import html

    (tmp_path / "audit.csv").write_bytes(b"old csv")
    run = audit_documents([("sample", lambda: read_bilingual(SAMPLE))], Settings())
    monkeypatch.setattr(html, "render_html", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("template broke")))
    with pytest.raises(RuntimeError):
        write_reports(render_reports(run.results, ["csv", "html"], meta(Settings())), tmp_path)
    assert (tmp_path / "audit.csv").read_bytes() == b"old csv"  # the CSV was not replaced by a run that failed


def test_out_path_that_is_a_file_is_refused(tmp_path: Path, rendered) -> None:  # type: ignore[no-untyped-def]
    from audit.errors import AuditError

    blocker = tmp_path / "reports"
    blocker.write_text("I am a file", encoding="utf-8")
    with pytest.raises(AuditError, match="exists and is not a folder"):
        write_reports(rendered, blocker)
