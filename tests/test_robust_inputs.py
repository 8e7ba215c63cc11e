"""Bad input through the real command line: one line naming the file and the problem, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from audit.errors import AuditError
from audit.model import Severity
from tests.conftest import ROOT, SAMPLE

ARTICLE = SAMPLE.read_text(encoding="utf-8")


def audit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


CASES = {
    "missing file": (None, "nope.txt: no such file"),
    "empty file": (b"", "empty file"),
    "only English": ("Only English here.\n\nAnd more English.\n", "only English text"),
    "only Chinese": ("只有中文。\n\n還是中文。\n", "only Chinese text"),
    "binary data": (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "binary data"),
    "Big5 bytes": (ARTICLE.encode("big5", errors="replace"), "try --encoding big5"),
    "GB18030 bytes": ("美国与乌克兰持续讨论。\n\nThe U.S. and Ukraine continued talks.\n".encode("gb18030"), "not valid UTF-8"),
    "malformed XLIFF": ('<?xml version="1.0"?><xliff version="1.2"><file source-language="zh-TW" target-language="en"><body><trans-unit id="1"><source>美國</source>', "malformed XLIFF"),
    "malformed TMX": ('<?xml version="1.0"?><tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>美國', "malformed TMX"),
    "malformed PO": ('msgid "美國\nmsgstr "United States"\n', "PO"),
    "CSV without columns": ("id,note\n1,hello\n2,world\n", "columns"),
}
SUFFIX = {"malformed XLIFF": ".xlf", "malformed TMX": ".tmx", "malformed PO": ".po", "CSV without columns": ".csv"}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_line_exit_2(tmp_path: Path, case: str) -> None:
    content, message = CASES[case]
    name = "nope.txt" if content is None else f"input{SUFFIX.get(case, '.txt')}"
    if content is not None:
        write(tmp_path / name, content)
    result = audit("check", name, "--out", "out", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()  # no report from a run with nothing to report


def test_wrong_encoding_given_is_refused_not_garbled(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    result = audit("check", "a.txt", "--encoding", "big5", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and "not valid big5" in result.stderr


def test_unknown_encoding_name(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    result = audit("check", "a.txt", "--encoding", "klingon", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and "unknown encoding 'klingon'" in result.stderr


def test_folder_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "notes.py", "print('hi')\n")
    result = audit("check", "docs", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and "docs" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_glossary_with_a_bad_row_names_the_row(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "g.csv", "chinese,english,type\n威特科夫,Witkoff,person\n普丁,,person\n")
    result = audit("check", "a.txt", "--glossary", "g.csv", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and "g.csv:3: row needs both" in result.stderr
    validate = audit("glossary", "validate", "g.csv", cwd=tmp_path)
    assert validate.returncode == 1 and "g.csv:3: row needs both" in validate.stdout


def test_utf16_and_bom_inputs_are_audited(tmp_path: Path) -> None:
    write(tmp_path / "a16.txt", ARTICLE.encode("utf-16"))
    write(tmp_path / "bom.txt", ARTICLE.encode("utf-8-sig"))
    result = audit("check", "a16.txt", "bom.txt", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.count("N001 error") == 2


def test_input_paths_cannot_move_reports_out_of_the_out_folder(tmp_path: Path) -> None:
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    write(tmp_path / "x.txt", ARTICLE)
    result = audit("check", "../../x.txt", "--out", "out", "-r", "csv", "-r", "html", "-r", "json", "-r", "sarif", cwd=work)
    assert result.returncode == 1
    assert sorted(p.name for p in (work / "out").iterdir()) == ["audit.csv", "audit.html", "audit.json", "audit.sarif"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "x.txt"]


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "zlib"])
def test_a_codec_that_is_not_a_text_encoding_is_refused_up_front(tmp_path: Path, codec: str) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    result = audit("check", "a.txt", "--encoding", codec, "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert f"'{codec}' is not a text encoding" in result.stderr


PO_ENTRY = 'msgid "美國特使威特科夫抵達莫斯科。"\nmsgstr "U.S. envoy Whitaker arrived in Moscow."\n'


def test_po_declaring_a_codec_as_charset_is_refused_and_the_other_files_audited(tmp_path: Path) -> None:
    write(tmp_path / "rot.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=rot13\\n"\n\n' + PO_ENTRY)
    write(tmp_path / "good.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + PO_ENTRY)
    result = audit("check", "rot.po", "good.po", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and "N001 error" in result.stdout  # good.po still audited and reported
    assert "rot.po: the PO header declares charset=rot13, which is not a text encoding" in result.stderr
    assert "Traceback" not in result.stderr and (tmp_path / "out" / "audit.csv").exists()


def test_po_header_with_a_plural_form_is_read(tmp_path: Path) -> None:
    from audit.io.catformats import read_catalog

    path = write(tmp_path / "p.po", 'msgid ""\nmsgid_plural ""\nmsgstr[0] "Language: en\\n"\nmsgstr[1] ""\n\n' + PO_ENTRY)
    document = read_catalog(path)
    assert [b.text for b in document.target] == ["U.S. envoy Whitaker arrived in Moscow."]


def test_glossary_cell_over_the_csv_field_limit_is_one_line_naming_the_row(tmp_path: Path) -> None:
    from audit.lexicon.glossary import load_glossary, validate_files

    path = write(tmp_path / "g.csv", "chinese,english,type,note\n普丁,Putin,person,\n威特科夫,Witkoff,person," + "x" * 140_000 + "\n")
    with pytest.raises(AuditError, match=r"g.csv:3: not readable as CSV \(field larger than field limit"):
        load_glossary([path], bundled=False)
    problems, count = validate_files([path])
    assert count == 1 and len(problems) == 1 and "g.csv:3" in problems[0]


def test_glossary_validate_reads_tbx(tmp_path: Path) -> None:
    tbx = ROOT / "fixtures" / "glossaries" / "newsroom.tbx"
    result = audit("glossary", "validate", str(tbx), cwd=tmp_path)
    assert result.returncode == 0 and "2 entries checked, 0 problems" in result.stdout, result.stdout + result.stderr


def test_tbx_concept_in_one_language_only_is_named_by_validate(tmp_path: Path) -> None:
    from audit.lexicon.glossary import validate_files

    text = (ROOT / "fixtures" / "glossaries" / "newsroom.tbx").read_text(encoding="utf-8")
    half = text.replace("<term>peace plan</term>", "<term></term>")
    problems, count = validate_files([write(tmp_path / "half.tbx", half)])
    assert count == 1 and len(problems) == 1 and "has no English (en…) term: not used" in problems[0]


def test_a_file_deleted_after_discovery_is_skipped_and_the_others_audited(tmp_path: Path) -> None:
    from audit.config import Settings
    from audit.io.discover import find_jobs, read_job
    from audit.run import audit_documents

    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE)
    jobs = find_jobs([tmp_path]).jobs
    (tmp_path / "a.txt").unlink()
    run = audit_documents([(job.label, lambda job=job: read_job(job)) for job in jobs], Settings())
    assert run.failures == [f"{tmp_path / 'a.txt'}: no such file"]
    assert [r.name for r in run.results] == [str(tmp_path / "b.txt")] and run.exit_code(Severity.ERROR) == 2


def test_unreadable_folder_and_file_inside_a_folder_are_reported_as_skipped(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import builtins
    import io
    import os

    from audit.config import Settings
    from audit.io.discover import find_jobs, read_job
    from audit.run import audit_documents

    write(tmp_path / "news" / "good.txt", ARTICLE)
    secret = write(tmp_path / "news" / "locked.txt", ARTICLE)
    closed = tmp_path / "news" / "closed"
    write(closed / "inside.txt", ARTICLE)
    real_open, real_scandir = builtins.open, os.scandir

    def refuse_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(secret):  # what chmod 000 does for anyone but root
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def refuse_scandir(path="."):  # type: ignore[no-untyped-def]
        if str(path) == str(closed):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(builtins, "open", refuse_open)
    monkeypatch.setattr(io, "open", refuse_open)
    monkeypatch.setattr(os, "scandir", refuse_scandir)
    jobs = find_jobs([tmp_path / "news"]).jobs
    run = audit_documents([(job.label, lambda job=job: read_job(job)) for job in jobs], Settings())
    assert sorted(run.failures) == [f"{closed}: cannot read this folder (Permission denied)",
                                    f"{secret}: cannot read (Permission denied)"]
    assert [r.name for r in run.results] == [str(tmp_path / "news" / "good.txt")]
    assert run.exit_code(Severity.ERROR) == 2


def test_xliff_in_utf32_cannot_hide_entity_declarations(tmp_path: Path) -> None:
    from audit.io.catformats import read_catalog

    xliff = (ROOT / "fixtures" / "formats" / "sample.xlf").read_text(encoding="utf-8")
    xliff = xliff.replace("<xliff ", '<!DOCTYPE xliff [<!ENTITY e "Witkoff">]>\n<xliff ', 1)
    for codec in ("utf-32", "utf-32-le", "utf-32-be", "utf-16-be"):
        path = write(tmp_path / f"{codec}.xlf", xliff.replace('encoding="UTF-8"', f'encoding="{codec.upper()}"').encode(codec))
        with pytest.raises(AuditError, match="refused: the XML declares entities"):
            read_catalog(path)


def test_tbx_cannot_hide_entities_behind_padding_or_utf16(tmp_path: Path) -> None:
    from audit.lexicon.glossary import load_glossary

    tbx = (ROOT / "fixtures" / "glossaries" / "newsroom.tbx").read_text(encoding="utf-8")
    declared = tbx.replace("<martif", '<!DOCTYPE martif [<!ENTITY w "威特科夫">]>\n<martif', 1).replace("<term>威特科夫</term>", "<term>&w;</term>")
    padded = declared.replace("<!DOCTYPE", "<!-- " + "x" * 70_000 + " -->\n<!DOCTYPE", 1)
    wide = declared.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    for name, data in (("padded.tbx", padded.encode("utf-8")), ("wide.tbx", wide)):
        with pytest.raises(AuditError, match="refused: the XML declares entities"):
            load_glossary([write(tmp_path / name, data)], bundled=False)
    plain_wide = tbx.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    glossary = load_glossary([write(tmp_path / "plain16.tbx", plain_wide)], bundled=False)
    assert glossary.lookup("威特科夫").preferred == "Witkoff"  # type: ignore[union-attr]


def test_big5_read_as_gb18030_is_refused_naming_big5(tmp_path: Path) -> None:
    write(tmp_path / "b5.txt", ARTICLE.encode("big5", errors="replace"))
    write(tmp_path / "gb.txt", ARTICLE.encode("gb18030"))
    result = audit("check", "b5.txt", "gb.txt", "--encoding", "gb18030", "--out", "out", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout.count("N001 error") == 1  # gb.txt is still audited
    assert result.stderr.startswith("audit: error: b5.txt: read as gb18030 the text is garbage (common characters: 3")
    assert "try --encoding big5 (skipped)" in result.stderr


def test_utf16_without_byte_order_mark_is_read_in_either_order(tmp_path: Path) -> None:
    write(tmp_path / "le.txt", ARTICLE.encode("utf-16-le"))
    write(tmp_path / "be.txt", ARTICLE.encode("utf-16-be"))
    result = audit("check", "le.txt", "be.txt", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.count("N001 error") == 2, result.stderr


def test_legibility_tells_right_from_crossed_readings_of_real_news() -> None:
    from audit.io.decode import GARBLED_BELOW, READABLE
    from audit.io.legibility import legibility

    lines = (ROOT / "fixtures" / "ntrex-excerpt" / "newstest2019-ref.zho-TW.txt").read_text(encoding="utf-8").splitlines()
    for start in range(0, len(lines), 16):
        data = "\n".join(lines[start:start + 16]).encode("big5", errors="replace")
        assert legibility(data.decode("big5")) >= READABLE  # type: ignore[operator]
        assert legibility(data.decode("gb18030")) < GARBLED_BELOW  # type: ignore[operator]
    assert legibility("Only English, with one name: 普京.") is None  # too few letters to judge
