"""U001 number-mismatch: a number of the source has no equal value in the translation."""

from __future__ import annotations

import re
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedPair, Finding, Severity
from audit.remembered import SENTENCES, Remembered
from audit.quantities import (DateRef, Quantity, carried_over, english_value, extract_en, extract_zh, in_wording_of,
                              original_offsets, original_span)

# Kinds that may stand for one another when a value was changed (5 hours → 6 hours, 3% → 4%).
_KIND_GROUP = {"number": "count", "measure": "count", "money": "count", "fraction": "percent"}
_ANY_CURRENCY = "CUR"  # 元, 块: the currency is whatever the article is about


# A pair's figures changed (with what stands in their place), dropped, and the translation's left unmatched.
Compared = tuple[tuple[tuple[Quantity, Quantity], ...], tuple[Quantity, ...], tuple[Quantity, ...]]


def _group(quantity: Quantity) -> str:
    return _KIND_GROUP.get(quantity.kind, quantity.kind)


# How far a share in words may stand from a percentage and still be the same figure (30% ~ a third).
_SHARE_SLACK = 4.0


def same_value(a: Quantity, b: Quantity) -> bool:
    """Equal at the precision the looser of the two was written with (1.2億 = "120 million").

    `a` is the source side, `b` the target side.
    """
    if b.unit == "times" and a.unit != "times":
        return False  # a translation's "double" stands for 兩倍 only, not for any 2 of the source
    if a.kind == "time" and b.kind == "time":  # 20:00 = "8 p.m." = 晚上8点
        return abs((a.value - b.value) % 12) < 1e-6 or abs((a.value - b.value) % 12 - 12) < 1e-6
    # Half the rounding step of a side whose wording admits rounding (約14萬, 1.2億, "about"); none for a figure
    # written exactly: 14萬 is 140,000, and "135,000" or "145,000" is another figure.
    step = max((q.precision for q in (a, b) if q.rounded), default=0.0)
    tolerance = step / 2 + 1e-9 * max(abs(a.value), abs(b.value), 1.0)
    if (a.kind == "fraction") != (b.kind == "fraction") and _group(a) == _group(b) == "percent":
        tolerance = max(tolerance, _SHARE_SLACK)  # 三成 ↔ "a third", 33% ↔ 三分之一: a share is a round figure
    return abs(a.value - b.value) <= tolerance


def match_quantities(source: list[Quantity], target: list[Quantity], lengths: tuple[int, int] = (1, 1)
                     ) -> tuple[list[Quantity], list[Quantity]]:
    """Pair equal values as multisets; return (unmatched source, unmatched target).

    Same-kind pairs come before cross-kind ones (a percent is not spent on a count, 3分 not on "third"
    while 第三名 wants it); within each, figures written the same way (digits with digits, words with
    words) before the rest: the 4 of "5&4" is left to meet a changed "5&2", and
    八分 takes "eight points" rather than the 8 of a score "4-8". Digits go first; of equal partners, the one
    in the most similar place of its sentence (`lengths`: of the source and the target text) is taken.
    """
    left, right = list(source), list(target)

    def place(quantity: Quantity, text_length: int) -> float:
        return quantity.start / max(text_length, 1)

    for strict in (True, False):
        for any_writing in (False, True):
            for spelled in (False, True):
                for quantity in [q for q in left if q.spelled == spelled]:
                    equal = [t for t in right if same_value(quantity, t)
                             and (t.kind == quantity.kind or not strict and _may_cross(quantity, t))
                             and (any_writing or t.spelled == quantity.spelled)]
                    where = place(quantity, lengths[0])
                    partner = min(equal, key=lambda t: abs(place(t, lengths[1]) - where), default=None)
                    if partner is not None:
                        left.remove(quantity)
                        right.remove(partner)
    return left, right


def _may_cross(source: Quantity, target: Quantity) -> bool:
    """Whether figures of different kinds may still be one figure (2018年 ↔ "the 2018 team"): not a plain 1 against
    "first", which English writes for 首次, 首位 and 頭一回 as often as for any 1 of the source."""
    if target.kind == "dual":  # "both", "the duo": a 兩 or 二 counting people or things, not 兩年
        return source.spelled and source.unit is None
    return not (target.kind == "ordinal" and target.value == 1 and source.kind != "ordinal")


def is_loose(quantity: Quantity) -> bool:
    """Numbers translators legitimately render in words or drop: 一百多人 → "hundreds", 1 項 → "a charge".

    A loose number missing from the translation is no finding; a changed one still is.
    """
    return quantity.spelled or quantity.value == 1 or quantity.hedge in ("几", "来")


