"""Names: a person, place or organisation in the Chinese must appear, correctly spelled, in the English."""

from __future__ import annotations

import re
from typing import Iterator

from audit.checks.base import Context, Rule, original_span
from audit.lexicon.glossary import Entry, Glossary
from audit.lexicon.transliterate import similarity
from audit.model import AlignedDocument, AlignedPair, Finding, Severity

_CAPITALIZED = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?![A-Za-z])")
# Capitalized words that are not names: titles, calendar words, frequent sentence openers.
_NOT_NAMES = frozenset(
    """President Prime Minister Secretary Envoy Special Chairman Chairwoman Premier Vice General Director
    Chancellor Governor Senator Representative King Queen Prince Princess Pope Ambassador Spokesman
    Spokeswoman Mr Mrs Ms Dr Professor Sir Lord Lady Chief Commander Minister Foreign Defense Defence
    Ministry Department State Office House Council Committee Party Army Navy Air Force Agency Intelligence
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    The A An In On At For As After Before When While There This That These Those But And Or If Earlier Later
    Meanwhile However Following Overall Subsequently Both Some Many Its His Her Their Our We They He She It
    North South East West Northern Southern Eastern Western Central New Old Great United Republic
    Democratic People Peoples National International Federal Supreme Court Parliament Congress Senate""".split()
)


def unexplained_names(english: str, explained: list[Entry]) -> list[str]:
    """Capitalized words of the English that no glossary entry accounts for: candidates for a wrong name."""
    masked = english.replace("’", "'")
    for entry in explained:
        masked = entry.english_pattern.sub(lambda m: " " * len(m.group()), masked)
    return [w for w in _CAPITALIZED.findall(masked) if w not in _NOT_NAMES]


def best_transliteration(chinese: str, candidates: list[str]) -> tuple[str, float]:
    scored = [(word, similarity(chinese, word)) for word in candidates]
    return max(scored, key=lambda item: item[1], default=("", 0.0))


class NameMismatch(Rule):
    """A name from the glossary is missing from its translation, or rendered with another spelling.

    Why: a wrong name is the most damaging error a news translation can carry, and spell-checkers cannot
    see it. Expected renderings come from the user's glossary and the bundled news-name glossary.
    Bad:  美國特使威特科夫 → "U.S. special envoy Whitaker"
    Good: 美國特使威特科夫 → "U.S. special envoy Witkoff"
    """

    code, name, severity = "N001", "name-mismatch", Severity.ERROR

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        glossary = ctx.glossary
        if not isinstance(glossary, Glossary):
            return
        for index, pair in enumerate(doc.pairs):
            if not pair.source or not pair.target:
                continue  # an omission is the omission rule's business
            mentions = {id(m.entry): m for m in glossary.mentions(pair.source_norm)}
            entries = [m.entry for m in mentions.values()]
            nearby = " ".join(p.target_norm for p in doc.pairs[max(0, index - 1):index + 2])
            for mention in mentions.values():
                entry = mention.entry
                if entry.found_in(pair.target_norm) or entry.found_in(nearby):
                    continue  # present (perhaps one sentence off: alignment slack is not a name error)
                finding = self._missing(pair, entry, original_span(pair.source, mention.start, mention.end), entries, glossary)
                if finding is not None:
                    finding.pair_index = index
                    yield finding

    def _missing(self, pair: AlignedPair, entry: Entry, shown: str, entries: list[Entry], glossary: Glossary) -> Finding | None:
        candidates = unexplained_names(pair.target_norm, entries + _entries_in(pair.target_norm, glossary))
        found, score = best_transliteration(shown, candidates)
        expected = " / ".join(entry.english[:3])
        if entry.type == "person":
            if found and score >= 0.5:
                return self.finding(
                    f'{shown} rendered "{found}"; expected "{entry.preferred}"', pair,
                    expected=expected, found=found, suggestion=f"{found} → {entry.preferred}",
                    source_marks=(shown,), target_marks=(found,),
                )
            return self.finding(
                f'{shown} ({entry.preferred}) not found in the translation', pair, severity=Severity.WARNING,
                expected=expected, source_marks=(shown,),
            )
        # Places and organisations are often elided legitimately (美國白宮 → "the White House"): only a
        # different entity of the same kind standing in their place is worth an editor's time.
        substitutes = [
            e for e in _entries_in(pair.target_norm, glossary)
            if e.type == entry.type and e not in entries and not _abbreviated(e, pair.source_norm)
        ]
        if not substitutes:
            return None
        other = substitutes[0].found_in(pair.target_norm)
        found = other.group() if other else substitutes[0].preferred
        return self.finding(
            f'{shown} rendered "{found}"; expected "{entry.preferred}"', pair, severity=Severity.WARNING,
            expected=expected, found=found, suggestion=f"{found} → {entry.preferred}",
            source_marks=(shown,), target_marks=(found,),
        )


