from __future__ import annotations

import io

from audit.model import AlignedDocument, Document, DocumentResult, Finding, Location, Severity
from audit.report.terminal import print_report


def result_with(findings: list[Finding]) -> DocumentResult:
    return DocumentResult(AlignedDocument(Document("a.txt", [], []), [], [], []), findings)


def test_lines_are_path_line_col_code_message_then_a_summary() -> None:
    findings = [
        Finding("N001", "name-mismatch", Severity.ERROR, '威特科夫 rendered "Whitaker"; expected "Witkoff"',
                target_loc=Location("a.txt", 19, 1), suggestion="Whitaker → Witkoff"),
        Finding("O001", "omitted-sentence", Severity.ERROR, "Headline not translated", source_loc=Location("a.txt", 1, 1)),
    ]
    out = io.StringIO()
    print_report([result_with(findings)], out)
    assert out.getvalue().splitlines() == [
        "a.txt:1:1: O001 error: Headline not translated",
        'a.txt:19:1: N001 error: 威特科夫 rendered "Whitaker"; expected "Witkoff" [Whitaker → Witkoff]',
        "1 document, 0 aligned pairs: 2 errors, 0 warnings, 0 infos",
    ]


def test_quiet_prints_only_findings() -> None:
    out = io.StringIO()
    print_report([result_with([])], out, quiet=True)
    assert out.getvalue() == ""


def test_github_annotations_escape_and_locate() -> None:
    finding = Finding("N001", "name-mismatch", Severity.ERROR, '威特科夫 rendered "Whitaker"; expected "Witkoff"',
                      target_loc=Location("news/a,b.txt", 19, 3), suggestion="Whitaker → Witkoff")
    out = io.StringIO()
    print_report([result_with([finding])], out, style="github")
    assert out.getvalue() == (
        '::error file=news/a%2Cb.txt,line=19,col=3,title=N001 name-mismatch::'
        '威特科夫 rendered "Whitaker"; expected "Witkoff" [Whitaker → Witkoff]\n'
    )


def test_several_documents_get_a_table_worst_first() -> None:
    bad = result_with([Finding("O001", "omitted-sentence", Severity.ERROR, "Headline not translated")])
    bad.aligned.document.name = "b.txt"
    clean = result_with([])
    out = io.StringIO()
    print_report([clean, bad], out)
    lines = out.getvalue().splitlines()
    assert lines[1].split() == ["document", "pairs", "errors", "warnings", "infos"]
    assert lines[2].split()[0] == "b.txt" and lines[3].split()[0] == "a.txt"


def test_lines_follow_file_line_column_and_a_finding_said_twice_is_printed_once() -> None:
    """A pair's Chinese and English files each in their place, numbers compared as numbers (9 before 10)."""
    def at(path: str, line: int, column: int, code: str = "N002") -> Finding:
        loc = Location(path, line, column)
        return Finding(code, "rule", Severity.WARNING, f"at {line}", **({"source_loc": loc} if ".zh." in path else {"target_loc": loc}))

    pair = [at("s.en.txt", 10, 1), at("s.zh.txt", 9, 4), at("s.en.txt", 9, 12), at("s.zh.txt", 2, 1), at("s.en.txt", 9, 12)]
    out = io.StringIO()
    print_report([result_with(pair), result_with([at("a.en.txt", 30, 1, "O001")])], out, quiet=True)
    assert [line.split(": ")[0] for line in out.getvalue().splitlines()] == [
        "a.en.txt:30:1", "s.en.txt:9:12", "s.en.txt:10:1", "s.zh.txt:2:1", "s.zh.txt:9:4"]


def test_the_sample_prints_in_line_order() -> None:
    import subprocess
    import sys

    from tests.conftest import SAMPLE

    done = subprocess.run([sys.executable, "-m", "audit", "check", str(SAMPLE), "--no-report", "-q"],
                          capture_output=True, text=True, timeout=120)
    lines = [int(line.split(":")[1]) for line in done.stdout.splitlines()]
    assert lines == [1, 3, 7, 19, 23]
