"""Character classes every stage shares, defined once.

Han characters are the CJK Unified Ideographs, Extension A and the Compatibility Ideographs of the Basic
Multilingual Plane (Unicode 15, "Unified Repertoire and Ordering"). U+4DC0–U+4DFF between Extension A and the
main block are the Yijing hexagram symbols, not characters of any text, and are left out. Characters of the
supplementary planes (Extension B onwards: rare names and dialect words) are counted too (Extensions B–F and the Compatibility Supplement, G and H).
"""

from __future__ import annotations

import re
import unicodedata

# The ranges, as the inside of a regex character class, for patterns that combine them with other characters.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U0003134f"
HAN_RUN = re.compile(f"[{HAN}]+")
# Chinese quotation marks, opening → closing: 「」 and 『』 of Traditional text, “” of Simplified. Unlike English
# straight quotes they say which way they face, so the quote checks and the sections of a long article read
# where a quotation is open from them.
ZH_QUOTES = {"「": "」", "『": "』", "“": "”"}
ZH_CLOSERS = {close: open_ for open_, close in ZH_QUOTES.items()}
ZH_QUOTE_MARK = re.compile(f"[{''.join(ZH_QUOTES)}{''.join(ZH_CLOSERS)}]")


def without_accents(text: str) -> str:
    """Latin letters without their accents (Ōsaka, Düsseldorf → Osaka, Dusseldorf); other characters unchanged."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
