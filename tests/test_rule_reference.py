from __future__ import annotations

from audit.checks.base import Context, Options
from audit.checks.reference import LowReferenceScore, corpus_scores, reference_scores
from audit.model import Location, Segment
from audit.normalize import normalize_en
from tests.conftest import make_doc, make_pair

PAIRS = [
    ("對此,俄方尚未做出回應。", "Russia has not issued any response.", "Russia has not issued any response."),
    ("雙方的會談預計於12月6日仍將繼續進行。", "The talks ended abruptly.", "Talks were expected to continue on December 6."),
]


def reference(texts: list[str]) -> list[Segment]:
    return [Segment(i, "en", t, normalize_en(t), Location("ref.txt", i + 1), 0) for i, t in enumerate(texts)]


def test_the_sentence_that_strays_from_the_reference_is_listed() -> None:
    doc = make_doc([make_pair(zh, en) for zh, en, _ in PAIRS])
    ref = reference([r for _, _, r in PAIRS])
    findings = list(LowReferenceScore().run(doc, Context(options=Options(reference={"a.txt": ref}))))
    assert [(f.code, f.pair_index, f.expected) for f in findings] == [("R001", 1, PAIRS[1][2])]


def test_scores_and_signature() -> None:
    doc = make_doc([make_pair(zh, en) for zh, en, _ in PAIRS])
    scores = reference_scores(doc, reference([r for _, _, r in PAIRS]))
    assert scores[0].chrf == 100.0 and scores[1].chrf < 35
    summary = corpus_scores(scores)
    assert summary.startswith("BLEU ") and "nrefs:1|case:mixed" in summary and "chrF " in summary


def test_no_reference_no_finding() -> None:
    doc = make_doc([make_pair(zh, en) for zh, en, _ in PAIRS])
    assert list(LowReferenceScore().check_document(doc, Context())) == []
