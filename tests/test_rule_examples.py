"""Every rule's docstring examples, run as a user's article would be: Bad must produce the rule, Good must not.

The examples go through the whole audit (segmentation, alignment, every rule, the bundled glossary), so an
example caught by another rule instead of its own fails here. The format is described on audit.checks.base.Rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.checks.docs import Example, RuleDoc, example_line, render, rule_doc, settings, with_rules_table
from audit.checks.registry import ALL_RULES
from audit.io.text import paragraphs
from audit.lexicon.glossary import Entry, Glossary, bundled_entries
from audit.model import Document
from audit.pipeline import Auditor
from audit.checks.registry import select_rules
from audit.segment import segment_blocks

README = Path(__file__).resolve().parent.parent / "README.md"
BUNDLED = bundled_entries()


def codes_found(doc: RuleDoc, example: Example) -> set[str]:
    source, blank_source = paragraphs("\n\n".join(example.source), "example.zh.txt")
    target, blank_target = paragraphs("\n\n".join(example.target), "example.en.txt")
    document = Document("example", source, target, blank_target=blank_target, blank_source=blank_source,
                        prealigned=doc.units)
    extra = [Entry(tuple(zh.split("|")), tuple(en.split("|")), kind) for zh, en, kind in doc.glossary]
    auditor = Auditor(Glossary(BUNDLED + extra), select_rules())
    if doc.reference:
        reference, _ = paragraphs("\n\n".join(doc.reference), "reference.en.txt")
        auditor.options.reference = {"example": segment_blocks(reference, "en")}
    return {finding.code for finding in auditor.run(document).findings}


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.code for rule in ALL_RULES])
def test_the_bad_example_produces_the_rule_and_the_good_one_does_not(rule: type) -> None:
    doc = rule_doc(rule)
    bad, good = codes_found(doc, doc.bad), codes_found(doc, doc.good)
    assert rule.code in bad, f"{rule.code}'s Bad example gives {sorted(bad)}"
    assert rule.code not in good, f"{rule.code}'s Good example gives {sorted(good)}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.code for rule in ALL_RULES])
def test_every_threshold_says_where_its_value_comes_from(rule: type) -> None:
    for setting in settings(rule):
        assert setting.origin, f"{rule.code}.{setting.name} has no comment on its origin"


def test_example_lines_read_nothing_escapes_and_articles() -> None:
    assert example_line('(nothing) → "A\\u00a0b.\\n\\nC."') == ("", "A\u00a0b.\n\nC.")
    assert example_line("對此。 → (nothing)") == ("對此。", "")
    with pytest.raises(ValueError, match="straight double quotes"):
        example_line("對此。 → Russia said.")
    with pytest.raises(ValueError, match="must read"):
        example_line('"Russia said."')


def test_audit_rules_code_prints_the_whole_documentation() -> None:
    from audit.checks.names import NameMismatch

    text = render(rule_doc(NameMismatch))
    assert text.startswith("N001 name-mismatch: A name of the source is rendered as another name")
    assert "Default severity: error (warning when a glossary person is simply absent" in text
    assert 'Bad:  美國特使威特科夫 → "U.S. special envoy Whitaker"' in text and "Why: a wrong name" in text
    assert "SIMILAR = 0.5" in text


def test_the_readme_rule_table_is_the_rules_own() -> None:
    readme = README.read_text(encoding="utf-8")
    assert with_rules_table(readme, ALL_RULES) == readme, (
        "README.md's rule table differs from the rules: run `python -m audit.checks.docs README.md`")


def test_audit_rules_with_codes_prints_their_documentation_and_refuses_an_unknown_one() -> None:
    import subprocess
    import sys

    def rules(*codes: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "audit", "rules", *codes], capture_output=True, text=True, timeout=60)

    documented = rules("O")
    assert documented.returncode == 0
    assert [line.split()[0] for line in documented.stdout.splitlines() if line[:1] == "O" and line[4:5] == " "] == \
        ["O001", "O002", "O003", "O004", "O005"]
    assert 'Bad:  (nothing) → "The minister also resigned on Friday."' in documented.stdout
    unknown = rules("X9")
    assert unknown.returncode == 2 and "unknown rule code 'X9'" in unknown.stderr
