"""Chinese personal names that no lexicon lists, found by their context.

A name is a surname of CC-CEDICT's list (its "surname Wang" entries, in the entity data) and one or two
given-name characters, where both of these say it is a person: jieba's tagger reads it as a personal name
(nr), and a title stands right before it (外交部長王毅, 總統蔡英文) or a title, a form of address or a
reporting verb right after it (王毅表示, 蔡英文總統, 王先生). A span that is a word of the dictionary
(高度, 张开) is none, whatever the tagger says. Such a name is rendered by a romanization
(audit.lexicon.romanize).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from audit.lexicon.dictionary import load_dictionary
from audit.lexicon.entities import load_lexicon
from audit.lexicon.romanize import Name, name_keys, rendering, romanized_word, spells, surname_written, written
from audit.text import HAN_RUN

# Offices and titles news Chinese puts before or after a name (CC-CEDICT's words for president, premier,
# prime minister, minister, chairman, spokesperson, ambassador, mayor, governor, legislator, secretary,
# director, professor, doctor, coach…; Simplified, as the audit matches text), and the forms of address
# that follow one (先生 Mr, 女士 Ms, 小姐 Miss).
TITLES = tuple(
    "总统 副总统 总理 副总理 首相 主席 副主席 部长 副部长 外长 防长 国务卿 议长 议员 立委 委员 主委 院长 市长 副市长 县长 "
    "省长 州长 局长 署长 司长 处长 厅长 校长 董事长 总裁 执行长 总经理 经理 主任 秘书长 书记 大使 特使 发言人 将军 司令 "
    "教授 博士 医生 律师 法官 检察官 记者 教练 主播 导演 作家 特首 行政长官 党主席 主教"
.split())
ADDRESS = ("先生", "女士", "小姐", "太太", "夫人")
# Verbs of saying that news Chinese writes right after the speaker's name (CC-CEDICT: 表示 to state, 说 to
# say, 指出 to point out, 称 to state, 认为 to believe, 强调 to emphasize, 透露 to disclose, 告诉 to tell,
# 宣布 to announce, 回应 to respond, 坦言 to admit, 呼吁 to appeal).
SPEECH = ("表示", "说", "指出", "称", "认为", "强调", "透露", "告诉", "宣布", "回应", "坦言", "呼吁")
_AFTER = TITLES + ADDRESS + SPEECH
# Adverbs and conjunctions news Chinese puts between a subject and its verb of saying (CC-CEDICT: 则 then, 也 also,
# 还 still, 都 all, 又 again, 就 just, 已 already, 亦 likewise, 更 further, 并 and, 再 again, 仍 still, 均 all, 即 namely,
# 便 then, 才 only then, 却 but, 皆 all): 俄方则表示 is "Russia, for its part, said", no person 方则.
_BEFORE_VERB = frozenset("则也还都又就已亦更并再仍均即便才却皆")


@dataclass(frozen=True)
class PersonalName:
    """A personal name found in a text: its sound keys, and where it is."""

    name: Name
    start: int
    end: int


@lru_cache(maxsize=2048)
def personal_names(text: str) -> tuple[PersonalName, ...]:
    """The Chinese personal names of a normalised text, in context (see the module's docstring). The tagger
    reads only the clause around a candidate, and only when there is one: loading it is the costliest step."""
    out = []
    for start, end, surname in _candidates(text):
        clause_start = max((text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS), default=-1) + 1
        clause_end = min((i for i in (text.find(mark, end) for mark in _CLAUSE_MARKS) if i >= 0), default=len(text))
        if (start - clause_start, end - clause_start) in _tagged(text[clause_start:clause_end]):
            name = name_keys(text[start:end], surname, load_lexicon().surnames.get(surname, ""))
            out.append(PersonalName(name, start, end))
    return tuple(out)


_CLAUSE_MARKS = "，。；：！？,;:!?「」“”"


@lru_cache(maxsize=2048)
def _tagged(clause: str) -> frozenset[tuple[int, int]]:
    from audit.segment import person_names

    return frozenset(person_names(clause))


def name_of(chinese: str) -> Name:
    """The keys of a name whose surname is its first one or two characters (a two-character surname first)."""
    surnames = load_lexicon().surnames
    surname = chinese[:2] if chinese[:2] in surnames and len(chinese) > 2 else chinese[:1]
    return name_keys(chinese, surname, surnames.get(surname, ""))


def romanizations(name: Name) -> tuple[str, str]:
    """The name in Hanyu Pinyin and in Wade–Giles, for the editor (Wang Yi, Wang I; Cai Yingwen, Tsai Ying-wen)."""
    return written(name, "pinyin"), written(name, "Wade–Giles")


def rendered(chinese: str, english: str) -> bool:
    """Whether the English writes the name in a romanization (audit.lexicon.romanize)."""
    return rendering(name_of(chinese), english) is not None


def surname_in(chinese: str, english: str) -> bool:
    """Whether the English writes the name's surname (Wang of Wang Yu), in any family of spellings."""
    return surname_written(name_of(chinese), english)


def may_be_romanized(word: str) -> bool:
    """Whether an English word could be a romanized name (Yu, Ying-chieh), not a foreign one (Spieth)."""
    return romanized_word(word)


def explains(word: str, text: str) -> bool:
    """Whether a capitalised English word writes the surname, the given name or a syllable of the given name of
    a personal name of the text (Tsai, Ing-wen, Un of Kim Jong Un). Every candidate in context counts, without
    asking the tagger: explaining a word asks less than finding a name."""
    for start, end, surname in _candidates(text):
        name = name_keys(text[start:end], surname, load_lexicon().surnames.get(surname, ""))
        for _family, keys in name.families:
            surname, given = keys[:len(name.surname)], keys[len(name.surname):]
            if spells(word, surname) or spells(word, given) or any(spells(word, (part,)) for part in given):
                return True
    return False


@lru_cache(maxsize=2048)
def _candidates(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, surname) of every surname + one or two Han characters with a title before it or a title,
    form of address or verb of saying after it, that is not itself a word of the dictionary or the lexicon,
    nor part of a foreign name written with a name dot (柯里斯·昆斯)."""
    spans = set()
    for match in _CONTEXT.finditer(text):
        word = match.group()
        if word in _AFTER_SET:  # the name ends here: surname (1-2) + given name (1-2) before it
            spans.update((match.start() - size, match.start()) for size in (2, 3, 4))
        if word in _TITLE_SET:  # the name starts here
            spans.update((match.end(), match.end() + size) for size in (2, 3, 4))
    found = []
    for start, end in sorted(spans):
        surname = _surname(text, start, end)
        if surname and _plausible(text, start, end, surname):
            found.append((start, end, surname))
    return tuple(found)


def _surname(text: str, start: int, end: int) -> str:
    surnames = load_lexicon().surnames
    for size in (2, 1):
        if 1 <= end - start - size <= 2 and text[start:start + size] in surnames and start >= 0:
            return text[start:start + size]
    return ""


def _plausible(text: str, start: int, end: int, surname: str) -> bool:
    """A span of Han characters that is no word of the dictionary or the lexicon, does not begin with one
    (许多人, 国家名), whose given name is none (向记者), that no word runs into from before (此时王毅 is 此时|王毅),
    and that is not part of a foreign name written with a name dot (柯里斯·昆斯)."""
    span, entries = text[start:end], load_dictionary().entries
    if len(span) != end - start or not HAN_RUN.fullmatch(span):
        return False
    if text[end:end + 1] in _NAME_DOTS or text[start - 1:start] in _NAME_DOTS:
        return False
    if any(span[:size] in entries or span[:size] in load_lexicon().rows for size in range(2, len(span) + 1)):
        return False
    given = span[len(surname):]
    if len(given) > 1 and given in entries or given[-1] in _BEFORE_VERB:
        return False
    return text[:start].endswith(TITLES) or not any(start >= size and text[start - size:start + 1] in entries for size in (1, 2))


_NAME_DOTS = frozenset("·.•・‧")  # the dot between the parts of a foreign name in Chinese
_AFTER_SET, _TITLE_SET = frozenset(_AFTER), frozenset(TITLES)
# Longest first, in a fixed order: the pattern's text is the same in every run (the compiled-pattern store keys on it).
_CONTEXT = re.compile("|".join(re.escape(word) for word in sorted(set(_AFTER), key=lambda word: (-len(word), word))))
