"""Negations of a Chinese sentence and of an English one, for comparing the two.

English: the negators of English grammar (not, n't, no, never, none, nobody, nothing, nowhere, neither,
nor, without, cannot; Huddleston & Pullum, *The Cambridge Grammar of the English Language*, ch. 9), less
the correlative and concessive uses that negate nothing (not only, no matter, whether or not) and the
abbreviation "No. 5". Words that hold a negation in their meaning (lack, fail to, unable, unfair) may
render a Chinese negation but are no negators of their own.

Chinese: jieba words that CC-CEDICT glosses with a negation (data/negation.tsv, built by
`python -m audit.lexicon.build_negation`): 不, 没有, 未能, 无法, 从未 negate; 不断 "unceasing", 非常 "very",
无论 "no matter", 不得不 "have to" do not. A word CC-CEDICT does not know that starts with a negating
character or with 不/没/未 inside (不让, 并未, 看不到) is a negated verb jieba joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from audit.lexicon import bundled

FORMAT = "audit-negation/5"
DATA_FILE = "data/negation.tsv"
# Characters that negate on their own (Simplified: the checks read OpenCC-simplified text).
NEGATING_CHARACTERS = "不没未无非别勿否莫毋甭"

_MARKER = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|nowhere|neither|nor|without|cannot)\b|n['’]t\b", re.IGNORECASE)
# The same negators without the word boundary before them, factored on their first letter: a third of
# _MARKER's time and of the blanking's below. Blanking the uses that negate nothing leaves every letter of a
# negator where it was (and the end of it a word end, as each such use starts a word), so a text in which
# this looser pattern finds nothing has no negator: five English sentences in six of NTREX-128.
_MARKER_LETTERS = re.compile(r"n(?:ot|ever|o|one|obody|othing|owhere|either|or|['’]t)\b|without\b|cannot\b",
                             re.IGNORECASE)
# Verbs and adjectives whose meaning holds a negation: they may render a Chinese one (未能 "failed to",
# 没有 "lack"), but a Chinese sentence may say the same without a negating word (缺乏 "to lack").
# With the approximate negators of the same grammar (hardly, scarcely, barely, rarely, seldom, few) and the
# constructions that carry a Chinese 不/未 (yet to, rather than, instead of); "less" is the downtoner that says
# 不那么重要 "less important" (not so important).
_LEXICAL = re.compile(
    r"\b(?:lack(?:s|ed|ing)?|fail(?:s|ed|ing|ure)?|unable|absent|absence|hardly|scarcely|barely|rarely|seldom|"
    r"(?<!\ba\s)few|yet\s+to|rather\s+than|instead\s+of|less|fewer\s+than|short\s+of|non-\w+)\b", re.IGNORECASE)
# Uses of the negators that negate nothing: correlatives, concessives, "No. 5", the double negations
# that assert (no choice but to = must; cannot help = must, in any tense: couldn't help; 不得不 is glossed so)
# the "why not" of a suggestion (Why not use them? = use them; CGEL ch. 10, directives), and "no" before a
# comparative with "than" (no more popular player than Fleetwood: he is the most popular; no more than ten:
# at most ten), which says a superlative or a limit (最, 只, 不超过) as CGEL's comparative negation does.
# And the negative interrogative, an auxiliary with n't before its subject in a question (Can't the industry
# give him a role? Isn't it odd?): a biased question that expects "yes" (CGEL ch. 10), as 是否 or 难道…吗 ask.
_NOT_NEGATING = re.compile(
    r"\bnot\s+(?:only|just|least|limited\s+to)\b|\bno\s+matter\b|\bwhether\s+or\s+not\b|\bno\.\s*\d|"
    r"\bnothing\s+but\b|\bno\s+doubt\b|\bnot\s+to\s+mention\b|\bno\s+(?:other\s+)?(?:choice|option|alternative)(?:\s+or\s+\w+)?\s+but\b|"
    r"\b(?:cannot|can['’]t|could\s+not|couldn['’]t)\s+(?:help|but|avoid)\b|\bor\s+(?:not|\w+n['’]t)\b|\bwhy\s+not\b|"
    r"\bno\s+(?:more|less|fewer|better|worse|greater)\b(?=[^,;:.!?]*\bthan\b)|"
    r"(?:^|(?<=[:;,.!?—]\s)|(?<=[\"“]))(?:is|are|was|were|do|does|did|ca|could|wo|would|should|must|has|have|had)n['’]t\b"
    r"(?=\s+(?:i|you|he|she|it|we|they|there|this|that|these|those|the|an?|my|your|his|her|its|our|their)\b[^.!?]*\?)",
    re.IGNORECASE,
)


def english_negations(text: str) -> list[str]:
    """The negators of an English text, as written, in order."""
    return [text[start:end] for start, end in english_negation_spans(text)]


def english_negation_spans(text: str) -> list[tuple[int, int]]:
    """Where the negators of an English text stand: (start, end) offsets, in order."""
    if _MARKER_LETTERS.search(text) is None:
        return []
    if _NOT_NEGATING.search(text):
        text = _NOT_NEGATING.sub(lambda m: " " * len(m.group()), text)
    return [m.span() for m in _MARKER.finditer(text)]


def lexical_negation_spans(text: str) -> list[tuple[int, int]]:
    """Where an English text says a negation by meaning (lack, failed to, unable) or a negator negates
    nothing of its own (not only, no matter): such a word renders a Chinese negation standing beside it."""
    return meaning_negation_spans(text) + [m.span() for m in _NOT_NEGATING.finditer(text)]


def meaning_negation_spans(text: str) -> list[tuple[int, int]]:
    """Where an English text says a negation by meaning only (lack, failed to, unable, non-UK)."""
    return [m.span() for m in _LEXICAL.finditer(text)]


def lexical_negation(text: str) -> bool:
    """Whether an English text says a negation by meaning (lack, failed to, unable, non-UK)."""
    return _LEXICAL.search(text) is not None


@dataclass(frozen=True)
class NegationLexicon:
    plain: frozenset[str]  # Chinese words whose first sense opens with a negator (不 "not", 未 "not yet", 从未 "never")
    negating: frozenset[str]  # Chinese words with a negating character that negate (plain ones, 未能, 不惜)
    meaning: frozenset[str]  # negative in meaning only (不满 "dissatisfied", 无比 "incomparably")
    neutral: frozenset[str]  # neither (不断 "continuous", 是否 "whether", 莫斯科 "Moscow")
    affixed: frozenset[str]  # English words with a negative affix that render a negated Chinese word
    lexical: frozenset[str]  # words without a negating character, negative in meaning (缺乏 "to lack", 拒绝)
    limiting: frozenset[str]  # exclusive or superlative (只 "only", 最 "most"): an English negation may say them
    degree: frozenset[str]  # negating words that are degree adverbs too (不堪 "utterly" in 痛苦不堪)
    holding: frozenset[str]  # longer words that hold a limiting character and limit too (只有, 最多, 最新; not 最终)
    bound: frozenset[str]  # plain negators whose rest is a bound auxiliary (不会 "will not", 没办法 "one can't")
    negated: dict[str, frozenset[str]]  # a word's stems that only its negated senses give (不会 "not having learned")

    def plainly(self, word: str) -> bool:
        """Whether a negating word is a plain negator (不, 未, 从未), or a negated verb CC-CEDICT does not list
        (不让): not a lexicalised compound that translators render by meaning (不堪 "broken", 无奈 "reluctantly")."""
        return word in self.plain or len(word) == 1 or not self.known(word)

    def kind(self, word: str) -> str:
        """`negation`, `meaning` (negative in meaning only) or `neutral`, for a jieba word; a word CC-CEDICT does
        not list is what its longest listed start is (不论是: 不论 "no matter", neutral)."""
        known = next((word[:end] for end in range(len(word), 1, -1) if self.known(word[:end])), word)
        return self._kind(known)

    def known(self, word: str) -> bool:
        return word in self.negating or word in self.meaning or word in self.neutral

    def _kind(self, word: str) -> str:
        if word in self.negating:
            return "negation"
        if word in self.meaning:
            return "meaning"
        if word in self.neutral:
            return "neutral"
        # A word CC-CEDICT does not list, negated at its start or in its complement: a negated verb jieba
        # joined (不让, 并未, 看不到); 别 and 非 inside one are other words (高级别 "high level").
        return "negation" if word[0] in NEGATING_CHARACTERS or any(c in "不没未" for c in word[1:]) else "neutral"


# The sides of the data file, in NegationLexicon's order (zh, the non-plain negators, is read into negating).
_SIDES = ("plain", "negating", "zh", "meaning", "neutral", "en", "lexical", "limiting", "degree", "holding", "bound")
MAX_WORD = 6  # characters; jieba words are rarely longer, CC-CEDICT's longer ones are idioms


@lru_cache(maxsize=1)
def load_negation() -> NegationLexicon:
    text = bundled(DATA_FILE).read_text(encoding="utf-8")
    header, _, body = text.partition("\n")
    if not header.startswith(FORMAT + "\t"):
        raise ValueError(f"negation data is {header.split(chr(9))[0]!r}, expected {FORMAT!r}: rebuild it")
    sides: dict[str, list[str]] = {side: [] for side in _SIDES}
    negated: dict[str, frozenset[str]] = {}
    for line in body.splitlines():
        side, _, word = line.partition("\t")
        if side in sides:
            sides[side].append(word)
        elif side == "negated":
            word, _, stems = word.partition("\t")
            negated[word] = frozenset(stems.split())
    sides["negating"] = sides["zh"] + sides["plain"]
    return NegationLexicon(*(frozenset(sides[side]) for side in _SIDES if side != "zh"), negated)


@lru_cache(maxsize=1)
def gloss_stems() -> frozenset[str]:
    """Every English stem CC-CEDICT's glosses use (the aligner's dictionary): the English words it knows."""
    from audit.lexicon.dictionary import load_dictionary

    return load_dictionary().vocabulary
