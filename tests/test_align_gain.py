"""The search's bead gains against the formula computed bead by bead (`reference_gain`), on real documents.

`audit.align.search.search` scores beads with the formula's functions (`lexical_gain`, `length_gain`,
`bead_gain`), but takes their inputs from tables of its own (counts a row at a time, spans per row) and passes
beads over by bounds; `Beads.gain` (`reference_gain` here) computes the same inputs plainly, for one bead. The two must give the
same number to the last bit, or the search optimises something else than the gain the confidences and tests
are about. Here every bead of every path the search returns is scored again and compared exactly, and so is the best bead ending at each cell of the search, under the
default parameters and under others that reach the branches the default leaves alone (weak beads,
paragraph costs, many-to-many shapes, no pruning bound, no bound on the length evidence).
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from audit import align as aligner
from audit.align import aligner as entry
from audit.align.scoring import Beads
from audit.io.text import read_bilingual
from audit.lexicon.glossary import load_glossary
from audit.model import Segment
from audit.segment import segment_blocks

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
NTREX = ROOT.parent / "shared" / "data" / "ntrex128"


from audit import align_gold as gold  # noqa: E402  (NTREX documents and their gold beads)

DEFAULT = aligner.DEFAULT
# Parameters that take the search down the branches the default leaves alone.
VARIANTS = {
    "default": DEFAULT,
    # a cost for weak beads, dearer orphans and paragraph starts
    "weak": dataclasses.replace(DEFAULT, weak=2.0, weak_floor=0.3, orphan=3.0, paragraph=1.5),
    # every shape as likely as 1-1: 2-2, 3-1, 1-3, 3-2, 2-3 beads come out; a prior above 0 raises the bound
    "shapes": dataclasses.replace(DEFAULT, shapes={shape: 0.0 for shape in DEFAULT.shapes} | {(2, 2): 0.5}, short=30.0),
    # a negative cost: no pruning bound at all
    "unbounded": dataclasses.replace(DEFAULT, paragraph=-0.5, kind_mismatch=-1.0),
    # a wider spread for true pairs than for unrelated ones: the length evidence has no upper bound
    "length": dataclasses.replace(DEFAULT, sigma=0.8, sigma_random=0.74, length_weight=0.5),
}


def _renumber(segments: list[Segment]) -> list[Segment]:
    return [dataclasses.replace(seg, index=k) for k, seg in enumerate(segments)]


def _documents() -> list[tuple[str, list[Segment], list[Segment]]]:
    """The seed article, the bundled NTREX excerpt (one paragraph, and paragraphs of two lines), and when
    NTREX-128 is at hand a sample of its documents with sentences deleted, added and replaced."""
    doc = read_bilingual(FIXTURES / "seed-article.txt")
    docs = [("seed", segment_blocks(doc.source, "zh"), segment_blocks(doc.target, "en"))]
    excerpt = gold.load_ntrex(FIXTURES / "ntrex-excerpt")
    for per_paragraph in (0, 2):
        docs += [(f"{name}/{per_paragraph}", case.source, case.target)
                 for name, case in ((d[0], gold.news_case(d, per_paragraph)) for d in excerpt)]
    if (NTREX / "DOCUMENT_IDS.tsv").exists():
        news = [gold.news_case(d, 3) for d in gold.load_ntrex(NTREX)]
        rng = random.Random(11)
        for case in news[::10]:
            for altered in (case, gold.omission_case(case, rng), gold.addition_case(case, rng, news),
                            gold.replacement_case(case, rng, news)):
                docs.append((altered.name, altered.source, altered.target))
        # one long article (several documents end to end): the band is laid around anchors far apart
        source = [s for case in news[:6] for s in case.source]
        target = [t for case in news[:6] for t in case.target]
        docs.append(("six documents", _renumber(source), _renumber(target)))
    return docs


DOCUMENTS = _documents()


def reference_gain(beads: Beads, i: int, a: int, j: int, b: int, shape: float) -> float:
    """The gain of the bead of Chinese i-a…i-1 and English j-b…j-1 (`shape`: its shape's log prior, which must
    be the parameters'), each of its inputs computed for this bead alone (`Beads.gain`)."""
    assert shape == beads.params.shapes[(a, b)]
    return beads.gain(i, a, j, b)
SEARCH = entry.search  # the search itself, whatever a test puts in its place


def _checked_align(monkeypatch: pytest.MonkeyPatch, source: list[Segment], target: list[Segment],
                   **kwargs) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    """align() with the beads of every search checked one by one: each bead of the path, and the best bead
    ending at each cell of the band (path or not). The beads checked, (shape, gain) each."""
    checked = []
    search = SEARCH

    def checking(beads, lo, hi, n, m):  # type: ignore[no-untyped-def]
        cells: list[tuple[int, int, int, int, float]] = []
        path, gains = search(beads, lo, hi, n, m, cells)
        assert len(path) == len(gains)
        on_path = {bead: gain for bead, gain in zip(path, gains)}
        for i, a, j, b, gain in cells:
            expected = reference_gain(beads, i, a, j, b, beads.params.shapes[(a, b)])
            assert gain == expected, f"bead {(i, a, j, b)}: search {gain!r}, formula {expected!r}"
            checked.append(((a, b), gain))
            on_path.pop((i, a, j, b), None)
        assert all(gain is None for gain in on_path.values())  # the rest: sentences left unpaired
        return path, gains

    monkeypatch.setattr(entry, "search", checking)
    pairs = aligner.align(source, target, **kwargs)
    assert [s.index for p in pairs for s in p.source] == list(range(len(source)))
    return checked


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_search_gain_is_the_formula_on_the_path_and_at_every_cell(variant, monkeypatch):
    params = VARIANTS[variant]
    shapes = set()
    beads = 0
    for _, source, target in DOCUMENTS:
        checked = _checked_align(monkeypatch, source, target, params=params)
        shapes |= {shape for shape, _ in checked}
        beads += len(checked)
    assert beads > 100
    assert (1, 1) in shapes and len(shapes) > 1  # more than one shape was checked
    if variant == "shapes":
        assert len(shapes) >= 5


def test_search_gain_is_the_formula_with_glossary_names(monkeypatch):
    glossary = load_glossary()
    checked = []
    for _, source, target in DOCUMENTS[:8]:
        checked += _checked_align(monkeypatch, source, target, glossary=glossary)
    assert len(checked) > 50


def test_confidence_from_the_search_gain_is_the_computed_one(monkeypatch):
    """align() takes each bead's confidence from the search's gain; from the gain computed afresh it is the same."""
    _, source, target = DOCUMENTS[0]
    recorded = {}
    search = SEARCH

    def recording(beads, lo, hi, n, m):  # type: ignore[no-untyped-def]
        path, gains = search(beads, lo, hi, n, m)
        recorded["beads"], recorded["path"], recorded["gains"] = beads, path, gains
        return path, gains

    monkeypatch.setattr(entry, "search", recording)
    pairs = aligner.align(source, target)
    beads = recorded["beads"]
    for pair, (i, a, j, b), gain in zip(pairs, recorded["path"], recorded["gains"]):
        afresh = reference_gain(beads, i, a, j, b, beads.params.shapes[(a, b)]) if a and b else gain
        assert pair.score == round(beads.confidence(i, a, j, b, afresh), 3) == round(beads.confidence(i, a, j, b, gain), 3)


@pytest.mark.parametrize("shape", list(DEFAULT.shapes))
def test_search_gain_is_the_formula_on_every_bead_of_one_shape(shape, monkeypatch):
    """With one bead shape only and sentences dear to leave unpaired, that shape is the best step into
    nearly every cell of the band: nearly every bead of the shape the band holds is checked."""
    for name, params in (("default", DEFAULT), ("weak", VARIANTS["weak"])):
        single = dataclasses.replace(params, shapes={shape: DEFAULT.shapes[shape]}, skip=1000.0)
        checked = 0
        for _, source, target in DOCUMENTS[:12]:
            checked += len(_checked_align(monkeypatch, source, target, params=single))
        assert checked > 20, name
