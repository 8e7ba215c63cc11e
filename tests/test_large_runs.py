"""Large runs keep only the pairs that carry findings (memory grows with findings, not input): the reports
must say the same as a run that kept everything, and say what they leave out."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from audit.cli import _readers
from audit.config import Settings
from audit.compare import compare
from audit.decisions import apply_decisions, load_decisions
from tests.rendered import render_csv
from tests.rendered import render_html
from tests.rendered import render_json
from audit.report.terminal import print_report
from audit.run import Run, audit_documents, compact_result, is_large_run
from tests.conftest import ROOT, SAMPLE

EXCERPT = ROOT / "fixtures" / "ntrex-excerpt"
SCHEMA = json.loads((ROOT / "docs" / "json-schema.json").read_text(encoding="utf-8"))
META = {"tool": "audit 0.0.0", "generated": "2025-01-01T00:00:00Z", "settings": ""}
NOTE = re.compile(r"(\d+) pairs? without findings (?:are|is) not shown in large runs")


def _corpus(folder: Path) -> Path:
    """The sample article and the NTREX excerpt's documents, as bilingual files."""
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SAMPLE.read_bytes())
    ids = [line.split("\t")[0] for line in (EXCERPT / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()]
    zh = (EXCERPT / "newstest2019-ref.zho-TW.txt").read_text(encoding="utf-8").splitlines()
    en = (EXCERPT / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    docs: dict[str, tuple[list[str], list[str]]] = {}
    for doc_id, z, e in zip(ids, zh, en):
        docs.setdefault(doc_id, ([], []))[0].append(z)
        docs[doc_id][1].append(e)
    for name, (z, e) in docs.items():
        (folder / f"{name}.txt").write_text("\n\n".join(z) + "\n\n" + "\n\n".join(e) + "\n", encoding="utf-8")
    # one English sentence changed, so that a document has findings in the middle of clean pairs
    name, (z, e) = next(iter(docs.items()))
    e = list(e)
    e[2] = re.sub(r"\d+", "77", e[2]) if re.search(r"\d", e[2]) else e[2] + " Whitaker said so."
    (folder / f"{name}-edited.txt").write_text("\n\n".join(z) + "\n\n" + "\n\n".join(e) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Run]:
    folder = _corpus(tmp_path_factory.mktemp("large") / "corpus")
    settings = Settings()
    full = audit_documents(_readers([folder], None, None, settings), settings)
    compacted = audit_documents(_readers([folder], None, None, settings), settings, compact=True, large=True)
    return full, compacted


def test_the_rule_for_a_large_run() -> None:
    assert not is_large_run(1) and not is_large_run(20, 2_000_000)
    assert is_large_run(21) and is_large_run(1, 2_000_001)


def test_compacted_run_reports_exactly_what_a_full_run_reports(runs: tuple[Run, Run]) -> None:
    full, compacted = runs
    assert [f.id for r in full.results for f in r.findings] == [f.id for r in compacted.results for f in r.findings]
    assert any(r.findings for r in full.results)
    assert render_csv(compacted.results) == render_csv(full.results)
    for a, b in zip(full.results, compacted.results):
        assert b.pair_count == a.pair_count == len(a.aligned.pairs)
        assert b.sentences == (len(a.aligned.source), len(a.aligned.target))
        wanted = sorted({f.pair_index for f in a.findings if f.pair_index is not None})
        assert b.pair_indices == wanted
        assert b.hidden_pairs == a.pair_count - len(wanted)
        for index, pair in b.numbered_pairs():  # the pairs kept are the very pairs, with their real numbers
            assert (pair.source_text, pair.target_text) == (a.aligned.pairs[index].source_text, a.aligned.pairs[index].target_text)
    assert any(r.hidden_pairs for r in compacted.results)
    terminal = []
    for run in runs:
        out = __import__("io").StringIO()
        print_report(run.results, out)
        terminal.append(out.getvalue())
    assert terminal[0] == terminal[1]


def test_compacted_json_is_valid_and_counts_every_pair(runs: tuple[Run, Run]) -> None:
    full, compacted = runs
    full_report = json.loads(render_json(full.results, META))
    report = json.loads(render_json(compacted.results, META))
    jsonschema.validate(report, SCHEMA)
    jsonschema.validate(full_report, SCHEMA)
    assert report["summary"] == full_report["summary"]
    for small, whole in zip(report["documents"], full_report["documents"]):
        assert small["summary"] == whole["summary"] and small["findings"] == whole["findings"]
        assert whole["pairs_not_listed"] == 0
        assert small["pairs_not_listed"] + len(small["pairs"]) == whole["summary"]["pairs"]
        by_index = {p["index"]: p for p in whole["pairs"]}
        assert all(p == by_index[p["index"]] for p in small["pairs"])
        assert {f["pair_index"] for f in small["findings"]} - {None} == {p["index"] for p in small["pairs"]}


def test_compacted_html_shows_pairs_with_findings_and_says_what_it_leaves_out(runs: tuple[Run, Run]) -> None:
    full, compacted = runs
    page = render_html(compacted.results, META)
    whole = render_html(full.results, META)
    assert not NOTE.search(whole)
    notes = [int(n) for n in NOTE.findall(page)]
    assert notes == [r.hidden_pairs for r in compacted.results if r.hidden_pairs]
    total = sum(r.pair_count for r in full.results)
    for html in (page, whole):
        assert f"{total} aligned pairs" in html
    for number, result in enumerate(compacted.results, start=1):
        anchors = re.findall(rf'<tbody class="pair" id="doc-{number}-p(\d+)"', page)
        assert [int(a) - 1 for a in anchors] == result.pair_indices
    # every finding is on the page, under its pair, in both
    assert len(re.findall(r'<li class="finding', page)) == len(re.findall(r'<li class="finding', whole)) > 0


def test_decisions_and_compare_work_on_compacted_results(runs: tuple[Run, Run], tmp_path: Path) -> None:
    full, compacted = runs
    csv_text = render_csv(full.results)
    lines = csv_text.split("\r\n")
    ids = Counter(line.split(",")[0] for line in lines[1:] if line)
    k = next(i for i, line in enumerate(lines) if i and line and ids[line.split(",")[0]] == 1)  # a finding of one document
    lines[k] = lines[k][: -len(",,")] + ",ignore,known" if lines[k].endswith(",,") else lines[k]
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("\r\n".join(lines), encoding="utf-8-sig")
    previous = tmp_path / "audit.json"
    previous.write_text(render_json(full.results, META), encoding="utf-8")
    outcomes = []
    for run in (full, compacted):
        results = [compact_result(r) for r in run.results]  # copies: the module's runs stay as they are
        for copy, original in zip(results, run.results):
            copy.findings = list(original.findings)
        review = apply_decisions(results, load_decisions([decisions]))
        trend = compare(results, [previous], review)
        outcomes.append((render_csv(results, review), dict(review.counts), trend.total("unchanged"), trend.total("new")))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][1].get("ignored") == 1


def test_a_run_of_many_documents_is_compacted_by_the_cli(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(21):
        (corpus / f"a{n:02d}.txt").write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "audit", "check", str(corpus), "--out", str(out), "-r", "html", "-r", "csv"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 1, result.stderr
    page = (out / "audit.html").read_text(encoding="utf-8")
    assert len(NOTE.findall(page)) == 21
    few = subprocess.run([sys.executable, "-m", "audit", "check", str(corpus / "a00.txt"), "--out", str(out), "-r", "html"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert few.returncode == 1 and not NOTE.search((out / "audit.html").read_text(encoding="utf-8"))
