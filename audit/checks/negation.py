"""Negation: a "not" on one side of a pair where the words it negates stand un-negated on the other."""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from audit.checks.base import Context, Rule
from audit.lexicon.dictionary import content_stem, english_stem, load_dictionary
from audit.lexicon.evidence import en_clauses, zh_clauses
from audit.lexicon.negation import (NEGATING_CHARACTERS, english_negation_spans, gloss_stems, lexical_negation_spans,
                                    load_negation, meaning_negation_spans)
from audit.lexicon.transliterate import TRANSLITERATION
from audit.model import AlignedPair, Finding, Severity
from audit.normalize import original_span
from audit.remembered import SENTENCES, WORDS
from audit.text import HAN_RUN

_CHARACTERS = frozenset(NEGATING_CHARACTERS)
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’-]*")  # english_tokens' words, with their offsets
# jieba's tags of words a negator does not negate but passes over: adverbs, prepositions, pronouns,
# conjunctions, particles, numerals and measure words (ICTCLAS tag set, as jieba's dictionary uses it).
_FUNCTION_TAGS = frozenset("dprcumqy")
_AFFIX = re.compile(r"^(?:un|in|im|ir|il|dis|non)-?([a-z]{4,})$|^([a-z]{4,})less$")
# The negative quantifiers, and the words of comparison and exception (CGEL ch. 9, 13) with which English
# says an exclusive or superlative word by a negation.
_QUANTIFIERS = frozenset(("no", "none", "nobody", "nothing", "nowhere"))
_COMPARING = re.compile(r"\b(?:more|less|fewer|better|worse|rather|than|last|least|ever|but|except|else|unless|until|till)\b",
                        re.IGNORECASE)
_UN = re.compile(r"^(?:un|non)-?([a-z]{4,})$|^([a-z]{4,})less$")

@dataclass(frozen=True, slots=True)
class Negator:
    """A negating word of one side, where it stands, and the stems of what it negates."""

    word: str
    start: int
    end: int
    scope: frozenset[str]
    head: frozenset[str]  # the stems of the first word it negates (未[出席]会议; not [attend] the meeting)
    reach: int = 0  # where what it negates ends (offset into the text)
    plain: bool = True  # a plain negator (不, 未, not), not a lexicalised compound (不堪, 无奈); not an adverb (非常)


@dataclass(frozen=True, slots=True)
class Word:
    """A word of one side with its stems (a CC-CEDICT word's glosses, an English word's stem)."""

    start: int
    end: int
    stems: frozenset[str]


