"""Text left untranslated: Chinese or pinyin in the English, or a target that merely copies the source."""

from __future__ import annotations

import re
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.lexicon.cedict_pinyin import PinyinLeft, pinyin_left
from audit.model import AlignedPair, Finding, Severity
from audit.normalize import fold_width, original_span, visible_start
from audit.text import HAN_RUN


class UntranslatedChinese(Rule):
    """Chinese characters, or the pinyin of a Chinese word, left in the English translation.

    Why: a phrase the translator skipped or pasted stays invisible to English spell-checkers, and so does a
    word left in pinyin ("the tanpan") where the dictionary has a translation. Pinyin counts when it is the
    toneless (or tone-marked) CC-CEDICT reading of a common word of the aligned Chinese, in lower case (or
    capitalised as a sentence's first word), and neither an English word, a loanword CC-CEDICT glosses with it
    (feng shui), nor a proper noun's romanization (Beijing); a capitalised romanization is a name's, and
    pinyin the sentence also translates (hukou, the household registration) is a gloss, not an omission.
    Bad:  烏方形容談判艱難但富有成效。 → "Ukraine described the negotiations as 艱難但富有成效."
    Good: 烏方形容談判艱難但富有成效。 → "Ukraine described the negotiations as difficult but productive."
    Bad:  雙方的談判持續了三天。 → "The tanpan between the two sides lasted three days."
    Good: 雙方的談判持續了三天。 → "The negotiations between the two sides lasted three days."
    """

    code, name, severity = "T001", "untranslated-chinese", Severity.ERROR
    severity_note = "warning for pinyin: a romanized term is sometimes kept on purpose"
    GLOSS_WINDOW = 4  # words either side where a translation makes pinyin a gloss: an appositive or bracket ("hukou, or household registration") is that short; chosen, not fitted

    def check_pair(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.target or _copied(pair):
            return
        runs = tuple(dict.fromkeys(HAN_RUN.findall(pair.target_text)))
        if runs:
            yield self.finding(
                f"Chinese left in the English: {'、'.join(runs)}", pair, found="、".join(runs), target_marks=runs,
            )
        if pair.source:
            for left in _unglossed(pinyin_left(pair.source_norm, pair.target_text), pair.target_text, self.GLOSS_WINDOW):
                at = pair.source_norm.find(left.chinese)
                shown = original_span(pair.source_text, pair.source_norm, at, at + len(left.chinese)) or left.chinese
                yield self.finding(
                    f"Pinyin left in the English: {left.english} ({shown}) has a translation",
                    pair, severity=Severity.WARNING, expected=f"a translation of {shown}", found=left.english,
                    source_marks=(shown,), target_marks=(left.english,),
                )


def _unglossed(found: tuple[PinyinLeft, ...], english: str, window: int) -> list[PinyinLeft]:
    """The pinyin the sentence does not translate beside it: "the hukou, or household registration" glosses 户口."""
    if not found:
        return []
    from audit.lexicon.dictionary import content_stems, load_dictionary  # loaded only when pinyin is found

    dictionary = load_dictionary()

    def glossed(left: PinyinLeft) -> bool:
        before = english[:left.start].split()[-window:]
        after = english[left.end:].split()[:window]
        return bool(set(content_stems(" ".join(before + after))).intersection(dictionary.stems(left.chinese)))

    return [left for left in found if not glossed(left)]


_SPACE_RUN = re.compile(r"\s+")


def _copied(pair: AlignedPair) -> bool:
    if not pair.source:
        return False
    source, target = pair.source_text, pair.target_text
    first, other = visible_start(source[:8]), visible_start(target[:8])
    if first and other and first != other:
        return False  # they differ at once (nearly every pair): no need to compare them whole
    return _bare(source) == _bare(target)


def _bare(text: str) -> str:
    return _SPACE_RUN.sub("", fold_width(text))


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
