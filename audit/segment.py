"""Sentences (Chinese and English) and Chinese words.

Sentences keep their original text and the file line and column where they start, so that every
finding can point at `file:line:col`.
"""

from __future__ import annotations

import re
from typing import Iterable

from audit.model import Block, Lang, Location, Segment, SegmentKind
from audit.normalize import normalize_en, normalize_zh
from audit.text import HAN

_ZH_END = "。！？!?；;…"
_CLOSERS = "”’」』）)》〉\"'"
# A Chinese sentence ends at 。！？；(or ……) plus any closing quotes or brackets after it.
_ZH_SENTENCE = re.compile(rf"[^{_ZH_END}]*(?:[{_ZH_END}]+[{_CLOSERS}]*|$)")

# Words after which a period does not end an English sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "st", "jr", "sr", "mt", "ft", "rev", "hon", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "vs", "etc", "inc", "co", "corp", "ltd", "dept",
    "univ", "approx", "est", "fig", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "i.e", "e.g", "d.c", "u.s.a",
}
# After "U.S." or "a.m." a sentence may still end; it does when one of these words follows.
_SENTENCE_STARTERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "but", "and",
    "in", "on", "at", "for", "as", "after", "before", "when", "while", "there", "his", "her", "its", "their",
    "meanwhile", "however", "earlier", "later", "officials", "some", "many", "both",
}
_EN_BREAK = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def split_zh(text: str) -> list[tuple[int, str]]:
    """Chinese sentences with their start offsets; whitespace around them is dropped."""
    out: list[tuple[int, str]] = []
    for match in _ZH_SENTENCE.finditer(text):
        sentence = match.group()
        stripped = sentence.strip()
        if not stripped:
            continue
        # "…？」，他說道。": a piece opening with a comma or a closer continues the sentence before it
        if out and (stripped[0] in "，,、" + _CLOSERS or not _WORDLIKE.search(stripped)):
            start, _ = out[-1]
            out[-1] = (start, text[start:match.end()].strip())
            continue
        out.append((match.start() + len(sentence) - len(sentence.lstrip()), stripped))
    return out


def split_en(text: str) -> list[tuple[int, str]]:
    """English sentences with their start offsets, robust to U.S., Mr., Dec. 6, J. K. and quotes."""
    out: list[tuple[int, str]] = []
    start = 0
    for match in _EN_BREAK.finditer(text):
        if not _ends_sentence(text, match.start(), match.end()):
            continue
        _append(out, text, start, match.end())
        start = match.end()
    _append(out, text, start, len(text))
    return out


_LETTERS_AND_DOTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?([A-Za-z]+)")


def _word_before(text: str, dot: int) -> str:
    """The letters and dots just before `dot`, from the first letter on ("U.S" in "the U.S."), read backwards
    from the dot: a search anchored at the end of text[:dot] would scan the paragraph once per full stop."""
    start = dot
    while start and text[start - 1] in _LETTERS_AND_DOTS:
        start -= 1
    return text[start:dot].lstrip(".")


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    if text[dot] != ".":
        return True
    token = _word_before(text, dot).lower()
    if not token:
        return True
    following = _NEXT_WORD.match(text, end)
    next_word = following.group(1).lower() if following else ""
    if token in _ABBREVIATIONS:
        # "in the U.S. The next day…" ends a sentence; "U.S. President Trump" does not.
        return "." in token and next_word in _SENTENCE_STARTERS
    if len(token) == 1 and token.isalpha():  # an initial: "J. K. Rowling"
        return False
    return True


def _append(out: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    if chunk.strip():
        out.append((start + len(chunk) - len(chunk.lstrip()), chunk.strip()))


def offset_location(block: Block, offset: int) -> Location:
    """Where character `offset` of a paragraph is in its file (counted in place: no copy of the text before it)."""
    if "\n" not in block.text:  # a paragraph on one line (nearly all): no lines to count
        return Location(block.loc.path, block.loc.line, block.loc.column + offset)
    newline = block.text.rfind("\n", 0, offset)
    line = block.loc.line + block.text.count("\n", 0, offset)
    column = offset - (newline + 1) + (block.loc.column if newline < 0 else 1)
    return Location(block.loc.path, line, column)


def segment_blocks(blocks: Iterable[Block], lang: Lang) -> list[Segment]:
    """Split paragraphs into sentences, numbering them in document order."""
    segments: list[Segment] = []
    for paragraph, block in enumerate(blocks):
        segments.extend(segment for _, segment in block_sentences(block, paragraph, lang, len(segments)))
    return segments


def block_sentences(block: Block, paragraph: int, lang: Lang, first: int) -> list[tuple[int, Segment]]:
    """The sentences of paragraph number `paragraph`, numbered from `first`, each with its offset in the
    paragraph's text (where a long article's sections cut a paragraph: audit.sections)."""
    text, path = block.text, block.loc.path
    pieces = split_zh(text) if lang == "zh" else split_en(text)
    kind = _kind(block, paragraph, len(pieces))  # the paragraph's: once for all its sentences
    normalize = normalize_zh if lang == "zh" else normalize_en
    out: list[tuple[int, Segment]] = []
    if "\n" not in text:  # a paragraph on one line (nearly all): no lines to count, no line breaks to drop
        line, column = block.loc.line, block.loc.column
        for offset, sentence in pieces:
            out.append((offset, Segment(first + len(out), lang, sentence, normalize(sentence),
                                        Location(path, line, column + offset), paragraph, kind)))
        return out
    # Lines counted from one sentence to the next, so a paragraph of many sentences is read once for them all.
    line, line_start, counted = block.loc.line, -1, 0  # line_start: offset of the newline that starts `line`
    for offset, sentence in pieces:
        newlines = text.count("\n", counted, offset)
        if newlines:
            line, line_start = line + newlines, text.rfind("\n", counted, offset)
        counted = offset
        column = block.loc.column + offset if line_start < 0 else offset - line_start
        shown = sentence.replace("\n", "" if lang == "zh" else " ")
        out.append((offset, Segment(first + len(out), lang, shown, normalize(shown), Location(path, line, column), paragraph, kind)))
    return out


_WORDLIKE = re.compile(f"[{HAN}A-Za-z0-9]")  # a piece with no word in it continues the sentence before it
_DATELINE = re.compile(r"^[\d\s/.\-年月日:,，]+$")


def _kind(block: Block, paragraph: int, sentences: int) -> SegmentKind:
    """The article's first paragraph is its headline when it is one unpunctuated sentence; a bare date is a dateline."""
    text = block.text.strip()
    if _DATELINE.match(text):
        return "dateline"
    if paragraph == 0 and sentences == 1 and not text.endswith(tuple("。！？.!?")):
        return "headline"
    return "body"


def person_names(text: str, extra_words: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Spans of (normalized) Chinese text that jieba tags as personal names (nr…), two characters or more.

    Adjacent name pieces are joined: jieba cuts unknown transliterations (博/尔特/尼科夫) into several.
    The tagger is jieba.posseg's, on a dictionary that loads in milliseconds (audit.lexicon.fast.jieba_posseg).
    """
    from audit.lexicon.fast.jieba_posseg import tagger

    spans: list[tuple[int, int]] = []
    offset = 0
    for word, flag in tagger(extra_words).cut(text):
        start = text.find(word, offset)
        offset = start + len(word)
        if not flag.startswith("nr"):
            continue
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], offset)
        else:
            spans.append((start, offset))
    return [(a, b) for a, b in spans if b - a >= 2]
