"""How well an English word could be a transliteration of a Chinese name.

Both sides are reduced to a consonant skeleton of broad sound classes (vowels carry little in
transliteration: 威特科夫 wei-te-ke-fu ↔ Witkoff), then compared by a weighted edit distance in which
near classes (j~k, j~s) cost half. Pinyin covers mainland transliterations; Wade–Giles spellings used
in Taiwan (Ching-te, Hsiao, Tsai) reduce to the same classes through the English rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.remembered import WORDS

# Characters Chinese uses to spell foreign names by sound (Xinhua's transliteration table, simplified).
# A word made only of these, three or more long, is very likely a transliterated name: 博尔特尼科夫.
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查察达戴丹道德迪蒂丁东杜敦顿多厄恩尔法凡范菲费芬丰冯弗福伏盖甘冈高戈哥格根贡古瓜圭"
    "哈海汉豪赫黑亨洪胡华怀霍基吉季加贾简杰金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽连林琳卢鲁路伦罗洛马玛迈麦曼"
    "芒梅门蒙米密明莫默姆穆纳娜奈南内尼涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔切钦琴丘屈萨塞桑瑟森沙莎尚舍申什施舒斯松苏索塔泰坦汤"
    "唐特提汀通图托瓦万旺威韦维温沃乌伍武西希锡谢辛休修雅亚扬耶伊因英尤于约泽扎詹兹佐夫茨瑞娃"
)


# Order matters: longer spellings first.
_EN_RULES = [
    ("tch", "J"), ("sch", "S"), ("ch", "J"), ("sh", "S"), ("zh", "J"), ("hs", "S"), ("ts", "S"), ("tz", "S"),
    ("ph", "F"), ("th", "T"), ("gh", ""), ("ck", "K"), ("kh", "K"), ("dj", "J"), ("ng", "N"),
    ("ce", "S"), ("ci", "S"), ("cy", "S"), ("ge", "J"), ("gi", "J"),
    ("b", "P"), ("p", "P"), ("f", "F"), ("v", "F"), ("w", "F"), ("d", "T"), ("t", "T"),
    ("g", "K"), ("k", "K"), ("c", "K"), ("q", "K"), ("x", "KS"), ("j", "J"), ("s", "S"), ("z", "S"),
    ("l", "L"), ("r", "L"), ("m", "M"), ("n", "N"), ("h", ""), ("y", ""),
]
_PINYIN_INITIALS = [
    ("zh", "J"), ("ch", "J"), ("sh", "S"), ("b", "P"), ("p", "P"), ("m", "M"), ("f", "F"), ("d", "T"),
    ("t", "T"), ("n", "N"), ("l", "L"), ("g", "K"), ("k", "K"), ("h", ""), ("j", "J"), ("q", "J"),
    ("x", "S"), ("r", "L"), ("z", "S"), ("c", "S"), ("s", "S"), ("y", ""), ("w", "F"),
]
_NEAR = {frozenset("JK"), frozenset("JS"), frozenset("PF"), frozenset("MN"), frozenset("KS")}
_NEAR_PAIRS = frozenset((a, b) for near in _NEAR for a in near for b in near if a != b)  # both orders: no set per cell


# The rules as one alternation, tried in their order at each position as the list reads; "." is a vowel.
_EN_SPELLING = re.compile("|".join(re.escape(spelling) for spelling, _ in _EN_RULES) + "|.")
_EN_SOUND = dict(_EN_RULES)
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=WORDS)
def skeleton_en(word: str) -> str:
    text = _NOT_LETTER.sub("", word.lower())
    return _squeeze("".join(_EN_SOUND.get(spelling, "") for spelling in _EN_SPELLING.findall(text)))


def skeleton_pinyin(syllables: list[str]) -> str:
    out = []
    for syllable in syllables:
        for spelling, sound in _PINYIN_INITIALS:
            if syllable.startswith(spelling):
                out.append(sound)
                syllable = syllable[len(spelling):]
                break
        if syllable.endswith(("n", "ng")):  # 连 lian ↔ "len"; nasal finals are heard as n/m
            out.append("N")
    return _squeeze("".join(out))


@lru_cache(maxsize=WORDS)  # a name is compared with every capitalised word of its sentence
def skeleton_zh(chinese: str) -> str:
    """The consonant skeleton of a Chinese name's pinyin."""
    return skeleton_pinyin(list(pinyin_of(chinese)))


def _squeeze(skeleton: str) -> str:
    """Doubled sounds count once (Witkoff's ff, Kushner's sh+n)."""
    return _DOUBLED.sub(r"\1", skeleton)


@lru_cache(maxsize=4096)
def pinyin_of(chinese: str) -> tuple[str, ...]:
    from audit.lexicon.fast.pypinyin_lazy import lazy_pinyin  # pypinyin's result, without its 200 ms import

    return tuple(lazy_pinyin(chinese))


def _distance(a: str, b: str) -> float:
    previous = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, start=1):
        current = [float(i)]
        for j, cb in enumerate(b, start=1):
            cost = 0.0 if ca == cb else 0.5 if (ca, cb) in _NEAR_PAIRS else 1.0
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]


# The similarity at or above which a spelling counts as a rendering of a name: at most half the consonant classes
# of the longer skeleton differ (Witkoff for 威特科夫 scores 1.0, Whitaker 0.75, Kushner for 佩斯科夫 0.25). Chosen in
# the pipeline skeleton's first version and kept since: the injection bench's name recall and NTREX's quietness
# (bench/inject.py) were measured with it.
SOUNDS_ALIKE = 0.5


def sound_alike(a: str, b: str) -> float:
    """0 … 1: how alike two Chinese spellings sound (普丁 ~ 普京, not 加州 ~ 加利福尼亚)."""
    x, y = skeleton_zh(a), skeleton_zh(b)
    if not x or not y:
        return 0.0
    return max(0.0, 1.0 - _distance(x, y) / max(len(x), len(y)))


@lru_cache(maxsize=WORDS)  # the same names and words recur from sentence to sentence
def similarity(chinese: str, english: str) -> float:
    """0 (unrelated) … 1 (same consonant skeleton) for a Chinese name and an English word or phrase."""
    zh, en = skeleton_zh(chinese), skeleton_en(english)
    if not zh or not en:
        return 0.0
    return max(0.0, 1.0 - _distance(zh, en) / max(len(zh), len(en)))
