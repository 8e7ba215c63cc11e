from __future__ import annotations

from pathlib import Path

import pytest

from audit.errors import InputError
from audit.lexicon.glossary import load_glossary
from audit.lexicon.tbx import parse_tbx
from tests.conftest import ROOT

TBX = ROOT / "fixtures" / "glossaries" / "newsroom.tbx"


def test_tbx_basic_concepts_become_entries_with_both_scripts() -> None:
    entries = parse_tbx(TBX.read_bytes(), "newsroom.tbx")
    assert [(e.chinese, e.english, e.type) for e in entries] == [
        (("威特科夫", "韋特科夫"), ("Witkoff", "Steve Witkoff"), "person"),
        (("和平計畫", "和平计划"), ("peace plan",), "term"),
    ]
    assert entries[0].note == "U.S. special envoy" and entries[0].origin == "newsroom.tbx:6"


def test_tbx_and_csv_glossaries_load_alike() -> None:
    from_tbx = load_glossary([TBX], bundled=False)
    from_csv = load_glossary([ROOT / "fixtures" / "glossaries" / "newsroom.csv"], bundled=False)
    for glossary in (from_tbx, from_csv):
        assert glossary.lookup("韋特科夫").preferred == "Witkoff"  # type: ignore[union-attr]
        assert glossary.lookup("和平计划").preferred == "peace plan"  # type: ignore[union-attr]


def test_tbx_v3_concept_entries(tmp_path: Path) -> None:
    v3 = (
        '<?xml version="1.0"?><tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
        '<text><body><conceptEntry id="1"><langSec xml:lang="zh"><termSec><term>庫什納</term></termSec></langSec>'
        '<langSec xml:lang="en"><termSec><term>Kushner</term></termSec></langSec></conceptEntry></body></text></tbx>'
    )
    [entry] = parse_tbx(v3.encode(), "core.tbx")
    assert entry.chinese == ("庫什納",) and entry.english == ("Kushner",)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<martif><text><body><termEntry>", "malformed TBX at line 1"),
        (b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif>&x;</martif>', "declares entities"),
        (b"<martif><text><body></body></text></martif>", "no concept with both"),
    ],
)
def test_bad_tbx_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_tbx(data, "bad.tbx")