def _restated(quantity: Quantity, source: list[Quantity], missing: list[Quantity]) -> bool:
    """Whether the source states this figure again and the translation renders it there: Chinese repeats a figure
    where English refers back ("this F125 frigate" → "the vessel", 50票 … 这50张选票 → "50 votes … which"). Measured
    on MQM-TED's error-free segments (13 MT systems, 2 human translations) and NTREX: without it, 0.2 warnings per
    100 pairs more, every one such a repetition."""
    return any(q is not quantity and q not in missing and _group(q) == _group(quantity) and same_value(quantity, q)
               for q in source)


# English renders 兩 as a pair as often as "two": these words are read as a 2 that only a count in words may take.
_DUAL = re.compile(r"(?i)\b(both|pairs?|couple|duo|twins?|double|dual|either|neither)\b")


def _duals(text: str) -> list[Quantity]:
    return [Quantity(2.0, None, m.group(0), *m.span(), None, "dual", spelled=True) for m in _DUAL.finditer(text)]


def _needs_same_unit(source: Quantity, target: Quantity) -> bool:
    """Small counts in words (兩人, 三次) are only compared with a rendering of the same unit (5 hours → 6 hours);
    a 1 in digits only with digits (1-0 → 2-0), as "a" and "one" render it everywhere. An explicit
    ordinal (第三) may stand against another ordinal, bar "first", which English uses for 首次 and more."""
    if "fraction" in (source.kind, target.kind):
        return False  # a share is a share: 三分之二 against "three-thirds" needs no unit
    if source.kind == "ordinal" and target.kind == "ordinal":
        return 1 in (source.value, target.value)
    if source.spelled and source.value <= 10:
        # 六名 ↔ "seven": both in words, both counting. A digit needs the same unit too. (兩 rendered as
        # "both", "the pair" or "duo" is paired with those words before it gets here.)
        return not target.spelled
    return source.value == 1 and target.spelled


def _rank_in_words(source: Quantity, target: Quantity) -> bool:
    """第三 may be written "ranked three": a rank against a number word (not "one", which is everywhere)."""
    return source.kind == "ordinal" and source.value != 1 and target.kind == "number" and target.spelled


def _units_agree(a: Quantity, b: Quantity) -> bool:
    if "times" in (a.unit, b.unit):
        return a.unit == b.unit  # "doubled" is no rendering of a plain 3
    if a.unit is None or b.unit is None or _ANY_CURRENCY in (a.unit, b.unit):
        return True
    return a.unit == b.unit


def can_stand_for(source: Quantity, target: Quantity) -> bool:
    """Could `target` be a wrong rendering of `source` (rather than an unrelated number)?"""
    if target.spelled and target.value == 1 and target.kind != "ordinal":
        return False  # "one of", "no one": not a number anyone translated
    if _group(source) != _group(target) and not _rank_in_words(source, target):
        return False
    if _needs_same_unit(source, target):
        return source.unit is not None and source.unit == target.unit
    return _units_agree(source, target)


def _nearest(source: Quantity, source_len: int, candidates: list[Quantity], target_len: int) -> Quantity:
    """The candidate in the most similar place in its sentence, same unit first."""
    where = source.start / max(source_len, 1)

    def rank(candidate: Quantity) -> tuple[bool, bool, float]:
        return (candidate.unit != source.unit, candidate.kind != source.kind,
                abs(candidate.start / max(target_len, 1) - where))

    return min(candidates, key=rank)


def _date_parts(dates: list[DateRef]) -> list[Quantity]:
    """Years and days of the translation's dates, so 2030 in 2030年愿景 finds "Vision 2030"."""
    parts = []
    for date in dates:
        for value in (date.year, date.day):
            if value is not None:
                parts.append(Quantity(float(value), None, date.text, date.start, date.end, None, "date"))
    return parts


