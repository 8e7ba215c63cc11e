"""No input makes a rule report without limit: findings are capped per pair and per document, each overflow
summed up in one finding, and the rule is not asked for more once the document's cap is reached."""

from __future__ import annotations

import random
import time
from collections import Counter
from pathlib import Path

from audit.checks.limits import PER_DOCUMENT, PER_PAIR, bounded
from audit.config import Settings
from audit.io.text import read_bilingual
from audit.model import Finding, Severity
from audit.run import audit_documents, meta
from tests.rendered import render_reports


def finding(pair: int | None, number: int, text: str = "") -> Finding:
    return Finding("F002", "unbalanced-quotes", Severity.WARNING, f"mark {number}", target_text=text, pair_index=pair)


def test_findings_past_the_cap_of_one_pair_become_one_summary() -> None:
    kept = bounded([finding(3, n) for n in range(PER_PAIR + 15)] + [finding(4, 0)])
    assert [f.message for f in kept[:PER_PAIR]] == [f"mark {n}" for n in range(PER_PAIR)]
    assert kept[PER_PAIR].pair_index == 4 and len(kept) == PER_PAIR + 2
    summary = kept[-1]
    assert summary.pair_index == 3 and summary.message == (
        f"15 more F002 findings in this sentence pair not listed (at most {PER_PAIR} are listed per sentence pair)")


def test_findings_without_a_pair_are_capped_per_paragraph() -> None:
    kept = bounded([finding(None, n, "paragraph one") for n in range(PER_PAIR + 1)] + [finding(None, 0, "paragraph two")])
    assert len(kept) == PER_PAIR + 2 and kept[-1].message.startswith("1 more F002 finding in this paragraph")


def test_the_rule_is_not_asked_for_more_than_the_document_cap() -> None:
    asked = 0

    def endless():  # type: ignore[no-untyped-def]
        nonlocal asked
        while True:
            asked += 1
            yield finding(asked, asked)

    kept = bounded(endless())
    assert asked == PER_DOCUMENT + 1  # the one past the cap only tells that there are more
    assert len(kept) == PER_DOCUMENT + 1 and kept[-1].pair_index is None
    assert kept[-1].message.startswith(f"more than {PER_DOCUMENT} F002 findings in this document")


def test_findings_under_the_caps_pass_unchanged() -> None:
    findings = [finding(n % 7, n) for n in range(40)]
    assert bounded(findings) == findings


def unbalanced_article(seed: int, marks: int) -> str:
    """What the fuzzer found: one long paragraph on each side, full of quotes and brackets that never close."""
    rng = random.Random(seed)
    chinese = "".join(rng.choice("「（《“") + "美國" for _ in range(marks // 2))
    english = " ".join(rng.choice(['"', "“", "(", "[", "Witkoff"]) for _ in range(marks))
    return chinese + "\n\n" + english + "\n"


def test_the_fuzzed_blow_up_stays_small(tmp_path: Path) -> None:
    path = tmp_path / "quotes.txt"
    path.write_text(unbalanced_article(2, 2500), encoding="utf-8")  # ~20 KB: 1,500 strays, 117 MB of reports before
    started = time.monotonic()
    run = audit_documents([("quotes", lambda: read_bilingual(path))], Settings())
    reports = render_reports(run.results, ["csv", "html", "json", "sarif"], meta(Settings()))
    elapsed = time.monotonic() - started
    counts = Counter(f.code for f in run.results[0].findings)
    assert counts["F002"] == PER_PAIR + 2  # ten listed, one for the rest of the paragraph, one for the document
    assert sum(map(len, reports.values())) < 2_000_000 and elapsed < 60
