"""English numbers in words: "twenty-five", "a dozen", "five million", "two-thirds", "one in five", "a decade",
"twice", "third"."""

from __future__ import annotations

import re
from typing import Iterator

from audit.quantities.en_numbers import EN_SCALES, en_prefix, en_suffix
from audit.quantities.records import Quantity
from audit.quantities.scan import HAS_DIGIT, Scan, words

_EN_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100, "thousandth": 1000,
}
_EN_WORD = "|".join(sorted(list(_EN_ONES) + list(_EN_TENS) + list(EN_SCALES) + ["dozen"], key=len, reverse=True))
_EN_SPELLED = re.compile(
    # "a million", "half a million", "a quarter of a million", "two and a half million"
    rf"(?i)\b(?:(?:half\s+|a\s+quarter\s+of\s+)?an?\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"(?:{_EN_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_EN_WORD})|\s+and\s+a\s+half\b)*\b"
)
_EN_ORDINAL_WORD = re.compile(
    rf"(?i)\b(?:(?:{'|'.join(_EN_TENS)})-)?(?:{'|'.join(sorted(_EN_ORDINALS, key=len, reverse=True))})\b"
)
_HAS_ORDINAL = words(_EN_ORDINALS)
_HAS_NUMBER_WORD = words(list(_EN_ONES) + list(_EN_TENS) + list(EN_SCALES) + ["dozen"])


def parse_english_number(text: str) -> float | None:
    """Value of "twenty-five", "one hundred and twenty", "a dozen", "five million", "half a million", "two and a
    half million", "a quarter of a million"; None if malformed."""
    tokens = re.split(r"[\s-]+", text.lower().strip())
    total = current = 0.0
    previous = ""
    for word in tokens:
        if word in ("a", "an", "and"):
            continue
        if word in _EN_ONES:
            if previous in ("one", "ten") or (previous == "tens" and _EN_ONES[word] >= 10):
                return None
            current += _EN_ONES[word]
            previous = "ten" if _EN_ONES[word] >= 10 else "one"
        elif word in _EN_TENS:
            if previous in ("one", "ten", "tens"):
                return None
            current += _EN_TENS[word]
            previous = "tens"
        elif word in ("half", "quarter"):  # "half a million", "two and a half million", "a quarter of a million"
            current, previous = current + (0.5 if word == "half" else 0.25), "one"
        elif word == "of":
            continue
        elif word == "dozen":
            current = (current or 1) * 12
            previous = "scale"
        elif word == "hundred":
            current = (current or 1) * 100
            previous = "hundred"
        else:
            total += (current or 1) * EN_SCALES[word]
            current, previous = 0.0, "scale"
    return total + current


def read_spelled_numbers(scan: Scan) -> None:
    """Numbers in words, with the currency, scale and unit around them ("five million dollars")."""
    for match in scan.matches(_EN_SPELLED, _HAS_NUMBER_WORD):
        for value, first, last in _en_spelled_runs(match):
            currency, start, hedge = en_prefix(scan.text, first)
            _, kind, unit, end = en_suffix(scan.text, last, currency)
            words = scan.text[first:end].lower()
            scale = max((v for w, v in EN_SCALES.items() if w in words and v >= 1000), default=0.0)
            decade = re.match(r"^\s+decades?\b", scan.text[end:])
            if decade:
                value, unit, kind, end = value * 10, "year", "measure", end + decade.end()
            precision = scale if scale >= 1e6 else 0.0
            scan.add_quantity(Quantity(value, unit, scan.text[start:end], start, end, hedge, kind, precision, True))


def _en_spelled_runs(match: re.Match[str]) -> Iterator[tuple[float, int, int]]:
    """(value, start, end) of each number in a run of number words, longest first: "twenty-five" is one,
    "one and four" two, and "four one-sided" is four (then the "one" of a compound, also read)."""
    words = [(match.start() + w.start(), match.start() + w.end(), w.group().lower())
             for w in re.finditer(r"[A-Za-z]+", match.group(0))]
    i = 0
    while i < len(words):
        if words[i][2] == "and":
            i += 1
            continue
        for j in range(len(words) - 1, i - 1, -1):
            if words[j][2] in ("and", "a", "an") and j > i:
                continue  # a number ends on a number word
            value = parse_english_number(match.string[words[i][0]:words[j][1]])
            if value is not None and (j > i or words[i][2] not in ("a", "an")):
                yield value, words[i][0], words[j][1]
                i = j + 1
                break
        else:
            i += 1


