"""Whether a name the English leaves out of one sentence was elided there or dropped (the lexicon half of N001).

Translators elide a name freely where the sentence still refers to it ("the country", "there", "he", "the company") or
where the Chinese uses it only to qualify the next word (美國隊 "the side", 美國官員 "officials", 蘇格蘭人 "the Scot"). A
name left out of a sentence that has no word to stand for it, while the Chinese names it on its own, was dropped: a
translator or MT that drops a name drops it with the words that went with it ("in Berlin", "Berlin's") and leaves no
trace. Measured on NTREX-128 (bench/inject_names.py, README "Names in no glossary").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from audit.lexicon.dictionary import STOPWORDS, Dictionary, content_stem

# Words that can stand for a name of each kind, once the name is left out. English closed classes: the third-person
# pronouns of the kind and the locative pro-forms (there, here); not "it" for a place, English's dummy subject ("it's
# time", "made it") and every thing's pronoun (NTREX dev: 8 more removed places found, no clean finding more). Then CC-CEDICT's glosses of the generic words Chinese
# uses for an entity of the kind already named: a place (国/国家 country, nation, state; 城市 city, town; 首都 capital;
# 省 province; 州 state; 岛 island; 地区 region, district, area; 县 county; 领土 territory; 王国 kingdom; 共和国 republic;
# 大陆 mainland, continent; 半岛 peninsula; 当地 local; 国内 domestic; 全国 nationwide, national; 政府 government); an
# organisation (公司 company, firm, corporation; 集团 group; 党 party; 组织 organization; 机构 agency, institution, body;
# 部 ministry, department; 委员会 committee, commission; 银行 bank; 大学 university; 队 team, side; 俱乐部 club; 协会
# association; 联盟 league, alliance, union; 品牌 brand; 媒体 media; 报 newspaper, paper); a person (CC-CEDICT's
# glosses of the titles and roles news puts before a name: 总统 president; 总理 premier; 首相 prime minister; 部长,
# 大臣 minister; 主席 chairman; 发言人 spokesman, spokeswoman; 大使 ambassador; 领导人 leader; 官员 official; 教练
# coach; 球员 player; 明星 star; 歌手 singer; 演员 actor, actress; 作家 writer; 主持人 host, presenter; 先生 Mr; 女士
# woman, lady; 男子 man; 议员 lawmaker, senator, congressman; 州长 governor; 市长 mayor; 国王 king; 女王 queen;
# 王子 prince; 公主 princess).
PRONOUNS = {
    "person": frozenset("he him his himself she her hers herself".split()),
    "place": frozenset("its there here".split()),
    "org": frozenset("it its they them their".split()),
    "other": frozenset("it its they them their".split()),
}
GENERIC = {
    "place": frozenset("""country countries nation nations state states city cities town towns capital province provinces
        island islands region regions district districts area areas county counties territory territories kingdom
        republic mainland continent peninsula local locally domestic domestically nationwide national government""".split()),
    "org": frozenset("""company companies firm firms corporation group party organization organisation agency agencies
        institution body ministry department committee commission bank university team side club association league
        alliance union brand media newspaper paper government""".split()),
    "person": frozenset("""president premier prime minister chairman chairwoman spokesman spokeswoman ambassador leader
        official coach player star singer actor actress writer host presenter mr mrs ms woman lady man lawmaker senator
        congressman governor mayor king queen prince princess""".split()),
}
# The Chinese pronouns and pro-forms that such an English word may translate instead (他 he, 她 she, 其 his/her/its/
# their, 它 it, 该 the said, 此 this, 当地 local, 那里 there, 这里 here): a pronoun the Chinese writes is its own.
CHINESE_PRONOUNS = {
    "person": ("他", "她", "其"),
    "place": ("它", "其", "该", "此", "那里", "这里"),
    "org": ("它", "其", "该", "他们"),
    "other": ("它", "其", "该", "他们"),
}
_WORD = re.compile(r"[A-Za-z]+")
_STAND_IN_KIND = {"language": "other"}


@dataclass(frozen=True)
class Reading:
    """How jieba's tagger reads a name of the Chinese in its sentence."""

    inside: bool  # part of a longer word (美國隊, 蘇格蘭人), but for a place it begins (內華達州, 墨西哥城: read as the name)
    name: bool  # tagged as a name (NAME_TAGS)
    role: bool  # the object of a preposition (在|加州, 對|北韓) or the possessor before 的 (印尼|的|島嶼)


# jieba's tags of names (ICTCLAS's tag set): person (nr, nrt transliterated), place (ns), organisation (nt), other
# proper noun (nz). A span of a lexicon name that the tagger reads otherwise is often no name there (龍門 of 射入龍門,
# "into the goal"; 水里 "in the water").
NAME_TAGS = ("nr", "nrt", "ns", "nt", "nz")


