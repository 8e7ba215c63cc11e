"""Text folded for matching. The original is always kept beside it for display.

Chinese: full-width → half-width, then OpenCC Traditional → Simplified (so 烏克蘭 and 乌克兰 match).
English: full-width → half-width and exotic spaces → plain spaces. Both keep their length wherever the
conversion allows, so offsets in the folded text point at the same characters in the original.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Characters that render as nothing or as a space; a paragraph made only of these is "blank".
_INVISIBLE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
_SPACE_TABLE = {ord(ch): " " for ch in _INVISIBLE}
# Full-width ASCII block (！ … ～) maps onto ASCII by a fixed offset.
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE = {**_WIDTH_TABLE, **_SPACE_TABLE}


def is_blank(text: str) -> bool:
    """True for text that shows nothing: empty, spaces, tabs, non-breaking or zero-width spaces."""
    return not text.translate(_SPACE_TABLE).strip()


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation to ASCII; every kind of space to a plain space."""
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    from opencc import OpenCC  # imported lazily: its dictionaries load on first use

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def normalize_zh(text: str) -> str:
    """Chinese for matching: half-width, Simplified, single spaces."""
    return to_simplified(fold_width(text).replace("\n", ""))


def normalize_en(text: str) -> str:
    """English for matching: half-width, plain single spaces."""
    return re.sub(r"[ \t\r\n]+", " ", fold_width(text)).strip()
