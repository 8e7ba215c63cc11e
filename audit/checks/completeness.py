"""Completeness: every source sentence translated, nothing added."""

from __future__ import annotations

from typing import Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedPair, Finding, Severity

_KIND_LABEL = {"headline": "Headline", "dateline": "Dateline", "body": "Sentence"}


class OmittedSentence(Rule):
    """A source sentence has no counterpart in the translation.

    Why: an omitted sentence, headline or dateline silently changes what readers are told.
    Bad:  雙方的會談預計於12月6日仍將繼續進行。 → (nothing)
    Good: 雙方的會談預計於12月6日仍將繼續進行。 → "Talks were expected to continue on December 6."
    """

    code, name, severity = "O001", "omitted-sentence", Severity.ERROR

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.source and not pair.target:
            kind = pair.source[0].kind
            # A missing dateline loses a date, not content: worth a look, not a blocker.
            severity = Severity.WARNING if kind == "dateline" else None
            yield self.finding(
                f"{_KIND_LABEL[kind]} not translated", pair, severity=severity,
                expected="a translation of this " + kind.replace("body", "sentence"),
            )


class AddedSentence(Rule):
    """A sentence of the translation has no counterpart in the source.

    Why: added text is either an editor's insertion that must be approved or a sentence from another
    article pasted by mistake.
    Bad:  (nothing) → "The minister also resigned on Friday."
    Good: every English sentence renders something in the Chinese.
    """

    code, name, severity = "O002", "added-sentence", Severity.WARNING

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.target and not pair.source:
            yield self.finding("Sentence has no counterpart in the source", pair, found=pair.target_text)
