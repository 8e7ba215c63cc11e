"""Every rule the tool knows, in the order reports list them; select and ignore by code."""

from __future__ import annotations

from typing import Iterable, Mapping

from audit.checks.base import Rule
from audit.checks.completeness import AddedSentence, OmittedSentence, PartialTranslation
from audit.checks.consistency import InconsistentRendering, SourceVariants
from audit.checks.coverage import AddedClause, OmittedClause
from audit.checks.dates import DateMismatch, DayMismatch
from audit.checks.form import BlankParagraph, DoubledWord, FullWidthPunctuation, Spacing, UnbalancedQuotes
from audit.checks.names import NameMismatch, UnknownName
from audit.checks.negation import NegationMismatch
from audit.checks.numbers import NumberMismatch
from audit.checks.reference import LowReferenceScore
from audit.checks.terminology import GlossaryTerm
from audit.checks.untranslated import TargetCopiesSource, UntranslatedChinese
from audit.errors import AuditError
from audit.model import Severity

ALL_RULES: tuple[type[Rule], ...] = (
    NameMismatch, UnknownName, GlossaryTerm, NumberMismatch, DateMismatch, DayMismatch, SourceVariants, InconsistentRendering,
    OmittedSentence, AddedSentence, PartialTranslation, OmittedClause, AddedClause, NegationMismatch, UntranslatedChinese, TargetCopiesSource,
    BlankParagraph, UnbalancedQuotes, DoubledWord, Spacing, FullWidthPunctuation, LowReferenceScore,
)


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules chosen by code or code prefix (`N` selects N001 and N002), as ruff does."""
    select, ignore = [s.upper() for s in select], [s.upper() for s in ignore]
    for code in select + ignore:
        if not any(rule.code.startswith(code) for rule in ALL_RULES):
            raise _unknown(code, "")
    chosen = [r for r in ALL_RULES if not select or any(r.code.startswith(s) for s in select)]
    return [rule() for rule in chosen if not any(rule.code.startswith(i) for i in ignore)]


def check_severities(overrides: Mapping[str, Severity]) -> None:
    """A severity override names one rule by its full code: anything else is a mistake to report, not to ignore."""
    for code in overrides:
        if not any(rule.code == code for rule in ALL_RULES):
            raise _unknown(code, " in 'severity'")


def _unknown(code: str, where: str) -> AuditError:
    return AuditError(f"unknown rule code {code!r}{where} (known: {', '.join(sorted(r.code for r in ALL_RULES))})")
