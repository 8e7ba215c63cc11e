"""The shape every rule shares: a code, a slug name, a default severity, a docstring that says why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Iterator

from audit.model import AlignedDocument, AlignedPair, Finding, Location, Segment, Severity

if TYPE_CHECKING:  # imported for the type only: a rule module stays importable without loading a glossary
    from audit.lexicon.glossary import Glossary


@dataclass
class Options:
    """Settings of the run that rules read beyond the text and the glossary."""

    # R001: the reference translation of a document (by document name), as sentences; empty without --reference.
    reference: dict[str, list[Segment]] = field(default_factory=dict)


@dataclass
class Context:
    """What a rule may consult besides the text: the glossary and the run's settings."""

    glossary: Glossary | None = None
    options: Options = field(default_factory=Options)


class Rule:
    """Base class. Override `check_pair` for per-sentence rules or `check_document` for whole-article rules.

    The class docstring is the rule's documentation: first line a summary, then `Why:`, `Bad:` and `Good:` lines.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    # When a finding takes another severity than the default, in a few words (README table, `audit rules CODE`).
    severity_note: ClassVar[str] = ""

    def __init__(self) -> None:
        self._pair_index: dict[int, int] = {}  # id(pair) → its index, for the document being checked

    def run(self, doc: AlignedDocument, ctx: Context) -> list[Finding]:
        """Every finding of this rule in `doc`, each placed at the pair it was made for (`pair_index`)."""
        self._pair_index = {id(pair): index for index, pair in enumerate(doc.pairs)}
        try:
            return list(self.check_document(doc, ctx))
        finally:
            self._pair_index = {}

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        for pair in doc.pairs:
            yield from self.check_pair(pair, ctx)

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        return iter(())

    def finding(
        self,
        message: str,
        pair: AlignedPair | None = None,
        *,
        severity: Severity | None = None,
        source_loc: Location | None = None,
        target_loc: Location | None = None,
        **details: object,
    ) -> Finding:
        """Build a finding stamped with this rule's code, name and severity, located at `pair` by default.

        Made while `run` checks a document, the finding is placed at `pair` (its `pair_index`); one made
        without a pair concerns the whole document."""
        texts = {"source_text": pair.source_text, "target_text": pair.target_text} if pair else {}
        return Finding(
            pair_index=self._pair_index.get(id(pair)) if pair is not None else None,
            code=self.code,
            rule=self.name,
            severity=severity or self.severity,
            message=message,
            source_loc=source_loc or (pair.source_loc if pair else None),
            target_loc=target_loc or (pair.target_loc if pair else None),
            **{**texts, **details},  # type: ignore[arg-type]
        )

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]


def original_span(segments: list[Segment], start: int, end: int) -> str:
    """The original text behind offsets [start, end) of the segments' joined normalized text.

    Normalization keeps one character per character (width folding, Traditional → Simplified), so the
    offsets carry over; where a conversion changed the length, fall back to the normalized text.
    """
    original = "".join(s.text for s in segments)
    norm = "".join(s.norm for s in segments)
    if len(original) == len(norm):
        return original[start:end]
    return norm[start:end]