class NegationMismatch(Rule):
    """A negation on one side of a pair and none where its counterpart stands on the other.

    Why: a dropped or added "not" reverses what a sentence says while every name and number in it stays
    right, so no other rule sees it. A negator is compared with the words it negates: 未出席 "did not
    attend" is a negation differing when the English has "attended" in a clause with no negator (nor a word
    negative in meaning: failed, lack, unable), and "did not attend" when the Chinese has 出席 in a clause
    with none. A negation whose words are not found on the other side is a rephrasing: no finding, or an
    info when that side says no negation in any form. Its objects found without the verb it negates may be an
    antonym's (不要插手歐盟政策 "stay away from EU policy"): an info.
    Bad:  他未出席會議。 → "He attended the meeting."
    Good: 他未出席會議。 → "He did not attend the meeting."
    """

    code, name, severity = "M001", "negation-mismatch", Severity.WARNING
    severity_note = ("info when a single word of what it negates is found on the other side, or for a dropped "
                     "negation its objects without its verb, or none and the other side negates nowhere")
    SUBJECT_WORDS = 2  # content words before an English negator, in its clause (its subject: [prices] did not rise); NTREX dev: 0.55 -> 0.61 of inserted negations found, one more warning
    SCOPE_WORDS = 4  # content words after an English negator, in its clause, that it negates (not [attend] the [meeting])
    STRONG = 3  # words of a dropped negation's part found in the English for a warning (the first counts twice, thrice when it is all); NTREX dev
    STRONG_ADDED = 2  # the same of an added negation's part in the Chinese: its words are the translator's own; NTREX dev
    SCOPE_REACH = 6  # jieba words after a Chinese negator, in its clause, that it negates (未从美国身上看到)

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        zh, en = pair.source_norm, pair.target_norm
        english = english_negators(en)
        if not english and not _CHARACTERS.intersection(zh):
            return  # most pairs: neither side negates
        names = ctx.glossary.words() if ctx.glossary is not None else frozenset()  # type: ignore[attr-defined]
        chinese, meaning = chinese_negations(zh, names)
        plain = [n for n in chinese if n.plain]
        # A negating word glossed with a negative affix (无法 "unable", 不清楚 "unclear") is dropped where the
        # translation says the base (able, clear) un-negated, whether it negates plainly or in meaning only.
        antonymous = [n for n in (*chinese, *meaning) if n.plain and negated_glosses(n.word)]
        if plain or antonymous:
            yield from self.dropped(pair, chinese, english, antonymous, meaning)
        # The translation negates more often (an exclusive or superlative word, 只 or 最, is said with a
        # negation only where it stands: it is counted by where it reaches, not here).
        limiting = load_negation().limiting
        # A word negative in meaning that the translation renders by its own gloss (阻止 "prevent") is no
        # counterpart of an English negator, and reaches none of the words the negator negates.
        meaning = tuple(n for n in meaning if not self.glossed(n, en)) if english and meaning else meaning
        counted = [n for n in meaning if n.plain and n.word not in limiting]
        available = len(chinese) + len(counted) - self.elsewhere(counted, english, zh)
        if len(english) > available or english and len(english) > available - self.said_in_words(en):
            yield from self.added(pair, english, [*chinese, *meaning])

    @staticmethod
    def said_in_words(en: str) -> int:
        """How many negations an English text says without a negator: by meaning (lack, unable, non-UK) or by a
        negative affix (unhappy, inexorable); each renders a Chinese one, which then stands behind no negator
        (令人不开心 "an unhappy milestone": an added "will not have to" beside it is a negation more)."""
        spans = meaning_negation_spans(en)
        return len(spans) + sum(1 for w in english_words(en) if negative_affix(en[w.start:w.end].lower())
                                and not any(a <= w.start < b for a, b in spans))

    @staticmethod
    def elsewhere(meaning: Sequence[Negator], english: Sequence[Negator], zh: str) -> int:
        """How many Chinese words negative in meaning stand in a clause that holds none of the words the English
        negators negate, when the Chinese says some of them: such a word renders no English negator, and does
        not make the Chinese negate as often (…不断发送讯息，而他们…正参与海滩的庆祝活动 "sent messages to the
        competitors, who were not taking part in the beach festival": 不断 "continuously" says the sending)."""
        if not meaning:
            return 0
        anchors = [a for a, b, stems in load_dictionary().words_in(zh)
                   if b - a > 1 and any(n.scope.intersection(stems) for n in english)]
        if not anchors:
            return 0  # nothing to place the English negation by: any of them may render it
        clauses = zh_clauses(zh)
        return sum(1 for n in meaning if not any(
            low <= n.start < high and any(low <= a < high for a in anchors) for low, high in clauses))

    @staticmethod
    def glossed(negation: Negator, en: str) -> bool:
        """Whether the translation says a Chinese word negative in meaning, with no negating character, by one
        of its own glosses (阻止 "prevent", 拒绝 "refuse"): it is rendered there, and is no counterpart of an
        English negator. A word with one (无罪 "not guilty", 无暇 "have no time") is glossed with a negation:
        its gloss found may be what the English negator negates."""
        if not _CHARACTERS.isdisjoint(negation.word):
            return False
        own = own_stems(negation.word)
        return bool(own) and any(word.stems & own for word in english_words(en))

    def dropped(self, pair: AlignedPair, chinese: Sequence[Negator], english: Sequence[Negator],
                antonymous: Sequence[Negator] = (), meaning: Sequence[Negator] = ()) -> Iterator[Finding]:
        """A plain Chinese negation whose words the English renders where it does not negate, or a negating word
        whose affixed gloss's base it says un-negated (无法 "unable" / "was able to"), when the Chinese negates
        more often (any negating word: 非政府 is rendered by "nongovernmental")."""
        zh, en = pair.source_norm, pair.target_norm
        plain = [n for n in chinese if n.plain]
        en_words = english_words(en)
        opposite = self.opposite(antonymous, en, en_words, english) if antonymous else []
        chinese = [*chinese, *(n for n in opposite if n not in chinese)]
        # The translation negates as often (a negation moved is no negation lost): counted cheapest first, the
        # negatively affixed words (a look-up per word) only when the negators and lexical negations fall short.
        heads = frozenset().union(*(n.head for n in plain))
        said = len(english) + len(self.lexical(en, heads))
        if len(chinese) <= said:
            return
        # An affixed word that renders a word negative in meaning by its gloss (不幸 "unfortunately") is that word's,
        # not a counterpart of the negations counted here.
        rendered = frozenset().union(*(own_stems(n.word) for n in meaning if n not in chinese))
        if len(chinese) <= said + sum(1 for w in en_words if negative_affix(en[w.start:w.end].lower())
                                      and rendered.isdisjoint(w.stems)):
            return
        dropped = {n: found for n in plain if (found := self.unmatched_zh(n, en, en_words, english))}
        dropped.update((n, self.STRONG) for n in opposite if n not in dropped)
        what = "does not negate what it negates"
        if not dropped and not english and self.bare(en, en_words):
            # The translation negates nowhere, in no form: a negation whose words it renders otherwise
            # (未成功发送 "were delivered") is an info, the words it negates having no counterpart to compare.
            dropped = {n: 0 for n in plain if n.scope and not any(w.stems & own_stems(n.word) for w in en_words)}
            what = "has no negation"
        if dropped:
            words = tuple(dict.fromkeys(n.word for n in dropped))
            yield self.finding(
                f"Negation differs: the source says {'、'.join(words)}, the translation {what}", pair,
                severity=self.severity_of(dropped.values(), self.STRONG), expected=" ".join(words),
                found="no negation there",
                source_marks=tuple(dict.fromkeys(original_span(pair.source_text, zh, n.start, n.end) or n.word for n in dropped)),
            )

    def opposite(self, negations: Sequence[Negator], en: str, words: Sequence[Word],
                 english: Sequence[Negator]) -> list[Negator]:
        """The negating words whose affixed gloss's base the English says in a clause with no negation."""
        marks = [(n.start, n.end) for n in english] + lexical_negation_spans(en)
        return [n for n in negations if any(
            w.stems & negated_glosses(n.word) and not self.near(w, marks, en) for w in words)]

    def added(self, pair: AlignedPair, english: Sequence[Negator], negations: list[Negator]) -> Iterator[Finding]:
        """An English negation whose words the Chinese says where nothing negates them; or, as an info, any
        English negation where the Chinese has no negating word at all (nor one negative in meaning, exclusive
        or superlative)."""
        en = pair.target_norm
        added = {n: found for n in english if (found := self.unmatched_en(n, pair.source_norm, self.reaching(n, en, negations)))}
        what = "does not negate what it negates"
        if not added and not negations and _CHARACTERS.isdisjoint(pair.source_norm):
            added, what = {n: 0 for n in english}, "has no negation"
        if added:
            marks = tuple(dict.fromkeys(n.word for n in added))
            yield self.finding(
                f"Negation differs: the translation says {', '.join(repr(m) for m in marks)}, the source {what}",
                pair, severity=self.severity_of(added.values(), self.STRONG_ADDED),
                expected="no negation", found=" ".join(marks), target_marks=tuple(m for m in marks if m in pair.target_text),
            )

    @staticmethod
    def reaching(negator: Negator, en: str, negations: list[Negator]) -> list[Negator]:
        """The Chinese negations that may stand behind an English negator: an exclusive or superlative word (只
        "only", 最 "most") only where English says it with a negation, by a negative quantifier (nobody, nothing:
        只有自己 "nobody to help you") or beside a comparison or an exception in the negator's clause (CGEL ch. 9 and
        13: "no more than", "could not have come at a worse time", "not until", "nothing but", "never … better")."""
        limiting = load_negation().limiting
        if all(n.word not in limiting for n in negations) or negator.word.lower() in _QUANTIFIERS:
            return negations
        low, high = next(((a, b) for a, b in en_clauses(en) if a <= negator.start < b), (0, len(en)))
        if _COMPARING.search(en, low, high):
            return negations
        return [n for n in negations if n.word not in limiting]

    @staticmethod
    def severity_of(evidence: Iterable[int], strong: int) -> Severity:
        return Severity.WARNING if max(evidence) >= strong else Severity.INFO

    @staticmethod
    def bare(en: str, words: Sequence[Word]) -> bool:
        """Whether an English text says no negation in any form: no negator, no word negative in meaning
        (lack, fail), no word with a negative prefix or suffix on a base CC-CEDICT's glosses use (unfit,
        inexpressible, powerless)."""
        if lexical_negation_spans(en):
            return False
        return not any(affixed_base(w) and affixed_base(w)[0] in gloss_stems() or negative_affix(w)
                       for w in (en[word.start:word.end].lower() for word in words))

    def unmatched_zh(self, negator: Negator, en: str, words: Sequence[Word], english: Sequence[Negator]) -> int:
        """How many of the words a Chinese negator negates are in the English, when none of them is near a
        negation (0: none found, or one negated)."""
        found = [w for w in words if w.stems & negator.scope]
        if not found or any(w.stems & (own_stems(negator.word) - negated_glosses(negator.word)) for w in words):
            return 0  # not found: rephrased; its own gloss found (不同 "different"), not an affixed one's base (able)
        if any(negator.scope.intersection(affixed_base(en[w.start:w.end].lower())) for w in words):
            return 0  # said by an affix on what it negates: 无法替代 "irreplaceable", 不诚实 "dishonest"
        marks = [(n.start, n.end) for n in english] + self.lexical(en, negator.head)
        # An affixed word (unbeaten, nongovernmental) negates itself, not its clause's other words.
        if any(self.near(w, marks, en) or negative_affix(en[w.start:w.end].lower()) for w in found):
            return 0
        head = any(w.stems & negator.head for w in found)
        if not head:  # its objects said without the verb: an antonym may say it (不要插手 "stay away from")
            return min(len({s for w in found for s in w.stems}), self.STRONG - 1)
        return len({s for w in found for s in w.stems}) + 1 + (negator.scope == negator.head)

    @staticmethod
    def lexical(en: str, negated: frozenset[str]) -> list[tuple[int, int]]:
        """Where the English says a negation by meaning (audit.lexicon.negation.lexical_negation_spans), save a
        word that is what a Chinese negator negates (`negated`: its head's stems): 不会失败 "will fail" renders
        失败 by "fail", not the negation (未能成功 "failed" renders 未能)."""
        spans = lexical_negation_spans(en)
        if not negated or not spans:
            return spans
        kept = []
        for start, end in spans:
            words = english_words(en[start:end])
            if not (words and negated.intersection(words[0].stems)):
                kept.append((start, end))
        return kept

    @staticmethod
    def near(word: Word, marks: list[tuple[int, int]], en: str) -> bool:
        """Whether a negation stands in the clause of `word`."""
        low, high = next(((a, b) for a, b in en_clauses(en) if a <= word.start < b), (0, len(en)))
        return any(low <= start < high for start, _ in marks)

    def unmatched_en(self, negator: Negator, zh: str, negations: list[Negator]) -> int:
        """How many of the words an English negator negates are in the Chinese, when none of them stands where
        a Chinese negation reaches (the rest of its clause; the next word of one negative in meaning only)."""
        found = [(a, stems) for a, b, stems in load_dictionary().words_in(zh) if b - a > 1 and negator.scope.intersection(stems)]
        if not found or any(n.start <= start < n.reach for start, _ in found for n in negations):
            return 0
        stems = {s for _, found_stems in found for s in found_stems}
        return len(negator.scope & stems) + bool(negator.head & stems)