# One-character abbreviations news Chinese uses for countries and regions (美烏代表 = U.S. and Ukrainian
# representatives): an entity they stand for is present in the source, not a substitute.
_ABBREVIATIONS = {
    "美": "美国", "英": "英国", "法": "法国", "德": "德国", "俄": "俄罗斯", "日": "日本", "韩": "韩国", "朝": "朝鲜",
    "中": "中国", "台": "台湾", "乌": "乌克兰", "欧": "欧洲", "澳": "澳大利亚", "加": "加拿大", "印": "印度",
    "以": "以色列", "伊": "伊朗", "土": "土耳其", "港": "香港", "越": "越南", "菲": "菲律宾", "泰": "泰国", "巴": "巴勒斯坦",
}


def _abbreviated(entry: Entry, source_norm: str) -> bool:
    return any(_ABBREVIATIONS.get(ch) in entry.keys for ch in set(source_norm))


def _entries_in(english: str, glossary: Glossary) -> list[Entry]:
    """Glossary entries whose English rendering occurs in the text (the entity the translator wrote)."""
    return list(glossary.english_index(english))


class UnknownName(Rule):
    """A transliterated name outside the glossary has no plausible rendering in the translation.

    Why: names missing from every glossary still get misspelled; when the English holds a capitalized
    word that sounds unlike the Chinese name, an editor should look.
    Bad:  佩斯科夫表示 → "Kushner said"
    Good: 佩斯科夫表示 → "Peskov said"
    """

    code, name, severity = "N002", "unknown-name", Severity.WARNING

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        from audit.segment import person_names  # jieba's tagger is heavy: load it only when this rule runs

        glossary = ctx.glossary if isinstance(ctx.glossary, Glossary) else Glossary()
        # A person from the glossary who is not in the source may be the wrong name; places and organisations cannot be.
        in_source = [m.entry for m in glossary.mentions(pair.source_norm)]
        not_people = [e for e in glossary.english_index(pair.target_norm) if e.type != "person"]
        candidates = unexplained_names(pair.target_norm, in_source + not_people)
        if not candidates:
            return
        for start, end in person_names(pair.source_norm, glossary.words()):
            name = pair.source_norm[start:end]
            if glossary.lookup(name) is not None:
                continue
            words = re.findall(r"[A-Z][A-Za-z'\-]+", pair.target_norm)
            phrases = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
            _, best = best_transliteration(name, phrases)
            if best >= 0.5:
                continue
            found, _ = best_transliteration(name, candidates)
            shown = original_span(pair.source, start, end)
            yield self.finding(
                f'{shown} has no matching name in the translation; is "{found}" right?', pair,
                expected=" ".join(_pinyin(name)), found=found, source_marks=(shown,), target_marks=(found,),
            )


def _pinyin(chinese: str) -> list[str]:
    from audit.lexicon.transliterate import pinyin_of

    return list(pinyin_of(chinese))
