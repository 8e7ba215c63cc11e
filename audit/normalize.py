"""Text folded for matching. The original is always kept beside it for display.

Chinese: full-width → half-width, then OpenCC Traditional → Simplified (so 烏克蘭 and 乌克兰 match).
English: full-width → half-width and exotic spaces → plain spaces. Both keep their length wherever the
conversion allows, so offsets in the folded text point at the same characters in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from audit.lexicon.fast.opencc_t2s import Converter
from audit.remembered import SENTENCES

# Characters that render as nothing or as a space; a paragraph made only of these is "blank".
_INVISIBLE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
_SPACE_TABLE = {ord(ch): " " for ch in _INVISIBLE}
# Full-width ASCII block (！ … ～) maps onto ASCII by a fixed offset.
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE = {**_WIDTH_TABLE, **_SPACE_TABLE}
_SPACES = re.compile(r"[ \t\r\n]+")


def is_blank(text: str) -> bool:
    """True for text that shows nothing: empty, spaces, tabs, non-breaking or zero-width spaces."""
    visible = text.strip()
    if visible and visible[0] not in _INVISIBLE:
        return False  # a line of text (nearly every line): no need to translate it all
    return not text.translate(_SPACE_TABLE).strip()


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII; every kind of space to a plain space."""
    return text if text.isascii() else text.translate(_FOLD_TABLE)


def visible_start(text: str) -> str:
    """The first character of `fold_width(text).lstrip()` ("" for none), without folding the text when its first
    character is no space and no width folding changes it (nearly every sentence's)."""
    first = text[:1]
    if first and not first.isspace() and ord(first) not in _FOLD_TABLE:
        return first
    return fold_width(text).lstrip()[:1]


def conversion_sources() -> list[Path]:
    """The files that decide what `normalize_zh` gives: a user-cache entry of normalized text is built from them."""
    return [Path(__file__), *Converter.sources()]


@lru_cache(maxsize=1)
def _t2s() -> Converter:
    return Converter()


@lru_cache(maxsize=SENTENCES)
def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def normalize_zh(text: str) -> str:
    """Chinese for matching: half-width, Simplified, single spaces."""
    return to_simplified(fold_width(text).replace("\n", ""))


def normalize_en(text: str) -> str:
    """English for matching: half-width, plain single spaces."""
    folded = fold_width(text)
    if "  " in folded or "\t" in folded or "\n" in folded or "\r" in folded:
        folded = _SPACES.sub(" ", folded)  # only then has it spaces to fold (a sentence seldom has)
    return folded.strip()


def original_span(original: str, norm: str, start: int, end: int) -> str | None:
    """The text of the original behind norm[start:end] (see `original_offsets`), or None when it cannot be told."""
    offsets = original_offsets(original, norm, start, end)
    return original[offsets[0]:offsets[1]] if offsets else None


def original_offsets(original: str, norm: str, start: int, end: int) -> tuple[int, int] | None:
    """Where norm[start:end] is in `original`, when `norm` is a normalisation of it.

    Conversion to Simplified and width folding keep lengths in practice, and the offsets carry over; when they did
    not, the normalised text (or its figure) is looked for in the original, and taken only where it occurs once:
    a place guessed among several would mark the wrong figure (the 85 inside 385).
    """
    piece = norm[start:end]
    if len(original) == len(norm) and _digits(original[start:end]) == _digits(piece):
        return start, end
    digits = re.search(r"\d[\d,.]*", piece)
    for needle in (piece, digits.group(0) if digits else ""):
        found = [m.start() for m in re.finditer(rf"(?<![\d.,]){re.escape(needle)}(?![\d])", original)] if needle else []
        if len(found) == 1:
            return found[0], found[0] + len(needle)
    return None


def _digits(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())
