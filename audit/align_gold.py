"""Gold sentence alignments of line-aligned parallel text, altered copies of it, and the aligner's scores on it.

Used by `bench/align.py` (which documents the gold sets and metrics) and by the aligner's tests. A corpus whose
line k translates line k (NTREX-128) gives gold beads once its lines are joined into paragraphs and re-split by
our own splitters: the sentences a line boundary does not separate form one bead. The altered copies delete,
insert, replace, split or merge English sentences and say what the aligner must then find.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from audit.checks.completeness import absorbed_sentences
from audit.model import AlignedPair, Block, Location, Segment
from audit.normalize import normalize_en
from audit.segment import segment_blocks, split_en, split_zh

Bead = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Case:
    """One document ready for the aligner, with its gold beads (indices into source/target)."""

    name: str
    source: list[Segment]
    target: list[Segment]
    gold: list[Bead]
    # For gold set 2: the target sentences that were inserted, and groups of interchangeable copies.
    omitted: set[int] = field(default_factory=set)
    added: set[int] = field(default_factory=set)
    twins: dict[int, int] = field(default_factory=dict)


# ---------------------------------------------------------------- data


def load_ntrex(data: Path) -> list[tuple[str, list[str], list[str]]]:
    """(document id, Chinese lines, English lines) per document, in file order."""
    ids = (data / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    zh = (data / "newstest2019-ref.zho-TW.txt").read_text(encoding="utf-8").splitlines()
    en = (data / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    assert len(ids) == len(zh) == len(en), "NTREX files disagree in length"
    docs: list[tuple[str, list[str], list[str]]] = []
    for doc_id, zh_line, en_line in zip(ids, zh, en):
        doc_id = doc_id.split("\t")[0].strip()
        if not docs or docs[-1][0] != doc_id:
            docs.append((doc_id, [], []))
        docs[-1][1].append(zh_line.strip())
        docs[-1][2].append(en_line.strip())
    return docs


def _blocks(lines: Sequence[str], name: str, per_paragraph: int) -> list[Block]:
    """Lines joined into paragraphs of `per_paragraph` lines (0: the whole document is one paragraph)."""
    size = per_paragraph or len(lines)
    return [Block("\n".join(lines[i:i + size]), Location(name, i + 1)) for i in range(0, len(lines), size)]


def _sentence_lines(blocks: Sequence[Block], lang: str) -> list[tuple[int, int]]:
    """For each sentence (in segment_blocks order): the first and last line (0-based) it covers."""
    spans = []
    for block in blocks:
        pieces = split_zh(block.text) if lang == "zh" else split_en(block.text)
        for offset, sentence in pieces:
            first = block.loc.line - 1 + block.text.count("\n", 0, offset)
            spans.append((first, first + sentence.count("\n")))
    return spans


def gold_beads(zh_spans: Sequence[tuple[int, int]], en_spans: Sequence[tuple[int, int]], lines: int) -> list[Bead]:
    """Beads from line boundaries: lines bound together by a sentence that spans them form one bead."""
    parent = list(range(lines))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for first, last in list(zh_spans) + list(en_spans):
        for line in range(first + 1, last + 1):
            parent[find(line)] = find(first)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for index, (first, _) in enumerate(zh_spans):
        groups.setdefault(find(first), ([], []))[0].append(index)
    for index, (first, _) in enumerate(en_spans):
        groups.setdefault(find(first), ([], []))[1].append(index)
    beads = [(tuple(zh), tuple(en)) for zh, en in groups.values()]
    return sorted(beads, key=lambda bead: (min(bead[0], default=10**6), min(bead[1], default=10**6)))


def news_case(doc: tuple[str, list[str], list[str]], per_paragraph: int = 0) -> Case:
    name, zh_lines, en_lines = doc
    zh_blocks = _blocks(zh_lines, f"ntrex:{name}.zh", per_paragraph)
    en_blocks = _blocks(en_lines, f"ntrex:{name}.en", per_paragraph)
    source = segment_blocks(zh_blocks, "zh")
    target = segment_blocks(en_blocks, "en")
    zh_spans = _sentence_lines(zh_blocks, "zh")
    en_spans = _sentence_lines(en_blocks, "en")
    assert len(zh_spans) == len(source) and len(en_spans) == len(target)
    return Case(name, source, target, gold_beads(zh_spans, en_spans, len(zh_lines)))


def renumber(segments: Iterable[Segment]) -> list[Segment]:
    out = []
    for index, seg in enumerate(segments):
        out.append(Segment(index, seg.lang, seg.text, seg.norm, seg.loc, seg.paragraph, seg.kind))
    return out


def omission_case(case: Case, rng: random.Random) -> Case:
    """Delete the English of some whole beads; their Chinese sentences become 1-0 gold beads."""
    candidates = [k for k, (zh, en) in enumerate(case.gold) if zh and en]
    count = max(1, round(len(candidates) / 8))
    chosen = set(rng.sample(candidates, min(count, len(candidates))))
    if rng.random() < 0.3 and len(candidates) > 4:  # sometimes two beads in a row go missing
        start = rng.choice(candidates[:-1])
        chosen |= {start, start + 1}
    dropped = {j for k in chosen for j in case.gold[k][1]}
    keep = [j for j in range(len(case.target)) if j not in dropped]
    new_index = {old: new for new, old in enumerate(keep)}
    gold: list[Bead] = []
    omitted: set[int] = set()
    for k, (zh, en) in enumerate(case.gold):
        if k in chosen:
            gold.extend(((i,), ()) for i in zh)
            omitted.update(zh)
        else:
            gold.append((zh, tuple(new_index[j] for j in en)))
    target = renumber(case.target[j] for j in keep)
    return Case(case.name + "+omit", case.source, target, gold, omitted=omitted)


def replacement_case(case: Case, rng: random.Random, others: Sequence[Case]) -> Case:
    """Replace the English of some 1-1 beads with a sentence of another document (a pasted wrong sentence):
    the Chinese must come out unaligned (1-0) and the stranger as an addition (0-1)."""
    candidates = [k for k, (zh, en) in enumerate(case.gold) if len(zh) == 1 and len(en) == 1]
    chosen = set(rng.sample(candidates, min(max(1, round(len(case.gold) / 8)), len(candidates))))
    target: list[Segment] = []
    gold: list[Bead] = []
    omitted: set[int] = set()
    added: set[int] = set()
    for k, (zh, en) in enumerate(case.gold):
        if k in chosen:
            other = rng.choice([o for o in others if o.name != case.name])
            gold.append((zh, ()))
            omitted.add(zh[0])
            gold.append(((), (len(target),)))
            added.add(len(target))
            target.append(rng.choice(other.target))
        else:
            gold.append((zh, tuple(range(len(target), len(target) + len(en)))))
            target += [case.target[j] for j in en]
    return Case(case.name + "+replace", case.source, renumber(target), gold, omitted=omitted, added=added)


def addition_case(case: Case, rng: random.Random, others: Sequence[Case]) -> Case:
    """Insert English sentences between beads: from another document, or a copy of one of this one."""
    slots = len(case.gold) + 1
    count = max(1, round(len(case.gold) / 8))
    inserts: dict[int, list[tuple[Segment, int | None]]] = defaultdict(list)
    for _ in range(count):
        kind = rng.random()
        if kind < 0.5:  # a sentence from another document
            other = rng.choice([o for o in others if o.name != case.name])
            inserts[rng.randrange(slots)].append((rng.choice(other.target), None))
        else:  # a duplicate, next to its original (half the time) or anywhere else
            k = rng.randrange(len(case.gold))
            if not case.gold[k][1]:
                continue
            original = rng.choice(case.gold[k][1])
            slot = k + 1 if kind < 0.75 else rng.randrange(slots)
            inserts[slot].append((case.target[original], original))
    target: list[Segment] = []
    gold: list[Bead] = []
    old_to_new: dict[int, int] = {}
    added: set[int] = set()
    copies: list[tuple[int, int]] = []  # (new index of copy, old index of original)
    for k in range(slots):
        for seg, original in inserts.get(k, []):
            added.add(len(target))
            gold.append(((), (len(target),)))
            if original is not None:
                copies.append((len(target), original))
            target.append(seg)
        if k < len(case.gold):
            zh, en = case.gold[k]
            for j in en:
                old_to_new[j] = len(target)
                target.append(case.target[j])
            gold.append((zh, tuple(old_to_new[j] for j in en)))
    twins = {copy: old_to_new[original] for copy, original in copies}
    return Case(case.name + "+add", case.source, renumber(target), gold, added=added, twins=twins)


# Where an English sentence may be cut in two at a clause boundary: a comma or semicolon followed by a word that
# starts a clause (a coordinating conjunction, a subordinator or a pronoun subject; closed word classes of
# English grammar), with at least MIN_PART words on each side.
_CLAUSE = re.compile(r"[,;] (?=(?:and|but|so|while|although|though|because|which|who|where|when|as|after|before|"
                     r"saying|adding|he|she|it|they|we|I)\b)")
MIN_PART = 4


def _sentence(text: str, like: Segment) -> Segment:
    return Segment(like.index, like.lang, text, normalize_en(text), like.loc, like.paragraph, like.kind)


def _clause_split(text: str, pieces: int) -> list[str]:
    """The sentence cut at up to `pieces - 1` clause boundaries into sentences of their own, or [text]."""
    cuts = [m.start() for m in _CLAUSE.finditer(text)]
    chosen: list[int] = []
    for cut in cuts:
        start = chosen[-1] + 2 if chosen else 0
        if len(text[start:cut].split()) >= MIN_PART and len(text[cut + 2:].split()) >= MIN_PART:
            chosen.append(cut)
        if len(chosen) == pieces - 1:
            break
    parts, start = [], 0
    for cut in chosen:
        parts.append(text[start:cut].rstrip() + ".")
        start = cut + 2
    parts.append(text[start:])
    return [part[0].upper() + part[1:] for part in parts]


def split_case(case: Case, rng: random.Random) -> Case:
    """English sentences cut in two or three at clause boundaries, as a free translation does: the gold beads
    grow on the English side (1-2, 1-3, 2-3…), and nothing may be reported missing or added."""
    target: list[Segment] = []
    gold: list[Bead] = []
    for zh, en in case.gold:
        new = []
        for j in en:
            parts = _clause_split(case.target[j].text, rng.choice((2, 3))) if rng.random() < 0.5 else [case.target[j].text]
            for part in parts:
                new.append(len(target))
                target.append(_sentence(part, case.target[j]))
        gold.append((zh, tuple(new)))
    return Case(case.name + "+split", case.source, renumber(target), gold)


def merge_case(case: Case, rng: random.Random) -> Case:
    """The English of two neighbouring 1-1 beads merged into one sentence (the first's full stop becoming a
    semicolon): the gold bead is 2-1, and nothing may be reported missing or added."""
    target: list[Segment] = []
    gold: list[Bead] = []
    k = 0
    while k < len(case.gold):
        zh, en = case.gold[k]
        if k + 1 < len(case.gold) and len(en) == 1 and len(case.gold[k + 1][1]) == 1 and case.gold[k + 1][0] \
                and zh and rng.random() < 0.25:
            first, second = case.target[en[0]].text, case.target[case.gold[k + 1][1][0]].text
            merged = first.rstrip(".") + "; " + (second[0].lower() + second[1:] if second[:2] != "I " else second)
            gold.append((zh + case.gold[k + 1][0], (len(target),)))
            target.append(_sentence(merged, case.target[en[0]]))
            k += 2
            continue
        gold.append((zh, tuple(range(len(target), len(target) + len(en)))))
        target += [case.target[j] for j in en]
        k += 1
    return Case(case.name + "+merge", case.source, renumber(target), gold)


# ---------------------------------------------------------------- metrics


def to_beads(pairs: Sequence[AlignedPair]) -> list[Bead]:
    return [(tuple(s.index for s in p.source), tuple(t.index for t in p.target)) for p in pairs]


def _precision_counts(gold: Iterable[Bead], test: Iterable[Bead]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of `test` beads judged against `gold`."""
    gold_set = {bead for bead in gold if bead[0] or bead[1]}
    partners: dict[int, set[int]] = defaultdict(set)
    for zh, en in gold_set:
        for i in zh:
            partners[i].update(en)
    strict_hit = strict_miss = lax_hit = lax_miss = 0
    for bead in {bead for bead in test if bead[0] or bead[1]}:
        if bead in gold_set:
            strict_hit += 1
            lax_hit += 1
            continue
        strict_miss += 1
        if set(bead[1]) & {j for i in bead[0] for j in partners[i]}:
            lax_hit += 1
        else:
            lax_miss += 1
    return strict_hit, strict_miss, lax_hit, lax_miss


