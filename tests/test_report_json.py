"""The JSON report: documented by docs/json-schema.json, stable keys, readable Chinese, the CSV row inside."""

from __future__ import annotations

import json

import jsonschema
import pytest

from audit.model import AlignedDocument, AlignedPair, Document, DocumentResult, Finding, Location, Segment, Severity
from tests.rendered import render_json
from audit.report.rows import COLUMNS, finding_row
from tests.conftest import ROOT, SAMPLE, make_doc, make_pair

SCHEMA_PATH = ROOT / "docs" / "json-schema.json"
META = {"tool": "audit 0.1.0", "generated": "2025-12-12 09:00 UTC", "settings": "fail-on=error select=N,D,O,F,C"}

# Real sentences of the seed article (fixtures/seed-article.txt), some with the errors the rules look for.
WITKOFF_ZH = "此前,12月2日晚至3日凌晨,俄羅斯總統普丁與美國特使威特科夫以及總統川普女婿庫什納舉行近五小時的會談。"
WITKOFF_EN = (
    "Earlier, from the evening of December 2 into the early hours of December 3, Russian President Vladimir Putin "
    "held nearly five hours of talks with U.S. special envoy Whitaker and President Trump’s son-in-law Jared Kushner."
)
FLORIDA_ZH = "隨後,12月4日至5日,美烏代表在佛羅里達州連續舉行會談,美方提出新的思路以彌合雙方分歧。"
FLORIDA_EN = "Subsequently, from December 4 to 6, U.S. and Ukrainian representatives held consecutive meetings in Florida."
TALKS_ZH = "雙方的會談預計於12月6日仍將繼續進行。"
AID_ZH = "此外,美國白宮於12月2日宣布,川普已終止前任政府對烏克蘭的“無休止”援助。"
AID_EN = (
    "In addition, on December 3, the White House announced that Trump had terminated the previous "
    "administration’s “endless” aid to Ukraine."
)


def sample_result() -> DocumentResult:
    """One bilingual document (a.txt): a wrong name, a wrong date, an omission, a blank paragraph, mixed variants."""
    pairs = [
        make_pair(WITKOFF_ZH, WITKOFF_EN, line=7),
        make_pair(FLORIDA_ZH, FLORIDA_EN, line=9),
        make_pair(TALKS_ZH, "", line=11),  # untranslated
    ]
    pairs[0].score, pairs[1].score = 0.93, 0.712345
    witkoff, florida, talks = pairs
    findings = [
        Finding(
            "N001", "name-mismatch", Severity.ERROR, '威特科夫 rendered "Whitaker"; expected "Witkoff"',
            source_text=witkoff.source_text, target_text=witkoff.target_text,
            source_loc=witkoff.source_loc, target_loc=witkoff.target_loc,
            expected="Witkoff", found="Whitaker", suggestion="Whitaker → Witkoff",
            source_marks=("威特科夫",), target_marks=("Whitaker",), pair_index=0,
        ),
        Finding(
            "D001", "date-mismatch", Severity.ERROR, "12月4日至5日 is December 4–5, not December 4–6",
            source_text=florida.source_text, target_text=florida.target_text,
            source_loc=florida.source_loc, target_loc=florida.target_loc,
            expected="December 4 to 5", found="December 4 to 6", suggestion="December 4 to 6 → December 4 to 5",
            source_marks=("12月4日至5日",), target_marks=("December 4 to 6",), pair_index=1,
        ),
        Finding(
            "O001", "omitted-sentence", Severity.ERROR, "Sentence not translated",
            source_text=talks.source_text, source_loc=talks.source_loc, source_marks=(TALKS_ZH,), pair_index=2,
        ),
        Finding(
            "F001", "blank-paragraph", Severity.WARNING, "Paragraph holds only U+00A0 (no-break space)",
            target_text="\u00a0", target_loc=Location("a.txt", 23, 1), found="U+00A0",
        ),
        Finding(
            "C001", "source-variants", Severity.INFO, "普丁 and 普京 name the same person",
            source_text="普丁 … 普京", source_loc=Location("a.txt", 7, 25), expected="普丁", found="普京",
            source_marks=("普京",),
        ),
    ]
    return DocumentResult(make_doc(pairs), findings, suppressed=1)


def pair_files_result() -> DocumentResult:
    """A Chinese file and its translation (with a wrong date), in a folder with a Chinese name and a space."""
    zh_path, en_path = "新聞稿/白宮 援助.zh.txt", "新聞稿/白宮 援助.en.txt"
    source = [Segment(0, "zh", AID_ZH, AID_ZH, Location(zh_path, 3, 1), 0)]
    target = [Segment(0, "en", AID_EN, AID_EN, Location(en_path, 5, 1), 0)]
    pairs = [AlignedPair(source, target, 0.88)]
    document = Document(en_path, [], [])
    finding = Finding(
        "D001", "date-mismatch", Severity.WARNING, "12月2日 is December 2, not December 3",
        source_text=AID_ZH, target_text=AID_EN, source_loc=source[0].loc, target_loc=target[0].loc,
        expected="December 2", found="December 3", suggestion="December 3 → December 2",
        source_marks=("12月2日",), target_marks=("December 3",), pair_index=0,
    )
    return DocumentResult(AlignedDocument(document, source, target, pairs), [finding])


def sample_results() -> list[DocumentResult]:
    return [sample_result(), pair_files_result()]


@pytest.fixture(scope="module")
def schema() -> dict:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def validate(report: dict, schema: dict) -> None:
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(report)