@lru_cache(maxsize=SENTENCES)
def chinese_negations(norm: str, names: frozenset[str] = frozenset()) -> tuple[tuple[Negator, ...], tuple[Negator, ...]]:
    """The negating jieba words of a (normalized) Chinese text, and the words negative in meaning only
    (不满 "dissatisfied", 缺乏 "to lack"). Only the runs of Han characters that hold a negating character are
    cut (most sentences have none). Remembered per text: cutting them was half of the rule's time, and an
    article's sentences recur (a revision audited again, the same text in several files)."""
    negating: list[Negator] = []
    lexicon = load_negation()
    words = load_dictionary().words_in(norm)
    meaning = [Negator(norm[a:b], a, b, frozenset(), frozenset(), _clause_end(norm, a))
               for a, b, _ in words
               if b - a > 1 and norm[a:b] in lexicon.lexical or norm[a:b] in lexicon.limiting]
    if meaning:  # 最 of 最终 "final" or 最高法院 "supreme court" limits nothing: a longer word holds it
        inside = {a for a, b, _ in words if b - a > 1 and norm[a:b] not in lexicon.limiting and norm[a:b] not in lexicon.holding}
        contrastive = _contrastive()
        meaning = [n for n in meaning if not (n.end - n.start == 1 and n.start in inside) and n.word not in contrastive]
    if not _CHARACTERS.intersection(norm):
        return (), tuple(meaning)
    from audit.lexicon.fast.jieba_posseg import tagger  # loads in about 30 ms from the user cache

    jieba = tagger(names)
    runs = list(HAN_RUN.finditer(norm))
    cuts: dict[int, list[str]] = {}  # each run cut once, and only when asked for

    def cut(k: int) -> list[str]:
        if k not in cuts:
            cuts[k] = jieba.words(runs[k].group())
        return cuts[k]

    for k, run in enumerate(runs):
        if not _CHARACTERS.intersection(run.group()):
            continue
        words = cut(k)
        at = run.start()
        for index, word in enumerate(words):
            start, at = at, at + len(word)
            if not _CHARACTERS.intersection(word) or _in_transliteration(norm, start, at):
                continue  # 莫里 of 莫里纳瑞 (Molinari) spells a sound
            if _a_not_a(norm, start, word, words[index + 1] if index + 1 < len(words) else ""):
                continue  # 会不会, 是不是: a question, whether or not, that negates nothing
            if _degree_complement(word, words[index - 1] if index else "", lexicon.degree, jieba.tag):
                continue  # 痛苦不堪 "utterly miserable": 不堪 says how much, it negates nothing
            bound = word + words[index + 1] if len(word) == 1 and index + 1 < len(words) else ""
            if lexicon.known(bound):
                word = bound  # 不 before 实: CC-CEDICT's 不实 "untrue" is a word of its own, judged as one
            kind = lexicon.kind(word)
            if kind == "negation":
                # The rest of a bound auxiliary is no word it negates (办法 "means" of 没办法 "one can't"), whether
                # jieba joined it (没办法) or cut it off (没 办法).
                auxiliary = word in lexicon.bound
                after = index + 1 + (auxiliary and word == bound)
                following = words[after:after + NegationMismatch.SCOPE_REACH]
                if len(following) < NegationMismatch.SCOPE_REACH:
                    following += _beyond(norm, runs, k, cut, NegationMismatch.SCOPE_REACH - len(following))
                following = _relative_clause(following, jieba.tag)
                scope, head = _scope("" if auxiliary else _negated_part(word), following, jieba.tag)
                # After a superlative or exclusive word (CC-CEDICT's "most", "only": 最不需要 "the least needed",
                # "the last thing they needed") the negation is a degree or a limit, said in English by "least",
                # "last" or "only": no plain negator to find there.
                superlative = index > 0 and words[index - 1] in lexicon.limiting
                # A negating adjective or idiom (jieba's a, i, l: 不久 "soon", 没想到 "unexpectedly") holds its
                # negation inside itself: the words after it are said, not negated (不久出生: was born).
                negating.append(Negator(word, start, at, scope, head, _clause_end(norm, start),
                                        lexicon.plainly(word) and not superlative and jieba.tag(word)[:1] not in "ail"))
            elif kind == "meaning" and word not in _contrastive():  # 不满 "dissatisfied": itself and the next word
                # An adverb negative in a gloss only (非常 "unusually", 不断 "unceasingly": jieba's d) says how,
                # not that something is not: no English negator renders it (plain=False), though it reaches.
                meaning.append(Negator(word, start, at, frozenset(), frozenset(),
                                       at + len(words[index + 1]) if index + 1 < len(words) else at, jieba.tag(word)[:1] != "d"))
    return tuple(negating), tuple(meaning)


