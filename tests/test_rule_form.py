from __future__ import annotations

from audit.checks.base import Context
from audit.checks.form import BlankParagraph
from audit.io.text import read_bilingual
from audit.model import AlignedDocument
from tests.conftest import SAMPLE


def test_non_breaking_space_paragraph_in_the_sample_is_found() -> None:
    doc = read_bilingual(SAMPLE)
    [finding] = list(BlankParagraph().check_document(AlignedDocument(doc, [], [], []), Context()))
    assert finding.code == "F001" and finding.target_loc.line == 23  # type: ignore[union-attr]
    assert "U+00A0" in finding.message


def test_article_without_invisible_paragraphs_is_quiet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("對此,俄方尚未做出回應。\n\n\nRussia has not issued any response.\n", encoding="utf-8")
    doc = read_bilingual(path)
    assert list(BlankParagraph().check_document(AlignedDocument(doc, [], [], []), Context())) == []