def test_the_report_matches_its_documented_schema(schema: dict) -> None:
    validate(json.loads(render_json(sample_results(), META)), schema)
    validate(json.loads(render_json([], {})), schema)


def test_the_schema_is_strict_so_it_stays_in_step_with_the_writer(schema: dict) -> None:
    report = json.loads(render_json([sample_result()], META))
    report["documents"][0]["findings"][0]["undocumented"] = 1
    with pytest.raises(jsonschema.ValidationError):
        validate(report, schema)
    finding_schema = schema["$defs"]["finding"]
    assert finding_schema["required"] == [*COLUMNS, "pair_index", "source_marks", "target_marks", "locations"]
    assert list(finding_schema["properties"]) == finding_schema["required"]


def test_top_level_states_tool_version_and_settings_in_a_stable_order() -> None:
    report = json.loads(render_json([sample_result()], META))
    assert list(report) == ["tool", "generated", "settings", "summary", "documents"]
    assert report["tool"] == {"name": "audit", "version": "0.1.0"}
    assert report["generated"] == "2025-12-12 09:00 UTC"
    assert report["settings"] == "fail-on=error select=N,D,O,F,C"


def test_without_a_tool_stamp_the_package_version_is_used() -> None:
    from audit import __version__

    report = json.loads(render_json([], {}))
    assert report["tool"] == {"name": "audit", "version": __version__}
    assert report["generated"] == "" and report["settings"] == ""


def test_summaries_count_documents_pairs_severities_and_suppressed() -> None:
    report = json.loads(render_json(sample_results(), META))
    assert report["summary"] == {"documents": 2, "pairs": 4, "errors": 3, "warnings": 2, "infos": 1, "suppressed": 1}
    first, second = report["documents"]
    assert first["file"] == "a.txt"
    assert first["summary"] == {"pairs": 3, "errors": 3, "warnings": 1, "infos": 1, "suppressed": 1}
    assert second["summary"] == {"pairs": 1, "errors": 0, "warnings": 1, "infos": 0, "suppressed": 0}


def test_pairs_list_both_sides_with_their_locations() -> None:
    pairs = json.loads(render_json([sample_result()], META))["documents"][0]["pairs"]
    assert pairs[0] == {
        "index": 0,
        "kind": "1-1",
        "score": 0.93,
        "source": [{"text": WITKOFF_ZH, "path": "a.txt", "line": 7, "column": 1}],
        "target": [{"text": WITKOFF_EN, "path": "a.txt", "line": 17, "column": 1}],
    }
    assert pairs[1]["score"] == 0.7123  # rounded: confidences, not measurements
    assert pairs[2]["kind"] == "1-0" and pairs[2]["target"] == []


def test_pair_files_keep_each_sides_own_path() -> None:
    pair = json.loads(render_json([pair_files_result()], META))["documents"][0]["pairs"][0]
    assert pair["source"][0]["path"] == "新聞稿/白宮 援助.zh.txt"
    assert pair["target"][0]["path"] == "新聞稿/白宮 援助.en.txt"


def test_a_finding_is_the_csv_row_plus_pair_marks_and_structured_locations() -> None:
    result = sample_result()
    findings = json.loads(render_json([result], META))["documents"][0]["findings"]
    name = findings[0]
    assert list(name)[: len(COLUMNS)] == list(COLUMNS)
    assert {k: name[k] for k in COLUMNS} == finding_row("a.txt", result.findings[0])
    assert name["pair_index"] == 0
    assert name["source_marks"] == ["威特科夫"] and name["target_marks"] == ["Whitaker"]
    assert name["locations"] == {
        "source": {"path": "a.txt", "line": 7, "column": 1},
        "target": {"path": "a.txt", "line": 17, "column": 1},
    }
    assert name["suggestion"] == "Whitaker → Witkoff"


def test_an_absent_side_or_pair_is_null_not_a_guess() -> None:
    findings = json.loads(render_json([sample_result()], META))["documents"][0]["findings"]
    omitted, blank, variants = findings[2], findings[3], findings[4]
    assert omitted["locations"]["target"] is None and omitted["target_location"] == ""
    assert blank["locations"]["source"] is None and blank["pair_index"] is None
    assert variants["severity"] == "info" and variants["locations"]["source"] == {"path": "a.txt", "line": 7, "column": 25}


def test_text_is_readable_utf8_indented_and_reproducible() -> None:
    text = render_json(sample_results(), META)
    assert "威特科夫" in text and "\\u5a01" not in text and "Whitaker → Witkoff" in text
    assert text.startswith('{\n  "tool": {\n    "name": "audit"') and text.endswith("}\n")
    assert render_json(sample_results(), META) == text


def test_a_non_finite_score_becomes_null_so_the_file_stays_valid_json(schema: dict) -> None:
    result = sample_result()
    result.aligned.pairs[0].score = float("nan")
    report = json.loads(render_json([result], META))
    assert report["documents"][0]["pairs"][0]["score"] is None
    validate(report, schema)


def test_a_real_run_on_the_seed_article_matches_the_schema(schema: dict) -> None:
    from audit.checks.registry import select_rules
    from audit.io.text import read_bilingual
    from audit.lexicon.glossary import load_glossary
    from audit.pipeline import Auditor

    result = Auditor(load_glossary(bundled=False), select_rules()).run(read_bilingual(SAMPLE))
    report = json.loads(render_json([result], META))
    validate(report, schema)
    assert report["summary"]["pairs"] == len(result.aligned.pairs) > 0
    assert len(report["documents"][0]["findings"]) == len(result.findings)
