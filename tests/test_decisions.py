"""The review loop: decisions saved by a spreadsheet are read back, applied and merged (the trend: test_compare.py).

The fixtures in fixtures/decisions/ were written by LibreOffice Calc 7.4 (Debian's libreoffice-calc-nogui), which
opened the audit CSV of the seed article and had an editor's decisions typed into it (make_fixtures.py there),
then saved it as CSV in three ways and as .xlsx and .ods.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from audit.config import Settings
from audit.cells import guard_id
from audit.decisions import (
    ACCEPTED,
    IGNORE,
    OPEN,
    Decision,
    apply_decisions,
    content_id,
    load_decisions,
    merge_decisions,
    read_decisions,
)
from audit.errors import AuditError
from audit.sheet import decode_csv
from audit.io.text import read_bilingual
from audit.model import AlignedDocument, Document, DocumentResult, Finding, Severity
from tests.rendered import render_csv
from tests.rendered import render_json
from audit.report.rows import COLUMNS
from audit.report.terminal import conflict_lines, review_lines
from audit.run import audit_documents
from tests.conftest import ROOT, SAMPLE

FIXTURES = ROOT / "fixtures" / "decisions"
LIBREOFFICE = {
    "comma, UTF-8 (the save dialog's default)": "seed-reviewed.libreoffice.csv",
    "semicolon, all text quoted": "seed-reviewed.libreoffice-semicolon.csv",
    "UTF-16 with BOM, tab": "seed-reviewed.libreoffice-utf16.csv",
    "Excel 2007-365 workbook (.xlsx)": "seed-reviewed.libreoffice.xlsx",
    "OpenDocument spreadsheet (.ods)": "seed-reviewed.libreoffice.ods",
}
# What the editor typed in LibreOffice (make_fixtures.py), by rule code and where the finding is.
TYPED = {
    ("N001", "seed-article.txt:19:1"): (ACCEPTED, "Witkoff: fix before publishing"),
    ("C001", "seed-article.txt:7:122"): (IGNORE, "普丁 and 普京 both appear in the source; house style allows it"),
    ("F001", "seed-article.txt:23:1"): (IGNORE, "- layout artefact, removed by the CMS"),
    ("O001", "seed-article.txt:1:1"): (ACCEPTED, "headline missing: translate it"),  # typed "Accepted"
    ("O001", "seed-article.txt:3:1"): (OPEN, "dateline: dropped on purpose?"),
}
SCHEMA = json.loads((ROOT / "docs" / "json-schema.json").read_text(encoding="utf-8"))
META = {"tool": "audit 0.1.0", "generated": "2025-12-12T09:00:00Z", "settings": "fail-on=error"}


def audit_text(text: str, tmp_path: Path, name: str = "seed-article.txt") -> list[DocumentResult]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return audit_documents([(name, lambda: read_bilingual(path))], Settings()).results


def seed_results() -> list[DocumentResult]:
    return audit_documents([("seed", lambda: read_bilingual(SAMPLE))], Settings()).results


def by_place(decisions: list[Decision]) -> dict[tuple[str, str], tuple[str, str]]:
    return {(d.code, d.location.rsplit("/", 1)[-1]): (d.status, d.note) for d in decisions}


# --- reading what a spreadsheet saved ------------------------------------------------------------------


@pytest.mark.parametrize("name", LIBREOFFICE.values(), ids=LIBREOFFICE.keys())
def test_a_sheet_saved_by_libreoffice_is_read_back_as_typed(name: str) -> None:
    decisions = read_decisions(FIXTURES / name)
    assert by_place(decisions) == TYPED
    assert all(len(d.id) == 12 for d in decisions) and len({d.id for d in decisions}) == 5
    assert decisions[0].origin == f"{FIXTURES / name} row 2"  # the spreadsheet's row number


def test_the_libreoffice_files_are_what_libreoffice_writes() -> None:
    """Guard the fixtures themselves: no BOM in UTF-8, a UTF-16 BOM, LF line ends, as Calc 7.4 saves on Linux."""
    utf8 = (FIXTURES / LIBREOFFICE["comma, UTF-8 (the save dialog's default)"]).read_bytes()
    assert utf8.startswith(b"id,file,code,") and b"\r\n" not in utf8
    semicolon = (FIXTURES / LIBREOFFICE["semicolon, all text quoted"]).read_bytes()
    assert semicolon.startswith(b'"id";"file";')
    assert (FIXTURES / LIBREOFFICE["UTF-16 with BOM, tab"]).read_bytes().startswith(codecs.BOM_UTF16_LE + "id\t".encode("utf-16-le"))
    for name in ("seed-reviewed.libreoffice.xlsx", "seed-reviewed.libreoffice.ods"):
        import zipfile

        with zipfile.ZipFile(FIXTURES / name) as workbook:
            meta = workbook.read("docProps/app.xml" if name.endswith(".xlsx") else "meta.xml").decode("utf-8")
        assert "LibreOffice/7.4" in meta  # written by Calc itself, not built to look like it


def reviewed_csv() -> str:
    """Our own CSV of the seed article with decisions typed into it, as the reference for the variants below."""
    results = seed_results()
    rows = list(csv.DictReader(io.StringIO(render_csv(results))))
    for row in rows:
        key = (row["code"], (row["target_location"] or row["source_location"]).rsplit("/", 1)[-1])
        row["status"], row["note"] = TYPED[key]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


SAVES = {
    "Excel CSV UTF-8 (BOM, comma, CRLF)": ("utf-8-sig", ",", "\r\n"),
    "Excel CSV UTF-8 in a decimal-comma locale (BOM, semicolon)": ("utf-8-sig", ";", "\r\n"),
    "Excel Unicode text (UTF-16 LE BOM, tab, CRLF)": ("utf-16", "\t", "\r\n"),
    "Google Sheets (UTF-8, no BOM, comma)": ("utf-8", ",", "\r\n"),
    "LibreOffice (UTF-8, no BOM, LF)": ("utf-8", ",", "\n"),
    "UTF-16 BE with BOM, semicolon": ("utf-16-be-bom", ";", "\n"),
    "UTF-16 LE without BOM, comma": ("utf-16-le", ",", "\r\n"),
    "Excel for Mac's CSV (CR-only line ends)": ("utf-8", ",", "\r"),
}


@pytest.mark.parametrize("encoding, delimiter, newline", SAVES.values(), ids=SAVES.keys())
def test_every_encoding_and_delimiter_a_spreadsheet_writes(tmp_path: Path, encoding: str, delimiter: str, newline: str) -> None:
    rows = list(csv.reader(io.StringIO(reviewed_csv())))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    if encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + out.getvalue().encode("utf-16-be")
    else:
        data = out.getvalue().encode(encoding)
    path = tmp_path / "reviewed.csv"
    path.write_bytes(data)
    assert by_place(read_decisions(path)) == TYPED


def test_a_cell_over_csv_s_128_kb_limit_is_read(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(reviewed_csv())))
    rows[1][COLUMNS.index("note")] = "很長的說明 " * 40_000  # 240,000 characters
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path = tmp_path / "long.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert len(read_decisions(path)[0].note) > 200_000
    assert csv.field_size_limit() == 131072  # the csv module's limit is left as it was for every other reader


def write_workbook(rows: list[list[str]], path: Path) -> None:
    """The sheet as openpyxl writes it (.xlsx) or as pandas writes it through odfpy (.ods)."""
    if path.suffix == ".xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        pytest.importorskip("odf")
        import pandas

        pandas.DataFrame(rows[1:], columns=rows[0]).to_excel(path, engine="odf", index=False)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_workbook_saved_from_the_spreadsheet_is_read(tmp_path: Path, suffix: str) -> None:
    rows = list(csv.reader(io.StringIO(reviewed_csv())))
    path = tmp_path / f"reviewed{suffix}"
    write_workbook(rows, path)
    assert by_place(read_decisions(path)) == TYPED


def test_an_id_stored_as_a_number_in_a_workbook_is_recovered(tmp_path: Path) -> None:
    finding = finding_with_id(r"\d{12}")
    rows = list(csv.reader(io.StringIO(render_csv([DocumentResult(AlignedDocument(Document("a.txt", [], []), [], [], []), [finding])]))))
    rows[1][COLUMNS.index("id")] = int(finding.id)  # Excel kept the id as the number it looks like
    rows[1][COLUMNS.index("status")] = "ignore"
    path = tmp_path / "numbers.xlsx"
    write_workbook(rows, path)
    assert [(d.id, d.status) for d in read_decisions(path)] == [(finding.id, IGNORE)]


@pytest.mark.parametrize("name, content, message", [
    ("damaged.xlsx", b"PK\x03\x04 not really a zip", "not an Excel workbook \\(.xlsx\\) \\(not a zip archive\\)"),
    ("empty.ods", b"", "not an OpenDocument spreadsheet"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "Excel 97-2003 workbook \\(.xls\\).*save it as .xlsx or as CSV UTF-8"),
])
def test_a_damaged_workbook_is_one_clear_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AuditError, match=message):
        read_decisions(path)


def test_a_workbook_that_unpacks_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    import audit.sheet

    monkeypatch.setattr(audit.sheet, "MAX_UNPACKED", 2 * 1024 * 1024)  # the real bound is 200 MB
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (3 * 1024 * 1024))
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(AuditError, match="unpacks to over 2 MB"):
        read_decisions(path)


def test_columns_are_found_by_name_in_any_order(tmp_path: Path) -> None:
    path = tmp_path / "trimmed.csv"
    path.write_text("Note;Status;ID\nfalse alarm;IGNORE; 0123456789ab \n;;fedcba987654\n", encoding="utf-8")
    decisions = read_decisions(path)
    assert [(d.id, d.status, d.note) for d in decisions] == [("0123456789ab", IGNORE, "false alarm"), ("fedcba987654", OPEN, "")]


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_a_legacy_encoding_is_recognised_without_asking(tmp_path: Path, encoding: str) -> None:
    # Excel's plain "CSV" on a Chinese Windows: GBK/GB18030 (Simplified) or Big5 (Traditional); what a code page
    # cannot hold becomes "?", as Excel writes it.
    path = tmp_path / "excel-ansi.csv"
    path.write_bytes(reviewed_csv().encode(encoding, errors="replace"))
    assert by_place(read_decisions(path)) == TYPED


def test_bytes_of_no_known_encoding_are_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("id,status,note\n0123456789ab,ignore,café\n".encode("latin-1") + bytes(range(0x80, 0x100)))
    with pytest.raises(AuditError, match=r"not UTF-8, UTF-16, GB18030 or Big5 \(byte \d+\); save it as \"CSV UTF-8\""):
        read_decisions(path)


@pytest.mark.parametrize(
    "content, message",
    [
        ("id,status\n0123456789ab,fixed\n", r"row 2: unknown status 'fixed' \(use accepted, ignore"),
        ("id,note\n0123456789ab,x\n", "no 'status' column"),
        ("code,status\nN001,ignore\n", "no 'id' column"),
        ("id,status\nhello,ignore\n", r"row 2: 'hello' is not a finding id"),
    ],
)
def test_bad_decisions_files_are_refused_with_the_row(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AuditError, match=message):
        read_decisions(path)


def test_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="not found \\(expected a decisions file\\)"):
        read_decisions(tmp_path / "nope.csv")


def test_utf16_without_bom_is_recognised() -> None:  # noqa: D103
    assert decode_csv("id,status\n".encode("utf-16-le"), "x") == "id,status\n"
    assert decode_csv("id,status\n".encode("utf-16-be"), "x") == "id,status\n"


# --- ids in a spreadsheet ---------------------------------------------------------------------------


def finding_with_id(pattern: str) -> Finding:
    """A real finding whose id happens to look like a number to a spreadsheet (about 1 in 280 do)."""
    import re

    for n in range(200_000):
        finding = Finding("U001", "number-mismatch", Severity.ERROR, "number", source_text=f"第{n}句", found=str(n))
        if re.fullmatch(pattern, finding.id):
            return finding
    raise AssertionError(pattern)


def test_ids_a_spreadsheet_would_turn_into_numbers_are_written_as_text() -> None:
    assert guard_id("123456789012") == "'123456789012"
    assert guard_id("1234e5678901") == "'1234e5678901"
    assert guard_id("0123456789ab") == "0123456789ab"
    digits = finding_with_id(r"\d{12}")
    text = render_csv([DocumentResult(AlignedDocument(Document("a.txt", [], []), [], [], []), [digits])])
    assert f"\r\n'{digits.id}," in text


def test_an_id_the_spreadsheet_changed_is_recovered_from_the_row(tmp_path: Path) -> None:
    finding = finding_with_id(r"\d{12}")
    path = tmp_path / "mangled.csv"
    row = {c: "" for c in COLUMNS} | {"id": "1.23457E+11", "code": "U001", "source_text": finding.source_text,
                                      "found": finding.found, "status": "ignore"}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerow(row)
    path.write_text(out.getvalue(), encoding="utf-8")
    assert read_decisions(path)[0].id == finding.id == content_id("U001", finding.source_text, "", "", finding.found)


@pytest.fixture(scope="module")
def soffice() -> str:
    path = shutil.which("soffice")
    if path is None:
        pytest.skip("LibreOffice not installed: apt-get install libreoffice-calc-nogui")
    return path


def test_libreoffice_keeps_every_id_and_decision(soffice: str, tmp_path: Path) -> None:
    """Our CSV through LibreOffice's own import and export (soffice --convert-to csv), ids that look like numbers
    included: every decision comes back on its finding."""
    findings = [finding_with_id(r"\d{12}"), finding_with_id(r"\d+e\d+"), finding_with_id(r"0\d{11}")]
    result = DocumentResult(AlignedDocument(Document("a.txt", [], []), [], [], []), findings)
    decisions = merge_decisions([("typed", [Decision(f.id, IGNORE, f"note {n}") for n, f in enumerate(findings)])])
    review = apply_decisions([result], decisions)
    source = tmp_path / "audit.csv"
    source.write_bytes(render_csv([result], review).encode("utf-8-sig"))
    out = tmp_path / "out"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--infilter=CSV:44,34,76,1",
         "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    saved = out / "audit.csv"
    assert b";" in saved.read_bytes().splitlines()[0]  # really rewritten by LibreOffice, with its semicolons
    assert sorted((d.id, d.status, d.note) for d in read_decisions(saved)) == sorted(
        (f.id, IGNORE, f"note {n}") for n, f in enumerate(findings)
    )


# --- ids are stable ----------------------------------------------------------------------------------


ARTICLE = SAMPLE.read_text(encoding="utf-8")
ZELENSKY_ZH = "烏克蘭總統澤連斯基則重申"
INSERT_ZH = "本報訊,各方將於下週再次會面。\n\n"
INSERT_EN = "Meanwhile, the parties will meet again next week.\n\n"


def ids_and_places(results: list[DocumentResult]) -> dict[tuple[str, str], tuple[str, int]]:
    return {(f.code, f.found or f.source_text[:8]): (f.id, f.location.line if f.location else 0) for f in results[0].findings}


def test_ids_survive_edits_elsewhere_in_the_article(tmp_path: Path) -> None:
    before = ids_and_places(audit_text(ARTICLE, tmp_path))
    # Elsewhere: a new paragraph pair before the name error (every later line moves down by two), and another
    # sentence of the article rewritten.
    edited = ARTICLE.replace("此前,12月2日晚", INSERT_ZH + "此前,12月2日晚", 1)
    edited = edited.replace("Earlier, from the evening", INSERT_EN + "Earlier, from the evening", 1)
    edited = edited.replace("looks forward to further discussions", "hopes for further discussions", 1)
    assert edited.count("Meanwhile") == 1 and "hopes for" in edited
    after = ids_and_places(audit_text(edited, tmp_path))
    assert before.keys() == after.keys()
    for key, (finding_id, line) in before.items():
        assert after[key][0] == finding_id, key
    assert after[("N001", "Whitaker")][1] == before[("N001", "Whitaker")][1] + 4  # it moved; its id did not


def test_the_id_changes_with_its_own_sentence_pair(tmp_path: Path) -> None:
    before = ids_and_places(audit_text(ARTICLE, tmp_path))
    edited = ARTICLE.replace("U.S. special envoy Whitaker", "U.S. special envoy Whitaker, a businessman,", 1)
    after = ids_and_places(audit_text(edited, tmp_path))
    assert after[("N001", "Whitaker")][0] != before[("N001", "Whitaker")][0]
    assert after[("F001", r"\xa0")][0] == before[("F001", r"\xa0")][0]


# --- applying decisions ------------------------------------------------------------------------------


@pytest.fixture
def reviewed() -> tuple[list[DocumentResult], object]:
    results = seed_results()
    review = apply_decisions(results, load_decisions([FIXTURES / LIBREOFFICE["comma, UTF-8 (the save dialog's default)"]]))
    return results, review


def test_ignored_findings_are_suppressed_and_counted(reviewed) -> None:  # type: ignore[no-untyped-def]
    results, review = reviewed
    assert sorted(f.code for f in results[0].findings) == ["N001", "O001", "O001"]
    assert results[0].suppressed == 2
    assert sorted(f.code for f in review.ignored[results[0].name]) == ["C001", "F001"]
    assert dict(review.counts) == {"accepted": 2, "ignored": 2, "open": 1, "resolved": 0}
    assert review.resolved == [] and review.conflicts == {}


def test_notes_and_statuses_are_carried_into_the_new_csv(reviewed) -> None:  # type: ignore[no-untyped-def]
    results, review = reviewed
    rows = list(csv.DictReader(io.StringIO(render_csv(results, review))))
    assert list(rows[0]) == list(COLUMNS) and list(COLUMNS)[-2:] == ["status", "note"]
    got = {(r["code"], (r["target_location"] or r["source_location"]).rsplit("/", 1)[-1]): (r["status"], r["note"]) for r in rows}
    # Ignored findings stay in the CSV (at the end): the file saved next time still holds every decision.
    assert got == {k: (s, "'" + n if n.startswith("-") else n) for k, (s, n) in TYPED.items()}
    assert [r["status"] for r in rows[-2:]] == [IGNORE, IGNORE]


def test_feeding_back_the_new_csv_keeps_every_decision(reviewed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    results, review = reviewed
    again = tmp_path / "audit.csv"
    again.write_bytes(render_csv(results, review).encode("utf-8-sig"))
    assert by_place(read_decisions(again)) == TYPED  # the defused "- layout" note comes back as typed


def test_the_json_report_carries_decisions_and_validates(reviewed) -> None:  # type: ignore[no-untyped-def]
    results, review = reviewed
    report = json.loads(render_json(results, META, review))
    jsonschema.validate(report, SCHEMA)
    document = report["documents"][0]
    assert report["summary"]["suppressed"] == 2 and report["review"]["counts"]["ignored"] == 2
    assert {f["code"]: f["status"] for f in document["ignored"]} == {"C001": IGNORE, "F001": IGNORE}
    assert [f["note"] for f in document["findings"] if f["code"] == "N001"] == ["Witkoff: fix before publishing"]


def test_findings_gone_from_the_text_are_resolved(tmp_path: Path) -> None:
    fixed = ARTICLE.replace("U.S. special envoy Whitaker", "U.S. special envoy Witkoff", 1)
    results = audit_text(fixed, tmp_path)
    review = apply_decisions(results, load_decisions([FIXTURES / LIBREOFFICE["comma, UTF-8 (the save dialog's default)"]]))
    assert [(d.code, d.status, d.note) for d in review.resolved] == [("N001", ACCEPTED, "Witkoff: fix before publishing")]
    assert review.counts["resolved"] == 1
    assert "1 resolved" in review_lines(review)[0]


def test_decisions_about_other_articles_are_neither_applied_nor_resolved(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("id,file,status\nabcdefabcdef,news/elsewhere.txt,ignore\n", encoding="utf-8")
    review = apply_decisions(seed_results(), load_decisions([other]))
    assert review.resolved == [] and review.elsewhere == 1


def test_the_same_finding_in_two_articles_shares_its_decision(tmp_path: Path) -> None:
    results = audit_text(ARTICLE, tmp_path, "a.txt") + audit_text(ARTICLE, tmp_path, "b.txt")
    n001 = next(f for f in results[0].findings if f.code == "N001")
    review = apply_decisions(results, merge_decisions([("x", [Decision(n001.id, IGNORE, "house style", file="a.txt")])]))
    assert [len(v) for v in review.ignored.values()] == [1, 1]


# --- several reviewers ---------------------------------------------------------------------------------


def test_reviewers_files_merge_and_conflicts_are_shown_not_settled() -> None:
    first = FIXTURES / LIBREOFFICE["comma, UTF-8 (the save dialog's default)"]
    second = FIXTURES / "seed-reviewed-second.libreoffice.csv"
    results = seed_results()
    review = apply_decisions(results, load_decisions([first, second]))
    n001 = next(f for f in results[0].findings if f.code == "N001")
    # The name: accepted by one, ignored by the other → still listed, status conflict, both notes kept.
    assert review.status(n001) == "conflict"
    assert [(d.origin.endswith("row 6"), d.status) for d in review.conflicts[n001.id]] == [(True, ACCEPTED), (True, IGNORE)]
    assert review.note(n001) == "Witkoff: fix before publishing | Whitaker is the envoy's name in our style guide"
    # C001: both say ignore (one with a note) → ignored, no conflict.
    assert sorted(f.code for f in review.ignored[results[0].name]) == ["C001", "F001"]
    assert review.counts["conflict"] == 1
    [line] = conflict_lines(review)
    assert "N001" in line and "says accepted" in line and "says ignore" in line
    n001_row = next(r for r in csv.DictReader(io.StringIO(render_csv(results, review))) if r["code"] == "N001")
    assert n001_row["status"] == "conflict"
    jsonschema.validate(json.loads(render_json(results, META, review)), SCHEMA)


def test_a_conflict_saved_back_unchanged_reads_as_open(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("id,status,note\n0123456789ab,conflict,a | b\n", encoding="utf-8")
    assert read_decisions(path)[0].status == OPEN


def test_an_open_row_never_conflicts() -> None:
    merged = merge_decisions([("a", [Decision("0123456789ab", IGNORE, "")]), ("b", [Decision("0123456789ab", OPEN, "hm")])])
    assert merged.conflicts == {} and merged.entries["0123456789ab"].status == IGNORE
    assert merged.entries["0123456789ab"].note == "hm"


# --- trend against earlier runs --------------------------------------------------------------------------


# --- through the command line ----------------------------------------------------------------------------------


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    import sys

    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, cwd=cwd, timeout=180)


def test_the_review_loop_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    article = tmp_path / "news" / "seed-article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = cli("check", "news", "-o", "r1", "-r", "csv", "-r", "json", cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    # The editor ignores both errors and saves as Excel's "Unicode text" would (UTF-16, tab), next to the articles.
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r1" / "audit.csv").read_text(encoding="utf-8-sig"))))
    for row in rows:
        if row["severity"] == "error":
            row["status"], row["note"] = "ignore", "agreed with the desk"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    (tmp_path / "news" / "reviewed.csv").write_bytes(out.getvalue().encode("utf-16"))
    article.write_text(ARTICLE.replace("普京在會後", "普丁在會後", 1), encoding="utf-8")  # the editor fixes C001
    second = cli("check", "news", "-o", "r2", "-r", "csv", "-r", "html", "--decisions", "news/reviewed.csv",
                 "--compare", "r1/audit.json", cwd=tmp_path)
    assert second.returncode == 0, second.stdout + second.stderr  # no error left: both were ignored
    assert "reviewed.csv: " not in second.stdout  # the decisions file was not audited as an article
    assert "2 ignored (suppressed)" in second.stdout and "1 resolved" in second.stdout
    assert "since r1/audit.json" in second.stdout and "0 new, 1 resolved, 4 unchanged" in second.stdout
    carried = list(csv.DictReader(io.StringIO((tmp_path / "r2" / "audit.csv").read_text(encoding="utf-8-sig"))))
    assert sorted((r["code"], r["status"], r["note"]) for r in carried if r["status"]) == [
        ("N001", "ignore", "agreed with the desk"), ("O001", "ignore", "agreed with the desk"),
    ]
    # The same from the configuration file.
    (tmp_path / "pyproject.toml").write_text('[tool.audit]\ndecisions = ["news/reviewed.csv"]\n', encoding="utf-8")
    assert cli("check", "news", "-o", "r3", "--no-report", cwd=tmp_path).returncode == 0


def test_control_characters_from_a_decisions_file_are_printed_escaped(tmp_path: Path) -> None:
    # Two reviewers disagree on a finding whose target_location cell holds an ESC sequence and a forged line.
    (tmp_path / "seed-article.txt").write_text(ARTICLE, encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(reviewed_csv())))
    forged = "\x1b]0;pwned\x07seed-article.txt:1:1\nseed-article.txt:9:9: N001 error: forged"
    for row in rows:
        row["target_location"] = forged
    for name, status in (("anna.csv", "accepted"), ("ben.csv", "ignore")):
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows([{**row, "status": status if row["code"] == "N001" else ""} for row in rows])
        (tmp_path / name).write_text(out.getvalue(), encoding="utf-8")
    done = cli("check", "seed-article.txt", "--no-report", "-d", "anna.csv", "-d", "ben.csv", cwd=tmp_path)
    assert "decisions disagree" in done.stderr
    assert "\x1b" not in done.stderr + done.stdout and "\\x1b]0;pwned" in done.stderr
    assert not any(line.startswith("seed-article.txt:9:9") for line in (done.stderr + done.stdout).splitlines())