# What may stand between two runs of Han characters inside one clause: spaces, words kept in Latin letters and
# figures. A negator reaches past them (不要 FBI 调查: 调查 is what it negates); a name is said alike with or
# without a negation, so they are no evidence of what it negates.
_BETWEEN = re.compile(r"(?:\s|[A-Za-z0-9][A-Za-z0-9.'’&-]*)*")  # a spaced dash (" - ") breaks a clause


def _beyond(norm: str, runs: list[re.Match[str]], k: int, cut: Callable[[int], list[str]], most: int) -> list[str]:
    """Up to `most` words of the runs of Han characters after run `k` that nothing but spaces, Latin words and
    figures separate from it: what a negator at the end of its run negates when its clause goes on past a name
    kept in Latin letters."""
    out: list[str] = []
    for j in range(k + 1, len(runs)):
        if len(out) >= most or not _BETWEEN.fullmatch(norm, runs[j - 1].end(), runs[j].start()):
            break
        out += cut(j)
    return out[:most]


@lru_cache(maxsize=1)
def _contrastive() -> frozenset[str]:
    """The limiting words that are contrastive conjunctions too (不过, 只是: jieba's c, CC-CEDICT's "however"): a
    sentence they open says "but", not "only", and no English negation renders them."""
    from audit.lexicon.fast.jieba_posseg import tagger

    tag = tagger().tag
    return frozenset(w for w in load_negation().limiting if tag(w)[:1] == "c" and english_stem("however") in own_stems(w))


