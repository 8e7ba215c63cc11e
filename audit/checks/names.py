"""Names: a person, place or organisation in the Chinese must appear, correctly spelled, in the English."""

from __future__ import annotations

import re
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.lexicon.glossary import EnglishMention, Entry, Glossary, Mention
from audit.lexicon.transliterate import SOUNDS_ALIKE, similarity
from audit.model import AlignedDocument, AlignedPair, Finding, Severity
from audit.normalize import original_span
from audit.quantities.calendar_names import MONTHS, WEEKDAYS

_CAPITALIZED = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?![A-Za-z])")
# Capitalized words that are not names: titles, frequent sentence openers, and the month and weekday names.
_NOT_NAMES = frozenset(
    """President Prime Minister Secretary Envoy Special Chairman Chairwoman Premier Vice General Director
    Chancellor Governor Senator Representative King Queen Prince Princess Pope Ambassador Spokesman
    Spokeswoman Mr Mrs Ms Dr Professor Sir Lord Lady Chief Commander Minister Foreign Defense Defence
    Ministry Department State Office House Council Committee Party Army Navy Air Force Agency Intelligence
    The A An In On At For As After Before When While There This That These Those But And Or If Earlier Later
    Meanwhile However Following Overall Subsequently Both Some Many Its His Her Their Our We They He She It
    North South East West Northern Southern Eastern Western Central New Old Great United Republic
    Democratic People Peoples National International Federal Supreme Court Parliament Congress Senate""".split()
) | frozenset(MONTHS) | frozenset(WEEKDAYS)


def unexplained_names(english: str, explained: list[Entry]) -> list[str]:
    """Capitalized words of the English that no glossary entry accounts for: candidates for a wrong name."""
    masked = english.replace("’", "'")
    for entry in explained:
        masked = entry.english_pattern.sub(lambda m: " " * len(m.group()), masked)
    return [w for w in _CAPITALIZED.findall(masked) if w not in _NOT_NAMES]


def best_transliteration(chinese: str, candidates: list[str]) -> tuple[str, float]:
    """The candidate that sounds most like the Chinese name, with its similarity."""
    scored = [(word, similarity(chinese, word)) for word in candidates]
    return max(scored, key=lambda item: item[1], default=("", 0.0))