class NumberMismatch(Rule):
    """A number in the source is missing from the translation or rendered with another value.

    Why: a wrong figure (casualties, money, hours, percentages) misinforms readers and is hard to retract.
    Figures are compared by value (1.2億 = "120 million", 500千瓦 = "500 kilowatts", 12至14萬 = "120,000 to
    140,000"); a figure written exactly must be rendered exactly (14萬 is 140,000, not "135,000"), one hedged or
    written as a decimal of a magnitude (約14萬, 1.2億) may be rounded to its last written digit, and an
    approximate range (一萬六七千) takes any value inside it.
    Bad:  舉行近五小時的會談 → "held nearly six hours of talks"
    Good: 舉行近五小時的會談 → "held nearly five hours of talks"
    """

    code, name, severity = "U001", "number-mismatch", Severity.ERROR
    severity_note = "warning when a figure is dropped rather than changed"

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        zh, en = pair.source_norm, pair.target_norm
        changed, dropped, spare = _COMPARED.get((zh, en), None, lambda: compare(zh, en))
        for quantity, other in changed:
            yield self._changed(pair, quantity, other)
        if dropped:
            yield self._dropped(pair, list(dropped), list(spare))

    def _changed(self, pair: AlignedPair, quantity: Quantity, other: Quantity) -> Finding:
        right = _corrected(quantity, other)
        shown = _shown(pair, quantity)
        return self.finding(
            f"{shown} ({right}) is rendered as {other.text}",
            pair,
            expected=f"{right} ({shown})",
            found=other.text,
            suggestion=f"{other.text} → {right}",
            **_marked(pair, [quantity], [other]),
        )

    def _dropped(self, pair: AlignedPair, dropped: list[Quantity], spare: list[Quantity]) -> Finding:
        """One warning per pair, however many figures are missing: the editor reads the sentence once."""
        shown = [_shown(pair, q) for q in dropped]
        verb = "has" if len(dropped) == 1 else "have"
        return self.finding(
            f"{', '.join(shown)} {verb} no counterpart in the translation",
            pair,
            severity=Severity.WARNING,
            expected=", ".join(f"{english_value(q)} ({text})" for q, text in zip(dropped, shown)),
            found=", ".join(t.text for t in spare),
            suggestion="check that " + ", ".join(english_value(q) for q in dropped) + " is rendered",
            **_marked(pair, dropped, []),
        )


# What U001 finds of a pair of texts, remembered for the run as the other rules' per-text results are (an
# article's sentences recur: a revision audited again, copies); a few MB at most.
_COMPARED: Remembered[Compared] = Remembered(SENTENCES)


def compare(zh: str, en: str) -> Compared:
    """The figures of a pair (normalized texts) that the translation changes (each with the figure it has in
    its place), those it drops, and its figures left unmatched."""
    source, _ = extract_zh(zh)
    if not source:
        return (), (), ()  # every finding is about a figure of the source
    target, target_dates = extract_en(en)
    target = [q for q in target if not (q.spelled and carried_over(q.text, zh))]
    # "both", "the duo" can only stand for a figure in words without a unit (`_may_cross`): else inert
    duals = _duals(en) if any(q.spelled and q.unit is None for q in source) else []
    missing, spare = match_quantities(source, target + _date_parts(target_dates) + duals, (len(zh), len(en)))
    spare = [q for q in spare if q.kind not in ("date", "dual")]
    changed: list[tuple[Quantity, Quantity]] = []
    dropped: list[Quantity] = []
    for quantity in missing:
        candidates = [t for t in spare if can_stand_for(quantity, t)]
        if candidates:
            other = _nearest(quantity, len(zh), candidates, len(en))
            spare.remove(other)
            changed.append((quantity, other))
        elif not is_loose(quantity) and not _restated(quantity, source, missing):
            dropped.append(quantity)
    return tuple(changed), tuple(dropped), tuple(spare)


def _corrected(quantity: Quantity, other: Quantity) -> str:
    """The source's figure in English, in the target's own wording where it can: Su-25 → Su-24, not 苏-24."""
    if quantity.kind == "model" and other.kind == "model":
        return re.sub(r"\d+", str(int(quantity.value)), other.text, count=1)
    if quantity.bounds is None and _units_agree(quantity, other) and quantity.unit == other.unit:
        return in_wording_of(quantity.value, other) or english_value(quantity)
    return english_value(quantity)


def _shown(pair: AlignedPair, quantity: Quantity) -> str:
    """The figure as the editor wrote it (Traditional characters and all), for messages."""
    return original_span(pair.source_text, pair.source_norm, quantity.start, quantity.end) or quantity.text


def _marked(pair: AlignedPair, source: list[Quantity], target: list[Quantity]) -> dict[str, tuple]:
    """The Finding fields that highlight these quantities of the pair, by offset."""
    zh = _place(pair.source_text, pair.source_norm, source)
    en = _place(pair.target_text, pair.target_norm, target)
    return {"source_marks": zh["marks"], "source_spans": zh["spans"], "target_marks": en["marks"],
            "target_spans": en["spans"]}


def _place(original: str, norm: str, quantities: list[Quantity]) -> dict[str, tuple]:
    """The marks and their offsets in `original` for the quantities a finding names (those that can be placed)."""
    spans = [o for o in (original_offsets(original, norm, q.start, q.end) for q in quantities) if o]
    return {"marks": tuple(original[a:b] for a, b in spans), "spans": tuple(spans)}
