"""One very long article: its reports are written a pair and a finding at a time, never the whole document's JSON
or page at once (issue #15: a 48 MB article's reports took 190 MB more than its audit). No timing involved:
tracemalloc counts the bytes Python holds while the reports are written."""

from __future__ import annotations

import gc
import pickle
import tracemalloc
from pathlib import Path

import pytest

from audit.config import Settings
from audit.io.text import read_bilingual
from audit.model import DocumentResult
from audit.pipeline import merge_sections
from audit.run import FORMATS, audit_documents, meta, report_renderers, write_reports
from tests.conftest import SAMPLE

COPIES = 200  # the sample's result 200 times over as one article's sections: reports of about 4-6 MB


@pytest.fixture(scope="module")
def long_result() -> DocumentResult:
    """The sample audited, its result repeated as the sections of one long article (as audit.pipeline merges them)."""
    one = audit_documents([(str(SAMPLE), lambda: read_bilingual(SAMPLE))], Settings()).results[0]
    data = pickle.dumps(one)
    return merge_sections(one.aligned.document, (pickle.loads(data) for _ in range(COPIES)))


def _report_peak(result: DocumentResult, out: Path) -> int:
    """Bytes Python held at most, beyond the result itself, while the four reports were written."""
    settings = Settings()
    write_reports(report_renderers([result], list(FORMATS), meta(settings)), out / "warm")  # template, rule docs
    gc.collect()
    tracemalloc.start()
    try:
        write_reports(report_renderers([result], list(FORMATS), meta(settings)), out / "reports")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_article_reports_in_far_less_memory_than_its_reports_take(long_result: DocumentResult, tmp_path: Path) -> None:
    assert long_result.findings and long_result.pair_count > 1000
    peak = _report_peak(long_result, tmp_path)
    sizes = {path.name: path.stat().st_size for path in (tmp_path / "reports").iterdir()}
    # Writing a report whole holds at least its text (measured before streaming within a document: a peak of
    # 26 MB, the document's JSON as one string and the page's every pair rendered); streamed, what is held is one
    # pair's or finding's objects, the findings' page ids and the writers' buffers (measured: 1.4 MB).
    assert sizes["audit.json"] > 3_000_000 and sizes["audit.html"] > 3_000_000, sizes
    assert peak < sizes["audit.json"] / 2, (peak, sizes)


def test_the_long_article_reports_say_what_the_sections_said(long_result: DocumentResult, tmp_path: Path) -> None:
    """Streamed within the document, the reports still list every pair and every finding once, in order."""
    import json

    write_reports(report_renderers([long_result], ["json", "html"], meta(Settings())), tmp_path)
    report = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
    [document] = report["documents"]
    assert [pair["index"] for pair in document["pairs"]] == list(range(long_result.pair_count))
    assert [f["id"] for f in document["findings"]] == [f.id for f in long_result.findings]
    page = (tmp_path / "audit.html").read_text(encoding="utf-8")
    assert page.count('<tbody class="pair"') == long_result.pair_count
    assert page.count(f'id="doc-1-p{long_result.pair_count}"') == 1


def test_one_document_is_held_as_it_is_and_many_are_spooled() -> None:
    """A run of one (long) document keeps its result: spooling it would only add a pickling of the whole result
    (its memo alone 40 MB at 48 MB) before reading it back whole for each report."""
    from audit.run import SpooledResults

    def readers(count: int) -> list:  # type: ignore[type-arg]
        return [(f"copy-{k}.txt", lambda: read_bilingual(SAMPLE)) for k in range(count)]

    one = audit_documents(readers(1), Settings(), compact=True, large=True)
    two = audit_documents(readers(2), Settings(), compact=True, large=True)
    assert isinstance(one.results, list) and isinstance(two.results, SpooledResults)
    assert [f.id for f in one.results[0].findings] == [f.id for f in two.results[1].findings]