def _a_not_a(norm: str, start: int, word: str, after: str) -> bool:
    """Whether a negator stands in an A-not-A question (会不会 "will it?", 有没有, 好不好): after the very
    word it negates (its own rest, or, for a lone negator, the word that follows it)."""
    rest = "".join(c for c in word if c not in _CHARACTERS) or after
    return bool(rest) and (norm.endswith(rest, 0, start) or norm.endswith(rest[0], 0, start))  # 喜欢不喜欢, 喜不喜欢


def _relative_clause(following: list[str], tag: Callable[[str], str]) -> list[str]:
    """The words a negator negates end where a relative clause it stands in does: at a 的 after a verb or an
    adjective (不让父母发现的[秘密帐号]: the accounts are not negated, "secret accounts they hide")."""
    for at in range(1, len(following)):
        if following[at] == "的" and tag(following[at - 1])[:1] in ("v", "a"):
            return following[:at]
    return following


def _degree_complement(word: str, before: str, degree: frozenset[str], tag: Callable[[str], str]) -> bool:
    """Whether a word is, or ends with, a degree adverb that some negators are (不堪 "utterly") standing as a
    complement: after an adjective or a verb, in one jieba word (痛苦不堪) or after one (残破 不堪)."""
    if word in degree:
        return tag(before)[:1] in ("a", "v")
    return any(word.endswith(d) and len(word) > len(d) for d in degree)


