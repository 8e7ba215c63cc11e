"""Records that flow between the stages: read → normalize → segment → align → check → report.

Every record is a plain dataclass. A stage only consumes records of earlier stages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from typing import Literal, Sequence

Lang = Literal["zh", "en"]


class Severity(IntEnum):
    """Ordered so that `severity >= threshold` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """A place in an input file; line and column are 1-based."""

    path: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


def file_name(path: str) -> str:
    """The last part of a document's path as any system writes it: news\\a.txt, news/a.txt and a.txt are a.txt."""
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as read from the input: original text and where it starts."""

    text: str
    loc: Location


@dataclass
class Document:
    """One article: its source (Chinese) and target (English) paragraphs, as read."""

    name: str
    source: Sequence[Block]  # a list, or paragraphs held compactly (audit.io.text.Paragraphs)
    target: Sequence[Block]
    # Paragraphs that look empty but are not (e.g. a lone non-breaking space): kept for form checks.
    blank_target: list[Block] = field(default_factory=list)
    blank_source: list[Block] = field(default_factory=list)
    # Formats that pair text unit by unit (CSV rows, XLIFF/TMX/PO units) are aligned already: source[k]
    # translates to target[k], and an empty target block is an untranslated unit.
    prealigned: bool = False


SegmentKind = Literal["headline", "dateline", "body"]


@dataclass
class Segment:
    """A sentence. `text` is shown to people; `norm` is what the checks match against."""

    index: int
    lang: Lang
    text: str
    norm: str
    loc: Location
    paragraph: int
    kind: SegmentKind = "body"


class _Joined:
    """One side of a bead as one text, as written or normalized: Chinese sentences join without a space, English
    ones with one. Every rule reads these (400,000 reads in a folder audit of 8,000 pairs), so the text is made
    once, on the first read, and kept in the pair's own attributes: a non-data descriptor, later reads find the
    instance attribute and never call it again (a bead's sentences are fixed once it is made)."""

    def __init__(self, side: str, separator: str, attribute: str) -> None:
        self.side, self.separator, self.attribute = side, separator, attribute

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, pair: AlignedPair | None, owner: type | None = None) -> str:
        if pair is None:
            return self  # type: ignore[return-value]  # read on the class: the descriptor itself
        segments: list[Segment] = getattr(pair, self.side)
        if len(segments) == 1:  # the common bead of one sentence a side: its text, nothing joined
            text: str = getattr(segments[0], self.attribute)
        else:
            text = self.separator.join([getattr(s, self.attribute) for s in segments])
        pair.__dict__[self.name] = text
        return text


@dataclass
class AlignedPair:
    """A bead: zero or more source sentences matched to zero or more target sentences."""

    source: list[Segment]
    target: list[Segment]
    score: float = 0.0

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"

    source_text = _Joined("source", "", "text")
    target_text = _Joined("target", " ", "text")
    source_norm = _Joined("source", "", "norm")
    target_norm = _Joined("target", " ", "norm")

    def drop_norm(self) -> None:
        """Forget the normalized text of the bead's sentences, joined or not (a compacted result keeps the text
        as written only)."""
        for segment in (*self.source, *self.target):
            segment.norm = ""
        self.__dict__.pop("source_norm", None)
        self.__dict__.pop("target_norm", None)

    @property
    def source_loc(self) -> Location | None:
        return self.source[0].loc if self.source else None

    @property
    def target_loc(self) -> Location | None:
        return self.target[0].loc if self.target else None


@dataclass
class AlignedDocument:
    """A document after segmentation and alignment: what the checks see."""

    document: Document
    source: list[Segment]
    target: list[Segment]
    pairs: list[AlignedPair]

    @cached_property
    def pair_positions(self) -> dict[int, int]:
        """id(pair) → the pair's index: where every rule places its findings, made once for all the rules."""
        return {id(pair): index for index, pair in enumerate(self.pairs)}


@dataclass
class Finding:
    """One discrepancy, with everything an editor needs to judge it."""

    code: str
    rule: str
    severity: Severity
    message: str
    source_text: str = ""
    target_text: str = ""
    source_loc: Location | None = None
    target_loc: Location | None = None
    expected: str = ""
    found: str = ""
    suggestion: str = ""
    # Exact substrings to highlight in the report (in the original text).
    source_marks: tuple[str, ...] = ()
    target_marks: tuple[str, ...] = ()
    # Where the marks are, as [start, end) offsets in source_text / target_text, when the rule knows: the report
    # then highlights that place only (the 85 of 85 英里, not the one inside 385 英里).
    source_spans: tuple[tuple[int, int], ...] = ()
    target_spans: tuple[tuple[int, int], ...] = ()
    pair_index: int | None = None

    @property
    def location(self) -> Location | None:
        """Where a hook or editor should point: the target if there is one, else the source."""
        return self.target_loc or self.source_loc

    @property
    def id(self) -> str:
        """Stable across runs while the rule and the sentence pair are unchanged, wherever the lines move."""
        key = "\x1f".join((self.code, self.source_text, self.target_text, self.expected, self.found))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass
class DocumentResult:
    """What the report writers receive for one document."""

    aligned: AlignedDocument
    findings: list[Finding]
    suppressed: int = 0
    # A result compacted for reporting a large run (audit.run.compact_result) keeps only the pairs that carry
    # findings: `aligned.pairs[k]` is then pair number `pair_indices[k]` of the full alignment (the number its
    # findings' pair_index gives), and `total_pairs`, `sentences` count the full alignment. None: every pair kept.
    pair_indices: list[int] | None = None
    total_pairs: int = 0
    sentences: tuple[int, int] | None = None  # (Chinese, English), when the sentence lists were dropped

    @property
    def name(self) -> str:
        return self.aligned.document.name

    @property
    def pair_count(self) -> int:
        """Aligned pairs of the document, listed or not."""
        return len(self.aligned.pairs) if self.pair_indices is None else self.total_pairs

    @property
    def hidden_pairs(self) -> int:
        """Pairs without findings that a compacted result no longer holds."""
        return self.pair_count - len(self.aligned.pairs)

    def numbered_pairs(self) -> list[tuple[int, AlignedPair]]:
        """The pairs held, each with its index in the full alignment."""
        indices = range(len(self.aligned.pairs)) if self.pair_indices is None else self.pair_indices
        return list(zip(indices, self.aligned.pairs))
