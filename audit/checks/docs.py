"""A rule's documentation, read from the rule itself: its docstring, its severities and its thresholds.

`audit rules CODE` prints it, the README's rule table is made from it (`python -m audit.checks.docs README.md`
rewrites the table in place), and tests run its examples. The docstring format is described on
`audit.checks.base.Rule`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from textwrap import dedent

from audit.checks.base import Rule

NOTHING = "(nothing)"
_ARROW = " → "
_KEYS = ("Why:", "Bad:", "Good:", "Glossary:", "Reference:", "Format:")
_ESCAPE = re.compile(r"\\(n|u[0-9a-fA-F]{4})")
_SETTING = re.compile(r"^\s+([A-Z][A-Z0-9_]*)\s*(?::[^=]*)?=\s*[^#]*?(?:#\s*(.*))?$")
TABLE_START, TABLE_END = "<!-- rules table: python -m audit.checks.docs README.md -->", "<!-- end of rules table -->"


@dataclass(frozen=True)
class Example:
    """One example article: its Chinese paragraphs and its English ones (either side may be empty)."""

    source: tuple[str, ...]
    target: tuple[str, ...]


@dataclass(frozen=True)
class Setting:
    """A threshold of a rule: a named class attribute, with the comment that says where its value came from."""

    name: str
    value: object
    origin: str


@dataclass(frozen=True)
class RuleDoc:
    code: str
    name: str
    severity: str  # the default, with when it changes: "error (warning for a dateline)"
    summary: str
    text: str  # the whole docstring, dedented
    why: str  # the Why: text, its lines joined
    bad_lines: tuple[str, ...]  # the examples as written: `<Chinese> → "<English>"`
    good_lines: tuple[str, ...]
    bad: Example
    good: Example
    glossary: tuple[tuple[str, str, str], ...]  # (Chinese, English, type) entries the examples assume
    reference: tuple[str, ...]  # a reference translation the examples assume (R001), as paragraphs
    units: bool  # the examples are translation units paired as given (XLIFF, PO, CSV), not an article to align
    settings: tuple[Setting, ...]


def rule_doc(rule: type[Rule]) -> RuleDoc:
    """The documentation of `rule`; a docstring without a summary, `Why:`, `Bad:` or `Good:` is an error."""
    text = _docstring(rule)
    lines = text.splitlines()
    sections = _sections(lines[1:])
    for key in ("Why:", "Bad:", "Good:"):
        if not sections.get(key):
            raise ValueError(f"{rule.code}: the docstring has no {key!r} line")
    note = f" ({rule.severity_note})" if rule.severity_note else ""
    return RuleDoc(
        rule.code, rule.name, rule.severity.label + note, lines[0].strip(), text,
        why=sections["Why:"][0], bad_lines=tuple(sections["Bad:"]), good_lines=tuple(sections["Good:"]),
        bad=_article(sections["Bad:"], rule.code), good=_article(sections["Good:"], rule.code),
        glossary=tuple(_glossary_line(line, rule.code) for line in sections.get("Glossary:", [])),
        reference=tuple(_quoted(line, rule.code) for line in sections.get("Reference:", [])),
        units=_format(sections.get("Format:", ["article"]), rule.code) == "units",
        settings=settings(rule),
    )


def _docstring(rule: type[Rule]) -> str:
    doc = rule.__doc__ or ""
    first, _, rest = doc.strip().partition("\n")
    return (first + "\n" + dedent(rest)).strip()


def _sections(lines: list[str]) -> dict[str, list[str]]:
    """Lines under each key; a line without a key continues the one before it (only `Why:` runs on)."""
    sections: dict[str, list[str]] = {}
    key = ""
    for line in lines:
        stripped = line.strip()
        found = next((k for k in _KEYS if stripped.startswith(k)), None)
        if found:
            key = found
            sections.setdefault(key, []).append(stripped[len(key):].strip())
        elif key == "Why:" and stripped:
            sections[key][-1] += " " + stripped
    return sections


def _article(lines: list[str], code: str) -> Example:
    """Consecutive example lines form one article: each line one Chinese paragraph and its English one."""
    pairs = [example_line(line, code) for line in lines]
    return Example(tuple(zh for zh, _ in pairs if zh), tuple(en for _, en in pairs if en))


def example_line(line: str, code: str = "") -> tuple[str, str]:
    """`<Chinese> → "<English>"` as (Chinese, English); `(nothing)` on a side gives ""."""
    source, arrow, target = line.partition(_ARROW)
    if not arrow:
        raise ValueError(f'{code}: an example must read <Chinese> → "<English>": {line!r}')
    source = source.strip()
    return ("" if source == NOTHING else source), ("" if target.strip() == NOTHING else _quoted(target, code))


def _quoted(text: str, code: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f'{code}: the English of an example goes in straight double quotes: {text!r}')
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else chr(int(m.group(1)[1:], 16)), text[1:-1])


def _format(lines: list[str], code: str) -> str:
    if len(lines) != 1 or lines[0] not in ("article", "units"):
        raise ValueError(f"{code}: Format: is `article` or `units`, once: {lines!r}")
    return lines[0]


def _glossary_line(line: str, code: str) -> tuple[str, str, str]:
    """`<Chinese> → "<English>" (<type>)`: a glossary entry the examples assume."""
    entry, _, kind = line.rpartition(" (")
    chinese, english = example_line(entry, code)
    return chinese, english, kind.rstrip(")") or "term"


def settings(rule: type[Rule]) -> tuple[Setting, ...]:
    """The rule's thresholds: its UPPER_CASE class attributes, with the comment written beside each."""
    names = [name for name in vars(rule) if name.isupper() and not callable(vars(rule)[name])]
    comments = _comments(rule)
    return tuple(Setting(name, getattr(rule, name), comments.get(name, "")) for name in names)


