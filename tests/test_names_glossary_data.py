"""Integrity of the bundled names glossary, audit/lexicon/data/names.csv.

The file is hand-curated data; these tests guard its shape and a few entries the auditor relies on
(the seed article's 普丁/普京, 威特科夫, 川普, 澤連斯基 ...), not the matching code.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

NAMES_CSV = Path(__file__).resolve().parents[1] / "audit" / "lexicon" / "data" / "names.csv"
HEADER = ["chinese", "english", "type", "note"]
TYPES = {"person", "place", "org"}


def _read_rows() -> tuple[list[str], list[list[str]]]:
    with NAMES_CSV.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = [row for row in reader]
    return header, rows


@pytest.fixture(scope="module")
def rows() -> list[list[str]]:
    return _read_rows()[1]


def _forms(cell: str) -> list[str]:
    return cell.split("|")


def _row_with(rows: list[list[str]], chinese_form: str) -> list[str]:
    found = [row for row in rows if chinese_form in _forms(row[0])]
    assert len(found) == 1, f"{chinese_form!r} should be in exactly one row, found {len(found)}"
    return found[0]


def test_file_is_utf8_without_bom() -> None:
    raw = NAMES_CSV.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8")  # raises if not UTF-8


def test_header() -> None:
    header, _ = _read_rows()
    assert header == HEADER


def test_every_row_has_four_non_empty_fields(rows: list[list[str]]) -> None:
    assert rows, "glossary is empty"
    for number, row in enumerate(rows, start=2):
        assert len(row) == 4, f"line {number}: {row!r}"
        assert all(field.strip() for field in row), f"line {number}: empty field in {row!r}"


def test_type_is_known(rows: list[list[str]]) -> None:
    bad = [row for row in rows if row[2] not in TYPES]
    assert not bad, bad[:5]


def test_forms_are_clean(rows: list[list[str]]) -> None:
    for row in rows:
        for column in (0, 1):
            forms = _forms(row[column])
            assert all(form and form == form.strip() for form in forms), row
            assert len(forms) == len(set(forms)), f"duplicate form in {row[column]!r}"


def test_english_cell_non_empty(rows: list[list[str]]) -> None:
    for row in rows:
        assert any(form.strip() for form in _forms(row[1])), row


def test_no_single_character_chinese_form(rows: list[list[str]]) -> None:
    short = [form for row in rows for form in _forms(row[0]) if len(form) < 2]
    assert not short, short


def test_no_chinese_form_in_two_rows(rows: list[list[str]]) -> None:
    where: dict[str, set[int]] = defaultdict(set)
    for index, row in enumerate(rows):
        for form in _forms(row[0]):
            where[form].add(index)
    shared = {form: sorted(indexes) for form, indexes in where.items() if len(indexes) > 1}
    assert not shared, shared


def test_no_two_rows_collide_after_traditional_to_simplified(rows: list[list[str]]) -> None:
    """The auditor folds Traditional to Simplified before matching, so folded forms must stay unique too."""
    opencc = pytest.importorskip("opencc")
    to_simplified = opencc.OpenCC("t2s").convert
    where: dict[str, set[int]] = defaultdict(set)
    for index, row in enumerate(rows):
        for form in _forms(row[0]):
            where[to_simplified(form)].add(index)
    shared = {form: sorted(indexes) for form, indexes in where.items() if len(indexes) > 1}
    assert not shared, shared


def test_putin_taiwan_and_mainland_forms_share_a_row(rows: list[list[str]]) -> None:
    row = _row_with(rows, "普丁")
    assert "普京" in _forms(row[0])
    assert "Putin" in _forms(row[1])
    assert row[2] == "person"


def test_witkoff(rows: list[list[str]]) -> None:
    row = _row_with(rows, "威特科夫")
    assert "Witkoff" in _forms(row[1])
    assert "Whitaker" not in row[1]


def test_trump_both_spellings(rows: list[list[str]]) -> None:
    assert _row_with(rows, "川普") is _row_with(rows, "特朗普")
    assert "Trump" in _forms(_row_with(rows, "川普")[1])


def test_lai_ching_te(rows: list[list[str]]) -> None:
    english = _forms(_row_with(rows, "賴清德")[1])
    assert "Lai Ching-te" in english
    assert "William Lai" in english


def test_zelensky_spellings(rows: list[list[str]]) -> None:
    row = _row_with(rows, "澤連斯基")
    english = _forms(row[1])
    assert {"Zelensky", "Zelenskyy"} <= set(english)
    assert {"澤倫斯基", "泽连斯基"} <= set(_forms(row[0]))


def test_seed_article_places_and_orgs(rows: list[list[str]]) -> None:
    assert "Crimea" in _forms(_row_with(rows, "克里米亞")[1])
    assert "Florida" in _forms(_row_with(rows, "佛羅里達州")[1])
    assert "White House" in _forms(_row_with(rows, "白宮")[1])
    assert "Ukraine" in _forms(_row_with(rows, "烏克蘭")[1])
    assert "Kushner" in _forms(_row_with(rows, "庫什納")[1])
