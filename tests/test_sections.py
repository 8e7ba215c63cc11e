"""A long article is audited in sections (audit.sections): the same pairs and findings as audited whole, apart
from the rules that read a whole document (consistency, coverage's calibration), with the article's own lines
and pair numbers; a cut never makes an omission, and an omission near a cut is still found."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.checks.registry import select_rules
from audit.io.table import read_table
from audit.io.text import read_bilingual
from audit.lexicon.glossary import load_glossary
from audit.model import AlignedPair, DocumentResult, Location, Segment
from audit.pipeline import Auditor
from audit.run import compact_result
from audit.segment import segment_blocks
from audit.sections import ANCHOR_CONFIDENCE, Section, safe_cut, sections
from audit.align_gold import load_ntrex

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "seed-article.txt"
EXCERPT = ROOT / "fixtures" / "ntrex-excerpt"
NTREX = ROOT.parent / "shared" / "data" / "ntrex128"
# Rules whose findings come from a whole document's counts: per section, they count a section.
DOCUMENT_WIDE = {"C001", "C002", "O004", "O005"}
GLOSSARY = load_glossary()
RULES = select_rules()


def audit(path: Path, size: int, keep=None) -> DocumentResult:  # type: ignore[no-untyped-def]
    return Auditor(GLOSSARY, RULES, section_sentences=size).run(read_bilingual(path), keep)


def pair_keys(result: DocumentResult) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(tuple(str(s.loc) for s in p.source), tuple(str(t.loc) for t in p.target)) for p in result.aligned.pairs]


def finding_keys(result: DocumentResult, skip: set[str] = DOCUMENT_WIDE) -> set[tuple[str, str, str, int | None]]:
    return {(f.code, str(f.location), f.message, f.pair_index) for f in result.findings if f.code not in skip}


def bilingual(tmp_path: Path, zh: list[str], en: list[str], name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n\n".join(zh) + "\n\n" + "\n\n".join(en) + "\n", encoding="utf-8")
    return path


def excerpt_lines() -> tuple[list[str], list[str]]:
    zh = (EXCERPT / "newstest2019-ref.zho-TW.txt").read_text(encoding="utf-8").splitlines()
    en = (EXCERPT / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    return zh, en


def test_an_article_that_fits_is_one_section_the_document_itself() -> None:
    document = read_bilingual(SAMPLE)
    [section] = list(sections(document, GLOSSARY))
    whole = section.aligned.document
    assert whole.name == document.name and section.first_paragraphs == (0, 0)
    # its paragraphs, held compactly as read, made Blocks once for the rules (F002 tells them apart by identity)
    assert isinstance(whole.source, list) and whole.source == list(document.source) and whole.target == list(document.target)
    assert whole.source[0] is whole.source[0] and document.source[0] is not document.source[0]


@pytest.mark.parametrize("size", [6, 10])
def test_the_sample_in_sections_has_the_pairs_and_pair_findings_of_the_whole(size: int) -> None:
    whole, cut = audit(SAMPLE, 10_000), audit(SAMPLE, size)
    assert pair_keys(cut) == pair_keys(whole)
    assert finding_keys(cut) == finding_keys(whole)
    assert {"N001", "O001", "F001"} <= {f.code for f in cut.findings}  # Whitaker, the headline, the blank paragraph
    for finding in cut.findings:  # each pair-level finding points at its own pair of the whole article
        if finding.pair_index is not None:
            pair = cut.aligned.pairs[finding.pair_index]
            assert finding.location in {pair.source_loc, pair.target_loc}


def test_sections_number_paragraphs_within_and_give_them_back(tmp_path: Path) -> None:
    zh, en = excerpt_lines()
    document = read_bilingual(bilingual(tmp_path, zh, en))
    parts: list[Section] = list(sections(document, GLOSSARY, size=8))
    assert len(parts) > 2
    for part in parts:
        blocks = part.aligned.document.target
        for segment in part.aligned.target:  # a section's sentence lies in the section's paragraph of its number
            assert segment.text.split()[0] in blocks[segment.paragraph].text
        part.restore_paragraphs()
        for segment in part.aligned.target:
            assert segment.text.split()[0] in document.target[segment.paragraph].text
    # every sentence of the article is in exactly one section
    assert [s.text for p in parts for s in p.aligned.source] == [s.text for s in segment_blocks(document.source, "zh")]
    assert [s.index for p in parts for s in p.aligned.target] == list(range(sum(len(p.aligned.target) for p in parts)))


def test_a_cut_inside_a_paragraph_keeps_each_part_once_with_its_place(tmp_path: Path) -> None:
    zh, en = excerpt_lines()
    # the whole translation as one paragraph: sections must cut it, each part starting where its text starts
    document = read_bilingual(bilingual(tmp_path, zh, [" ".join(en)]))
    parts = list(sections(document, GLOSSARY, size=8))
    assert len(parts) > 2
    assert "".join(b.text for p in parts for b in p.aligned.document.target).split() == " ".join(en).split()
    for part in parts[1:]:
        first = part.aligned.document.target[0]
        assert part.aligned.target[0].loc == first.loc and first.text.startswith(part.aligned.target[0].text)


def test_an_omission_near_a_cut_is_found(tmp_path: Path) -> None:
    zh, en = excerpt_lines()
    path = bilingual(tmp_path, zh, en)
    cuts = [len(p.aligned.source) for p in sections(read_bilingual(path), GLOSSARY, size=10)][:-1]
    assert cuts
    at = cuts[0]  # the Chinese sentences of the first section; delete the translation of the next line's
    gone = bilingual(tmp_path, zh, en[:at] + en[at + 1:], "deleted.txt")
    whole, cut = audit(gone, 10_000), audit(gone, 10)
    omitted = [f for f in cut.findings if f.code == "O001"]
    assert [str(f.source_loc) for f in omitted] == [str(f.source_loc) for f in whole.findings if f.code == "O001"]
    assert omitted and zh[at].startswith(omitted[0].source_text[:10])
    assert pair_keys(cut) == pair_keys(whole)


def test_compacted_sections_keep_the_pairs_with_findings_numbered_as_whole() -> None:
    whole = audit(SAMPLE, 10_000)
    cut = audit(SAMPLE, 6, keep=lambda result: compact_result(result, findings_only=True))
    assert cut.pair_count == whole.pair_count and cut.sentences == (len(whole.aligned.source), len(whole.aligned.target))
    numbered = dict(cut.numbered_pairs())
    for finding in cut.findings:
        if finding.pair_index is not None:
            assert numbered[finding.pair_index].source_text == whole.aligned.pairs[finding.pair_index].source_text


def test_prealigned_units_are_cut_between_units(tmp_path: Path) -> None:
    zh, en = excerpt_lines()
    table = tmp_path / "units.tsv"
    table.write_text("source\ttarget\n" + "".join(f"{z}\t{e}\n" for z, e in zip(zh, en)), encoding="utf-8")
    whole = Auditor(GLOSSARY, RULES).run(read_table(table))
    cut = Auditor(GLOSSARY, RULES, section_sentences=5).run(read_table(table))
    assert len(cut.aligned.pairs) == len(whole.aligned.pairs) > 20 and pair_keys(cut) == pair_keys(whole)
    assert finding_keys(cut) == finding_keys(whole)


def _bead(score: float, source: int = 1, target: int = 1) -> AlignedPair:
    loc = Location("a.txt", 1)
    return AlignedPair([Segment(0, "zh", "中", "中", loc, 0)] * source, [Segment(0, "en", "x", "x", loc, 0)] * target, score)


def test_a_cut_follows_two_confident_beads_and_prefers_a_clean_end() -> None:
    sure, unsure = ANCHOR_CONFIDENCE, ANCHOR_CONFIDENCE - 0.1
    pairs = [_bead(sure) for _ in range(8)] + [_bead(unsure), _bead(sure), _bead(0.0, 1, 0)]
    everywhere = ([1] * 11, [1] * 11)
    assert safe_cut(pairs, 10, 10, everywhere) == 8  # bead 10 is confident, but follows an unsure one
    clean = ([1] * 5 + [2] + [1] * 5, [1] * 5 + [2] + [1] * 5)
    assert safe_cut(pairs, 10, 10, clean) == 6  # the end of a paragraph, past half of the window
    early = ([2] + [1] * 10, [2] + [1] * 10)
    assert safe_cut(pairs, 10, 10, early) == 8  # a clean end too early to move on by half a window
    assert safe_cut([_bead(unsure)] * 5, 3, 3, ([1] * 5, [1] * 5)) == 3  # no anchor: all within the limits
    assert safe_cut([_bead(sure, 3, 3)], 1, 1, ([1] * 3, [1] * 3)) == 1  # never nothing


@pytest.mark.skipif(not NTREX.is_dir(), reason="needs ../shared/data/ntrex128")
@pytest.mark.parametrize("part", ["dev", "held-out"])
def test_ntrex_news_in_sections_matches_the_whole(tmp_path: Path, part: str) -> None:
    """30 NTREX-128 documents as one article, audited whole and in sections of 150 sentences: the same pairs
    but for at most one bead the aligner joins differently (its statistics are a window's), and no finding of a
    pair-level rule that the whole audit does not make but for that bead's."""
    held_out = part == "held-out"  # every fifth document, as the benches hold it out (bench/corpora.py part_of)
    articles = [doc for index, doc in enumerate(load_ntrex(NTREX)) if (index % 5 == 4) == held_out][:30]
    path = bilingual(tmp_path, [line for _, zh, _ in articles for line in zh], [line for _, _, en in articles for line in en])
    whole, cut = audit(path, 10_000), audit(path, 150)
    assert len(list(sections(read_bilingual(path), GLOSSARY, 150))) >= 3
    whole_pairs, cut_pairs = set(pair_keys(whole)), set(pair_keys(cut))
    assert len(cut_pairs - whole_pairs) <= 2
    loc = lambda f: (f.code, str(f.location), f.message)  # noqa: E731
    extra = {loc(f) for f in cut.findings if f.code not in DOCUMENT_WIDE} - {loc(f) for f in whole.findings}
    assert len(extra) <= 1
    assert not any(code == "F002" for code, _, _ in extra)  # no quotation cut open


def test_paragraphs_are_split_as_the_sections_need_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What is held at once is a section's sentences, not the article's: when the first section is handed on,
    the paragraphs split so far are those of about two windows, of an article of eighteen."""
    import audit.sections

    zh, en = excerpt_lines()
    document = read_bilingual(bilingual(tmp_path, zh * 6, en * 6))
    split: list[int] = []
    original = audit.sections.block_sentences
    monkeypatch.setattr(audit.sections, "block_sentences", lambda *args: split.append(1) or original(*args))
    parts = sections(document, GLOSSARY, size=10)
    first = next(parts)
    assert len(first.aligned.source) <= 10 and len(split) <= 2 * 2 * 11
    assert sum(1 for _ in parts) >= 10 and len(split) == len(document.source) + len(document.target)


def test_a_kept_long_article_lets_its_paragraphs_go_as_the_sections_pass(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Audited for a caller that keeps compacted results, an article's paragraphs are released section by section
    (a buffer of text at a time): the same findings as an audit that keeps every paragraph to the end."""
    from audit.io.text import Paragraphs

    monkeypatch.setattr(Paragraphs, "CHUNK_BYTES", 2_000)
    zh, en = excerpt_lines()
    path = bilingual(tmp_path, zh * 6, en * 6)
    document = read_bilingual(path)
    released: list[int] = []
    original = Paragraphs.release
    monkeypatch.setattr(Paragraphs, "release", lambda self, before: released.append(before) or original(self, before))
    kept = Auditor(GLOSSARY, RULES, section_sentences=10).run(document, compact_result)
    assert len(released) >= 2 * 10 and released == sorted(released)
    with pytest.raises(LookupError):
        document.target[0]  # released: nothing reads it again
    assert document.target[-1].text == en[-1]  # the last buffer's paragraphs are still held
    held = Auditor(GLOSSARY, RULES, section_sentences=10).run(read_bilingual(path))  # no caller keeping: none released
    assert finding_keys(kept) == finding_keys(held)


def test_a_rule_keeps_its_document_bound_over_all_sections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each section is bounded on its own; the article as a whole keeps each rule to PER_DOCUMENT findings too,
    and a compacted result keeps only the pairs of the findings it lists (what a run holds stays bounded)."""
    import audit.checks.limits as limits

    monkeypatch.setattr(limits, "PER_DOCUMENT", 5)
    zh, en = excerpt_lines()
    zh, en = zh[:40], en[:40]
    left = [f"{e} {z[:4]}" for z, e in zip(zh, en)]  # Chinese left untranslated in every English sentence (T001)
    path = bilingual(tmp_path, zh, left)
    cut = audit(path, 4, keep=lambda result: compact_result(result, findings_only=True))
    untranslated = [f for f in cut.findings if f.code == "T001"]
    assert len(untranslated) == 6 and untranslated[0].pair_index is None  # five listed, one saying there are more
    assert untranslated[0].message.startswith("more than 5 T001 findings in this document")
    listed = {f.pair_index for f in cut.findings if f.pair_index is not None}
    assert sorted(index for index, _ in cut.numbered_pairs()) == sorted(listed)
    whole = audit(path, 10_000)
    assert len([f for f in whole.findings if f.code == "T001"]) == 6  # as one section bounds it
