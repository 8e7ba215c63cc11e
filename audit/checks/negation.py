"""Negation: a "not" on one side of a pair and none on the other."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.checks.names import TRANSLITERATION
from audit.lexicon.dictionary import content_stem, content_stems, english_stem, english_tokens, load_dictionary
from audit.lexicon.negation import NEGATING_CHARACTERS, correlative, english_negations, gloss_stems, lexical_negation, load_negation
from audit.model import AlignedPair, Finding, Severity

_CHARACTERS = frozenset(NEGATING_CHARACTERS)
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_UN = re.compile(r"^(?:un|non)-?([a-z]{4,})$|^([a-z]{4,})less$")


@dataclass
class ChineseNegations:
    """The negations of a Chinese sentence, with the stems of what each one negates."""

    words: list[str]  # words that negate (没有, 未能, 不)
    meaning: list[str]  # words negative in meaning only (不满 "dissatisfied"): may stand behind a "not"
    predicates: list[set[str]]  # per negating word: gloss stems of the word after it (未 [出席] 会议)


def chinese_negations(norm: str, names: frozenset[str] = frozenset()) -> ChineseNegations:
    """The jieba words of a (normalized) Chinese text that negate, and those negative in meaning only.
    Only the runs of Han characters that hold a negating character are cut (most sentences have none)."""
    found = ChineseNegations([], [], [])
    if not _CHARACTERS.intersection(norm):
        return found
    from audit.lexicon.fast.jieba_posseg import tagger  # loads in about 30 ms from the user cache

    lexicon, dictionary, cut = load_negation(), load_dictionary(), tagger(names).words
    for run in _HAN_RUN.finditer(norm):
        if not _CHARACTERS.intersection(run.group()):
            continue
        words = cut(run.group())
        at = run.start()
        for index, word in enumerate(words):
            start, at = at, at + len(word)
            if not _CHARACTERS.intersection(word) or _in_transliteration(norm, start, at):
                continue  # 莫里 of 莫里纳瑞 (Molinari) spells a sound
            kind = lexicon.kind(word)
            if kind == "negation":
                found.words.append(word)
                found.predicates.append({s for w in words[index + 1:index + 2] for s in dictionary.stems(w)})
            elif kind == "meaning":
                found.meaning.append(word)
    return found


def _in_transliteration(norm: str, start: int, end: int) -> bool:
    """Whether a word stands in a run of three or more transliteration characters (a foreign name)."""
    if not TRANSLITERATION.issuperset(norm[start:end]):
        return False
    while start > 0 and norm[start - 1] in TRANSLITERATION:
        start -= 1
    while end < len(norm) and norm[end] in TRANSLITERATION:
        end += 1
    return end - start >= 3


def _negative_affix(word: str) -> bool:
    """A word CC-CEDICT gives for a negated word (unfair, illegal), or un-/non-/-less on a base that its
    glosses use (unbeaten: beat; unpresidential: president; powerless: power)."""
    if word in load_negation().affixed:
        return True
    match = _UN.match(word)
    return bool(match) and english_stem(match.group(1) or match.group(2)) in gloss_stems()


def rendered_by_meaning(chinese: list[str], english: str) -> bool:
    """Whether the English says the Chinese negation by meaning: a word negative by meaning (lack, failed
    to, unable), a correlative (not only), a word with a negative affix (unfair, unbeaten), or a gloss of the Chinese word itself
    (不同 "different", 无疑 "undoubtedly")."""
    if lexical_negation(english) or correlative(english) or any(_negative_affix(word.lower()) for word in english_tokens(english)):
        return True
    stems, dictionary = set(content_stems(english)), load_dictionary()
    return any(stems.intersection(dictionary.stems(word)) for word in chinese if len(word) > 1)


def _english_predicates(english: str) -> set[str]:
    """The stem of the content word after each English negator (did not [attend] the meeting)."""
    out: set[str] = set()
    for match in re.finditer(r"\b(?:not|never|no|none|nobody|nothing|without|cannot)\b|n['’]t\b", english, re.I):
        following = [s for s in map(content_stem, english_tokens(english[match.end():])[:3]) if s]
        out.update(following[:1])
    return out


class NegationMismatch(Rule):
    """A negation on one side of a pair and none on the other.

    Why: a dropped or added "not" reverses what a sentence says while every name and number in it stays
    right, so no other rule sees it. A warning when a plain negator (不, 未, 从未; not) stands before words
    found on the other side (the same statement, its polarity reversed), an info when the sentence is
    rephrased around the negation or the negating word is an idiom (不堪, 无奈), and when both sides negate
    but one more often than the other.
    Bad:  他未出席會議。 → "He attended the meeting."
    Good: 他未出席會議。 → "He did not attend the meeting."
    """

    code, name, severity = "M001", "negation-mismatch", Severity.WARNING
    severity_note = "info when the sentence is rephrased around the negation"

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        names = ctx.glossary.words() if ctx.glossary is not None else frozenset()  # type: ignore[attr-defined]
        chinese = chinese_negations(pair.source_norm, names)
        english = english_negations(pair.target_norm)
        if chinese.words and not english and not rendered_by_meaning(chinese.words, pair.target_norm):
            stems, lexicon = set(content_stems(pair.target_norm)), load_negation()
            same = any(predicate & stems for word, predicate in zip(chinese.words, chinese.predicates) if lexicon.plainly(word))
            words = tuple(dict.fromkeys(chinese.words))
            yield self.finding(
                f"Negation differs: the source says {'、'.join(words)}, the translation has no negation", pair,
                severity=None if same else Severity.INFO, expected=" ".join(words), found="no negation",
                source_marks=tuple(w for w in words if w in pair.source_text),
            )
        elif english and not chinese.words and not chinese.meaning:
            chinese_stems = {s for _, _, stems in load_dictionary().words_in(pair.source_norm, 2) for s in stems}
            same = bool(_english_predicates(pair.target_norm) & chinese_stems)
            marks = tuple(dict.fromkeys(english))
            yield self.finding(
                f"Negation differs: the translation says {', '.join(repr(m) for m in marks)}, "
                "the source has no negation", pair,
                severity=None if same else Severity.INFO, expected="no negation", found=" ".join(marks),
                target_marks=tuple(m for m in marks if m in pair.target_text),
            )
        elif english and len(plain := [w for w in chinese.words if load_negation().plainly(w)]) > len(english) \
                and not rendered_by_meaning(chinese.words, pair.target_norm):
            yield self.finding(
                f"Negation differs: the source negates {len(plain)} times ({'、'.join(dict.fromkeys(plain))}), "
                f"the translation {len(english)} ({', '.join(map(repr, dict.fromkeys(english)))})", pair,
                severity=Severity.INFO, expected=f"{len(plain)} negations", found=" ".join(english),
                source_marks=tuple(w for w in dict.fromkeys(plain) if w in pair.source_text),
            )
        elif chinese.words and english and len(english) > len(chinese.words) + len(chinese.meaning):
            marks = tuple(dict.fromkeys(english))
            yield self.finding(
                f"Negation differs: the translation negates {len(english)} times ({', '.join(map(repr, marks))}), "
                f"the source {len(chinese.words)} ({'、'.join(dict.fromkeys(chinese.words))})", pair,
                severity=Severity.INFO, expected=f"{len(chinese.words)} negations", found=" ".join(english),
                target_marks=tuple(m for m in marks if m in pair.target_text),
            )
