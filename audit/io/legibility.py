"""How much decoded text reads as text: what tells a right encoding from a wrong one that happens not to fail.

Big5 bytes decoded as GB18030 (or the reverse) raise no error: nearly every byte pair is a character in
both. But the characters that come out are not the ones a writer uses: kana, Greek, box drawing, private-use
and rare hanzi. The common characters are taken from the two standards themselves: GB 2312 level 1 (the
3,755 most used hanzi, rows 0xB0-0xD7) and Big5's frequently used characters (5,401, 0xA440-0xC67E), as
Python's codecs map them.

On NTREX-128's 125 stretches of 16 segments, the share of common characters among the Han and other
non-Latin letters is at least 0.990 (Traditional, read as Big5) and 0.990 (Simplified, as GB18030); the
Traditional text's Big5 bytes read as GB18030 score 0.230-0.371.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Enough letters to judge by; fewer (an English file with a name or two in Chinese) are not judged.
MIN_LETTERS = 20
SAMPLE_CHARS = 65_536  # the judgement reads this much of the text: a wrong encoding shows from the start
_GB2312_LEVEL1 = (range(0xB0, 0xD8), range(0xA1, 0xFF))
_BIG5_FREQUENT = (range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])


@lru_cache(maxsize=1)
def common_characters() -> frozenset[str]:
    chars: set[str] = set()
    for codec, (leads, trails) in (("gb2312", _GB2312_LEVEL1), ("big5", _BIG5_FREQUENT)):
        for lead in leads:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    continue  # an unassigned code point of the standard
    return frozenset(chars)


def legibility(text: str) -> float | None:
    """The share of common characters among the letters beyond Latin (and private-use characters) at the start
    of `text`; None when there are too few such letters to judge."""
    common = common_characters()
    letters = 0
    known = 0
    for char in text[:SAMPLE_CHARS]:
        if char < "\u0100":
            continue
        category = unicodedata.category(char)
        if category[0] == "L" or category == "Co":
            letters += 1
            known += char in common
    return known / letters if letters >= MIN_LETTERS else None


def plain_text_share(text: str) -> float:
    """The share of characters at the start of `text` that plain text is made of: printable ASCII, line
    breaks and tabs, common Chinese characters, and punctuation (for telling UTF-16's byte orders apart:
    the wrong order turns `a` into U+6100 and most hanzi into rare ones)."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return 0.0
    common = common_characters()
    good = 0
    for char in sample:
        if " " <= char <= "~" or char in "\n\r\t" or char in common or unicodedata.category(char)[0] in "PZ":
            good += 1
    return good / len(sample)
