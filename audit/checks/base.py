"""The shape every rule shares: a code, a slug name, a default severity, a docstring that says why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Iterator

from audit.model import AlignedDocument, AlignedPair, Finding, Location, Segment, Severity


@dataclass
class Context:
    """What a rule may consult besides the text: the glossary and the run's settings."""

    glossary: "object | None" = None  # audit.lexicon.glossary.Glossary; typed loosely to keep rules importable alone
    options: dict[str, object] = field(default_factory=dict)


class Rule:
    """Base class. Override `check_pair` for per-sentence rules or `check_document` for whole-article rules.

    The class docstring is the rule's documentation: first line a summary, then `Why:`, `Bad:` and `Good:` lines.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        for index, pair in enumerate(doc.pairs):
            for finding in self.check_pair(pair, ctx):
                finding.pair_index = index
                yield finding

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
        """Build a finding stamped with this rule's code, name and severity, located at `pair` by default."""
        texts = {"source_text": pair.source_text, "target_text": pair.target_text} if pair else {}
        return Finding(
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
