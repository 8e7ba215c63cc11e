"""The trend against earlier runs (audit.compare): new, resolved and unchanged findings, and what --compare refuses."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from audit.compare import compare, load_previous
from audit.decisions import apply_decisions, load_decisions
from audit.errors import AuditError
from audit.model import AlignedDocument, Document, DocumentResult, Finding, Location, Severity
from tests.rendered import render_json
from audit.report.terminal import review_lines
from tests.test_decisions import ARTICLE, FIXTURES, LIBREOFFICE, META, SCHEMA, audit_text


def write_json(results: list[DocumentResult], path: Path, generated: str, review=None) -> Path:  # type: ignore[no-untyped-def]
    path.write_text(render_json(results, META | {"generated": generated}, review), encoding="utf-8")
    return path


def test_compare_counts_new_resolved_and_unchanged(tmp_path: Path) -> None:
    older = write_json(audit_text(ARTICLE, tmp_path), tmp_path / "older.json", "2025-12-01T09:00:00Z")
    changed = ARTICLE.replace("U.S. special envoy Whitaker", "U.S. special envoy Witkoff", 1)  # fixed
    changed = changed.replace("from December 4 to 5", "from December 4 to 6", 1)  # a new error
    results = audit_text(changed, tmp_path)
    trend = compare(results, [older])
    assert (trend.total("new"), trend.total("resolved"), trend.total("unchanged")) == (1, 1, 4)
    document = trend.documents[results[0].name]
    assert [f.code for f in document.new] == ["D001"] and [p.code for p in document.resolved] == ["N001"]
    report = json.loads(render_json(results, META, None, trend))
    jsonschema.validate(report, SCHEMA)
    assert report["trend"]["counts"] == {"new": 1, "resolved": 1, "unchanged": 4}
    assert review_lines(None, trend) == [f"since {older}, 2025-12-01T09:00:00Z: 1 new, 1 resolved, 4 unchanged"]


def test_the_latest_earlier_run_is_the_reference_and_all_make_the_history(tmp_path: Path) -> None:
    first = write_json(audit_text(ARTICLE, tmp_path), tmp_path / "first.json", "2025-11-01T09:00:00Z")
    fixed = ARTICLE.replace("U.S. special envoy Whitaker", "U.S. special envoy Witkoff", 1)
    second = write_json(audit_text(fixed, tmp_path), tmp_path / "second.json", "2025-12-01T09:00:00Z")
    trend = compare(audit_text(fixed, tmp_path), [second, first])  # given in any order
    assert trend.previous == str(second) and trend.total("resolved") == 0 and trend.total("new") == 0
    assert [(h.label, h.errors) for h in trend.history] == [(str(first), 2), (str(second), 1), ("this run", 1)]


def test_an_ignored_finding_is_not_resolved_by_the_trend(tmp_path: Path) -> None:
    older = write_json(audit_text(ARTICLE, tmp_path), tmp_path / "older.json", "2025-12-01T09:00:00Z")
    results = audit_text(ARTICLE, tmp_path)
    review = apply_decisions(results, load_decisions([FIXTURES / LIBREOFFICE["comma, UTF-8 (the save dialog's default)"]]))
    trend = compare(results, [older], review)
    assert (trend.total("new"), trend.total("resolved"), trend.total("unchanged")) == (0, 0, 5)
    # And the next run, compared with this one (whose JSON lists the ignored findings apart), agrees.
    this = write_json(results, tmp_path / "this.json", "2025-12-02T09:00:00Z", review)
    again = audit_text(ARTICLE, tmp_path)
    assert compare(again, [this]).total("unchanged") == 5


def test_documents_are_matched_across_folders_and_missing_ones_are_new(tmp_path: Path) -> None:
    older = write_json(audit_text(ARTICLE, tmp_path), tmp_path / "older.json", "2025-12-01T09:00:00Z")
    data = json.loads(older.read_text(encoding="utf-8"))
    data["documents"][0]["file"] = "archive/2025/seed-article.txt"
    older.write_text(json.dumps(data), encoding="utf-8")
    results = audit_text(ARTICLE, tmp_path) + audit_text(ARTICLE.replace("Whitaker", "Whitacre"), tmp_path, "new-story.txt")
    trend = compare(results, [older])
    assert trend.documents[results[0].name].unchanged == 5
    story = trend.documents[results[1].name]
    assert not story.compared and len(story.new) == 5 and story.resolved == []


def test_a_file_that_is_not_a_json_report_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"findings": []}', encoding="utf-8")
    with pytest.raises(AuditError, match="not a JSON report"):
        load_previous(bad)
    with pytest.raises(AuditError, match="not found \\(expected an audit.json\\)"):
        load_previous(tmp_path / "missing.json")


def test_finding_location_is_kept_for_resolved_items() -> None:
    finding = Finding("N001", "name-mismatch", Severity.ERROR, "m", target_loc=Location("a.txt", 3, 1))
    result = DocumentResult(AlignedDocument(Document("a.txt", [], []), [], [], []), [finding])
    past = json.loads(render_json([result], META))
    assert past["documents"][0]["findings"][0]["target_location"] == "a.txt:3:1"


# --- what --compare is given by mistake, or by a hostile hand ---------------------------------------------------


@pytest.mark.parametrize("content, message", [
    ("5", "holds a JSON number, not an object"),
    ('"audit.json"', "holds a JSON string, not an object"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),  # RecursionError inside json
    ("1" * 5000, "not a JSON report"),  # an integer longer than Python converts
    ('{"documents": 5}', "not a JSON report"),
    ('{"documents": [{"file": ["a"], "findings": []}]}', "not a JSON report"),
    ("\ufeff{", "not a JSON report"),
], ids=["bare number", "bare string", "deeply nested", "huge number", "documents not a list", "file not text", "cut short"])
def test_a_file_that_is_not_our_report_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "x.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(AuditError, match=message) as error:
        load_previous(bad)
    assert str(bad) in str(error.value) and "\n" not in str(error.value)
    assert "give --compare an earlier run's audit.json" in str(error.value)


def test_bytes_that_are_not_utf8_or_a_folder_are_refused(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"documents": [], "generated": "\xe9"}')
    with pytest.raises(AuditError, match="not UTF-8"):
        load_previous(latin)
    with pytest.raises(AuditError, match="is a directory, not an audit.json"):
        load_previous(tmp_path)


def test_a_lone_surrogate_becomes_a_replacement_character(tmp_path: Path) -> None:
    older = write_json(audit_text(ARTICLE, tmp_path), tmp_path / "older.json", "2025-12-01T09:00:00Z")
    data = json.loads(older.read_text(encoding="utf-8"))
    data["documents"][0]["findings"][0]["message"] = "\ud800 broken"
    data["generated"] = "2025-12-01\udfff"
    older.write_text(json.dumps(data), encoding="utf-8")  # json.dumps writes the \\ud800 escape, as a hostile file would
    assert "\\ud800" in older.read_text(encoding="utf-8")
    run = load_previous(older)
    assert run.generated == "2025-12-01\ufffd"
    messages = [f.message for found in run.findings.values() for f in found]
    assert "\ufffd broken" in messages
    # Everything downstream can now write it: the resolved finding goes into the new JSON report.
    fixed = ARTICLE.replace("U.S. special envoy Whitaker", "U.S. special envoy Witkoff", 1)
    results = audit_text(fixed, tmp_path)
    render_json(results, META, None, compare(results, [older])).encode("utf-8")


def test_a_bad_compare_file_still_audits_prints_and_writes_no_report(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "seed-article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "nested.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "audit", "check", "seed-article.txt", "-o", "reports", "--compare",
                           "nested.json"], capture_output=True, text=True, cwd=tmp_path, timeout=180)
    assert done.returncode == 2
    assert "N001 error" in done.stdout  # the article was audited and its findings printed
    assert done.stderr.strip().splitlines() == [
        "audit: error: nested.json: nested too deeply: not a JSON report written by 'audit check -r json' "
        "(give --compare an earlier run's audit.json); no report written"]
    assert not (tmp_path / "reports").exists()