def _scope(joined: str, following: list[str], tag: Callable[[str], str]) -> tuple[frozenset[str], frozenset[str]]:
    """The gloss stems of what a Chinese negator negates: the rest of a word jieba joined it with (看不到),
    and the content words after it in its clause (未从美国身上[看到]), function words passed over; and those
    of the first of them."""
    glossed = [(stems, tag(w)[:1]) for w in [joined, *following]
               if (stems := _glosses(w)) and tag(w)[:1] not in _FUNCTION_TAGS]
    # What is negated is a verb or an adjective where the clause has one (不让父母[发现]: the parents are who
    # would discover, not what is denied); a noun only where none follows (没有[钱]); never a time word (t), an
    # adjunct that says when (不让他在[星期六]…上场: "benched for Saturday's matches"), or a directional
    # complement jieba reads as one (撑不[过去]).
    head = next((stems for stems, kind in glossed if kind in "va"),
                next((stems for stems, kind in glossed if kind != "t"), ()))
    return frozenset(s for stems, _ in glossed for s in stems), frozenset(head)


def _clause_end(norm: str, at: int) -> int:
    return next((end for start, end in zh_clauses(norm) if start <= at < end), len(norm))


def _glosses(word: str) -> tuple[str, ...]:
    """A word's CC-CEDICT gloss stems, or those of the dictionary words inside a jieba word CC-CEDICT does not
    list (出席会议: 出席 "attend", 会议 "meeting"), or of its characters when no word of two is inside (城里: 城
    "city, town", 里 "inside")."""
    dictionary = load_dictionary()
    return dictionary.stems(word) or tuple(s for _, _, stems in dictionary.words_in(word, 2) for s in stems) \
        or tuple(s for _, _, stems in dictionary.words_in(word) for s in stems)


def _negated_part(word: str) -> str:
    """The rest of a negated word jieba joined (看不到 → 看到, 不需要 → 需要); '' for a lone negator, and for a
    single bound character (不会, 无法, 不让): its own glosses are those of an auxiliary or of an unrelated
    word (会 "to balance an account", 法 "law"), and what is negated follows it."""
    rest = "".join(c for c in word if c not in _CHARACTERS)
    return rest if len(rest) > 1 else ""


@lru_cache(maxsize=WORDS)
def own_stems(word: str) -> frozenset[str]:
    """The glosses of a negating word of two characters or more (不同 "different", 无疑 "undoubtedly"), less what
    only its negated senses say (不会 "not having learned to do sth": "learned" is what it negates)."""
    if len(word) < 2:
        return frozenset()
    return frozenset(load_dictionary().stems(word)) - load_negation().negated.get(word, frozenset())


