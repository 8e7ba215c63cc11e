"""Form: what the reader sees on the page, independent of meaning."""

from __future__ import annotations

import re
import unicodedata
from typing import Collection, Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedDocument, AlignedPair, Block, Finding, Location, Severity
from audit.normalize import fold_width
from audit.text import HAN, ZH_CLOSERS, ZH_QUOTE_MARK, ZH_QUOTES


class BlankParagraph(Rule):
    """A paragraph that looks empty but holds invisible characters (non-breaking or zero-width spaces).

    Why: such paragraphs survive every "remove empty lines" step and end up as gaps in the published page.
    Bad:  對此,俄方尚未做出回應。 → "Russia has not issued any response."
    Bad:  (nothing) → "\\u00a0"
    Good: 對此,俄方尚未做出回應。 → "Russia has not issued any response."
    """

    code, name, severity = "F001", "blank-paragraph", Severity.WARNING

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        for block, side in [(b, "target") for b in doc.document.blank_target] + [(b, "source") for b in doc.document.blank_source]:
            yield self.finding(
                f"A paragraph that holds only {invisible_in_words(block.text)}: delete it",
                **{f"{side}_loc": block.loc}, found=block.text.encode("unicode_escape").decode(),
                suggestion="delete the paragraph",
            )


# What editors call the characters that show nothing (Unicode's names otherwise, lower-cased: NO-BREAK SPACE is
# the non-breaking space of word processors' menus).
_INVISIBLE_NAMES = {
    "\u00a0": "non-breaking space", "\u3000": "full-width space", "\u200b": "zero-width space",
    "\ufeff": "byte-order mark", "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner",
    " ": "space", "\t": "tab",
}


def invisible_in_words(text: str) -> str:
    """'a non-breaking space', '2 non-breaking spaces and a tab': what a blank-looking paragraph holds."""
    counts: dict[str, int] = {}
    for ch in text:
        name = _INVISIBLE_NAMES.get(ch) or unicodedata.name(ch, f"U+{ord(ch):04X}").lower()
        counts[name] = counts.get(name, 0) + 1
    parts = [f"a {name}" if n == 1 else f"{n} {name}s" for name, n in counts.items()]
    return " and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + " and " + parts[-1]


_PAIRS = {"“": "”", "‘": "’", "(": ")", "[": "]", "「": "」", "『": "』", "（": "）", "《": "》"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}


_MARKS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


def _role(text: str, i: int) -> str | None:
    """'open', 'close' or None for the mark at text[i]; straight quotes and ’ are told apart by context."""
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "’":
        # Trump’s, Sainsbury’s, ’90s: apostrophes, not closing quotes
        return None if before.isalnum() and (after.isalnum() or after == "s") or after.isdigit() else "close"
    if ch == "‘":
        return "open" if not after.isdigit() else None
    return "open" if ch in _PAIRS else "close" if ch in _CLOSERS else None


def unbalanced(blocks: list[Block], closed: Collection[int] = frozenset()) -> list[tuple[Block, int, str]]:
    """Stray quotation marks and brackets across an article's paragraphs: (paragraph, offset, mark).

    Quotes may span sentences and paragraphs. By the convention of English and Chinese news, a quotation
    running over several paragraphs opens each of them and closes only in the last; a paragraph that
    opens the same mark again is therefore a continuation, not a stray.

    `closed` holds the indices of paragraphs known to close every quotation they open (their source
    does): such a paragraph is no middle part of a quotation, so a quote it leaves open is a stray even
    when the next paragraph opens with the same mark.
    """
    ends_quotes = {id(blocks[i]) for i in closed if 0 <= i < len(blocks)}
    stray: list[tuple[Block, int, str]] = []
    # The marks still open, one stack per opening mark: each step looks at one top only, so the cost stays
    # linear however many marks a text leaves open (a fuzzed 15 KB text with thousands of them took seconds).
    open_marks: dict[str, list[tuple[Block, int, str]]] = {}
    for block in blocks:
        lead = len(block.text) - len(block.text.lstrip())  # a mark past it has text before it in the paragraph
        for mark in _MARKS.finditer(block.text):
            i, ch = mark.start(), mark.group()
            role = _role(block.text, i)
            if role == "open":
                same = open_marks.setdefault(ch, [])
                if same and (i > lead or same[-1][0] is block or id(same[-1][0]) in ends_quotes):
                    if ch in _QUOTES:
                        stray.append(same.pop())  # a new quotation: the last one never closed
                elif same:
                    same.pop()  # continuation at a paragraph start
                same.append((block, i, ch))
            elif role == "close":
                match = open_marks.get(_CLOSERS[ch])
                if match:
                    match.pop()
                else:
                    stray.append((block, i, ch))
    stray.extend(m for ch, marks in open_marks.items() if ch != "‘" for m in marks)  # a lone ‘ is too often an apostrophe
    stray.extend(_straight_strays(blocks, ends_quotes))
    return sorted(stray, key=lambda m: (m[0].loc.line, m[1]))


