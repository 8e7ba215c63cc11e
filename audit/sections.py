"""A document's sentences and their pairs, a bounded section at a time: segment → align, then hand on.

An article that fits in one section (most news: up to `SECTION_SENTENCES` sentences a side) is one section,
the whole article, segmented and aligned exactly as it always was. A longer one is read in sections so that
what the audit holds at once (sentences, their normalized text, the aligner's tables, the rules' per-document
state) stays that of one section, however long the article: each section is segmented from the paragraphs as
it is needed, aligned, checked and reported by the caller (`audit.pipeline`), then dropped.

A section ends where the alignment is sure of itself, so that no false omission or addition appears at a cut:
a window of the next `SECTION_SENTENCES` Chinese sentences is aligned with the stretch of English its share
of characters predicts plus a margin, and the section keeps the beads up to the last confident one-to-one
bead well inside the window (preferably one that ends a paragraph on both sides); what follows it is aligned
again, as the start of the next window. Each section is handed on as a document of its own (its paragraphs,
cut where the section cuts one), with the sentences' numbers, lines and columns those of the whole article.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Sequence

from audit.align import align
from audit.align.aligner import WINDOW
from audit.align.features import GlossaryLike
from audit.model import AlignedDocument, AlignedPair, Block, Document, Lang, Segment
from audit.segment import block_sentences, offset_location
from audit.text import ZH_QUOTE_MARK, ZH_QUOTES

# Sentences a side of one section: the aligner's own window (audit.align.aligner.WINDOW), beyond which it
# already aligns an article window by window; so an article that fits is audited whole, exactly as before,
# and a section is never split again inside the aligner. 2,000 sentences are about 0.5 MB of NTREX-128 news
# and about 25 MB of the audit's tables (README, Performance).
SECTION_SENTENCES = WINDOW
# Beads are kept from the first three quarters of a window, on each side that goes on past it; the last
# quarter is aligned again with what follows (the aligner's own COMMIT / WINDOW, 1,500 / 2,000).
KEEP_SHARE = 0.75
# The English stretch aligned with a window of Chinese: the characters its share predicts, and this much more,
# so that a locally longer translation still has its beads inside the window.
ENGLISH_MARGIN = 0.25
# A bead the alignment is sure of: the aligner's confidence at a margin of 8 (log-likelihood) over leaving
# its sentences unpaired (audit.align.scoring.Beads.confidence: on NTREX-128's dev part 80 % of right beads
# score below it, and beads above it are right almost without exception).
ANCHOR_CONFIDENCE = 0.88


@dataclass
class _Sentence:
    """A sentence read ahead of its section, with the paragraph (number in the document) and offset it starts at."""

    block: int
    offset: int
    segment: Segment


class _Side:
    """One side's sentences, split paragraph by paragraph as the sections need them."""

    def __init__(self, blocks: Sequence[Block], lang: Lang, release: bool = False) -> None:
        self.blocks, self.lang = blocks, lang
        # Paragraphs held compactly are let go as the sections pass them (`Paragraphs.release`), when asked
        self.release = getattr(blocks, "release", None) if release else None
        self.pending: deque[_Sentence] = deque()  # read, not yet in a section
        self.next_block = 0  # the first paragraph not yet read
        self.numbered = 0  # sentences read so far
        self.start = (0, 0)  # (paragraph, offset) where the next section starts
        # The paragraphs read so far, as read, while the document may still be one section: paragraphs held
        # compactly make a new Block at each reading, and a document that fits hands these on (`listed`).
        self.read_blocks: list[Block] | None = []
        self._chars: int | None = None  # of all the paragraphs, counted only for a document of several sections
        self._taken_chars = 0  # of the sentences already in a section

    @property
    def chars_left(self) -> int:
        """Characters of the sentences not yet in a section."""
        if self._chars is None:  # asked before the first section is taken: no paragraph is released yet
            self._chars = sum(len(block.text) for block in self.blocks)
        return self._chars - self._taken_chars

    def listed(self) -> list[Block]:
        """Every paragraph as a Block made once, for a document read whole into one section (`_listed`)."""
        if isinstance(self.blocks, list):
            return self.blocks
        if self.read_blocks is None or len(self.read_blocks) != len(self.blocks):
            return list(self.blocks)
        return self.read_blocks

    def read(self, sentences: int) -> None:
        """Read paragraphs until `sentences` sentences are pending (or all are read)."""
        while self.next_block < len(self.blocks) and len(self.pending) < sentences:
            number = self.next_block
            block = self.blocks[number]
            if self.read_blocks is not None:
                self.read_blocks.append(block)
            read = block_sentences(block, number, self.lang, self.numbered)
            self.pending.extend(_Sentence(number, offset, segment) for offset, segment in read)
            self.numbered += len(read)
            self.next_block += 1

    def done(self) -> bool:
        return not self.pending and self.next_block >= len(self.blocks)

    def window(self, sentences: int) -> list[_Sentence]:
        return [self.pending[k] for k in range(min(sentences, len(self.pending)))]

    def goes_on_past(self, window: list[_Sentence]) -> bool:
        return len(self.pending) > len(window) or self.next_block < len(self.blocks)

    def take(self, count: int) -> tuple[list[Block], list[Segment], int]:
        """The next `count` pending sentences as a section's: its paragraphs (the first and last cut where the
        section starts and ends), its sentences, numbered by paragraph within the section, and the number in
        the document of the section's first paragraph."""
        taken = [self.pending.popleft() for _ in range(count)]
        end = (self.pending[0].block, self.pending[0].offset) if self.pending else (self.next_block, 0)
        first_block, first_offset = self.start
        blocks: list[Block] = []
        for number in range(first_block, end[0] + (1 if end[1] else 0)):
            block = self.blocks[number]
            begin = first_offset if number == first_block else 0
            stop = end[1] if number == end[0] else len(block.text)
            blocks.append(block if (begin, stop) == (0, len(block.text)) else
                          Block(block.text[begin:stop], offset_location(block, begin)))
        self.read_blocks = None  # a document of several sections: its paragraphs are not all held
        for sentence in taken:
            sentence.segment.paragraph = sentence.block - first_block
            self._taken_chars += len(sentence.segment.text)
        self.start = end
        if self.release is not None:
            self.release(end[0])  # no later section reads a paragraph before its own first one
        return blocks, [sentence.segment for sentence in taken], first_block


