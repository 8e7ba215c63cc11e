"""Terminal output: `path:line:col: CODE message` lines (as compilers print them) and a summary."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from audit.model import DocumentResult, Severity


def finding_lines(results: list[DocumentResult]) -> list[str]:
    lines = []
    for result in results:
        for f in result.findings:
            where = str(f.location) if f.location else result.name
            suggestion = f" [{f.suggestion}]" if f.suggestion else ""
            lines.append(f"{where}: {f.code} {f.severity.label}: {f.message}{suggestion}")
    return lines


def summary(results: list[DocumentResult]) -> str:
    counts = Counter(f.severity for r in results for f in r.findings)
    pairs = sum(len(r.aligned.pairs) for r in results)
    suppressed = sum(r.suppressed for r in results)
    parts = [f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    tail = f", {suppressed} suppressed" if suppressed else ""
    return f"{len(results)} document{'s' if len(results) != 1 else ''}, {pairs} aligned pairs: {', '.join(parts)}{tail}"


def print_report(results: list[DocumentResult], out: TextIO, *, quiet: bool = False) -> None:
    for line in finding_lines(results):
        print(line, file=out)
    if not quiet:
        print(summary(results), file=out)
