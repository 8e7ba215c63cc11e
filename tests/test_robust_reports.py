"""Reports are all-or-nothing: an interrupted or failed run never leaves half a report, nor loses the last one."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from audit.config import Settings
from audit.errors import ReportError, Terminated
from audit.io.text import read_bilingual
from audit.report import atomic
from audit.run import audit_documents, meta, write_reports
from tests.rendered import render_reports
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
    with pytest.raises(ReportError, match="No space left on device.*none written, the previous reports are unchanged"):
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
    monkeypatch.setattr(html, "write_html_report", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("template broke")))
    with pytest.raises(RuntimeError):
        write_reports(render_reports(run.results, ["csv", "html"], meta(Settings())), tmp_path)
    assert (tmp_path / "audit.csv").read_bytes() == b"old csv"  # the CSV was not replaced by a run that failed


def test_out_path_that_is_a_file_is_refused(tmp_path: Path, rendered) -> None:  # type: ignore[no-untyped-def]
    from audit.errors import AuditError

    blocker = tmp_path / "reports"
    blocker.write_text("I am a file", encoding="utf-8")
    with pytest.raises(AuditError, match="exists and is not a folder"):
        write_reports(rendered, blocker)


OLD_SET = {"audit.csv": b"old csv", "audit.html": b"old html", "audit.json": b"old json", "audit.sarif": b"old sarif"}


def old_set(folder: Path) -> None:
    for name, data in OLD_SET.items():
        (folder / name).write_bytes(data)


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_failure_on_the_last_report_leaves_the_whole_old_set(tmp_path: Path, rendered, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    old_set(tmp_path)
    real = atomic._temporary

    def disk_full_at_sarif(folder: Path, name: str, data: bytes) -> str:
        if name == "audit.sarif":
            raise OSError(28, "No space left on device")
        return real(folder, name, data)

    monkeypatch.setattr(atomic, "_temporary", disk_full_at_sarif)
    with pytest.raises(ReportError, match="none written"):
        write_reports(rendered, tmp_path)
    assert contents(tmp_path) == OLD_SET  # all four old, no temporary left


def test_sigterm_while_writing_removes_the_temporaries_and_keeps_the_old_set(tmp_path: Path, rendered, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    old_set(tmp_path)
    real = atomic._temporary

    def terminated_at_json(folder: Path, name: str, data: bytes) -> str:
        if name == "audit.json":
            raise Terminated()  # what the command's SIGTERM handler raises
        return real(folder, name, data)

    monkeypatch.setattr(atomic, "_temporary", terminated_at_json)
    with pytest.raises(Terminated):
        write_reports(rendered, tmp_path)
    assert contents(tmp_path) == OLD_SET


def test_a_signal_during_the_renames_waits_until_the_whole_set_is_in_place(tmp_path: Path, rendered, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    old_set(tmp_path)
    real_replace = os.replace
    renamed: list[str] = []

    def replace_then_signal(source: str, target: Path) -> None:
        real_replace(source, target)
        renamed.append(Path(target).name)
        if len(renamed) == 1:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C right after the first report is replaced

    monkeypatch.setattr(atomic.os, "replace", replace_then_signal)
    done: list[Path] = []
    # Another thread whose mask lets the signal in (a progress bar, a pool's helper): the kernel may hand it the
    # signal, so holding it off must not depend on this thread's mask alone.
    release = threading.Event()
    bystander = threading.Thread(target=release.wait, daemon=True)
    bystander.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            write_reports(rendered, tmp_path, done)
    finally:
        release.set()
        bystander.join()
    assert [p.name for p in done] == list(rendered) == renamed  # the interrupt came after the last rename
    assert contents(tmp_path) == dict(sorted(rendered.items()))


def test_a_rename_that_fails_midway_says_exactly_what_was_written(tmp_path: Path, rendered, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real_replace = os.replace

    def refuse_json(source: str, target: Path) -> None:
        if Path(target).name == "audit.json":
            raise OSError(16, "Device or resource busy")
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", refuse_json)
    with pytest.raises(ReportError) as error:
        write_reports(rendered, tmp_path)
    assert str(error.value).endswith("audit.json: cannot replace (Device or resource busy): written: audit.csv, "
                                     "audit.html; not written: audit.json, audit.sarif")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.csv", "audit.html"]


def test_reports_rendered_one_at_a_time_as_they_are_written_keep_the_set_whole(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from audit.report import json_report
    from audit.run import report_renderers

    old_set(tmp_path)
    run = audit_documents([("sample", lambda: read_bilingual(SAMPLE))], Settings())
    def half_then_broken(out, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        out.write('{"tool": ')
        raise RuntimeError("template broke")

    monkeypatch.setattr(json_report, "write_json_report", half_then_broken)
    renderers = report_renderers(run.results, ["csv", "html", "json", "sarif"], meta(Settings()))
    with pytest.raises(RuntimeError):
        write_reports(renderers, tmp_path)  # csv and html were written to temporaries already, json half
    assert contents(tmp_path) == OLD_SET
    monkeypatch.undo()
    written = write_reports(report_renderers(run.results, ["csv", "json"], meta(Settings())), tmp_path)
    assert [p.name for p in written] == ["audit.csv", "audit.json"] and (tmp_path / "audit.json").read_bytes().startswith(b"{")
