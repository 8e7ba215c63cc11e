"""Terminology: the user's glossary terms rendered the way the glossary says."""

from __future__ import annotations

from typing import Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedDocument, Finding, Severity
from audit.normalize import original_span


class GlossaryTerm(Rule):
    """A glossary term (type `term`) whose approved rendering is missing from its translation.

    Why: house terminology (和平計畫 → "peace plan", not "peace scheme") keeps a newsroom consistent;
    the glossary says what is approved, the audit says where it was not used.
    Glossary: 和平計畫 → "peace plan" (term)
    Bad:  俄烏“和平計畫” → "the Russia-Ukraine peace scheme"
    Good: 俄烏“和平計畫” → "the Russia-Ukraine “peace plan”"
    """

    code, name, severity = "G001", "glossary-term", Severity.WARNING

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        if ctx.glossary is None:
            return
        for pair in doc.pairs:
            if not pair.source or not pair.target:
                continue
            seen: set[int] = set()
            for mention in ctx.glossary.mentions(pair.source_norm):
                entry = mention.entry
                if entry.type != "term" or id(entry) in seen or entry.found_in(pair.target_norm, ignore_case=True):
                    continue
                seen.add(id(entry))
                shown = original_span(pair.source_text, pair.source_norm, mention.start, mention.end) or mention.form
                yield self.finding(
                    f'{shown} is not rendered as the glossary says ("{entry.preferred}")', pair,
                    expected=" / ".join(entry.english), suggestion=f"use “{entry.preferred}”", source_marks=(shown,),
                )
