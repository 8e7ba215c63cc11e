"""Consistency within one article."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from audit.checks.base import Context, Rule
from audit.lexicon.glossary import Entry
from audit.lexicon.transliterate import SOUNDS_ALIKE, sound_alike
from audit.model import AlignedDocument, Finding, Location, Severity
from audit.normalize import original_span


class SourceVariants(Rule):
    """The same entity is written with different variants in one source article.

    Why: mixed spellings (Taiwan 普丁 beside mainland 普京) show an article assembled from several
    sources; readers take them for two people, and the translation may follow both.
    Bad:  俄羅斯總統普丁與美國特使威特科夫舉行會談。 → "Russian President Putin held talks with U.S. special envoy Witkoff."
    Bad:  普京在會後公開強硬表態。 → "Following the meeting, Putin publicly expressed a firm stance."
    Good: 俄羅斯總統普丁與美國特使威特科夫舉行會談。 → "Russian President Putin held talks with U.S. special envoy Witkoff."
    Good: 普丁在會後公開強硬表態。 → "Following the meeting, Putin publicly expressed a firm stance."
    """

    code, name, severity = "C001", "source-variants", Severity.WARNING
    SIMILAR = SOUNDS_ALIKE  # two place or organisation forms sounding at least this alike are one name's variants

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        if ctx.glossary is None:
            return
        # entry → variant (normalized) → where it was seen, in order
        seen: dict[int, dict[str, list[tuple[str, Location]]]] = defaultdict(lambda: defaultdict(list))
        entries = {}
        for segment in doc.source:
            for mention in ctx.glossary.mentions(segment.norm):
                shown = original_span(segment.text, segment.norm, mention.start, mention.end) or mention.form
                seen[id(mention.entry)][mention.form].append((shown, segment.loc))
                entries[id(mention.entry)] = mention.entry
        for key, variants in seen.items():
            entry = entries[key]
            if len(variants) < 2 or not _competing_spellings(list(variants), entry.type):
                continue
            ranked = sorted(variants.values(), key=len, reverse=True)  # most used first
            usage = ", ".join(f"{places[0][0]} ×{len(places)}, first at line {places[0][1].line}:{places[0][1].column}" for places in ranked)
            minority = ranked[-1]
            shown = tuple(places[0][0] for places in ranked)
            yield self.finding(
                f"{' and '.join(shown)} both name {entry.preferred}: use one spelling ({usage})",
                source_loc=minority[0][1], expected=ranked[0][0][0], found=minority[0][0],
                suggestion=f"{minority[0][0]} → {ranked[0][0][0]}", source_marks=shown,
                source_text=" … ".join(shown),
            )


def _competing_spellings(forms: list[str], kind: str) -> bool:
    """Two transliterations of one name (普丁/普京, 雪梨/悉尼), not a short and a full form (加州/加利福尼亚,
    安理会/联合国安理会, 韩国/南韩), which news Chinese mixes freely."""
    for i, a in enumerate(forms):
        for b in forms[i + 1:]:
            if a in b or b in a:
                continue
            if kind == "person" or sound_alike(a, b) >= SourceVariants.SIMILAR:
                return True
    return False


class InconsistentRendering(Rule):
    """One name is spelled two ways in the same translation (Zelensky here, Zelenskyy there).

    Why: both spellings may be accepted, but a house style picks one; readers take two spellings for two people.
    Bad:  烏克蘭總統澤連斯基則重申,任何決定都必須有烏克蘭的參與。 → "Ukrainian President Volodymyr Zelensky emphasized that any decisions must include Ukraine’s participation."
    Bad:  澤連斯基表示,烏方正在加大談判努力。 → "Zelenskyy stated that Ukraine is intensifying its negotiation efforts."
    Good: 烏克蘭總統澤連斯基則重申,任何決定都必須有烏克蘭的參與。 → "Ukrainian President Volodymyr Zelensky emphasized that any decisions must include Ukraine’s participation."
    Good: 澤連斯基表示,烏方正在加大談判努力。 → "Zelensky stated that Ukraine is intensifying its negotiation efforts."
    """

    code, name, severity = "C002", "inconsistent-rendering", Severity.WARNING

    def check_document(self, doc: AlignedDocument, ctx: Context) -> Iterator[Finding]:
        if ctx.glossary is None:
            return
        spellings: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        entries = {}
        for index, pair in enumerate(doc.pairs):
            for mention in ctx.glossary.mentions(pair.source_norm):
                if mention.entry.type != "person":
                    continue  # places legitimately alternate with their adjectives (Ukraine, Ukrainian)
                match = _full_name(mention.entry, pair.target_norm)
                if match:
                    surname = match.group().split()[-1]
                    spellings[id(mention.entry)][surname].append(index)
                    entries[id(mention.entry)] = mention.entry
        for key, variants in spellings.items():
            if len(variants) < 2:
                continue
            ranked = sorted(variants.items(), key=lambda item: len(item[1]), reverse=True)
            usual, rare = ranked[0][0], ranked[-1]
            pair = doc.pairs[rare[1][0]]
            yield self.finding(
                f"{entries[key].preferred} is spelled " + " and ".join(f'"{s}" ×{len(p)}' for s, p in ranked)
                + " in this translation: use one spelling", pair,
                expected=usual, found=rare[0], suggestion=f"{rare[0]} → {usual}", target_marks=(rare[0],),
            )


def _full_name(entry: Entry, english: str) -> re.Match[str] | None:
    """Where the English renders a person, leaving out a bare word that begins another of its forms: a Chinese
    or Korean surname alone (He of He Lifeng, Kim of Kim Jong Un) is as often the pronoun "He" or another
    Kim as the person, so it says nothing about how the name is spelled."""
    firsts = {form.split()[0] for form in entry.english if " " in form}
    return next((m for m in entry.english_pattern.finditer(english.replace("’", "'")) if m.group() not in firsts), None)