@lru_cache(maxsize=SENTENCES)
def english_words(en: str) -> tuple[Word, ...]:
    """The words of an English text with the stem of each content word (function words have none), and of the
    parts of a hyphenated one (life-threatening says "life", what 不会危及生命 negates); remembered per text, as
    `chinese_negations` is."""
    out = []
    for match in _WORD.finditer(en):
        word = match.group()
        stem = content_stem(word)
        stems = _stem_set(stem) if stem else frozenset()
        if "-" in word.strip("-"):
            stems = stems.union(part for piece in word.split("-") if piece and (part := content_stem(piece)))
        out.append(Word(match.start(), match.end(), stems))
    return tuple(out)


@lru_cache(maxsize=WORDS)
def _stem_set(stem: str) -> frozenset[str]:
    """One set per stem, shared by every word that has it: `english_words` keeps its texts' words (a set is 216
    bytes; a text's words held a set each)."""
    return frozenset((stem,))


@lru_cache(maxsize=SENTENCES)
def english_negators(en: str) -> tuple[Negator, ...]:
    """The negators of an English text, each with the stems of the content words after it in its clause and
    of the last ones before it (what it negates is said of them), remembered per text."""
    out = []
    for start, end in english_negation_spans(en):
        clause_start, clause_end = next(((a, b) for a, b in en_clauses(en) if a <= start < b), (0, len(en)))
        following = [content_stem(m.group()) for m in _WORD.finditer(en, end, clause_end)]
        content = [s for s in following if s][:NegationMismatch.SCOPE_WORDS]
        before = [s for m in _WORD.finditer(en, clause_start, start) if (s := content_stem(m.group()))]
        subject = before[max(0, len(before) - NegationMismatch.SUBJECT_WORDS):]
        out.append(Negator(en[start:end], start, end, frozenset(content + subject), frozenset(content[:1])))
    return tuple(out)


def _in_transliteration(norm: str, start: int, end: int) -> bool:
    """Whether a word stands in a run of three or more transliteration characters (a foreign name)."""
    if not TRANSLITERATION.issuperset(norm[start:end]):
        return False
    while start > 0 and norm[start - 1] in TRANSLITERATION:
        start -= 1
    while end < len(norm) and norm[end] in TRANSLITERATION:
        end += 1
    return end - start >= 3


@lru_cache(maxsize=WORDS)
def affixed_base(word: str) -> tuple[str, ...]:
    """The stems an English word would have without a negative prefix or suffix (CGEL's negative affixes:
    un-, in-/im-/ir-/il-, dis-, non-, -less): irreplaceable → replac, inexpressible → expres. Any word that
    starts so has them; only a base among what a Chinese negator negates makes it a negation."""
    match = _AFFIX.match(word)
    if not match:
        return ()
    base = match.group(1) or match.group(2)
    return (english_stem(base),) if base else ()


@lru_cache(maxsize=WORDS)
def negated_glosses(word: str) -> frozenset[str]:
    """The bases of a negating word's glosses that CC-CEDICT gives with a negative affix (无法 "unable": able;
    不清楚 "unclear": clear; 不可能 "impossible": possible): said un-negated, they say the opposite."""
    bases = _affixed_bases()
    return frozenset(base for s in own_stems(word) for base in bases.get(s, ()))


@lru_cache(maxsize=1)
def _affixed_bases() -> dict[str, frozenset[str]]:
    """The stem of each English affixed word that renders a negated Chinese word (negation.tsv's `en`, built from
    CC-CEDICT's glosses of negating words), with the stems of the bases of the words that have it (unclear and
    unclean share "unclea")."""
    bases: dict[str, set[str]] = {}
    for word in load_negation().affixed:
        bases.setdefault(english_stem(word), set()).update(affixed_base(word))
    return {stem: frozenset(found) for stem, found in bases.items() if found}


@lru_cache(maxsize=WORDS)
def negative_affix(word: str) -> bool:
    """A word CC-CEDICT gives for a negated word (unfair, illegal), or un-/non-/-less on a base that its
    glosses use (unbeaten: beat; unpresidential: president; powerless: power)."""
    if word in load_negation().affixed:
        return True
    match = _UN.match(word)
    return bool(match) and english_stem(match.group(1) or match.group(2)) in gloss_stems()
