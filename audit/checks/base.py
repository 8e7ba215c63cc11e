"""The shape every rule shares: a code, a slug name, a default severity, a docstring that says why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Iterator

from audit.checks.limits import bounded
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

    A rule's class docstring is its user documentation (`audit rules CODE` prints it, with the severity and the
    thresholds; the README's rule table is made from it by audit.checks.docs):

        <summary: one line; the README's table shows it>

        Why: <why the rule exists; may run over several lines>
        Bad:  <Chinese> → "<English>"
        Good: <Chinese> → "<English>"

    The examples are run as tests (tests/test_rule_examples.py), through the whole audit of an article with
    every rule and the bundled glossary: Bad must produce this rule, Good must not.
    - Either side of an example may be `(nothing)`: that side has no paragraph.
    - The English goes in straight double quotes; inside them, `\n` is a line break (`\n\n` separates
      paragraphs) and `\u00a0` any character by its code point.
    - Several `Bad:` lines (or `Good:` lines) form one article, each line a Chinese paragraph and its English
      paragraph: for rules that read the whole article (variants, quotes across paragraphs, omissions).
    - `Glossary: <Chinese> → "<English>" (<type>)` lines add glossary entries for both examples, and
      `Reference: "<English>"` lines give a reference translation (R001), one line a paragraph.
    - `Format: units` reads the example lines as translation units paired as given (as XLIFF, PO and CSV
      are read), not as an article to align: for what CAT tools produce (a source copied into the target).

    Thresholds are UPPER_CASE class attributes with a comment on the origin of their value; `severity_note`
    says when a finding takes another severity than the default.
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
        self._pair_index = doc.pair_positions
        try:
            return bounded(self.check_document(doc, ctx))  # no input makes a rule report without limit
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