class NameMismatch(Rule):
    """A name from the glossary is missing from its translation, or rendered with another spelling.

    Why: a wrong name is the most damaging error a news translation can carry, and spell-checkers cannot
    see it. Expected renderings come from the user's glossary and the bundled news-name glossary. A name
    the source repeats counts once per mention: when the English renders it fewer times and names instead
    an entity of the same kind that the source never names, that entity is reported as the substitute.
    Bad:  美國特使威特科夫 → "U.S. special envoy Whitaker"
    Good: 美國特使威特科夫 → "U.S. special envoy Witkoff"
    """

    code, name, severity = "N001", "name-mismatch", Severity.ERROR
    severity_note = "warning when the name is simply absent, or a place or organisation is replaced"
    SIMILAR = SOUNDS_ALIKE  # a capitalized word sounding at least this much like the name stands in for it

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        glossary = ctx.glossary
        if glossary is None:
            return
        for index, pair in enumerate(doc.pairs):
            if not pair.source or not pair.target:
                continue  # an omission is the omission rule's business
            mentions = {id(m.entry): m for m in glossary.mentions(pair.source_norm)}
            entries = [m.entry for m in mentions.values()]
            # Sentence alignment may be one sentence off; a name found next door is not an error. Formats
            # that pair units themselves (CSV, XLIFF…) have no such slack.
            nearby = "" if doc.document.prealigned else " ".join(p.target_norm for p in doc.pairs[max(0, index - 1):index + 2])
            yield from self._misspellings(pair, entries)
            reported: set[int] = set()  # source entities reported already
            stand_ins: set[str] = set()  # and what the English wrote for them
            for mention in mentions.values():
                entry = mention.entry
                if entry.found_in(pair.target_norm):
                    continue
                if entry.type == "person" and _inside_longer_name(pair.source_norm, mention.start, mention.end):
                    continue
                shown = original_span(pair.source_text, pair.source_norm, mention.start, mention.end) or mention.form
                found = self._stand_in(pair, entry, shown, entries, glossary)
                if not found and entry.found_in(nearby):
                    continue
                finding = self._report(pair, entry, shown, found)
                if finding is not None:
                    reported.add(id(entry))
                    stand_ins.add(found)
                    yield finding
            yield from self._intruders(doc, index, glossary, reported, stand_ins)

    def _misspellings(self, pair: AlignedPair, entries: list[Entry]) -> Iterator[Finding]:
        """A word one slip away from a name the source mentions (Trmup, Donadl, Fenistein, Kim Jnog Un), even
        when the name is also spelled right elsewhere in the sentence. People only: place names inflect
        (Swede, Koreas). The first part of a hyphenated name is a word of its own (Kim Jogn-un)."""
        people = [e for e in entries if e.type == "person"]
        accepted = {word for e in people for form in e.english for word in re.findall(r"[A-Za-z][a-z]+", form)}
        reported: set[str] = set()
        for token in _CAPITALIZED.findall(pair.target_norm.replace("’", "'")):
            for word in dict.fromkeys((token, token.split("-")[0])):
                if word in accepted or word in reported or len(word) < 4:
                    continue
                right = next((right for right in accepted if _slip(word, right)), None)
                if right is None:
                    continue
                reported.add(word)
                entry = next(e for e in people if any(right in f for f in e.english))
                yield self.finding(
                    f'"{word}" looks like a misspelling of "{right}" ({entry.preferred})', pair,
                    expected=right, found=word, suggestion=f"{word} → {right}", target_marks=(word,),
                )
                break

    def _stand_in(self, pair: AlignedPair, entry: Entry, shown: str, entries: list[Entry], glossary: Glossary) -> str:
        """What the translation wrote where the name should be: another entity of the same kind, or a
        capitalized word that sounds like the Chinese or is spelled like the expected English."""
        in_target = _entries_in(pair.target_norm, glossary)
        rest = glossary.blank_mentions(pair.source_norm)  # the source outside its names: 巴 of 巴黎 abbreviates nothing
        for other in in_target:
            if other.type == entry.type and other not in entries and not _abbreviated(other, rest) \
                    and not other.found_in(pair.source_norm) \
                    and not _metonym(other, entry, glossary):  # FBI kept in Latin letters in the Chinese; 北京 → China
                match = other.found_in(pair.target_norm)
                return match.group() if match else other.preferred
        if entry.type != "person":
            return ""  # places and organisations are elided legitimately (美國白宮 → "the White House")
        candidates = unexplained_names(pair.target_norm, entries + in_target)
        scored = [(max(similarity(shown, word), _spelling(word, entry)), word) for word in candidates]
        score, word = max(scored, default=(0.0, ""))
        return word if score >= self.SIMILAR else ""

    def _intruders(
        self, doc: AlignedDocument, index: int, glossary: Glossary, reported: set[int], stand_ins: set[str],
    ) -> Iterator[Finding]:
        """An entity the source never names, written where a name the source repeats is missing.

        The forward check above asks only whether each source name appears somewhere in the English, so
        "英國首相…英國伯明罕" → "Cuba's Prime Minister … Birmingham, Britain" passes: Britain is there once.
        Counting tells: the Chinese names Britain twice, the English once, and the English names Cuba,
        which nothing in the source (nor a neighbouring sentence, when the alignment is ours) accounts for.
        Only an entity of the same kind is taken for a substitute, and neither a source name nor a stand-in
        already reported is reported twice.
        """
        pair = doc.pairs[index]
        in_source = {id(m.entry): m.entry for m in glossary.mentions(pair.source_norm)}
        written = glossary.english_mentions(pair.target_norm)
        strangers = [m for m in written if m.entry.type in _NAMED and id(m.entry) not in in_source and m.text not in stand_ins]
        if not strangers:
            return  # most sentences: every entity of the English is named in the source
        mentions = [m for m in glossary.mentions(pair.source_norm) if m.entry.type in _NAMED
                    and not (m.entry.type == "person" and _inside_longer_name(pair.source_norm, m.start, m.end))]
        rest = glossary.blank_mentions(pair.source_norm)
        mentions += _abbreviation_mentions(rest, glossary)  # 中美貿易 names China too
        deficits = _deficits(mentions, written, reported)
        if not deficits:
            return
        context = pair.source_norm if doc.document.prealigned else \
            " ".join(p.source_norm for p in doc.pairs[max(0, index - 1):index + 2])
        seen: set[int] = set()
        for mention in strangers:
            other = mention.entry
            if id(other) in seen:
                continue
            seen.add(id(other))
            if any(_renders(entry, mention.text) or _metonym(other, entry, glossary) for entry in in_source.values()) \
                    or any(key in context for key in other.keys) or other.found_in(pair.source_norm) \
                    or _abbreviated(other, rest):
                continue  # the source names it after all: by its own name or capital, in Latin letters, abbreviated
            source = next((m for m in deficits if m.entry.type == other.type), None)
            if source is None:
                continue
            deficits.remove(source)
            shown = original_span(pair.source_text, pair.source_norm, source.start, source.end) or source.form
            finding = self._report(pair, source.entry, shown, mention.text)
            if finding is not None:
                yield finding

    def _report(self, pair: AlignedPair, entry: Entry, shown: str, found: str) -> Finding | None:
        expected = " / ".join(entry.english[:3])
        if found:
            return self.finding(
                f'{shown} rendered "{found}"; expected "{entry.preferred}"', pair,
                severity=None if entry.type == "person" else Severity.WARNING,
                expected=expected, found=found, suggestion=f"{found} → {entry.preferred}",
                source_marks=(shown,), target_marks=(found,),
            )
        if entry.type == "person":  # dropped, or replaced by "he" / a title: worth a look, not a blocker
            return self.finding(
                f"{shown} ({entry.preferred}) not found in the translation", pair, severity=Severity.WARNING,
                expected=expected, source_marks=(shown,),
            )
        return None