_EN_PARTS = {"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_EN_FEW = {w: v for w, v in _EN_ONES.items() if 1 <= v <= 10}
_EN_PART = "|".join(_EN_PARTS)
_EN_FEW_WORD = "|".join(_EN_FEW)
_HAS_PART_WORD = words([*_EN_PARTS, *(part + "s" for part in _EN_PARTS)])
_HAS_IN_OR_OUT = words(["in", "out"])
_HAS_FEW_WORD = words(_EN_FEW)


def _has_share_words(scan: Scan) -> bool:
    """Whether `_EN_FRACTION` can match: a part word (third, fifths), or "in" / "out of" with a number in digits
    or a word up to ten (one in five). "in" and "of" are in most sentences: on their own they let the pattern
    scan 5,051 of the 9,932 English sentences of NTREX-128 and MQM-TED, this 772, for the 4 that hold a share."""
    return _HAS_PART_WORD(scan) or (_HAS_IN_OR_OUT(scan) and (HAS_DIGIT(scan) or _HAS_FEW_WORD(scan)))


_EN_FRACTION = re.compile(
    # "a third of" (but "a third term" is an ordinal), "one-fifth", "two thirds", "one in five", "1 out of 10"
    rf"(?i)\b(?:(?P<a>an?)\s+(?P<ad>{_EN_PART})(?=\s+of\b)(?!\s+of\s+an?\s+(?:hundred|thousand|million|billion)\b)"
    rf"|(?P<n>{_EN_FEW_WORD}|\d)[\s-]+(?P<d>{_EN_PART})s?\b(?!-final)"
    rf"|(?<![\d,.])(?P<n2>{_EN_FEW_WORD}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d2>{_EN_FEW_WORD}|\d{{1,3}})\b(?![,.]\d))"
)


def read_fractions(scan: Scan) -> None:
    """Shares, as percentages: "two-thirds" = 66.7, "one in five" = 20 (三分之二, 5分之1, 兩成)."""
    for match in scan.matches(_EN_FRACTION, _has_share_words):
        groups = match.groupdict()
        if groups["a"]:
            num, den = 1.0, float(_EN_PARTS[groups["ad"].lower()])
        elif groups["n"]:
            num, den = _en_small(groups["n"]), float(_EN_PARTS[groups["d"].lower()])
        else:
            num, den = _en_small(groups["n2"]), _en_small(groups["d2"])
        if not den or num > den:
            continue
        _, start, hedge = en_prefix(scan.text, match.start())
        scan.add_quantity(Quantity(num / den * 100, None, scan.text[start:match.end()], start, match.end(), hedge,
                                   "fraction", spelled=not match.group(0)[0].isdigit()))


def _en_small(word: str) -> float:
    return float(word) if word.isdigit() else float(_EN_FEW[word.lower()])


_EN_DECADE_WORD = re.compile(r"(?i)\b(?:a|one|the\s+(?:past|last|previous|next|following))\s+decade\b")
_HAS_DECADE_WORD = words(["decade"])


def read_decades(scan: Scan) -> None:
    """"a decade", "the past decade" = 10 years (十年); "decades" alone is no number."""
    for match in scan.matches(_EN_DECADE_WORD, _HAS_DECADE_WORD):
        scan.add_quantity(Quantity(10.0, "year", match.group(0), *match.span(), None, "measure", spelled=True))


_EN_MULTIPLIERS = {"twice": 2, "double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "triple": 3, "tripled": 3,
                   "triples": 3, "tripling": 3, "threefold": 3, "quadruple": 4, "quadrupled": 4, "twofold": 2}
_EN_MULTIPLIER = re.compile(rf"(?i)\b(?:{'|'.join(_EN_MULTIPLIERS)})\b")
_HAS_MULTIPLIER = words(_EN_MULTIPLIERS)


def read_multipliers(scan: Scan) -> None:
    """"double", "twice", "tripled" ↔ 兩倍, 三倍."""
    for match in scan.matches(_EN_MULTIPLIER, _HAS_MULTIPLIER):
        value = float(_EN_MULTIPLIERS[match.group(0).lower()])
        scan.add_quantity(Quantity(value, "times", match.group(0), *match.span(), None, "number", spelled=True))


def read_ordinal_words(scan: Scan) -> None:
    """"third", "twenty-first"."""
    for match in scan.matches(_EN_ORDINAL_WORD, _HAS_ORDINAL):
        parts = re.split(r"-", match.group(0).lower())
        value = sum(_EN_TENS.get(p, 0) for p in parts[:-1]) + _EN_ORDINALS[parts[-1]]
        scan.add_quantity(Quantity(float(value), None, match.group(0), *match.span(), None, "ordinal", spelled=True))