@dataclass
class Score:
    p_counts: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    r_counts: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    omitted: int = 0
    omitted_found: int = 0
    added: int = 0
    added_found: int = 0
    false_null: int = 0  # unaligned sentences that have a partner in the gold
    # O001/O002 findings (unaligned sentences, and sentences a bead absorbed with no evidence of their own:
    # audit.checks.completeness) on sentences that have a partner in the gold; omitted sentences they report
    false_findings: int = 0
    omitted_reported: int = 0
    gold_pairs: int = 0  # gold beads with both sides
    sentences: int = 0
    docs: int = 0

    def add(self, case: Case, pairs: Sequence[AlignedPair]) -> None:
        test = resolve_twins(case, to_beads(pairs))
        for k, value in enumerate(_precision_counts(case.gold, test)):
            self.p_counts[k] += value
        both = lambda beads: [b for b in beads if b[0] and b[1]]  # noqa: E731
        for k, value in enumerate(_precision_counts(both(test), both(case.gold))):
            self.r_counts[k] += value
        null_zh = {b[0][0] for b in test if b[0] and not b[1]}
        null_en = {b[1][0] for b in test if b[1] and not b[0]}
        gold_null_zh = {b[0][0] for b in case.gold if b[0] and not b[1]}
        gold_null_en = {b[1][0] for b in case.gold if b[1] and not b[0]}
        self.omitted += len(case.omitted)
        self.omitted_found += len(case.omitted & null_zh)
        self.added += len(case.added)
        self.added_found += len(case.added & null_en)
        self.false_null += len(null_zh - gold_null_zh) + len(null_en - gold_null_en)
        reported_zh, reported_en = reported_sentences(case, pairs)
        self.false_findings += len(reported_zh - gold_null_zh) + len(reported_en - gold_null_en)
        self.omitted_reported += len(case.omitted & reported_zh)
        self.gold_pairs += len(both(case.gold))
        self.sentences += len(case.source) + len(case.target)
        self.docs += 1

    def result(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        p_strict = ratio(self.p_counts[0], self.p_counts[0] + self.p_counts[1])
        p_lax = ratio(self.p_counts[2], self.p_counts[2] + self.p_counts[3])
        r_strict = ratio(self.r_counts[0], self.r_counts[0] + self.r_counts[1])
        r_lax = ratio(self.r_counts[2], self.r_counts[2] + self.r_counts[3])
        out = {
            "docs": self.docs, "gold_pairs": self.gold_pairs,
            "p_strict": p_strict, "r_strict": r_strict, "f1_strict": f1(p_strict, r_strict),
            "p_lax": p_lax, "r_lax": r_lax, "f1_lax": f1(p_lax, r_lax),
            "false_null_per_100_pairs": 100 * ratio(self.false_null, self.gold_pairs),
            "false_findings_per_100_pairs": 100 * ratio(self.false_findings, self.gold_pairs),
        }
        if self.omitted:
            out["omission_recall"] = ratio(self.omitted_found, self.omitted)
            out["omission_reported"] = ratio(self.omitted_reported, self.omitted)
            out["omitted"] = self.omitted
        if self.added:
            out["addition_recall"] = ratio(self.added_found, self.added)
            out["added"] = self.added
        return out


def resolve_twins(case: Case, test: list[Bead]) -> list[Bead]:
    """A duplicated sentence may be matched through either copy: if the aligner left the original
    unaligned and paired the copy, swap the two in its answer so that the gold applies as written."""
    if not case.twins:
        return test
    null_en = {b[1][0] for b in test if b[1] and not b[0]}
    swap = {}
    for copy, original in case.twins.items():
        if original in null_en and copy not in null_en:
            swap[copy], swap[original] = original, copy
    if not swap:
        return test
    return [(zh, tuple(sorted(swap.get(j, j) for j in en))) for zh, en in test]


# ---------------------------------------------------------------- runs


def reported_sentences(case: Case, pairs: Sequence[AlignedPair]) -> tuple[set[int], set[int]]:
    """The Chinese and English sentences (indices) that O001 and O002 report in an alignment of the case: the
    unaligned ones (a pasted twin counted as the gold's) and those a bead absorbed with no evidence of their own
    (`audit.checks.completeness.absorbed_sentences`)."""
    test = resolve_twins(case, to_beads(pairs))
    reported_zh = {b[0][0] for b in test if b[0] and not b[1]}
    reported_en = {b[1][0] for b in test if b[1] and not b[0]}
    for pair in pairs:
        zh_absorbed, en_absorbed = absorbed_sentences(pair)
        reported_zh.update(s.index for s in zh_absorbed)
        reported_en.update(t.index for t in en_absorbed)
    return reported_zh, reported_en


Aligner = Callable[[Sequence[Segment], Sequence[Segment]], list[AlignedPair]]


def evaluate(cases: Sequence[Case], aligner: Aligner) -> tuple[dict[str, float], list[tuple[Case, list[AlignedPair]]]]:
    score = Score()
    outputs = []
    for case in cases:
        pairs = aligner(case.source, case.target)
        _check_cover(case, pairs)
        score.add(case, pairs)
        outputs.append((case, pairs))
    return score.result(), outputs


def _check_cover(case: Case, pairs: Sequence[AlignedPair]) -> None:
    zh = [s.index for p in pairs for s in p.source]
    en = [t.index for p in pairs for t in p.target]
    assert zh == list(range(len(case.source))), f"{case.name}: source not covered once in order"
    assert en == list(range(len(case.target))), f"{case.name}: target not covered once in order"


def build_sets(data: Path, per_paragraph: int, seed: int) -> dict[str, dict[str, list[Case]]]:
    docs = load_ntrex(data)
    news = [news_case(doc, per_paragraph) for doc in docs]
    rng = random.Random(seed)
    omission = [omission_case(case, rng) for case in news]
    addition = [addition_case(case, rng, news) for case in news]
    replacement = [replacement_case(case, rng, news) for case in news]
    split = [split_case(case, rng) for case in news]
    merged = [merge_case(case, rng) for case in news]
    sets = {}
    for name, cases in (("news", news), ("omission", omission), ("addition", addition), ("replacement", replacement),
                        ("split", split), ("merged", merged)):
        sets[name] = {
            "dev": [c for k, c in enumerate(cases) if k % 5 != 4],
            "held-out": [c for k, c in enumerate(cases) if k % 5 == 4],
        }
    return sets
