"""The run's signature: what decides the findings, in every report (audit.signature)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from audit.config import Settings
from audit.model import Severity
from audit.signature import signature, signature_fields

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "seed-article.txt"
GLOSSARY = ROOT / "fixtures" / "glossaries" / "newsroom.csv"


def test_the_signature_names_libraries_data_aligner_and_rules_in_force() -> None:
    fields = signature_fields(signature(Settings()))
    assert list(fields) == ["audit", "jieba", "opencc", "pypinyin", "dictionary", "glossary", "aligner", "rules"]
    assert fields["jieba"][0].isdigit() and fields["opencc"][0].isdigit() and fields["pypinyin"][0].isdigit()
    assert fields["rules"].startswith("N001=error,N002=info,")


def test_what_changes_the_findings_changes_the_signature() -> None:
    plain = signature_fields(signature(Settings()))
    own = signature_fields(signature(Settings(glossary=[GLOSSARY])))
    bare = signature_fields(signature(Settings(bundled_glossary=False)))
    assert len({plain["glossary"], own["glossary"], bare["glossary"]}) == 3 and bare["glossary"] == "none"
    quieter = signature_fields(signature(Settings(ignore=["F"], severity={"O002": Severity.INFO})))
    assert "F001" not in quieter["rules"] and "O002=info" in quieter["rules"]
    assert {k: v for k, v in quieter.items() if k != "rules"} == {k: v for k, v in plain.items() if k != "rules"}


def test_the_windows_of_a_long_article_are_signed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long article is aligned a window at a time and checked a section at a time: their sizes pair its
    sentences, so they are the aligner's parameters too."""
    from audit import sections
    from audit.align import aligner

    plain = signature_fields(signature(Settings()))["aligner"]
    monkeypatch.setattr(aligner, "WINDOW", aligner.WINDOW // 2)
    narrower = signature_fields(signature(Settings()))["aligner"]
    monkeypatch.setattr(sections, "KEEP_SHARE", 0.5)
    assert len({plain, narrower, signature_fields(signature(Settings()))["aligner"]}) == 3


def test_json_sarif_and_html_reports_carry_it(tmp_path: Path) -> None:
    out = tmp_path / "r"
    run = subprocess.run([sys.executable, "-m", "audit", "check", str(SAMPLE), "-r", "json", "-r", "sarif", "-r", "html",
                          "-o", str(out), "-q"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert run.returncode == 1, run.stderr
    report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "docs" / "json-schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)
    text = report["signature"]["text"]
    assert text == signature(Settings()) and report["signature"]["aligner_parameters"]["band"] > 0
    sarif = json.loads((out / "audit.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["properties"]["signature"] == text
    assert f'title="{text}"' in (out / "audit.html").read_text(encoding="utf-8")


def test_every_bundled_table_is_in_the_signature() -> None:
    """A data file added to audit/lexicon/data and left out of DATA_FILES would change findings unsigned."""
    from audit import signature as module

    data = Path(module.__file__).parent / "lexicon" / "data"
    shipped = {path.name for path in data.iterdir() if path.is_file()}
    assert shipped - {"CEDICT-LICENSE.txt", "names.csv"} == set(module.DATA_FILES)
