"""The SARIF report: valid against the official 2.1.0 schema, and shaped for code hosts to annotate lines.

tests/data/sarif-schema-2.1.0.json is the OASIS schema, vendored unchanged (see the NOTICE beside it).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from audit.checks.completeness import AddedSentence
from audit.checks.registry import ALL_RULES
from audit.model import Finding, Location, Severity
from audit.checks.docs import rule_doc
from audit.report.sarif import SCHEMA_URI, artifact_location
from tests.rendered import render_sarif
from tests.conftest import SAMPLE
from tests.test_report_json import (
    META,
    WITKOFF_EN,
    WITKOFF_ZH,
    pair_files_result,
    sample_result,
    sample_results,
)
from tests.test_report_terminal import result_with

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
RULES = list(ALL_RULES)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_bytes())
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    checker = jsonschema.FormatChecker()
    # Without rfc3986-validator / rfc3339-validator the checker silently passes every uri and date-time.
    assert not checker.conforms("新聞稿/白宮 援助.txt", "uri-reference")
    assert not checker.conforms("12 December 2025", "date-time")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=checker)


def sarif(results=None, meta=META, rules=RULES) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(render_sarif(sample_results() if results is None else results, meta, rules))


def results_by_rule(log: dict) -> dict[str, dict]:
    return {r["ruleId"]: r for r in log["runs"][0]["results"]}


def test_the_log_is_valid_sarif_2_1_0(validator: jsonschema.protocols.Validator) -> None:
    validator.validate(sarif())
    validator.validate(sarif([]))
    validator.validate(sarif([result_with([])], meta={}))


def test_one_run_by_the_audit_driver_with_its_version() -> None:
    log = sarif()
    assert log["$schema"] == SCHEMA_URI and log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "audit" and driver["version"] == "0.1.0"
    assert "informationUri" not in driver
    assert run["columnKind"] == "unicodeCodePoints"  # our columns count characters
    assert run["properties"] == {"generated": META["generated"], "settings": META["settings"]}


def test_an_information_uri_is_stated_when_the_run_has_one() -> None:
    meta = {**META, "information_uri": "https://example.org/audit"}
    assert sarif(meta=meta)["runs"][0]["tool"]["driver"]["informationUri"] == "https://example.org/audit"


def test_every_rule_is_described_from_its_docstring() -> None:
    rules = sarif()["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in ALL_RULES]
    for descriptor, rule in zip(rules, ALL_RULES, strict=True):
        doc = rule_doc(rule)
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary()
        assert descriptor["fullDescription"]["text"].lower() == doc.why.lower() != ""
        lines = [f"Bad: {line}" for line in doc.bad_lines] + [f"Good: {line}" for line in doc.good_lines]
        assert descriptor["help"]["text"].splitlines()[1:] == lines
        assert "**Bad:**" in descriptor["help"]["markdown"]
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.label]
        assert descriptor["defaultConfiguration"]["level"] == level
    name = rules[0]
    assert name["fullDescription"]["text"].startswith("A wrong name is the most damaging error")
    assert name["help"]["text"].splitlines()[1:] == [
        'Bad: 美國特使威特科夫 → "U.S. special envoy Whitaker"',
        'Good: 美國特使威特科夫 → "U.S. special envoy Witkoff"',
    ]


def test_a_why_that_wraps_over_lines_is_read_whole() -> None:
    doc = rule_doc(AddedSentence)
    assert doc.why == (
        "added text is either an editor's insertion that must be approved or a sentence from another "
        "article pasted by mistake."
    )
    assert doc.bad_lines[-1] == '(nothing) → "The minister also resigned on Friday."'


def test_results_carry_rule_level_message_and_suggestion() -> None:
    log = sarif([sample_result()])
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["ruleId"] for r in results] == ["N001", "D001", "O001", "F001", "C001"]
    assert [r["level"] for r in results] == ["error", "error", "error", "warning", "note"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    name = results[0]
    assert name["message"]["text"] == '威特科夫 rendered "Whitaker"; expected "Witkoff" (suggestion: Whitaker → Witkoff)'
    assert name["properties"] == {
        "id": sample_result().findings[0].id, "expected": "Witkoff", "found": "Whitaker", "suggestion": "Whitaker → Witkoff",
        "sourceText": WITKOFF_ZH, "targetText": WITKOFF_EN,
    }
    assert results[2]["message"]["text"] == "Sentence not translated"


def test_a_result_points_at_the_target_sentence_and_relates_the_source() -> None:
    name = results_by_rule(sarif([sample_result()]))["N001"]
    (primary,) = name["locations"]
    assert primary["physicalLocation"] == {
        "artifactLocation": {"uri": "a.txt", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 17, "startColumn": 1},
    }
    (related,) = name["relatedLocations"]
    assert related["id"] == 1 and related["message"]["text"] == f"Source: {WITKOFF_ZH}"
    assert related["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 1}


def test_without_a_target_the_result_points_at_the_source() -> None:
    results = results_by_rule(sarif([sample_result()]))
    omitted, variants = results["O001"], results["C001"]
    assert omitted["locations"][0]["physicalLocation"]["region"]["startLine"] == 11
    assert variants["locations"][0]["physicalLocation"]["region"]["startColumn"] == 25
    assert "relatedLocations" not in omitted and "relatedLocations" not in variants


def test_a_finding_without_any_location_points_at_its_document(validator: jsonschema.protocols.Validator) -> None:
    log = sarif([result_with([Finding("O001", "omitted-sentence", Severity.ERROR, "Headline not translated")])])
    validator.validate(log)
    (location,) = log["runs"][0]["results"][0]["locations"]
    assert location == {"physicalLocation": {"artifactLocation": {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}}}


def test_paths_become_uris_with_forward_slashes(validator: jsonschema.protocols.Validator) -> None:
    assert artifact_location("news\\2025\\a.txt") == {"uri": "news/2025/a.txt", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("./a.txt") == {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/srv/news/a.txt") == {"uri": "file:///srv/news/a.txt"}
    assert artifact_location("C:\\news\\a.txt") == {"uri": "file:///C:/news/a.txt"}
    chinese = artifact_location("新聞稿/白宮 援助.en.txt")
    assert chinese["uri"].isascii() and unquote(chinese["uri"]) == "新聞稿/白宮 援助.en.txt"
    log = sarif([pair_files_result()])
    validator.validate(log)  # the format checker rejects an unescaped space or Chinese character in a URI
    (result,) = log["runs"][0]["results"]
    assert unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) == "新聞稿/白宮 援助.en.txt"
    assert unquote(result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]) == "新聞稿/白宮 援助.zh.txt"


def test_fingerprints_follow_the_sentences_not_the_lines() -> None:
    def fingerprints(finding: Finding) -> dict[str, str]:
        return sarif([result_with([finding])])["runs"][0]["results"][0]["partialFingerprints"]

    base = sample_result().findings[0]
    moved = Finding(**{**base.__dict__, "source_loc": Location("a.txt", 70, 3), "target_loc": Location("a.txt", 90, 5)})
    reworded = Finding(**{**base.__dict__, "message": "another wording of the message"})
    fixed = Finding(**{**base.__dict__, "target_text": WITKOFF_EN.replace("Whitaker", "Witkof")})
    assert fingerprints(base) == fingerprints(moved) == fingerprints(reworded)
    assert fingerprints(base) != fingerprints(fixed)
    assert set(fingerprints(base)) == {"translationPairHash/v1", "primaryLocationLineHash"}


def test_the_same_finding_twice_in_a_file_gets_two_fingerprints() -> None:
    finding = sample_result().findings[0]
    results = sarif([result_with([finding, finding])])["runs"][0]["results"]
    first, second = (r["partialFingerprints"]["primaryLocationLineHash"] for r in results)
    assert first != second and first.split(":")[0] == second.split(":")[0]


def test_a_finding_of_an_unlisted_rule_still_gets_a_descriptor(validator: jsonschema.protocols.Validator) -> None:
    finding = Finding("X900", "experimental-rule", Severity.INFO, "An experimental rule fired", target_loc=Location("a.txt", 2))
    log = sarif([result_with([finding])], rules=RULES[:1])
    validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["N001", "X900"] and rules[1]["name"] == "experimental-rule"
    assert log["runs"][0]["results"][0]["ruleIndex"] == 1


def test_no_findings_is_an_empty_result_list_not_a_missing_one() -> None:
    run = sarif([result_with([])])["runs"][0]
    assert run["results"] == [] and len(run["tool"]["driver"]["rules"]) == len(ALL_RULES)


def test_text_is_readable_utf8_and_reproducible() -> None:
    text = render_sarif(sample_results(), META, RULES)
    assert "威特科夫" in text and "\\u5a01" not in text and text.endswith("}\n")
    assert render_sarif(sample_results(), META, RULES) == text


def test_a_real_run_on_the_seed_article_is_valid_sarif(validator: jsonschema.protocols.Validator) -> None:
    from audit.checks.registry import select_rules
    from audit.io.text import read_bilingual
    from audit.lexicon.glossary import load_glossary
    from audit.pipeline import Auditor

    result = Auditor(load_glossary(bundled=False), select_rules()).run(read_bilingual(SAMPLE))
    log = sarif([result])
    validator.validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(result.findings) > 0
    for finding, sarif_result in zip(result.findings, results, strict=True):
        assert finding.location is not None
        region = sarif_result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.location.line, finding.location.column)