def _slip(word: str, right: str) -> bool:
    """A typing slip of a name word: its letters in another order, or one letter changed, added or dropped.

    Anagrams must keep the first letter and most of the order (ratio ≥ 0.75: one swap in a four-letter word,
    Jnog for Jong); Mary and Myra are different names (0.5)."""
    from difflib import SequenceMatcher

    if len(right) >= 4 and right[0] == word[0] and word != right and sorted(word) == sorted(right):
        return SequenceMatcher(None, word, right).ratio() >= 0.75
    return _one_edit(word, right)


def _one_edit(word: str, right: str) -> bool:
    """One letter changed, added or dropped in a name of five letters or more (Feinstien is two swaps: see above)."""
    if len(right) < 5 or word[0] != right[0] or abs(len(word) - len(right)) > 1 or word.lower() == right.lower():
        return False
    if word.rstrip("s") == right.rstrip("s"):
        return False  # Swede/Swedes, State/States, Koreas/Korea: inflection, not a slip
    if len(word) == len(right):
        return sum(a != b for a, b in zip(word, right)) == 1
    short, long_ = sorted((word, right), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_NAMED = ("person", "place", "org")
_CAPITAL = re.compile(r"([A-Z][\w.']*(?: [A-Z][\w.']*)*) capital\b")


def _capital_of(entry: Entry, glossary: Glossary) -> Entry | None:
    """The country a capital's glossary note names ("Chinese capital" → China), if any."""
    found = _CAPITAL.match(entry.note) if entry.type == "place" else None
    return next(glossary.english_index(found.group(1)), None) if found else None


def _metonym(written: Entry, source: Entry, glossary: Glossary) -> bool:
    """A capital for its country or the reverse (北京 → "China", 美國表示 → "Washington said"): in news a capital
    stands for its country's government, so either is a rendering of the other, not a wrong name."""
    return _capital_of(source, glossary) is written or _capital_of(written, glossary) is source


def _renders(entry: Entry, text: str) -> bool:
    """Whether `text`, as written in the English, is one of the entry's accepted renderings."""
    return entry.english_pattern.fullmatch(text) is not None


def _deficits(mentions: list[Mention], written: tuple[EnglishMention, ...], reported: set[int]) -> list[Mention]:
    """Source names (their first mention) the Chinese names more often than the English renders them.
    A rendering shared by two entities ("Korean": North and South Korea) counts for both."""
    counts: dict[int, list[Mention]] = {}
    for mention in mentions:
        if id(mention.entry) not in reported:
            counts.setdefault(id(mention.entry), []).append(mention)
    return [
        found[0] for found in counts.values()
        if len(found) > sum(1 for rendering in written if _renders(found[0].entry, rendering.text))
    ]


# Words that end in a transliteration character without being part of a name: 对于川普 is "as for Trump".
_ENDING_IN_TRANSLITERATION = ("对于", "关于", "由于", "位于", "至于", "属于", "等于", "在于", "基于", "鉴于", "出于",
                              "处于", "终于", "用于", "源于", "对於", "关於")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """A short glossary name inside a longer transliteration (卡尼 in 迪卡尼奥, Di Canio) is another person."""
    if end - start > 2:
        return False
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before and text[:start].endswith(_ENDING_IN_TRANSLITERATION):
        before = ""
    return bool(before and before in TRANSLITERATION) or bool(after and after in TRANSLITERATION)


def _spelling(word: str, entry: Entry) -> float:
    """How close a word is to an accepted spelling (Wiktoff ~ Witkoff): catches typos sound cannot."""
    from difflib import SequenceMatcher

    return max(SequenceMatcher(None, word.lower(), form.split()[-1].lower()).ratio() for form in entry.english)


# One-character abbreviations news Chinese uses for countries and regions (美烏代表 = U.S. and Ukrainian
# representatives): an entity they stand for is present in the source, not a substitute.
_ABBREVIATIONS = {
    "美": "美国", "英": "英国", "法": "法国", "德": "德国", "俄": "俄罗斯", "日": "日本", "韩": "韩国", "朝": "朝鲜",
    "中": "中国", "台": "台湾", "乌": "乌克兰", "欧": "欧洲", "澳": "澳大利亚", "加": "加拿大", "印": "印度",
    "以": "以色列", "伊": "伊朗", "土": "土耳其", "港": "香港", "越": "越南", "菲": "菲律宾", "泰": "泰国", "巴": "巴勒斯坦",
}


# What follows a one-character abbreviation in news Chinese: the side, army, media, nationals, firms, shares,
# capital, currency, nuclear file, government or leaders of that country (美方, 俄军, 日媒, 美籍, 英相, 台商, 港股,
# 欧元, 伊核, 港府, 美总统, 俄外长), or the relations between two (中美关系: see the neighbour test).
_ABBREVIATION_SUFFIXES = ("方", "军", "媒", "籍", "相", "企", "股", "裔", "资", "商", "元", "核", "府", "舰", "总统",
                          "总理", "首相", "外长", "防长", "政府", "官员", "关系", "驻")
# What precedes one: visiting, going to, posted to, for or against, living in that country (访美, 赴日, 驻美, 亲俄, 旅美).
_ABBREVIATION_PREFIXES = "访赴驻亲反抗旅留"


def _abbreviated(entry: Entry, source_norm: str) -> bool:
    """Whether the source names the entity by a one-character abbreviation (美乌代表, 中方, 赴美): only in such
    contexts, since the characters are ordinary words too (加 in 加入 is not Canada, 以 in 以及 not Israel)."""
    return any(_ABBREVIATIONS[source_norm[i]] in entry.keys for i in _abbreviation_positions(source_norm))


def _abbreviation_mentions(rest: str, glossary: Glossary) -> list[Mention]:
    """The entities a text names by abbreviation, as mentions one character long."""
    found = [(glossary.lookup(_ABBREVIATIONS[rest[i]]), i) for i in _abbreviation_positions(rest)]
    return [Mention(entry, rest[i], i, i + 1) for entry, i in found if entry is not None]


def _abbreviation_positions(text: str) -> Iterator[int]:
    def candidate(i: int) -> bool:
        if not 0 <= i < len(text) or text[i] not in _ABBREVIATIONS:
            return False
        return not (text[i] == "日" and i and text[i - 1].isdigit())  # 6日: a date, not Japan

    for i in range(len(text)):
        if candidate(i) and (candidate(i - 1) or candidate(i + 1) or text.startswith(_ABBREVIATION_SUFFIXES, i + 1)
                             or (i and text[i - 1] in _ABBREVIATION_PREFIXES)):
            yield i


def _entries_in(english: str, glossary: Glossary) -> list[Entry]:
    """Glossary entries whose English rendering occurs in the text (the entity the translator wrote)."""
    return list(glossary.english_index(english))


# Characters Chinese uses to spell foreign names by sound (Xinhua's transliteration table, simplified).
# A word made only of these, three or more long, is very likely a transliterated name: 博尔特尼科夫.
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查察达戴丹道德迪蒂丁东杜敦顿多厄恩尔法凡范菲费芬丰冯弗福伏盖甘冈高戈哥格根贡古瓜圭"
    "哈海汉豪赫黑亨洪胡华怀霍基吉季加贾简杰金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽连林琳卢鲁路伦罗洛马玛迈麦曼"
    "芒梅门蒙米密明莫默姆穆纳娜奈南内尼涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔切钦琴丘屈萨塞桑瑟森沙莎尚舍申什施舒斯松苏索塔泰坦汤"
    "唐特提汀通图托瓦万旺威韦维温沃乌伍武西希锡谢辛休修雅亚扬耶伊因英尤于约泽扎詹兹佐夫茨瑞娃"
)