@dataclass
class Section:
    """A stretch of a document, aligned: a document of its own for the rules (its paragraphs, the first and last
    cut where the section cuts one; `Segment.paragraph` indexes them), and where its paragraphs start in the
    whole document (Chinese, English)."""

    aligned: AlignedDocument
    first_paragraphs: tuple[int, int] = (0, 0)

    def restore_paragraphs(self) -> None:
        """Number the sentences' paragraphs as in the whole document again (once the rules have read the section)."""
        zh_first, en_first = self.first_paragraphs
        for segment in self.aligned.source:
            segment.paragraph += zh_first
        for segment in self.aligned.target:
            segment.paragraph += en_first
        self.first_paragraphs = (0, 0)


def sections(document: Document, glossary: GlossaryLike | None = None, size: int = SECTION_SENTENCES, *,
             release: bool = False) -> Iterator[Section]:
    """The document as aligned sections, in order: one, the document itself, when it fits in `size` sentences
    a side. With `release`, the paragraphs of a long document held compactly (audit.io.text.Paragraphs) are let
    go as the sections pass them, so that what a long article holds while the results of its sections gather is
    the paragraphs still ahead; the document's paragraphs cannot be read again afterwards."""
    zh, en = _Side(document.source, "zh", release), _Side(document.target, "en", release)
    zh.read(size + 1)
    en.read(size + 1)
    if zh.next_block >= len(zh.blocks) and len(zh.pending) <= size and en.next_block >= len(en.blocks) and len(en.pending) <= size:
        source, target = [s.segment for s in zh.pending], [s.segment for s in en.pending]
        pairs = unit_pairs(source, target) if document.prealigned else align(source, target, glossary)
        yield Section(AlignedDocument(_listed(document, zh, en), source, target, pairs))
        return
    blanks = True  # the blank-looking paragraphs (rule F001) go with the first section
    while not (zh.done() and en.done()):
        source_count, target_count, pairs = _units(zh, en, size) if document.prealigned else _aligned(zh, en, size, glossary)
        source_blocks, source, zh_first = zh.take(source_count)
        target_blocks, target, en_first = en.take(target_count)
        part = Document(document.name, source_blocks, target_blocks, prealigned=document.prealigned,
                        blank_source=document.blank_source if blanks else [],
                        blank_target=document.blank_target if blanks else [])
        blanks = False
        yield Section(AlignedDocument(part, source, target, pairs), (zh_first, en_first))


