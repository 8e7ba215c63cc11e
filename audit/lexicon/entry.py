"""A glossary entry: the Chinese forms of one entity or term and the English renderings an editor accepts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from audit.normalize import normalize_zh

ENTRY_TYPES = ("person", "place", "org", "term")


@dataclass
class Entry:
    """One row of a glossary (CSV) or one concept of a TBX file."""

    chinese: tuple[str, ...]  # as written in the glossary: shown to people
    english: tuple[str, ...]
    type: str = "term"
    note: str = ""
    origin: str = ""  # file:line the entry came from

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """Chinese forms as matched: normalized (Simplified, half-width)."""
        return tuple(dict.fromkeys(normalize_zh(form) for form in self.chinese))

    @cached_property
    def english_pattern(self) -> re.Pattern[str]:
        """Any accepted rendering as a whole word; possessives and hyphenated compounds still match."""
        forms = sorted(self.english, key=len, reverse=True)
        alternatives = "|".join(english_form(form) for form in forms)
        return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")

    @property
    def preferred(self) -> str:
        return self.english[0]

    def found_in(self, english: str, *, ignore_case: bool = False) -> re.Match[str] | None:
        """Where an accepted rendering occurs; names are case-sensitive (May ≠ may), terms need not be."""
        pattern = self.english_pattern
        if ignore_case:
            pattern = re.compile(pattern.pattern, re.IGNORECASE)
        return pattern.search(fold_quotes(english))


def english_form(form: str) -> str:
    # "U.S." must match "U.S." and also "US"-less variants are listed separately; spaces match any run of space or hyphen.
    return r"[\s\-]+".join(re.escape(part) for part in form.split())


def collapse(form: str) -> str:
    """One spelling for "Russia Ukraine", "Russia-Ukraine" and "Russia  Ukraine" when looking a form up."""
    return re.sub(r"[\s\-]+", " ", form)


def fold_quotes(text: str) -> str:
    """Curly apostrophes read as straight ones: "Trump’s" and "Trump's" match alike."""
    return text.replace("’", "'").replace("‘", "'")
