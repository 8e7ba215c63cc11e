"""Command line: `audit check`, `audit hook` (pre-commit), `audit baseline`, `audit rules`, `audit glossary …`."""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path
from typing import Callable, List, Optional, TypeVar

from audit import regex_cache

regex_cache.install()  # before the imports below: most of the patterns a run compiles are theirs

import typer  # noqa: E402

from audit.console import flush_quietly, say  # noqa: E402
from audit.errors import AuditError, ReportError, Terminated  # noqa: E402
from audit.model import Severity  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Audit Chinese→English news translations.")
glossary_app = typer.Typer(no_args_is_help=True, help="Validate a glossary, or extract one from approved translations.")
app.add_typer(glossary_app, name="glossary")

T = TypeVar("T")


def _version(value: bool) -> None:
    if value:
        from audit import __version__

        typer.echo(f"audit (zh-en-audit) {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                           help="Print the version and exit.")) -> None:
    """Audit Chinese→English news translations."""


PATHS = typer.Argument(None, help="Articles: bilingual files, pairs (story.zh.md + story.en.md), folders, CSV/TSV, XLIFF, TMX, PO.")
SOURCE = typer.Option(None, "--source", "-s", help="Chinese file (with --target).")
TARGET = typer.Option(None, "--target", "-t", help="English file (with --source).")
GLOSSARY = typer.Option([], "--glossary", "-g", help="Glossary CSV/TSV (chinese,english,type,note); repeatable.")
NO_BUNDLED = typer.Option(None, "--no-bundled-glossary", help="Do not load the bundled news-name glossary.")
SELECT = typer.Option([], "--select", help="Only these rule codes or prefixes (N001, N).")
IGNORE = typer.Option([], "--ignore", help="Skip these rule codes or prefixes.")
ENCODING = typer.Option(None, "--encoding", help="Input encoding when not UTF-8/UTF-16 (e.g. big5, gb18030).")
FAIL_ON = typer.Option(None, "--fail-on", help="Exit 1 when a finding has this severity or higher: error (default), warning, info.")
BASELINE = typer.Option(None, "--baseline", help="Report only findings not recorded in this baseline file.")
DEBUG = typer.Option(False, "--debug", help="Show a traceback on internal errors.")
FORMAT = typer.Option("text", "--format", help="Finding lines: text (path:line:col: CODE …) or github (Actions annotations).")
DECISIONS = typer.Option([], "--decisions", "-d", help="A triaged audit CSV (status: accepted / ignore, note); ignored findings are suppressed. Repeatable: reviewers' files are merged, conflicts shown.")
COMPARE = typer.Option([], "--compare", help="An earlier run's audit.json: new, resolved and unchanged findings. Repeatable: a history.")
JOBS = typer.Option(1, "--jobs", "-j", help="Audit documents in this many processes (0: one per CPU core).")


def _guard(debug: bool, action: Callable[[], int]) -> None:
    """Run a command: our own errors and bugs alike end in one line on stderr and exit code 2; SIGINT and
    SIGTERM end it cleanly (exit 130 / 143) saying whether reports were written."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = action()
    except AuditError as error:
        say(f"audit: error: {error}", err=True)
        raise typer.Exit(2)
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (errors.Terminated)
        written = getattr(stop, "written", None)
        done = f"reports written: {', '.join(map(str, written))}" if written else "no report written"
        say(f"audit: interrupted; {done}", err=True)
        flush_quietly()
        # Nothing is left to do (temporaries removed, workers ended): exit at once, without the exit handlers
        # of a terminated --jobs pool, which can wait forever on a worker stopped in the middle of a message.
        os._exit(143 if isinstance(stop, Terminated) else 130)
    except Exception as error:  # a bug, not bad input: say so in one line unless asked for more
        if debug:
            raise
        say(f"audit: internal error: {type(error).__name__}: {error} (rerun with --debug)", err=True)
        raise typer.Exit(2)
    raise typer.Exit(code)


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def _settings(glossary: list[Path], no_bundled: bool | None, select: list[str], ignore: list[str],
              fail_on: str | None, baseline: Path | None, encoding: str | None,
              decisions: list[Path] | None = None):  # type: ignore[no-untyped-def]
    from audit.config import load_settings
    from audit.io.decode import text_encoding

    settings = load_settings()
    return settings.merged(
        glossary=settings.glossary + list(glossary) if glossary else None,
        bundled_glossary=False if no_bundled else None,
        select=list(select), ignore=list(ignore),
        fail_on=_severity(fail_on) if fail_on else None,
        baseline=baseline, encoding=text_encoding(encoding) if encoding else None,
        decisions=list(decisions) if decisions else None,  # given on the command line, they replace the config's
    )


def _style(text: str) -> str:
    from audit.report.terminal import STYLES

    if text not in STYLES:
        raise AuditError(f"unknown --format {text!r} (use {', '.join(STYLES)})")
    return text


def _severity(text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as error:
        raise AuditError(str(error)) from None


def _readers(paths: list[Path], source: Path | None, target: Path | None, settings, *,  # type: ignore[no-untyped-def]
             out: Path | None = None, hook: bool = False, notes: Callable[[str], None] | None = None):
    """One reader per document. Our own reports, decisions files and glossaries are never audited as articles
    (each passed over with a note to `notes`). In `hook` mode (pre-commit hands over every changed file), a
    file that is not half of a bilingual article, or a Chinese draft without translation, is passed over."""
    from audit.io.discover import find_jobs, read_job
    from audit.io.text import read_pair

    if (source is None) != (target is None):
        raise AuditError("--source and --target go together")
    if not paths and source is None:
        raise AuditError("nothing to audit: give files or folders, or --source and --target")
    # A decisions file is an audit CSV, which the CSV reader would take for an article of aligned rows.
    exclude = list(settings.exclude) + [glob.escape(p.resolve().as_posix()) for p in settings.glossary + settings.decisions]
    if out is not None:  # escaped: a folder named `rep[1]` is that name, not a pattern
        exclude.append(f"{glob.escape(out.resolve().as_posix())}/*")
    found = find_jobs(paths, settings.encoding, exclude=exclude, articles_only=hook) if paths else None
    jobs = found.jobs if found else []
    if hook:
        jobs = [job for job in jobs if job.kind != "unpaired"]
    for passed in found.passed if found else []:
        if notes is not None and (passed.own or hook):
            notes(f"{passed.path}: {passed.note}")
    own = [passed for passed in found.passed if passed.own] if found else []
    if not jobs and own and source is None and not hook:
        first = own[0]
        raise AuditError(f"{first.path}: {first.note}; nothing else to audit")
    readers = Readers((job.label, lambda job=job: read_job(job)) for job in jobs)
    files = [path for job in jobs for path in job.paths]
    if source is not None and target is not None:
        readers.append((str(target), lambda: read_pair(source, target, settings.encoding)))
        files += [source, target]
    readers.input_bytes = sum(_size(path) for path in dict.fromkeys(files))
    return readers


def _note(text: str) -> None:
    typer.echo(f"audit: passed over {text}", err=True)


class Readers(list):  # type: ignore[type-arg]
    """The documents' readers, and the bytes of input they will read (what makes a run large)."""

    input_bytes = 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reported when read


@app.command()
def check(
    paths: List[Path] = PATHS,
    source: Optional[Path] = SOURCE,
    target: Optional[Path] = TARGET,
    out: Path = typer.Option(Path("reports"), "--out", "-o", help="Folder for the reports."),
    report: List[str] = typer.Option(["csv", "html"], "--report", "-r", help="Reports to write: csv, html, json, sarif (repeatable)."),
    no_report: bool = typer.Option(False, "--no-report", help="Write no report files; terminal output only."),
    glossary: List[Path] = GLOSSARY,
    no_bundled_glossary: Optional[bool] = NO_BUNDLED,
    select: List[str] = SELECT,
    ignore: List[str] = IGNORE,
    fail_on: Optional[str] = FAIL_ON,
    baseline: Optional[Path] = BASELINE,
    decisions: List[Path] = DECISIONS,
    compare: List[Path] = COMPARE,
    reference: Optional[Path] = typer.Option(None, "--reference", help="A reference English translation: sentence chrF (R001) and corpus BLEU/chrF."),
    encoding: Optional[str] = ENCODING,
    strict: bool = typer.Option(False, "--strict", help="Stop at the first unreadable input instead of skipping it."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only finding lines; no summary."),
    output_format: str = FORMAT,
    jobs: int = JOBS,
    debug: bool = DEBUG,
) -> None:
    """Audit articles; print `file:line:col: CODE message` lines and write reports into --out."""

    def action() -> int:
        from audit.progress import Progress
        from audit.report.terminal import conflict_lines, print_report, review_lines
        from audit.run import FORMATS, audit_documents, load_review_inputs, meta, report_renderers, review_results, write_reports

        style = _style(output_format)  # a mistyped option stops the run before the audit, not after it
        formats = [] if no_report else list(dict.fromkeys(report))
        for fmt in formats:
            if fmt not in FORMATS:
                raise AuditError(f"unknown report format {fmt!r} (use {', '.join(FORMATS)})")
        settings = _settings(glossary, no_bundled_glossary, select, ignore, fail_on, baseline, encoding, decisions)
        inputs = load_review_inputs(settings, list(compare))
        readers = _readers(paths or [], source, target, settings, out=out, notes=None if quiet else _note)
        progress = Progress.on_terminal(len(readers), quiet=quiet)
        try:
            run = audit_documents(readers, settings, strict=strict, reference=reference, jobs=jobs, progress=progress,
                                  compact=True, input_bytes=readers.input_bytes, decisions=inputs.decisions)
        finally:
            if progress is not None:
                progress.close()
        for failure in run.failures:
            say(f"audit: error: {failure} (skipped)", err=True)
        if inputs.error is not None:  # the findings, then why no report was written
            print_report(run.results, sys.stdout, quiet=quiet, style=style)
            say(f"audit: error: {inputs.error}; no report written", err=True)
            return 2
        review, trend = review_results(run, inputs)
        for line in conflict_lines(review):
            say(f"audit: warning: {line}", err=True)
        # The findings first: a report that cannot be written must not hide them.
        print_report(run.results, sys.stdout, quiet=quiet, style=style)
        for line in [] if quiet else review_lines(review, trend):
            say(line)
        if run.reference and not quiet:
            say(f"reference: {run.reference}")
        if not (formats and run.results):
            return run.exit_code(settings.fail_on)
        info = meta(settings) | ({"reference": run.reference} if run.reference else {})
        written: list[Path] = []
        try:
            write_reports(report_renderers(run.results, formats, info, review=review, trend=trend), out, written)
        except ReportError as error:
            say(f"audit: error: {error}; the findings are printed above", err=True)
            return 2
        except KeyboardInterrupt as stop:
            stop.written = written  # type: ignore[attr-defined]  # the set may be in place: say so
            raise
        if not quiet:
            say("reports: " + ", ".join(map(str, written)))
        return run.exit_code(settings.fail_on)

    _guard(debug, action)


@app.command()
def hook(
    paths: List[Path] = typer.Argument(None, help="Changed files, as pre-commit passes them."),
    glossary: List[Path] = GLOSSARY,
    fail_on: Optional[str] = FAIL_ON,
    jobs: int = JOBS,
    output_format: str = FORMAT,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Name the files passed over (not articles, our own reports)."),
    debug: bool = DEBUG,
) -> None:
    """Pre-commit entry: audit the changed articles, print only findings, exit 1 on errors. Writes no reports."""

    def action() -> int:
        from audit.decisions import apply_decisions, load_decisions
        from audit.report.terminal import print_report
        from audit.run import Run, iter_results

        style = _style(output_format)
        settings = _settings(glossary, None, [], [], fail_on, None, None)
        # Findings an editor marked `ignore` in the configured decisions files never block a commit.
        decided = load_decisions(settings.decisions) if settings.decisions else None
        if not paths:
            return 0
        threshold = settings.fail_on
        run = Run()
        blocking = False
        # Streamed: each document's lines are printed as it is done, and nothing of it is kept.
        for result in iter_results(_readers(list(paths), None, None, settings, hook=True,
                                              notes=_note if verbose else None), settings, run, jobs=jobs):
            if decided is not None:
                apply_decisions([result], decided)
            result.findings = [f for f in result.findings if f.severity >= threshold]  # what blocks the commit, only
            blocking = blocking or bool(result.findings)
            print_report([result], sys.stdout, quiet=True, style=style)
        for failure in run.failures:
            say(f"audit: error: {failure}", err=True)
        return 2 if run.failures else 1 if blocking else 0

    _guard(debug, action)


@app.command()
def baseline(
    paths: List[Path] = PATHS,
    output: Path = typer.Option(Path(".audit-baseline.json"), "--output", "-o", help="Baseline file to write."),
    glossary: List[Path] = GLOSSARY,
    encoding: Optional[str] = ENCODING,
    debug: bool = DEBUG,
) -> None:
    """Record today's findings as known, so that `check --baseline FILE` reports only new ones."""

    def action() -> int:
        from audit.report.atomic import write_atomic
        from audit.baseline import render_baseline
        from audit.run import audit_documents

        settings = _settings(glossary, None, [], [], None, None, encoding)
        settings.baseline = None  # the baseline records everything found now
        readers = _readers(paths or [], None, None, settings, notes=_note)
        run = audit_documents(readers, settings, strict=True, compact=True, input_bytes=readers.input_bytes)
        write_atomic(output, render_baseline(run.results).encode("utf-8"))
        count = sum(len(r.findings) for r in run.results)
        say(f"{output}: {count} finding{'s' if count != 1 else ''} recorded")
        return 0

    _guard(debug, action)


@app.command()
def rules(codes: List[str] = typer.Argument(None, help="Rule codes or prefixes (N001, N): print their whole documentation."),
          debug: bool = DEBUG) -> None:
    """List every rule (code, name, default severity, summary), or document the rules named."""

    def action() -> int:
        from audit.checks.docs import render, rule_doc
        from audit.checks.registry import ALL_RULES, select_rules

        if not codes:
            for rule in ALL_RULES:
                typer.echo(f"{rule.code}  {rule.name:<22} {rule.severity.label:<8} {rule.summary()}")
            return 0
        typer.echo("\n\n".join(render(rule_doc(type(rule))) for rule in select_rules(codes)))
        return 0

    _guard(debug, action)


@glossary_app.command("validate")
def glossary_validate(files: List[Path] = typer.Argument(..., help="Glossary CSV/TSV files."), debug: bool = DEBUG) -> None:
    """Check glossary files: columns, types, empty cells, forms claimed by two entries."""

    def action() -> int:
        from audit.lexicon.glossary import validate_files

        problems, count = validate_files(files)
        for problem in problems:
            say(problem)
        say(f"{count} entries checked, {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        return 1 if problems else 0

    _guard(debug, action)


@glossary_app.command("extract")
def glossary_extract(
    paths: List[Path] = PATHS,
    output: Path = typer.Option(Path("glossary-candidates.csv"), "--output", "-o", help="Where to write the candidates."),
    min_count: int = typer.Option(1, "--min-count", help="Keep names seen at least this many times."),
    encoding: Optional[str] = ENCODING,
    debug: bool = DEBUG,
) -> None:
    """Propose name pairs (Chinese → English) from approved translations, to seed a glossary."""

    def action() -> int:
        from audit.lexicon.extract import extract_candidates, render_candidates
        from audit.report.atomic import write_atomic

        settings = _settings([], None, [], [], None, None, encoding)
        candidates = extract_candidates([read() for _, read in _readers(paths or [], None, None, settings, notes=_note)],
                                        min_count=min_count)
        write_atomic(output, render_candidates(candidates).encode("utf-8-sig"))
        say(f"{output}: {len(candidates)} candidate{'s' if len(candidates) != 1 else ''}")
        return 0

    _guard(debug, action)


def main() -> None:
    try:
        app()
    finally:
        flush_quietly()  # `audit check … | head -1`: the reader has gone; end quietly, as Unix tools do
