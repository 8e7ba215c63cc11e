"""Bad input through the real command line: one line naming the file and the problem, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
