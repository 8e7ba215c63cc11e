"""SARIF 2.1.0, so that code hosts annotate the lines of a pull request with the findings.

One run; the driver lists every rule with the documentation of its class (summary, why, a bad and a good
example). Each result points at the English sentence (the line an editor changes), or at the Chinese one when
there is no translation, and carries the Chinese sentence as a related location. Its partial fingerprint is a
hash of the rule and the two sentences, so a host keeps tracking a finding while the lines around it move.
Columns count characters (Unicode code points), as our locations do.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any, Iterable, TextIO
from urllib.parse import quote

from audit.checks.base import Rule
from audit.checks.docs import rule_doc
from audit.model import DocumentResult, Finding, Location, Severity
from audit.report.json_report import tool_info
from audit.report.json_stream import Streamed, write_json

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Our own fingerprint (versioned, as SARIF advises), and the key GitHub code scanning reads.
PAIR_HASH = "translationPairHash/v1"
GITHUB_HASH = "primaryLocationLineHash"


def write_sarif(out: TextIO, results: Iterable[DocumentResult], meta: dict[str, str], rules: list[type[Rule]]) -> None:
    """The log, written one result at a time (`results` is read twice: the rules found, then the results)."""
    descriptors = _rule_descriptors(rules, {f.code: f.rule for r in results for f in r.findings})
    index = {d["id"]: n for n, d in enumerate(descriptors)}
    occurrences: Counter[tuple[str, str]] = Counter()
    driver: dict[str, Any] = {"name": "audit", "version": tool_info(meta)["version"]}
    if meta.get("information_uri"):
        driver["informationUri"] = meta["information_uri"]
    driver["rules"] = descriptors
    run = {
        "tool": {"driver": driver},
        "results": Streamed(_result(result.name, f, index, occurrences) for result in results for f in result.findings),
        "columnKind": "unicodeCodePoints",
        "properties": {"generated": meta.get("generated", ""), "settings": meta.get("settings", ""),
                       **({"signature": meta["signature"]} if meta.get("signature") else {})},
    }
    write_json(out, {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]})


# --- rules -----------------------------------------------------------------------------------------------


def _rule_descriptors(rules: list[type[Rule]], found: dict[str, str]) -> list[dict[str, Any]]:
    """Every rule listed, then any code found (code → rule name) that the caller did not list."""
    descriptors = []
    seen: set[str] = set()
    for rule in rules:
        if rule.code not in seen:
            seen.add(rule.code)
            descriptors.append(_descriptor(rule))
    for code, name in found.items():  # a finding of a rule the caller did not list still gets a (bare) descriptor
        if code not in seen:
            seen.add(code)
            descriptors.append({"id": code, "name": name})
    return descriptors


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    doc = rule_doc(rule)
    descriptor: dict[str, Any] = {"id": rule.code, "name": rule.name, "shortDescription": {"text": doc.summary}}
    if doc.why:
        descriptor["fullDescription"] = {"text": doc.why[:1].upper() + doc.why[1:]}
    sections = [("Why", doc.why)] + [("Bad", line) for line in doc.bad_lines] + [("Good", line) for line in doc.good_lines]
    if sections:
        descriptor["help"] = {
            "text": "\n".join(f"{label}: {text}" for label, text in sections),
            "markdown": "\n\n".join(
                f"**{label}:** {_md_escape(text) if label == 'Why' else _md_code(text)}" for label, text in sections
            ),
        }
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    return descriptor


def _md_code(text: str) -> str:
    """An inline code span that shows `text` literally, backticks included."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


# --- results ---------------------------------------------------------------------------------------------


def pair_hash(finding: Finding) -> str:
    """Stable while the rule and the two sentences are unchanged, wherever they move in the file."""
    key = "\x1f".join((finding.code, finding.source_text, finding.target_text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def artifact_location(path: str) -> dict[str, str]:
    """A URI for a file path: relative paths against %SRCROOT% (the checkout), absolute ones as file: URIs."""
    posix = path.replace("\\", "/")
    if posix.startswith("/") or re.match(r"^[A-Za-z]:/", posix):
        return {"uri": "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")}
    while posix.startswith("./"):
        posix = posix[2:]
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def _physical(loc: Location) -> dict[str, Any]:
    # Only the start: a sentence's end is not known here (the region then runs to the end of the line).
    return {"artifactLocation": artifact_location(loc.path), "region": {"startLine": loc.line, "startColumn": loc.column}}


def _message(finding: Finding) -> str:
    return f"{finding.message} (suggestion: {finding.suggestion})" if finding.suggestion else finding.message


def _result(document: str, finding: Finding, rule_index: dict[str, int], occurrences: Counter[tuple[str, str]]) -> dict[str, Any]:
    if finding.target_loc:
        primary = {"physicalLocation": _physical(finding.target_loc)}
    elif finding.source_loc:
        primary = {"physicalLocation": _physical(finding.source_loc)}
    else:  # a finding about the whole document
        primary = {"physicalLocation": {"artifactLocation": artifact_location(document)}}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": _message(finding)},
        "locations": [primary],
    }
    if finding.target_loc and finding.source_loc:
        related = _physical(finding.source_loc)
        label = f"Source: {finding.source_text}" if finding.source_text else "Source sentence"
        result["relatedLocations"] = [{"id": 1, "physicalLocation": related, "message": {"text": label}}]
    digest = pair_hash(finding)
    uri = primary["physicalLocation"]["artifactLocation"]["uri"]
    occurrences[(uri, digest)] += 1  # the same finding twice in one file: tell them apart, as CodeQL does
    result["partialFingerprints"] = {PAIR_HASH: digest, GITHUB_HASH: f"{digest}:{occurrences[(uri, digest)]}"}
    result["properties"] = {
        "id": finding.id,  # as in the JSON and CSV reports and the baseline
        "expected": finding.expected,
        "found": finding.found,
        "suggestion": finding.suggestion,
        "sourceText": finding.source_text,
        "targetText": finding.target_text,
    }
    return result
