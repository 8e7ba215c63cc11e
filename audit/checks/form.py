"""Form: what the reader sees on the page, independent of meaning."""

from __future__ import annotations

import re
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedDocument, AlignedPair, Finding, Location, Severity
from audit.normalize import fold_width


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


_PAIRS = {"“": "”", "‘": "’", "(": ")", "[": "]", "「": "」", "『": "』", "（": "）", "《": "》"}


def unbalanced(text: str) -> list[str]:
    """Opening marks without their closing mark (or the reverse), in reading order; straight quotes by parity."""
    stack: list[str] = []
    stray: list[str] = []
    closers = {close: open_ for open_, close in _PAIRS.items()}
    for ch in text:
        if ch in _PAIRS:
            stack.append(ch)
        elif ch in closers:
            if ch == "’" and (not stack or stack[-1] != "‘"):
                continue  # an apostrophe (Trump’s), not a closing quote
            if stack and stack[-1] == closers[ch]:
                stack.pop()
            else:
                stray.append(ch)
    stray.extend(ch for ch in stack if ch != "‘")  # ‘ opens rarely; as apostrophe-like it is ambiguous
    if text.count('"') % 2:
        stray.append('"')
    return stray


class UnbalancedQuotes(Rule):
    """A paragraph opens a quotation mark or bracket it never closes (or closes one it never opened).

    Why: a lost closing quote changes who is speaking; quotes may span sentences, so this is checked per paragraph.
    Bad:  Ukraine described the negotiations as “difficult but productive.
    Good: Ukraine described the negotiations as “difficult but productive.”
    """

    code, name, severity = "F002", "unbalanced-quotes", Severity.WARNING

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        for side, blocks in (("target", doc.document.target), ("source", doc.document.source)):
            for block in blocks:
                stray = unbalanced(block.text)
                if stray:
                    marks = tuple(dict.fromkeys(stray))
                    yield self.finding(
                        f"Unbalanced {' '.join(marks)} in this paragraph", **{f"{side}_loc": block.loc},
                        **{f"{side}_text": block.text}, found=" ".join(marks), **{f"{side}_marks": marks},
                    )


_DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
_GRAMMATICAL_DOUBLES = {"that", "had", "is", "do", "very", "bye", "ha", "no", "so"}


class DoubledWord(Rule):
    """The same word twice in a row.

    Why: "the the" is the commonest slip left by editing; spell-checkers often miss it.
    Bad:  "the the White House announced"
    Good: "the White House announced" (and "that that" / "had had" stay quiet: they are grammar)
    """

    code, name, severity = "F003", "doubled-word", Severity.WARNING

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for match in _DOUBLED.finditer(pair.target_text):
            if match.group(1).lower() in _GRAMMATICAL_DOUBLES:
                continue
            yield self.finding(
                f'Doubled word "{match.group()}"', pair, found=match.group(),
                suggestion=f"{match.group()} → {match.group(1)}", target_marks=(match.group(),),
            )


_SPACING = re.compile(r"(?<=\S)( {2,}|[\u00a0\u202f\u2007\u200b])(?=\S)")


class Spacing(Rule):
    """Doubled, non-breaking or zero-width spaces inside an English sentence.

    Why: they come from copy-paste out of CMSs and word processors and break line wrapping and search.
    Bad:  "U.S.\\u00a0special  envoy"
    Good: "U.S. special envoy"
    """

    code, name, severity = "F004", "spacing", Severity.INFO

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        for block in doc.document.target:
            for line_no, line in enumerate(block.text.split("\n")):
                for match in _SPACING.finditer(line):
                    kind = "doubled space" if match.group().startswith(" ") else f"U+{ord(match.group()[0]):04X}"
                    loc = Location(block.loc.path, block.loc.line + line_no, match.start() + 1)
                    context = line[max(0, match.start() - 20):match.end() + 20]
                    yield self.finding(
                        f"Odd spacing ({kind}) in the English", target_loc=loc, target_text=context,
                        found=kind, suggestion="a single plain space", target_marks=(match.group(),),
                    )


_FULL_WIDTH_PUNCTUATION = re.compile(r"[，。、；：？！「」『』（）《》【】～…]|[\uff01-\uff5e]")


class FullWidthPunctuation(Rule):
    """Chinese (full-width) punctuation left in the English.

    Why: ，。「」 in an English sentence show a copy-paste from the source and render oddly in English fonts.
    Bad:  "Russia has not issued any response。"
    Good: "Russia has not issued any response."
    """

    code, name, severity = "F005", "full-width-punctuation", Severity.WARNING

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        found = [ch for ch in dict.fromkeys(_FULL_WIDTH_PUNCTUATION.findall(pair.target_text)) if ch != "…"]
        if found:
            yield self.finding(
                f"Full-width punctuation in the English: {' '.join(found)}", pair, found=" ".join(found),
                suggestion=" ".join(f"{ch} → {_ASCII.get(ch, fold_width(ch))}" for ch in found),
                target_marks=tuple(found),
            )


_ASCII = {"，": ",", "。": ".", "、": ",", "；": ";", "：": ":", "？": "?", "！": "!", "「": "“", "」": "”",
          "『": "‘", "』": "’", "（": "(", "）": ")", "《": "“", "》": "”", "【": "[", "】": "]", "～": "~"}
