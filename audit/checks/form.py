"""Form: what the reader sees on the page, independent of meaning."""

from __future__ import annotations

from typing import Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedDocument, Finding, Severity


class BlankParagraph(Rule):
    """A paragraph that looks empty but holds invisible characters (non-breaking or zero-width spaces).

    Why: such paragraphs survive every "remove empty lines" step and end up as gaps in the published page.
    Bad:  "…on December 6.\\n\\n\\u00a0\\n\\nOn the military front…"
    Good: "…on December 6.\\n\\nOn the military front…"
    """

    code, name, severity = "F001", "blank-paragraph", Severity.WARNING

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        for block, side in [(b, "target") for b in doc.document.blank_target] + [(b, "source") for b in doc.document.blank_source]:
            names = sorted({f"U+{ord(ch):04X}" for ch in block.text if ch not in " \t"})
            yield self.finding(
                f"Paragraph of invisible characters only ({', '.join(names) or 'spaces'}); delete it",
                **{f"{side}_loc": block.loc}, found=block.text.encode("unicode_escape").decode(),
                suggestion="delete the paragraph",
            )
