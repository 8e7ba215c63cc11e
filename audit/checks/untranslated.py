"""Text left untranslated: Chinese in the English, or a target that merely copies the source."""

from __future__ import annotations

import re
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.model import AlignedPair, Finding, Severity
from audit.normalize import fold_width
from audit.text import HAN_RUN



class UntranslatedChinese(Rule):
    """Chinese characters left in the English translation.

    Why: a phrase the translator skipped or pasted stays invisible to English spell-checkers.
    Bad:  烏方形容談判艱難但富有成效。 → "Ukraine described the negotiations as 艱難但富有成效."
    Good: 烏方形容談判艱難但富有成效。 → "Ukraine described the negotiations as difficult but productive."
    """

    code, name, severity = "T001", "untranslated-chinese", Severity.ERROR

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.target or _copied(pair):
            return
        runs = tuple(dict.fromkeys(HAN_RUN.findall(pair.target_text)))
        if runs:
            yield self.finding(
                f"Chinese left in the English: {'、'.join(runs)}", pair, found="、".join(runs), target_marks=runs,
            )


def _copied(pair: AlignedPair) -> bool:
    def bare(text: str) -> str:
        return re.sub(r"\s+", "", fold_width(text))

    if not pair.source:
        return False
    source, target = pair.source_text, pair.target_text
    first, other = fold_width(source[:8]).lstrip(), fold_width(target[:8]).lstrip()
    if first and other and first[0] != other[0]:
        return False  # they differ at once (nearly every pair): no need to compare them whole
    return bare(source) == bare(target)


class TargetCopiesSource(Rule):
    """The translation is identical to the source.

    Why: CAT tools copy the source into empty targets; such a unit was never translated.
    Format: units
    Bad:  對此,俄方尚未做出回應。 → "對此,俄方尚未做出回應。"
    Good: 對此,俄方尚未做出回應。 → "Russia has not issued any response."
    """

    code, name, severity = "T002", "target-copies-source", Severity.ERROR

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if pair.target and _copied(pair) and HAN_RUN.search(pair.source_norm):
            yield self.finding("The translation is a copy of the source", pair, found=pair.target_text)
