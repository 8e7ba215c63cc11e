"""Command line: `audit check …`, `audit rules`."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import List, Optional

import typer

from audit import __version__
from audit.errors import AuditError
from audit.model import DocumentResult, Severity

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Audit Chinese→English news translations.")

FORMATS = ("csv", "html")


@app.command()
def check(
    paths: List[Path] = typer.Argument(None, help="Bilingual files: Chinese paragraphs, then English ones."),
    source: Optional[Path] = typer.Option(None, "--source", "-s", help="Chinese file (with --target)."),
    target: Optional[Path] = typer.Option(None, "--target", "-t", help="English file (with --source)."),
    out: Path = typer.Option(Path("reports"), "--out", "-o", help="Folder for the reports."),
    glossary: List[Path] = typer.Option([], "--glossary", "-g", help="Glossary CSV (chinese,english,type,note); repeatable."),
    no_bundled_glossary: bool = typer.Option(False, "--no-bundled-glossary", help="Do not load the bundled news-name glossary."),
    select: List[str] = typer.Option([], "--select", help="Only these rule codes or prefixes (N001, N)."),
    ignore: List[str] = typer.Option([], "--ignore", help="Skip these rule codes or prefixes."),
    fail_on: str = typer.Option("error", "--fail-on", help="Exit 1 when a finding has this severity or higher (error, warning, info)."),
    report: List[str] = typer.Option(list(FORMATS), "--report", "-r", help="Report files to write: csv, html."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Input encoding when not UTF-8/UTF-16 (e.g. big5, gb18030)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only finding lines; no summary."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on internal errors."),
) -> None:
    """Audit articles and write reports (CSV and HTML) into --out."""
    try:
        code = _check(paths or [], source, target, out, glossary, no_bundled_glossary, select, ignore, fail_on, report, encoding, quiet)
    except AuditError as error:
        typer.echo(f"audit: error: {error}", err=True)
        raise typer.Exit(2)
    except Exception as error:  # a bug, not bad input: say so in one line unless asked for more
        if debug:
            raise
        typer.echo(f"audit: internal error: {type(error).__name__}: {error} (rerun with --debug)", err=True)
        raise typer.Exit(2)
    raise typer.Exit(code)


def _check(paths, source, target, out, glossary_paths, no_bundled, select, ignore, fail_on, report, encoding, quiet) -> int:  # type: ignore[no-untyped-def]
    from audit.checks.registry import select_rules
    from audit.io.text import read_bilingual, read_pair
    from audit.lexicon.glossary import load_glossary
    from audit.pipeline import Auditor

    threshold = _severity(fail_on)
    unknown = [r for r in report if r not in FORMATS]
    if unknown:
        raise AuditError(f"unknown report format {unknown[0]!r} (use {', '.join(FORMATS)})")
    if (source is None) != (target is None):
        raise AuditError("--source and --target go together")
    if not paths and source is None:
        raise AuditError("nothing to audit: give a bilingual file, or --source and --target")
    documents = [read_bilingual(p, encoding) for p in paths]
    if source is not None and target is not None:
        documents.append(read_pair(source, target, encoding))
    auditor = Auditor(load_glossary(glossary_paths, bundled=not no_bundled), select_rules(select, ignore))
    results = [auditor.run(doc) for doc in documents]
    _write_reports(results, out, report, _meta(fail_on, select, ignore, glossary_paths))
    from audit.report.terminal import print_report

    print_report(results, sys.stdout, quiet=quiet)
    if not quiet and report:
        typer.echo(f"reports: {', '.join(str(out / f'audit.{fmt}') for fmt in report)}")
    worst = max((f.severity for r in results for f in r.findings), default=None)
    return 1 if worst is not None and worst >= threshold else 0


def _severity(text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as error:
        raise AuditError(str(error)) from None


def _meta(fail_on: str, select: list[str], ignore: list[str], glossaries: list[Path]) -> dict[str, str]:
    settings = [f"fail-on={fail_on}"]
    if select:
        settings.append("select=" + ",".join(select))
    if ignore:
        settings.append("ignore=" + ",".join(ignore))
    if glossaries:
        settings.append("glossary=" + ",".join(map(str, glossaries)))
    return {
        "tool": f"audit {__version__}",
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "settings": " ".join(settings),
    }


def _write_reports(results: list[DocumentResult], out: Path, formats: list[str], meta: dict[str, str]) -> None:
    """Render every report first, then write each atomically: a failure leaves no half-written file."""
    from audit.report.atomic import write_atomic

    rendered: dict[Path, bytes] = {}
    if "csv" in formats:
        from audit.report.csv_report import render_csv

        rendered[out / "audit.csv"] = render_csv(results).encode("utf-8-sig")
    if "html" in formats:
        from audit.report.html import render_html

        rendered[out / "audit.html"] = render_html(results, meta).encode("utf-8")
    if out.exists() and not out.is_dir():
        raise AuditError(f"{out}: exists and is not a folder")
    for path, data in rendered.items():
        write_atomic(path, data)


@app.command()
def rules() -> None:
    """List every rule: code, name, default severity and summary."""
    from audit.checks.registry import ALL_RULES

    for rule in ALL_RULES:
        typer.echo(f"{rule.code}  {rule.name:<20} {rule.severity.label:<8} {rule.summary()}")


def main() -> None:
    app()