def looks_transliterated(name: str) -> bool:
    return len(name) >= 3 and all(ch in TRANSLITERATION for ch in name)


class UnknownName(Rule):
    """A transliterated name outside the glossary has no plausible rendering in the translation.

    Why: names missing from every glossary still get misspelled; when the English holds a capitalized
    word that sounds unlike the Chinese name, an editor should look.
    Bad:  俄羅斯專家米哈伊洛夫表示 → "Russian expert Barnes said"
    Good: 俄羅斯專家米哈伊洛夫表示 → "Russian expert Mikhailov said"
    """

    code, name, severity = "N002", "unknown-name", Severity.INFO
    SIMILAR = SOUNDS_ALIKE  # a phrase of the English sounding at least this much like the name renders it

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        from audit.segment import person_names  # jieba's tagger is heavy: load it only when this rule runs

        glossary = ctx.glossary or Glossary()
        if not _RUN.search(pair.source_norm):
            return  # no transliterated name at all (most sentences)
        # A person from the glossary who is not in the source may be the wrong name; places and organisations cannot be.
        in_source = [m.entry for m in glossary.mentions(pair.source_norm)]
        not_people = [e for e in glossary.english_index(pair.target_norm) if e.type != "person"]
        candidates = [w for w in unexplained_names(pair.target_norm, in_source + not_people) if w not in pair.source_norm]
        if not candidates:
            return
        words = re.findall(r"[A-Z][A-Za-z'\-]+", pair.target_norm)
        phrases = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
        if not _unmatched_runs(pair.source_norm, glossary, phrases):
            return  # no name this rule could report: spare the tagger, the costliest step of the run
        names = [_widen(pair.source_norm, start, end) for start, end in person_names(pair.source_norm, glossary.words())]
        for start, end in dict.fromkeys(names):
            name = pair.source_norm[start:end]
            if glossary.lookup(name) is not None or not looks_transliterated(name) \
                    or best_transliteration(name, phrases)[1] >= self.SIMILAR:
                continue
            # A word the Chinese itself contains (Ariana Grande kept in Latin letters) or that sounds like
            # another name of the sentence is accounted for.
            others = [pair.source_norm[a:b] for a, b in names if (a, b) != (start, end)]
            suspects = [w for w in candidates if not any(similarity(o, w) >= self.SIMILAR for o in others)]
            if not suspects:
                continue
            found, _ = best_transliteration(name, suspects)
            shown = original_span(pair.source_text, pair.source_norm, start, end) or name
            yield self.finding(
                f'{shown} has no matching name in the translation; is "{found}" right?', pair,
                expected=" ".join(_pinyin(name)), found=found, source_marks=(shown,), target_marks=(found,),
            )


_RUN = re.compile(f"[{''.join(sorted(TRANSLITERATION))}]{{3,}}")


def _unmatched_runs(text: str, glossary: Glossary, phrases: list[str]) -> set[str]:
    """The names UnknownName could report, found without the tagger. A reported name is a tagged span widened
    over neighbouring transliteration characters (_widen) and made only of them, so it is a maximal run of
    three or more transliteration characters; it is no glossary form, and nothing in the English sounds like
    it. The tagger only decides which of these runs are people: without a run it cannot change the outcome."""
    return {run for run in _RUN.findall(text)
            if glossary.lookup(run) is None and best_transliteration(run, phrases)[1] < UnknownName.SIMILAR}


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Stretch a name over neighbouring transliteration characters jieba cut off (艾尔多|安 → 艾尔多安)."""
    while start > 0 and text[start - 1] in TRANSLITERATION:
        start -= 1
    while end < len(text) and text[end] in TRANSLITERATION:
        end += 1
    return start, end


def _pinyin(chinese: str) -> list[str]:
    from audit.lexicon.transliterate import pinyin_of

    return list(pinyin_of(chinese))
