"""Random and mutated articles through the whole pipeline: only the tool's own errors may come out."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.checks.registry import select_rules
from audit.errors import AuditError
from audit.io.text import read_bilingual
from audit.lexicon.glossary import load_glossary
from audit.model import Severity
from audit.pipeline import Auditor
from audit.run import meta
from tests.rendered import render_reports
from audit.config import Settings
from tests.conftest import SAMPLE

PARAGRAPHS = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
AUDITOR = Auditor(load_glossary(), select_rules())

pieces = st.one_of(
    st.sampled_from(PARAGRAPHS),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),  # anything, control characters included
    st.text(alphabet="美國烏克蘭普丁威特科夫12月日年“”「」（）()“,。!?", max_size=120),
    st.text(alphabet="Witkoff Whitaker December 6, 2025 “”\"'()[]. million", max_size=160),
    st.sampled_from(["", "\u00a0", "\u200b\u3000", "“", "」", "\ud800", "x" * 20000, "第" * 5000, "\r\n\r\n"]),
)


def _mutate(paragraphs: list[str], cut: int) -> bytes:
    text = "\n\n".join(paragraphs)
    data = text.encode("utf-8", errors="surrogatepass")  # lone surrogates make invalid UTF-8 on purpose
    return data[: len(data) - cut] if cut else data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, min_size=0, max_size=8), st.integers(min_value=0, max_value=3))
def test_pipeline_raises_only_its_own_errors(paragraphs: list[str], cut: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(_mutate(paragraphs, cut))
        try:
            document = read_bilingual(path)
        except AuditError as error:
            assert "\n" not in str(error) and str(path) in str(error)
            return
        result = AUDITOR.run(document)
        for finding in result.findings:
            assert finding.code and isinstance(finding.severity, Severity) and finding.message
        reports = render_reports([result], ["csv", "html", "json", "sarif"], meta(Settings()))
        assert all(reports.values())


ZH, EN = PARAGRAPHS[:8], PARAGRAPHS[8:]
readable = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Co", "Cn"]), max_size=300)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ZH), min_size=1, max_size=4), st.lists(st.one_of(st.sampled_from(EN), readable), min_size=1, max_size=6),
       st.lists(readable, max_size=3))
def test_bilingual_articles_with_noise_are_audited_to_the_end(zh: list[str], en: list[str], noise: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text("\n\n".join(zh + noise + [EN[0]] + en), encoding="utf-8")
        try:
            document = read_bilingual(path)
        except AuditError:
            return
        result = AUDITOR.run(document)
        covered = sorted(s.index for p in result.aligned.pairs for s in p.source)
        assert covered == list(range(len(result.aligned.source)))  # every sentence in exactly one bead
        assert render_reports([result], ["csv", "html", "json", "sarif"], meta(Settings()))


# The blow-up class the fuzzer once found (15 KB → 4,300 F002 findings, 670 MB of reports): long paragraphs
# dense with quotation marks and brackets. Each example is a few KB, so that a run without the caps of
# audit/checks/limits.py already fails on its report size, and the whole test takes a few seconds.
marks = st.text(alphabet='“”"‘’()[]「」（）《》 ab.', min_size=500, max_size=3000)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(marks, marks)
def test_dense_quotes_and_brackets_give_bounded_findings_and_reports(chinese: str, english: str) -> None:
    from collections import Counter

    from audit.checks.limits import PER_DOCUMENT, PER_PAIR

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        text = f"美國特使{chinese}抵達。\n\nThe envoy {english} arrived.\n"
        path.write_text(text, encoding="utf-8")
        try:
            document = read_bilingual(path)
        except AuditError:
            return
        result = AUDITOR.run(document)
        per_place = Counter((f.code, f.pair_index, f.target_text) for f in result.findings)
        assert max(per_place.values(), default=0) <= PER_PAIR + 2  # listed, the rest summed up, the document note
        assert max(Counter(f.code for f in result.findings).values(), default=0) <= PER_DOCUMENT + 2
        reports = render_reports([result], ["csv", "html", "json", "sarif"], meta(Settings()))
        assert sum(map(len, reports.values())) < 100 * len(text.encode("utf-8")) + 1_000_000