def _listed(document: Document, zh: _Side, en: _Side) -> Document:
    """The document with its paragraphs as lists of Blocks, each made once (those its sides read): paragraphs
    held compactly (audit.io.text.Paragraphs) make a new Block at each reading, and a rule may tell paragraphs
    apart by identity (F002 does). A section's paragraphs are such lists already (`_Side.take`)."""
    if isinstance(document.source, list) and isinstance(document.target, list):
        return document
    return replace(document, source=zh.listed(), target=en.listed())


def _aligned(zh: _Side, en: _Side, size: int, glossary: GlossaryLike | None) -> tuple[int, int, list[AlignedPair]]:
    """Align the next window and keep its beads up to a safe cut: sentences taken from each side, and the beads."""
    zh.read(size)
    en.read(size)
    source = zh.window(size)
    zh_more = zh.goes_on_past(source)
    # the English the window's Chinese predicts, by its share of the characters still to audit, and a margin
    expected = sum(len(s.segment.text) for s in source) * en.chars_left / max(1, zh.chars_left) * (1 + ENGLISH_MARGIN)
    target: list[_Sentence] = []
    chars = 0
    for sentence in en.window(size):
        if chars >= expected and zh_more:
            break
        target.append(sentence)
        chars += len(sentence.segment.text)
    pairs = align([s.segment for s in source], [t.segment for t in target], glossary)
    en_more = en.goes_on_past(target)
    if not zh_more and not en_more:
        return len(source), len(target), pairs
    cut = safe_cut(pairs, int(len(source) * KEEP_SHARE) if zh_more else len(source),
                   int(len(target) * KEEP_SHARE) if en_more else len(target), _clean_ends(zh, en, source, target))
    kept = pairs[:cut]
    return sum(len(p.source) for p in kept), sum(len(p.target) for p in kept), kept


def _clean_ends(zh: _Side, en: _Side, source: list[_Sentence], target: list[_Sentence]) -> tuple[list[int], list[int]]:
    """For each sentence of the window, how cleanly a section may end after it: 2 where it ends a paragraph
    outside any quotation, 1 inside a paragraph but outside quotations, 0 inside a quotation. News quotes run
    over several paragraphs, and a cut inside one would leave each section a quote never closed (rule F002).
    The Chinese tells where a quotation is open, as it does for F002: its marks say which way they face
    (「…」, “…”), where English straight quotes do not; a quotation over paragraphs opens each and closes in
    the last. The English must hold no straight quote left open in the paragraph so far."""
    return _ends(zh, source, _chinese_quotes), _ends(en, target, _english_quotes)


