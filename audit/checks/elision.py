"""Whether a place the English leaves out of one sentence was elided there or dropped (the lexicon half of N001).

Translators elide a place freely where the sentence still refers to it ("the country", "there", "its") or where the
Chinese uses it only to qualify the next word (美國隊 "the side", 英國夏令時間 "BST", 蘇格蘭人 "the Scot"). A place the
translation has named before, left out of a sentence that has no word to stand for it, while the Chinese names it on its
own, was dropped: measured on NTREX-128 (bench/inject_names.py, README "Names in no glossary").
"""

from __future__ import annotations

import re

# Words that can stand for a place named before: English's third-person pronouns and locative pro-forms (closed
# classes), and CC-CEDICT's glosses of the generic words Chinese uses for a place already named (国/国家 country, nation,
# state; 城市 city, town; 首都 capital; 省 province; 州 state; 岛 island; 地区 region, district, area; 县 county; 领土
# territory; 王国 kingdom; 大陆 mainland, continent; 半岛 peninsula; 当地 local; 国内 domestic; 全国 nationwide,
# national; 政府 government).
REFERRING = frozenset("""it its they them their there here country countries nation nations state states city cities
    town towns capital province provinces island islands region regions district districts area areas county counties
    territory territories kingdom republic mainland continent peninsula local locally domestic domestically nationwide
    national government""".split())
_WORD = re.compile(r"[A-Za-z]+")


def refers_to_a_place(english: str) -> bool:
    """Whether the sentence holds a word that can stand for a place named before."""
    return any(word.lower() in REFERRING for word in _WORD.findall(english))


def qualifies_next_word(chinese: str, start: int, end: int) -> bool:
    """Whether the Chinese uses the name only inside a longer word or to qualify the noun after it, as jieba's tagger
    reads the sentence: 美國隊, 蘇格蘭人 (one word), 英國|夏令時間, 美國|方面 (a noun follows), 美國|副|總統 (jieba's
    attributive, 區別詞, opens the noun)."""
    from audit.lexicon.fast.jieba_posseg import tagger  # heavy: only for a place already found left out

    at = 0
    for word, flag in tagger().cut(chinese):
        after = at + len(word)
        if at <= start < after:
            if at < start or after > end:
                return True  # the name is part of a longer word
        elif at == end:
            return flag.startswith(("n", "b")) or flag == "vn"  # a noun, a verbal noun, an attributive (副 of 副總統)
        elif at > end:
            return False
        at = after
    return False
