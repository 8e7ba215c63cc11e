"""The name rules' cost grows linearly with a sentence's length (issue #13, #15): one enormous sentence
(an article without full stops) is accounted for name by name without a search of the whole text per name."""

from __future__ import annotations

import cProfile
import pstats

from audit.checks.base import Context
from audit.checks.names import NameMismatch, UnknownName
from audit.lexicon.glossary import Glossary
from tests.conftest import ROOT, make_doc, make_pair, ntrex_documents


def _one_sentence(repeats: int) -> tuple[str, str]:
    """The bundled NTREX excerpt as one Chinese sentence (clauses joined by commas) and its English, repeated."""
    documents = ntrex_documents(ROOT / "fixtures" / "ntrex-excerpt")
    zh = "，".join(line.rstrip("。") for _, lines, _ in documents for line in lines)
    en = " ".join(line for _, _, lines in documents for line in lines)
    return zh * repeats, en * repeats


def _calls(glossary: Glossary, repeats: int) -> int:
    """Python function calls the two name rules make on the sentence repeated this often."""
    zh, en = _one_sentence(repeats)
    doc = make_doc([make_pair(zh, en)])
    profile = cProfile.Profile()
    profile.enable()
    list(NameMismatch().check_document(doc, Context(glossary)))
    list(UnknownName().check_pair(doc.pairs[0], Context(glossary)))
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


def test_a_sentence_four_times_longer_costs_about_four_times_as_much(glossary: Glossary) -> None:
    """Counted in function calls, not seconds (the machine is shared). Before this was linear, a unit's names
    were each searched for in the whole English (a regex scan of the sentence per name): 4× the text, 6× the
    calls and 8× the time at 52,000 characters; a 200,000-character sentence now takes seconds."""
    _calls(glossary, 2)  # loads the lexicon, the dictionary and pinyin's tables once
    small, large = _calls(glossary, 3), _calls(glossary, 12)
    assert len(_one_sentence(12)[0]) > 15_000
    assert large / small < 4.5, (small, large)  # 5.5 when each name searched the whole English


def test_one_long_sentence_finds_what_its_parts_find(glossary: Glossary) -> None:
    """Linear cost without losing findings: a name replaced in one clause of a long sentence is still reported."""
    zh, en = _one_sentence(8)
    doc = make_doc([make_pair(zh + "，威特科夫週二抵達", en + " Whitaker arrived on Tuesday.")])
    findings = list(NameMismatch().check_document(doc, Context(glossary)))
    assert any(f.found == "Whitaker" and f.expected and "Witkoff" in f.expected for f in findings)