def _ends(side: _Side, window: list[_Sentence], open_after: Callable[[str, int, bool], int]) -> list[int]:
    after = [s.block for s in window[1:]] + [side.pending[len(window)].block if len(side.pending) > len(window) else -1]
    state = 0  # the window starts where the last section ended: outside quotations
    out = []
    for k, (sentence, following) in enumerate(zip(window, after)):
        state = open_after(sentence.segment.text, state, k == 0 or window[k - 1].block != sentence.block)
        out.append(0 if state else 2 if following != sentence.block else 1)
    return out


def _chinese_quotes(text: str, depth: int, paragraph_start: bool) -> int:
    """Quotations open after `text`, given `depth` open before it (a paragraph that opens one while one is open
    continues it)."""
    for mark in ZH_QUOTE_MARK.finditer(text):  # the marks only, as F002 reads them
        if mark.group() in ZH_QUOTES:
            depth += 0 if paragraph_start and mark.start() == 0 and depth else 1
        else:
            depth = max(0, depth - 1)
    return depth


def _english_quotes(text: str, straight: int, paragraph_start: bool) -> int:
    """1 when the paragraph so far leaves a straight or curly quote open, else 0."""
    straight = (0 if paragraph_start else straight) + text.count('"') + text.count("“") - text.count("”")
    return straight % 2


def safe_cut(pairs: Sequence[AlignedPair], zh_limit: int, en_limit: int, clean_ends: tuple[list[int], list[int]]) -> int:
    """How many beads to keep: those up to the last confident one-to-one bead that follows another one and lies
    within `zh_limit` / `en_limit` sentences and past half of them (so that a section moves on by at least that),
    preferring one after which both sides end cleanly (`_clean_ends`: a paragraph's end outside quotations, else
    outside quotations). With no confident bead there, every bead within the limits (at least one, so that the
    audit moves on)."""
    zh_ends, en_ends = clean_ends
    used_zh = used_en = 0
    within = 0
    anchors = [0, 0, 0]  # the last anchor after which the sides end at least this cleanly
    confident_before = False
    for k, pair in enumerate(pairs):
        used_zh, used_en = used_zh + len(pair.source), used_en + len(pair.target)
        if used_zh > zh_limit or used_en > en_limit:
            break
        within = k + 1
        confident = pair.kind == "1-1" and pair.score >= ANCHOR_CONFIDENCE
        if confident and confident_before and 2 * used_zh >= zh_limit and 2 * used_en >= en_limit:
            for level in range(min(zh_ends[used_zh - 1], en_ends[used_en - 1]) + 1):
                anchors[level] = k + 1
        confident_before = confident
    return max(1, anchors[2] or anchors[1] or anchors[0] or within)


def _units(zh: _Side, en: _Side, size: int) -> tuple[int, int, list[AlignedPair]]:
    """Pre-aligned units (unit k is paragraph k on both sides): the next whole units holding at most `size`
    Chinese sentences (at least one unit), paired by unit before the section numbers its paragraphs."""
    zh.read(size + 1)
    window = zh.window(size + 1)
    if len(window) <= size:
        end = max(len(zh.blocks), len(en.blocks))  # the rest of the document
    else:
        end = window[-1].block if window[-1].block > window[0].block else window[0].block + 1
    while en.next_block < min(end, len(en.blocks)):
        en.read(len(en.pending) + 1)
    source = [s.segment for s in zh.pending if s.block < end]
    target = [t.segment for t in en.pending if t.block < end]
    return len(source), len(target), unit_pairs(source, target)


def unit_pairs(source: list[Segment], target: list[Segment]) -> list[AlignedPair]:
    """Pairs given by the input format: the sentences of unit k on both sides form one bead (grouped in one
    pass: a file of many units costs in proportion to its size, not to units × sentences)."""
    units: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for segment in source:
        units.setdefault(segment.paragraph, ([], []))[0].append(segment)
    for segment in target:
        units.setdefault(segment.paragraph, ([], []))[1].append(segment)
    return [AlignedPair(*units[unit], 0.0) for unit in sorted(units)]