def reading(chinese: str, start: int, end: int) -> Reading:
    """How the tagger reads the name at start:end: inside a longer word, tagged as a name, and whether it has a role
    of its own in the sentence: after a preposition (tag p), before the possessive 的 (tag uj), or as an item of a
    list of names (`_listed`). A name joined to a name before it (和, 與, 、) shares its role: 在南內華達州和亞利桑那州 "in
    Nevada and Arizona"."""
    before: list[tuple[str, str]] = []  # (word, tag) of the words before the name
    own = ""
    for at, after, word, flag in tagged(chinese):
        if at <= start < after:
            if at < start or after > end and flag != "ns":
                return Reading(inside=True, name=False, role=False)
            own, end = flag, after  # a place the name begins is read as the name (內華達|州, 墨西哥|城)
        elif at == end:
            return Reading(inside=False, name=own in NAME_TAGS, role=_governed(before) or word == "的" and flag == "uj"
                           or _listed(before, chinese, at))
        elif at > end:
            break
        if after <= start:
            before.append((word, flag))
    return Reading(inside=False, name=own in NAME_TAGS, role=_governed(before))


def _listed(before: list[tuple[str, str]], chinese: str, end: int) -> bool:
    """Whether the name ending at `end` is an item of a list of names (中國和俄羅斯在…, 美國、法國和土耳其): a name joined by
    a conjunction or 、 to a name before or after it, and followed by no noun it would qualify (葡萄牙國家隊和義大利甲級聯賽
    lists the teams, not the countries). A translation carries every item of a list, or none."""
    following = [(word, flag) for at, _after, word, flag in tagged(chinese) if at >= end][:2]
    if following and following[0][1].startswith("n"):
        return False
    if len(before) >= 2 and _joins(*before[-1]) and before[-2][1] in NAME_TAGS:
        return True
    return len(following) == 2 and _joins(*following[0]) and following[1][1] in NAME_TAGS


def _joins(word: str, flag: str) -> bool:
    return word == "、" or flag == "c"


def _governed(before: list[tuple[str, str]]) -> bool:
    """Whether a preposition governs the word after these: it is one, or a conjunction follows a name (of one word or
    several: 南|內華達州) that it governs. A compass word before the name is part of it (在|西|維吉尼亞 "in West Virginia")."""
    while before and before[-1][0] in _COMPASS:
        before = before[:-1]
    if before and _prepositional(*before[-1]):
        return True
    if not before or not (before[-1][1] == "c" or before[-1][0] == "、"):
        return False
    k = len(before) - 1
    while k and before[k - 1][1] in NAME_TAGS:
        k -= 1
    return k < len(before) - 1 and k > 0 and _prepositional(*before[k - 1])


# The compass points (CC-CEDICT: 东 east, 西 west, 南 south, 北 north), which Chinese puts before a place's name
# (南加州 "southern California", 西維吉尼亞 "West Virginia").
_COMPASS = frozenset("东西南北")


def _prepositional(word: str, flag: str) -> bool:
    """Whether a word as the tagger read it ends in a preposition that governs what follows: a preposition (p); a verb
    compounded with one, which English renders with its preposition (位於 "located in", 來自 "from", 生於 "born in");
    or a preposition the tagger's HMM glued to the word before it, a pair its dictionary does not hold (前|在 read
    前在, 是從). A word of its dictionary that is no verb (現在 "now", 終於 "finally") governs nothing."""
    if flag == "p":
        return True
    if len(word) < 2:
        return False
    from audit.lexicon.fast.jieba_posseg import tagger

    tag = tagger().tag
    return tag(word[-1]) == "p" and (flag == "v" or tag(word) == "x")


@lru_cache(maxsize=1024)
def tagged(chinese: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, word, tag) of each word of jieba's tagger (remembered: a sentence is asked of for each name)."""
    from audit.lexicon.fast.jieba_posseg import tagger  # heavy: only for a name already found left out

    out, at = [], 0
    for word, flag in tagger().cut(chinese):
        out.append((at, at + len(word), word, flag))
        at += len(word)
    return tuple(out)


def dropped(chinese: str, english: str, start: int, end: int, kind: str, dictionary: Dictionary, listed: bool = False) -> bool:
    """Whether a place or organisation left out of the English was dropped rather than elided: the Chinese names it
    on its own (a word of its own that the tagger reads as a name) in a role of its own, the object of a preposition,
    the possessor before 的 or an item of a list of names, which a rendering must carry ("in California", "Indonesia's
    islands", "China and Russia"); and the
    English has no word that can stand for it (`stand_in`). A name that qualifies a noun with no preposition before
    it (美國官員 "officials", 美國|副總統) the English often absorbs: that stays information. The sentence is tagged only when a
    preposition of jieba's dictionary ends where the name starts, or 的 follows it (most names left out have neither).
    `listed`: a name of a glossary, a name wherever it is written, whatever tag the tagger gives it (平壤 n, 歐盟 j,
    參議院 n): the tag only tells the lexicon's names from the words they are spelled like (龍門 "the goal")."""
    if not _may_have_role(chinese, start, end):
        return False
    found = reading(chinese, start, end)
    return (found.name or listed) and found.role and not found.inside and not stand_in(english, chinese, start, end, kind, dictionary)