_QUOTES = "“「『"
_STRAIGHT_QUOTE = re.compile('"')  # found by the regex engine, not a Python loop over every character


def _straight_strays(blocks: list[Block], ends_quotes: Collection[int] = frozenset()) -> list[tuple[Block, int, str]]:
    """Straight quotes carry no direction, so count them: a quotation left open by one paragraph is closed
    by a later one, and a paragraph that opens with a quote while one is open continues it.

    A paragraph whose source closes its quotes (its id in `ends_quotes`) is no middle part of a quotation:
    a quote it leaves open is continued by no paragraph, and closed by none that can only open one
    (`Rogers: "It's a Geiger Counter` after `Man: "What in the world is that?`). A lone closing quote in a
    later paragraph still closes it: translators of either side do not always mark every paragraph."""
    stray: list[tuple[Block, int, str]] = []
    opened: tuple[Block, int, str] | None = None
    for block in blocks:
        text = block.text
        positions = [m.start() for m in _STRAIGHT_QUOTE.finditer(text)] if '"' in text else []
        if opened is not None and text.lstrip().startswith('"'):
            if id(opened[0]) in ends_quotes:
                stray.append(opened)
                opened = None
            else:
                positions = positions[1:]  # the continuation mark of a multi-paragraph quotation
        if len(positions) % 2 == 0:
            continue
        if opened is not None and id(opened[0]) in ends_quotes and _opens_only(text, positions[0]):
            stray.append(opened)  # this paragraph's own quotation, not the end of that one
            opened = None
        opened = None if opened is not None else (block, positions[-1], '"')
    return stray + ([opened] if opened else [])