def _comments(rule: type[Rule]) -> dict[str, str]:
    """`NAME = value  # comment` lines of the rule's class body, read from its source (compiled or not)."""
    path = Path(getattr(sys.modules.get(rule.__module__), "__file__", "") or "")
    for suffix in EXTENSION_SUFFIXES:
        if path.name.endswith(suffix):
            path = path.with_name(path.name[: -len(suffix)] + ".py")
    try:
        source = path.read_text(encoding="utf-8").splitlines()
    except OSError:  # installed without its source: the values are still known, their origins not
        return {}
    start = next((i for i, line in enumerate(source) if line.startswith(f"class {rule.__name__}(")), len(source))
    comments: dict[str, str] = {}
    for line in source[start + 1:]:
        if line and not line[0].isspace():
            break
        match = _SETTING.match(line)
        if match:
            comments[match.group(1)] = match.group(2) or ""
    return comments


def render(doc: RuleDoc) -> str:
    """The rule's whole documentation, as `audit rules CODE` prints it."""
    summary, _, body = doc.text.partition("\n")
    lines = [f"{doc.code} {doc.name}: {summary}", "", f"Default severity: {doc.severity}",
             f'Change it with severity = {{ {doc.code} = "info" }} in [tool.audit]; '
             f"skip the rule with --ignore {doc.code}."]
    lines += ["", body.strip()]
    if doc.settings:
        lines += ["", "Settings:"]
        lines += [f"  {s.name} = {s.value!r}" + (f"  ({s.origin})" if s.origin else "") for s in doc.settings]
    return "\n".join(lines)


def rules_table(rules: tuple[type[Rule], ...]) -> str:
    """The README's rule table, one row per rule."""
    rows = ["| code | name | default severity | finds |", "| --- | --- | --- | --- |"]
    for rule in rules:
        doc = rule_doc(rule)
        rows.append(f"| {doc.code} | {doc.name} | {doc.severity} | {doc.summary} |")
    return "\n".join(rows)


def with_rules_table(readme: str, rules: tuple[type[Rule], ...]) -> str:
    """The README text with the table between its markers made from `rules`."""
    head, start, rest = readme.partition(TABLE_START)
    _, end, tail = rest.partition(TABLE_END)
    if not start or not end:
        raise ValueError(f"the README has no {TABLE_START!r} … {TABLE_END!r} markers")
    return f"{head}{TABLE_START}\n{rules_table(rules)}\n{TABLE_END}{tail}"


def main(argv: list[str]) -> int:
    from audit.checks.registry import ALL_RULES

    if len(argv) != 1:
        print("usage: python -m audit.checks.docs README.md", file=sys.stderr)
        return 2
    path = Path(argv[0])
    text = path.read_text(encoding="utf-8")
    updated = with_rules_table(text, ALL_RULES)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    print(f"{path}: rule table {'rewritten' if updated != text else 'already up to date'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