def elided_person(chinese: str, english: str, start: int, end: int, dictionary: Dictionary) -> bool:
    """Whether a person of the lexicon left out of the English may have been elided: the tagger reads no name there
    on its own (上都 of 頭上都, 羅伯特 of a longer name), or the English has a word that can stand for the person (a
    pronoun beyond the Chinese's own, a title or role: "the carmaker", "the president")."""
    found = reading(chinese, start, end)
    return not found.name or found.inside or bool(stand_in(english, chinese, start, end, "person", dictionary))


def _may_have_role(chinese: str, start: int, end: int) -> bool:
    """Whether 的 follows the name, or a conjunction or a word jieba's dictionary tags as a preposition (p) ends where
    it starts."""
    if chinese.startswith("的", end) or chinese[start - 1:start] in _JOINING or chinese[end:end + 1] in _JOINING:
        return True  # 的 follows; or a conjunction precedes or follows: a name governed before it, or a list
    while start and chinese[start - 1] in _COMPASS:
        start -= 1  # 在|西維吉尼亞
    from audit.lexicon.fast.jieba_posseg import tagger

    tag = tagger().tag
    return any(tag(chinese[start - size:start]) == "p" for size in range(1, _LONGEST_PREPOSITION + 1) if size <= start)


_JOINING = frozenset("和与及、或")  # the conjunctions that join two names (jieba's c), and the enumeration comma
_LONGEST_PREPOSITION = 4  # characters looked back (在, 對於, 根據: a longer preposition is not looked for, and its name stays info)


def stand_in(english: str, chinese: str, start: int, end: int, kind: str, dictionary: Dictionary) -> str:
    """A word of the English that may stand for the name at start:end of the Chinese, left out of it: a pronoun or
    generic word of its kind (PRONOUNS, GENERIC) or a gloss of the name's own head noun (六盤水市 "the city", 第二次
    世界大戰 "the war") that no other word of the Chinese accounts for; "" when there is none. A pronoun is spare when
    the English writes more of the kind's pronouns than the Chinese writes its own, as words (he, his for 他, 其; not 此 of
    此前 "before"); a noun when no noun of the Chinese outside the name translates it (the country's 國家)."""
    kind = _STAND_IN_KIND.get(kind, kind)
    words = [word.lower() for word in _WORD.findall(english)]
    pronouns = PRONOUNS.get(kind, frozenset())
    written = [word for k, word in enumerate(words) if word in pronouns and not _existential(words, k)]
    own = CHINESE_PRONOUNS.get(kind, ())
    if written and len(written) > sum(1 for _at, _after, word, _flag in tagged(chinese) if word in own):
        return written[0]
    said = _nouns_said(chinese, start, end, dictionary)
    heads = {stem for at, until, stems in dictionary.words_in(chinese[start:end]) if at > 0 and until == end - start
             and until - at <= 2 for stem in stems}
    generic = GENERIC.get(kind, frozenset())
    for found in _WORD.finditer(english):
        word = found.group().lower()
        stem = content_stem(word)
        if (word in generic or stem in heads) and stem not in said and not _of_another_name(english, found):
            return word
    return ""


_NAME_BEFORE = re.compile(r"([A-Z][A-Za-z.]*)\s+$")
_NAME_AFTER = re.compile(r"(?:,| of(?: the)?)\s+[A-Z]")


def _of_another_name(english: str, word: re.Match[str]) -> bool:
    """Whether a generic word is the head of another name (Qinghai Province, the U.S. mainland) or names one in
    apposition (the city of Palu, the capital, Skopje): it stands for that place, not for one left out."""
    before = _NAME_BEFORE.search(english, 0, word.start())
    if before is not None and before.group(1).lower().strip(".") not in STOPWORDS:
        return True
    return _NAME_AFTER.match(english, word.end()) is not None


def _existential(words: list[str], k: int) -> bool:
    """"There is", "there were": the existential there stands for no place."""
    return words[k] == "there" and k + 1 < len(words) and words[k + 1] in _BE


_BE = frozenset("is are was were be been has have had will would may might can could".split())  # be, or an auxiliary before it


def _nouns_said(chinese: str, start: int, end: int, dictionary: Dictionary) -> frozenset[str]:
    """Stems of CC-CEDICT's glosses of the nouns and place words of the Chinese outside the name (tags n…, s: 當地
    "local"), as the tagger reads the sentence: what a generic English word may translate instead of standing for the name (國家 "country"). Nouns
    only: 表示 "to state" says no "state"."""
    out: set[str] = set()
    for at, after, word, flag in tagged(chinese):
        if flag.startswith(("n", "s")) and (after <= start or at >= end):
            out.update(stem for first, last, stems in dictionary.words_in(word) if first == 0 and last == len(word)
                       for stem in stems)
    return frozenset(out)