def _opens_only(text: str, i: int) -> bool:
    """A straight quote that can only open a quotation: after a space or the paragraph start, before a word."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{") and not after.isspace()


def closes_its_quotes(text: str) -> bool:
    """Whether a (Chinese) text opens at least one quotation and closes every one it opens, in order."""
    stack: list[str] = []
    pairs = 0
    for ch in ZH_QUOTE_MARK.findall(text):  # the marks only, found by the regex engine: not every character
        if ch in ZH_QUOTES:
            stack.append(ch)
        elif ch in ZH_CLOSERS:
            if not stack or stack.pop() != ZH_CLOSERS[ch]:
                return False
            pairs += 1
    straight = text.count('"')
    return not stack and straight % 2 == 0 and pairs + straight // 2 > 0


def closed_paragraphs(doc: AlignedDocument) -> set[int]:
    """Target paragraphs whose source paragraphs close every quotation they open (and open one).

    Such a paragraph is no middle part of a quotation running over paragraphs, in either language. Only
    paragraphs translated one to one (or many to one) count: a Chinese paragraph split over two English
    ones may carry its quotation over the split."""
    sources_of: dict[int, set[int]] = {}
    targets_of: dict[int, set[int]] = {}
    for pair in doc.pairs:
        sources = {s.paragraph for s in pair.source}
        targets = {t.paragraph for t in pair.target}
        for target in targets:
            sources_of.setdefault(target, set()).update(sources)
        for source in sources:
            targets_of.setdefault(source, set()).update(targets)
    blocks = doc.document.source
    return {
        target for target, sources in sources_of.items()
        if sources and all(targets_of[s] == {target} and s < len(blocks) for s in sources)
        and closes_its_quotes("".join(blocks[s].text for s in sorted(sources)))
    }


def _offset_location(block: Block, offset: int) -> Location:
    line = block.loc.line + block.text.count("\n", 0, offset)  # counted in place: no copy of a long paragraph
    column = offset - (block.text.rfind("\n", 0, offset) + 1) + 1
    return Location(block.loc.path, line, column)


class UnbalancedQuotes(Rule):
    """A quotation mark or bracket is opened and never closed, or closed without being opened.

    Why: a lost closing quote changes who is speaking. Quotes may span sentences and paragraphs (a quote
    running over paragraphs reopens each one and closes in the last), so the whole article is read as one.
    The source tells a stray from such a quotation: where the Chinese paragraph closes its quotes, the
    English paragraph is no middle part of one, even if the next paragraph opens with a quote.
    Only the translation is checked: the source's quotes are not the translator's to fix.
    Bad:  烏方形容談判“艱難但富有成效”。 → "Ukraine described the negotiations as “difficult but productive."
    Good: 烏方形容談判“艱難但富有成效”。 → "Ukraine described the negotiations as “difficult but productive.”"
    """

    code, name, severity = "F002", "unbalanced-quotes", Severity.WARNING

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        for block, offset, mark in unbalanced(doc.document.target, closed_paragraphs(doc)):
            if mark == '"':
                message = 'Straight quote (") opened here is never closed'
            else:
                message = f"{mark} never closed" if mark in _PAIRS else f"{mark} never opened"
            yield self.finding(
                message, target_loc=_offset_location(block, offset), target_text=block.text, found=mark, target_marks=(mark,),
            )


_DOUBLED = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
_GRAMMATICAL_DOUBLES = {"that", "had", "is", "do", "very", "bye", "ha", "no", "so"}
# A Chinese transliteration written twice (波拉波拉, 瑟罕·瑟罕): two characters or more, so that a reduplicated
# word (常常, 谢谢) is no name.
_HAN_DOUBLED = re.compile(f"([{HAN}]{{2,}})[·・‧ ]?\\1")


def _doubled_name(match: re.Match[str], source: str) -> bool:
    """Whether a doubled word is a name that doubles it (Roa Roa Hotel, Bora Bora): both halves capitalised, and
    the Chinese doubles it too, in Latin letters or in a transliteration. "The the" and "Italy Italy" are slips."""
    first, second = match.group(0).split()
    if not (first[0].isupper() and second[0].isupper()):
        return False
    latin = re.search(rf"\b{re.escape(first)}\s+{re.escape(first)}\b", source, re.IGNORECASE)
    return latin is not None or _HAN_DOUBLED.search(source) is not None


class DoubledWord(Rule):
    """The same word twice in a row.

    Why: "the the" is the commonest slip left by editing; spell-checkers often miss it. Grammatical doubles
    ("that that", "had had") stay quiet, and so do names that double a word, which the Chinese doubles too:
    it writes them in Latin letters or transliterates both halves (波拉波拉 Bora Bora).
    Bad:  意大利隊贏了。 → "Italy Italy won."
    Bad:  川普已終止對烏克蘭的援助。 → "Trump had terminated the the aid to Ukraine."
    Good: 川普已終止對烏克蘭的援助。 → "Trump had terminated the aid to Ukraine."
    Good: 他們飛往波拉波拉島。 → "They flew to Bora Bora."
    """

    code, name, severity = "F003", "doubled-word", Severity.WARNING

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for match in _DOUBLED.finditer(pair.target_text):
            if match.group(1).lower() in _GRAMMATICAL_DOUBLES or _doubled_name(match, pair.source_text):
                continue
            yield self.finding(
                f'Doubled word "{match.group()}"', pair, found=match.group(),
                suggestion=f"{match.group()} → {match.group(1)}", target_marks=(match.group(),),
            )


_SPACING = re.compile(r"(?<=\S)( {2,}|[\u00a0\u202f\u2007\u200b])(?=\S)")


class Spacing(Rule):
    """Doubled, non-breaking or zero-width spaces inside an English sentence.

    Why: they come from copy-paste out of CMSs and word processors and break line wrapping and search.
    Bad:  美國特使威特科夫 → "U.S.\\u00a0special  envoy Witkoff"
    Good: 美國特使威特科夫 → "U.S. special envoy Witkoff"
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
    Bad:  對此,俄方尚未做出回應。 → "Russia has not issued any response。"
    Good: 對此,俄方尚未做出回應。 → "Russia has not issued any response."
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
